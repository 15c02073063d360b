"""How the Spark recipe cuts big files into tasks, checked without Spark and with it.

The planning and the placing of rows (newsparse.integrations.spark) are plain
Python: the tests run each partition as an executor would, one after the
other, and compare the rows with those of the file parsed whole
(:func:`~newsparse.integrations.spark.file_rows`, the one-task-per-file
path).  A last test runs the same in a local Spark session, when pyspark and
Java are there.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsparse
import newsparse.integrations.spark as nspark
from fixtures_warc import gzipped, response
from newsparse._limits import DEFAULT_LIMITS
from newsparse._ranges import ByteRange
from newsparse.integrations.rows import COLUMNS
from newsparse.integrations.spark import file_rows
from newsparse.testing import check_cut_points

LINE = [column.name for column in COLUMNS].index("line")
POSITION = [column.name for column in COLUMNS].index("position")
ERROR = [column.name for column in COLUMNS].index("error")


def big_jsonl(folder: Path) -> Path:
    """3,000 lines of jsonl (about 190 kB), bad on lines 5, 1,501 and 3,000, CRLF line ends."""
    lines = [json.dumps({"title": f"Story {n}", "summary": "x" * 20}) for n in range(1, 3_001)]
    lines[4] = '{"title": ""}'
    lines[1_500] = '{"title": "cut'
    lines[2_999] = '{"title": 7}'
    path = folder / "big.jsonl"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def spread(path: Path, format: str | None, part_bytes: int) -> list[tuple[Any, ...]]:
    """The rows of ``path``, partitioned and placed as read_dataframe does it, without Spark."""
    parts = nspark._plan([str(path)], format, DEFAULT_LIMITS, part_bytes)
    assert sum(isinstance(unit, ByteRange) for units in parts for unit in units) >= 3
    records = [
        record
        for number, units in enumerate(parts)
        for record in nspark._partition_records(number, units, format, None)
    ]
    counts = [record for record in records if isinstance(record, nspark._Count)]
    offsets = nspark._range_offsets(counts)
    return [
        row
        for record in records
        if isinstance(record, nspark._Found)
        for row in nspark._placed_rows(record, offsets)
    ]


def whole(path: Path, format: str | None) -> list[tuple[Any, ...]]:
    return list(file_rows("file:" + str(path), path.read_bytes(), format))


def test_jsonl_cuts_after_every_line_feed() -> None:
    data = b'{"title": "A"}\r\n\r\n{"title": 5}\n{"title": "B"}\n'
    assert list(newsparse.get_format("jsonl").cut_points(data)) == [16, 18, 31]
    assert check_cut_points("jsonl", data) == 3
    assert check_cut_points("jsonl", data, 10, 40) == 3  # a window from the middle of a line


def test_a_big_jsonl_file_in_ranges_gives_the_rows_of_the_whole_file(tmp_path: Path) -> None:
    path = big_jsonl(tmp_path)
    got = spread(path, "jsonl", 40_000)
    assert got == whole(path, "jsonl")
    errors = [(row[POSITION], row[LINE]) for row in got if row[ERROR] is not None]
    assert errors == [(4, 5), (1_500, 1_501), (2_999, 3_000)]
    assert got[1_500][ERROR].startswith(f"file:{path}:1501:")


def test_a_big_tt_dump_in_ranges_gives_the_rows_of_the_whole_file(tmp_path: Path) -> None:
    pytest.importorskip("newsparse_aawsat", reason="the tt format is in newsparse-aawsat")
    body = ("It rained all day long. " * 20).strip()
    articles = [f"Rain {n}\n\nTT\n20\n\nRain {n}\n\n{body}" for n in range(600)]
    articles[400] = "Broken\n\nTT"  # starts on line 400 * 11 + 1; its number, missing, on + 3
    path = tmp_path / "big.tt"
    path.write_text("\n\n\n\n".join(articles), encoding="utf-8")
    got = spread(path, "tt", 50_000)
    assert got == whole(path, "tt")
    assert [row[LINE] for row in got if row[ERROR] is not None] == [400 * 11 + 4]


def test_a_big_warc_gz_in_record_ranges_gives_the_rows_of_the_whole_file(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc", reason="the warc format needs newsparse[warc]")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        gzipped(*(response(f"Story {n}", f"https://n.x/{n}", number=n) for n in range(60)))
    )
    got = spread(path, "warc", path.stat().st_size // 6)
    assert got == whole(path, "warc")
    assert [row[POSITION] for row in got] == list(range(60))


def test_other_file_systems_are_left_to_binary_files(tmp_path: Path) -> None:
    assert nspark._local_files("hdfs://cluster/corpus/*.jsonl") is None
    (tmp_path / "a.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "_SUCCESS").write_text("", encoding="utf-8")
    assert nspark._local_files("file:" + str(tmp_path)) == [str(tmp_path / "a.jsonl")]
    with pytest.raises(FileNotFoundError):
        nspark._local_files(str(tmp_path / "missing-*.jsonl"))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local Spark session (two cores, no UI, no network), with this Python."""
    sql = pytest.importorskip("pyspark.sql", reason="the Spark recipe's test needs pyspark")
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("the Spark recipe's test needs Java (java on PATH, or JAVA_HOME)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("newsparse-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_reads_a_big_file_in_several_tasks_like_the_whole(
    tmp_path: Path, spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nspark, "PART_BYTES", 40_000)
    path = big_jsonl(tmp_path)
    frame = nspark.read_dataframe(spark, str(path), "jsonl")
    assert frame.rdd.getNumPartitions() >= 3
    got = [tuple(row) for row in frame.orderBy("position").collect()]
    # Spark gives timestamps back naive; this corpus has none, so rows compare as they are.
    assert got == whole(path, "jsonl")


def test_partitions_are_sized_to_the_cores_of_the_cluster() -> None:
    # About eight tasks a core, between the least and the most a task reads.
    assert nspark.partition_bytes(160 * 2**20, cores=2) == 10 * 2**20
    assert nspark.partition_bytes(10, cores=4) == nspark.PART_BYTES == 2**20
    assert nspark.partition_bytes(2**40, cores=1) == nspark.MAX_PART_BYTES == 32 * 2**20
    assert nspark.partition_bytes(2**30, cores=0) == nspark.MAX_PART_BYTES  # none counts as one


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_gives_each_core_about_eight_tasks(
    tmp_path: Path, spark: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nspark, "PART_BYTES", 1_000)  # so that the 190 kB file is shared out
    path = big_jsonl(tmp_path)
    frame = nspark.read_dataframe(spark, str(path), "jsonl")
    cores = spark.sparkContext.defaultParallelism
    assert cores == 2  # local[2]
    # 16 shares of about 12 kB, each ending at the next line feed after its share.
    assert 14 <= frame.rdd.getNumPartitions() <= 16
    assert [tuple(row) for row in frame.orderBy("position").collect()] == whole(path, "jsonl")
