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
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any, TypeVar

import attrs

from newsparse.errors import ValidationError
from newsparse.frozenmap import FrozenMap

__all__ = ["Article", "Image", "Section", "check_text", "text_problem"]

_T = TypeVar("_T")
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

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


# The forbidden characters as they appear in UTF-8: C0 controls (tab and
# newline aside) and DEL as single bytes; C1 controls and U+2028/U+2029 as
# two- and three-byte sequences.  Lone surrogates cannot be encoded at all.
_FORBIDDEN_BYTES = bytes(range(0x09)) + bytes(range(0x0B, 0x20)) + b"\x7f"
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def _all_clean_texts(texts: tuple[object, ...]) -> bool:
    """Return whether every item is valid multi-line text, checked in bulk.

    This is the fast path for the body of an article: instead of scanning
    each paragraph character by character in Python's Unicode tables, the
    paragraphs are joined, encoded once and searched for the forbidden bytes
    at C speed.  ``False`` means "look closer", not necessarily "invalid".
    """
    try:
        data = "\n".join(texts).encode("utf-8")  # type: ignore[arg-type]
    except (TypeError, UnicodeEncodeError):
        return False
    if len(data.translate(None, _FORBIDDEN_BYTES)) != len(data):
        return False
    if b"\xc2" in data and _C1_UTF8.search(data):
        return False
    if b"\xe2\x80\xa8" in data or b"\xe2\x80\xa9" in data:
        return False
    return all(text and text.strip() == text for text in texts)  # type: ignore[attr-defined]


def text_problem(value: object, *, single_line: bool) -> str | None:  # noqa: PLR0911
    """Return why ``value`` is not valid model text, or ``None`` when it is.

    The rule of the module docstring, without building an exception: formats
    that check many values can call this and raise their own errors.
    """
    if type(value) is not str and not isinstance(value, str):
        return f"must be a string, not {type(value).__name__}"
    if not value:
        return "must not be empty (use None for 'no value')"
    if value.isprintable():
        # Printable text holds no control, separator or surrogate characters
        # and no whitespace but the ASCII space: only its ends need a look.
        if value[0] == " " or value[-1] == " ":
            return "must not start or end with whitespace"
        return None
    if value != value.strip():
        return "must not start or end with whitespace"
    bad = _FORBIDDEN.search(value)
    if bad:
        return f"holds the forbidden character U+{ord(bad.group()):04X}"
    if single_line and "\n" in value:
        return "must be a single line"
    return None


def check_text(field: str, value: object, *, single_line: bool) -> str:
    """Check that ``value`` is valid text for ``field`` and return it.

    This is the rule every text field of the model follows (see the module
    docstring); formats can call it to test a value before building an article.

    Raises:
        ValidationError: ``value`` is not a string, is empty, has surrounding
            whitespace, holds a forbidden character, or (with
            ``single_line``) holds a newline.
    """
    problem = text_problem(value, single_line=single_line)
    if problem is not None:
        raise ValidationError(field, value, problem)
    return value  # type: ignore[return-value]  # text_problem checked the type


def _optional_text(single_line: bool) -> _Validator:
    def validate(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
        if value is not None:
            problem = text_problem(value, single_line=single_line)
            if problem is not None:
                raise ValidationError(_name(instance, attribute), value, problem)

    return validate


def _required_text(single_line: bool) -> _Validator:
    def validate(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        problem = text_problem(value, single_line=single_line)
        if problem is not None:
            raise ValidationError(_name(instance, attribute), value, problem)

    return validate


def _optional_url(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    field = _name(instance, attribute)
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


def _text_items(unique: bool) -> _Validator:
    def validate(
        instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object
    ) -> None:
        if not value and type(value) is tuple:
            return
        field = _name(instance, attribute)
        items = _check_tuple(field, value)
        for index, item in enumerate(items):
            check_text(f"{field}[{index}]", item, single_line=True)
        if unique and len(set(items)) != len(items):
            seen: set[object] = set()
            for index, item in enumerate(items):
                if item in seen:
                    raise ValidationError(f"{field}[{index}]", item, "is a duplicate")
                seen.add(item)

    return validate


def _items_of(kind: type) -> _Validator:
    def validate(
        instance: object, attribute: attrs.Attribute[tuple[object, ...]], value: object
    ) -> None:
        if type(value) is not tuple:
            _check_tuple(_name(instance, attribute), value)
        item: object
        for index, item in enumerate(value):  # type: ignore[arg-type]
            if not isinstance(item, kind):
                raise ValidationError(
                    f"{_name(instance, attribute)}[{index}]",
                    item,
                    f"must be a {kind.__name__}, not {type(item).__name__}",
                )

    return validate


def _aware_datetime(
    instance: object, attribute: attrs.Attribute[datetime | None], value: object
) -> None:
    if value is None:
        return
    field = _name(instance, attribute)
    if not isinstance(value, datetime):
        raise ValidationError(field, value, f"must be a datetime, not {type(value).__name__}")
    offset = value.utcoffset()
    if offset is None:
        raise ValidationError(field, value, "must be timezone-aware")
    if offset % timedelta(minutes=1):
        raise ValidationError(field, value, "UTC offset must be a whole number of minutes")


def _language(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    field = _name(instance, attribute)
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise ValidationError(field, value, "must be a BCP 47 language tag such as 'en' or 'pt-BR'")


def _meta(instance: object, attribute: attrs.Attribute[FrozenMap[str, str]], value: object) -> None:
    if not value and type(value) is FrozenMap:
        return
    field = _name(instance, attribute)
    if not isinstance(value, FrozenMap):
        raise ValidationError(field, value, "must be a mapping of str to str")
    for key, item in value.items():
        if not isinstance(key, str) or not _META_KEY.match(key):
            raise ValidationError(
                f"{field} key",
                key,
                "must be letters, digits and '._:-', starting with a letter or digit",
            )
        if not isinstance(item, str):
            raise ValidationError(f"{field}[{key!r}]", item, "must be a string")
        bad = _FORBIDDEN.search(item)
        if bad:
            raise ValidationError(
                f"{field}[{key!r}]", item, f"holds the forbidden character U+{ord(bad.group()):04X}"
            )


def _check_tuple(field: str, value: object) -> tuple[object, ...]:
    if not isinstance(value, tuple):
        raise ValidationError(field, value, "must be a sequence (and not a string)")
    return value


def _name(instance: object, attribute: attrs.Attribute[_T]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _to_tuple(value: object) -> object:
    kind = type(value)
    if kind is tuple:
        return value
    if kind is list:
        return tuple(value)  # type: ignore[arg-type]
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # left for the validator to reject with a clear message
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return _to_tuple(value)  # type: ignore[return-value]


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return _to_tuple(value)  # type: ignore[return-value]


def _images(value: Iterable[Image]) -> tuple[Image, ...]:
    return _to_tuple(value)  # type: ignore[return-value]


def _frozen_meta(value: Mapping[str, str]) -> FrozenMap[str, str]:
    if type(value) is FrozenMap or isinstance(value, FrozenMap):
        return value
    if isinstance(value, Mapping):
        return FrozenMap(value)
    return value  # type: ignore[unreachable]  # the validator rejects it


def _fixed_offset(value: datetime | None) -> datetime | None:
    if isinstance(value, datetime) and value.tzinfo is not None:
        offset = value.utcoffset()
        if offset is not None and not isinstance(value.tzinfo, timezone):
            return value.replace(tzinfo=timezone(offset), fold=0)
    return value


@attrs.frozen(kw_only=True)
class Image:
    """A picture that belongs to an article: lead image, figure or gallery item.

    At least one of the four fields is set.
    """

    url: str | None = attrs.field(default=None, validator=_optional_url)
    """Where the image file is, as given by the source (not resolved)."""

    alt: str | None = attrs.field(default=None, validator=_optional_text(single_line=False))
    """Alternative text: what the image shows, for readers who cannot see it."""

    caption: str | None = attrs.field(default=None, validator=_optional_text(single_line=False))
    """The caption printed with the image."""

    credit: str | None = attrs.field(default=None, validator=_optional_text(single_line=False))
    """Photographer, agency or rights holder, such as ``"AFP"``."""

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.alt is None and self.caption is None and self.credit is None:
            raise ValidationError("Image", self, "needs at least one of url, alt, caption, credit")


@attrs.frozen(kw_only=True)
class Section:
    """A run of body paragraphs, optionally under a heading.

    A section has a heading, at least one paragraph, or both.
    """

    heading: str | None = attrs.field(default=None, validator=_optional_text(single_line=True))
    """The sub-heading that opens the section, or ``None`` for untitled text."""

    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """The paragraphs in reading order.  A paragraph may span several lines."""

    @paragraphs.validator
    def _check_paragraphs(self, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
        if type(value) is not tuple:
            _check_tuple(_name(self, attribute), value)
        if _all_clean_texts(value):  # type: ignore[arg-type]
            return
        item: object
        for index, item in enumerate(value):  # type: ignore[arg-type]
            problem = text_problem(item, single_line=False)
            if problem is not None:
                raise ValidationError(f"{_name(self, attribute)}[{index}]", item, problem)

    def __attrs_post_init__(self) -> None:
        if self.heading is None and not self.paragraphs:
            raise ValidationError("Section", self, "needs a heading or at least one paragraph")

    @property
    def text(self) -> str:
        """The heading (if any) and the paragraphs, separated by blank lines."""
        parts = (self.heading, *self.paragraphs) if self.heading else self.paragraphs
        return "\n\n".join(parts)


@attrs.frozen(kw_only=True)
class Article:
    """One news article: headline, body, images and metadata.

    Only :attr:`title` is required.  Build one directly, or get them from
    :func:`newsparse.parse`.

    >>> from newsparse import Article, Section
    >>> article = Article(title="Rain", body=[Section(paragraphs=["It rained.", "A lot."])])
    >>> article.word_count
    4
    """

    title: str = attrs.field(validator=_required_text(single_line=True))
    """The headline.  Required, single line."""

    body: tuple[Section, ...] = attrs.field(
        default=(), converter=_sections, validator=_items_of(Section)
    )
    """The body text as sections, in reading order."""

    images: tuple[Image, ...] = attrs.field(
        default=(), converter=_images, validator=_items_of(Image)
    )
    """Images in the order the source gives them; the lead image first."""

    authors: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_text_items(unique=True)
    )
    """Author names as the source prints them, without duplicates."""

    published: datetime | None = attrs.field(
        default=None, converter=_fixed_offset, validator=_aware_datetime
    )
    """When the article was first published (timezone-aware), if known."""

    modified: datetime | None = attrs.field(
        default=None, converter=_fixed_offset, validator=_aware_datetime
    )
    """When the article was last changed (timezone-aware), if known."""

    url: str | None = attrs.field(default=None, validator=_optional_url)
    """The canonical address of the article, if known."""

    publisher: str | None = attrs.field(default=None, validator=_optional_text(single_line=True))
    """The publication or site name, such as ``"Asharq Al-Awsat"``."""

    language: str | None = attrs.field(default=None, validator=_language)
    """The language as a BCP 47 tag (``"en"``, ``"ar"``, ``"pt-BR"``), if known."""

    topics: tuple[str, ...] = attrs.field(
        default=(), converter=_strings, validator=_text_items(unique=True)
    )
    """Keywords, subjects or tags, without duplicates."""

    summary: str | None = attrs.field(default=None, validator=_optional_text(single_line=False))
    """The standfirst, dek or lead summary, when the source marks one."""

    meta: FrozenMap[str, str] = attrs.field(
        factory=FrozenMap[str, str], converter=_frozen_meta, validator=_meta
    )
    """Format-specific values that have no field of their own.

    Keys are namespaced by the format that sets them (``"tt.number"``); each
    format documents its keys.
    """

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
