"""The html reader keeps structure: lists, data tables, quotes, embeds, preformatted text."""

from __future__ import annotations

import newsparse
from newsparse import (
    Article,
    Block,
    Embed,
    ListBlock,
    ListItem,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableCell,
    TableRow,
)

INTRO = (
    "The league played its final round on Sunday, and the title race ended in a way"
    " few expected at the start of the season."
)
OUTRO = (
    "The new season starts in August, with the first match against the promoted side"
    " from the second division of the league."
)


def page(content: str) -> Article:
    html = (
        "<html><head><title>Scores and more</title></head><body><article>"
        f"<h1>Scores and more</h1><p>{INTRO}</p>{content}<p>{OUTRO}</p>"
        "</article></body></html>"
    )
    [article] = newsparse.parse(html, "html")
    return article


def middle(article: Article) -> list[Block]:
    """Return the blocks between the intro and the outro paragraphs."""
    blocks = [block for section in article.body for block in section.blocks]
    assert blocks[0] == Paragraph(text=INTRO)
    assert blocks[-1] == Paragraph(text=OUTRO)
    return blocks[1:-1]


def test_a_list_with_a_nested_list_is_one_list_block() -> None:
    article = page(
        "<ol><li>Ajax beat PSV 2-1.</li><li>Feyenoord drew with AZ."
        "<ul><li>In Rotterdam.</li></ul></li></ol>"
    )
    assert middle(article) == [
        ListBlock(
            ordered=True,
            items=[
                ListItem(text="Ajax beat PSV 2-1."),
                ListItem(
                    text="Feyenoord drew with AZ.",
                    sublist=ListBlock(items=[ListItem(text="In Rotterdam.")]),
                ),
            ],
        )
    ]


def test_list_items_made_of_links_are_left_out_as_before() -> None:
    article = page(
        '<ul><li><a href="/a">Related story one</a></li><li>A real point of the story.</li></ul>'
    )
    assert middle(article) == [ListBlock(items=[ListItem(text="A real point of the story.")])]


def test_a_list_whose_items_hold_paragraphs_is_read_paragraph_by_paragraph() -> None:
    first = "The first part of the argument, which runs long enough to read as text."
    second = "The second part of the argument, which is just as long and reads as text."
    article = page(f"<ul><li><p>{first}</p></li><li><p>{second}</p></li></ul>")
    assert middle(article) == [Paragraph(text=first), Paragraph(text=second)]


def test_items_read_before_a_list_turns_out_to_hold_blocks_are_kept() -> None:
    # The first item is plain text; the second holds a paragraph, so the list
    # is read block by block, and the first item's text must still be there.
    first = "A first point of the story, long enough to read as article text."
    second = "A second point of the story, in a paragraph of its own inside the item."
    article = page(f"<ul><li>{first}</li><li><p>{second}</p></li></ul>")
    assert middle(article) == [Paragraph(text=first), Paragraph(text=second)]


def test_a_data_table_is_a_table_block() -> None:
    article = page(
        "<table><caption>Final standings</caption>"
        "<thead><tr><th>Team</th><th>Points</th></tr></thead>"
        "<tbody><tr><td>Ajax</td><td>61</td></tr>"
        '<tr><td colspan="2">Season not finished</td></tr></tbody></table>'
    )
    assert middle(article) == [
        Table(
            caption="Final standings",
            head=[
                TableRow(
                    cells=[
                        TableCell(text="Team", header=True),
                        TableCell(text="Points", header=True),
                    ]
                )
            ],
            rows=[
                TableRow(cells=[TableCell(text="Ajax"), TableCell(text="61")]),
                TableRow(cells=[TableCell(text="Season not finished", colspan=2)]),
            ],
        )
    ]


def test_a_layout_table_is_walked_as_before() -> None:
    text = "A paragraph of the story that sits in a layout table, as old pages do."
    article = page(f"<table><tr><td><p>{text}</p></td></tr></table>")
    assert middle(article) == [Paragraph(text=text)]


def test_a_quote_keeps_its_source() -> None:
    said = "We never gave up, not even when we were five points behind."
    article = page(f"<blockquote><p>{said}</p><footer>— The coach</footer></blockquote>")
    assert middle(article) == [Quote(paragraphs=[Paragraph(text=said)], attribution="The coach")]


def test_a_quote_holding_more_than_paragraphs_loses_nothing() -> None:
    # A blockquote used as a box: its list and loose text are read block by block.
    article = page(
        "<blockquote><b>Readers wrote:</b><ul><li>You should have tried the other one.</li></ul>"
        "<p>That is what many readers told us after the first article.</p></blockquote>"
    )
    text = article.text
    assert "Readers wrote:" in text
    assert "You should have tried the other one." in text
    assert "That is what many readers told us after the first article." in text


def test_platform_embeds_are_embed_blocks() -> None:
    article = page(
        '<iframe src="https://www.youtube.com/embed/abc123" title="Highlights"></iframe>'
        '<blockquote class="twitter-tweet"><p>What a night!</p>&mdash; Club (@club) '
        '<a href="https://twitter.com/club/status/123">May 5, 2025</a></blockquote>'
        '<iframe src="https://ads.example.com/frame"></iframe>'
    )
    assert middle(article) == [
        Embed(
            url="https://www.youtube.com/embed/abc123",
            provider="YouTube",
            content_kind="video",
            text="Highlights",
        ),
        Embed(
            url="https://twitter.com/club/status/123",
            provider="X",
            content_kind="post",
            text="What a night! — Club (@club) May 5, 2025",
        ),
    ]


def test_preformatted_text_keeps_its_spacing() -> None:
    article = page("<pre>\n  Team  P\n  Ajax 61\n</pre>")
    assert middle(article) == [Preformatted(text="  Team  P\n  Ajax 61")]


def test_structured_page_round_trips_through_html_and_json() -> None:
    article = page(
        "<ul><li>One point.</li></ul><table><tr><th>A</th><th>B</th></tr>"
        "<tr><td>1</td><td>2</td></tr></table>"
    )
    assert newsparse.parse(newsparse.render([article], "html"), "html") == [article]
    assert newsparse.from_json(newsparse.to_json(article)) == article
