"""Finding the records of a WARC file in its bytes, and finding them again after a bad one.

A WARC record is a version line (``WARC/1.0`` or ``WARC/1.1``), header lines,
an empty line, ``Content-Length`` bytes of content, and ``\\r\\n\\r\\n``.
``frame_records`` cuts a byte stream into records and hands each one
whole (``Framed``) to the reader of records, which parses it with
FastWARC; it never parses headers beyond ``Content-Length``, so that it
knows exactly where each record starts and ends, which a library reading
ahead cannot tell after an error.

When something is wrong (bytes where a record should start, a header
without a usable ``Content-Length``, a record that does not end where its
length says) it gives a ``Broken`` with the byte offset of the
problem, then looks for the next line that starts a record (``WARC/1.0`` or
``WARC/1.1``) and goes on from there: one bad record never loses the
records after it.  When a record's length was wrong, the search starts
right after that record's header, so that the records a too-large length
swallowed are found again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

import attrs

__all__ = [
    "MAX_HEADER_BYTES",
    "Broken",
    "Framed",
    "Tape",
    "content_length",
    "frame_records",
    "is_version_line",
]

MAX_HEADER_BYTES = 1 << 16
"""The most bytes a record's header may take (FastWARC's own default is half that)."""

HEAD_BYTES = 1 << 16
"""How much of an over-long record's content is kept: enough for its HTTP header."""

_VERSION = re.compile(rb"WARC/1\.[01]\r?\n\Z")
_CONTENT_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(\S*)[ \t]*\r?$", re.IGNORECASE | re.M)
_END = b"\r\n\r\n"
_BLANK = (b"\r\n", b"\n")


@attrs.frozen
class Framed:
    """One record, cut out of the stream."""

    offset: int
    """The byte offset of its version line in the input."""
    header: bytes
    """The version line and header lines, with the empty line that ends them."""
    content: bytes
    """Its content; only the first :data:`HEAD_BYTES` when :attr:`length` is larger than allowed."""
    length: int
    """Its ``Content-Length``."""

    @property
    def complete(self) -> bool:
        """Whether :attr:`content` holds the whole content."""
        return len(self.content) == self.length


@attrs.frozen
class Broken:
    """Bytes that are not a good record."""

    offset: int
    """The byte offset of the problem in the input."""
    message: str
    """What is wrong, and what was skipped."""


class Tape:
    """A binary stream read forward, with bytes that can be put back in front.

    It counts the offset of the next byte, and can record the bytes it
    hands out (see :meth:`take`), which ``split`` uses to copy records.
    """

    def __init__(self, stream: IO[bytes], offset: int = 0, *, record: bool = False) -> None:
        self._stream = stream
        self._front: list[bytes] = []  # bytes put back, read before the stream
        self.offset = offset
        """The offset in the input of the next byte to read."""
        self.furthest = offset
        """The offset after the last byte ever read (bytes put back do not lower it)."""
        self._recording: bytearray | None = bytearray() if record else None

    def readline(self, limit: int) -> bytes:
        """Read through the next ``\\n``, at most ``limit`` bytes; ``b""`` at the end."""
        line = b""
        while self._front and len(line) < limit:
            front = self._front.pop()
            end = front.find(b"\n", 0, limit - len(line))
            cut = end + 1 if end >= 0 else min(len(front), limit - len(line))
            line, rest = line + front[:cut], front[cut:]
            if rest:
                self._front.append(rest)
            if end >= 0:
                return self._handed(line)
        if len(line) < limit:
            line += self._stream.readline(limit - len(line))
        return self._handed(line)

    def read(self, size: int) -> bytes:
        """Read ``size`` bytes, fewer only at the end of the input."""
        parts: list[bytes] = []
        while size > 0 and self._front:
            front = self._front.pop()
            part, rest = front[:size], front[size:]
            if rest:
                self._front.append(rest)
            parts.append(part)
            size -= len(part)
        if size > 0:
            parts.append(self._stream.read(size))
        return self._handed(b"".join(parts))

    def unread(self, data: bytes) -> None:
        """Put ``data``, the last bytes read, back in front of the stream."""
        if data:
            self._front.append(data)
            self.offset -= len(data)
            if self._recording is not None:
                del self._recording[len(self._recording) - len(data) :]

    def take(self) -> bytes:
        """Return the bytes read since the last call (when made with ``record=True``)."""
        assert self._recording is not None
        taken = bytes(self._recording)
        self._recording.clear()
        return taken

    def _handed(self, data: bytes) -> bytes:
        self.offset += len(data)
        self.furthest = max(self.furthest, self.offset)
        if self._recording is not None:
            self._recording += data
        return data


def frame_records(tape: Tape, max_content: int | None) -> Iterator[Framed | Broken]:
    """Yield each record of ``tape``, and a :class:`Broken` for each bad stretch.

    Content longer than ``max_content`` is read past without being held:
    only its first :data:`HEAD_BYTES` are kept.  After each item the tape
    is at the start of a record, or at the end.
    """
    while True:
        start = tape.offset
        line = tape.readline(MAX_HEADER_BYTES)
        if not line:
            return
        if line in _BLANK:
            continue  # empty lines between records: harmless
        if not is_version_line(line):
            tape.unread(line)
            yield Broken(start, f"{_found(line)} where a WARC record should start{_skip(tape)}")
            continue
        header = _read_header(tape, line)
        if header is None:
            yield Broken(start, "the record's header is cut short by the end of the input")
            return
        if len(header) > MAX_HEADER_BYTES:
            yield Broken(
                start, f"the record's header is longer than {MAX_HEADER_BYTES} bytes{_skip(tape)}"
            )
            continue
        length = content_length(header)
        if length is None:
            yield Broken(start, f"the record has no valid Content-Length{_skip(tape)}")
            continue
        keep = length if max_content is None or length <= max_content else HEAD_BYTES
        content = tape.read(keep)
        missing = length - len(content) - _read_past(tape, length - keep)
        end = tape.read(len(_END)) if missing == 0 else b""
        if missing > 0 or (end != _END and not _ends_input(end, tape)):
            if missing > 0:
                reason = (
                    f"its content is cut short by the end of the input ({missing} bytes missing)"
                )
            else:
                reason = f"its {length} bytes of content are not followed by an empty line"
            # Look for the next record right after this one's header, when its
            # content is at hand: a length too large may have swallowed records.
            tape.unread(content + end if keep == length else end)
            yield Broken(
                start, f"the record's Content-Length ({length}) is wrong: {reason}{_skip(tape)}"
            )
            continue
        yield Framed(start, header, content, length)


def _read_header(tape: Tape, first: bytes) -> bytes | None:
    """Read the header lines after the version line ``first``; ``None`` at the end of the input."""
    lines = [first]
    size = len(first)
    while size <= MAX_HEADER_BYTES:
        line = tape.readline(MAX_HEADER_BYTES)
        if not line:
            return None
        lines.append(line)
        size += len(line)
        if line in _BLANK:
            break
    return b"".join(lines)


def is_version_line(line: bytes) -> bool:
    """Whether ``line`` (read through its ``\\n``) is the version line that starts a record."""
    return _VERSION.match(line) is not None


def content_length(header: bytes) -> int | None:
    """Return the ``Content-Length`` of a record's ``header``; ``None`` if missing or bad."""
    found = _CONTENT_LENGTH.search(header)
    if found is None or not found.group(1).isdigit():
        return None
    return int(found.group(1))


def _read_past(tape: Tape, size: int) -> int:
    """Read and drop ``size`` bytes; return how many there were."""
    dropped = 0
    while dropped < size:
        piece = tape.read(min(size - dropped, 1 << 20))
        if not piece:
            break
        dropped += len(piece)
    return dropped


def _ends_input(end: bytes, tape: Tape) -> bool:
    """Whether the record is the last and its final empty line is cut short (kindly read)."""
    if not _END.startswith(end):
        return False
    rest = tape.read(1)
    tape.unread(rest)
    return not rest


def _skip(tape: Tape) -> str:
    """Read on to the next line that starts a record, or the end; say how much was skipped.

    The message does not say which of the two it was, so that it reads the
    same in a piece that :meth:`~newsparse.Format.split` cut there.
    """
    start = tape.offset
    while True:
        line = tape.readline(MAX_HEADER_BYTES)
        if not line:
            break
        if _VERSION.match(line) is not None:
            tape.unread(line)
            break
    skipped = tape.offset - start
    return f"; {skipped} bytes skipped" if skipped else ""


def _found(line: bytes) -> str:
    shown = line[:40].decode("ascii", "backslashreplace").rstrip("\r\n")
    return f"found {shown!r}" + ("..." if len(line) > 40 else "")
