"""The blocks of a NewsML-G2 item's inline XHTML: marked text, lists, tables, quotes.

==============================  ===========================================
XHTML                           newsparse
==============================  ===========================================
``a href``, ``em``/``i``,       link, emphasis and strong marks; ``br`` is a
``strong``/``b``, ``br``        space (the item is written as NITF, which
                                has no line break inside a paragraph)
``ul``, ``ol`` of ``li``        :class:`~newsparse.ListBlock`; a list inside
                                an item is its sublist; text after it, or a
                                second list, starts a following item
                                (``newsparse_iptc.list_items``)
``table`` (``caption``,         :class:`~newsparse.Table`: ``th`` cells are
``thead``, ``tbody``,           header cells, spans are kept
``tfoot``, ``tr``, ``th``/
``td``, ``colspan``,
``rowspan``)
``blockquote``                  :class:`~newsparse.Quote` of its ``p``
                                elements (or its text); a ``footer`` or
                                ``cite`` directly inside it is the
                                attribution, without a leading dash; a
                                ``pull-quote`` or ``pullquote`` class makes
                                it a pull quote
``dl`` of ``dt`` and ``dd``     a two-column :class:`~newsparse.Table`
                                (``newsparse_iptc.definitions``)
``pre``                         :class:`~newsparse.Preformatted`
==============================  ===========================================

Each reader returns ``None`` for an element whose content does not fit its
block (a list holding text outside its items, a table whose cells hold
blocks, a quote holding a list...): the caller then reads the element's
content in the flow, so that nothing is lost.  Text escaped twice is
unescaped (``unescape_twice``).
"""

from __future__ import annotations

from lxml import etree
from newsparse import ListBlock, ListItem, Mark, Paragraph, Quote, Table

from newsparse_iptc import tables
from newsparse_iptc.definitions import Entry, definition_table
from newsparse_iptc.inline import read_marked
from newsparse_iptc.list_items import item_parts
from newsparse_iptc.newsml_g2 import names
from newsparse_iptc.newsml_g2.xhtml_text import unescape_twice
from newsparse_iptc.nitf import names as nitf_names
from newsparse_iptc.skipped import holds_text
from newsparse_iptc.text import collapse, text_of

__all__ = [
    "BLOCKS",
    "name_of",
    "read_definitions",
    "read_list",
    "read_quote",
    "read_table",
    "read_text",
]

_MARKS = {"a": "link", "em": "emphasis", "i": "emphasis", "strong": "strong", "b": "strong"}
_LISTS = frozenset({"ul", "ol"})
_ATTRIBUTION = frozenset({"footer", "cite"})
_PULL = frozenset({"pull-quote", "pullquote"})
_DASHES = "\u2014\u2013\u2015- "  # "— The mayor"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
"""The headings: each starts a section."""
BLOCKS = (
    frozenset(
        {
            *("p", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "blockquote", "figure"),
            *("div", "section", "article", "main", "aside", "header", "footer", "nav"),
            *("html", "body", "center", "address", "hr", "img", "script", "style", "head"),
            *("object", "video", "audio", "iframe", "embed", "form", "fieldset"),
        }
    )
    | HEADINGS
)
"""The XHTML elements that are blocks, not inline text."""


def name_of(element: object) -> str | None:
    """Return the local name of an XHTML element (XHTML namespace or none), else ``None``."""
    return nitf_names.local_name(element, names.XHTML_NAMESPACE)


def _children(element: etree._Element, *wanted: str) -> list[tuple[str, etree._Element]]:
    found = [(name_of(child), child) for child in element]
    return [(name, child) for name, child in found if name and (not wanted or name in wanted)]


def read_text(
    element: etree._Element, *, skip: frozenset[str] = frozenset()
) -> tuple[str, list[Mark]]:
    """Return the collapsed text of ``element`` and its link, emphasis and strong marks."""
    return read_marked(element, _MARKS, clean=unescape_twice, skip=skip)


def _plain(element: etree._Element) -> str:
    return unescape_twice(text_of(element))


def _loose_text(element: etree._Element, kept: frozenset[str]) -> bool:
    """Tell whether ``element`` holds text outside its children named ``kept``."""
    if (element.text or "").strip():
        return True
    for child in element:
        name = name_of(child)
        if (child.tail or "").strip():
            return True
        tag: object = child.tag  # a function for comments and processing instructions
        if isinstance(tag, str) and name not in kept and holds_text(child):
            return True
    return False


def read_list(element: etree._Element) -> ListBlock | None:
    """Return a ``ul``/``ol`` as a list; ``None`` when it has no text or text outside its items."""
    if _loose_text(element, frozenset({"li"})):
        return None
    items = []
    for _, li in _children(element, "li"):
        for part, nested in item_parts(li, _is_list):
            text, marks = read_text(part)
            sublist = None
            if nested is not None:
                sublist = read_list(nested)
                if sublist is None and holds_text(nested):
                    return None  # a nested list with loose text: read in the flow
            if text or sublist is not None:
                items.append(
                    ListItem(text=text or None, marks=marks if text else (), sublist=sublist)
                )
    if not items:
        return None
    return ListBlock(items=items, ordered=name_of(element) == "ol")


def _is_list(element: etree._Element) -> bool:
    return name_of(element) in _LISTS


def read_table(element: etree._Element) -> Table | None:
    """Return a ``table`` as a table; ``None`` when it has no text or its cells hold blocks."""
    return tables.read_table(
        element,
        name_of=name_of,
        read_text=read_text,
        caption_text=_plain,
        blocks=BLOCKS - {"img", "hr", "script", "style"},
    )


def read_quote(element: etree._Element) -> Quote | None:
    """Return a ``blockquote`` of paragraphs (or of text) and an attribution as a quote.

    ``None`` when it holds other blocks, or text both in and outside ``p``.
    """
    parts = _children(element)
    attribution = " ".join(
        text for name, child in parts if name in _ATTRIBUTION and (text := _plain(child))
    )
    if any(name in BLOCKS and name not in _ATTRIBUTION | {"p"} for name, _ in parts):
        return None
    paragraphs = [
        Paragraph(text=text, marks=marks)
        for name, child in parts
        if name == "p"
        for text, marks in [read_text(child)]
        if text
    ]
    if _loose_text(element, _ATTRIBUTION | {"p"}):
        if paragraphs:
            return None
        text, marks = read_text(element, skip=_ATTRIBUTION)
        paragraphs = [Paragraph(text=text, marks=marks)] if text else []
    if not paragraphs:
        return None
    pull = bool(_PULL & set((element.get("class") or "").split()))
    attribution = collapse(attribution.lstrip(_DASHES))
    return Quote(paragraphs=paragraphs, attribution=attribution or None, pull=pull)


def read_definitions(element: etree._Element) -> Table | None:
    """Return a ``dl`` as a two-column table.

    ``None`` when a ``dd`` holds blocks or text is outside the terms and definitions.
    """
    if _loose_text(element, frozenset({"dt", "dd"})):
        return None
    entries: list[Entry] = []
    for name, child in _children(element, "dt", "dd"):
        if any(inner in BLOCKS for inner, _ in _children(child)):
            return None
        text, marks = read_text(child)
        entries.append((name == "dt", text, marks))
    return definition_table(entries)
