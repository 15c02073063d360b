"""Articles as flat rows: the column schema shared by the Dask and Spark integrations.

Every input gives one row per item that :func:`newsparse.iter_parse` gives
for it (with an ``on_error`` handler): one per article, and one per error, so
that no error is lost when a corpus becomes a table.  Every column holds a
scalar (text, a whole number or a moment), which suits Parquet, Arrow and
Spark alike.  :data:`COLUMNS` lists them in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, Literal

import attrs

from newsparse._api import iter_parse
from newsparse._errors import NewsparseError, ParseError
from newsparse._limits import Limits
from newsparse._model import Article
from newsparse._textio import Input

__all__ = ["COLUMNS", "Column", "Kind", "article_row", "error_row", "items", "rows"]

Kind = Literal["text", "integer", "moment"]
"""The kind of a column's values: text, a whole number, or a moment in UTC."""


@attrs.frozen
class Column:
    """One column of the flat schema."""

    name: str
    """The column's name."""
    kind: Kind
    """``"text"``, ``"integer"`` or ``"moment"`` (a UTC timestamp)."""
    doc: str
    """What the column holds."""


COLUMNS: tuple[Column, ...] = (
    Column("source", "text", "the input's name (its path or URL); never null"),
    Column(
        "position",
        "integer",
        "the item's place in its input, from 0 (errors count too); never null",
    ),
    Column("title", "text", "Article.title; null in an error row"),
    Column("authors", "text", "Article.authors joined by newlines (none: empty text)"),
    Column("published", "moment", "Article.published in UTC, or null"),
    Column("modified", "moment", "Article.modified in UTC, or null"),
    Column("url", "text", "Article.url, or null"),
    Column("publisher", "text", "Article.publisher, or null"),
    Column("language", "text", "Article.language, or null"),
    Column("topics", "text", "Article.topics joined by newlines (none: empty text)"),
    Column("summary", "text", "Article.summary, or null"),
    Column("text", "text", "Article.text: headings and paragraphs, blank lines between"),
    Column("sections", "integer", "len(Article.body)"),
    Column("images", "integer", "len(Article.images)"),
    Column("words", "integer", "Article.word_count"),
    Column("meta", "text", "Article.meta as a JSON object with sorted keys"),
    Column("error", "text", "in an error row, the error as newsparse prints it; else null"),
    Column("line", "integer", "the line of a ParseError (in its input), else null"),
    Column("column", "integer", "the column of a ParseError, else null"),
)
"""The columns, in order.  Text columns hold ``str``, integer columns ``int``
and moment columns aware :class:`~datetime.datetime` objects in UTC; any may
be ``None`` where the description says null."""

_EMPTY: dict[str, Any] = {column.name: None for column in COLUMNS}


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(timezone.utc)


def article_row(source: str, index: int, article: Article) -> dict[str, Any]:
    """Return the row of ``article``, the item at ``index`` of input ``source``."""
    return {
        **_EMPTY,
        "source": source,
        "position": index,
        "title": article.title,
        "authors": "\n".join(article.authors),
        "published": _utc(article.published),
        "modified": _utc(article.modified),
        "url": article.url,
        "publisher": article.publisher,
        "language": article.language,
        "topics": "\n".join(article.topics),
        "summary": article.summary,
        "text": article.text,
        "sections": len(article.body),
        "images": len(article.images),
        "words": article.word_count,
        "meta": json.dumps(dict(article.meta), ensure_ascii=False, sort_keys=True),
    }


def error_row(source: str, index: int, error: NewsparseError | OSError) -> dict[str, Any]:
    """Return the row of ``error``, the item at ``index`` of input ``source``."""
    row = {**_EMPTY, "source": source, "position": index}
    if isinstance(error, ParseError):
        row.update(error=str(error), line=error.line, column=error.column)
    elif isinstance(error, NewsparseError):
        row.update(error=str(error))
    else:
        row.update(error=f"{source}: {error.strerror or error}")
    return row


def items(
    data: Input, source: str, format: str | None = None, *, limits: Limits | None = None
) -> Iterator[Article | NewsparseError | OSError]:
    """Parse ``data`` and yield every article and every error, in input order.

    ``format`` and ``limits`` work as in :func:`newsparse.iter_parse`; an
    error that stops the whole input (its format not detected, an
    undecodable byte, a file that cannot be read) is the last item.
    """
    pending: list[NewsparseError | OSError] = []
    try:
        for article in iter_parse(
            data, format, source=source, on_error=pending.append, limits=limits
        ):
            yield from pending
            pending.clear()
            yield article
    except (NewsparseError, OSError) as error:
        pending.append(error)
    yield from pending


def rows(
    data: Input, source: str, format: str | None = None, *, limits: Limits | None = None
) -> Iterator[dict[str, Any]]:
    """Parse ``data`` and yield the row of every article and every error, in input order.

    The arguments are those of :func:`items`.
    """
    for index, item in enumerate(items(data, source, format, limits=limits)):
        if isinstance(item, Article):
            yield article_row(source, index, item)
        else:
            yield error_row(source, index, item)
