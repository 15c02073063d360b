"""A recipe for Apache Spark: files in, a DataFrame of flat rows out.

:func:`read_dataframe` reads local files (or a shared file system mounted
locally) the way the Dask integration does: small files are grouped into
partitions sized to the cluster (:func:`partition_bytes`: about eight tasks
a core), and a large file whose format can cut it (``tt`` at article
boundaries, ``jsonl`` between lines, ``warc`` by records, the IPTC XML
formats) is cut into byte ranges of that size, one Spark task each, which
the executors read themselves; the driver reads only a window of bytes
around each cut.  The rows are those of a serial parse
(:data:`newsparse.integrations.rows.COLUMNS`): ``position`` and the lines
of errors count from the start of each file, whatever range an item came
from.  For that, when some file is cut, the executors' rows are kept
(``persist``, memory and disk) and :func:`read_dataframe` waits for the
counts of every range before it returns: the input is parsed once, when
called.  Without a cut file the DataFrame is lazy.

A ``path`` of another file system (``hdfs://``, ``s3a://``...) is read one
task per file with ``SparkContext.binaryFiles``, each file handed to
:func:`file_rows`::

    rows = spark.sparkContext.binaryFiles(path).flatMap(lambda pair: file_rows(*pair))
    frame = spark.createDataFrame(rows, schema=schema())

The executors parse: newsparse and the plugins the corpus needs must be
installed where they run.  pyspark is imported when :func:`schema` or
:func:`read_dataframe` is called, not when this module is.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from newsparse._api import get_format
from newsparse._errors import NewsparseError, ParseError, portable
from newsparse._limits import DEFAULT_LIMITS, Limits
from newsparse._model import Article
from newsparse._ranges import RANGE_BYTES, ByteRange, range_items
from newsparse.integrations._dask_writers import Item, Unit
from newsparse.integrations._partitions import iter_partitions, share_bytes
from newsparse.integrations.rows import COLUMNS, article_row, error_row, items, rows

if TYPE_CHECKING:
    import pyspark.sql

__all__ = [
    "MAX_PART_BYTES",
    "PART_BYTES",
    "TASKS_PER_CORE",
    "file_rows",
    "partition_bytes",
    "read_dataframe",
    "schema",
]

_MISSING = "the Spark recipe needs pyspark: pip install pyspark"

PART_BYTES = RANGE_BYTES
"""The fewest bytes of input one Spark task reads, unless the input is smaller (1 MiB)."""

MAX_PART_BYTES = 32 * RANGE_BYTES
"""The most bytes of input one Spark task reads, unless one file cannot be cut (32 MiB)."""

TASKS_PER_CORE = 8
"""How many tasks :func:`partition_bytes` aims at for each core of the cluster."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
_POSITION = [column.name for column in COLUMNS].index("position")


def file_rows(
    path: str, content: bytes, format: str | None = None, *, limits: Limits | None = None
) -> Iterator[tuple[Any, ...]]:
    """Parse one file's ``content`` and yield one row per article and per error.

    Each row is a tuple in the order of :data:`~newsparse.integrations.rows.COLUMNS`;
    ``path`` becomes the ``source`` column.  ``format`` and ``limits`` work as
    in :func:`newsparse.iter_parse`.
    """
    for row in rows(content, path, format, limits=limits):
        yield tuple(row[column.name] for column in COLUMNS)


def schema() -> Any:
    """Return the flat schema as a ``pyspark.sql.types.StructType``.

    Text is ``StringType``, integers ``LongType`` and moments
    ``TimestampType``; every field is nullable.

    Raises:
        ImportError: pyspark is not installed.
    """
    try:
        from pyspark.sql import types  # noqa: PLC0415
    except ImportError as error:
        raise ImportError(_MISSING) from error
    kinds = {
        "text": types.StringType(),
        "integer": types.LongType(),
        "moment": types.TimestampType(),
    }
    return types.StructType([types.StructField(c.name, kinds[c.kind], True) for c in COLUMNS])


def _local_files(path: str) -> list[str] | None:
    """Return the local files that ``path`` names, as ``binaryFiles`` would; ``None`` if not local.

    ``path`` is a file, a folder (its files, but not those whose names
    start with ``.`` or ``_``, as Hadoop skips them), a glob, or several of
    them separated by commas; ``file:`` URLs are local.

    Raises:
        FileNotFoundError: a local part of ``path`` names no file.
    """
    found: list[str] = []
    for part in path.split(","):
        name = re.sub(r"^file:(//)?", "", part.strip())
        if _SCHEME.match(name) and not os.path.exists(name):
            return None  # another file system
        if os.path.isdir(name):
            found.extend(
                os.path.abspath(os.path.join(name, entry))
                for entry in sorted(os.listdir(name))
                if not entry.startswith((".", "_")) and os.path.isfile(os.path.join(name, entry))
            )
            continue
        matches = sorted(glob.glob(name)) or ([name] if os.path.isfile(name) else [])
        if not matches:
            raise FileNotFoundError(f"no file matches {part!r}")
        found.extend(os.path.abspath(match) for match in matches if os.path.isfile(match))
    return found


def partition_bytes(total: int, cores: int) -> int:
    """Return about how many bytes of input a Spark task reads, for ``total`` bytes of input.

    :data:`TASKS_PER_CORE` tasks for each of the cluster's ``cores`` (its
    ``defaultParallelism``), and never fewer than :data:`PART_BYTES` or
    more than :data:`MAX_PART_BYTES` bytes each: a task costs Spark some
    milliseconds to schedule, and a few tasks a core keep every core busy
    to the end.

    >>> from newsparse.integrations.spark import partition_bytes
    >>> partition_bytes(64 * 2**20, cores=4) == 2 * 2**20
    True
    """
    return share_bytes(total, cores, TASKS_PER_CORE, PART_BYTES, MAX_PART_BYTES)


def _plan(
    files: list[str],
    format: str | None,
    limits: Limits,
    part_bytes: int | Callable[[int], int] = PART_BYTES,
) -> list[list[Unit]]:
    """Return the partitions of local ``files``: groups of small files and byte ranges.

    The partitions are those of the Dask integration; each range's
    ``source`` is its file's ``file:`` URL, as Spark names files.
    """
    from fsspec.implementations.local import LocalFileSystem  # noqa: PLC0415

    parts = iter_partitions(
        LocalFileSystem(), files, format, limits, files_per_partition=None, part_bytes=part_bytes
    )
    return [
        [
            attrs.evolve(unit, source=_url(unit.path)) if isinstance(unit, ByteRange) else unit
            for unit in units
        ]
        for units in parts
    ]


def _url(path: str) -> str:
    return "file:" + path


@attrs.frozen
class _Count:
    """How many items and lines one range of a file holds."""

    file: str
    part: int
    unit: int
    items: int
    lines: int


@attrs.frozen
class _Found:
    """A row, or the item it is to be made of, with its place within its range."""

    part: int
    unit: int
    source: str
    row: tuple[Any, ...] | None
    """A finished row (a whole file's item, or an article, whose position is moved later)."""
    error: NewsparseError | OSError | None = None
    """An error of a range, made a row once the lines before its range are known."""
    position: int = 0


def _partition_records(
    part: int, units: list[Unit], format: str | None, limits: Limits | None
) -> Iterator[_Found | _Count]:
    """Parse partition number ``part`` (on an executor): its rows, and a count per range.

    A whole file's rows are final.  A range's articles are rows whose
    position counts from the range's start, and its errors wait for
    :func:`_placed_rows` to learn the lines and items of the ranges before.
    """
    for number, unit in enumerate(units):
        if isinstance(unit, str):
            for position, item in enumerate(items(Path(unit), _url(unit), format, limits=limits)):
                yield _Found(part, number, _url(unit), _row(_url(unit), position, item))
            continue
        found: list[Item]
        lines = 0
        try:
            parsed = range_items(get_format(unit.format), unit, limits or DEFAULT_LIMITS)
            found, lines = list(parsed.items), parsed.lines
        except (NewsparseError, OSError) as error:
            found = [error]
        for position, item in enumerate(found):
            if isinstance(item, Article):
                row = _row(unit.name, position, item)
                yield _Found(part, number, unit.name, row, position=position)
            else:
                yield _Found(part, number, unit.name, None, portable(item), position)
        yield _Count(unit.name, part, number, len(found), lines)


def _row(source: str, position: int, item: Item) -> tuple[Any, ...]:
    made = (
        article_row(source, position, item)
        if isinstance(item, Article)
        else error_row(source, position, item)
    )
    return tuple(made[column.name] for column in COLUMNS)


def _range_offsets(counts: list[_Count]) -> dict[tuple[int, int], tuple[int, int]]:
    """Per range ``(part, unit)``: the items and lines of the earlier ranges of its file."""
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    totals: dict[str, tuple[int, int]] = {}
    for count in sorted(counts, key=lambda c: (c.part, c.unit)):
        before = totals.get(count.file, (0, 0))
        offsets[count.part, count.unit] = before
        totals[count.file] = (before[0] + count.items, before[1] + count.lines)
    return offsets


def _placed_rows(
    found: _Found, offsets: dict[tuple[int, int], tuple[int, int]]
) -> Iterator[tuple[Any, ...]]:
    """Return ``found``'s row, its position and lines counted from the start of its file."""
    items_before, lines_before = offsets.get((found.part, found.unit), (0, 0))
    if found.error is not None:
        error = found.error
        if lines_before and isinstance(error, ParseError):
            error.line += lines_before
        yield _row(found.source, found.position + items_before, error)
    elif found.row is not None:
        row = list(found.row)
        row[_POSITION] += items_before
        yield tuple(row)


def read_dataframe(
    spark: pyspark.sql.SparkSession,
    path: str,
    format: str | None = None,
    *,
    limits: Limits | None = None,
) -> pyspark.sql.DataFrame:
    """Return a Spark DataFrame of the rows of every file ``path`` names.

    ``path`` is what ``SparkContext.binaryFiles`` reads: a file, a folder,
    a glob, or several of them separated by commas; the ``source`` column
    holds each file's URL as Spark names it (``file:/data/corpus/a.jsonl``).
    Local files are partitioned as the module says; when one is cut into
    byte ranges, the input is parsed before this returns.

    Raises:
        ImportError: pyspark is not installed.
        FileNotFoundError: a local part of ``path`` names no file.
    """
    shape = schema()
    files = _local_files(path)
    if files is None:
        pairs = spark.sparkContext.binaryFiles(path)
        found = pairs.flatMap(lambda pair: file_rows(pair[0], pair[1], format, limits=limits))
        return spark.createDataFrame(found, schema=shape)
    cores = int(spark.sparkContext.defaultParallelism)
    parts = _plan(
        files, format, limits or DEFAULT_LIMITS, lambda total: partition_bytes(total, cores)
    )
    numbered = spark.sparkContext.parallelize(list(enumerate(parts)), max(1, len(parts)))
    records = numbered.flatMap(lambda pair: _partition_records(pair[0], pair[1], format, limits))
    if not any(isinstance(unit, ByteRange) for units in parts for unit in units):
        offsets: dict[tuple[int, int], tuple[int, int]] = {}
    else:
        from pyspark import StorageLevel  # noqa: PLC0415

        records = records.persist(StorageLevel.MEMORY_AND_DISK)
        counts = records.filter(lambda record: isinstance(record, _Count)).collect()
        offsets = _range_offsets(counts)
    shared = spark.sparkContext.broadcast(offsets)
    placed = records.flatMap(
        lambda record: _placed_rows(record, shared.value) if isinstance(record, _Found) else ()
    )
    return spark.createDataFrame(placed, schema=shape)
