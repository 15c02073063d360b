"""Atom 1.0 feeds (RFC 4287) and their entries.

An entry's ``content`` (``type`` ``text``, ``html`` or ``xhtml``) is its
body, its ``summary`` the summary; ``published`` and ``updated`` its dates;
its authors are its own, else its ``source``'s, else the feed's (as RFC 4287
says).  ``xml:base`` is honoured on every element.  The mapping is in
``docs/reference/formats/atom.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from lxml import etree
from newsparse import Image

from newsparse_feeds import names
from newsparse_feeds.content import Text, element_text, plain_text, resolve
from newsparse_feeds.items import Item, date_of, extension_texts, media_images
from newsparse_feeds.xmlread import line_of

__all__ = ["FeedInfo", "ReadItem", "read_atom"]

ReadItem = Callable[[etree._Element], Item]
"""Reads one entry element."""

_KNOWN = frozenset({names.ATOM, names.DC, names.CONTENT, names.MEDIA, names.RDF})
_TEXT_KINDS = frozenset({"text", "html", "xhtml"})


def _atom(name: str) -> str:
    return f"{{{names.ATOM}}}{name}"


def base_of(element: etree._Element, fallback: str | None = None) -> str | None:
    """Return the ``xml:base`` in force on ``element`` (each one resolved against the outer)."""
    bases = [b for node in (element, *element.iterancestors()) if (b := node.get(names.XML_BASE))]
    base = fallback
    for value in reversed(bases):
        base = resolve(value, base)
    return base


def _construct(element: etree._Element | None) -> Text | None:
    """Return the text of an Atom text construct (``title``, ``summary``, ``content``)."""
    if element is None:
        return None
    kind = (element.get("type") or "text").lower()
    if kind in _TEXT_KINDS:
        return element_text(element, kind)
    if kind.startswith("text/html") or kind.endswith(("+xml", "/xml")):
        return element_text(element, "html" if "html" in kind else "xhtml")
    if kind.startswith("text/"):
        return element_text(element, "text")
    return None  # base64 or other media: not text


def _line_text(element: etree._Element | None) -> str | None:
    text = _construct(element)
    return (plain_text(text) or None) if text is not None else None


def _link(element: etree._Element, rel: str) -> etree._Element | None:
    for link in element.findall(_atom("link")):
        if (link.get("rel") or "alternate") == rel:
            return link
    return None


def _names(element: etree._Element | None) -> list[str]:
    if element is None:
        return []
    return [
        name
        for author in element.findall(_atom("author"))
        if (name := " ".join("".join(author.findtext(_atom("name")) or "").split()))
    ]


class FeedInfo:
    """What the feed element says that entries inherit or that goes to their ``meta``."""

    __slots__ = ("authors", "language", "link", "title")

    def __init__(self, feed: etree._Element) -> None:
        self.title = _line_text(feed.find(_atom("title")))
        """The feed's title."""
        alternate = _link(feed, "alternate")
        self.link = (
            None if alternate is None else resolve(alternate.get("href"), base_of(alternate))
        )
        """The feed's alternate link (its site)."""
        self.language = feed.get(names.XML_LANG)
        """The feed's ``xml:lang``."""
        self.authors = _names(feed)
        """The feed's authors: those of its entries that name none."""


def read_atom(root: etree._Element) -> tuple[list[etree._Element], ReadItem]:
    """Return the entry elements of the Atom document ``root``, and the function that reads one.

    Raises:
        ValueError: ``root`` is not an Atom ``feed`` (nor a lone ``entry``).
    """
    qname = etree.QName(root)
    if qname.namespace != names.ATOM or qname.localname not in {"feed", "entry"}:
        raise ValueError(f"the root element is {root.tag!r}, not Atom's 'feed'")
    info = FeedInfo(root)
    entries = [root] if qname.localname == "entry" else root.findall(_atom("entry"))
    return entries, functools.partial(_entry, info=info)


def _entry(entry: etree._Element, info: FeedInfo) -> Item:
    line = line_of(entry)
    base = base_of(entry, info.link)
    item = Item(line=line, base=base)
    item.title = _line_text(entry.find(_atom("title")))
    alternate = _link(entry, "alternate")
    if alternate is not None:
        item.url = resolve(alternate.get("href"), base_of(alternate, info.link))
    identifier = " ".join((entry.findtext(_atom("id")) or "").split())
    if identifier:
        item.meta[names.META_ID] = identifier
    item.published = date_of(entry.findtext(_atom("published")), item.meta)
    item.modified = date_of(entry.findtext(_atom("updated")), item.meta)
    item.authors = _names(entry) or _names(entry.find(_atom("source"))) or list(info.authors)
    item.authors += [
        " ".join(creator.split())
        for creator in (c.text or "" for c in entry.findall(f"{{{names.DC}}}creator"))
        if creator.strip()
    ]
    item.topics = [
        topic
        for category in entry.findall(_atom("category"))
        if (topic := " ".join((category.get("label") or category.get("term") or "").split()))
    ]
    item.language = entry.get(names.XML_LANG) or _language(entry) or info.language
    content = entry.find(_atom("content"))
    if content is not None and content.get("src"):
        item.meta[names.META_CONTENT_SOURCE] = resolve(content.get("src"), base_of(content)) or ""
    else:
        item.content = _construct(content)
    item.description = _construct(entry.find(_atom("summary")))
    item.extensions = extension_texts(entry, _KNOWN)
    for link in entry.findall(_atom("link")):
        if link.get("rel") == "enclosure" and (link.get("type") or "").startswith("image/"):
            url = resolve(link.get("href"), base_of(link, info.link))
            item.images.append(Image(url=url, alt=link.get("title")))
    item.images.extend(media_images(entry, base))
    if info.title:
        item.meta[names.META_FEED_TITLE] = info.title
    if info.link:
        item.meta[names.META_FEED_LINK] = info.link
    return item


def _language(entry: etree._Element) -> str | None:
    for node in entry.iterancestors():
        lang = node.get(names.XML_LANG)
        if lang:
            return lang
    return None
