"""When an XHTML page ``header`` only repeats what the article holds, and may go unreported.

Agencies repeat an item's metadata at the top of its XHTML body: dpa writes
the slugline's subjects and keywords as a list, the publication date as a
``time``, the genre and the headline.  The reader leaves a ``header`` out
and reports it (:mod:`newsparse_iptc.newsml_g2.xhtml`), unless
:func:`repeats_article` finds every text in it already held by the article.
The rule, for the header's text units (each ``h1``-``h6``, ``p``, ``li``,
``dt``, ``dd`` and ``time``, read whole, and the loose text outside them):

- a unit is held when its collapsed text equals the title, a topic, an
  author, a paragraph of the summary, or a line of a ``meta`` value (the
  genre, the slugline, a note...);
- a ``time`` is held, whatever its displayed text, when its ``datetime`` or
  ``data-datetime`` attribute is the published or modified date (the same
  instant), or equals a ``meta`` value as written;
- loose text outside the units is never held: it makes the header reported.

A header holding no text at all is not reported either (it holds nothing).
"""

from __future__ import annotations

from lxml import etree
from newsparse import Article

from newsparse_iptc.dates import parse_moment
from newsparse_iptc.newsml_g2.xhtml_blocks import name_of
from newsparse_iptc.newsml_g2.xhtml_text import unescape_twice
from newsparse_iptc.text import collapse, text_of

__all__ = ["repeats_article"]

_UNITS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "time"})
_DATE_ATTRIBUTES = ("datetime", "data-datetime")


def _known_texts(article: Article) -> set[str]:
    known = {article.title, *article.topics, *article.authors}
    if article.summary is not None:
        known.update(article.summary.split("\n\n"))
    for value in article.meta.values():
        known.update(value.split("\n"))
    return known


def _time_held(element: etree._Element, article: Article) -> bool:
    moments = {moment for moment in (article.published, article.modified) if moment is not None}
    written = set(article.meta.values())
    for attribute in _DATE_ATTRIBUTES:
        value = collapse(element.get(attribute) or "")
        if not value:
            continue
        if value in written:
            return True
        moment = parse_moment(value)
        if moment is not None and moment in moments:
            return True
    return False


def repeats_article(header: etree._Element, article: Article) -> bool:
    """Tell whether every text of ``header`` is already held by ``article`` (see the module)."""
    known = _known_texts(article)

    def held(element: etree._Element) -> bool:
        if collapse(element.text or ""):
            return False
        for child in element:
            name = name_of(child)
            tag: object = child.tag  # a function for comments and processing instructions
            if not isinstance(tag, str) or (name == "time" and _time_held(child, article)):
                pass  # a comment or processing instruction; a time of the article's
            elif name in _UNITS:
                text = unescape_twice(text_of(child))
                if text and text not in known:
                    return False
            elif not held(child):
                return False
            if collapse(child.tail or ""):
                return False
        return True

    return held(header)
