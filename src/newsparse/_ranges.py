"""Byte ranges of one large file, each parsed on its own by a worker (private).

A format that implements :meth:`Format.cut_points <newsparse.Format.cut_points>`
says where its input can be cut.  :func:`plan_ranges` looks for such places
near every :data:`RANGE_BYTES` of a file, reading only a window of bytes
around each (:data:`WINDOW_BYTES`), never the whole file; :func:`range_items`
then reads one range in a worker and parses it.  :mod:`newsparse._parallel`
(``convert --jobs``) and :mod:`newsparse.integrations.dask` share both.

Only plain UTF-8 files are cut so (no compression, no byte-order mark other
than UTF-8's, input within ``max_input_bytes``: see :func:`cuttable`); the
errors of a range count lines from the range's first line, and the caller
moves them by the lines of the ranges before it (:attr:`RangeItems.lines`).

A binary format whose records only a walk from the start can find
(``warc``) plans its ranges itself instead, with a ``record_ranges`` method
(see ``newsparse._formats.warc.ranges``): plain or gzip files, each range
whole records (whole gzip members), read by the worker as bytes and placed
in the input by their byte offset.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import attrs

from newsparse._errors import ParseError
from newsparse._format import Format, ParseItem
from newsparse._limits import DEFAULT_LIMITS, Limits
from newsparse._pipeline import guarded
from newsparse._source import Source, open_source
from newsparse._textio import TextReader

__all__ = [
    "RANGE_BYTES",
    "WINDOW_BYTES",
    "ByteRange",
    "RangeItems",
    "RangeStream",
    "cuttable",
    "plan_ranges",
    "range_items",
    "range_stream",
]

RANGE_BYTES = 1 << 20
"""About how many bytes one range holds (more when no cut is found sooner)."""

WINDOW_BYTES = 1 << 18
"""How many bytes a format is shown at a time to find a cut; windows overlap by half."""

_OTHER_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@attrs.frozen
class ByteRange:
    """Bytes ``start`` to ``end`` of the file at ``path``, to be parsed as ``format``."""

    path: str
    format: str
    start: int
    end: int
    source: str = ""
    """The input's name in messages (the path, when empty)."""
    offset: int = 0
    """For a binary format: where the range starts in the decompressed input."""

    @property
    def name(self) -> str:
        """The input's name in messages."""
        return self.source or self.path


@attrs.frozen
class RangeItems:
    """What parsing one range gave."""

    items: list[ParseItem]
    """The articles and errors, errors with lines counted from the range's start."""
    lines: int
    """How many lines the range holds (line feeds, after ``\\r\\n`` became ``\\n``)."""


def cuttable(fmt: Format, source: Source, encoding: str, size: int, limits: Limits) -> bool:
    """Whether the file behind ``source`` can be cut into byte ranges for ``fmt``."""
    if source.is_text:
        return False
    if _planner(fmt) is not None:
        most = limits.max_input_bytes
        if source.compression == "gzip":
            return True  # the planner stops cutting at the input limit
        return source.compression is None and (most is None or size <= most)
    if not fmt.can_cut or source.compression is not None:
        return False
    if codecs.lookup(encoding).name != "utf-8":
        return False
    most = limits.max_input_bytes
    return most is None or size <= most


def _planner(fmt: Format) -> Callable[[str, int, int, Limits], Iterator[Any]] | None:
    """Return the format's own planner of byte ranges (``record_ranges``), if any."""
    planner = getattr(fmt, "record_ranges", None)
    return planner if callable(planner) else None


def plan_ranges(
    fmt: Format,
    path: str,
    size: int,
    step: int = RANGE_BYTES,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[ByteRange]:
    """Cut the file at ``path`` (``size`` bytes) into ranges of about ``step`` bytes.

    The cuts are those ``fmt`` finds; where it finds none, a range grows
    until it does, up to the whole rest of the file.  A file that starts
    with a byte-order mark of UTF-16 or UTF-32 is one range.

    Raises:
        OSError: the file cannot be read.
        Exception: whatever ``fmt.cut_points`` raises (a fault of the format).
    """
    planner = _planner(fmt)
    if planner is not None:
        for part in planner(path, size, step, limits):
            yield ByteRange(path, fmt.name, part.start, part.end, offset=part.offset)
        return
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith(_OTHER_BOMS):
            yield ByteRange(path, fmt.name, 0, size)
            return
        start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
        while start < size:
            end = _next_cut(fmt, handle, start + step, size)
            yield ByteRange(path, fmt.name, start, end)
            start = end


def _next_cut(fmt: Format, handle: BinaryIO, target: int, size: int) -> int:
    """Return the first cut ``fmt`` finds at or after ``target``, or ``size``."""
    look = target
    while look < size:
        handle.seek(look)
        window = handle.read(WINDOW_BYTES)
        place = next(iter(fmt.cut_points(window)), None)
        if place is not None:
            return look + place
        if look + len(window) >= size:
            break
        look += WINDOW_BYTES // 2
    return size


def range_items(fmt: Format, task: ByteRange, limits: Limits) -> RangeItems:
    """Read and parse the range ``task`` of its file (in a worker); see :func:`range_stream`."""
    found = range_stream(fmt, task, limits)
    return RangeItems(list(found.items), found.lines)


@attrs.frozen
class RangeStream:
    """The items of one range, as they are parsed, and how many lines it holds."""

    items: Iterator[ParseItem]
    """The articles and errors, errors with lines counted from the range's start."""
    lines: int
    """How many lines the range holds (0 for a binary format's range)."""


def range_stream(fmt: Format, task: ByteRange, limits: Limits) -> RangeStream:
    """Read the range ``task`` of its file; parse it as its items are asked for.

    ``limits.max_input_bytes`` is not applied (the whole file was checked
    against it).  Bytes that do not decode end the range with the
    :class:`~newsparse.ParseError` that reading the whole file gives there,
    after the text before them.

    Raises:
        OSError: the file cannot be read.
    """
    with open(task.path, "rb") as handle:
        handle.seek(task.start)
        data = handle.read(task.end - task.start)
    if _planner(fmt) is not None:
        return _binary_range_stream(fmt, task, data, limits)
    failure: ParseError | None = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = data[: error.start].decode("utf-8")
        failure = _decode_error(error, task, fmt.name, _translated(text))
    text = _translated(text)
    del data
    lines = text.count("\n")
    held = [text]
    del text

    def pieces() -> Iterator[str]:
        yield held.pop()  # the reader holds the text only until it has read it
        if failure is not None:
            raise failure

    reader = TextReader(pieces(), limits=attrs.evolve(limits, max_input_bytes=None))
    return RangeStream(guarded(fmt, reader, task.name), lines)


def _binary_range_stream(fmt: Format, task: ByteRange, data: bytes, limits: Limits) -> RangeStream:
    """Parse a range of a binary format's file: its bytes, decompressed if they are gzip.

    The bytes are counted from the input's start (``task.offset``), so that
    ``limits.max_input_bytes`` is met where a serial parse meets it.
    """
    source = open_source(data, name=task.name)
    reader = source.reader(encoding=fmt.encoding, format_name=fmt.name, limits=limits)
    reader.byte_offset = task.offset
    return RangeStream(guarded(fmt, reader, task.name), 0)


def _translated(text: str) -> str:
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode_error(
    error: UnicodeDecodeError, task: ByteRange, format_name: str, before: str
) -> ParseError:
    """Return the error that reading the whole file gives at the bad bytes (as textio)."""
    bad = error.object[error.start : error.end]
    newlines = before.count("\n")
    column = len(before) - before.rfind("\n") if newlines else len(before) + 1
    return ParseError(
        f"cannot decode byte(s) {bad.hex(' ')} at byte offset {task.start + error.start} "
        f"as utf-8: {error.reason}",
        format=format_name,
        source=task.name,
        line=1 + newlines,
        column=column,
    )
