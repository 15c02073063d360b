"""What the Dask integration's tasks run on the workers (private).

Each function here is sent to a worker by reference and runs there: it
parses a partition's units (whole files and byte ranges), and either hands
back the items or, for :func:`~newsparse.integrations.dask.write_articles`,
writes the articles itself and sends back only counts and errors.  The
client side (planning the partitions, building the graph, putting the
results together) is in :mod:`newsparse.integrations.dask`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from newsparse._api import get_format
from newsparse._errors import NewsparseError, ParseError, portable
from newsparse._limits import DEFAULT_LIMITS, Limits
from newsparse._model import Article
from newsparse._ranges import range_stream
from newsparse.integrations._dask_writers import Item, ParquetPartWriter, Unit
from newsparse.integrations._malloc import keep_freed_memory
from newsparse.integrations.rows import items

__all__ = [
    "Parsed",
    "Writing",
    "Written",
    "add_counts",
    "file_items",
    "finish_items",
    "moved",
    "parse_units",
    "unit_items",
    "write_units",
]


@attrs.frozen
class Parsed:
    """What a partition's units gave: items (errors' lines as each unit counts them)."""

    items: list[tuple[int, Item]]
    """(unit, item) pairs, in order."""
    lines: list[int]
    """For each unit: how many lines it holds (0 for a whole file)."""


def parse_units(
    units: list[Unit], fs: Any, format: str | None, limits: Limits | None, keep_memory: bool
) -> Parsed:
    """Parse the units of a partition (runs on a worker)."""
    if keep_memory:
        keep_freed_memory()
    lines: list[int] = []
    found = list(unit_items(units, fs, format, limits, lines))
    return Parsed(found, lines)


def unit_items(
    units: list[Unit], fs: Any, format: str | None, limits: Limits | None, lines: list[int]
) -> Iterator[tuple[int, Item]]:
    """Yield ``(unit, item)`` for the units of a partition, parsed as asked for (on a worker).

    Each unit's lines (0 for a whole file) are appended to ``lines`` when
    its reading starts.  Errors are made :func:`~newsparse._errors.portable`:
    they may travel to the client, pickled with their chain.
    """
    for number, unit in enumerate(units):
        if isinstance(unit, str):
            lines.append(0)
            for item in file_items(fs, unit, format, limits):
                yield number, portable(item) if isinstance(item, BaseException) else item
            continue
        try:
            found = range_stream(get_format(unit.format), unit, limits or DEFAULT_LIMITS)
        except (NewsparseError, OSError) as error:
            lines.append(0)
            yield number, portable(error)
            continue
        lines.append(found.lines)
        try:
            for item in found.items:
                yield number, portable(item) if isinstance(item, BaseException) else item
        except (NewsparseError, OSError) as error:
            yield number, portable(error)


def moved(parsed: Parsed, before: list[int]) -> list[Item]:
    """Return the items of a partition, each range's errors moved by ``before[unit]`` lines."""
    out: list[Item] = []
    for unit, item in parsed.items:
        if before[unit] and isinstance(item, ParseError):
            item.line += before[unit]
        out.append(item)
    return out


def add_counts(so_far: tuple[int, int], parsed: Parsed, unit: int) -> tuple[int, int]:
    """Add the lines and items of unit ``unit`` of ``parsed`` to ``so_far`` (lines, items)."""
    items = sum(1 for number, _ in parsed.items if number == unit)
    return so_far[0] + parsed.lines[unit], so_far[1] + items


def finish_items(
    parsed: Parsed, units: list[Unit], keep: bool, *before: tuple[int, int]
) -> list[Item]:
    """Return a partition's items, errors' lines counted from their file's start (on a worker)."""
    del units
    found: list[Item] = []
    for item in moved(parsed, [lines for lines, _ in before]):
        if not (keep or isinstance(item, Article)):
            raise item
        found.append(item)
    return found


def file_items(
    fs: Any, name: str, format: str | None, limits: Limits | None
) -> Iterator[Article | NewsparseError | OSError]:
    """Yield the articles and errors of the whole file ``name`` of ``fs`` (on a worker).

    The file is decompressed by ``fsspec`` when its name says so; an error
    opening it is yielded, not raised.
    """
    from fsspec.core import OpenFile  # noqa: PLC0415
    from fsspec.utils import infer_compression  # noqa: PLC0415

    try:
        stream = OpenFile(fs, name, "rb", compression=infer_compression(name)).open()
    except OSError as error:
        yield error
        return
    with stream:
        yield from items(stream, name, format, limits=limits)


@attrs.frozen
class Written:
    """What one partition wrote (sent back to the client instead of its articles)."""

    file: str | None
    articles: int
    errors: list[tuple[int, NewsparseError | OSError]]
    """(unit, error) pairs, errors' lines counted from the start of each unit."""
    lines: list[int]
    """Per unit: the lines it holds (0 for a whole file)."""


@attrs.frozen
class Writing:
    """How every partition is read and written."""

    fs: Any
    format: str | None
    limits: Limits | None
    writer: Callable[[Iterator[Article], str], str]
    """A :data:`~newsparse.integrations.dask.PartWriter`, or a Parquet one."""
    keep_memory: bool = False


def write_units(units: list[Unit], how: Writing, stem: str) -> Written:
    """Parse a partition and write its articles; send back counts and errors (on a worker).

    The articles are written as they are parsed, never all held at once
    (holding them made the worker's garbage collector slower than the parse).
    """
    if how.keep_memory:
        keep_freed_memory()
    lines: list[int] = []
    errors: list[tuple[int, NewsparseError | OSError]] = []
    count = 0

    def articles() -> Iterator[tuple[int, Article]]:
        nonlocal count
        for unit, item in unit_items(units, how.fs, how.format, how.limits, lines):
            if isinstance(item, Article):
                count += 1
                yield unit, item
            else:
                errors.append((unit, item))

    stream = articles()
    first = next(stream, None)
    file = None
    if first is not None:
        rest = itertools.chain([first], stream)
        if isinstance(how.writer, ParquetPartWriter):
            file = how.writer.write_rows(rest, units, stem)
        else:
            file = how.writer((article for _, article in rest), stem)
    for _ in stream:  # a writer that stopped early: the errors after are still reported
        pass
    return Written(file, count, errors, lines)
