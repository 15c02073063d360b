"""The general TT reader: every input the grammar accepts, and every error.

It reads the text as *runs* (consecutive non-blank lines) with lookahead, and
follows the grammar and the tolerance rules of :mod:`newsparse_aawsat.format`
to the letter.  :mod:`newsparse_aawsat.canonical` reads canonical text faster
and hands everything else to this reader.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import Protocol

from newsparse.errors import ParseError, ValidationError
from newsparse.format import ParseItem
from newsparse.model import Article, Image, Section, check_text
from newsparse.textio import CHUNK_SIZE

from newsparse_aawsat.syntax import MARKER, NUMBER_KEY, SEPARATING_BLANKS

__all__ = ["GeneralReader", "Readable", "header_score"]

#: The characters the model forbids in text (see :mod:`newsparse.model`);
#: used only to point an error at the right column.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SEPARATING_BLANKS = SEPARATING_BLANKS
# How much of the repeated header an article has (``_Draft.repeated``).
_NOT_REPEATED, _HEADLINE_REPEATED, _HEADER_REPEATED = 0, 1, 2


class _Run:
    """A run of consecutive non-blank lines, stripped, with its position."""

    __slots__ = ("after", "gap", "leads", "lines", "start")

    def __init__(
        self,
        start: int,
        lines: list[str],
        gap: int,
        leads: dict[int, int] | None,
        after: tuple[int, int] | None = None,
    ) -> None:
        self.start = start
        """Line number of the first line."""
        self.lines = lines
        """The lines, stripped."""
        self.gap = gap
        """How many blank lines come before the run."""
        self.leads = leads
        """Leading whitespace removed, by line number (only where there was some)."""
        self.after = after
        """Position of the end of the input, when the run ends there."""

    @property
    def end(self) -> int:
        """Line number of the last line."""
        return self.start + len(self.lines) - 1

    def position_after(self) -> tuple[int, int]:
        """Line and column just after the run (the next line, or the end of input)."""
        return self.after if self.after is not None else (self.end + 1, 1)

    def column(self, line: int, index: int = 0) -> int:
        """Column (1-based) of character ``index`` of the stripped ``line``."""
        lead = self.leads.get(line, 0) if self.leads else 0
        return lead + index + 1

    def drop(self, count: int) -> _Run:
        """Return the run without its first ``count`` lines (some must be left)."""
        return _Run(self.start + count, self.lines[count:], 0, self.leads, self.after)

    def head(self, count: int) -> _Run:
        """Return the run's first ``count`` lines."""
        return _Run(self.start, self.lines[:count], self.gap, self.leads)


class Readable(Protocol):
    """What the lexer needs of its input: ``read(size)``."""

    def read(self, size: int, /) -> str:
        """Read up to ``size`` characters; ``""`` at the end."""
        ...


class _Lexer:
    """Splits a text stream into runs, a chunk at a time."""

    def __init__(self, stream: Readable, first_line: int = 1) -> None:
        self._stream = stream
        self._first_line = first_line
        self._final_newline = True
        self.eof = (first_line, 1)
        """Line and column of the end of the input (set once it is reached)."""
        self.failure: Exception | None = None
        """What the stream raised (bad bytes, a limit), if it did; the runs end before it."""
        self.blanks_before_failure = 0
        """How many blank lines follow the last run when the stream failed."""

    def _pieces(self) -> Iterator[list[str]]:
        """Yield lists of lines (without their ``"\\n"``), one list per chunk.

        When the stream fails, the pieces end with the last whole line before
        the failure, and :attr:`failure` holds the exception.
        """
        read = self._stream.read
        pending: list[str] = []
        while True:
            try:
                chunk = read(CHUNK_SIZE)
            except Exception as failure:  # raised again by the reader, after what came before
                self.failure = failure
                return
            if not chunk:
                break
            if "\n" not in chunk:
                pending.append(chunk)
                continue
            parts = chunk.split("\n")
            if pending:
                parts[0] = "".join(pending) + parts[0]
            pending = [parts.pop()]
            yield parts
        tail = "".join(pending)
        if tail:
            yield [tail]
        self._final_newline = not tail

    def runs(self) -> Iterator[_Run]:
        """Yield the runs of the input in order; sets :attr:`eof` before the last."""
        number = self._first_line - 1
        gap = 0
        lines: list[str] | None = None
        start = 0
        leads: dict[int, int] | None = None
        raw = ""
        for parts in self._pieces():
            first = number + 1
            for number, raw in enumerate(parts, first):
                text = raw.strip()
                if text:
                    if lines is None:
                        lines = [text]
                        start = number
                        leads = None
                    else:
                        lines.append(text)
                    if text is not raw and raw[0] != text[0]:
                        if leads is None:
                            leads = {}
                        leads[number] = len(raw) - len(raw.lstrip())
                elif lines is not None:
                    yield _Run(start, lines, gap, leads)
                    lines = None
                    gap = 1
                else:
                    gap += 1
        if self.failure is not None:
            # A run the failure cut may have gone on: it is not handed out.
            self.blanks_before_failure = gap if lines is None else 0
            return
        self.eof = (number + 1, 1) if self._final_newline else (number, len(raw) + 1)
        if lines is not None:
            yield _Run(start, lines, gap, leads, self.eof)


class _Queue:
    """The runs still to be read, with lookahead."""

    def __init__(self, runs: Iterator[_Run]) -> None:
        self._runs = runs
        self._items: deque[_Run] = deque()

    def peek(self, index: int = 0) -> _Run | None:
        """Return the run ``index`` places ahead, or ``None`` past the end."""
        items = self._items
        if index < len(items):
            return items[index]
        while len(items) <= index:
            run = next(self._runs, None)
            if run is None:
                return None
            items.append(run)
        return items[index]

    def pop(self) -> None:
        """Forget the first run."""
        self._items.popleft()

    def replace(self, run: _Run) -> None:
        """Put ``run`` in place of the first run."""
        self._items[0] = run

    def consume_lines(self, count: int) -> None:
        """Forget the first ``count`` lines, across runs."""
        while count:
            run = self._items[0]
            if len(run.lines) <= count:
                count -= len(run.lines)
                self._items.popleft()
            else:
                self._items[0] = run.drop(count)
                count = 0

    def lines_after_first(self, count: int) -> list[str]:
        """Return up to ``count`` lines after the first line, within the article."""
        found: list[str] = []
        index, offset = 0, 1
        while len(found) < count:
            run = self.peek(index)
            if run is None or (index and run.gap >= _SEPARATING_BLANKS):
                break
            found.extend(run.lines[offset : offset + count - len(found)])
            index, offset = index + 1, 0
        return found


def _marker_run(run: _Run | None) -> _Run | None:
    """Return ``run`` if it ends with the marker and a number, within an article."""
    if run is None or run.gap >= _SEPARATING_BLANKS:
        return None
    lines = run.lines
    if len(lines) >= 2 and lines[-2] == MARKER and lines[-1].isdecimal():
        return run
    return None


class _Draft:
    """An article being read: its header, and its paragraph runs so far."""

    __slots__ = ("body", "error", "header", "marker", "repeated", "title")

    def __init__(self, header: _Run, marker: _Run) -> None:
        self.header = header  # a run of one line: the headline
        self.marker = marker
        self.title = header.lines[0]
        self.body: list[_Run] = []
        self.error: ParseError | None = None
        self.repeated = _NOT_REPEATED

    @property
    def image_lines(self) -> list[str]:
        return self.marker.lines[:-2]


def header_score(sample: str) -> float:
    """Score 0.95 when ``sample`` starts with a TT article header, else 0.0."""
    runs = _Lexer(_StringReader(sample)).runs()
    first = next(runs, None)
    if first is None or len(first.lines) != 1:
        return 0.0
    return 0.95 if _marker_run(next(runs, None)) is not None else 0.0


_QUOTED_LENGTH = 60


def _quoted(line: str) -> str:
    """Return ``line`` quoted for a message, cut to its start when long.

    Messages name lines by their text, not their number: a piece of a dump
    parsed on its own (``newsparse convert --jobs``) counts its lines from
    its own start, and only the error's line is moved to the whole input's.
    """
    if len(line) > _QUOTED_LENGTH:
        line = line[: _QUOTED_LENGTH - 3] + "..."
    return repr(line)


def _lines_above(count: int) -> str:
    return "the line above" if count == 1 else f"the {count} lines above"


def _starts(whole: str | list[str], lines: list[str]) -> bool:
    """Whether ``lines`` are the start of ``whole``'s lines, the last one possibly cut short.

    ``whole`` is one line or a list of lines; ``lines`` must be fewer, or the
    last one shorter.
    """
    expected = [whole] if isinstance(whole, str) else whole
    count = len(lines)
    if not 0 < count <= len(expected) or lines[:-1] != expected[: count - 1]:
        return False
    last, full = lines[-1], expected[count - 1]
    return full.startswith(last) and (last != full or count < len(expected))


class _StringReader:
    """A :class:`Readable` over a string."""

    def __init__(self, text: str) -> None:
        self._text = text

    def read(self, size: int, /) -> str:
        text, self._text = self._text[:size], self._text[size:]
        return text


class GeneralReader:
    """Reads TT text into articles and errors, for one source."""

    def __init__(self, format_name: str, source: str) -> None:
        self.format_name = format_name
        """The format's name, for errors."""
        self.source = source
        """The input's name, for errors."""

    def parse(self, stream: Readable, first_line: int = 1) -> Iterator[ParseItem]:
        """Read the articles of ``stream``, whose first line is ``first_line``."""
        lexer = _Lexer(stream, first_line)
        queue = _Queue(lexer.runs())
        draft: _Draft | None = None
        while (run := queue.peek()) is not None:
            marker = _marker_run(queue.peek(1))
            if draft is not None:
                if run.gap < _SEPARATING_BLANKS:
                    if marker is None:
                        draft.body.append(run)
                        queue.pop()
                        continue
                    # The run's last line is the headline of the next article.
                    if len(run.lines) > 1:
                        draft.body.append(run.head(len(run.lines) - 1))
                        run = run.drop(len(run.lines) - 1)
                yield self._finish(draft)
                draft = None
            # An article must start here: at the beginning of the input, after
            # three or more blank lines, or after the previous article's body.
            if marker is None and lexer.failure is not None and queue.peek(1) is None:
                break  # the stream failed inside this header: its error tells
            if marker is None:
                yield self._header_error(run, queue.peek(1), lexer)
                queue.pop()
                while (run := queue.peek()) is not None and _marker_run(queue.peek(1)) is None:
                    queue.pop()  # skip to the next article header
                if run is not None and len(run.lines) > 1:
                    queue.replace(run.drop(len(run.lines) - 1))
                continue
            if len(run.lines) > 1:
                yield self._error(
                    "text between articles: an article starts with a single headline line,"
                    " then a blank line",
                    run.start,
                    run.column(run.start),
                    run.lines[0],
                )
                run = run.drop(len(run.lines) - 1)
            queue.replace(run)
            draft = self._start(queue, run, marker)
        if draft is not None and (
            lexer.failure is None or lexer.blanks_before_failure >= _SEPARATING_BLANKS
        ):
            # Before a failure, only a separator shows that the article ended;
            # without one, the failure's error stands for what was cut.
            cut = self._cut_off(draft, lexer) if lexer.failure is None else None
            yield cut if cut is not None else self._finish(draft)
        if lexer.failure is not None:
            raise lexer.failure

    def _start(self, queue: _Queue, header: _Run, marker: _Run) -> _Draft:
        """Read the header at the front of ``queue``: ``header`` (one line), ``marker``."""
        queue.pop()
        queue.pop()
        draft = _Draft(header, marker)
        count = len(marker.lines) - 2
        if count > 2 and count % 2:
            draft.error = self._error(
                f"{count} image lines: write two lines (alt text, caption) per image,"
                " or a single caption line for an article's only image",
                marker.start,
                marker.column(marker.start),
                marker.lines[0],
            )
        self._skip_repeated_header(queue, draft)
        return draft

    def _skip_repeated_header(self, queue: _Queue, draft: _Draft) -> None:
        run = queue.peek()
        if run is None or run.gap >= _SEPARATING_BLANKS or run.lines[0] != draft.title:
            return
        images = draft.image_lines
        if len(run.lines) == 1:
            marker = _marker_run(queue.peek(1))
            if marker is not None and marker.lines != images:
                return  # the headline of the next article, which has the same headline
        if images and queue.lines_after_first(len(images)) == images:
            queue.consume_lines(1 + len(images))
            draft.repeated = _HEADER_REPEATED
        else:
            queue.consume_lines(1)
            draft.repeated = _HEADLINE_REPEATED if images else _HEADER_REPEATED

    def _cut_off(self, draft: _Draft, lexer: _Lexer) -> ParseError | None:
        """Return the error of the input's last article if the input ends inside its header.

        A whole article goes on after its TT number with the repeated header
        (or, without it, a paragraph), so the input may not end right after
        the number, inside the repeated headline (a single line that is only
        the start of the headline), or inside the repeated image lines (after
        the repeated headline, lines that are only the start of the image
        lines).  An input cut inside the body cannot be told from a shorter
        article, and is not reported.
        """
        if draft.error is not None:
            return None  # the header's own error tells
        lines = [line for run in draft.body for line in run.lines]
        where = f"the article with the headline {_quoted(draft.title)}"
        if draft.repeated == _NOT_REPEATED and not lines:
            problem = (
                f"the input ends after the TT number of {where}: a whole article goes on"
                " with its headline repeated, or a paragraph"
            )
        elif draft.repeated == _NOT_REPEATED and len(lines) == 1 and _starts(draft.title, lines):
            problem = f"the input ends inside the repeated headline of {where}"
        elif draft.repeated == _HEADLINE_REPEATED and not lines:
            problem = (
                f"the input ends after the repeated headline of {where}, before its"
                " repeated image lines"
            )
        elif draft.repeated == _HEADLINE_REPEATED and _starts(draft.image_lines, lines):
            problem = f"the input ends inside the repeated image lines of {where}"
        else:
            return None
        line, column = lexer.eof
        return self._error(
            f"{problem}; the article is cut off", line, column, lines[-1] if lines else None
        )

    def _finish(self, draft: _Draft) -> ParseItem:
        if draft.error is not None:
            return draft.error
        lines = draft.image_lines
        paragraphs = [line for run in draft.body for line in run.lines]
        try:
            if not lines:
                images: tuple[Image, ...] = ()
            elif len(lines) == 1:
                images = (Image(caption=lines[0]),)
            else:
                images = tuple(
                    Image(alt=lines[index], caption=lines[index + 1])
                    for index in range(0, len(lines), 2)
                )
            return Article(
                title=draft.title,
                body=(Section(paragraphs=paragraphs),) if paragraphs else (),
                images=images,
                meta={NUMBER_KEY: draft.marker.lines[-1]},
            )
        except ValidationError as error:
            return self._locate(draft, error)

    def _locate(self, draft: _Draft, error: ValidationError) -> ParseError:
        """Turn a model error into a ParseError at the offending character."""
        places = [(draft.header, draft.header.start, draft.title, "the headline")]
        places += [
            (draft.marker, draft.marker.start + index, line, "an image line")
            for index, line in enumerate(draft.image_lines)
        ]
        places += [
            (run, run.start + index, line, "a paragraph")
            for run in draft.body
            for index, line in enumerate(run.lines)
        ]
        for run, number, text, what in places:
            try:
                check_text(what, text, single_line=True)
            except ValidationError as bad:
                found = _FORBIDDEN.search(text)
                index = found.start() if found else 0
                return self._error(
                    f"{what} is not valid text: {bad.reason}",
                    number,
                    run.column(number, index),
                    text,
                )
        header = draft.header
        return self._error(str(error), header.start, header.column(header.start), None)

    def _header_error(self, run: _Run, following: _Run | None, lexer: _Lexer) -> ParseError:
        """Explain why no article header starts with ``run``."""
        headline = f"the headline {_quoted(run.lines[-1])}"
        if following is None:
            line, column = lexer.eof
            return self._error(
                f"the input ends before the TT marker of the article starting with {headline}:"
                " expected a blank line, image lines, 'TT' and a number",
                line,
                column,
                run.lines[-1],
            )
        if following.gap >= _SEPARATING_BLANKS:
            return self._error(
                f"{following.gap} blank lines after {headline}: three or more separate"
                " articles, so the article has no TT marker (expected one or two blank"
                " lines, image lines, 'TT' and a number)",
                run.end + _SEPARATING_BLANKS,
                1,
                None,
            )
        lines = following.lines
        if lines[-1] == MARKER:
            line, column = following.position_after()
            return self._error(
                "expected the TT number on the line after 'TT'",
                line,
                column,
                None,
            )
        if len(lines) >= 2 and lines[-2] == MARKER:
            text = lines[-1]
            index = next((i for i, char in enumerate(text) if not char.isdecimal()), 0)
            return self._error(
                f"expected a number after 'TT', found {text!r}",
                following.end,
                following.column(following.end, index),
                text,
            )
        for index in range(len(lines) - 2):
            if lines[index] == MARKER and lines[index + 1].isdecimal():
                return self._error(
                    "expected a blank line after the TT number",
                    following.start + index + 2,
                    following.column(following.start + index + 2),
                    lines[index + 2],
                )
        line, column = following.position_after()
        return self._error(
            f"no TT marker: expected a line 'TT' and a line with the TT number after"
            f" the image lines ({_lines_above(len(lines))}) of the article"
            f" starting with {headline}",
            line,
            column,
            None,
        )

    def _error(self, message: str, line: int, column: int, excerpt: str | None) -> ParseError:
        return ParseError(
            message,
            format=self.format_name,
            source=self.source,
            line=line,
            column=column,
            excerpt=excerpt,
        )
