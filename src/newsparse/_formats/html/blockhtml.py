"""One block as an HTML element, for formats whose bodies are HTML (ninjs's ``body_html``).

:func:`html_of_block` writes a block the way the ``html`` format writes it in
its own markup (a ``<p>`` with ``<a href>``, ``<em>``, ``<strong>`` and
``<br>``; ``<ul>``/``<ol>``; ``<table>``; a quote as ``<figure
class="quote">``...), and :func:`block_of_html` reads such an element back
into the very same block.  A plugin that carries its body as HTML uses the
pair to keep every block it declares; it decides itself how to read HTML
that is not in this shape (:func:`block_of_html` refuses it).
"""

from __future__ import annotations

from lxml import etree

from newsparse._blocks import Block
from newsparse._formats.html.ownblocks import read_block, write_block

__all__ = ["block_of_html", "html_of_block"]


def html_of_block(block: Block) -> str:
    """Return ``block`` as one HTML element, as the ``html`` format writes it.

    Texts are escaped, and a line break in them is a ``<br>``; nothing else
    is changed, so spaces and tabs are written as they are (HTML readers
    that collapse whitespace read those differently).

    >>> from newsparse import ListBlock, ListItem, Mark, Paragraph
    >>> from newsparse.plugin import html_of_block
    >>> html_of_block(Paragraph(text="Rain & wind", marks=[Mark(kind="emphasis", start=0, end=4)]))
    '<p><em>Rain</em> &amp; wind</p>'
    >>> html_of_block(ListBlock(items=[ListItem(text="one"), ListItem(text="two")]))
    '<ul><li>one</li><li>two</li></ul>'
    """
    return write_block(block)


def block_of_html(element: etree._Element) -> Block:
    """Return the block an element written by :func:`html_of_block` holds.

    ``element`` is an lxml element parsed from that markup (by
    ``lxml.html``); its text is taken exactly as it is, each ``<br>`` a
    line break, so a caller reading HTML from elsewhere normalizes its
    whitespace first.

    >>> from lxml import html
    >>> from newsparse.plugin import block_of_html
    >>> block_of_html(html.fragment_fromstring("<p>Rain <strong>now</strong></p>"))
    Paragraph(text='Rain now', marks=(Mark(kind='strong', start=5, end=8, href=None),))

    Raises:
        ValueError: ``element`` is not in the shape :func:`html_of_block`
            writes (an unknown tag or class, an inline element other than
            ``a``, ``em``, ``strong`` and ``br``, ...); a
            :class:`~newsparse.ValidationError` (a ``ValueError`` too) when
            its text breaks the model's rules.  A shape may also be read
            into a block that :func:`html_of_block` writes differently (a
            table's rows outside ``thead`` and ``tbody`` are not read):
            write the block back and compare to be sure nothing was left out.
    """
    return read_block(element)
