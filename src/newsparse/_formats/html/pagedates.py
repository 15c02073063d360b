"""The dates: when the article was published and last modified, as the page states them.

Candidates come from JSON-LD (``datePublished``, ``dateModified``), meta
tags and microdata, in that order; the publication date then also from
JSON-LD ``dateCreated`` and the first ``<time datetime>`` elements of the
article.  Each is read by
``parse_date``.  A candidate with
a time of day beats a bare calendar date from any source.  A time written
without a UTC offset takes the offset of another date on the page that has
one (most pages write all their dates in one zone), else it is read as UTC.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone, tzinfo

from newsparse._formats.html.dates import ParsedDate, parse_date
from newsparse._formats.html.sources import PageSources

__all__ = ["DatedChoice", "choose_dates", "choose_dates_from"]

DatedChoice = tuple[datetime | None, str | None]
"""A date and the name of its source (see :func:`choose_dates_from`)."""


def choose_dates(page: PageSources) -> tuple[datetime | None, datetime | None]:
    """Return the publication and modification dates.

    Candidates are read only as far as the rules need them: usually the
    first one settles both the zone and the date.
    """
    (published, _), (modified, _) = choose_dates_from(page)
    return published, modified


def choose_dates_from(page: PageSources) -> tuple[DatedChoice, DatedChoice]:
    """Return the publication and modification dates, each with what it was read from.

    Each is ``(date, source)``: the source is ``json-ld``, ``meta``,
    ``microdata``, ``json-ld:dateCreated`` or ``time`` (a ``<time>``
    element), with ``:date`` added for a bare calendar date and
    ``:no-offset`` for a time written without a UTC offset; ``(None, None)``
    when there is no date.
    """
    published_raw = _Replay(_published_candidates(page))
    modified_raw = _Replay(_modified_candidates(page))
    zone = _shared_zone(value for _, value in itertools.chain(published_raw, modified_raw))
    return _best_date(published_raw, zone), _best_date(modified_raw, zone)


def _published_candidates(page: PageSources) -> Iterator[tuple[str, object]]:
    """Yield the publication date candidates in priority order."""
    yield from _labelled("json-ld", page.ld_values("datePublished"))
    yield from _labelled(
        "meta",
        page.metas(
            "article:published_time",
            "og:article:published_time",
            "og:published_time",
            "article:published",
            "article.published",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "published_time",
            "published-date",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "dcterms.date",
            "dc.date.created",
            "dcterms.created",
            "citation_publication_date",
            "citation_date",
            "citation_online_date",
            "parsely-pub-date",
            "sailthru.date",
            "article_date_original",
            "original-publish-date",
            "cxenseparse:recs:publishtime",
        ),
    )
    yield from _labelled("microdata", page.itemprop("datePublished"))
    yield from _labelled("json-ld:dateCreated", page.ld_values("dateCreated"))
    article = page.article()
    times = article.iterdescendants("time") if article is not None else page.elements["time"]
    dated = (element for element in times if element.get("datetime") is not None)
    for element in itertools.islice(dated, 3):
        yield "time", element.get("datetime")


def _modified_candidates(page: PageSources) -> Iterator[tuple[str, object]]:
    """Yield the modification date candidates in priority order."""
    yield from _labelled("json-ld", page.ld_values("dateModified"))
    yield from _labelled(
        "meta",
        page.metas(
            "article:modified_time",
            "og:article:modified_time",
            "og:updated_time",
            "article:modified",
            "article.updated",
            "datemodified",
            "last-modified",
            "dc.date.modified",
            "dcterms.modified",
            "parsely-updated",
            "sailthru.lastmodified",
        ),
    )
    yield from _labelled("microdata", page.itemprop("dateModified"))


def _labelled(label: str, values: Iterable[object]) -> Iterator[tuple[str, object]]:
    """Yield each of ``values`` with ``label``."""
    for value in values:
        yield label, value


class _Replay(Iterable[tuple[str, object]]):
    """The values of an iterator, read from it once and given again to each new reader."""

    def __init__(self, values: Iterator[tuple[str, object]]) -> None:
        self._values = values
        self._read: list[tuple[str, object]] = []
        self._done = False

    def __iter__(self) -> Iterator[tuple[str, object]]:
        index = 0
        while True:
            if index < len(self._read):
                yield self._read[index]
            elif self._done:
                return
            else:
                try:
                    self._read.append(next(self._values))
                except StopIteration:
                    self._done = True
                    return
                continue
            index += 1


def _shared_zone(candidates: Iterable[object]) -> tzinfo:
    """Return the offset the page's aware dates use, or UTC when none has one."""
    for candidate in candidates:
        parsed = parse_date(candidate)
        if parsed is not None and parsed.had_offset:
            return parsed.value.tzinfo or timezone.utc
    return timezone.utc


def _best_date(candidates: Iterable[tuple[str, object]], zone: tzinfo) -> DatedChoice:
    """Return the first candidate with a time of day, else the first bare date."""
    fallback: tuple[ParsedDate, str] | None = None
    for label, candidate in candidates:
        parsed = parse_date(candidate, zone)
        if parsed is None:
            continue
        if parsed.has_time:
            return parsed.value, label if parsed.had_offset else f"{label}:no-offset"
        if fallback is None:
            fallback = parsed, f"{label}:date"
    return (fallback[0].value, fallback[1]) if fallback is not None else (None, None)
