"""The reference page of ``newsml1`` names every meta key, and the formats page lists it."""

from __future__ import annotations

from pathlib import Path

from newsparse_iptc.newsml1 import names

PAGES = Path(__file__).resolve().parents[3] / "docs" / "reference" / "formats"


def test_reference_page_names_every_meta_key() -> None:
    page = (PAGES / "newsml1.md").read_text(encoding="utf-8")
    for key in names.META_KEYS:
        assert f'meta["{key}"]' in page, key


def test_every_meta_key_is_a_name_of_the_module() -> None:
    declared = {
        value
        for name, value in vars(names).items()
        if name.isupper() and isinstance(value, str) and value.startswith("newsml1.")
    }
    assert declared == set(names.META_KEYS)


def test_the_formats_page_lists_newsml1() -> None:
    index = (PAGES / "index.md").read_text(encoding="utf-8")
    assert "\nnewsml1\n" in index
    assert "[`newsparse-iptc`](newsml1.md)" in index
