"""Saved pages of a news site and the fields expected from them, for site parsers.

A site parser is best tested against real pages of its site, each stored with
the values a careful reader takes from it.  This module reads such pages from
a folder in the layout of the fundus test data (flairNLP/fundus):

``manifest.json``
    a list of objects, one a page, each with at least ``publisher``,
    ``version`` (which layout of the site the page shows), ``html`` (the
    saved page, usually gzipped) and ``json`` (the publisher's expectations);
    both paths are relative to the ``test_data`` folder beside the manifest.
``test_data/<json>``
    one object a publisher, keyed by version; each value gives ``title``,
    ``authors``, ``publishing_date`` and ``body``, an object with ``summary``
    (a list of lines) and ``sections`` (a list of ``headline``, a list of
    lines, and ``paragraphs``).

A page test in a plugin then reads, parses and compares::

    import functools
    from pathlib import Path

    import pytest
    from newsparse.testing.sitepages import SitePage, normalized, page_params, parse_page

    CORPUS = Path(__file__).resolve().parents[2] / "corpus"
    PAGES = page_params(CORPUS, "MyPublisher")
    parsed = functools.cache(parse_page)

    @pytest.mark.parametrize("page", PAGES)
    def test_title(page: SitePage) -> None:
        assert normalized(parsed(page).title) == normalized(page.title)

Only :func:`page_params` needs pytest, and imports it when called; the rest
uses the standard library and newsparse.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newsparse.api import parse
from newsparse.model import Article
from newsparse.plugins import ENV_DISABLE_AUTOLOAD, reset_host

__all__ = [
    "SitePage",
    "as_given",
    "autoload_disabled_fixture",
    "normalized",
    "page_params",
    "parse_page",
    "plugin_autoload_disabled",
    "read_pages",
]

MANIFEST = "manifest.json"
"""Name of the list of pages in a corpus folder."""
DATA = "test_data"
"""Name of the folder, beside the manifest, that holds the pages and expectations."""

_GZIP_MAGIC = b"\x1f\x8b"
_INVISIBLE_SPACES = str.maketrans({"\u200b": " ", "\ufeff": " "})


@dataclass(frozen=True)
class SitePage:
    """A saved page of a publisher and the fields the corpus expects from it.

    Records are frozen and hashable, so a test can cache the parse of each
    (``functools.cache(parse_page)``) and use them as pytest parameters.
    """

    version: str
    """The layout of the site the page shows, as the corpus names it (``"V1"``)."""
    path: Path
    """The saved page (gzipped or not)."""
    title: str
    """The expected title."""
    authors: tuple[str, ...]
    """The expected authors, in the corpus's order."""
    published: str
    """The expected publication time, as the corpus writes it (ISO 8601)."""
    summary: str | None
    """The expected standfirst, its lines joined by newlines; None when there is none."""
    sections: tuple[tuple[str | None, tuple[str, ...]], ...]
    """The expected body: a (heading, paragraphs) pair a section; heading None if none."""

    @property
    def id(self) -> str:
        """A short name for test ids: version and file name (``"V1-Site_2024.html.gz"``)."""
        return f"{self.version}-{self.path.name}"


def _joined(lines: list[str]) -> str | None:
    return "\n".join(lines) or None


def _page(item: dict[str, Any], data: Path) -> SitePage:
    entries = json.loads((data / item["json"]).read_text(encoding="utf-8"))
    entry = entries[item["version"]]
    body = entry["body"]
    return SitePage(
        version=item["version"],
        path=data / item["html"],
        title=entry["title"],
        authors=tuple(entry["authors"]),
        published=entry["publishing_date"],
        summary=_joined(body["summary"]),
        sections=tuple(
            (_joined(section["headline"]), tuple(section["paragraphs"]))
            for section in body["sections"]
        ),
    )


def read_pages(corpus: Path, publisher: str) -> list[SitePage]:
    """Read every page of ``publisher`` listed in the corpus at ``corpus``.

    Args:
        corpus: the folder that holds ``manifest.json`` and ``test_data``.
        publisher: the publisher's name as the manifest spells it
            (``"HankookIlbo"``); the manifest's other publishers are skipped.

    Returns:
        The records in manifest order; empty when the publisher has no page.

    Raises:
        FileNotFoundError: the manifest, or an expectations file it names, is
            missing.  The saved pages themselves are opened only when parsed.
        KeyError: an expectations file lacks the page's version or a field.
    """
    manifest = json.loads((corpus / MANIFEST).read_text(encoding="utf-8"))
    data = corpus / DATA
    return [_page(item, data) for item in manifest if item["publisher"] == publisher]


def page_params(corpus: Path, publisher: str) -> list[Any]:
    """Return the pages of ``publisher`` as ``pytest.param`` values for ``parametrize``.

    Each parameter is a :class:`SitePage` with :attr:`SitePage.id` as its id.
    When the corpus folder has no manifest, the list holds one parameter,
    ``None`` with the id ``no-corpus``, marked to be skipped with a reason
    naming the folder, so that a suite runs without the corpus.  A corpus
    that lists no page of the publisher is a mistake and fails the collection.

    Raises:
        AssertionError: the manifest lists no page of ``publisher``.
    """
    import pytest  # noqa: PLC0415 - only this helper needs pytest

    if not (corpus / MANIFEST).is_file():
        reason = f"the fundus corpus is not at {corpus}"
        return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=reason))]
    pages = read_pages(corpus, publisher)
    if not pages:
        msg = f"no {publisher} page in {corpus / MANIFEST}"
        raise AssertionError(msg)
    return [pytest.param(page, id=page.id) for page in pages]


def parse_page(page: SitePage | Path) -> Article:
    """Parse a saved page with the ``html`` format and return its one article.

    The page is decompressed first when it is gzipped.  Site parsers installed
    as plugins take part, as they do for any caller of :func:`newsparse.parse`.
    Nothing is cached: wrap the function in :func:`functools.cache` to parse
    each page once per test session.

    Raises:
        ValueError: the page did not give exactly one article.
    """
    path = page.path if isinstance(page, SitePage) else page
    data = path.read_bytes()
    if data.startswith(_GZIP_MAGIC):
        data = gzip.decompress(data)
    articles = parse(data, "html", source=str(path))
    if len(articles) != 1:
        msg = f"{path} gave {len(articles)} articles, not one"
        raise ValueError(msg)
    return articles[0]


def normalized(text: str) -> str:
    """Collapse whitespace as the corpus comparison does.

    Zero-width spaces (U+200B) and byte-order marks (U+FEFF) count as spaces;
    every run of whitespace becomes one space, and none is kept at either end.

    >>> from newsparse.testing.sitepages import normalized
    >>> normalized(" Two\\u200bwords \\n and\\ufeff more ")
    'Two words and more'
    """
    return " ".join(text.translate(_INVISIBLE_SPACES).split())


def as_given(published: datetime, expected: datetime) -> datetime:
    """Return ``published`` only as precise as ``expected``, to compare the two.

    When ``expected`` has no UTC offset (a corpus often gives the wall-clock
    time the page shows), the offset of ``published`` is dropped; when it is
    given to the minute, the seconds of ``published`` are dropped.
    """
    if expected.tzinfo is None:
        published = published.replace(tzinfo=None)
    if expected.second == 0 and expected.microsecond == 0:
        published = published.replace(second=0, microsecond=0)
    return published


@contextmanager
def plugin_autoload_disabled() -> Iterator[None]:
    """Run the ``with`` block without plugins from entry points.

    Sets :data:`newsparse.plugins.ENV_DISABLE_AUTOLOAD` and forgets the
    plugin host, so that newsparse uses its built-in formats and generic rules
    only (no installed site parser); on leaving, the variable is restored and
    the host forgotten again, so the next use loads the plugins again.  As it
    changes the process environment, do not use it in threads that parse.
    """
    before = os.environ.get(ENV_DISABLE_AUTOLOAD)
    os.environ[ENV_DISABLE_AUTOLOAD] = "1"
    reset_host()
    try:
        yield
    finally:
        if before is None:
            del os.environ[ENV_DISABLE_AUTOLOAD]
        else:
            os.environ[ENV_DISABLE_AUTOLOAD] = before
        reset_host()


def autoload_disabled_fixture() -> Any:
    """Return a pytest fixture that runs its test under :func:`plugin_autoload_disabled`.

    Bind it to a name in a ``conftest.py`` to define a fixture of that name::

        generic_only = autoload_disabled_fixture()

    pytest is imported when this is called.
    """
    import pytest  # noqa: PLC0415 - only this helper needs pytest

    def fixture() -> Iterator[None]:
        with plugin_autoload_disabled():
            yield

    fixture.__doc__ = "Run newsparse without plugins from entry points (no site parsers)."
    return pytest.fixture(fixture)
