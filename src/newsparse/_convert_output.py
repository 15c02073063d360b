"""Writing what ``newsparse convert`` read: text formats through a spool, Parquet by rows.

Output goes to its destination only when every input was read (or
``--partial`` allows what was read), so a failed run never clobbers a
user's file (``newsparse._destination``).
"""

from __future__ import annotations

import itertools
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, TextIO, cast

import click

from newsparse._api import render_to
from newsparse._convert_report import STDIN, Reporter
from newsparse._destination import Destination
from newsparse._errors import NewsparseError
from newsparse._model import Article
from newsparse._parallel import RenderFailure
from newsparse.integrations import parquet

__all__ = ["EXIT_BAD_INPUT", "check_parquet", "noted", "write_output", "write_parquet"]

EXIT_BAD_INPUT = 1
"""Some input could not be parsed or rendered."""

_SPOOL_MEMORY = 1 << 24  # output kept in memory up to this size, then in a temporary file


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

    try:
        return destination.write_binary(produce)
    except OSError as error:
        where = f"<{destination.how}>" if destination.path is None else str(destination.path)
        click.echo(f"error: cannot write {where}: {error.strerror or error}", err=True)
        sys.exit(EXIT_BAD_INPUT)


def noted(
    items: Iterator[Article] | Iterator[str | RenderFailure], report: Reporter
) -> Iterator[Article] | Iterator[str | RenderFailure]:
    """Pass ``items`` on, counting each article's input (see :class:`Origins`)."""

    def noted() -> Iterator[object]:
        for item in items:
            report.note(item)
            yield item

    return cast("Iterator[Article] | Iterator[str | RenderFailure]", noted())


def write_output(
    items: Iterator[Article] | Iterator[str | RenderFailure],
    target: str,
    destination: Destination,
    report: Reporter,
    *,
    partial: bool,
) -> bool:
    """Render every article into a spool, then write it out if all went well.

    ``items`` are articles, or the texts of articles that the workers
    rendered already (see :func:`read_parallel`).  Returns whether the
    output was written.  A rendering error is reported and the remaining
    inputs are still read, so that all their problems are reported too; the
    output is then never written, since it is incomplete.
    """
    with tempfile.SpooledTemporaryFile(
        max_size=_SPOOL_MEMORY, mode="w+", encoding="utf-8", newline=""
    ) as spool:
        if not render_items(items, target, cast(TextIO, spool), report):
            return False
        if report.problems and not partial:
            return False
        spool.seek(0)
        try:
            destination.write(lambda out: shutil.copyfileobj(spool, out))
        except OSError as error:
            where = f"<{destination.how}>" if destination.path is None else str(destination.path)
            click.echo(f"error: cannot write {where}: {error.strerror or error}", err=True)
            sys.exit(EXIT_BAD_INPUT)
    return True


def render_items(
    items: Iterator[Article] | Iterator[str | RenderFailure],
    target: str,
    out: TextIO,
    report: Reporter,
) -> bool:
    """Write ``items`` to ``out``; report the first rendering error and return ``False`` then."""
    rendered = True
    first = next(items, None)
    if first is None:
        render_to((), target, out)
        return True
    if isinstance(first, Article):
        articles = cast(Iterator[Article], items)
        try:
            render_to(itertools.chain([first], articles), target, out, on_drop=report.on_drop)
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
        elif rendered:
            out.write(cast(str, item))
    return rendered
