"""The site parsers for Hankook Ilbo (한국일보, ``hankookilbo.com``).

The site was rebuilt in January 2026, so there are two versions:

:class:`HankookIlbo`
    The server-rendered pages (``/News/Read/<id>``) of articles published
    until 27 January 2026.  The text is in ``div[@itemprop='articleBody']``.
:class:`HankookIlbo2026`
    The Next.js pages (``/news/article/<id>``) of articles published from
    28 January 2026.  The text is in ``div#article-view-content`` when the
    server rendered it; some pages carry it only in the embedded page data (a
    script holding JSON with ``contentHtml``), and so does their date.

Both mark the text up the same way: the standfirst is an ``h2.sub-tit-ll``
whose lines are separated by ``<br>``, the sub-headings are
``h3.editor-tit`` and the paragraphs ``p.editor-p``; photo captions, pull
quotes and advertisements sit between them and are not text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any, ClassVar

import attrs
from lxml import etree, html
from newsparse import Section
from newsparse.plugin import Page, SiteParser, collapse, extracts, sections_of, select

__all__ = ["KST", "ArticleText", "HankookIlbo", "HankookIlbo2026"]

KST = timezone(timedelta(hours=9), "KST")
"""Korea Standard Time, in which the site writes its dates (no daylight saving)."""

_SUMMARY = "./h2[contains(@class, 'sub-tit')]"
_BLOCKS = "./h3[contains(@class, 'editor-tit')] | ./p[contains(@class, 'editor-p')]"
_DOTTED_DATE = re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})\.?\s+(\d{1,2}):(\d{2})")


class HankookIlbo(SiteParser):
    """Hankook Ilbo's server-rendered article pages, until January 2026."""

    name = "hankookilbo"
    domains = ("hankookilbo.com",)
    # No title selector: the generic rules read the JSON-LD headline (the h1
    # and og:title of some pages add quotation marks to it).
    authors: ClassVar[str | None] = (
        "//div[@itemprop='articleBody']/div[@class='writer']/span[@class='name']/strong"
    )
    published = "//meta[@property='article:published_time']/@content"
    content: ClassVar[str] = "//div[@itemprop='articleBody']"
    """XPath of the element whose children are the standfirst, sub-headings and paragraphs."""

    def article_text(self, page: Page) -> ArticleText | None:
        """Return the element holding the text, if the page has one."""
        found = page.select(self.content)
        return ArticleText(found[0], in_page=True) if found else None

    @extracts("summary")
    def standfirst(self, page: Page) -> str | None:
        """Read the standfirst: the lines of the ``h2.sub-tit-ll``, split at ``<br>``."""
        text = self.article_text(page)
        found = select(text.content, _SUMMARY) if text is not None else []
        return "\n".join(lines_of(found[0])) or None if found else None

    @extracts("sections")
    def sections(self, page: Page) -> tuple[Section, ...] | None:
        """Read the sub-headings and paragraphs, in order."""
        text = self.article_text(page)
        return sections_of(select(text.content, _BLOCKS)) or None if text is not None else None

    @extracts("body")
    def figures_container(self, page: Page) -> tuple[etree._Element, ...] | None:
        """Return the text element (where figures are looked for) when it is part of the page."""
        text = self.article_text(page)
        if text is None or not text.in_page or not sections_of(select(text.content, _BLOCKS)):
            return None
        return (text.content,)


class HankookIlbo2026(HankookIlbo):
    """Hankook Ilbo's Next.js article pages, from 28 January 2026."""

    valid_from = date(2026, 1, 28)
    title = "//meta[@name='headline']/@content"
    # The page names every author in JSON-LD and its author meta tag; the
    # generic rules read those.
    authors = None
    content = "//div[@id='article-view-content']"

    def article_text(self, page: Page) -> ArticleText | None:
        """Return the rendered text element, or else one made from the embedded page data."""
        rendered = super().article_text(page)
        if rendered is not None and sections_of(select(rendered.content, _BLOCKS)):
            return rendered
        data = page_data(page.tree)
        if data is None:
            return rendered
        content = html.fragment_fromstring(str(data["contentHtml"]), create_parent="div")
        subtitle = data.get("subTitle")
        if isinstance(subtitle, str) and subtitle.strip():
            content.insert(0, html.fragment_fromstring(f"<h2 class='sub-tit-ll'>{subtitle}</h2>"))
        return ArticleText(content, in_page=False)

    @extracts("published")
    def deployed(self, page: Page) -> datetime | None:
        """Read the date of the meta tag, else the page data's ``deployDt``."""
        stated = page.date(self.published) if self.published else None
        if stated is not None:
            return stated
        data = page_data(page.tree)
        deployed = data.get("deployDt") if data is not None else None
        return dotted_date(deployed) if isinstance(deployed, str) else None


@attrs.frozen
class ArticleText:
    """The element whose children are the article's text blocks."""

    content: etree._Element
    """The element itself."""
    in_page: bool
    """Whether it is part of the page (and so may be searched for figures),
    rather than made from the page data."""


def page_data(root: etree._Element) -> dict[str, Any] | None:
    """Return the article record of the page data embedded in a script, if any.

    The Next.js pages push it as JSON (``window["__RQ_..."].push({...})``); the
    record is the object that has ``contentHtml`` as markup.
    """
    decoder = json.JSONDecoder()
    for script in select(root, "//script[contains(., 'contentHtml')]"):
        text = script.text or ""
        start = text.find(".push(")
        if start < 0:
            continue
        try:
            value, _ = decoder.raw_decode(text, start + len(".push("))
        except ValueError:
            continue
        for record in _objects(value):
            markup = record.get("contentHtml")
            if isinstance(markup, str) and "<" in markup:
                return record
    return None


def _objects(value: object) -> Iterator[dict[str, Any]]:
    """Yield every JSON object in ``value``, outermost first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def dotted_date(text: str) -> datetime | None:
    """Read a date the site writes as ``2026.01.29 18:40`` (Korean time)."""
    match = _DOTTED_DATE.search(text)
    if match is None:
        return None
    year, month, day, hour, minute = map(int, match.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=KST)
    except ValueError:
        return None


def lines_of(element: etree._Element) -> list[str]:
    """Return the non-empty lines of ``element``'s text, broken where it has ``<br>``."""
    lines = [""]
    found = element.xpath(".//text() | .//br")
    for node in found if isinstance(found, list) else []:
        if isinstance(node, str):
            lines[-1] += node
        else:
            lines.append("")
    return [line for line in map(collapse, lines) if line]
