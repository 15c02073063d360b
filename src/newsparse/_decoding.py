"""Decoding a ``Source``'s bytes or text into the chunks a reader reads.

The methods here turn what the source holds into decoded text with universal
line ends, and every problem met on the way (an undecodable byte, bad
compressed data, the input limit) into a :class:`~newsparse.ParseError` with
its line, column and byte offset.  They are a mixin of ``Source``, kept apart
so that each module stays small enough to read in one go.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator

from newsparse._compressed import CompressedDataError, Decompressing
from newsparse._errors import ParseError
from newsparse._textio import CHUNK_SIZE, Position, is_utf8, strip_bom, translate_newlines

__all__ = ["Decoding"]


class Decoding:
    """The decoding half of ``Source``: it reads chunks with ``_next_chunk``."""

    name: str
    compression: str | None
    _read: Callable[[int], bytes | str]
    _error: CompressedDataError | None
    _unchecked: bytes | None = None  # what an unchecked ``_whole_utf8`` returned

    def _next_chunk(self, size: int = 0) -> bytes | str:
        raise NotImplementedError

    def _first_chunk(self, format_name: str) -> bytes | str:
        """Return what the source holds, or the first chunk; a bad start is a ParseError."""
        try:
            return self._next_chunk()
        except CompressedDataError as error:
            raise self._compression_error(error, 0, Position(), format_name) from None

    def _text_chunks(self, limit: int | None, format_name: str) -> Iterator[str]:
        translator = io.IncrementalNewlineDecoder(None, translate=True)
        chunk = self._first_chunk(format_name)
        assert isinstance(chunk, str)
        chunk = chunk.removeprefix("\ufeff")
        position = Position()
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
        self,
        encoding: str,
        format_name: str,
        limit: int | None,
        most: int | None,
        checked: bool = True,
    ) -> bytes:
        """Return all the bytes as UTF-8 with line ends translated (see ``read_utf8``).

        Reading stops early, with an error, past ``limit`` (the input limit)
        or ``most`` (the caller's, an :class:`OverflowError`).  Unless
        ``checked``, bytes read as UTF-8 are returned as they are, neither
        checked nor with their line ends translated; :meth:`_check_utf8`
        checks them later, when the caller asks.
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
        body, actual = strip_bom(data, encoding)
        over = limit is not None and size > limit
        utf8 = not over and self._error is None and actual == "utf-8"
        if utf8 and not checked:
            self._unchecked = data
        elif utf8 and is_utf8(body):
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

    def _check_utf8(self, format_name: str, limit: int | None) -> None:
        """Raise the :class:`~newsparse.ParseError` of the first byte that is not UTF-8.

        That is in the bytes an unchecked ``_whole_utf8`` returned; nothing
        happens when there were none, or they all decode.
        """
        data, self._unchecked = self._unchecked, None
        if data is not None and not is_utf8(data):
            for _ in self._byte_chunks(data, "utf-8", format_name, limit):
                pass  # raises at the bad byte

    def _byte_chunks(
        self, first: bytes | None, encoding: str, format_name: str, limit: int | None
    ) -> Iterator[str]:
        """Decode the bytes: ``first`` (or what the source holds), then the rest."""
        if first is None:
            held = self._first_chunk(format_name)
            assert isinstance(held, bytes)
            first = held
        data, encoding = strip_bom(first, encoding)
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        translator = io.IncrementalNewlineDecoder(decoder, translate=True)
        offset = len(first) - len(data)  # bytes consumed before `data`
        position = Position()
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
                before = translate_newlines(
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
        self, limit: int | None, unit: str, position: Position, format_name: str
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
        self, error: CompressedDataError, offset: int, position: Position, format_name: str
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
