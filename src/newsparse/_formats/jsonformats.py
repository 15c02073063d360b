"""The built-in ``json`` and ``jsonl`` formats: newsparse's own lossless documents.

``json``
    A JSON array of article objects (``newsparse._jsonio`` fixes their
    shape), or one article object.  Rendered as the array, indented by two
    spaces, with a final newline.  Read incrementally, one array element at a
    time.
``jsonl``
    JSON Lines: one compact article object per line, blank lines ignored.
    A bad line is reported and the next line is read, so one broken article
    never loses the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from newsparse._blocks import BLOCK_KINDS
from newsparse._errors import ParseError, ValidationError
from newsparse._format import Chunk, Format, ParseItem
from newsparse._jsonio import (
    DuplicateKeyError,
    depth_message,
    from_dict,
    loads,
    nested_deeper,
    strict_decoder,
    to_dict,
)
from newsparse._limits import limits_of, utf8_longer_than
from newsparse._marks import MARK_KINDS
from newsparse._model import Article
from newsparse._textio import CHUNK_SIZE, TextStream

__all__ = ["JsonFormat", "JsonLinesFormat"]

_WHITESPACE = " \t\n\r"
_LENIENT_DECODER = json.JSONDecoder()


def _article_or_error(
    data: object, *, format_name: str, source: str, line: int, column: int
) -> ParseItem:
    try:
        return from_dict(data)
    except ValidationError as error:
        return ParseError(str(error), format=format_name, source=source, line=line, column=column)


def _looks_like_article_json(sample: str) -> bool:
    return '"title"' in sample


class JsonFormat(Format):
    """A JSON array of newsparse article objects (or a single object)."""

    name = "json"
    label = "newsparse JSON"
    extensions = (".json",)
    media_types = ("application/json",)
    blocks = BLOCK_KINDS
    marks = MARK_KINDS

    def sniff(self, sample: str) -> float:
        """Score ``[`` or ``{`` followed by article keys high."""
        start = sample.lstrip(_WHITESPACE)
        if start.startswith("["):
            inner = start[1:].lstrip(_WHITESPACE)
            if inner.startswith("]"):
                return 0.5
            if inner.startswith("{"):
                return 0.8 if _looks_like_article_json(sample) else 0.2
        if start.startswith("{"):
            return 0.8 if _looks_like_article_json(sample) else 0.2
        return 0.0

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read the array one element at a time (see the module docstring)."""
        scanner = _Scanner(stream, source, self.name)
        first = scanner.skip_whitespace()
        if first == "{":
            yield scanner.element()
        elif first == "[":
            scanner.advance(1)
            if scanner.skip_whitespace() == "]":
                scanner.advance(1)
            else:
                while True:
                    if scanner.skip_whitespace() == "":
                        raise scanner.error("the array is not closed: expected ']'")
                    yield scanner.element()
                    separator = scanner.skip_whitespace()
                    scanner.advance(1)
                    if separator == "]":
                        break
                    if separator != ",":
                        raise scanner.error("expected ',' or ']' after an article", column_shift=-1)
        else:
            found = repr(first) if first else "the end of the input"
            raise scanner.error(f"expected a JSON array or object, found {found}")
        if scanner.skip_whitespace() != "":
            raise scanner.error("unexpected data after the JSON document")

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write the articles as an indented JSON array."""
        separator = "[\n"
        for article in articles:
            text = json.dumps(to_dict(article), ensure_ascii=False, indent=2)
            out.write(separator + "  " + text.replace("\n", "\n  "))
            separator = ",\n"
        out.write("[]\n" if separator == "[\n" else "\n]\n")


class JsonLinesFormat(Format):
    """One newsparse article object per line."""

    name = "jsonl"
    label = "newsparse JSON Lines"
    extensions = (".jsonl", ".ndjson")
    media_types = ("application/jsonl", "application/x-ndjson")
    joinable = True
    blocks = BLOCK_KINDS
    marks = MARK_KINDS

    def sniff(self, sample: str) -> float:
        """Score lines that each hold a complete article object."""
        lines = [line for line in sample.split("\n")[:3] if line.strip(_WHITESPACE)]
        if not lines or not lines[0].lstrip().startswith("{"):
            return 0.0
        try:
            json.loads(lines[0])
        except ValueError:
            return 0.0
        if not _looks_like_article_json(lines[0]):
            return 0.1
        # A single line is also a valid ``json`` document; let that win.
        return 0.9 if len(lines) > 1 else 0.7

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read one article per non-blank line; a bad line is reported, not fatal.

        A line longer than the article limit is reported without being held
        in memory whole (``newsparse._limits``).
        """
        limits = limits_of(stream)
        most = limits.max_article_bytes
        cap = -1 if most is None else most + 1  # characters: never fewer than bytes
        number = 0
        while line := stream.readline(cap):
            number += 1
            if utf8_longer_than(line.removesuffix("\n"), most):
                _skip_line(stream, line)
                yield ParseError(
                    f"the line is longer than the limit of {most} bytes (max_article_bytes)",
                    format=self.name,
                    source=source,
                    line=number,
                    column=1,
                )
                continue
            text = line.rstrip("\n")
            if not text.strip(_WHITESPACE):
                continue
            try:
                data = loads(
                    text, source=source, format=self.name, line=number, max_depth=limits.max_depth
                )
            except ParseError as error:
                yield error
                continue
            yield _article_or_error(
                data, format_name=self.name, source=source, line=number, column=1
            )

    def split(self, stream: TextStream, size: int) -> Iterator[Chunk]:
        """Cut the input between lines, into chunks of about ``size`` characters.

        Every line is an article (or a blank line), so any line end is an
        article boundary.  A line over the article limit is not held whole:
        the chunk gets only as much of it as :meth:`parse` needs to report it.
        """
        most = limits_of(stream).max_article_bytes
        cap = -1 if most is None else most + 1
        number = 1
        block = ""
        try:
            while block := stream.read(size):
                if not block.endswith("\n"):
                    block += stream.readline(cap)  # the rest of the last line
                if most is not None and 4 * len(block) > most:  # UTF-8: 4 bytes a character
                    block = _clip_long_lines(block, stream, most, cap)
                yield Chunk(block, number)
                number += block.count("\n")
        except ParseError:
            # parse() reads the lines before the error, not the line it cuts.
            whole = block[: block.rfind("\n") + 1]
            if whole:
                yield Chunk(whole, number)
            raise

    def cut_points(self, window: bytes) -> Iterator[int]:
        """Name the place after every line feed of ``window``: each line is read on its own.

        A line's number is all that ties it to the lines before, and the
        ranges' errors get the lines of the whole input.  A ``\\r\\n`` is
        never split (the cut comes after its ``\\n``).
        """
        place = window.find(b"\n")
        while 0 <= place < len(window) - 1:
            yield place + 1
            place = window.find(b"\n", place + 1)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write one compact JSON object per line."""
        for article in articles:
            out.write(json.dumps(to_dict(article), ensure_ascii=False) + "\n")


def _clip_long_lines(block: str, stream: TextStream, most: int, cap: int) -> str:
    """Cut the lines of ``block`` over ``most`` bytes to ``cap`` characters.

    That is enough for :meth:`JsonLinesFormat.parse` to report them; the rest
    of a long last line is read past in ``stream``.
    """
    lines = block.split("\n")  # the last is what follows the last line end
    for index, text in enumerate(lines):
        if utf8_longer_than(text, most):
            lines[index] = text[:cap]
            if index == len(lines) - 1:  # cut short by the read: read past the rest
                _skip_line(stream, text)
                lines[index] += "\n"
    return "\n".join(lines)


def _skip_line(stream: TextStream, start: str) -> None:
    """Read past the rest of the line that begins with ``start``, a piece at a time."""
    line = start
    while line and not line.endswith("\n"):
        line = stream.readline(CHUNK_SIZE)


class _Scanner:
    """Reads JSON values one at a time from a text stream, tracking positions."""

    def __init__(self, stream: TextStream, source: str, format_name: str) -> None:
        self._stream = stream
        self._source = source
        self._format = format_name
        limits = limits_of(stream)
        self._most = limits.max_article_bytes
        self._max_depth = limits.max_depth
        self._buffer = ""
        self._pos = 0
        self._line = 1  # line and column of self._buffer[0]
        self._column = 1
        self._eof = False

    def _read_more(self, size: int = CHUNK_SIZE) -> bool:
        if self._eof:
            return False
        chunk = self._stream.read(size)
        if not chunk:
            self._eof = True
            return False
        self._buffer += chunk
        return True

    def _forget_consumed(self) -> None:
        done = self._buffer[: self._pos]
        newlines = done.count("\n")
        if newlines:
            self._line += newlines
            self._column = len(done) - done.rfind("\n")
        else:
            self._column += len(done)
        self._buffer = self._buffer[self._pos :]
        self._pos = 0

    def position(self, pos: int | None = None) -> tuple[int, int]:
        """Return the line and column of ``pos`` in the buffer (default: here)."""
        pos = self._pos if pos is None else pos
        before = self._buffer[:pos]
        newlines = before.count("\n")
        if newlines:
            return self._line + newlines, pos - before.rfind("\n")
        return self._line, self._column + pos

    def skip_whitespace(self) -> str:
        """Skip JSON whitespace and return the next character ("" at the end)."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in _WHITESPACE:
                self._pos += 1
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            self._forget_consumed()
            if not self._read_more():
                return ""

    def advance(self, count: int) -> None:
        """Move past ``count`` characters already looked at."""
        self._pos += count

    def element(self) -> ParseItem:
        """Decode the JSON value here and turn it into an article or an error."""
        self._forget_consumed()
        line, column = self._line, self._column
        try:
            data = self._decode(strict_decoder)
        except DuplicateKeyError as error:
            # Valid JSON all the same: step over it and report this article only.
            self._decode(_LENIENT_DECODER)
            return ParseError(
                str(error), format=self._format, source=self._source, line=line, column=column
            )
        return _article_or_error(
            data, format_name=self._format, source=self._source, line=line, column=column
        )

    def _decode(self, decoder: json.JSONDecoder) -> object:
        """Decode one value at the current position, reading more input as needed.

        A value cut by the end of the buffer fails to decode somewhere near
        that end; reading more and trying again either succeeds or fails at
        the same place, which is then a real error.  Only an unterminated
        string keeps failing at its start while more input is still needed.
        """
        size = CHUNK_SIZE
        last_failure: tuple[int, str] | None = None
        start = self._pos
        while True:
            try:
                data, self._pos = decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as error:
                failure = (error.pos, error.msg)
                unterminated = error.msg.startswith("Unterminated string")
                if (failure == last_failure and not unterminated) or not self._read_more(size):
                    raise self._syntax_error(error) from None
                if self._most is not None and len(self._buffer) - self._pos > self._most:
                    raise self._too_large() from None
                last_failure = failure
                size *= 2
            except RecursionError:
                raise self.error(depth_message(None)) from None
            else:
                text = self._buffer[start : self._pos]
                if utf8_longer_than(text, self._most):
                    raise self._too_large()
                if nested_deeper(text, data, self._max_depth):
                    raise self._error_at_start(depth_message(self._max_depth))
                return data

    def _too_large(self) -> ParseError:
        """Return the error for an article over the size limit, at its start."""
        return self._error_at_start(
            f"the article is larger than the limit of {self._most} bytes (max_article_bytes)"
        )

    def _error_at_start(self, message: str) -> ParseError:
        """Return an error at the start of the value being decoded."""
        return ParseError(
            message,
            format=self._format,
            source=self._source,
            line=self._line,
            column=self._column,
        )

    def _syntax_error(self, error: json.JSONDecodeError) -> ParseError:
        line, column = self.position(error.pos)
        return ParseError(
            f"invalid JSON: {error.msg}",
            format=self._format,
            source=self._source,
            line=line,
            column=column,
            excerpt=self._buffer[max(0, error.pos - 20) : error.pos + 20],
        )

    def error(self, message: str, *, column_shift: int = 0) -> ParseError:
        """Return a :class:`~newsparse.ParseError` at the current position."""
        line, column = self.position()
        return ParseError(
            message,
            format=self._format,
            source=self._source,
            line=line,
            column=max(1, column + column_shift),
        )
