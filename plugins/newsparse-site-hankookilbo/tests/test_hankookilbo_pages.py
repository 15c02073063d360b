"""The site parser against every Hankook Ilbo page of the fundus corpus.

Each page is parsed through the public API with the plugin installed, and
each field is compared with the corpus's expected value by
:class:`newsparse.testing.SitePageTests`.  Where the corpus disagrees with the
page itself, a :class:`~newsparse.testing.Gap` says what the page says.
"""

from __future__ import annotations

from pathlib import Path

from newsparse.testing import Gap, SitePageTests

# The corpus lives beside the repository (see conftest.py).  One page of it,
# cut down, is kept in excerpt/ (its README names the source), so that these
# tests run in a clone without the corpus too.
FUNDUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "fundus"
EXCERPT = Path(__file__).resolve().parent / "excerpt"


def _standfirst_keeps_its_lines(parsed: str | None, corpus: str | None) -> None:
    # The parser keeps the three <br>-separated lines of the standfirst; apart
    # from the breaks the text is the corpus's.
    assert parsed is not None
    assert corpus is not None
    assert parsed.replace("\n", "") == corpus
    assert parsed.count("\n") == 2


class TestHankookIlboPages(SitePageTests):
    """Every field of every Hankook Ilbo page."""

    publisher = "HankookIlbo"
    folders = (("fundus", FUNDUS), ("excerpt", EXCERPT))
    gaps = (
        Gap(
            field="authors",
            version="V3",
            reason=(
                "the corpus takes the author meta tag, '박준석 기자 외 1명' ('reporter Park"
                " Jun-seok and 1 other'), a byline summary, not a name; the page's JSON-LD"
                " names both authors"
            ),
            expected=("박준석", "김태연"),
        ),
        Gap(
            field="summary",
            version="V1",
            reason=(
                "the standfirst is three lines separated by <br>, and the corpus glues them"
                " without any break, while for the same markup on V2 and V3 it keeps one"
                " line each"
            ),
            check=_standfirst_keeps_its_lines,
        ),
    )
