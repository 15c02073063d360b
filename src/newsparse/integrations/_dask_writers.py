"""The writers of ``newsparse.integrations.dask.write_articles``: one file per partition.

Each is an attrs class rather than a closure, so that Dask can pickle it to
its workers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TypeAlias

import attrs

from newsparse._api import get_format, render_to
from newsparse._errors import NewsparseError, UnknownFormatError
from newsparse._model import Article
from newsparse._ranges import ByteRange

__all__ = ["FormatPartWriter", "Item", "ParquetPartWriter", "Unit", "format_writer", "name_of"]

Unit: TypeAlias = str | ByteRange
"""A file read whole, by name, or a byte range of a file."""
Item: TypeAlias = Article | NewsparseError | OSError
"""What reading a unit gives: an article, or the error reported in its place."""


def name_of(unit: Unit) -> str:
    return unit if isinstance(unit, str) else unit.name


def format_writer(name: str) -> ParquetPartWriter | FormatPartWriter:
    """Return a writer that renders a partition's articles as one document of format ``name``.

    ``"parquet"`` writes a Parquet file (``newsparse.integrations.parquet``).
    """
    if name == "parquet":
        from newsparse.integrations.parquet import require_pyarrow  # noqa: PLC0415

        require_pyarrow()  # on the client: a missing extra is said before any work
        return ParquetPartWriter()
    fmt = get_format(name)
    if not fmt.can_render:
        raise UnknownFormatError(f"format {name!r} cannot render")
    suffix = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    return FormatPartWriter(fmt.name, suffix)


@attrs.frozen
class ParquetPartWriter:
    """Writes a partition's articles as Parquet rows into ``stem.parquet``.

    Each row's ``source`` is the input the article came from, and its
    ``position`` the article's place among those the partition read of that
    input (from the start of the file when the file is read whole; from the
    start of its byte range otherwise).
    """

    def __call__(self, articles: Iterator[Article], stem: str) -> str:
        from newsparse.integrations.parquet import write_parquet  # noqa: PLC0415

        write_parquet(articles, stem + ".parquet", source=os.path.basename(stem))
        return stem + ".parquet"

    def write_rows(self, items: Iterable[tuple[int, Item]], units: list[Unit], stem: str) -> str:
        """Write the articles among ``items`` (unit, item), named by their units."""
        from newsparse.integrations.parquet import ParquetRowWriter, article_row  # noqa: PLC0415

        path = stem + ".parquet"
        counts = [0] * len(units)
        with open(path, "wb") as sink, ParquetRowWriter(sink) as writer:
            for unit, item in items:
                if isinstance(item, Article):
                    writer.write(article_row(name_of(units[unit]), counts[unit], item))
                    counts[unit] += 1
        return path


@attrs.frozen
class FormatPartWriter:
    """Renders articles into ``stem + suffix`` (a class, so that it pickles)."""

    format: str
    suffix: str

    def __call__(self, articles: Iterator[Article], stem: str) -> str:
        path = stem + self.suffix
        with open(path, "w", encoding="utf-8", newline="") as out:
            render_to(articles, self.format, out)
        return path
