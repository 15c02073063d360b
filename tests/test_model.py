"""Tests of the data model (Article, Section, Image), FrozenMap and the errors.

Every invariant of :mod:`newsparse._model` has a table of bad values here, each
checked for the error type, the field it names and the value it reports.
Expected values are worked out by hand.
"""

from __future__ import annotations

import doctest
import pickle
from datetime import date, datetime, timedelta, timezone
from types import ModuleType
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
import pytest

import newsparse._frozenmap
import newsparse._jsonio
import newsparse._model
import newsparse.testing._strategies
from newsparse import (
    Article,
    FrozenMap,
    Image,
    NewsparseError,
    ParseError,
    PluginError,
    RenderError,
    Section,
    UnknownFormatError,
    ValidationError,
)
from newsparse._errors import NO_VALUE

UTC = timezone.utc


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:  # pragma: no cover - depends on the system
        pytest.skip(f"no time zone data for {name}")


def assert_rejected(error: ValidationError, field: str, value: object) -> None:
    """Check an error is a ValidationError naming ``field`` and holding ``value``."""
    assert isinstance(error, ValidationError)
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    assert error.field == field
    assert type(error.value) is type(value)
    assert error.value == value
    assert str(error).startswith(f"{field}: ")


# ---------------------------------------------------------------------------
# Text invariants, checked on every kind of text field


#: Values no text field accepts, single-line or not: (value, id).
BAD_TEXT: list[Any] = [
    pytest.param("", id="empty"),
    pytest.param(" Rain", id="leading-space"),
    pytest.param("Rain ", id="trailing-space"),
    pytest.param("Rain\t", id="trailing-tab"),
    pytest.param("\nRain", id="leading-newline"),
    pytest.param("Rain\n", id="trailing-newline"),
    pytest.param("\u00a0Rain", id="leading-nbsp"),
    pytest.param("Rain\u3000", id="trailing-ideographic-space"),
    pytest.param("\x85", id="only-nel"),
    pytest.param("Ra\x00in", id="nul"),
    pytest.param("Ra\x1bin", id="escape"),
    pytest.param("Ra\rin", id="carriage-return"),
    pytest.param("Ra\x0bin", id="vertical-tab"),
    pytest.param("Ra\x0cin", id="form-feed"),
    pytest.param("Ra\x7fin", id="del"),
    pytest.param("Ra\x85in", id="nel"),
    pytest.param("Ra\x9fin", id="c1-apc"),
    pytest.param("Ra\u2028in", id="line-separator"),
    pytest.param("Ra\u2029in", id="paragraph-separator"),
    pytest.param("Ra\ud800in", id="lone-high-surrogate"),
    pytest.param("\udfff", id="lone-low-surrogate"),
    pytest.param(5, id="int"),
    pytest.param(b"Rain", id="bytes"),
    pytest.param(["Rain"], id="list"),
]

#: Values only single-line text fields reject.
MULTI_LINE = [
    pytest.param("Rain\nfalls", id="newline"),
    pytest.param("Rain\n\nfalls", id="blank-line"),
]


def build_article(field: str, value: Any) -> Article:
    return Article(**{"title": "Rain", field: value})


@pytest.mark.parametrize("value", [*BAD_TEXT, *MULTI_LINE, pytest.param(None, id="none")])
def test_title_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Article(title=value)
    assert_rejected(excinfo.value, "Article.title", value)


@pytest.mark.parametrize("value", [*BAD_TEXT, *MULTI_LINE])
def test_publisher_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article("publisher", value)
    assert_rejected(excinfo.value, "Article.publisher", value)


@pytest.mark.parametrize("value", BAD_TEXT)
def test_summary_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article("summary", value)
    assert_rejected(excinfo.value, "Article.summary", value)


@pytest.mark.parametrize("value", [*BAD_TEXT, *MULTI_LINE])
def test_heading_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Section(heading=value, paragraphs=["Text."])
    assert_rejected(excinfo.value, "Section.heading", value)


@pytest.mark.parametrize("value", BAD_TEXT)
def test_paragraph_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Section(paragraphs=["Fine.", value])
    assert_rejected(excinfo.value, "Section.paragraphs[1]", value)


@pytest.mark.parametrize("field", ["alt", "caption", "credit"])
@pytest.mark.parametrize("value", BAD_TEXT)
def test_image_text_rejects(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Image(**{"url": "https://example.com/a.jpg", field: value})
    assert_rejected(excinfo.value, f"Image.{field}", value)


@pytest.mark.parametrize("field", ["authors", "topics"])
@pytest.mark.parametrize("value", [*BAD_TEXT, *MULTI_LINE, pytest.param(None, id="none")])
def test_author_and_topic_items_reject(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article(field, ["Fine", value])
    assert_rejected(excinfo.value, f"Article.{field}[1]", value)


def test_first_bad_item_is_reported() -> None:
    with pytest.raises(ValidationError) as excinfo:
        Section(paragraphs=["One.", "Two.", " three", ""])
    assert_rejected(excinfo.value, "Section.paragraphs[2]", " three")


@pytest.mark.parametrize("field", ["publisher", "summary", "url", "language", "published"])
def test_optional_fields_accept_none(field: str) -> None:
    article = build_article(field, None)
    assert getattr(article, field) is None


def test_optional_text_fields_accept_none() -> None:
    section = Section(heading=None, paragraphs=["Text."])
    image = Image(url="https://example.com/a.jpg", alt=None, caption=None, credit=None)
    assert section.heading is None
    assert (image.alt, image.caption, image.credit) == (None, None, None)


def test_allowed_whitespace_inside_text() -> None:
    article = Article(
        title="Rain\tin  Tehran",
        summary="First line.\nSecond line.",
        publisher="Asharq\u00a0Al-Awsat",
        body=[Section(heading="A\tB", paragraphs=["One\n\nTwo", "e\u0301 \U0001d518"])],
        images=[Image(alt="Two\nlines", caption="x\ny", credit="AFP\nReuters")],
    )
    assert article.title == "Rain\tin  Tehran"
    assert article.summary == "First line.\nSecond line."
    assert article.body[0].paragraphs == ("One\n\nTwo", "e\u0301 \U0001d518")
    assert article.images[0].credit == "AFP\nReuters"


# ---------------------------------------------------------------------------
# URLs


BAD_URL = [
    pytest.param("https://example.com/a b", id="space"),
    pytest.param(" https://example.com/", id="leading-space"),
    pytest.param("https://example.com/\n", id="trailing-newline"),
    pytest.param("https://example.com/\ta", id="tab"),
    pytest.param("https://example.com/\u00a0a", id="nbsp"),
    pytest.param("https://example.com/\u3000a", id="ideographic-space"),
    pytest.param("https://example.com/\x00", id="nul"),
    pytest.param("https://example.com/\x85", id="nel"),
    pytest.param("https://example.com/\ud800", id="surrogate"),
    pytest.param("", id="empty"),
    pytest.param(5, id="int"),
    pytest.param(b"https://example.com/", id="bytes"),
]


@pytest.mark.parametrize("value", BAD_URL)
def test_article_url_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article("url", value)
    assert_rejected(excinfo.value, "Article.url", value)


@pytest.mark.parametrize("value", BAD_URL)
def test_image_url_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Image(url=value, caption="A caption")
    assert_rejected(excinfo.value, "Image.url", value)


def test_urls_are_kept_as_given() -> None:
    url = "https://example.com/الأخبار/a?b=1&c=%20#frag"
    assert Article(title="Rain", url=url).url == url
    assert Image(url="rain.jpg").url == "rain.jpg"


# ---------------------------------------------------------------------------
# Datetimes


BAD_DATETIME = [
    pytest.param(datetime(2020, 11, 24, 9, 30), id="naive"),
    pytest.param(
        datetime(2020, 11, 24, 9, 30, tzinfo=timezone(timedelta(seconds=30))), id="offset-seconds"
    ),
    pytest.param(
        datetime(2020, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=3, minutes=30, seconds=1))),
        id="offset-minutes-and-seconds",
    ),
    pytest.param(
        datetime(2020, 11, 24, 9, 30, tzinfo=timezone(timedelta(microseconds=-1))),
        id="offset-microseconds",
    ),
    pytest.param("2020-11-24T09:30:00+03:30", id="string"),
    pytest.param(date(2020, 11, 24), id="date"),
    pytest.param(1606199400, id="timestamp"),
]


@pytest.mark.parametrize("field", ["published", "modified"])
@pytest.mark.parametrize("value", BAD_DATETIME)
def test_datetimes_reject(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article(field, value)
    assert_rejected(excinfo.value, f"Article.{field}", value)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (timedelta(0), timedelta(0)),
        (timedelta(hours=3, minutes=30), timedelta(hours=3, minutes=30)),
        (timedelta(hours=5, minutes=45), timedelta(hours=5, minutes=45)),
        (-timedelta(hours=23, minutes=59), -timedelta(hours=23, minutes=59)),
    ],
)
def test_fixed_offsets_are_kept(offset: timedelta, expected: timedelta) -> None:
    value = datetime(2020, 11, 24, 9, 30, tzinfo=timezone(offset))
    article = Article(title="Rain", published=value, modified=value)
    assert article.published is not None
    assert article.modified is not None
    assert article.published.utcoffset() == expected
    assert article.modified.utcoffset() == expected
    assert article.published == value


@pytest.mark.parametrize(
    ("local", "name", "offset", "utc"),
    [
        # Paris is on CEST (UTC+2) in July and on CET (UTC+1) in January.
        (datetime(2024, 7, 1, 12, 0), "Europe/Paris", timedelta(hours=2), datetime(2024, 7, 1, 10)),
        (datetime(2024, 1, 15, 8, 0), "Europe/Paris", timedelta(hours=1), datetime(2024, 1, 15, 7)),
        # Tehran has had no daylight saving time since 2022: UTC+3:30.
        (
            datetime(2024, 6, 1, 9, 30),
            "Asia/Tehran",
            timedelta(hours=3, minutes=30),
            datetime(2024, 6, 1, 6, 0),
        ),
        # Kathmandu: UTC+5:45.
        (
            datetime(2024, 6, 1, 12, 0),
            "Asia/Kathmandu",
            timedelta(hours=5, minutes=45),
            datetime(2024, 6, 1, 6, 15),
        ),
    ],
)
def test_zoneinfo_datetime_is_stored_with_fixed_offset(
    local: datetime, name: str, offset: timedelta, utc: datetime
) -> None:
    value = local.replace(tzinfo=zone(name))
    article = Article(title="Rain", published=value)
    stored = article.published
    assert stored is not None
    assert type(stored.tzinfo) is timezone
    assert stored.utcoffset() == offset
    assert stored == value
    assert stored == utc.replace(tzinfo=UTC)
    assert stored.replace(tzinfo=None) == local
    assert stored.timestamp() == value.timestamp()


@pytest.mark.parametrize(
    ("fold", "offset", "utc_hour"),
    # 2021-11-07 01:30 happens twice in New York: first on EDT (UTC-4, 05:30
    # UTC), then on EST (UTC-5, 06:30 UTC).
    [(0, timedelta(hours=-4), 5), (1, timedelta(hours=-5), 6)],
)
def test_zoneinfo_fold_picks_the_right_offset(fold: int, offset: timedelta, utc_hour: int) -> None:
    value = datetime(2021, 11, 7, 1, 30, tzinfo=zone("America/New_York"), fold=fold)
    stored = Article(title="Rain", modified=value).modified
    assert stored is not None
    assert type(stored.tzinfo) is timezone
    assert stored.utcoffset() == offset
    assert stored == datetime(2021, 11, 7, utc_hour, 30, tzinfo=UTC)


# ---------------------------------------------------------------------------
# Sequences


@pytest.mark.parametrize(
    ("field", "items", "index"),
    [
        ("authors", ["A. Writer", "A. Writer"], 1),
        ("authors", ["A. Writer", "B. Writer", "A. Writer"], 2),
        ("topics", ["news", "news"], 1),
        ("topics", ["news", "sport", "weather", "sport"], 3),
    ],
)
def test_duplicates_rejected(field: str, items: list[str], index: int) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article(field, items)
    assert_rejected(excinfo.value, f"Article.{field}[{index}]", items[index])


def test_duplicates_are_exact_matches() -> None:
    # Different case or composition is not a duplicate.
    article = Article(title="Rain", authors=["Café", "Cafe\u0301", "café"])
    assert article.authors == ("Café", "Cafe\u0301", "café")


@pytest.mark.parametrize("field", ["authors", "topics"])
@pytest.mark.parametrize(
    "value",
    [
        pytest.param("A. Writer", id="str"),
        pytest.param(b"A. Writer", id="bytes"),
        pytest.param({"A. Writer": "x"}, id="dict"),
        pytest.param(5, id="int"),
        pytest.param(None, id="none"),
    ],
)
def test_string_lists_must_be_sequences(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article(field, value)
    assert_rejected(excinfo.value, f"Article.{field}", value)


def test_paragraphs_given_as_string() -> None:
    with pytest.raises(ValidationError) as excinfo:
        Section(heading="Heading", paragraphs=cast(Any, "Text."))
    assert_rejected(excinfo.value, "Section.paragraphs", "Text.")


SECTION = Section(paragraphs=["Text."])
IMAGE = Image(url="https://example.com/a.jpg")


@pytest.mark.parametrize(
    ("field", "value", "bad_field", "bad_value"),
    [
        ("body", ["Text."], "Article.body[0]", "Text."),
        ("body", [SECTION, SECTION, 5], "Article.body[2]", 5),
        ("body", [IMAGE], "Article.body[0]", IMAGE),
        ("body", [{"paragraphs": ["Text."]}], "Article.body[0]", {"paragraphs": ["Text."]}),
        ("body", SECTION, "Article.body", SECTION),
        ("body", "Text.", "Article.body", "Text."),
        ("images", [SECTION], "Article.images[0]", SECTION),
        (
            "images",
            [IMAGE, "https://example.com/b.jpg"],
            "Article.images[1]",
            "https://example.com/b.jpg",
        ),
        ("images", IMAGE, "Article.images", IMAGE),
    ],
)
def test_body_and_images_hold_only_their_type(
    field: str, value: Any, bad_field: str, bad_value: object
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article(field, value)
    assert_rejected(excinfo.value, bad_field, bad_value)


def test_iterables_become_tuples() -> None:
    authors = ["A. Writer", "B. Writer"]
    body = [Section(paragraphs=["One."]), Section(heading="Two")]
    images = [Image(caption="A caption")]
    article = Article(
        title="Rain",
        authors=authors,
        topics=(topic for topic in ["news", "weather"]),
        body=body,
        images=images,
    )
    assert type(article.authors) is tuple
    assert type(article.topics) is tuple
    assert type(article.body) is tuple
    assert type(article.images) is tuple
    assert article.authors == ("A. Writer", "B. Writer")
    assert article.topics == ("news", "weather")
    assert article.body == (Section(paragraphs=("One.",)), Section(heading="Two"))
    assert article.images == (Image(caption="A caption"),)
    section = Section(paragraphs=["One.", "Two."])
    assert type(section.paragraphs) is tuple
    assert section.paragraphs == ("One.", "Two.")
    # The article does not share the caller's lists.
    authors.append("C. Writer")
    body.clear()
    assert article.authors == ("A. Writer", "B. Writer")
    assert len(article.body) == 2


def test_defaults_are_empty() -> None:
    article = Article(title="Rain")
    assert article.body == ()
    assert article.images == ()
    assert article.authors == ()
    assert article.topics == ()
    assert article.meta == {}
    assert isinstance(article.meta, FrozenMap)
    for name in ("published", "modified", "url", "publisher", "language", "summary"):
        assert getattr(article, name) is None


# ---------------------------------------------------------------------------
# Language


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("e", id="one-letter"),
        pytest.param("", id="empty"),
        pytest.param("en_US", id="underscore"),
        pytest.param("en US", id="space"),
        pytest.param(" en", id="leading-space"),
        pytest.param("en\n", id="trailing-newline"),
        pytest.param("en-", id="trailing-hyphen"),
        pytest.param("-en", id="leading-hyphen"),
        pytest.param("en--US", id="empty-subtag"),
        pytest.param("12", id="digits"),
        pytest.param("abcdefghi", id="nine-letters"),
        pytest.param("en-abcdefghi", id="nine-letter-subtag"),
        pytest.param("ع", id="arabic-letter"),
        pytest.param("éé", id="non-ascii"),
        pytest.param(5, id="int"),
        pytest.param(["en"], id="list"),
    ],
)
def test_language_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article("language", value)
    assert_rejected(excinfo.value, "Article.language", value)


@pytest.mark.parametrize("value", ["en", "ar", "pt-BR", "zh-Hans", "de-CH-1996", "sr-Latn-RS"])
def test_language_accepts(value: str) -> None:
    assert build_article("language", value).language == value


# ---------------------------------------------------------------------------
# meta


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("tt number", id="space"),
        pytest.param(".hidden", id="leading-dot"),
        pytest.param("-x", id="leading-hyphen"),
        pytest.param("_x", id="leading-underscore"),
        pytest.param(":x", id="leading-colon"),
        pytest.param("", id="empty"),
        pytest.param("tt.number\n", id="trailing-newline"),
        pytest.param("tt/number", id="slash"),
        pytest.param("tt.nümber", id="non-ascii"),
        pytest.param(5, id="int"),
        pytest.param(None, id="none"),
    ],
)
def test_meta_key_rejects(key: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article("meta", {"tt.ok": "1", key: "value"})
    error = excinfo.value
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    assert error.field.startswith("Article.meta")
    assert type(error.value) is type(key)
    assert error.value == key


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(20, id="int"),
        pytest.param(None, id="none"),
        pytest.param(["20"], id="list"),
        pytest.param(b"20", id="bytes"),
        pytest.param("2\x000", id="nul"),
        pytest.param("2\x850", id="nel"),
        pytest.param("2\r0", id="carriage-return"),
        pytest.param("2\u20280", id="line-separator"),
        pytest.param("\ud800", id="lone-surrogate"),
    ],
)
def test_meta_value_rejects(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article("meta", {"tt.ok": "1", "tt.number": value})
    assert_rejected(excinfo.value, "Article.meta['tt.number']", value)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param([("tt.number", "20")], id="pairs"),
        pytest.param("tt.number=20", id="str"),
        pytest.param(None, id="none"),
    ],
)
def test_meta_must_be_a_mapping(value: Any) -> None:
    with pytest.raises(ValidationError) as excinfo:
        build_article("meta", value)
    assert_rejected(excinfo.value, "Article.meta", value)


def test_meta_accepts_any_clean_string() -> None:
    meta = {
        "tt.number": "20",
        "x.empty": "",
        "x.padded": "  padded\t",
        "x.lines": "one\ntwo",
        "A9._:-z": "keys may hold letters, digits and ._:-",
        "9": "starts with a digit",
    }
    article = Article(title="Rain", meta=meta)
    assert isinstance(article.meta, FrozenMap)
    assert article.meta == meta
    # The article does not share the caller's dict.
    meta["tt.number"] = "21"
    assert article.meta["tt.number"] == "20"


# ---------------------------------------------------------------------------
# Section and Image need some content


@pytest.mark.parametrize(
    "kwargs", [{}, {"heading": None}, {"paragraphs": []}, {"heading": None, "paragraphs": ()}]
)
def test_empty_section_rejected(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Section(**kwargs)
    error = excinfo.value
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    assert error.field == "Section"
    assert isinstance(error.value, Section)
    assert error.value.heading is None
    assert error.value.paragraphs == ()


def test_section_with_heading_only_or_paragraphs_only() -> None:
    assert Section(heading="Heading").paragraphs == ()
    assert Section(paragraphs=["Text."]).heading is None


@pytest.mark.parametrize(
    "kwargs", [{}, {"url": None, "alt": None, "caption": None, "credit": None}]
)
def test_empty_image_rejected(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Image(**kwargs)
    error = excinfo.value
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    assert error.field == "Image"
    assert isinstance(error.value, Image)
    assert (error.value.url, error.value.alt, error.value.caption, error.value.credit) == (
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize("field", ["url", "alt", "caption", "credit"])
def test_image_with_one_field(field: str) -> None:
    image = Image(**{field: "x"})
    assert getattr(image, field) == "x"


def test_evolve_revalidates() -> None:
    article = Article(title="Rain")
    with pytest.raises(ValidationError) as excinfo:
        attrs.evolve(article, title="")
    assert_rejected(excinfo.value, "Article.title", "")


# ---------------------------------------------------------------------------
# Immutability, hashing, pickling


def full_article() -> Article:
    return Article(
        title="Rain in Tehran",
        body=[
            Section(heading="Weather", paragraphs=["It rained.", "A lot."]),
            Section(paragraphs=["الشرق الأوسط"]),
        ],
        images=[Image(url="https://example.com/rain.jpg", credit="AFP")],
        authors=["A. Writer", "B. Writer"],
        published=datetime(2020, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=3, minutes=30))),
        modified=datetime(2020, 11, 25, 8, 0, tzinfo=UTC),
        url="https://example.com/rain",
        publisher="Asharq Al-Awsat",
        language="fa",
        topics=["weather"],
        summary="It rained.",
        meta={"tt.number": "20", "x.empty": ""},
    )


@pytest.mark.parametrize(
    ("obj", "name", "value"),
    [
        (full_article(), "title", "Sun"),
        (full_article(), "authors", ("C. Writer",)),
        (full_article(), "meta", FrozenMap()),
        (Section(heading="Heading"), "heading", "Other"),
        (Section(heading="Heading"), "paragraphs", ("Text.",)),
        (Image(url="https://example.com/a.jpg"), "url", "https://example.com/b.jpg"),
    ],
)
def test_instances_are_frozen(obj: object, name: str, value: object) -> None:
    before = getattr(obj, name)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(cast(Any, obj), name, value)
    assert getattr(obj, name) == before


def test_instances_take_no_new_attributes() -> None:
    with pytest.raises((AttributeError, attrs.exceptions.FrozenInstanceError)):
        cast(Any, full_article()).extra = 1


def test_instances_are_hashable() -> None:
    first, second = full_article(), full_article()
    assert first is not second
    assert first == second
    assert hash(first) == hash(second)
    other = attrs.evolve(first, title="Sun in Tehran")
    assert {first, second, other} == {first, other}
    assert len({first, second, other}) == 2
    assert len({Section(heading="A"), Section(heading="A"), Section(heading="B")}) == 2
    assert len({Image(alt="A"), Image(alt="A"), Image(caption="A")}) == 2
    assert {first: "x"}[second] == "x"


def test_equal_instants_with_different_offsets_hash_alike() -> None:
    # 09:30 at UTC+3:30 and 06:00 UTC are the same instant.
    tehran = Article(
        title="Rain",
        published=datetime(2020, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=3, minutes=30))),
    )
    utc = Article(title="Rain", published=datetime(2020, 11, 24, 6, 0, tzinfo=UTC))
    assert tehran == utc
    assert hash(tehran) == hash(utc)


def test_instances_are_picklable() -> None:
    article = full_article()
    copy = pickle.loads(pickle.dumps(article))
    assert copy == article
    assert copy is not article
    assert type(copy.meta) is FrozenMap
    assert copy.published is not None
    assert copy.published.utcoffset() == timedelta(hours=3, minutes=30)
    assert hash(copy) == hash(article)
    assert pickle.loads(pickle.dumps(Section(heading="A"))) == Section(heading="A")
    assert pickle.loads(pickle.dumps(Image(credit="AFP"))) == Image(credit="AFP")


# ---------------------------------------------------------------------------
# FrozenMap


def test_frozenmap_equals_dicts_and_mappings() -> None:
    meta = FrozenMap({"a": "1", "b": "2"})
    assert meta == {"a": "1", "b": "2"}
    plain = {"a": "1", "b": "2"}
    assert plain == meta  # dict on the left: dict.__eq__ defers to FrozenMap.__eq__
    assert meta == {"b": "2", "a": "1"}
    assert meta == FrozenMap([("b", "2"), ("a", "1")])
    assert meta != {"a": "1"}
    assert meta != {"a": "1", "b": "3"}
    assert meta != {"a": "1", "b": "2", "c": "3"}
    assert meta != [("a", "1"), ("b", "2")]
    assert FrozenMap() == {}
    assert list(meta) == ["a", "b"]
    assert list(FrozenMap({"b": "2", "a": "1"})) == ["b", "a"]
    assert len(meta) == 2
    assert meta["a"] == "1"
    assert "b" in meta
    assert "c" not in meta
    assert meta.get("c") is None


def test_frozenmap_hash_depends_only_on_items() -> None:
    meta = FrozenMap({"a": "1", "b": "2"})
    assert hash(meta) == hash(meta)
    assert hash(meta) == hash(FrozenMap({"b": "2", "a": "1"}))
    assert hash(pickle.loads(pickle.dumps(meta))) == hash(meta)
    assert hash(FrozenMap()) == hash(FrozenMap({}))
    assert len({meta, FrozenMap({"b": "2", "a": "1"}), FrozenMap({"a": "1"})}) == 2


def test_frozenmap_is_read_only() -> None:
    meta: Any = FrozenMap({"a": "1"})
    with pytest.raises(TypeError):
        meta["a"] = "2"
    with pytest.raises(TypeError):
        meta["b"] = "2"
    with pytest.raises(TypeError):
        del meta["a"]
    # The mutating methods of dict exist only to say why they cannot work.
    for name in ("update", "pop", "popitem", "clear", "setdefault"):
        with pytest.raises(TypeError, match="immutable"):
            getattr(meta, name)()
    with pytest.raises(TypeError):
        meta.extra = 1
    assert meta == {"a": "1"}


def test_frozenmap_copies_its_input() -> None:
    source = {"a": "1"}
    meta = FrozenMap(source)
    source["a"] = "2"
    assert meta["a"] == "1"
    plain = meta.to_dict()
    assert type(plain) is dict
    assert plain == {"a": "1"}
    plain["b"] = "3"
    assert meta == {"a": "1"}


def test_frozenmap_pickles() -> None:
    meta = FrozenMap({"tt.number": "20", "x": ""})
    copy = pickle.loads(pickle.dumps(meta))
    assert type(copy) is FrozenMap
    assert copy == meta
    assert list(copy) == ["tt.number", "x"]


# ---------------------------------------------------------------------------
# Derived properties


def weather_article() -> Article:
    return Article(
        title="Rain",
        body=[
            Section(heading="Weather", paragraphs=["It rained.", "A lot."]),
            Section(paragraphs=["Then sun."]),
            Section(heading="Outlook"),
            Section(heading="Later", paragraphs=["Snow\nand ice."]),
        ],
    )


def test_paragraphs_flatten_sections() -> None:
    assert weather_article().paragraphs == ("It rained.", "A lot.", "Then sun.", "Snow\nand ice.")
    assert Article(title="Rain").paragraphs == ()
    assert Article(title="Rain", body=[Section(heading="Only")]).paragraphs == ()


def test_text_joins_headings_and_paragraphs() -> None:
    expected = "Weather\n\nIt rained.\n\nA lot.\n\nThen sun.\n\nOutlook\n\nLater\n\nSnow\nand ice."
    assert weather_article().text == expected
    assert Article(title="Rain").text == ""


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            Section(heading="Weather", paragraphs=["It rained.", "A lot."]),
            "Weather\n\nIt rained.\n\nA lot.",
        ),
        (Section(paragraphs=["One.", "Two."]), "One.\n\nTwo."),
        (Section(heading="Outlook"), "Outlook"),
    ],
)
def test_section_text(section: Section, expected: str) -> None:
    assert section.text == expected


def test_word_count_ignores_title_and_headings() -> None:
    # It / rained / A / lot / Then / sun / Snow / and / ice: 9 words.
    assert weather_article().word_count == 9


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # "It", "rained", "A", "lot".
        (["It rained.", "A lot."], 4),
        (["One"], 1),
        (["don't"], 2),
        (["snake_case 42 x2"], 3),
        (["3.14"], 2),
        (["well-known"], 2),
        (["— … !! ?"], 0),
        (["line one\nline two"], 4),
        (["spaced\t\tout  words"], 3),
        (["Москва и Ελλάδα."], 3),
        (["الشرق الأوسط"], 2),
        (["שלום עיתון"], 2),
        (["東京"], 1),
        (["東京 新闻报道"], 2),
        (["Café"], 1),
        # Combining marks belong to their word: Devanagari vowel signs and
        # virama, Arabic harakat, and a decomposed "i" + diaeresis.
        (["हिन्दी भाषा"], 2),
        (["كَتَبَ الوَلَدُ"], 2),
        (["nai\u0308ve"], 1),
    ],
)
def test_word_count(paragraphs: list[str], expected: int) -> None:
    article = Article(title="Title words are not counted", body=[Section(paragraphs=paragraphs)])
    assert article.word_count == expected


def test_word_count_of_empty_body() -> None:
    assert Article(title="Rain").word_count == 0


# ---------------------------------------------------------------------------
# Documentation examples


@pytest.mark.parametrize(
    "module",
    [
        # Article, Section, Image and FrozenMap report newsparse as their module
        # (see newsparse._naming), so doctest finds their examples there.
        newsparse,
        newsparse._jsonio,
        newsparse.testing._strategies,
    ],
    ids=lambda module: module.__name__,
)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, verbose=False, report=False)
    assert result.attempted > 0
    assert result.failed == 0


# ---------------------------------------------------------------------------
# Errors


def roundtrip(error: BaseException) -> Any:
    return pickle.loads(pickle.dumps(error))


def test_validation_error_attributes_and_pickle() -> None:
    error = ValidationError("Section.paragraphs[2]", "", "must not be empty")
    assert str(error) == "Section.paragraphs[2]: must not be empty (got '')"
    copy = roundtrip(error)
    assert type(copy) is ValidationError
    assert (copy.field, copy.value, copy.reason) == (
        "Section.paragraphs[2]",
        "",
        "must not be empty",
    )
    assert str(copy) == str(error)


def test_validation_error_from_model_pickles() -> None:
    with pytest.raises(ValidationError) as excinfo:
        Article(title="Rain", authors=["A", "A"])
    copy = roundtrip(excinfo.value)
    assert type(copy) is ValidationError
    assert copy.field == "Article.authors[1]"
    assert copy.value == "A"
    assert copy.reason == excinfo.value.reason
    assert str(copy) == str(excinfo.value)


def test_validation_error_without_value() -> None:
    error = ValidationError("$.title", NO_VALUE, "required key 'title' is missing")
    assert str(error) == "$.title: required key 'title' is missing"


def test_validation_error_without_value_pickles() -> None:
    error = ValidationError("$.title", NO_VALUE, "required key 'title' is missing")
    copy = roundtrip(error)
    assert copy.field == "$.title"
    assert copy.value is NO_VALUE
    assert str(copy) == "$.title: required key 'title' is missing"


def test_parse_error_str() -> None:
    error = ParseError(
        "invalid JSON: Expecting value", format="json", source="feed.json", line=3, column=15
    )
    assert str(error) == "feed.json:3:15: invalid JSON: Expecting value [json]"
    assert error.message == "invalid JSON: Expecting value"
    assert error.excerpt is None
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)


def test_parse_error_defaults() -> None:
    error = ParseError("bad", format="nitf")
    assert str(error) == "<string>:1:1: bad [nitf]"
    assert (error.source, error.line, error.column) == ("<string>", 1, 1)


def test_parse_error_with_excerpt() -> None:
    error = ParseError("bad", format="json", source="a.json", line=2, column=5, excerpt="x\ny\tz\r")
    assert error.excerpt == "x\\ny z\\r"
    assert str(error) == "a.json:2:5: bad [json]\n    x\\ny z\\r"


def test_parse_error_clips_long_excerpt() -> None:
    error = ParseError("bad", format="json", excerpt="a" * 100)
    assert error.excerpt == "a" * 59 + "…"
    assert str(error) == "<string>:1:1: bad [json]\n    " + "a" * 59 + "…"
    assert ParseError("bad", format="json", excerpt="a" * 60).excerpt == "a" * 60


@pytest.mark.parametrize("excerpt", [None, "short", "x\ny", "b" * 100])
def test_parse_error_pickles(excerpt: str | None) -> None:
    error = ParseError(
        "invalid JSON", format="json", source="feed.json", line=3, column=15, excerpt=excerpt
    )
    copy = roundtrip(error)
    assert type(copy) is ParseError
    assert copy.message == "invalid JSON"
    assert copy.format == "json"
    assert copy.source == "feed.json"
    assert copy.line == 3
    assert copy.column == 15
    assert copy.excerpt == error.excerpt
    assert str(copy) == str(error)
    assert copy.fatal is False


def test_parse_error_pickles_whether_it_ended_the_parse() -> None:
    error = ParseError("cut off", format="json")
    error.fatal = True
    assert roundtrip(error).fatal is True


def test_render_error_pickles() -> None:
    error = RenderError("tt", "Article.authors", "TT text has no place for authors")
    assert (
        str(error)
        == "format 'tt' cannot represent Article.authors: TT text has no place for authors"
    )
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    copy = roundtrip(error)
    assert type(copy) is RenderError
    assert (copy.format, copy.field, copy.reason) == (
        "tt",
        "Article.authors",
        "TT text has no place for authors",
    )
    assert str(copy) == str(error)


def test_plugin_error_pickles() -> None:
    error = PluginError("myformat", "failed to load")
    assert str(error) == "plugin 'myformat': failed to load"
    assert isinstance(error, NewsparseError)
    copy = roundtrip(error)
    assert type(copy) is PluginError
    assert (copy.plugin, copy.detail) == ("myformat", "failed to load")
    assert str(copy) == str(error)


def test_unknown_format_error_pickles() -> None:
    error = UnknownFormatError("no single best format", tried=[("json", 0.5), ("nitf", 0.25)])
    assert str(error) == "no single best format (tried: json=0.50, nitf=0.25)"
    assert isinstance(error, NewsparseError)
    assert isinstance(error, LookupError)
    copy = roundtrip(error)
    assert type(copy) is UnknownFormatError
    assert copy.tried == (("json", 0.5), ("nitf", 0.25))
    assert str(copy) == str(error)


@pytest.mark.parametrize(
    "bad",
    [
        "tab\tand newline\nare fine but NUL\x00 is not",
        "C1 control \x85 (NEL)",
        "C1 control \x9f",
        "line separator \u2028 inside",
        "paragraph separator \u2029 inside",
        "lone surrogate \ud800",
        "DEL \x7f",
        "escape \x1b[0m",
        " leading space",
        "trailing newline\n",
        "\u00a0non-breaking space first",
        "",
    ],
)
def test_a_bad_paragraph_among_good_ones_is_found(bad: str) -> None:
    # Many paragraphs are checked together in bulk; the bad one must still be
    # found and named by its index.  "\u00a0é" keeps the good ones non-ASCII.
    good = ["First paragraph, café.", "Second one\nspans two lines.", "Third\u00a0one."]
    with pytest.raises(ValidationError) as caught:
        Section(paragraphs=[*good, bad, "Last."])
    assert caught.value.field == "Section.paragraphs[3]"
    assert caught.value.value == bad


def test_good_paragraphs_with_non_ascii_and_c2_bytes_pass() -> None:
    # U+00A0..U+00FF encode as \xc2\xa0.. / \xc3..: not C1 controls.
    paragraphs = ["Prix : 20\u00a0€ ©", "naïve — “quoted” \u2019", "tab\tinside", "two\nlines"]
    assert Section(paragraphs=paragraphs).paragraphs == tuple(paragraphs)
