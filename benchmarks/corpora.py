"""Loading the real-world corpora used by the ``html`` benchmarks.

The corpora live outside the repository, in ``shared/corpora`` beside it (see
the README there for their sources and licenses); nothing of them is copied
into the repository.  Three are used:

scrapinghub (article-extraction-benchmark)
    ``html/<id>.html.gz`` and ``ground-truth.json`` (id -> ``articleBody``,
    ``url``).  ``output/<tool>.json`` holds published tools' extractions,
    either as id -> ``{"articleBody": ...}`` or as
    ``{"version": ..., "output": {id -> {"articleBody": ...}}}``.

fundus (flairNLP/fundus parser test data)
    ``manifest.json`` lists every page with its publisher JSON and the *version
    key* of the expected entry in that JSON.  The pairing is taken from the
    manifest as it stands: page ``html`` <-> ``json[version]``.  It was checked
    when this module was written: the 258 (json, version) pairs are distinct,
    every version key of every publisher JSON is used by exactly one page, the
    date in each page's file name is its crawl date, and the expected title
    occurs in every page.  A publisher JSON holds one entry per parser version
    (``V1``, ``V1_1``, ``V2``...), each for a different, dated page, so pairing
    by publisher alone or by "latest version" would be wrong.  Page ids are the
    ``html`` paths without ``.html.gz`` (``at/DerStandard_2024_05_03``).

readability (mozilla/readability's test pages)
    ``<name>/source.html.gz``, the page, and ``<name>/expected.html.gz``,
    readability.js's own extraction of it, whose text (read as that folder's
    README says, :func:`quality_metrics.readability_true_body`) is the true
    body.  Only the body is scored.  Page ids are the folder names.

Pages are returned sorted by id, so that every run visits them in the same
order.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quality_metrics import fundus_true_body, readability_true_body

__all__ = [
    "CORPUS_NAMES",
    "NEWS_CORPORA",
    "Expected",
    "Page",
    "default_corpora_dir",
    "load_corpus",
    "load_fundus",
    "load_published_output",
    "load_readability",
    "load_scrapinghub",
    "published_tools",
]

CORPUS_NAMES = ("scrapinghub", "fundus", "readability")
NEWS_CORPORA = ("scrapinghub", "fundus")  # the speed benchmarks' pages


def default_corpora_dir() -> Path:
    """Return ``<repo>/../shared/corpora``."""
    return Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


@dataclass(frozen=True)
class Expected:
    """The true values for one page; ``None`` where the corpus gives none."""

    body: str
    title: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None  # as the corpus writes it


@dataclass(frozen=True)
class Page:
    """One page of a corpus: where its HTML is and what should come out."""

    corpus: str
    id: str
    path: Path
    url: str | None
    expected: Expected

    def read(self) -> bytes:
        """Return the page's raw (decompressed) bytes."""
        return gzip.decompress(self.path.read_bytes())


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as stream:
        return json.load(stream)


def _check_dir(folder: Path) -> None:
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {folder} (see --corpora)")


def load_scrapinghub(root: Path) -> list[Page]:
    """Return the scrapinghub pages under ``root`` (the corpora folder)."""
    folder = root / "scrapinghub"
    _check_dir(folder)
    truth: Mapping[str, Mapping[str, Any]] = _load_json(folder / "ground-truth.json")
    pages = []
    for page_id in sorted(truth):
        entry = truth[page_id]
        pages.append(
            Page(
                corpus="scrapinghub",
                id=page_id,
                path=folder / "html" / f"{page_id}.html.gz",
                url=entry.get("url"),
                expected=Expected(body=entry.get("articleBody") or ""),
            )
        )
    return pages


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _authors(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        return None
    names = tuple(name for name in value if isinstance(name, str) and name.strip())
    return names or None


def load_fundus(root: Path) -> list[Page]:
    """Return the fundus pages under ``root``, each paired with its expected entry."""
    folder = root / "fundus"
    _check_dir(folder)
    data = folder / "test_data"
    manifest: list[Mapping[str, Any]] = _load_json(folder / "manifest.json")
    publishers: dict[str, Mapping[str, Any]] = {}
    pages = []
    for item in manifest:
        json_path = item["json"]
        if json_path not in publishers:
            publishers[json_path] = _load_json(data / json_path)
        versions = publishers[json_path]
        version = item["version"]
        if version not in versions:
            raise KeyError(f"{json_path} has no entry {version!r} for {item['html']}")
        entry = versions[version]
        html_path: str = item["html"]
        pages.append(
            Page(
                corpus="fundus",
                id=html_path.removesuffix(".html.gz"),
                path=data / html_path,
                url=item.get("url"),
                expected=Expected(
                    body=fundus_true_body(entry.get("body")),
                    title=_optional_text(entry.get("title")),
                    authors=_authors(entry.get("authors")),
                    published=_optional_text(entry.get("publishing_date")),
                ),
            )
        )
    pages.sort(key=lambda page: page.id)
    return pages


def load_readability(root: Path) -> list[Page]:
    """Return the readability test pages under ``root`` (the corpora folder)."""
    folder = root / "readability"
    _check_dir(folder)
    pages = []
    for page_dir in sorted(path for path in folder.iterdir() if path.is_dir()):
        expected = page_dir / "expected.html.gz"
        source = page_dir / "source.html.gz"
        if not expected.is_file() or not source.is_file():
            continue
        body = readability_true_body(gzip.decompress(expected.read_bytes()))
        pages.append(
            Page(
                corpus="readability",
                id=page_dir.name,
                path=source,
                url="http://fakehost/test/page.html",
                expected=Expected(body=body),
            )
        )
    return pages


def load_corpus(name: str, root: Path) -> list[Page]:
    """Return the pages of corpus ``name`` (one of :data:`CORPUS_NAMES`)."""
    if name == "scrapinghub":
        return load_scrapinghub(root)
    if name == "fundus":
        return load_fundus(root)
    if name == "readability":
        return load_readability(root)
    raise ValueError(f"unknown corpus {name!r}; known: {', '.join(CORPUS_NAMES)}")


def published_tools(root: Path) -> list[str]:
    """Return the names of the published extractions of the scrapinghub corpus."""
    return sorted(path.stem for path in (root / "scrapinghub" / "output").glob("*.json"))


def load_published_output(root: Path, tool: str) -> dict[str, str]:
    """Return a published tool's scrapinghub extractions: id -> article body.

    A page the tool gave nothing for maps to ``""``.
    """
    data: Mapping[str, Any] = _load_json(root / "scrapinghub" / "output" / f"{tool}.json")
    output = data["output"] if isinstance(data.get("output"), Mapping) else data
    result = {}
    for page_id, entry in output.items():
        body = entry.get("articleBody") if isinstance(entry, Mapping) else None
        result[page_id] = body if isinstance(body, str) else ""
    return result
