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
  exclamation mark, a colon, a closing quote or bracket (also the CJK and
  Arabic forms), gives ``0.3 + 0.7 e``.  Prose ends its paragraphs so;
  menus, teasers' headlines, labels, credits and lists of names do not.
* **Links**: the share of the container's text that is link text.  Up to
  0.2 costs nothing; at 0.6 or more the factor is 0.4 (a list of links).
* **Agreement with the stated text**: when the page states its text in
  JSON-LD (``articleBody``), the smaller of the share of its words found in
  the body and of the body's words found in it, 0.5 at the least.

A clean article page scores about 0.8 to 0.9.  The number ranks pages by
how likely their body is right; it is not a probability.  Measured on the
development corpora, it tells the pages whose body F1 is below 0.8 from the
others with an AUROC of about 0.9 (the html format's reference page has the
figures).  Signals tried and left out, because they did not tell bad bodies
apart there: the share of the page's text inside the container, the score
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
from newsparse._model import Section

__all__ = ["BodyEvidence", "body_confidence", "describe_container", "format_confidence"]

_PARAGRAPH_SCALE = 100  # characters: a median paragraph this long halves the factor
_SHORT_LINE = 80  # characters: a paragraph shorter than this is a short line
_SENTENCE_FLOOR = 0.3  # the sentence factor of a body with no unit ending like a sentence
# The end of a sentence: its punctuation, then closing quotes or brackets, with
# the CJK and Arabic forms.
_SENTENCE_END = re.compile(
    "[.!?\u2026:;\u3002\uff01\uff1f\u061f]"  # the mark
    "[\"'\u2019\u201d\u00bb)\\]\uff09\u300d\u300f]*"  # closing quotes, brackets
    r"\s*$"
)
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


def describe_container(elements: list[etree._Element]) -> str:
    """Return the chosen elements as ``tag#id.class``, joined by ``" + "``."""
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
    return " + ".join(parts)


def body_confidence(
    evidence: BodyEvidence, sections: tuple[Section, ...], stated: tuple[str, ...]
) -> float:
    """Return the confidence in [0, 1] that ``sections`` are the page's article text.

    ``stated`` are the paragraphs of the page's JSON-LD ``articleBody``, if any.
    """
    units = _text_units(sections)
    lengths = sorted(len(unit) for unit in units)
    total = sum(lengths)
    if not total:
        return 0.0
    middle = len(lengths) // 2
    median = lengths[middle] if len(lengths) % 2 else (lengths[middle - 1] + lengths[middle]) / 2
    value = _ORIGIN_WEIGHT.get(evidence.origin, 0.5)
    value *= median / (median + _PARAGRAPH_SCALE)
    value *= 1.0 - 0.5 * sum(n for n in lengths if n < _SHORT_LINE) / total
    ended = sum(len(unit) for unit in units if _SENTENCE_END.search(unit))
    value *= _SENTENCE_FLOOR + (1.0 - _SENTENCE_FLOOR) * ended / total
    value *= 1.0 - 0.6 * min(max(evidence.link_share - 0.2, 0.0) / 0.4, 1.0)
    if stated and evidence.origin != "json-ld":
        value *= max(0.5, _agreement(units, stated))
    return min(max(float(value**0.5), 0.0), 1.0)


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
    """Return the smaller of the word recall and precision of ``found`` against ``stated``."""
    mine = _words(" ".join(found))
    theirs = _words(" ".join(stated))
    if not mine or not theirs:
        return 0.0
    shared = len(mine & theirs)
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
