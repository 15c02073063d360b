"""Parsing many inputs in several processes, with results in input order.

This is what ``newsparse convert --jobs N`` runs.  :func:`iter_parse_inputs`
hands the inputs to a pool of worker processes and gives back, for each
input in the order given, the items that :func:`newsparse.iter_parse` would
give for it: every article, and every error (a :class:`~newsparse.NewsparseError`
or the :class:`OSError` of a file that cannot be read).  The output is
therefore the same, item for item, as a serial loop's.

How the work is cut:

* Small inputs (up to :data:`CHUNK_CHARS` bytes) are grouped, a few at a time,
  into one task that a worker parses whole; the worker detects their format
  itself, as :func:`~newsparse.iter_parse` does.
* A larger file whose format can cut its bytes
  (:meth:`Format.cut_points <newsparse.Format.cut_points>`: ``jsonl``,
  ``tt``, the IPTC XML formats; ``warc`` cuts between records) and that is
  plain UTF-8 is cut into byte ranges of about half :data:`CHUNK_CHARS`
  bytes (``newsparse._ranges``; a worker holds several times its range at
  its peak, so smaller ranges keep its memory low): this process reads
  only a window of bytes around each cut, and each range is one task, whose
  worker reads that range of the file itself.  A worker sends back its
  items and the number of lines its range holds; the lines of its errors
  are moved here by the lines of the ranges before it, so they name the line
  of the whole file.
* A larger input of another format that can cut its text at article
  boundaries (:meth:`Format.split <newsparse.Format.split>`, which ``jsonl``
  implements: a compressed file, say) is read and cut in this process, and each
  :class:`~newsparse.plugin.Chunk` of about :data:`CHUNK_CHARS` characters is
  one task.  The line numbers of the errors found in a chunk are moved by
  the chunk's first line.  A larger input of a format that does neither is
  one task.
* Standard input (``"-"``) is read in this process; it is cut into chunks
  when its format can be split and parsed here otherwise.

At most ``2 * jobs`` tasks are in flight, so memory stays bounded however many
inputs there are.

Progress: after the items of each task (a whole file, or a chunk) have been
given, ``on_progress`` hears how many articles the task read and how many
bytes of its input it covered (see :func:`iter_parse_inputs`): a byte
range's exact size, so that the bytes of a file add up to its size.

Memory: a forked worker first freezes the garbage collector's view of the
objects it inherits (``gc.freeze``), so that its collections never write
to their pages, which then stay shared with this process instead of being
copied (copy-on-write); a worker renders each article of a byte range as
it is parsed, holding its text, not the article.

Rendered output: given a folder for parts, a worker writes the texts it
renders to a file there and sends back only where they lie
(``newsparse._parts``), and the caller appends them to its output with a
copy made by the kernel: no pickling, pipe or encoding of the output in
this process, which on a machine with as many CPUs as workers would compete
with them.

How workers start: where the ``fork`` method exists (Linux) and this process
runs no other thread, workers are forked.  They start at once, with
newsparse and the plugins of this process already loaded, including plugins
registered by code (``PluginHost.register``).  Otherwise (macOS, Windows, or
another thread running, with which forking is unsafe) they are started with
the ``spawn`` method: each is a new Python process that loads plugins as a
new ``newsparse`` process does (entry points, unless
``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD`` is set), about half a second of work
per worker.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO

import attrs

from newsparse._api import get_format
from newsparse._errors import NewsparseError, ParseError, UnknownFormatError
from newsparse._format import Format, ParseItem
from newsparse._limits import DEFAULT_LIMITS, Limits
from newsparse._model import Article
from newsparse._parts import remove_part
from newsparse._pipeline import detect_format, encoding_for, guarded, plugin_fault
from newsparse._ranges import RANGE_BYTES, cuttable, plan_ranges
from newsparse._source import open_source
from newsparse._worker import (
    Item,
    Outcome,
    Piece,
    RenderedText,
    RenderFailure,
    Settings,
    Whole,
    rendered,
    run_task,
)

__all__ = [
    "CHUNK_CHARS",
    "STDIN",
    "Item",
    "RenderFailure",
    "RenderedText",
    "iter_parse_inputs",
    "resolve_jobs",
]

STDIN = "-"
"""The input name that stands for standard input."""

CHUNK_CHARS = RANGE_BYTES
"""About how much input (1 MiB) one task holds: the size of a byte range or a
chunk of a split input, and the total size of a group of small inputs."""

_GROUP_FILES = 64
"""At most this many small inputs go into one task."""

_GROUP_CHARS = CHUNK_CHARS // 4
"""Small inputs go into one task until they hold this many bytes together."""


def resolve_jobs(jobs: int) -> int:
    """Return the number of worker processes for ``--jobs``: ``0`` means one per CPU."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 or more, not {jobs}")
    return jobs or os.cpu_count() or 1


@attrs.define
class _Slot:
    """One unit of work for one input, waited for in input order."""

    input: int
    """The position of the input in the list given."""
    result: Future[list[Outcome]] | Iterator[Item] | list[Outcome]
    """A worker's answer, items made here (stdin), or errors known at once."""


class _Planner:
    """Turns the inputs into slots, lazily, submitting tasks to the pool."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        format: str | None,
        settings: Settings,
        read_stdin: Callable[[], IO[bytes] | IO[str]],
        *,
        group_files: int,
    ) -> None:
        self.group_files = group_files
        self.pool = pool
        self.format = format
        self.settings = settings
        self.limits = settings.limits
        self.read_stdin = read_stdin
        self.stopped: set[int] = set()
        """Inputs whose parse ended with a fatal error: cut no more of them."""

    def slots(self, paths: Sequence[str]) -> Iterator[_Slot]:
        group: list[Whole] = []
        first = 0
        held = 0
        for index, path in enumerate(paths):
            size = _size(path)
            if size is not None and size <= CHUNK_CHARS:
                if not group:
                    first = index
                group.append(Whole(path, self.format, size))
                held += size
                if held >= _GROUP_CHARS or len(group) >= self.group_files:
                    yield self._submit_group(first, group)
                    group, held = [], 0
                continue
            if group:
                yield self._submit_group(first, group)
                group, held = [], 0
            yield from self._large(index, path, size or 0)
        if group:
            yield self._submit_group(first, group)

    def _submit_group(self, first: int, group: list[Whole]) -> _Slot:
        return _Slot(first, self.pool.submit(run_task, tuple(group), self.settings))

    def _large(self, index: int, path: str, size: int) -> Iterator[_Slot]:
        """Cut a large input (or stdin) into chunks if its format can."""
        try:
            source = (
                open_source(self.read_stdin(), name="<stdin>")
                if path == STDIN
                else open_source(Path(path))
            )
        except OSError as error:
            yield _Slot(index, [Outcome([error])])
            return
        try:
            try:
                fmt = get_format(self.format) if self.format is not None else detect_format(source)
                if not fmt.can_parse:
                    raise UnknownFormatError(f"format {fmt.name!r} is render-only and cannot parse")
                encoding = encoding_for(fmt, source)
            except NewsparseError as error:
                yield _Slot(index, [Outcome([error])])
                return
            if path != STDIN and cuttable(fmt, source, encoding, size, self.limits):
                source.close()
                yield from self._ranges(index, path, fmt, size)
                return
            reader = source.reader(encoding=encoding, format_name=fmt.name, limits=self.limits)
            if not fmt.can_split:
                if path == STDIN:  # parsed here, later: closing stdin's source is a no-op
                    items = _items_here(guarded(fmt, reader, source.name))
                    yield _Slot(index, _render_here(items, self.settings.render))
                else:
                    whole = (Whole(path, fmt.name, size),)
                    yield _Slot(index, self.pool.submit(run_task, whole, self.settings))
                return
            try:
                for chunk in fmt.split(reader, CHUNK_CHARS):
                    if index in self.stopped:
                        return
                    piece = Piece(
                        source.name, fmt.name, chunk.text, chunk.line, _chunk_size(chunk.text, path)
                    )
                    yield _Slot(index, self.pool.submit(run_task, piece, self.settings))
            except ParseError as error:
                error.fatal = True
                yield _Slot(index, [Outcome([error], fatal=True)])
        finally:
            source.close()

    def _ranges(self, index: int, path: str, fmt: Format, size: int) -> Iterator[_Slot]:
        """Cut a large file into byte ranges that the workers read themselves.

        Only a failure to plan is this input's error; one of the pool (a
        worker that cannot start) goes up to the caller.
        """
        tasks = plan_ranges(fmt, path, size, CHUNK_CHARS // 2, self.limits)
        while index not in self.stopped:
            try:
                task = next(tasks, None)
            except OSError as error:
                yield _Slot(index, [Outcome([error], fatal=True)])
                return
            except Exception as error:  # cut_points failed: a fault of the format
                yield _Slot(index, [Outcome([plugin_fault(fmt, "cut_points", path, error)], True)])
                return
            if task is None:
                return
            yield _Slot(index, self.pool.submit(run_task, task, self.settings))


def _items_here(items: Iterator[ParseItem]) -> Iterator[Item]:
    """Pass on the items of an input parsed in this process, and the error that ends it."""
    try:
        yield from items
    except NewsparseError as error:
        yield error


def _render_here(items: Iterator[Item], target: str | None) -> Iterator[Item]:
    """Render the articles of an input parsed in this process, as a worker would."""
    for item in items:
        if target is not None and isinstance(item, Article):
            yield from rendered([item], target)
        else:
            yield item


def _chunk_size(text: str, path: str) -> int:
    """About how many bytes of the file ``path`` the chunk ``text`` came from (0 for stdin)."""
    return 0 if path == STDIN else len(text.encode("utf-8", "replace"))


def _size(path: str) -> int | None:
    """Return the size of the file at ``path``; ``None`` for stdin or if unknown."""
    if path == STDIN:
        return None
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def iter_parse_inputs(
    paths: Sequence[str],
    format: str | None = None,
    *,
    jobs: int,
    limits: Limits | None = None,
    render: str | None = None,
    read_stdin: Callable[[], IO[bytes] | IO[str]] = lambda: sys.stdin.buffer,
    on_progress: Callable[[int, int, int], None] | None = None,
    parts: str | None = None,
) -> Generator[tuple[int, Item | None], None, None]:
    """Parse ``paths`` in ``jobs`` worker processes; yield what each gives, in order.

    Yields ``(i, item)`` pairs: the items of ``paths[i]`` (as
    :func:`newsparse.iter_parse` with an ``on_error`` handler gives them, with
    the error that ends an input as its last item), then ``(i, None)`` when
    ``paths[i]`` is done.  Inputs come one after the other, in the order of
    ``paths``.  ``"-"`` stands for standard input, read with ``read_stdin``.

    Args:
        paths: file names, or ``"-"``.
        format: the input format's name, or ``None`` to detect it per input.
        jobs: the number of worker processes (1 or more).
        limits: as in :func:`newsparse.iter_parse`.
        render: the name of a :attr:`~newsparse.Format.joinable` output
            format, to have the workers render: each article then comes back
            as its text (the texts of consecutive articles as one
            :class:`RenderedText`), and an article the format refuses as a
            :class:`RenderFailure`.
        read_stdin: returns the stream of standard input.
        on_progress: called as ``on_progress(i, articles, size)`` once the
            items of a task for ``paths[i]`` have been given: the articles
            it read, and about how many bytes of the input it covered (a
            whole file's size, a chunk's size in UTF-8; ``0`` for standard
            input, whose bytes ``read_stdin`` can count).  The sizes of an
            input's tasks add up to about its size, or less when its parse
            ended early.
        parts: with ``render``, a folder (``newsparse._parts.part_folder``)
            in which the workers write the texts they render: a
            :class:`~newsparse._parts.RenderedPart` then comes instead of
            each :class:`RenderedText`.  Its part file is removed once the
            items of its task were given, so copy it before asking for the
            next item; the caller removes the folder, after this generator
            was closed.
    """
    progress = on_progress if on_progress is not None else _ignore_progress
    if render is not None and not get_format(render).joinable:
        raise ValueError(f"format {render!r} is not joinable: the workers cannot render it")
    settings = Settings(DEFAULT_LIMITS if limits is None else limits, render, parts)
    pool = ProcessPoolExecutor(jobs, mp_context=_start_method(), initializer=gc.freeze)
    try:
        planner = _Planner(
            pool, format, settings, read_stdin, group_files=_group_files(paths, jobs)
        )
        slots = planner.slots(paths)
        pending: deque[_Slot] = deque()
        ended = 0  # the inputs before this one are done
        lines_before: dict[int, int] = {}  # per input: the lines of its ranges given so far

        def fill() -> None:
            while len(pending) < 2 * jobs:
                slot = next(slots, None)
                if slot is None:
                    return
                pending.append(slot)

        fill()
        while pending:
            slot = pending.popleft()
            while ended < slot.input:
                yield ended, None
                ended += 1
            if slot.input in planner.stopped:
                fill()
                continue
            if isinstance(slot.result, Iterator):
                yield from _counted_here(slot.input, slot.result, progress)
                fill()
                continue
            outcomes = slot.result if isinstance(slot.result, list) else slot.result.result()
            fill()
            for offset, outcome in enumerate(outcomes):
                index = slot.input + offset
                while ended < index:
                    yield ended, None
                    ended += 1
                yield from _given(index, outcome, lines_before, progress)
                if outcome.fatal:
                    planner.stopped.add(index)
        while ended < len(paths):
            yield ended, None
            ended += 1
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _given(
    index: int,
    outcome: Outcome,
    lines_before: dict[int, int],
    progress: Callable[[int, int, int], None],
) -> Iterator[tuple[int, Item]]:
    """Give the items of a task's ``outcome`` for ``paths[index]``, then tell ``progress``.

    The errors of a byte range are moved by ``lines_before[index]``, the
    lines of the ranges of the input given before it, which grows by its own.
    Its part file is removed once its items were given (and copied).
    """
    if outcome.lines is not None:  # a byte range: move its errors' lines
        _move_lines(outcome.items, lines_before.get(index, 0))
        lines_before[index] = lines_before.get(index, 0) + outcome.lines
    for item in outcome.items:
        yield index, item
    if outcome.part is not None:
        remove_part(outcome.part)
    progress(index, outcome.articles, outcome.size)


def _move_lines(items: list[Item], lines: int) -> None:
    """Make the lines of the errors of a byte range count from the start of its file."""
    if lines:
        for item in items:
            if isinstance(item, ParseError):
                item.line += lines


def _counted_here(
    index: int, items: Iterator[Item], progress: Callable[[int, int, int], None]
) -> Iterator[tuple[int, Item]]:
    """Give the items of an input parsed in this process, telling ``progress`` of each article."""
    for item in items:
        yield index, item
        if isinstance(item, (Article, str, RenderFailure)):
            progress(index, 1, 0)


def _ignore_progress(_index: int, _articles: int, _size: int) -> None:
    """Hear nothing: the default ``on_progress``."""


def _start_method() -> multiprocessing.context.BaseContext:
    """Return how to start workers: ``fork`` where it exists and is safe, else ``spawn``."""
    forking = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    return multiprocessing.get_context("fork" if forking else "spawn")


def _group_files(paths: Sequence[str], jobs: int) -> int:
    """How many small inputs go into one task: enough tasks to keep every worker busy."""
    return max(1, min(_GROUP_FILES, len(paths) // (4 * jobs)))
