"""Detection across every page of the shared news corpora: a page is html, never a wire format.

The wire and IPTC files are checked file by file in ``test_wire_coverage.py``;
this test takes the other side: none of the 700-odd real web pages of the
scrapinghub, fundus and readability corpora (``../shared/corpora``, outside
the repository; skipped when absent) may be taken for ANPA 1312, IPTC 7901,
NewsML 1.x, NewsML-G2, NITF, ninjs, RSS, Atom, TT or JSON.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsparse

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
PAGE_FOLDERS = ("scrapinghub/html", "fundus/test_data", "readability")


def pages() -> list[Path]:
    found: list[Path] = []
    for folder in PAGE_FOLDERS:
        found.extend(sorted((CORPORA / folder).rglob("*.html.gz")))
    return found


@pytest.mark.skipif(
    not CORPORA.is_dir(), reason="../shared/corpora is absent (not in a user's clone)"
)
def test_every_corpus_page_is_detected_as_html() -> None:
    found = pages()
    assert len(found) > 500, f"expected the three page corpora, found {len(found)} pages"
    wrong = {}
    for path in found:
        try:
            name = newsparse.detect(path).name
        except newsparse.UnknownFormatError as error:
            name = f"unknown ({error})"
        if name != "html":
            wrong[str(path.relative_to(CORPORA))] = name
    assert not wrong, f"pages taken for another format: {wrong}"
