"""The documentation's examples run, and the examples module is what it says."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import newsparse

import newsparse_aawsat
from newsparse_aawsat import examples


def test_package_doctests_pass() -> None:
    """Every module of the package that shows an example runs it, and it passes."""
    ran = 0
    for info in pkgutil.iter_modules(newsparse_aawsat.__path__, "newsparse_aawsat."):
        module = importlib.import_module(info.name)
        source = inspect.getsource(module)
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
        if ">>> " in source:
            assert result.attempted > 0, f"{module.__name__} shows examples that did not run"
        ran += result.attempted
    result = doctest.testmod(newsparse_aawsat)
    assert result.failed == 0
    assert result.attempted >= 3  # the package docstring parses and renders the seed
    assert ran + result.attempted >= 3


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
