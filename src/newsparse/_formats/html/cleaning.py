"""Cleaning the values a page states about its article into model values.

Every function here takes whatever a source gave (a string, a JSON-LD value
of any type) and returns a value the model accepts, or ``None``.
"""

from __future__ import annotations

import functools
import html as html_entities
import re
from collections.abc import Callable, Iterable

from newsparse._formats.html.dom import clean_url, collapse

__all__ = [
    "MAX_ITEMS",
    "TAG",
    "as_text",
    "clean_absolute_url",
    "clean_language",
    "clean_line",
    "clean_page_url",
    "clean_summary",
    "clean_text",
    "first_clean",
    "printable",
    "squash",
    "text_paragraphs",
    "unescape",
    "unique",
]

_MAX_LINE = 1000  # longer single-line values are not titles, names or topics
_MAX_TEXT = 20_000  # longer summaries are not summaries
MAX_ITEMS = 200  # authors, topics: more than this is a keyword dump

# Forbidden by the model: C0/C1 controls but tab and newline, DEL, U+2028/9
# and lone surrogates.  They become spaces.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")
_LANGUAGE_START = re.compile(r"[A-Za-z]{2,3}(?=[^A-Za-z]|\Z)")
TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_NORMALISE_NAME = re.compile(r"[\W_]+")


def as_text(value: object) -> str | None:
    """Return ``value`` when it is a string, the text of a one-string list, else ``None``."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value")
    return value if isinstance(value, str) else None


def printable(text: str) -> str:
    """Return ``text`` with each character the model forbids replaced by U+FFFD.

    For values built from the page's markup (tag names, ids, classes) that
    ``meta`` keeps as they are, but for the characters it cannot hold.
    """
    return _FORBIDDEN.sub("\ufffd", text)


def clean_text(value: object, limit: int) -> str | None:
    """Return ``value`` as model text (whitespace collapsed), or ``None``."""
    text = as_text(value)
    if text is None or len(text) > limit * 4:
        return None
    text = collapse(_FORBIDDEN.sub(" ", text))
    if not text or len(text) > limit:
        return None
    return text


def clean_line(value: object) -> str | None:
    """Return ``value`` as single-line model text, or ``None``."""
    return clean_text(value, _MAX_LINE)


def clean_summary(value: object) -> str | None:
    """Return ``value`` as a summary, with any HTML tags taken out, or ``None``."""
    text = as_text(value)
    if text is not None and "<" in text:
        text = TAG.sub(" ", text)
    return clean_text(text, _MAX_TEXT)


def clean_page_url(value: object) -> str | None:
    """Return ``value`` as an address the model accepts, or ``None`` (see ``dom.clean_url``)."""
    return clean_url(as_text(value))


def clean_absolute_url(value: object) -> str | None:
    """Return ``value`` as an absolute http(s) URL, or ``None``."""
    url = clean_page_url(value)
    if url is not None and url.startswith("//"):
        url = "https:" + url
    if url is None or not url.lower().startswith(("http://", "https://")):
        return None
    return url


def clean_language(value: object) -> str | None:
    """Return ``value`` as a BCP 47 tag, or ``None``."""
    text = as_text(value)
    if text is None or len(text) > 100:
        return None
    text = text.strip().replace("_", "-")
    if _LANGUAGE.match(text):
        return text
    match = _LANGUAGE_START.match(text)
    return match.group() if match else None


def first_clean(candidates: Iterable[object], clean: Callable[[object], str | None]) -> str | None:
    """Return the first candidate that cleans to a value."""
    for candidate in candidates:
        value = clean(candidate)
        if value is not None:
            return value
    return None


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """Return ``values`` without duplicates, in their first order."""
    return tuple(dict.fromkeys(values))


def unescape(value: object) -> object:
    """Decode HTML character references left in a JSON-LD string."""
    if isinstance(value, str) and "&" in value:
        return html_entities.unescape(value)
    return value


@functools.lru_cache(maxsize=1024)
def squash(text: str) -> str:
    """Return ``text`` reduced to lower-case letters and digits, for loose comparison."""
    return _NORMALISE_NAME.sub("", text).lower()


def text_paragraphs(value: object) -> tuple[str, ...]:
    """Return the lines of a JSON-LD text (``articleBody``), tags taken out, as paragraphs.

    Character references are decoded; a value that is no text gives none.
    """
    text = as_text(unescape(value))
    if not text:
        return ()
    if "<" in text:
        text = TAG.sub("\n", text)
    return tuple(filter(None, (collapse(line) for line in text.splitlines())))
