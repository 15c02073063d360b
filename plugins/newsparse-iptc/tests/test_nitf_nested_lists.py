"""Nested lists in NITF and NewsML-G2: an ``ol``/``ul`` inside an ``li`` is its sublist.

Every expected value below was worked out by hand from the markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import Article, Block, ListBlock, ListItem, Mark, Paragraph, Section

from newsparse_iptc.nitf.blocks import MAX_LIST_LEVELS

NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML_NS = "http://www.w3.org/1999/xhtml"

# "Home win": emphasis over "Home" (0-4); "Report": a link over all 6 characters.
HOME_WIN = ListItem(text="Home win", marks=[Mark(kind="emphasis", start=0, end=4)])
REPORT = ListItem(text="Report", marks=[Mark(kind="link", start=0, end=6, href="https://x.org/r")])
NESTED = ListBlock(
    items=[
        ListItem(text="Ajax", sublist=ListBlock(items=[HOME_WIN, REPORT], ordered=True)),
        ListItem(sublist=ListBlock(items=[ListItem(text="Only a sublist")])),
        ListItem(
            text="PSV",
            sublist=ListBlock(
                items=[ListItem(text="Level 2", sublist=ListBlock(items=[ListItem(text="3")]))]
            ),
        ),
    ]
)


def _article(format_name: str, *blocks: Block) -> Article:
    return Article(
        title="Results",
        modified=datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc),
        body=[Section(blocks=blocks)],
        meta={"newsml-g2.guid": "urn:x:1"} if format_name == "newsml-g2" else {},
    )


def _nitf(content: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="{NITF_NS}"><body>'
        "<body.head><hedline><hl1>Results</hl1></hedline></body.head>"
        f"<body.content>{content}</body.content></body></nitf>"
    )


def _g2_xhtml(body: str) -> str:
    return (
        f'<newsItem xmlns="{NAR}" guid="urn:x:1" standard="NewsML-G2" standardversion="2.35">'
        '<itemMeta><itemClass qcode="ninat:text"/>'
        "<versionCreated>2024-01-17T08:30:00Z</versionCreated></itemMeta>"
        "<contentMeta><headline>Ice</headline></contentMeta>"
        '<contentSet><inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="{XHTML_NS}"><body>{body}</body></html></inlineXML></contentSet></newsItem>'
    )


def _blocks(text: str, format_name: str) -> list[Block]:
    errors: list[newsparse.ParseError] = []
    [article] = newsparse.parse(text, format_name, on_error=errors.append)
    assert errors == []
    return [block for section in article.body for block in section.blocks]


@pytest.mark.parametrize("format_name", ["nitf", "newsml-g2"])
def test_a_nested_list_round_trips(format_name: str) -> None:
    article = _article(format_name, NESTED, Paragraph(text="After"))
    rendered = newsparse.render([article], format_name)
    assert newsparse.parse(rendered, format_name) == [article]


def test_the_sublist_is_written_inside_its_item_after_the_text() -> None:
    rendered = newsparse.render([_article("nitf", NESTED)], "nitf")
    assert '<li>Ajax<ol><li><em>Home</em> win</li><li><a href="https://x.org/r">' in rendered
    assert "<li><ul><li>Only a sublist</li></ul></li>" in rendered


def test_hand_written_nitf_nested_lists_are_read_as_sublists() -> None:
    content = (
        "<ul>\n  <li>Ajax\n    <ol>\n      <li><em>Home</em> win</li>\n"
        '      <li><a href="https://x.org/r">Report</a></li>\n    </ol>\n  </li>\n'
        "  <li>\n    <ul><li>Only a sublist</li></ul>\n  </li>\n"
        "  <li><p>PSV</p><ul><li>Level 2<ul><li>3</li></ul></li></ul></li>\n</ul>"
    )
    assert _blocks(_nitf(content), "nitf") == [NESTED]


@pytest.mark.parametrize(
    ("format_name", "wrap"), [("nitf", _nitf), ("newsml-g2", _g2_xhtml)], ids=["nitf", "g2-xhtml"]
)
def test_text_after_a_nested_list_and_a_second_list_become_following_items(
    format_name: str, wrap: Callable[[str], str]
) -> None:
    # The model's item is text, then one sublist: what follows starts a new item,
    # in order, so no text is lost and no list changes kind.
    content = "<ul><li>A<ul><li>a1</li></ul>B<ol><li>b1</li></ol><ul><li>c1</li></ul></li></ul>"
    assert _blocks(wrap(content), format_name) == [
        ListBlock(
            items=[
                ListItem(text="A", sublist=ListBlock(items=[ListItem(text="a1")])),
                ListItem(text="B", sublist=ListBlock(items=[ListItem(text="b1")], ordered=True)),
                ListItem(sublist=ListBlock(items=[ListItem(text="c1")])),
            ]
        )
    ]


def test_a_nested_list_from_html_survives_nitf_and_back() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Results</title></head><body><article>"
        "<h1>Results</h1><p>The round:</p>"
        "<ul><li>Ajax<ol><li><em>Home</em> win</li>"
        '<li><a href="https://x.org/r">Report</a></li></ol></li>'
        "<li><ul><li>Only a sublist</li></ul></li>"
        "<li>PSV<ul><li>Level 2<ul><li>3</li></ul></li></ul></li></ul>"
        "</article></body></html>"
    )
    [from_html] = newsparse.parse(page, "html")
    assert NESTED in [block for section in from_html.body for block in section.blocks]
    [from_nitf] = newsparse.parse(newsparse.render([from_html], "nitf"), "nitf")
    assert from_nitf.body == from_html.body
    [back] = newsparse.parse(newsparse.render([from_nitf], "html"), "html")
    assert back.body == from_html.body


def _nested(levels: int) -> ListBlock:
    """Return a list ``levels`` deep: each item holds the next level as its sublist."""
    found = ListBlock(items=[ListItem(text="deepest")])
    for level in range(levels - 1, 0, -1):
        found = ListBlock(items=[ListItem(text=f"level {level}", sublist=found)])
    return found


@pytest.mark.parametrize("format_name", ["nitf", "newsml-g2"])
def test_lists_nest_as_deep_as_they_read_back_and_deeper_is_refused(format_name: str) -> None:
    deepest = _article(format_name, _nested(MAX_LIST_LEVELS))
    assert newsparse.parse(newsparse.render([deepest], format_name), format_name) == [deepest]
    # One level more is refused: well before a document passes libxml2's depth limit.
    too_deep = _article(format_name, _nested(MAX_LIST_LEVELS + 1))
    with pytest.raises(newsparse.RenderError) as refused:
        newsparse.render([too_deep], format_name)
    assert refused.value.field == "body[0].blocks[0]" + ".items[0].sublist" * MAX_LIST_LEVELS


def test_text_outside_the_items_of_a_list_is_an_item_where_it_stands() -> None:
    # NITF allows only li in a list, but files have loose text: it was dropped silently,
    # at the top level and, once nested lists became sublists, inside them too.
    content = (
        "<ul>Results:<li>Ajax<ol>Home<li>2-1</li><p>Away <em>late</em></p></ol></li>"
        "<!-- a comment -->After</ul>"
    )
    assert _blocks(_nitf(content), "nitf") == [
        ListBlock(
            items=[
                ListItem(text="Results:"),
                ListItem(
                    text="Ajax",
                    sublist=ListBlock(
                        items=[
                            ListItem(text="Home"),
                            ListItem(text="2-1"),
                            # "Away late": emphasis over "late" (5-9).
                            ListItem(
                                text="Away late", marks=[Mark(kind="emphasis", start=5, end=9)]
                            ),
                        ],
                        ordered=True,
                    ),
                ),
                ListItem(text="After"),
            ]
        )
    ]
