"""Truncated dumps: every article returned is whole, and what is cut is reported.

TT has no end-of-article marker, but a whole article goes on after its TT
number with the repeated header (canonical text always writes it).  So an
input that ends right after the number, inside the repeated headline, or
inside the repeated image lines is an article cut off, reported as a
ParseError; only a cut inside the body (after the whole repeated header)
cannot be told from a shorter article.

The positions below were counted by hand from the seed's byte offsets: its
line 6 ("20") starts at byte 653, line 8 (the repeated headline) at 657,
line 10 (the first repeated image line) at 711, line 11 at 1009 and line 40
(the second article's first repeated image line) at 3265; the lines before
each cut are ASCII, so a byte is a column.
"""

from __future__ import annotations

from dataclasses import dataclass

import attrs
import newsparse
import pytest
from newsparse import Article, ParseError

from newsparse_aawsat.examples import CANONICAL_EXAMPLES
from newsparse_aawsat.syntax import ARTICLE_SEPARATOR


def parse_cut(data: str | bytes) -> tuple[list[Article], list[ParseError]]:
    errors: list[ParseError] = []
    articles = newsparse.parse(data, "tt", source="cut.tt", on_error=errors.append)
    return articles, errors


# The cuts (700, 1000, 3300) and the others of the same kind.
CUTS = {
    "inside-the-tt-number": (654, 6, 2, "after the TT number"),
    "after-the-tt-number": (657, 8, 1, "after the TT number"),
    "inside-the-repeated-headline": (700, 8, 44, "inside the repeated headline"),
    "after-the-repeated-headline": (709, 8, 53, "after the repeated headline"),
    "inside-the-first-repeated-image-line": (1000, 10, 290, "inside the repeated image lines"),
    "after-the-first-repeated-image-line": (1008, 10, 298, "inside the repeated image lines"),
    "inside-the-second-repeated-image-line": (1100, 11, 92, "inside the repeated image lines"),
    "inside-the-second-article-repeated-image-line": (
        3300,
        40,
        36,
        "inside the repeated image lines",
    ),
}


@pytest.mark.parametrize(("size", "line", "column", "what"), CUTS.values(), ids=list(CUTS))
def test_a_dump_cut_inside_the_header_is_an_error_at_its_end(
    seed_bytes: bytes, size: int, line: int, column: int, what: str
) -> None:
    articles, errors = parse_cut(seed_bytes[:size])
    whole = newsparse.parse(seed_bytes, "tt")
    assert articles == whole[: 1 if size > 3000 else 0]
    (error,) = errors
    assert (error.source, error.line, error.column) == ("cut.tt", line, column)
    assert what in error.message
    assert "cut off" in error.message
    with pytest.raises(ParseError):
        newsparse.parse(seed_bytes[:size], "tt")


def test_an_article_with_its_whole_header_and_no_body_is_still_read(seed_bytes: bytes) -> None:
    # Cut after the repeated image lines: canonical text of an article with no
    # paragraph, which cannot be told from a cut (like any cut in the body).
    (article,) = newsparse.parse(seed_bytes[:1306], "tt")
    assert article.body == ()
    assert article.images == newsparse.parse(seed_bytes, "tt")[0].images


# -- every cut of canonical dumps -----------------------------------------------


@dataclass(frozen=True)
class Span:
    """Where an article of a canonical dump is: its start, the end of its
    repeated header, and its end (offsets in the text or its bytes)."""

    start: int
    header_end: int
    end: int


def spans(text: str, *, in_bytes: bool) -> list[Span]:
    """The spans of the articles of the canonical ``text``, from their renderings."""
    size = (lambda part: len(part.encode("utf-8"))) if in_bytes else len
    articles = newsparse.parse(text, "tt")
    found: list[Span] = []
    start = 0
    for article in articles:
        rendered = newsparse.render([article], "tt")
        header = newsparse.render([attrs.evolve(article, body=())], "tt")
        assert rendered.startswith(header)
        found.append(Span(start, start + size(header), start + size(rendered)))
        start += size(rendered) + size(ARTICLE_SEPARATOR)
    assert ARTICLE_SEPARATOR.join(newsparse.render([a], "tt") for a in articles) == text
    return found


def is_cut_in_body(article: Article, whole: Article) -> bool:
    """Whether ``article`` is ``whole`` cut inside its body: fewer or shorter paragraphs."""
    if attrs.evolve(article, body=()) != attrs.evolve(whole, body=()):
        return False
    cut, full = article.paragraphs, whole.paragraphs
    if not cut:
        return True
    count = len(cut)
    return (
        count <= len(full) and cut[:-1] == full[: count - 1] and full[count - 1].startswith(cut[-1])
    )


def check_every_cut(data: str | bytes, text: str) -> None:
    """Cut ``data`` (``text``, or its UTF-8 bytes) at every offset and check what comes out."""
    whole = newsparse.parse(text, "tt")
    places = spans(text, in_bytes=isinstance(data, bytes))
    pairs = list(zip(whole, places, strict=True))
    for size in range(len(data) + 1):
        articles, errors = parse_cut(data[:size])
        complete = [article for article, span in pairs if span.end <= size]
        cut = [(article, span) for article, span in pairs if span.start < size < span.end]
        context = f"cut at {size}: {articles}, {errors}"
        # Every whole article comes out, as it is in the whole dump.
        assert articles[: len(complete)] == complete, context
        rest = articles[len(complete) :]
        if not cut:
            assert not rest, context
            assert not errors, context
            continue
        ((article, span),) = cut
        if rest:
            # Only an article cut in its body can come out, and nothing else.
            (returned,) = rest
            assert size >= span.header_end, context
            assert is_cut_in_body(returned, article), context
            assert not errors, context
        else:
            # Cut in its header (or in the middle of a character): reported.
            assert errors, context
        for error in errors:
            assert error.line >= 1, context
            assert error.column >= 1, context


def test_every_byte_cut_of_the_seed(seed_text: str, seed_bytes: bytes) -> None:
    check_every_cut(seed_bytes, seed_text)


def test_every_character_cut_of_the_seed(seed_text: str) -> None:
    check_every_cut(seed_text, seed_text)


@pytest.mark.parametrize("text", CANONICAL_EXAMPLES, ids=["rain", "two-articles"])
def test_every_cut_of_the_canonical_examples(text: str) -> None:
    check_every_cut(text, text)
    check_every_cut(text.encode("utf-8"), text)
