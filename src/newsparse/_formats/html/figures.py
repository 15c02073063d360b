"""Figures of a page's content: which boxes are figures, their captions and pictures' addresses.

The collector (``newsparse._formats.html.collect``) asks these while it
walks the content; it keeps one image per photo and places it in the flow.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from newsparse._formats.html.dom import clean_url, collapse, text_content
from newsparse._formats.html.measures import Measures
from newsparse._formats.html.renditions import best_candidate

__all__ = ["figure_caption", "image_url", "is_figure"]

_CAPTION_NAMES = re.compile(r"caption|credit|figure|photo|image|gallery|media")  # lower-cased
_CAPTION_ITSELF = re.compile(r"caption|credit", re.IGNORECASE)
# A figure, and a figure's caption also where the page leaves out the figure.
_FIGURES = frozenset({"figure", "figcaption"})
_CAPTION_LENGTH = 400  # characters; longer "caption" boxes are wrappers


def is_figure(element: etree._Element, measures: Measures) -> bool:
    """Whether ``element`` is a figure, or a box named and shaped like a caption."""
    if element.tag in _FIGURES:
        return True
    classes = element.get("class")
    return classes is not None and _names_caption(classes) and _is_caption(element, measures)


@functools.lru_cache(maxsize=4096)
def _names_caption(classes: str) -> bool:
    """Whether a ``class`` value names a caption or a photo box."""
    return _CAPTION_NAMES.search(classes.lower()) is not None


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


def figure_caption(figure: etree._Element) -> str | None:
    """Return the caption of a figure: its ``figcaption``, or a caption box's own text."""
    caption_element = next(figure.iterdescendants("figcaption"), None)
    if caption_element is None and figure.tag != "figure":
        caption_element = figure
    if caption_element is None:
        return None
    return collapse(text_content(caption_element)) or None


def image_url(image: etree._Element) -> str | None:
    """Return the address of the picture an ``<img>`` shows.

    Its ``src``; for a lazy-loaded image, whose ``src`` is a placeholder
    (a data: URL), ``data-src``; else the largest candidate of its
    ``srcset`` (or ``data-srcset``), then of its ``<picture>``'s sources.
    """
    url = clean_url(image.get("src")) or clean_url(image.get("data-src"))
    if url is not None:
        return url
    sets = [image.get("srcset"), image.get("data-srcset")]
    # libxml2 does not know <source> is empty: the <img> may be inside one.
    picture = next(image.iterancestors("picture"), None)
    if picture is not None:
        for source in picture.iter("source"):
            sets += [source.get("srcset"), source.get("data-srcset")]
    for value in sets:
        url = clean_url(best_candidate(value))
        if url is not None:
            return url
    return None
