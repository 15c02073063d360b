r"""The transmission framing ANPA 1312 and IPTC 7901 share, and the decoding rule.

Both standards frame each story with ASCII control codes::

    [SYN SYN] SOH header STX text ETX trailer EOT

:func:`transmissions` cuts a decoded input into :class:`Story` pieces at
those codes, streaming (one story in memory at a time), and remembers where
each line of a story starts, so that errors point at the line and column an
editor shows.  What lies between two stories (SYN, NUL, DEL, form feeds,
Ctrl-Z, spaces and line ends) is padding; any other text there is reported.

The bytes were decoded by :mod:`newsparse_wire.charset` (the decoding rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsparse import ParseError
from newsparse.plugin import CHUNK_SIZE, TextStream, limits_of

__all__ = [
    "EOT",
    "ETX",
    "SOH",
    "STX",
    "Line",
    "Outside",
    "Story",
    "transmissions",
]

SOH = "\x01"
"""Start of heading: a story's header follows."""
STX = "\x02"
"""Start of text: the story's text follows."""
ETX = "\x03"
"""End of text: the trailer follows."""
EOT = "\x04"
"""End of transmission: the story is over."""

PADDING = frozenset("\x00\x16\x7f\x0c\x0b\x1a\x03\x04 \t\n\r")
"""What may lie between stories: NUL, SYN, DEL, form feed, vertical tab,
Ctrl-Z, a stray ETX or EOT, and white space."""

_BOUNDARY = re.compile("[\x01\x02\x03\x04]")


@dataclass(frozen=True)
class Line:
    """One line of a part of a story, without its line end."""

    text: str
    """The characters of the line (control codes included)."""
    line: int
    """The line of the input it is on, from 1."""
    column: int
    """The column of the input where :attr:`text` starts, from 1."""


@dataclass
class Story:
    """One transmission: the lines of its header, its text and its trailer."""

    line: int
    """The line where the story starts (its SOH, or its STX without a header)."""
    column: int
    """The column of that start."""
    header: list[Line] = field(default_factory=list)
    """The lines between SOH and STX (empty without SOH)."""
    text: list[Line] = field(default_factory=list)
    """The lines between STX and ETX."""
    trailer: list[Line] = field(default_factory=list)
    """The lines between ETX and EOT (or the end of the story)."""
    has_header: bool = False
    """Whether the story starts with SOH."""
    has_text: bool = False
    """Whether an STX was found."""
    has_end: bool = False
    """Whether an ETX ends the text."""
    end: tuple[int, int] = (1, 1)
    """Where the story ends: the line and column after its last character."""


@dataclass(frozen=True)
class Outside:
    """Text between stories that is not padding: reported, never read."""

    line: int
    """Where the text starts."""
    column: int
    """Its column."""
    excerpt: str
    """The start of that text."""


def _advance(line: int, column: int, text: str) -> tuple[int, int]:
    """Return the place after ``text`` when it starts at ``line``, ``column``."""
    breaks = text.count("\n")
    if breaks:
        return line + breaks, len(text) - text.rindex("\n")
    return line, column + len(text)


def _lines(text: str, line: int, column: int) -> list[Line]:
    """Cut ``text``, which starts at ``line``, ``column``, into :class:`Line` objects."""
    found = []
    for number, piece in enumerate(text.split("\n")):
        found.append(Line(piece, line + number, column if number == 0 else 1))
    return found


def _story(text: str, line: int, column: int) -> Story:
    """Split the characters of one story into its parts."""
    story = Story(line=line, column=column, end=_advance(line, column, text))
    at = 0
    if text.startswith(SOH):
        story.has_header = True
        stx = text.find(STX)
        header_end = stx if stx >= 0 else len(text)
        story.header = _lines(text[1:header_end], line, column + 1)
        at = header_end
    if at < len(text) and text[at] == STX:
        story.has_text = True
        etx = text.find(ETX, at)
        text_end = etx if etx >= 0 else len(text)
        start = _advance(line, column, text[: at + 1])
        story.text = _lines(text[at + 1 : text_end], *start)
        if etx >= 0:
            story.has_end = True
            rest = text[etx + 1 :]
            rest = rest.removesuffix(EOT)
            story.trailer = _lines(rest, *_advance(line, column, text[: etx + 1]))
    return story


def _story_end(pending: str, start: int, final: bool) -> int | None:
    """Return where the story starting at ``pending[start]`` ends, or ``None`` to read more.

    A story ends after its EOT, or before the SOH of the next story, or,
    once its ETX was seen, before an STX (the next story without a header).
    """
    after_text = False
    for match in _BOUNDARY.finditer(pending, start + 1):
        code = match.group()
        if code == EOT:
            return match.end()
        if code == SOH:
            return match.start()
        if code == ETX:
            after_text = True
        elif code == STX and after_text:
            return match.start()
    return len(pending) if final else None


def _outside(text: str) -> int | None:
    """Return the index of the first character of ``text`` that is not padding."""
    for index, char in enumerate(text):
        if char not in PADDING:
            return index
    return None


def transmissions(stream: TextStream, source: str, format_name: str) -> Iterator[Story | Outside]:
    """Read ``stream`` and yield each story, and each run of text outside stories.

    Raises:
        ParseError: a story is longer than the article size limit.
    """
    limit = limits_of(stream).max_article_bytes
    pending = ""
    line, column = 1, 1
    final = False
    while not final:
        # Reading as much again as is held keeps a long story linear to read.
        chunk = stream.read(max(CHUNK_SIZE, len(pending)))
        final = not chunk
        pending += chunk
        while pending:
            start_match = re.search("[\x01\x02]", pending)
            start = start_match.start() if start_match else len(pending)
            if start_match is None and not final:
                yield from _report_outside(pending, line, column)
                line, column = _advance(line, column, pending)
                pending = ""
                break
            yield from _report_outside(pending[:start], line, column)
            line, column = _advance(line, column, pending[:start])
            pending = pending[start:]
            if not pending:
                break
            end = _story_end(pending, 0, final)
            if end is None:
                if limit is not None and len(pending) > limit:
                    raise _too_long(source, format_name, line, column, limit)
                break
            yield _story(pending[:end], line, column)
            line, column = _advance(line, column, pending[:end])
            pending = pending[end:]


def _report_outside(text: str, line: int, column: int) -> Iterator[Outside]:
    """Yield an :class:`Outside` for ``text`` when it is more than padding."""
    index = _outside(text)
    if index is not None:
        where = _advance(line, column, text[:index])
        yield Outside(where[0], where[1], text[index : index + 40].split("\n", maxsplit=1)[0])


def _too_long(source: str, format_name: str, line: int, column: int, limit: int) -> ParseError:
    error = ParseError(
        f"a story longer than the article size limit ({limit} bytes) starts here",
        format=format_name,
        source=source,
        line=line,
        column=column,
    )
    error.fatal = True
    return error
