"""Reading one NewsML 1.x ``NewsItem`` into an article.

The item's components are sorted first (:func:`~newsparse_iptc.newsml1.components.walk`):
the first text content item gives the fields (the NITF reader's
:class:`~newsparse_iptc.nitf.read.Fields`), later ones add their sections;
pictures give images; then the item's metadata fills the fields and, where
both give one, wins over the inline NITF's.  What the item holds but the
article cannot (a reference to an item or a text outside the document) is a
:class:`~newsparse_iptc.newsml1.tree.Problem`, which the format reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from newsparse import Article, Image, Section

from newsparse_iptc.dates import format_extended
from newsparse_iptc.newsml1 import names
from newsparse_iptc.newsml1.components import Contents, is_caption, kind_of, media_items, walk
from newsparse_iptc.newsml1.content import TextReader
from newsparse_iptc.newsml1.metadata import (
    Lines,
    caption_line,
    headlines_of,
    read_component_meta,
    read_item_meta,
)
from newsparse_iptc.newsml1.tree import (
    ItemError,
    Problem,
    attribute,
    children,
    first,
    formal_name,
    name_of,
    text,
)
from newsparse_iptc.nitf.read import Fields
from newsparse_iptc.skipped import describe
from newsparse_iptc.text import clean_url

__all__ = ["ItemResult", "read_news_item"]

# Renditions of a picture, the best first.
_RENDITION_ORDER = (
    "highdef",
    "hires",
    "high",
    "original",
    "main",
    "quicklook",
    "preview",
    "web",
    "thumb",
)


@dataclass
class ItemResult:
    """What one news item gives."""

    article: Article | None = None
    """The article; ``None`` for a package that only holds other items."""
    problems: list[Problem] = field(default_factory=list)
    """What it holds that the article cannot, in document order."""
    items: list[etree._Element] = field(default_factory=list)
    """Its inner news items, to read as items of their own."""


def read_news_item(
    item: etree._Element, envelope: dict[str, str], reader: TextReader
) -> ItemResult:
    """Read the ``NewsItem`` ``item``; ``envelope`` holds the document's envelope ``meta``.

    Raises:
        ItemError: the item has no content, holds updates or topics instead
            of news, holds no text and nothing to make an article of, or has
            no headline.
        ParseError: escaped XML in its text is not well-formed.
        ValueError: a value breaks a model invariant.
    """
    top = first(item, "NewsComponent")
    if top is None:
        other = next(children(item, "Update", "TopicSet"), None)
        if other is not None:
            what = (
                "an Update of an earlier revision"
                if etree.QName(other).localname == "Update"
                else "a TopicSet"
            )
            raise ItemError(
                f"the news item holds {what}, not news content: "
                "the newsml1 format reads news components",
                other,
            )
        raise ItemError("the news item has no NewsComponent: it holds no content", item)
    contents = walk(top)
    result = ItemResult(items=contents.items)
    for reference in contents.references:
        target = attribute(reference, "NewsItem") or attribute(reference, "Href") or "(no address)"
        result.problems.append(
            Problem(f"the package refers to a news item outside the document: {target}", reference)
        )
    for unknown in contents.unknown:
        result.problems.append(
            Problem(
                "a ContentItem with no MediaType, MimeType, Format or DataContent is not read",
                unknown,
            )
        )
    fields, text_components = _read_texts(contents, reader, result.problems)
    lines = Lines()
    read_item_meta(item, fields, lines)
    for component in _meta_components(top, text_components):
        read_component_meta(component, fields, lines)
    images = _images(contents, reader, result.problems)
    fields.images[:0] = images
    has_text = bool(contents.texts)
    if not has_text and not images:
        if contents.items or contents.references:
            return result  # a package: its items are read, or reported, on their own
        described = ", ".join(_media_types(contents)) or "nothing this format reads"
        raise ItemError(
            f"the news item holds no text and no headline or caption: its content is {described}",
            top,
        )
    try:
        _title(fields, lines, images, top, has_text)
    except ItemError:
        if has_text:
            raise
        described = ", ".join(_media_types(contents)) or "unknown"
        raise ItemError(
            f"the news item holds no text and no headline or caption: its content is {described}",
            top,
        ) from None
    lines.fill(fields)
    for key, value in envelope.items():
        fields.meta.setdefault(key, value)
    if not has_text:
        fields.meta[names.MEDIA_TYPE] = "\n".join(_media_types(contents)) or "unknown"
    published, modified = fields.published, fields.modified
    if published and modified and format_extended(published) == format_extended(modified):
        fields.modified = None
    result.article = fields.article()
    return result


def _media_types(contents: Contents) -> list[str]:
    """Return the media types of the item's non-text content, as written, without repeats."""
    found = [item for picture in contents.pictures for _, item in media_items(picture)]
    found += contents.media
    types = [formal_name(first(item, "MediaType")) or kind_of(item) for item in found]
    return list(dict.fromkeys(kind for kind in types if kind))


def _meta_components(
    top: etree._Element, text_components: list[etree._Element]
) -> list[etree._Element]:
    """Return the top component, then those down to the first text's component."""
    found = [top]
    if text_components:
        chain: list[etree._Element] = []
        node: etree._Element | None = text_components[0]
        while node is not None and node is not top:
            chain.append(node)
            node = node.getparent()
        found.extend(reversed(chain))
    return found


def _read_texts(
    contents: Contents, reader: TextReader, problems: list[Problem]
) -> tuple[Fields, list[etree._Element]]:
    fields: Fields | None = None
    components: list[etree._Element] = []
    for alternatives in contents.texts:
        read = _read_alternatives(alternatives, reader, problems)
        if read is None:
            continue
        part, component = read
        problems.extend(Problem(message, element) for message, element in part.unread)
        problems.extend(Problem(describe(item), item.element) for item in part.skipped)
        if fields is None:
            fields = part
            components.append(component)
            continue
        components.append(component)
        heading = next(iter(headlines_of(component)), None)
        sections = list(part.sections)
        if heading is not None:
            if sections and sections[0].heading is None:
                sections[0] = Section(heading=heading, blocks=sections[0].blocks)
            else:
                sections.insert(0, Section(heading=heading))
        fields.sections.extend(sections)
        fields.images.extend(part.images)
        fields.authors.extend(part.authors)
        fields.topics.extend(part.topics)
    return fields or Fields(), components


def _read_alternatives(
    alternatives: list[etree._Element], reader: TextReader, problems: list[Problem]
) -> tuple[Fields, etree._Element] | None:
    error: ItemError | None = None
    for content_item in alternatives:
        component = content_item.getparent()
        assert component is not None
        data = first(content_item, "DataContent")
        if data is None:
            encoded = first(content_item, "Encoding")
            data = first(encoded, "DataContent") if encoded is not None else None
        if data is None:
            href = attribute(content_item, "Href")
            if href:
                problems.append(
                    Problem(
                        f"the text of a ContentItem is outside the document, at {href}",
                        content_item,
                    )
                )
            continue
        try:
            return reader.read(content_item, data), component
        except ItemError as problem:
            error = error or problem
    if error is not None:
        raise error
    return None


def _images(contents: Contents, reader: TextReader, problems: list[Problem]) -> list[Image]:
    images: list[Image] = []
    for picture in contents.pictures:
        image = _picture(picture, reader, problems)
        if image is not None:
            images.append(image)
    for media in contents.media:
        url = clean_url(attribute(media, "Href"))
        if url is not None:
            images.append(Image(url=url))
    for component in contents.captions:
        caption = _caption_text(component, reader, problems)
        if caption:
            images.append(Image(caption=caption))
    return images


def _picture(picture: etree._Element, reader: TextReader, problems: list[Problem]) -> Image | None:
    renditions = [
        ((formal_name(first(owner, "Role")) or "").lower(), url)
        for owner, item in media_items(picture)
        if (url := clean_url(attribute(item, "Href")))
    ]
    url = next(
        (found for wanted in _RENDITION_ORDER for role, found in renditions if wanted in role),
        renditions[0][1] if renditions else None,
    )
    captions = [
        caption
        for component in picture.iter("{*}NewsComponent", "NewsComponent")
        if name_of(component) == "NewsComponent" and is_caption(component)
        if (caption := _caption_text(component, reader, problems))
    ]
    caption = " ".join(captions) or caption_line(picture) or next(iter(headlines_of(picture)), None)
    credit = text(first(picture, "NewsLines", "CreditLine")) or text(
        first(picture, "NewsLines", "ByLine")
    )
    if url is None and caption is None:
        return None
    return Image(url=url, caption=caption, credit=credit)


def _caption_text(
    component: etree._Element, reader: TextReader, problems: list[Problem]
) -> str | None:
    parts: list[str] = []
    for content_item in children(component, "ContentItem"):
        data = first(content_item, "DataContent")
        if data is None or kind_of(content_item) != "text":
            continue
        try:
            fields = reader.read(content_item, data)
        except ItemError as error:
            problems.append(Problem(str(error), error.element))
            continue
        parts.extend(p for section in fields.sections for p in section.paragraphs)
    return " ".join(parts) or caption_line(component) or next(iter(headlines_of(component)), None)


def _title(
    fields: Fields, lines: Lines, images: list[Image], top: etree._Element, has_text: bool
) -> None:
    inline = fields.title or fields.head_title
    if lines.headlines:
        title = lines.headlines[0]
        for more in lines.headlines[1:]:
            lines.add(names.HEADLINE_MORE, more)
        if fields.title is not None and fields.title != title:
            fields.meta[names.INLINE_HEADLINE] = fields.title
        fields.title = title
    elif inline is None and not has_text:
        fields.title = next((image.caption for image in images if image.caption), None)
    if fields.title is None and fields.head_title is None:
        raise ItemError(
            "no headline: the news item has no NewsLines/HeadLine, and its text none", top
        )
