"""``--jobs`` reads a big file of a format that cuts its bytes in byte ranges.

The formats that cut are plugins (``tt`` from newsparse-aawsat, ``nitf``
from newsparse-iptc); the byte ranges are the core's
(``newsparse._parallel``), so these tests live with the core's and are
skipped when a plugin is not installed.  Each compares a ``--jobs 2`` run,
cut into many ranges, with a serial parse of the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsparse
import newsparse._parallel as parallel
from newsparse._parallel import iter_parse_inputs

TT_ARTICLES = [
    "Rain\n\nTT\n20\n\nRain\n\nIt rained.",
    "Sun\n\nA photo of the sun\nTT\n7\n\nSun\n\nA photo of the sun\n\nIt was hot.\n\nVery hot.",
    "TT\n\nTT\n3\n\nTT\n\nA headline that is TT.",
    "Wind\n\nAlt\nCaption\nTT\n8\n\nWind\n\nAlt\nCaption\n\nTT\n\n20",
]
"""Canonical TT articles, one of them with body paragraphs 'TT' and '20'."""

TT_AMBIGUOUS = "Flat\n\nTT\n4\n\nFlat\nOne\nTT\n20\nTwo"
"""A marker run inside a body without blank lines around it."""


def dump(parts: list[tuple[str, str]]) -> str:
    """Join TT articles, each followed by its separator."""
    return "".join(text + separator for text, separator in parts)


def test_jobs_cut_a_large_tt_dump_into_byte_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("newsparse_aawsat", reason="the tt format is in newsparse-aawsat")
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 200)
    parts = [(TT_ARTICLES[index % 4], "\n\n\n\n") for index in range(40)]
    parts[17] = (TT_AMBIGUOUS, "\n\n\n\n")  # a marker run in a body: an article starts inside
    parts[30] = ("Head\n\nTT", "\n\n\n\n")  # an error, whose line the whole input names
    path = tmp_path / "dump.tt"
    path.write_bytes(dump(parts).encode("utf-8"))
    sizes: list[int] = []
    got = [
        item
        for _index, item in iter_parse_inputs(
            [str(path)], "tt", jobs=2, on_progress=lambda _i, _n, size: sizes.append(size)
        )
    ]
    errors: list[newsparse.ParseError] = []
    whole = newsparse.parse(path, "tt", on_error=errors.append)
    got_errors = [item for item in got if isinstance(item, newsparse.ParseError)]
    assert [item for item in got if isinstance(item, newsparse.Article)] == whole
    assert [(e.message, e.line, e.column) for e in got_errors] == [
        (e.message, e.line, e.column) for e in errors
    ]
    assert errors  # the dump does hold an error
    assert len(sizes) > 5  # cut into many ranges
    assert sum(sizes) == path.stat().st_size  # progress counts every byte once


NITF_BROKEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">\n'
)
"""A NITF document cut short: an error of its own, the documents around it are read."""


def inside(document: str) -> str:
    """Put a line that starts like an XML declaration inside a document's text."""
    return document.replace("<dateline>", "<dateline>\n<?xml in the text\n", 1)


def test_jobs_read_a_large_nitf_dump_in_byte_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nitf = pytest.importorskip("newsparse_iptc.nitf.examples", reason="nitf is in newsparse-iptc")
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 3000)
    path = tmp_path / "dump.xml"
    documents = [nitf.CANONICAL, nitf.ACCEPTED, inside(nitf.CANONICAL)] * 6
    documents[9] = NITF_BROKEN
    path.write_text("".join(documents), encoding="utf-8")
    sizes: list[int] = []
    got = [
        item
        for _, item in iter_parse_inputs(
            [str(path)], "nitf", jobs=2, on_progress=lambda _i, _n, size: sizes.append(size)
        )
        if item is not None
    ]
    errors: list[newsparse.ParseError] = []
    whole = newsparse.parse(path, "nitf", on_error=errors.append)
    assert [item for item in got if isinstance(item, newsparse.Article)] == whole
    assert [str(item) for item in got if isinstance(item, newsparse.ParseError)] == [
        str(error) for error in errors
    ]
    assert len(errors) >= 2  # the broken document, and the line inside one
    assert len(sizes) > 3
    assert sum(sizes) == path.stat().st_size
