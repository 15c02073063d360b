"""Tests of the Hypothesis strategies in newsparse.testing.

They must only generate valid values, and they must reach the awkward corners
their documentation promises.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning, NoSuchExample

from newsparse import Article, FrozenMap, Image, Section
from newsparse.testing import (
    articles,
    datetimes,
    field_values,
    images,
    languages,
    meta_maps,
    sections,
    sparse_articles,
    texts,
    urls,
)

T = TypeVar("T")

#: find() stops at the first example it finds (no shrinking, no database).
FIND = settings(max_examples=1000, phases=[Phase.generate], database=None, deadline=None)


def reach(strategy: st.SearchStrategy[T], condition: Any) -> T:
    with warnings.catch_warnings():
        # find() may describe a long example it tried; a warning about the
        # length of that description is no failure of the strategy.
        warnings.filterwarnings("ignore", "Generating overly large repr", HypothesisWarning)
        result = find(strategy, condition, settings=FIND)
    assert condition(result)
    return result


# The model's rules, written out again here so that a strategy and the model
# cannot agree on a wrong rule by sharing code.
FORBIDDEN = set(range(0x09)) | set(range(0x0B, 0x20)) | set(range(0x7F, 0xA0))
FORBIDDEN |= {0x2028, 0x2029} | set(range(0xD800, 0xE000))


def assert_clean_text(value: object, *, single_line: bool) -> None:
    assert isinstance(value, str)
    assert value
    assert value == value.strip()
    assert not any(ord(char) in FORBIDDEN for char in value), ascii(value)
    if single_line:
        assert "\n" not in value


# ---------------------------------------------------------------------------
# Only valid values


@given(texts())
def test_texts_are_valid(value: str) -> None:
    assert_clean_text(value, single_line=False)
    assert Section(paragraphs=[value]).paragraphs == (value,)


@given(texts(single_line=True, max_words=3))
def test_single_line_texts_are_valid(value: str) -> None:
    assert_clean_text(value, single_line=True)
    assert Section(heading=value).heading == value


@given(sections())
def test_sections_are_valid(section: Section) -> None:
    assert isinstance(section, Section)
    assert section.heading is not None or section.paragraphs
    assert len(section.paragraphs) <= 4
    assert Section(heading=section.heading, paragraphs=section.paragraphs) == section


@given(sections(headings=False))
def test_sections_without_headings(section: Section) -> None:
    assert section.heading is None
    assert 1 <= len(section.paragraphs) <= 4


@given(images())
def test_images_are_valid(image: Image) -> None:
    assert isinstance(image, Image)
    assert (image.url, image.alt, image.caption, image.credit) != (None, None, None, None)
    assert Image(**attrs.asdict(image)) == image


@given(datetimes())
def test_datetimes_are_valid(value: datetime) -> None:
    offset = value.utcoffset()
    assert offset is not None
    assert offset % timedelta(minutes=1) == timedelta(0)
    assert datetime(1900, 1, 1) <= value.replace(tzinfo=None) <= datetime(2100, 1, 1)
    stored = Article(title="Rain", published=value).published
    assert stored is not None
    assert stored.utcoffset() == offset


@given(languages())
def test_languages_are_valid(value: str) -> None:
    assert re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", value)
    assert Article(title="Rain", language=value).language == value


@given(urls())
def test_urls_are_valid(value: str) -> None:
    assert value.startswith(("https://", "http://"))
    assert not any(char.isspace() for char in value)
    assert Article(title="Rain", url=value).url == value


@given(meta_maps())
def test_meta_maps_are_valid(value: dict[str, str]) -> None:
    for key in value:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:-]*", key)
    meta = Article(title="Rain", meta=value).meta
    assert isinstance(meta, FrozenMap)
    assert meta == value


@given(articles())
def test_articles_are_valid(article: Article) -> None:
    assert isinstance(article, Article)

    for name in ("title", "publisher"):
        if getattr(article, name) is not None:
            assert_clean_text(getattr(article, name), single_line=True)
    assert len(set(article.authors)) == len(article.authors)
    assert len(set(article.topics)) == len(article.topics)
    assert Article(**attrs.asdict(article, recurse=False)) == article


def test_articles_rejects_unknown_fields() -> None:
    with pytest.raises(TypeError, match="foo"):
        articles(foo=st.just("bar"))
    with pytest.raises(TypeError, match="headline"):
        articles(title=st.just("Rain"), headline=st.just("Rain"))


@given(
    articles(
        title=st.just("Fixed"),
        body=st.just(()),
        images=st.just([Image(credit="AFP")]),
        authors=st.just(["A. Writer"]),
        topics=st.just(()),
        summary=st.none(),
        meta=st.just({"x.y": "z"}),
    )
)
def test_articles_overrides(article: Article) -> None:
    assert article.title == "Fixed"
    assert article.body == ()
    assert article.images == (Image(credit="AFP"),)
    assert article.authors == ("A. Writer",)
    assert article.topics == ()
    assert article.summary is None
    assert article.meta == {"x.y": "z"}


# ---------------------------------------------------------------------------
# The corners are reached


def is_rtl(char: str) -> bool:
    """A right-to-left letter (not just a mark such as U+200F)."""
    return unicodedata.bidirectional(char) in ("R", "AL") and unicodedata.category(char)[0] == "L"


def test_is_rtl() -> None:
    assert is_rtl("ש")
    assert is_rtl("ع")
    assert not is_rtl("a")
    assert not is_rtl("\u200f")


def test_texts_reach_right_to_left() -> None:
    value = reach(texts(), lambda text: any(is_rtl(char) for char in text))
    assert_clean_text(value, single_line=False)


def test_single_line_texts_reach_right_to_left() -> None:
    reach(texts(single_line=True), lambda text: any(is_rtl(char) for char in text))


def test_texts_reach_beyond_the_bmp() -> None:
    reach(texts(), lambda text: any(ord(char) > 0xFFFF for char in text))


def test_texts_reach_long_texts() -> None:
    value = reach(texts(), lambda text: len(text) > 1000)
    assert_clean_text(value, single_line=False)


def test_texts_reach_combining_marks() -> None:
    reach(texts(), lambda text: any(unicodedata.category(char) == "Mn" for char in text))


def test_texts_reach_inner_whitespace_runs() -> None:
    reach(texts(), lambda text: re.search(r"\s\s", text) is not None)


def test_texts_reach_newlines() -> None:
    reach(texts(), lambda text: "\n" in text)


def is_bare(article: Article) -> bool:
    return (
        article.body == ()
        and article.images == ()
        and article.authors == ()
        and article.topics == ()
        and article.published is None
        and article.modified is None
        and article.url is None
        and article.publisher is None
        and article.language is None
        and article.summary is None
        and article.meta == {}
    )


def test_is_bare() -> None:
    assert is_bare(Article(title="Rain"))
    assert not is_bare(Article(title="Rain", meta={"a": ""}))
    assert not is_bare(Article(title="Rain", topics=["x"]))


def test_articles_reach_every_optional_field_empty() -> None:
    reach(articles(), is_bare)


def test_sections_reach_heading_only() -> None:
    reach(sections(), lambda section: section.heading is not None and not section.paragraphs)


@pytest.mark.parametrize("field", ["url", "alt", "caption", "credit"])
def test_images_reach_each_single_field(field: str) -> None:
    def only(image: Image) -> bool:
        values = {"url": image.url, "alt": image.alt, "caption": image.caption}
        values["credit"] = image.credit
        return all((value is not None) == (name == field) for name, value in values.items())

    reach(images(), only)


def test_datetimes_reach_non_utc_offsets() -> None:
    reach(datetimes(), lambda value: value.utcoffset() not in (None, timedelta(0)))
    reach(datetimes(), lambda value: value.tzinfo is timezone.utc)


def test_datetimes_reach_daylight_saving_folds() -> None:
    def ambiguous(value: datetime) -> bool:
        return value.replace(fold=1 - value.fold).utcoffset() != value.utcoffset()

    reach(datetimes(), ambiguous)


def test_meta_maps_reach_empty_values() -> None:
    reach(meta_maps(), lambda value: "" in value.values())


def test_reach_can_fail() -> None:
    with pytest.raises(NoSuchExample):
        find(texts(), lambda text: text == "", settings=settings(FIND, max_examples=20))


def test_sparse_articles_leave_unnamed_fields_empty() -> None:
    @settings(max_examples=50)
    @given(sparse_articles(authors=st.just(("A. Writer",))))
    def check(article: Article) -> None:
        assert article.authors == ("A. Writer",)
        assert article.title  # generated as by articles()
        assert (article.body, article.images, article.topics) == ((), (), ())
        assert article.published is article.modified is None
        assert article.url is article.publisher is article.language is article.summary is None
        assert dict(article.meta) == {}

    check()
    with pytest.raises(TypeError, match="nosuch"):
        sparse_articles(nosuch=st.none())


EMPTY_VALUES: tuple[object, ...] = (None, (), [], {})


@pytest.mark.parametrize("name", [field.name for field in attrs.fields(Article)])
def test_field_values_set_their_field(name: str) -> None:
    @settings(max_examples=30)
    @given(field_values(name))
    def check(value: Any) -> None:
        article = attrs.evolve(Article(title="Kit article"), **{name: value})
        kept = getattr(article, name)
        if isinstance(value, datetime):
            # The same wall time and offset: == alone says no for a time in a
            # zone's gap or fold (PEP 495), as 1999-04-04 02:00 in America/Atka.
            assert (kept.replace(tzinfo=None), kept.utcoffset()) == (
                value.replace(tzinfo=None),
                value.utcoffset(),
            )
            return
        assert kept == (tuple(value) if isinstance(value, list) else value)
        assert not any(kept == empty for empty in EMPTY_VALUES), f"{name} = {kept!r} is empty"

    check()


def test_field_values_refuse_an_unknown_field() -> None:
    with pytest.raises(TypeError, match="nosuch"):
        field_values("nosuch")
