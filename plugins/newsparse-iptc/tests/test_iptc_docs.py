"""The package's docstring examples run, and the reference page documents every meta key."""

from __future__ import annotations

import doctest
from pathlib import Path

import newsparse
import pytest

import newsparse_iptc
from newsparse_iptc import dates, text, xmlsafe
from newsparse_iptc.ninjs import names as ninjs_names
from newsparse_iptc.nitf import names
from newsparse_iptc.nitf.examples import ACCEPTED, CANONICAL

PAGE = Path(__file__).resolve().parents[3] / "docs" / "reference" / "formats" / "nitf.md"


@pytest.mark.parametrize("module", [newsparse_iptc, dates, text, xmlsafe, ninjs_names])
def test_module_doctests_pass(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def test_reference_page_names_every_meta_key() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for key in names.META_KEYS:
        assert f'meta["{key}"]' in page, key


def test_every_meta_key_is_in_the_canonical_example_or_refused_tests() -> None:
    seen = set(newsparse.parse(CANONICAL, "nitf")[0].meta)
    seen |= set(newsparse.parse(ACCEPTED, "nitf")[0].meta)
    # The date keys are covered by the mapping tests (test_nitf_read.py).
    dates_only = {names.DATE_ISSUE, names.DATE_RELEASE, names.DATE_EXPIRE}
    assert set(names.META_KEYS) - dates_only <= seen


def test_accepted_example_is_not_canonical() -> None:
    assert newsparse.render(newsparse.parse(ACCEPTED, "nitf"), "nitf") != ACCEPTED


def test_ninjs_page_names_every_meta_key() -> None:
    page = (PAGE.parent / "ninjs.md").read_text(encoding="utf-8")
    for key in ninjs_names.META_KEYS:
        assert f'meta["{key}"]' in page, key
