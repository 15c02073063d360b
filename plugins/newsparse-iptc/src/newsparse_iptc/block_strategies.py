"""Hypothesis strategies of the body blocks NITF (and NewsML-G2's inline NITF) keep exactly.

Needs Hypothesis (``pip install newsparse[testing]``); only
:mod:`newsparse_iptc.testing` imports this module.

The blocks are built valid, not drawn at large and filtered: every text is
one collapsed line (what XML text reads back), marks are the declared ones
(links and emphasis) over ranges that neither start nor end on whitespace,
links never overlap, lists nest up to three levels deep, every
table row holds a text, and preformatted text keeps its indentation and
spacing (the first line may be indented, no line ends the text with
whitespace).  Drawing a block costs a few draws of text, so the
conformance checks spend their time on rendering and parsing.
"""

from __future__ import annotations

from hypothesis import strategies as st
from newsparse import (
    Block,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    Section,
    Table,
    TableCell,
    TableRow,
)
from newsparse.testing import marks_over, texts

from newsparse_iptc.nitf.blocks import BLOCKS, MARKS
from newsparse_iptc.text import collapse, problem

__all__ = ["lines", "nitf_blocks", "nitf_sections", "paragraph_texts", "sections_of"]


def lines(max_words: int = 12) -> st.SearchStrategy[str]:
    """Single-line texts as XML text keeps them: whitespace collapsed, XML characters only."""
    return (
        texts(single_line=True, max_words=max_words)
        .map(collapse)
        .filter(lambda text: bool(text) and problem(text) is None)
    )


def paragraph_texts() -> st.SearchStrategy[str]:
    """Paragraphs NITF keeps: long and short texts of every script, on one line."""
    return st.one_of(lines(max_words=30), st.sampled_from(["<p>", "a & b", "]]>", "&amp;"]))


@st.composite
def _marked(draw: st.DrawFn, max_words: int = 12) -> tuple[str, list[Mark]]:
    text = draw(lines(max_words=max_words))
    return text, draw(marks_over(text, MARKS))


def _paragraphs() -> st.SearchStrategy[Paragraph]:
    plain = paragraph_texts().map(lambda text: Paragraph(text=text))
    marked = _marked(12).map(lambda drawn: Paragraph(text=drawn[0], marks=drawn[1]))
    return st.one_of(plain, marked)


def _list_items(levels_below: int) -> st.SearchStrategy[ListItem]:
    """Items with text; with ``levels_below`` > 0, also items with a sublist, or only one."""
    texts = _marked(8).map(lambda drawn: ListItem(text=drawn[0], marks=drawn[1]))
    if levels_below == 0:
        return texts
    sublists = _lists(levels_below - 1)
    with_sublist = st.builds(
        lambda drawn, sublist: ListItem(text=drawn[0], marks=drawn[1], sublist=sublist),
        _marked(8),
        sublists,
    )
    only_sublist = sublists.map(lambda sublist: ListItem(sublist=sublist))
    # Plain items stay the commonest, so nesting keeps the lists small.
    return st.one_of(texts, texts, with_sublist, only_sublist)


def _lists(levels_below: int = 2) -> st.SearchStrategy[ListBlock]:
    return st.builds(
        lambda found, ordered: ListBlock(items=found, ordered=ordered),
        st.lists(_list_items(levels_below), min_size=1, max_size=3),
        st.booleans(),
    )


# (header in the body, colspan, rowspan, empty): mostly plain cells, every variant present.
_CELL_SHAPES = (
    *((False, 1, 1, False),) * 6,
    (True, 1, 1, False),
    (False, 2, 1, False),
    (False, 3, 1, False),
    (False, 1, 2, False),
    (True, 2, 2, False),
    (False, 1, 1, True),
    (True, 2, 1, True),
)


@st.composite
def _cell(draw: st.DrawFn, *, header: bool, must_hold_text: bool) -> TableCell:
    in_body_header, colspan, rowspan, empty = draw(st.sampled_from(_CELL_SHAPES), label="cell")
    is_header = header or in_body_header
    if empty and not must_hold_text:
        return TableCell(header=is_header, colspan=colspan, rowspan=rowspan)
    text, marks = draw(_marked(4))
    return TableCell(text=text, marks=marks, header=is_header, colspan=colspan, rowspan=rowspan)


@st.composite
def _row(draw: st.DrawFn, *, header: bool) -> TableRow:
    """Draw one to three cells, one with text (a row without text reads back as none)."""
    count = draw(st.integers(1, 3), label="cells")
    with_text = draw(st.integers(0, count - 1), label="the cell with text")
    return TableRow(
        cells=[
            draw(_cell(header=header, must_hold_text=index == with_text)) for index in range(count)
        ]
    )


@st.composite
def _tables(draw: st.DrawFn) -> Table:
    head = draw(st.lists(_row(header=True), max_size=1), label="head rows")
    rows = draw(st.lists(_row(header=False), min_size=0 if head else 1, max_size=2), label="rows")
    caption = draw(st.one_of(st.none(), lines(max_words=6)), label="caption")
    return Table(caption=caption, head=head, rows=rows)


def _quotes() -> st.SearchStrategy[Quote]:
    return st.builds(
        lambda paragraphs, attribution, pull: Quote(
            paragraphs=paragraphs, attribution=attribution, pull=pull
        ),
        st.lists(_paragraphs(), min_size=1, max_size=2),
        st.one_of(st.none(), lines(max_words=5)),
        st.booleans(),
    )


@st.composite
def _preformatted(draw: st.DrawFn) -> Preformatted:
    """Lines with their indentation and inner spacing; blank lines inside, none at the ends."""
    words = st.one_of(
        texts(single_line=True, max_words=5),
        st.sampled_from(["Team     P   W", "x  =  1;", "a\tb", "<tag> & ]]>"]),
    ).filter(lambda line: "\ufffe" not in line and "\uffff" not in line)
    found = draw(st.lists(words, min_size=1, max_size=4), label="pre lines")
    indents = st.sampled_from(("", "", "  ", "    ", "\t"))
    shaped = [draw(indents, label="indent") + line for line in found]
    if len(shaped) > 1 and draw(st.booleans(), label="blank line inside"):
        shaped.insert(1, draw(st.sampled_from(("", "   ")), label="blank line"))
    if len(shaped) > 1 and draw(st.booleans(), label="trailing spaces inside"):
        shaped[0] += "  "
    return Preformatted(text="\n".join(shaped))


def nitf_blocks() -> st.SearchStrategy[Block]:
    """Generate blocks of every kind NITF declares, with its marks, that NITF keeps exactly.

    Paragraphs (plain, or with links and emphasis), lists (ordered or not,
    items with marks, nested up to three levels, items holding only a
    sublist), tables (a caption or none, header and
    body rows, ``th`` cells in the body, empty cells, column and row spans,
    marks in cells), quotes (with and without attribution, pull quotes,
    marked paragraphs) and preformatted text.
    """
    choices: dict[str, st.SearchStrategy[Block]] = {
        "paragraph": _paragraphs(),
        "list": _lists(),
        "table": _tables(),
        "quote": _quotes(),
        "preformatted": _preformatted(),
    }
    # Paragraphs, the cheapest and commonest block, are drawn as often as two other kinds.
    return st.one_of([choices["paragraph"], *(choices[kind] for kind in sorted(BLOCKS))])


def nitf_sections() -> st.SearchStrategy[list[Section]]:
    """Generate the body NITF keeps: the first section may be untitled, the others have headings."""
    return sections_of(nitf_blocks(), first=3, each=2, titled=2)


def sections_of(
    kept: st.SearchStrategy[Block], *, first: int, each: int, titled: int
) -> st.SearchStrategy[list[Section]]:
    """Generate a body of ``kept`` blocks: an optional untitled section, then titled ones.

    The untitled one holds 1 to ``first`` blocks; up to ``titled`` sections
    with a heading follow, each of up to ``each`` blocks.
    """
    untitled = st.lists(kept, min_size=1, max_size=first).map(lambda found: Section(blocks=found))
    headed = st.builds(
        lambda heading, found: Section(heading=heading, blocks=found),
        lines(max_words=8),
        st.lists(kept, max_size=each),
    )
    return st.tuples(st.one_of(st.none(), untitled), st.lists(headed, max_size=titled)).map(
        lambda drawn: ([drawn[0]] if drawn[0] else []) + drawn[1]
    )
