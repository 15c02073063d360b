"""The Markdown excerpts of real pages in the docs are what newsparse writes today.

``docs/howto/structured-bodies.md`` shows excerpts of the ``markdown`` view
of corpus pages, each fenced block after a ``<!-- rendering: PATH -->``
comment naming the page under ``../shared/corpora``.  This test renders
each page again and checks that the excerpt is part of the output, so the
page cannot drift from the code.  Without the corpora (a user's clone) it
skips.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

import newsparse

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "docs" / "howto" / "structured-bodies.md"
CORPORA = REPO.parent / "shared" / "corpora"
EXCERPT = re.compile(r"<!-- rendering: (\S+) -->\n```markdown\n(.*?)\n```", re.DOTALL)


def excerpts() -> list[tuple[str, str]]:
    return EXCERPT.findall(PAGE.read_text(encoding="utf-8"))


def test_the_page_has_excerpts_of_each_kind() -> None:
    found = "\n".join(text for _, text in excerpts())
    assert len(excerpts()) >= 3
    assert "\n- " in found  # a list
    assert "| --- |" in found  # a table
    assert "\n> " in found  # a quote
    assert re.search(r"\[[^\]]+\]\(<[^>]+>\)", found)  # a link


@pytest.mark.skipif(
    not CORPORA.is_dir(),
    reason=f"the shared corpora are not at {CORPORA} (they live outside the repository)",
)
@pytest.mark.parametrize(("path", "excerpt"), excerpts(), ids=lambda value: str(value)[:40])
def test_each_excerpt_is_part_of_the_rendering_of_its_page(path: str, excerpt: str) -> None:
    data = gzip.decompress((CORPORA / path).read_bytes())
    [article] = newsparse.parse(data, "html")
    assert excerpt in newsparse.render([article], "markdown")
