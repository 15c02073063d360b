"""WARC files cut into byte ranges of whole records, for ``--jobs`` and Dask.

Every range is parsed on its own, as a worker does, and together they must
give the articles and errors of a serial parse of the whole file, in order,
with the same byte offsets, for plain and for gzipped archives (each record
its own gzip member), damaged ones included.
"""

from __future__ import annotations

import copyreg
import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
import newsparse._formats.warc.ranges as warc_ranges
import newsparse._parallel as parallel
from fixtures_warc import gzipped, http, page, record, request, response, warcinfo
from newsparse import Article, Limits, ParseError
from newsparse._formats.warc.framing import Tape, frame_records
from newsparse._parallel import iter_parse_inputs
from newsparse._ranges import ByteRange, cuttable, plan_ranges, range_items
from newsparse._source import open_source

pytest.importorskip("fastwarc", reason="the warc format needs FastWARC (newsparse[warc])")

GOOD = [response(f"Story {n}", f"https://n.x/{n}", number=n) for n in range(6)]

DAMAGED = [
    warcinfo(),
    GOOD[0],
    b"garbage between records\r\n",
    GOOD[1],
    record("response", http(page("Short")), length=40),  # too short: found again after its header
    GOOD[2],
    request("https://n.x/r"),
    record("response", http(page("Long")), length=9000),  # too long: swallows the next records
    GOOD[3],
    GOOD[4],
    b"WARC/1.1\r\nWARC-Type: response\r\n\r\n",  # no Content-Length
    GOOD[5],
]
"""Records and damage; a cut inside what the too-long record read past would be wrong."""


def _serial(path: Path, limits: Limits | None = None) -> list[object]:
    found: list[object] = []
    for article in newsparse.iter_parse(
        path, "warc", on_error=found.append, limits=limits or Limits()
    ):
        found.append(article)
    return [_shown(item) for item in found]


def _shown(item: object) -> object:
    return str(item) if isinstance(item, ParseError) else item


def _by_ranges(path: Path, step: int, limits: Limits | None = None) -> list[ByteRange]:
    fmt = newsparse.get_format("warc")
    source = open_source(path)
    try:
        size = path.stat().st_size
        assert cuttable(fmt, source, "latin-1", size, limits or Limits())
    finally:
        source.close()
    return list(plan_ranges(fmt, str(path), size, step, limits or Limits()))


def _parsed(ranges: list[ByteRange], limits: Limits | None = None) -> list[object]:
    fmt = newsparse.get_format("warc")
    return [_shown(i) for task in ranges for i in range_items(fmt, task, limits or Limits()).items]


@pytest.mark.parametrize("zipped", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("step", [1, 700, 5000])
def test_ranges_of_a_damaged_archive_parse_like_the_whole(
    tmp_path: Path, zipped: bool, step: int
) -> None:
    path = tmp_path / ("crawl.warc.gz" if zipped else "crawl.warc")
    path.write_bytes(gzipped(*DAMAGED) if zipped else b"".join(DAMAGED))
    ranges = _by_ranges(path, step)
    whole = _serial(path)
    assert _parsed(ranges) == whole
    assert [r.start for r in ranges[1:]] == [r.end for r in ranges[:-1]]
    assert (ranges[0].start, ranges[-1].end) == (0, path.stat().st_size)
    # The records the too-long one swallowed are found again (after its header).
    assert len([i for i in whole if isinstance(i, Article)]) == 6
    assert sum(isinstance(i, str) for i in whole) >= 4
    if step == 1:
        # No cut inside the reach of the too-long record: the ranges after
        # it start only after the records it swallowed.
        starts = [r.offset for r in ranges]
        long_at = len(b"".join(DAMAGED[:7]))
        swallowed_to = long_at + len(DAMAGED[7]) - len(http(page("Long"))) + 9000
        assert not [s for s in starts if long_at < s <= swallowed_to]
        assert len(ranges) >= 6


def test_a_range_of_a_warc_gz_is_whole_gzip_members(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzipped(*GOOD))
    ranges = _by_ranges(path, 1)
    assert len(ranges) == len(GOOD)
    data = path.read_bytes()
    for one, task in zip(GOOD, ranges, strict=True):
        assert gzip.decompress(data[task.start : task.end]) == one
    assert [task.offset for task in ranges] == [len(b"".join(GOOD[:n])) for n in range(len(GOOD))]


def test_a_warc_gzipped_as_one_member_is_one_range(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"".join(GOOD)))
    assert [(r.start, r.end) for r in _by_ranges(path, 1)] == [(0, path.stat().st_size)]


def test_the_input_limit_is_met_where_a_serial_parse_meets_it(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzipped(*GOOD))
    limits = Limits(max_input_bytes=len(b"".join(GOOD[:3])) + 100)
    ranges = _by_ranges(path, 1, limits)
    assert len(ranges) == 4  # no cut past the limit
    whole = _serial(path, limits)
    assert _parsed(ranges, limits) == whole
    assert isinstance(whole[-1], str)
    assert "limit" in whole[-1] or "bytes" in whole[-1]


def test_jobs_read_a_warc_gz_in_byte_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 2000)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzipped(*DAMAGED, *(GOOD * 5), *DAMAGED, *(GOOD * 3)))
    sizes: list[int] = []
    got = [
        _shown(item)
        for _, item in iter_parse_inputs(
            [str(path)], "warc", jobs=2, on_progress=lambda _i, _n, size: sizes.append(size)
        )
        if item is not None
    ]
    assert got == _serial(path)
    assert len(sizes) > 3  # cut into ranges, each counted as it is done
    assert sum(sizes) == path.stat().st_size  # progress by the file's bytes, each once


def test_dask_reads_a_warc_gz_in_byte_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = dict(copyreg.dispatch_table)  # Dask's imports change how exceptions pickle
    try:
        pytest.importorskip("dask.bag", reason="the Dask integration needs newsparse[dask]")
        import dask  # noqa: PLC0415

        import newsparse.integrations.dask as ndask  # noqa: PLC0415

        monkeypatch.setattr(ndask, "PART_BYTES", 2000)
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(gzipped(*(GOOD * 4)))
        bag = ndask.read_articles([str(path)], format="warc")
        assert bag.npartitions > 3
        with dask.config.set(scheduler="sync"):
            got = bag.compute()
        assert got == [i for i in _serial(path) if isinstance(i, Article)]
    finally:
        copyreg.dispatch_table.clear()
        copyreg.dispatch_table.update(table)


def _lf_only(one: bytes) -> bytes:
    """Return the record ``one`` with line feeds alone ending its header lines."""
    head, _, rest = one.partition(b"\r\n\r\n")
    return head.replace(b"\r\n", b"\n") + b"\n\n" + rest


PIECES = [
    *GOOD[:3],
    _lf_only(GOOD[3]),
    warcinfo(),
    request("https://n.x/q"),
    *DAMAGED[2:5],
    DAMAGED[7],
    DAMAGED[10],
    b"\r\n",
]
"""What a gzip member may hold, alone or with others: good records, damage, a blank line."""


@st.composite
def _members(draw: st.DrawFn) -> bytes:
    """Draw a ``.warc.gz``: members of one or more pieces, with stray bytes between some."""
    parts = []
    for group in draw(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3))):
        parts.append(gzip.compress(b"".join(group), mtime=0))
        parts.append(draw(st.sampled_from([b""] * 6 + [b"\0\0\0", b"junk", b"\x1f\x8bjunk"])))
    return b"".join(parts)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_members(), step=st.sampled_from([1, 300, 2000]))
def test_any_warc_gz_cut_into_ranges_parses_like_the_whole(
    tmp_path: Path, data: bytes, step: int
) -> None:
    path = tmp_path / "drawn.warc.gz"
    path.write_bytes(data)
    ranges = _by_ranges(path, step)
    assert [r.start for r in ranges[1:]] == [r.end for r in ranges[:-1]]
    assert (ranges[0].start, ranges[-1].end) == (0, len(data))
    assert _parsed(ranges) == _serial(path)


def test_members_of_one_good_record_each_are_cut_without_framing_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [*GOOD, _lf_only(GOOD[0]), warcinfo()]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzipped(*records, DAMAGED[4], *GOOD[:2]))
    framed_from: list[int] = []
    framing = frame_records

    def watched(tape: Tape, most: int | None) -> Iterator[object]:
        framed_from.append(tape.offset)
        return framing(tape, most)

    monkeypatch.setattr(warc_ranges, "frame_records", watched)
    ranges = _by_ranges(path, 1)
    # A cut after each simple member, found by checking them; the framing
    # starts at the first member that is not one good record alone.
    assert framed_from == [len(b"".join(records))]
    assert [r.offset for r in ranges[: len(records) + 1]] == [
        len(b"".join(records[:n])) for n in range(len(records) + 1)
    ]
    assert _parsed(ranges) == _serial(path)
