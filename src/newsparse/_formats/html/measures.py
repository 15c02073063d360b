"""Measuring the text of a page's elements, for the body extractor's steps.

The tag sets the steps share (blocks, headings, containers, inline markup)
and :class:`Measures`, which works out each element's text, its length and
its link text once.  See ``newsparse._formats.html.body`` for the
steps themselves.
"""

from __future__ import annotations

import re

from lxml import etree

from newsparse._formats.html.dom import collapse, fast_text_content, is_element

__all__ = [
    "BLOCKS",
    "CONTAINERS",
    "HEADINGS",
    "INLINE",
    "MATHML",
    "WIDE_WEIGHT",
    "Measures",
    "is_inline_tag",
    "is_link",
    "link_text_length",
    "may_have_own_text",
    "reading_length",
    "reads_as_text",
]

HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset({"p", "li", "blockquote", "pre", "dd"})
CONTAINERS = frozenset({"div", "section", "article", "main", "td", "center", "body"})
INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
        "sup", "time", "u", "var", "wbr", "br", "label", "nobr", "tt", "big", "strike",
    }
)  # fmt: skip
# MathML is read inline, as browsers show it: a formula is part of its sentence.
MATHML = frozenset(
    {
        "math", "mi", "mn", "mo", "ms", "mtext", "mrow", "msup", "msub", "msubsup", "mfrac",
        "msqrt", "mroot", "munder", "mover", "munderover", "mtable", "mtr", "mtd", "mspace",
        "mstyle", "mpadded", "mphantom", "menclose", "mfenced", "semantics", "annotation",
    }
)  # fmt: skip


def is_inline_tag(tag: object) -> bool:
    """Whether elements named ``tag`` are inline: inline markup, MathML, custom elements.

    A custom element (a name with a hyphen, as the HTML standard requires of
    them) is inline unless it holds blocks, as browsers show an unknown element.
    """
    return isinstance(tag, str) and (tag in INLINE or tag in MATHML or "-" in tag)


_COLLAPSED_LENGTH = etree.XPath("string-length(normalize-space())")


class Measures:
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
            text = self._text[element] = collapse(fast_text_content(element))
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
            length = self._links[element] = link_text_length(element)
        return length

    def is_inline(self, element: etree._Element) -> bool:
        """Whether ``element`` is inline markup without any block inside it."""
        if not is_inline_tag(element.tag):
            return False
        if not len(element):
            return True
        inline = self._inline.get(element)
        if inline is None:
            # Inline markup whose every child element is inline markup all
            # the way down: the same as having no block among its descendants.
            inline = all(not is_element(child) or self.is_inline(child) for child in element)
            self._inline[element] = inline
        return inline

    def direct_text(self, element: etree._Element) -> tuple[str, int]:
        """Return the text of ``element`` outside its block children, and its link text length."""
        if not may_have_own_text(element):
            return "", 0
        parts = [element.text or ""]
        links = 0
        for child in element:
            if is_element(child) and self.is_inline(child):
                text = fast_text_content(child)
                parts.append(text)
                if child.tag == "a":
                    links += len(collapse(text)) if is_link(child) else 0
                elif len(child):
                    links += link_text_length(child)
            parts.append(child.tail or "")
        return collapse("".join(parts)), links

    def own_text(self, element: etree._Element) -> str:
        """Return the text of ``element`` outside its block children, whitespace collapsed."""
        if not may_have_own_text(element):
            return ""
        parts = [element.text or ""]
        for child in element:
            if is_element(child) and self.is_inline(child):
                parts.append(fast_text_content(child))
            parts.append(child.tail or "")
        return collapse("".join(parts))


def may_have_own_text(element: etree._Element) -> bool:
    """Whether ``element`` may hold text outside its block children (a quick test).

    ``False`` means surely not: its text and the tails of its children are
    whitespace, and no child is inline markup.  Most containers are only
    wrappers around blocks, and this spares them the full reading.
    """
    text = element.text
    if text and not text.isspace():
        return True
    for child in element:
        tag: object = child.tag  # is_inline_tag, without the call (this runs very often)
        if isinstance(tag, str) and (tag in INLINE or tag in MATHML or "-" in tag):
            return True
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def link_text_length(element: etree._Element) -> int:
    """Return the length of the link text in ``element`` (itself included).

    A link that runs a script (``javascript:``) leads nowhere: a note that
    pops up, say.  Its text is not link text.
    """
    if not len(element) and element.tag != "a":
        return 0
    return sum(
        len(collapse(fast_text_content(link))) for link in element.iter("a") if is_link(link)
    )


def is_link(element: etree._Element) -> bool:
    """Whether the ``<a>`` element ``element`` is a link, not one that only runs a script."""
    href = element.get("href")
    if not href or href.startswith(("http", "/")):  # most links: surely no script
        return True
    return not href.lstrip()[:11].lower().startswith("javascript:")


# Wide characters: CJK ideographs, kana, Hangul syllables, full-width forms.
_WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
WIDE_WEIGHT = 2
"""How many characters a wide (CJK) character counts as in :func:`reading_length`."""


def reading_length(text: str) -> int:
    """Return the length of ``text`` in characters, counting wide (CJK) ones twice.

    A Chinese or Japanese character, or a Korean syllable, carries about as
    much as two or three Latin letters, so a block of them is long sooner.
    """
    if text.isascii():
        return len(text)
    return len(text) + (WIDE_WEIGHT - 1) * len(_WIDE.findall(text))


_LABEL_LENGTH = 60  # shorter blocks must read as sentences to count as text
# Sentence ends and punctuation, with the CJK and Arabic forms.
_SENTENCE_END = re.compile('[.!?…:;"\u201d\u00bb\u3002\uff01\uff1f\u061f]\\W*$')


def reads_as_text(text: str) -> bool:
    """Whether a block is article text rather than a label, a date or a credit line.

    A short block without sentence punctuation ("Close", "Back to gallery",
    "By A. Writer", "November 18, 2019") is taken for a label.
    """
    if len(text) >= _LABEL_LENGTH or _SENTENCE_END.search(text) is not None:
        return True
    # A wide (CJK) character says as much as two or three Latin letters: a
    # line of them is text sooner.  Here it counts three times (a label
    # written in them is a few characters long).
    if text.isascii():
        return False
    wide = reading_length(text) - len(text)
    return len(text) + 2 * wide >= _LABEL_LENGTH
