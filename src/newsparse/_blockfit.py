"""Blocks and marks a format cannot write: refused by default, flattened on request.

Each format declares the block kinds (:attr:`Format.blocks
<newsparse.Format.blocks>`) and the inline marks (:attr:`Format.marks
<newsparse.Format.marks>`) it writes.  Rendering checks every article
against the declaration before the format sees it, so a format never drops
a table or a link it does not know: ``refusal`` finds the first block
or mark it cannot hold, and rendering raises it as a
:class:`~newsparse.RenderError` whose ``field`` is the path of the block
(``body[0].blocks[3]``) or of its marks (``body[0].blocks[1].marks``).

With the lossy opt-in (``on_drop``, :func:`newsparse.fit`), ``fit_blocks``
keeps the text and reports what it changed, one
:class:`~newsparse.DroppedField` per block:

* marks the format cannot write are removed, the text stays;
* a block kind it cannot write becomes paragraphs of its plain text (a list
  one per item, a table one per row, a quote its paragraphs and then its
  attribution, preformatted text one per line, an embed its fallback text, a live
  entry its title and its blocks); a figure, and an embed without text, leave nothing;
* a section left with neither heading nor block is removed.

When the format cannot write paragraphs either, nothing can hold the text,
and the refusal stays an error.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from newsparse._blocks import (
    BLOCK_KINDS,
    Block,
    Embed,
    ListBlock,
    ListItem,
    LiveEntry,
    Paragraph,
    Quote,
    Table,
    TableRow,
)
from newsparse._dropping import DroppedField
from newsparse._errors import RenderError
from newsparse._marks import MARK_KINDS, Mark
from newsparse._model import Article, Section

__all__ = ["fit_blocks", "refusal", "writes_everything"]

_PARAGRAPH = "paragraph"


def writes_everything(blocks: frozenset[str], marks: frozenset[str]) -> bool:
    """Whether a format with these declarations writes every block and mark."""
    return blocks >= BLOCK_KINDS and marks >= MARK_KINDS


def refusal(
    article: Article, format: str, blocks: frozenset[str], marks: frozenset[str]
) -> RenderError | None:
    """Return the refusal of the first block or mark of ``article`` the format cannot write."""
    for index, section in enumerate(article.body):
        for position, block in enumerate(section.blocks):
            plain = type(block) is Paragraph and _marks_fit(block.marks, marks)
            if plain and _PARAGRAPH in blocks:
                continue
            path = f"body[{index}].blocks[{position}]"
            problem = _first_problem(block, path, blocks, marks)
            if problem is not None:
                field, reason = problem
                return RenderError(format, field, reason)
    return None


def _marks_fit(found: tuple[Mark, ...], marks: frozenset[str]) -> bool:
    return all(mark.kind in marks for mark in found)


def _first_problem(
    block: Block, path: str, blocks: frozenset[str], marks: frozenset[str]
) -> tuple[str, str] | None:
    if block.kind not in blocks:
        return path, f"it cannot write {block.kind} blocks"
    for inner_path, inner in _inner_blocks(block, path):
        problem = _first_problem(inner, inner_path, blocks, marks)
        if problem is not None:
            return problem
    for marks_path, found in _marked_texts(block, path):
        for mark in found:
            if mark.kind not in marks:
                return marks_path, f"it cannot write {mark.kind} marks"
    return None


def _inner_blocks(block: Block, path: str) -> Iterator[tuple[str, Block]]:
    if isinstance(block, LiveEntry):
        for position, inner in enumerate(block.blocks):
            yield f"{path}.blocks[{position}]", inner


def _marked_texts(block: Block, path: str) -> Iterator[tuple[str, tuple[Mark, ...]]]:
    """Yield the path and marks of every marked text directly in ``block``."""
    if isinstance(block, Paragraph):
        yield f"{path}.marks", block.marks
    elif isinstance(block, Quote):
        for position, paragraph in enumerate(block.paragraphs):
            yield f"{path}.paragraphs[{position}].marks", paragraph.marks
    elif isinstance(block, ListBlock):
        yield from _list_marks(block, path)
    elif isinstance(block, Table):
        for part in ("head", "rows"):
            for row_index, row in enumerate(getattr(block, part)):
                for cell_index, cell in enumerate(row.cells):
                    yield f"{path}.{part}[{row_index}].cells[{cell_index}].marks", cell.marks


def _list_marks(block: ListBlock, path: str) -> Iterator[tuple[str, tuple[Mark, ...]]]:
    for position, item in enumerate(block.items):
        yield f"{path}.items[{position}].marks", item.marks
        if item.sublist is not None:
            yield from _list_marks(item.sublist, f"{path}.items[{position}].sublist")


def fit_blocks(
    article: Article, format: str, blocks: frozenset[str], marks: frozenset[str]
) -> tuple[Article, tuple[DroppedField, ...]]:
    """Return ``article`` with what the format cannot write flattened (see the module notes).

    An article the format can write comes back as it is.  When the format
    cannot write paragraphs, the article comes back as it is too, and
    rendering raises the refusal.
    """
    if _PARAGRAPH not in blocks or refusal(article, format, blocks, marks) is None:
        return article, ()
    notes: list[DroppedField] = []
    sections: list[Section] = []
    for index, section in enumerate(article.body):
        kept: list[Block] = []
        for position, block in enumerate(section.blocks):
            path = f"body[{index}].blocks[{position}]"
            fitted, reason = _fit(block, blocks, marks)
            if reason is not None:
                # The reason is the refusal's problem, as for every dropped field.
                refused = _first_problem(block, path, blocks, marks)
                problem = RenderError(format, *refused).problem if refused else reason
                notes.append(
                    DroppedField(
                        format=format, field=path, value=block, reason=problem, title=article.title
                    )
                )
            kept.extend(fitted)
        if kept or section.heading is not None:
            sections.append(Section(heading=section.heading, blocks=kept))
    return attrs.evolve(article, body=sections), tuple(notes)


def _fit(
    block: Block, blocks: frozenset[str], marks: frozenset[str]
) -> tuple[list[Block], str | None]:
    """Return what stands for ``block`` in the format, and why it changed (``None``: it did not)."""
    if block.kind not in blocks:
        replacement: list[Block] = [_unmarked(p, marks) for p in _as_paragraphs(block)]
        count = len(replacement)
        kept = f"kept its text as {count} paragraph(s)" if count else "left it out"
        return replacement, f"cannot write {block.kind} blocks: {kept}"
    if isinstance(block, LiveEntry):
        inner: list[Block] = []
        changed = False
        for item in block.blocks:
            fitted, reason = _fit(item, blocks, marks)
            inner.extend(fitted)
            changed = changed or reason is not None
        if not changed:
            return [block], None
        return [
            attrs.evolve(block, blocks=inner)
        ], "cannot write some blocks of this entry: flattened"
    stripped = _strip_marks(block, marks)
    if stripped is block:
        return [block], None
    return [stripped], "cannot write some of its marks: removed them, kept the text"


def _as_paragraphs(block: Block) -> list[Paragraph]:
    """Return the paragraphs that hold the text of ``block``."""
    if isinstance(block, Paragraph):
        return [block]
    if isinstance(block, Quote):
        return [*block.paragraphs, *_paragraph_of(block.attribution)]
    if isinstance(block, ListBlock):
        return list(_item_paragraphs(block))
    if isinstance(block, LiveEntry):
        inner = [p for item in block.blocks for p in _as_paragraphs(item)]
        return [*_paragraph_of(block.title), *inner]
    # A table's caption and rows, preformatted text line by line (its
    # spacing cannot survive as a paragraph), an embed's fallback text; a
    # figure has no text.
    lines = block.plain_text.splitlines() if not isinstance(block, Embed) else [block.text]
    return [p for line in lines for p in _paragraph_of(line and line.strip())]


def _paragraph_of(text: str | None) -> list[Paragraph]:
    return [Paragraph(text=text)] if text else []


def _item_paragraphs(block: ListBlock) -> Iterator[Paragraph]:
    for item in block.items:
        if item.text is not None:
            yield Paragraph(text=item.text, marks=item.marks)
        if item.sublist is not None:
            yield from _item_paragraphs(item.sublist)


def _kept(found: tuple[Mark, ...], marks: frozenset[str]) -> tuple[Mark, ...]:
    return tuple(mark for mark in found if mark.kind in marks)


def _unmarked(paragraph: Paragraph, marks: frozenset[str]) -> Paragraph:
    kept = _kept(paragraph.marks, marks)
    return paragraph if kept == paragraph.marks else Paragraph(text=paragraph.text, marks=kept)


def _strip_marks(block: Block, marks: frozenset[str]) -> Block:
    """Return ``block`` without the marks the format cannot write (``block`` itself if none)."""
    if isinstance(block, Paragraph):
        return _unmarked(block, marks)
    if isinstance(block, Quote):
        paragraphs = tuple(_unmarked(paragraph, marks) for paragraph in block.paragraphs)
        return (
            block if paragraphs == block.paragraphs else attrs.evolve(block, paragraphs=paragraphs)
        )
    if isinstance(block, ListBlock):
        return _strip_list(block, marks)
    if isinstance(block, Table):
        head = tuple(_strip_row(row, marks) for row in block.head)
        rows = tuple(_strip_row(row, marks) for row in block.rows)
        if head == block.head and rows == block.rows:
            return block
        return attrs.evolve(block, head=head, rows=rows)
    return block


def _strip_list(block: ListBlock, marks: frozenset[str]) -> ListBlock:
    items = tuple(
        ListItem(
            text=item.text,
            marks=_kept(item.marks, marks),
            sublist=None if item.sublist is None else _strip_list(item.sublist, marks),
        )
        for item in block.items
    )
    return block if items == block.items else attrs.evolve(block, items=items)


def _strip_row(row: TableRow, marks: frozenset[str]) -> TableRow:
    cells = tuple(
        cell
        if _kept(cell.marks, marks) == cell.marks
        else attrs.evolve(cell, marks=_kept(cell.marks, marks))
        for cell in row.cells
    )
    return row if cells == row.cells else TableRow(cells=cells)
