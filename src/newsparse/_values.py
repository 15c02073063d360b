"""The rules every value of the model follows, as checks that also convert.

``newsparse._model`` states the invariants; each function here checks one
kind of field value and returns it in its stored form (a tuple, a
:class:`~newsparse.FrozenMap`, a datetime with a fixed offset), or raises
:class:`~newsparse.ValidationError` naming the field and the value.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any, TypeVar

from newsparse._errors import ValidationError
from newsparse._frozenmap import FrozenMap

__all__ = [
    "NO_META",
    "as_tuple",
    "check_text",
    "instances",
    "language",
    "meta",
    "moment",
    "names",
    "optional_text",
    "paragraphs",
    "text_problem",
    "url",
    "word_pattern",
]

_T = TypeVar("_T")

#: Characters no text field may hold: C0/C1 controls except tab and newline,
#: DEL, the Unicode line/paragraph separators and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_META_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*\Z")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")


@cache
def word_pattern() -> re.Pattern[str]:
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


def optional_text(field: str, value: object, *, single_line: bool) -> str | None:
    return None if value is None else check_text(field, value, single_line=single_line)


def as_tuple(field: str, value: object) -> tuple[Any, ...]:
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[return-value]
    if kind is list:
        return tuple(value)  # type: ignore[arg-type]
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ValidationError(field, value, _NOT_A_SEQUENCE)
    return tuple(value)


def instances(field: str, value: object, kind: type[_T]) -> tuple[_T, ...]:
    items = as_tuple(field, value)
    for index, item in enumerate(items):
        if type(item) is not kind and not isinstance(item, kind):
            raise ValidationError(
                f"{field}[{index}]", item, f"must be a {kind.__name__}, not {type(item).__name__}"
            )
    return items


def names(field: str, value: object) -> tuple[str, ...]:
    """Check authors or topics: single-line texts without duplicates."""
    items = as_tuple(field, value)
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


def paragraphs(field: str, value: object) -> tuple[str, ...]:
    items = as_tuple(field, value)
    if items and not _all_clean_texts(items):
        for index, item in enumerate(items):
            problem = text_problem(item, single_line=False)
            if problem is not None:
                raise ValidationError(f"{field}[{index}]", item, problem)
    return items


def url(field: str, value: object) -> str | None:
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


def moment(field: str, value: object) -> datetime | None:
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


def language(field: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise ValidationError(field, value, "must be a BCP 47 language tag such as 'en' or 'pt-BR'")
    return value


NO_META: FrozenMap[str, str] = FrozenMap()
"""The empty ``meta`` every article without metadata shares."""
# Keys seen valid already: formats use a few keys over and over.  Only exact
# str instances are added (a subclass could compare equal and hash alike).
_GOOD_META_KEYS: set[str] = set()
_GOOD_META_KEYS_LIMIT = 4096


def meta(field: str, value: object) -> FrozenMap[str, str]:
    # Exact types first: isinstance() against an abstract base class is slow.
    if type(value) is dict or (type(value) is not FrozenMap and not isinstance(value, FrozenMap)):
        if type(value) is not dict and not isinstance(value, Mapping):
            raise ValidationError(field, value, "must be a mapping of str to str")
        value = FrozenMap(value) if value else NO_META
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
