"""Reading an HTML-style table (NITF's and XHTML's table model) into a :class:`~newsparse.Table`.

Both NITF 3.6 and XHTML have ``table`` with ``caption``, ``thead``/``tbody``/
``tfoot`` groups (or bare ``tr`` rows), and ``th``/``td`` cells with
``colspan`` and ``rowspan``.  :func:`read_table` reads either, given how
the format names its elements and reads marked text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree
from newsparse import Mark, Table, TableCell, TableRow

__all__ = ["read_table", "rows_of"]

_MAX_SPAN = 1000

NameOf = Callable[[etree._Element], str | None]


def _children(
    element: etree._Element, name_of: NameOf, *wanted: str
) -> Iterator[tuple[str, etree._Element]]:
    for child in element:
        name = name_of(child)
        if name is not None and (not wanted or name in wanted):
            yield name, child


def rows_of(element: etree._Element, name_of: NameOf) -> list[tuple[etree._Element, bool]]:
    """Return the ``tr`` rows of a table in order, each with whether it is in the ``thead``."""
    rows: list[tuple[etree._Element, bool]] = []
    for name, part in _children(element, name_of):
        if name == "tr":
            rows.append((part, False))
        elif name in ("thead", "tbody", "tfoot"):
            rows.extend((row, name == "thead") for _, row in _children(part, name_of, "tr"))
    return rows


def _span(value: str | None) -> int:
    digits = (value or "").strip()
    return min(max(int(digits), 1), _MAX_SPAN) if digits.isdigit() else 1


def read_table(
    element: etree._Element,
    *,
    name_of: NameOf,
    read_text: Callable[[etree._Element], tuple[str, list[Mark]]],
    caption_text: Callable[[etree._Element], str],
    blocks: frozenset[str],
) -> Table | None:
    """Return ``element`` as a table; ``None`` when it has no text or a cell holds blocks.

    ``name_of`` gives an element's local name (``None`` for what the format
    does not read), ``read_text`` a cell's text and marks, ``caption_text``
    the caption's text; a cell holding an element named in ``blocks`` makes
    the table one the caller reads otherwise.  ``th`` cells are header
    cells; spans are kept (from 1 to 1000).  Rows without text are left
    out.
    """
    head: list[TableRow] = []
    body: list[TableRow] = []
    for row, in_head in rows_of(element, name_of):
        cells = []
        for name, cell in _children(row, name_of, "th", "td"):
            if any(True for _ in _children(cell, name_of, *blocks)):
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
    captions = [caption_text(caption) for _, caption in _children(element, name_of, "caption")]
    return Table(caption=next((c for c in captions if c), None), head=head, rows=body)
