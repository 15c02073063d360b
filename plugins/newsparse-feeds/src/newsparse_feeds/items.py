"""What RSS items and Atom entries have in common, and how it becomes an article.

:mod:`~newsparse_feeds.rss` and :mod:`~newsparse_feeds.atom` read the
elements of their vocabulary into :class:`Item`; :meth:`Item.article` makes
the article by the rules on the reference pages (``docs/reference/formats/rss.md``
and ``atom.md``): which text is the body, which the summary, the title when
the item has none, the extension text of an item whose content is a stub.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree
from newsparse import Article, Image, Section
from newsparse.plugin import Fragment

from newsparse_feeds import names
from newsparse_feeds.content import Text, all_text, plain_text, read_text, resolve
from newsparse_feeds.dates import parse_date

__all__ = ["Item", "MissingTitleError", "date_of", "extension_texts", "media_images", "person"]

_STUB_TEXT = 200  # characters: content shorter than this may be a stub
_EXTENSION_TEXT = 80  # characters an extension element needs to count as story text
_EXTENSION_SHARE = 4  # ... and how many times longer than the stub they must be together
_DERIVED_TITLE = 120  # characters at most in a title made from the text
_PERSON = re.compile(r"\s*(?P<email>[^\s()<>]+@[^\s()<>]+)\s*\((?P<name>[^()]+)\)\s*\Z")
_SENTENCE = re.compile(r"(?<=[.!?])\s")


class MissingTitleError(ValueError):
    """The item has neither a title nor any text to make one from."""


def person(value: str | None) -> str | None:
    """Return the name in an RSS ``author`` value: ``"jo@x.org (Jo Bloggs)"`` gives ``"Jo Bloggs"``.

    >>> person("jo@example.org (Jo Bloggs)")
    'Jo Bloggs'
    >>> person("Jo Bloggs")
    'Jo Bloggs'
    """
    if value is None:
        return None
    found = _PERSON.match(value)
    text = found["name"] if found else value
    return " ".join(text.split()) or None


@dataclass
class Item:
    """The fields of one item or entry as found, before the article is made."""

    line: int
    """The line the item starts on."""
    title: str | None = None
    url: str | None = None
    base: str | None = None
    """The address relative addresses of the item resolve against."""
    identifier: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    authors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    language: str | None = None
    publisher: str | None = None
    content: Text | None = None
    """The full content (``content:encoded``, Atom ``content``)."""
    description: Text | None = None
    """The description or summary."""
    extensions: list[Text] = field(default_factory=list)
    """Long texts of elements in namespaces the format does not read."""
    images: list[Image] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    def article(self, *, source: str) -> Article:
        """Build the article.

        Raises:
            MissingTitleError: no title and no text.
            ValueError: a value breaks a model rule (a ``ValidationError``).
            ParseError: the markup is beyond libxml2's limits.
        """
        title = _one_line(self.title)
        summary = plain_text(self.description) if self.description else None
        body, whole_description = self._body(title, source)
        if whole_description:
            summary = None  # the description is the story: it is the body, not a summary
        if not title:
            title = _derived_title(summary, body.sections)
            self.meta[names.META_TITLE_DERIVED] = "true"
        return Article(
            title=title,
            body=body.sections,
            images=_unique_images([*self.images, *body.images]),
            authors=tuple(dict.fromkeys(a for a in self.authors if a)),
            published=self.published,
            modified=self.modified,
            url=self.url,
            publisher=self.publisher,
            language=self.language,
            topics=tuple(dict.fromkeys(t for t in self.topics if t)),
            summary=summary or None,
            meta=self.meta,
        )

    def _body(self, title: str | None, source: str) -> tuple[Fragment, bool]:
        """Return the body, and whether it is the description's."""
        content = self.content
        if content is None and self.description is not None:
            described = read_text(self.description, title=title, base=self.base, source=source)
            paragraphs = sum(len(section.paragraphs) for section in described.sections)
            if paragraphs > 1 or described.images:  # the whole story, not a teaser
                return described, True
            content_length = 0
        else:
            content_length = len(plain_text(content)) if content else 0
        extension_length = sum(len(plain_text(text)) for text in self.extensions)
        if content_length < _STUB_TEXT and extension_length >= max(
            _EXTENSION_SHARE * content_length, _EXTENSION_TEXT
        ):
            if content is not None and content_length:
                self.meta[names.META_CONTENT] = plain_text(content)
            sections: list[Section] = []
            for text in self.extensions:
                found = read_text(text, title=title, base=self.base, source=source)
                sections.extend(found.sections)
            return Fragment(sections=_merged(sections)), False
        if content is None:
            return Fragment(), False
        return read_text(content, title=title, base=self.base, source=source), False


def _merged(sections: list[Section]) -> tuple[Section, ...]:
    """Join consecutive sections without a heading (the texts of several elements)."""
    merged: list[Section] = []
    for section in sections:
        if merged and section.heading is None:
            last = merged[-1]
            merged[-1] = Section(
                heading=last.heading, paragraphs=last.paragraphs + section.paragraphs
            )
        else:
            merged.append(section)
    return tuple(merged)


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None


def _derived_title(summary: str | None, sections: tuple[Section, ...]) -> str:
    """Make a title from the first sentence of the summary or the body."""
    text = summary or next((p for s in sections for p in s.paragraphs), None)
    if not text:
        raise MissingTitleError("the item has no title and no text to make one from")
    sentence = _SENTENCE.split(text, maxsplit=1)[0]
    if len(sentence) > _DERIVED_TITLE:
        cut = sentence[:_DERIVED_TITLE].rsplit(" ", 1)[0]
        sentence = cut + "\u2026"
    return sentence


def _unique_images(images: list[Image]) -> tuple[Image, ...]:
    seen: set[str] = set()
    kept: list[Image] = []
    for image in images:
        if image.url is not None:
            if image.url in seen:
                continue
            seen.add(image.url)
        kept.append(image)
    return tuple(kept)


def extension_texts(item: etree._Element, known: frozenset[str | None]) -> list[Text]:
    """Return the long texts of elements of ``item`` in namespaces not in ``known``.

    A leaf element (no child element) whose text is at least ``_EXTENSION_TEXT``
    characters long counts, in document order.
    """
    found: list[Text] = []
    for element in item.iterdescendants():
        tag: object = element.tag
        if not isinstance(tag, str) or len(element):
            continue
        if etree.QName(element).namespace in known:
            continue
        value = (element.text or "").strip()
        if len(value) >= _EXTENSION_TEXT:
            found.append(Text(value, is_markup=bool(re.search(r"<[A-Za-z/]", value))))
    return found


def date_of(value: str | None, meta: dict[str, str]) -> datetime | None:
    """Return the date ``value`` states; one not understood is kept in ``meta`` as written."""
    if value is None:
        return None
    found = parse_date(value)
    if found is None:
        meta.setdefault(names.META_DATE, value)
    return found


def _number(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _is_image(element: etree._Element) -> bool:
    kind = (element.get("type") or "").lower()
    medium = (element.get("medium") or "").lower()
    if medium:
        return medium == "image"
    if kind:
        return kind.startswith("image/")
    url = (element.get("url") or "").lower().split("?")[0]
    return url.endswith((".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"))


def _media_text(element: etree._Element, name: str) -> str | None:
    child = element.find(f"{{{names.MEDIA}}}{name}")
    if child is None:
        return None
    return all_text(child) or None


def _media_image(rendition: etree._Element, around: etree._Element, base: str | None) -> Image:
    def text(name: str) -> str | None:
        return _media_text(rendition, name) or _media_text(around, name)

    return Image(
        url=resolve(rendition.get("url"), base),
        alt=text("title"),
        caption=text("description"),
        credit=text("credit"),
    )


def _largest(renditions: list[etree._Element]) -> etree._Element:
    def size(element: etree._Element) -> tuple[int, int]:
        area = _number(element.get("width")) * _number(element.get("height"))
        return area, _number(element.get("fileSize"))

    return max(renditions, key=size)


def media_images(item: etree._Element, base: str | None) -> list[Image]:
    """Return the pictures of an item's Media RSS elements: one per photo, the largest rendition.

    A ``media:group`` is one photo in several renditions; a ``media:content``
    outside a group is one photo.  A ``media:thumbnail`` outside them is a
    picture only when the item has no other.
    """
    images: list[Image] = []
    for group in item.findall(f"{{{names.MEDIA}}}group"):
        renditions = [r for r in group.findall(f"{{{names.MEDIA}}}content") if _is_image(r)]
        if renditions:
            images.append(_media_image(_largest(renditions), group, base))
    for content in item.findall(f"{{{names.MEDIA}}}content"):
        if _is_image(content):
            images.append(_media_image(content, item, base))
    if not images:
        thumbnails = item.findall(f"{{{names.MEDIA}}}thumbnail")
        if thumbnails:
            images.append(_media_image(_largest(thumbnails), item, base))
    return images
