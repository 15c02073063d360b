"""Tests of the render-only views ``text`` and ``markdown``.

The expected outputs are written by hand from the description in the
docstring of newsparse._formats.views.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from fixtures_plugins import isolated_host
from newsparse import Article, Image, Section, UnknownFormatError, get_format, parse, render


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


SMALL = Article(
    title="Rain in Tehran",
    authors=("A. Writer", "B. Reporter"),
    published=datetime(2025, 4, 29, 9, 30, tzinfo=timezone(timedelta(hours=3, minutes=30))),
    url="https://example.com/rain",
    summary="Heavy rain fell.",
    images=(
        Image(
            url="https://example.com/r.jpg",
            alt="Wet street",
            caption="Rain in the city",
            credit="AFP",
        ),
    ),
    body=(
        Section(paragraphs=("First paragraph.", "Second\nline.")),
        Section(heading="Reactions", paragraphs=("People were happy.",)),
    ),
    # Left out by both views:
    publisher="Example News",
    language="en",
    topics=("Iran",),
    meta={"example.id": "1"},
)

SMALL_TEXT = """\
Rain in Tehran

By A. Writer, B. Reporter · 2025-04-29 09:30+03:30

https://example.com/rain

Heavy rain fell.

[Image: Rain in the city — AFP]

First paragraph.

Second
line.

Reactions

People were happy.
"""

# A "+" inside a line is plain text in Markdown and is left alone.
SMALL_MARKDOWN = """\
# Rain in Tehran

*By A. Writer, B. Reporter · 2025-04-29 09:30+03:30*

<https://example.com/rain>

> Heavy rain fell.

![Wet street](<https://example.com/r.jpg>)
*Rain in the city — AFP*

First paragraph.

Second\\
line.

## Reactions

People were happy.
"""


def test_both_views_are_render_only_and_lossy() -> None:
    for name in ("text", "markdown"):
        fmt = get_format(name)
        assert (fmt.can_parse, fmt.can_render, fmt.lossy) == (False, True, True)
        with pytest.raises(UnknownFormatError):
            parse(SMALL_TEXT, name)
    assert get_format("json").lossy is False
    assert get_format("text").extensions == (".txt",)
    assert get_format("markdown").extensions == (".md", ".markdown")


# --- text -----------------------------------------------------------------------


def test_text_of_a_small_article() -> None:
    assert render([SMALL], "text") == SMALL_TEXT


def test_text_of_a_title_only_article() -> None:
    assert render([Article(title="Only a title")], "text") == "Only a title\n"


def test_text_separates_articles() -> None:
    articles = [Article(title="One"), Article(title="Two"), Article(title="Three")]
    assert render(articles, "text") == "One\n\n* * *\n\nTwo\n\n* * *\n\nThree\n"


def test_text_of_no_articles_is_empty() -> None:
    assert render([], "text") == ""
    assert render([], "markdown") == ""


def test_text_byline_and_image_variants() -> None:
    article = Article(
        title="T",
        authors=("Solo",),
        images=(
            Image(url="https://example.com/only-url.jpg"),
            Image(alt="Alt only"),
            Image(credit="Reuters"),
            Image(alt="Alt", caption="Caption wins"),
        ),
    )
    assert render([article], "text") == (
        "T\n\nBy Solo\n\n[Image: Alt only]\n\n[Image: Reuters]\n\n[Image: Caption wins]\n"
    )
    dated = Article(title="T", published=datetime(2024, 1, 2, 3, 4, 59, tzinfo=timezone.utc))
    assert render([dated], "text") == "T\n\n2024-01-02 03:04+00:00\n"


def test_text_does_not_escape() -> None:
    article = Article(title="# not a heading", body=[Section(paragraphs=["*stars*"])])
    assert render([article], "text") == "# not a heading\n\n*stars*\n"


def test_text_of_a_heading_only_section() -> None:
    article = Article(title="T", body=[Section(heading="Just a heading")])
    assert render([article], "text") == "T\n\nJust a heading\n"


# --- markdown -------------------------------------------------------------------


def test_markdown_of_a_small_article() -> None:
    assert render([SMALL], "markdown") == SMALL_MARKDOWN


def test_markdown_separates_articles_with_a_rule() -> None:
    articles = [Article(title="One"), Article(title="Two")]
    assert render(articles, "markdown") == "# One\n\n---\n\n# Two\n"


def test_markdown_escapes_a_title_that_looks_like_a_heading() -> None:
    article = Article(title="# not a heading")
    assert render([article], "markdown") == "# \\# not a heading\n"


@pytest.mark.parametrize(
    ("paragraph", "escaped"),
    [
        ("# not a heading", "\\# not a heading"),
        ("*stars*", "\\*stars\\*"),
        ("_under_ and `code`", "\\_under\\_ and \\`code\\`"),
        ("[link](https://x.org)", "\\[link\\](https://x.org)"),
        ("<b>bold</b>", "\\<b\\>bold\\</b\\>"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("UTC+03:00 and 1 + 1", "UTC+03:00 and 1 + 1"),
        ("> not a quote", "\\> not a quote"),
        ("back\\slash", "back\\\\slash"),
        ("one\n- two\n===", "one\\\n\\- two\\\n\\==="),
        ("plain words, 3 dots...", "plain words, 3 dots..."),
    ],
)
def test_markdown_escapes_markup_in_paragraphs(paragraph: str, escaped: str) -> None:
    article = Article(title="T", body=[Section(paragraphs=[paragraph])])
    assert render([article], "markdown") == "# T\n\n" + escaped + "\n"


def test_markdown_escapes_headings_summaries_and_captions() -> None:
    article = Article(
        title="T",
        summary="*Big*\n> news",
        images=[Image(url="https://example.com/a.jpg", alt="[alt]", caption="_cap_")],
        body=[Section(heading="## Sub", paragraphs=["p"])],
    )
    assert render([article], "markdown") == (
        "# T\n\n"
        "> \\*Big\\*\\\n"
        "> \\> news\n\n"
        "![\\[alt\\]](<https://example.com/a.jpg>)\n"
        "*\\_cap\\_*\n\n"
        "## \\#\\# Sub\n\n"
        "p\n"
    )


def test_markdown_image_without_url_or_text() -> None:
    article = Article(
        title="T",
        images=[Image(url="https://example.com/a.jpg"), Image(credit="AFP")],
    )
    assert render([article], "markdown") == "# T\n\n![](<https://example.com/a.jpg>)\n\n*AFP*\n"


@pytest.mark.parametrize(
    ("paragraph", "escaped"),
    [("1. Not a list", "1\\. Not a list"), ("2024) A year", "2024\\) A year")],
)
def test_markdown_escapes_ordered_list_markers_visibly_correctly(
    paragraph: str, escaped: str
) -> None:
    article = Article(title="T", body=[Section(paragraphs=[paragraph])])
    assert render([article], "markdown") == "# T\n\n" + escaped + "\n"


def test_markdown_escapes_entity_references() -> None:
    article = Article(title="T", body=[Section(paragraphs=["&copy; AFP, Fish &amp; chips"])])
    paragraph = render([article], "markdown").split("\n\n")[1]
    # Every "&" must be escaped ("\&") or itself written as an entity ("&amp;").
    assert re.findall(r"(?<!\\)&(?!amp;)", paragraph) == []
