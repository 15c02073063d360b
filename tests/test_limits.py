"""Limits on input size, article size and nesting (newsparse._limits)."""

from __future__ import annotations

import io
import json
from unittest import mock

import pytest

import newsparse
from newsparse import Article, ParseError
from newsparse._jsonio import nested_deeper
from newsparse._limits import DEFAULT_LIMITS, Limits, limits_of, parse_size, utf8_longer_than
from newsparse._source import open_source
from newsparse._textio import CHUNK_SIZE, Input

MiB = 1 << 20


def line(title: str) -> str:
    return '{"title": "' + title + '"}\n'


def collect(data: Input, fmt: str, limits: Limits) -> tuple[list[str], list[ParseError]]:
    errors: list[ParseError] = []
    articles = newsparse.parse(data, fmt, on_error=errors.append, limits=limits)
    return [article.title for article in articles], errors


# --- the Limits object ------------------------------------------------------------


def test_the_defaults() -> None:
    assert Limits() == DEFAULT_LIMITS
    assert (Limits().max_input_bytes, Limits().max_article_bytes, Limits().max_depth) == (
        1024 * MiB,
        64 * MiB,
        256,
    )


@pytest.mark.parametrize("value", [0, -1, 1.5, "10", True])
def test_a_limit_must_be_a_positive_int_or_none(value: object) -> None:
    with pytest.raises(ValueError, match="max_depth must be a positive int or None"):
        Limits(max_depth=value)  # type: ignore[arg-type]
    assert Limits(max_depth=None).max_depth is None


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("512", 512),
        ("64K", 65536),
        ("64kb", 65536),
        ("16MiB", 16 * MiB),
        (" 2 g ", 2 << 30),
        ("7b", 7),
        ("none", None),
        ("Unlimited", None),
    ],
)
def test_sizes_are_read_in_powers_of_1024(text: str, size: int | None) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5", "1.5M", "12 parsecs", "M"])
def test_what_is_not_a_size(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_utf8_length_is_measured_exactly_near_the_limit() -> None:
    assert not utf8_longer_than("abcd", 4)
    assert utf8_longer_than("abcde", 4)
    assert not utf8_longer_than("\u00e9\u00e9", 4)  # 4 bytes
    assert utf8_longer_than("\u00e9\u00e9a", 4)  # 5 bytes in 3 characters
    assert utf8_longer_than("\U0001f5de", 3)
    assert not utf8_longer_than("x" * 10**6, None)


def test_limits_of_a_stream() -> None:
    tight = Limits(max_depth=3)
    reader = open_source(b"x").reader(encoding="utf-8", format_name="t", limits=tight)
    assert limits_of(reader) is tight
    assert limits_of(io.StringIO("x")) is DEFAULT_LIMITS


# --- max_input_bytes: checked while reading, for every format -------------------------


@pytest.mark.parametrize("kind", ["str", "bytes", "binary file", "text file"])
def test_the_articles_before_the_input_limit_are_kept(kind: str) -> None:
    text = line("One") + line("Two") + line("Three")
    limit = len(line("One") + line("Two")) + 5  # five characters into line 3
    inputs: dict[str, Input] = {
        "str": text,
        "bytes": text.encode(),
        "binary file": io.BytesIO(text.encode()),
        "text file": io.StringIO(text),
    }
    data = inputs[kind]
    with (
        mock.patch("newsparse._textio.CHUNK_SIZE", 7),
        mock.patch("newsparse._textio.SAMPLE_SIZE", 7),
    ):
        titles, errors = collect(data, "jsonl", Limits(max_input_bytes=limit))
    assert titles == ["One", "Two"]
    [error] = errors
    assert error.fatal
    assert "larger than the limit of" in error.message
    assert "(max_input_bytes)" in error.message
    assert (error.line, error.column) == (3, 6)


def test_the_input_limit_counts_bytes_not_characters() -> None:
    text = line("\u00e9t\u00e9")
    assert (len(text), len(text.encode())) == (17, 19)
    assert collect(text, "jsonl", Limits(max_input_bytes=17))[0] == ["\u00e9t\u00e9"]
    titles, errors = collect(text.encode(), "jsonl", Limits(max_input_bytes=17))
    assert titles == []  # the limit cuts the closing '"}'
    assert "limit of 17 bytes" in errors[0].message
    assert collect(text.encode(), "jsonl", Limits(max_input_bytes=19))[0] == ["\u00e9t\u00e9"]


def test_an_input_just_at_the_limit_is_read_whole() -> None:
    text = line("One") + line("Two")
    for data in (text, text.encode()):
        assert collect(data, "jsonl", Limits(max_input_bytes=len(text)))[0] == ["One", "Two"]


def test_the_input_limit_stops_a_json_array_and_an_html_page() -> None:
    array = '[{"title": "One"}, {"title": "Two"}, {"title": "Three"}]'
    titles, errors = collect(array.encode(), "json", Limits(max_input_bytes=30))
    assert titles == ["One"]  # the second element is cut by the limit
    assert errors[0].fatal
    page = "<html><head><title>T</title></head><body><p>" + "Words. " * 50 + "</p></body></html>"
    with pytest.raises(ParseError, match="max_input_bytes") as caught:
        newsparse.parse(page.encode(), "html", limits=Limits(max_input_bytes=100))
    assert (caught.value.line, caught.value.column) == (1, 101)


def test_no_input_limit() -> None:
    text = line("x" * 5000) * 3
    assert len(collect(text.encode(), "jsonl", Limits(max_input_bytes=None))[0]) == 3


# --- max_article_bytes: checked by each format --------------------------------------


def test_a_jsonl_line_over_the_article_limit_is_reported_and_the_next_is_read() -> None:
    text = line("One") + line("x" * 200) + line("Three")
    titles, errors = collect(text, "jsonl", Limits(max_article_bytes=100))
    assert titles == ["One", "Three"]
    [error] = errors
    assert not error.fatal
    assert (error.line, error.column) == (2, 1)
    assert "longer than the limit of 100 bytes (max_article_bytes)" in error.message


def test_a_long_jsonl_line_is_never_held_whole() -> None:
    text = line("One") + line("x" * 200_000) + line("Three")
    reader = open_source(text).reader(
        encoding="utf-8", format_name="jsonl", limits=Limits(max_article_bytes=100)
    )
    sizes: list[int] = []
    original = reader.readline

    def readline(size: int = -1, /) -> str:
        result = original(size)
        sizes.append(len(result))
        return result

    reader.readline = readline  # type: ignore[method-assign]
    items = list(newsparse.get_format("jsonl").parse(reader, "in.jsonl"))
    assert [type(item) for item in items] == [Article, ParseError, Article]
    assert max(sizes) <= CHUNK_SIZE < 200_000  # read a piece at a time, never whole


def test_a_json_element_over_the_article_limit_ends_the_parse() -> None:
    array = '[{"title": "One"},\n {"title": "' + "x" * 300 + '"}, {"title": "Three"}]'
    titles, errors = collect(array, "json", Limits(max_article_bytes=100))
    assert titles == ["One"]
    [error] = errors
    assert error.fatal
    assert (error.line, error.column) == (2, 2)
    assert "larger than the limit of 100 bytes (max_article_bytes)" in error.message


def test_an_article_measured_in_utf8_bytes() -> None:
    title = "\u00e9" * 40  # 40 characters, 80 bytes
    for fmt, text in (("jsonl", line(title)), ("json", "[" + line(title) + "]")):
        assert collect(text, fmt, Limits(max_article_bytes=100))[0] == [title]
        titles, errors = collect(text, fmt, Limits(max_article_bytes=80))
        assert titles == []
        assert "max_article_bytes" in errors[0].message


def test_an_html_page_over_the_article_limit() -> None:
    page = "<html><head><title>T</title></head><body><p>" + "Words. " * 50 + "</p></body></html>"
    for data in (page, page.encode()):
        with pytest.raises(ParseError, match="page is larger than the limit of 200 bytes"):
            newsparse.parse(data, "html", limits=Limits(max_article_bytes=200))
        assert newsparse.parse(data, "html", limits=Limits(max_article_bytes=len(page)))


# --- max_depth ----------------------------------------------------------------------


def test_html_nesting_deeper_than_the_limit() -> None:
    page = (
        "<html><head><title>T</title></head><body>\n"
        + "<div>" * 10
        + "<p>Words here.</p>"
        + "</div>" * 10
        + "</body></html>"
    )
    # html, body, ten divs and the p: 13 levels
    assert newsparse.parse(page, "html", limits=Limits(max_depth=13))
    with pytest.raises(ParseError, match=r"nested more than 12 deep \(max_depth\)") as caught:
        newsparse.parse(page, "html", limits=Limits(max_depth=12))
    assert caught.value.line == 2


def test_json_nesting_deeper_than_the_limit() -> None:
    # An article with a body is 4 levels deep: object, array, object, array.
    article = '{"title": "T", "body": [{"paragraphs": ["P."]}]}'
    for fmt, text in (("jsonl", article + "\n"), ("json", "[\n" + article + "]")):
        assert collect(text, fmt, Limits(max_depth=4))[0] == ["T"]
        titles, errors = collect(text, fmt, Limits(max_depth=3))
        assert titles == []
        assert errors[0].message == "JSON nested more than 3 deep (max_depth)"
        assert (errors[0].line, errors[0].column) == ((1, 1) if fmt == "jsonl" else (2, 1))


@pytest.mark.parametrize(
    ("value", "depth"),
    [("[]", 1), ("[[]]", 2), ("{}", 1), ('{"a": [1, {"b": []}]}', 4), ("[1, [2], 3]", 2)],
)
def test_json_depth_is_counted_in_levels(value: str, depth: int) -> None:
    data = json.loads(value)
    text = value + "[" * 10  # enough brackets that the values are walked
    assert not nested_deeper(text, data, depth)
    if depth > 1:
        assert nested_deeper(text, data, depth - 1)
    assert not nested_deeper(value, 5, 1)  # not a container at all
    assert not nested_deeper(text, data, None)


def test_the_brackets_of_the_text_bound_the_depth() -> None:
    assert not nested_deeper("[[[]]]", [[[]]], 3)
    assert nested_deeper("[[[]]]", [[[]]], 2)
