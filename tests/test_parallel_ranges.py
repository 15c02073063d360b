"""Byte ranges: ``convert --jobs`` hands each worker a range of a large file to read itself.

A test format ("cuts") reads one article per line and says every line end
is a place to cut (:meth:`Format.cut_points`).  The reference is always a
serial :func:`newsparse.iter_parse` of the whole file; the places of errors
are also worked out by hand.  The TT format's own cuts are tested in the
``newsparse-aawsat`` plugin.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import pytest

import newsparse
import newsparse._parallel as parallel
from newsparse import hookimpl
from newsparse._errors import NewsparseError, ParseError
from newsparse._format import Format, ParseItem
from newsparse._model import Article
from newsparse._parallel import iter_parse_inputs
from newsparse._plugins import registered
from newsparse._ranges import plan_ranges
from newsparse._registry import FormatRegistry
from newsparse._textio import TextStream

pytestmark = pytest.mark.usefixtures("small_ranges")


class CutsFormat(Format):
    """One article per line; a line "bad" is an error; every line end is a cut."""

    name = "cuts"
    label = "Cuts"
    extensions = (".cuts",)

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        for number, line in enumerate(stream, start=1):
            text = line.rstrip("\n")
            if text == "bad":
                yield ParseError(
                    "a bad line", format=self.name, source=source, line=number, column=1
                )
            elif text:
                yield Article(title=text)

    def cut_points(self, window: bytes) -> Iterator[int]:
        at = window.find(b"\n")
        while 0 <= at < len(window) - 1:
            yield at + 1
            at = window.find(b"\n", at + 1)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        out.writelines(article.title + "\n" for article in articles)


class CutsPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(CutsFormat())


@pytest.fixture
def small_ranges(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Ranges of about 100 bytes (workers are forked, so they see the format)."""
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 100)
    monkeypatch.setattr("threading.active_count", lambda: 1)
    with registered(CutsPlugin(), name="cuts-plugin"):
        yield


def described(item: object) -> object:
    if isinstance(item, (NewsparseError, OSError)):
        return (type(item).__name__, str(item))
    return item


def serial(path: Path) -> list[object]:
    found: list[object] = []
    try:
        for article in newsparse.iter_parse(path, "cuts", on_error=found.append):
            found.append(article)
    except NewsparseError as error:
        found.append(error)
    return [described(item) for item in found]


def in_ranges(path: Path, sizes: list[int] | None = None) -> list[object]:
    def progress(_index: int, _articles: int, size: int) -> None:
        if sizes is not None:
            sizes.append(size)

    return [
        described(item)
        for _, item in iter_parse_inputs([str(path)], "cuts", jobs=2, on_progress=progress)
        if item is not None
    ]


def lines(count: int, bad: set[int]) -> list[bytes]:
    return [
        b"bad" if number in bad else f"Article {number}".encode() for number in range(1, count + 1)
    ]


def test_workers_read_ranges_and_errors_name_the_line_of_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.cuts"
    path.write_bytes(b"\n".join(lines(200, {3, 150, 199})) + b"\n")
    sizes: list[int] = []
    got = in_ranges(path, sizes)
    assert got == serial(path)
    assert [item for item in got if isinstance(item, tuple)] == [
        ("ParseError", f"{path}:{line}:1: a bad line [cuts]") for line in (3, 150, 199)
    ]
    assert len(sizes) > 10  # many ranges, their bytes counted once each
    assert sum(sizes) == path.stat().st_size


def test_a_byte_that_does_not_decode_ends_the_parse_where_it_does_for_the_whole(
    tmp_path: Path,
) -> None:
    data = lines(200, set())
    data[120] = b"Caf\xe9 " + data[120]  # line 121, in a later range
    path = tmp_path / "bad.cuts"
    path.write_bytes(b"\n".join(data) + b"\n")
    got = in_ranges(path)
    assert got == serial(path)
    offset = sum(len(line) + 1 for line in data[:120]) + 3
    assert got[-1] == (
        "ParseError",
        f"{path}:121:4: cannot decode byte(s) e9 at byte offset {offset} as utf-8: "
        "invalid continuation byte [cuts]",
    )
    assert len(got) == 121  # the 120 articles before it, then the error


def test_crlf_line_ends_and_a_byte_order_mark_read_as_in_the_whole(tmp_path: Path) -> None:
    path = tmp_path / "crlf.cuts"
    path.write_bytes(codecs.BOM_UTF8 + b"\r\n".join(lines(150, {90})) + b"\r\n")
    got = in_ranges(path)
    assert got == serial(path)
    assert ("ParseError", f"{path}:90:1: a bad line [cuts]") in got
    assert got[0] == Article(title="Article 1")  # the mark is no part of the first title


def test_a_file_in_utf16_is_one_range(tmp_path: Path) -> None:
    path = tmp_path / "wide.cuts"
    path.write_bytes(codecs.BOM_UTF16_LE + "\n".join(["a", "b"] * 100).encode("utf-16-le"))
    fmt = newsparse.formats()["cuts"]
    assert [(r.start, r.end) for r in plan_ranges(fmt, str(path), path.stat().st_size, 10)] == [
        (0, path.stat().st_size)
    ]


def test_a_file_over_the_input_limit_is_read_whole_to_report_it(tmp_path: Path) -> None:
    path = tmp_path / "large.cuts"
    path.write_bytes(b"\n".join(lines(100, set())) + b"\n")
    limits = newsparse.Limits(max_input_bytes=500)
    got = [
        described(item)
        for _, item in iter_parse_inputs([str(path)], "cuts", jobs=2, limits=limits)
        if item is not None
    ]
    whole: list[object] = []
    try:
        for article in newsparse.iter_parse(path, "cuts", on_error=whole.append, limits=limits):
            whole.append(article)
    except NewsparseError as error:
        whole.append(error)
    assert got == [described(item) for item in whole]
    assert "max_input_bytes" in str(got[-1])
