"""The body extractor's last step: collecting the text and figures of the container.

See ``newsparse._formats.html.body`` for the rules.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from newsparse._formats.html.dom import clean_url, collapse, fast_text_content, text_content
from newsparse._formats.html.measures import (
    BLOCKS,
    CONTAINERS,
    HEADINGS,
    Measures,
    link_text_length,
)
from newsparse._model import Image, Section

__all__ = ["Body", "collect", "collect_given"]

_CAPTION_NAMES = re.compile(r"caption|credit|figure|photo|image|gallery|media")  # lower-cased
_CAPTION_ITSELF = re.compile(r"caption|credit", re.IGNORECASE)
# A figure, and a figure's caption also where the page leaves out the figure.
_FIGURES = frozenset({"figure", "figcaption"})
_LABEL_LENGTH = 60  # shorter blocks must read as sentences to count as text
# Sentence ends and punctuation, with the CJK and Arabic forms.
_SENTENCE_END = re.compile('[.!?…:;"\u201d\u00bb\u3002\uff01\uff1f\u061f]\\W*$')
_CAPTION_LENGTH = 400  # characters; longer "caption" boxes are wrappers
_LINK_SHARE = 0.7  # a block with this share of link text is navigation


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
    def __init__(self, skip: set[str], measures: Measures) -> None:
        self.skip = skip
        self.measures = measures
        self.sections: list[Section] = []
        self.heading: str | None = None
        self.paragraphs: list[str] = []
        self.images: list[Image] = []
        self.headline: str | None = None
        self.seen: set[str] = set()

    def add_heading(self, text: str) -> None:
        self.close_section()
        if not self.repeats_skipped(text):
            self.heading = text

    def repeats_skipped(self, heading: str) -> bool:
        """Whether ``heading`` repeats the title (or the summary).

        A page often shows its headline again as a heading in the content,
        alone, with a kicker before it or with the site's name after it.
        """
        return any(skipped in heading and 2 * len(skipped) >= len(heading) for skipped in self.skip)

    def add_paragraph(self, text: str) -> None:
        if text in self.skip or text in self.seen:
            return
        self.seen.add(text)
        self.paragraphs.append(text)

    def close_section(self) -> None:
        # A heading with no text under it titled something that was left out
        # (a list of links, a gallery): it goes too.
        if self.paragraphs:
            self.sections.append(Section(heading=self.heading, paragraphs=self.paragraphs))
        self.heading = None
        self.paragraphs = []

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
        if container.tag in BLOCKS:
            _block(container, collector)
        else:
            _walk(container, collector)
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
    run = _Run(collector)
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
        elif collector.measures.is_inline(child):
            _add_inline(child, run)
        else:
            run.flush()
            _block(child, collector)
        run.add(child.tail)
    run.flush()


def _add_inline(element: etree._Element, run: _Run, *, link: bool = False) -> None:
    """Add inline markup to ``run``, ending the paragraph at each ``<br>`` inside it.

    ``link`` tells that ``element`` is inside a link.
    """
    link = link or element.tag == "a"
    if not len(element) or element.find(".//br") is None:
        run.add(fast_text_content(element), link=link)
        if not link and len(element):
            run.links += link_text_length(element)
        return
    run.add(element.text, link=link)
    for child in element:
        if child.tag == "br":
            run.flush()
        elif isinstance(child.tag, str):
            _add_inline(child, run, link=link)
        run.add(child.tail, link=link)


class _Run:
    """Inline text between blocks, gathered into one paragraph."""

    def __init__(self, collector: _Collector) -> None:
        self.collector = collector
        self.parts: list[str] = []
        self.links = 0

    def add(self, text: str | None, *, link: bool = False) -> None:
        if text:
            self.parts.append(text)
            if link:
                self.links += len(collapse(text))

    def flush(self) -> None:
        text = collapse("".join(self.parts))
        if text and self.links < _LINK_SHARE * len(text) and _reads_as_text(text):
            self.collector.add_paragraph(text)
        self.parts = []
        self.links = 0


def _block(child: etree._Element, collector: _Collector) -> None:
    """Collect one block-level element."""
    tag = child.tag
    if tag == "h1":
        if collector.headline is None:
            collector.headline = collector.measures.text(child) or None
        return
    if tag in HEADINGS:
        text = collector.measures.text(child)
        if text and not _mostly_links(child, text, collector.measures):
            collector.add_heading(text)
        return
    if tag in _FIGURES or (
        _CAPTION_NAMES.search(child.get("class", "").lower())
        and _is_caption(child, collector.measures)
    ):
        _add_figure(child, collector)
        return
    if tag in BLOCKS and not _has_blocks(child):
        if len(child):
            for image in child.iter("img"):
                _add_image(image, None, collector)
        text = collector.measures.text(child)
        if (
            text
            and not _mostly_links(child, text, collector.measures)
            and (tag == "li" or _reads_as_text(text))
        ):
            collector.add_paragraph(text)
        return
    if tag == "tr" and _add_row(child, collector):
        return
    if tag == "a":
        return  # a link wrapping blocks: a card leading to another page
    _walk(child, collector)


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


def _reads_as_text(text: str) -> bool:
    """Whether a block is article text rather than a label, a date or a credit line.

    A short block without sentence punctuation ("Close", "Back to gallery",
    "By A. Writer", "November 18, 2019") is taken for a label.
    """
    return len(text) >= _LABEL_LENGTH or _SENTENCE_END.search(text) is not None


def _is_caption(element: etree._Element, measures: Measures) -> bool:
    """Whether an element named like a caption or photo box is one (not a wrapper).

    A caption is short (the indentation of the markup does not count), and
    holds no paragraph, or one (a caption's text is often a ``<p>``) when it
    shows a picture or is named as a caption: a paragraph alone in a "media"
    box is text.
    """
    if len(measures.text(element)) >= _CAPTION_LENGTH:
        return False
    paragraphs = element.iterdescendants("p")
    if next(paragraphs, None) is None:
        return True
    if next(paragraphs, None) is not None:
        return False
    return (
        _CAPTION_ITSELF.search(element.get("class", "")) is not None
        or next(element.iter("img", "picture"), None) is not None
    )


def _add_figure(figure: etree._Element, collector: _Collector) -> None:
    caption_element = figure.find(".//figcaption")
    if caption_element is None and figure.tag != "figure":
        caption_element = figure
    caption = collapse(text_content(caption_element)) if caption_element is not None else None
    images = list(figure.iter("img"))
    if not images and caption:
        collector.images.append(Image(caption=caption))
        return
    for index, image in enumerate(images):
        _add_image(image, caption if index == 0 else None, collector)


def _add_image(image: etree._Element, caption: str | None, collector: _Collector) -> None:
    # A lazy-loaded image has a placeholder (a data: URL) in src, the real one in data-src.
    url = clean_url(image.get("src")) or clean_url(image.get("data-src"))
    alt = collapse(image.get("alt") or "") or None
    caption = caption or None
    if url is None and alt is None and caption is None:
        return
    collector.images.append(Image(url=url, alt=alt, caption=caption))
