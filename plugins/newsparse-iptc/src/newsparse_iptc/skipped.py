"""Body content a reader leaves out, and the diagnostics that report it.

The body readers of the NITF and XHTML content read every element that has a
place in the model.  What has none (a note not for publication, a page
header, an embedded video, ...) is recorded as a :class:`Skipped` element
with the reason, and the format reports each one after the article as a
:class:`~newsparse.ParseError` naming the element, its line and its column
(``skipped_errors``), so that no text is left out silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from newsparse import ParseError

from newsparse_iptc.text import text_of
from newsparse_iptc.xmlsafe import Document, line_of

__all__ = ["Skipped", "describe", "holds_text", "skipped_errors"]


@dataclass(frozen=True)
class Skipped:
    """An element of a body that is not read, and why."""

    element: etree._Element
    """The element left out (with everything inside it)."""
    reason: str
    """Why the model has no place for it, as the end of a sentence."""


def holds_text(element: etree._Element) -> bool:
    """Tell whether ``element`` or anything inside it holds text other than whitespace."""
    return any(str(part).strip() for part in element.itertext())


def _name(element: etree._Element) -> str:
    tag: object = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else "?"


def describe(item: Skipped) -> str:
    """Return the message that reports ``item``: the element, why, and that the article is kept."""
    return (
        f"the <{_name(item.element)}> element is not read: {item.reason};"
        " the article is read without it"
    )


def _column(document: Document, line: int, element: etree._Element) -> int:
    """Return the column of ``element``'s start tag on ``line`` of ``document`` (1 if not found).

    The tag is looked for as the source writes it (with its prefix, if
    any).  When the line starts several such elements, the element's place
    among those of its tree that start on the line picks the one.
    """
    lines = document.text.split("\n")
    if not 1 <= line <= len(lines):
        return 1
    prefix = element.prefix
    written = f"{prefix}:{_name(element)}" if prefix else _name(element)
    found = [
        match.start() + 1
        for match in re.finditer(rf"<{re.escape(written)}(?=[\s/>])", lines[line - 1])
    ]
    if not found:
        return 1
    same = [
        node
        for node in element.getroottree().iter(element.tag)
        if line_of(node) == line and node.prefix == prefix
    ]
    place = same.index(element) if element in same else 0
    return found[min(place, len(found) - 1)]


def skipped_errors(
    skipped: list[Skipped], document: Document, *, format_name: str, source: str
) -> Iterator[ParseError]:
    """Yield one :class:`~newsparse.ParseError` per skipped element, in document order.

    ``document`` is the text the elements were parsed from: their lines
    count from its first line.
    """
    for item in sorted(skipped, key=lambda item: line_of(item.element)):
        line = line_of(item.element)
        yield ParseError(
            describe(item),
            format=format_name,
            source=source,
            line=document.first_line - 1 + line,
            column=_column(document, line, item.element),
            excerpt=text_of(item.element) or None,
        )
