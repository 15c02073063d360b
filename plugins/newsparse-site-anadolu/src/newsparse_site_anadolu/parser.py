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

import re
from datetime import date, datetime, timedelta, timezone
from typing import ClassVar

from newsparse import Section
from newsparse.plugin import Page, SiteFields, SiteParser, extracts, sections_of, select

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

    @extracts("sections")
    def sections(self, page: Page) -> tuple[Section, ...] | None:
        """Read the sections: the :attr:`blocks` of the :attr:`body` elements."""
        if self.body is None:
            return None
        blocks = (
            block for element in page.select(self.body) for block in select(element, self.blocks)
        )
        return sections_of(blocks, self.headings) or None

    @extracts("authors")
    def names(self, page: Page) -> tuple[str, ...] | None:
        """Read the byline without its ``|`` separator, one name per comma-separated part."""
        if self.authors is None:
            return None
        parts = (
            name.strip()
            for byline in page.texts(self.authors)
            for name in byline.strip("| ").split(",")
        )
        return tuple(name for name in parts if name) or None

    @extracts("published")
    def publication_date(self, page: Page) -> datetime | None:
        """Read the date the page prints, ``05.04.2025`` (day first), in Turkish time."""
        texts = page.tree.xpath(f"string({self.date_text})")
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

    def extract(self, page: Page) -> SiteFields:
        """Read the page, or hand it to the older version when it has the older markup."""
        if not page.select(self.body or "") and page.select(AnadoluAjansi.body or ""):
            return AnadoluAjansi().extract(page)
        return super().extract(page)

    def publication_date(self, page: Page) -> datetime | None:
        """Read the JSON-LD ``datePublished``, in Turkish time when it has no offset."""
        for article in page.json_ld_of_type("NewsArticle"):
            value = article.get("datePublished")
            if not isinstance(value, str):
                continue
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return moment if moment.tzinfo else moment.replace(tzinfo=TRT)
        return None
