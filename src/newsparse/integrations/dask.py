"""Reading corpora into Dask: a bag of articles, or a DataFrame of flat rows.

Install the extra first: ``pip install newsparse[dask]``.  Dask is imported
when a function here is called, not when the module is.

A partition is sized to the cluster (:func:`partition_bytes`): about
:data:`TASKS_PER_THREAD` partitions for each thread of the cluster's
workers, each between :data:`PART_BYTES` and :data:`MAX_PART_BYTES` of
input, since every task costs the scheduler and the worker a few
milliseconds and a worker waits for its next task between two of them.
Small files are grouped
(or ``files_per_partition`` files to a partition, when given), and a large
local file whose format can cut its bytes
(:meth:`Format.cut_points <newsparse.Format.cut_points>`: ``tt``, ``jsonl``
where supported, the IPTC XML formats; and ``warc``, cut between records) is
cut into byte ranges that the workers read themselves, so that one big dump
keeps every worker busy.  The client reads only a window of bytes around
each cut (a ``.warc.gz`` it decompresses whole, as it goes, to find where
its records start).  What runs on the workers is in
``newsparse.integrations._dask_tasks``.  :func:`write_articles`
has the workers write what they parse (JSON Lines, or any writer passed in,
such as a Parquet one) and send back only counts and errors, which is how a
corpus scales: no article travels to the client.  Whichever worker Dask
picks parses a partition; the workers must be able to open
the paths (a shared file system, or a URL that ``fsspec`` reads, such as
``s3://bucket/corpus/*.jsonl`` with ``s3fs`` installed), and must have the
same newsparse plugins installed as the client, since they detect and parse
the formats themselves.  The same code runs on a laptop's local cluster and
on a cluster of many machines: only the ``distributed.Client`` differs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from newsparse._errors import NewsparseError
from newsparse._limits import DEFAULT_LIMITS, Limits
from newsparse._model import Article
from newsparse._ranges import RANGE_BYTES, ByteRange
from newsparse.integrations._dask_tasks import (
    Parsed,
    Writing,
    Written,
    add_counts,
    finish_items,
    moved,
    parse_units,
    write_units,
)
from newsparse.integrations._dask_writers import (
    Unit,
    format_writer,
    name_of,
)
from newsparse.integrations._partitions import iter_partitions, share_bytes
from newsparse.integrations.rows import COLUMNS, Kind, article_row, error_row

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = [
    "DTYPES",
    "KEEP_FREED_MEMORY",
    "MAX_PART_BYTES",
    "PART_BYTES",
    "TASKS_PER_THREAD",
    "PartWriter",
    "WriteReport",
    "partition_bytes",
    "read_articles",
    "read_dataframe",
    "write_articles",
]

PART_BYTES = RANGE_BYTES
"""The fewest bytes of input a partition reads, unless the input is smaller (1 MiB)."""

MAX_PART_BYTES = 32 * RANGE_BYTES
"""The most bytes of input a partition reads, unless one file cannot be cut (32 MiB)."""

TASKS_PER_THREAD = 8
"""How many partitions :func:`partition_bytes` aims at for each thread of the cluster."""

KEEP_FREED_MEMORY = "newsparse.keep-freed-memory"
"""The Dask configuration key that, set to ``False``, leaves the workers' malloc settings alone.

By default each worker process, at its first newsparse task, raises glibc's
thresholds for returning freed memory to the kernel (see
``newsparse.integrations._malloc``): with glibc's defaults a worker's task
thread took a page fault for nearly every page a parse touched again, and
the same work cost a quarter more CPU time than in a plain process.  The
price is up to 64 MiB of freed memory per malloc arena that a worker keeps
for reuse.  Set it on the client, before calling a function of this
module: ``dask.config.set({"newsparse.keep-freed-memory": False})``."""

PartWriter: TypeAlias = Callable[[Iterator[Article], str], str]
"""Writes the articles of one partition: ``writer(articles, stem)`` writes them
to a file named ``stem`` plus the writer's own suffix and returns its path."""


DTYPES: dict[Kind, str] = {
    "text": "string",
    "integer": "Int64",
    "moment": "datetime64[us, UTC]",
}
"""The pandas dtype of each kind of column (:data:`newsparse.integrations.rows.COLUMNS`):
nullable text and integers, and timestamps in UTC to the microsecond."""

_MISSING = "the Dask integration needs Dask: pip install 'newsparse[dask]'"


def _require() -> None:
    try:
        import dask.bag  # noqa: PLC0415
        import dask.dataframe  # noqa: F401, PLC0415
    except ImportError as error:
        raise ImportError(_MISSING) from error


def _planning(
    paths: str | Sequence[str],
    format: str | None,
    limits: Limits | None,
    files_per_partition: int | None,
) -> tuple[Any, Iterator[list[Unit]]]:
    """Return the file system of ``paths`` and the partitions of their files, as planned."""
    fs, names = _expand(paths)
    threads = _cluster_threads()
    planned = iter_partitions(
        fs,
        names,
        format,
        limits or DEFAULT_LIMITS,
        files_per_partition=files_per_partition,
        part_bytes=lambda total: partition_bytes(total, threads),
    )
    return fs, planned


def _distributed_client() -> Any:
    """Return the ``distributed`` client that ``dask.compute`` would use now, or ``None``."""
    try:
        from distributed import Client  # noqa: PLC0415
    except ImportError:
        return None
    from dask.base import get_scheduler  # noqa: PLC0415

    owner = getattr(get_scheduler(), "__self__", None)
    return owner if isinstance(owner, Client) else None


def partition_bytes(total: int, threads: int) -> int:
    """Return about how many bytes of input a partition reads, for ``total`` bytes of input.

    :data:`TASKS_PER_THREAD` partitions for each of the cluster's ``threads``,
    and never fewer than :data:`PART_BYTES` or more than
    :data:`MAX_PART_BYTES` bytes each.

    >>> from newsparse.integrations.dask import partition_bytes
    >>> partition_bytes(100 * 2**20, threads=2) == 100 * 2**20 // 16
    True
    """
    return share_bytes(total, threads, TASKS_PER_THREAD, PART_BYTES, MAX_PART_BYTES)


def _cluster_threads() -> int:
    """Return how many threads run tasks: the workers' of the ``distributed`` client in use.

    Without one, Dask's local schedulers run a thread or process per CPU.
    """
    client = _distributed_client()
    if client is None:
        return os.cpu_count() or 1
    return max(1, int(sum(client.nthreads().values())))


def _keeping_memory() -> bool:
    """Whether the tasks keep freed memory (the :data:`KEEP_FREED_MEMORY` setting)."""
    import dask  # noqa: PLC0415

    return bool(dask.config.get(KEEP_FREED_MEMORY, default=True))


def _expand(paths: str | Sequence[str]) -> tuple[Any, list[str]]:
    """Return the file system and every file that ``paths`` (names or globs) names."""
    from fsspec.core import get_fs_token_paths  # noqa: PLC0415

    fs, _token, found = get_fs_token_paths(paths if isinstance(paths, str) else list(paths))
    if not found:
        raise FileNotFoundError(f"no file matches {paths!r}")
    return fs, list(found)


def read_articles(
    paths: str | Sequence[str],
    format: str | None = None,
    *,
    limits: Limits | None = None,
    errors: Literal["raise", "include"] = "raise",
    files_per_partition: int | None = None,
) -> dask.bag.Bag:
    """Return a Dask bag of the articles in ``paths``, in the order of the files.

    Args:
        paths: a file name, URL or glob (``"corpus/*.jsonl"``), or a list of them.
        format: the format's name, or ``None`` to detect it per file.
        limits: as in :func:`newsparse.iter_parse`.
        errors: ``"raise"``: computing the bag raises the first error
            (a :class:`~newsparse.NewsparseError`).  ``"include"``: the bag
            holds the errors too, each in the place of what it stopped, as
            :class:`~newsparse.NewsparseError` or :class:`OSError` objects.
        files_per_partition: how many files one partition (one task)
            reads; ``None`` groups files up to :func:`partition_bytes`
            (and 64 files).  A large file cut into byte ranges is read by a
            partition per range either way.

    Raises:
        ImportError: Dask is not installed.
        FileNotFoundError: nothing matches ``paths``.
    """
    _require()
    import dask.bag  # noqa: PLC0415

    fs, planned = _planning(paths, format, limits, files_per_partition)
    parts = list(planned)
    finished = _finished(parts, fs, format, limits, finish_items, errors == "include")
    return dask.bag.from_delayed(finished)


def _finished(
    parts: list[list[Unit]],
    fs: Any,
    format: str | None,
    limits: Limits | None,
    finish: Callable[..., Any],
    *arguments: Any,
) -> list[Any]:
    """Return a delayed ``finish(parsed, units, *arguments, *before)`` per partition.

    Each partition is parsed by one task.  ``before`` holds, for each unit,
    the lines and items of the earlier ranges of its file (``(0, 0)`` for a
    whole file), a running total that a small task per range carries on, so
    that no partition waits for more than the counts of the ranges before it.
    """
    from dask import delayed  # noqa: PLC0415

    finished = []
    keep_memory = _keeping_memory()
    totals: dict[str, Any] = {}  # per file: (lines, items) of its ranges so far (delayed)
    for units in parts:
        parsed = delayed(parse_units)(units, fs, format, limits, keep_memory)
        before: list[Any] = []
        for number, unit in enumerate(units):
            if isinstance(unit, ByteRange):
                so_far = totals.get(unit.path, (0, 0))
                before.append(so_far)
                totals[unit.path] = delayed(add_counts)(so_far, parsed, number)
            else:
                before.append((0, 0))
        finished.append(delayed(finish)(parsed, units, *arguments, *before))
    return finished


def read_dataframe(
    paths: str | Sequence[str],
    format: str | None = None,
    *,
    limits: Limits | None = None,
    files_per_partition: int | None = None,
) -> dask.dataframe.DataFrame:
    """Return a Dask DataFrame with one row per article and per error in ``paths``.

    The columns are :data:`newsparse.integrations.rows.COLUMNS`, with the
    dtypes of :data:`DTYPES`; errors are rows whose ``error`` column is set.
    The arguments are those of :func:`read_articles`.

    Raises:
        ImportError: Dask is not installed.
        FileNotFoundError: nothing matches ``paths``.
    """
    _require()
    import dask.dataframe  # noqa: PLC0415

    fs, planned = _planning(paths, format, limits, files_per_partition)
    parts = list(planned)
    frames = _finished(parts, fs, format, limits, _frame_of)
    return dask.dataframe.from_delayed(frames, meta=_frame([]), verify_meta=False)


def _frame_of(parsed: Parsed, units: list[Unit], *before: tuple[int, int]) -> pandas.DataFrame:
    """Make the rows of a partition's items (runs on a worker).

    ``position`` counts from the start of each file, and so do the lines of
    errors: a range's are moved by ``before``, the lines and items of the
    earlier ranges of its file.
    """
    items = moved(parsed, [lines for lines, _ in before])
    records: list[dict[str, Any]] = []
    positions = [count for _, count in before]
    for (unit, _), item in zip(parsed.items, items, strict=True):
        name = name_of(units[unit])
        position = positions[unit]
        positions[unit] += 1
        if isinstance(item, Article):
            records.append(article_row(name, position, item))
        else:
            records.append(error_row(name, position, item))
    return _frame(records)


def _frame(records: list[dict[str, Any]]) -> pandas.DataFrame:
    import pandas  # noqa: PLC0415

    frame = pandas.DataFrame.from_records(records, columns=[c.name for c in COLUMNS])
    return frame.astype({column.name: DTYPES[column.kind] for column in COLUMNS})


@attrs.frozen
class WriteReport:
    """What :func:`write_articles` did: the files written, and what was read."""

    files: list[str]
    """The files written, one per partition that held an article, in input order."""
    articles: int
    """How many articles were written."""
    errors: list[NewsparseError | OSError]
    """Every error, in input order, with the line of the whole input."""


def write_articles(
    paths: str | Sequence[str],
    folder: str | os.PathLike[str],
    format: str | None = None,
    *,
    to: str | PartWriter = "jsonl",
    limits: Limits | None = None,
    files_per_partition: int | None = None,
) -> WriteReport:
    """Parse ``paths`` on the workers and have each write its articles to ``folder``.

    Each partition (see the module) becomes one file, ``part-00000`` and up
    in input order, written by the worker that parsed it; only the counts
    and the errors come back to the client.  Nothing is written for a
    partition without articles.  With a ``distributed`` client, each
    partition's task is submitted as soon as the partition is planned, so
    the workers start while the client is still cutting a large file (a
    ``.warc.gz`` is decompressed whole to find its ranges).

    Args:
        paths: as in :func:`read_articles`.
        folder: where the files go (made if missing); the workers must be
            able to write there.
        format: the input format's name, or ``None`` to detect it per file.
        to: the name of a format that renders (each file is a whole
            document of it, named with its first extension), ``"parquet"``
            (``part-NNNNN.parquet``, the columns of
            :mod:`newsparse.integrations.parquet`; ``position`` counts
            within the part of an input the partition read), or a
            :data:`PartWriter` for any other output.
        limits: as in :func:`newsparse.iter_parse`.
        files_per_partition: as in :func:`read_articles`.

    Raises:
        ImportError: Dask is not installed.
        FileNotFoundError: nothing matches ``paths``.
        NewsparseError: ``to`` names no format that renders, or the
            format refuses an article (a :class:`~newsparse.RenderError`).
        OSError: a file being cut into ranges could not be read part of
            the way through (an error before its first cut is reported in
            its place instead, as for any file).
    """
    _require()
    import dask  # noqa: PLC0415
    from dask import delayed  # noqa: PLC0415

    writer = format_writer(to) if isinstance(to, str) else to
    Path(folder).mkdir(parents=True, exist_ok=True)
    fs, planned = _planning(paths, format, limits, files_per_partition)
    how = Writing(fs, format, limits, writer, _keeping_memory())

    def stem(number: int) -> str:
        return os.path.join(os.fspath(folder), f"part-{number:05}")

    parts: list[list[Unit]] = []
    client = _distributed_client()
    written: tuple[Written, ...]
    if client is None:
        parts = list(planned)
        written = dask.compute(
            *(delayed(write_units)(units, how, stem(n)) for n, units in enumerate(parts))
        )
    else:  # each partition starts as soon as it is planned
        futures = []
        for number, units in enumerate(planned):
            parts.append(units)
            futures.append(client.submit(write_units, units, how, stem(number), pure=False))
        written = tuple(client.gather(futures))
    errors: list[NewsparseError | OSError] = []
    lines_before: dict[str, int] = {}  # per file: the lines of its ranges so far
    for units, one in zip(parts, written, strict=True):
        parsed = Parsed(list(one.errors), one.lines)
        errors.extend(moved(parsed, _lines_before(units, one.lines, lines_before)))  # type: ignore[arg-type]
    return WriteReport(
        files=[one.file for one in written if one.file is not None],
        articles=sum(one.articles for one in written),
        errors=errors,
    )


def _lines_before(units: list[Unit], lines: list[int], totals: dict[str, int]) -> list[int]:
    """Return, per unit, the lines of the earlier ranges of its file; add its own to ``totals``."""
    before = []
    for unit, count in zip(units, lines, strict=True):
        if isinstance(unit, ByteRange):
            before.append(totals.get(unit.path, 0))
            totals[unit.path] = before[-1] + count
        else:
            before.append(0)
    return before
