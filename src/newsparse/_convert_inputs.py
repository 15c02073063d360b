"""How ``newsparse convert`` reads its inputs, serially or in worker processes (private).

Each input is opened here (standard input included) with its reads counted
for the progress bar, parsed with :func:`newsparse.iter_parse` or by the
workers of ``newsparse._parallel``, and every problem goes to the
``Reporter``, which counts it against the
input being read.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import stat
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import IO, TextIO

from newsparse._api import iter_parse
from newsparse._convert_report import STDIN, Reporter
from newsparse._errors import NewsparseError
from newsparse._limits import Limits
from newsparse._model import Article
from newsparse._parallel import RenderFailure, iter_parse_inputs
from newsparse._parts import RenderedPart
from newsparse._progress import ConvertProgress, counting_reader

__all__ = ["InputError", "input_size", "is_terminal", "os_error", "read_all", "read_parallel"]


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):  # closed or detached
        return False


def input_size(path: str) -> int | None:
    """Return the size of the input file ``path``; ``None`` for stdin, a pipe or a device."""
    if path == STDIN:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _stdin(counted: Callable[[int], None]) -> IO[bytes] | IO[str]:
    """Return standard input as bytes where it can, its reads passed to ``counted``.

    It ends at the first end of input, so one Ctrl-D ends what is typed on a terminal.
    """
    buffer: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    if isinstance(buffer, (io.RawIOBase, io.BufferedIOBase)):
        return counting_reader(buffer, counted)
    return buffer


@contextlib.contextmanager
def _counted_input(path: str, counted: Callable[[int], None]) -> Iterator[IO[bytes] | IO[str]]:
    """Open the input ``path`` (or stdin), its reads passed to ``counted``."""
    if path == STDIN:
        yield _stdin(counted)
        return
    with open(path, "rb", buffering=0) as raw, counting_reader(raw, counted) as stream:
        yield stream


def read_all(
    paths: Sequence[str],
    from_: str | None,
    report: Reporter,
    limits: Limits,
    *,
    progress: ConvertProgress,
) -> Iterator[Article]:
    try:
        for index, path in enumerate(paths):
            report.current = "<stdin>" if path == STDIN else path
            report.current_number = index
            name = "<stdin>" if path == STDIN else str(Path(path))
            try:
                with _counted_input(path, functools.partial(progress.read, index)) as data:
                    for article in iter_parse(
                        data, from_, source=name, on_error=report, limits=limits
                    ):
                        progress.add_articles(1)
                        yield article
            except NewsparseError as error:
                report(error)
            except OSError as error:
                report(os_error(path, error))
            progress.finish_input(index)
    finally:
        progress.close()


def read_parallel(
    paths: Sequence[str],
    from_: str | None,
    report: Reporter,
    limits: Limits,
    *,
    jobs: int,
    progress: ConvertProgress,
    render: str | None,
    parts: str | None = None,
) -> Generator[Article | str | RenderedPart | RenderFailure, None, None]:
    """Read as :func:`read_all` does, in ``jobs`` processes (``newsparse._parallel``).

    With ``render`` (a joinable format), the workers render the articles, and
    their texts come instead of articles, with a :class:`RenderFailure` in place
    of an article that the format refused.  With ``parts`` too, the workers
    write the texts to files in that folder, and a :class:`RenderedPart`
    comes instead of each text: copy it before asking for the next item.
    """
    stdin = paths.index(STDIN) if STDIN in paths else -1

    def task_done(index: int, articles: int, size: int) -> None:
        progress.add_articles(articles)
        progress.read(index, size)

    found = iter_parse_inputs(
        paths,
        from_,
        jobs=jobs,
        limits=limits,
        render=render,
        read_stdin=lambda: _stdin(lambda count: progress.read(stdin, count)),
        on_progress=task_done,
        parts=parts,
    )
    try:
        for index, item in found:
            path = paths[index]
            report.current = "<stdin>" if path == STDIN else path
            report.current_number = index
            if item is None:
                progress.finish_input(index)
            elif isinstance(item, (Article, str, RenderedPart, RenderFailure)):
                yield item
            elif isinstance(item, OSError):
                report(os_error(path, item))
            else:
                report(item)
    finally:
        found.close()  # the workers are done before the part folder goes
        progress.close()


class InputError(NewsparseError):
    """An input file could not be read at all."""


def os_error(path: str, error: OSError) -> InputError:
    return InputError(f"{path}: {error.strerror or error}")
