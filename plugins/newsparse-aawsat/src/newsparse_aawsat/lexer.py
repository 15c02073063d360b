"""Reading TT text as *runs*: consecutive non-blank lines, with their places.

The general reader (:mod:`newsparse_aawsat.general`) follows the grammar
over runs, with lookahead through a :class:`Queue`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Protocol

from newsparse.plugin import CHUNK_SIZE

from newsparse_aawsat.syntax import MARKER, SEPARATING_BLANKS

__all__ = ["Lexer", "Queue", "Readable", "Run", "marker_run"]


class Run:
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

    def drop(self, count: int) -> Run:
        """Return the run without its first ``count`` lines (some must be left)."""
        return Run(self.start + count, self.lines[count:], 0, self.leads, self.after)

    def head(self, count: int) -> Run:
        """Return the run's first ``count`` lines."""
        return Run(self.start, self.lines[:count], self.gap, self.leads)


class Readable(Protocol):
    """What the lexer needs of its input: ``read(size)``."""

    def read(self, size: int, /) -> str:
        """Read up to ``size`` characters; ``""`` at the end."""
        ...


class Lexer:
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

    def runs(self) -> Iterator[Run]:
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
                    yield Run(start, lines, gap, leads)
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
            yield Run(start, lines, gap, leads, self.eof)


class Queue:
    """The runs still to be read, with lookahead."""

    def __init__(self, runs: Iterator[Run]) -> None:
        self._runs = runs
        self._items: deque[Run] = deque()

    def peek(self, index: int = 0) -> Run | None:
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

    def replace(self, run: Run) -> None:
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
            if run is None or (index and run.gap >= SEPARATING_BLANKS):
                break
            found.extend(run.lines[offset : offset + count - len(found)])
            index, offset = index + 1, 0
        return found


def marker_run(run: Run | None) -> Run | None:
    """Return ``run`` if it ends with the marker and a number, within an article."""
    if run is None or run.gap >= SEPARATING_BLANKS:
        return None
    lines = run.lines
    if len(lines) >= 2 and lines[-2] == MARKER and lines[-1].isdecimal():
        return run
    return None
