"""Turning the many kinds of input into a decoded, streaming text reader.

Every input reaches a format as a :class:`TextReader`: text with universal line
ends (``\\r\\n`` and ``\\r`` become ``\\n``), read in chunks so that memory
stays bounded.  Bytes are decoded incrementally; a byte-order mark picks the
encoding, otherwise the format's :attr:`~newsparse.Format.encoding` is used.
An undecodable byte raises :class:`~newsparse.ParseError` with its line,
column and byte offset, never :class:`UnicodeDecodeError`.

A format that hands its whole input to a parser working on bytes (lxml, say)
can call :meth:`TextReader.read_utf8` instead of :meth:`TextReader.read`:
UTF-8 input then goes through as it is, after one check that it decodes,
instead of being decoded and encoded again.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Callable, Iterator
from typing import IO, Any, Protocol

from newsparse.errors import NewsparseError, ParseError
from newsparse.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "CHUNK_SIZE",
    "SAMPLE_SIZE",
    "Input",
    "Source",
    "TextReader",
    "TextStream",
    "open_source",
]

CHUNK_SIZE = 1 << 16
"""Bytes or characters read from the input at a time."""
SAMPLE_SIZE = 1 << 16
"""Bytes or characters given to :meth:`~newsparse.Format.sniff`."""

Input = str | bytes | bytearray | memoryview | os.PathLike[str] | IO[str] | IO[bytes]
"""Everything :func:`newsparse.parse` accepts: text, bytes, a path, or a file object."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class TextStream(Protocol):
    """What a format may do with its input: read, read lines, or iterate lines.

    :class:`TextReader` implements it, and so does any text file object such
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
    raises once it would exceed the size it is given); it serves
    :meth:`read_utf8` as long as no text has been read.
    """

    def __init__(
        self,
        chunks: Iterator[str],
        *,
        whole_utf8: Callable[[int | None], bytes] | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.limits = limits
        """The limits of the parse reading this stream (see :mod:`newsparse.limits`)."""
        self._chunks = chunks
        self._whole_utf8 = whole_utf8
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
        """Read up to ``size`` characters, or everything left when ``size`` < 0."""
        if size is None or size < 0:
            parts = [self._buffer[self._pos :]]
            self._buffer, self._pos = "", 0
            while self._fill():
                parts.append(self._buffer)
                self._buffer = ""
            return "".join(parts)
        while len(self._buffer) - self._pos < size and self._fill():
            pass
        result = self._buffer[self._pos : self._pos + size]
        self._pos += len(result)
        return result

    def read_utf8(self, max_bytes: int | None = None) -> bytes:
        """Read everything left, encoded as UTF-8, with line ends translated.

        The result equals ``read().encode("utf-8", "surrogatepass")`` and the
        errors are the same, but input given as UTF-8 bytes is not decoded
        and encoded again: it is checked and returned as it is (``\\r\\n`` and
        ``\\r`` still become ``\\n``).  Meant for formats that hand the whole
        input to a parser reading bytes, such as lxml.

        Raises:
            OverflowError: the result would be longer than ``max_bytes``
                (raised as soon as that is known, before reading the rest).
            ParseError: bad input, as :meth:`read` raises it.
        """
        whole, self._whole_utf8 = self._whole_utf8, None
        if whole is not None:
            self._eof = True
            return whole(max_bytes)
        data = self.read().encode("utf-8", "surrogatepass")
        if max_bytes is not None and len(data) > max_bytes:
            raise OverflowError(f"more than {max_bytes} bytes")
        return data

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


class Source:
    """An input, opened: its name, a sample for detection, and its text.

    Made by :func:`open_source`; :meth:`reader` may be called once.
    """

    def __init__(
        self,
        name: str,
        *,
        sample: bytes | str,
        rest: Callable[[int], bytes | str],
        close: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        """The input's name for messages: a path, ``"<stdin>"`` or ``"<string>"``."""
        self._sample = sample
        self._rest = rest
        self._close = close

    @property
    def head(self) -> bytes | None:
        """The first bytes of a bytes input (up to :data:`SAMPLE_SIZE`).

        ``None`` for text, and for bytes that start with a byte-order mark,
        which settles the encoding.
        """
        if isinstance(self._sample, str) or any(self._sample.startswith(b) for b, _ in _BOMS):
            return None
        return self._sample

    @property
    def is_text(self) -> bool:
        """Whether the input was given as text (no decoding needed)."""
        return isinstance(self._sample, str)

    def sample_text(self, encoding: str) -> str:
        """Return the start of the input as text, for sniffing (never raises)."""
        if isinstance(self._sample, str):
            return _translate_newlines(self._sample.removeprefix("\ufeff"))
        data, encoding = _strip_bom(self._sample, encoding)
        return _translate_newlines(data.decode(encoding, errors="replace"))

    def reader(
        self, *, encoding: str, format_name: str, limits: Limits = DEFAULT_LIMITS
    ) -> TextReader:
        """Return the whole input as a :class:`TextReader`.

        ``encoding`` is used for bytes without a byte-order mark.  Reading
        past ``limits.max_input_bytes`` raises :class:`~newsparse.ParseError`
        where the limit is reached, after the text before it.
        """
        limit = limits.max_input_bytes
        if isinstance(self._sample, str):
            return TextReader(self._text_chunks(self._sample, limit, format_name), limits=limits)
        return TextReader(
            self._byte_chunks(self._sample, encoding, format_name, limit),
            whole_utf8=lambda most: self._whole_utf8(encoding, format_name, limit, most),
            limits=limits,
        )

    def close(self) -> None:
        """Close the underlying file if this source opened it."""
        if self._close is not None:
            self._close()
            self._close = None

    def _text_chunks(self, first: str, limit: int | None, format_name: str) -> Iterator[str]:
        translator = io.IncrementalNewlineDecoder(None, translate=True)
        chunk: str | bytes = first.removeprefix("\ufeff")
        position = _Position()
        size = 0  # characters read
        while True:
            if not isinstance(chunk, str):
                raise TypeError("a text file object returned bytes")
            room = None if limit is None else limit - size
            over = room is not None and len(chunk) > room
            if over:
                chunk = chunk[:room]
            final = not chunk and not over
            text = translator.decode(chunk, final=final or over)
            position.advance(text)
            yield text
            if over:
                raise self._too_large(limit, "characters", position, format_name)
            if final:
                return
            size += len(chunk)
            chunk = self._rest(CHUNK_SIZE)

    def _whole_utf8(
        self, encoding: str, format_name: str, limit: int | None, most: int | None
    ) -> bytes:
        """Return all the bytes as UTF-8 with line ends translated (see ``read_utf8``).

        Reading stops early, with an error, past ``limit`` (the input limit)
        or ``most`` (the caller's, an :class:`OverflowError`).
        """
        assert isinstance(self._sample, bytes)
        parts = [self._sample]
        size = len(self._sample)
        while (limit is None or size <= limit) and (most is None or size <= most):
            chunk = self._rest(CHUNK_SIZE)
            if not isinstance(chunk, bytes):
                raise TypeError("a binary file object returned text")
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
        data = b"".join(parts)
        body, actual = _strip_bom(data, encoding)
        over = limit is not None and size > limit
        if not over and actual == "utf-8" and _is_utf8(body):
            if b"\r" in body:
                body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        else:
            # Another encoding, a bad byte or the input limit: decoding chunk
            # by chunk reports the bad byte or the limit with its place.
            text = "".join(self._byte_chunks(data, encoding, format_name, limit))
            body = text.encode("utf-8", "surrogatepass")
        if most is not None and len(body) > most:
            raise OverflowError(f"more than {most} bytes")
        return body

    def _byte_chunks(
        self, first: bytes, encoding: str, format_name: str, limit: int | None
    ) -> Iterator[str]:
        data, encoding = _strip_bom(first, encoding)
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        translator = io.IncrementalNewlineDecoder(decoder, translate=True)
        offset = len(first) - len(data)  # bytes consumed before `data`
        position = _Position()
        # In UTF-8 a 0x0A byte is always a line feed, so when no carriage
        # return is involved the bytes count the lines faster than the text.
        utf8 = encoding == "utf-8"
        while True:
            room = None if limit is None else limit - offset
            over = room is not None and len(data) > room
            if over:
                data = data[:room]
            final = not data and not over
            buffered, flag = translator.getstate()
            pending = len(buffered)  # bytes of a character cut by the last chunk
            held_cr = flag & 1  # a CR held back in case an LF follows
            try:
                text = translator.decode(data, final=final)
            except UnicodeDecodeError as error:
                # Hand over the text before the bad byte first, so that the
                # articles in it are read before the error stops the parse.
                before = _translate_newlines(
                    "\r" * held_cr + error.object[: error.start].decode(encoding)
                )
                yield before
                raise self._decode_error(
                    error, offset - pending, position.after(before), encoding, format_name
                ) from None
            exact = utf8 and not held_cr and b"\r" not in data
            position.advance(text, data if exact else None)
            yield text
            if over:
                raise self._too_large(limit, "bytes", position, format_name)
            if final:
                return
            offset += len(data)
            chunk = self._rest(CHUNK_SIZE)
            if not isinstance(chunk, bytes):
                raise TypeError("a binary file object returned text")
            data = chunk

    def _too_large(
        self, limit: int | None, unit: str, position: _Position, format_name: str
    ) -> ParseError:
        return ParseError(
            f"the input is larger than the limit of {limit} {unit} (max_input_bytes)",
            format=format_name,
            source=self.name,
            line=position.line,
            column=position.column,
        )

    def _decode_error(
        self,
        error: UnicodeDecodeError,
        base: int,
        place: tuple[int, int],
        encoding: str,
        format_name: str,
    ) -> ParseError:
        line, column = place
        bad = error.object[error.start : error.end]
        return ParseError(
            f"cannot decode byte(s) {bad.hex(' ')} at byte offset {base + error.start} "
            f"as {encoding}: {error.reason}",
            format=format_name,
            source=self.name,
            line=line,
            column=column,
        )


class _Position:
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


def _strip_bom(data: bytes, encoding: str) -> tuple[bytes, str]:
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], bom_encoding
    if codecs.lookup(encoding).name == "utf-8":
        return data, "utf-8"
    return data, encoding


def _is_utf8(data: bytes) -> bool:
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _translate_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def open_source(data: Any, *, name: str | None = None) -> Source:
    """Open any accepted input as a :class:`Source`.

    ``str`` is always content, never a file name: pass a :class:`pathlib.Path`
    to read a file.

    Raises:
        TypeError: ``data`` is of no accepted type.
    """
    if isinstance(data, str):
        return Source(name or "<string>", sample=data, rest=lambda _size: "")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return Source(name or "<bytes>", sample=bytes(data), rest=lambda _size: b"")
    if isinstance(data, os.PathLike):
        path = os.fspath(data)
        handle = open(path, "rb")  # noqa: SIM115 - closed by Source.close
        return Source(
            name or str(path), sample=handle.read(SAMPLE_SIZE), rest=handle.read, close=handle.close
        )
    read = getattr(data, "read", None)
    if callable(read):
        label = name or _stream_name(data)
        first = read(SAMPLE_SIZE)
        if not isinstance(first, (str, bytes)):
            raise TypeError(f"read() of {data!r} returned {type(first).__name__}")
        return Source(label, sample=first, rest=read)
    raise TypeError(
        f"cannot parse a {type(data).__name__}: pass str, bytes, a path or a file object"
    )


def _stream_name(stream: object) -> str:
    name = getattr(stream, "name", None)
    if isinstance(name, str):
        return name
    return "<stream>"
