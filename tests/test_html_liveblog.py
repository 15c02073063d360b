"""Live blogs: the entries a page's JSON-LD states become LiveEntry blocks."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import newsparse
from newsparse import Article, LiveEntry, Paragraph, Section

INTRO = (
    "Polls have closed across the country and the counting of the votes has begun in every"
    " one of the four hundred districts."
)
FIRST = "The first district has declared: the sitting mayor keeps her seat with a larger majority."
SECOND = "Turnout is up by five points on the last election, officials at the count said tonight."
SECOND_MORE = "Queues were still outside two polling stations when the doors closed at ten."
HIDDEN = "An entry the page no longer shows, from earlier in the evening, about the weather."
UNTIMED = "A note without a time, which the page shows among the entries of the evening."
CET = timezone(timedelta(hours=1))


def update(
    headline: str | None, body: str, when: str | None, author: str = ""
) -> dict[str, object]:
    item: dict[str, object] = {"@type": "BlogPosting", "articleBody": body}
    if headline is not None:
        item["headline"] = headline
    if when is not None:
        item["datePublished"] = when
    if author:
        item["author"] = {"@type": "Person", "name": author}
    return item


def live_page(updates: list[dict[str, object]], shown: str) -> Article:
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Election night, live",
        "liveBlogUpdate": updates,
    }
    html = (
        "<html><head><title>Election night, live</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script></head>'
        f"<body><article><h1>Election night, live</h1><p>{INTRO}</p>{shown}</article></body></html>"
    )
    [article] = newsparse.parse(html, "html")
    return article


def test_entries_the_page_shows_become_live_entries_in_json_ld_order() -> None:
    updates = [
        update("Turnout up", f"{SECOND}\n{SECOND_MORE}", "2026-05-03T22:40:00+01:00"),
        update(None, FIRST, "2026-05-03T22:15:00+01:00", author="Ana Ruiz"),
        update("Weather", HIDDEN, "2026-05-03T19:00:00+01:00"),
        update("No time", UNTIMED, None),
    ]
    shown = (
        f"<h3>Turnout up</h3><p>{SECOND}</p><p>{SECOND_MORE}</p>"
        f"<p>{FIRST}</p><h3>No time</h3><p>{UNTIMED}</p>"
    )
    article = live_page(updates, shown)
    assert article.body == (
        Section(paragraphs=[INTRO]),
        # The update without a time is no entry: its text stays where it was.
        Section(heading="No time", paragraphs=[UNTIMED]),
        Section(
            blocks=[
                LiveEntry(
                    time=datetime(2026, 5, 3, 22, 40, tzinfo=CET),
                    title="Turnout up",
                    blocks=[Paragraph(text=SECOND), Paragraph(text=SECOND_MORE)],
                ),
                LiveEntry(
                    time=datetime(2026, 5, 3, 22, 15, tzinfo=CET),
                    blocks=[Paragraph(text=FIRST)],
                    authors=["Ana Ruiz"],
                ),
            ]
        ),
    )
    assert HIDDEN not in article.text


def test_a_live_blog_whose_entries_the_page_does_not_show_keeps_its_text() -> None:
    updates = [update("Weather", HIDDEN, "2026-05-03T19:00:00+01:00")]
    article = live_page(updates, f"<p>{FIRST}</p>")
    assert article.body == (Section(paragraphs=[INTRO, FIRST]),)


def test_an_ordinary_article_with_the_same_json_ld_fields_has_no_entries() -> None:
    data = {"@type": "NewsArticle", "headline": "Election night", "liveBlogUpdate": []}
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
        f"<body><article><h1>Election night</h1><p>{INTRO}</p><p>{FIRST}</p>"
        "</article></body></html>"
    )
    [article] = newsparse.parse(html, "html")
    assert article.body == (Section(paragraphs=[INTRO, FIRST]),)


def test_a_live_blog_round_trips_through_html_and_json() -> None:
    updates = [update("Turnout up", SECOND, "2026-05-03T22:40:00+01:00", author="Ana Ruiz")]
    article = live_page(updates, f"<h3>Turnout up</h3><p>{SECOND}</p>")
    assert isinstance(article.body[-1].blocks[0], LiveEntry)
    for name in ("html", "json"):
        assert newsparse.parse(newsparse.render([article], name), name) == [article]
