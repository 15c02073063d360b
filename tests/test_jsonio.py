"""Tests of newsparse._jsonio: lossless round-trips and strict reading."""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import (
    Article,
    FrozenMap,
    Image,
    NewsparseError,
    ParseError,
    Section,
    ValidationError,
)
from newsparse._errors import NO_VALUE
from newsparse._jsonio import from_dict, from_json, loads, to_dict, to_json
from newsparse.testing import articles

FIELDS = {
    "title",
    "body",
    "images",
    "authors",
    "published",
    "modified",
    "url",
    "publisher",
    "language",
    "topics",
    "summary",
    "meta",
}


def assert_same_offsets(result: Article, original: Article) -> None:
    # Aware datetimes compare by instant, so equality alone misses a changed offset.
    for name in ("published", "modified"):
        before: datetime | None = getattr(original, name)
        after: datetime | None = getattr(result, name)
        if before is None:
            assert after is None
        else:
            assert after is not None
            assert after.utcoffset() == before.utcoffset()
            assert after.replace(tzinfo=None) == before.replace(tzinfo=None)


# ---------------------------------------------------------------------------
# Round-trips


@given(articles(), st.sampled_from([None, 2]))
def test_json_round_trip(article: Article, indent: int | None) -> None:
    result = from_json(to_json(article, indent=indent))
    assert result == article
    assert_same_offsets(result, article)


def walk_plain(value: object, path: str = "$") -> None:
    """Fail unless ``value`` is made only of dicts with str keys, lists, str, None, bool and int.

    Booleans and integers appear only in blocks (a list's ``ordered``, a
    cell's ``colspan``, a mark's ``start``).
    """
    if isinstance(value, dict):
        assert type(value) is dict, path
        for key, item in value.items():
            assert type(key) is str, path
            walk_plain(item, f"{path}.{key}")
    elif isinstance(value, list):
        assert type(value) is list, path
        for index, item in enumerate(value):
            walk_plain(item, f"{path}[{index}]")
    else:
        assert value is None or type(value) in (str, bool, int), f"{path}: {type(value).__name__}"


@given(articles())
def test_dict_round_trip(article: Article) -> None:
    data = to_dict(article)
    walk_plain(data)
    assert set(data) == FIELDS
    assert json.loads(to_json(article)) == data
    result = from_dict(data)
    assert result == article
    assert_same_offsets(result, article)


@pytest.mark.parametrize(
    "bad",
    [{"a": ("x",)}, {"a": 1.5}, {"a": [FrozenMap()]}, {1: "x"}, {"a": datetime.now()}],
)
def test_walk_plain_catches_other_types(bad: object) -> None:
    with pytest.raises(AssertionError):
        walk_plain(bad)


def test_to_dict_by_hand() -> None:
    article = Article(
        title="Rain in Tehran",
        body=[Section(heading="Weather", paragraphs=["It rained.", "A lot."])],
        images=[Image(url="https://example.com/rain.jpg", credit="AFP")],
        authors=["A. Writer"],
        published=datetime(2020, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=3, minutes=30))),
        modified=datetime(2020, 11, 24, 10, 0, 0, 250000, tzinfo=timezone(-timedelta(hours=5))),
        language="fa",
        meta={"tt.number": "20"},
    )
    assert to_dict(article) == {
        "title": "Rain in Tehran",
        "body": [{"heading": "Weather", "paragraphs": ["It rained.", "A lot."]}],
        "images": [
            {"url": "https://example.com/rain.jpg", "alt": None, "caption": None, "credit": "AFP"}
        ],
        "authors": ["A. Writer"],
        "published": "2020-11-24T09:30:00+03:30",
        "modified": "2020-11-24T10:00:00.250000-05:00",
        "url": None,
        "publisher": None,
        "language": "fa",
        "topics": [],
        "summary": None,
        "meta": {"tt.number": "20"},
    }


def test_to_json_keeps_non_ascii() -> None:
    text = to_json(Article(title="Москва 東京 \U0001d518"))
    assert '"title": "Москва 東京 \U0001d518"' in text
    assert "\\u" not in text


def test_to_json_indent() -> None:
    text = to_json(Article(title="Rain"), indent=2)
    assert text.startswith('{\n  "title": "Rain",\n  "body": []')


# ---------------------------------------------------------------------------
# Reading hand-written documents


DOCUMENT = """\
{
  "title": "الشرق الأوسط",
  "body": [
    {"heading": "Intro", "paragraphs": ["First.", "Second\\nline."]},
    {"paragraphs": ["Third."]},
    {"heading": "End"}
  ],
  "images": [{"caption": "A caption"}, {"url": "https://example.com/a.jpg", "alt": null}],
  "authors": ["A. Writer", "B. Writer"],
  "published": "2020-11-24T09:30:00+03:30",
  "modified": "2020-11-25T08:00:00.5-05:00",
  "url": "https://example.com/news/1",
  "publisher": "Asharq Al-Awsat",
  "language": "ar",
  "topics": ["politics", "Middle East"],
  "summary": "Short.",
  "meta": {"tt.number": "20", "x.empty": ""}
}
"""


def test_read_hand_written_document() -> None:
    expected = Article(
        title="الشرق الأوسط",
        body=(
            Section(heading="Intro", paragraphs=("First.", "Second\nline.")),
            Section(paragraphs=("Third.",)),
            Section(heading="End"),
        ),
        images=(Image(caption="A caption"), Image(url="https://example.com/a.jpg")),
        authors=("A. Writer", "B. Writer"),
        published=datetime(2020, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=3, minutes=30))),
        modified=datetime(2020, 11, 25, 8, 0, 0, 500000, tzinfo=timezone(timedelta(hours=-5))),
        url="https://example.com/news/1",
        publisher="Asharq Al-Awsat",
        language="ar",
        topics=("politics", "Middle East"),
        summary="Short.",
        meta={"tt.number": "20", "x.empty": ""},
    )
    article = from_json(DOCUMENT)
    assert article == expected
    assert article.published is not None
    assert article.modified is not None
    assert article.published.utcoffset() == timedelta(hours=3, minutes=30)
    assert article.modified.utcoffset() == timedelta(hours=-5)
    # 08:00 at UTC-5 is 13:00 UTC.
    assert article.modified == datetime(2020, 11, 25, 13, 0, 0, 500000, tzinfo=timezone.utc)
    assert from_dict(json.loads(DOCUMENT)) == expected


def test_short_document_takes_defaults() -> None:
    assert from_json('{"title": "Rain"}') == Article(title="Rain")
    assert from_dict({"title": "Rain", "summary": None, "body": []}) == Article(title="Rain")


def test_utc_designator() -> None:
    article = from_json('{"title": "Rain", "published": "2020-01-01T00:00:00Z"}')
    assert article.published == datetime(2020, 1, 1, tzinfo=timezone.utc)
    assert article.published is not None
    assert article.published.utcoffset() == timedelta(0)


# ---------------------------------------------------------------------------
# Strict reading


BAD_DOCUMENTS = [
    pytest.param({"title": "Rain", "extra": 1}, "$", id="unknown-key"),
    pytest.param(
        {"title": "Rain", "body": [{"paragraphs": ["p"], "bogus": 1}]},
        "$.body[0]",
        id="unknown-section-key",
    ),
    pytest.param(
        {"title": "Rain", "images": [{"url": "u"}, {"url": "u", "size": 3}]},
        "$.images[1]",
        id="unknown-image-key",
    ),
    pytest.param({}, "$.title", id="missing-title"),
    pytest.param({"body": []}, "$.title", id="missing-title-with-body"),
    pytest.param({"title": 5}, "$.title", id="title-number"),
    pytest.param({"title": 5.5}, "$.title", id="title-float"),
    pytest.param({"title": True}, "$.title", id="title-bool"),
    pytest.param({"title": None}, "$.title", id="title-null"),
    pytest.param({"title": ["Rain"]}, "$.title", id="title-array"),
    pytest.param({"title": " Rain"}, "$.title", id="title-space"),
    pytest.param({"title": "Rain\nfalls"}, "$.title", id="title-newline"),
    pytest.param({"title": "Rain", "summary": 1}, "$.summary", id="summary-number"),
    pytest.param({"title": "Rain", "summary": ""}, "$.summary", id="summary-empty"),
    pytest.param({"title": "Rain", "url": 1}, "$.url", id="url-number"),
    pytest.param({"title": "Rain", "url": "a b"}, "$.url", id="url-space"),
    pytest.param({"title": "Rain", "language": "e"}, "$.language", id="language"),
    pytest.param({"title": "Rain", "authors": "A. Writer"}, "$.authors", id="authors-string"),
    pytest.param({"title": "Rain", "authors": {"A": "B"}}, "$.authors", id="authors-object"),
    pytest.param({"title": "Rain", "authors": ["A", 5]}, "$.authors[1]", id="author-number"),
    pytest.param({"title": "Rain", "authors": ["A", "A"]}, "$.authors[1]", id="author-duplicate"),
    pytest.param({"title": "Rain", "topics": "news"}, "$.topics", id="topics-string"),
    pytest.param({"title": "Rain", "body": ["Text."]}, "$.body[0]", id="body-string"),
    pytest.param(
        {"title": "Rain", "body": [{"paragraphs": ["p"]}, ["p"]]}, "$.body[1]", id="body-array"
    ),
    pytest.param({"title": "Rain", "body": [None]}, "$.body[0]", id="body-null"),
    pytest.param({"title": "Rain", "body": {"paragraphs": ["p"]}}, "$.body", id="body-object"),
    pytest.param({"title": "Rain", "body": None}, "$.body", id="body-null-array"),
    pytest.param({"title": "Rain", "body": [{}]}, "$.body[0]", id="section-empty"),
    pytest.param(
        {"title": "Rain", "body": [{"heading": None, "paragraphs": []}]},
        "$.body[0]",
        id="section-nulls",
    ),
    pytest.param(
        {"title": "Rain", "body": [{"paragraphs": [5]}]},
        "$.body[0].paragraphs[0]",
        id="paragraph-number",
    ),
    pytest.param(
        {"title": "Rain", "body": [{"paragraphs": ["p"]}, {"paragraphs": ["ok", ""]}]},
        "$.body[1].paragraphs[1]",
        id="paragraph-empty",
    ),
    pytest.param(
        {"title": "Rain", "body": [{"paragraphs": "p"}]},
        "$.body[0].paragraphs",
        id="paragraphs-string",
    ),
    pytest.param(
        {"title": "Rain", "body": [{"heading": 1, "paragraphs": ["p"]}]},
        "$.body[0].heading",
        id="heading-number",
    ),
    pytest.param({"title": "Rain", "images": [{}]}, "$.images[0]", id="image-empty"),
    pytest.param({"title": "Rain", "images": ["a.jpg"]}, "$.images[0]", id="image-string"),
    pytest.param(
        {"title": "Rain", "images": [{"caption": 5}]}, "$.images[0].caption", id="caption-number"
    ),
    pytest.param({"title": "Rain", "published": "yesterday"}, "$.published", id="date-text"),
    pytest.param(
        {"title": "Rain", "published": "2020-01-01T00:00:00"}, "$.published", id="date-naive"
    ),
    pytest.param(
        {"title": "Rain", "modified": "2020-01-01T00:00:00+00:00:30"},
        "$.modified",
        id="date-offset-seconds",
    ),
    pytest.param({"title": "Rain", "published": 1600000000}, "$.published", id="date-number"),
    pytest.param({"title": "Rain", "meta": []}, "$.meta", id="meta-array"),
    pytest.param({"title": "Rain", "meta": "x"}, "$.meta", id="meta-string"),
]


@pytest.mark.parametrize(("data", "field"), BAD_DOCUMENTS)
def test_from_dict_rejects(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict(data)
    error = excinfo.value
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    assert error.field == field
    assert str(error).startswith(f"{field}: ")


@pytest.mark.parametrize(("data", "field"), BAD_DOCUMENTS)
def test_from_json_rejects(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        from_json(json.dumps(data), source="feed.json")
    error = excinfo.value
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    assert error.format == "json"
    assert error.source == "feed.json"
    assert field in error.message
    assert str(error).startswith("feed.json:")
    cause = error.__cause__
    assert isinstance(cause, ValidationError)
    assert cause.field == field


def test_unknown_key_is_named() -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict({"title": "Rain", "headline": "Rain"})
    assert "headline" in excinfo.value.reason


def test_missing_title_has_no_value() -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict({})
    assert excinfo.value.value is NO_VALUE
    assert "title" in excinfo.value.reason


@pytest.mark.parametrize(
    ("data", "field", "value"),
    [
        ({"title": "Rain", "authors": ["A", "A"]}, "$.authors[1]", "A"),
        ({"title": " Rain"}, "$.title", " Rain"),
        ({"title": "Rain", "body": [{"paragraphs": ["ok", ""]}]}, "$.body[0].paragraphs[1]", ""),
        ({"title": "Rain", "meta": {"tt.number": 20}}, "$.meta['tt.number']", 20),
    ],
)
def test_model_errors_keep_the_value(data: dict[str, Any], field: str, value: object) -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict(data)
    assert excinfo.value.field == field
    assert excinfo.value.value == value


@pytest.mark.parametrize(
    "data",
    [
        {"title": "Rain", "meta": {"tt.number": 20}},
        {"title": "Rain", "meta": {"tt.number": None}},
        {"title": "Rain", "meta": {"a b": "x"}},
        {"title": "Rain", "meta": {".x": "x"}},
        {"title": "Rain", "meta": {"x": "a\u0000b"}},
    ],
)
def test_bad_meta_is_rejected(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict(data)
    assert excinfo.value.field.startswith("$.meta")


@pytest.mark.parametrize("data", [[], [{"title": "Rain"}], "Rain", 5, None, True])
def test_top_level_must_be_an_object(data: object) -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict(data)
    assert excinfo.value.field == "$"
    with pytest.raises(ParseError) as parse_info:
        from_json(json.dumps(data))
    assert "$" in parse_info.value.message


def test_reading_errors_pickle() -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict({"body": []})
    copy = pickle.loads(pickle.dumps(excinfo.value))
    assert type(copy) is ValidationError
    assert copy.field == "$.title"
    assert copy.value is NO_VALUE
    assert str(copy) == str(excinfo.value)
    with pytest.raises(ParseError) as parse_info:
        from_json('{"title": "Rain", "language": en}', source="feed.json")
    parse_copy = pickle.loads(pickle.dumps(parse_info.value))
    assert type(parse_copy) is ParseError
    assert (parse_copy.source, parse_copy.line, parse_copy.column) == ("feed.json", 1, 31)
    assert str(parse_copy) == str(parse_info.value)


def test_several_problems_are_counted() -> None:
    with pytest.raises(ValidationError) as excinfo:
        from_dict({"title": 5, "summary": 5, "url": 5})
    assert "2 more" in excinfo.value.reason


def test_arrays_only_from_lists() -> None:
    # Plain data from to_dict has lists; a tuple is not JSON data.
    with pytest.raises(ValidationError) as excinfo:
        from_dict({"title": "Rain", "authors": ("A",)})
    assert excinfo.value.field == "$.authors"


# ---------------------------------------------------------------------------
# JSON syntax


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('{"title": "a", "title": "b"}', id="top-level"),
        pytest.param('{"title": "a", "title": "a"}', id="same-value"),
        pytest.param(
            '{"title": "a", "body": [{"paragraphs": ["p"], "paragraphs": ["q"]}]}', id="section"
        ),
        pytest.param('{"title": "a", "meta": {"k": "1", "k": "2"}}', id="meta"),
    ],
)
def test_duplicate_keys_rejected(text: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        from_json(text, source="dup.json")
    error = excinfo.value
    assert isinstance(error, NewsparseError)
    assert isinstance(error, ValueError)
    assert error.format == "json"
    assert error.source == "dup.json"
    assert "duplicate" in error.message
    assert str(error).startswith("dup.json:")


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # Line 3 is '  "language": en': the 'e' of en is character 15.
        ('{\n  "title": "Rain",\n  "language": en\n}', 3, 15),
        # 'Москва' is 6 characters (12 bytes); 'nope' starts at character 33.
        ('{"title": "Москва", "language": nope}', 1, 33),
        # Extra data: the 'x' after the closing brace is character 19.
        ('{"title": "Rain"} x', 1, 19),
        # Nothing at all.
        ("", 1, 1),
        # Line 2 is '"title" "Rain"': the colon is missing before character 9.
        ('{\n"title" "Rain"}', 2, 9),
        # A string that never ends: its opening quote is character 11.
        ('{"title": "Rain}', 1, 11),
    ],
)
def test_invalid_json_position(text: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as excinfo:
        from_json(text, source="feed.json")
    error = excinfo.value
    assert (error.line, error.column) == (line, column)
    assert error.source == "feed.json"
    assert error.format == "json"
    assert error.message.startswith("invalid JSON: ")
    assert str(error).startswith(f"feed.json:{line}:{column}: invalid JSON: ")
    assert str(error).split("\n")[0].endswith(" [json]")


def test_invalid_json_excerpt() -> None:
    with pytest.raises(ParseError) as excinfo:
        from_json('{"title": "Rain", "language": en}')
    assert excinfo.value.excerpt is not None
    assert "en}" in excinfo.value.excerpt
    assert str(excinfo.value).endswith("\n    " + excinfo.value.excerpt)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # The 'x' is character 7 of a text that starts at line 5, column 3.
        ('{"a": x}', 5, 9),
        # The 'x' is on the text's second line, where the start column does not apply.
        ('{"a":\n x}', 6, 2),
    ],
)
def test_loads_positions_are_absolute(text: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as excinfo:
        loads(text, source="feed.jsonl", format="jsonl", line=5, column=3)
    error = excinfo.value
    assert (error.line, error.column) == (line, column)
    assert error.format == "jsonl"
    assert error.source == "feed.jsonl"


def test_deep_nesting_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        from_json("[" * 100_000 + "]" * 100_000)
