"""NITF's body.content read whole: definition lists, notes, footnotes, blocks, loose text.

What has a place in the model is read; what has none is reported after the
article (a :class:`~newsparse.ParseError` naming the element, its line and
column), never dropped silently.
"""

from __future__ import annotations

import newsparse
import pytest
from newsparse import (
    Image,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Table,
    TableCell,
    TableRow,
)

NS = "http://iptc.org/std/NITF/2006-10-18/"


def nitf(content: str, body_head: str = "") -> str:
    return (
        f'<nitf xmlns="{NS}"><body><body.head><hedline><hl1>Headline</hl1></hedline>'
        f"{body_head}</body.head><body.content>{content}</body.content></body></nitf>"
    )


def read(text: str) -> tuple[newsparse.Article, list[newsparse.ParseError]]:
    errors: list[newsparse.ParseError] = []
    (article,) = newsparse.parse(text, "nitf", on_error=errors.append)
    return article, errors


def blocks(text: str) -> tuple[object, ...]:
    article, errors = read(text)
    assert errors == []
    return tuple(block for section in article.body for block in section.blocks)


def test_a_definition_list_is_a_two_column_table() -> None:
    content = (
        "<dl><dt>Capital</dt><dd>Oslo</dd>"
        "<dt>Languages</dt><dd>Norwegian</dd><dd>Sami</dd>"
        "<dt>Leader</dt><dt>Head of state</dt><dd>The king</dd></dl>"
    )
    table = Table(
        rows=[
            TableRow(cells=[TableCell(text="Capital", header=True), TableCell(text="Oslo")]),
            # Two definitions: the term spans their two rows.
            TableRow(
                cells=[
                    TableCell(text="Languages", header=True, rowspan=2),
                    TableCell(text="Norwegian"),
                ]
            ),
            TableRow(cells=[TableCell(text="Sami")]),
            # One definition for two terms: the definition spans the two rows.
            TableRow(
                cells=[
                    TableCell(text="Leader", header=True),
                    TableCell(text="The king", rowspan=2),
                ]
            ),
            TableRow(cells=[TableCell(text="Head of state", header=True)]),
        ]
    )
    assert blocks(nitf(content)) == (table,)
    # Written back as that table, it reads back the same.
    article, _ = read(nitf(content))
    assert newsparse.parse(newsparse.render([article], "nitf"), "nitf") == [article]


def test_a_definition_whose_dd_holds_blocks_is_read_in_the_flow() -> None:
    content = "<dl><dt>Tides</dt><dd><p>High at six.</p><ul><li>Low at noon</li></ul></dd></dl>"
    assert blocks(nitf(content)) == (
        Paragraph(text="Tides"),
        Paragraph(text="High at six."),
        ListBlock(items=[ListItem(text="Low at noon")]),
    )


def test_footnotes_and_publishable_notes_are_read_where_they_stand() -> None:
    content = (
        "<p>Ice closed the harbour.</p>"
        "<fn><body.content><p>Figures from the port.</p></body.content></fn>"
        '<note noteclass="cpyrt"><body.content><p>Copyright Harbour Post.</p></body.content></note>'
    )
    assert blocks(nitf(content)) == (
        Paragraph(text="Ice closed the harbour."),
        Paragraph(text="Figures from the port."),
        Paragraph(text="Copyright Harbour Post."),
    )


def test_a_note_not_for_publication_is_reported_with_its_place() -> None:
    content = (
        "<p>Kept.</p>\n"
        '  <note type="npa"><body.content><p>Do not publish.</p></body.content></note>'
    )
    article, errors = read(nitf(content))
    assert article.paragraphs == ("Kept.",)
    (error,) = errors
    # Line 2, after two spaces: column 3.
    assert (error.line, error.column) == (2, 3)
    assert error.message.startswith('the <note> element is not read: a note of type "npa"')
    assert error.excerpt == "Do not publish."


def test_notes_in_body_head_are_kept_in_meta_with_class_and_type() -> None:
    body_head = (
        '<note noteclass="editorsnote" type="npa"><body.content><p>Sample,\n not'
        " for <em>publication</em>.</p></body.content></note>"
        "<note><body.content><p>Second note.</p></body.content></note>"
    )
    article, errors = read(nitf("<p>Text.</p>", body_head=body_head))
    assert errors == []
    assert article.paragraphs == ("Text.",)
    assert dict(article.meta) == {
        "nitf.note": "Sample, not for publication.\nSecond note.",
        "nitf.note.class": "editorsnote\nundef",
        "nitf.note.type": "npa\nstd",
    }
    assert newsparse.parse(newsparse.render([article], "nitf"), "nitf") == [article]


def test_a_note_with_a_class_nitf_does_not_define_is_reported() -> None:
    body_head = '<note noteclass="gossip"><body.content><p>Psst.</p></body.content></note>'
    article, errors = read(nitf("<p>Text.</p>", body_head=body_head))
    assert article.meta["nitf.note"] == "Psst."
    assert "nitf.note.class" not in article.meta
    (error,) = errors
    assert "noteclass 'gossip' is none of NITF's" in error.message


@pytest.mark.parametrize(
    ("meta", "field"),
    [
        ({"nitf.note.type": "npa"}, "meta['nitf.note.type']"),
        ({"nitf.note": "A\nB", "nitf.note.class": "cpyrt"}, "meta['nitf.note.class']"),
        ({"nitf.note": "A", "nitf.note.type": "secret"}, "meta['nitf.note.type']"),
        ({"nitf.note": "A", "nitf.note.type": "std"}, "meta['nitf.note.type']"),
    ],
)
def test_note_kinds_that_would_not_read_back_are_refused(meta: dict[str, str], field: str) -> None:
    with pytest.raises(newsparse.RenderError) as refused:
        newsparse.render([newsparse.Article(title="T", meta=meta)], "nitf")
    assert refused.value.field == field


def test_a_blocks_metadata_is_reported_and_its_content_read() -> None:
    content = (
        "<block><byline>By the sidebar desk</byline><p>Sidebar text.</p>"
        '<key-list><keyword key="k"/></key-list></block>'
    )
    article, errors = read(nitf(content))
    assert article.paragraphs == ("Sidebar text.",)
    # The key-list holds no text: nothing to report.
    (error,) = errors
    assert error.message.startswith("the <byline> element is not read")
    assert error.excerpt == "By the sidebar desk"


def test_text_directly_in_body_content_is_a_paragraph() -> None:
    assert blocks(nitf("Loose words.<p>A paragraph.</p> More loose words. <hr/>")) == (
        Paragraph(text="Loose words."),
        Paragraph(text="A paragraph."),
        Paragraph(text="More loose words."),
    )


def test_a_paragraph_starting_with_a_no_break_space_is_read() -> None:
    # Before, the model refused the text and the whole document was lost.
    assert blocks(nitf("<p>&#160;Hello&#160;</p><p>&#160;</p>")) == (Paragraph(text="Hello"),)


def test_paragraphs_inside_a_list_item_stay_apart() -> None:
    content = "<ul><li><p>One</p><p>Two</p></li></ul>"
    assert blocks(nitf(content)) == (ListBlock(items=[ListItem(text="One Two")]),)


def test_a_table_whose_cells_hold_blocks_keeps_its_caption_and_loose_cell_text() -> None:
    content = (
        "<table><caption>Tides</caption><tr><td>Monday</td>"
        "<td><p>High at six.</p></td></tr></table>"
    )
    assert blocks(nitf(content)) == (
        Paragraph(text="Tides"),
        Paragraph(text="Monday"),
        Paragraph(text="High at six."),
    )


def test_a_quote_holding_a_list_keeps_its_credit() -> None:
    content = (
        "<bq><block><p>We will reopen.</p><ul><li>Soon</li></ul></block>"
        "<credit>The harbour master</credit></bq>"
    )
    assert blocks(nitf(content)) == (
        Paragraph(text="We will reopen."),
        ListBlock(items=[ListItem(text="Soon")]),
        Paragraph(text="The harbour master"),
    )


def test_a_plain_quote_is_still_a_quote() -> None:
    content = "<bq><block><p>We will reopen.</p></block><credit>The master</credit></bq>"
    assert blocks(nitf(content)) == (
        Quote(paragraphs=[Paragraph(text="We will reopen.")], attribution="The master"),
    )


def test_an_nitf_table_gives_its_table_and_reports_its_summary() -> None:
    content = (
        "<nitf-table><nitf-table-metadata><nitf-table-summary><p>Tide times</p>"
        "</nitf-table-summary></nitf-table-metadata>"
        "<table><tr><td>6:00</td><td>High</td></tr></table></nitf-table>"
    )
    article, errors = read(nitf(content))
    assert article.body == (
        Section(
            blocks=[Table(rows=[TableRow(cells=[TableCell(text="6:00"), TableCell(text="High")])])]
        ),
    )
    (error,) = errors
    assert error.message.startswith("the <nitf-table-summary> element is not read")


def test_a_video_and_an_images_embedded_data_are_reported() -> None:
    content = (
        '<media media-type="image"><media-reference source="a.jpg"/>'
        '<media-object encoding="base64">AAAA</media-object></media>'
        '<media media-type="video"><media-reference source="v.mp4"/>'
        "<media-caption>The quay</media-caption></media>"
    )
    article, errors = read(nitf(content))
    assert article.images == (Image(url="a.jpg"),)
    assert [error.message.split(":")[0] for error in errors] == [
        "the <media-object> element is not read",
        "the <media> element is not read",
    ]
    assert errors[1].excerpt == "The quay"


def test_the_column_picks_the_reported_element_among_its_namesakes_on_the_line() -> None:
    content = (
        '<note type="npa"><body.content><p>First.</p></body.content></note>'
        '<note type="npa"><body.content><p>Second.</p></body.content></note>'
    )
    text = nitf(content)
    _, errors = read(text)
    first = text.index("<note") + 1
    second = text.index("<note", first) + 1
    assert [(error.column, error.excerpt) for error in errors] == [
        (first, "First."),
        (second, "Second."),
    ]


def test_a_body_ends_tagline_and_bibliography_are_the_last_paragraphs() -> None:
    end = (
        "<body.end><tagline>Jo Park contributed.</tagline>"
        "<bibliography>Port figures, 2024.</bibliography></body.end>"
    )
    text = nitf("<hl2>Later</hl2><p>Text.</p>").replace("</body.content>", "</body.content>" + end)
    assert read(text) == (
        newsparse.Article(
            title="Headline",
            body=[
                Section(
                    heading="Later",
                    paragraphs=["Text.", "Jo Park contributed.", "Port figures, 2024."],
                )
            ],
        ),
        [],
    )


def test_a_table_row_without_text_is_refused_when_writing() -> None:
    # Read back, such a row is no row: refused rather than lost.
    table = Table(rows=[TableRow(cells=[TableCell(text="Ajax")]), TableRow(cells=[TableCell()])])
    article = newsparse.Article(title="T", body=[Section(blocks=[table])])
    with pytest.raises(newsparse.RenderError) as refused:
        newsparse.render([article], "nitf")
    assert refused.value.field == "body[0].blocks[0].rows[1]"
    assert refused.value.reason == "a row without text reads back as none"
