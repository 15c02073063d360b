r"""The data model: :class:`Article`, :class:`Section`, their blocks and :class:`Image`.

All are frozen, slotted `attrs <https://www.attrs.org/>`_ classes:
instances are immutable, hashable and cheap, and every constructor checks the
invariants below, raising :class:`~newsparse.ValidationError` (naming the
field and the value) when one is broken.  Formats normalise what they read
*before* building the model, so an article that exists is always clean.

Invariants
----------
Text
    Every text value is a :class:`str` with no leading or trailing whitespace
    (as :meth:`str.strip` defines it), is not empty, and holds no control
    characters other than tab and newline, no lone surrogates and no
    U+2028/U+2029 separators (a line break is always ``"\n"``).
    *Single-line* text (titles, headings, authors, topics) holds no newline.
    An optional text field is ``None`` rather than ``""``.
URLs
    Non-empty, with no whitespace or control characters.  They are not
    resolved or fetched.
Datetimes
    Timezone-aware, with a UTC offset of whole minutes (as RFC 3339 requires).
    A datetime with a :mod:`zoneinfo` zone is stored with the fixed offset the
    zone has at that instant, which keeps equality and JSON round-trips exact.
Sequences
    Stored as tuples; any iterable (other than a string) is accepted and
    converted.  Authors and topics hold no duplicates.
``meta``
    A :class:`~newsparse.FrozenMap` from keys such as ``"tt.number"``
    (letters, digits and ``._:-``, starting with a letter or digit) to string
    values (any text without forbidden characters, possibly empty).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import attrs

from newsparse import _values
from newsparse._blocks import Block, Paragraph, paragraph_blocks
from newsparse._errors import ValidationError
from newsparse._frozenmap import FrozenMap
from newsparse._image import Image
from newsparse._values import check_text, text_problem

__all__ = ["Article", "Image", "Section", "check_text", "text_problem"]

_set = object.__setattr__  # how frozen instances set their fields in __init__
# The checks the constructors call, bound to short names: one lookup per call.
_NO_META = _values.NO_META
_instances = _values.instances
_language = _values.language
_meta = _values.meta
_moment = _values.moment
_names = _values.names
_optional_text = _values.optional_text
_paragraphs = _values.paragraphs
_url = _values.url
_word_pattern = _values.word_pattern


# -- the model ---------------------------------------------------------------
#
# The classes write their own __init__ (attrs generates eq, hash, repr and the
# slots): one function per field that checks and converts is several times
# faster than attrs' per-field validator and converter calls, and formats
# build millions of these objects.


@attrs.frozen(kw_only=True, init=False)
class Section:
    """A part of the body, optionally under a heading: a run of blocks.

    A section has a heading, at least one block, or both.  Its content is
    given either as plain paragraphs or as blocks, not both:

    >>> from newsparse import ListBlock, ListItem, Paragraph, Section
    >>> Section(heading="Results", paragraphs=["Two games were played."]).paragraphs
    ('Two games were played.',)
    >>> section = Section(blocks=[
    ...     Paragraph(text="The scores:"),
    ...     ListBlock(items=[ListItem(text="Ajax 2, PSV 1"), ListItem(text="Feyenoord 0, AZ 0")]),
    ... ])
    >>> print(section.text)
    The scores:
    <BLANKLINE>
    Ajax 2, PSV 1
    Feyenoord 0, AZ 0

    Attributes:
        heading: The sub-heading that opens the section, or ``None`` for untitled text.
        blocks: The content in reading order: paragraphs, lists, tables, quotes...
            (see :class:`~newsparse.Block`).
    """

    heading: str | None = None
    blocks: tuple[Block, ...] = ()

    def __init__(
        self,
        *,
        heading: str | None = None,
        paragraphs: Iterable[str] = (),
        blocks: Iterable[Block] = (),
    ) -> None:
        _set(self, "heading", _optional_text("Section.heading", heading, single_line=True))
        checked = () if blocks == () else _instances("Section.blocks", blocks, Block)
        texts = _paragraphs("Section.paragraphs", paragraphs)
        if texts:
            if checked:
                raise ValidationError(
                    "Section.paragraphs", texts, "give paragraphs or blocks, not both"
                )
            # Kept as texts until someone asks for the blocks (see _LazyBlocks).
            _set(self, "blocks", _PlainParagraphs(texts))
        else:
            _set(self, "blocks", checked)
            if heading is None and not checked:
                raise ValidationError("Section", self, "needs a heading or at least one block")

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The texts of the section's :class:`~newsparse.Paragraph` blocks, in order.

        Other blocks (lists, tables...) are not here: :attr:`text` has all the text.
        """
        stored = _stored_blocks(self)
        if type(stored) is _PlainParagraphs:
            return stored.texts
        return tuple(block.text for block in self.blocks if type(block) is Paragraph)

    @property
    def text(self) -> str:
        """The heading (if any) and each block's plain text, separated by blank lines."""
        parts = [self.heading] if self.heading else []
        stored = _stored_blocks(self)
        if type(stored) is _PlainParagraphs:
            parts.extend(stored.texts)
        else:
            parts.extend(block.plain_text for block in self.blocks)
        return "\n\n".join(part for part in parts if part)


class _PlainParagraphs:
    """What a section built from plain texts stores until its blocks are asked for."""

    __slots__ = ("texts",)

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.texts = texts


class _LazyBlocks:
    """``Section.blocks``: builds the paragraphs of a plain section on first use.

    Most sections come from paragraph-only formats and are read for their
    texts, so :class:`Section` keeps those texts and builds the
    :class:`~newsparse.Paragraph` objects only when ``blocks`` is read, then
    keeps them.  Everything attrs generates (eq, hash, repr, pickling,
    ``evolve``) reads the attribute, so it sees the blocks; a section built
    from texts equals one built from the same unmarked paragraphs.
    """

    __slots__ = ("_slot",)

    def __init__(self, slot: Any) -> None:
        self._slot = slot

    def __get__(self, section: Section | None, owner: type | None = None) -> Any:
        if section is None:
            return self
        stored = self._slot.__get__(section, owner)
        if type(stored) is _PlainParagraphs:
            stored = paragraph_blocks(stored.texts)
            self._slot.__set__(section, stored)
        return stored

    def __set__(self, section: Section, value: object) -> None:
        self._slot.__set__(section, value)


_blocks_slot = Section.__dict__["blocks"]
_stored_blocks = _blocks_slot.__get__  # the raw slot: blocks, or _PlainParagraphs
Section.blocks = _LazyBlocks(_blocks_slot)  # type: ignore[assignment]


@attrs.frozen(kw_only=True, init=False)
class Article:
    """One news article: headline, body, images and metadata.

    Only :attr:`title` is required.  Build one directly, or get them from
    :func:`newsparse.parse`.

    >>> from newsparse import Article, Section
    >>> article = Article(title="Rain", body=[Section(paragraphs=["It rained.", "A lot."])])
    >>> article.word_count
    4

    Attributes:
        title: The headline.  Required, single line.
        body: The body text as sections, in reading order.
        images: Images in the order the source gives them; the lead image first.
        authors: Author names as the source prints them, without duplicates.
        published: When the article was first published (timezone-aware), if known.
        modified: When the article was last changed (timezone-aware), if known.
        url: The canonical address of the article, if known.
        publisher: The publication or site name, such as ``"Asharq Al-Awsat"``.
        language: The language as a BCP 47 tag (``"en"``, ``"ar"``, ``"pt-BR"``), if known.
        topics: Keywords, subjects or tags, without duplicates.
        summary: The standfirst, dek or lead summary, when the source marks one.
        meta: Format-specific values that have no field of their own.

            Keys are namespaced by the format that sets them (``"tt.number"``); each
            format documents its keys.
    """

    title: str
    body: tuple[Section, ...] = ()
    images: tuple[Image, ...] = ()
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    topics: tuple[str, ...] = ()
    summary: str | None = None
    meta: FrozenMap[str, str] = _NO_META

    def __init__(
        self,
        *,
        title: str,
        body: Iterable[Section] = (),
        images: Iterable[Image] = (),
        authors: Iterable[str] = (),
        published: datetime | None = None,
        modified: datetime | None = None,
        url: str | None = None,
        publisher: str | None = None,
        language: str | None = None,
        topics: Iterable[str] = (),
        summary: str | None = None,
        meta: Mapping[str, str] = _NO_META,
    ) -> None:
        # Each field is checked by one call, skipped when it has no value.
        _set(self, "title", check_text("Article.title", title, single_line=True))
        _set(self, "body", _instances("Article.body", body, Section))
        _set(self, "images", _instances("Article.images", images, Image))
        if type(authors) is not tuple or authors:
            authors = _names("Article.authors", authors)
        _set(self, "authors", authors)
        if published is not None:
            published = _moment("Article.published", published)
        _set(self, "published", published)
        if modified is not None:
            modified = _moment("Article.modified", modified)
        _set(self, "modified", modified)
        _set(self, "url", None if url is None else _url("Article.url", url))
        if publisher is not None:
            publisher = check_text("Article.publisher", publisher, single_line=True)
        _set(self, "publisher", publisher)
        if language is not None:
            language = _language("Article.language", language)
        _set(self, "language", language)
        if type(topics) is not tuple or topics:
            topics = _names("Article.topics", topics)
        _set(self, "topics", topics)
        if summary is not None:
            summary = check_text("Article.summary", summary, single_line=False)
        _set(self, "summary", summary)
        _set(
            self,
            "meta",
            _NO_META if meta is _NO_META else _meta("Article.meta", meta),
        )

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The texts of every :class:`~newsparse.Paragraph` block of the body, in order.

        For the whole body as text, lists and tables included, use :attr:`text`.
        """
        return tuple(paragraph for section in self.body for paragraph in section.paragraphs)

    @property
    def text(self) -> str:
        """The body as plain text: headings and blocks separated by blank lines.

        Lists give one line per item, tables one line per row (cells separated
        by ``" | "``), quotes their text and attribution, embeds their fallback
        text; figures give none.
        """
        return "\n\n".join(section.text for section in self.body)

    @property
    def word_count(self) -> int:
        """The number of words in the body's blocks (headings not counted).

        A word is a run of letters, digits, underscores and combining marks
        (so "हिन्दी" and vowelled Arabic are one word each).  Scripts written
        without spaces count each unbroken run of characters as one word.
        """
        word = _word_pattern()
        return sum(
            len(word.findall(block.plain_text)) for section in self.body for block in section.blocks
        )
