"""Writing what ``newsparse convert`` read: text formats and Parquet, through a staged file.

Output goes to its destination only when every input was read (or
``--partial`` allows what was read), so a failed run never clobbers a
user's file (``newsparse._destination``).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import sys
from collections.abc import Callable, Iterator
from typing import IO, TextIO, cast

import click

from newsparse._api import render_to
from newsparse._convert_report import STDIN, Reporter
from newsparse._destination import Destination
from newsparse._errors import NewsparseError
from newsparse._model import Article
from newsparse._parallel import RenderFailure
from newsparse._parts import RenderedPart, append_part
from newsparse.integrations import parquet

__all__ = ["EXIT_BAD_INPUT", "check_parquet", "noted", "write_output", "write_parquet"]

EXIT_BAD_INPUT = 1
"""Some input could not be parsed or rendered."""


def check_parquet(destination: Destination) -> None:
    """Refuse Parquet output without pyarrow, or to a terminal (usage errors)."""
    try:
        parquet.require_pyarrow()
    except ImportError as error:
        raise click.BadParameter(str(error), param_hint="--to") from None
    if destination.is_terminal():
        raise click.BadParameter(
            "Parquet is binary and is not written to a terminal: pass -o FILE, "
            "or redirect or pipe the output",
            param_hint="--output",
        )


def write_parquet(
    articles: Iterator[Article], destination: Destination, report: Reporter, *, partial: bool
) -> bool:
    """Write every article as a Parquet row; keep the output only if all went well.

    The rows go to a temporary file a row group at a time (bounded memory);
    it becomes the output only once every input was read without problems
    (or with ``partial``).  Each row's ``source`` is its input and
    ``position`` its place among that input's articles.
    """

    def produce(sink: IO[bytes]) -> bool:
        with parquet.ParquetRowWriter(sink) as writer:
            for article in articles:
                place = report.origins.place(report.origins.count - 1)
                source, position = place if place is not None else (STDIN, 0)
                writer.write(parquet.article_row(source, position, article))
        return partial or not report.problems

    return _write_or_exit(destination, produce)


def _write_or_exit(destination: Destination, produce: Callable[[IO[bytes]], bool]) -> bool:
    """Stage the output with ``produce`` (see :meth:`Destination.write_binary`).

    A file that cannot be written is reported, and the command exits.
    """
    try:
        return destination.write_binary(produce)
    except OSError as error:
        where = f"<{destination.how}>" if destination.path is None else str(destination.path)
        click.echo(f"error: cannot write {where}: {error.strerror or error}", err=True)
        sys.exit(EXIT_BAD_INPUT)


def noted(
    items: Iterator[Article] | Iterator[str | RenderedPart | RenderFailure], report: Reporter
) -> Iterator[Article] | Iterator[str | RenderedPart | RenderFailure]:
    """Pass ``items`` on, counting each article's input (see :class:`Origins`)."""

    def noted() -> Iterator[object]:
        for item in items:
            report.note(item)
            yield item

    return cast("Iterator[Article] | Iterator[str | RenderedPart | RenderFailure]", noted())


def write_output(
    items: Iterator[Article] | Iterator[str | RenderedPart | RenderFailure],
    target: str,
    destination: Destination,
    report: Reporter,
    *,
    partial: bool,
) -> bool:
    """Render every article into the staged output, then keep it if all went well.

    ``items`` are articles, or the texts of articles that the workers
    rendered already, or where they wrote them (see :func:`read_parallel`).
    The output is staged as :meth:`Destination.write_binary` stages it: for
    a file, in a temporary file beside it that is renamed over it at the
    end (so the output is written once); otherwise in a temporary file
    copied to the stream or device at the end.  Returns whether the output
    was written.  A rendering error is reported and the remaining inputs
    are still read, so that all their problems are reported too; the
    output is then never written, since it is incomplete.
    """

    def produce(sink: IO[bytes]) -> bool:
        if not render_items(items, target, sink, report):
            return False
        return partial or not report.problems

    return _write_or_exit(destination, produce)


def render_items(
    items: Iterator[Article] | Iterator[str | RenderedPart | RenderFailure],
    target: str,
    out: IO[bytes],
    report: Reporter,
) -> bool:
    """Write ``items`` to ``out`` in UTF-8; report the first rendering error and return False."""
    rendered = True
    first = next(items, None)
    if first is None:
        with _as_text(out) as text:
            render_to((), target, text)
        return True
    if isinstance(first, Article):
        articles = cast(Iterator[Article], items)
        try:
            with _as_text(out) as text:
                render_to(itertools.chain([first], articles), target, text, on_drop=report.on_drop)
        except NewsparseError as error:
            report(error)
            rendered = False
        for _ in items:  # read (and report) the other inputs
            pass
        return rendered
    for item in itertools.chain([first], items):
        if isinstance(item, RenderFailure):
            if rendered:
                report(item.error)
            rendered = False
        elif not rendered:
            continue
        elif isinstance(item, RenderedPart):
            append_part(item, out)
        else:
            out.write(cast(str, item).encode("utf-8"))
    return rendered


@contextlib.contextmanager
def _as_text(out: IO[bytes]) -> Iterator[TextIO]:
    """Let text be written to ``out`` in UTF-8, leaving ``out`` open."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        yield text
    finally:
        text.flush()
        text.detach()
