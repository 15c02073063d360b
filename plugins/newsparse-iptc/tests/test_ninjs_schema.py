"""Rendered ninjs is valid against a JSON Schema of ninjs 3.0 (``ninjs_schema.py``).

jsonschema comes with the repository's ``test`` dependency group; without it
these tests skip.
"""

from __future__ import annotations

import json

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse_iptc.ninjs.examples import ACCEPTED, CANONICAL
from newsparse_iptc.testing import ninjs_articles
from ninjs_schema import SCHEMA

jsonschema = pytest.importorskip(
    "jsonschema", reason="jsonschema (the test group) is not installed"
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def items_of(text: str) -> list[object]:
    decoder = json.JSONDecoder()
    found, index = [], 0
    while index < len(text.rstrip()):
        value, index = decoder.raw_decode(text, index)
        found.append(value)
        while index < len(text) and text[index] in " \n":
            index += 1
    return found


def validate(text: str) -> None:
    for item in items_of(text):
        VALIDATOR.validate(item)


def test_the_schema_itself_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "item",
    [
        {},  # no uri
        {"uri": "u", "firstcreated": "2024-01-01T00:00:00Z"},  # a ninjs 2 name
        {"uri": "u", "firstCreated": "2024-01-01T00:00:00"},  # no offset
        {"uri": "u", "headlines": [{"role": "main"}]},  # no value
        {"uri": "u", "pubStatus": "draft"},
        {"uri": "u", "urgency": "3"},
        {"uri": "u", "associations": [{"uri": "a"}]},  # no name
    ],
)
def test_the_schema_rejects_what_is_not_ninjs_3(item: object) -> None:
    assert not VALIDATOR.is_valid(item)


def test_the_canonical_example_is_valid() -> None:
    validate(CANONICAL)


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_examples_render_valid(text: str) -> None:
    validate(newsparse.render(newsparse.parse(text, "ninjs"), "ninjs"))


@given(items=st.lists(ninjs_articles(), min_size=1, max_size=2))
def test_every_rendered_article_is_valid(items: list[newsparse.Article]) -> None:
    validate(newsparse.render(items, "ninjs"))
