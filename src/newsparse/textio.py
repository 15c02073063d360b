"""Turning the many kinds of input into a decoded, streaming text reader.

Every input reaches a format as a :class:`TextReader`: text with universal line
ends (``\\r\\n`` and ``\\r`` become ``\\n``), read in chunks so that memory
stays bounded.  Bytes are decoded incrementally; a byte-order mark picks the
encoding, otherwise the format's :attr:`~newsparse.Format.encoding` is used.
An undecodable byte raises :class:`~newsparse.ParseError` with its line,
column and byte offset, never :class:`UnicodeDecodeError`.  Bytes compressed
with gzip, bzip2 or xz are decompressed first, as they are read
(:mod:`newsparse.compressed`).

A file object is read without waiting for more than it holds (see
:func:`open_source`), so articles written to a pipe reach the format as they
arrive.  :meth:`Source.give_back` leaves a file object as it was found, for
:func:`newsparse.detect`.

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

from newsparse._byte_input import ByteInput
from newsparse.compressed import (
    MAGIC_SIZE,
    CompressedDataError,
    Decompressing,
    compression_of,
    could_be_compressed,
)
from newsparse.errors import NewsparseError, ParseError
from newsparse.fileobjects import KEPT, reading_method, rewinder, weakly_referable
from newsparse.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "CHUNK_SIZE",
    "SAMPLE_SIZE",
    "Input",
    "Source",
    "TextReader",
    "TextStream",
    "input_name",
    "open_source",
]

CHUNK_SIZE = 1 << 16
"""Bytes or characters read from the input at a time."""
SAMPLE_SIZE = 1 << 16
"""Bytes or characters of a file or stream given to :meth:`~newsparse.Format.sniff`
(text or bytes given whole, as ``str`` or ``bytes``, are sniffed whole)."""

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
    :meth:`read_utf8` as long as no text has been read.  ``waiting``, when
    given, tells whether the input had no more text ready at its last read
    (a pipe whose writer has not written more yet): :meth:`read` then
    returns what it has instead of waiting for more.
    """

    def __init__(
        self,
        chunks: Iterator[str],
        *,
        whole_utf8: Callable[[int | None], bytes] | None = None,
        limits: Limits = DEFAULT_LIMITS,
        waiting: Callable[[], bool] | None = None,
        binary: Callable[[], IO[bytes]] | None = None,
    ) -> None:
        self.limits = limits
        """The limits of the parse reading this stream (see :mod:`newsparse.limits`)."""
        self._chunks = chunks
        self._whole_utf8 = whole_utf8
        self._waiting = waiting
        self._binary = binary
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


class Source:
    """An input, opened: its name, a sample for detection, and its text.

    Made by :func:`open_source`.  Nothing is read until it is needed: the
    kind of input and any compression when :attr:`is_text`, :attr:`head`,
    :meth:`sample_text` or :meth:`reader` is first used, the whole sample
    (:data:`SAMPLE_SIZE`) only for :attr:`head` and :meth:`sample_text`.
    :meth:`reader` may be called once; :meth:`give_back` instead of it puts
    a stream back as it was found.

    Args:
        name: the input's name, for messages.
        read: returns up to the given number of bytes or characters of the
            input, what is available rather than waiting for that many, and
            an empty result only at the end.
        close: closes what :func:`open_source` opened (a file it was given
            the path of).
        stream: the file object the caller gave, if any, for :meth:`give_back`.
        rewind: seeks ``stream`` back to where it was, if it can seek.
        kept: what an earlier :meth:`give_back` kept of ``stream``; it is
            read before ``read``.
    """

    def __init__(
        self,
        name: str,
        *,
        read: Callable[[int], object],
        close: Callable[[], None] | None = None,
        stream: object | None = None,
        rewind: Callable[[], object] | None = None,
        kept: bytes | str = b"",
        in_memory: bool = False,
    ) -> None:
        self.name = name
        """The input's name for messages: a path, ``"<stdin>"`` or ``"<string>"``."""
        self.compression: str | None = None
        """``"gzip"``, ``"bzip2"`` or ``"xz"`` when the input is decompressed as it is read."""
        self._raw = read  # returns what is available, empty only at the end
        self._read: Callable[[int], bytes | str] = self._read_raw  # the same, decompressed
        self._close = close
        self._stream = stream  # a file object given by the caller, to give back
        self._rewind = rewind  # seeks that stream back to where it was
        self._unread: list[bytes | str] = [kept] if kept else []  # read before ``read``
        self._recorded: list[bytes | str] | None = (
            [] if stream is not None and rewind is None else None
        )
        self._started = False
        self._text = False
        self._chunks: list[bytes | str] = []  # read and not yet handed to the reader
        self._buffered = 0
        self._eof = False
        self._short = False  # the last read of a stream returned less than asked
        self._error: CompressedDataError | None = None  # met while sampling, raised later
        self._done = False  # reader() or give_back() was called
        # Text or bytes given whole: detection sees all of it, as it costs no
        # extra memory (a sample cut inside a long first article can miss it).
        self._in_memory = in_memory

    @property
    def head(self) -> bytes | None:
        """The first bytes of a bytes input (up to :data:`SAMPLE_SIZE`).

        ``None`` for text, and for bytes that start with a byte-order mark,
        which settles the encoding.  Decompressed bytes, for compressed input.
        """
        sample = self._sample()
        if isinstance(sample, str) or any(sample.startswith(b) for b, _ in _BOMS):
            return None
        return sample

    @property
    def is_text(self) -> bool:
        """Whether the input was given as text (no decoding needed)."""
        self._start()
        return self._text

    @property
    def can_give_back(self) -> bool:
        """Whether :meth:`give_back` can leave the input as it was found.

        ``False`` only for a file object that can neither seek nor be
        referred to weakly (where what was read would be kept).
        """
        if self._stream is None or self._rewind is not None:
            return True
        return weakly_referable(self._stream)

    def sample_text(self, encoding: str) -> str:
        """Return the start of the input as text, for sniffing (never raises)."""
        sample = self._sample()
        if isinstance(sample, str):
            return _translate_newlines(sample.removeprefix("\ufeff"))
        data, encoding = _strip_bom(sample, encoding)
        return _translate_newlines(data.decode(encoding, errors="replace"))

    @property
    def problem(self) -> str | None:
        """Why the sample ends early, for messages; ``None`` when it does not.

        Set when the input is in a compression that is not read, or its
        compressed data is bad within the sample.  The reader raises it as
        a :class:`~newsparse.ParseError` where the good data ends.
        """
        self._sample()
        return None if self._error is None else str(self._error)

    def give_back(self) -> None:
        """Leave a file object as it was found; the source is not read again.

        A stream that can seek goes back to where it was.  From one that
        cannot (a pipe, ``sys.stdin``), what was read is kept, weakly keyed on
        the stream, and the next :func:`open_source` of that same stream reads
        it first: a later parse of the stream sees the whole input.  Whoever
        reads the stream by other means in between would not see it.

        Raises:
            ValueError: what was read cannot be kept (see :attr:`can_give_back`).
        """
        if self._done:
            return
        self._done = True
        if self._rewind is not None:
            self._rewind()
        elif self._stream is not None and (self._recorded or self._unread):
            parts = (self._recorded or []) + self._unread
            kept = parts[0][:0].join(parts)  # type: ignore[arg-type]
            try:
                KEPT[self._stream] = kept
            except TypeError:
                raise ValueError(
                    f"{self.name}: what was read from this stream cannot be kept for the"
                    " parse that follows (it can neither seek nor be weakly referred to);"
                    " pass format= to parse() instead of calling detect() first"
                ) from None
        self._recorded = None

    def reader(
        self, *, encoding: str, format_name: str, limits: Limits = DEFAULT_LIMITS
    ) -> TextReader:
        """Return the whole input as a :class:`TextReader`.

        ``encoding`` is used for bytes without a byte-order mark.  Reading
        past ``limits.max_input_bytes`` raises :class:`~newsparse.ParseError`
        where the limit is reached, after the text before it; for compressed
        input the limit counts decompressed bytes.
        """
        if self._done:
            raise RuntimeError(f"{self.name}: this source was read or given back already")
        self._done = True
        self._start()
        while not self._text and self._could_be_bom() and not self._eof and self._error is None:
            self._fill(self._buffered + 1)
        self._recorded = None  # reading for good: nothing is given back
        limit = limits.max_input_bytes
        waiting = None if self._stream is None else self._waiting
        if self._text:
            return TextReader(self._text_chunks(limit, format_name), limits=limits, waiting=waiting)
        return TextReader(
            self._byte_chunks(None, encoding, format_name, limit),
            whole_utf8=lambda most: self._whole_utf8(encoding, format_name, limit, most),
            limits=limits,
            waiting=waiting,
            binary=lambda: self._byte_input(format_name, limit),
        )

    def _byte_input(self, format_name: str, limit: int | None) -> IO[bytes]:
        """Return the bytes of the input as a file object (see :meth:`TextReader.binary`)."""

        def pieces(size: int) -> bytes:
            chunk = self._next_chunk(size)
            assert isinstance(chunk, bytes)
            return chunk

        raw = ByteInput(
            pieces,
            name=self.name,
            format_name=format_name,
            limit=limit,
            compression=self.compression,
        )
        return io.BufferedReader(raw, CHUNK_SIZE)

    def close(self) -> None:
        """Close the underlying file if this source opened it."""
        if self._close is not None:
            self._close()
            self._close = None

    # -- reading ------------------------------------------------------------

    def _waiting(self) -> bool:
        """Whether the stream had no more ready at the last read (it returned less than asked)."""
        return self._short

    def _read_raw(self, size: int) -> bytes | str:
        """Read what is available of the input as given, recording it to give back."""
        chunk = self._unread.pop() if self._unread else self._raw(size)
        if not isinstance(chunk, (bytes, str)):
            if chunk is None:
                raise TypeError(
                    f"{self.name}: read() returned None: the stream is non-blocking and has no"
                    " data ready; give newsparse a blocking stream"
                )
            raise TypeError(f"{self.name}: read() returned {type(chunk).__name__}")
        if self._recorded is not None and chunk:
            self._recorded.append(chunk)
        self._short = 0 < len(chunk) < size
        return chunk

    def _start(self) -> None:
        """Read the first bytes, to tell text, bytes and compressed bytes apart."""
        if self._started:
            return
        self._started = True
        first = self._read_raw(SAMPLE_SIZE)
        if isinstance(first, str):
            self._text = True
            self._keep(first)
            self._eof = not first
            return
        parts = [first]
        size = len(first)
        ended = not first
        while not ended and could_be_compressed(b"".join(parts)):
            more = self._read_raw(SAMPLE_SIZE)
            if not isinstance(more, bytes):
                raise TypeError("a binary file object returned text")
            ended = not more
            parts.append(more)
            size += len(more)
        start = b"".join(parts)
        self.compression = compression_of(start[:MAGIC_SIZE])
        if self.compression is None:
            self._keep(start)
            self._eof = ended
            return
        try:
            self._read = self._decompressor(start)
        except CompressedDataError as error:  # a compression that is not read
            self._error = error
            self._eof = True

    def _decompressor(self, start: bytes) -> Decompressing:
        assert self.compression is not None
        pending = [start]

        def compressed(size: int) -> bytes:
            if pending:
                return pending.pop()
            chunk = self._read_raw(size)
            if not isinstance(chunk, bytes):
                raise TypeError("a binary file object returned text")
            return chunk

        return Decompressing(compressed, self.compression, CHUNK_SIZE)

    def _could_be_bom(self) -> bool:
        """Whether the bytes held are too few to tell whether a byte-order mark starts them."""
        held = self._held()
        assert isinstance(held, bytes)
        return any(len(held) < len(bom) and bom.startswith(held) for bom, _ in _BOMS)

    def _keep(self, chunk: bytes | str) -> None:
        if chunk:
            self._chunks.append(chunk)
            self._buffered += len(chunk)

    def _fill(self, size: int) -> None:
        """Read until ``size`` bytes or characters are held, the end, or an error."""
        self._start()
        while self._buffered < size and not self._eof and self._error is None:
            try:
                chunk = self._read_checked(size - self._buffered)
            except CompressedDataError as error:
                self._error = error
                break
            if not chunk:
                self._eof = True
            self._keep(chunk)

    def _sample(self) -> bytes | str:
        self._fill(SAMPLE_SIZE)
        held = self._held()
        if self._in_memory and self.compression is None:
            return held
        return held[:SAMPLE_SIZE]

    def _held(self) -> bytes | str:
        if len(self._chunks) > 1:
            joined = self._chunks[0][:0].join(self._chunks)  # type: ignore[arg-type]
            self._chunks = [joined]
        return self._chunks[0] if self._chunks else ("" if self._text else b"")

    def _read_checked(self, size: int) -> bytes | str:
        chunk = self._read(size)
        if isinstance(chunk, str) != self._text:
            if self._text:
                raise TypeError("a text file object returned bytes")
            raise TypeError("a binary file object returned text")
        self._short = 0 < len(chunk) < size
        return chunk

    def _next_chunk(self, size: int = 0) -> bytes | str:
        """Return what was held back, then the next piece; empty at the end.

        Raises:
            CompressedDataError: the compressed data is bad here.
        """
        if self._chunks:
            held = self._held()
            self._chunks, self._buffered = [], 0
            return held
        if self._error is not None:
            error, self._error = self._error, None
            self._eof = True
            raise error
        if self._eof:
            return "" if self._text else b""
        chunk = self._read_checked(size or CHUNK_SIZE)
        if not chunk:
            self._eof = True
        return chunk

    def _first_chunk(self, format_name: str) -> bytes | str:
        """Return what the source holds, or the first chunk; a bad start is a ParseError."""
        try:
            return self._next_chunk()
        except CompressedDataError as error:
            raise self._compression_error(error, 0, _Position(), format_name) from None

    def _text_chunks(self, limit: int | None, format_name: str) -> Iterator[str]:
        translator = io.IncrementalNewlineDecoder(None, translate=True)
        chunk = self._first_chunk(format_name)
        assert isinstance(chunk, str)
        chunk = chunk.removeprefix("\ufeff")
        position = _Position()
        size = 0  # characters read
        while True:
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
            chunk = self._next_chunk(CHUNK_SIZE)

    def _whole_utf8(
        self, encoding: str, format_name: str, limit: int | None, most: int | None
    ) -> bytes:
        """Return all the bytes as UTF-8 with line ends translated (see ``read_utf8``).

        Reading stops early, with an error, past ``limit`` (the input limit)
        or ``most`` (the caller's, an :class:`OverflowError`).
        """
        parts: list[bytes] = []
        size = 0
        while (limit is None or size <= limit) and (most is None or size <= most):
            try:
                chunk = self._next_chunk(CHUNK_SIZE)
            except CompressedDataError as error:
                self._error = error  # raised by the chunk by chunk decoding below
                break
            assert isinstance(chunk, bytes)
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
        data = b"".join(parts)
        body, actual = _strip_bom(data, encoding)
        over = limit is not None and size > limit
        if not over and self._error is None and actual == "utf-8" and _is_utf8(body):
            if b"\r" in body:
                body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        else:
            # Another encoding, a bad byte, bad compressed data or the input
            # limit: decoding chunk by chunk reports the problem with its place.
            text = "".join(self._byte_chunks(data, encoding, format_name, limit))
            body = text.encode("utf-8", "surrogatepass")
        if most is not None and len(body) > most:
            raise OverflowError(f"more than {most} bytes")
        return body

    def _byte_chunks(
        self, first: bytes | None, encoding: str, format_name: str, limit: int | None
    ) -> Iterator[str]:
        """Decode the bytes: ``first`` (or what the source holds), then the rest."""
        if first is None:
            held = self._first_chunk(format_name)
            assert isinstance(held, bytes)
            first = held
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
            try:
                chunk = self._next_chunk(CHUNK_SIZE)
            except CompressedDataError as error:
                yield "\n" if translator.getstate()[1] & 1 else ""  # a held CR
                raise self._compression_error(error, offset, position, format_name) from None
            assert isinstance(chunk, bytes)
            data = chunk

    def _too_large(
        self, limit: int | None, unit: str, position: _Position, format_name: str
    ) -> ParseError:
        what = (
            "the input"
            if self.compression is None
            else f"the {self.compression}-decompressed input"
        )
        message = f"{what} is larger than the limit of {limit} {unit} (max_input_bytes)"
        return self._parse_error(message, (position.line, position.column), format_name)

    def _parse_error(self, message: str, place: tuple[int, int], format_name: str) -> ParseError:
        """Return a :class:`~newsparse.ParseError` of this input at ``place`` (line, column)."""
        line, column = place
        return ParseError(message, format=format_name, source=self.name, line=line, column=column)

    def _compression_error(
        self, error: CompressedDataError, offset: int, position: _Position, format_name: str
    ) -> ParseError:
        decompressed = isinstance(self._read, Decompressing)
        where = f" (after {offset} bytes of decompressed input)" if decompressed else ""
        return self._parse_error(f"{error}{where}", (position.line, position.column), format_name)

    def _decode_error(
        self,
        error: UnicodeDecodeError,
        base: int,
        place: tuple[int, int],
        encoding: str,
        format_name: str,
    ) -> ParseError:
        bad = error.object[error.start : error.end]
        of = "" if self.compression is None else f" of the {self.compression}-decompressed input"
        message = (
            f"cannot decode byte(s) {bad.hex(' ')} at byte offset {base + error.start}{of} "
            f"as {encoding}: {error.reason}"
        )
        return self._parse_error(message, place, format_name)


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
    """Open any accepted input as a :class:`Source`; nothing is read yet.

    ``str`` is always content, never a file name: pass a :class:`pathlib.Path`
    to read a file.  A file object is read with ``read1`` when it has one
    (an ``io.BufferedReader``, ``sys.stdin.buffer``), a line at a time
    when it is a text stream that cannot seek (a pipe), and with ``read``
    otherwise, so that what a pipe holds is read without waiting for more.
    What :meth:`Source.give_back` kept of the same stream is read first.
    Bytes compressed with gzip, bzip2 or xz are decompressed as they are read
    (see :mod:`newsparse.compressed`).

    Raises:
        TypeError: ``data`` is of no accepted type.
    """
    name = name or input_name(data)
    if isinstance(data, str):
        return Source(name, read=_once(data), in_memory=True)
    if isinstance(data, (bytes, bytearray, memoryview)):
        return Source(name, read=_once(bytes(data)), in_memory=True)
    if isinstance(data, os.PathLike):
        handle = open(os.fspath(data), "rb")  # noqa: SIM115 - closed by Source.close
        return Source(name, read=reading_method(handle), close=handle.close)
    if callable(getattr(data, "read", None)):
        kept = KEPT.pop(data, None) if weakly_referable(data) else None
        rewind = None if kept else rewinder(data)
        return Source(
            name,
            read=reading_method(data),
            stream=data,
            rewind=rewind,
            kept=kept or b"",
        )
    raise TypeError(
        f"cannot parse a {type(data).__name__}: pass str, bytes, a path or a file object"
    )


def _once(value: bytes | str) -> Callable[[int], bytes | str]:
    """Return a read function giving all of ``value`` at once, then nothing."""
    pending = [value]

    def read(_size: int) -> bytes | str:
        return pending.pop() if pending else value[:0]

    return read


def input_name(data: object) -> str:
    """Return the name an input has in messages when the caller gives none.

    ``"<string>"`` for text, ``"<bytes>"`` for bytes, the path for a path,
    and a file object's ``name`` (``"<stream>"`` when it has none).
    """
    if isinstance(data, str):
        return "<string>"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return "<bytes>"
    if isinstance(data, os.PathLike):
        return str(os.fspath(data))
    name = getattr(data, "name", None)
    return name if isinstance(name, str) else "<stream>"
