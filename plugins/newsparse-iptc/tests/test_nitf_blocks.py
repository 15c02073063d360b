"""NITF's block elements: lists, tables, bq with credit, pre, a href and em."""

from __future__ import annotations

from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import (
    Article,
    Block,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    RenderError,
    Section,
    Table,
    TableCell,
    TableRow,
)

NS = "http://iptc.org/std/NITF/2006-10-18/"

STANDINGS = Table(
    caption="Final standings",
    head=[
        TableRow(cells=[TableCell(text="Team", header=True), TableCell(text="Points", header=True)])
    ],
    rows=[
        TableRow(cells=[TableCell(text="Ajax"), TableCell(text="61")]),
        TableRow(cells=[TableCell(text="PSV"), TableCell()]),
        TableRow(cells=[TableCell(text="Season not finished", colspan=2)]),
    ],
)


def nitf(content: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="{NS}"><body>'
        "<body.head><hedline><hl1>Results</hl1></hedline></body.head>"
        f"<body.content>{content}</body.content></body></nitf>"
    )


def blocks_of(content: str) -> list[Block]:
    [article] = newsparse.parse(nitf(content), "nitf")
    return [block for section in article.body for block in section.blocks]


def test_reads_links_and_emphasis_as_marks_over_collapsed_text() -> None:
    found = blocks_of(
        '<p>Read  the <a href="https://x.org/r">full\n  <em>report</em></a> <em>now</em></p>'
    )
    text = "Read the full report now"
    assert found == [
        Paragraph(
            text=text,
            marks=[
                Mark(kind="link", start=9, end=20, href="https://x.org/r"),
                Mark(kind="emphasis", start=14, end=20),
                Mark(kind="emphasis", start=21, end=24),
            ],
        )
    ]
    assert text[9:20] == "full report"


def test_reads_lists_tables_quotes_and_pre() -> None:
    found = blocks_of(
        "<ol><li>Ajax beat PSV.</li><li>Feyenoord drew.</li></ol>"
        "<table><caption>Final standings</caption><thead><tr><th>Team</th><th>Points</th></tr>"
        "</thead><tbody><tr><td>Ajax</td><td>61</td></tr><tr><td>PSV</td><td/></tr>"
        '<tr><td colspan="2">Season not finished</td></tr></tbody></table>'
        "<bq><block><p>We will not give up.</p></block><credit>The mayor</credit></bq>"
        "<pre>  Team  P\n  Ajax 61</pre>"
    )
    assert found == [
        ListBlock(
            ordered=True, items=[ListItem(text="Ajax beat PSV."), ListItem(text="Feyenoord drew.")]
        ),
        STANDINGS,
        Quote(paragraphs=[Paragraph(text="We will not give up.")], attribution="The mayor"),
        Preformatted(text="  Team  P\n  Ajax 61"),
    ]


def test_a_table_whose_cells_hold_paragraphs_is_read_cell_by_cell() -> None:
    found = blocks_of(
        "<table><tr><td><p>First part.</p></td><td><p>Second part.</p></td></tr></table>"
    )
    assert found == [Paragraph(text="First part."), Paragraph(text="Second part.")]


def test_every_block_nitf_holds_round_trips() -> None:
    article = Article(
        title="Results",
        body=[
            Section(
                heading="Round 34",
                blocks=[
                    Paragraph(
                        text="Read the full report now",
                        marks=[
                            Mark(kind="link", start=9, end=20, href="https://x.org/r"),
                            Mark(kind="emphasis", start=14, end=24),
                        ],
                    ),
                    ListBlock(items=[ListItem(text="Ajax 2, PSV 1"), ListItem(text="AZ 0")]),
                    STANDINGS,
                    Quote(paragraphs=[Paragraph(text="No.")], attribution="The mayor", pull=True),
                    Preformatted(text="  Team  P\n\tAjax 61"),
                ],
            )
        ],
    )
    assert newsparse.parse(newsparse.render([article], "nitf"), "nitf") == [article]


def test_a_table_survives_nitf_json_html_and_back_to_nitf() -> None:
    document = nitf(
        "<p>The table:</p><table><caption>Final standings</caption><thead><tr><th>Team</th>"
        "<th>Points</th></tr></thead><tbody><tr><td>Ajax</td><td>61</td></tr>"
        "<tr><td>PSV</td><td/></tr>"
        '<tr><td colspan="2">Season not finished</td></tr></tbody></table>'
    )
    [first] = newsparse.parse(document, "nitf")
    assert STANDINGS in first.body[0].blocks
    [from_json] = newsparse.parse(newsparse.render([first], "json"), "json")
    [from_html] = newsparse.parse(newsparse.render([from_json], "html"), "html")
    [back] = newsparse.parse(newsparse.render([from_html], "nitf"), "nitf")
    assert back == first


def test_strong_text_is_refused_naming_it() -> None:
    strong = Paragraph(text="Bold claim", marks=[Mark(kind="strong", start=0, end=4)])
    with pytest.raises(RenderError) as refused:
        newsparse.render([Article(title="T", body=[Section(blocks=[strong])])], "nitf")
    assert refused.value.field == "body[0].blocks[0].marks"


def test_nitf_declares_what_it_writes() -> None:
    fmt = newsparse.get_format("nitf")
    assert fmt.blocks == {"paragraph", "list", "table", "quote", "preformatted"}
    assert fmt.marks == {"link", "emphasis"}


def _touching_marks(text: str) -> tuple[Mark, ...]:
    """Return a link over the first character of ``text`` and emphasis over the rest."""
    return (
        Mark(kind="link", start=0, end=1, href="https://x.org/a"),
        Mark(kind="emphasis", start=1, end=len(text)),
    )


@pytest.mark.parametrize("format_name", ["nitf", "newsml-g2"])
def test_text_that_starts_with_a_mark_gains_no_spaces(format_name: str) -> None:
    # An element holding only <a> and <em> was indented by the pretty printer,
    # and the indentation read back as a space: "ab" came back as "a b".
    text = "ab"
    marked = _touching_marks(text)
    article = Article(
        title="Results",
        modified=datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc),
        body=[
            Section(
                blocks=[
                    Paragraph(text=text, marks=marked),
                    ListBlock(items=[ListItem(text=text, marks=marked)]),
                    Table(rows=[TableRow(cells=[TableCell(text=text, marks=marked)])]),
                    Quote(paragraphs=[Paragraph(text=text, marks=marked)]),
                ]
            )
        ],
        meta={"newsml-g2.guid": "urn:x:1"} if format_name == "newsml-g2" else {},
    )
    rendered = newsparse.render([article], format_name)
    assert "<p><a " in rendered
    assert newsparse.parse(rendered, format_name) == [article]


@pytest.mark.parametrize(
    "text",
    ["Team  P  \n  Ajax 61", "a\n   \nb", "first\t\n\tsecond", "x\u00a0\ny"],
    ids=["trailing-spaces", "blank-line-of-spaces", "trailing-tab", "trailing-nbsp"],
)
def test_preformatted_keeps_the_spaces_that_end_its_lines(text: str) -> None:
    # The reader cut the spaces at the end of every line, so these came back changed.
    article = Article(title="Table", body=[Section(blocks=[Preformatted(text=text)])])
    assert newsparse.parse(newsparse.render([article], "nitf"), "nitf") == [article]
