"""Namespaces, format names and the ``meta`` keys of the feed formats."""

from __future__ import annotations

__all__ = [
    "ATOM",
    "ATOM_FORMAT",
    "CONTENT",
    "DC",
    "MEDIA",
    "META_CONTENT",
    "META_CONTENT_SOURCE",
    "META_DATE",
    "META_FEED_LINK",
    "META_FEED_TITLE",
    "META_ID",
    "META_KEYS",
    "META_TITLE_DERIVED",
    "RDF",
    "RSS1",
    "RSS_FORMAT",
    "XML_BASE",
    "XML_LANG",
]

RSS_FORMAT = "rss"
ATOM_FORMAT = "atom"

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

META_ID = "feed.id"
META_FEED_TITLE = "feed.title"
META_FEED_LINK = "feed.link"
META_CONTENT = "feed.content"
META_TITLE_DERIVED = "feed.title_derived"
META_DATE = "feed.date"
META_CONTENT_SOURCE = "feed.content_src"

META_KEYS: dict[str, str] = {
    META_ID: "the item's identifier: RSS guid, RSS 1.0 rdf:about, Atom id",
    META_FEED_TITLE: "the title of the feed (channel) the item comes from",
    META_FEED_LINK: "the address of the feed's site (channel link, Atom alternate link)",
    META_CONTENT: "the item's own content when extension elements gave the body instead",
    META_CONTENT_SOURCE: "the address of an Atom entry's content kept outside the feed (src)",
    META_DATE: "a date of the item newsparse could not read, as written",
    META_TITLE_DERIVED: '"true" when the item had no title and it was made from its text',
}
"""Every ``meta`` key the formats set, with what it holds."""
