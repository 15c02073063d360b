"""Reading NITF's ``body.content`` in order: every block, heading and image it holds.

What has a place in the model is read (the blocks of
:mod:`newsparse_iptc.nitf.blocks`, ``hl2`` headings, ``media`` images), and
containers are read through: ``block`` (a sidebar), ``fn`` (a footnote, read
where it stands), a publishable ``note``, an ``nitf-table``'s table.  What
has none is recorded in ``fields.skipped`` (:mod:`newsparse_iptc.skipped`),
for the format to report:

- a ``note`` of type ``npa`` (a non-publishable advisory);
- a ``block``'s own metadata with text (its ``byline``, ``dateline``,
  ``abstract``, ``copyrite``, ``datasource``, ...);
- a ``media`` element that is no image (video, audio, ...), and a picture's
  embedded data (``media-object``);
- an ``nitf-table``'s summary, and a ``custom-table``;
- an element NITF does not define there, or of another namespace, when it
  holds text.

A ``body.end``'s ``tagline`` and ``bibliography`` are the last paragraphs.
``hr`` holds no text and is not read.  Text directly inside a container
(which NITF does not allow, but files have) is read as a paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from lxml import etree
from newsparse import Block, Image, Paragraph

from newsparse_iptc.nitf import blocks, names
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.skipped import Skipped, holds_text
from newsparse_iptc.tables import rows_of
from newsparse_iptc.text import clean_url, collapse, text_of


class Fields(Protocol):
    """What the body reader fills in (``newsparse_iptc.nitf.read.Fields`` is one)."""

    images: list[Image]
    """The images found, in order."""
    skipped: list[Skipped]
    """The elements not read, for the format to report."""


__all__ = ["read_body_end", "read_content"]

_IMAGE_TYPES = frozenset({"image", "photo", "graphic"})
_MEDIA_PARTS = frozenset({"media-reference", "media-caption", "media-producer", "media-metadata"})
_BLOCK_METADATA = frozenset(
    {
        *("tobject", "key-list", "classifier", "byline", "dateline"),
        *("copyrite", "abstract", "datasource"),
    }
)
_NOT_PUBLISHED = "npa"


def _children(element: etree._Element) -> list[tuple[str | None, etree._Element]]:
    return [(names.local_name(child), child) for child in element]


def _skip(fields: Fields, element: etree._Element, reason: str) -> None:
    fields.skipped.append(Skipped(element, reason))


def read_content(content: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read the children of ``content`` (a ``body.content`` or a container in it), in order."""
    _loose(content.text, builder)
    for name, child in _children(content):
        _read_child(name, child, builder, fields)
        _loose(child.tail, builder)


def read_body_end(end: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read a ``body.end``: its ``tagline`` and ``bibliography`` are the body's last paragraphs."""
    for name, child in _children(end):
        if name in ("tagline", "bibliography"):
            builder.block_found(_read_paragraph(child))
        else:
            _read_child(name, child, builder, fields)


def _loose(text: str | None, builder: SectionBuilder) -> None:
    paragraph = collapse(text or "")
    if paragraph:
        builder.paragraph_found(paragraph)


def _read_child(
    name: str | None, child: etree._Element, builder: SectionBuilder, fields: Fields
) -> None:
    if name is None:
        tag: object = child.tag  # a function for comments and processing instructions
        if isinstance(tag, str) and holds_text(child):
            _skip(fields, child, "it is in another namespace, which the nitf format does not read")
    elif name in _BLOCK_READERS:
        builder.block_found(_BLOCK_READERS[name](child))
    elif name in _IN_FLOW:
        block = _IN_FLOW[name][0](child)
        if block is not None:
            builder.block_found(block)
        else:
            _IN_FLOW[name][1](child, builder, fields)
    elif name in _CONTAINERS:
        _CONTAINERS[name](child, builder, fields)
    elif name == "hl2":
        heading = text_of(child)
        if heading:
            builder.heading_found(heading)
    elif name == "media":
        _read_media(child, fields)
    elif name != "hr" and holds_text(child):
        _skip(fields, child, "it is not an element of NITF's body.content")


def _read_paragraph(element: etree._Element) -> Paragraph | None:
    text, marks = blocks.read_text(element)
    return Paragraph(text=text, marks=marks) if text else None


_BLOCK_READERS: dict[str, Callable[[etree._Element], Block | None]] = {
    "p": _read_paragraph,
    "pre": blocks.read_preformatted,
    "ul": blocks.read_list,
    "ol": blocks.read_list,
}


# -- what is read in the flow when it is no block of the model ---------------


def _table_in_flow(table: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read a table whose cells hold blocks: its caption, then each cell's content."""
    for name, child in _children(table):
        if name == "caption":
            _loose(text_of(child), builder)
    for row, _ in rows_of(table, names.local_name):
        for name, cell in _children(row):
            if name in ("td", "th"):
                read_content(cell, builder, fields)


def _quote_in_flow(quote: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read a ``bq`` that holds more than paragraphs: its blocks, then the credit as a paragraph."""
    _loose(quote.text, builder)
    for name, child in _children(quote):
        if name == "credit":
            _loose(text_of(child), builder)
        else:
            _read_child(name, child, builder, fields)
        _loose(child.tail, builder)


def _definitions_in_flow(dl: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read a ``dl`` whose definitions hold blocks: each term as a paragraph, then its blocks."""
    for name, child in _children(dl):
        if name == "dt":
            builder.block_found(_read_paragraph(child))
        elif name == "dd":
            read_content(child, builder, fields)
        else:
            _read_child(name, child, builder, fields)


_IN_FLOW: dict[
    str,
    tuple[
        Callable[[etree._Element], Block | None],
        Callable[[etree._Element, SectionBuilder, Fields], None],
    ],
] = {
    "table": (blocks.read_table, _table_in_flow),
    "bq": (blocks.read_quote, _quote_in_flow),
    "dl": (blocks.read_definitions, _definitions_in_flow),
}


# -- containers --------------------------------------------------------------


def _read_block(block: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    _loose(block.text, builder)
    for name, child in _children(block):
        if name in _BLOCK_METADATA:
            if holds_text(child):
                _skip(fields, child, "a block's own metadata has no place in the model")
        else:
            _read_child(name, child, builder, fields)
        _loose(child.tail, builder)


def _read_note(note: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    if (note.get("type") or "").strip() == _NOT_PUBLISHED:
        if holds_text(note):
            _skip(fields, note, 'a note of type "npa" is not for publication')
        return
    read_content(note, builder, fields)


def _read_nitf_table(table: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    for name, child in _children(table):
        if name == "nitf-table-metadata":
            for part_name, part in _children(child):
                if part_name == "nitf-table-summary" and holds_text(part):
                    _skip(fields, part, "the model's tables have no summary")
        elif name == "custom-table":
            if holds_text(child):
                _skip(fields, child, "a custom table's markup has no place in the model")
        else:
            _read_child(name, child, builder, fields)


_CONTAINERS: dict[str, Callable[[etree._Element, SectionBuilder, Fields], None]] = {
    "block": _read_block,
    "fn": read_content,
    "note": _read_note,
    "body.content": read_content,
    "nitf-table": _read_nitf_table,
}


# -- media -------------------------------------------------------------------


def _read_media(media: etree._Element, fields: Fields) -> None:
    kind = (media.get("media-type") or "").strip().lower()
    if kind not in _IMAGE_TYPES:
        if holds_text(media) or any(True for _ in media.iter("{*}media-reference")):
            shown = f"a {kind} media element" if kind else "a media element without a media-type"
            _skip(fields, media, f"{shown} is no image, and the nitf format reads images only")
        return
    image = _image(media)
    if image is not None:
        fields.images.append(image)
    for name, child in _children(media):
        if name not in _MEDIA_PARTS and holds_text(child):
            _skip(fields, child, "an image is kept by its address, not its embedded data")


def _attribute(element: etree._Element, name: str) -> str | None:
    value = element.get(name)
    return collapse(value) or None if value is not None else None


def _image(media: etree._Element) -> Image | None:
    """Return the image an image ``media`` element describes, or ``None`` when it is empty."""
    parts = _children(media)
    references = [part for name, part in parts if name == "media-reference"]
    url = next((clean_url(ref.get("source")) for ref in references if ref.get("source")), None)
    alt = next((text for ref in references if (text := _attribute(ref, "alternate-text"))), None)
    captions = [text for name, part in parts if name == "media-caption" and (text := text_of(part))]
    credits = [text for name, part in parts if name == "media-producer" and (text := text_of(part))]
    if not credits:
        credits = [text for ref in references if (text := _attribute(ref, "source-credit"))]
    caption = " ".join(captions) or None
    credit = " ".join(credits) or None
    if url is None and alt is None and caption is None and credit is None:
        return None
    return Image(url=url, alt=alt, caption=caption, credit=credit)
