"""The site parsers for Dagbladet (``dagbladet.no``).

Two versions, for two generations of the site's article markup:

:class:`Dagbladet`
    Pages whose header is a ``div.article-top`` (kicker, ``h1.headline``,
    ``h3.subtitle``) and whose text is the ``p`` and ``h2`` children of
    ``div.body-copy``, as on pages published in 2024.
:class:`Dagbladet2025`
    Pages whose header is a ``div.articleHeader`` (``h1.headline``,
    ``h2.subtitle``) and whose text is the ``p`` and ``h2`` children of the
    ``div.bodytext`` elements, as on pages published in 2026.

The kicker ("«Evnukkmakeren»:") is not part of the headline, and the text
children that are neither paragraphs nor crossheads (photos, videos, fact
boxes, the "Kort fortalt" AI summary, advertisements, links to other
articles) are not body text.  Only the page's own article is read: the
articles shown below it are left out.
"""

from __future__ import annotations

from datetime import date

from newsparse import Section
from newsparse.plugin import Page, SiteParser, extracts, sections_of, select

__all__ = ["Dagbladet", "Dagbladet2025"]

_ARTICLE = "//main[@id='main']/article[contains(@class, 'article-entity')][1]"
_BLOCKS = "./p | ./h2"


class Dagbladet(SiteParser):
    """Dagbladet's article pages in the markup of 2024."""

    name = "dagbladet"
    domains = ("dagbladet.no",)
    title = f"{_ARTICLE}/div[contains(@class, 'article-top')]//header/h1"
    authors = f"{_ARTICLE}//div[@class='bylines']//address[@class='name']/a[@rel='author']"
    summary = f"{_ARTICLE}/div[contains(@class, 'article-top')]//header/h3"
    body = f"{_ARTICLE}/div[contains(@class, 'body-copy')]"

    @extracts("sections")
    def sections(self, page: Page) -> tuple[Section, ...] | None:
        """Read the crossheads and paragraphs of the :attr:`body` elements."""
        blocks = (block for element in page.select(self.body) for block in select(element, _BLOCKS))
        return sections_of(blocks) or None


class Dagbladet2025(Dagbladet):
    """Dagbladet's article pages in the markup seen in 2026.

    The fixtures only show that the change happened between May 2024 and
    January 2026; 1 January 2025 is an estimate.
    """

    valid_from = date(2025, 1, 1)
    title = f"{_ARTICLE}/div[contains(@class, 'articleHeader')]/h1"
    # The author link holds the name twice (a hidden full name, then first
    # and last name); the hidden one is the name.
    authors = f"{_ARTICLE}//div[@class='bylines']//address[@class='name']/a/*[@itemprop='name']"
    summary = f"{_ARTICLE}/div[contains(@class, 'articleHeader')]/h2[contains(@class, 'subtitle')]"
    body = f"{_ARTICLE}/div[contains(@class, 'bodytext')]"
