"""The documentation's examples run, and the examples module is what it says."""

from __future__ import annotations

import doctest

import newsparse

import newsparse_aawsat
import newsparse_aawsat.format as tt_format
from newsparse_aawsat import examples


def test_package_doctests_pass() -> None:
    for module in (newsparse_aawsat, tt_format, examples):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__


def test_canonical_examples_have_the_documented_content() -> None:
    rain, two = (newsparse.parse(text, "tt") for text in examples.CANONICAL_EXAMPLES)
    assert [article.title for article in rain] == ["Rain Returns to Riyadh After a Dry Summer"]
    assert rain[0].images[0].alt == "Clouds gather over the Kingdom Centre tower in Riyadh"
    assert [article.meta["tt.number"] for article in two] == ["21", "7"]
    assert two[0].paragraphs[-1] == "TT"
    assert two[0].images == ()
    assert two[1].images[0].alt is None


def test_accepted_examples_are_not_canonical() -> None:
    for text in examples.ACCEPTED_EXAMPLES:
        assert newsparse.render(newsparse.parse(text, "tt"), "tt") != text
