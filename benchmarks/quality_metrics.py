"""Scoring functions for the extraction-quality benchmarks.

These implement the method fixed in ``shared/corpora/README.md`` beside the
repository, so that our numbers compare with published ones:

Body text ("shingle F1", the scrapinghub article-extraction-benchmark method)
    Both texts are split into tokens with the Unicode regular expression
    ``\\w+`` (case is kept).  Each text becomes the *set* of its 4-token
    shingles (runs of four consecutive tokens); a text of one to three tokens is
    a single shingle of all its tokens, and a text without tokens has no
    shingles.  With ``tp = |pred & true|``, ``fp = |pred - true|`` and
    ``fn = |true - pred|``: precision ``tp / (tp + fp)``, recall
    ``tp / (tp + fn)``, F1 their harmonic mean.  Corner cases:

    * empty extraction, non-empty truth: precision, recall and F1 are all 0
      (as the README says);
    * non-empty extraction, empty truth: all 0 as well (everything extracted is
      wrong, and there is nothing to recall);
    * both empty: all 1 (nothing to find and nothing invented).  The corpora
      have no page with an empty true body, so this case never moves a mean;
      the benchmark scripts still skip such pages for the body metric and
      report how many they skipped.

    A ratio whose denominator is 0 is 0 (only reachable in the cases above).

Title, authors, publishing date (fundus)
    Exact match after whitespace normalisation (:func:`normalize_space`):
    titles as strings, authors as sets of names, dates to the minute in UTC.

The published scrapinghub table is computed slightly differently (shingles
counted as a multiset, an empty extraction given precision 1, and F1 taken of
the mean precision and mean recall); :func:`upstream_page_score` and
:func:`f1_score` reproduce it, so that our numbers can also be set beside the
published ones.  The README's method stays the main one.

Note on ``\\w``: Python's ``\\w`` does not match combining marks (Arabic
harakat, Devanagari vowel signs), so vowelled Arabic or Hindi splits into more
tokens than a reader sees words.  The README fixes ``\\w+`` for comparability
with the published figures, so we keep it; both sides are split the same way.
Scripts written without spaces (Chinese, Japanese) give one token per run of
characters between punctuation, so a few long tokens: shingle F1 is coarse for
them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Protocol

import lxml.html

__all__ = [
    "SHINGLE_SIZE",
    "ArticleLike",
    "BodyScore",
    "article_body_text",
    "f1_score",
    "fundus_true_body",
    "mean",
    "normalize_space",
    "parse_expected_date",
    "readability_true_body",
    "same_authors",
    "same_minute",
    "same_text",
    "shingle_score",
    "shingles",
    "tokens",
    "upstream_page_score",
]

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")
# Characters treated as whitespace besides those str.split() knows: zero-width
# space and the byte-order mark / zero-width no-break space.  Both are
# invisible and appear in scraped titles (one fundus title ends with U+200B).
# Zero-width (non-)joiners are left alone: they are meaningful in Persian and
# Indic scripts.
_INVISIBLE_SPACE = re.compile("[\u200b\ufeff]")


def tokens(text: str) -> list[str]:
    """Return the tokens of ``text``: its runs of ``\\w`` characters, in order."""
    return _TOKEN.findall(text)


def shingles(words: Sequence[str], size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Return the set of ``size``-token shingles of ``words``.

    Fewer than ``size`` tokens (but at least one) make a single shingle of all
    of them; no tokens make no shingles.
    """
    return set(_shingle_list(words, size))


@dataclass(frozen=True)
class BodyScore:
    """Shingle precision, recall and F1 of one page, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def shingle_score(predicted: str, true: str) -> BodyScore:
    """Score the extracted body ``predicted`` against the true body ``true``."""
    pred = shingles(tokens(predicted))
    gold = shingles(tokens(true))
    if not pred and not gold:
        return BodyScore(1.0, 1.0, 1.0, 0, 0, 0)
    tp = len(pred & gold)
    fp = len(pred) - tp
    fn = len(gold) - tp
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return BodyScore(precision, recall, f1, tp, fp, fn)


def mean(values: Iterable[float]) -> float:
    """Return the arithmetic mean of ``values`` (0.0 for none)."""
    items = list(values)
    return sum(items) / len(items) if items else 0.0


# -- text composition ---------------------------------------------------------


class _BlockLike(Protocol):
    @property
    def plain_text(self) -> str: ...


class _SectionLike(Protocol):
    @property
    def heading(self) -> str | None: ...
    @property
    def blocks(self) -> Sequence[_BlockLike]: ...


class ArticleLike(Protocol):
    """What :func:`article_body_text` reads: a :class:`newsparse.Article` fits."""

    @property
    def summary(self) -> str | None: ...
    @property
    def body(self) -> Sequence[_SectionLike]: ...


def article_body_text(article: ArticleLike, *, with_summary: bool = True) -> str:
    """Return the body of ``article`` as scored text.

    That is the summary (when there is one and ``with_summary`` is true), then
    each section's heading (if any) and the plain text of each of its blocks
    (a paragraph's text, a list's items, a table's rows...), joined with
    newlines.
    """
    parts: list[str] = []
    if with_summary and article.summary:
        parts.append(article.summary)
    for section in article.body:
        if section.heading:
            parts.append(section.heading)
        parts.extend(text for text in (block.plain_text for block in section.blocks) if text)
    return "\n".join(parts)


def _strings(value: object) -> list[str]:
    """Return the strings of a fundus text field (a list of strings, or one string)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def fundus_true_body(body: Mapping[str, Any] | None) -> str:
    """Return the true body of a fundus entry's ``body`` value.

    The summary lines, then for each section its headline lines and its
    paragraphs, in order, joined with newlines.
    """
    if not body:
        return ""
    parts = _strings(body.get("summary"))
    for section in body.get("sections") or ():
        if isinstance(section, Mapping):
            parts.extend(_strings(section.get("headline")))
            parts.extend(_strings(section.get("paragraphs")))
    return "\n".join(parts)


# The elements after which readability's scoring breaks a line (its README):
# block-level elements, so that words of neighbouring blocks stay apart.
_READABILITY_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
        "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    }
)  # fmt: skip


def readability_true_body(expected_html: bytes) -> str:
    """Return the true body of a readability test page from its ``expected.html`` bytes.

    The method of the corpus README: decode as UTF-8, leave out scripts,
    styles, ``noscript`` and templates (keeping the text after them), and
    put a line break around every block-level element, nothing around an
    inline one.
    """
    text = expected_html.decode("utf-8")
    if not text.strip():
        return ""
    root = lxml.html.fromstring(text)
    found = root.xpath("//script|//style|//noscript|//template")
    for element in found if isinstance(found, list) else []:
        if isinstance(element, lxml.html.HtmlElement):
            element.drop_tree()
    for element in root.iter():
        tag: object = element.tag
        if isinstance(tag, str) and tag.lower() in _READABILITY_BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return str(root.text_content()) if isinstance(root, lxml.html.HtmlElement) else ""


# -- exact-match fields -------------------------------------------------------


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends.

    Whitespace is what :meth:`str.split` splits on (Unicode whitespace, so
    no-break and ideographic spaces too), plus U+200B and U+FEFF.
    """
    return " ".join(_INVISIBLE_SPACE.sub(" ", text).split())


def same_text(predicted: str | None, true: str) -> bool:
    """Return whether two texts are equal after :func:`normalize_space`."""
    return predicted is not None and normalize_space(predicted) == normalize_space(true)


def same_authors(predicted: Iterable[str], true: Iterable[str]) -> bool:
    """Return whether two author lists hold the same names, as sets.

    Names are compared after :func:`normalize_space`; names that normalise to
    nothing are dropped.  Order and repetition do not matter.
    """

    def names(values: Iterable[str]) -> set[str]:
        return {name for name in map(normalize_space, values) if name}

    return names(predicted) == names(true)


def parse_expected_date(text: str) -> datetime:
    """Parse a fundus ``publishing_date`` string.

    Fundus writes Python's ``str(datetime)``: ``YYYY-MM-DD HH:MM:SS``, maybe
    with a fraction of a second and maybe with a UTC offset (``+02:00``,
    ``-04:00``); 18 of the 258 pages have none.  A ``T`` separator and a ``Z``
    suffix are accepted as well.  The result is naive when the text has no
    offset.

    Raises:
        ValueError: the text is not such a date.
    """
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    return datetime.fromisoformat(value)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def same_minute(predicted: datetime | None, expected: datetime) -> bool:
    """Return whether two moments agree to the minute.

    When both are timezone-aware they are compared in UTC, so
    ``12:30+02:00`` equals ``10:30Z``.  When either is naive (fundus leaves the
    offset out when the page gave none) the offset is unknown, so the wall-clock
    times are compared instead, each as written in its own offset.  Seconds and
    fractions are dropped (truncated, not rounded).
    """
    if predicted is None:
        return False
    if predicted.tzinfo is None or expected.tzinfo is None:
        return _minute(predicted.replace(tzinfo=None)) == _minute(expected.replace(tzinfo=None))
    utc = timezone.utc
    return _minute(predicted.astimezone(utc)) == _minute(expected.astimezone(utc))


# -- the published figures' variant -----------------------------------------


def f1_score(precision: float, recall: float) -> float:
    """Return the harmonic mean of ``precision`` and ``recall`` (0.0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def upstream_page_score(predicted: str, true: str) -> tuple[float, float]:
    """Return (precision, recall) of one page as the published scrapinghub table counts them.

    This is *not* the method of the README, but what reproduces the published
    figures from the published outputs (found by trying variants; see
    ``benchmarks/html_quality.py``): shingles are counted with multiplicity (a
    multiset, not a set), and an empty extraction has precision 1 (and recall
    0).  The published "F1" is then :func:`f1_score` of the *mean* precision
    and the *mean* recall, not the mean of per-page F1 values.
    """
    words_pred, words_true = tokens(predicted), tokens(true)
    pred = Counter(_shingle_list(words_pred))
    gold = Counter(_shingle_list(words_true))
    tp = sum((pred & gold).values())
    n_pred, n_gold = sum(pred.values()), sum(gold.values())
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    return precision, recall


def _shingle_list(words: Sequence[str], size: int = SHINGLE_SIZE) -> list[tuple[str, ...]]:
    if not words:
        return []
    if len(words) < size:
        return [tuple(words)]
    return [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]


def auroc(scores: Sequence[float], positives: Sequence[bool]) -> float | None:
    """Return the area under the ROC curve of ``scores`` for telling ``positives`` apart.

    It is the chance that a positive item scores higher than a negative one
    (ties count half); ``None`` when either class is empty.
    """
    pos = [s for s, p in zip(scores, positives, strict=True) if p]
    neg = [s for s, p in zip(scores, positives, strict=True) if not p]
    if not pos or not neg:
        return None
    wins = 0.0
    for a in pos:
        for b in neg:
            wins += 1.0 if a > b else 0.5 if a == b else 0.0
    return wins / (len(pos) * len(neg))
