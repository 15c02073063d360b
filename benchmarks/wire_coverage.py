"""What newsparse makes of every agency wire file and every IPTC NewsML-G2 file.

Reads each file of ``shared/corpora/wire`` and ``shared/corpora/iptc`` (beside
the repository; see the README there for their sources and licences) the way
a user would, ``newsparse.parse(path)`` with detection, and prints one row per
file: the format detected, the outcome, whether every article has a
headline, and the body's paragraphs and characters (summed over the file's
articles).

Outcomes:

``parsed``
    articles and no error.
``parsed+diag``
    articles, and errors about the rest of the file (a package's references to
    items the file does not hold, a non-text item beside a text one).
``non-text``
    no article, and every error says why the file holds no text story (a
    picture, video, concept or planning item, a package, a scheme catalog, an
    excerpt, text held outside the file).
``error``
    no article, and an error that is not such a diagnosis.
``no format``
    detection found no format (a ``NewsparseError``).
``not news``
    an XML Schema, a README or a licence: listed, not read.
``CRASH``
    an exception other than ``NewsparseError`` escaped (a defect).

Usage::

    python benchmarks/wire_coverage.py            # every file
    python benchmarks/wire_coverage.py --summary  # the IPTC unit-test files as counts
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import newsparse

__all__ = ["CORPORA", "NOT_NEWS", "Row", "corpus_files", "diagnosis", "main", "measure"]

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
"""Where the shared corpora are: ``shared/corpora`` beside the repository."""

NOT_NEWS = frozenset({".xsd", ".md"})
"""Suffixes of the corpus files that are no news documents (schemas, READMEs)."""

_NON_TEXT = re.compile(
    r"not a text item|is not a news item|not in the document|not in this document"
    r"|refers to no item|holds no news|fragment|is of type|a picture|a video|a graphic"
    r"|photo|no text component|no text",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Row:
    """What reading one file gave."""

    name: str
    """The file's path under the corpora folder."""
    detected: str
    """The format detection chose, or ``-``."""
    outcome: str
    """One of the outcomes in the module docstring."""
    articles: int
    """How many articles the file gave."""
    headlines: bool
    """Whether every article has a non-empty headline (``False`` with none)."""
    paragraphs: int
    """Body paragraphs over all the file's articles."""
    characters: int
    """Characters in those paragraphs."""
    message: str
    """The first error's message, shortened, or ``""``."""


def corpus_files(corpora: Path = CORPORA) -> list[Path]:
    """Every file of ``wire`` and ``iptc`` under ``corpora``, sorted."""
    return sorted(
        path
        for folder in ("wire", "iptc")
        for path in (corpora / folder).rglob("*")
        if path.is_file()
    )


def diagnosis(message: str) -> bool:
    """Tell whether an error message explains why a file holds no text story."""
    return _NON_TEXT.search(message) is not None


def _is_news(path: Path) -> bool:
    return path.suffix not in NOT_NEWS and path.name != "LICENSE"


def measure(path: Path, corpora: Path = CORPORA) -> Row:
    """Read ``path`` with detection and say what came of it."""
    name = str(path.relative_to(corpora))
    if not _is_news(path):
        return Row(name, "", "not news", 0, False, 0, 0, "")
    try:
        detected = newsparse.detect(path).name
    except newsparse.NewsparseError as error:
        return Row(name, "-", "no format", 0, False, 0, 0, _short(error))
    errors: list[newsparse.ParseError] = []
    try:
        articles = newsparse.parse(path, detected, on_error=errors.append)
    except newsparse.NewsparseError as error:
        articles, errors = [], [*errors, error]  # type: ignore[list-item]
    except Exception as error:
        return Row(name, detected, "CRASH", 0, False, 0, 0, f"{type(error).__name__}: {error}")
    paragraphs = [text for article in articles for text in article.paragraphs]
    message = _short(errors[0]) if errors else ""
    if articles:
        outcome = "parsed+diag" if errors else "parsed"
    elif errors and all(diagnosis(str(error)) for error in errors):
        outcome = "non-text"
    else:
        outcome = "error"
    return Row(
        name,
        detected,
        outcome,
        len(articles),
        bool(articles) and all(article.title.strip() for article in articles),
        len(paragraphs),
        sum(map(len, paragraphs)),
        message,
    )


def _short(error: BaseException, width: int = 70) -> str:
    text = getattr(error, "message", None) or str(error)
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _table(rows: list[Row]) -> Iterator[str]:
    yield "| file | format | outcome | articles | headline | paragraphs | chars | first error |"
    yield "|---|---|---|---|---|---|---|---|"
    for row in rows:
        headline = "yes" if row.headlines else ("-" if not row.articles else "NO")
        yield (
            f"| {row.name} | {row.detected} | {row.outcome} | {row.articles} | {headline} "
            f"| {row.paragraphs} | {row.characters} | {row.message} |"
        )


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 1 if the corpora are missing or anything crashed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="count the IPTC unit-test files")
    options = parser.parse_args(argv)
    if not (CORPORA / "wire").is_dir():
        print(f"the corpora are not at {CORPORA}", file=sys.stderr)
        return 1
    rows = [measure(path) for path in corpus_files()]
    shown = rows
    if options.summary:
        shown = [row for row in rows if "/unit_test_files/" not in row.name]
        tests = Counter(
            (row.detected, row.outcome) for row in rows if "/unit_test_files/" in row.name
        )
    for line in _table(shown):
        print(line)
    if options.summary:
        print()
        print("IPTC unit-test files (tests/unit_test_files), by format and outcome:")
        for (detected, outcome), count in sorted(tests.items()):
            print(f"  {count:4}  {detected:10} {outcome}")
    totals = Counter(row.outcome for row in rows)
    print()
    print("totals:", ", ".join(f"{outcome} {count}" for outcome, count in sorted(totals.items())))
    return 1 if totals["CRASH"] else 0


if __name__ == "__main__":
    sys.exit(main())
