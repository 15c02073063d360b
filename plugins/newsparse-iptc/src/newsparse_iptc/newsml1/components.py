"""Walking the components of a NewsML 1.x news item: its texts, pictures and inner items.

A ``NewsComponent`` holds content items, or other components, or news items
(inline, or ``NewsItemRef`` references).  :func:`walk` sorts what an item's
top component holds:

- text content items (``MediaType`` ``Text``) are the body, in document order;
  where a component is a list of equivalents (``EquivalentsList="yes"``),
  only its first alternative is read;
- a *picture* is a component whose content is all non-text (photos,
  graphics, video renditions), apart from components with the ``Caption``
  role, and none of whose child components looks like a picture of its own
  (one with a headline or a caption): it gives one image, whatever its
  number of renditions;
- a caption component outside any picture gives an image with a caption only;
- inner ``NewsItem`` elements are items of their own; ``NewsItemRef``
  elements are references to items outside the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from newsparse_iptc.newsml1.tree import attribute, children, first, formal_name

__all__ = ["Contents", "is_caption", "kind_of", "media_items", "walk"]

_TEXT_FORMATS = ("nitf", "xhtml", "html", "text", "7901", "anpa", "xml")
_PICTURE_FORMATS = ("jpeg", "jpg", "gif", "png", "tif", "bmp", "webp", "eps")


@dataclass
class Contents:
    """What the components of one news item hold, sorted."""

    texts: list[list[etree._Element]] = field(default_factory=list)
    """The text content items: each entry lists alternatives (equivalents), the first first."""
    pictures: list[etree._Element] = field(default_factory=list)
    """The components that are each one picture."""
    media: list[etree._Element] = field(default_factory=list)
    """Non-text content items outside any picture component."""
    captions: list[etree._Element] = field(default_factory=list)
    """Caption components outside any picture component."""
    items: list[etree._Element] = field(default_factory=list)
    """Inner ``NewsItem`` elements."""
    references: list[etree._Element] = field(default_factory=list)
    """``NewsItemRef`` elements."""
    unknown: list[etree._Element] = field(default_factory=list)
    """Content items of no kind this reader can tell (no media type, format or data)."""


def kind_of(item: etree._Element) -> str:
    """Return the kind of a ``ContentItem``: ``"text"``, a media type in lower case, or ``""``.

    The ``MediaType`` says it; without one, the ``MimeType`` or ``Format``
    does (``text/...``, ``image/...``, ``NITF``, ``JPEG``, ...); without any, a
    ``DataContent`` is taken for text.
    """
    media = formal_name(first(item, "MediaType"))
    if media:
        return media.lower()
    mime = (formal_name(first(item, "MimeType")) or "").lower()
    if mime.startswith("text/") or mime.endswith(("xml", "html")):
        return "text"
    for prefix, kind in (("image/", "photo"), ("video/", "video"), ("audio/", "audio")):
        if mime.startswith(prefix):
            return kind
    declared = (formal_name(first(item, "Format")) or "").lower()
    if any(word in declared for word in _TEXT_FORMATS):
        return "text"
    if any(word in declared for word in _PICTURE_FORMATS):
        return "photo"
    return "text" if first(item, "DataContent") is not None else ""


def is_caption(component: etree._Element) -> bool:
    """Return whether ``component``'s ``Role`` is a caption."""
    return "caption" in (formal_name(first(component, "Role")) or "").lower()


def _content_items(component: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    """Return each content item under ``component`` with its component (not inside news items)."""
    found = [(component, item) for item in children(component, "ContentItem")]
    for child in children(component, "NewsComponent"):
        found.extend(_content_items(child))
    return found


def media_items(component: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    """Return the non-text content items under ``component``, with their components."""
    return [(owner, item) for owner, item in _content_items(component) if kind_of(item) != "text"]


def _uncaptioned_text(component: etree._Element) -> bool:
    if is_caption(component):
        return False
    if any(kind_of(item) == "text" for item in children(component, "ContentItem")):
        return True
    return any(_uncaptioned_text(child) for child in children(component, "NewsComponent"))


def _looks_like_own_picture(component: etree._Element) -> bool:
    headlines = children(first(component, "NewsLines"), "HeadLine")
    return any(True for _ in headlines) or any(
        is_caption(child) for child in children(component, "NewsComponent")
    )


def is_picture(component: etree._Element) -> bool:
    """Return whether ``component`` is one picture (see the module's description)."""
    if is_caption(component) or first(component, "NewsItem") is not None:
        return False
    if first(component, "NewsItemRef") is not None or not media_items(component):
        return False
    if _uncaptioned_text(component):
        return False
    return not any(_looks_like_own_picture(child) for child in children(component, "NewsComponent"))


def walk(top: etree._Element) -> Contents:
    """Sort what the component ``top`` (a news item's) holds."""
    contents = Contents()
    _visit(top, contents)
    return contents


def _visit(component: etree._Element, contents: Contents) -> None:
    if is_caption(component):
        contents.captions.append(component)
        return
    if is_picture(component):
        contents.pictures.append(component)
        return
    equivalents = (attribute(component, "EquivalentsList") or "").lower() == "yes"
    texts: list[etree._Element] = []
    for item in children(component, "ContentItem"):
        kind = kind_of(item)
        if kind == "text":
            texts.append(item)
        elif kind:
            contents.media.append(item)
        else:
            contents.unknown.append(item)
    if texts:
        contents.texts.extend([texts] if equivalents else [[text] for text in texts])
    parts = list(children(component, "NewsComponent"))
    if equivalents and parts:
        parts = parts[:1]
    for part in parts:
        _visit(part, contents)
    contents.items.extend(children(component, "NewsItem"))
    contents.references.extend(children(component, "NewsItemRef"))
