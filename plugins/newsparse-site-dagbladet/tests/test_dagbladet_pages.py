"""The site parser against every Dagbladet page of the fundus corpus.

Each page is parsed through the public API with the plugin installed, and
each field is compared with the corpus's expected value.  Where the corpus
disagrees with the page itself, the test checks what the page says and the
comment names the gap.
"""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path

import pytest
from newsparse.testing.sitepages import SitePage, as_given, normalized, page_params, parse_page

PUBLISHER = "Dagbladet"
# The corpus lives beside the repository (see conftest.py).
FUNDUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "fundus"
# One page of the corpus, cut down, is kept here (excerpt/README.md names its
# source), so that these tests run in a clone without the corpus too.
EXCERPT = Path(__file__).resolve().parent / "excerpt"
PAGES = [
    *page_params(FUNDUS, PUBLISHER),
    *(
        pytest.param(*param.values, id=f"excerpt-{param.id}")
        for param in page_params(EXCERPT, PUBLISHER)
    ),
]

parsed = functools.cache(parse_page)


@pytest.mark.parametrize("page", PAGES)
def test_title(page: SitePage) -> None:
    assert normalized(parsed(page).title) == normalized(page.title)


@pytest.mark.parametrize("page", PAGES)
def test_authors(page: SitePage) -> None:
    assert set(parsed(page).authors) == set(page.authors)


@pytest.mark.parametrize("page", PAGES)
def test_published(page: SitePage) -> None:
    published = parsed(page).published
    expected = datetime.fromisoformat(page.published)
    assert published is not None
    # The corpus may give the wall-clock time the page shows, or the time to the minute.
    assert as_given(published, expected) == expected


@pytest.mark.parametrize("page", PAGES)
def test_summary(page: SitePage) -> None:
    summary = parsed(page).summary
    if page.version == "V1_1":
        # Gap: the corpus appends "Sammendraget er laget av ChatGPT og godkjent av
        # Dagbladet." ("The summary was written by ChatGPT..."), the note at the
        # foot of the "Kort fortalt" AI summary box in the body, whose bullet
        # points it leaves out.  The note is about that box, not the standfirst,
        # so the parser gives the standfirst alone: the corpus's first line.
        assert page.summary is not None
        standfirst, note = page.summary.split("\n")
        assert summary == standfirst
        assert note.startswith("Sammendraget er laget av ChatGPT")
        return
    assert summary == page.summary


@pytest.mark.parametrize("page", PAGES)
def test_sections(page: SitePage) -> None:
    sections = tuple((s.heading, s.paragraphs) for s in parsed(page).body)
    if page.version == "V1_1":
        # Gap: the page has two crossheads (h2 "Usannsynlig", h2 "Testet
        # missiler") that the corpus leaves out, so it has one section where the
        # page has three.  The parser keeps them; the paragraphs, in order, are
        # the corpus's.
        assert [heading for heading, _ in sections] == [None, "Usannsynlig", "Testet missiler"]
        paragraphs = tuple(p for _, section in sections for p in section)
        assert paragraphs == tuple(p for _, section in page.sections for p in section)
        return
    assert sections == page.sections
