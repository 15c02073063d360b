"""The blocks of NITF's ``body.content``, read and written.

=============================  ============================================
NITF 3.6                       newsparse
=============================  ============================================
``p`` with ``a href``, ``em``  :class:`~newsparse.Paragraph` with link and
                               emphasis marks
``ul``, ``ol`` of ``li``       :class:`~newsparse.ListBlock`; a ``ul`` or
                               ``ol`` inside an ``li`` is the item's sublist
                               (``newsparse_iptc.list_items``)
``table`` (``caption``,        :class:`~newsparse.Table`: ``th`` cells are
``thead``, ``tbody``, ``tr``,  header cells, spans are kept
``th``/``td``, ``colspan``,
``rowspan``)
``bq`` of ``block``/``p``,     :class:`~newsparse.Quote`; ``class="pull-quote"``
with ``credit``                marks a pull quote, the ``credit`` is the
                               attribution
``pre``                        :class:`~newsparse.Preformatted`, spacing kept
``dl`` of ``dt`` and ``dd``    a two-column :class:`~newsparse.Table`: terms
                               are header cells (see
                               ``newsparse_iptc.definitions``)
=============================  ============================================

A ``bq`` holding anything but paragraphs and a credit, a table whose
cells hold blocks and a ``dl`` whose definitions hold blocks are read in
the flow instead (``newsparse_iptc.nitf.content``).  A definition list
is written as the table it reads as.  Strong
text has no NITF element and is refused when writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from newsparse import (
    Block,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    RenderError,
    Table,
)

from newsparse_iptc import tables
from newsparse_iptc.definitions import Entry, definition_table
from newsparse_iptc.inline import read_marked, write_marked
from newsparse_iptc.list_items import item_parts
from newsparse_iptc.nitf import names
from newsparse_iptc.text import collapse, text_of

__all__ = [
    "BLOCKS",
    "CELL_BLOCKS",
    "DEFINITION_BLOCKS",
    "MARKS",
    "MAX_LIST_LEVELS",
    "block_texts",
    "read_definitions",
    "read_list",
    "read_preformatted",
    "read_quote",
    "read_table",
    "read_text",
    "write_block",
]

BLOCKS = frozenset({"paragraph", "list", "table", "quote", "preformatted"})
"""The block kinds NITF writes."""

MARKS = frozenset({"link", "emphasis"})
"""The marks NITF writes: ``a href`` and ``em``."""

CELL_BLOCKS = frozenset({"p", "ul", "ol", "dl", "table", "bq", "pre", "block", "note", "fn"})
"""Elements that make a table cell one that holds blocks (read in the flow instead)."""
DEFINITION_BLOCKS = CELL_BLOCKS | {"hl2", "hr", "nitf-table"}
"""Elements that make a ``dd`` one that holds blocks."""

MAX_LIST_LEVELS = 100
"""The deepest nesting of lists written; deeper is refused.  Each level is two elements
(``ul``, ``li``), and from about 125 levels on a document passes libxml2's depth limit
(256 elements) and does not read back: 100 leaves room for the NewsML-G2 wrapping."""

_INLINE = {"a": "link", "em": "emphasis"}
_ELEMENT_OF_MARK = {"link": "a", "emphasis": "em"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_XML = re.compile("[\ufffe\uffff]")


def _tag(name: str) -> str:
    return f"{{{names.NAMESPACE}}}{name}"


def _children(element: etree._Element, *wanted: str) -> Iterator[tuple[str, etree._Element]]:
    for child in element:
        name = names.local_name(child)
        if name is not None and (not wanted or name in wanted):
            yield name, child


# -- reading ---------------------------------------------------------------


def read_text(element: etree._Element) -> tuple[str, list[Mark]]:
    """Return the collapsed text of ``element`` and its link and emphasis marks."""
    return read_marked(element, _INLINE)


def read_list(element: etree._Element) -> ListBlock | None:
    """Return a ``ul``/``ol`` as a list, or ``None`` when no item has text.

    A ``ul``/``ol`` child of an ``li`` is the item's sublist; text after it,
    or a second nested list, starts a following item
    (:func:`newsparse_iptc.list_items.item_parts`).  Text outside the
    ``li`` elements (which NITF does not allow, but files have) is an item
    of its own where it stands.  The depth is bounded by the parser's
    (``max_depth``).
    """
    items: list[ListItem] = []
    _add_loose(items, element.text)
    for child in element:
        if names.local_name(child) == "li":
            for part, nested in item_parts(child, _is_list):
                text, marks = read_text(part)
                sublist = read_list(nested) if nested is not None else None
                if text or sublist is not None:
                    items.append(
                        ListItem(text=text or None, marks=marks if text else (), sublist=sublist)
                    )
        elif isinstance(child.tag, str):  # not a comment or processing instruction
            text, marks = read_text(child)
            if text:
                items.append(ListItem(text=text, marks=marks))
        _add_loose(items, child.tail)
    if not items:
        return None
    return ListBlock(items=items, ordered=names.local_name(element) == "ol")


def _add_loose(items: list[ListItem], text: str | None) -> None:
    """Append ``text``, loose in a list, as an item when it is more than whitespace."""
    collapsed = collapse(text or "")
    if collapsed:
        items.append(ListItem(text=collapsed))


def _is_list(element: etree._Element) -> bool:
    return names.local_name(element) in ("ul", "ol")


def read_table(element: etree._Element) -> Table | None:
    """Return a ``table`` as a table, or ``None`` when it has no text or its cells hold blocks."""
    return tables.read_table(
        element,
        name_of=names.local_name,
        read_text=read_text,
        caption_text=text_of,
        blocks=CELL_BLOCKS,
    )


def read_definitions(element: etree._Element) -> Table | None:
    """Return a ``dl`` as a two-column table (:mod:`newsparse_iptc.definitions`).

    ``None`` when no term or definition has text, or when a ``dd`` holds
    blocks (the caller reads those in the flow).
    """
    entries: list[Entry] = []
    for name, child in _children(element, "dt", "dd"):
        if name == "dd" and any(True for _ in _children(child, *DEFINITION_BLOCKS)):
            return None
        text, marks = read_text(child)
        entries.append((name == "dt", text, marks))
    return definition_table(entries)


def read_quote(element: etree._Element) -> Quote | None:
    """Return a ``bq`` of paragraphs and a credit as a quote; ``None`` for any other ``bq``."""
    paragraphs: list[Paragraph] = []
    credits: list[str] = []
    for name, child in _children(element):
        if name == "credit":
            credits.append(text_of(child))
        elif name == "block":
            for inner_name, inner in _children(child):
                if inner_name != "p":
                    return None
                paragraphs.extend(_paragraph(inner))
        elif name == "p":
            paragraphs.extend(_paragraph(child))
        else:
            return None
    if not paragraphs:
        return None
    attribution = " ".join(text for text in credits if text) or None
    pull = "pull-quote" in (element.get("class") or "").split()
    return Quote(paragraphs=paragraphs, attribution=attribution, pull=pull)


def _paragraph(element: etree._Element) -> list[Paragraph]:
    text, marks = read_text(element)
    return [Paragraph(text=text, marks=marks)] if text else []


def read_preformatted(element: etree._Element) -> Preformatted | None:
    """Return a ``pre`` with its spacing, or ``None`` when it holds no text.

    Line ends are normalised and control characters made spaces; blank
    lines before the first line of text and whitespace after the last are
    cut (the model's text has none), and every other space is kept, those
    that end a line inside the text included.
    """
    text = "".join(str(part) for part in element.itertext())
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    text = "\n".join(lines).rstrip()
    return Preformatted(text=text) if text else None


# -- writing ---------------------------------------------------------------


def write_block(content: etree._Element, block: Block) -> None:
    """Append ``block`` to ``content`` (a checked article's ``body.content``)."""
    if isinstance(block, Paragraph):
        _marked(content, "p", block.text, block.marks)
    elif isinstance(block, ListBlock):
        _write_list(content, block)
    elif isinstance(block, Table):
        _write_table(content, block)
    elif isinstance(block, Quote):
        quote = etree.SubElement(content, _tag("bq"))
        if block.pull:
            quote.set("class", "pull-quote")
        inner = etree.SubElement(quote, _tag("block"))
        for paragraph in block.paragraphs:
            _marked(inner, "p", paragraph.text, paragraph.marks)
        if block.attribution is not None:
            etree.SubElement(quote, _tag("credit")).text = block.attribution
    elif isinstance(block, Preformatted):
        etree.SubElement(content, _tag("pre")).text = block.text
    else:  # the render guard refuses every other kind before NITF sees it
        raise TypeError(f"NITF does not write {block.kind} blocks")


def _marked(
    parent: etree._Element, name: str, text: str, marks: tuple[Mark, ...]
) -> etree._Element:
    element = etree.SubElement(parent, _tag(name))
    write_marked(element, text, marks, {kind: _tag(tag) for kind, tag in _ELEMENT_OF_MARK.items()})
    return element


def _write_list(parent: etree._Element, block: ListBlock) -> None:
    """Append ``block`` to ``parent``; a sublist goes inside its ``li``, after the item's text."""
    element = etree.SubElement(parent, _tag("ol" if block.ordered else "ul"))
    for item in block.items:
        li = _marked(element, "li", item.text or "", item.marks)
        if item.sublist is not None:
            _write_list(li, item.sublist)


def _write_table(content: etree._Element, block: Table) -> None:
    table = etree.SubElement(content, _tag("table"))
    if block.caption is not None:
        etree.SubElement(table, _tag("caption")).text = block.caption
    for part, rows in (("thead", block.head), ("tbody", block.rows)):
        if not rows:
            continue
        group = etree.SubElement(table, _tag(part))
        for row in rows:
            tr = etree.SubElement(group, _tag("tr"))
            for cell in row.cells:
                _marked(tr, "th" if cell.header else "td", cell.text or "", cell.marks)
                element = tr[-1]
                if cell.colspan != 1:
                    element.set("colspan", str(cell.colspan))
                if cell.rowspan != 1:
                    element.set("rowspan", str(cell.rowspan))


def block_texts(path: str, block: Block) -> Iterator[tuple[str, str]]:
    """Yield ``(field, text)`` for every text of ``block`` NITF writes collapsed.

    Raises:
        RenderError: lists nested more than :data:`MAX_LIST_LEVELS` deep, a
            table row without text (it reads back as no row), or
            preformatted text with a character XML 1.0 cannot hold.
    """
    if isinstance(block, Paragraph):
        yield path, block.text
    elif isinstance(block, ListBlock):
        yield from _item_texts(path, block)
    elif isinstance(block, Table):
        yield from _table_texts(path, block)
    elif isinstance(block, Quote):
        for index, paragraph in enumerate(block.paragraphs):
            yield f"{path}.paragraphs[{index}]", paragraph.text
        if block.attribution is not None:
            yield f"{path}.attribution", block.attribution
    elif isinstance(block, Preformatted) and (bad := _NOT_XML.search(block.text)):
        reason = f"XML 1.0 cannot hold U+{ord(bad.group()):04X}"
        raise RenderError(names.FORMAT_NAME, path, reason)


def _item_texts(path: str, block: ListBlock, level: int = 1) -> Iterator[tuple[str, str]]:
    for index, item in enumerate(block.items):
        if item.text is not None:
            yield f"{path}.items[{index}]", item.text
        if item.sublist is not None:
            where = f"{path}.items[{index}].sublist"
            if level == MAX_LIST_LEVELS:
                reason = f"lists nested more than {MAX_LIST_LEVELS} deep would not read back"
                raise RenderError(names.FORMAT_NAME, where, reason)
            yield from _item_texts(where, item.sublist, level + 1)


def _table_texts(path: str, block: Table) -> Iterator[tuple[str, str]]:
    if block.caption is not None:
        yield f"{path}.caption", block.caption
    for part in ("head", "rows"):
        for row_index, row in enumerate(getattr(block, part)):
            if all(cell.text is None for cell in row.cells):
                where = f"{path}.{part}[{row_index}]"
                raise RenderError(names.FORMAT_NAME, where, "a row without text reads back as none")
            for cell_index, cell in enumerate(row.cells):
                if cell.text is not None:
                    yield f"{path}.{part}[{row_index}].cells[{cell_index}]", cell.text
