"""The blocks of NITF's ``body.content``, read and written.

=============================  ============================================
NITF 3.6                       newsparse
=============================  ============================================
``p`` with ``a href``, ``em``  :class:`~newsparse.Paragraph` with link and
                               emphasis marks
``ul``, ``ol`` of ``li``       :class:`~newsparse.ListBlock` (NITF lists
                               do not nest: a nested list is refused)
``table`` (``caption``,        :class:`~newsparse.Table`: ``th`` cells are
``thead``, ``tbody``, ``tr``,  header cells, spans are kept
``th``/``td``, ``colspan``,
``rowspan``)
``bq`` of ``block``/``p``,     :class:`~newsparse.Quote`; ``class="pull-quote"``
with ``credit``                marks a pull quote, the ``credit`` is the
                               attribution
``pre``                        :class:`~newsparse.Preformatted`, spacing kept
=============================  ============================================

A ``bq`` holding anything but paragraphs and a credit, and a table whose
cells hold blocks, are read as before: their paragraphs in order.  Strong
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
    TableCell,
    TableRow,
)

from newsparse_iptc.inline import read_marked, write_marked
from newsparse_iptc.nitf import names
from newsparse_iptc.text import text_of

__all__ = [
    "BLOCKS",
    "MARKS",
    "block_texts",
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

_INLINE = {"a": "link", "em": "emphasis"}
_ELEMENT_OF_MARK = {"link": "a", "emphasis": "em"}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_MAX_SPAN = 1000
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
    """Return a ``ul``/``ol`` as a list, or ``None`` when no item has text."""
    items = []
    for _, li in _children(element, "li"):
        text, marks = read_text(li)
        if text:
            items.append(ListItem(text=text, marks=marks))
    if not items:
        return None
    return ListBlock(items=items, ordered=names.local_name(element) == "ol")


def read_table(element: etree._Element) -> Table | None:
    """Return a ``table`` as a table, or ``None`` when it has no text or its cells hold blocks."""
    rows: list[tuple[etree._Element, bool]] = []
    for name, part in _children(element):
        if name == "tr":
            rows.append((part, False))
        elif name in ("thead", "tbody", "tfoot"):
            rows.extend((row, name == "thead") for _, row in _children(part, "tr"))
    head: list[TableRow] = []
    body: list[TableRow] = []
    for row, in_head in rows:
        cells = []
        for name, cell in _children(row, "th", "td"):
            if any(True for _ in _children(cell, "p", "ul", "ol", "table", "bq", "pre")):
                return None
            text, marks = read_text(cell)
            cells.append(
                TableCell(
                    text=text or None,
                    marks=marks if text else (),
                    header=name == "th",
                    colspan=_span(cell.get("colspan")),
                    rowspan=_span(cell.get("rowspan")),
                )
            )
        if cells and any(cell.text is not None for cell in cells):
            (head if in_head else body).append(TableRow(cells=cells))
    if not head and not body:
        return None
    captions = [text_of(caption) for _, caption in _children(element, "caption")]
    return Table(caption=next((c for c in captions if c), None), head=head, rows=body)


def _span(value: str | None) -> int:
    digits = (value or "").strip()
    return min(max(int(digits), 1), _MAX_SPAN) if digits.isdigit() else 1


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
    """Return a ``pre`` with its spacing (line ends normalised, trailing spaces cut)."""
    text = "".join(str(part) for part in element.itertext())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_CONTROL.sub(" ", line).rstrip() for line in text.split("\n")]
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
        element = etree.SubElement(content, _tag("ol" if block.ordered else "ul"))
        for item in block.items:
            _marked(element, "li", item.text or "", item.marks)
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


def _marked(parent: etree._Element, name: str, text: str, marks: tuple[Mark, ...]) -> None:
    element = etree.SubElement(parent, _tag(name))
    write_marked(element, text, marks, {kind: _tag(tag) for kind, tag in _ELEMENT_OF_MARK.items()})


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
        RenderError: a nested list, which NITF cannot hold, or preformatted
            text with a character XML 1.0 cannot hold.
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


def _item_texts(path: str, block: ListBlock) -> Iterator[tuple[str, str]]:
    for index, item in enumerate(block.items):
        if item.sublist is not None:
            where = f"{path}.items[{index}].sublist"
            raise RenderError(names.FORMAT_NAME, where, "NITF lists do not nest")
        if item.text is not None:
            yield f"{path}.items[{index}]", item.text


def _table_texts(path: str, block: Table) -> Iterator[tuple[str, str]]:
    if block.caption is not None:
        yield f"{path}.caption", block.caption
    for part in ("head", "rows"):
        for row_index, row in enumerate(getattr(block, part)):
            for cell_index, cell in enumerate(row.cells):
                if cell.text is not None:
                    yield f"{path}.{part}[{row_index}].cells[{cell_index}]", cell.text
