"""The decoded, streaming text reader every format reads its input from.

Every input reaches a format as a ``TextReader``: text with universal line
ends (``\\r\\n`` and ``\\r`` become ``\\n``), read in chunks so that memory
stays bounded.  Bytes are decoded incrementally; a byte-order mark picks the
encoding, otherwise the format's :attr:`~newsparse.Format.encoding` is used.
An undecodable byte raises :class:`~newsparse.ParseError` with its line,
column and byte offset, never :class:`UnicodeDecodeError`.  Bytes compressed
with gzip, bzip2 or xz are decompressed first, as they are read
(``newsparse._compressed``).

Opening an input is ``newsparse._source``'s work, and decoding it
``newsparse._decoding``'s; this module holds what they hand the format,
and the small helpers they share.

A format that hands its whole input to a parser working on bytes (lxml, say)
can call :meth:`TextReader.read_utf8` instead of :meth:`TextReader.read`:
UTF-8 input then goes through as it is, after one check that it decodes,
instead of being decoded and encoded again.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator
from typing import IO, Protocol

from newsparse._errors import NewsparseError
from newsparse._limits import DEFAULT_LIMITS, Limits

__all__ = [
    "BOMS",
    "CHUNK_SIZE",
    "SAMPLE_SIZE",
    "Input",
    "Position",
    "TextReader",
    "TextStream",
    "is_utf8",
    "strip_bom",
    "translate_newlines",
]

CHUNK_SIZE = 1 << 16
"""Bytes or characters read from the input at a time."""
SAMPLE_SIZE = 1 << 16
"""Bytes or characters of a file or stream given to :meth:`~newsparse.Format.sniff`
(text or bytes given whole, as ``str`` or ``bytes``, are sniffed whole)."""

Input = str | bytes | bytearray | memoryview | os.PathLike[str] | IO[str] | IO[bytes]
"""Everything :func:`newsparse.parse` accepts: text, bytes, a path, or a file object."""

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class TextStream(Protocol):
    """What a format may do with its input: read, read lines, or iterate lines.

    ``TextReader`` implements it, and so does any text file object such
    as :class:`io.StringIO`, which is handy in a format's own tests.
    """

    def read(self, size: int | None = -1, /) -> str:
        """Read up to ``size`` characters; everything left when ``size`` < 0."""
        ...

    def readline(self, size: int = -1, /) -> str:
        """Read one line with its ``"\\n"``; ``""`` at the end."""
        ...

    def __iter__(self) -> Iterator[str]:
        """Iterate over the lines, each with its ``"\\n"``."""
        ...


class TextReader:
    """A read-only text stream over an iterator of text chunks.

    It supports what formats need: iteration over lines (each ending in
    ``"\\n"`` except perhaps the last), :meth:`readline` and :meth:`read`.
    ``whole_utf8``, when given, returns the whole input as UTF-8 bytes (or
    raises once it would exceed the size it is given), checked or not as
    asked; it serves :meth:`read_utf8` as long as no text has been read, and
    ``check_utf8`` checks what it returned unchecked.  ``waiting``, when
    given, tells whether the input had no more text ready at its last read
    (a pipe whose writer has not written more yet): :meth:`read` then
    returns what it has instead of waiting for more.
    """

    def __init__(
        self,
        chunks: Iterator[str],
        *,
        whole_utf8: Callable[[int | None, bool], bytes] | None = None,
        check_utf8: Callable[[], None] | None = None,
        limits: Limits = DEFAULT_LIMITS,
        waiting: Callable[[], bool] | None = None,
        binary: Callable[[], IO[bytes]] | None = None,
    ) -> None:
        self.limits = limits
        """The limits of the parse reading this stream (see ``newsparse._limits``)."""
        self._chunks = chunks
        self._whole_utf8 = whole_utf8
        self._check_utf8 = check_utf8
        self._waiting = waiting
        self._binary = binary
        self.byte_offset = 0
        """Where :meth:`binary`'s bytes start in the whole input (set for a byte range of it)."""
        self._buffer = ""
        self._pos = 0
        self._eof = False
        self._error: NewsparseError | None = None

    def _fill(self) -> bool:
        """Append the next chunk to the buffer; return ``False`` at the end.

        An error from the input (an undecodable byte) is held back while
        buffered text remains, so that text is read before the error is raised.
        """
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        if self._eof:
            return False
        self._whole_utf8 = None  # text has been read: read_utf8 must encode what is left
        self._binary = None
        try:
            for chunk in self._chunks:
                if chunk:
                    self._buffer = self._buffer[self._pos :] + chunk
                    self._pos = 0
                    return True
        except NewsparseError as error:
            if self._pos >= len(self._buffer):
                raise
            self._error = error
            self._eof = True
            return False
        self._eof = True
        return False

    def read(self, size: int | None = -1, /) -> str:
        """Read up to ``size`` characters, or everything left when ``size`` < 0.

        ``""`` means the end of the input.  Fewer than ``size`` characters
        come back before the end when the input has no more ready, as a pipe
        whose writer has not written more yet: what was written is handed
        over at once rather than after the next write.  A file or a string
        gives ``size`` characters until its end.
        """
        if size is None or size < 0:
            parts = [self._buffer[self._pos :]]
            self._buffer, self._pos = "", 0
            while self._fill():
                parts.append(self._buffer)
                self._buffer = ""
            return "".join(parts)
        waiting = self._waiting
        while len(self._buffer) - self._pos < size:
            if waiting is not None and self._pos < len(self._buffer) and waiting():
                break  # hand over what the input had, rather than wait for more
            if not self._fill():
                break
        result = self._buffer[self._pos : self._pos + size]
        self._pos += len(result)
        return result

    def read_utf8(self, max_bytes: int | None = None, *, checked: bool = True) -> bytes:
        """Read everything left, encoded as UTF-8, with line ends translated.

        The result equals ``read().encode("utf-8", "surrogatepass")`` and the
        errors are the same, but input given as UTF-8 bytes is not decoded
        and encoded again: it is checked and returned as it is (``\\r\\n`` and
        ``\\r`` still become ``\\n``).  Meant for formats that hand the whole
        input to a parser reading bytes, such as lxml.

        With ``checked=False``, input given as UTF-8 bytes is returned
        exactly as given, after its byte-order mark: neither checked nor with
        its line ends translated, which saves a pass over it.  For a parser
        that translates line ends itself and reports the bytes it cannot
        decode (libxml2 does both): when it reports one, the format calls
        :meth:`check_utf8`, which raises the same error as a checked read.

        Raises:
            OverflowError: the result would be longer than ``max_bytes``
                (raised as soon as that is known, before reading the rest).
            ParseError: bad input, as :meth:`read` raises it.
        """
        whole, self._whole_utf8 = self._whole_utf8, None
        if whole is not None:
            self._eof = True
            return whole(max_bytes, checked)
        data = self.read().encode("utf-8", "surrogatepass")
        if max_bytes is not None and len(data) > max_bytes:
            raise OverflowError(f"more than {max_bytes} bytes")
        return data

    def check_utf8(self) -> None:
        """Check the bytes ``read_utf8(checked=False)`` returned unchecked.

        Raises:
            ParseError: at their first byte that is not UTF-8, with its line,
                column and byte offset, as a checked read would.
        """
        check, self._check_utf8 = self._check_utf8, None
        if check is not None:
            check()

    def binary(self) -> IO[bytes] | None:
        """Return the input's bytes as a binary file object, for a format that reads bytes.

        The bytes are those given (decompressed, when the input was
        compressed), with no decoding and no line-end translation; reading
        past the input limit, or bad compressed data, raises
        :class:`~newsparse.ParseError` there.  ``None`` for text input, and
        once text has been read from this stream: a format calls it first,
        instead of reading text.  Meant for binary formats such as ``warc``,
        whose lengths count bytes.
        """
        binary, self._binary = self._binary, None
        if binary is None:
            return None
        self._whole_utf8 = None
        return binary()

    def readline(self, size: int = -1, /) -> str:
        """Read one line, with its ``"\\n"``; ``""`` at the end of the input."""
        while True:
            end = self._buffer.find("\n", self._pos)
            if end >= 0:
                end += 1
                break
            if not self._fill():
                if self._error is not None:  # the line is cut short by bad input
                    self._fill()
                end = len(self._buffer)
                break
        if 0 <= size < end - self._pos:
            end = self._pos + size
        line = self._buffer[self._pos : end]
        self._pos = end
        return line

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def lines(self) -> Iterator[str]:
        """Yield the lines without their ``"\\n"``, fast (a chunk at a time)."""
        while True:
            end = self._buffer.rfind("\n", self._pos)
            if end >= 0:
                pieces = self._buffer[self._pos : end].split("\n")
                self._pos = end + 1
                yield from pieces
            if not self._fill():
                break
        if self._error is not None:
            self._fill()
        if self._pos < len(self._buffer):
            tail = self._buffer[self._pos :]
            self._pos = len(self._buffer)
            yield tail


class Position:
    """Tracks the line and column reached in the decoded text."""

    def __init__(self) -> None:
        self.line = 1
        self.column = 1

    def advance(self, text: str, data: bytes | None = None) -> None:
        """Move past ``text``; ``data``, if given, holds exactly its line feeds."""
        newlines = text.count("\n") if data is None else data.count(b"\n")
        if newlines:
            self.line += newlines
            self.column = len(text) - text.rfind("\n")
        else:
            self.column += len(text)

    def after(self, text: str) -> tuple[int, int]:
        newlines = text.count("\n")
        if newlines:
            return self.line + newlines, len(text) - text.rfind("\n")
        return self.line, self.column + len(text)


def strip_bom(data: bytes, encoding: str) -> tuple[bytes, str]:
    for bom, bom_encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :], bom_encoding
    if codecs.lookup(encoding).name == "utf-8":
        return data, "utf-8"
    return data, encoding


def is_utf8(data: bytes) -> bool:
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def translate_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
