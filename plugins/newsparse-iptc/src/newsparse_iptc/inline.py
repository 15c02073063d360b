"""Marked text in XML: ``<a href>`` and ``<em>`` inside a paragraph, both ways.

Reading, :func:`read_marked` collapses XML whitespace (as :func:`collapse`
does for plain text) and keeps, for each link and emphasis, the range of the
collapsed text it covers, trimmed of the spaces at its ends.  Writing,
:func:`write_marked` fills an element with the text and nested ``a``/``em``
elements for the marks (see ``newsparse.Mark``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from lxml import etree
from newsparse import Mark

__all__ = ["read_marked", "write_marked"]

# As newsparse_iptc.text.collapse: XML whitespace, and what the model forbids.
_XML_SPACE = re.compile("[\x00-\x20\x7f-\x9f\u2028\u2029]+")

_ORDER = {"link": 0, "emphasis": 1, "strong": 2}
# Elements whose text stands apart from the text around it (as in text.text_of):
# "<li><p>One</p><p>Two</p></li>" reads "One Two", not "OneTwo".
_SEPARATING = frozenset(
    {
        *("p", "li", "dt", "dd", "td", "th", "tr", "pre", "div", "table", "caption"),
        *("ul", "ol", "dl", "block", "bq", "blockquote", "hl1", "hl2"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "section", "figure", "figcaption"),
    }
)


def read_marked(
    element: etree._Element,
    tags: dict[str, str],
    *,
    clean: Callable[[str], str] | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[str, list[Mark]]:
    """Return the collapsed text of ``element`` and the marks its ``tags`` children make.

    ``tags`` maps an element's local name to a mark kind
    (``{"a": "link", "em": "emphasis"}``).  Other elements give their text,
    unmarked, apart from the text around them when they are blocks
    (``p``, ``li``, ...); ``br`` is a space.  ``clean``, when given, is
    applied to each piece of text before it is collapsed; elements named in
    ``skip`` are left out (the caller reads them otherwise).
    """
    pieces: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []

    def add(text: str | None, active: tuple[tuple[str, str | None], ...]) -> None:
        if text:
            pieces.append((clean(text) if clean is not None else text, active))

    def walk(node: etree._Element, active: tuple[tuple[str, str | None], ...]) -> None:
        add(node.text, active)
        for child in node:
            tag: object = child.tag
            name = etree.QName(tag).localname if isinstance(tag, str) else ""
            kind = tags.get(name)
            if name == "br":
                pieces.append((" ", active))  # XML formats write a line break as a space
            elif not name or name in skip:
                pass  # a comment or processing instruction, or an element read otherwise
            elif kind is None:
                gap = " " if name in _SEPARATING else ""
                pieces.append((gap, active))
                walk(child, active)
                pieces.append((gap, active))
            else:
                href = (child.get("href") or "").strip() or None if kind == "link" else None
                walk(child, active if kind == "link" and href is None else (*active, (kind, href)))
            add(child.tail, active)

    walk(element, ())
    return _collapsed(pieces)


def _collapsed(
    pieces: list[tuple[str, tuple[tuple[str, str | None], ...]]],
) -> tuple[str, list[Mark]]:
    chars: list[str] = []
    owners: list[tuple[tuple[str, str | None], ...]] = []
    for text, active in pieces:
        for char in _XML_SPACE.sub(" ", text):
            if char == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(char)
            owners.append(active)
    # As text.collapse: the ends lose every space, U+00A0 included.
    start = 0
    while start < len(chars) and chars[start].isspace():
        start += 1
    while len(chars) > start and chars[-1].isspace():
        chars.pop()
        owners.pop()
    text = "".join(chars[start:])
    owners = owners[start:]
    return text, _marks(text, owners)


def _marks(text: str, owners: list[tuple[tuple[str, str | None], ...]]) -> list[Mark]:
    """Return the marks over ``text`` whose character ``i`` carries ``owners[i]``."""
    ranges: dict[tuple[str, str | None], list[list[int]]] = {}
    for index, active in enumerate(owners):
        for mark in active:
            spans = ranges.setdefault(mark, [])
            if spans and spans[-1][1] == index:
                spans[-1][1] = index + 1
            else:
                spans.append([index, index + 1])
    marks = []
    for (kind, href), spans in ranges.items():
        for first, last in spans:
            start, end = first, last
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                marks.append(Mark(kind=kind, start=start, end=end, href=href))
    return marks


def write_marked(
    element: etree._Element, text: str, marks: tuple[Mark, ...], names: dict[str, str]
) -> None:
    """Fill ``element`` with ``text``, nesting an element named ``names[kind]`` per mark.

    ``element`` always gets a text node, empty when a mark starts the text:
    an element holding only elements is indented when pretty-printed, and
    the indentation would read back as spaces between the marked words.
    """
    element.text = text if not marks else ""
    if not marks:
        return
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    stack: list[tuple[Mark, etree._Element]] = []
    for start, end in itertools.pairwise(cuts):
        active = sorted(
            (m for m in marks if m.start <= start and end <= m.end),
            key=lambda m: (_ORDER[m.kind], m.start),
        )
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep][0] == active[keep]:
            keep += 1
        del stack[keep:]
        for mark in active[keep:]:
            parent = stack[-1][1] if stack else element
            child = etree.SubElement(parent, names[mark.kind])
            if mark.href is not None:
                child.set("href", mark.href)
            stack.append((mark, child))
        _append_text(stack[-1][1] if stack else element, text[start:end])


def _append_text(element: etree._Element, text: str) -> None:
    """Add ``text`` at the end of ``element``'s content."""
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text
