r"""The blocks of a section: paragraphs, lists, tables, quotes and the rest.

A :class:`~newsparse.Section` holds an ordered tuple of blocks.  Each block
class has a :attr:`~Block.kind`, the name formats use to declare which blocks
they can write (:attr:`Format.blocks <newsparse.Format.blocks>`) and the
``"type"`` of the block in JSON.

=================  ==========================================================
kind               class
=================  ==========================================================
``paragraph``      :class:`Paragraph`: text with marks
``list``           :class:`ListBlock` of :class:`ListItem`, which may nest
``table``          :class:`Table` of :class:`TableRow` of :class:`TableCell`
``quote``          :class:`Quote`: a block or pull quote and its attribution
``preformatted``   :class:`Preformatted`: text whose spacing matters
``embed``          :class:`Embed`: an external post or video
``figure``         :class:`Figure`: an :class:`~newsparse.Image` in the flow
``live-entry``     :class:`LiveEntry`: one timestamped entry of a live blog
=================  ==========================================================

Texts follow the model's text rules (not empty, no whitespace at either end,
no control characters), except :class:`Preformatted`, whose lines may start
with spaces.  Texts that carry inline marks (:class:`~newsparse.Mark`) are
the text of a paragraph, a list item and a table cell.

Live-blog entries are a block kind, not an article field: they are the body
of a live blog, in reading order with any introduction around them, and as a
kind they need no machinery of their own: a format declares whether it
writes them, refuses them otherwise, and the plain-text view, the JSON and
``fit`` treat them like every other block.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from datetime import datetime
from itertools import repeat
from typing import ClassVar, Final, TypeVar

import attrs

from newsparse._errors import ValidationError
from newsparse._image import Image
from newsparse._marks import Mark, check_marks
from newsparse._values import (
    check_text,
    instances,
    moment,
    names,
    optional_text,
    text_problem,
)
from newsparse._values import url as check_url

__all__ = [
    "BLOCK_KINDS",
    "Block",
    "Embed",
    "Figure",
    "ListBlock",
    "ListItem",
    "LiveEntry",
    "Paragraph",
    "Preformatted",
    "Quote",
    "Table",
    "TableCell",
    "TableRow",
    "paragraph_blocks",
]

_set = object.__setattr__
_T = TypeVar("_T")


class Block:
    """The base class of every block kind; it has no fields of its own."""

    __slots__ = ()
    kind: ClassVar[str] = ""
    """The block's kind, such as ``"table"``: its name in format declarations and JSON."""

    @property
    def plain_text(self) -> str:
        """The block's text without any styling, as one string (``""`` when it has none)."""
        raise NotImplementedError


@attrs.frozen(kw_only=True, init=False)
class Paragraph(Block):
    """A paragraph: text, possibly over several lines, with optional inline marks.

    Attributes:
        text: The paragraph's text; ``"\\n"`` is a line break.
        marks: Links, emphasis and strong ranges of ``text`` (see :class:`~newsparse.Mark`).
    """

    kind: ClassVar[str] = "paragraph"
    text: str
    marks: tuple[Mark, ...] = ()

    def __init__(self, *, text: str, marks: Iterable[Mark] = ()) -> None:
        _set(self, "text", check_text("Paragraph.text", text, single_line=False))
        _set(self, "marks", check_marks("Paragraph.marks", text, marks))

    @property
    def plain_text(self) -> str:
        """The paragraph's text."""
        return self.text


# The slots of Paragraph, set directly: building the paragraphs of a section
# given as plain texts is the hot path of every paragraph-only format.
_new = object.__new__
_set_text = Paragraph.__dict__["text"].__set__
_set_marks = Paragraph.__dict__["marks"].__set__


def paragraph_blocks(texts: tuple[str, ...]) -> tuple[Paragraph, ...]:
    """Wrap texts that are already checked as model text in unmarked paragraphs."""
    # Three loops run by map() in C: no Python bytecode per paragraph, about
    # a third cheaper than one Python loop doing the same three steps.
    count = len(texts)
    blocks = tuple(map(_new, repeat(Paragraph, count)))
    deque(map(_set_text, blocks, texts), maxlen=0)
    deque(map(_set_marks, blocks, repeat((), count)), maxlen=0)
    return blocks


@attrs.frozen(kw_only=True, init=False)
class ListItem:
    """One item of a list: its text, a nested list, or both.

    Attributes:
        text: The item's text, or ``None`` when it holds only a nested list.
        marks: Inline marks of ``text``.
        sublist: A list nested under this item.
    """

    text: str | None = None
    marks: tuple[Mark, ...] = ()
    sublist: ListBlock | None = None

    def __init__(
        self,
        *,
        text: str | None = None,
        marks: Iterable[Mark] = (),
        sublist: ListBlock | None = None,
    ) -> None:
        _set(self, "text", optional_text("ListItem.text", text, single_line=False))
        if text is None:
            if tuple(marks):
                raise ValidationError("ListItem.marks", marks, "an item without text has no marks")
            _set(self, "marks", ())
        else:
            _set(self, "marks", check_marks("ListItem.marks", text, marks))
        if sublist is not None and not isinstance(sublist, ListBlock):
            raise ValidationError("ListItem.sublist", sublist, "must be a ListBlock or None")
        _set(self, "sublist", sublist)
        if text is None and sublist is None:
            raise ValidationError("ListItem", self, "needs text, a sublist or both")

    @property
    def plain_text(self) -> str:
        """The item's text, then its sublist's items, one per line."""
        parts = [self.text] if self.text is not None else []
        if self.sublist is not None:
            parts.append(self.sublist.plain_text)
        return "\n".join(parts)


@attrs.frozen(kw_only=True, init=False)
class ListBlock(Block):
    """A bulleted or numbered list.

    Attributes:
        items: The items, at least one.
        ordered: ``True`` for a numbered list, ``False`` for bullets.
    """

    kind: ClassVar[str] = "list"
    items: tuple[ListItem, ...]
    ordered: bool = False

    def __init__(self, *, items: Iterable[ListItem], ordered: bool = False) -> None:
        _set(self, "items", _some("ListBlock.items", items, ListItem))
        _set(self, "ordered", _flag("ListBlock.ordered", ordered))

    @property
    def plain_text(self) -> str:
        """Each item on its own line, nested items after their parent."""
        return "\n".join(item.plain_text for item in self.items)


@attrs.frozen(kw_only=True, init=False)
class TableCell:
    """One cell of a table row.  A cell may be empty.

    Attributes:
        text: The cell's text, or ``None`` for an empty cell.
        marks: Inline marks of ``text``.
        header: Whether the cell heads its row or column (HTML's ``th``).
        colspan: How many columns the cell spans, at least 1.
        rowspan: How many rows the cell spans, at least 1.
    """

    text: str | None = None
    marks: tuple[Mark, ...] = ()
    header: bool = False
    colspan: int = 1
    rowspan: int = 1

    def __init__(
        self,
        *,
        text: str | None = None,
        marks: Iterable[Mark] = (),
        header: bool = False,
        colspan: int = 1,
        rowspan: int = 1,
    ) -> None:
        _set(self, "text", optional_text("TableCell.text", text, single_line=False))
        if text is None:
            if tuple(marks):
                raise ValidationError("TableCell.marks", marks, "an empty cell has no marks")
            _set(self, "marks", ())
        else:
            _set(self, "marks", check_marks("TableCell.marks", text, marks))
        _set(self, "header", _flag("TableCell.header", header))
        _set(self, "colspan", _span("TableCell.colspan", colspan))
        _set(self, "rowspan", _span("TableCell.rowspan", rowspan))


@attrs.frozen(kw_only=True, init=False)
class TableRow:
    """One row of a table.

    Attributes:
        cells: The row's cells, at least one, left to right.
    """

    cells: tuple[TableCell, ...]

    def __init__(self, *, cells: Iterable[TableCell]) -> None:
        _set(self, "cells", _some("TableRow.cells", cells, TableCell))

    @property
    def plain_text(self) -> str:
        """The cells' texts separated by ``" | "`` (empty cells stay empty, trailing ones go)."""
        texts = [cell.text or "" for cell in self.cells]
        while texts and not texts[-1]:
            texts.pop()
        return " | ".join(texts)


@attrs.frozen(kw_only=True, init=False)
class Table(Block):
    """A table: optional caption, header rows and body rows.

    Attributes:
        caption: The table's title or caption.
        head: The header rows (HTML's ``thead``), possibly none.
        rows: The body rows.  A table has at least one row, in ``head`` or here.
    """

    kind: ClassVar[str] = "table"
    caption: str | None = None
    head: tuple[TableRow, ...] = ()
    rows: tuple[TableRow, ...] = ()

    def __init__(
        self,
        *,
        caption: str | None = None,
        head: Iterable[TableRow] = (),
        rows: Iterable[TableRow] = (),
    ) -> None:
        _set(self, "caption", optional_text("Table.caption", caption, single_line=False))
        _set(self, "head", instances("Table.head", head, TableRow))
        _set(self, "rows", instances("Table.rows", rows, TableRow))
        if not self.head and not self.rows:
            raise ValidationError("Table", self, "needs at least one row")

    @property
    def plain_text(self) -> str:
        """The caption, then one line per row with its cells separated by ``" | "``."""
        lines = [self.caption] if self.caption else []
        lines.extend(row.plain_text for row in (*self.head, *self.rows))
        return "\n".join(line for line in lines if line)


@attrs.frozen(kw_only=True, init=False)
class Quote(Block):
    """A quotation set apart from the text: a block quote or a pull quote.

    Attributes:
        paragraphs: What is quoted, at least one paragraph.
        attribution: Who said or wrote it, such as ``"Jane Doe, minister"``.
        pull: ``True`` for a pull quote (a passage of the article repeated
            as a display quote), ``False`` for a quotation from elsewhere.
    """

    kind: ClassVar[str] = "quote"
    paragraphs: tuple[Paragraph, ...]
    attribution: str | None = None
    pull: bool = False

    def __init__(
        self,
        *,
        paragraphs: Iterable[Paragraph],
        attribution: str | None = None,
        pull: bool = False,
    ) -> None:
        _set(self, "paragraphs", _some("Quote.paragraphs", paragraphs, Paragraph))
        _set(self, "attribution", optional_text("Quote.attribution", attribution, single_line=True))
        _set(self, "pull", _flag("Quote.pull", pull))

    @property
    def plain_text(self) -> str:
        """The quoted paragraphs separated by blank lines, then the attribution."""
        parts = [paragraph.text for paragraph in self.paragraphs]
        if self.attribution:
            parts.append(self.attribution)
        return "\n\n".join(parts)


@attrs.frozen(kw_only=True, init=False)
class Preformatted(Block):
    """Text whose line breaks and spacing matter: code, verse, a fixed-width table.

    Its lines may start with spaces; the text neither starts with a blank line
    nor ends with whitespace.

    Attributes:
        text: The text, lines separated by ``"\\n"``.
    """

    kind: ClassVar[str] = "preformatted"
    text: str

    def __init__(self, *, text: str) -> None:
        _set(self, "text", _preformatted("Preformatted.text", text))

    @property
    def plain_text(self) -> str:
        """The text as it is."""
        return self.text


@attrs.frozen(kw_only=True, init=False)
class Embed(Block):
    """Content from another site shown in the article: a social post, a video, a map.

    Attributes:
        url: The address of the embedded content (the post, the video page or player).
        provider: Who hosts it, such as ``"YouTube"`` or ``"X"``, if known.
        content_kind: What it is, such as ``"video"`` or ``"post"``, if known.
        text: The fallback text shown where the embed cannot load (a post's words).
    """

    kind: ClassVar[str] = "embed"
    url: str
    provider: str | None = None
    content_kind: str | None = None
    text: str | None = None

    def __init__(
        self,
        *,
        url: str,
        provider: str | None = None,
        content_kind: str | None = None,
        text: str | None = None,
    ) -> None:
        if url is None:
            raise ValidationError("Embed.url", url, "an embed needs the address of its content")
        _set(self, "url", check_url("Embed.url", url))
        _set(self, "provider", optional_text("Embed.provider", provider, single_line=True))
        _set(
            self,
            "content_kind",
            optional_text("Embed.content_kind", content_kind, single_line=True),
        )
        _set(self, "text", optional_text("Embed.text", text, single_line=False))

    @property
    def plain_text(self) -> str:
        """The fallback text, or ``""``."""
        return self.text or ""


@attrs.frozen(kw_only=True, init=False)
class Figure(Block):
    """An image at its place in the text.

    The plain-text view leaves figures out: a caption is not body text.

    Attributes:
        image: The image, with its caption and credit.
    """

    kind: ClassVar[str] = "figure"
    image: Image

    def __init__(self, *, image: Image) -> None:
        if not isinstance(image, Image):
            raise ValidationError("Figure.image", image, "must be an Image")
        _set(self, "image", image)

    @property
    def plain_text(self) -> str:
        """``""``: figures hold no body text."""
        return ""


@attrs.frozen(kw_only=True, init=False)
class LiveEntry(Block):
    """One entry of a live blog: a time, an optional title and authors, and its blocks.

    Entries do not nest: an entry's blocks are never entries.

    Attributes:
        time: When the entry was posted (timezone-aware).
        blocks: The entry's content.
        title: The entry's heading, if it has one.
        authors: Who wrote the entry, if the page says.
    """

    kind: ClassVar[str] = "live-entry"
    time: datetime
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        time: datetime,
        blocks: Iterable[Block] = (),
        title: str | None = None,
        authors: Iterable[str] = (),
    ) -> None:
        if time is None:
            raise ValidationError("LiveEntry.time", time, "an entry needs its time")
        _set(self, "time", moment("LiveEntry.time", time))
        checked = instances("LiveEntry.blocks", blocks, Block)
        for index, block in enumerate(checked):
            if isinstance(block, LiveEntry):
                raise ValidationError(f"LiveEntry.blocks[{index}]", block, "entries do not nest")
        _set(self, "blocks", checked)
        _set(self, "title", optional_text("LiveEntry.title", title, single_line=True))
        _set(self, "authors", names("LiveEntry.authors", authors))
        if not checked and title is None:
            raise ValidationError("LiveEntry", self, "needs a title or at least one block")

    @property
    def plain_text(self) -> str:
        """The title and the blocks' texts, separated by blank lines."""
        parts = [self.title] if self.title else []
        parts.extend(block.plain_text for block in self.blocks)
        return "\n\n".join(part for part in parts if part)


BLOCK_KINDS: Final = frozenset(
    cls.kind for cls in (Paragraph, ListBlock, Table, Quote, Preformatted, Embed, Figure, LiveEntry)
)
"""Every block kind of the model."""


def _some(field: str, value: object, kind: type[_T]) -> tuple[_T, ...]:
    items = instances(field, value, kind)
    if not items:
        raise ValidationError(field, items, "must not be empty")
    return items


def _flag(field: str, value: object) -> bool:
    if type(value) is not bool:
        raise ValidationError(field, value, "must be True or False")
    return value


def _span(field: str, value: object) -> int:
    if type(value) is not int or value < 1:
        raise ValidationError(field, value, "must be an int >= 1")
    return value


def _preformatted(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, value, f"must be a string, not {type(value).__name__}")
    # The indentation of the first line is kept; everything else follows the text rules.
    problem = text_problem(value.lstrip(" \t"), single_line=False)
    if problem is not None:
        raise ValidationError(field, value, problem)
    return value
