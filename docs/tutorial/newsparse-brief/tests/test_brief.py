"""Tests of the brief format: the conformance kit, then a few cases by hand."""

from datetime import datetime, timedelta, timezone

import newsparse
import pytest
from hypothesis import strategies as st
from newsparse import Article, Image, ParseError, RenderError, Section
from newsparse.plugin import get_host
from newsparse.testing import FormatConformance, datetimes, sparse_articles, texts

from newsparse_brief import SEPARATOR, BriefFormat

CANONICAL = """\
# Rain returns to Riyadh
By A. Writer; B. Reporter
2025-04-29T09:30:00+03:00

Light rain fell across Riyadh on Monday, the first in five months.

Forecasters expect showers to continue until Thursday.
%%
# Markets open higher in Cairo

Shares rose at the opening bell on Sunday.
%%
# الأمطار تعود إلى الرياض
"""
"""Three articles in canonical form: the last has neither byline nor body."""

ACCEPTED = """
  #Rain returns to Riyadh
By A. Writer ;B. Reporter
2025-04-29 09:30:00+03:00


Light rain fell across Riyadh on Monday, the first in five months.
Forecasters expect showers to continue until Thursday.

%%
# Markets open higher in Cairo

   Shares rose at the opening bell on Sunday.   """
"""Two articles with odd spacing, a space in the date and no final newline."""


class TestBriefConformance(FormatConformance):
    format_name = "brief"
    canonical_examples = (CANONICAL,)
    accepted_examples = (ACCEPTED,)

    def strategy(self) -> st.SearchStrategy[Article]:
        """Return a strategy of the articles a brief represents exactly."""
        paragraph = texts(single_line=True).filter(lambda text: text != SEPARATOR)
        author = texts(single_line=True, max_words=4).filter(lambda text: ";" not in text)
        return sparse_articles(
            authors=st.lists(author, max_size=3, unique=True),
            published=st.none() | datetimes(),
            body=st.one_of(
                st.just(()),
                st.lists(paragraph, min_size=1, max_size=4).map(
                    lambda paragraphs: (Section(paragraphs=paragraphs),)
                ),
            ),
        )


def test_the_entry_point_registers_the_format() -> None:
    info = {plugin.name: plugin for plugin in get_host().plugins}["brief"]
    assert info.ok
    assert info.formats == ("brief",)
    assert info.distribution == "newsparse-brief"
    assert isinstance(newsparse.get_format("brief"), BriefFormat)


def test_every_field_is_read() -> None:
    text = "# Rain\nBy A. Writer; B. Reporter\n2025-04-29T09:30:00+03:00\n\nIt rained.\n"
    assert newsparse.parse(text, "brief") == [
        Article(
            title="Rain",
            authors=["A. Writer", "B. Reporter"],
            published=datetime(2025, 4, 29, 9, 30, tzinfo=timezone(timedelta(hours=3))),
            body=[Section(paragraphs=["It rained."])],
        )
    ]


def test_a_bad_article_is_reported_and_the_next_one_is_read() -> None:
    text = "# One\n%%\n# Two\nyesterday\n%%\n# Three\n"
    errors: list[ParseError] = []
    articles = newsparse.parse(text, "brief", on_error=errors.append)
    assert [article.title for article in articles] == ["One", "Three"]
    [error] = errors
    assert (error.line, error.column) == (4, 1)
    assert str(error).startswith("<string>:4:1: expected a byline ('By ...') or a date")


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("Rain\n", 1, 1, "an article starts with '# ' and its headline"),
        ("\n   #\n", 2, 5, "the headline is empty"),
        ("# Rain\nBy A;  A\n", 2, 8, "'A' is named twice"),
        ("# Rain\n2025-04-29T09:30:00\n", 2, 1, "the date needs a UTC offset"),
        ("# Rain\nBy A\nBy B\n", 3, 1, "expected a blank line before the first paragraph"),
    ],
)
def test_errors_point_at_the_problem(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        newsparse.parse(text, "brief")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.message.startswith(message)


@pytest.mark.parametrize(
    ("article", "field"),
    [
        (Article(title="Rain", images=[Image(caption="Clouds")]), "images"),
        (Article(title="Rain", meta={"brief.id": "7"}), "meta['brief.id']"),
        (Article(title="Rain", authors=["A; B"]), "authors[0]"),
        (Article(title="Rain", body=[Section(paragraphs=["Two\nlines"])]), "body[0].paragraphs[0]"),
        (Article(title="Rain", body=[Section(heading="Why")]), "body[0].heading"),
    ],
)
def test_what_a_brief_cannot_hold_is_refused(article: Article, field: str) -> None:
    with pytest.raises(RenderError) as caught:
        newsparse.render([article], "brief")
    assert caught.value.field == field


def test_detection_needs_a_headline_line() -> None:
    fmt = newsparse.get_format("brief")
    assert fmt.sniff("# Rain\n\nIt rained.\n") == 0.5
    assert fmt.sniff("# Rain\nBy A. Writer\n") == 0.8
    assert fmt.sniff('[{"title": "Rain"}]') == 0.0
    assert newsparse.detect("# Rain\n%%\n# Snow\n").name == "brief"
