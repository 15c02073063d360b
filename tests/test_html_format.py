"""Tests of the built-in ``html`` format: detection, the page-to-article rule, the body extractor.

The pages are written by hand for each behaviour; the expected values are read
off the markup.  The corpus-wide quality figures are checked by
``tests/test_html_quality.py``.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import (
    Article,
    Figure,
    Image,
    ListBlock,
    ListItem,
    NewsparseError,
    Paragraph,
    ParseError,
    Section,
)
from newsparse._formats.html.body import extract_body
from newsparse._formats.html.dom import parse_document, text_content

LONG = (
    "The council voted on Tuesday to keep the old bridge open, after engineers said"
    " the repairs made last spring would hold for another decade at least."
)
SECOND = (
    "Residents had asked for a new crossing for years, and the vote, seven to two,"
    " leaves them waiting again; the mayor said the budget allowed nothing else."
)
THIRD = (
    "A review of the decision is planned for next year, when the traffic counts from"
    " the new survey are in, and the council will hear from residents again."
)


def page(body: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"{head}</head><body>{body}</body></html>"
    )


def parse_one(text: str | bytes) -> Article:
    articles = newsparse.parse(text, "html")
    assert len(articles) == 1
    return articles[0]


ARTICLE_BODY = f"""
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article>
  <h1>Old bridge stays open</h1>
  <p>{LONG}</p>
  <figure><img src="https://example.com/bridge.jpg" alt="The bridge at dusk">
    <figcaption>The old bridge, built in 1902.</figcaption></figure>
  <p>{SECOND}</p>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
  <h2>What happens next</h2>
  <p>{THIRD}</p>
  <ul><li>First reading in March.</li><li>Final vote in June.</li></ul>
</article>
<aside><p>Most read: something else entirely that has nothing to do with the bridge.</p></aside>
<footer><p>Copyright 2024 The Example Gazette. All rights reserved worldwide.</p></footer>
"""


def test_an_article_page() -> None:
    article = parse_one(page(ARTICLE_BODY, "<title>Old bridge stays open | Gazette</title>"))
    assert article.title == "Old bridge stays open"
    assert article.language == "en"
    bridge = Image(
        url="https://example.com/bridge.jpg",
        alt="The bridge at dusk",
        caption="The old bridge, built in 1902.",
    )
    assert article.body == (
        # The figure sits between the two paragraphs, as on the page.
        Section(blocks=(Paragraph(text=LONG), Figure(image=bridge), Paragraph(text=SECOND))),
        Section(
            heading="What happens next",
            blocks=(
                Paragraph(text=THIRD),
                ListBlock(
                    items=[
                        ListItem(text="First reading in March."),
                        ListItem(text="Final vote in June."),
                    ]
                ),
            ),
        ),
    )
    assert [(image.url, image.alt, image.caption) for image in article.images] == [
        ("https://example.com/bridge.jpg", "The bridge at dusk", "The old bridge, built in 1902.")
    ]


def test_metadata_comes_from_json_ld() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Old bridge stays open",
        "datePublished": "2024-03-05T09:30:00+01:00",
        "author": [{"@type": "Person", "name": "Ada Byline"}],
        "publisher": {"@type": "Organization", "name": "The Example Gazette"},
        "description": "The council keeps the bridge.",
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = parse_one(page(ARTICLE_BODY, head))
    assert article.title == "Old bridge stays open"
    assert article.authors == ("Ada Byline",)
    assert article.publisher == "The Example Gazette"
    assert article.summary == "The council keeps the bridge."
    assert article.published is not None
    assert article.published.isoformat() == "2024-03-05T09:30:00+01:00"


def test_boilerplate_stays_out() -> None:
    article = parse_one(page(ARTICLE_BODY))
    text = article.text
    for unwanted in ("Share on Facebook", "Most read", "Copyright", "Home"):
        assert unwanted not in text


def test_text_separated_by_line_breaks() -> None:
    body = f"<div class='post'>{LONG}<br><br>{SECOND}<br>{THIRD}</div>"
    article = parse_one(page(body, "<title>Bridge</title>"))
    assert article.paragraphs == (LONG, SECOND, THIRD)


def test_a_wrapper_named_like_boilerplate_is_kept_when_it_holds_the_text() -> None:
    story = f"<div class='story'><p>{LONG}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
    body = f"<div class='paywall'>{story}</div>"
    assert parse_one(page(body, "<title>Bridge</title>")).paragraphs == (LONG, SECOND, THIRD)


def test_other_articles_on_the_page_are_not_merged() -> None:
    body = (
        f"<main><article><h1>Bridge</h1><p>{LONG}</p><p>{SECOND}</p><p>{THIRD}</p></article>"
        f"<article><h2>Other story</h2><p>{LONG.replace('bridge', 'tunnel')}</p></article></main>"
    )
    assert parse_one(page(body)).paragraphs == (LONG, SECOND, THIRD)


def test_blocks_of_one_article_split_in_several_containers_are_joined() -> None:
    chunks = "".join(
        f"<div class='chunk'><div class='inner'><p>{text}</p><p>{text}</p></div></div>"
        for text in (LONG, SECOND, THIRD)
    )
    body = (
        f"<section class='story-body'>{chunks}</section><div class='teaser'><p>Read more.</p></div>"
    )
    article = parse_one(page(body, "<title>Bridge</title>"))
    assert article.paragraphs == (LONG, SECOND, THIRD)  # repeated paragraphs are kept once


# The generic choice takes the long story; a site parser may name another part.
CHOSEN_PAGE = page(
    "<div class='story'>"
    f"<p>{LONG}</p><p>{SECOND}</p><p>{THIRD}</p><p>{LONG.upper()}</p>"
    "</div>"
    "<div class='share-box' id='first'>"
    "<p>The first part a site parser names, written as a sentence here.</p>"
    "<div class='share-bar'><a href='#'>Share</a> <a href='#'>Tweet</a></div>"
    "<script>var tracking = 1;</script>"
    "</div>"
    "<div id='second'><h2>Named heading</h2>"
    "<p>The second part the site parser names, also a sentence.</p></div>"
)


def test_the_generic_choice_of_the_container_page() -> None:
    body = extract_body(parse_document(CHOSEN_PAGE, "test.html"))
    assert body.sections == (Section(paragraphs=(LONG, SECOND, THIRD, LONG.upper())),)


def test_given_containers_replace_the_choice_in_the_order_given() -> None:
    root = parse_document(CHOSEN_PAGE, "test.html")
    (first,) = root.iterfind(".//*[@id='first']")
    (second,) = root.iterfind(".//*[@id='second']")
    body = extract_body(root, containers=[second, first])
    assert body.sections == (
        Section(
            heading="Named heading",
            paragraphs=(
                "The second part the site parser names, also a sentence.",
                "The first part a site parser names, written as a sentence here.",
            ),
        ),
    )
    # The first one is named like boilerplate and holds little text: pruning
    # would remove it, but it is kept; what is inside it is pruned as usual.
    assert first.getparent() is not None
    assert "Tweet" not in text_content(first)
    assert "tracking" not in text_content(first)


def test_given_containers_inside_pruned_elements_are_kept() -> None:
    text = page(
        f"<article><p>{LONG}</p><p>{SECOND}</p></article>"
        "<aside><div class='comments'><p class='x'>Kept because the site parser named it.</p>"
        "<div class='share'>Share this</div></div></aside>"
    )
    root = parse_document(text, "test.html")
    (named,) = root.iterfind(".//*[@class='x']")
    body = extract_body(root, skip=("Bridge",), containers=(named,))
    assert body.sections == (Section(paragraphs=("Kept because the site parser named it.",)),)
    assert extract_body(root, containers=()) == extract_body(root, containers=[])
    assert extract_body(root, containers=()).sections == ()


def test_given_paragraphs_equal_to_the_title_are_skipped() -> None:
    title = "The old bridge stays open, the council says."
    root = parse_document(page(f"<p>{title}</p><p>{LONG}</p>"), "test.html")
    body = extract_body(root, skip=(title,), containers=root.findall(".//p"))
    assert body.sections == (Section(paragraphs=(LONG,)),)


def test_a_hidden_body_is_still_read() -> None:
    text = page(f"<div class='post'><p>{LONG}</p><p>{SECOND}</p><nav>{THIRD}</nav></div>")
    text = text.replace("<body>", "<body style='display: none'>")
    assert parse_one(text.replace("<head>", "<head><title>Bridge</title>")).paragraphs == (
        LONG,
        SECOND,
    )


def test_short_labels_are_not_paragraphs() -> None:
    paragraphs = f"<p>Close</p><p>{LONG}</p><p>By Ada Byline</p><p>{SECOND}</p>"
    body = f"<article><h1>Bridge</h1>{paragraphs}</article>"
    assert parse_one(page(body)).paragraphs == (LONG, SECOND)


def test_a_page_with_a_title_and_no_text_is_an_empty_article() -> None:
    article = parse_one(page("<nav><a href='/'>Home</a></nav>", "<title>Video: the bridge</title>"))
    assert article.title == "Video: the bridge"
    assert article.body == ()


def test_a_page_without_title_or_content_is_an_error() -> None:
    # Pages without a title but with text: tests/test_html_untitled.py.
    with pytest.raises(ParseError, match="no content") as caught:
        newsparse.parse(page("<nav><a href='/'>Home</a></nav><div> </div>"), "html")
    assert (caught.value.line, caught.value.column) == (1, 1)


@pytest.mark.parametrize("text", ["", "   \n  ", "\u3000\u00a0\n", "\ufeff \u2003"])
def test_empty_input_holds_no_article(text: str) -> None:
    assert newsparse.parse(text, "html") == []
    assert newsparse.parse(text.encode("utf-8"), "html") == []


def test_an_undecodable_byte_is_an_error_with_its_position() -> None:
    data = page(f"<article><h1>Bridge</h1><p>{LONG}</p></article>").encode("utf-8")
    line = data.count(b"\n", 0, data.index(b"<h1>")) + 1
    column = data.index(b"<h1>") - data.rfind(b"\n", 0, data.index(b"<h1>"))
    bad = data.replace(b"<h1>", b"\xff<h1>", 1)
    with pytest.raises(ParseError) as caught:
        newsparse.parse(bad, "html", source="page.html")
    assert (caught.value.source, caught.value.line, caught.value.column) == (
        "page.html",
        line,
        column,
    )
    assert f"byte offset {data.index(b'<h1>')}" in str(caught.value)


def test_an_entity_declared_in_a_page_stays_in_the_text_as_written() -> None:
    # HTML knows no DTD: like a browser, the parser leaves a reference to an
    # entity the page declares as it is written, and drops nothing.
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY co "Acme Corp">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Profits at &co; rise</title>'
        f"</head><body><article><h1>Profits at &co; rise</h1><p>{LONG} &co;.</p></article>"
        "</body></html>"
    )
    article = parse_one(text)
    assert article.title == "Profits at &co; rise"
    assert article.paragraphs == (f"{LONG} &co;.",)


def test_carriage_returns_do_not_reach_the_text() -> None:
    body = f"<article><h1>Bridge\r\nnews</h1><p>{LONG}\r</p><p>{SECOND}</p></article>"
    for data in (page(body).replace("\n", "\r\n"), page(body).encode("utf-8")):
        article = parse_one(data)
        assert article.title == "Bridge news"
        assert article.paragraphs == (LONG, SECOND)


def test_a_document_without_any_element_is_an_error() -> None:
    with pytest.raises(ParseError):
        newsparse.parse("<!-- nothing -->", "html")


def test_the_h1_names_an_article_without_metadata() -> None:
    body = f"<div><h1>The bridge</h1><p>{LONG}</p><p>{SECOND}</p></div>"
    assert parse_one(page(body)).title == "The bridge"


def test_bytes_and_control_characters() -> None:
    body = f"<article><h1>Bridge\x07 news</h1><p>{LONG}\x0b</p><p>{SECOND}</p></article>"
    article = parse_one(page(body).encode("utf-8"))
    assert article.title == "Bridge news"
    assert article.paragraphs == (LONG, SECOND)


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body></body></html>",
        "<html><head><title>x</title></head></html>",
        "\ufeff<!doctype HTML>\n<html>",
        "<!-- generated -->\n<html lang='de'>",
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
    ],
)
def test_pages_are_detected(text: str) -> None:
    assert newsparse.detect(text).name == "html"


def test_json_and_tt_are_not_taken_for_html() -> None:
    assert newsparse.detect('[{"title": "<p>Rain</p>"}]').name == "json"
    tt = "Rain\n\nTT\n20\n\nRain\n\nIt rained <b>hard</b>."
    assert newsparse.get_format("html").sniff(tt) <= 0.5
    assert newsparse.get_format("html").sniff("just some words") == 0.0


@given(st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode))
def test_any_input_gives_articles_or_newsparse_errors(data: bytes) -> None:
    try:
        articles = newsparse.parse(data, "html")
    except NewsparseError:
        return
    assert all(isinstance(article, Article) for article in articles)


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='comments'>",
                "</div>",
                "<br>",
                "<h2>",
                "</h2>",
                "<article>",
                "<figure><img src='a b'>",
                "<figcaption>",
                "<title>T</title>",
                "<li>",
                "<script>x</script>",
                LONG,
                "Close",
                "&nbsp;",
                "\x00",
                "<a href='/'>",
                "</a>",
                "<h1>",
                "</h1>",
            ]
        ),
        max_size=40,
    )
)
def test_tag_soup_gives_articles_or_newsparse_errors(pieces: list[str]) -> None:
    with contextlib.suppress(NewsparseError):
        newsparse.parse("".join(pieces), "html")


# --- newsparse's own markup ---------------------------------------------------

RAIN = Article(
    title="Rain & <wind>",
    authors=("A. Writer",),
    published=datetime(2025, 4, 29, 9, 30, tzinfo=timezone(timedelta(hours=3, minutes=30))),
    language="en",
    summary="Two lines\nof standfirst.",
    body=(Section(paragraphs=("It rained.", "Streets flooded;\nschools closed.")),),
    images=(Image(url="https://example.com/rain.jpg?a=1&b=2", alt="Umbrellas", credit="AFP"),),
    meta={"tt.number": "20"},
)


def test_own_markup_is_semantic_html() -> None:
    document = newsparse.render([RAIN], "html")
    assert "<h1>Rain &amp; &lt;wind&gt;</h1>" in document
    assert '<p class="summary">Two lines<br>of standfirst.</p>' in document
    assert (
        "<section><p>It rained.</p><p>Streets flooded;<br>schools closed.</p></section>" in document
    )
    assert '<img src="https://example.com/rain.jpg?a=1&amp;b=2" alt="Umbrellas">' in document
    assert '"datePublished": "2025-04-29T09:30:00+03:30"' in document
    assert newsparse.parse(document, "html") == [RAIN]


def test_several_articles_make_one_document() -> None:
    other = Article(title="Sun", body=[Section(heading="Later", paragraphs=["Dry."])])
    document = newsparse.render([RAIN, other], "html")
    assert document.count("<article") == 2
    assert newsparse.parse(document, "html") == [RAIN, other]


def test_a_script_end_inside_a_value_cannot_end_the_json_ld() -> None:
    tricky = Article(title="</script><p>x", topics=["</script>"])
    document = newsparse.render([tricky], "html")
    assert document.count("</script>") == 1
    assert newsparse.parse(document, "html") == [tricky]


def test_without_the_generator_mark_the_generic_reader_reads_it() -> None:
    long = Article(title="Bridge", body=[Section(paragraphs=[LONG, SECOND, THIRD])])
    document = newsparse.render([long], "html").replace('name="generator"', 'name="x"')
    [article] = newsparse.parse(document, "html")
    assert (article.title, article.paragraphs) == ("Bridge", (LONG, SECOND, THIRD))


def test_damaged_own_markup_is_a_parse_error() -> None:
    document = newsparse.render([RAIN], "html").replace('"headline"', '"headline', 1)
    with pytest.raises(ParseError, match="damaged newsparse markup"):
        newsparse.parse(document, "html")


def test_the_json_ld_article_body_stands_in_for_text_the_page_does_not_show() -> None:
    data = {"@type": "NewsArticle", "headline": "Bridge", "articleBody": f"{LONG}\n\n{SECOND}"}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    shell = "<div id='app'><p>Loading…</p></div>"  # the text comes with a script
    assert parse_one(page(shell, head)).paragraphs == (LONG, SECOND)


def test_text_found_in_the_page_wins_over_the_json_ld_body() -> None:
    data = {"@type": "NewsArticle", "headline": "Bridge", "articleBody": f"{LONG} {SECOND}"}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    body = f"<article><h2>Part one</h2><p>{LONG}</p><p>{SECOND}</p></article>"
    assert parse_one(page(body, head)).body == (
        Section(heading="Part one", paragraphs=(LONG, SECOND)),
    )


# --- libxml2's limits: the rest of the page is never dropped silently ----------


def test_nesting_within_the_parser_limit_is_read() -> None:
    body = "<div>" * 240 + f"<p>{LONG}</p>" + "</div>" * 240
    assert parse_one(page(body, "<title>Deep</title>")).paragraphs == (LONG,)


def test_nesting_beyond_the_parser_limit_is_an_error() -> None:
    body = "<div>" * 300 + f"<p>{LONG}</p>" + "</div>" * 300
    with pytest.raises(ParseError, match=r"safety limits: Excessive depth") as caught:
        newsparse.parse(page(body, "<title>Deep</title>"), "html", source="deep.html")
    # libxml2's own position (its column is approximate on very long lines)
    assert (caught.value.source, caught.value.line) == ("deep.html", 1)
    assert caught.value.column > 1
    assert "XML_PARSE_HUGE" not in str(caught.value)


@pytest.mark.parametrize(
    "body",
    [
        "<p>" + "word " * 2_200_000 + "</p>",  # an 11 MB text node
        "<p title='" + "x" * 11_000_000 + "'>Words.</p>",  # an 11 MB attribute
    ],
)
def test_an_enormous_text_or_attribute_is_an_error(body: str) -> None:
    with pytest.raises(ParseError, match="safety limits"):
        newsparse.parse(page(body, "<title>Big</title>"), "html")


def test_a_lone_surrogate_in_text_input_is_an_error_not_a_replacement() -> None:
    text = page(f"<article><h1>Bridge</h1>\n<p>{LONG} caf\u00e9 \ud800 end</p></article>")
    with pytest.raises(ParseError, match="lone surrogate") as caught:
        newsparse.parse(text, "html", source="s.html")
    line = text.count("\n", 0, text.index("\ud800")) + 1
    column = text.index("\ud800") - text.rfind("\n", 0, text.index("\ud800"))
    assert (caught.value.line, caught.value.column) == (line, column)
    korean = page(f"<article><h1>\ud55c\uad6d</h1><p>{LONG} \ud55c\uad6d\uc5b4.</p></article>")
    assert parse_one(korean).title == "\ud55c\uad6d"  # Hangul starts with 0xED too
