"""The NITF block strategies draw every block kind and mark the format declares, in every shape."""

from __future__ import annotations

from collections.abc import Callable

import newsparse
import pytest
from hypothesis import HealthCheck, Phase, find, settings
from newsparse import Block, ListBlock, ListItem, Paragraph, Preformatted, Quote, Table, TableCell

from newsparse_iptc.block_strategies import nitf_blocks

# Each shape is searched for on its own, generation only, with a fixed seed:
# the search stops at the first block of the shape, so it does not depend on
# how many draws one draw order needs to cover every shape.
_FIND = settings(
    database=None,
    derandomize=True,
    max_examples=3000,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _marks_of(block: Block) -> set[str]:
    if isinstance(block, Paragraph):
        return {mark.kind for mark in block.marks}
    if isinstance(block, ListBlock):
        return {mark.kind for item in _items(block) for mark in item.marks}
    if isinstance(block, Table):
        cells = [cell for row in (*block.head, *block.rows) for cell in row.cells]
        return {mark.kind for cell in cells for mark in cell.marks}
    if isinstance(block, Quote):
        return {mark.kind for paragraph in block.paragraphs for mark in paragraph.marks}
    return set()


def _items(block: Block) -> list[ListItem]:
    """Return every item of a list, those of its sublists included (none for other blocks)."""
    if not isinstance(block, ListBlock):
        return []
    found = []
    for item in block.items:
        found.append(item)
        if item.sublist is not None:
            found.extend(_items(item.sublist))
    return found


def _depth(block: Block) -> int:
    """Return how many list levels ``block`` has (0 for other blocks)."""
    if not isinstance(block, ListBlock):
        return 0
    return 1 + max(
        (_depth(item.sublist) for item in block.items if item.sublist is not None), default=0
    )


def _cells(block: Block) -> list[tuple[bool, TableCell]]:
    """Return ``(in the head, cell)`` for every cell of a table (none for other blocks)."""
    if not isinstance(block, Table):
        return []
    return [
        (part is block.head, cell)
        for part in (block.head, block.rows)
        for row in part
        for cell in row.cells
    ]


def _of_kind(kind: str) -> Callable[[Block], bool]:
    return lambda block: block.kind == kind


def _mark_in(mark: str, kind: str) -> Callable[[Block], bool]:
    return lambda block: block.kind == kind and mark in _marks_of(block)


SHAPES: dict[str, Callable[[Block], bool]] = {
    **{kind: _of_kind(kind) for kind in sorted(newsparse.get_format("nitf").blocks)},
    **{
        f"{mark} in a {kind}": _mark_in(mark, kind)
        for mark in sorted(newsparse.get_format("nitf").marks)
        for kind in ("paragraph", "list", "table", "quote")
    },
    "ordered list": lambda block: isinstance(block, ListBlock) and block.ordered,
    "nested list": lambda block: _depth(block) >= 2,
    "list nested three levels": lambda block: _depth(block) >= 3,
    "ordered list in an unordered one": lambda block: (
        isinstance(block, ListBlock)
        and not block.ordered
        and any(item.sublist is not None and item.sublist.ordered for item in block.items)
    ),
    "marked text in a nested item": lambda block: any(
        item.marks for top in _items(block) if top.sublist for item in _items(top.sublist)
    ),
    "item with text and a sublist": lambda block: any(
        item.text is not None and item.sublist is not None for item in _items(block)
    ),
    "item holding only a sublist": lambda block: any(item.text is None for item in _items(block)),
    "table with a caption": lambda block: isinstance(block, Table) and block.caption is not None,
    "table with head rows": lambda block: isinstance(block, Table) and bool(block.head),
    "header cell in the body": lambda block: any(
        not in_head and cell.header for in_head, cell in _cells(block)
    ),
    "empty cell": lambda block: any(cell.text is None for _, cell in _cells(block)),
    "column span": lambda block: any(cell.colspan > 1 for _, cell in _cells(block)),
    "row span": lambda block: any(cell.rowspan > 1 for _, cell in _cells(block)),
    "quote with attribution": lambda block: (
        isinstance(block, Quote) and block.attribution is not None
    ),
    "quote without attribution": lambda block: (
        isinstance(block, Quote) and block.attribution is None
    ),
    "pull quote": lambda block: isinstance(block, Quote) and block.pull,
    "indented preformatted text with a blank line": lambda block: (
        isinstance(block, Preformatted)
        and block.text[0] in " \t"
        and any(not line.strip() for line in block.text.split("\n"))
    ),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_nitf_blocks_draw_every_kind_mark_and_shape(shape: str) -> None:
    block = find(nitf_blocks(), SHAPES[shape], settings=_FIND)  # NoSuchExample if never drawn
    # What is drawn is what NITF keeps: the block reads back equal.
    article = newsparse.Article(title="T", body=[newsparse.Section(blocks=[block])])
    assert newsparse.parse(newsparse.render([article], "nitf"), "nitf") == [article]
