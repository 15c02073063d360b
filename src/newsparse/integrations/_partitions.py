"""How the Dask and Spark integrations cut a corpus into partitions (private).

A partition is a list of units: whole files, by name, or byte ranges of one
large file (:class:`newsparse._ranges.ByteRange`), which the worker that
parses the partition reads itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsparse._api import get_format
from newsparse._errors import NewsparseError
from newsparse._limits import Limits
from newsparse._pipeline import detect_format, encoding_for
from newsparse._ranges import ByteRange, cuttable, plan_ranges
from newsparse._source import open_source
from newsparse.integrations._dask_writers import Unit

__all__ = ["plan_partitions", "protocols"]

_GROUP_FILES = 64
"""At most this many small files go into one partition (unless ``files_per_partition``)."""


def plan_partitions(
    fs: Any,
    names: list[str],
    format: str | None,
    limits: Limits,
    *,
    files_per_partition: int | None,
    part_bytes: int | Callable[[int], int],
) -> list[list[Unit]]:
    """Return the partitions of the files ``names`` of ``fs``, in order: lists of units.

    ``part_bytes`` is the size of a partition, or a function that gives it
    from the size of all the files together.

    Small files are grouped up to ``part_bytes`` together (and at most 64
    files), or ``files_per_partition`` to a partition when it is given; a
    larger local file whose format can cut it (see
    :func:`newsparse._ranges.cuttable`) becomes a partition per byte range of
    about ``part_bytes``.  Only a window of bytes around each cut is read.

    Raises:
        ValueError: ``files_per_partition`` is less than 1.
    """
    if files_per_partition is not None and files_per_partition < 1:
        raise ValueError(f"files_per_partition must be 1 or more, not {files_per_partition}")
    most = files_per_partition or _GROUP_FILES
    sizes = [_size(fs, name) for name in names]
    if callable(part_bytes):
        part_bytes = part_bytes(sum(sizes))
    parts: list[list[Unit]] = []
    group: list[Unit] = []
    held = 0
    for name, size in zip(names, sizes, strict=True):
        ranges = (
            _ranges(fs, name, size, format, limits, part_bytes=part_bytes)
            if size > part_bytes
            else []
        )
        if len(ranges) > 1:
            if group:
                parts.append(group)
                group, held = [], 0
            parts.extend([one] for one in ranges)
            continue
        group.append(name)
        held += size
        if len(group) >= most or (files_per_partition is None and held >= part_bytes):
            parts.append(group)
            group, held = [], 0
    if group:
        parts.append(group)
    return parts


def _size(fs: Any, name: str) -> int:
    try:
        return int(fs.size(name) or 0)
    except (OSError, ValueError, TypeError):
        return 0  # the worker reports what is wrong with it


def _ranges(
    fs: Any, name: str, size: int, format: str | None, limits: Limits, *, part_bytes: int
) -> list[ByteRange]:
    """Return the byte ranges of a large local file, or [] to read it whole."""
    if "file" not in protocols(fs):
        return []
    try:
        source = open_source(Path(name))
        try:
            fmt = get_format(format) if format is not None else detect_format(source)
            if not fmt.can_parse or not cuttable(
                fmt, source, encoding_for(fmt, source), size, limits
            ):
                return []
        finally:
            source.close()
        return list(plan_ranges(fmt, name, size, part_bytes, limits))
    except (NewsparseError, OSError):
        return []  # read whole: the worker reports the error in its place


def protocols(fs: Any) -> tuple[str, ...]:
    """Return the protocols of the fsspec file system ``fs`` (``("file", "local")``...)."""
    protocol = getattr(fs, "protocol", ())
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)
