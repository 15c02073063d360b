"""Cutting TT dumps for parallel parsing: only where the grammar leaves no doubt.

The property (newsparse.testing.check_cut_points, check_split): cutting a
dump at any place the format names, and parsing the sides on their own, gives
the articles and errors of the whole.  The dumps here are made to be
ambiguous: body lines that look like a marker run (``TT`` then a number),
articles that end right after their marker (read as "cut off" only at the end
of the input), missing repeated headers, runs of two to six blank lines,
``\\r\\n`` line ends and stray text, next to canonical articles.
"""

from __future__ import annotations

import io

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsparse.testing import check_cut_points, check_split

CANONICAL = [
    "Rain\n\nTT\n20\n\nRain\n\nIt rained.",
    "Sun\n\nA photo of the sun\nTT\n7\n\nSun\n\nA photo of the sun\n\nIt was hot.\n\nVery hot.",
    "TT\n\nTT\n3\n\nTT\n\nA headline that is TT.",
    "Wind\n\nAlt\nCaption\nTT\n8\n\nWind\n\nAlt\nCaption\n\nTT\n\n20",
]
"""Canonical articles, one of them with body paragraphs 'TT' and '20'."""

AMBIGUOUS = [
    "Cut\n\nTT\n20",  # an article that ends at its marker: "cut off" at the end only
    "Short\n\nTT\n20\n\nSho",  # the start of its headline: "cut off" at the end only
    "Flat\n\nTT\n4\n\nFlat\nOne\nTT\n20\nTwo",  # a marker run inside a body without blanks
    "NoRepeat\n\nTT\n5\n\nJust a paragraph.",  # no repeated header
    "Lost paragraph after three blank lines.",  # text that starts no article
    "Head\n\nTT",  # a marker without its number
    "  Spaced  \n\nTT\n9\n\nSpaced\n\nBody.",  # whitespace around a line
    "Odd\n\nA\nB\nC\nTT\n2\n\nOdd\n\nBody.",  # three image lines
    "Rain\n\nTT\n20\n\nRain\n\nIt rained.\nTT\n21",  # a canonical article run into a marker
]

SEPARATORS = [
    "\n\n\n\n",
    "\n\n\n",
    "\n\n",
    "\n",
    "\n\n\n\n\n",
    "\n\n\n\n\n\n\n",
    "\r\n\r\n\r\n\r\n",
]

pieces = st.lists(
    st.tuples(st.sampled_from(CANONICAL + AMBIGUOUS), st.sampled_from(SEPARATORS)),
    min_size=1,
    max_size=12,
)


def dump(parts: list[tuple[str, str]]) -> str:
    return "".join(text + separator for text, separator in parts)


@given(parts=pieces, data=st.data())
def test_every_byte_cut_parses_like_the_whole(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    encoded = dump(parts).encode("utf-8")
    start = data.draw(st.integers(0, len(encoded)), label="window start")
    end = data.draw(st.integers(start, len(encoded)), label="window end")
    check_cut_points("tt", encoded, start, end)


@given(parts=pieces, size=st.integers(1, 300))
def test_every_text_chunk_parses_like_the_whole(parts: list[tuple[str, str]], size: int) -> None:
    check_split("tt", dump(parts), size)


def test_a_canonical_dump_is_cut_between_every_two_articles_after_the_first() -> None:
    text = "\n\n\n\n".join(CANONICAL * 3)
    # Between n articles are n - 1 separators.  A cut follows one, needs a
    # separator in front of the article before it (not after the first
    # separator) and one after the article after it (not after the last).
    assert check_cut_points("tt", text.encode("utf-8")) == len(CANONICAL) * 3 - 3


@pytest.mark.parametrize("ambiguous", AMBIGUOUS)
def test_no_cut_touches_text_that_is_not_canonical(ambiguous: str) -> None:
    blocks = [CANONICAL[0], ambiguous, CANONICAL[1], CANONICAL[2], CANONICAL[0], CANONICAL[3]]
    text = "\n\n\n\n".join(blocks)
    data = text.encode("utf-8")
    cuts = list(newsparse.formats()["tt"].cut_points(data))
    # Only before CANONICAL[2] and the second CANONICAL[0]: a cut needs a
    # canonical block on each side, each with a separator on its far side.
    assert [data[cut:].decode("utf-8").split("\n")[0] for cut in cuts] == ["TT", "Rain"]
    check_cut_points("tt", data)


def test_an_article_cut_off_at_its_marker_is_no_place_to_cut_before() -> None:
    # In the middle of a dump "Cut / TT / 20" is a whole article without a
    # body; at the end of an input it is cut off.  A piece may not end there.
    text = "\n\n\n\n".join([CANONICAL[0], CANONICAL[0], "Cut\n\nTT\n20", CANONICAL[0]])
    whole = newsparse.parse(text, "tt", on_error=lambda error: None)
    assert [article.title for article in whole] == ["Rain", "Rain", "Cut", "Rain"]
    chunks = list(newsparse.formats()["tt"].split(io.StringIO(text), 1))
    assert all(not chunk.text.rstrip("\n").endswith("TT\n20") for chunk in chunks)
    check_split("tt", text, 1)


def test_messages_name_no_line_so_pieces_report_errors_as_the_whole() -> None:
    # Each "Rain" article and its separator take 11 lines, so "Head" is on
    # line 34 and "TT" on 36: the number is missing on line 37.  The error is
    # in the second piece, and its message used to name "(line 36)", which a
    # piece parsed alone counts from its own start.
    text = "\n\n\n\n".join([CANONICAL[0], CANONICAL[0], CANONICAL[0], "Head\n\nTT", CANONICAL[0]])
    errors: list[newsparse.ParseError] = []
    newsparse.parse(text, "tt", on_error=errors.append)
    assert [(error.message, error.line) for error in errors] == [
        ("expected the TT number on the line after 'TT'", 37)
    ]
    check_split("tt", text, len(CANONICAL[0]) * 2)
