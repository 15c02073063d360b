"""Writing documents: every article is checked before anything is written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from newsparse import Article, RenderError

__all__ = ["write_all"]


def write_all(
    articles: Iterable[Article],
    out: TextIO,
    check: Callable[[Article], None],
    write: Callable[[Article], str],
) -> None:
    """Write each article's document to ``out``, once ``check`` accepted them all.

    So an article the format refuses (``check`` raises
    :class:`~newsparse.RenderError`) leaves nothing half-written.  The error
    names the article: its index among ``articles`` and its title.
    """
    items = list(articles)
    for index, article in enumerate(items):
        try:
            check(article)
        except RenderError as error:
            error.with_article(index, article.title)
            raise
    for article in items:
        out.write(write(article))
