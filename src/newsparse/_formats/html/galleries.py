"""Picture galleries inside an article's text: their pictures count, their captions do not.

A page may put a gallery (a slideshow of pictures with a title and a
caption each, often about other stories) in the middle of its article.  Its
captions are not the article's text.  The collector asks
:func:`inner_galleries` which elements of a container are such galleries,
and takes only their pictures (with the captions of their figures).

A gallery is an element whose ``class`` or ``id`` holds the word
``gallery``, ``carousel`` or ``legends`` (a slideshow's list of captions),
alone or joined by ``-`` or ``_`` ("full-gallery", "carousel_items").  It
counts only inside a container with an article's text outside its galleries
(1000 characters, or half its text): a page that is a gallery, whose
captions are its text, keeps them.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from newsparse._formats.html.measures import Measures

__all__ = ["inner_galleries", "is_named_gallery"]

# Searched in " " + the lower-cased names; a word, alone or between "-", "_".
_GALLERY_NAME = re.compile(r"[\s_-](?:gallery|carousel|legends)(?=$|[\s_-])")
_STEMS = re.compile("galler|carousel|legends", re.IGNORECASE)
# The candidates, found by libxml2 before the names are read word by word.
_NAMED = etree.XPath(
    ".//*[contains(@class, 'galler') or contains(@class, 'carousel')"
    " or contains(@class, 'legends') or contains(@id, 'galler')"
    " or contains(@id, 'carousel') or contains(@id, 'legends')]"
)
_TEXT_SHARE = 0.5  # this share of a container's text outside its galleries is its text
_ARTICLE_TEXT = 1000  # characters outside the galleries that are an article's text


def is_named_gallery(element: etree._Element) -> bool:
    """Whether ``element``'s ``class`` or ``id`` names it a gallery (see the module docstring).

    Asked of every block the collector walks: a quick test of the words'
    stems comes first.
    """
    names = element.get("class")
    identifier = element.get("id")
    if identifier is not None:
        names = identifier if names is None else f"{names} {identifier}"
    return names is not None and _names_gallery(names)


@functools.lru_cache(maxsize=4096)
def _names_gallery(names: str) -> bool:
    """Whether ``class`` and ``id`` values (joined by a space) name a gallery."""
    if _STEMS.search(names) is None:
        return False
    return _GALLERY_NAME.search(" " + names.lower()) is not None


def inner_galleries(container: etree._Element, measures: Measures) -> frozenset[etree._Element]:
    """Return the outermost galleries inside ``container`` whose text is not its text.

    None when the text outside them is less than ``_ARTICLE_TEXT`` characters
    and less than ``_TEXT_SHARE`` of the container's text.
    """
    found: list[etree._Element] = []
    named = _NAMED(container)
    for element in named if isinstance(named, list) else ():
        if not isinstance(element, etree._Element):
            continue
        if not is_named_gallery(element):
            continue
        if found and _inside(element, found[-1]):
            continue  # document order: an outer gallery comes first
        found.append(element)
    if not found:
        return frozenset()
    total = measures.length(container)
    outside = total - sum(measures.length(element) for element in found)
    if outside < min(_TEXT_SHARE * total, _ARTICLE_TEXT):
        return frozenset()
    return frozenset(found)


def _inside(element: etree._Element, other: etree._Element) -> bool:
    """Whether ``element`` is a descendant of ``other``."""
    return any(ancestor is other for ancestor in element.iterancestors())
