"""The general TT reader: every input the grammar accepts, and every error.

It reads the text as *runs* (consecutive non-blank lines) with lookahead, and
follows the grammar and the tolerance rules of :mod:`newsparse_aawsat.format`
to the letter.  :mod:`newsparse_aawsat.canonical` reads canonical text faster
and hands everything else to this reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsparse import Article, Image, ParseError, Section, ValidationError
from newsparse.plugin import ParseItem, check_text

from newsparse_aawsat.lexer import Lexer, Queue, Readable, Run, marker_run
from newsparse_aawsat.syntax import MARKER, NUMBER_KEY, SEPARATING_BLANKS

__all__ = ["GeneralReader", "Readable", "header_score"]

#: The characters the model forbids in text (see :mod:`newsparse._model`);
#: used only to point an error at the right column.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SEPARATING_BLANKS = SEPARATING_BLANKS
# How much of the repeated header an article has (``_Draft.repeated``).
_NOT_REPEATED, _HEADLINE_REPEATED, _HEADER_REPEATED = 0, 1, 2


class _Draft:
    """An article being read: its header, and its paragraph runs so far."""

    __slots__ = ("body", "error", "header", "marker", "repeated", "title")

    def __init__(self, header: Run, marker: Run) -> None:
        self.header = header  # a run of one line: the headline
        self.marker = marker
        self.title = header.lines[0]
        self.body: list[Run] = []
        self.error: ParseError | None = None
        self.repeated = _NOT_REPEATED

    @property
    def image_lines(self) -> list[str]:
        return self.marker.lines[:-2]


def header_score(sample: str) -> float:
    """Score 0.95 when ``sample`` starts with a TT article header, else 0.0."""
    runs = Lexer(_StringReader(sample)).runs()
    first = next(runs, None)
    if first is None or len(first.lines) != 1:
        return 0.0
    return 0.95 if marker_run(next(runs, None)) is not None else 0.0


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
        lexer = Lexer(stream, first_line)
        queue = Queue(lexer.runs())
        draft: _Draft | None = None
        while (run := queue.peek()) is not None:
            marker = marker_run(queue.peek(1))
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
                while (run := queue.peek()) is not None and marker_run(queue.peek(1)) is None:
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

    def _start(self, queue: Queue, header: Run, marker: Run) -> _Draft:
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

    def _skip_repeated_header(self, queue: Queue, draft: _Draft) -> None:
        run = queue.peek()
        if run is None or run.gap >= _SEPARATING_BLANKS or run.lines[0] != draft.title:
            return
        images = draft.image_lines
        if len(run.lines) == 1:
            marker = marker_run(queue.peek(1))
            if marker is not None and marker.lines != images:
                return  # the headline of the next article, which has the same headline
        if images and queue.lines_after_first(len(images)) == images:
            queue.consume_lines(1 + len(images))
            draft.repeated = _HEADER_REPEATED
        else:
            queue.consume_lines(1)
            draft.repeated = _HEADLINE_REPEATED if images else _HEADER_REPEATED

    def _cut_off(self, draft: _Draft, lexer: Lexer) -> ParseError | None:
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

    def _header_error(self, run: Run, following: Run | None, lexer: Lexer) -> ParseError:
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
