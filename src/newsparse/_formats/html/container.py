"""The body extractor's second step: choosing the element that holds the article.

See ``newsparse._formats.html.body`` for the rules.
"""

from __future__ import annotations

import re

from lxml import etree

from newsparse._formats.html.dom import collapse, holds_any, is_element, text_content
from newsparse._formats.html.measures import (
    BLOCKS,
    CONTAINERS,
    Measures,
    may_have_own_text,
)
from newsparse._formats.html.prune import is_boilerplate, names_boilerplate

__all__ = ["choose_container"]

_CONTENT_NAMES = re.compile(  # searched in lower-cased names, like prune's _BOILERPLATE
    r"article|body|content|entry|main|post|story|text|blog|prose|news|detail"
)
_SIBLING_SCORE = 10.0  # a sibling of the container scoring this much continues it
_SIBLING_SHARE = 0.2  # ... or this share of the container's score
_INSIDE_BOILERPLATE = 0.5  # weight of candidates inside a boilerplate-named element
_ARTICLE_SHARE = 3  # an article element holding less than this times the best text is it
_ARTICLE_LINKS = 0.3  # ... and so is one with less than this share of link text
_OTHER_ARTICLE = 0.25  # weight of the text of an article the page's title does not name
_RIVALS = 6  # the best candidates compared with the best one
_RIVAL_SHARE = 0.3  # a rival scores at least this share of the best
_MIN_BLOCK = 25  # characters a text block needs to count for the container
# Punctuation, with the CJK and Arabic forms (counted with ``str.count``, which
# is faster than a regular expression).
_PUNCTUATION = ".,;:!?\u3002\u3001\uff0c\uff01\uff1f\u060c\u061b"
_ASCII_PUNCTUATION = ".,;:!?"  # enough to count in ASCII text


def _score_text(text: str, links: int) -> float:
    if len(text) < _MIN_BLOCK:
        return 0.0
    density = min(links / len(text), 1.0)
    marks = _ASCII_PUNCTUATION if text.isascii() else _PUNCTUATION
    punctuation = sum(map(text.count, marks))
    score = 1.0 + punctuation + min(len(text) / 100, 3.0)
    return score * (1.0 - density)


def _block_score(element: etree._Element, measures: Measures) -> float:
    if element.tag in BLOCKS:
        text = measures.text(element)
        if len(text) < _MIN_BLOCK:
            return 0.0
        return _score_text(text, measures.link_length(element))
    return _score_text(*measures.direct_text(element))


# Paragraph-like blocks, and containers holding text of their own (with
# ``<br>``).  List items are left out: lists of teasers and comments would win.
_TEXT_BLOCKS = tuple(sorted((BLOCKS - {"li"}) | CONTAINERS))


def _name_weight(element: etree._Element) -> float:
    """How much an element's class and id suggest article text (+) or not (-)."""
    if element.get("itemprop") == "articleBody":
        return 1.0
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if not names.strip():
        return 0.0
    weight = 0.0
    if names_boilerplate(names):
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
        if is_boilerplate(parent):
            answer = True
            break
        current = parent
    for seen in path:
        inside[seen] = answer
    return answer


def choose_container(
    body: etree._Element, measures: Measures, titles: set[str]
) -> list[etree._Element]:
    """Return the element holding the article text, with any siblings that continue it.

    ``titles`` are the texts a headline of the page's own article would show.
    """
    scores: dict[etree._Element, float] = {}
    for block in body.iter(*_TEXT_BLOCKS):
        # Most containers are wrappers without text of their own: a quick
        # test spares them the scoring.
        if block.tag not in BLOCKS and not may_have_own_text(block):
            continue
        score = _block_score(block, measures)
        if not score:
            continue
        # Nothing above ``body`` scores: the head holds no article text.
        parent = block.getparent() if block is not body else block
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + score
        # The text of an ``<article>`` scores for it, not for a list of them.
        grandparent = parent.getparent() if parent.tag != "article" and parent is not body else None
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0.0) + score / 2
    if not scores:
        return []
    inside: dict[etree._Element, bool] = {}
    for element in scores:
        scores[element] *= (1.0 + _name_weight(element)) * _surroundings_weight(element, inside)
    _prefer_titled_article(body, scores, titles)
    best = _table_holder(_common_container(scores), body)
    # The element the page marks as the article's body is not widened.
    marked = best.get("itemprop") == "articleBody"
    for ancestor in () if marked else best.iterancestors():
        if ancestor.tag == "article" or ancestor.get("itemprop") == "articleBody":
            if _whole_article(ancestor, best, measures):
                return [ancestor]
            break
    return _with_siblings(best, scores, measures)


_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})


def _table_holder(best: etree._Element, body: etree._Element) -> etree._Element:
    """Return the element holding the table when ``best`` is a table or a part of one.

    The rows of a data table score for the table, yet a table is part of a
    text (the list on a reference page, the results in a report): the text
    around it goes with it.  (A layout table's text is in its cells.)
    """
    while best.tag in _TABLE_PARTS and best is not body:
        parent = best.getparent()
        if parent is None:
            break
        best = parent
    return best


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
        if article is not None and article not in titled and not holds_any(article, titled):
            scores[element] *= _OTHER_ARTICLE


def _article_of(element: etree._Element) -> etree._Element | None:
    """Return the nearest ``<article>`` element that is or holds ``element``, if any."""
    return next(
        (node for node in (element, *element.iterancestors()) if node.tag == "article"), None
    )


def _whole_article(article: etree._Element, best: etree._Element, measures: Measures) -> bool:
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
    best: etree._Element, scores: dict[etree._Element, float], measures: Measures
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
    measures: Measures,
) -> bool:
    """Whether a sibling of the container holds more of the same article."""
    if not is_element(sibling) or sibling.tag == "article":
        return False  # not an element, or another article (on a page listing several)
    score = scores.get(sibling, 0.0)
    if score >= threshold or (best_names and sibling.get("class") == best_names and score > 0):
        return True
    return (
        sibling.tag == "p"
        and bool(_block_score(sibling, measures))
        and len(measures.text(sibling)) >= 80
    )
