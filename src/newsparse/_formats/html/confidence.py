"""How sure the extraction is of the body: a confidence in [0, 1] from generic signals.

The body's confidence is the square root of a product of factors, each 1
when its signal looks like a clean article and smaller when it does not.
No factor knows any site: they measure the text found, and nothing else.

* **Where the text came from.**  The container the rules chose and a site
  parser's elements count 1; the JSON-LD ``articleBody`` standing in for a
  page that shows its text with script counts 0.7; every text of a page
  the rules found no article in counts 0.3.  No text at all is 0.
* **Paragraph length**: ``m / (m + 100)`` for a median paragraph of ``m``
  characters.  Prose comes in paragraphs of a few hundred characters;
  labels, link lists, teasers, comments and galleries in short lines.
* **Short lines**: the share ``s`` of the text in paragraphs under 80
  characters costs ``s / 2``.
* **Sentences**: the share ``e`` of the text in units (paragraphs, list
  items, rows) that end like a sentence, with a full stop, a question or
  exclamation mark, a colon, a closing quote or bracket (also the CJK,
  Arabic and Devanagari forms, and German and Danish closing quotes),
  gives ``0.3 + 0.7 e``.  Prose ends its paragraphs so; menus, teasers'
  headlines, labels, credits and lists of names do not.
* **Links**: the share of the container's text that is link text.  Up to
  0.2 costs nothing; at 0.6 or more the factor is 0.4 (a list of links).
* **Agreement with the stated text**: when the page states its text in
  JSON-LD (``articleBody``), the smaller of the share of its words found in
  the body and of the body's words found in it, 0.5 at the least.  A stated
  text with fewer than half as many distinct words as the body is an
  excerpt (many pages state only their first lines there): then only the
  share of its words found in the body counts.

The first four (where the text came from, paragraph length, short lines,
sentences) judge the *shape* of the text: they tell an article from the
labels, teasers and link lists a wrong choice would give.  On a small page
whose whole text is in the body there was nothing else to choose, and a
right body of a few words must not look poor for its shortness: when the
body leaves out at most 2% of the page's text (after pruning), the shape
factors count with the weight ``p / 1000`` (at most 1) for a page of ``p``
characters.  A page of a few words then scores by its links and stated text
alone; a page of 1000 characters or more as any other.  A body of headings
alone (over pictures) is judged by its headings.

A clean article page scores about 0.8 to 0.9.  The number ranks pages by
how likely their body is right; it is not a probability.  Measured on the
development corpora, it tells the pages whose body F1 is below 0.8 from the
others with an AUROC of about 0.9 (the html format's reference page has the
figures).  Signals tried and left out, because they did not tell bad bodies
apart there: the share of the page's text inside the container (as a factor
on every page; it serves only the small-page rule above), the score
margin over the best element outside it, the length of the body, the
number of paragraphs and of headings, the share of the text in lists and
other structured blocks.  A logistic regression on these signals, fitted on
half of the pages, did no better on the other half than this fixed product:
with some twenty poor bodies in all the corpora, a fit learns their noise.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree

from newsparse._blocks import Paragraph
from newsparse._formats.html.cleaning import printable
from newsparse._formats.html.measures import Measures
from newsparse._model import Section

__all__ = ["BodyEvidence", "body_confidence", "describe_container", "format_confidence"]

_PARAGRAPH_SCALE = 100  # characters: a median paragraph this long halves the factor
_SHORT_LINE = 80  # characters: a paragraph shorter than this is a short line
_SENTENCE_FLOOR = 0.3  # the sentence factor of a body with no unit ending like a sentence
# The end of a sentence: its punctuation, then closing quotes or brackets.
# Marks: the CJK and Arabic forms, the Devanagari danda (Hindi, Marathi,
# Nepali; also Bengali's), the Urdu full stop, the Armenian, Ethiopic and
# Burmese full stops.  Closing quotes: also U+201C and U+2018, which close
# German quotes, and the guillemets, which close Danish and Swiss ones.
_SENTENCE_END = re.compile(
    "[.!?\u2026:;\u3002\uff01\uff1f\u061f\u0964\u0965\u06d4\u0589\u1362\u104b]"  # the mark
    "[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a)\\]\uff09\u300d\u300f]*"  # closing
    r"\s*$"
)
_LEFT_OUT_SHARE = 0.02  # a body leaving out no more of the page's text holds all of it
_SMALL_PAGE = 1000  # characters of text: a page with less is small
_EXCERPT_SHARE = 0.5  # a stated text with fewer words than this share of the body's is an excerpt
_ORIGIN_WEIGHT = {"container": 1.0, "site-parser": 1.0, "json-ld": 0.7, "all-text": 0.3}


@attrs.define
class BodyEvidence:
    """What the body step noticed about its choice (filled in by ``body.extract_body``)."""

    origin: str = "container"
    """``container``, ``site-parser``, ``json-ld`` or ``all-text``."""

    container: str | None = None
    """The chosen elements, described by ``describe_container``."""

    link_share: float = 0.0
    """The share of the container's text that is link text."""

    page: etree._Element | None = None
    """The page's content after pruning, whose text length the confidence may need."""

    measures: Measures | None = None
    """The measures of :attr:`page` (its text length is worked out only when needed)."""

    def page_length(self) -> int:
        """Return the length of the text of :attr:`page`, whitespace collapsed (0 if none)."""
        if self.page is None:
            return 0
        return (self.measures or Measures()).length(self.page)


def describe_container(elements: list[etree._Element]) -> str:
    """Return the chosen elements as ``tag#id.class``, joined by ``" + "``.

    A character of a tag name, id or class that ``meta`` cannot hold (a
    control character, which lxml keeps in a malformed tag) is U+FFFD.
    """
    parts = []
    for element in elements[:4]:
        text = str(element.tag)
        if element.get("id"):
            text += "#" + "".join(element.get("id", "").split())
        classes = element.get("class", "").split()[:3]
        if classes:
            text += "." + ".".join(classes)
        parts.append(text)
    if len(elements) > 4:
        parts.append(f"{len(elements) - 4} more")
    return printable(" + ".join(parts))


def body_confidence(
    evidence: BodyEvidence, sections: tuple[Section, ...], stated: tuple[str, ...]
) -> float:
    """Return the confidence in [0, 1] that ``sections`` are the page's article text.

    ``stated`` are the paragraphs of the page's JSON-LD ``articleBody``, if any.
    """
    units = _text_units(sections)
    headings = [section.heading for section in sections if section.heading]
    body_length = sum(len(text) + 1 for text in units + headings)  # a separator each
    if not units:
        units = headings  # a body of headings alone (over pictures, say)
    lengths = sorted(len(unit) for unit in units)
    total = sum(lengths)
    if not total:
        return 0.0
    # On a small page whose every text is in the body, the shape of the text
    # says nothing about the choice: there was nothing else to choose.
    shape_weight = _shape_weight(evidence, body_length)
    middle = len(lengths) // 2
    median = lengths[middle] if len(lengths) % 2 else (lengths[middle - 1] + lengths[middle]) / 2
    shape = _ORIGIN_WEIGHT.get(evidence.origin, 0.5)
    shape *= median / (median + _PARAGRAPH_SCALE)
    shape *= 1.0 - 0.5 * sum(n for n in lengths if n < _SHORT_LINE) / total
    ended = sum(len(unit) for unit in units if _SENTENCE_END.search(unit))
    shape *= _SENTENCE_FLOOR + (1.0 - _SENTENCE_FLOOR) * ended / total
    value = shape**shape_weight
    value *= 1.0 - 0.6 * min(max(evidence.link_share - 0.2, 0.0) / 0.4, 1.0)
    if stated and evidence.origin != "json-ld":
        value *= max(0.5, _agreement(units, stated))
    return min(max(float(value**0.5), 0.0), 1.0)


def _shape_weight(evidence: BodyEvidence, body_length: int) -> float:
    """Return how much the shape of the body's text counts: 1, or less on a small page it covers.

    ``body_length`` is the length of the body's text, headings included.
    A body that leaves out at most ``_LEFT_OUT_SHARE`` of the page's text
    (after pruning) counts its shape with the page's length over
    ``_SMALL_PAGE``, at most 1.
    """
    if body_length >= 2 * _SMALL_PAGE:
        return 1.0  # the page is no small page: no need to measure it
    page_length = evidence.page_length()
    if page_length <= 0:
        return 1.0
    if page_length - body_length > _LEFT_OUT_SHARE * page_length:
        return 1.0
    return min(1.0, page_length / _SMALL_PAGE)


def _text_units(sections: tuple[Section, ...]) -> list[str]:
    """Return the body's units of text: each paragraph, list item, table row, quoted line."""
    units: list[str] = []
    for section in sections:
        for block in section.blocks:
            if type(block) is Paragraph:
                units.append(block.text)
            else:
                units.extend(line for line in block.plain_text.split("\n") if line)
    return units


def _agreement(found: list[str], stated: tuple[str, ...]) -> float:
    """Return how well ``found`` agrees with the ``stated`` text, in [0, 1].

    The smaller of the word recall and precision of ``found`` against
    ``stated``; when ``stated`` has less than half as many words as
    ``found``, it is an excerpt (a page may state only the first lines of
    its text), and the recall alone counts: the share of its words found.
    """
    mine = _words(" ".join(found))
    theirs = _words(" ".join(stated))
    if not mine or not theirs:
        return 0.0
    shared = len(mine & theirs)
    if len(theirs) < _EXCERPT_SHARE * len(mine):
        return shared / len(theirs)
    return min(shared / len(mine), shared / len(theirs))


def _words(text: str) -> set[str]:
    """Return the words of ``text``, lower-cased, split at whitespace.

    Punctuation stays on its word: both texts are split alike, and a word
    met several times is met bare too.  (Splitting at punctuation as well,
    with a regular expression or ``str.translate``, costs several times as
    much on a long non-ASCII text.)
    """
    return set(text.lower().split())


def format_confidence(value: float) -> str:
    """Return ``value`` as ``meta`` holds it: two decimals, ``"0.00"`` to ``"1.00"``."""
    return f"{min(max(value, 0.0), 1.0):.2f}"
