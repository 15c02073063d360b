"""Speed of the ``html`` format against the floor of parsing HTML with lxml.

On the pages of the corpora (scrapinghub and fundus by default, see
``benchmarks/corpora.py``), all decompressed into memory first, it times for
each page, in the same run:

(a) ``lxml.html.document_fromstring(data)``, nothing else: the floor, since
    the format itself parses the page with lxml;
(b) ``newsparse.parse(data, "html")``: the whole format, from bytes to
    ``Article`` objects (a page that raises a ``NewsparseError`` is timed up
    to the error, and counted);
(c) ``trafilatura.extract(text)`` when trafilatura is importable (optional,
    never a dependency): a well-known extractor, for scale.  It is given the
    page decoded to text, as its users usually do; the decoding is not timed.

Each is run ``--repeat`` times per page, interleaved, keeping each one's best
(minimum) time for the page; the minimum is the run least disturbed by the
rest of the machine.  Timing uses ``time.perf_counter``; the garbage
collector stays on, as in real use, but is run before each page.  Before
measuring, every timed function runs once over ``--warmup`` pages, so that
imports, plugin loading and caches are not timed.

It prints the median per-page time of each, the median and 90th percentile of
the per-page ratios newsparse/lxml (goal: a median of at most 3x), the ratio
of the total times, and the same against trafilatura when present.  The
extractor caches what it decided about class names, so a page's later runs
find its own names already judged; the first run of each page is reported
too (as a median ratio to lxml's best), for the cost on a page not seen
before.

The machine these benchmarks run on is shared and noisy: expect ratios to move
by a few tenths between runs.  Raise ``--repeat`` for steadier numbers, and
compare numbers taken in the same run only.

Usage::

    python benchmarks/html_speed.py                       # both corpora, best of 5
    python benchmarks/html_speed.py --corpus fundus --repeat 10
    python benchmarks/html_speed.py --json speed.json     # per-page times too

trafilatura comes with the ``benchmark`` dependency group of the repository
(``pip install -e . --group benchmark``); it is never a dependency of
newsparse.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import corpora
import lxml.html

import newsparse

Timed = Callable[[bytes], object]


def lxml_floor(data: bytes) -> object:
    return lxml.html.document_fromstring(data)


def newsparse_html(data: bytes) -> object:
    try:
        return newsparse.parse(data, "html")
    except newsparse.NewsparseError as error:
        return error


def trafilatura_extract() -> Callable[[str], object] | None:
    """Return ``trafilatura.extract``, or ``None`` when trafilatura is not installed."""
    try:
        module = importlib.import_module("trafilatura")
    except ImportError:
        return None
    extract: Callable[[str], object] = module.extract
    return extract


def seconds(function: Callable[[Any], object], argument: object) -> float:
    """Return how long one call ``function(argument)`` takes."""
    start = time.perf_counter()
    function(argument)
    return time.perf_counter() - start


def percentile(values: Sequence[float], fraction: float) -> float:
    """Return the ``fraction`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


@dataclass
class Timings:
    """Best per-page times in seconds, in page order; ``trafilatura`` is empty without it."""

    lxml: list[float] = field(default_factory=list)
    newsparse: list[float] = field(default_factory=list)
    newsparse_first: list[float] = field(default_factory=list)
    """The first of the runs of each page: caches hold only what earlier pages left."""
    trafilatura: list[float] = field(default_factory=list)
    failures: int = 0


def load_pages(names: Sequence[str], root: Path) -> list[tuple[str, bytes]]:
    """Return (corpus/id, decompressed bytes) of every page, in id order per corpus."""
    pages: list[tuple[str, bytes]] = []
    for name in names:
        for page in corpora.load_corpus(name, root):
            pages.append((f"{name}/{page.id}", page.read()))
    return pages


def measure(
    pages: Sequence[tuple[str, bytes]],
    extract: Callable[[str], object] | None,
    repeat: int,
    warmup: int,
) -> Timings:
    """Time every page ``repeat`` times with each function, keeping the best."""
    texts = [data.decode("utf-8", errors="replace") for _, data in pages]
    for index, (_, data) in enumerate(pages[:warmup]):
        lxml_floor(data)
        newsparse_html(data)
        if extract is not None:
            extract(texts[index])
    timings = Timings()
    for index, (_, data) in enumerate(pages):
        gc.collect()
        best_floor = best_ours = best_theirs = float("inf")
        first = None
        for _ in range(repeat):  # interleaved, so that drift hits all alike
            best_floor = min(best_floor, seconds(lxml_floor, data))
            ours = seconds(newsparse_html, data)
            first = ours if first is None else first
            best_ours = min(best_ours, ours)
            if extract is not None:
                best_theirs = min(best_theirs, seconds(extract, texts[index]))
        timings.lxml.append(best_floor)
        timings.newsparse.append(best_ours)
        timings.newsparse_first.append(first if first is not None else best_ours)
        if extract is not None:
            timings.trafilatura.append(best_theirs)
        if isinstance(newsparse_html(data), newsparse.NewsparseError):
            timings.failures += 1
    return timings


def report(pages: Sequence[tuple[str, bytes]], timings: Timings) -> dict[str, float]:
    """Print the table; return the headline numbers."""
    floor, ours, theirs = timings.lxml, timings.newsparse, timings.trafilatura
    ratios = [o / f for o, f in zip(ours, floor, strict=True)]
    rows = [("lxml parse (floor)", floor), ("newsparse html", ours)]
    if theirs:
        rows.append(("trafilatura.extract", theirs))
    print(f"{'':<22} {'median ms/page':>14} {'total s':>8}")
    for label, values in rows:
        print(f"{label:<22} {statistics.median(values) * 1e3:>14.2f} {sum(values):>8.2f}")
    numbers = {
        "median_ratio": statistics.median(ratios),
        "p90_ratio": percentile(ratios, 0.9),
        "total_ratio": sum(ours) / sum(floor),
    }
    print()
    print(
        f"newsparse / lxml: median of per-page ratios {numbers['median_ratio']:.2f}x"
        f" (goal <= 3x), 90th percentile {numbers['p90_ratio']:.2f}x,"
        f" ratio of totals {numbers['total_ratio']:.2f}x"
    )
    # Later runs of a page find its class names in the extractor's caches;
    # the first run shows the cost on a page not seen before.
    firsts = [o / f for o, f in zip(timings.newsparse_first, floor, strict=True)]
    numbers["median_ratio_first_run"] = statistics.median(firsts)
    print(
        f"first run of each page / best lxml: median {numbers['median_ratio_first_run']:.2f}x"
        " (no warm caches for the page's own class names)"
    )
    if theirs:
        versus = [o / t for o, t in zip(ours, theirs, strict=True)]
        numbers["median_ratio_trafilatura"] = statistics.median(versus)
        numbers["total_ratio_trafilatura"] = sum(ours) / sum(theirs)
        print(
            f"newsparse / trafilatura: median of per-page ratios {statistics.median(versus):.2f}x,"
            f" ratio of totals {numbers['total_ratio_trafilatura']:.2f}x"
        )
    else:
        print("trafilatura is not installed: no comparison with it")
    if timings.failures:
        print(f"({timings.failures} pages raised a NewsparseError; timed up to the error)")
    return numbers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("scrapinghub", "fundus", "both"), default="both")
    parser.add_argument(
        "--corpora",
        type=Path,
        default=corpora.default_corpora_dir(),
        help="the corpora folder (default: <repo>/../shared/corpora)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per page; the best is kept")
    parser.add_argument("--warmup", type=int, default=20, help="pages run once before timing")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write per-page times here")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if "html" not in newsparse.formats():
        raise SystemExit("the 'html' format is not registered in this newsparse")

    names = corpora.NEWS_CORPORA if args.corpus == "both" else (args.corpus,)
    pages = load_pages(names, args.corpora)
    timings = measure(pages, trafilatura_extract(), args.repeat, args.warmup)
    megabytes = sum(len(data) for _, data in pages) / 10**6
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {len(pages)} pages"
        f" ({megabytes:.1f} MB) from {', '.join(names)}; best of {args.repeat} per page"
    )
    numbers = report(pages, timings)
    if args.json is not None:
        document = {
            "repeat": args.repeat,
            "summary": numbers,
            "pages": [
                {
                    "id": page_id,
                    "bytes": len(data),
                    "lxml": timings.lxml[i],
                    "newsparse": timings.newsparse[i],
                    "trafilatura": timings.trafilatura[i] if timings.trafilatura else None,
                }
                for i, (page_id, data) in enumerate(pages)
            ],
        }
        args.json.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
