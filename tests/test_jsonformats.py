"""Tests of the built-in json and jsonl formats: shapes, errors and their positions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from fixtures_plugins import isolated_host
from newsparse import Article, Image, ParseError, PluginError, Section, parse, render
from newsparse._textio import CHUNK_SIZE


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


def collect(text: str | bytes, format_name: str) -> tuple[list[str], list[ParseError]]:
    """Parse in on_error mode; return the titles kept and the errors reported."""
    errors: list[ParseError] = []
    titles = [article.title for article in parse(text, format_name, on_error=errors.append)]
    return titles, errors


def positions(errors: list[ParseError]) -> list[tuple[int, int]]:
    return [(error.line, error.column) for error in errors]


FULL_LINE = (
    '{"title": "Oman hosts talks", "body": [{"heading": null, "paragraphs": '
    '["First.", "Second\\nline."]}, {"heading": "Reactions", "paragraphs": []}], '
    '"images": [{"url": "https://example.com/a.jpg", "alt": null, "caption": "Muscat", '
    '"credit": "AFP"}], "authors": ["A. Writer"], "published": "2025-04-29T09:30:00+03:00", '
    '"modified": null, "url": "https://example.com/news/1", "publisher": "Example News", '
    '"language": "en", "topics": ["Iran", "Oman"], "summary": "Talks.", '
    '"meta": {"example.id": "1"}}'
)
FULL = Article(
    title="Oman hosts talks",
    body=(
        Section(paragraphs=("First.", "Second\nline.")),
        Section(heading="Reactions"),
    ),
    images=(Image(url="https://example.com/a.jpg", caption="Muscat", credit="AFP"),),
    authors=("A. Writer",),
    published=datetime(2025, 4, 29, 9, 30, tzinfo=timezone(timedelta(hours=3))),
    url="https://example.com/news/1",
    publisher="Example News",
    language="en",
    topics=("Iran", "Oman"),
    summary="Talks.",
    meta={"example.id": "1"},
)


# --- json: shapes -------------------------------------------------------------


def test_json_array_of_articles() -> None:
    assert parse('[{"title": "A"}, {"title": "B"}]', "json") == [
        Article(title="A"),
        Article(title="B"),
    ]


def test_json_single_object() -> None:
    assert parse('  {"title": "A"}\n', "json") == [Article(title="A")]


@pytest.mark.parametrize("text", ["[]", "  [ ]  ", "\n[\n]\n", "[]\r\n"])
def test_json_empty_array(text: str) -> None:
    assert parse(text, "json") == []


def test_json_every_field() -> None:
    assert parse("[" + FULL_LINE + "]", "json") == [FULL]
    [article] = parse(FULL_LINE, "json")
    assert article.published is not None
    assert article.published.utcoffset() == timedelta(hours=3)


def test_json_escapes_are_decoded() -> None:
    text = '[{"title": "Caf\\u00e9 \\"quoted\\" \\ud83d\\uddde"}]'
    assert parse(text, "json") == [Article(title='Café "quoted" \U0001f5de')]


def test_json_renders_an_indented_array() -> None:
    expected = (
        "[\n"
        "  {\n"
        '    "title": "Café",\n'
        '    "body": [],\n'
        '    "images": [],\n'
        '    "authors": [],\n'
        '    "published": null,\n'
        '    "modified": null,\n'
        '    "url": null,\n'
        '    "publisher": null,\n'
        '    "language": null,\n'
        '    "topics": [],\n'
        '    "summary": null,\n'
        '    "meta": {}\n'
        "  },\n"
        "  {\n"
        '    "title": "B",\n'
        '    "body": [],\n'
        '    "images": [],\n'
        '    "authors": [\n'
        '      "X"\n'
        "    ],\n"
        '    "published": null,\n'
        '    "modified": null,\n'
        '    "url": null,\n'
        '    "publisher": null,\n'
        '    "language": null,\n'
        '    "topics": [],\n'
        '    "summary": null,\n'
        '    "meta": {}\n'
        "  }\n"
        "]\n"
    )
    assert render([Article(title="Café"), Article(title="B", authors=["X"])], "json") == expected
    assert render([], "json") == "[]\n"


def test_json_round_trips_every_field() -> None:
    assert parse(render([FULL, FULL], "json"), "json") == [FULL, FULL]


def test_json_article_longer_than_a_chunk() -> None:
    summary = "word " * (3 * CHUNK_SIZE // 5) + "end"
    articles = [Article(title="Long", summary=summary), Article(title="Next")]
    assert parse(render(articles, "json"), "json") == articles
    assert parse(render(articles, "json").encode(), "json") == articles


# --- json: errors and their positions ---------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("", 1, 1, "found the end of the input"),
        ("   \n  ", 2, 3, "found the end of the input"),
        ("nope", 1, 1, "found 'n'"),
        ('"title"', 1, 1, "expected a JSON array or object"),
        # ']' after the comma on line 2 is character 17: 2 spaces + '{"title": "B",'.
        ('[{"title": "A"},\n  {"title": "B",]', 2, 17, "Expecting property name"),
        # 'tru' starts after '  {"title": ' (12 characters) on line 3.
        ('[\n  {"title": "A"},\n  {"title": tru}\n]', 3, 13, "Expecting value"),
        # The second '{' is character 17; a comma was expected there.
        ('[{"title": "A"} {"title": "B"}]', 1, 17, "expected ',' or ']'"),
        # The input ends after 15 characters: column 16.
        ('[{"title": "A"}', 1, 16, "expected ',' or ']'"),
        ('[{"title": "A"},', 1, 17, "not closed"),
        ('[{"title": "A"},\n\n', 3, 1, "not closed"),
        # A raw newline inside a string: it is character 14 of line 1.
        ('[{"title": "A\n"}]', 1, 14, "Invalid control character"),
    ],
)
def test_json_syntax_errors_name_line_and_column(
    text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(ParseError) as caught:
        parse(text, "json")
    error = caught.value
    assert (error.line, error.column) == (line, column), str(error)
    assert message in error.message
    assert error.format == "json"
    assert str(error).startswith(f"<string>:{line}:{column}: ")


def test_json_bad_element_in_the_middle_is_reported_and_the_others_kept() -> None:
    text = '[{"title": "A"},\n {"title": 5},\n {"title": "C"}]'
    titles, errors = collect(text, "json")
    assert titles == ["A", "C"]
    assert positions(errors) == [(2, 2)]
    assert "$.title" in errors[0].message
    with pytest.raises(ParseError) as caught:
        parse(text, "json")
    assert (caught.value.line, caught.value.column) == (2, 2)


@pytest.mark.parametrize(
    ("text", "kept", "where", "message"),
    [
        ('[1, {"title": "B"}]', ["B"], (1, 2), "must be an object"),
        ('[{"title": "A"}, {"title": "B", "x": 1}]', ["A"], (1, 18), "unknown key"),
        ('[{"title": ""}, {"title": "B"}]', ["B"], (1, 2), "must not be empty"),
        ('[{"title": "A"}, {}]', ["A"], (1, 18), "title"),
        (
            '[{"title": "A", "published": "yesterday"},\n{"title": "B"}]',
            ["B"],
            (1, 2),
            "ISO 8601",
        ),
    ],
)
def test_json_invalid_articles(
    text: str, kept: list[str], where: tuple[int, int], message: str
) -> None:
    titles, errors = collect(text, "json")
    assert titles == kept
    assert positions(errors) == [where]
    assert message in errors[0].message


def test_json_duplicate_keys_are_reported() -> None:
    text = '[{"title": "A"},\n {"title": "B", "title": "X"},\n {"title": "C"}]'
    titles, errors = collect(text, "json")
    assert titles == ["A", "C"]
    assert positions(errors) == [(2, 2)]
    assert "duplicate key 'title'" in errors[0].message
    with pytest.raises(ParseError, match="duplicate key 'title'"):
        parse(text, "json")


def test_json_duplicate_keys_in_a_nested_object_are_reported() -> None:
    text = '[{"title": "A", "meta": {"k.a": "1", "k.a": "2"}}, {"title": "B"}]'
    titles, errors = collect(text, "json")
    assert titles == ["B"]
    assert positions(errors) == [(1, 2)]
    assert "duplicate key 'k.a'" in errors[0].message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[{"title": "A"}] x', (1, 18)),
        ('[{"title": "A"}]\n\n  x', (3, 3)),
        ('[{"title": "A"}]]', (1, 17)),
        ('{"title": "A"} {"title": "B"}', (1, 16)),
        ('{"title": "A"}\n[]', (2, 1)),
    ],
)
def test_json_trailing_garbage_is_an_error(text: str, where: tuple[int, int]) -> None:
    titles, errors = collect(text, "json")
    assert titles == ["A"]
    assert positions(errors) == [where]
    assert "after the JSON document" in errors[0].message
    with pytest.raises(ParseError, match="after the JSON document"):
        parse(text, "json")


def test_json_trailing_whitespace_is_fine() -> None:
    assert parse('[{"title": "A"}]\n\t \r\n', "json") == [Article(title="A")]


def test_json_nested_too_deeply_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="nested too deeply"):
        parse("[" + "[" * 100_000, "json")


# --- json: documents longer than one chunk ------------------------------------


def _straddling(value: str, before_boundary: int) -> str:
    """A document whose second article has ``"summary": value``, with ``value``
    starting ``before_boundary`` characters before the first chunk ends."""
    head = '[{"title": "A", "summary": "'
    tail = '"}, {"title": "B", "summary": '
    filler = CHUNK_SIZE - before_boundary - len(head) - len(tail)
    text = head + "y" * filler + tail + value + "}]"
    assert text.index(value, len(head) + filler) == CHUNK_SIZE - before_boundary
    return text


@pytest.mark.parametrize("before_boundary", [1, 4, 5, 20])
def test_json_values_on_a_chunk_boundary(before_boundary: int) -> None:
    titles, errors = collect(_straddling("null", before_boundary), "json")
    assert (titles, errors) == (["A", "B"], [])
    titles, errors = collect(_straddling('"caf\\u00e9"', before_boundary + 10), "json")
    assert (titles, errors) == (["A", "B"], [])


@pytest.mark.parametrize("before_boundary", [2, 3])
def test_json_null_cut_by_the_chunk_boundary(before_boundary: int) -> None:
    titles, errors = collect(_straddling("null", before_boundary), "json")
    assert [str(error) for error in errors] == []
    assert titles == ["A", "B"]


def test_json_unicode_escape_cut_by_the_chunk_boundary() -> None:
    # '"\u0' before the boundary, '0e9"' after it.
    titles, errors = collect(_straddling('"\\u00e9"', 4), "json")
    assert [str(error) for error in errors] == []
    assert titles == ["A", "B"]


def test_json_duplicate_key_in_a_long_article_is_reported() -> None:
    text = (
        '[{"title": "A", "body": [{"heading": "H", "heading": "I"}], "summary": "'
        + "x" * (CHUNK_SIZE + 1000)
        + '"}, {"title": "B"}]'
    )
    try:
        titles, errors = collect(text, "json")
    except PluginError as error:
        raise AssertionError(str(error)) from error
    assert titles == ["B"]
    assert positions(errors) == [(1, 2)]
    assert "duplicate key 'heading'" in errors[0].message


# --- jsonl ----------------------------------------------------------------------


def test_jsonl_one_article_per_line() -> None:
    assert parse('{"title": "A"}\n{"title": "B"}\n', "jsonl") == [
        Article(title="A"),
        Article(title="B"),
    ]
    assert parse('{"title": "A"}', "jsonl") == [Article(title="A")]
    assert parse("", "jsonl") == []


def test_jsonl_blank_lines_are_ignored() -> None:
    text = '\n{"title": "A"}\n\n   \n\t\n{"title": "B"}\r\n\r\n'
    assert collect(text, "jsonl") == (["A", "B"], [])


def test_jsonl_bad_lines_are_reported_with_their_line_numbers() -> None:
    text = (
        '{"title": "A"}\n'  # 1
        "\n"  # 2
        "not json\n"  # 3
        '{"title": "B"}\n'  # 4
        '{"title": ""}\n'  # 5
        '{"title": "C", "title": "D"}\n'  # 6
        '["a list"]\n'  # 7
        '{"title": "E",}\n'  # 8: '}' is character 15
        '{"title": "F"}\n'  # 9
    )
    titles, errors = collect(text, "jsonl")
    assert titles == ["A", "B", "F"]
    assert positions(errors) == [(3, 1), (5, 1), (6, 1), (7, 1), (8, 15)]
    messages = [error.message for error in errors]
    assert "invalid JSON" in messages[0]
    assert "must not be empty" in messages[1]
    assert "duplicate key 'title'" in messages[2]
    assert "must be an object" in messages[3]
    assert "invalid JSON" in messages[4]
    assert all(error.format == "jsonl" for error in errors)


def test_jsonl_without_on_error_raises_the_first_problem() -> None:
    with pytest.raises(ParseError) as caught:
        parse('{"title": "A"}\n{"title": 1}\n{"title": ""}\n', "jsonl")
    assert (caught.value.line, caught.value.column) == (2, 1)
    assert "$.title" in caught.value.message


def test_jsonl_renders_compact_lines() -> None:
    assert render([FULL], "jsonl") == FULL_LINE + "\n"
    assert render([Article(title="Café")], "jsonl") == (
        '{"title": "Café", "body": [], "images": [], "authors": [], "published": null, '
        '"modified": null, "url": null, "publisher": null, "language": null, "topics": [], '
        '"summary": null, "meta": {}}\n'
    )
    assert render([], "jsonl") == ""


def test_jsonl_every_field() -> None:
    assert parse(FULL_LINE + "\n" + FULL_LINE, "jsonl") == [FULL, FULL]


def test_jsonl_nested_too_deeply_is_a_parse_error() -> None:
    titles, errors = collect('{"title": "A"}\n' + "[" * 100_000 + "\n", "jsonl")
    assert titles == ["A"]
    assert positions(errors) == [(2, 1)]
    assert "nested too deeply" in errors[0].message
