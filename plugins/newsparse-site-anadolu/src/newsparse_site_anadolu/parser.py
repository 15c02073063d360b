"""The site parsers for Anadolu Ajansı (``aa.com.tr``), the Turkish news agency.

The site was rebuilt in April 2026, so there are two versions:

:class:`AnadoluAjansi`
    The pages of articles published until 5 April 2026: the header is
    ``div.detay-spot`` (``h1``, the standfirst in ``h4``, then a byline
    ``Name |`` and the date ``05.04.2025``), the text is
    ``div.detay-icerik``: a dateline ``h6``, ``h3`` crossheads and ``p``
    paragraphs.  The date is only in the text, day first, without a time.
:class:`AnadoluAjansi2026`
    The Next.js pages from 6 April 2026: the standfirst is the ``span``
    after the ``h1``, the text is the ``p`` and ``h2`` children of
    ``div[@dir]``, and the JSON-LD gives the date (without an offset).

Dates without an offset are Turkish time, UTC+03:00 (Turkey has kept it all
year since September 2016).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import ClassVar

from lxml import etree
from newsparse.model import Section
from newsparse.sites import SiteFields, SiteParser, sections_of, select

__all__ = ["TRT", "AnadoluAjansi", "AnadoluAjansi2026"]

TRT = timezone(timedelta(hours=3), "TRT")
"""Turkish time, in which the site writes its dates."""

_DAY_FIRST = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b(?:\s+(\d{1,2}):(\d{2}))?")


class AnadoluAjansi(SiteParser):
    """Anadolu Ajansı's article pages until 5 April 2026."""

    name = "anadolu"
    domains = ("aa.com.tr",)
    title: ClassVar[str | None] = "//div[contains(@class, 'detay-spot')]//h1"
    authors: ClassVar[str | None] = (
        "//div[contains(@class, 'detay-spot')]/div[@class='row']/span[1]"
    )
    summary: ClassVar[str | None] = "//div[contains(@class, 'detay-spot')]//h4"
    body: ClassVar[str | None] = "//div[@class='detay-icerik']"
    # The share box ("İlgili konular", "Bu haberi paylaşın") and the
    # subscription notice sit inside the text.  Both versions inherit this, as
    # the newest one may be the version chosen for an old page.
    remove: ClassVar[tuple[str, ...]] = (
        "//div[@class='detay-icerik']//div[contains(@class, 'detay-paylas')]",
        "//div[@class='detay-icerik']//span[contains(@class, 'detay-foto-editor')]",
    )
    blocks: ClassVar[str] = ".//h6 | .//h3 | .//p"
    """XPath of the text blocks inside the :attr:`body` elements, in reading order."""
    headings: ClassVar[frozenset[str]] = frozenset({"h3"})
    """The tags of the blocks that are crossheads (the ``h6`` dateline is text)."""
    date_text: ClassVar[str] = (
        "//div[contains(@class, 'detay-spot')]//span[contains(@class, 'tarih')]"
    )
    """XPath of the text that starts with the publication date."""

    def extract(self, root: etree._Element, url: str) -> SiteFields:
        """Add the sections and the date, and take the separator off the byline."""
        fields = super().extract(root, url)
        sections: tuple[Section, ...] = ()
        if fields.body:
            blocks = (block for element in fields.body for block in select(element, self.blocks))
            sections = sections_of(blocks, self.headings)
        authors = fields.authors
        if authors is not None:
            names = (name.strip() for author in authors for name in author.strip("| ").split(","))
            authors = tuple(name for name in names if name) or None
        return SiteFields(
            title=fields.title,
            authors=authors,
            published=fields.published or self.publication_date(root),
            modified=fields.modified,
            summary=fields.summary,
            topics=fields.topics,
            body=fields.body,
            sections=sections or None,
        )

    def publication_date(self, root: etree._Element) -> datetime | None:
        """Read the date the page prints, ``05.04.2025`` (day first), in Turkish time."""
        texts = root.xpath(f"string({self.date_text})")
        match = _DAY_FIRST.search(texts if isinstance(texts, str) else "")
        if match is None:
            return None
        day, month, year = (int(part) for part in match.group(1, 2, 3))
        hour, minute = (int(part) if part else 0 for part in match.group(4, 5))
        try:
            return datetime(year, month, day, hour, minute, tzinfo=TRT)
        except ValueError:
            return None


class AnadoluAjansi2026(AnadoluAjansi):
    """Anadolu Ajansı's Next.js article pages, from 6 April 2026.

    An older page has its date only in its text, so newsparse, knowing no
    date for it, hands it to this newest version: a page without this
    version's text container is read by :class:`AnadoluAjansi` instead.
    """

    valid_from = date(2026, 4, 6)
    title = None  # the generic rules read the JSON-LD headline, the same as the h1
    authors = None  # the generic rules read the JSON-LD author
    summary = "//h1/following-sibling::span[contains(@class, 'text-descriptionColor')]"
    body = "//div[@dir][contains(@class, 'prose')]"
    blocks = "./p | ./h2"
    headings = frozenset({"h2"})

    def extract(self, root: etree._Element, url: str) -> SiteFields:
        """Read the page, or hand it to the older version when it has the older markup."""
        if not root.xpath(self.body or "") and root.xpath(AnadoluAjansi.body or ""):
            return AnadoluAjansi().extract(root, url)
        return super().extract(root, url)

    def publication_date(self, root: etree._Element) -> datetime | None:
        """Read the JSON-LD ``datePublished``, in Turkish time when it has no offset."""
        for article in _json_ld_objects(root):
            value = article.get("datePublished")
            if article.get("@type") != "NewsArticle" or not isinstance(value, str):
                continue
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return moment if moment.tzinfo else moment.replace(tzinfo=TRT)
        return None


def _json_ld_objects(root: etree._Element) -> Iterator[dict[str, object]]:
    """Yield the top-level JSON objects of the page's JSON-LD scripts."""
    for script in select(root, "//script[@type='application/ld+json']"):
        try:
            value = json.loads(script.text or "")
        except ValueError:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                yield item
