"""Writing documents: every article is checked before anything is written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from newsparse.model import Article

__all__ = ["write_all"]


def write_all(
    articles: Iterable[Article],
    out: TextIO,
    check: Callable[[Article], None],
    write: Callable[[Article], str],
) -> None:
    """Write each article's document to ``out``, once ``check`` accepted them all.

    So an article the format refuses (``check`` raises
    :class:`~newsparse.RenderError`) leaves nothing half-written.
    """
    items = list(articles)
    for article in items:
        check(article)
    for article in items:
        out.write(write(article))
