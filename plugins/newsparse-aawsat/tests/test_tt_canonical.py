"""The fast path for canonical articles reads exactly what the general reader reads.

``TTFormat.parse`` reads canonical article blocks with string methods
(``newsparse_aawsat.canonical``) and hands everything else to the general
reader (``newsparse_aawsat.general``).  These tests run both on canonical
dumps and on tolerant or broken variants of them, with chunk sizes small
enough to cut blocks and separators anywhere, and require the same articles
and the same errors (message, line, column, excerpt) in the same order, also
when the stream fails part way.  They also check that the fast path is really
taken, so that it cannot silently rot into "always the general reader".
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any
from unittest import mock

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsparse import Article, ParseError
from newsparse.plugin import ParseItem

from newsparse_aawsat import canonical, lexer
from newsparse_aawsat.canonical import canonical_article
from newsparse_aawsat.format import ARTICLE_SEPARATOR, TTFormat
from newsparse_aawsat.general import GeneralReader
from newsparse_aawsat.testing import tt_articles

FORMAT = TTFormat()
# What str.strip removes (and the lexer with it), and a few things it keeps.
_WHITESPACE = " \t\x0b\x0c\x1c\x85\xa0\u2028\u3000"


def _key(item: ParseItem) -> object:
    if isinstance(item, ParseError):
        return ("error", str(item), item.line, item.column, item.excerpt)
    return item


class _Failing:
    """The first ``limit`` characters of ``text``, then ``error`` on the next read."""

    def __init__(self, text: str, limit: int, error: Exception) -> None:
        self._text = text[:limit]
        self._position = 0
        self._error = error

    def read(self, size: int = -1, /) -> str:
        if self._position >= len(self._text):
            raise self._error
        chunk = self._text[self._position : self._position + size]
        self._position += len(chunk)
        return chunk


def _collect(items: Iterator[ParseItem]) -> tuple[list[object], BaseException | None]:
    found: list[object] = []
    try:
        found.extend(_key(item) for item in items)
    except Exception as error:  # compared by the caller
        return found, error
    return found, None


def _chunks(size: int) -> ExitStack:
    stack = ExitStack()
    stack.enter_context(mock.patch.object(canonical, "CHUNK_SIZE", size))
    stack.enter_context(mock.patch.object(lexer, "CHUNK_SIZE", size))
    return stack


def _general(stream: Any) -> Iterator[ParseItem]:
    return GeneralReader("tt", "<test>").parse(stream)


def _both(text: str, chunk: int) -> tuple[list[object], list[object]]:
    with _chunks(chunk):
        fast = [_key(item) for item in FORMAT.parse(io.StringIO(text), "<test>")]
        slow = [_key(item) for item in _general(io.StringIO(text))]
    return fast, slow


class _Spy:
    """Records what the general reader yields while the fast path runs."""

    def __init__(self) -> None:
        self.items: list[ParseItem] = []
        self._original = GeneralReader.parse

    def __enter__(self) -> _Spy:
        spy = self

        def parse(reader: GeneralReader, stream: Any, first_line: int = 1) -> Iterator[ParseItem]:
            for item in spy._original(reader, stream, first_line):
                spy.items.append(item)
                yield item

        self._patch = mock.patch.object(GeneralReader, "parse", parse)
        self._patch.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._patch.stop()


@st.composite
def _edited(draw: st.DrawFn) -> str:
    """A rendered dump, then edited: blank lines, spaces, markers, bad characters, cuts."""
    articles = draw(st.lists(tt_articles(), min_size=1, max_size=5))
    text = newsparse.render(articles, "tt")
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        place = draw(st.integers(0, len(text)))
        edit = draw(
            st.sampled_from(
                [
                    "\n",
                    "\n\n",
                    ARTICLE_SEPARATOR,
                    "delete a line break",
                    "whitespace",
                    "TT\n20",
                    "\n\nTT\n7\n\n",
                    "\x00",
                    "cut",
                ]
            )
        )
        if edit == "delete a line break":
            newline = text.find("\n", place)
            if newline >= 0:
                text = text[:newline] + text[newline + 1 :]
        elif edit == "whitespace":
            text = text[:place] + draw(st.sampled_from(_WHITESPACE)) + text[place:]
        elif edit == "cut":
            text = text[:place]
        else:
            text = text[:place] + edit + text[place:]
    return text


@given(st.lists(tt_articles(), max_size=6), st.sampled_from([1, 5, 64, 1 << 16]))
def test_canonical_dumps_take_the_fast_path_only(articles: list[Article], chunk: int) -> None:
    text = newsparse.render(articles, "tt")
    fast, slow = _both(text, chunk)
    assert fast == slow == articles
    with _chunks(chunk), _Spy() as spy:
        assert list(FORMAT.parse(io.StringIO(text), "<test>")) == articles
    assert spy.items == []


@given(_edited(), st.sampled_from([1, 3, 16, 64, 1 << 16]))
def test_edited_dumps_read_alike(text: str, chunk: int) -> None:
    fast, slow = _both(text, chunk)
    assert fast == slow


@given(_edited(), st.integers(0, 10_000), st.sampled_from([4, 32, 1 << 16]))
def test_a_failing_stream_gives_the_same_items_then_the_error(
    text: str, limit: int, chunk: int
) -> None:
    error = ParseError("broken stream", format="tt", source="<test>", line=1, column=1)
    with _chunks(chunk):
        fast = _collect(FORMAT.parse(_Failing(text, limit, error), "<test>"))  # type: ignore[arg-type]
        slow = _collect(_general(_Failing(text, limit, error)))
    assert fast == slow
    assert fast[1] is error


def _numbered(count: int) -> list[Article]:
    return [Article(title=f"Headline {n}", meta={"tt.number": str(n)}) for n in range(count)]


def test_the_fast_path_resumes_after_a_non_canonical_article() -> None:
    articles = _numbered(8)
    blocks = newsparse.render(articles, "tt").split(ARTICLE_SEPARATOR)
    blocks[3] = blocks[3].replace("\n", "  \n")  # trailing spaces: tolerated, not canonical
    text = ARTICLE_SEPARATOR.join(blocks)
    with _Spy() as spy:
        assert list(FORMAT.parse(io.StringIO(text), "<test>")) == articles
    # The general reader reads the held article before it, the odd one, and
    # the certain one after it (which closes the span); nothing else.
    assert spy.items == articles[2:5]


def test_line_numbers_after_many_canonical_articles() -> None:
    good = Article(title="Headline", meta={"tt.number": "1"})
    text = newsparse.render([good] * 5, "tt") + ARTICLE_SEPARATOR + "Headline\n\nno marker"
    for chunk in (1, 7, 1 << 16):
        fast, slow = _both(text, chunk)
        assert fast == slow
        error = fast[-1]
        assert isinstance(error, tuple)
        assert error[2] == text.count("\n") + 1  # the line after "no marker"


@pytest.mark.parametrize("limit", [50, 400])
def test_long_stretches_without_a_certain_block_are_streamed(limit: int) -> None:
    articles = _numbered(30)
    text = newsparse.render(articles, "tt").replace("\n", " \n")  # nothing canonical
    with mock.patch.object(canonical, "SPAN_LIMIT", limit), _chunks(16):
        fast, slow = _both(text, 16)
    assert fast == slow == articles


def test_text_that_is_not_tt_is_streamed() -> None:
    text = "word " * 300_000
    fast, slow = _both(text, 1 << 16)
    assert fast == slow
    assert len(fast) == 1


@pytest.mark.parametrize(
    "block",
    [
        "Rain\n\nTT\n20\n\nRain\n\nIt rained.",
        "Rain\n\nA caption\nTT\n20\n\nRain\n\nA caption\n\nIt rained.",
        "Rain\n\nAlt\nCaption\nTT\n7\n\nRain\n\nAlt\nCaption",
        "Rain\n\nTT\n20\n\nRain",
    ],
)
def test_canonical_blocks_are_read(block: str) -> None:
    article = canonical_article(block)
    assert article is not None
    assert newsparse.render([article], "tt") == block


@pytest.mark.parametrize(
    "block",
    [
        "Rain\n\nTT\n20\n\nIt rained.",  # no repeated headline
        "Rain\n\nA caption\nTT\n20\n\nRain\n\nIt rained.",  # image lines not repeated
        "Rain\n\nTT\n20\n\nRain\n\nIt rained. ",  # trailing space
        "Rain\n\nTT\n20\n\nRain\n\n\nIt rained.",  # two blank lines
        "Rain\n\nTT\n20\n\nRain\n\nIt rained.\nOn a new line.",  # a line break in a run
        "Rain\n\nA\nB\nC\nTT\n20\n\nRain\n\nA\nB\nC",  # three image lines
        "Rain\n\nTT\nxx\n\nRain",  # not a number
        "Rain\n\nTT\n20\n\nRain\n\nNUL \x00 inside",  # refused by the model
        "Rain\n\nA caption\nTT\n20\n\nRain",  # image lines not repeated, nothing after
        "Rain\n\nA\nB\nTT\n20\n\nRain\n\nA",  # repeated image lines cut short
        "",
    ],
)
def test_other_blocks_are_left_to_the_general_reader(block: str) -> None:
    assert canonical_article(block) is None
