"""ninjs's HTML body holds blocks: lists, tables, quotes, preformatted text, embeds and marks.

Each block is written as the ``html`` format writes it and read back into the
same block; HTML from elsewhere is read with HTML's whitespace rules, and
what is not in that shape is read as text, never dropped.  The expected
values were worked out by hand from the markup.
"""

from __future__ import annotations

import json

import newsparse
import pytest
from newsparse import (
    Article,
    Block,
    Embed,
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


def _item(body_html: str) -> str:
    return json.dumps(
        {"uri": "urn:x", "headlines": [{"value": "T"}], "bodies": [{"value": body_html}]}
    )


def _body(body_html: str) -> tuple[Section, ...]:
    (article,) = newsparse.parse(_item(body_html), "ninjs")
    return article.body


def _article(*blocks: Block) -> Article:
    return Article(title="T", url="urn:x", body=[Section(heading="Results", blocks=blocks)])


def _written(article: Article) -> str:
    value = json.loads(newsparse.render([article], "ninjs"))["bodies"][0]["value"]
    assert isinstance(value, str)
    return value


def test_a_list_nested_in_a_list_is_written_and_read_back() -> None:
    inner = ListBlock(items=[ListItem(text="Ajax"), ListItem(text="PSV")], ordered=True)
    block = ListBlock(items=[ListItem(text="Top two", sublist=inner), ListItem(text="Rest")])
    article = _article(block)
    assert _written(article) == (
        "<h2>Results</h2>\n<ul><li>Top two<ol><li>Ajax</li><li>PSV</li></ol></li><li>Rest</li></ul>"
    )
    assert newsparse.parse(newsparse.render([article], "ninjs"), "ninjs") == [article]


def test_a_table_with_caption_header_and_spans_is_written_and_read_back() -> None:
    table = Table(
        caption="Standings",
        head=[TableRow(cells=[TableCell(text="Team", header=True), TableCell(text="Pts")])],
        rows=[
            TableRow(cells=[TableCell(text="Ajax", rowspan=2), TableCell(text="61")]),
            TableRow(cells=[TableCell(text="60", colspan=3)]),
        ],
    )
    article = _article(table)
    assert _written(article) == (
        "<h2>Results</h2>\n<table><caption>Standings</caption>"
        "<thead><tr><th>Team</th><td>Pts</td></tr></thead>"
        '<tbody><tr><td rowspan="2">Ajax</td><td>61</td></tr>'
        '<tr><td colspan="3">60</td></tr></tbody></table>'
    )
    assert newsparse.parse(newsparse.render([article], "ninjs"), "ninjs") == [article]


def test_quote_preformatted_embed_and_marks_come_back() -> None:
    text = "Read the report by the council\nnow"
    marks = [
        Mark(kind="link", start=9, end=15, href="https://council.example/report?a=1&b='2'"),
        Mark(kind="emphasis", start=0, end=4),
        Mark(kind="strong", start=12, end=30),
    ]
    article = _article(
        Paragraph(text=text, marks=marks),
        Quote(paragraphs=[Paragraph(text="We will not give up.")], attribution="The mayor"),
        Quote(paragraphs=[Paragraph(text="Never.")], pull=True),
        Preformatted(text="  1  2\n\t3"),
        Embed(url="https://video.example/v/1", provider="Vid", content_kind="video", text="A clip"),
    )
    assert newsparse.parse(newsparse.render([article], "ninjs"), "ninjs") == [article]


def test_html_from_elsewhere_is_read_with_html_whitespace_and_its_marks() -> None:
    markup = '<p>\n  Ice  <em>closed</em>\n the <a href="/h">harbour</a>.<br>\n Ferries wait.</p>'
    body = _body(markup)
    text = "Ice closed the harbour.\nFerries wait."
    marks = (Mark(kind="emphasis", start=4, end=10), Mark(kind="link", start=15, end=22, href="/h"))
    assert body == (Section(blocks=[Paragraph(text=text, marks=marks)]),)


def test_a_table_in_another_shape_is_read_cell_by_cell() -> None:
    # No thead or tbody (what libxml2 keeps as written): its rows are not lost.
    body = _body("<table><tr><td>Ajax</td><td>61</td></tr><tr><td>PSV</td><td>60</td></tr></table>")
    assert body == (Section(paragraphs=["Ajax", "61", "PSV", "60"]),)


def test_text_outside_paragraphs_is_a_paragraph() -> None:
    # TT's HTML bodies put a quote's text straight into the blockquote.
    body = _body("<p>One.</p><blockquote>Aurora 2023 will go ahead, he said.</blockquote>Loose.")
    assert body == (Section(paragraphs=["One.", "Aurora 2023 will go ahead, he said.", "Loose."]),)


@pytest.mark.parametrize(
    ("block", "field"),
    [
        (ListBlock(items=[ListItem(text="a  b")]), "body[0].blocks[0].items[0]"),
        (
            ListBlock(items=[ListItem(text="a", sublist=ListBlock(items=[ListItem(text="b\tc")]))]),
            "body[0].blocks[0].items[0].sublist.items[0]",
        ),
        (
            Quote(paragraphs=[Paragraph(text="q")], attribution="x  y"),
            "body[0].blocks[0].attribution",
        ),
        (Embed(url="https://e.example/1", text="two  spaces"), "body[0].blocks[0].text"),
    ],
)
def test_a_text_html_would_change_is_refused_naming_it(block: Block, field: str) -> None:
    with pytest.raises(RenderError) as refused:
        newsparse.render([_article(block)], "ninjs")
    assert refused.value.field == field
    assert "HTML whitespace handling" in refused.value.reason
