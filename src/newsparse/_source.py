"""Opening an input: its name, a sample for detection, and a decoded text reader.

:func:`open_source` turns whatever the caller passes (text, bytes, a path, a
file object) into a :class:`Source`.  Nothing is read until it is needed; the
decoding itself is in ``newsparse._decoding``, and the reader a format gets
in ``newsparse._textio``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import IO, Any

from newsparse._byte_input import ByteInput
from newsparse._compressed import (
    MAGIC_SIZE,
    CompressedDataError,
    Decompressing,
    compression_of,
    could_be_compressed,
)
from newsparse._decoding import Decoding
from newsparse._fileobjects import KEPT, reading_method, rewinder, weakly_referable
from newsparse._limits import DEFAULT_LIMITS, Limits
from newsparse._textio import (
    BOMS,
    CHUNK_SIZE,
    SAMPLE_SIZE,
    TextReader,
    strip_bom,
    translate_newlines,
)

__all__ = ["Source", "input_name", "open_source"]


class Source(Decoding):
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
        if isinstance(sample, str) or any(sample.startswith(b) for b, _ in BOMS):
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
            return translate_newlines(sample.removeprefix("\ufeff"))
        data, encoding = strip_bom(sample, encoding)
        return translate_newlines(data.decode(encoding, errors="replace"))

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
        """Return the whole input as a ``TextReader``.

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
        reader = TextReader(
            self._byte_chunks(None, encoding, format_name, limit),
            whole_utf8=lambda most, checked: self._whole_utf8(
                encoding, format_name, limit, most, checked
            ),
            check_utf8=lambda: self._check_utf8(format_name, limit),
            limits=limits,
            waiting=waiting,
            binary=lambda: self._byte_input(format_name, limit, reader.byte_offset),
        )
        return reader

    def _byte_input(self, format_name: str, limit: int | None, start: int) -> IO[bytes]:
        """Return the bytes of the input as a file object (see ``TextReader.binary``)."""

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
            start=start,
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
        return any(len(held) < len(bom) and bom.startswith(held) for bom, _ in BOMS)

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


def open_source(data: Any, *, name: str | None = None) -> Source:
    """Open any accepted input as a :class:`Source`; nothing is read yet.

    ``str`` is always content, never a file name: pass a :class:`pathlib.Path`
    to read a file.  A file object is read with ``read1`` when it has one
    (an ``io.BufferedReader``, ``sys.stdin.buffer``), a line at a time
    when it is a text stream that cannot seek (a pipe), and with ``read``
    otherwise, so that what a pipe holds is read without waiting for more.
    What :meth:`Source.give_back` kept of the same stream is read first.
    Bytes compressed with gzip, bzip2 or xz are decompressed as they are read
    (see ``newsparse._compressed``).

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
