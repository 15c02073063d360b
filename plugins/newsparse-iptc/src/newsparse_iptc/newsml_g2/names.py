"""The names NewsML-G2 uses, and the ``meta`` keys the ``newsml-g2`` format reads and writes."""

from __future__ import annotations

from newsparse_iptc.nitf import names as nitf_names

__all__ = [
    "BY",
    "CONTENT_CREATED",
    "CONTENT_MODIFIED",
    "COPYRIGHT_HOLDER",
    "COPYRIGHT_NOTICE",
    "DATELINE",
    "ED_NOTE",
    "EMBARGOED",
    "FIRST_CREATED",
    "FORMAT_NAME",
    "GENRE",
    "GUID",
    "INLINE_ABSTRACT",
    "INLINE_HEADLINE",
    "LINE_KEYS",
    "LOCATED",
    "META_KEYS",
    "NAMESPACE",
    "PROVIDER",
    "PROVIDER_URI",
    "PUB_STATUS",
    "SLUGLINE",
    "SUBHEADLINE",
    "TEXT_CLASSES",
    "URGENCY",
    "USAGE_TERMS",
    "VERSION",
    "VERSION_CREATED",
    "XHTML_NAMESPACE",
]

FORMAT_NAME = "newsml-g2"

NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
"""The namespace of NewsML-G2 (the IPTC's News Architecture, NAR)."""
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
"""The namespace of XHTML, which ``inlineXML`` may carry."""

TEXT_CLASSES = frozenset({"ninat:text", "http://cv.iptc.org/newscodes/ninature/text"})
"""The ``itemClass`` (its ``qcode`` or ``uri``) of a text item: the items this format reads."""

GUID = "newsml-g2.guid"
"""``newsItem/@guid``: the item's identifier, the same for all its versions."""
VERSION = "newsml-g2.version"
"""``newsItem/@version``: the item's version, a positive whole number."""
SUBHEADLINE = "newsml-g2.subheadline"
"""The ``contentMeta/headline`` elements after the one that is the title, one per line."""
INLINE_HEADLINE = "newsml-g2.nitf.hl1"
"""The inline NITF's ``hl1`` when it differs from the item's ``headline``."""
INLINE_ABSTRACT = "newsml-g2.nitf.abstract"
"""The inline NITF's ``abstract`` when the item's ``description`` is the summary and differs."""
FIRST_CREATED = "newsml-g2.firstCreated"
"""``itemMeta/firstCreated`` as written, when it has no UTC offset (else it is ``published``)."""
VERSION_CREATED = "newsml-g2.versionCreated"
"""``itemMeta/versionCreated`` as written, when it has no UTC offset (else it is ``modified``)."""
CONTENT_CREATED = "newsml-g2.contentCreated"
"""``contentMeta/contentCreated`` as written."""
CONTENT_MODIFIED = "newsml-g2.contentModified"
"""``contentMeta/contentModified`` as written."""
EMBARGOED = "newsml-g2.embargoed"
"""``itemMeta/embargoed`` as written: not to be published before then."""
URGENCY = "newsml-g2.urgency"
"""``contentMeta/urgency``: the editorial urgency, ``"1"`` (most urgent) to ``"9"``."""
PUB_STATUS = "newsml-g2.pubStatus"
"""``itemMeta/pubStatus/@qcode``, such as ``stat:usable`` or ``stat:withheld``."""
PROVIDER = "newsml-g2.provider"
"""``itemMeta/provider/@qcode``: the provider's code (its ``name`` is the publisher)."""
PROVIDER_URI = "newsml-g2.provider.uri"
"""``itemMeta/provider/@uri``."""
ED_NOTE = "newsml-g2.edNote"
"""``itemMeta/edNote``: a note to editors, one line per ``edNote``."""
COPYRIGHT_HOLDER = "newsml-g2.copyright.holder"
"""``rightsInfo/copyrightHolder/name``."""
COPYRIGHT_NOTICE = "newsml-g2.copyright.notice"
"""``rightsInfo/copyrightNotice``."""
USAGE_TERMS = "newsml-g2.usageTerms"
"""``rightsInfo/usageTerms``."""
SLUGLINE = "newsml-g2.slugline"
"""``contentMeta/slugline``."""
DATELINE = "newsml-g2.dateline"
"""``contentMeta/dateline``."""
BY = "newsml-g2.by"
"""``contentMeta/by`` (the byline as written), one per line, when creators give the authors."""
LOCATED = "newsml-g2.located"
"""``contentMeta/located/name``: where the content was created."""
GENRE = "newsml-g2.genre"
"""``contentMeta/genre``: the journalistic form (its ``name``, else its ``@literal``),
one line per ``genre``; written as ``@literal``."""

META_KEYS = (
    GUID,
    VERSION,
    SUBHEADLINE,
    INLINE_HEADLINE,
    INLINE_ABSTRACT,
    FIRST_CREATED,
    VERSION_CREATED,
    CONTENT_CREATED,
    CONTENT_MODIFIED,
    EMBARGOED,
    URGENCY,
    PUB_STATUS,
    PROVIDER,
    PROVIDER_URI,
    ED_NOTE,
    COPYRIGHT_HOLDER,
    COPYRIGHT_NOTICE,
    USAGE_TERMS,
    SLUGLINE,
    DATELINE,
    BY,
    LOCATED,
    GENRE,
)
"""Every ``meta`` key of the ``newsml-g2`` format's own (the ``nitf.*`` keys of
the inline NITF are read and written too, as the ``nitf`` format does)."""

LINE_KEYS = frozenset({SUBHEADLINE, ED_NOTE, BY, GENRE})
"""Keys whose value holds one line per element."""

NITF_KEYS = frozenset(nitf_names.META_KEYS)
"""The ``nitf`` format's keys, which the inline NITF document holds."""
