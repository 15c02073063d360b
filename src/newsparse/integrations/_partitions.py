"""How the Dask and Spark integrations cut a corpus into partitions (private).

A partition is a list of units: whole files, by name, or byte ranges of one
large file (:class:`newsparse._ranges.ByteRange`), which the worker that
parses the partition reads itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsparse._api import get_format
from newsparse._errors import NewsparseError
from newsparse._limits import Limits
from newsparse._pipeline import detect_format, encoding_for
from newsparse._ranges import ByteRange, cuttable, plan_ranges
from newsparse._source import open_source
from newsparse.integrations._dask_writers import Unit

__all__ = ["iter_partitions", "protocols", "share_bytes"]

_GROUP_FILES = 64
"""At most this many small files go into one partition (unless ``files_per_partition``)."""


def share_bytes(total: int, threads: int, tasks_per_thread: int, least: int, most: int) -> int:
    """Return the bytes of a partition: ``total`` shared among ``tasks_per_thread`` per thread.

    Never fewer than ``least`` or more than ``most``; no threads counts as one.
    """
    share = -(-total // (tasks_per_thread * max(threads, 1)))
    return max(least, min(most, share))


def iter_partitions(
    fs: Any,
    names: list[str],
    format: str | None,
    limits: Limits,
    *,
    files_per_partition: int | None,
    part_bytes: int | Callable[[int], int],
) -> Iterator[list[Unit]]:
    """Yield the partitions of the files ``names`` of ``fs``, in order, as they are planned.

    ``part_bytes`` is the size of a partition, or a function that gives it
    from the size of all the files together.

    Small files are grouped up to ``part_bytes`` together (and at most 64
    files), or ``files_per_partition`` to a partition when it is given; a
    larger local file whose format can cut it (see
    :func:`newsparse._ranges.cuttable`) becomes a partition per byte range of
    about ``part_bytes``, each yielded as soon as it is found, so that its
    work can start while the rest of the file is planned.  Only a window of
    bytes around each cut is read (all of a ``.warc.gz``: see
    ``newsparse._formats.warc.ranges``).  A file that cannot be planned is
    read whole, by the worker that then reports what is wrong with it.

    Raises:
        ValueError: ``files_per_partition`` is less than 1.
        OSError: a file being cut into ranges could not be read part of the way through.
    """
    if files_per_partition is not None and files_per_partition < 1:
        raise ValueError(f"files_per_partition must be 1 or more, not {files_per_partition}")
    most = files_per_partition or _GROUP_FILES
    sizes = [_size(fs, name) for name in names]
    if callable(part_bytes):
        part_bytes = part_bytes(sum(sizes))
    group: list[Unit] = []
    held = 0
    for name, size in zip(names, sizes, strict=True):
        ranges = (
            _ranges(fs, name, size, format, limits, part_bytes=part_bytes)
            if size > part_bytes
            else iter(())
        )
        first = next(ranges, None)
        second = next(ranges, None) if first is not None else None
        if first is not None and second is not None:
            if group:
                yield group
                group, held = [], 0
            for one in itertools.chain([first, second], ranges):
                yield [one]
            continue
        group.append(name)
        held += size
        if len(group) >= most or (files_per_partition is None and held >= part_bytes):
            yield group
            group, held = [], 0
    if group:
        yield group


def _size(fs: Any, name: str) -> int:
    try:
        return int(fs.size(name) or 0)
    except (OSError, ValueError, TypeError):
        return 0  # the worker reports what is wrong with it


def _ranges(
    fs: Any, name: str, size: int, format: str | None, limits: Limits, *, part_bytes: int
) -> Iterator[ByteRange]:
    """Yield the byte ranges of a large local file; none to read it whole.

    Raises:
        OSError: the file could not be read after its first range was found.
    """
    if "file" not in protocols(fs):
        return
    planned = 0
    try:
        source = open_source(Path(name))
        try:
            fmt = get_format(format) if format is not None else detect_format(source)
            if not fmt.can_parse or not cuttable(
                fmt, source, encoding_for(fmt, source), size, limits
            ):
                return
        finally:
            source.close()
        for one in plan_ranges(fmt, name, size, part_bytes, limits):
            yield one
            planned += 1
    except (NewsparseError, OSError):
        if planned:
            raise  # its first ranges are out: too late to read it whole
        return  # read whole: the worker reports the error in its place


def protocols(fs: Any) -> tuple[str, ...]:
    """Return the protocols of the fsspec file system ``fs`` (``("file", "local")``...)."""
    protocol = getattr(fs, "protocol", ())
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)
