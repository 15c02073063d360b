"""Looking at NewsML 1.x elements: names, children, attributes and texts.

A NewsML 1.x element is in no namespace (documents written for the DTD) or
in the namespace of the NewsML 1.2 XML Schema (:data:`names.NAMESPACES`);
elements of other namespaces, comments and processing instructions are not
NewsML 1.x elements.  :class:`ItemError` and :class:`Problem` carry the
element a problem is in, whose line the error reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from newsparse_iptc.newsml1 import names
from newsparse_iptc.text import collapse, text_of

__all__ = [
    "ItemError",
    "Problem",
    "attribute",
    "children",
    "first",
    "formal_name",
    "is_element",
    "name_of",
    "text",
]


class ItemError(ValueError):
    """The element cannot give an article; ``element`` is where the reason is."""

    def __init__(self, message: str, element: etree._Element) -> None:
        super().__init__(message)
        self.element = element
        """The element the problem is in (its line is the error's)."""


class Problem(NamedTuple):
    """Something of an item that was read but could not be placed in its article."""

    message: str
    """What could not be placed, and why."""
    element: etree._Element
    """The element it is in (its line is the error's)."""


def is_element(node: object) -> bool:
    """Return whether ``node`` is an element (not a comment or a processing instruction)."""
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def name_of(element: object) -> str | None:
    """Return the local name of a NewsML 1.x element, or ``None`` for anything else."""
    if not is_element(element):
        return None
    assert isinstance(element, etree._Element)
    qname = etree.QName(element)
    return qname.localname if qname.namespace in names.NAMESPACES else None


def children(element: etree._Element | None, *wanted: str) -> Iterator[etree._Element]:
    """Yield the NewsML 1.x children of ``element`` named one of ``wanted`` (any, if none)."""
    if element is None:
        return
    for child in element:
        found = name_of(child)
        if found is not None and (not wanted or found in wanted):
            yield child


def first(element: etree._Element | None, *path: str) -> etree._Element | None:
    """Return the first element down ``path`` (names of children, one per level), if any."""
    for step in path:
        element = next(children(element, step), None)
    return element


def attribute(element: etree._Element | None, name: str) -> str | None:
    """Return the collapsed value of the attribute ``name``, ``None`` if absent or blank."""
    if element is None:
        return None
    return collapse(element.get(name) or "") or None


def formal_name(element: etree._Element | None) -> str | None:
    """Return the ``FormalName`` attribute of ``element``, if it has a non-blank one."""
    return attribute(element, "FormalName")


def text(element: etree._Element | None) -> str | None:
    """Return the collapsed text inside ``element``, ``None`` if there is none."""
    if element is None:
        return None
    return text_of(element) or None
