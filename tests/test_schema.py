"""Tests of the JSON Schema shipped with newsparse (newsparse._jsonio.json_schema)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

import newsparse
from newsparse import Article, ValidationError
from newsparse._jsonio import from_dict, json_schema, to_dict
from newsparse.testing import articles

FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER


def validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema(), format_checker=FORMAT_CHECKER)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_check_schema_can_fail() -> None:
    with pytest.raises(SchemaError):
        Draft202012Validator.check_schema({"type": "text"})


def test_schema_ships_in_the_package() -> None:
    resource = files("newsparse").joinpath("schemas").joinpath("article.schema.json")
    assert resource.is_file()
    assert json.loads(resource.read_text("utf-8")) == json_schema()
    package_dir = Path(newsparse.__file__).resolve().parent
    path = Path(str(resource)).resolve()
    assert path == package_dir / "schemas" / "article.schema.json"


@given(articles())
def test_generated_articles_match_the_schema(article: Article) -> None:
    validator().validate(to_dict(article))


GOOD_DOCUMENTS = [
    pytest.param({"title": "Rain"}, id="title-only"),
    pytest.param(to_dict(Article(title="Rain")), id="to-dict-minimal"),
    pytest.param(
        {
            "title": "الشرق الأوسط",
            "body": [
                {"heading": "Intro", "paragraphs": ["First.", "Second\nline."]},
                {"paragraphs": ["Third."]},
                {"heading": "End"},
            ],
            "images": [{"caption": "A caption"}, {"url": "https://example.com/a.jpg", "alt": None}],
            "authors": ["A. Writer", "B. Writer"],
            "published": "2020-11-24T09:30:00+03:30",
            "modified": None,
            "url": "https://example.com/news/1",
            "publisher": "Asharq Al-Awsat",
            "language": "pt-BR",
            "topics": ["politics"],
            "summary": "Short.",
            "meta": {"tt.number": "20", "x.empty": "", "x.padded": " a\nb "},
        },
        id="full",
    ),
]


@pytest.mark.parametrize("document", GOOD_DOCUMENTS)
def test_schema_accepts(document: dict[str, Any]) -> None:
    assert list(validator().iter_errors(document)) == []
    from_dict(document)


BAD_DOCUMENTS = [
    pytest.param({}, id="missing-title"),
    pytest.param({"body": []}, id="missing-title-with-body"),
    pytest.param({"title": "Rain", "extra": 1}, id="extra-key"),
    pytest.param({"title": "Rain "}, id="title-trailing-space"),
    pytest.param({"title": " Rain"}, id="title-leading-space"),
    pytest.param({"title": "Rain\n"}, id="title-trailing-newline"),
    pytest.param({"title": "Rain\u00a0"}, id="title-trailing-nbsp"),
    pytest.param({"title": ""}, id="title-empty"),
    pytest.param({"title": "Rain\nfalls"}, id="title-newline"),
    pytest.param({"title": "Ra\u0000in"}, id="title-nul"),
    pytest.param({"title": "Ra\u0085in"}, id="title-nel"),
    pytest.param({"title": "Ra\u2028in"}, id="title-line-separator"),
    pytest.param({"title": 5}, id="title-number"),
    pytest.param({"title": None}, id="title-null"),
    pytest.param({"title": "Rain", "summary": ""}, id="summary-empty"),
    pytest.param({"title": "Rain", "publisher": "A\nB"}, id="publisher-newline"),
    pytest.param(
        {"title": "Rain", "body": [{"heading": None, "paragraphs": []}]}, id="section-nulls"
    ),
    pytest.param({"title": "Rain", "body": [{}]}, id="section-empty"),
    pytest.param({"title": "Rain", "body": [{"paragraphs": []}]}, id="section-no-paragraphs"),
    pytest.param({"title": "Rain", "body": [{"heading": None}]}, id="section-null-heading"),
    pytest.param({"title": "Rain", "body": [{"heading": "H", "x": 1}]}, id="section-extra-key"),
    pytest.param({"title": "Rain", "body": [{"paragraphs": [""]}]}, id="paragraph-empty"),
    pytest.param({"title": "Rain", "body": ["Text."]}, id="section-string"),
    pytest.param({"title": "Rain", "images": [{}]}, id="image-empty"),
    pytest.param(
        {"title": "Rain", "images": [{"url": None, "alt": None, "caption": None, "credit": None}]},
        id="image-all-null",
    ),
    pytest.param({"title": "Rain", "images": [{"url": "a b"}]}, id="image-url-space"),
    pytest.param({"title": "Rain", "meta": {"tt.number": 20}}, id="meta-number"),
    pytest.param({"title": "Rain", "meta": {"tt.number": None}}, id="meta-null"),
    pytest.param({"title": "Rain", "meta": {"a b": "x"}}, id="meta-key-space"),
    pytest.param({"title": "Rain", "meta": {".x": "x"}}, id="meta-key-dot"),
    pytest.param({"title": "Rain", "language": "e"}, id="language-one-letter"),
    pytest.param({"title": "Rain", "language": "en_US"}, id="language-underscore"),
    pytest.param({"title": "Rain", "language": "en-"}, id="language-trailing-hyphen"),
    pytest.param({"title": "Rain", "language": ""}, id="language-empty"),
    pytest.param({"title": "Rain", "authors": ["A", "A"]}, id="authors-duplicate"),
    pytest.param({"title": "Rain", "authors": "A"}, id="authors-string"),
    pytest.param({"title": "Rain", "topics": ["a\nb"]}, id="topic-newline"),
    pytest.param({"title": "Rain", "url": "https://example.com/a b"}, id="url-space"),
    pytest.param({"title": "Rain", "url": ""}, id="url-empty"),
    pytest.param({"title": "Rain", "published": 1600000000}, id="published-number"),
]


@pytest.mark.parametrize("document", BAD_DOCUMENTS)
def test_schema_rejects(document: dict[str, Any]) -> None:
    assert not validator().is_valid(document)


@pytest.mark.parametrize("document", BAD_DOCUMENTS)
def test_from_dict_agrees_with_schema(document: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        from_dict(document)


@pytest.mark.skipif(
    "date-time" not in FORMAT_CHECKER.checkers,
    reason="jsonschema checks date-time only with rfc3339-validator installed",
)
@pytest.mark.parametrize("value", ["yesterday", "2020-11-24", "2020-11-24T09:30:00"])
def test_schema_checks_date_time_format(value: str) -> None:
    assert not validator().is_valid({"title": "Rain", "published": value})


@pytest.mark.parametrize("value", ["a\u0000b", "a\u2028b"])
def test_schema_rejects_control_characters_in_meta(value: str) -> None:
    document = {"title": "Rain", "meta": {"tt.number": value}}
    with pytest.raises(ValidationError):
        from_dict(document)
    assert not validator().is_valid(document)


@pytest.mark.parametrize(
    "document",
    [
        pytest.param({"title": "Rain", "language": "en\n"}, id="language"),
        pytest.param({"title": "Rain", "url": "https://example.com/\n"}, id="url"),
        pytest.param({"title": "Rain", "meta": {"tt.number\n": "20"}}, id="meta-key"),
    ],
)
def test_schema_rejects_trailing_newline(document: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        from_dict(document)
    assert not validator().is_valid(document)
