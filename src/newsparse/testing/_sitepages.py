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

A plugin's page tests are one subclass of :class:`SitePageTests`, which
names the publisher, the folders that hold its pages, and the known gaps:
the fields where the corpus is wrong about a page, each with the reason and
what the page really says::

    from pathlib import Path

    from newsparse.testing import Gap, SitePageTests

    class TestGazettePages(SitePageTests):
        publisher = "Gazette"
        folders = (("corpus", Path(__file__).parent / "corpus"),)
        gaps = (
            Gap(
                field="authors",
                version="V2",
                reason="the corpus takes the byline summary, not the names",
                expected=("Jane Doe", "John Roe"),
            ),
        )

Only :func:`page_params`, :func:`autoload_disabled_fixture` and the tests of
:class:`SitePageTests` need pytest, and import it when called.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from newsparse._api import parse
from newsparse._model import Article
from newsparse._plugins import ENV_DISABLE_AUTOLOAD, reset_host

__all__ = [
    "Gap",
    "SitePage",
    "SitePageTests",
    "as_given",
    "autoload_disabled_fixture",
    "compare",
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

    >>> from newsparse.testing import normalized
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

    Sets :data:`newsparse.plugin.ENV_DISABLE_AUTOLOAD` and forgets the
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


FIELDS = ("title", "authors", "published", "summary", "sections")
"""The fields a :class:`SitePageTests` compares, in this order."""


@dataclass(frozen=True)
class Gap:
    """A field where the corpus's expectation is wrong about a page, and what is right.

    Give either :attr:`expected`, the value the page really gives, written by
    hand from the page, or :attr:`check`, a function that asserts what is
    right given the parsed value and the corpus's.  With :attr:`expected`, the
    test also fails once the corpus agrees with it: the gap is then stale.
    """

    field: str
    """Which field: one of ``title``, ``authors``, ``published``, ``summary``, ``sections``."""
    version: str
    """The version (layout) of the pages it concerns, as the corpus names it."""
    reason: str
    """What the corpus gets wrong, and what the page says instead."""
    expected: Any = None
    """The right value, in the form the test compares (see :class:`SitePageTests`)."""
    check: Callable[[Any, Any], None] | None = None
    """Called with the parsed value and the corpus's; raises ``AssertionError``."""

    def __post_init__(self) -> None:
        if self.field not in FIELDS:
            raise ValueError(f"Gap.field must be one of {FIELDS}, got {self.field!r}")
        if (self.expected is None) == (self.check is None):
            raise ValueError("a Gap needs exactly one of expected= and check=")
        if not self.reason.strip():
            raise ValueError("a Gap needs a reason")


def _parsed_value(article: Article, field: str) -> Any:
    if field == "sections":
        return tuple((section.heading, section.paragraphs) for section in article.body)
    return getattr(article, field)


def _corpus_value(page: SitePage, field: str) -> Any:
    if field == "published":
        return datetime.fromisoformat(page.published)
    return getattr(page, field)


def compare(field: str, parsed: Any, expected: Any) -> None:
    """Assert that the ``parsed`` value of ``field`` is ``expected``, compared as the corpus means.

    Titles are compared :func:`normalized`; authors as sets (the corpus's
    order is not the page's); dates :func:`as_given` (no more precise than
    the expectation); summaries and sections exactly (sections as
    ``(heading, paragraphs)`` pairs).
    """
    if field == "title":
        assert normalized(parsed) == normalized(expected)
    elif field == "authors":
        assert set(parsed) == set(expected)
    elif field == "published":
        assert parsed is not None, "no publication date"
        assert as_given(parsed, expected) == expected
    else:
        assert parsed == expected


class SitePageTests:
    """Tests of a site parser against saved pages: subclass it in a plugin's tests.

    Each field (``title``, ``authors``, ``published``, ``summary``,
    ``sections``) is a test, run on every page of :attr:`publisher` in each
    of the :attr:`folders` (in the layout described
    above).  A folder that is absent gives one skipped test naming it, so the
    tests run in a clone that has only some of the folders.  A field of a
    version listed in :attr:`gaps` is checked against the gap instead of the
    corpus.  The class needs pytest.
    """

    publisher: ClassVar[str]
    """The publisher's name as the manifests spell it (``"HankookIlbo"``)."""
    folders: ClassVar[tuple[tuple[str, Path], ...]]
    """The folders holding pages, each with a short name used in test ids."""
    gaps: ClassVar[tuple[Gap, ...]] = ()
    """The known gaps of the corpus."""

    @classmethod
    def page_params(cls) -> list[Any]:
        """Return every page of every folder as ``pytest.param`` values."""
        import pytest  # noqa: PLC0415 - only the tests need pytest

        params = []
        for name, folder in cls.folders:
            for param in page_params(folder, cls.publisher):
                params.append(
                    pytest.param(*param.values, id=f"{name}-{param.id}", marks=param.marks)
                )
        return params

    def pytest_generate_tests(self, metafunc: Any) -> None:
        """Give each test that takes a ``page`` every page of :attr:`folders`."""
        if "page" in metafunc.fixturenames:
            metafunc.parametrize("page", self.page_params())

    @classmethod
    def parsed(cls, page: SitePage) -> Article:
        """Return the article of ``page``, parsed once per test session."""
        return _parse_once(page)

    def check_field(self, page: SitePage, field: str) -> None:
        """Compare ``field`` of the parsed ``page`` with the corpus, or with its gap."""
        parsed = _parsed_value(self.parsed(page), field)
        corpus = _corpus_value(page, field)
        for gap in self.gaps:
            if gap.field == field and gap.version == page.version:
                if gap.check is not None:
                    gap.check(parsed, corpus)
                    return
                compare(field, parsed, gap.expected)
                stale = True
                try:
                    compare(field, corpus, gap.expected)
                except AssertionError:
                    stale = False
                assert not stale, f"the corpus now agrees with the gap ({gap.reason}): remove it"
                return
        compare(field, parsed, corpus)

    def test_title(self, page: SitePage) -> None:
        """The title is the corpus's, whitespace aside."""
        self.check_field(page, "title")

    def test_authors(self, page: SitePage) -> None:
        """The authors are the corpus's, in any order."""
        self.check_field(page, "authors")

    def test_published(self, page: SitePage) -> None:
        """The publication date is the corpus's, as precisely as the corpus gives it."""
        self.check_field(page, "published")

    def test_summary(self, page: SitePage) -> None:
        """The standfirst is the corpus's, line by line."""
        self.check_field(page, "summary")

    def test_sections(self, page: SitePage) -> None:
        """The body is the corpus's, section by section."""
        self.check_field(page, "sections")


_PARSED: dict[SitePage, Article] = {}


def _parse_once(page: SitePage) -> Article:
    if page not in _PARSED:
        _PARSED[page] = parse_page(page)
    return _PARSED[page]
