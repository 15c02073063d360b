"""The html reader keeps structure: lists, data tables, quotes, embeds, preformatted text."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import newsparse
from newsparse import (
    Article,
    Block,
    Embed,
    Figure,
    Image,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableCell,
    TableRow,
)
from newsparse._formats.html.dom import collapse
from newsparse._formats.html.marking import collapse_marked, marked_text

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


def link(text: str, part: str, href: str, nth: int = 0) -> Mark:
    """The link mark over the ``nth`` occurrence of ``part`` in ``text`` (worked out by hand)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Mark(kind="link", start=start, end=start + len(part), href=href)


def test_links_emphasis_and_strong_of_a_page_become_marks() -> None:
    article = page(
        '<p>The <a href="https://league.example/table">final  table</a> shows <em>three</em>'
        " teams on <b>equal points</b>, <i>the first time</i> since the league was founded"
        ' in <strong><a href="/history">1956</a></strong>.</p>'
    )
    text = (
        "The final table shows three teams on equal points, the first time since the league"
        " was founded in 1956."
    )
    [paragraph] = middle(article)
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text == text
    assert paragraph.marks == (
        Mark(kind="link", start=4, end=15, href="https://league.example/table"),
        Mark(kind="emphasis", start=22, end=27),
        Mark(kind="strong", start=37, end=49),
        Mark(kind="emphasis", start=51, end=65),
        Mark(kind="link", start=98, end=102, href="/history"),
        Mark(kind="strong", start=98, end=102),
    )
    assert text[37:49] == "equal points"
    assert text[51:65] == "the first time"
    assert (text[4:15], text[22:27], text[98:102]) == ("final table", "three", "1956")


def test_a_mark_covers_words_not_the_spaces_around_them() -> None:
    # Spaces inside the markup at its edges belong to the text, not the mark;
    # a space between two marked words is marked.
    article = page(
        "<p>The coach said the result was<em> a huge relief </em>for the whole club and its"
        " supporters, who had waited a long time.</p>"
    )
    [paragraph] = middle(article)
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.startswith("The coach said the result was a huge relief for")
    [mark] = paragraph.marks
    assert paragraph.text[mark.start : mark.end] == "a huge relief"


def test_links_without_a_usable_target_keep_their_text_only() -> None:
    text = (
        "Fans can vote for the player of the season online until Friday, the league said in"
        " a statement on its website."
    )
    article = page(
        '<p>Fans can vote for the <a href="javascript:void(0)">player of the season</a>'
        ' <a href="">online</a> until Friday, the league said in a statement on its'
        " website.</p>"
    )
    [paragraph] = middle(article)
    assert isinstance(paragraph, Paragraph)
    assert paragraph == Paragraph(text=text)


def test_a_link_inside_a_link_counts_as_the_inner_one() -> None:
    element = etree.fromstring('<p><a href="/outer">one <a href="/inner">two</a> three</a></p>')
    marks = marked_text(element, "one two three")
    assert marks is not None
    assert sorted((m.start, m.end, m.href) for m in marks) == [
        (0, 3, "/outer"),
        (4, 7, "/inner"),
        (8, 13, "/outer"),
    ]


def test_list_items_table_cells_and_lines_keep_their_marks() -> None:
    article = page(
        '<ul><li>Ajax beat <a href="/psv">PSV</a> 2-1 at home.</li>'
        "<li>Feyenoord drew with <em>AZ</em> in Rotterdam.</li></ul>"
        "<table><tr><th>Team</th><th>Points</th></tr>"
        '<tr><td><a href="/ajax">Ajax</a></td><td><b>80</b></td></tr>'
        "<tr><td>PSV</td><td>78</td></tr></table>"
    )
    listing, table = middle(article)
    assert listing == ListBlock(
        items=[
            ListItem(
                text="Ajax beat PSV 2-1 at home.", marks=[link("Ajax beat PSV", "PSV", "/psv")]
            ),
            ListItem(
                text="Feyenoord drew with AZ in Rotterdam.",
                marks=[Mark(kind="emphasis", start=20, end=22)],
            ),
        ]
    )
    assert isinstance(table, Table)
    first = table.rows[0] if table.rows[0].cells[0].text == "Ajax" else table.head[-1]
    assert first.cells[0].marks == (Mark(kind="link", start=0, end=4, href="/ajax"),)
    assert first.cells[1].marks == (Mark(kind="strong", start=0, end=2),)


def test_text_between_line_breaks_keeps_its_marks() -> None:
    lines = (
        "The club thanked <em>every</em> supporter who travelled to the away games this"
        ' season<br>and promised <a href="/tickets">cheaper tickets</a> for the next one,'
        " starting with the opening match in August."
    )
    article = page(f"<div>{lines}</div>")
    second = next(
        block
        for block in middle(article)
        if isinstance(block, Paragraph) and block.text.startswith("and promised")
    )
    assert second.marks == (link(second.text, "cheaper tickets", "/tickets"),)


def test_pictures_after_the_first_text_are_figures_in_the_flow() -> None:
    article = page(
        '<figure><img src="/table.jpg" alt="The table"><figcaption>The final table.'
        "</figcaption></figure>"
        "<h2>Gallery</h2><figure><img src='/cup.jpg' alt='The cup'></figure>"
        "<h2>Next season</h2><p>The fixtures for the next season will be published in June,"
        " the league said on its website on Monday.</p>"
    )
    table = Image(url="/table.jpg", alt="The table", caption="The final table.")
    cup = Image(url="/cup.jpg", alt="The cup")
    # Every picture stays in the images; the cup's section has no text, so
    # its heading goes and the figure follows the text before it.
    assert article.images == (table, cup)
    first = article.body[0].blocks
    assert first[1:] == (Figure(image=table), Figure(image=cup))
    assert [section.heading for section in article.body] == [None, "Next season"]


def test_a_picture_before_the_first_text_is_the_lead_image_only() -> None:
    html = (
        "<html><head><title>Scores and more</title></head><body><article>"
        "<h1>Scores and more</h1><figure><img src='/lead.jpg' alt='Fans'></figure>"
        f"<p>{INTRO}</p><p>{OUTRO}</p></article></body></html>"
    )
    [article] = newsparse.parse(html, "html")
    assert article.images == (Image(url="/lead.jpg", alt="Fans"),)
    assert article.body[0].blocks == (Paragraph(text=INTRO), Paragraph(text=OUTRO))


def test_a_lazily_loaded_post_is_an_embed() -> None:
    # The platform's class name waits in a data attribute for a script.
    article = page(
        '<blockquote class="lazy-content" data-twitter="twitter-tweet">'
        '<div class="placeholder"></div><a href="https://twitter.com/club/status/123"></a>'
        "</blockquote>"
    )
    assert middle(article) == [
        Embed(url="https://twitter.com/club/status/123", provider="X", content_kind="post")
    ]


def test_a_quote_keeps_its_links_and_emphasis() -> None:
    article = page(
        '<blockquote><p>We <em>will</em> read the <a href="/report">report</a>.</p>'
        "<footer>The mayor</footer></blockquote>"
    )
    text = "We will read the report."
    assert middle(article) == [
        Quote(
            paragraphs=[
                Paragraph(
                    text=text,
                    marks=[
                        Mark(kind="emphasis", start=3, end=7),
                        Mark(kind="link", start=17, end=23, href="/report"),
                    ],
                )
            ],
            attribution="The mayor",
        )
    ]
    assert (text[3:7], text[17:23]) == ("will", "report")


_PIECES = st.sampled_from(
    ["a", "b", " ", "\n", "\x01", "\u200b", "\xa0", "\u2028", "c d", " e ", "\x85"]
)
_KEYS = st.frozensets(
    st.sampled_from([("emphasis", None), ("link", "/x"), ("strong", None)]), max_size=2
)


@given(st.lists(st.tuples(st.lists(_PIECES, max_size=4).map("".join), _KEYS), max_size=5))
def test_marked_text_collapses_exactly_as_plain_text_does(parts: list[tuple[str, Any]]) -> None:
    # The marks must fit the very text the extractor makes without them.
    text, marks = collapse_marked(parts)
    assert text == collapse("".join(piece for piece, _ in parts))
    if text:
        Paragraph(text=text, marks=marks)  # the model accepts the marks
