"""NewsML-G2 blocks: read from inline XHTML and NITF, written as inline NITF.

Every expected value was worked out by hand from the markup (mark offsets
count characters of the collapsed text).
"""

from __future__ import annotations

import newsparse
from newsparse import (
    Article,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Quote,
    Section,
    Table,
    TableCell,
    TableRow,
)

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"


def item(content: str, content_meta: str = "") -> str:
    return (
        f'<newsItem xmlns="{NAR}" guid="urn:x:1" standard="NewsML-G2" standardversion="2.35">'
        '<itemMeta><itemClass qcode="ninat:text"/>'
        "<versionCreated>2024-01-17T08:30:00Z</versionCreated></itemMeta>"
        f"<contentMeta><headline>Ice</headline>{content_meta}</contentMeta>"
        f"<contentSet>{content}</contentSet></newsItem>"
    )


def xhtml(body: str) -> str:
    return (
        '<inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="{XHTML_NS}"><body>{body}</body></html></inlineXML>'
    )


def read(text: str) -> tuple[Article, list[newsparse.ParseError]]:
    errors: list[newsparse.ParseError] = []
    (article,) = newsparse.parse(text, "newsml-g2", on_error=errors.append)
    return article, errors


def blocks(body: str) -> tuple[object, ...]:
    article, errors = read(item(xhtml(body)))
    assert errors == []
    return tuple(block for section in article.body for block in section.blocks)


def test_the_format_declares_the_blocks_and_marks_its_inline_nitf_writes() -> None:
    fmt = newsparse.formats()["newsml-g2"]
    assert fmt.blocks == {"paragraph", "list", "table", "quote", "preformatted"}
    assert fmt.marks == {"link", "emphasis"}


def test_marks_in_a_paragraph() -> None:
    body = (
        '<p>See <a href=" https://port.example/ ">the port</a>, <i>now</i> and '
        "<b>here</b><br/>again.</p>"
    )
    # "See the port, now and here again.": "the port" is 4-12, "now" 14-17,
    # "here" 22-26; the line break is a space.
    assert blocks(body) == (
        Paragraph(
            text="See the port, now and here again.",
            marks=[
                Mark(kind="link", start=4, end=12, href="https://port.example/"),
                Mark(kind="emphasis", start=14, end=17),
                Mark(kind="strong", start=22, end=26),
            ],
        ),
    )


def test_marks_after_text_escaped_twice_count_the_unescaped_text() -> None:
    # STT: "&amp;quot;" in the source is a quotation mark in the text.
    assert blocks("<p>&amp;quot;Go&amp;quot; <em>now</em></p>") == (
        Paragraph(text='"Go" now', marks=[Mark(kind="emphasis", start=5, end=8)]),
    )


def test_nested_lists_are_sublists() -> None:
    body = "<ol><li>Ajax<ul><li>Home</li><li>Away</li></ul></li><li><p>PSV</p></li></ol>"
    assert blocks(body) == (
        ListBlock(
            items=[
                ListItem(
                    text="Ajax",
                    sublist=ListBlock(items=[ListItem(text="Home"), ListItem(text="Away")]),
                ),
                ListItem(text="PSV"),
            ],
            ordered=True,
        ),
    )


def test_a_list_with_text_outside_its_items_is_read_in_the_flow() -> None:
    assert blocks("<ul>Results:<li>Ajax 2</li></ul>") == (
        Paragraph(text="Results:"),
        Paragraph(text="Ajax 2"),
    )


def test_a_table_with_caption_groups_and_spans() -> None:
    body = (
        "<table><caption>Standings</caption>"
        "<thead><tr><th>Team</th><th>Points</th></tr></thead>"
        '<tbody><tr><td>Ajax</td><td rowspan="2">61</td></tr><tr><td>PSV</td></tr>'
        '<tr><td colspan="2"><em>Not final</em></td></tr></tbody></table>'
    )
    assert blocks(body) == (
        Table(
            caption="Standings",
            head=[
                TableRow(
                    cells=[
                        TableCell(text="Team", header=True),
                        TableCell(text="Points", header=True),
                    ]
                )
            ],
            rows=[
                TableRow(cells=[TableCell(text="Ajax"), TableCell(text="61", rowspan=2)]),
                TableRow(cells=[TableCell(text="PSV")]),
                TableRow(
                    cells=[
                        TableCell(
                            text="Not final",
                            marks=[Mark(kind="emphasis", start=0, end=9)],
                            colspan=2,
                        )
                    ]
                ),
            ],
        ),
    )


def test_a_table_whose_cells_hold_blocks_is_read_in_the_flow() -> None:
    body = "<table><caption>Tides</caption><tr><td><p>High</p><p>Low</p></td></tr></table>"
    assert blocks(body) == (
        Paragraph(text="Tides"),
        Paragraph(text="High"),
        Paragraph(text="Low"),
    )


def test_a_blockquote_with_a_footer_is_a_quote_with_its_attribution() -> None:
    body = (
        '<blockquote class="pullquote"><p>We will reopen.</p><p>Soon.</p>'
        "<footer>\u2014 The harbour master</footer></blockquote>"
        "<blockquote>Loose words <cite>A pilot</cite></blockquote>"
    )
    assert blocks(body) == (
        Quote(
            paragraphs=[Paragraph(text="We will reopen."), Paragraph(text="Soon.")],
            attribution="The harbour master",
            pull=True,
        ),
        Quote(paragraphs=[Paragraph(text="Loose words")], attribution="A pilot"),
    )


def test_a_blockquote_holding_a_list_is_read_in_the_flow() -> None:
    body = "<blockquote><p>Said:</p><ul><li>One</li></ul><footer>Her</footer></blockquote>"
    assert blocks(body) == (
        Paragraph(text="Said:"),
        ListBlock(items=[ListItem(text="One")]),
        Paragraph(text="Her"),
    )


def test_a_definition_list_is_a_two_column_table() -> None:
    body = "<dl><dt>Capital</dt><dd>Oslo</dd><dt>Sea</dt></dl>"
    assert blocks(body) == (
        Table(
            rows=[
                TableRow(cells=[TableCell(text="Capital", header=True), TableCell(text="Oslo")]),
                TableRow(cells=[TableCell(text="Sea", header=True), TableCell()]),
            ]
        ),
    )


def test_preformatted_text_keeps_its_lines() -> None:
    assert blocks("<pre>Ajax  61\nPSV   58</pre>") == (
        newsparse.Preformatted(text="Ajax  61\nPSV   58"),
    )


def test_embedded_objects_are_reported() -> None:
    body = '<p>Watch.</p><iframe src="https://video.example/1"></iframe><video>Clip</video>'
    article, errors = read(item(xhtml(body)))
    assert article.paragraphs == ("Watch.",)
    assert [error.message.split(":")[0] for error in errors] == [
        "the <iframe> element is not read",
        "the <video> element is not read",
    ]


def test_a_repeated_by_line_goes_but_the_blocks_after_it_stay() -> None:
    # Reuters repeats the by line as the first paragraph: that paragraph goes,
    # the list after it stays (before, the first section was rebuilt from its
    # paragraphs and the list was lost).
    nitf = (
        '<inlineXML contenttype="application/nitf+xml">'
        f'<nitf xmlns="{NITF_NS}"><body><body.content><p>By Ana Lind</p>'
        "<ul><li>Quay shut</li></ul><p>More.</p></body.content></body></nitf></inlineXML>"
    )
    article, errors = read(item(nitf, content_meta="<by>By Ana Lind</by>"))
    assert errors == []
    assert article.body == (
        Section(blocks=[ListBlock(items=[ListItem(text="Quay shut")]), Paragraph(text="More.")]),
    )


def test_a_first_paragraph_with_marks_is_no_repeated_by_line() -> None:
    nitf = (
        '<inlineXML contenttype="application/nitf+xml">'
        f'<nitf xmlns="{NITF_NS}"><body><body.content><p>By <a href="https://x.example/">'
        "Ana Lind</a></p></body.content></body></nitf></inlineXML>"
    )
    article, _ = read(item(nitf, content_meta="<by>By Ana Lind</by>"))
    assert article.body[0].blocks == (
        Paragraph(
            text="By Ana Lind",
            marks=[Mark(kind="link", start=3, end=11, href="https://x.example/")],
        ),
    )


STANDINGS = Table(
    caption="Final standings",
    head=[
        TableRow(cells=[TableCell(text="Team", header=True), TableCell(text="Pts", header=True)])
    ],
    rows=[
        TableRow(cells=[TableCell(text="Ajax"), TableCell(text="61", rowspan=2)]),
        TableRow(cells=[TableCell(text="PSV")]),
    ],
)


def test_blocks_round_trip_through_the_inline_nitf() -> None:
    article = Article(
        title="Ice",
        body=[
            Section(
                blocks=[
                    Paragraph(text="Standings:", marks=[Mark(kind="emphasis", start=0, end=9)]),
                    STANDINGS,
                    Quote(paragraphs=[Paragraph(text="Fine.")], attribution="A coach"),
                ]
            )
        ],
        modified=None,
        published=None,
        meta={"newsml-g2.guid": "urn:x:1", "newsml-g2.versionCreated": "2024-01-17T08:30:00"},
    )
    text = newsparse.render([article], "newsml-g2")
    assert "<table>" in text
    assert newsparse.parse(text, "newsml-g2") == [article]
