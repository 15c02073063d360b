"""Hypothesis strategies for the model's plain values: texts, URLs, dates, images, meta.

The building blocks of ``newsparse.testing._strategies`` (articles,
sections) and ``newsparse.testing._blockstrategies`` (blocks).
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any, TypeVar

from hypothesis import strategies as st

from newsparse._image import Image

__all__ = [
    "SAMPLE_WORDS",
    "datetimes",
    "images",
    "languages",
    "meta_maps",
    "optional",
    "texts",
    "urls",
]

T = TypeVar("T")

#: Words from many scripts, mixed into generated text so that every run sees
#: right-to-left text, scripts without spaces and characters outside the BMP.
SAMPLE_WORDS = (
    "news",
    "Tehran",
    "Café",
    "naïve",
    "Ελλάδα",
    "Москва",
    "الشرق",
    "الأوسط",
    "صحيفة",
    "שלום",
    "עיתון",
    "ئۇيغۇرچە",
    "हिन्दी",
    "বাংলা",
    "東京",
    "新闻报道",
    "한국어",
    "ภาษาไทย",
    "e\u0301",  # e + combining acute accent
    "\u200fRTL-mark",
    "\u200dzwj",
    "🗞️",
    "👩🏽‍💻",
    "\U0001d518\U0001d52b\U0001d526",  # Fraktur letters, outside the BMP
    "“quoted”",
    "—",
    "TT",
    "20",
)

_EXCLUDED = "\u2028\u2029"


@cache
def _characters(*, newline: bool) -> st.SearchStrategy[str]:
    extra = "\n\t  \u00a0" if newline else "\t  \u00a0"
    return st.one_of(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cc", "Cs"),
            exclude_characters=_EXCLUDED,
        ),
        st.sampled_from(extra),
    )


@cache
def texts(*, single_line: bool = False, max_words: int = 20) -> st.SearchStrategy[str]:
    """Generate valid model text: non-empty, stripped, free of forbidden characters.

    Args:
        single_line: leave out newlines (titles, headings, authors, topics).
        max_words: the most words a short text has.  About one text in ten is
            long instead: a short text repeated up to 300 times, which reaches
            tens of thousands of characters without slowing generation down.
    """
    chunk = st.one_of(
        st.sampled_from(SAMPLE_WORDS),
        st.text(_characters(newline=not single_line), min_size=1, max_size=10),
    )
    separator = st.sampled_from([" ", " ", " ", "  ", "\t"] + ([] if single_line else ["\n"]))
    short = st.lists(st.tuples(chunk, separator), min_size=1, max_size=max_words).map(
        lambda pairs: "".join(word + sep for word, sep in pairs)
    )
    long = st.tuples(short, st.integers(min_value=20, max_value=300)).map(
        lambda pair: (pair[0] + " ") * pair[1]
    )
    return (
        st.one_of(short, short, short, short, short, short, short, short, short, long)
        .map(str.strip)
        .filter(bool)
    )


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


@cache
def urls() -> st.SearchStrategy[str]:
    """Absolute URLs, some with non-ASCII paths (IRIs), none with whitespace."""
    host = st.from_regex(r"[a-z][a-z0-9-]{0,20}\.(com|org|net|co\.uk|news)", fullmatch=True)
    segment = st.one_of(
        st.from_regex(r"[A-Za-z0-9._~-]{1,20}", fullmatch=True),
        st.sampled_from(["الأخبار", "新闻", "%D8%A7", "2024", "article.html", "a?b=1&c=%20"]),
    )
    return st.builds(
        lambda scheme, name, parts: f"{scheme}://{name}/{'/'.join(parts)}",
        st.sampled_from(["https", "http"]),
        host,
        st.lists(segment, max_size=5),
    )


@cache
def _time_zones() -> st.SearchStrategy[timezone | zoneinfo.ZoneInfo]:
    fixed = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    choices: list[st.SearchStrategy[Any]] = [st.just(timezone.utc), fixed]
    if zoneinfo.available_timezones():
        choices.append(st.timezones())
    return st.one_of(*choices)


@cache
def datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes between 1900 and 2100 with whole-minute offsets.

    The zones include UTC, fixed offsets and (where the system has time zone
    data) :mod:`zoneinfo` zones, so daylight-saving gaps and folds are reached.
    """
    return st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=_time_zones(),
    ).filter(lambda value: not (value.utcoffset() or timedelta()) % timedelta(minutes=1))


@cache
def languages() -> st.SearchStrategy[str]:
    """BCP 47 language tags, common ones and generated ones."""
    return st.one_of(
        st.sampled_from(["en", "ar", "he", "fa", "zh-Hans", "pt-BR", "de-CH", "ur"]),
        st.from_regex(r"[a-z]{2,3}(-[A-Z]{2})?", fullmatch=True),
    )


@cache
def meta_maps() -> st.SearchStrategy[dict[str, str]]:
    """Generate values for :attr:`Article.meta <newsparse.Article.meta>`.

    Keys are namespaced (``"abc.key"``); values are any valid strings, the
    empty string included.
    """
    key = st.from_regex(r"[a-z][a-z0-9]{0,8}(\.[a-z0-9_-]{1,10}){1,2}", fullmatch=True)
    value = st.one_of(st.just(""), st.text(_characters(newline=True), max_size=30), texts())
    return st.dictionaries(key, value, max_size=4)


@st.composite
def _images(draw: st.DrawFn) -> Image:
    fields = {
        "url": draw(optional(urls())),
        "alt": draw(optional(texts(max_words=15))),
        "caption": draw(optional(texts(max_words=25))),
        "credit": draw(optional(texts(single_line=True, max_words=4))),
    }
    if all(value is None for value in fields.values()):
        fields["caption"] = draw(texts(max_words=25))
    return Image(**fields)


@cache
def images() -> st.SearchStrategy[Image]:
    """Images with any combination of url, alt, caption and credit (at least one)."""
    return _images()
