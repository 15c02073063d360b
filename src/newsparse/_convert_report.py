"""What ``newsparse convert`` tells on stderr: problems, dropped fields, the summary (private).

:class:`Reporter` prints each problem and each dropped field as it happens,
above the progress bar, and counts them per input; :class:`Origins` maps the
place of an article among those rendered back to its input and its number
there, so that a rendering message names both; :func:`print_summary` ends
the report.
"""

from __future__ import annotations

import bisect
import contextlib
import traceback

import attrs
import click

from newsparse._dropping import DropHandler, DroppedField
from newsparse._errors import ParseError, RenderError
from newsparse._parallel import RenderedText, RenderFailure
from newsparse._parts import RenderedPart
from newsparse._progress import ConvertProgress

__all__ = ["STDIN", "Origins", "Reporter", "print_summary"]

STDIN = "-"
"""The name that stands for standard input on the command line."""


class Origins:
    """Which input each article to render came from, so that messages can name it.

    Articles reach the renderer in the order they are read; this keeps where
    each input's run of articles starts (one entry per input, not per article).
    """

    def __init__(self) -> None:
        self.count = 0
        """How many articles went to the renderer."""
        self._starts: list[int] = []
        self._names: list[str] = []
        self._last_input = -1

    def add(self, source: str, articles: int = 1, *, input_number: int = 0) -> int:
        """Count ``articles`` more articles of ``source``; return the position of the first.

        ``input_number`` is the input's place on the command line, so that a
        file named twice counts its articles afresh the second time.
        """
        if not self._names or self._names[-1] != source or self._last_input != input_number:
            self._starts.append(self.count)
            self._names.append(source)
            self._last_input = input_number
        first = self.count
        self.count += articles
        return first

    def place(self, index: int) -> tuple[str, int] | None:
        """Return the input of the article at ``index`` and its position among that input's."""
        run = bisect.bisect_right(self._starts, index) - 1
        if run < 0 or index >= self.count:
            return None
        return self._names[run], index - self._starts[run]


class Reporter:
    """Prints problems and dropped fields to stderr and counts them, per input."""

    def __init__(self, *, debug: bool) -> None:
        self.debug = debug
        self.problems = 0
        self.current: str | None = None
        self.current_number = 0
        """The place of :attr:`current` among the inputs, counted from 0."""
        """The input being read, to which problems are counted."""
        self.by_input: dict[str, int] = {}
        self.origins = Origins()
        self.on_drop: DropHandler | None = None
        """``None``, or :meth:`dropped` with ``--drop-unrepresentable``."""
        self.drops = 0
        self.articles_with_drops = 0
        self.refused = 0
        """Articles the output format refused (a :class:`~newsparse.RenderError`)."""
        self._last_dropped_from: tuple[str | None, int | None] | None = None
        self.progress: ConvertProgress | None = None
        """The progress bar on stderr, cleared while a message is printed."""

    def _echo(self, text: str) -> None:
        """Print ``text`` on stderr, above the progress bar if one is shown."""
        with self.progress.writing_around() if self.progress else contextlib.nullcontext():
            click.echo(text, err=True)

    def note(self, item: object) -> None:
        """Count an article (or a worker's rendered text or refusal) going to the renderer."""
        current, number = self.current or STDIN, self.current_number
        if isinstance(item, (RenderedText, RenderedPart)):
            self.origins.add(current, item.articles, input_number=number)
        elif isinstance(item, RenderFailure):
            first = self.origins.add(current, input_number=number)
            if isinstance(item.error, RenderError):
                item.error.index = first  # rendered alone, as article 0
        else:
            self.origins.add(current, input_number=number)

    def dropped(self, note: DroppedField) -> None:
        """Print a field that was dropped, naming its input and article; count it."""
        placed = None if note.index is None else self.origins.place(note.index)
        if placed is not None:
            note = attrs.evolve(note, source=placed[0], index=placed[1])
        self.drops += 1
        if (note.source, note.index) != self._last_dropped_from:
            self.articles_with_drops += 1
            self._last_dropped_from = (note.source, note.index)
        self._echo(str(note))

    def __call__(self, error: BaseException) -> None:
        self.problems += 1
        if isinstance(error, RenderError):
            self.refused += 1
        where = self.current
        if isinstance(error, RenderError) and error.index is not None:
            placed = self.origins.place(error.index)
            if placed is not None:
                error.source, error.index = placed
                where = error.source
        if where is not None:
            self.by_input[where] = self.by_input.get(where, 0) + 1
        if self.debug:
            self._echo("".join(traceback.format_exception(error)).rstrip("\n"))
        else:
            self._echo(f"error: {error}" if not isinstance(error, ParseError) else str(error))


def print_summary(report: Reporter, inputs: int, *, written: bool) -> None:
    failed = len(report.by_input)
    click.echo(f"{failed} of {inputs} input(s) had problems:", err=True)
    for name, count in report.by_input.items():
        click.echo(f"  {name}: {count} problem(s)", err=True)
    outcome = "the articles read were written" if written else "nothing was written"
    click.echo(f"{report.problems} problem(s); exit status 1; {outcome}", err=True)
    if report.refused and report.on_drop is None:
        click.echo(
            f"hint: the output format cannot hold part of {report.refused} article(s); "
            "--drop-unrepresentable writes them without it and lists each part left out",
            err=True,
        )
