"""The names NewsML 1.x uses, and the ``meta`` keys the ``newsml1`` format reads.

Every key starts with ``newsml1.``; the inline NITF's own keys (``nitf.*``)
are read as the ``nitf`` format reads them.  The table of the keys is in
``docs/reference/formats/newsml1.md``.
"""

from __future__ import annotations

__all__ = [
    "ASSOCIATED_WITH",
    "BYLINE",
    "COMMENT",
    "COPYRIGHT_LINE",
    "CREATOR",
    "CREDIT_LINE",
    "DATELINE",
    "DATELINE_DATE",
    "DATE_ID",
    "DATE_LABEL",
    "ENVELOPE_DATE",
    "ENVELOPE_PRIORITY",
    "ENVELOPE_PRODUCT",
    "ENVELOPE_SERVICE",
    "ENVELOPE_TRANSMISSION",
    "FIRST_CREATED",
    "FORMAT_NAME",
    "GENRE",
    "HEADLINE_MORE",
    "INLINE_HEADLINE",
    "INSTRUCTION",
    "ITEM_TYPE",
    "KEYWORD_LINE",
    "LOCATION",
    "MEDIA_TYPE",
    "META_KEYS",
    "NAMESPACES",
    "NAME_LABEL",
    "NEWS_ITEM_ID",
    "NEWS_LINE",
    "PROVIDER_ID",
    "PUBLIC_IDENTIFIER",
    "REVISION_ID",
    "RIGHTS_LINE",
    "SERIES_LINE",
    "SLUGLINE",
    "STATUS",
    "STATUS_WILL_CHANGE",
    "SUBHEADLINE",
    "THIS_REVISION_CREATED",
    "URGENCY",
    "USAGE_TYPE",
]

FORMAT_NAME = "newsml1"

NAMESPACES: frozenset[str | None] = frozenset({None, "http://iptc.org/std/NewsML/2003-10-10/"})
"""The namespaces of NewsML 1.x elements: none (the DTD), or that of the
NewsML 1.2 XML Schema.  NewsML-G2's namespace is not one of them."""

PUBLIC_IDENTIFIER = "newsml1.public-identifier"
"""``NewsIdentifier/PublicIdentifier``: the item's URN (``urn:newsml:...``)."""
PROVIDER_ID = "newsml1.provider-id"
"""``NewsIdentifier/ProviderId``: the provider's domain name."""
DATE_ID = "newsml1.date-id"
"""``NewsIdentifier/DateId`` as written."""
NEWS_ITEM_ID = "newsml1.news-item-id"
"""``NewsIdentifier/NewsItemId``."""
REVISION_ID = "newsml1.revision-id"
"""``NewsIdentifier/RevisionId``: the revision number."""
NAME_LABEL = "newsml1.name-label"
"""``Identification/NameLabel``: the provider's label for the item."""
DATE_LABEL = "newsml1.date-label"
"""``Identification/DateLabel``: the provider's date for the item, as written."""
ITEM_TYPE = "newsml1.news-item-type"
"""``NewsManagement/NewsItemType/@FormalName`` (``News``, ``Advisory``, ...)."""
FIRST_CREATED = "newsml1.first-created"
"""``NewsManagement/FirstCreated`` as written, when it has no UTC offset (else ``published``)."""
THIS_REVISION_CREATED = "newsml1.this-revision-created"
"""``NewsManagement/ThisRevisionCreated`` as written, when it has no UTC offset (else
``modified``)."""
STATUS = "newsml1.status"
"""``NewsManagement/Status/@FormalName`` (``Usable``, ``Embargoed``, ``Withheld``, ``Canceled``)."""
STATUS_WILL_CHANGE = "newsml1.status-will-change"
"""``NewsManagement/StatusWillChange``: the future status and its date, as
``"Usable 20240118T000000Z"`` (an embargo, for one)."""
URGENCY = "newsml1.urgency"
"""``NewsManagement/Urgency/@FormalName``: ``"1"`` (most urgent) to ``"9"``."""
INSTRUCTION = "newsml1.instruction"
"""``NewsManagement/Instruction/@FormalName``, one per line."""
ASSOCIATED_WITH = "newsml1.associated-with"
"""``NewsManagement/AssociatedWith/@NewsItem``: related items, one per line."""
COMMENT = "newsml1.comment"
"""The ``Comment`` elements of the item, one per line."""
SUBHEADLINE = "newsml1.subheadline"
"""``NewsLines/SubHeadLine``, one per line."""
HEADLINE_MORE = "newsml1.headline.more"
"""The ``NewsLines/HeadLine`` elements after the first (the title), one per line."""
INLINE_HEADLINE = "newsml1.nitf.hl1"
"""The inline NITF's ``hl1`` when it differs from the ``HeadLine``."""
BYLINE = "newsml1.byline"
"""``NewsLines/ByLine`` as written, one per line (the authors are read from it)."""
DATELINE = "newsml1.dateline"
"""``NewsLines/DateLine``."""
CREDIT_LINE = "newsml1.creditline"
"""``NewsLines/CreditLine``."""
COPYRIGHT_LINE = "newsml1.copyrightline"
"""``NewsLines/CopyrightLine``."""
RIGHTS_LINE = "newsml1.rightsline"
"""``NewsLines/RightsLine``."""
SERIES_LINE = "newsml1.seriesline"
"""``NewsLines/SeriesLine``."""
SLUGLINE = "newsml1.slugline"
"""``NewsLines/SlugLine``."""
KEYWORD_LINE = "newsml1.keywordline"
"""``NewsLines/KeywordLine``, one per line (each is a topic too)."""
NEWS_LINE = "newsml1.newsline"
"""``NewsLines/NewsLine``: ``type: text``, one per line (a summary-like type gives the summary)."""
CREATOR = "newsml1.creator"
"""``AdministrativeMetadata/Creator/Party/@FormalName``, one per line."""
USAGE_TYPE = "newsml1.usage-type"
"""``RightsMetadata/UsageRights/UsageType``, one per line."""
GENRE = "newsml1.genre"
"""``DescriptiveMetadata/Genre/@FormalName``, one per line."""
LOCATION = "newsml1.location"
"""``DescriptiveMetadata/Location``: its properties as ``Name=Value`` joined by ``"; "``,
one location per line."""
DATELINE_DATE = "newsml1.dateline-date"
"""``DescriptiveMetadata/DateLineDate`` as written."""
MEDIA_TYPE = "newsml1.media-type"
"""The ``MediaType`` of an item that holds no text (``Photo``, ``Graphic``, ``Video``)."""
ENVELOPE_DATE = "newsml1.envelope.date-and-time"
"""``NewsEnvelope/DateAndTime`` as written: when the document was sent."""
ENVELOPE_TRANSMISSION = "newsml1.envelope.transmission-id"
"""``NewsEnvelope/TransmissionId``."""
ENVELOPE_SERVICE = "newsml1.envelope.news-service"
"""``NewsEnvelope/NewsService/@FormalName``, one per line."""
ENVELOPE_PRODUCT = "newsml1.envelope.news-product"
"""``NewsEnvelope/NewsProduct/@FormalName``, one per line."""
ENVELOPE_PRIORITY = "newsml1.envelope.priority"
"""``NewsEnvelope/Priority/@FormalName``."""

META_KEYS = (
    PUBLIC_IDENTIFIER,
    PROVIDER_ID,
    DATE_ID,
    NEWS_ITEM_ID,
    REVISION_ID,
    NAME_LABEL,
    DATE_LABEL,
    ITEM_TYPE,
    FIRST_CREATED,
    THIS_REVISION_CREATED,
    STATUS,
    STATUS_WILL_CHANGE,
    URGENCY,
    INSTRUCTION,
    ASSOCIATED_WITH,
    COMMENT,
    SUBHEADLINE,
    HEADLINE_MORE,
    INLINE_HEADLINE,
    BYLINE,
    DATELINE,
    CREDIT_LINE,
    COPYRIGHT_LINE,
    RIGHTS_LINE,
    SERIES_LINE,
    SLUGLINE,
    KEYWORD_LINE,
    NEWS_LINE,
    CREATOR,
    USAGE_TYPE,
    GENRE,
    LOCATION,
    DATELINE_DATE,
    MEDIA_TYPE,
    ENVELOPE_DATE,
    ENVELOPE_TRANSMISSION,
    ENVELOPE_SERVICE,
    ENVELOPE_PRODUCT,
    ENVELOPE_PRIORITY,
)
"""Every ``meta`` key of the ``newsml1`` format's own."""
