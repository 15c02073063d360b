"""Definition lists (``dl`` of ``dt`` terms and ``dd`` definitions) as two-column tables.

NITF and XHTML both have definition lists: fact boxes ("Capital: Oslo",
"Population: 5.5 million") and glossaries.  The model has no block of its
own for them; a table of two columns keeps what a definition list says.
Each term is a header cell (``th``) in the first column, its definition the
cell beside it.  A term with several definitions spans their rows
(``rowspan``), and so does a definition given for several terms; terms and
definitions that pair otherwise fill their rows in order, with empty cells
where one side runs out.  A list of "term: definition" items would need a
separator the source does not have, and could not be told apart from an
item that holds a colon.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsparse import Mark, Table, TableCell, TableRow

__all__ = ["Entry", "definition_table"]

Entry = tuple[bool, str, Sequence[Mark]]
"""A ``dt`` or ``dd``: whether it is a term, its collapsed text, and its marks."""


def _groups(entries: Sequence[Entry]) -> list[tuple[list[Entry], list[Entry]]]:
    """Split ``entries`` into runs of terms, each with the definitions that follow it."""
    groups: list[tuple[list[Entry], list[Entry]]] = []
    for entry in entries:
        if not groups or (entry[0] and groups[-1][1]):
            groups.append(([], []))
        groups[-1][0 if entry[0] else 1].append(entry)
    return groups


def _cell(entry: Entry | None, *, term: bool, rowspan: int = 1) -> TableCell:
    if entry is None:
        return TableCell(header=term, rowspan=rowspan)
    return TableCell(text=entry[1], marks=entry[2], header=term, rowspan=rowspan)


def definition_table(entries: Sequence[Entry]) -> Table | None:
    """Return the two-column table of a definition list's entries, or ``None`` if none has text.

    Entries without text are left out, so every row holds some text.

    >>> from newsparse import Mark
    >>> table = definition_table([(True, "Capital", []), (False, "Oslo", [])])
    >>> [(cell.text, cell.header) for cell in table.rows[0].cells]
    [('Capital', True), ('Oslo', False)]
    """
    given = [entry for entry in entries if entry[1]]
    if not given:
        return None
    rows: list[TableRow] = []
    for terms, definitions in _groups(given):
        count = max(len(terms), len(definitions))
        for index in range(count):
            cells: list[TableCell] = []
            if len(terms) == 1 and count > 1:
                if index == 0:
                    cells.append(_cell(terms[0], term=True, rowspan=count))
            else:
                cells.append(_cell(terms[index] if index < len(terms) else None, term=True))
            if len(definitions) == 1 and count > 1:
                if index == 0:
                    cells.append(_cell(definitions[0], term=False, rowspan=count))
            else:
                found = definitions[index] if index < len(definitions) else None
                cells.append(_cell(found, term=False))
            rows.append(TableRow(cells=cells))
    return Table(rows=rows)
