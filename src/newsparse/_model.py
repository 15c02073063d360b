r"""The data model: :class:`Article`, :class:`Section` and :class:`Image`.

All three are frozen, slotted `attrs <https://www.attrs.org/>`_ classes:
instances are immutable, hashable and cheap, and every constructor checks the
invariants below, raising :class:`~newsparse.ValidationError` (naming the
field and the value) when one is broken.  Formats normalise what they read
*before* building the model, so an article that exists is always clean.

Invariants
----------
Text
    Every text value is a :class:`str` with no leading or trailing whitespace
    (as :meth:`str.strip` defines it), is not empty, and holds no control
    characters other than tab and newline, no lone surrogates and no
    U+2028/U+2029 separators (a line break is always ``"\n"``).
    *Single-line* text (titles, headings, authors, topics) holds no newline.
    An optional text field is ``None`` rather than ``""``.
URLs
    Non-empty, with no whitespace or control characters.  They are not
    resolved or fetched.
Datetimes
    Timezone-aware, with a UTC offset of whole minutes (as RFC 3339 requires).
    A datetime with a :mod:`zoneinfo` zone is stored with the fixed offset the
    zone has at that instant, which keeps equality and JSON round-trips exact.
Sequences
    Stored as tuples; any iterable (other than a string) is accepted and
    converted.  Authors and topics hold no duplicates.
``meta``
    A :class:`~newsparse.FrozenMap` from keys such as ``"tt.number"``
    (letters, digits and ``._:-``, starting with a letter or digit) to string
    values (any text without forbidden characters, possibly empty).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any, TypeVar

import attrs

from newsparse._errors import ValidationError
from newsparse._frozenmap import FrozenMap

__all__ = ["Article", "Image", "Section", "check_text", "text_problem"]

_T = TypeVar("_T")

#: Characters no text field may hold: C0/C1 controls except tab and newline,
#: DEL, the Unicode line/paragraph separators and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_META_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*\Z")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")


@cache
def _word_pattern() -> re.Pattern[str]:
    """Return the pattern of a word: letters, digits, underscores and combining marks.

    ``\\w`` alone leaves out combining marks (Devanagari vowel signs, Arabic
    harakat), which would split one word into several.
    """
    ranges: list[str] = []
    start = None
    for code in range(sys.maxunicode + 1):
        is_mark = unicodedata.category(chr(code)).startswith("M")
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = None
    return re.compile(f"(?:\\w|[{''.join(ranges)}])+")


_SHORT = 200  # texts up to this long are checked with str.isprintable
_SURROUNDED = "must not start or end with whitespace"
_NOT_A_SEQUENCE = "must be a sequence (and not a string)"
_set = object.__setattr__  # how frozen instances set their fields in __init__


# The forbidden characters as they appear in UTF-8: C0 controls (tab and
# newline aside) and DEL as single bytes; C1 controls and U+2028/U+2029 as
# two- and three-byte sequences.  Lone surrogates cannot be encoded at all.
_FORBIDDEN_BYTES = bytes(range(0x09)) + bytes(range(0x0B, 0x20)) + b"\x7f"
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def _has_forbidden(value: str) -> bool:
    """Return whether ``value`` holds a forbidden character, checked at C speed.

    Scanning the UTF-8 bytes with :meth:`bytes.translate` costs about a
    nanosecond a character, several times less than a regular expression or
    :meth:`str.isprintable`, which look every character up in Unicode tables.
    """
    if value.isascii():  # known without a scan; encoding it is a copy
        data = value.encode("ascii")
        return len(data.translate(None, _FORBIDDEN_BYTES)) != len(data)
    if "\u2028" in value or "\u2029" in value:
        return True
    try:
        data = value.encode("utf-8")
    except UnicodeEncodeError:
        return True  # a lone surrogate
    if len(data.translate(None, _FORBIDDEN_BYTES)) != len(data):
        return True
    return b"\xc2" in data and _C1_UTF8.search(data) is not None


def _forbidden_problem(value: str) -> str | None:
    """Return why ``value`` holds a forbidden character, or ``None`` when it holds none."""
    if not _has_forbidden(value):
        return None
    bad = _FORBIDDEN.search(value)
    # The regular expression finds the character for the message; the two
    # agree (tests/test_model_checks.py), so "?" is never shown in practice.
    return f"holds the forbidden character U+{ord(bad.group()) if bad else 0x3F:04X}"


def text_problem(value: object, *, single_line: bool) -> str | None:  # noqa: PLR0911
    """Return why ``value`` is not valid model text, or ``None`` when it is.

    The rule of the module docstring, without building an exception: formats
    that check many values can call this and raise their own errors.
    """
    if type(value) is not str and not isinstance(value, str):
        return f"must be a string, not {type(value).__name__}"
    if not value:
        return "must not be empty (use None for 'no value')"
    if len(value) <= _SHORT and value.isprintable():
        # Printable text holds no control, separator or surrogate characters
        # and no whitespace but the ASCII space: only its ends need a look.
        if value[0] == " " or value[-1] == " ":
            return _SURROUNDED
        return None
    if value != value.strip():
        return _SURROUNDED
    problem = _forbidden_problem(value)
    if problem is None and single_line and "\n" in value:
        return "must be a single line"
    return problem


def check_text(field: str, value: object, *, single_line: bool) -> str:
    """Check that ``value`` is valid text for ``field`` and return it.

    This is the rule every text field of the model follows (see the module
    docstring); formats can call it to test a value before building an article.

    Raises:
        ValidationError: ``value`` is not a string, is empty, has surrounding
            whitespace, holds a forbidden character, or (with
            ``single_line``) holds a newline.
    """
    # The common case of a short text (a title, a name), answered at C speed:
    # a printable string without surrounding spaces is valid text of either
    # kind.  Longer texts are checked in bulk by text_problem.
    if (
        type(value) is str
        and 0 < len(value) <= _SHORT
        and value.isprintable()
        and value[0] != " "
        and value[-1] != " "
    ):
        return value
    problem = text_problem(value, single_line=single_line)
    if problem is not None:
        raise ValidationError(field, value, problem)
    return value  # type: ignore[return-value]  # text_problem checked the type


# -- the checks behind the constructors ------------------------------------
#
# Each takes the field's name (for the error) and the value given to the
# constructor, and returns the value to store, converted where the model
# allows it (lists to tuples, mappings to FrozenMap, zones to fixed offsets).


def _optional_text(field: str, value: object, *, single_line: bool) -> str | None:
    return None if value is None else check_text(field, value, single_line=single_line)


def _as_tuple(field: str, value: object) -> tuple[Any, ...]:
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[return-value]
    if kind is list:
        return tuple(value)  # type: ignore[arg-type]
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ValidationError(field, value, _NOT_A_SEQUENCE)
    return tuple(value)


def _instances(field: str, value: object, kind: type[_T]) -> tuple[_T, ...]:
    items = _as_tuple(field, value)
    for index, item in enumerate(items):
        if type(item) is not kind and not isinstance(item, kind):
            raise ValidationError(
                f"{field}[{index}]", item, f"must be a {kind.__name__}, not {type(item).__name__}"
            )
    return items


def _names(field: str, value: object) -> tuple[str, ...]:
    """Check authors or topics: single-line texts without duplicates."""
    items = _as_tuple(field, value)
    if not items:
        return ()
    for index, item in enumerate(items):
        check_text(f"{field}[{index}]", item, single_line=True)
    if len(set(items)) != len(items):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item in seen:
                raise ValidationError(f"{field}[{index}]", item, "is a duplicate")
            seen.add(item)
    return items


def _all_clean_texts(texts: tuple[Any, ...]) -> bool:
    """Return whether every item is valid multi-line text, checked in bulk.

    This is the fast path for the paragraphs of a section: one join and one
    scan at C speed instead of a call per paragraph.  ``False`` means "look
    closer", not necessarily "invalid".
    """
    try:
        joined = "\n".join(texts)
    except TypeError:
        return False
    if _has_forbidden(joined):
        return False
    # str.strip returns a str unchanged when there is nothing to strip.
    return "" not in texts and tuple(map(str.strip, texts)) == texts


def _paragraphs(field: str, value: object) -> tuple[str, ...]:
    items = _as_tuple(field, value)
    if items and not _all_clean_texts(items):
        for index, item in enumerate(items):
            problem = text_problem(item, single_line=False)
            if problem is not None:
                raise ValidationError(f"{field}[{index}]", item, problem)
    return items


def _url(field: str, value: object) -> str | None:
    if value is None:
        return None
    # Printable text holds no whitespace but the space, and no controls.
    if type(value) is str and value and value.isprintable() and " " not in value:
        return value
    if not isinstance(value, str):
        raise ValidationError(field, value, f"must be a string, not {type(value).__name__}")
    if not value:
        raise ValidationError(field, value, "must not be empty (use None for 'no URL')")
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        raise ValidationError(
            field,
            value,
            f"must not hold whitespace or control characters (U+{ord(bad.group()):04X})",
        )
    return value


def _moment(field: str, value: object) -> datetime | None:
    """Check an aware datetime, and give a zoneinfo datetime its fixed offset."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValidationError(field, value, f"must be a datetime, not {type(value).__name__}")
    offset = value.utcoffset()
    if offset is None:
        raise ValidationError(field, value, "must be timezone-aware")
    if offset % timedelta(minutes=1):
        raise ValidationError(field, value, "UTC offset must be a whole number of minutes")
    if not isinstance(value.tzinfo, timezone):
        return value.replace(tzinfo=timezone(offset), fold=0)
    return value


def _language(field: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise ValidationError(field, value, "must be a BCP 47 language tag such as 'en' or 'pt-BR'")
    return value


_NO_META: FrozenMap[str, str] = FrozenMap()
# Keys seen valid already: formats use a few keys over and over.  Only exact
# str instances are added (a subclass could compare equal and hash alike).
_GOOD_META_KEYS: set[str] = set()
_GOOD_META_KEYS_LIMIT = 4096


def _meta(field: str, value: object) -> FrozenMap[str, str]:
    # Exact types first: isinstance() against an abstract base class is slow.
    if type(value) is dict or (type(value) is not FrozenMap and not isinstance(value, FrozenMap)):
        if type(value) is not dict and not isinstance(value, Mapping):
            raise ValidationError(field, value, "must be a mapping of str to str")
        value = FrozenMap(value) if value else _NO_META
    for key, item in value.items():
        if key in _GOOD_META_KEYS:
            pass
        elif isinstance(key, str) and _META_KEY.match(key):
            if type(key) is str and len(_GOOD_META_KEYS) < _GOOD_META_KEYS_LIMIT:
                _GOOD_META_KEYS.add(key)
        else:
            raise ValidationError(
                f"{field} key",
                key,
                "must be letters, digits and '._:-', starting with a letter or digit",
            )
        if type(item) is str and item.isprintable():
            continue
        if not isinstance(item, str):
            raise ValidationError(f"{field}[{key!r}]", item, "must be a string")
        bad = _FORBIDDEN.search(item)
        if bad:
            raise ValidationError(
                f"{field}[{key!r}]", item, f"holds the forbidden character U+{ord(bad.group()):04X}"
            )
    return value


# -- the model ---------------------------------------------------------------
#
# The classes write their own __init__ (attrs generates eq, hash, repr and the
# slots): one function per field that checks and converts is several times
# faster than attrs' per-field validator and converter calls, and formats
# build millions of these objects.


@attrs.frozen(kw_only=True, init=False)
class Image:
    """A picture that belongs to an article: lead image, figure or gallery item.

    At least one of the four fields is set.

    Attributes:
        url: Where the image file is, as given by the source (not resolved).
        alt: Alternative text: what the image shows, for readers who cannot see it.
        caption: The caption printed with the image.
        credit: Photographer, agency or rights holder, such as ``"AFP"``.
    """

    url: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None

    def __init__(
        self,
        *,
        url: str | None = None,
        alt: str | None = None,
        caption: str | None = None,
        credit: str | None = None,
    ) -> None:
        _set(self, "url", _url("Image.url", url))
        _set(self, "alt", _optional_text("Image.alt", alt, single_line=False))
        if caption is not None and caption == alt:  # common: checked already
            _set(self, "caption", alt)
        else:
            _set(self, "caption", _optional_text("Image.caption", caption, single_line=False))
        _set(self, "credit", _optional_text("Image.credit", credit, single_line=False))
        if url is None and alt is None and caption is None and credit is None:
            raise ValidationError("Image", self, "needs at least one of url, alt, caption, credit")


@attrs.frozen(kw_only=True, init=False)
class Section:
    """A run of body paragraphs, optionally under a heading.

    A section has a heading, at least one paragraph, or both.

    Attributes:
        heading: The sub-heading that opens the section, or ``None`` for untitled text.
        paragraphs: The paragraphs in reading order.  A paragraph may span several lines.
    """

    heading: str | None = None
    paragraphs: tuple[str, ...] = ()

    def __init__(self, *, heading: str | None = None, paragraphs: Iterable[str] = ()) -> None:
        _set(self, "heading", _optional_text("Section.heading", heading, single_line=True))
        _set(self, "paragraphs", _paragraphs("Section.paragraphs", paragraphs))
        if heading is None and not self.paragraphs:
            raise ValidationError("Section", self, "needs a heading or at least one paragraph")

    @property
    def text(self) -> str:
        """The heading (if any) and the paragraphs, separated by blank lines."""
        parts = (self.heading, *self.paragraphs) if self.heading else self.paragraphs
        return "\n\n".join(parts)


@attrs.frozen(kw_only=True, init=False)
class Article:
    """One news article: headline, body, images and metadata.

    Only :attr:`title` is required.  Build one directly, or get them from
    :func:`newsparse.parse`.

    >>> from newsparse import Article, Section
    >>> article = Article(title="Rain", body=[Section(paragraphs=["It rained.", "A lot."])])
    >>> article.word_count
    4

    Attributes:
        title: The headline.  Required, single line.
        body: The body text as sections, in reading order.
        images: Images in the order the source gives them; the lead image first.
        authors: Author names as the source prints them, without duplicates.
        published: When the article was first published (timezone-aware), if known.
        modified: When the article was last changed (timezone-aware), if known.
        url: The canonical address of the article, if known.
        publisher: The publication or site name, such as ``"Asharq Al-Awsat"``.
        language: The language as a BCP 47 tag (``"en"``, ``"ar"``, ``"pt-BR"``), if known.
        topics: Keywords, subjects or tags, without duplicates.
        summary: The standfirst, dek or lead summary, when the source marks one.
        meta: Format-specific values that have no field of their own.

            Keys are namespaced by the format that sets them (``"tt.number"``); each
            format documents its keys.
    """

    title: str
    body: tuple[Section, ...] = ()
    images: tuple[Image, ...] = ()
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    topics: tuple[str, ...] = ()
    summary: str | None = None
    meta: FrozenMap[str, str] = _NO_META

    def __init__(
        self,
        *,
        title: str,
        body: Iterable[Section] = (),
        images: Iterable[Image] = (),
        authors: Iterable[str] = (),
        published: datetime | None = None,
        modified: datetime | None = None,
        url: str | None = None,
        publisher: str | None = None,
        language: str | None = None,
        topics: Iterable[str] = (),
        summary: str | None = None,
        meta: Mapping[str, str] = _NO_META,
    ) -> None:
        # Each field is checked by one call, skipped when it has no value.
        _set(self, "title", check_text("Article.title", title, single_line=True))
        _set(self, "body", _instances("Article.body", body, Section))
        _set(self, "images", _instances("Article.images", images, Image))
        if type(authors) is not tuple or authors:
            authors = _names("Article.authors", authors)
        _set(self, "authors", authors)
        if published is not None:
            published = _moment("Article.published", published)
        _set(self, "published", published)
        if modified is not None:
            modified = _moment("Article.modified", modified)
        _set(self, "modified", modified)
        _set(self, "url", None if url is None else _url("Article.url", url))
        if publisher is not None:
            publisher = check_text("Article.publisher", publisher, single_line=True)
        _set(self, "publisher", publisher)
        if language is not None:
            language = _language("Article.language", language)
        _set(self, "language", language)
        if type(topics) is not tuple or topics:
            topics = _names("Article.topics", topics)
        _set(self, "topics", topics)
        if summary is not None:
            summary = check_text("Article.summary", summary, single_line=False)
        _set(self, "summary", summary)
        _set(self, "meta", _NO_META if meta is _NO_META else _meta("Article.meta", meta))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Every body paragraph, flattened across sections, in reading order."""
        return tuple(paragraph for section in self.body for paragraph in section.paragraphs)

    @property
    def text(self) -> str:
        """The body as plain text: headings and paragraphs separated by blank lines."""
        return "\n\n".join(section.text for section in self.body)

    @property
    def word_count(self) -> int:
        """The number of words in the body paragraphs.

        A word is a run of letters, digits, underscores and combining marks
        (so "हिन्दी" and vowelled Arabic are one word each).  Scripts written
        without spaces count each unbroken run of characters as one word.
        """
        word = _word_pattern()
        return sum(len(word.findall(paragraph)) for paragraph in self.paragraphs)
