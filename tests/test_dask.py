"""Tests of the Dask integration (newsparse.integrations.dask).

Dask runs on a ``dask.distributed`` local cluster of two worker processes,
started once for the module; results are compared with a serial parse by
:func:`newsparse.iter_parse`, and the flat columns with values worked out by hand.
"""

from __future__ import annotations

import copyreg
import doctest
import json
import os
import platform
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsparse
import newsparse.integrations._dask_tasks as dask_tasks
import newsparse.integrations.dask as ndask
from integration_corpus import described, make_corpus, serial, titles
from newsparse._errors import ParseError
from newsparse._ranges import ByteRange
from newsparse.integrations.dask import (
    DTYPES,
    partition_bytes,
    read_articles,
    read_dataframe,
    write_articles,
)
from newsparse.integrations.rows import COLUMNS

# Importing Dask makes every exception pickle with its traceback (tblib's
# reducers in copyreg.dispatch_table), for the whole process.  The other tests
# in this process must not see that, so the table is put back as it was, and
# Dask's is used only while a test of this module runs.
_PLAIN = dict(copyreg.dispatch_table)
dask_distributed = pytest.importorskip(
    "dask.distributed", reason="the Dask tests need newsparse[dask]"
)
pd = pytest.importorskip("pandas", reason="the Dask tests need newsparse[dask]")
_DASK = dict(copyreg.dispatch_table)


def _use(table: dict[Any, Any]) -> None:
    copyreg.dispatch_table.clear()
    copyreg.dispatch_table.update(table)


_use(_PLAIN)


@pytest.fixture(autouse=True)
def _dask_pickling() -> Iterator[None]:
    _use(_DASK)
    try:
        yield
    finally:
        _use(_PLAIN)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes, one thread each, and its client."""
    cluster = dask_distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        host="127.0.0.1",
    )
    with cluster, dask_distributed.Client(cluster) as connected:
        yield connected


def test_a_dask_bag_holds_what_a_serial_parse_gives(corpus: Path, client: Any) -> None:
    bag = read_articles(str(corpus / "*"), errors="include", files_per_partition=1)
    assert bag.npartitions == 22  # one file per partition
    got = [described(item) for item in bag.compute()]
    assert got == serial(corpus)
    workers = client.run(os.getpid)
    assert len(set(workers.values())) == 2


def test_small_files_are_grouped_by_size_by_default(corpus: Path, client: Any) -> None:
    bag = read_articles(str(corpus / "*"), errors="include")
    assert bag.npartitions == 1  # 22 small files, far below PART_BYTES
    assert [described(item) for item in bag.compute()] == serial(corpus)


TT_ARTICLE = (
    "Rain {number}\n\nTT\n20\n\nRain {number}\n\n" + ("It rained all day long. " * 40).strip()
)


def big_tt(folder: Path) -> Path:
    """A TT dump of about 2.5 PART_BYTES, with a bad article (line worked out below)."""
    articles = [TT_ARTICLE.format(number=number) for number in range(2_600)]
    articles[2_000] = "Broken\n\nTT"  # no number: an error, the rest is read
    path = folder / "big.tt"
    path.write_text("\n\n\n\n".join(articles), encoding="utf-8")
    return path


def test_a_large_file_is_read_in_byte_ranges_by_several_tasks(tmp_path: Path, client: Any) -> None:
    path = big_tt(tmp_path)
    bag = read_articles(str(path), "tt", errors="include")
    assert bag.npartitions >= 2
    got = bag.compute()
    errors: list[ParseError] = []
    assert [item for item in got if not isinstance(item, ParseError)] == newsparse.parse(
        path, "tt", on_error=errors.append
    )
    # Each article takes 8 lines and its separator 3 more: the broken one
    # starts on line 2000 * 11 + 1, its "TT" is two lines further on.
    found = [item for item in got if isinstance(item, ParseError)]
    assert [(error.line, error.column) for error in found] == [(2_000 * 11 + 4, 1)]
    assert [(error.line, error.message) for error in found] == [
        (error.line, error.message) for error in errors
    ]


def test_a_large_file_in_ranges_keeps_positions_and_lines_of_the_whole_file(
    tmp_path: Path, client: Any
) -> None:
    path = big_tt(tmp_path)
    frame = read_dataframe(str(path), "tt")
    assert frame.npartitions >= 2
    table = frame.compute()
    assert table["position"].tolist() == list(range(2_600))  # 2,599 articles and the error
    bad = table[table["error"].notna()]
    assert bad["position"].tolist() == [2_000]
    assert bad["line"].tolist() == [2_000 * 11 + 4]
    assert table["title"].dropna().tolist()[1_999:2_001] == ["Rain 1999", "Rain 2001"]


def test_workers_write_their_partitions_and_send_back_counts(tmp_path: Path, client: Any) -> None:
    path = big_tt(tmp_path)
    report = write_articles(str(path), tmp_path / "out", "tt")
    assert len(report.files) >= 2
    written = [
        json.loads(line)["title"]
        for name in report.files
        for line in Path(name).read_text(encoding="utf-8").splitlines()
    ]
    errors: list[ParseError] = []
    expected = [article.title for article in newsparse.parse(path, "tt", on_error=errors.append)]
    assert written == expected
    assert report.articles == len(expected) == 2_599
    assert all(isinstance(error, ParseError) for error in report.errors)
    assert [str(error) for error in report.errors] == [str(error) for error in errors]
    assert [error.line for error in errors] == [2_000 * 11 + 4]


def test_a_writer_passed_in_writes_each_partition(
    corpus: Path, tmp_path: Path, client: Any
) -> None:
    report = write_articles(
        str(corpus / "f0*.jsonl"), tmp_path / "out", to=TitleWriter(), files_per_partition=4
    )
    assert [Path(name).name for name in report.files] == [
        "part-00000.txt",
        "part-00001.txt",
        "part-00002.txt",
    ]
    assert Path(report.files[0]).read_text(encoding="utf-8").splitlines()[:2] == [
        "File 0 article 0",
        "File 0 article 1",
    ]
    assert report.articles == 10 * 5 - 1
    assert [type(error).__name__ for error in report.errors] == ["ParseError"]


class TitleWriter:
    """Writes one title a line (a class at module level, so that it pickles)."""

    def __call__(self, articles: Iterator[newsparse.Article], stem: str) -> str:
        with open(stem + ".txt", "w", encoding="utf-8") as out:
            out.writelines(article.title + "\n" for article in articles)
        return stem + ".txt"


def test_a_dask_bag_raises_the_first_error_by_default(corpus: Path, client: Any) -> None:
    bag = read_articles([str(corpus / "f07.jsonl")], files_per_partition=3)
    with pytest.raises(ParseError, match=r"f07\.jsonl:3:1: \$\.title: expected a string"):
        bag.compute()


def test_the_dask_dataframe_has_the_documented_columns(corpus: Path, client: Any) -> None:
    frame = read_dataframe(str(corpus / "*"), files_per_partition=4)
    assert list(frame.columns) == [column.name for column in COLUMNS]
    table = frame.compute()
    assert [str(dtype) for dtype in table.dtypes] == [DTYPES[c.kind] for c in COLUMNS]
    assert len(table) == 20 * 5 + 1 + 1
    # Titles in file order match the serial parse.
    assert table["title"].dropna().tolist() == titles(corpus)
    one = table[table["source"].str.endswith("one.json")].iloc[0]
    assert one["authors"] == "A. Writer\nB. Writer"
    assert one["topics"] == "Iran\nOman"
    assert one["published"].isoformat() == "2025-04-29T06:30:00+00:00"
    assert pd.isna(one["modified"])
    assert one["text"] == "One two three.\n\nFour five.\n\nReactions\n\nSix."
    assert (one["sections"], one["images"], one["words"]) == (2, 1, 6)
    assert one["meta"] == '{"a": "ü", "z": "1"}'
    assert pd.isna(one["error"])
    bad = table[table["error"].notna()]
    assert [Path(source).name for source in bad["source"]] == ["f07.jsonl", "prose.txt"]
    f07, prose = bad.iloc[0], bad.iloc[1]
    assert (f07["position"], f07["line"], f07["column"]) == (2, 3, 1)
    assert f07["error"].endswith("f07.jsonl:3:1: $.title: expected a string, got a number [jsonl]")
    assert pd.isna(f07["title"])
    assert prose["position"] == 0
    assert pd.isna(prose["line"])
    assert "prose.txt: no format recognises this input" in prose["error"]


def test_workers_write_parquet_partitions(tmp_path: Path, client: Any) -> None:
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet", reason="Parquet needs pyarrow")
    path = big_tt(tmp_path)
    report = write_articles(str(path), tmp_path / "out", "tt", to="parquet")
    assert len(report.files) >= 2
    assert all(name.endswith(".parquet") for name in report.files)
    tables = [pyarrow_parquet.read_table(name) for name in report.files]
    expected = newsparse.parse(path, "tt", on_error=lambda _error: None)
    assert [t for table in tables for t in table.column("title").to_pylist()] == [
        article.title for article in expected
    ]
    first = tables[0].to_pylist()[0]
    assert newsparse.parse(first["json"], "json") == [expected[0]]
    assert first["source"].startswith(str(path))
    assert tables[0].column("position").to_pylist()[:3] == [0, 1, 2]
    assert report.articles == 2_599
    assert [getattr(error, "line", None) for error in report.errors] == [2_000 * 11 + 4]


def test_partitions_are_sized_to_the_threads_of_the_cluster(
    tmp_path: Path, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ndask, "PART_BYTES", 10_000)
    path = big_tt(tmp_path)
    size = path.stat().st_size
    _, planned = ndask._planning(str(path), "tt", None, None)
    parts = list(planned)
    # Two workers of one thread each: 8 partitions a thread, each the
    # first cut after size / 16 bytes (an article and its separator take
    # about 1 KB; a range ends at most two of them further on).
    assert 15 <= len(parts) <= 16
    step = -(-size // 16)
    ranges = [units[0] for units in parts]
    assert all(isinstance(unit, ByteRange) for unit in ranges)
    for one in ranges[:-1]:
        assert isinstance(one, ByteRange)
        assert step <= one.end - one.start <= step + 2_100


def test_a_partition_is_sized_between_its_bounds() -> None:
    assert partition_bytes(160 * 2**20, threads=2) == 10 * 2**20
    assert partition_bytes(10, threads=4) == ndask.PART_BYTES  # a small input: the least
    assert partition_bytes(2**40, threads=1) == ndask.MAX_PART_BYTES  # a huge one: the most
    assert partition_bytes(2**30, threads=0) == ndask.MAX_PART_BYTES  # no threads counts as one
    assert doctest.testmod(ndask, report=False).failed == 0


def test_tasks_keep_freed_memory_unless_configured_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dask  # noqa: PLC0415

    calls: list[str] = []

    def kept() -> bool:
        calls.append("kept")
        return True

    monkeypatch.setattr(dask_tasks, "keep_freed_memory", kept)  # as the tasks call it
    monkeypatch.setattr(ndask, "PART_BYTES", 1_000_000)
    path = big_tt(tmp_path)
    with dask.config.set(scheduler="sync"):
        report = write_articles(str(path), tmp_path / "out", "tt")
        bag = read_articles(str(path), "tt", errors="include")
        assert len(bag.compute()) == 2_600
    assert len(calls) == len(report.files) + bag.npartitions  # once in each task
    assert len(calls) >= 4
    calls.clear()
    with dask.config.set({"scheduler": "sync", ndask.KEEP_FREED_MEMORY: False}):
        write_articles(str(path), tmp_path / "again", "tt")
        read_articles(str(path), "tt", errors="include").compute()
    assert calls == []


@pytest.mark.skipif(
    platform.libc_ver()[0] != "glibc", reason="only glibc's malloc has these thresholds"
)
def test_freed_memory_is_kept_by_glibc_in_a_fresh_process() -> None:
    code = (
        "from newsparse.integrations._malloc import keep_freed_memory\n"
        "print(keep_freed_memory(), keep_freed_memory())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    # glibc accepts both thresholds (it refuses an mmap threshold above 32 MiB).
    assert done.stdout.split() == ["True", "True"]


def test_a_file_that_fails_to_be_cut_is_read_whole_unless_ranges_are_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fsspec.implementations.local import LocalFileSystem  # noqa: PLC0415

    import newsparse.integrations._partitions as partitions  # noqa: PLC0415

    path = big_tt(tmp_path)
    size = path.stat().st_size
    first = ByteRange(str(path), "tt", 0, 1000)

    def failing(*_args: Any, after: int = 0) -> Iterator[ByteRange]:
        if after:
            yield first
        raise OSError("the disk went away")

    def plan(after: int) -> list[list[Any]]:
        monkeypatch.setattr(partitions, "plan_ranges", lambda *a: failing(*a, after=after))
        return list(
            partitions.iter_partitions(
                LocalFileSystem(),
                [str(path)],
                "tt",
                newsparse.Limits(),
                files_per_partition=None,
                part_bytes=size // 4,
            )
        )

    assert plan(after=0) == [[str(path)]]  # nothing planned yet: the worker reads it whole
    with pytest.raises(OSError, match="the disk went away"):
        plan(after=1)
