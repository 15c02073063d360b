"""Hypothesis strategies that generate valid model values.

Every value these strategies produce satisfies the model's invariants, and
together they reach the awkward corners real news data has: many scripts
(right-to-left ones included), combining marks and emoji, internal runs of
whitespace, long texts, and every optional field left empty.

Format authors restrict them to what their format can represent by passing a
strategy per field to :func:`~newsparse.testing.articles`:

>>> from hypothesis import strategies as st
>>> from newsparse.testing import articles
>>> headline_only = articles(body=st.just(()), images=st.just(()), authors=st.just(()))
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs
from hypothesis import strategies as st

from newsparse._blocks import BLOCK_KINDS
from newsparse._marks import MARK_KINDS
from newsparse._model import Article, Section
from newsparse.testing._blockstrategies import blocks
from newsparse.testing._primitives import (
    datetimes,
    images,
    languages,
    meta_maps,
    optional,
    texts,
    urls,
)

__all__ = ["articles", "field_values", "sections", "sparse_articles"]

_PARAGRAPHS_ONLY = frozenset({"paragraph"})


@st.composite
def _sections(
    draw: st.DrawFn, heading: bool, kinds: frozenset[str], marks: frozenset[str]
) -> Section:
    title = draw(optional(texts(single_line=True, max_words=10))) if heading else None
    if kinds == _PARAGRAPHS_ONLY and not marks:
        paragraphs = draw(st.lists(texts(), min_size=0 if title else 1, max_size=4))
        return Section(heading=title, paragraphs=paragraphs)
    content = draw(st.lists(blocks(kinds, marks), min_size=0 if title else 1, max_size=3))
    return Section(heading=title, blocks=content)


@cache
def sections(
    *,
    headings: bool = True,
    kinds: frozenset[str] = _PARAGRAPHS_ONLY,
    marks: frozenset[str] = frozenset(),
) -> st.SearchStrategy[Section]:
    """Generate sections with or without a heading and with zero to four blocks.

    Args:
        headings: allow headings; with ``False`` every section is untitled
            and has at least one block.
        kinds: the block kinds to generate (see :data:`newsparse.BLOCK_KINDS`);
            plain paragraphs by default.  A format passes its own
            :attr:`~newsparse.Format.blocks`.
        marks: the inline marks the texts may carry (see
            :data:`newsparse.MARK_KINDS`); none by default.
    """
    return _sections(headings, frozenset(kinds), frozenset(marks))


@cache
def _defaults() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "title": texts(single_line=True, max_words=12),
        "body": st.lists(sections(kinds=BLOCK_KINDS, marks=MARK_KINDS), max_size=3),
        "images": st.lists(images(), max_size=3),
        "authors": st.lists(texts(single_line=True, max_words=4), max_size=4, unique=True),
        "published": optional(datetimes()),
        "modified": optional(datetimes()),
        "url": optional(urls()),
        "publisher": optional(texts(single_line=True, max_words=5)),
        "language": optional(languages()),
        "topics": st.lists(texts(single_line=True, max_words=3), max_size=5, unique=True),
        "summary": optional(texts(max_words=30)),
        "meta": meta_maps(),
    }


def articles(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Article]:
    """Generate valid articles; pass a strategy per field to override its default.

    Every field of :class:`~newsparse.Article` can be overridden by name, which
    is how a format describes the subset it represents exactly.

    Raises:
        TypeError: a keyword is not a field of :class:`~newsparse.Article`.
    """
    names = {field.name for field in attrs.fields(Article)}
    unknown = sorted(set(fields) - names)
    if unknown:
        raise TypeError(f"articles() got unknown field(s): {', '.join(unknown)}")
    return st.builds(Article, **{**_defaults(), **fields})


def field_values(name: str) -> st.SearchStrategy[Any]:
    """Generate values of the :class:`~newsparse.Article` field ``name`` that set it.

    The values are those :func:`articles` generates, without ``None``, ``()``
    and ``{}``: an article given one of them has the field set.

    >>> from newsparse.testing import field_values
    >>> published = field_values("published")

    Raises:
        TypeError: ``name`` is not a field of :class:`~newsparse.Article`.
    """
    strategy = _defaults().get(name)
    if strategy is None:
        raise TypeError(f"field_values() got an unknown field: {name}")
    return strategy.filter(bool)  # None and empty collections are false; datetimes are true


_EMPTY: dict[str, Any] = {
    "body": (),
    "images": (),
    "authors": (),
    "published": None,
    "modified": None,
    "url": None,
    "publisher": None,
    "language": None,
    "topics": (),
    "summary": None,
    "meta": {},
}


def sparse_articles(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Article]:
    """Generate valid articles in which every field not given is left empty.

    The counterpart of :func:`articles` for formats that hold only a few
    fields: name those, and the rest stay ``None``, ``()`` or ``{}``.  The
    title is generated as in :func:`articles` unless given.

    >>> from hypothesis import strategies as st
    >>> from newsparse.testing import sparse_articles, texts
    >>> titles_and_authors = sparse_articles(authors=st.lists(texts(single_line=True)))

    Raises:
        TypeError: a keyword is not a field of :class:`~newsparse.Article`.
    """
    empty = {name: st.just(value) for name, value in _EMPTY.items() if name not in fields}
    return articles(**empty, **fields)
