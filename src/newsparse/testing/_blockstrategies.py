"""Hypothesis strategies for blocks and marks, and one typical block of each kind.

:func:`blocks` generates every block kind a format declares, with the marks
it declares in their texts; :func:`sections` (in ``_strategies``) uses it
when given ``kinds`` and ``marks``.  :func:`typical_blocks` gives one
hand-written block per kind and per mark, for the kit's deterministic
checks.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import cache

from hypothesis import strategies as st

from newsparse._blocks import (
    BLOCK_KINDS,
    Block,
    Embed,
    Figure,
    ListBlock,
    ListItem,
    LiveEntry,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableCell,
    TableRow,
)
from newsparse._image import Image
from newsparse._marks import MARK_KINDS, Mark
from newsparse.testing._primitives import datetimes, images, texts, urls

__all__ = ["blocks", "marked_paragraphs", "marks_over", "typical_blocks"]

ALL_BLOCKS = frozenset(BLOCK_KINDS)
ALL_MARKS = frozenset(MARK_KINDS)


def marks_over(text: str, kinds: frozenset[str] = ALL_MARKS) -> st.SearchStrategy[list[Mark]]:
    """Generate up to two marks of the given kinds over ``text``, valid as drawn.

    Each range is trimmed of whitespace at its edges, and links never
    overlap. For a plugin's own strategies of marked text.
    """
    return _marks(text, kinds)


@st.composite
def _marks(draw: st.DrawFn, text: str, kinds: frozenset[str]) -> list[Mark]:
    """Draw marks over ``text``: ranges trimmed of whitespace, links never overlapping."""
    marks: list[Mark] = []
    if not kinds:
        return marks
    taken: list[tuple[int, int]] = []  # the ranges of links so far
    for kind in draw(st.lists(st.sampled_from(sorted(kinds)), max_size=2)):
        start = draw(st.integers(0, len(text) - 1), label="mark start")
        end = draw(st.integers(start + 1, len(text)), label="mark end")
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        href = None
        if kind == "link":
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            href = draw(st.sampled_from(_HREFS), label="href")
        marks.append(Mark(kind=kind, start=start, end=end, href=href))
    return marks


_HREFS = ("https://example.com/a", "https://example.org/report?id=7&x=1", "/relative/path")


@st.composite
def _marked(draw: st.DrawFn, marks: frozenset[str], single_line: bool) -> tuple[str, list[Mark]]:

    text = draw(texts(single_line=single_line, max_words=8))
    return text, draw(_marks(text, marks))


def marked_paragraphs(marks: frozenset[str] = ALL_MARKS) -> st.SearchStrategy[Paragraph]:
    """Generate paragraphs whose text carries marks of the given kinds."""
    return _marked(marks, False).map(lambda pair: Paragraph(text=pair[0], marks=pair[1]))


@st.composite
def _list_items(draw: st.DrawFn, marks: frozenset[str], nested: bool) -> ListItem:
    sublist = draw(st.none() | _list_blocks(marks, False)) if nested else None
    if sublist is not None and draw(st.booleans()):
        return ListItem(sublist=sublist)
    text, found = draw(_marked(marks, False))
    return ListItem(text=text, marks=found, sublist=sublist)


@st.composite
def _list_blocks(draw: st.DrawFn, marks: frozenset[str], nested: bool) -> ListBlock:
    items = draw(st.lists(_list_items(marks, nested), min_size=1, max_size=3))
    return ListBlock(items=items, ordered=draw(st.booleans()))


@st.composite
def _cells(draw: st.DrawFn, marks: frozenset[str], header: bool) -> TableCell:
    if draw(st.integers(0, 5)) == 0:
        return TableCell(header=header)
    text, found = draw(_marked(marks, True))
    return TableCell(
        text=text,
        marks=found,
        header=header or draw(st.integers(0, 4)) == 0,
        colspan=draw(st.integers(1, 2)),
        rowspan=draw(st.sampled_from((1, 1, 1, 2))),
    )


@st.composite
def _tables(draw: st.DrawFn, marks: frozenset[str]) -> Table:

    def rows(count: int, header: bool) -> list[TableRow]:
        return [
            TableRow(cells=draw(st.lists(_cells(marks, header), min_size=1, max_size=3)))
            for _ in range(count)
        ]

    head = rows(draw(st.integers(0, 1)), True)
    body = rows(draw(st.integers(0 if head else 1, 2)), False)
    caption = draw(st.none() | texts(single_line=True, max_words=6))
    return Table(caption=caption, head=head, rows=body)


@st.composite
def _quotes(draw: st.DrawFn, marks: frozenset[str]) -> Quote:

    return Quote(
        paragraphs=draw(st.lists(marked_paragraphs(marks), min_size=1, max_size=2)),
        attribution=draw(st.none() | texts(single_line=True, max_words=5)),
        pull=draw(st.booleans()),
    )


@st.composite
def _preformatted(draw: st.DrawFn) -> Preformatted:

    lines = draw(st.lists(texts(single_line=True, max_words=5), min_size=1, max_size=4))
    indents = draw(st.lists(st.sampled_from(("", "  ", "    ", "\t")), min_size=len(lines)))
    return Preformatted(text="\n".join(i + line for i, line in zip(indents, lines, strict=False)))


@st.composite
def _embeds(draw: st.DrawFn) -> Embed:

    return Embed(
        url=draw(urls()),
        provider=draw(st.none() | st.sampled_from(("YouTube", "X", "Instagram", "Vimeo"))),
        content_kind=draw(st.none() | st.sampled_from(("video", "post", "map"))),
        text=draw(st.none() | texts(max_words=12)),
    )


@st.composite
def _figures(draw: st.DrawFn) -> Figure:

    return Figure(image=draw(images()))


@st.composite
def _entries(draw: st.DrawFn, kinds: frozenset[str], marks: frozenset[str]) -> LiveEntry:

    inner = kinds - {"live-entry"}
    content = draw(st.lists(blocks(inner, marks), max_size=2)) if inner else []
    title = draw(st.none() | texts(single_line=True, max_words=8))
    if not content and title is None:
        title = "Update"
    names = st.lists(texts(single_line=True, max_words=3), max_size=2, unique=True)
    return LiveEntry(time=draw(datetimes()), blocks=content, title=title, authors=draw(names))


@cache
def blocks(
    kinds: frozenset[str] = ALL_BLOCKS, marks: frozenset[str] = ALL_MARKS
) -> st.SearchStrategy[Block]:
    """Generate blocks of the given kinds, their texts carrying marks of the given kinds.

    >>> from newsparse.testing import blocks
    >>> tables_and_lists = blocks(frozenset({"table", "list"}), frozenset({"link"}))
    """
    unknown = (kinds - BLOCK_KINDS) | (marks - MARK_KINDS)
    if unknown or not kinds:
        raise ValueError(f"blocks() needs known kinds, got unknown or none: {sorted(unknown)}")
    choices: dict[str, st.SearchStrategy[Block]] = {
        "paragraph": marked_paragraphs(marks),
        "list": _list_blocks(marks, True),
        "table": _tables(marks),
        "quote": _quotes(marks),
        "preformatted": _preformatted(),
        "embed": _embeds(),
        "figure": _figures(),
    }
    if "live-entry" in kinds:
        choices["live-entry"] = _entries(kinds, marks)
    return st.one_of([choices[kind] for kind in sorted(kinds)])


_TIME = datetime(2025, 4, 29, 9, 30, tzinfo=timezone(timedelta(hours=3)))


def typical_blocks() -> dict[str, Block]:
    """Return one realistic block of each kind, and a paragraph with each mark.

    Keys are the block kinds and ``"<mark>-mark"`` for the marks
    (``"link-mark"``...).
    """
    text = "The minister said on Monday that talks will resume."
    samples: dict[str, Block] = {
        "paragraph": Paragraph(text="Light rain fell on Monday.\nIt cleared by noon."),
        "list": ListBlock(
            items=[
                ListItem(text="Ajax 2, PSV 1"),
                ListItem(
                    text="Feyenoord 0, AZ 0",
                    sublist=ListBlock(items=[ListItem(text="Played in Rotterdam")], ordered=True),
                ),
            ]
        ),
        "table": Table(
            caption="Results",
            head=[
                TableRow(
                    cells=[
                        TableCell(text="Team", header=True),
                        TableCell(text="Points", header=True),
                    ]
                )
            ],
            rows=[
                TableRow(cells=[TableCell(text="Ajax"), TableCell(text="61")]),
                TableRow(cells=[TableCell(text="PSV", rowspan=1), TableCell()]),
                TableRow(cells=[TableCell(text="Season not finished", colspan=2)]),
            ],
        ),
        "quote": Quote(
            paragraphs=[Paragraph(text="We will not give up.")], attribution="The mayor", pull=False
        ),
        "preformatted": Preformatted(text="  Team     P\n  Ajax    61"),
        "embed": Embed(
            url="https://www.youtube.com/watch?v=abc123",
            provider="YouTube",
            content_kind="video",
            text="Footage of the flood",
        ),
        "figure": Figure(image=Image(url="https://example.com/flood.jpg", caption="The flood")),
        "live-entry": LiveEntry(
            time=_TIME,
            title="Talks resume",
            authors=["A. Writer"],
            blocks=[Paragraph(text="Delegations arrived at nine.")],
        ),
        "link-mark": Paragraph(
            text=text, marks=[Mark(kind="link", start=4, end=12, href="https://example.com/m")]
        ),
        "emphasis-mark": Paragraph(text=text, marks=[Mark(kind="emphasis", start=39, end=43)]),
        "strong-mark": Paragraph(text=text, marks=[Mark(kind="strong", start=0, end=12)]),
    }
    return samples
