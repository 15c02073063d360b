"""The bytes of an input, undecoded, for formats that read binary data (private).

:meth:`newsparse._textio.TextReader.binary` hands one of these to a format
such as ``warc``, whose records are counted in bytes and must reach it
exactly as they are: no decoding, no line-end translation.  Compressed
input is still decompressed as it is read (:mod:`newsparse._compressed`),
and the input limit still counts the (decompressed) bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsparse._compressed import CompressedDataError
from newsparse._errors import ParseError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["ByteInput"]


class ByteInput(io.RawIOBase):
    """A read-only binary file object over the pieces of an input.

    Args:
        pieces: returns the next piece of the input's bytes (up to the size
            asked, or what is held), ``b""`` at the end; raises
            :class:`~newsparse._compressed.CompressedDataError` for bad
            compressed data.
        name: the input's name, for errors.
        format_name: the format reading it, for errors.
        limit: the most bytes that may be read (``max_input_bytes``), or ``None``.
        compression: the compression being undone, if any, for messages.
        start: how many bytes of the input come before these (a byte range
            of it): the limit and the messages count from the input's start.
    """

    def __init__(
        self,
        pieces: Callable[[int], bytes],
        *,
        name: str,
        format_name: str,
        limit: int | None,
        compression: str | None,
        start: int = 0,
    ) -> None:
        super().__init__()
        self._pieces = pieces
        self._name = name
        self._format = format_name
        self._limit = limit
        self._compression = compression
        self._held = b""
        self._offset = start  # bytes handed out so far, from the input's start
        self._ended = False

    def readable(self) -> bool:
        """Say that the stream can be read (it always can)."""
        return True

    def tell(self) -> int:
        """Return how many bytes were read so far."""
        return self._offset

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Read up to ``len(buffer)`` bytes into ``buffer``; ``0`` at the end.

        Raises:
            ParseError: the input goes past the input limit, or its
                compressed data is bad, at this point.
        """
        view = memoryview(buffer).cast("B")
        size = len(view)
        if size == 0:
            return 0
        if not self._held and not self._ended:
            try:
                self._held = bytes(self._pieces(size))
            except CompressedDataError as error:
                self._ended = True
                raise self._error(
                    f"{error} (after {self._offset} bytes of decompressed input)"
                ) from None
            self._ended = not self._held
        chunk, self._held = self._held[:size], self._held[size:]
        if self._limit is not None and self._offset + len(chunk) > self._limit:
            self._ended, self._held = True, b""
            of = "input" if self._compression is None else f"{self._compression}-decompressed input"
            raise self._error(
                f"the {of} is larger than the limit of {self._limit} bytes (max_input_bytes)"
            )
        view[: len(chunk)] = chunk
        self._offset += len(chunk)
        return len(chunk)

    def _error(self, message: str) -> ParseError:
        error = ParseError(message, format=self._format, source=self._name)
        error.fatal = True
        return error
