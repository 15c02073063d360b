"""Reading an HTML fragment known to be an article's content (a feed item's, say).

A news page needs its container chosen (the ``html`` format's body rules):
most of a page is not the article.  A fragment that a feed or a wire item
gives as the content of one article is all article, however short, so
:func:`read_fragment` collects all of it, with the html format's own rules
for blocks, headings and figures, after pruning what never holds article text
(scripts, styles, forms, share bars...).  There is no title to find: the
caller knows it, and a paragraph or heading repeating it is left out.
"""

from __future__ import annotations

import attrs

from newsparse._formats.html.body import extract_body
from newsparse._formats.html.dom import parse_document
from newsparse._model import Image, Section

__all__ = ["Fragment", "read_fragment"]


@attrs.frozen
class Fragment:
    """The article text and figures read from an HTML fragment."""

    sections: tuple[Section, ...] = ()
    """The text as sections: a heading (``h2``-``h6``) starts one."""

    images: tuple[Image, ...] = ()
    """The pictures of the fragment (``img``, ``figure`` with its caption), in order.

    Those after some of the text are also :class:`~newsparse.Figure` blocks
    of :attr:`sections`, at their place (as the ``html`` format reads pages).
    """


def read_fragment(markup: str, *, title: str | None = None, source: str = "<string>") -> Fragment:
    """Return the text and pictures of ``markup``, an HTML fragment that is one article's content.

    ``markup`` is body content (``<p>``, headings, lists, figures, bare text);
    a whole document is read as well, its ``<body>`` being the content.  Text
    equal to ``title`` is left out.  Relative addresses are kept as they are:
    the caller resolves them against the base it knows.

    >>> from newsparse.plugin import read_fragment
    >>> found = read_fragment("<p>Rain fell.</p><h2>Later</h2><p>It stopped.</p>")
    >>> [(s.heading, s.paragraphs) for s in found.sections]
    [(None, ('Rain fell.',)), ('Later', ('It stopped.',))]

    Raises:
        ParseError: libxml2 gave up at one of its limits (the ``html``
            format's safe parser settings).
    """
    if not markup.strip():
        return Fragment()
    # The leading <body> gives libxml2 an element even when the markup holds
    # none (a comment only); a whole document inside it is read as usual.
    root = parse_document("<body>" + markup, source)
    body = root.find("body")
    if body is None:  # only a head: no content
        return Fragment()
    found = extract_body(root, skip=(title,), containers=[body])
    return Fragment(sections=found.sections, images=found.images)
