"""Extraction quality of the ``html`` format on real pages.

For each page of the chosen corpora (see ``benchmarks/corpora.py`` and
``shared/corpora/README.md`` beside the repository) it parses the page's raw
bytes with ``newsparse.parse(data, "html")`` and scores what comes out against
the corpus's truth, with the functions of ``benchmarks/quality_metrics.py``:

* body text: "shingle F1" (4-token shingles of ``\\w+`` tokens, as a set;
  precision, recall and F1 per page, then the mean over pages).  The scored
  text follows each corpus's definition of the body: for fundus the
  article's summary, then each section's heading and paragraphs; for
  scrapinghub, whose truth is the page's ``articleBody``, and for
  readability, whose truth is readability.js's extracted content, the
  sections alone.  The "F1 ±summary" column shows the other choice;
* fundus only: title, authors (as a set) and publishing date (to the minute,
  in UTC) by exact match after whitespace normalisation, each counted only
  on the pages where the truth has a non-empty value (the counts are shown).

A page where parsing raises a ``NewsparseError`` or yields no article scores 0
on every metric it is counted for, and is reported as failed.  A page whose
true body is empty is left out of the body means (none is, in these corpora).

For scrapinghub the table also shows "F1 upstream", computed the way the
published table of that benchmark is (shingles counted as a multiset, an
empty extraction has precision 1, F1 of the mean precision and mean recall),
so that a number can be set beside the published ones.  On the published
outputs of other tools (``--published``), the README's method gives, for
example, trafilatura 2.0.0 F1 0.954 (P 0.943, R 0.979) where the published
table says 0.958 (P 0.938, R 0.978); the upstream variant reproduces 0.958
exactly.

Usage::

    python benchmarks/html_quality.py                        # all three corpora
    python benchmarks/html_quality.py --corpus both          # scrapinghub and fundus
    python benchmarks/html_quality.py --corpus fundus --worst 10
    python benchmarks/html_quality.py --json quality.json    # all numbers, per page
    python benchmarks/html_quality.py --tool trafilatura     # if it is installed
    python benchmarks/html_quality.py --published trafilatura  # a stored output

Per-page results are listed in the order of the page ids, so two runs of the
same code give the same JSON file (apart from the timing line).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import corpora
import quality_metrics as qm

import newsparse

FIELDS = ("title", "authors", "date")
LOW_F1 = 0.8  # the body confidence should tell pages below this body F1 from the rest


@dataclass(frozen=True)
class Extraction:
    """What a tool extracted from one page."""

    body: str
    body_without_summary: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    body_confidence: float | None = None


class ExtractionError(Exception):
    """The tool gave no article for the page (the page scores 0)."""


Extractor = Callable[[corpora.Page, bytes], Extraction]


def newsparse_extractor(page: corpora.Page, data: bytes) -> Extraction:
    """Parse ``data`` with the ``html`` format and return the first article's values."""
    try:
        articles = newsparse.parse(data, "html", source=page.id)
    except newsparse.NewsparseError as error:
        raise ExtractionError(f"{type(error).__name__}: {error}") from error
    if not articles:
        raise ExtractionError("no article")
    article = articles[0]
    return Extraction(
        body=qm.article_body_text(article),
        body_without_summary=qm.article_body_text(article, with_summary=False),
        title=article.title,
        authors=article.authors,
        published=article.published,
        body_confidence=float(article.meta.get("html.body-confidence", "nan")),
    )


def trafilatura_extractor() -> Extractor:
    """Return an extractor running trafilatura, or exit when it is not installed.

    The body is ``trafilatura.extract`` (plain text, comments left out); title,
    authors (trafilatura joins them with ``"; "``) and date come from
    ``trafilatura.extract_metadata``, with its default date settings except
    the output format: by default it gives only the day, which can never
    match to the minute, so it is asked for the time and offset as well
    (``%Y-%m-%dT%H:%M:%S%z``).  A date without an offset is read as naive and
    compared on the wall clock (see ``quality_metrics.same_minute``).
    """
    try:
        trafilatura = importlib.import_module("trafilatura")
    except ImportError:
        raise SystemExit(
            "trafilatura is not installed; it is optional and never a dependency of"
            " newsparse (pip install trafilatura to compare with it)"
        ) from None

    settings = importlib.import_module("trafilatura.settings")
    date_config = {**settings.set_date_params(True), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}

    def extract(page: corpora.Page, data: bytes) -> Extraction:
        text = data.decode("utf-8", errors="replace")
        body = trafilatura.extract(text, include_comments=False) or ""
        meta = trafilatura.extract_metadata(text, date_config=dict(date_config))
        title = getattr(meta, "title", None) if meta is not None else None
        author = getattr(meta, "author", None) if meta is not None else None
        date = getattr(meta, "date", None) if meta is not None else None
        authors = tuple(name.strip() for name in (author or "").split(";") if name.strip())
        published = _trafilatura_date(date) if isinstance(date, str) else None
        if not body and not title:
            raise ExtractionError("no article")
        return Extraction(body, body, title, authors, published)

    return extract


def _trafilatura_date(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def published_extractor(root: Path, tool: str) -> Extractor:
    """Return an extractor reading a published tool's stored scrapinghub output."""
    output = corpora.load_published_output(root, tool)

    def extract(page: corpora.Page, data: bytes) -> Extraction:
        if page.id not in output:
            raise ExtractionError("not in the published output")
        body = output[page.id]
        return Extraction(body, body)

    return extract


# -- scoring ----------------------------------------------------------------


@dataclass
class PageResult:
    """The scores of one page; a field is ``None`` when the page is not counted for it."""

    id: str
    error: str | None = None
    body: qm.BodyScore | None = None
    body_f1_other_choice: float | None = None
    upstream: tuple[float, float] | None = None
    confidence: float | None = None
    fields: dict[str, bool | None] = field(default_factory=dict)
    got: dict[str, Any] = field(default_factory=dict)
    expected: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        body = None
        if self.body is not None:
            body = {
                "f1": self.body.f1,
                "precision": self.body.precision,
                "recall": self.body.recall,
                "tp": self.body.tp,
                "fp": self.body.fp,
                "fn": self.body.fn,
                "f1_other_choice": self.body_f1_other_choice,
            }
        return {
            "id": self.id,
            "failed": self.error is not None,
            "error": self.error,
            "body": body,
            "body_confidence": self.confidence,
            "fields": self.fields,
            "got": self.got,
            "expected": self.expected,
        }


_ZERO = qm.BodyScore(0.0, 0.0, 0.0, 0, 0, 0)


def score_page(page: corpora.Page, extractor: Extractor) -> PageResult:
    """Run ``extractor`` on ``page`` and score the result."""
    result = PageResult(id=page.id)
    expected = page.expected
    try:
        got: Extraction | None = extractor(page, page.read())
    except ExtractionError as error:
        got = None
        result.error = str(error)
    result.confidence = 0.0 if got is None else got.body_confidence
    counted_body = bool(qm.tokens(expected.body))
    if counted_body:
        if got is None:
            result.body, result.body_f1_other_choice = _ZERO, 0.0
            result.upstream = (1.0, 0.0)  # upstream: an empty extraction
        else:
            body, other = (
                (got.body, got.body_without_summary)
                if page.corpus == "fundus"
                else (got.body_without_summary, got.body)
            )
            result.body = qm.shingle_score(body, expected.body)
            result.body_f1_other_choice = qm.shingle_score(other, expected.body).f1
            result.upstream = qm.upstream_page_score(body, expected.body)
    if page.corpus != "fundus":
        return result
    if got is not None:
        result.got = {
            "title": got.title,
            "authors": list(got.authors),
            "date": got.published.isoformat() if got.published else None,
        }
    result.expected = {
        "title": expected.title,
        "authors": list(expected.authors) if expected.authors else None,
        "date": expected.published,
    }
    result.fields = {
        "title": None
        if expected.title is None
        else got is not None and qm.same_text(got.title, expected.title),
        "authors": None
        if expected.authors is None
        else got is not None and qm.same_authors(got.authors, expected.authors),
        "date": None
        if expected.published is None
        else got is not None
        and qm.same_minute(got.published, qm.parse_expected_date(expected.published)),
    }
    return result


def summarize(corpus: str, results: Sequence[PageResult]) -> dict[str, Any]:
    """Return the corpus-level numbers of ``results``."""
    bodies = [r.body for r in results if r.body is not None]
    summary: dict[str, Any] = {
        "pages": len(results),
        "failed": sum(1 for r in results if r.error is not None),
        "body_pages": len(bodies),
        "body_f1": qm.mean(b.f1 for b in bodies),
        "body_precision": qm.mean(b.precision for b in bodies),
        "body_recall": qm.mean(b.recall for b in bodies),
        "body_f1_other_choice": qm.mean(
            r.body_f1_other_choice for r in results if r.body_f1_other_choice is not None
        ),
    }
    upstream = [r.upstream for r in results if r.upstream is not None]
    rated = [
        (r.confidence, r.body.f1)
        for r in results
        if r.body is not None and r.confidence is not None and r.confidence == r.confidence
    ]
    summary["low_f1_pages"] = sum(1 for _, f1 in rated if f1 < LOW_F1)
    summary["confidence_auroc"] = qm.auroc(
        [confidence for confidence, _ in rated], [f1 >= LOW_F1 for _, f1 in rated]
    )
    up_p = qm.mean(p for p, _ in upstream)
    up_r = qm.mean(r for _, r in upstream)
    summary["upstream"] = {"f1": qm.f1_score(up_p, up_r), "precision": up_p, "recall": up_r}
    if corpus == "fundus":
        for name in FIELDS:
            marks = [r.fields[name] for r in results if r.fields.get(name) is not None]
            summary[name] = {
                "pages": len(marks),
                "correct": sum(1 for mark in marks if mark),
                "rate": qm.mean(1.0 if mark else 0.0 for mark in marks),
            }
    return summary


# -- output -----------------------------------------------------------------


def print_table(summaries: dict[str, dict[str, Any]]) -> None:
    print(
        f"{'corpus':<12} {'pages':>5} {'failed':>6} {'F1':>6} {'P':>6} {'R':>6}"
        f" {'F1 ±summary':>13} {'F1 upstream':>11} {'F1<0.8':>6} {'AUROC':>6}"
    )
    for corpus, s in summaries.items():
        print(
            f"{corpus:<12} {s['pages']:>5} {s['failed']:>6} {s['body_f1']:>6.3f}"
            f" {s['body_precision']:>6.3f} {s['body_recall']:>6.3f}"
            f" {s['body_f1_other_choice']:>13.3f} {s['upstream']['f1']:>11.3f}"
            f" {s['low_f1_pages']:>6} {_optional(s['confidence_auroc']):>6}"
        )
    for corpus, s in summaries.items():
        if corpus != "fundus":
            continue
        print()
        print(f"{corpus:<12} {'field':<8} {'correct':>7} {'pages':>5} {'rate':>6}")
        for name in FIELDS:
            item = s[name]
            print(
                f"{'':<12} {name:<8} {item['correct']:>7} {item['pages']:>5} {item['rate']:>6.3f}"
            )


def _optional(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_worst(corpus: str, results: Sequence[PageResult], count: int) -> None:
    scored = [r for r in results if r.body is not None]
    worst = sorted(scored, key=lambda r: (r.body.f1 if r.body else 0.0, r.id))[:count]
    print(f"\n{corpus}: {len(worst)} worst pages by body F1")
    for r in worst:
        assert r.body is not None
        note = f"  [failed: {r.error}]" if r.error else ""
        print(
            f"  F1 {r.body.f1:.3f}  P {r.body.precision:.3f}  R {r.body.recall:.3f}  {r.id}{note}"
        )
    if corpus != "fundus":
        return
    for name in FIELDS:
        wrong = [r for r in results if r.fields.get(name) is False][:count]
        total = sum(1 for r in results if r.fields.get(name) is False)
        print(f"\n{corpus}: {name} wrong on {total} pages; the first {len(wrong)}:")
        for r in wrong:
            print(f"  {r.id}: expected {r.expected.get(name)!r}, got {r.got.get(name)!r}")


def _corpus_names(choice: str) -> tuple[str, ...]:
    """Return the corpora a ``--corpus`` choice names ("both": the two news corpora)."""
    if choice == "all":
        return corpora.CORPUS_NAMES
    if choice == "both":
        return corpora.NEWS_CORPORA
    return (choice,)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        choices=(*corpora.CORPUS_NAMES, "all", "both"),
        help="default: all (scrapinghub with --published); 'both' is scrapinghub and fundus",
    )
    parser.add_argument(
        "--corpora",
        type=Path,
        default=corpora.default_corpora_dir(),
        help="the corpora folder (default: <repo>/../shared/corpora)",
    )
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N worst pages")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write all results here")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--tool",
        choices=("newsparse", "trafilatura"),
        default="newsparse",
        help="the extractor to score (trafilatura only when installed)",
    )
    source.add_argument(
        "--published",
        metavar="TOOL",
        help="score a published tool's stored scrapinghub output instead (output/TOOL.json)",
    )
    args = parser.parse_args()
    if args.corpus is None:
        args.corpus = "scrapinghub" if args.published else "all"
    names = _corpus_names(args.corpus)
    root: Path = args.corpora

    extractor: Extractor
    if args.published:
        if args.corpus != "scrapinghub":
            parser.error("--published needs --corpus scrapinghub")
        tools = corpora.published_tools(root)
        if args.published not in tools:
            parser.error(f"no published output {args.published!r}; there are {', '.join(tools)}")
        extractor, label = published_extractor(root, args.published), f"published {args.published}"
    elif args.tool == "trafilatura":
        extractor, label = trafilatura_extractor(), "trafilatura"
    else:
        if "html" not in newsparse.formats():
            raise SystemExit("the 'html' format is not registered in this newsparse")
        extractor, label = newsparse_extractor, f"newsparse {newsparse.__version__}"

    started = time.perf_counter()
    results: dict[str, list[PageResult]] = {}
    summaries: dict[str, dict[str, Any]] = {}
    for name in names:
        pages = corpora.load_corpus(name, root)
        results[name] = [score_page(page, extractor) for page in pages]
        summaries[name] = summarize(name, results[name])
    elapsed = time.perf_counter() - started

    print(f"{label}; python {sys.version.split()[0]}; {elapsed:.1f} s")
    print_table(summaries)
    if args.worst > 0:
        for name in names:
            print_worst(name, results[name], args.worst)
    if args.json is not None:
        document = {
            "tool": label,
            "corpora": str(root),
            "seconds": elapsed,
            "summary": summaries,
            "pages": {name: [r.as_json() for r in results[name]] for name in names},
        }
        args.json.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
