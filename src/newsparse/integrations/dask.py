"""Reading corpora into Dask: a bag of articles, or a DataFrame of flat rows.

Install the extra first: ``pip install newsparse[dask]``.  Dask is imported
when a function here is called, not when the module is.

Each file is parsed whole by one task, ``files_per_partition`` files to a
partition, on whichever worker Dask picks; the workers must be able to open
the paths (a shared file system, or a URL that ``fsspec`` reads, such as
``s3://bucket/corpus/*.jsonl`` with ``s3fs`` installed), and must have the
same newsparse plugins installed as the client, since they detect and parse
the formats themselves.  The same code runs on a laptop's local cluster and
on a cluster of many machines: only the ``distributed.Client`` differs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from newsparse._errors import NewsparseError
from newsparse._limits import Limits
from newsparse._model import Article
from newsparse.integrations.rows import COLUMNS, Kind, article_row, error_row, items

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["DTYPES", "read_articles", "read_dataframe"]

DTYPES: dict[Kind, str] = {
    "text": "string",
    "integer": "Int64",
    "moment": "datetime64[us, UTC]",
}
"""The pandas dtype of each kind of column (:data:`newsparse.integrations.rows.COLUMNS`):
nullable text and integers, and timestamps in UTC to the microsecond."""

_MISSING = "the Dask integration needs Dask: pip install 'newsparse[dask]'"


def _require() -> None:
    try:
        import dask.bag  # noqa: PLC0415
        import dask.dataframe  # noqa: F401, PLC0415
    except ImportError as error:
        raise ImportError(_MISSING) from error


def _expand(paths: str | Sequence[str]) -> tuple[Any, list[str]]:
    """Return the file system and every file that ``paths`` (names or globs) names."""
    from fsspec.core import get_fs_token_paths  # noqa: PLC0415

    fs, _token, found = get_fs_token_paths(paths if isinstance(paths, str) else list(paths))
    if not found:
        raise FileNotFoundError(f"no file matches {paths!r}")
    return fs, list(found)


def _groups(names: list[str], size: int) -> list[list[str]]:
    if size < 1:
        raise ValueError(f"files_per_partition must be 1 or more, not {size}")
    return [names[start : start + size] for start in range(0, len(names), size)]


def read_articles(
    paths: str | Sequence[str],
    format: str | None = None,
    *,
    limits: Limits | None = None,
    errors: Literal["raise", "include"] = "raise",
    files_per_partition: int = 1,
) -> dask.bag.Bag:
    """Return a Dask bag of the articles in ``paths``, in the order of the files.

    Args:
        paths: a file name, URL or glob (``"corpus/*.jsonl"``), or a list of them.
        format: the format's name, or ``None`` to detect it per file.
        limits: as in :func:`newsparse.iter_parse`.
        errors: ``"raise"``: computing the bag raises the first error
            (a :class:`~newsparse.NewsparseError`).  ``"include"``: the bag
            holds the errors too, each in the place of what it stopped, as
            :class:`~newsparse.NewsparseError` or :class:`OSError` objects.
        files_per_partition: how many files one partition (one task) reads.

    Raises:
        ImportError: Dask is not installed.
        FileNotFoundError: nothing matches ``paths``.
    """
    _require()
    import dask.bag  # noqa: PLC0415

    fs, names = _expand(paths)
    groups = _groups(names, files_per_partition)
    bag = dask.bag.from_sequence(groups, npartitions=len(groups))
    return bag.map_partitions(_articles_of, fs, format, limits, errors == "include")


def _articles_of(
    groups: list[list[str]], fs: Any, format: str | None, limits: Limits | None, keep: bool
) -> list[Article | NewsparseError | OSError]:
    """Parse the files of one partition (runs on a worker)."""
    found: list[Article | NewsparseError | OSError] = []
    for name in (name for group in groups for name in group):
        for item in _file_items(fs, name, format, limits):
            if not (keep or isinstance(item, Article)):
                raise item
            found.append(item)
    return found


def _file_items(
    fs: Any, name: str, format: str | None, limits: Limits | None
) -> Iterator[Article | NewsparseError | OSError]:
    from fsspec.core import OpenFile  # noqa: PLC0415
    from fsspec.utils import infer_compression  # noqa: PLC0415

    try:
        stream = OpenFile(fs, name, "rb", compression=infer_compression(name)).open()
    except OSError as error:
        yield error
        return
    with stream:
        yield from items(stream, name, format, limits=limits)


def read_dataframe(
    paths: str | Sequence[str],
    format: str | None = None,
    *,
    limits: Limits | None = None,
    files_per_partition: int = 1,
) -> dask.dataframe.DataFrame:
    """Return a Dask DataFrame with one row per article and per error in ``paths``.

    The columns are :data:`newsparse.integrations.rows.COLUMNS`, with the
    dtypes of :data:`DTYPES`; errors are rows whose ``error`` column is set.
    The arguments are those of :func:`read_articles`.

    Raises:
        ImportError: Dask is not installed.
        FileNotFoundError: nothing matches ``paths``.
    """
    _require()
    import dask.dataframe  # noqa: PLC0415

    fs, names = _expand(paths)
    return dask.dataframe.from_map(
        _frame_of,
        _groups(names, files_per_partition),
        fs=fs,
        format=format,
        limits=limits,
        meta=_frame([]),
        enforce_metadata=False,
    )


def _frame_of(
    names: list[str], *, fs: Any, format: str | None, limits: Limits | None
) -> pandas.DataFrame:
    """Parse the files of one partition into a pandas frame (runs on a worker)."""
    records: list[dict[str, Any]] = []
    for name in names:
        for index, item in enumerate(_file_items(fs, name, format, limits)):
            if isinstance(item, Article):
                records.append(article_row(name, index, item))
            else:
                records.append(error_row(name, index, item))
    return _frame(records)


def _frame(records: list[dict[str, Any]]) -> pandas.DataFrame:
    import pandas  # noqa: PLC0415

    frame = pandas.DataFrame.from_records(records, columns=[c.name for c in COLUMNS])
    return frame.astype({column.name: DTYPES[column.kind] for column in COLUMNS})
