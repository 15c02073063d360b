"""Rendering: canonical shapes, and RenderError for what TT cannot hold."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Any

import newsparse
import pytest
from newsparse import Article, Image, RenderError, Section

NUMBER = {"tt.number": "20"}


def test_bare_article() -> None:
    article = Article(title="Quake", meta=NUMBER)
    assert newsparse.render([article], "tt") == "Quake\n\nTT\n20\n\nQuake"


def test_caption_only_image_is_one_line() -> None:
    article = Article(title="Quake", images=[Image(caption="Rubble")], meta=NUMBER)
    assert newsparse.render([article], "tt") == "Quake\n\nRubble\nTT\n20\n\nQuake\n\nRubble"


def test_alt_then_caption() -> None:
    article = Article(
        title="Quake",
        images=[Image(alt="Rubble", caption="Rubble in Tabriz (AFP)"), Image(alt="B", caption="C")],
        body=[Section(paragraphs=["One.", "Two."])],
        meta={"tt.number": "7"},
    )
    assert newsparse.render([article], "tt") == (
        "Quake\n\nRubble\nRubble in Tabriz (AFP)\nB\nC\nTT\n7\n\n"
        "Quake\n\nRubble\nRubble in Tabriz (AFP)\nB\nC\n\nOne.\n\nTwo."
    )


def test_articles_are_separated_by_three_blank_lines_without_final_newline() -> None:
    one = Article(title="A", body=[Section(paragraphs=["a."])], meta=NUMBER)
    two = Article(title="B", meta={"tt.number": "21"})
    assert newsparse.render([one, two], "tt") == ("A\n\nTT\n20\n\nA\n\na.\n\n\n\nB\n\nTT\n21\n\nB")


def test_no_articles_render_as_nothing() -> None:
    assert newsparse.render([], "tt") == ""


BASE: dict[str, Any] = {"title": "Quake", "meta": NUMBER}
WHEN = datetime(2025, 5, 6, 12, 0, tzinfo=timezone.utc)

REFUSED: dict[str, tuple[dict[str, Any], str]] = {
    "authors": ({"authors": ["Adil Al-Salmi"]}, "authors"),
    "published": ({"published": WHEN}, "published"),
    "modified": ({"modified": WHEN}, "modified"),
    "url": ({"url": "https://english.aawsat.com/node/1"}, "url"),
    "publisher": ({"publisher": "Asharq Al-Awsat"}, "publisher"),
    "language": ({"language": "en"}, "language"),
    "topics": ({"topics": ["Iran"]}, "topics"),
    "summary": ({"summary": "A quake hit."}, "summary"),
    "no-number": ({"meta": {}}, "meta['tt.number']"),
    "other-meta-key": ({"meta": {"tt.number": "20", "x.desk": "world"}}, "meta['x.desk']"),
    "number-not-decimal": ({"meta": {"tt.number": "twenty"}}, "meta['tt.number']"),
    "number-empty": ({"meta": {"tt.number": ""}}, "meta['tt.number']"),
    "number-with-space": ({"meta": {"tt.number": "2 0"}}, "meta['tt.number']"),
    "image-url": (
        {"images": [Image(url="https://e.com/a.jpg", alt="a", caption="c")]},
        "images[0].url",
    ),
    "image-credit": ({"images": [Image(caption="c", credit="AFP")]}, "images[0].credit"),
    "image-without-caption": ({"images": [Image(alt="a")]}, "images[0].caption"),
    "second-image-without-alt": (
        {"images": [Image(alt="a", caption="c"), Image(caption="d")]},
        "images[1].alt",
    ),
    "first-of-two-images-without-alt": (
        {"images": [Image(caption="c"), Image(alt="a", caption="d")]},
        "images[0].alt",
    ),
    "image-alt-with-line-break": (
        {"images": [Image(alt="a\nb", caption="c")]},
        "images[0].alt",
    ),
    "image-caption-with-line-break": (
        {"images": [Image(caption="c\nd")]},
        "images[0].caption",
    ),
    "heading": ({"body": [Section(heading="Aftershocks", paragraphs=["p"])]}, "body[0].heading"),
    "second-section": (
        {"body": [Section(paragraphs=["p"]), Section(paragraphs=["q"])]},
        "body[1]",
    ),
    "paragraph-with-line-break": (
        {"body": [Section(paragraphs=["p", "two\nlines"])]},
        "body[0].paragraphs[1]",
    ),
}


MISSING = {
    "no-number",
    "image-without-caption",
    "second-image-without-alt",
    "first-of-two-images-without-alt",
}
"""The refusals of a value TT requires that the article lacks."""


@pytest.mark.parametrize(("name", "fields", "field"), [(n, *r) for n, r in REFUSED.items()])
def test_unrepresentable_field_is_refused(name: str, fields: dict[str, Any], field: str) -> None:
    article = Article(**{**BASE, **fields})
    with pytest.raises(RenderError) as caught:
        newsparse.render([article], "tt")
    assert caught.value.format == "tt"
    assert caught.value.field == field
    assert field in str(caught.value)
    assert caught.value.missing == (name in MISSING)
    wording = "requires a value for" if name in MISSING else "cannot represent"
    assert f"format 'tt' {wording} {field}: " in str(caught.value)


@pytest.mark.parametrize(("fields", "field"), REFUSED.values(), ids=list(REFUSED))
def test_refused_article_writes_nothing(fields: dict[str, Any], field: str) -> None:
    out = io.StringIO()
    with pytest.raises(RenderError, match=field.replace("[", r"\[").replace("]", r"\]")):
        newsparse._api.render_to([Article(**{**BASE, **fields})], "tt", out)
    assert out.getvalue() == ""


def test_first_headline_starting_with_zwnbsp_is_refused() -> None:
    # U+FEFF at the very start of a text is a byte-order mark: refused there,
    # fine in later articles.
    odd = Article(title="\ufeffQuake", meta=NUMBER)
    with pytest.raises(RenderError) as caught:
        newsparse.render([odd], "tt")
    assert caught.value.field == "title"
    text = newsparse.render([Article(**BASE), odd], "tt")
    assert text == "Quake\n\nTT\n20\n\nQuake\n\n\n\n\ufeffQuake\n\nTT\n20\n\n\ufeffQuake"
    assert newsparse.parse(text.encode("utf-8"), "tt") == [Article(**BASE), odd]


def test_refusal_in_a_list_gives_no_output() -> None:
    good = Article(**BASE)
    bad = Article(**{**BASE, "title": "Signed", "authors": ["A. Writer"]})
    with pytest.raises(RenderError) as caught:
        newsparse.render([good, bad], "tt")
    assert (caught.value.index, caught.value.title) == (1, "Signed")
