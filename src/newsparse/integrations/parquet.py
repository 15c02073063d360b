"""Writing articles to Apache Parquet, one row per article, in bounded memory.

Install the extra first: ``pip install newsparse[parquet]`` (it brings
pyarrow).  pyarrow is imported when a function here is called, not when the
module is.

A Parquet file holds the flat columns of
:data:`newsparse.integrations.rows.COLUMNS` (the schema the Dask and Spark
integrations use), then a ``json`` column with each article as the ``json``
format writes it, so that nothing is lost:
``newsparse.parse(row["json"], "json")`` gives the article back, equal to
the one written.  :data:`COLUMNS` lists them all and :func:`schema` gives
their Arrow types.

Rows are written in row groups as they come (:class:`ParquetRowWriter`), a
bounded batch at a time, so that millions of articles take no more memory
than one batch.  newsparse writes Parquet but does not read it: read it with
pyarrow, pandas, polars, DuckDB or Spark, and parse the ``json`` column to
get articles back.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from newsparse._destination import find_destination
from newsparse._jsonio import to_json
from newsparse._model import Article
from newsparse.integrations import rows as flat

__all__ = [
    "ARROW_TYPES",
    "COLUMNS",
    "ROW_GROUP_BYTES",
    "ROW_GROUP_ROWS",
    "ParquetRowWriter",
    "article_row",
    "require_pyarrow",
    "schema",
    "write_parquet",
]

MISSING = "Parquet output needs pyarrow: pip install 'newsparse[parquet]'"
"""What to say when pyarrow is not installed."""

JSON_COLUMN = flat.Column(
    "json",
    "text",
    "the article as the json format writes it (one object, on one line); null in an error row",
)

COLUMNS: tuple[flat.Column, ...] = (*flat.COLUMNS, JSON_COLUMN)
"""The columns of a Parquet file, in order: the flat schema, then ``json``."""

ARROW_TYPES: dict[flat.Kind, str] = {
    "text": "string",
    "integer": "int64",
    "moment": "timestamp[us, tz=UTC]",
}
"""The Arrow type of each kind of column, as pyarrow names it: UTF-8 text,
64-bit integers, and timestamps in UTC to the microsecond (as precise as a
:class:`~datetime.datetime`)."""

NEVER_NULL = frozenset({"source", "position"})
"""The columns that always hold a value (not nullable in the schema)."""

ROW_GROUP_ROWS = 4096
"""Rows written at most in one row group, by default."""

ROW_GROUP_BYTES = 32 << 20
"""Text (in characters of the ``text`` and ``json`` columns) held at most
before a row group is written, by default: a batch of very long articles is
written early."""

COMPRESSION = "zstd"
"""The compression of the column chunks, which every Parquet reader above supports."""


def require_pyarrow() -> None:
    """Check that pyarrow can be imported.

    Raises:
        ImportError: it cannot; the message names the extra to install.
    """
    try:
        import pyarrow  # noqa: PLC0415
        import pyarrow.parquet  # noqa: F401, PLC0415
    except ImportError as error:
        raise ImportError(MISSING) from error


def schema() -> Any:
    """Return the Arrow schema of :data:`COLUMNS` (a ``pyarrow.Schema``).

    Raises:
        ImportError: pyarrow is not installed.
    """
    require_pyarrow()
    import pyarrow  # noqa: PLC0415

    types = {
        "text": pyarrow.string(),
        "integer": pyarrow.int64(),
        "moment": pyarrow.timestamp("us", tz="UTC"),
    }
    assert {str(arrow) for arrow in types.values()} == set(ARROW_TYPES.values())
    return pyarrow.schema(
        [
            pyarrow.field(column.name, types[column.kind], nullable=column.name not in NEVER_NULL)
            for column in COLUMNS
        ]
    )


def article_row(source: str, index: int, article: Article) -> dict[str, Any]:
    """Return the Parquet row of ``article``: its flat row, plus its ``json``."""
    row = flat.article_row(source, index, article)
    row[JSON_COLUMN.name] = to_json(article)
    return row


class ParquetRowWriter:
    """Writes rows of :data:`COLUMNS` to a Parquet file, a row group at a time.

    Rows are kept until :data:`ROW_GROUP_ROWS` of them (or
    :data:`ROW_GROUP_BYTES` of text) are waiting, then written as one row
    group; :meth:`close` writes the rest and the file's footer.  Use it as a
    context manager: leaving the block with an exception closes the sink
    without writing the rest (the file is then incomplete: write to a
    temporary file, as :func:`write_parquet` does).

    Args:
        sink: a binary file object, open for writing (the caller closes it).
        row_group_rows: rows per row group, at most.
        row_group_bytes: characters of text waiting, at most, before a row
            group is written even if it has fewer rows.

    Raises:
        ImportError: pyarrow is not installed.
    """

    def __init__(
        self,
        sink: IO[bytes],
        *,
        row_group_rows: int = ROW_GROUP_ROWS,
        row_group_bytes: int = ROW_GROUP_BYTES,
    ) -> None:
        if row_group_rows < 1 or row_group_bytes < 1:
            raise ValueError("row_group_rows and row_group_bytes must be 1 or more")
        require_pyarrow()
        import pyarrow.parquet  # noqa: PLC0415

        self._schema = schema()
        self._writer = pyarrow.parquet.ParquetWriter(sink, self._schema, compression=COMPRESSION)
        self._columns: list[list[Any]] = [[] for _ in COLUMNS]
        self._waiting = 0
        self._text = 0
        self._row_group_rows = row_group_rows
        self._row_group_bytes = row_group_bytes
        self.rows_written = 0
        """Rows written to the sink so far, in whole row groups."""
        self.row_groups = 0
        """Row groups written to the sink so far."""

    def write(self, row: dict[str, Any]) -> None:
        """Add one row (a dict with a value for each of :data:`COLUMNS`)."""
        for values, column in zip(self._columns, COLUMNS, strict=True):
            values.append(row[column.name])
        self._waiting += 1
        self._text += len(row["text"] or "") + len(row[JSON_COLUMN.name] or "")
        if self._waiting >= self._row_group_rows or self._text >= self._row_group_bytes:
            self.flush()

    def flush(self) -> None:
        """Write the rows waiting as one row group (nothing if none wait)."""
        if not self._waiting:
            return
        import pyarrow  # noqa: PLC0415

        arrays = [
            pyarrow.array(values, type=field.type)
            for values, field in zip(self._columns, self._schema, strict=True)
        ]
        table = pyarrow.Table.from_arrays(arrays, schema=self._schema)
        self._writer.write_table(table, row_group_size=self._waiting)
        self.rows_written += self._waiting
        self.row_groups += 1
        self._forget()

    def _forget(self) -> None:
        """Drop the rows waiting."""
        self._columns = [[] for _ in COLUMNS]
        self._waiting = 0
        self._text = 0

    def close(self) -> None:
        """Write the rows waiting and the file's footer."""
        self.flush()
        self._writer.close()

    def __enter__(self) -> ParquetRowWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._forget()
            self._writer.close()


def write_parquet(
    articles: Iterable[Article],
    out: str | os.PathLike[str] | IO[bytes],
    *,
    source: str = "<articles>",
    row_group_rows: int = ROW_GROUP_ROWS,
) -> int:
    """Write ``articles`` to ``out`` as Parquet, one row per article; return how many.

    The ``source`` column holds ``source`` and ``position`` each article's
    place among ``articles``, from 0.  The articles are read as they come
    and written a row group at a time, so a generator of millions of
    articles takes bounded memory.

    Args:
        articles: any iterable of :class:`~newsparse.Article`.
        out: a path, or a binary file object open for writing.  A path is
            replaced atomically, as ``newsparse convert -o`` does: the file
            is written beside it under a temporary name and renamed over it
            only once all went well, so a failure leaves an existing file
            untouched and no partial file behind.  A file object is written
            as the articles come, and is not closed.
        source: the value of the ``source`` column.
        row_group_rows: rows per row group, at most.

    Raises:
        ImportError: pyarrow is not installed.
        TypeError: an item of ``articles`` is not an article.
        OSError: the file could not be written.
        ValueError: ``out`` is a folder, or in a folder that does not exist.
    """
    require_pyarrow()
    count = 0

    def produce(sink: IO[bytes]) -> bool:
        nonlocal count
        with ParquetRowWriter(sink, row_group_rows=row_group_rows) as writer:
            for index, article in enumerate(articles):
                if not isinstance(article, Article):
                    raise TypeError(
                        f"item {index} to write is a {type(article).__name__}, not an Article"
                    )
                writer.write(article_row(source, index, article))
                count += 1
        return True

    if isinstance(out, (str, os.PathLike)):
        find_destination(os.fspath(Path(out))).write_binary(produce)
    else:
        produce(out)
    return count
