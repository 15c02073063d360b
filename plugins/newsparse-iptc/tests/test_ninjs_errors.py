"""Bad ninjs input: a ParseError with line and column; good items are not lost."""

from __future__ import annotations

import json

import newsparse
import pytest
from newsparse import Limits, ParseError

GOOD = '{"uri": "u", "headlines": [{"value": "Good"}]}'


def test_json_syntax_error_position() -> None:
    with pytest.raises(ParseError) as caught:
        newsparse.parse('{\n  "uri": "u",\n  "headlines": [}\n', "ninjs", source="x.json")
    assert (caught.value.line, caught.value.column) == (3, 17)
    assert caught.value.source == "x.json"


def test_a_bad_item_in_an_array_does_not_lose_the_others() -> None:
    text = "[\n" + GOOD + ",\n" + '{"uri": "v"},\n' + "42,\n" + GOOD + "\n]"
    errors: list[ParseError] = []
    articles = newsparse.parse(text, "ninjs", on_error=errors.append)
    assert [article.title for article in articles] == ["Good", "Good"]
    assert [error.message for error in errors] == [
        "no headline: the item has no headline with a value",
        "a ninjs item must be a JSON object",
    ]
    assert all(not error.fatal for error in errors)


def test_a_bad_object_in_a_stream_is_reported_at_its_line() -> None:
    text = GOOD + "\n" + '{"uri": "v"}' + "\n" + GOOD + "\n"
    errors: list[ParseError] = []
    assert len(newsparse.parse(text, "ninjs", on_error=errors.append)) == 2
    assert [(error.line, error.column) for error in errors] == [(2, 1)]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_urgency_that_is_no_number(number: str) -> None:
    with pytest.raises(ParseError, match="urgency"):
        newsparse.parse(
            '{"uri": "u", "urgency": ' + number + ', "headlines": [{"value": "T"}]}', "ninjs"
        )


def test_depth_limits() -> None:
    deep = '{"uri": "u", "headlines": [{"value": "T"}], "x": ' + "[" * 50 + "]" * 50 + "}"
    with pytest.raises(ParseError, match="max_depth"):
        newsparse.parse(deep, "ninjs", limits=Limits(max_depth=20))
    very_deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ParseError):
        newsparse.parse(very_deep, "ninjs", limits=Limits(max_depth=None))


def test_size_limit() -> None:
    big = json.dumps({"uri": "u", "headlines": [{"value": "x" * 5000}]})
    with pytest.raises(ParseError, match="max_article_bytes"):
        newsparse.parse(big, "ninjs", limits=Limits(max_article_bytes=1000))


def test_empty_input_holds_no_item() -> None:
    assert newsparse.parse(" \n", "ninjs") == []


def test_an_html_body_deeper_than_libxml2_reads_is_an_error_not_a_cut() -> None:
    body = "<div>" * 300 + "<p>deep</p>" + "</div>" * 300
    item = {"uri": "u", "headlines": [{"value": "T"}], "bodies": [{"value": body}]}
    with pytest.raises(ParseError, match="HTML parser"):
        newsparse.parse(json.dumps(item), "ninjs")
