"""Generic extraction of an article's body from a news page.

No rule here knows any site: site knowledge belongs in site-parser plugins.
The extractor works in three steps, each in its own module of
``newsparse._formats.html`` (``prune``, ``container``, ``collect``;
they share the text measures of ``measures``).

1. **Prune.**  Elements that never hold article text are removed: scripts,
   styles, forms, navigation, asides, footers, hidden elements (by an
   attribute, a style or, but for an article or main element, a class such
   as ``hidden`` or ``sr-only``), and elements whose ``class``, ``id`` or
   ``role`` names them as boilerplate (share bars, comments, newsletter and
   cookie boxes, related links, advertising, bylines and boxes about the
   author).  A boilerplate-named element holding enough text in long blocks
   is a wrapper and stays (wide CJK characters count double), except a
   thread of comments; an aside, nav or footer stays when it holds an
   article with such text (markup left unclosed); React's streamed segments
   are not hidden, and a paragraph named after the paywall is the text the
   paywall locks.  Inline markup with text right before and after it is
   part of a sentence and stays, whatever its name (``class="popup"``).
2. **Choose the container.**  Every text block (a paragraph, or a ``div``
   holding text directly) scores by its length and punctuation, less the part
   of it that is link text; its score goes to its parent and, halved, to its
   grandparent (not across an ``<article>``).  When one of several
   ``<article>`` elements has the page's title as its ``h1``, the text of the
   others counts less.  The element with the highest total is the container,
   or the ancestor it shares with two close rivals, or with a lone one of
   its class (not those in another article); nothing above ``<body>``
   scores, and a data table (or its body) chosen gives way to the element
   holding it, so that the text around the table comes too.  An ``<article>`` or
   ``itemprop="articleBody"`` element around it is preferred when it holds
   little more text, or little link text; a container the page itself marks
   ``itemprop="articleBody"`` is taken as it is.  Link text is the text of
   ``<a>`` elements, but for links that run a script (``javascript:``):
   those lead nowhere.
3. **Collect.**  The container is walked in document order.  Headings
   (``h2``-``h6``) start sections; paragraphs, list items, block quotes,
   preformatted text, lines between ``<br>`` and rows of data tables become
   paragraphs; figures, captions (``figcaption``, also outside a figure)
   and short boxes named like captions or photos (with one paragraph at
   most, and then a picture or a caption's name) become images with their
   captions.  Short blocks that are mostly links are dropped, and so is text
   repeated from the title or the summary (a heading also when it adds a
   kicker or a site name); a link wrapping blocks (a card leading to another
   article: it has an address, not a script's) is left out.  A short block
   still counts as text when its wide (CJK) characters, counted three times,
   make it long enough (20 of them), or when it is a line of a text written
   with ``<br>`` (200 characters or more in all).
   A heading with nothing under it goes, unless a deeper heading follows
   right away.  MathML and custom elements (names with a hyphen) are inline.
   An image needs an address; the renditions of one photo are one image.
   A gallery inside the text (an element named ``gallery``, ``carousel`` or
   ``legends``, in a container with an article's text outside it) gives its
   pictures, with its figures' captions, and no text (``html.galleries``).

When these steps find no text on a page, ``extract_all_text`` gives
every text left after pruning (see ``html.format``): short and link-like
blocks, blocks inside links, and headings with nothing under them too.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from newsparse._formats.html.collect import Body, collect, collect_all, collect_given
from newsparse._formats.html.confidence import BodyEvidence, describe_container
from newsparse._formats.html.container import choose_container
from newsparse._formats.html.dom import collapse, with_ancestors
from newsparse._formats.html.measures import Measures
from newsparse._formats.html.prune import Pruning

__all__ = ["Body", "extract_all_text", "extract_body"]


def extract_body(
    root: etree._Element,
    *,
    skip: tuple[str | None, ...] = (),
    containers: Sequence[etree._Element] | None = None,
    evidence: BodyEvidence | None = None,
) -> Body:
    """Find the article text of the page ``root`` (see the module docstring).

    ``root`` is modified (pruned).  ``skip`` holds the page's title and
    summary as its metadata states them: paragraphs equal to one are left
    out, so are headings repeating one, and an ``<article>`` whose ``h1`` is
    one is preferred to the others on the page.

    ``containers``, when given, replaces the container choice: the body is
    collected from exactly these elements, in the order given (a site parser
    passes the elements its selector found).  They are pruned inside like the
    rest of the page, but never removed themselves, nor are the elements
    around them.  Each is collected as a block of the content would be: a
    heading starts a section, a paragraph is a paragraph, a figure gives its
    images, and any other element is walked for its blocks.

    ``evidence``, when given, receives what the choice tells about the
    body's confidence (``html.confidence``).
    """
    body = root.find("body")
    if body is None:
        body = root
    skipped = {collapse(text) for text in skip if text}
    if containers is not None:
        chosen = list(containers)
        Pruning(with_ancestors(chosen)).prune(body)
        if evidence is not None:
            evidence.origin = "site-parser"
            evidence.page = body
            evidence.container = describe_container(chosen)
        return collect_given(chosen, skipped, Measures())
    Pruning(frozenset()).prune(body)
    measures = Measures()
    if evidence is not None:
        evidence.page, evidence.measures = body, measures
    found = choose_container(body, measures, skipped)
    if evidence is not None and found:
        evidence.container = describe_container(found)
        length = sum(measures.length(element) for element in found)
        links = sum(measures.link_length(element) for element in found)
        evidence.link_share = links / length if length else 0.0
    if not found:
        return Body()
    return collect(found, skipped, measures)


def extract_all_text(root: etree._Element, evidence: BodyEvidence | None = None) -> Body:
    """Return every text left in the page ``root`` after :func:`extract_body` pruned it.

    The last resort for a page whose container choice found no article
    text: a short note, a fragment, a list.  Nothing is filtered out as a
    label or as links, since nothing else would be returned.  ``evidence``,
    when given, receives the share of that text that is link text.
    """
    body = root.find("body")
    element = root if body is None else body
    measures = Measures()
    if evidence is not None:
        evidence.page, evidence.measures = element, measures
        length = measures.length(element)
        evidence.link_share = measures.link_length(element) / length if length else 0.0
    return collect_all(element, measures)
