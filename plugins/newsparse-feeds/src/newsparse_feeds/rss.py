"""RSS 2.0, RSS 0.9x and RSS 1.0 (RDF Site Summary) channels and items.

RSS 2.0 and 0.9x elements are in no namespace, RSS 1.0 elements in
``http://purl.org/rss/1.0/`` (its items are siblings of the channel); both
take the same modules: Dublin Core (``dc:creator``, ``dc:date``,
``dc:subject``, ``dc:language``, ``dc:publisher``), ``content:encoded`` and
Media RSS.  The mapping is in ``docs/reference/formats/rss.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from lxml import etree
from newsparse import Image

from newsparse_feeds import names
from newsparse_feeds.content import all_text, element_text, plain_text, resolve
from newsparse_feeds.items import Item, date_of, extension_texts, media_images, person
from newsparse_feeds.xmlread import line_of

__all__ = ["Channel", "read_rss"]

_KNOWN = frozenset({None, names.RSS1, names.RDF, names.DC, names.CONTENT, names.MEDIA, names.ATOM})


class Channel:
    """What the channel says that its items inherit or that goes to their ``meta``."""

    __slots__ = ("language", "link", "publisher", "title")

    def __init__(self, element: etree._Element | None, namespace: str | None) -> None:
        def text(name: str, space: str | None = namespace) -> str | None:
            return _text(element, name, space) if element is not None else None

        self.title = text("title")
        """The channel's title."""
        self.link = text("link")
        """The channel's link: the base of the items' relative addresses."""
        self.language = text("language") or text("language", names.DC)
        """The channel's language."""
        self.publisher = text("publisher", names.DC)
        """The channel's ``dc:publisher``."""


def _text(element: etree._Element, name: str, namespace: str | None) -> str | None:
    child = element.find(name if namespace is None else f"{{{namespace}}}{name}")
    if child is None:
        return None
    return all_text(child) or None


def _texts(element: etree._Element, name: str, namespace: str | None) -> list[str]:
    path = name if namespace is None else f"{{{namespace}}}{name}"
    return [value for child in element.findall(path) if (value := all_text(child))]


def read_rss(root: etree._Element) -> tuple[list[etree._Element], Callable[[etree._Element], Item]]:
    """Return the item elements of the RSS document ``root``, and the function that reads one.

    Raises:
        ValueError: ``root`` is no RSS root (``rss`` or ``rdf:RDF``), or has no channel.
    """
    qname = etree.QName(root)
    if qname.localname == "rss" and not qname.namespace:
        namespace = None
        channels = root.findall("channel")
        if not channels:
            raise ValueError("the rss element has no channel")
        channel_element: etree._Element | None = channels[0]
        elements = channels[0].findall("item")
    elif qname.localname == "RDF" and qname.namespace == names.RDF:
        namespace = names.RSS1
        channel_element = root.find(f"{{{names.RSS1}}}channel")
        elements = root.findall(f"{{{names.RSS1}}}item")
    else:
        raise ValueError(f"the root element is {root.tag!r}, not RSS's 'rss' or 'rdf:RDF'")
    channel = Channel(channel_element, namespace)
    return elements, functools.partial(_item, channel=channel, namespace=namespace)


def _item(element: etree._Element, channel: Channel, namespace: str | None) -> Item:
    line = line_of(element)
    base = element.get(names.XML_BASE) or channel.link
    item = Item(line=line, base=base)
    title = element.find(_name("title", namespace))
    if title is not None:
        item.title = plain_text(element_text(title)) or None
    link = _text(element, "link", namespace)
    item.url = resolve(link, base)
    guid = element.find("guid")
    identifier = (" ".join((guid.text or "").split()) if guid is not None else None) or element.get(
        f"{{{names.RDF}}}about"
    )
    if identifier:
        item.meta[names.META_ID] = identifier
        permalink = guid is not None and (guid.get("isPermaLink") or "true").lower() != "false"
        if item.url is None and permalink and identifier.startswith(("http://", "https://")):
            item.url = identifier
    item.published = date_of(_text(element, "pubDate", None), item.meta) or date_of(
        _text(element, "date", names.DC), item.meta
    )
    item.authors = [
        *(name for value in _texts(element, "author", None) if (name := person(value))),
        *_texts(element, "creator", names.DC),
    ]
    item.topics = [*_texts(element, "category", namespace), *_texts(element, "subject", names.DC)]
    item.language = (
        element.get(names.XML_LANG) or _text(element, "language", names.DC) or channel.language
    )
    item.publisher = _text(element, "publisher", names.DC) or channel.publisher
    encoded = element.find(f"{{{names.CONTENT}}}encoded")
    if encoded is not None:
        item.content = element_text(encoded, "html")
    description = element.find(_name("description", namespace))
    if description is not None and (description.text or len(description)):
        item.description = element_text(description)
    item.extensions = extension_texts(element, _KNOWN)
    for enclosure in element.findall("enclosure"):
        if (enclosure.get("type") or "").lower().startswith("image/"):
            item.images.append(Image(url=resolve(enclosure.get("url"), base)))
    item.images.extend(media_images(element, base))
    if channel.title:
        item.meta[names.META_FEED_TITLE] = channel.title
    if channel.link:
        item.meta[names.META_FEED_LINK] = channel.link
    return item


def _name(name: str, namespace: str | None) -> str:
    return name if namespace is None else f"{{{namespace}}}{name}"
