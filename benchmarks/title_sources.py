"""Which of a page's own title sources the fundus truth follows.

A news page usually states its headline several times: the JSON-LD
``headline``, ``og:title``, ``twitter:title``, the ``<h1>`` and the
``<title>``.  Mostly they agree.  Where ``og:title`` and the JSON-LD headline
are different wordings of the story, a generic extractor must pick one, and
the fundus corpus's truth (each publisher's parser in fundus, written by
hand) picks differently from publisher to publisher.

This script measures that, independently of newsparse's extractor: it reads
the sources with lxml and ``json`` only.  For every fundus page where both
``og:title`` and a JSON-LD headline are present and are different wordings
(after whitespace normalisation, neither holds the other), it reports which
of them the expected title equals, and how the other sources (``<h1>``,
``twitter:title``, ``<title>``) line up on those pages.  That bounds what a
rule choosing between the two can score: a fixed choice gets the larger
count and misses the rest, and even a choice fitted to these very pages by
the pattern of the other sources misses many.

Usage::

    python benchmarks/title_sources.py
    python benchmarks/title_sources.py --list      # every such page
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import corpora
import quality_metrics as qm
from lxml import html


@dataclass(frozen=True)
class Sources:
    """The title sources of one page, whitespace-normalised (``None`` when absent)."""

    json_ld: str | None
    og: str | None
    twitter: str | None
    h1: str | None
    title: str | None


def _normal(text: str | None) -> str | None:
    if text is None:
        return None
    text = qm.normalize_space(text)
    return text or None


def _headlines(data: object, depth: int = 0) -> Iterator[str]:
    """Yield the ``headline`` values of the JSON-LD objects in ``data``."""
    if depth > 20:
        return
    if isinstance(data, list):
        for item in data:
            yield from _headlines(item, depth + 1)
    elif isinstance(data, dict):
        headline = data.get("headline")
        if isinstance(headline, str):
            yield headline
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _headlines(data[key], depth + 1)


def _unescape(text: str) -> str:
    """Return ``text`` with its markup and character references read as a page shows them."""
    fragment = html.fragment_fromstring(text, create_parent="div")
    return fragment.text_content() if isinstance(fragment, html.HtmlElement) else text


def read_sources(data: bytes) -> Sources:
    """Return the title sources of the page ``data``."""
    parser = html.HTMLParser(encoding="utf-8", no_network=True)
    root = html.document_fromstring(data, parser=parser)
    json_ld = None
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            found = next(_headlines(json.loads(script.text or "", strict=False)), None)
        except ValueError:
            continue
        if found is not None:
            json_ld = found
            break

    def meta(key: str) -> str | None:
        for element in root.iter("meta"):
            if key in ((element.get("property") or "") + " " + (element.get("name") or "")).split():
                return element.get("content")
        return None

    def first_text(tag: str) -> str | None:
        element = next(root.iter(tag), None)
        return element.text_content() if isinstance(element, html.HtmlElement) else None

    return Sources(
        json_ld=_normal(_unescape(json_ld) if json_ld else None),
        og=_normal(meta("og:title")),
        twitter=_normal(meta("twitter:title")),
        h1=_normal(first_text("h1")),
        title=_normal(first_text("title")),
    )


def _different_wordings(first: str | None, second: str | None) -> bool:
    """Whether both are present and neither holds the other.

    One holding the other is the site's name added, or a kicker in front:
    rules can settle those; two different wordings they cannot.
    """
    if first is None or second is None:
        return False
    return first not in second and second not in first


def main(argv: list[str] | None = None) -> int:
    """Print how the fundus truth follows the title sources where they disagree."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=corpora.default_corpora_dir())
    parser.add_argument("--list", action="store_true", help="list every page that counts")
    args = parser.parse_args(argv)
    pages = [page for page in corpora.load_fundus(args.corpora) if page.expected.title]
    follows: Counter[str] = Counter()
    agree: Counter[tuple[str, str]] = Counter()
    # How the truth goes for each pattern of agreement of the other sources.
    patterns: dict[tuple[str, ...], Counter[str]] = {}
    for page in pages:
        sources = read_sources(page.read())
        if not _different_wordings(sources.og, sources.json_ld):
            continue
        expected = qm.normalize_space(page.expected.title or "")
        winner = (
            "og:title"
            if expected == sources.og
            else "json-ld"
            if expected == sources.json_ld
            else "neither"
        )
        follows[winner] += 1
        pattern: list[str] = []
        for name in ("h1", "twitter", "title"):
            value = getattr(sources, name)
            side = (
                "og:title"
                if value == sources.og
                else "json-ld"
                if value == sources.json_ld
                else "neither"
            )
            agree[(name, f"{side} / truth {winner}")] += 1
            pattern.append(side)
        patterns.setdefault(tuple(pattern), Counter())[winner] += 1
        if args.list:
            print(f"{page.id}: truth follows {winner}")
    total = sum(follows.values())
    print(f"fundus pages with a title: {len(pages)}")
    print(f"pages where og:title and the JSON-LD headline are different wordings: {total}")
    for name in ("og:title", "json-ld", "neither"):
        print(f"  truth equals {name:<9} {follows[name]:4d}")
    print("on those pages, each other source equals (its side / the truth's side):")
    for (name, label), count in sorted(agree.items()):
        print(f"  {name:<8} {label:<32} {count:4d}")
    # The best a rule can do that picks og:title or the JSON-LD headline from
    # which of them the h1, twitter:title and <title> equal, fitted to these
    # very pages (so an upper bound, not a rule to ship).
    best = sum(max(counts["og:title"], counts["json-ld"]) for counts in patterns.values())
    print(
        f"best choice per pattern of the other sources, fitted to these pages: "
        f"{best} of {total} right ({len(patterns)} patterns); a fixed choice: "
        f"{max(follows['og:title'], follows['json-ld'])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
