"""The body extractor's first step: pruning what never holds article text.

See ``newsparse._formats.html.body`` for the rules.  The names
that tell boilerplate (:func:`is_boilerplate`) serve the container choice
too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from lxml import etree

from newsparse._formats.html.dom import (
    fast_text_content,
    node_after,
    remove_keeping_tail,
    text_reaches,
)
from newsparse._formats.html.measures import WIDE_WEIGHT, Measures, is_inline_tag, reading_length
from newsparse._formats.html.structure import EMBED_TAG, provider_of

__all__ = ["Pruning", "is_boilerplate", "names_boilerplate"]

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
# Searched in " " + the lower-cased names (see ``names_boilerplate``): starting
# with a separator, and without IGNORECASE, the pattern lets the regex engine
# jump from one word start to the next, which is several times faster.
_BOILERPLATE = re.compile(
    r"[\s_-](?:comment|comments|share|sharing|social|related\w*|newsletter|subscri\w*"
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
_LONG_BLOCK = 80  # characters of a block that is surely text (see reading_length)
_WRAPPER_TEXT = 400  # characters in long blocks that make a boilerplate name a wrapper


class Pruning:
    """Finds the elements to remove in one walk, then removes them.

    Every decision is taken on the whole page as it was parsed, before any
    removal.  The walk does not enter an element it has doomed: everything in
    it goes with it.
    """

    def __init__(self, kept: frozenset[etree._Element]) -> None:
        self.kept = kept
        self.measures = Measures()
        self.block_lengths: dict[etree._Element, int] = {}

    def prune(self, body: etree._Element) -> None:
        """Remove from ``body`` (and ``body`` itself) what never holds article text."""
        kept = self.kept
        _keep_platform_frames(body)
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
                following = node_after(element, body)
                if following is None:
                    break  # the rest of the page is inside it
        for element in doomed:
            remove_keeping_tail(element)

    def is_doomed(self, element: etree._Element) -> bool:
        """Whether ``element`` goes (see ``body``).

        It is judged on the page as it was parsed, before any removal.
        """
        tag: object = element.tag
        # Comments and processing instructions have no string tag.
        if not isinstance(tag, str):
            return True
        if tag in _DROP_TAGS:
            # A footer in a quotation is its source ("— The coach"), not the page's.
            keep = tag in _SECTIONING and (_in_quote(element) or self.wraps_article(element))
            return not keep
        names = element.keys()
        if _JUDGED_ATTRIBUTES.isdisjoint(names):  # most elements: no need to look further
            return tag == "form" and not self.holds_article_text(element)
        classes = element.get("class", "") if "class" in names else ""
        if _is_hidden(element, names, classes):
            return True
        if tag == "form" or is_boilerplate(element, names, classes):
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
            return is_boilerplate(element, names, classes.replace(_PAYWALL, " "))
        if _inside_a_sentence(element):
            return False
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
        if not text_reaches(element, -(-_WRAPPER_TEXT // WIDE_WEIGHT)):
            return False
        total = 0
        for block in element.iter("p", "div", "td"):
            length = self.block_lengths.get(block)
            if length is None:
                text = (
                    fast_text_content(block) if block.tag == "p" else self.measures.own_text(block)
                )
                length = self.block_lengths[block] = reading_length(text)
            if length >= _LONG_BLOCK:
                total += length
                if total >= _WRAPPER_TEXT:
                    return True
        return False


def _inside_a_sentence(element: etree._Element) -> bool:
    """Whether ``element`` is inline markup with text right before and after it.

    Words in running text ("a <a class="popup">note</a> here") are part of
    the sentence whatever their markup is named after: taking them out would
    leave a gap in it.  Share buttons and labels stand apart.
    """
    if not is_inline_tag(element.tag) or not (element.tail or "").strip():
        return False
    before = element.getprevious()
    if before is not None:
        return bool((before.tail or "").strip())
    parent = element.getparent()
    return parent is not None and bool((parent.text or "").strip())


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


def is_boilerplate(
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
        boilerplate = names_boilerplate(f"{classes} {identifier}")
    elif "id" in names:
        boilerplate = names_boilerplate(f" {element.get('id', '')}")
    else:
        return False
    return boilerplate and not ("itemprop" in names and element.get("itemprop") == "articleBody")


@functools.lru_cache(maxsize=4096)
def names_boilerplate(names: str) -> bool:
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


def _in_quote(element: etree._Element) -> bool:
    parent = element.getparent()
    return parent is not None and parent.tag == "blockquote"


def _keep_platform_frames(body: etree._Element) -> None:
    """Rename the frames of known platforms (a video, a post) so that pruning keeps them.

    The collector reads each as an embed (``newsparse._formats.html.structure``).
    """
    for frame in body.iter("iframe"):
        if provider_of(frame.get("src") or frame.get("data-src")) is not None:
            frame.tag = EMBED_TAG
