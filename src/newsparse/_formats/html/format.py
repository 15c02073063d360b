"""The ``html`` format: a saved news page in, one article out.

Reading a page takes three steps, each in its own module:

1. ``newsparse._formats.html.dom`` parses the text with lxml under
   safe settings (no network, no external entities, libxml2's size limits).
2. ``metadata`` reads what the page says
   about the article: JSON-LD, OpenGraph, Twitter cards, meta tags, then the
   DOM (title, authors, dates, canonical URL, site name, language, topics,
   summary, lead image).
3. When a plugin registered a site parser (``newsparse._formats.html.sites``) for the
   page's canonical URL, it supplies the fields it knows; they win.
4. ``body`` finds the article text and
   its figures with generic rules (no rule knows any site), in the elements
   the site parser names if it does.

The rule for bad pages
----------------------
A page is one article.  Its title is the metadata's title, else the first
``h1`` of the content, else one derived from the content and marked so
(:mod:`~newsparse._formats.html.derived`; for such a page every text
left after pruning counts when the usual rules find none).  A page with no
title and no text or image at all is a :class:`~newsparse.ParseError`
("no content"), and so is a page without any element, and a page the parser
gives up on at one of its safety limits (elements nested more than 256 deep,
a text or attribute over 10 MB), whose rest would otherwise be lost.  Empty input (or only
whitespace) holds no article.  A document newsparse wrote itself
(:mod:`~newsparse.render`) is read back exactly, one
article per ``<article>``.  A page with a title but
no article text (an index page, a video page) is an article with an empty
body: what was found is returned, and nothing is invented.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TextIO

from newsparse._blocks import BLOCK_KINDS
from newsparse._errors import NewsparseError, ParseError, PluginError
from newsparse._format import Format, ParseItem
from newsparse._formats.html.body import extract_all_text, extract_body
from newsparse._formats.html.charset import declared_encoding
from newsparse._formats.html.confidence import BodyEvidence, body_confidence, format_confidence
from newsparse._formats.html.derived import DERIVED, derive_title
from newsparse._formats.html.dom import FORMAT_NAME
from newsparse._formats.html.liveblog import live_entries, with_live_entries
from newsparse._formats.html.metadata import PageMetadata, extract_metadata
from newsparse._formats.html.pagebytes import is_blank, parse_page, read_page
from newsparse._formats.html.provenance import (
    PREFIX,
    date_meta,
    field_meta,
    offered_titles,
    title_meta,
)
from newsparse._formats.html.render import GENERATOR, read_own_markup, render_document
from newsparse._formats.html.renditions import photo_key
from newsparse._formats.html.sitefields import remove_elements
from newsparse._formats.html.sites import Page, RegisteredSiteParser, SiteFields, choose_site_parser
from newsparse._formats.html.sources import PageSources
from newsparse._formats.html.titles import site_names
from newsparse._limits import limits_of
from newsparse._marks import MARK_KINDS
from newsparse._model import Article, Image, Section
from newsparse._registry import Registered
from newsparse._textio import TextStream

__all__ = ["HtmlFormat"]

_STATED_BODY_SHARE = 0.5  # below this share of the JSON-LD body, the JSON-LD body wins

_MARKUP_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_ANY_HTML = re.compile(r"<(?:html|head|body|meta|title|div|p|article)\b", re.IGNORECASE)


class HtmlFormat(Format):
    """A news page in HTML (see ``newsparse._formats.html.format``)."""

    name = FORMAT_NAME
    label = "HTML news page"
    extensions = (".html", ".htm", ".xhtml")
    media_types = ("text/html", "application/xhtml+xml")
    blocks = BLOCK_KINDS
    marks = MARK_KINDS

    def __init__(
        self,
        site_parsers: Registered[tuple[str, date | None], RegisteredSiteParser] | None = None,
    ) -> None:
        """Read pages with the site parsers in ``site_parsers``, as plugins register them.

        The built-in plugin passes what the plugin host collects through
        ``SITE_PARSERS``; without
        it, the format reads every page with generic rules only.
        """
        self._site_parsers = Registered() if site_parsers is None else site_parsers

    @property
    def site_parsers(self) -> tuple[RegisteredSiteParser, ...]:
        """The site parsers the format consults now, with the plugins that registered them."""
        return tuple(self._site_parsers)

    def sniff(self, sample: str) -> float:
        """Score 0.9 for text that starts like an HTML document, 0.5 for HTML tags later."""
        text = sample.removeprefix("\ufeff")
        if text.lstrip().startswith("<?xml"):
            text = text[text.find("?>") + 2 :] if "?>" in text else ""
        if _MARKUP_START.match(text):
            return 0.9
        if _ANY_HTML.search(sample):
            return 0.5
        return 0.0

    def declared_encoding(self, head: bytes) -> str | None:
        """Return the encoding the page declares, by the rule in ``html.charset``."""
        return declared_encoding(head)

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read the page as one article (see the module docstring)."""
        limits = limits_of(stream)
        page = read_page(stream, limits.max_article_bytes, source)
        if is_blank(page):
            return  # no input, no article
        root, undecodable = parse_page(page, stream, source, limits.max_depth)
        if undecodable is not None:
            yield undecodable  # the page is read all the same, as a browser would
        try:
            # A page newsparse wrote names it in its generator mark: a page
            # without the name anywhere is not asked (a search of its bytes
            # costs less than the XPath query).
            own = read_own_markup(root) if _GENERATOR_BYTES in page else None
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise ParseError(
                f"damaged newsparse markup: {type(error).__name__}: {error}",
                format=self.name,
                source=source,
                line=1,
                column=1,
            ) from None
        if own is not None:
            yield from own
            return
        sources = PageSources(root)
        metadata = extract_metadata(root, sources)
        site = _site_fields(sources, metadata, source, self.site_parsers)
        title = site.title or metadata.title
        names = site_names(sources, metadata.publisher, metadata.url)
        offered = offered_titles(sources, names, title)
        evidence = BodyEvidence()
        body = extract_body(root, skip=(title,), containers=site.body, evidence=evidence)
        title_from = "site-parser" if site.title else None
        if title is None and body.headline:
            title, title_from = body.headline, "h1"
        if not body.sections and not metadata.body_text and site.sections is None:
            body = extract_all_text(root, evidence)
            evidence.origin = "all-text"
        sections = _body_sections(body.sections, site, metadata)
        entries = live_entries(sources.ld, sections) if site.sections is None else ()
        if entries:
            sections = with_live_entries(sections, entries)
        if site.sections is not None:
            evidence.origin = "site-parser"
        elif sections is not body.sections:
            evidence.origin = "json-ld"
        images = _merge_images(metadata.images, body.images)
        if title is None:
            title, title_from = derive_title(sections, images), DERIVED
        if title is None:
            raise ParseError(
                "no content: the page has no title, headline or h1, and no text or image",
                format=self.name,
                source=source,
                line=1,
                column=1,
            )
        meta = title_meta(offered, title, title_from)
        _field_sources(meta, metadata, site)
        meta.update(_body_meta(evidence, sections, metadata.body_text))
        yield Article(
            title=title,
            body=sections,
            images=images,
            meta=meta,
            authors=metadata.authors if site.authors is None else site.authors,
            published=site.published or metadata.published,
            modified=site.modified or metadata.modified,
            url=metadata.url,
            publisher=metadata.publisher,
            language=metadata.language,
            topics=metadata.topics if site.topics is None else site.topics,
            summary=site.summary or metadata.summary,
        )

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write the articles as one HTML5 document.

        See :mod:`newsparse.render` for the markup.

        Every valid article can be written, and reads back unchanged.
        """
        out.write(render_document(list(articles)))


_GENERATOR_BYTES = GENERATOR.encode()


def _body_sections(
    found: tuple[Section, ...], site: SiteFields, metadata: PageMetadata
) -> tuple[Section, ...]:
    """Return the body: the site parser's, else the text found, else the JSON-LD's.

    The JSON-LD ``articleBody`` replaces the text found in the page only when
    that text is much shorter: the page then shows the article with script
    (its text is in the JSON-LD alone) or the extractor missed most of it.
    """
    if site.sections is not None:
        return site.sections
    stated = metadata.body_text
    if stated:
        found_length = sum(len(p) for section in found for p in section.paragraphs)
        if found_length < _STATED_BODY_SHARE * sum(len(p) for p in stated):
            return (Section(paragraphs=stated),)
    return found


def _site_fields(
    sources: PageSources,
    metadata: PageMetadata,
    source: str,
    site_parsers: tuple[RegisteredSiteParser, ...],
) -> SiteFields:
    """Ask the site parser for the page's URL, if a plugin registered one in ``site_parsers``.

    The page's date picks the parser's version.  A fault in the parser's
    code is a :class:`~newsparse.PluginError` naming the plugin.
    """
    when = metadata.published.date() if metadata.published else None
    chosen = choose_site_parser(site_parsers, metadata.url, when)
    if chosen is None or metadata.url is None:
        return SiteFields()
    parser = chosen.parser
    try:
        remove_elements(sources.root, parser.remove)
        meta = {key: tuple(values) for key, values in sources.meta.items()}
        page = Page(tree=sources.root, url=metadata.url, json_ld=tuple(sources.all_ld), meta=meta)
        return parser.extract(page)
    except NewsparseError:
        raise
    except Exception as error:
        raise PluginError(
            chosen.plugin,
            f"site parser {parser.name!r} failed on {source}: {type(error).__name__}: {error}",
        ) from error


def _field_sources(meta: dict[str, str], metadata: PageMetadata, site: SiteFields) -> None:
    """Add the sources and confidences of the authors and dates to ``meta``."""
    given = dict(metadata.sources)
    if site.authors is not None:
        given["authors"] = "site-parser" if site.authors else None
    if site.published:
        given["published"] = "site-parser"
    if site.modified:
        given["modified"] = "site-parser"
    meta.update(field_meta("authors", given.get("authors")))
    meta.update(date_meta("published", given.get("published")))
    meta.update(date_meta("modified", given.get("modified")))


def _body_meta(
    evidence: BodyEvidence, sections: tuple[Section, ...], stated: tuple[str, ...]
) -> dict[str, str]:
    """Return the body's source, container and confidence as ``meta`` keys."""
    confidence = body_confidence(evidence, sections, stated)
    origin = evidence.origin if any(section.paragraphs for section in sections) else "none"
    meta = {
        PREFIX + "body-source": origin,
        PREFIX + "body-confidence": format_confidence(confidence),
    }
    if origin in {"container", "site-parser"} and evidence.container:
        meta[PREFIX + "body-container"] = evidence.container
    return meta


def _merge_images(lead: tuple[Image, ...], figures: tuple[Image, ...]) -> tuple[Image, ...]:
    """Return the lead images, then the figures that are not renditions of one of them."""
    seen = {photo_key(image.url) for image in lead if image.url}
    return lead + tuple(
        image for image in figures if not image.url or photo_key(image.url) not in seen
    )
