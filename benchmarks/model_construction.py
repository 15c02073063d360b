"""How long building one article takes: paragraph sections, and (where the model has them) blocks.

Builds ``--count`` articles of a typical wire shape (a title, two authors, a
date, an image, three sections of four paragraphs) and prints the best of
``--repeat`` runs in microseconds per article:

* ``paragraphs``: ``Section(paragraphs=[...])``, the way every format built
  sections before blocks existed (and TT still does);
* ``blocks``: the same text as ``Paragraph`` blocks plus, per article, one
  list, one table and one paragraph with a link, built with
  ``Section(blocks=[...])`` (skipped on a newsparse without blocks).

Run it on two checkouts to compare them (``PYTHONPATH=path/to/src``); on one
machine at one time, since absolute times depend on both.

Usage::

    python benchmarks/model_construction.py --count 20000 --repeat 5
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import newsparse
from newsparse import Article, Image, Section

ZONE = timezone(timedelta(hours=3))
WHEN = datetime(2025, 4, 29, 9, 30, tzinfo=ZONE)
TEXTS = [
    f"Paragraph {n}: officials said on Tuesday that talks would resume next week in Riyadh."
    for n in range(12)
]


def with_paragraphs() -> Article:
    """Build one article the way paragraph-only formats do."""
    return Article(
        title="Talks resume in Riyadh",
        authors=["A. Writer", "B. Reporter"],
        published=WHEN,
        images=[Image(url="https://example.com/a.jpg", caption="Delegates")],
        body=[
            Section(heading=None if n == 0 else f"Part {n}", paragraphs=TEXTS[4 * n : 4 * n + 4])
            for n in range(3)
        ],
    )


def with_blocks() -> Article:
    """Build one article with paragraph blocks, a list, a table and a link."""
    # Imported here: the script also runs on releases without blocks.
    from newsparse import (  # noqa: PLC0415
        Block,
        ListBlock,
        ListItem,
        Mark,
        Paragraph,
        Table,
        TableCell,
        TableRow,
    )

    link = Mark(kind="link", start=0, end=9, href="https://example.com/p")
    cells = [TableCell(text="Ajax"), TableCell(text="61")]
    extra = [
        Paragraph(text=TEXTS[0], marks=[link]),
        ListBlock(items=[ListItem(text=text) for text in TEXTS[:3]]),
        Table(rows=[TableRow(cells=cells) for _ in range(3)]),
    ]
    sections = []
    for n in range(3):
        blocks: list[Block] = [Paragraph(text=text) for text in TEXTS[4 * n : 4 * n + 4]]
        if n == 2:
            blocks += extra
        sections.append(Section(heading=None if n == 0 else f"Part {n}", blocks=blocks))
    return Article(
        title="Talks resume in Riyadh",
        authors=["A. Writer", "B. Reporter"],
        published=WHEN,
        images=[Image(url="https://example.com/a.jpg", caption="Delegates")],
        body=sections,
    )


def best_microseconds(build: Callable[[], Article], count: int, repeat: int) -> float:
    """Return the best time of ``repeat`` runs of ``count`` builds, per article, in µs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(count):
            build()
        best = min(best, time.perf_counter() - start)
    return best / count * 1e6


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    print(f"newsparse {newsparse.__file__}")
    plain = best_microseconds(with_paragraphs, options.count, options.repeat)
    print(f"paragraphs: {plain:7.2f} µs per article (12 paragraphs in 3 sections)")
    if hasattr(newsparse, "Paragraph"):
        rich = best_microseconds(with_blocks, options.count, options.repeat)
        print(f"blocks:     {rich:7.2f} µs per article (the same, plus a list, a table, a link)")
    else:
        print("blocks:     (this newsparse has no blocks)")


if __name__ == "__main__":
    main()
