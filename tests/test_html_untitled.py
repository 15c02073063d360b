"""Pages that state no title: the body is kept and the title derived, and marked so.

The pages are written by hand: no ``<title>``, a ``<head>`` cut in the middle,
fragments without ``<html>`` or ``<head>``.  The expected titles are read off
the markup by the rule of ``newsparse._formats.html.derived``.
"""

from __future__ import annotations

import pytest

import newsparse
from newsparse import Article, ParseError

DERIVED = "derived"
SOURCE = "html.title-source"

LONG = (
    "The council voted on Tuesday to keep the old bridge open, after engineers said"
    " the repairs made last spring would hold for another decade at least."
)
SECOND = (
    "Residents had asked for a new crossing for years, and the vote, seven to two,"
    " leaves them waiting again; the mayor said the budget allowed nothing else."
)


def parse_one(text: str | bytes) -> Article:
    articles = newsparse.parse(text, "html")
    assert len(articles) == 1
    return articles[0]


def test_a_page_without_title_takes_the_start_of_its_text() -> None:
    article = parse_one(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
        f"<body><div><p>{LONG}</p><p>{SECOND}</p></div></body></html>"
    )
    # The first sentence is longer than 100 characters: cut at the last space before.
    assert (
        article.title
        == "The council voted on Tuesday to keep the old bridge open, after engineers said"
        " the repairs made last"
    )
    assert article.meta[SOURCE] == DERIVED
    assert article.body[0].paragraphs == (LONG, SECOND)


def test_the_start_of_the_text_ends_at_the_first_sentence() -> None:
    article = parse_one(f"<div><p>Bridge stays open. {LONG}</p><p>{SECOND}</p></div>")
    assert article.title == "Bridge stays open."
    assert article.meta[SOURCE] == DERIVED


def test_a_heading_opening_the_text_is_the_title() -> None:
    article = parse_one(f"<html><body><main><h2>Old bridge stays open</h2><p>{LONG}</p></main>")
    assert article.title == "Old bridge stays open"
    assert article.meta[SOURCE] == DERIVED
    assert article.body[0].paragraphs == (LONG,)


def test_a_head_cut_in_the_middle_keeps_the_body() -> None:
    text = (
        "<html><head><meta charset='utf-8'><meta name=descr"  # the crawl stopped here
        f"</head><body><article><p>{LONG}</p><p>{SECOND}</p></article></body></html>"
    )
    article = parse_one(text)
    assert article.meta[SOURCE] == DERIVED
    assert LONG in article.body[0].paragraphs
    assert SECOND in article.body[0].paragraphs


def test_a_head_less_fragment_is_an_article() -> None:
    article = parse_one(f"<p>{LONG}</p>\n<p>{SECOND}</p>")
    assert article.meta[SOURCE] == DERIVED
    assert article.body[0].paragraphs == (LONG, SECOND)


def test_short_text_is_kept_when_nothing_else_is_there() -> None:
    # Short text that the usual rules read as a label is all the page holds.
    article = parse_one("<html><head></head><body>\n  Test\n</body></html>")
    assert article.title == "Test"
    assert article.body[0].paragraphs == ("Test",)
    assert article.meta[SOURCE] == DERIVED


def test_a_list_alone_is_the_body() -> None:
    article = parse_one("<html><body><ol><li><p>Only item, cut of</p></li></ol></body></html>")
    assert article.title == "Only item, cut of"
    assert article.body[0].paragraphs == ("Only item, cut of",)


def test_an_image_alone_gives_its_caption_as_title() -> None:
    article = parse_one(
        "<body><figure><img src='https://example.com/a.jpg'>"
        "<figcaption>The old bridge at dusk</figcaption></figure></body>"
    )
    assert article.title == "The old bridge at dusk"
    assert article.images[0].url == "https://example.com/a.jpg"
    assert article.meta[SOURCE] == DERIVED


def test_a_stated_title_is_not_marked() -> None:
    article = parse_one(f"<html><head><title>Bridge</title></head><body><p>{LONG}</p></body>")
    assert article.title == "Bridge"
    assert article.meta[SOURCE] == "title"


def test_the_mark_survives_the_lossless_json() -> None:
    article = parse_one(f"<p>{LONG}</p>")
    [back] = newsparse.parse(newsparse.render([article], "json"), "json")
    assert back == article
    assert back.meta[SOURCE] == DERIVED


@pytest.mark.parametrize(
    "text",
    [
        "<html><head><title></title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><footer>Menu</footer></body></html>",
        "<!-- only a comment --><div> </div>",
    ],
)
def test_a_page_without_any_content_is_an_error(text: str) -> None:
    with pytest.raises(ParseError, match="no content"):
        newsparse.parse(text, "html")
