"""Links, emphasis and strong text of a page's paragraphs, as marks over their text.

The body extractor makes each paragraph's text by collapsing the whitespace
of the text nodes under it (``collapse`` of the element's text content).
The functions here walk the same text nodes, remember which inline elements
each one sits in, and collapse them the same way, so the marks they return
fit that very text:

* ``<a href>`` is a link (an ``href`` the model refuses, an empty one or a
  ``javascript:`` one makes no mark; the text stays), ``<em>`` and ``<i>``
  are emphasis, ``<strong>`` and ``<b>`` are strong;
* a link inside a link (markup a browser would not build, but a tree may
  hold) counts as the inner one only: two links never cover one character;
* a mark never starts or ends on a space: the space between two words is
  covered only when both words are.

``marked_text`` returns ``None`` when the element holds no such element,
which costs one search, so paragraphs without markup cost nothing more.
"""

from __future__ import annotations

from lxml import etree

from newsparse._formats.html.dom import clean_url, collapse
from newsparse._marks import EMPHASIS, LINK, STRONG, Mark

__all__ = [
    "MARK_TAGS",
    "MarkKey",
    "Part",
    "collapse_marked",
    "has_marks",
    "keys_inside",
    "marked_parts",
    "marked_text",
]

MarkKey = tuple[str, str | None]
"""A mark's kind and, for a link, its href."""

Part = tuple[str, frozenset[MarkKey]]
"""A text node's text and the marks it sits in."""

_KIND_OF_TAG = {"a": LINK, "em": EMPHASIS, "i": EMPHASIS, "strong": STRONG, "b": STRONG}
MARK_TAGS = tuple(_KIND_OF_TAG)
"""The inline elements that make marks."""

_NO_KEYS: frozenset[MarkKey] = frozenset()


def has_marks(element: etree._Element) -> bool:
    """Whether ``element`` holds an inline element that makes a mark."""
    return len(element) > 0 and next(element.iterdescendants(*MARK_TAGS), None) is not None


def keys_inside(element: etree._Element, outer: frozenset[MarkKey]) -> frozenset[MarkKey]:
    """Return the marks the text directly inside ``element`` carries, given those around it."""
    kind = _KIND_OF_TAG.get(element.tag)
    if kind is None:
        return outer
    if kind != LINK:
        return outer | {(kind, None)}
    inner = frozenset(key for key in outer if key[0] != LINK) if outer else outer
    href = _href(element)
    return inner | {(LINK, href)} if href is not None else inner


def _href(link: etree._Element) -> str | None:
    href = clean_url(link.get("href"))
    if href is None or href[:11].lower() == "javascript:":
        return None
    return href


def marked_parts(
    element: etree._Element, outer: frozenset[MarkKey] = _NO_KEYS, parts: list[Part] | None = None
) -> list[Part]:
    """Return the text nodes of ``element`` (not its tail) with the marks each sits in.

    ``outer`` are the marks around ``element``; its own tag counts too.  The
    texts, joined, are the element's text content.
    """
    if parts is None:
        parts = []
    keys = keys_inside(element, outer)
    append = parts.append
    if element.text:
        append((element.text, keys))
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            if tag in _KIND_OF_TAG or len(child):
                marked_parts(child, keys, parts)
            elif child.text:  # a plain element holding text only: its text, no call
                append((child.text, keys))
        if child.tail:
            append((child.tail, keys))
    return parts


def collapse_marked(parts: list[Part]) -> tuple[str, list[Mark]]:
    """Collapse the whitespace of the joined texts, as ``collapse`` does, and place the marks.

    Returns the text and its marks (not yet in canonical order: the
    paragraph's constructor sorts them).
    """
    out: list[str] = []
    length = 0
    space = False  # whitespace was seen since the last text written
    runs: dict[MarkKey, list[list[int]]] = {}
    for text, keys in parts:
        if not text:
            continue
        if text.isprintable() and " " not in text:
            words = text  # one word: nothing to collapse (the common case of a link)
        else:
            words = " ".join(text.split())
            if not words.isprintable():
                words = collapse(words)  # control characters count as whitespace
            if not words:
                space = True
                continue
            first = text[0]
            if first.isspace() or (not first.isprintable() and _is_gap(first)):
                space = True
        if space and length:
            out.append(" ")
            length += 1
        start = length
        out.append(words)
        length += len(words)
        last = text[-1]
        space = last.isspace() or (not last.isprintable() and _is_gap(last))
        if keys:
            _extend(runs, keys, start, length)
    marks = [
        Mark(kind=kind, start=start, end=end, href=href)
        for (kind, href), spans in runs.items()
        for start, end in spans
    ]
    return "".join(out), marks


def _extend(
    runs: dict[MarkKey, list[list[int]]], keys: frozenset[MarkKey], start: int, end: int
) -> None:
    """Add the range ``start:end`` to the runs of each mark in ``keys``."""
    for key in keys:
        spans = runs.get(key)
        if spans is None:
            runs[key] = [[start, end]]
        elif spans[-1][1] >= start - 1:  # touching, or one space between
            spans[-1][1] = end
        else:
            spans.append([start, end])


def _is_gap(char: str) -> bool:
    """Whether ``collapse`` takes ``char`` for whitespace (a control character counts)."""
    return char.isspace() or not collapse(char)


def marked_text(element: etree._Element, text: str) -> list[Mark] | None:
    """Return the marks of ``element``, whose collapsed text content is ``text``.

    ``None`` when it holds no marking element, or (a safeguard) when the
    walk does not give ``text`` back.
    """
    if not has_marks(element):
        return None
    walked, marks = collapse_marked(marked_parts(element))
    return marks if marks and walked == text else None
