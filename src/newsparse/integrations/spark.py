"""A recipe for Apache Spark: files in, a DataFrame of flat rows out.

newsparse needs nothing from Spark but a way to hand each file to a Python
function, which ``SparkContext.binaryFiles`` gives (one ``(path, bytes)``
pair per file).  :func:`file_rows` turns such a pair into rows of the flat
schema (:data:`newsparse.integrations.rows.COLUMNS`), and :func:`schema` is
that schema as a Spark ``StructType``.  :func:`read_dataframe` puts the two
together::

    rows = spark.sparkContext.binaryFiles(path).flatMap(lambda pair: file_rows(*pair))
    frame = spark.createDataFrame(rows, schema=schema())

The executors parse: newsparse and the plugins the corpus needs must be
installed where they run.  pyspark is imported when :func:`schema` or
:func:`read_dataframe` is called, not when this module is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsparse._limits import Limits
from newsparse.integrations.rows import COLUMNS, rows

if TYPE_CHECKING:
    import pyspark.sql

__all__ = ["file_rows", "read_dataframe", "schema"]

_MISSING = "the Spark recipe needs pyspark: pip install pyspark"


def file_rows(
    path: str, content: bytes, format: str | None = None, *, limits: Limits | None = None
) -> Iterator[tuple[Any, ...]]:
    """Parse one file's ``content`` and yield one row per article and per error.

    Each row is a tuple in the order of :data:`~newsparse.integrations.rows.COLUMNS`;
    ``path`` becomes the ``source`` column.  ``format`` and ``limits`` work as
    in :func:`newsparse.iter_parse`.
    """
    for row in rows(content, path, format, limits=limits):
        yield tuple(row[column.name] for column in COLUMNS)


def schema() -> Any:
    """Return the flat schema as a ``pyspark.sql.types.StructType``.

    Text is ``StringType``, integers ``LongType`` and moments
    ``TimestampType``; every field is nullable.

    Raises:
        ImportError: pyspark is not installed.
    """
    try:
        from pyspark.sql import types  # noqa: PLC0415
    except ImportError as error:
        raise ImportError(_MISSING) from error
    kinds = {
        "text": types.StringType(),
        "integer": types.LongType(),
        "moment": types.TimestampType(),
    }
    return types.StructType([types.StructField(c.name, kinds[c.kind], True) for c in COLUMNS])


def read_dataframe(
    spark: pyspark.sql.SparkSession,
    path: str,
    format: str | None = None,
    *,
    limits: Limits | None = None,
) -> pyspark.sql.DataFrame:
    """Return a Spark DataFrame of the rows of every file ``path`` names.

    ``path`` is what ``SparkContext.binaryFiles`` reads: a file, a folder,
    a glob, or several of them separated by commas; the ``source`` column
    holds the path as Spark gives it (``file:/data/corpus/a.jsonl``).

    Raises:
        ImportError: pyspark is not installed.
    """
    shape = schema()
    pairs = spark.sparkContext.binaryFiles(path)
    found = pairs.flatMap(lambda pair: file_rows(pair[0], pair[1], format, limits=limits))
    return spark.createDataFrame(found, schema=shape)
