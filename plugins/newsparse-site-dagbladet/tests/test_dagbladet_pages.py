"""The site parser against every Dagbladet page of the fundus corpus.

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

Sections = tuple[tuple[str | None, tuple[str, ...]], ...]


def _standfirst_without_the_ai_note(parsed: str | None, corpus: str | None) -> None:
    assert corpus is not None
    standfirst, note = corpus.split("\n")
    assert parsed == standfirst
    assert note.startswith("Sammendraget er laget av ChatGPT")


def _crossheads_kept(parsed: Sections, corpus: Sections) -> None:
    assert [heading for heading, _ in parsed] == [None, "Usannsynlig", "Testet missiler"]
    paragraphs = tuple(p for _, section in parsed for p in section)
    assert paragraphs == tuple(p for _, section in corpus for p in section)


class TestDagbladetPages(SitePageTests):
    """Every field of every Dagbladet page."""

    publisher = "Dagbladet"
    folders = (("fundus", FUNDUS), ("excerpt", EXCERPT))
    gaps = (
        Gap(
            field="summary",
            version="V1_1",
            reason=(
                "the corpus appends 'Sammendraget er laget av ChatGPT og godkjent av"
                " Dagbladet.', the note at the foot of the 'Kort fortalt' AI summary box in"
                " the body; it is about that box, so the standfirst is the first line alone"
            ),
            check=_standfirst_without_the_ai_note,
        ),
        Gap(
            field="sections",
            version="V1_1",
            reason=(
                "the page has two crossheads (h2 'Usannsynlig', h2 'Testet missiler') that"
                " the corpus leaves out; the paragraphs, in order, are the corpus's"
            ),
            check=_crossheads_kept,
        ),
    )
