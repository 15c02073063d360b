"""Generic extraction of an article's body from a news page.

No rule here knows any site: site knowledge belongs in site-parser plugins.
The extractor works in three steps.

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
   paywall locks.
2. **Choose the container.**  Every text block (a paragraph, or a ``div``
   holding text directly) scores by its length and punctuation, less the part
   of it that is link text; its score goes to its parent and, halved, to its
   grandparent (not across an ``<article>``).  When one of several
   ``<article>`` elements has the page's title as its ``h1``, the text of the
   others counts less.  The element with the highest total is the container,
   or the ancestor it shares with two close rivals, or with a lone one of
   its class (not those in another article).  An ``<article>`` or
   ``itemprop="articleBody"`` element around it is preferred when it holds
   little more text, or little link text.
3. **Collect.**  The container is walked in document order.  Headings
   (``h2``-``h6``) start sections; paragraphs, list items, block quotes,
   preformatted text, lines between ``<br>`` and rows of data tables become
   paragraphs; figures, captions (``figcaption``, also outside a figure)
   and short boxes named like captions or photos (with one paragraph at
   most, and then a picture or a caption's name) become images with their
   captions.  Short blocks that are mostly links are dropped, and so is text
   repeated from the title or the summary (a heading also when it adds a
   kicker or a site name); a link wrapping blocks (a card leading to another
   article) is left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import attrs
from lxml import etree

from newsparse.builtin_formats.html.dom import (
    clean_url,
    collapse,
    remove_keeping_tail,
    text_content,
)
from newsparse.model import Image, Section

__all__ = ["Body", "extract_body"]

_DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "button",
        "input", "select", "textarea", "nav", "aside", "footer", "object", "embed",
        "canvas", "video", "audio", "map", "dialog", "menu",
    }
)  # fmt: skip
# Dropped tags that may wrap the article in a page whose markup is broken.
_SECTIONING = frozenset({"aside", "nav", "footer"})
_ALWAYS_DROPPED = tuple(sorted(_DROP_TAGS - _SECTIONING))
# Searched in " " + the lower-cased names (see ``_names_boilerplate``): starting
# with a separator, and without IGNORECASE, the pattern lets the regex engine
# jump from one word start to the next, which is several times faster.
_BOILERPLATE = re.compile(
    r"[\s_-](?:comment|comments|share|sharing|social|related|newsletter|subscri\w*"
    r"|promo\w*|advert\w*|ads?|sponsor\w*|cookie\w*|consent|sidebar|breadcrumbs?|footer"
    r"|navigation|nav|menu|popup|modal|recommend\w*|outbrain|taboola|paywall|banner"
    r"|toolbar|print|widget|teaser|more-stories|read-more|signup|login|donate"
    r"|author[-_]?(?:bio|biography|description|info|about|card|box|profile)|bio|biography"
    r"|authors?|bylines?)(?=$|[\s_-])"
)
# A thread of readers' comments, or one comment (see ``_names_comments``); a
# name telling a state ("has-comments") does not count.
_COMMENTS = re.compile(
    r"(?:(?!(?:has|no|is|with|without|show|enable\w*|allow\w*)[-_])\w+[-_])?"
    r"comments?(?:[-_](?:list|area|body|content|text|section|thread|container"
    r"|wrap\w*|items?|block|box|\d+))?",
    re.IGNORECASE,
)
_CONTENT_NAMES = re.compile(  # searched in lower-cased names, like _BOILERPLATE
    r"article|body|content|entry|main|post|story|text|blog|prose|news|detail"
)
_CAPTION_NAMES = re.compile(r"caption|credit|figure|photo|image|gallery|media")  # lower-cased
_CAPTION_ITSELF = re.compile(r"caption|credit", re.IGNORECASE)
# A figure, and a figure's caption also where the page leaves out the figure.
_FIGURES = frozenset({"figure", "figcaption"})
_NEVER_BOILERPLATE = frozenset({"body", "html", "article", "main"})
_PAYWALL = "paywall"
# React's streaming server rendering sends late content in hidden elements with
# these ids, which a script then moves into the page: they are not hidden.
_STREAMED_SEGMENT = re.compile(r"S:[0-9a-f]+")
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
# The attributes that can make an element boilerplate or hidden.
_JUDGED_ATTRIBUTES = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden"})
# Class names that hide an element by the usual style sheets' conventions
# (``hidden``; text only screen readers read, which is labels).
_HIDING_CLASSES = frozenset(
    {"hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text"}
)
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset({"p", "li", "blockquote", "pre", "dd"})
_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "center", "body"})
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
        "sup", "time", "u", "var", "wbr", "br", "label", "nobr", "tt", "big", "strike",
    }
)  # fmt: skip
_LONG_BLOCK = 80  # characters of a block that is surely text (see _reading_length)
# Wide characters: CJK ideographs, kana, Hangul syllables, full-width forms.
_WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_WIDE_WEIGHT = 2  # a wide character counts as this many
_WRAPPER_TEXT = 400  # characters in long blocks that make a boilerplate name a wrapper
_SIBLING_SCORE = 10.0  # a sibling of the container scoring this much continues it
_SIBLING_SHARE = 0.2  # ... or this share of the container's score
_INSIDE_BOILERPLATE = 0.5  # weight of candidates inside a boilerplate-named element
_ARTICLE_SHARE = 3  # an article element holding less than this times the best text is it
_ARTICLE_LINKS = 0.3  # ... and so is one with less than this share of link text
_OTHER_ARTICLE = 0.25  # weight of the text of an article the page's title does not name
_RIVALS = 6  # the best candidates compared with the best one
_RIVAL_SHARE = 0.3  # a rival scores at least this share of the best
_LABEL_LENGTH = 60  # shorter blocks must read as sentences to count as text
# Sentence ends and punctuation, with the CJK and Arabic forms.
_SENTENCE_END = re.compile('[.!?…:;"\u201d\u00bb\u3002\uff01\uff1f\u061f]\\W*$')
_CAPTION_LENGTH = 400  # characters; longer "caption" boxes are wrappers
_LINK_SHARE = 0.7  # a block with this share of link text is navigation
_MIN_BLOCK = 25  # characters a text block needs to count for the container
# Punctuation, with the CJK and Arabic forms (counted with ``str.count``, which
# is faster than a regular expression).
_PUNCTUATION = ".,;:!?\u3002\u3001\uff0c\uff01\uff1f\u060c\u061b"
_ASCII_PUNCTUATION = ".,;:!?"  # enough to count in ASCII text


@attrs.frozen
class Body:
    """What the extractor found in the page's main content."""

    sections: tuple[Section, ...] = ()
    """The body text as sections."""

    images: tuple[Image, ...] = ()
    """Figures inside the content, in document order."""

    headline: str | None = None
    """The first ``h1`` inside or just before the content, if any."""


def extract_body(
    root: etree._Element,
    *,
    skip: tuple[str | None, ...] = (),
    containers: Sequence[etree._Element] | None = None,
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
    """
    body = root.find("body")
    if body is None:
        body = root
    skipped = {collapse(text) for text in skip if text}
    if containers is not None:
        chosen = list(containers)
        _Pruning(_with_ancestors(chosen)).prune(body)
        return _collect_given(chosen, skipped, _Measures())
    _Pruning(frozenset()).prune(body)
    measures = _Measures()
    found = _choose_container(body, measures, skipped)
    if not found:
        return Body()
    return _collect(found, skipped, measures)


def _with_ancestors(elements: Iterable[etree._Element]) -> frozenset[etree._Element]:
    """Return ``elements`` and every element around them."""
    kept: set[etree._Element] = set()
    for element in elements:
        kept.add(element)
        kept.update(element.iterancestors())
    return frozenset(kept)


# -- measuring text ----------------------------------------------------------


_COLLAPSED_LENGTH = etree.XPath("string-length(normalize-space())")


class _Measures:
    """Texts of the elements of a tree, each worked out once.

    The answers hold for the tree as it was when they were asked: pruning
    changes them, so the pruning and the steps after it use one each.
    """

    def __init__(self) -> None:
        self._inline: dict[etree._Element, bool] = {}
        self._text: dict[etree._Element, str] = {}
        self._links: dict[etree._Element, int] = {}
        self._lengths: dict[etree._Element, int] = {}

    def text(self, element: etree._Element) -> str:
        """Return the text of ``element`` and everything in it, whitespace collapsed."""
        text = self._text.get(element)
        if text is None:
            text = self._text[element] = collapse(_text_content(element))
        return text

    def length(self, element: etree._Element) -> int:
        """Return the length of the text of ``element``, XML whitespace collapsed.

        Worked out by libxml2, without making the text: cheaper for a large
        element than ``len(self.text(element))``, which collapses Unicode
        whitespace too (so it may be shorter, by the no-break spaces and the
        like next to other whitespace).
        """
        length = self._lengths.get(element)
        if length is None:
            value = _COLLAPSED_LENGTH(element)
            length = self._lengths[element] = int(value) if isinstance(value, float) else 0
        return length

    def link_length(self, element: etree._Element) -> int:
        """Return the length of the link text in ``element`` (itself included)."""
        length = self._links.get(element)
        if length is None:
            length = self._links[element] = _link_text_length(element)
        return length

    def is_inline(self, element: etree._Element) -> bool:
        """Whether ``element`` is inline markup without any block inside it."""
        if element.tag not in _INLINE:
            return False
        if not len(element):
            return True
        inline = self._inline.get(element)
        if inline is None:
            # Inline markup whose every child element is inline markup all
            # the way down: the same as having no block among its descendants.
            inline = all(not _is_element(child) or self.is_inline(child) for child in element)
            self._inline[element] = inline
        return inline

    def direct_text(self, element: etree._Element) -> tuple[str, int]:
        """Return the text of ``element`` outside its block children, and its link text length."""
        if not _may_have_own_text(element):
            return "", 0
        parts = [element.text or ""]
        links = 0
        for child in element:
            if _is_element(child) and self.is_inline(child):
                text = _text_content(child)
                parts.append(text)
                if child.tag == "a":
                    links += len(collapse(text))
                elif len(child):
                    links += _link_text_length(child)
            parts.append(child.tail or "")
        return collapse("".join(parts)), links

    def own_text(self, element: etree._Element) -> str:
        """Return the text of ``element`` outside its block children, whitespace collapsed."""
        if not _may_have_own_text(element):
            return ""
        parts = [element.text or ""]
        for child in element:
            if _is_element(child) and self.is_inline(child):
                parts.append(_text_content(child))
            parts.append(child.tail or "")
        return collapse("".join(parts))


def _is_element(node: etree._Element) -> bool:
    """Whether ``node`` is an element, not a comment or a processing instruction.

    The parser drops those, but a tree made some other way may hold them.
    """
    tag: object = node.tag
    return isinstance(tag, str)


def _text_content(element: etree._Element) -> str:
    """Return ``text_content(element)``, read directly when it has no child element.

    Most paragraphs and links hold only text, and reading it needs no XPath
    evaluation.
    """
    if len(element):
        return text_content(element)
    return element.text or ""


def _may_have_own_text(element: etree._Element) -> bool:
    """Whether ``element`` may hold text outside its block children (a quick test).

    ``False`` means surely not: its text and the tails of its children are
    whitespace, and no child is inline markup.  Most containers are only
    wrappers around blocks, and this spares them the full reading.
    """
    text = element.text
    if text and not text.isspace():
        return True
    for child in element:
        if child.tag in _INLINE:
            return True
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def _link_text_length(element: etree._Element) -> int:
    """Return the length of the link text in ``element`` (itself included)."""
    if not len(element) and element.tag != "a":
        return 0
    return sum(len(collapse(_text_content(link))) for link in element.iter("a"))


# -- pruning -----------------------------------------------------------------


class _Pruning:
    """Finds the elements to remove in one walk, then removes them.

    Every decision is taken on the whole page as it was parsed, before any
    removal.  The walk does not enter an element it has doomed: everything in
    it goes with it.
    """

    def __init__(self, kept: frozenset[etree._Element]) -> None:
        self.kept = kept
        self.measures = _Measures()
        self.block_lengths: dict[etree._Element, int] = {}

    def prune(self, body: etree._Element) -> None:
        """Remove from ``body`` (and ``body`` itself) what never holds article text."""
        kept = self.kept
        if not any(element.tag in _ALWAYS_DROPPED for element in kept):
            # What always goes, goes first, at C speed: the walk below then
            # visits fewer elements (a page's scripts and drawings are many).
            etree.strip_elements(body, *_ALWAYS_DROPPED, with_tail=False)
        # ``body`` itself may go (a hidden ``<body>``), but its content is
        # still what the container choice reads: it is pruned all the same.
        doomed = [body] if self.is_doomed(body) and body not in kept else []
        # ``iter()`` is faster than ``iterwalk()`` with its ``skip_subtree()``,
        # even though it still yields what is inside a doomed element: those
        # are passed over until the element that follows it.
        walk = body.iter()
        next(walk)  # ``body`` itself, judged above
        following: etree._Element | None = None
        for element in walk:
            if following is not None:
                if element is not following:
                    continue
                following = None
            if self.is_doomed(element) and element not in kept:
                doomed.append(element)
                following = _following(element, body)
                if following is None:
                    break  # the rest of the page is inside it
        for element in doomed:
            remove_keeping_tail(element)

    def is_doomed(self, element: etree._Element) -> bool:
        """Whether ``element`` goes (see the module docstring), judged on the unpruned page."""
        tag: object = element.tag
        # Comments and processing instructions have no string tag.
        if not isinstance(tag, str):
            return True
        if tag in _DROP_TAGS:
            return tag not in _SECTIONING or not self.wraps_article(element)
        names = element.keys()
        if _JUDGED_ATTRIBUTES.isdisjoint(names):  # most elements: no need to look further
            return tag == "form" and not self.holds_article_text(element)
        classes = element.get("class", "") if "class" in names else ""
        if _is_hidden(element, names, classes):
            return True
        if tag == "form" or _is_boilerplate(element, names, classes):
            return self.boilerplate_goes(element, names, classes)
        return False

    def boilerplate_goes(
        self, element: etree._Element, names: Sequence[str | bytes], classes: str
    ) -> bool:
        """Whether a form or a boilerplate-named element goes."""
        if element.tag == "p" and _PAYWALL in classes:
            # A paragraph named after the paywall is text the paywall locks
            # (its prompt comes in a box): it stays unless another name tells
            # boilerplate.
            return _is_boilerplate(element, names, classes.replace(_PAYWALL, " "))
        return _names_comments(element, names) or not self.holds_article_text(element)

    def wraps_article(self, element: etree._Element) -> bool:
        """Whether an ``aside``, ``nav`` or ``footer`` holds an article with real text.

        The markup then leaves it unclosed, so that the parser puts the
        article inside it: it is kept, and pruned inside.
        """
        return any(self.holds_article_text(inner) for inner in element.iter("article", "main"))

    def holds_article_text(self, element: etree._Element) -> bool:
        """Whether a boilerplate-named element is a wrapper around real text.

        Pages name wrappers after features ("paywall", "ad-margins", "widget");
        a wrapper holding enough text in long blocks is kept, and the
        container choice decides.
        """
        # The blocks together hold no more than all the text in the element
        # (a wide character counting twice): with less than a wrapper's worth,
        # there is no need to look at them.
        if not _text_reaches(element, -(-_WRAPPER_TEXT // _WIDE_WEIGHT)):
            return False
        total = 0
        for block in element.iter("p", "div", "td"):
            length = self.block_lengths.get(block)
            if length is None:
                text = _text_content(block) if block.tag == "p" else self.measures.own_text(block)
                length = self.block_lengths[block] = _reading_length(text)
            if length >= _LONG_BLOCK:
                total += length
                if total >= _WRAPPER_TEXT:
                    return True
        return False


def _following(element: etree._Element, top: etree._Element) -> etree._Element | None:
    """Return the node that follows ``element`` and all it holds, within ``top``."""
    node = element
    while node is not top:
        following = node.getnext()
        if following is not None:
            return following
        parent = node.getparent()
        if parent is None:
            return None
        node = parent
    return None


def _text_reaches(element: etree._Element, length: int) -> bool:
    """Whether the text in ``element`` is at least ``length`` characters long.

    The same as ``len(text_content(element)) >= length``, but it stops
    reading as soon as it knows, instead of joining all the text of a large
    element.
    """
    # Walking the elements and adding their texts and tails is faster than
    # ``itertext()``, whose every call costs as much as a short walk.
    text = element.text
    total = len(text) if text else 0
    if total >= length:
        return True
    for inner in element.iterdescendants():
        text = inner.text
        if text:
            total += len(text)
        text = inner.tail
        if text:
            total += len(text)
        if total >= length:
            return True
    return False


def _reading_length(text: str) -> int:
    """Return the length of ``text`` in characters, counting wide (CJK) ones twice.

    A Chinese or Japanese character, or a Korean syllable, carries about as
    much as two or three Latin letters, so a block of them is long sooner.
    """
    if text.isascii():
        return len(text)
    return len(text) + (_WIDE_WEIGHT - 1) * len(_WIDE.findall(text))


def _is_hidden(element: etree._Element, names: Sequence[str | bytes], classes: str) -> bool:
    """Whether ``element`` (with the attributes ``names``, of them ``class="classes"``) is hidden.

    That is hidden from readers: by an attribute, an inline style, or a class
    the usual style sheets hide.
    """
    if "hidden" in names and not _STREAMED_SEGMENT.fullmatch(element.get("id") or ""):
        return True
    if "aria-hidden" in names and element.get("aria-hidden") == "true":
        return True
    # Cheap tests first: most class values name nothing that hides.  A page
    # may hide its article or main element by a class until a script shows
    # it: those stay.
    if (
        ("hidden" in classes or "sr-only" in classes or "screen-reader" in classes)
        and _hiding_classes(classes)
        and element.tag not in _NEVER_BOILERPLATE
    ):
        return True
    if "style" not in names:
        return False
    style = element.get("style")
    return bool(style) and _hiding_style(style)


def _is_boilerplate(
    element: etree._Element, names: Sequence[str | bytes] | None = None, classes: str | None = None
) -> bool:
    """Whether the ``role``, ``class`` or ``id`` of ``element`` names it as boilerplate.

    ``names`` are the element's attribute names, and ``classes`` its ``class``
    value, when already known.
    """
    if names is None:
        names = element.keys()
    if element.tag in _NEVER_BOILERPLATE:
        return False
    if "role" in names and element.get("role") in _BOILERPLATE_ROLES:
        boilerplate = True
    elif "class" in names:
        identifier = element.get("id", "") if "id" in names else ""
        if classes is None:
            classes = element.get("class", "")
        boilerplate = _names_boilerplate(f"{classes} {identifier}")
    elif "id" in names:
        boilerplate = _names_boilerplate(f" {element.get('id', '')}")
    else:
        return False
    return boilerplate and not ("itemprop" in names and element.get("itemprop") == "articleBody")


@functools.lru_cache(maxsize=4096)
def _names_boilerplate(names: str) -> bool:
    """Whether ``class`` and ``id`` values (joined by a space) name boilerplate."""
    return _BOILERPLATE.search(f" {names.lower()}") is not None


def _names_comments(element: etree._Element, names: Sequence[str | bytes]) -> bool:
    """Whether ``class`` or ``id`` names ``element`` as readers' comments or a thread of them.

    Comments are long text, so unlike other boilerplate a thread of them is
    never taken for a wrapper around the article (a name that only mentions
    comments, such as "comments-enabled", does not count).
    """
    classes = element.get("class", "") if "class" in names else ""
    identifier = element.get("id", "") if "id" in names else ""
    return _comment_names(f"{classes} {identifier}")


@functools.lru_cache(maxsize=4096)
def _comment_names(names: str) -> bool:
    return any(_COMMENTS.fullmatch(name) for name in names.split())


@functools.lru_cache(maxsize=4096)
def _hiding_classes(classes: str) -> bool:
    """Whether a ``class`` value hides its element.

    A class such as ``md:block`` (a variant for wide screens, or for a state)
    shows again what ``hidden`` hides: such an element is not hidden.
    """
    names = classes.split()
    return not _HIDING_CLASSES.isdisjoint(names) and not any(":" in name for name in names)


@functools.lru_cache(maxsize=1024)
def _hiding_style(style: str) -> bool:
    """Whether an inline ``style`` hides its element."""
    return _HIDING_STYLE.search(style) is not None


# -- choosing the container --------------------------------------------------


def _score_text(text: str, links: int) -> float:
    if len(text) < _MIN_BLOCK:
        return 0.0
    density = min(links / len(text), 1.0)
    marks = _ASCII_PUNCTUATION if text.isascii() else _PUNCTUATION
    punctuation = sum(map(text.count, marks))
    score = 1.0 + punctuation + min(len(text) / 100, 3.0)
    return score * (1.0 - density)


def _block_score(element: etree._Element, measures: _Measures) -> float:
    if element.tag in _BLOCKS:
        text = measures.text(element)
        if len(text) < _MIN_BLOCK:
            return 0.0
        return _score_text(text, measures.link_length(element))
    return _score_text(*measures.direct_text(element))


# Paragraph-like blocks, and containers holding text of their own (with
# ``<br>``).  List items are left out: lists of teasers and comments would win.
_TEXT_BLOCKS = tuple(sorted((_BLOCKS - {"li"}) | _CONTAINERS))


def _name_weight(element: etree._Element) -> float:
    """How much an element's class and id suggest article text (+) or not (-)."""
    if element.get("itemprop") == "articleBody":
        return 1.0
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if not names.strip():
        return 0.0
    weight = 0.0
    if _names_boilerplate(names):
        weight -= 0.5
    if _CONTENT_NAMES.search(names.lower()):
        weight += 0.25
    return weight


def _surroundings_weight(element: etree._Element, inside: dict[etree._Element, bool]) -> float:
    """Less for text inside a boilerplate-named element (a comment thread, a teaser box).

    ``inside`` remembers, for the elements already seen, whether one of their
    ancestors (below ``<body>``) is named like boilerplate.
    """
    return _INSIDE_BOILERPLATE if _inside_boilerplate(element, inside) else 1.0


def _inside_boilerplate(element: etree._Element, inside: dict[etree._Element, bool]) -> bool:
    """Whether an ancestor of ``element`` below ``<body>`` is named like boilerplate."""
    path: list[etree._Element] = []
    answer = False
    current = element
    while True:
        known = inside.get(current)
        if known is not None:
            answer = known
            break
        path.append(current)
        parent = current.getparent()
        if parent is None or parent.tag in {"body", "html"}:
            break
        if _is_boilerplate(parent):
            answer = True
            break
        current = parent
    for seen in path:
        inside[seen] = answer
    return answer


def _choose_container(
    body: etree._Element, measures: _Measures, titles: set[str]
) -> list[etree._Element]:
    """Return the element holding the article text, with any siblings that continue it.

    ``titles`` are the texts a headline of the page's own article would show.
    """
    scores: dict[etree._Element, float] = {}
    for block in body.iter(*_TEXT_BLOCKS):
        # Most containers are wrappers without text of their own: a quick
        # test spares them the scoring.
        if block.tag not in _BLOCKS and not _may_have_own_text(block):
            continue
        score = _block_score(block, measures)
        if not score:
            continue
        parent = block.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + score
        # The text of an ``<article>`` scores for it, not for a list of them.
        grandparent = parent.getparent() if parent.tag != "article" else None
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0.0) + score / 2
    if not scores:
        return []
    inside: dict[etree._Element, bool] = {}
    for element in scores:
        scores[element] *= (1.0 + _name_weight(element)) * _surroundings_weight(element, inside)
    _prefer_titled_article(body, scores, titles)
    best = _common_container(scores)
    for ancestor in best.iterancestors():
        if ancestor.tag == "article" or ancestor.get("itemprop") == "articleBody":
            if _whole_article(ancestor, best, measures):
                return [ancestor]
            break
    return _with_siblings(best, scores, measures)


def _prefer_titled_article(
    body: etree._Element, scores: dict[etree._Element, float], titles: set[str]
) -> None:
    """Weigh down the text of other articles when one article's ``h1`` is the page's title.

    A page that loads the next story below the first one holds several
    ``<article>`` elements; the page's title names the one it is about.
    """
    articles = list(body.iter("article"))
    if len(articles) < 2 or not titles:
        return
    titled = {
        article
        for article in articles
        if any(collapse(text_content(h1)) in titles for h1 in article.iter("h1"))
    }
    if not titled:
        return
    for element in scores:
        article = _article_of(element)
        if article is not None and article not in titled and not _holds_any(article, titled):
            scores[element] *= _OTHER_ARTICLE


def _article_of(element: etree._Element) -> etree._Element | None:
    """Return the nearest ``<article>`` element that is or holds ``element``, if any."""
    return next(
        (node for node in (element, *element.iterancestors()) if node.tag == "article"), None
    )


def _holds_any(element: etree._Element, others: set[etree._Element]) -> bool:
    """Whether ``element`` holds one of ``others``."""
    return any(element in other.iterancestors() for other in others)


def _whole_article(article: etree._Element, best: etree._Element, measures: _Measures) -> bool:
    """Whether a marked-up article element around the best candidate is the article.

    It is when the best candidate holds most of its text (it then adds the
    headings and figures around), or when little of its text is links: an
    article cut into many small blocks, none of which holds much of it.
    """
    text = measures.length(article)
    return (
        text < _ARTICLE_SHARE * measures.length(best)
        or measures.link_length(article) < _ARTICLE_LINKS * text
    )


def _common_container(scores: dict[etree._Element, float]) -> etree._Element:
    """Return the best-scoring element, or the ancestor it shares with its close rivals.

    A long article is often cut into several blocks of paragraphs, each of
    which scores about as well as the best one: their common ancestor holds
    the whole text.  A lone rival counts when it has the best one's class (a
    block of the same kind: the first, shorter part of the text, say).
    """
    ranked = sorted(scores, key=lambda element: scores[element], reverse=True)
    best = ranked[0]
    rivals = [
        element
        for element in ranked[1:_RIVALS]
        if scores[element] >= _RIVAL_SHARE * scores[best]
        and best not in element.iterancestors()
        and element not in best.iterancestors()
        and not _in_other_article(element, best)
    ]
    # Two rivals tell that the text goes on outside the best; so does a lone
    # rival made like the best (the same class: another block of its kind).
    names = best.get("class")
    needed = 2
    if len(rivals) == 1 and names and rivals[0].get("class") == names:
        needed = 1
    if len(rivals) < needed:
        return best
    for ancestor in best.iterancestors():
        if ancestor.tag in {"body", "html"}:
            break
        held = sum(1 for rival in rivals if ancestor in rival.iterancestors())
        if held >= needed:
            return ancestor
    return best


def _in_other_article(element: etree._Element, best: etree._Element) -> bool:
    """Whether ``element`` is in (or is) an ``<article>`` that does not hold ``best``.

    Such a rival is another article (a teaser in a list), not more of this one.
    """
    article = _article_of(element)
    return article is not None and article not in best.iterancestors()


def _with_siblings(
    best: etree._Element, scores: dict[etree._Element, float], measures: _Measures
) -> list[etree._Element]:
    """``best`` and the siblings that continue its text (pages split long articles)."""
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(_SIBLING_SCORE, _SIBLING_SHARE * scores.get(best, 0.0))
    best_names = best.get("class")
    chosen: list[etree._Element] = []
    for sibling in parent:
        if sibling is best or _continues(sibling, best_names, scores, threshold, measures):
            chosen.append(sibling)
    return chosen


def _continues(
    sibling: etree._Element,
    best_names: str | None,
    scores: dict[etree._Element, float],
    threshold: float,
    measures: _Measures,
) -> bool:
    """Whether a sibling of the container holds more of the same article."""
    if not _is_element(sibling) or sibling.tag == "article":
        return False  # not an element, or another article (on a page listing several)
    score = scores.get(sibling, 0.0)
    if score >= threshold or (best_names and sibling.get("class") == best_names and score > 0):
        return True
    return (
        sibling.tag == "p"
        and bool(_block_score(sibling, measures))
        and len(measures.text(sibling)) >= 80
    )


# -- collecting --------------------------------------------------------------


class _Collector:
    def __init__(self, skip: set[str], measures: _Measures) -> None:
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


def _collect(containers: list[etree._Element], skip: set[str], measures: _Measures) -> Body:
    """Collect the chosen containers: blocks as blocks, the others walked."""
    collector = _Collector(skip, measures)
    for container in containers:
        if container.tag in _BLOCKS:
            _block(container, collector)
        else:
            _walk(container, collector)
    return collector.body()


def _collect_given(containers: list[etree._Element], skip: set[str], measures: _Measures) -> Body:
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
        run.add(_text_content(element), link=link)
        if not link and len(element):
            run.links += _link_text_length(element)
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
    if tag in _HEADINGS:
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
    if tag in _BLOCKS and not _has_blocks(child):
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


_STRUCTURE = tuple(sorted(_BLOCKS | _HEADINGS | _CONTAINERS))


def _has_blocks(element: etree._Element) -> bool:
    """Whether ``element`` holds a block, a heading or a container."""
    if not len(element):
        return False
    return next(element.iterdescendants(*_STRUCTURE), None) is not None


def _mostly_links(element: etree._Element, text: str, measures: _Measures) -> bool:
    """Whether links make most of the text ``text`` of ``element``."""
    links = measures.link_length(element)
    return links > 0 and links >= _LINK_SHARE * len(text)


def _reads_as_text(text: str) -> bool:
    """Whether a block is article text rather than a label, a date or a credit line.

    A short block without sentence punctuation ("Close", "Back to gallery",
    "By A. Writer", "November 18, 2019") is taken for a label.
    """
    return len(text) >= _LABEL_LENGTH or _SENTENCE_END.search(text) is not None


def _is_caption(element: etree._Element, measures: _Measures) -> bool:
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
