"""Parquet output: the schema, one row per article, the lossless json column,
row groups written as articles come, the readers, and ``convert --to parquet``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures_plugins import isolated_host
from fixtures_process import SRC, convert_process
from newsparse import Article, Section, parse
from newsparse.cli import cli
from newsparse.integrations import rows as flat
from newsparse.integrations.parquet import (
    COLUMNS,
    ParquetRowWriter,
    article_row,
    schema,
    write_parquet,
)
from newsparse.testing import articles as any_article

pyarrow = pytest.importorskip("pyarrow", reason="Parquet output needs pyarrow (newsparse[parquet])")
import pyarrow.parquet as pq  # noqa: E402

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX terminals")

A_JSON = '[{"title": "A", "authors": ["Ann", "Bo"]}, {"title": "B"}]'
C_JSON = '{"title": "C", "published": "2025-04-29T09:30:00+03:00"}'
BAD_JSON = '[{"title": "D"},\n {"title": 5}]'


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two good inputs and a bad one, made the current directory."""
    (tmp_path / "a.json").write_text(A_JSON, encoding="utf-8")
    (tmp_path / "c.json").write_text(C_JSON, encoding="utf-8")
    (tmp_path / "bad.json").write_text(BAD_JSON, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def table_rows(data: bytes | Path) -> list[dict[str, object]]:
    source = pyarrow.BufferReader(data) if isinstance(data, bytes) else data
    rows: list[dict[str, object]] = pq.read_table(source).to_pylist()
    return rows


def write_bytes(articles: list[Article]) -> bytes:
    sink = io.BytesIO()
    write_parquet(articles, sink)
    return sink.getvalue()


FULL = Article(
    title="Oman hosts talks",
    body=[
        Section(heading=None, paragraphs=["One two."]),
        Section(heading="More", paragraphs=["Three."]),
    ],
    authors=["A. Writer", "B. Writer"],
    published=datetime(2025, 4, 29, 9, 30, tzinfo=timezone(timedelta(hours=3))),
    url="https://example.com/news/1",
    language="en",
    topics=["Iran", "Oman"],
    meta={"z": "1", "a": "2"},
)


# --- the schema -------------------------------------------------------------------


def test_the_columns_are_the_flat_schema_then_json() -> None:
    names = [column.name for column in COLUMNS]
    assert names[:-1] == [column.name for column in flat.COLUMNS]
    assert names[-1] == "json"
    assert schema().names == names


def test_the_arrow_types_follow_the_kind_of_each_column() -> None:
    arrow = schema()
    assert arrow.field("title").type == pyarrow.string()
    assert arrow.field("json").type == pyarrow.string()
    assert arrow.field("position").type == pyarrow.int64()
    assert arrow.field("words").type == pyarrow.int64()
    assert arrow.field("published").type == pyarrow.timestamp("us", tz="UTC")
    assert not arrow.field("source").nullable
    assert not arrow.field("position").nullable
    assert arrow.field("url").nullable


def test_a_file_has_that_schema_and_one_row_per_article() -> None:
    data = write_bytes([FULL, Article(title="Second")])
    assert pq.read_schema(pyarrow.BufferReader(data)).names == [c.name for c in COLUMNS]
    first, second = table_rows(data)
    assert first["title"] == "Oman hosts talks"
    assert first["authors"] == "A. Writer\nB. Writer"
    assert first["topics"] == "Iran\nOman"
    assert first["published"] == datetime(2025, 4, 29, 6, 30, tzinfo=timezone.utc)
    assert first["modified"] is None
    assert first["sections"] == 2
    assert first["words"] == 3  # "One two." and "Three."; the heading is no body word
    assert first["meta"] == '{"a": "2", "z": "1"}'
    assert first["text"] == "One two.\n\nMore\n\nThree."
    assert (first["source"], first["position"], first["error"]) == ("<articles>", 0, None)
    assert (second["title"], second["position"], second["authors"]) == ("Second", 1, "")


def test_write_parquet_counts_the_articles_and_refuses_other_items() -> None:
    assert write_parquet([FULL, FULL], io.BytesIO()) == 2
    with pytest.raises(TypeError, match="item 1 to write is a str, not an Article"):
        write_parquet([FULL, "B"], io.BytesIO())  # type: ignore[list-item]


# --- the json column --------------------------------------------------------------


# The json format's own conformance tests prove it lossless for every article;
# this proves the column carries that text intact.  Generating articles is
# what costs here (about half a second an example), hence fewer examples.
@settings(max_examples=50)
@given(st.lists(any_article(), max_size=4))
def test_the_json_column_gives_every_article_back(articles: list[Article]) -> None:
    rows = table_rows(write_bytes(articles))
    assert len(rows) == len(articles)
    back = [parse(str(row["json"]), "json") for row in rows]
    assert back == [[article] for article in articles]
    assert [row["title"] for row in rows] == [article.title for article in articles]


# --- row groups -------------------------------------------------------------------


class WatchedSink(io.BytesIO):
    """A file object that the article generator looks at while it is being written."""


def test_row_groups_are_written_while_the_articles_still_come() -> None:
    sink = WatchedSink()
    written_at: dict[int, int] = {}

    def articles() -> Iterator[Article]:
        for number in range(35):
            written_at[number] = len(sink.getvalue())
            yield Article(title=f"Article {number}")

    write_parquet(articles(), sink, row_group_rows=10)
    assert written_at[9] <= len(b"PAR1")  # no row group yet: ten rows not seen
    assert written_at[10] > len(b"PAR1")  # the first group was written before the 11th
    assert written_at[20] > written_at[10]
    metadata = pq.ParquetFile(pyarrow.BufferReader(sink.getvalue())).metadata
    groups = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert groups == [10, 10, 10, 5]


def test_a_batch_of_long_articles_is_written_before_it_is_full() -> None:
    sink = io.BytesIO()
    long = Article(title="Long", body=[Section(paragraphs=[" ".join(["word"] * 200)])])
    with ParquetRowWriter(sink, row_group_rows=1000, row_group_bytes=4000) as writer:
        for index in range(4):
            writer.write(article_row("x", index, long))
        # Each row holds 999 characters of text (200 words) and 1,224 of json:
        # two rows pass 4,000, so every second row ends a row group.
        assert (writer.row_groups, writer.rows_written) == (2, 4)
    metadata = pq.ParquetFile(pyarrow.BufferReader(sink.getvalue())).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [2, 2]


def test_row_group_sizes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="must be 1 or more"):
        ParquetRowWriter(io.BytesIO(), row_group_rows=0)


# --- writing a path ---------------------------------------------------------------


def test_a_failure_leaves_the_file_as_it_was_and_nothing_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    out.write_bytes(b"precious")

    def articles() -> Iterator[Article]:
        for number in range(30):
            if number == 25:
                raise RuntimeError("the source broke")
            yield Article(title=f"Article {number}")

    with pytest.raises(RuntimeError, match="the source broke"):
        write_parquet(articles(), out, row_group_rows=10)
    assert out.read_bytes() == b"precious"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.parquet"]
    assert write_parquet([FULL], out) == 1
    assert [row["title"] for row in table_rows(out)] == ["Oman hosts talks"]


# --- the readers ------------------------------------------------------------------


def test_pandas_reads_the_file(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is not installed")
    out = tmp_path / "out.parquet"
    write_parquet([FULL, Article(title="Second")], out)
    frame = pandas.read_parquet(out)
    assert list(frame.columns) == [column.name for column in COLUMNS]
    assert list(frame["title"]) == ["Oman hosts talks", "Second"]
    assert frame["published"].iloc[0] == pandas.Timestamp("2025-04-29T06:30:00Z")
    assert pandas.isna(frame["published"].iloc[1])


def test_duckdb_reads_the_file(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed (the test group has it)")
    out = tmp_path / "out.parquet"
    write_parquet([FULL, Article(title="Second")], out, row_group_rows=1)
    database = duckdb.connect()
    found = database.execute(
        f"SELECT title, words, published FROM read_parquet('{out}') ORDER BY position"
    ).fetchall()
    assert [(title, words) for title, words, _ in found] == [("Oman hosts talks", 3), ("Second", 0)]
    assert found[0][2] == datetime(2025, 4, 29, 6, 30, tzinfo=timezone.utc)
    [(text,)] = database.execute(
        f"SELECT json FROM read_parquet('{out}') WHERE position = 0"
    ).fetchall()
    assert parse(text, "json") == [FULL]
    database.close()


# --- the command line -------------------------------------------------------------


def test_convert_writes_a_row_per_article_naming_each_input(workdir: Path) -> None:
    result = run("convert", "a.json", "c.json", "--to", "parquet", "-o", "out.parquet")
    assert result.exit_code == 0, result.output
    rows = table_rows(workdir / "out.parquet")
    assert [(row["source"], row["position"], row["title"]) for row in rows] == [
        ("a.json", 0, "A"),
        ("a.json", 1, "B"),
        ("c.json", 0, "C"),
    ]
    assert parse(str(rows[2]["json"]), "json") == parse(C_JSON, "json")


def test_the_parquet_extension_picks_parquet(workdir: Path) -> None:
    result = run("convert", "a.json", "-o", "out.parquet")
    assert result.exit_code == 0, result.output
    assert (workdir / "out.parquet").read_bytes()[:4] == b"PAR1"


def test_a_failed_input_leaves_the_output_file_untouched(workdir: Path) -> None:
    out = workdir / "out.parquet"
    out.write_bytes(b"precious")
    result = run("convert", "a.json", "bad.json", "c.json", "-o", "out.parquet")
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    assert out.read_bytes() == b"precious"
    assert sorted(path.name for path in workdir.iterdir() if path.name.startswith(".")) == []


def test_partial_writes_the_articles_that_were_read(workdir: Path) -> None:
    result = run("convert", "a.json", "bad.json", "-o", "out.parquet", "--partial")
    assert result.exit_code == 1
    titles = [row["title"] for row in table_rows(workdir / "out.parquet")]
    assert titles == ["A", "B", "D"]


def test_parquet_goes_down_a_pipe_and_is_the_same_with_two_jobs(workdir: Path) -> None:
    piped = convert_process(workdir, "a.json", "c.json", "--to", "parquet")
    assert piped.returncode == 0, piped.stderr
    assert [row["title"] for row in table_rows(piped.stdout)] == ["A", "B", "C"]
    parallel = convert_process(workdir, "a.json", "c.json", "--to", "parquet", "-j", "2")
    assert parallel.returncode == 0, parallel.stderr
    assert table_rows(parallel.stdout) == table_rows(piped.stdout)


@posix_only
def test_parquet_is_not_written_to_a_terminal(workdir: Path) -> None:
    import pty  # noqa: PLC0415 - POSIX only

    leader, follower = pty.openpty()
    try:
        to_stdout = convert_process(workdir, "a.json", "--to", "parquet", stdout=follower)
        named = convert_process(workdir, "a.json", "--to", "parquet", "-o", os.ttyname(follower))
    finally:
        os.close(follower)
        os.close(leader)
    for result in (to_stdout, named):
        assert result.returncode == 2
        assert b"Parquet is binary and is not written to a terminal" in result.stderr


def test_without_pyarrow_parquet_is_a_usage_error_naming_the_extra(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes "import pyarrow" fail
    out = workdir / "out.parquet"
    out.write_bytes(b"precious")
    result = run("convert", "a.json", "--to", "parquet", "-o", "out.parquet")
    assert result.exit_code == 2
    assert "pip install 'newsparse[parquet]'" in result.output
    assert out.read_bytes() == b"precious"
    with pytest.raises(ImportError, match=r"newsparse\[parquet\]"):
        write_parquet([FULL], io.BytesIO())


def test_importing_the_command_line_does_not_import_pyarrow() -> None:
    code = "import sys, newsparse.cli; print('pyarrow' in sys.modules)"
    path = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    found = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"


def test_json_of_a_row_is_one_line_of_jsonl() -> None:
    row = article_row("x", 0, FULL)
    assert json.loads(row["json"])["title"] == "Oman hosts talks"
    assert "\n" not in row["json"]
