"""The body extractor's last step: collecting the text and figures of the container.

See ``newsparse._formats.html.body`` for the rules.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
from lxml import etree

from newsparse._blocks import Block, Embed, Figure, ListBlock, Paragraph
from newsparse._formats.html.dom import collapse, fast_text_content, text_content
from newsparse._formats.html.figures import figure_caption, image_url, is_figure
from newsparse._formats.html.galleries import inner_galleries, is_named_gallery
from newsparse._formats.html.marking import (
    MARK_TAGS,
    MarkKey,
    Part,
    collapse_marked,
    has_marks,
    keys_inside,
    marked_parts,
    marked_text,
)
from newsparse._formats.html.measures import (
    BLOCKS,
    CONTAINERS,
    HEADINGS,
    Measures,
    is_link,
    link_text_length,
    reads_as_text,
)
from newsparse._formats.html.renditions import photo_key
from newsparse._formats.html.structure import (
    EMBED_TAG,
    embed_of_frame,
    list_block,
    preformatted,
    quote_or_embed,
    table_block,
)
from newsparse._marks import Mark
from newsparse._model import Image, Section

__all__ = ["Body", "collect", "collect_all", "collect_given"]

_LINK_SHARE = 0.7  # a block with this share of link text is navigation
_TEXT_IN_LINES = 200  # characters of text between <br> that make its short lines text
_NO_KEYS: frozenset[MarkKey] = frozenset()


@attrs.frozen
class Body:
    """What the extractor found in the page's main content."""

    sections: tuple[Section, ...] = ()
    """The body text as sections."""

    images: tuple[Image, ...] = ()
    """Figures inside the content, in document order."""

    headline: str | None = None
    """The first ``h1`` inside or just before the content, if any."""


class _Collector:
    def __init__(self, skip: set[str], measures: Measures, *, keep_all: bool = False) -> None:
        self.keep_all = keep_all  # the last resort: every text, short or link-like
        self.skip = skip
        self.measures = measures
        self.sections: list[Section] = []
        self.heading: str | None = None
        self.level = 0  # of the heading: 2 for h2 ... 6 for h6
        self.blocks: list[Block] = []
        self.images: list[Image] = []
        self.headline: str | None = None
        self.seen: set[str] = set()
        self.listed: set[str] = set()  # the item texts of the list being read
        self.photos: set[str] = set()  # photo_key of each image added
        self.container: etree._Element | None = None  # the one being collected
        self.galleries: frozenset[etree._Element] | None = None  # in it, once asked

    def is_inner_gallery(self, element: etree._Element) -> bool:
        """Whether ``element`` is a gallery inside the container's text (``html.galleries``)."""
        if self.container is None or not is_named_gallery(element):
            return False
        if self.galleries is None:
            self.galleries = inner_galleries(self.container, self.measures)
        return element in self.galleries

    def add_heading(self, text: str, level: int = 2) -> None:
        # A heading right above a deeper one titles the part it opens: it stays.
        if self.heading is not None and not self.has_text() and level > self.level:
            self.sections.append(Section(heading=self.heading))
        self.close_section()
        if not self.repeats_skipped(text):
            self.heading = text
            self.level = level

    def repeats_skipped(self, heading: str) -> bool:
        """Whether ``heading`` repeats the title (or the summary).

        A page often shows its headline again as a heading in the content,
        alone, with a kicker before it or with the site's name after it.
        """
        return any(skipped in heading and 2 * len(skipped) >= len(heading) for skipped in self.skip)

    def add_paragraph(
        self, text: str, marks: Callable[[], list[Mark] | None] | None = None
    ) -> None:
        """Add a paragraph unless its text was seen; ``marks`` finds its marks, if any."""
        if text in self.skip or text in self.seen:
            return
        self.seen.add(text)
        found = marks() if marks is not None else None
        self.blocks.append(Paragraph(text=text, marks=found or ()))

    def add_block(self, block: Block | None) -> None:
        """Add a structured block (a table, a quote...) unless its text was seen already.

        A list's items were checked one by one (:meth:`keeps_item`) already.
        """
        if block is None:
            return
        text = block.plain_text
        if type(block) is not ListBlock and text:
            if text in self.skip or text in self.seen:
                return
            self.seen.add(text)
        self.blocks.append(block)

    def keeps_item(self, element: etree._Element, text: str) -> bool:
        """Whether a list item's text is article text (not a link in a menu)."""
        if text in self.skip or text in self.seen or text in self.listed:
            return False
        self.listed.add(text)
        return self.keep_all or not _mostly_links(element, text, self.measures)

    def keeps_row(self, row: etree._Element, text: str) -> bool:
        """Whether a table row's text is article text (not a row of links)."""
        return self.keep_all or not _mostly_links(row, text, self.measures)

    def close_section(self) -> None:
        # A heading with no text under it titled something that was left out
        # (a list of links, a gallery): it goes too, but for the last resort,
        # where nothing was left out.
        if self.has_text() or (self.keep_all and self.heading is not None):
            self.sections.append(Section(heading=self.heading, blocks=self.blocks))
        elif self.blocks and self.sections:
            # Figures under a heading that goes: they follow the text before.
            last = self.sections[-1]
            self.sections[-1] = Section(
                heading=last.heading, blocks=last.blocks + tuple(self.blocks)
            )
        self.heading = None
        self.blocks = []

    def has_text(self) -> bool:
        """Whether the section being read holds a block other than a figure."""
        return any(type(block) is not Figure for block in self.blocks)

    def add_figure(self, image: Image) -> None:
        """Place a picture of the content in the flow, once some text came before it.

        A picture before the first text is the lead image: it is in the
        article's images only.
        """
        if self.sections or self.has_text():
            self.blocks.append(Figure(image=image))

    def body(self) -> Body:
        """Close the last section and return what was collected."""
        self.close_section()
        return Body(
            sections=tuple(self.sections),
            images=tuple(self.images),
            headline=self.headline,
        )


def collect(containers: list[etree._Element], skip: set[str], measures: Measures) -> Body:
    """Collect the chosen containers: blocks as blocks, the others walked."""
    collector = _Collector(skip, measures)
    for container in containers:
        collector.container, collector.galleries = container, None
        if container.tag in BLOCKS:
            _block(container, collector)
        else:
            _walk(container, collector)
    return collector.body()


def collect_all(element: etree._Element, measures: Measures) -> Body:
    """Collect every text of ``element`` (the pruned page), short and link-like ones too.

    The last resort for a page with no title and no text the container
    choice found: what the page holds is returned rather than nothing.
    """
    collector = _Collector(set(), measures, keep_all=True)
    _walk(element, collector)
    return collector.body()


def collect_given(containers: list[etree._Element], skip: set[str], measures: Measures) -> Body:
    """Collect the containers a caller named, each as one block of the content."""
    collector = _Collector(skip, measures)
    for container in containers:
        if isinstance(container.tag, str):
            if container.tag == "img":
                _add_image(container, None, collector)
            else:
                _block(container, collector)
    return collector.body()


def _walk(element: etree._Element, collector: _Collector) -> None:
    """Collect the content of ``element``: its blocks, and runs of inline text between them."""
    run = _Run(collector, lines_of_text=_lines_of_text(element, collector.measures))
    run.add(element.text)
    for child in element:
        tag: object = child.tag
        if not isinstance(tag, str):
            run.add(child.tail)
            continue
        if tag == "br":
            run.flush()
        elif tag == "img":
            _add_image(child, None, collector)
        elif tag != EMBED_TAG and collector.measures.is_inline(child):
            _add_inline(child, run)
        elif collector.is_inner_gallery(child):
            run.flush()
            _add_pictures(child, collector)
        else:
            run.flush()
            _block(child, collector)
        run.add(child.tail)
    run.flush()


def _add_inline(
    element: etree._Element, run: _Run, *, link: bool = False, keys: frozenset[MarkKey] = _NO_KEYS
) -> None:
    """Add inline markup to ``run``, ending the paragraph at each ``<br>`` inside it.

    ``link`` tells that ``element`` is inside a link, ``keys`` which marks
    (links, emphasis...) are around it.
    """
    link = link or (element.tag == "a" and is_link(element))
    if not len(element) or next(element.iterdescendants("br"), None) is None:
        if keys or element.tag in MARK_TAGS or has_marks(element):
            run.add_parts(marked_parts(element, keys), link=link)
        else:
            run.add(fast_text_content(element), link=link)
        if not link and len(element):
            run.links += link_text_length(element)
        return
    keys = keys_inside(element, keys)
    run.add(element.text, link=link, keys=keys)
    for child in element:
        if child.tag == "br":
            run.flush()
        elif isinstance(child.tag, str):
            _add_inline(child, run, link=link, keys=keys)
        run.add(child.tail, link=link, keys=keys)


def _lines_of_text(element: etree._Element, measures: Measures) -> bool:
    """Whether ``element`` holds a text written in lines: ``<br>`` between them, long in all.

    Its short lines are parts of that text (a verse, an address, a list of
    steps), not labels, and are all kept.
    """
    if next(element.iterchildren("br"), None) is None:
        return False
    text, links = measures.direct_text(element)
    return len(text) >= _TEXT_IN_LINES and links < _LINK_SHARE * len(text)


class _Run:
    """Inline text between blocks, gathered into one paragraph."""

    def __init__(self, collector: _Collector, *, lines_of_text: bool = False) -> None:
        self.lines_of_text = lines_of_text
        self.collector = collector
        self.parts: list[str] = []
        self.keys: list[frozenset[MarkKey]] = []  # the marks each part sits in
        self.marked = False  # whether a part sits in a mark
        self.links = 0

    def add(
        self, text: str | None, *, link: bool = False, keys: frozenset[MarkKey] = _NO_KEYS
    ) -> None:
        if text:
            self.parts.append(text)
            self.keys.append(keys)
            self.marked = self.marked or bool(keys)
            if link:
                self.links += len(collapse(text))

    def marks_of(self, text: str) -> Callable[[], list[Mark] | None]:
        """Return how to find the marks of the run's parts, whose text is ``text``."""
        parts = list(zip(self.parts, self.keys, strict=True))

        def find() -> list[Mark] | None:
            walked, marks = collapse_marked(parts)
            return marks if walked == text else None  # a safeguard: the text is what counts

        return find

    def add_parts(self, parts: list[Part], *, link: bool) -> None:
        """Add the text nodes of an inline element, with their marks (see ``marked_parts``)."""
        for text, keys in parts:
            self.parts.append(text)
            self.keys.append(keys)
            self.marked = self.marked or bool(keys)
        if link:
            self.links += len(collapse("".join(text for text, _ in parts)))

    def flush(self) -> None:
        text = collapse("".join(self.parts))
        if text and (
            self.collector.keep_all
            or (
                self.links < _LINK_SHARE * len(text) and (self.lines_of_text or reads_as_text(text))
            )
        ):
            self.collector.add_paragraph(text, self.marks_of(text) if self.marked else None)
        self.parts = []
        self.keys = []
        self.marked = False
        self.links = 0


def _block(child: etree._Element, collector: _Collector) -> None:
    """Collect one block-level element."""
    tag = child.tag
    if tag == "h1" or tag in HEADINGS:
        _add_heading(child, collector)
        return
    # An embedded post's class may name "media": embeds come before figures.
    figure = tag not in _EMBEDS and is_figure(child, collector.measures)
    if tag in _STRUCTURED and not figure and _add_structure(child, collector):
        return
    if figure:
        _add_figure(child, collector)
        return
    if tag in BLOCKS and not _has_blocks(child):
        if len(child):
            for image in child.iter("img"):
                _add_image(image, None, collector)
        text = collector.measures.text(child)
        if text and (
            collector.keep_all
            or (
                not _mostly_links(child, text, collector.measures)
                and (tag == "li" or reads_as_text(text))
            )
        ):
            collector.add_paragraph(text, lambda: marked_text(child, text))
        return
    if tag == "tr" and _add_row(child, collector):
        return
    if tag == "a" and not collector.keep_all and _leads_away(child):
        return  # a link wrapping blocks: a card leading to another page
    _walk(child, collector)


def _leads_away(link: etree._Element) -> bool:
    """Whether a link leads to another page: it has an address, and not a script's."""
    return bool((link.get("href") or "").strip()) and is_link(link)


def _add_heading(heading: etree._Element, collector: _Collector) -> None:
    """Collect a heading: the first ``h1`` is the page's headline, others open sections."""
    if heading.tag == "h1":
        if collector.headline is None:
            collector.headline = collector.measures.text(heading) or None
        return
    text = collector.measures.text(heading)
    if text and not _mostly_links(heading, text, collector.measures):
        collector.add_heading(text, int(heading.tag[1]))


_STRUCTURED = frozenset({"ul", "ol", "table", "blockquote", "pre", EMBED_TAG})
_EMBEDS = frozenset({"blockquote", EMBED_TAG})


def _add_structure(element: etree._Element, collector: _Collector) -> bool:
    """Collect a list, a data table, a quote, an embed or preformatted text as one block.

    Return whether ``element`` was one (see ``newsparse._formats.html.structure``);
    a list or table that is not (items holding paragraphs, a layout table)
    is left to the caller.
    """
    tag = element.tag
    block: Block | None
    if tag in ("ul", "ol"):
        # Item texts count as seen only if the list is kept: a list that
        # turns out to hold blocks is read again, block by block.
        collector.listed.clear()
        block = list_block(element, collector.keeps_item)
        if block is not None:
            collector.seen |= collector.listed
        collector.listed.clear()
    elif tag == "table":
        block = table_block(element, collector.keeps_row)
    else:
        block = _STRUCTURE_READERS[tag](element)
        if block is not None and (isinstance(block, Embed) or collector.keep_all):
            collector.add_block(block)
            return True
    if block is None:
        return False
    collector.add_block(block)  # items and rows made of links were left out already
    return True


_STRUCTURE_READERS: dict[str, Callable[[etree._Element], Block | None]] = {
    EMBED_TAG: embed_of_frame,
    "pre": preformatted,
    "blockquote": quote_or_embed,
}


def _add_row(row: etree._Element, collector: _Collector) -> bool:
    """Collect a row of a data table as one paragraph, its cells' texts in order.

    A row of several cells holding only inline text is data (a results table,
    a timetable): its cells are kept even when each is short.  Return whether
    ``row`` was such a row; a layout table's rows are walked as containers.
    """
    cells = [cell for cell in row if cell.tag in {"td", "th"}]
    if len(cells) < 2 or any(_has_blocks(cell) for cell in cells):
        return False
    text = collapse(" ".join(text_content(cell) for cell in cells))
    if text and not _mostly_links(row, text, collector.measures):
        collector.add_paragraph(text)
    return True


_STRUCTURE = tuple(sorted(BLOCKS | HEADINGS | CONTAINERS))


def _has_blocks(element: etree._Element) -> bool:
    """Whether ``element`` holds a block, a heading or a container."""
    if not len(element):
        return False
    return next(element.iterdescendants(*_STRUCTURE), None) is not None


def _mostly_links(element: etree._Element, text: str, measures: Measures) -> bool:
    """Whether links make most of the text ``text`` of ``element``."""
    links = measures.link_length(element)
    return links > 0 and links >= _LINK_SHARE * len(text)


def _add_figure(figure: etree._Element, collector: _Collector) -> None:
    # A caption without a picture (of a video or an embed, left out) makes no
    # image, nor text: on news pages it is not part of the article's text.
    caption = figure_caption(figure)
    for index, image in enumerate(figure.iter("img")):
        _add_image(image, caption if index == 0 else None, collector)


def _add_pictures(element: etree._Element, collector: _Collector) -> None:
    """Add the pictures of a gallery inside the text, with its figures' captions; no text."""
    if element.tag == "img":
        _add_image(element, None, collector)
    elif is_figure(element, collector.measures):
        _add_figure(element, collector)
    else:
        for child in element:
            if isinstance(child.tag, str):
                _add_pictures(child, collector)


def _add_image(image: etree._Element, caption: str | None, collector: _Collector) -> None:
    """Add the picture ``image`` shows, once for all its renditions; none without an address."""
    url = image_url(image)
    if url is None:
        return
    key = photo_key(url)
    if key in collector.photos:
        return
    collector.photos.add(key)
    alt = collapse(image.get("alt") or "") or None
    picture = Image(url=url, alt=alt, caption=caption or None)
    collector.images.append(picture)
    collector.add_figure(picture)
