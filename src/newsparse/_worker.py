"""What a worker process of ``convert --jobs`` does with one task.

A task is a group of whole small files, a chunk of a split input, or a
byte range of a large file (``newsparse._ranges``); :func:`run_task` parses
it, and renders its articles when the output format lets workers render,
and returns one :class:`Outcome` per input it covered.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeAlias

import attrs

from newsparse._api import get_format, iter_parse, render
from newsparse._errors import NewsparseError, ParseError, portable
from newsparse._format import as_input
from newsparse._limits import Limits
from newsparse._model import Article
from newsparse._parts import PartWriter, RenderedPart
from newsparse._ranges import ByteRange, range_stream

__all__ = [
    "Item",
    "Outcome",
    "Piece",
    "RenderFailure",
    "RenderedText",
    "Settings",
    "Task",
    "Whole",
    "count_articles",
    "rendered",
    "run_task",
]


class RenderedText(str):
    """The text of one or more consecutive articles that a worker rendered.

    It is the ``str`` of their texts joined; :attr:`articles` says how many
    articles it holds, so that the articles after it can be counted (and
    named in messages) as a serial render counts them.
    """

    articles: int
    """The number of articles whose texts this is."""

    def __new__(cls, text: str, articles: int) -> RenderedText:
        """Make the text of ``articles`` articles."""
        made = super().__new__(cls, text)
        made.articles = articles
        return made

    def __reduce__(self) -> tuple[type[RenderedText], tuple[str, int]]:
        return (type(self), (str(self), self.articles))


@attrs.frozen
class RenderFailure:
    """An article that the output format refused (when workers render)."""

    error: NewsparseError
    """The :class:`~newsparse.RenderError` (or plugin fault) that rendering raised.

    The article was rendered alone, so a ``RenderError`` has ``index`` 0:
    the receiver sets it to the article's place among those it renders."""


Item: TypeAlias = Article | RenderedText | RenderedPart | RenderFailure | NewsparseError | OSError
"""What comes back for an input: an article (or its rendered text, or where
a worker wrote it, when the workers render), or the error that was reported
in its place."""


@attrs.frozen
class Whole:
    """Parse a whole file."""

    path: str
    format: str | None
    size: int = 0
    """The file's size in bytes when the task was made."""


@attrs.frozen
class Piece:
    """Parse one chunk of a split input."""

    source: str
    format: str
    text: str
    line: int
    size: int = 0
    """About how many bytes of the input the chunk holds (0 for stdin)."""


Task: TypeAlias = tuple[Whole, ...] | Piece | ByteRange


@attrs.frozen
class Outcome:
    """The items of one input (or of one chunk), and whether the last ended the parse."""

    items: list[Item]
    fatal: bool = False
    articles: int = 0
    """How many articles were read (before any was rendered)."""
    size: int = 0
    """How many bytes of the input the task covered."""
    lines: int | None = None
    """For a byte range: the lines it holds; its errors' lines count from its start."""
    part: str | None = None
    """The part file that holds the texts of its :class:`RenderedPart` items, if any."""


@attrs.frozen
class Settings:
    """What every task is parsed with."""

    limits: Limits
    render: str | None
    """The output format, when the workers render (see :func:`iter_parse_inputs`)."""
    parts: str | None = None
    """The folder in which workers write what they render (``newsparse._parts``);
    ``None``: they send it back as text."""


def run_task(task: Task, settings: Settings) -> list[Outcome]:
    """Parse one task in a worker process (a top-level function, which ``spawn`` can pickle)."""
    if isinstance(task, ByteRange):  # counted and rendered as it is parsed: less memory
        outcomes = [_parse_range(task, settings)]
    else:
        if isinstance(task, Piece):
            outcomes = [attrs.evolve(_parse_piece(task, settings.limits), size=task.size)]
        else:
            outcomes = [
                attrs.evolve(_parse_whole(whole, settings.limits), size=whole.size)
                for whole in task
            ]
        outcomes = [attrs.evolve(o, articles=count_articles(o.items)) for o in outcomes]
        if settings.render is not None:
            outcomes = [_render_outcome(o, settings) for o in outcomes]
    for outcome in outcomes:
        _make_portable(outcome.items)
    return outcomes


def _render_outcome(outcome: Outcome, settings: Settings) -> Outcome:
    """Put the text of each article of ``outcome`` in its place (in a part file, if asked)."""
    sink = None if settings.parts is None else PartWriter(settings.parts)
    try:
        items, _ = _rendered_counted(outcome.items, settings.render, sink)
    finally:
        if sink is not None:
            sink.close()
    return attrs.evolve(outcome, items=items, part=None if sink is None else sink.path)


def _make_portable(items: list[Item]) -> None:
    """Make the errors among ``items`` pickle whatever their chain (see :func:`portable`)."""
    for item in items:
        if isinstance(item, BaseException):
            portable(item)
        elif isinstance(item, RenderFailure):
            portable(item.error)


def count_articles(items: list[Item]) -> int:
    return sum(isinstance(item, Article) for item in items)


def rendered(items: Iterable[Item], target: str) -> list[Item]:
    """Put the text of each article in its place; consecutive texts are joined."""
    return _rendered_counted(items, target)[0]


_BATCH = 64
"""Articles rendered by one call (a call per article costs a third more)."""


def _rendered_counted(
    items: Iterable[Item], target: str | None, sink: PartWriter | None = None
) -> tuple[list[Item], int]:
    """Render the articles among ``items`` as they come (if ``target``); count them too.

    Only the texts are kept, and at most :data:`_BATCH` articles at a time;
    with a ``sink``, the texts are written to its part file and a
    :class:`RenderedPart` says where each run of them lies.
    Articles are rendered :data:`_BATCH` at a time (the format is joinable:
    a list renders as its articles one after the other); when the format
    refuses one of a batch, its articles are rendered one by one, so that
    the refused one is told apart.
    """
    out: list[Item] = []
    texts: list[str] = []
    held = 0  # the articles whose texts are in texts
    batch: list[Article] = []
    articles = 0

    def flush() -> None:
        render_batch()
        flush_texts()

    def render_batch() -> None:
        nonlocal held
        if not batch or target is None:
            return
        try:
            texts.append(render(batch, target))
            held += len(batch)
        except NewsparseError:
            for article in batch:
                try:
                    texts.append(render([article], target))
                    held += 1
                except NewsparseError as error:
                    flush_texts()
                    out.append(RenderFailure(error))
        batch.clear()

    def flush_texts() -> None:
        nonlocal held
        if texts:
            text = "".join(texts)
            out.append(RenderedText(text, held) if sink is None else sink.add(text, held))
            texts.clear()
            held = 0

    for item in items:
        if isinstance(item, Article):
            articles += 1
            if target is None:
                out.append(item)
                continue
            batch.append(item)
            if len(batch) >= _BATCH:
                render_batch()
            continue
        flush()
        out.append(item)
    flush()
    return out, articles


def _parse_whole(whole: Whole, limits: Limits) -> Outcome:
    items: list[Item] = []
    try:
        for article in iter_parse(
            Path(whole.path), whole.format, on_error=items.append, limits=limits
        ):
            items.append(article)
    except (NewsparseError, OSError) as error:
        items.append(error)
    return Outcome(items)


def _parse_range(task: ByteRange, settings: Settings) -> Outcome:
    """Read and parse a byte range of a file; its errors' lines count from its start."""
    size = task.end - task.start
    sink = None
    if settings.parts is not None and settings.render is not None:
        sink = PartWriter(settings.parts)
    try:
        found = range_stream(get_format(task.format), task, settings.limits)
        items, articles = _rendered_counted(found.items, settings.render, sink)
    except (NewsparseError, OSError) as error:
        return Outcome([error], fatal=True, size=size, part=None if sink is None else sink.path)
    finally:
        if sink is not None:
            sink.close()
    fatal = any(isinstance(item, ParseError) and item.fatal for item in items)
    part = None if sink is None else sink.path
    return Outcome(items, fatal, articles, size=size, lines=found.lines, part=part)


def _parse_piece(piece: Piece, limits: Limits) -> Outcome:
    """Parse a chunk; its errors get the line numbers of the whole input."""
    items: list[Item] = []
    shift = piece.line - 1
    fatal = False

    def keep(error: ParseError) -> None:
        nonlocal fatal
        error.line += shift
        fatal = error.fatal
        items.append(error)

    # The whole input is checked against max_input_bytes where it is read.
    unlimited = attrs.evolve(limits, max_input_bytes=None)
    try:
        for article in iter_parse(
            as_input(piece.text), piece.format, source=piece.source, on_error=keep, limits=unlimited
        ):
            items.append(article)
    except NewsparseError as error:
        items.append(error)
        fatal = True
    return Outcome(items, fatal)
