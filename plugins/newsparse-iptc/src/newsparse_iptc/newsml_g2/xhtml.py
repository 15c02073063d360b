"""Reading the XHTML a NewsML-G2 item carries in ``inlineXML`` into an article's body.

Blocks (lists, tables, quotes, definition lists, preformatted text, marked
paragraphs) are read by :mod:`~newsparse_iptc.newsml_g2.xhtml_blocks`;
``h1``-``h6`` start sections; ``img`` (inside a ``figure``, with its
``figcaption`` as the caption) is an image.  Agencies write this XHTML
loosely, and the reader takes it as they do:

- elements in the XHTML namespace and in none are read alike (the caller
  moves elements left in the NewsML-G2 default namespace into none);
- a ``p`` holding block elements (STT's ``<p><h3>...</h3></p>``) is read as
  the blocks it holds, its loose text around them as paragraphs;
- text directly inside a container (``body``, ``div``, ``section``, ...),
  outside any ``p``, is a paragraph of its own, except a run of routing
  codes (upper-case letters and digits only, such as ANSA's
  ``51 77 03 CRO01 1113 ...``), which goes to ``meta["newsml-g2.routing"]``;
- text escaped twice (``&amp;#39;``, ``&amp;quot;``: the source shows
  ``&#39;`` as text) is unescaped once more.

What has no place in the model is reported (``fields.skipped``): a
``header`` (dpa repeats the slugline, keywords and headline there) or
``nav`` holding text, and embedded objects (``object``, ``video``,
``audio``, ``iframe``, ``embed``).  ``script``, ``style`` and the
document's ``head`` hold no story text and are not read; ``hr`` holds none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy

from lxml import etree
from newsparse import Block, Image, Paragraph

from newsparse_iptc.newsml_g2.xhtml_blocks import (
    BLOCKS,
    HEADINGS,
    name_of,
    read_definitions,
    read_list,
    read_quote,
    read_table,
    read_text,
)
from newsparse_iptc.newsml_g2.xhtml_text import unescape_twice
from newsparse_iptc.nitf.blocks import read_preformatted
from newsparse_iptc.nitf.read import Fields
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.skipped import Skipped, holds_text
from newsparse_iptc.tables import rows_of
from newsparse_iptc.text import clean_url, collapse, text_of

__all__ = ["ROUTING", "read_xhtml", "unescape_twice"]

ROUTING = "newsml-g2.routing"
"""``meta`` key: routing codes left as loose text in an XHTML body, one line per run."""

_NOT_TEXT = frozenset({"script", "style", "head", "hr"})
_PAGE_PARTS = {
    "header": "a page header is not the story's text (dpa repeats the item's slugline,"
    " keywords and headline there)",
    "nav": "navigation is not the story's text",
}
_EMBEDDED = frozenset({"object", "video", "audio", "iframe", "embed"})
_ALONE = frozenset({"p", "li", "dt", "dd"})
_ROUTING_CODES = re.compile(r"(?:[A-Z0-9]{1,12} ){3,}[A-Z0-9]{1,12}")


def _plain(element: etree._Element) -> str:
    return unescape_twice(text_of(element))


def read_xhtml(root: etree._Element) -> Fields:
    """Read XHTML (an ``html`` element, or any element holding a body's content) into fields.

    Only the body is read (the item's ``headline`` is the title); elements
    of other namespaces give their text as inline text.  See the module's
    notes for the mapping and the variants read.
    """
    fields = Fields()
    builder = SectionBuilder(fields.sections)
    if name_of(root) == "html":
        for child in root:
            if name_of(child) == "body":
                _read_flow(child, builder, fields)
    else:
        _read_flow(root, builder, fields)
    builder.close()
    return fields


def _holds_blocks(element: etree._Element) -> bool:
    return any(name_of(child) in BLOCKS for child in element)


def _read_flow(element: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read the children of a container, and the text between them, in order."""
    run = etree.Element("p")
    run.text = element.text
    for child in element:
        name = name_of(child)
        if name is None or (name not in BLOCKS and not _holds_blocks(child)):
            # Inline markup, a comment or a foreign element inside loose text.
            inline = deepcopy(child)
            inline.tail = child.tail
            run.append(inline)
            continue
        _loose(run, builder, fields)
        _read_block(child, name, builder, fields)
        run = etree.Element("p")
        run.text = child.tail
    _loose(run, builder, fields)


def _loose(run: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    text, marks = read_text(run)
    if not text:
        return
    if not marks and _ROUTING_CODES.fullmatch(text) and any(char.isdigit() for char in text):
        previous = fields.meta.get(ROUTING)
        fields.meta[ROUTING] = text if previous is None else f"{previous}\n{text}"
    else:
        builder.block_found(Paragraph(text=text, marks=marks))


def _paragraph(element: etree._Element) -> Paragraph | None:
    text, marks = read_text(element)
    return Paragraph(text=text, marks=marks) if text else None


def _read_block(child: etree._Element, name: str, builder: SectionBuilder, fields: Fields) -> None:
    if name in _NOT_TEXT:
        return
    if name in _PAGE_PARTS or name in _EMBEDDED:
        if name in _EMBEDDED or holds_text(child):
            reason = _PAGE_PARTS.get(name, "embedded objects are not read by the newsml-g2 format")
            fields.skipped.append(Skipped(child, reason))
    elif name in HEADINGS:
        if text := _plain(child):
            builder.heading_found(text)
    elif name in _ALONE and not _holds_blocks(child):
        builder.block_found(_paragraph(child))
    elif name in _STRUCTURES:
        block = _STRUCTURES[name][0](child)
        if block is not None:
            builder.block_found(block)
        else:
            _STRUCTURES[name][1](child, builder, fields)
    elif name in _OTHERS:
        _OTHERS[name](child, builder, fields)
    else:
        _read_flow(child, builder, fields)


def _table_in_flow(table: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read a table whose cells hold blocks: its caption, then each cell's content."""
    for child in table:
        if name_of(child) == "caption":
            builder.block_found(_paragraph(child))
    for row, _ in rows_of(table, name_of):
        for cell in row:
            if name_of(cell) in ("td", "th"):
                _read_flow(cell, builder, fields)


_STRUCTURES: dict[
    str,
    tuple[
        Callable[[etree._Element], Block | None],
        Callable[[etree._Element, SectionBuilder, Fields], None],
    ],
] = {
    "ul": (read_list, _read_flow),
    "ol": (read_list, _read_flow),
    "table": (read_table, _table_in_flow),
    "blockquote": (read_quote, _read_flow),
    "dl": (read_definitions, _read_flow),
}


def _read_figure(figure: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read a figure's images with its caption; anything else in it is read in the flow."""
    captions = [_plain(c) for c in figure.iter() if name_of(c) == "figcaption"]
    caption = " ".join(text for text in captions if text) or None
    found = False
    for img in figure.iter():
        if name_of(img) == "img":
            image = _image(img, caption)
            if image is not None:
                fields.images.append(image)
                found = True
    if not found and caption is not None:
        fields.images.append(Image(caption=caption))
    rest = etree.Element("div")
    rest.text = figure.text
    for child in figure:
        held = any(name_of(inner) in ("img", "figcaption") for inner in child.iter())
        kept = deepcopy(child) if not held else etree.Element("br")
        kept.tail = child.tail
        rest.append(kept)
    _read_flow(rest, builder, fields)


def _image(img: etree._Element, caption: str | None) -> Image | None:
    url = clean_url(img.get("src"))
    alt = collapse(img.get("alt") or "") or None
    if url is None and alt is None and caption is None:
        return None
    return Image(url=url, alt=alt, caption=caption)


def _read_pre(pre: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    builder.block_found(read_preformatted(pre))


def _read_img(img: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    image = _image(img, None)
    if image is not None:
        fields.images.append(image)


_OTHERS: dict[str, Callable[[etree._Element, SectionBuilder, Fields], None]] = {
    "pre": _read_pre,
    "img": _read_img,
    "figure": _read_figure,
}
