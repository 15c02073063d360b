"""The package's docstring examples run, and the reference page documents every meta key."""

from __future__ import annotations

import doctest
from pathlib import Path

import newsparse
import pytest

import newsparse_iptc
from newsparse_iptc import dates, text, xmlsafe
from newsparse_iptc.newsml_g2 import names as g2_names
from newsparse_iptc.newsml_g2.examples import CANONICAL as G2_CANONICAL
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


def test_newsml_g2_page_names_every_meta_key() -> None:
    page = (PAGE.parent / "newsml-g2.md").read_text(encoding="utf-8")
    for key in g2_names.META_KEYS:
        assert f'meta["{key}"]' in page, key


def test_every_newsml_g2_key_is_in_the_canonical_example_or_the_mapping_tests() -> None:
    seen = set(newsparse.parse(G2_CANONICAL, "newsml-g2")[0].meta)
    # Covered by test_newsml_g2_read.py and test_newsml_g2_corpus.py instead.
    elsewhere = {
        g2_names.INLINE_HEADLINE,
        g2_names.INLINE_ABSTRACT,
        g2_names.FIRST_CREATED,
        g2_names.VERSION_CREATED,
        g2_names.CONTENT_MODIFIED,
        g2_names.EMBARGOED,
        g2_names.PROVIDER_URI,
        g2_names.USAGE_TERMS,
        g2_names.BY,
    }
    assert set(g2_names.META_KEYS) - elsewhere <= seen


def test_the_formats_page_lists_newsml_g2() -> None:
    index = (PAGE.parent / "index.md").read_text(encoding="utf-8")
    assert "\nnewsml-g2\n" in index
    assert "[`newsparse-iptc`](newsml-g2.md)" in index
