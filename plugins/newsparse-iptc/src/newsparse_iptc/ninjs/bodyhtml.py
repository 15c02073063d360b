"""A ninjs body in HTML (``body_html``, a ``text/html`` body): sections of blocks, both ways.

Writing
    Each section's heading is an ``<h2>``, then each block is one element as
    the ``html`` format writes it (:func:`newsparse.plugin.html_of_block`):
    ``<p>`` with ``<a href>``, ``<em>``, ``<strong>`` and ``<br>``;
    ``<ul>``/``<ol>``, nested; ``<table>`` with ``<caption>``, ``<thead>``,
    ``<th>``/``<td>`` and their spans; a quote as ``<figure class="quote">``
    (or ``pull-quote``) around a ``<blockquote>`` with the attribution in a
    ``<figcaption>``; ``<pre>``; an embed as ``<figure class="embed">`` with
    a link to it.  One element per line.
Reading
    HTML's whitespace rules hold outside ``<pre>``: a run of spaces, tabs and
    line ends is one space, and there is none at the start or end of a
    block's text or next to a ``<br>``, which is a line break.  Headings
    (``h1``-``h6``) start sections.  An element in the shape above is read
    into that block, with its links and emphasis, when writing the block
    again gives the same element (so nothing in it is left out).  Anything
    else is read as before: the text of a ``p``, ``li`` or ``pre`` is a
    paragraph; lists, ``div``, ``section``, ``blockquote`` and the like are
    walked; a table's cells are read in order; a ``figure`` or ``img`` with
    a ``src`` is one of the article's images; text outside any block is a
    paragraph.

``body_problem`` tells which text of a block would not come back
unchanged from that whitespace handling, so that ``render`` refuses it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from html import escape

from lxml import etree
from newsparse import (
    Block,
    Embed,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Table,
)
from newsparse.plugin import block_of_html, html_of_block

from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.text import collapse, html_fragment, text_of

__all__ = [
    "BLOCKS",
    "MARKS",
    "block_texts",
    "body_problem",
    "read_sections",
    "write_sections",
]

BLOCKS = frozenset({"paragraph", "list", "table", "quote", "preformatted", "embed"})
"""The block kinds a ninjs HTML body holds."""

MARKS = frozenset({"link", "emphasis", "strong"})
"""The marks it holds: ``a href``, ``em`` and ``strong``."""

_SPACES = re.compile(r"[ \t\n\r\f]+")
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_LINE_SPACES = re.compile(r"[ \t\r\f]+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that hold no article text: not walked.
_SKIPPED = frozenset(
    {"br", "hr", "script", "style", "noscript", "template", "iframe", "object", "embed", "video",
     "audio", "source", "track", "head", "title", "meta", "link", "svg", "canvas", "form",
     "input", "button", "select", "textarea", "img", "picture"}
)  # fmt: skip
_TEXT_BLOCKS = frozenset({"p", "li", "pre", "td", "th", "dt", "dd"})
# Inline elements: their text runs on with the text around them.
_INLINE = frozenset(
    {"a", "em", "strong", "b", "i", "u", "s", "span", "code", "small", "sub", "sup", "abbr",
     "cite", "q", "mark", "time", "font", "kbd", "var", "del", "ins", "dfn", "bdi", "bdo"}
)  # fmt: skip
# The elements html_of_block writes at the top of a block: (tag, class).
_BLOCK_SHAPES = frozenset(
    {("p", None), ("ul", None), ("ol", None), ("table", None), ("pre", None),
     ("figure", "quote"), ("figure", "pull-quote"), ("figure", "embed")}
)  # fmt: skip


# -- writing -------------------------------------------------------------------


def write_sections(sections: tuple[Section, ...]) -> str:
    """Return the HTML body of ``sections``: an ``<h2>`` per heading, an element per block."""
    lines = []
    for section in sections:
        if section.heading is not None:
            lines.append(f"<h2>{escape(section.heading, quote=False)}</h2>")
        lines.extend(html_of_block(block) for block in section.blocks)
    return "\n".join(lines)


def body_problem(text: str) -> str | None:
    """Return why ``text`` would not read back unchanged from the HTML body, or ``None``."""
    lines = [_LINE_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    if "\n".join(lines) != text:
        return (
            "tabs, runs of spaces and spaces next to a line break do not survive HTML"
            " whitespace handling"
        )
    return None


def block_texts(path: str, block: Block) -> Iterator[tuple[str, str]]:
    """Yield ``(field, text)`` for every text of ``block`` that HTML reads collapsed."""
    if isinstance(block, Paragraph):
        yield path, block.text
    elif isinstance(block, ListBlock):
        for index, item in enumerate(block.items):
            if item.text is not None:
                yield f"{path}.items[{index}]", item.text
            if item.sublist is not None:
                yield from block_texts(f"{path}.items[{index}].sublist", item.sublist)
    elif isinstance(block, Table):
        yield from _table_texts(path, block)
    elif isinstance(block, Quote):
        for index, paragraph in enumerate(block.paragraphs):
            yield f"{path}.paragraphs[{index}]", paragraph.text
        if block.attribution is not None:
            yield f"{path}.attribution", block.attribution
    elif isinstance(block, Embed) and block.text is not None:
        yield f"{path}.text", block.text


def _table_texts(path: str, block: Table) -> Iterator[tuple[str, str]]:
    if block.caption is not None:
        yield f"{path}.caption", block.caption
    for part in ("head", "rows"):
        for row_index, row in enumerate(getattr(block, part)):
            for cell_index, cell in enumerate(row.cells):
                if cell.text is not None:
                    yield f"{path}.{part}[{row_index}].cells[{cell_index}]", cell.text


# -- reading ---------------------------------------------------------------------


def read_sections(markup: str, images: list[Image]) -> list[Section]:
    """Return the sections of an HTML body; its pictures are appended to ``images``.

    Raises:
        ValueError: the HTML parser's limits (see :func:`fragment`), or a
            text the model refuses.
    """
    sections: list[Section] = []
    if markup.strip():
        body = html_fragment(markup)
        _collapse(body)
        _trim(body)
        builder = SectionBuilder(sections)
        _Reader(builder, images).read(body)
        builder.close()
    return sections


def _collapse(element: etree._Element) -> None:
    """Make each run of HTML whitespace one space, except inside ``pre``."""
    if element.tag == "pre":
        return  # the element's own tail is its parent's to collapse
    if element.text:
        element.text = _SPACES.sub(" ", element.text)
    for child in element:
        _collapse(child)
        if child.tail:
            child.tail = _SPACES.sub(" ", child.tail)


def _trim(element: etree._Element) -> None:
    """Drop the spaces at the ends of each run of inline text and next to a ``<br>``."""
    runs: list[list[tuple[etree._Element, str]]] = [[]]

    def walk(node: etree._Element) -> None:
        runs[-1].append((node, "text"))
        for child in node:
            if child.tag in _INLINE:
                walk(child)
            else:
                runs.append([])
                if child.tag != "pre":
                    _trim(child)
            runs[-1].append((child, "tail"))

    walk(element)
    for run in runs:
        _trim_run(run)


def _trim_run(run: list[tuple[etree._Element, str]]) -> None:
    after_space = True  # at the start of the run, as after a space
    for node, where in run:
        value = getattr(node, where)
        if not value:
            continue
        if after_space and value.startswith(" "):
            value = value[1:]
            setattr(node, where, value)
        if value:
            after_space = value.endswith(" ")
    for node, where in reversed(run):
        value = getattr(node, where)
        if not value:
            continue
        setattr(node, where, value.rstrip(" "))
        if value.rstrip(" "):
            break


def _exact_block(element: etree._Element) -> Block | None:
    """Return the block ``element`` holds in the shape this module writes, or ``None``."""
    if (element.tag, element.get("class")) not in _BLOCK_SHAPES:
        return None
    try:
        block = block_of_html(copy.deepcopy(element))
        written = html_fragment(html_of_block(block))
    except ValueError:
        return None
    _collapse(written)
    _trim(written)
    return block if len(written) == 1 and _same(element, written[0]) else None


def _same(first: etree._Element, second: etree._Element) -> bool:
    """Whether two elements have the same tag, attributes, text and children (tails aside)."""
    return (
        first.tag == second.tag
        and sorted(first.items()) == sorted(second.items())
        and (first.text or "") == (second.text or "")
        and len(first) == len(second)
        and all(
            _same(one, other) and (one.tail or "") == (other.tail or "")
            for one, other in zip(first, second, strict=True)
        )
    )


class _Reader:
    """Walks an HTML body, block by block, into a :class:`SectionBuilder`."""

    def __init__(self, builder: SectionBuilder, images: list[Image]) -> None:
        self.builder = builder
        self.images = images
        self.loose: list[str] = []

    def read(self, element: etree._Element) -> None:
        self._text(element.text)
        for child in element:
            tag: object = child.tag
            if tag in _INLINE:
                self._text(_inline_text(child))
            else:
                self._flush()
                self._block(child)
            self._text(child.tail)
        self._flush()

    def _text(self, text: str | None) -> None:
        if text:
            self.loose.append(text)

    def _flush(self) -> None:
        text = collapse("".join(self.loose))
        if text:
            self.builder.paragraph_found(text)
        self.loose = []

    def _block(self, child: etree._Element) -> None:
        tag: object = child.tag
        if tag in _HEADINGS:
            if text := text_of(child):
                self.builder.heading_found(text)
        elif (block := _exact_block(child)) is not None:
            self.builder.block_found(block)
        elif tag in _TEXT_BLOCKS:
            if text := text_of(child):
                self.builder.paragraph_found(text)
        elif tag in ("figure", "img", "picture") and (image := _figure(child)) is not None:
            self.images.append(image)
        elif tag == "table":
            for cell in child.iter("td", "th"):
                if text := text_of(cell):
                    self.builder.paragraph_found(text)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            self.read(child)  # a container (div, section, blockquote, a list...)


def _inline_text(node: etree._Element) -> str:
    parts = [node.text or ""]
    for child in node:
        parts.append(" " if child.tag == "br" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _figure(element: etree._Element) -> Image | None:
    img = element if element.tag == "img" else element.find(".//img")
    caption = element.find(".//figcaption")
    url = (img.get("src") or "").strip() if img is not None else ""
    if not url or any(char.isspace() for char in url):
        return None
    # An attribute keeps its spacing; only what the model forbids becomes a space.
    alt = _FORBIDDEN.sub(" ", img.get("alt") or "").strip() or None if img is not None else None
    return Image(
        url=url, alt=alt, caption=text_of(caption) or None if caption is not None else None
    )
