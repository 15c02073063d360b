"""The model's fast text checks agree with the rule written out plainly.

The constructors check text at C speed (``str.isprintable`` for short texts,
a scan of the UTF-8 bytes for long ones and for all paragraphs of a section at
once).  These tests compare them with a character-by-character reading of the
invariant in :mod:`newsparse._model`, on text built to hit every edge: each
forbidden character, the whitespace :meth:`str.strip` removes, non-ASCII text
whose UTF-8 bytes look like C1 controls, and lengths on both sides of the
short-text limit.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import Article, Image, Section, ValidationError
from newsparse._model import text_problem


def _forbidden(char: str) -> bool:
    code = ord(char)
    return (
        (code < 0x20 and char not in "\t\n")
        or 0x7F <= code <= 0x9F
        or code in (0x2028, 0x2029)
        or 0xD800 <= code <= 0xDFFF
    )


def expected_valid(value: str, *, single_line: bool) -> bool:
    """The invariant, one character at a time."""
    return (
        value != ""
        and value == value.strip()
        and not any(_forbidden(char) for char in value)
        and not (single_line and "\n" in value)
    )


# Characters chosen to meet every branch: plain letters, the allowed
# whitespace, every forbidden class, Unicode spaces that strip() removes,
# U+00A0..U+00FF (UTF-8 lead byte C2/C3 like the C1 controls), format
# characters that are valid but not printable, RTL and non-BMP text.
_CHARS = st.sampled_from(
    [
        *"aZ09 .,é",
        "\t",
        "\n",
        "\x00",
        "\x08",
        "\x0b",
        "\x0c",
        "\r",
        "\x1b",
        "\x1c",
        "\x1f",
        "\x7f",
        "\x80",
        "\x85",
        "\x9f",
        "\xa0",
        "\xa9",
        "\xad",
        "\u200b",
        "\u200d",
        "\u2028",
        "\u2029",
        "\u3000",
        "\ud800",
        "\udfff",
        "\ufeff",
        "\u0627",
        "\U0001f600",
    ]
)
_CLEAN = st.sampled_from([*"abc xyz", "\xe9", "\xa0", "\u0627", "\U0001f600", "\u200d"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """Mostly clean text of any length, with a few arbitrary characters spliced in."""
    length = draw(st.sampled_from([1, 5, 199, 200, 201, 600]))
    chars = draw(st.lists(_CLEAN, min_size=length, max_size=length))
    for _ in range(draw(st.integers(0, 2))):
        chars.insert(draw(st.integers(0, len(chars))), draw(_CHARS))
    return "".join(chars)


@pytest.mark.parametrize("single_line", [True, False])
@given(value=st.one_of(_texts(), st.text(_CHARS, max_size=8)))
def test_text_problem_matches_the_rule(value: str, single_line: bool) -> None:
    assert (text_problem(value, single_line=single_line) is None) == expected_valid(
        value, single_line=single_line
    )


@given(value=_texts())
def test_every_text_field_applies_the_rule(value: str) -> None:
    cases: list[tuple[Callable[[], object], bool]] = [
        (lambda: Article(title=value), True),
        (lambda: Article(title="T", summary=value), False),
        (lambda: Article(title="T", publisher=value), True),
        (lambda: Article(title="T", authors=[value]), True),
        (lambda: Section(heading=value), True),
        (lambda: Image(caption=value), False),
    ]
    for build, single_line in cases:
        if expected_valid(value, single_line=single_line):
            build()
        else:
            with pytest.raises(ValidationError):
                build()


@given(paragraphs=st.lists(_texts(), min_size=1, max_size=6))
def test_paragraphs_checked_in_bulk_match_the_rule(paragraphs: list[str]) -> None:
    bad = [
        index
        for index, paragraph in enumerate(paragraphs)
        if not expected_valid(paragraph, single_line=False)
    ]
    if not bad:
        assert Section(paragraphs=paragraphs).paragraphs == tuple(paragraphs)
        return
    with pytest.raises(ValidationError) as caught:
        Section(paragraphs=paragraphs)
    assert caught.value.field == f"Section.paragraphs[{bad[0]}]"
