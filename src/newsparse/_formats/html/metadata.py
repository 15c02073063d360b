"""What a web page says about its article outside the body text.

``extract_metadata`` reads a parsed page and returns a
``PageMetadata`` whose every value already satisfies the model's rules
(see ``newsparse._model``).  It never raises, whatever the page holds:
each source is read defensively and values of the wrong type, unreadable
JSON or absurd dates are skipped.

Sources, in priority order
--------------------------
Each field takes its value from the first source that has a usable one:

1. **JSON-LD** (``<script type="application/ld+json">``).  Objects are found at
   the top level, in arrays, in ``@graph`` and under ``mainEntity``.  Only
   objects about an article count: an ``@type`` of the schema.org article
   family (``Article``, ``NewsArticle`` and its kinds, ``BlogPosting``,
   ``LiveBlogPosting``, ``Report``...), named plainly or by URL, or a
   ``WebPage`` that carries article fields (a headline, an author or a
   publication date).  When there are several, the one with a headline and
   the most article fields wins; the others only fill fields it lacks, and
   only when they do not name a different headline (a list of related
   articles must not lend its authors).
2. **OpenGraph** (``og:*``, ``article:*``).  ``article:author`` counts only when
   it is a name, not a profile URL.
3. **Other meta tags**: Twitter cards, ``author``, ``description``,
   ``keywords``/``news_keywords``, ``date``/``pubdate``/``publish-date``,
   Dublin Core (``DC.*``, ``dcterms.*``), Highwire ``citation_*``, Parse.ly,
   Sailthru, microdata ``itemprop`` values, ``<link rel="canonical">`` and
   ``<html lang>``.
4. **The document itself**: ``<title>``, the first ``<h1>`` (one inside
   ``<article>`` or ``<main>`` first), ``<time datetime>`` in the article,
   ``rel="author"`` links and elements whose class, id or itemprop says
   *byline* or *author*.

Field rules
-----------
Title
    See ``titles``: the site's name is
    cut off, and ``og:title`` or the ``<h1>`` may correct the first
    candidate (a kicker, an added clause).
Authors
    See ``authors``: bylines are cleaned
    and split into names, and the first source naming a person wins.
Dates
    See ``pagedates``: a candidate with a
    time of day beats a bare calendar date, and a time without an offset
    takes the page's own.
Topics
    ``keywords`` (a comma-separated string or a list), ``article:tag``,
    ``news_keywords`` and the like.  ``articleSection`` and
    ``article:section`` are *not* topics: they name where the page sits in
    the site's navigation, not what it is about.
Language
    ``_`` is read as ``-`` (``pt_BR`` becomes ``pt-BR``); a value that is not a
    BCP 47 tag is cut to its leading language subtag, or dropped.
Images
    The JSON-LD ``image`` (URL string, ``ImageObject`` with caption and
    credit, or a list of those), then ``og:image`` (with ``og:image:alt``)
    and ``twitter:image``.  An image has an address (a caption alone makes
    none; JSON-LD addresses are unescaped, ``&amp;`` becomes ``&``), and the
    renditions of one photo (see ``renditions``) are one image, the first
    met; at most ``MAX_IMAGES`` images.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime

import attrs
from lxml import etree

from newsparse._formats.html.authors import choose_authors_from, json_ld_author_values
from newsparse._formats.html.cleaning import (
    MAX_ITEMS,
    clean_absolute_url,
    clean_language,
    clean_line,
    clean_page_url,
    clean_summary,
    first_clean,
    text_paragraphs,
    unescape,
    unique,
)
from newsparse._formats.html.pagedates import choose_dates_from
from newsparse._formats.html.renditions import photo_key
from newsparse._formats.html.sources import PageSources
from newsparse._formats.html.titles import choose_title, site_names
from newsparse._model import Image

__all__ = ["MAX_IMAGES", "PageMetadata", "extract_metadata"]

#: At most this many images are reported.
MAX_IMAGES = 10


@attrs.frozen
class PageMetadata:
    """What a page says about its article, outside the body text."""

    title: str | None = None
    """The headline, without the site name."""

    authors: tuple[str, ...] = ()
    """Author names, without duplicates."""

    published: datetime | None = None
    """When the article was first published (timezone-aware)."""

    modified: datetime | None = None
    """When the article was last changed (timezone-aware)."""

    url: str | None = None
    """The canonical URL."""

    publisher: str | None = None
    """The site or publication name."""

    language: str | None = None
    """The language as a BCP 47 tag, such as ``"en"`` or ``"pt-BR"``."""

    topics: tuple[str, ...] = ()
    """Keywords, tags or subjects, without duplicates."""

    summary: str | None = None
    """The standfirst or description."""

    images: tuple[Image, ...] = ()
    """The lead image(s), with caption and credit when known."""

    body_text: tuple[str, ...] = ()
    """The paragraphs of the JSON-LD ``articleBody``, when the page gives one:
    the body's text as the publisher states it, without headings or figures."""

    sources: tuple[tuple[str, str | None], ...] = attrs.field(default=(), eq=False)
    """Where ``authors``, ``published`` and ``modified`` came from: each
    field's name with its source's (``None`` when absent), see
    ``html.provenance``.  Not compared: two pages stating the same values
    say the same thing."""


def extract_metadata(root: etree._Element, page: PageSources | None = None) -> PageMetadata:
    """Return what the page rooted at ``root`` says about its article.

    ``page`` is the page's :class:`PageSources` when the caller gathered them
    already.  Never raises: values that cannot be read are left out.
    """
    page = page if page is not None else PageSources(root)
    publisher = first_clean(_publisher_candidates(page), clean_line)
    url = first_clean(_url_candidates(page), clean_absolute_url)
    (published, published_from), (modified, modified_from) = choose_dates_from(page)
    names = site_names(page, publisher, url)
    authors, authors_from = choose_authors_from(page, names)
    return PageMetadata(
        title=choose_title(page, names),
        authors=authors,
        sources=(
            ("authors", authors_from),
            ("published", published_from),
            ("modified", modified_from),
        ),
        published=published,
        modified=modified,
        url=url,
        publisher=publisher,
        language=first_clean(_language_candidates(page), clean_language),
        topics=_topics(page),
        summary=first_clean(_summary_candidates(page), clean_summary),
        images=_images(page),
        body_text=_first_paragraphs(page.ld_values("articleBody")),
    )


def _first_paragraphs(candidates: Iterable[object]) -> tuple[str, ...]:
    """Return the lines of the first text candidate, tags taken out, as paragraphs."""
    for candidate in candidates:
        paragraphs = text_paragraphs(candidate)
        if paragraphs:
            return paragraphs
    return ()


def _url_candidates(page: PageSources) -> Iterator[object]:
    """Yield the canonical URL candidates in priority order."""
    for value in page.ld_values("mainEntityOfPage"):
        yield value.get("@id") or value.get("url") if isinstance(value, dict) else value
    yield from page.ld_values("url")
    yield from page.metas("og:url", "twitter:url", "parsely-link", "citation_public_url")
    for link in page.elements["link"]:
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            yield link.get("href")


def _publisher_candidates(page: PageSources) -> Iterator[object]:
    """Yield the publisher name candidates in priority order."""
    for value in page.ld_values("publisher"):
        items = value if isinstance(value, list) else [value]
        for item in items[:5]:
            yield unescape(item.get("name") if isinstance(item, dict) else item)
    yield from page.metas(
        "og:site_name",
        "dc.publisher",
        "dcterms.publisher",
        "citation_publisher",
        "citation_journal_title",
        "application-name",
    )


def _language_candidates(page: PageSources) -> Iterator[object]:
    """Yield the language candidates in priority order."""
    yield from page.ld_values("inLanguage")
    yield from page.metas("og:locale", "content-language", "dc.language", "language")
    yield page.root.get("lang")
    yield page.root.get("{http://www.w3.org/XML/1998/namespace}lang")


def _summary_candidates(page: PageSources) -> Iterator[object]:
    """Yield the summary candidates in priority order."""
    yield from (unescape(v) for v in page.ld_values("description"))
    yield from page.metas(
        "og:description",
        "twitter:description",
        "description",
        "dc.description",
        "dcterms.description",
        "dcterms.abstract",
        "citation_abstract",
    )


def _topics(page: PageSources) -> tuple[str, ...]:
    """Return the topics from the first source that gives any."""
    sources: list[list[object]] = [
        list(page.ld_values("keywords")),
        list(page.metas("article:tag", "og:article:tag")),
    ]
    for key in (
        "news_keywords",
        "keywords",
        "parsely-tags",
        "sailthru.tags",
        "dc.subject",
        "dcterms.subject",
        "citation_keywords",
    ):
        sources.append(list(page.metas(key)))
    for source in sources:
        topics = []
        for value in source:
            topics.extend(_split_topics(value))
        if topics:
            return unique(topics[:MAX_ITEMS])
    return ()


def _images(page: PageSources) -> tuple[Image, ...]:
    """Return the lead images, JSON-LD first, then OpenGraph and Twitter cards."""
    images: list[Image] = []
    seen: set[str] = set()

    def add(url: object, alt: object = None, caption: object = None, credit: object = None) -> None:
        clean = clean_page_url(url)
        if clean is None or photo_key(clean) in seen:
            return  # no image without an address; renditions of one photo are one image
        seen.add(photo_key(clean))
        fields = {
            "alt": clean_summary(unescape(alt)),
            "caption": clean_summary(unescape(caption)),
            "credit": clean_line(unescape(credit)),
        }
        images.append(Image(url=clean, **fields))

    for value in list(page.ld_values("image"))[:1]:
        for item in (value if isinstance(value, list) else [value])[:MAX_IMAGES]:
            if isinstance(item, dict):
                credit = item.get("creditText") or item.get("copyrightHolder")
                if credit is None:
                    credit = next(json_ld_author_values(item.get("author")), None)
                if isinstance(credit, dict):
                    credit = credit.get("name")
                url = item.get("url") or item.get("contentUrl") or item.get("@id")
                add(unescape(url), None, item.get("caption") or item.get("description"), credit)
            else:
                add(unescape(item))  # JSON-LD text may keep HTML's escapes (&amp;)
    alts = page.meta.get("og:image:alt", [])
    for index, url in enumerate(page.metas("og:image", "og:image:url", "og:image:secure_url")):
        add(url, alts[index] if index < len(alts) else None)
    for url in page.metas("twitter:image", "twitter:image:src"):
        add(url, next(page.metas("twitter:image:alt"), None))
    return tuple(images[:MAX_IMAGES])


def _split_topics(value: object) -> list[str]:
    """Return the topics one keywords value holds (a list or a comma-separated string)."""
    items = value if isinstance(value, list) else [value]
    topics: list[str] = []
    for item in items[:MAX_ITEMS]:
        if not isinstance(item, str):
            continue
        for part in re.split(r"[,;]" if "," in item or ";" in item else r"\n", item):
            topic = clean_line(unescape(part))
            if topic is not None and len(topic) <= 200:
                topics.append(topic)
    return topics
