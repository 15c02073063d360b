"""The ``rss`` and ``atom`` formats: one article per item or entry of a feed.

Input is one feed document.  Each item (RSS) or entry (Atom) is one
article; an item that cannot be read (no title and no text, a value the
model refuses) is reported as a :class:`~newsparse.ParseError` with its line,
and the other items are still read.  The repairs made to XML that is not
well-formed (:mod:`newsparse_feeds.xmlread`: HTML entities XML does not
declare, bare ampersands) are made silently: each gives exactly the text the
feed meant, as every feed reader and browser reads it, so nothing is lost or
guessed.  Both formats only read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree
from newsparse import NewsparseError, ParseError
from newsparse.plugin import Format, ParseItem, TextStream, limits_of

from newsparse_feeds import names
from newsparse_feeds.atom import read_atom
from newsparse_feeds.items import Item
from newsparse_feeds.rss import read_rss
from newsparse_feeds.xmlread import declared_encoding, line_of, parse_feed_xml

__all__ = ["AtomFormat", "RssFormat"]

Reader = Callable[[etree._Element], tuple[list[etree._Element], Callable[[etree._Element], Item]]]

# What may come before the root element: space, the XML declaration and other
# processing instructions, comments, a DOCTYPE.  Matched one at a time (a
# repeated group of these would backtrack without end on long space).
_PROLOG = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.DOTALL)
_START_TAG = re.compile(r"<(?P<name>[A-Za-z_][\w.-]*(?::[\w.-]+)?)(?P<attributes>[^<>]*)")
_MOST_PROLOG_PARTS = 64


def _root(sample: str) -> tuple[str, str] | None:
    """Return the name and attributes text of the root start tag, if ``sample`` shows it."""
    position = 1 if sample.startswith("\ufeff") else 0
    for _ in range(_MOST_PROLOG_PARTS):
        found = _PROLOG.match(sample, position)
        if found is None:
            break
        position = found.end()
    tag = _START_TAG.match(sample, position)
    return (tag["name"], tag["attributes"]) if tag else None


class _FeedFormat(Format):
    """What the two feed formats share: the XML reading and the item loop."""

    encoding = "utf-8"
    reader: Reader

    def declared_encoding(self, head: bytes) -> str | None:
        """Return the encoding of the feed's bytes (see ``xmlread.declared_encoding``)."""
        return declared_encoding(head)

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read each item of the feed as one article (see :mod:`newsparse_feeds.format`)."""
        limits = limits_of(stream)
        text = stream.read()
        if not text.strip():
            return
        root, _repairs = parse_feed_xml(
            text, format_name=self.name, source=source, max_depth=limits.max_depth
        )
        try:
            elements, read = type(self).reader(root)
        except ValueError as error:
            raise ParseError(
                str(error), format=self.name, source=source, line=line_of(root), column=1
            ) from None
        for element in elements:
            try:
                yield read(element).article(source=source)
            except (ValueError, NewsparseError) as error:
                message = error.message if isinstance(error, ParseError) else str(error)
                yield ParseError(
                    f"item: {message}",
                    format=self.name,
                    source=source,
                    line=line_of(element),
                    column=1,
                )


class RssFormat(_FeedFormat):
    """RSS 2.0, 0.9x and 1.0 feeds (see :mod:`newsparse_feeds.format`)."""

    name = names.RSS_FORMAT
    label = "RSS feed (2.0, 1.0, 0.9x)"
    extensions = (".rss",)
    media_types = ("application/rss+xml", "application/rdf+xml")
    reader = staticmethod(read_rss)

    def sniff(self, sample: str) -> float:
        """Score 0.95 for a root ``rss`` element or an ``rdf:RDF`` root declaring RSS 1.0."""
        root = _root(sample)
        if root is None:
            return 0.0
        name, attributes = root
        if name == "rss":
            return 0.95
        if name.endswith(":RDF") and names.RSS1 in attributes and names.RDF in attributes:
            return 0.95
        return 0.0


class AtomFormat(_FeedFormat):
    """Atom 1.0 feeds (see :mod:`newsparse_feeds.format`)."""

    name = names.ATOM_FORMAT
    label = "Atom feed"
    extensions = (".atom",)
    media_types = ("application/atom+xml",)
    reader = staticmethod(read_atom)

    def sniff(self, sample: str) -> float:
        """Score 0.95 for a root ``feed`` (0.9 for a lone ``entry``) in the Atom namespace."""
        root = _root(sample)
        if root is None:
            return 0.0
        name, attributes = root
        local = name.rpartition(":")[2]
        if local not in {"feed", "entry"} or names.ATOM not in attributes:
            return 0.0
        return 0.95 if local == "feed" else 0.9
