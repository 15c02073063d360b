"""The conformance kit on ``newsml1``: a read-only format, so the round trips do not apply.

The kit's class declares the examples and says, by skipping, that no
round-trip check applies; what does apply to any reading format is checked
here with the kit's own check: examples cut anywhere or mutated give
articles or ParseErrors only, the same whether errors raise or are
collected, each with a line inside the text.
"""

from __future__ import annotations

import newsparse
from hypothesis import given
from hypothesis import strategies as st
from newsparse.testing import FormatConformance, check_reported_like_raised

from newsparse_iptc.newsml1.examples import (
    BASIC,
    HTML_CDATA,
    PACKAGE,
    PHOTO,
    PLAIN,
    TWO_ITEMS,
    XHTML,
)

EXAMPLES = (BASIC, TWO_ITEMS, PACKAGE, PHOTO, HTML_CDATA, XHTML, PLAIN)


class TestNewsml1Conformance(FormatConformance):
    format_name = "newsml1"
    accepted_examples = EXAMPLES


def test_the_format_is_parse_only() -> None:
    fmt = newsparse.get_format("newsml1")
    assert fmt.can_parse
    assert not fmt.can_render


@given(example=st.sampled_from(EXAMPLES), cut=st.floats(min_value=0, max_value=1))
def test_examples_cut_anywhere_give_only_parse_errors(example: str, cut: float) -> None:
    check_reported_like_raised("newsml1", example[: int(len(example) * cut)])


@given(
    example=st.sampled_from(EXAMPLES),
    data=st.data(),
)
def test_examples_with_a_line_removed_or_doubled(example: str, data: st.DataObject) -> None:
    lines = example.splitlines(keepends=True)
    index = data.draw(st.integers(0, len(lines) - 1), label="line")
    if data.draw(st.booleans(), label="remove"):
        del lines[index]
    else:
        lines.insert(index, lines[index])
    check_reported_like_raised("newsml1", "".join(lines))
