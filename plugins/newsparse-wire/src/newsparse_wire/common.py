"""What the two wire readers share: control codes, checked text, the body, the errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone

from newsparse import Article, ParseError, Section, ValidationError
from newsparse.plugin import check_text

from newsparse_wire.framing import PADDING, Line, Outside, Story

__all__ = [
    "BodyBuilder",
    "StoryError",
    "StoryReader",
    "items",
    "outside_error",
    "sample_head",
    "split_byline",
    "strip_quad",
    "undouble",
    "utc",
]

CODE_NAMES = {
    0x00: "NUL", 0x01: "SOH", 0x02: "STX", 0x03: "ETX", 0x04: "EOT", 0x05: "ENQ",
    0x06: "ACK", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x0E: "SO",
    0x0F: "SI", 0x10: "DLE", 0x11: "DC1", 0x12: "DC2", 0x13: "DC3", 0x14: "DC4",
    0x15: "NAK", 0x16: "SYN", 0x17: "ETB", 0x18: "CAN", 0x19: "EM", 0x1A: "SUB",
    0x1B: "ESC", 0x1C: "FS", 0x1D: "GS", 0x1E: "RS", 0x1F: "US", 0x7F: "DEL",
}  # fmt: skip
"""The names of the control codes, for messages."""

SILENT = "\x00\x16\x7f\x0c\x0b\x1a"
"""Codes dropped without a word wherever they are: NUL, SYN and DEL (line
padding), form feed and vertical tab (paper movement), Ctrl-Z."""

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def code_name(char: str) -> str:
    """Return ``"DLE (0x10)"`` for a control character."""
    return f"{CODE_NAMES.get(ord(char), 'control code')} (0x{ord(char):02X})"


class StoryError(Exception):
    """Raised inside a reader to give up one story; carries the ParseError."""

    def __init__(self, error: ParseError) -> None:
        super().__init__(error.message)
        self.error = error


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime | None:
    """Return the UTC datetime, or ``None`` when the numbers make no date."""
    try:
        return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)
    except ValueError:
        return None


_BYLINE_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s*&\s*")


def split_byline(byline: str) -> tuple[str, ...]:
    """Return the names of a byline without its ``By``: ``By A and B`` -> ``(A, B)``."""
    text = re.sub(r"^by\s+", "", byline.strip(), flags=re.IGNORECASE)
    return tuple(name.strip() for name in _BYLINE_SPLIT.split(text) if name.strip())


class StoryReader:
    """The state of reading one story: where errors go and how text is checked."""

    def __init__(self, story: Story, source: str, format_name: str) -> None:
        self.story = story
        self.source = source
        self.format_name = format_name
        self.diagnostics: list[ParseError] = []
        self._reported: set[str] = set()

    def read(self) -> Article:
        """Read the story; raise :class:`StoryError` to give it up."""
        raise NotImplementedError

    def error(self, message: str, line: int, column: int, excerpt: str | None = None) -> ParseError:
        """Return a ParseError of this story's format and source."""
        return ParseError(
            message,
            format=self.format_name,
            source=self.source,
            line=line,
            column=column,
            excerpt=excerpt,
        )

    def fail(self, message: str, line: int, column: int, excerpt: str | None = None) -> StoryError:
        """Return the exception that gives up this story."""
        return StoryError(self.error(message, line, column, excerpt))

    def clean(self, line: Line, keep: str = "", start: int = 0) -> str:
        """Return ``line.text[start:]`` without control codes.

        Tabs and the codes in ``keep`` stay; the codes in :data:`SILENT` go
        quietly; any other is dropped and reported once per story, as a
        diagnostic that follows the article.
        """
        text = line.text[start:]
        if not _CONTROL.search(text):
            return text
        kept = []
        for index, char in enumerate(text):
            if char in keep or not _CONTROL.match(char):
                kept.append(char)
            elif char not in SILENT and char not in self._reported:
                self._reported.add(char)
                self.diagnostics.append(
                    self.error(
                        f"dropped the control code {code_name(char)}, which has no meaning here",
                        line.line,
                        line.column + start + index,
                    )
                )
        return "".join(kept)

    def checked(self, field: str, value: str, line: Line, *, single_line: bool = True) -> str:
        """Return ``value`` if the model accepts it for ``field``; else give up the story."""
        try:
            return check_text(field, value, single_line=single_line)
        except ValidationError as error:
            raise self.fail(f"{field}: {error.reason}", line.line, line.column, line.text) from None

    def article(self, body: BodyBuilder, **fields: object) -> Article:
        """Build the article, turning a model refusal into this story's error."""
        try:
            return Article(body=body.sections(), **fields)  # type: ignore[arg-type]
        except ValidationError as error:
            raise self.fail(
                f"{error.field}: {error.reason}", self.story.line, self.story.column
            ) from None


class BodyBuilder:
    """Collects paragraphs into sections, joining a paragraph's lines with a space."""

    def __init__(self) -> None:
        self._sections: list[tuple[str | None, list[str]]] = [(None, [])]
        self._lines: list[str] = []

    def heading(self, text: str) -> None:
        """Start a section with ``text`` as its heading."""
        self.end_paragraph()
        self._sections.append((text, []))

    def line(self, text: str, *, new_paragraph: bool = False) -> None:
        """Add a line of text: to the paragraph being read, or as a new one."""
        text = text.strip()
        if new_paragraph:
            self.end_paragraph()
        if text:
            self._lines.append(text)

    def paragraph(self, text: str) -> None:
        """Add ``text`` as a paragraph of its own."""
        self.end_paragraph()
        self.line(text)
        self.end_paragraph()

    def end_paragraph(self) -> None:
        """End the paragraph being read (a blank line)."""
        if self._lines:
            self._sections[-1][1].append(" ".join(self._lines))
            self._lines = []

    def paragraphs(self) -> list[str]:
        """Return the paragraphs so far, all sections together."""
        self.end_paragraph()
        return [text for _, texts in self._sections for text in texts]

    def take_first(self, wanted: Callable[[str], bool]) -> str | None:
        """Remove and return the first paragraph if ``wanted`` says so."""
        self.end_paragraph()
        texts = self._sections[0][1]
        if texts and wanted(texts[0]):
            return texts.pop(0)
        return None

    def pop_last(self) -> str | None:
        """Remove and return the last paragraph of the last section, if it has one."""
        self.end_paragraph()
        texts = self._sections[-1][1]
        return texts.pop() if texts else None

    def sections(self) -> tuple[Section, ...]:
        """Return the sections, leaving out an empty first one."""
        self.end_paragraph()
        return tuple(
            Section(heading=heading, paragraphs=texts)
            for heading, texts in self._sections
            if heading is not None or texts
        )


def outside_error(item: Outside, source: str, format_name: str) -> ParseError:
    """Return the error for text found outside every story."""
    return ParseError(
        "text outside a transmission (no SOH or STX before it)",
        format=format_name,
        source=source,
        line=item.line,
        column=item.column,
        excerpt=item.excerpt,
    )


def items(
    stories: Iterator[Story | Outside],
    source: str,
    format_name: str,
    read: type[StoryReader],
) -> Iterator[Article | ParseError]:
    """Read each story with ``read``: its article then its diagnostics, or its error."""
    for story in stories:
        if isinstance(story, Outside):
            yield outside_error(story, source, format_name)
            continue
        reader = read(story, source, format_name)
        try:
            article = reader.read()
        except StoryError as error:
            yield error.error
            continue
        yield article
        yield from reader.diagnostics


def strip_quad(text: str) -> str:
    """Return ``text`` stripped, without one typesetting end code (``<``, ``=`` or ``>``)."""
    text = text.strip()
    if text[-1:] in ("<", "=", ">"):
        text = text[:-1].rstrip()
    return text


def sample_head(sample: str) -> tuple[str, str] | None:
    """Return what precedes the first SOH of ``sample`` and the header after it.

    ``None`` when the sample does not start (after padding) with SOH, or has
    no STX within its first 4096 characters while it is longer than that.
    """
    head = sample[:4096]
    soh = head.find("\x01")
    if soh < 0 or any(char not in PADDING for char in head[:soh]):
        return None
    stx = head.find("\x02", soh)
    if stx < 0 and len(sample) > len(head):
        return None
    return head[:soh], head[soh + 1 : stx if stx >= 0 else len(head)]


_DOUBLED_BREAK = 3


def undouble(lines: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """Undo doubled line ends (``CR CR LF``, which reads as two line ends).

    The text has them when no two lines with text are neighbours, every run
    of blank lines between two of them is odd, and one run has three lines or
    more (a paragraph break, doubled).  Then a run of ``2n + 1`` blank lines
    stands for ``n`` of them.  Otherwise the lines are returned as they are.
    """
    runs: list[int] = []
    run = None  # None until the first line with text
    for _, text in lines:
        if text.strip():
            if run is not None:
                runs.append(run)
            run = 0
        elif run is not None:
            run += 1
    doubled = runs and all(n % 2 == 1 for n in runs) and max(runs) >= _DOUBLED_BREAK
    if not doubled:
        return lines
    kept: list[tuple[Line, str]] = []
    blank: list[tuple[Line, str]] = []
    for item in lines:
        if item[1].strip():
            if kept:
                kept.extend(blank[: len(blank) // 2])
            else:
                kept.extend(blank)
            blank = []
            kept.append(item)
        else:
            blank.append(item)
    return kept + blank
