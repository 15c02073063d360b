"""The article size limit in TT: the text between two separators."""

from __future__ import annotations

from unittest import mock

import newsparse
from hypothesis import given
from hypothesis import strategies as st
from newsparse import Article, Limits, ParseError, Section

from newsparse_aawsat.testing import tt_articles


def story(number: int, words: int = 5) -> Article:
    return Article(
        title=f"Headline {number}",
        body=[Section(paragraphs=[f"Paragraph of story {number}." + " word" * words])],
        meta={"tt.number": str(number)},
    )


def read(text: str, limits: Limits) -> tuple[list[str], list[ParseError]]:
    errors: list[ParseError] = []
    found = newsparse.parse(text, "tt", on_error=errors.append, limits=limits)
    return [article.title for article in found], errors


def test_a_stretch_over_the_limit_ends_the_parse_where_it_starts() -> None:
    text = newsparse.render([story(1), story(2, words=400), story(3)], "tt")
    second = text.index("Headline 2")
    line = text.count("\n", 0, second) + 1
    for chunk in (7, 64, 1 << 16):  # separators cut by chunk ends, and none
        with (
            mock.patch("newsparse_aawsat.canonical.CHUNK_SIZE", chunk),
            mock.patch("newsparse_aawsat.lexer.CHUNK_SIZE", chunk),
        ):
            titles, errors = read(text, Limits(max_article_bytes=1000))
        assert titles == ["Headline 1"]  # nothing of story 2 is read as an article
        [error] = errors
        assert error.fatal
        assert (error.line, error.column) == (line, 1)
        assert "longer than the limit of 1000 bytes (max_article_bytes)" in error.message


def test_stories_under_the_limit_are_all_read() -> None:
    text = newsparse.render([story(1), story(2, words=400), story(3)], "tt")
    assert read(text, Limits(max_article_bytes=3000)) == (
        ["Headline 1", "Headline 2", "Headline 3"],
        [],
    )
    assert read(text, Limits(max_article_bytes=None))[0] == [
        "Headline 1",
        "Headline 2",
        "Headline 3",
    ]


def test_the_last_stretch_is_checked_too() -> None:
    text = newsparse.render([story(1), story(2, words=400)], "tt")
    titles, errors = read(text, Limits(max_article_bytes=1000))
    assert titles == ["Headline 1"]
    assert len(errors) == 1


def test_the_limit_counts_utf8_bytes() -> None:
    article = Article(
        title="\u062e\u0628\u0631",
        body=[Section(paragraphs=["\u0643\u0644\u0645\u0629 " * 50 + "."])],
        meta={"tt.number": "1"},
    )
    text = newsparse.render([article], "tt")
    size = len(text.encode("utf-8"))
    assert size > len(text) + 100  # Arabic letters take two bytes
    assert read(text, Limits(max_article_bytes=size))[0] == ["\u062e\u0628\u0631"]
    assert read(text, Limits(max_article_bytes=size - 1))[1]


@given(st.lists(tt_articles(), max_size=4))
def test_a_generous_limit_changes_nothing(articles: list[Article]) -> None:
    text = newsparse.render(articles, "tt")
    assert newsparse.parse(text, "tt", limits=Limits(max_article_bytes=1 << 20)) == newsparse.parse(
        text, "tt", limits=Limits(max_article_bytes=None)
    )
