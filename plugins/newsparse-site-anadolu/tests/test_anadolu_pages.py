"""The site parser against every Anadolu Ajansı page of the fundus corpus.

Each page is parsed through the public API with the plugin installed, and
each field is compared with the corpus's expected value by
:class:`newsparse.testing.SitePageTests`.  Where the corpus disagrees with the
page itself, a :class:`~newsparse.testing.Gap` says what the page says.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from newsparse.testing import Gap, SitePageTests

# The corpus lives beside the repository (see conftest.py).  One page of it,
# cut down, is kept in excerpt/ (its README names the source), so that these
# tests run in a clone without the corpus too.
FUNDUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "fundus"
EXCERPT = Path(__file__).resolve().parent / "excerpt"


def _read_day_first(parsed: datetime | None, corpus: datetime) -> None:
    # The page prints "05.04.2025" (fetched on 5 April 2025) and nothing else
    # about the date; the corpus read it month first, as 4 May 2025.
    assert parsed is not None
    assert (parsed.year, parsed.month, parsed.day) == (corpus.year, corpus.day, corpus.month)


class TestAnadoluPages(SitePageTests):
    """Every field of every Anadolu Ajansı page."""

    publisher = "AnadoluAjansi"
    folders = (("fundus", FUNDUS), ("excerpt", EXCERPT))
    gaps = (
        Gap(
            field="published",
            version="V1",
            reason=(
                "the page writes dates day first, as Turkish dates are; the corpus read"
                " it month first"
            ),
            check=_read_day_first,
        ),
    )

    def test_dates_without_an_offset_are_turkish_time(self, page: object) -> None:
        """The site writes no offset; its dates are UTC+03:00."""
        if page is None:
            pytest.skip("no page")
        published = self.parsed(page).published  # type: ignore[arg-type]
        assert published is not None
        assert published.utcoffset() == timedelta(hours=3)
