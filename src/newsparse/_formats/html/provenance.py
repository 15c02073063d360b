"""Where each field of a page came from, how sure the extraction is, and what else was offered.

Every article read from a page (not newsparse's own markup) carries these
``meta`` keys, so that the lossless JSON keeps them:

``html.title-source``
    ``json-ld`` (the headline, or an article object's name), ``og:title``,
    ``twitter:title``, ``meta`` (Dublin Core and the like), ``microdata``,
    ``h1``, ``title`` (the ``<title>`` element), ``site-parser``, ``rules``
    (a part two sources share, put together by the title rules) or
    ``derived`` (made from the content).
``html.title-alternative.<source>``
    The title another of ``json-ld``, ``og:title``, ``twitter:title``,
    ``h1`` and ``title`` gives, when it differs from the chosen title (the
    site's name cut off as for the title, compared ignoring case, spaces and
    punctuation).
``html.authors-source``
    ``json-ld``, ``article:author``, ``meta``, ``microdata``,
    ``rel-author``, ``author-link`` or ``byline`` (the source that named the
    authors, see ``authors``), with ``+site`` when the only name is the
    site's own; absent when the page names nobody.
``html.published-source``, ``html.modified-source``
    ``json-ld``, ``meta``, ``microdata``, ``json-ld:dateCreated`` or
    ``time``, with ``:date`` for a bare calendar date and ``:no-offset``
    for a time without a UTC offset; absent without a date.
``html.body-source``, ``html.body-container``
    ``container`` (with the chosen elements as ``tag#id.class``),
    ``site-parser``, ``json-ld`` (the ``articleBody``) or ``all-text``;
    ``none`` for an empty body.
``html.<field>-confidence``
    For ``title``, ``authors``, ``published``, ``modified`` and ``body``: a
    number from ``0.00`` to ``1.00`` with two decimals.

A field's confidence starts from its source's weight and grows with the
agreement of the other sources (the title), or shrinks for a weak source (a
byline element, a date without its offset).  The body's is
worked out in ``confidence``.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsparse._formats.html.cleaning import clean_line, squash, unescape
from newsparse._formats.html.confidence import format_confidence
from newsparse._formats.html.jsonld import is_article
from newsparse._formats.html.sources import PageSources
from newsparse._formats.html.titles import page_h1, page_title_element, strip_site_name

__all__ = ["PREFIX", "date_meta", "field_meta", "offered_titles", "title_meta"]

PREFIX = "html."
"""The namespace of the keys this module writes."""

_TITLE_WEIGHT = {
    "site-parser": 0.95,
    "json-ld": 0.85,
    "og:title": 0.8,
    "twitter:title": 0.75,
    "microdata": 0.75,
    "meta": 0.7,
    "h1": 0.7,
    "rules": 0.7,
    "title": 0.55,
    "derived": 0.15,
}
_AUTHOR_WEIGHT = {
    "site-parser": 0.95,
    "json-ld": 0.85,
    "article:author": 0.8,
    "meta": 0.8,
    "microdata": 0.75,
    "rel-author": 0.7,
    "author-link": 0.6,
    "byline": 0.45,
}
_DATE_WEIGHT = {
    "site-parser": 0.95,
    "json-ld": 0.9,
    "meta": 0.85,
    "microdata": 0.8,
    "json-ld:dateCreated": 0.7,
    "time": 0.6,
}
_SHOWN = ("json-ld", "og:title", "twitter:title", "h1", "title")


def offered_titles(page: PageSources, names: set[str], title: str | None) -> dict[str, str]:
    """Return the first title each source offers, in priority order, without the site's name.

    ``title`` is the title the metadata rules chose: the less common sources
    (Dublin Core and other meta tags, microdata), which the rules ask after
    JSON-LD, ``og:title`` and ``twitter:title`` and before the ``<h1>``, are
    read only when none of those three gives it.  Read before the body step prunes the page (it
    may remove the ``<h1>``).
    """
    offered = dict(_first_titles(page, names, _stated_candidates(page)))
    wanted = squash(title) if title else None
    if wanted is not None and all(squash(text) != wanted for text in offered.values()):
        for label, text in _first_titles(page, names, _other_candidates(page)):
            if squash(text) == wanted:
                offered[label] = text
                break
    offered.update(_first_titles(page, names, _document_candidates(page)))
    return offered


def title_meta(offered: dict[str, str], title: str, chosen: str | None = None) -> dict[str, str]:
    """Return the title's ``meta`` keys: its source, its confidence and the alternatives.

    ``offered`` is what :func:`offered_titles` found.  ``chosen`` names the
    source when the caller knows it (``derived``, ``site-parser``);
    otherwise it is the first source that gives ``title``.
    """
    wanted = squash(title)
    source = chosen or next(
        (label for label, text in offered.items() if squash(text) == wanted), "rules"
    )
    meta = {PREFIX + "title-source": source}
    agree = disagree = 0
    for label, text in offered.items():
        if label == source or label not in _SHOWN:
            continue
        if squash(text) == wanted:
            agree += 1
        else:
            disagree += 1
            meta[f"{PREFIX}title-alternative.{label}"] = text
    weight = _TITLE_WEIGHT.get(source, 0.6)
    if agree + disagree:
        share = agree / (agree + disagree)
        weight = weight * (0.75 + 0.25 * share) + (1.0 - weight) * 0.8 * share
    meta[PREFIX + "title-confidence"] = format_confidence(weight)
    return meta


def field_meta(field: str, source: str | None) -> dict[str, str]:
    """Return the ``meta`` keys of the authors: their source and confidence."""
    if source is None:
        return {}
    site_only = source.endswith("+site")
    weight = _AUTHOR_WEIGHT.get(source.removesuffix("+site"), 0.5) * (0.5 if site_only else 1.0)
    return {
        f"{PREFIX}{field}-source": source,
        f"{PREFIX}{field}-confidence": format_confidence(weight),
    }


def date_meta(field: str, source: str | None) -> dict[str, str]:
    """Return the ``meta`` keys of a date (``published``, ``modified``)."""
    if source is None:
        return {}
    base, _, note = source.partition(":")
    if base == "json-ld" and note == "dateCreated":
        base, note = source, ""
    elif base == "json-ld" and note.startswith("dateCreated:"):
        base, note = "json-ld:dateCreated", note.removeprefix("dateCreated:")
    weight = _DATE_WEIGHT.get(base, 0.5)
    if note == "date":
        weight *= 0.8
    elif note == "no-offset":
        weight *= 0.75
    return {
        f"{PREFIX}{field}-source": source,
        f"{PREFIX}{field}-confidence": format_confidence(weight),
    }


def _first_titles(
    page: PageSources, names: set[str], candidates: Iterator[tuple[str, object]]
) -> Iterator[tuple[str, str]]:
    """Yield the first title each source of ``candidates`` offers, without the site's name."""
    h1 = page_h1(page)
    seen: set[str] = set()
    for label, value in candidates:
        if label in seen:
            continue
        text = clean_line(value)
        if text:
            text = strip_site_name(text, names, h1)
            if text and squash(text) not in names:
                seen.add(label)
                yield label, text


def _stated_candidates(page: PageSources) -> Iterator[tuple[str, object]]:
    """Yield the usual stated title candidates: JSON-LD, og:title, twitter:title."""
    for value in page.ld_values("headline"):
        yield "json-ld", unescape(value)
    for obj in page.ld:
        if is_article(obj):
            yield "json-ld", unescape(obj.get("name"))
    for value in page.metas("og:title"):
        yield "og:title", value
    for value in page.metas("twitter:title"):
        yield "twitter:title", value


def _document_candidates(page: PageSources) -> Iterator[tuple[str, object]]:
    """Yield the title candidates of the document itself: the ``<h1>``, the ``<title>``."""
    h1 = page_h1(page)
    if h1:
        yield "h1", h1
    title = page_title_element(page)
    if title:
        yield "title", title


def _other_candidates(page: PageSources) -> Iterator[tuple[str, object]]:
    """Yield the less common title candidates with their source: meta tags, microdata."""
    for value in page.metas(
        "dc.title",
        "dcterms.title",
        "citation_title",
        "parsely-title",
        "sailthru.title",
        "title",
    ):
        yield "meta", value
    for value in page.itemprop("headline"):
        yield "microdata", value
