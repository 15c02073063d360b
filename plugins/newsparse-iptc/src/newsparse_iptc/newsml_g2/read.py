"""Reading a NewsML-G2 news item (its ``newsItem`` element) into an article.

The item's content (:mod:`~newsparse_iptc.newsml_g2.content`) is read first,
into the NITF reader's :class:`~newsparse_iptc.nitf.read.Fields`; the item's
own metadata then fills the fields and, where both give one, wins over the
content's.  The mapping is in ``docs/reference/formats/newsml-g2.md``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from newsparse import Article, Paragraph, Section

from newsparse_iptc.dates import format_extended, parse_moment
from newsparse_iptc.newsml_g2 import names
from newsparse_iptc.newsml_g2.content import ContentError, read_content
from newsparse_iptc.newsml_g2.qcodes import NATURE, Aliases
from newsparse_iptc.newsml_g2.xhtml_blocks import name_of as _name_of_xhtml
from newsparse_iptc.newsml_g2.xhtml_header import repeats_article
from newsparse_iptc.nitf import names as nitf_names
from newsparse_iptc.nitf.read import Fields
from newsparse_iptc.skipped import Skipped
from newsparse_iptc.text import byline_author, collapse, language_tag, text_of

__all__ = ["ItemError", "read_item"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SUMMARY_ROLE = "http://cv.iptc.org/newscodes/descriptionrole/summary"
_TEXT_CLASS = NATURE + "text"


class ItemError(ValueError):
    """The element is no text news item this format can read."""

    def __init__(self, message: str, element: etree._Element) -> None:
        super().__init__(message)
        self.element = element
        """The element the problem is in (its line is the error's)."""


def _name(element: object) -> str | None:
    return nitf_names.local_name(element, names.NAMESPACE)


def _children(element: etree._Element, *wanted: str) -> Iterator[tuple[str, etree._Element]]:
    for child in element:
        name = _name(child)
        if name is not None and (not wanted or name in wanted):
            yield name, child


def _first(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    return next((child for _, child in _children(element, name)), None)


def _attribute(element: etree._Element | None, name: str) -> str | None:
    if element is None:
        return None
    return collapse(element.get(name) or "") or None


def _text(element: etree._Element | None) -> str | None:
    return text_of(element) or None if element is not None else None


def _label(element: etree._Element) -> str | None:
    """Return a party's or concept's ``name`` (the first), else its ``@literal``."""
    return _text(_first(element, "name")) or _attribute(element, "literal")


def item_class(item: etree._Element) -> str | None:
    """Return the ``itemMeta/itemClass`` of ``item`` (its ``qcode``, else ``uri``), if any."""
    found = _first(_first(item, "itemMeta"), "itemClass")
    return _attribute(found, "qcode") or _attribute(found, "uri")


def read_item(
    item: etree._Element,
    context: Aliases | None = None,
    unread: list[tuple[str, etree._Element]] | None = None,
) -> tuple[Article, list[Skipped]]:
    """Read the text news item ``item`` into an article; return it and the content not read.

    The elements not read are those of the inline NITF or XHTML that have no
    place in the model (:mod:`newsparse_iptc.skipped`), for the format to report.

    QCodes (the item class, description roles) are compared by the URI they
    stand for: the aliases are the item's inline catalogs', then
    ``context``'s (a message header's), then the well-known ones
    (:mod:`~newsparse_iptc.newsml_g2.qcodes`).  What the inline NITF holds
    and the article cannot (a ``head/meta`` whose name is no ``meta`` key)
    is appended to ``unread``, with its element.

    Raises:
        ItemError: ``item`` is another kind of item (a ``packageItem``, a
            picture ``newsItem``, ...), its text is in no form this format
            reads, or it has no headline.
        ValueError: a value breaks a model invariant
            (:class:`~newsparse.ValidationError`).
    """
    if item.tag != f"{{{names.NAMESPACE}}}newsItem":
        raise ItemError(
            f"{item.tag!r} is not a news item: the newsml-g2 format reads text news items",
            item,
        )
    aliases = Aliases({**(context.declared if context else {}), **Aliases.of(item).declared})
    where = _first(_first(item, "itemMeta"), "itemClass")
    kind = item_class(item)
    resolved = aliases.uri_of(where)
    if resolved != _TEXT_CLASS:
        if kind is None:
            described = "without an itemMeta/itemClass"
        elif resolved and resolved.startswith(NATURE) and resolved != kind:
            nature = resolved.removeprefix(NATURE)
            described = f"of class {kind!r} (a {nature} item, {resolved})"
        else:
            described = f"of class {kind!r}"
        raise ItemError(
            f"the news item is {described}, not a text item (ninat:text): "
            "the newsml-g2 format reads text items only",
            item if where is None else where,
        )
    fields = _content(_first(item, "contentSet"), unread)
    _read_root(item, fields)
    for section, element in _children(item, "rightsInfo", "itemMeta", "contentMeta"):
        if section == "rightsInfo":
            _read_rights(element, fields)
        elif section == "itemMeta":
            _read_item_meta(element, fields)
        else:
            _read_content_meta(element, fields, aliases)
    if fields.title is None and fields.head_title is None:
        raise ItemError(
            "no headline: the item has no contentMeta/headline, and its content none", item
        )
    # A version created the moment the story was published (the inline
    # NITF's issue date, when there is no firstCreated) is no modification,
    # as when versionCreated repeats firstCreated.
    published, modified = fields.published, fields.modified
    if published and modified and format_extended(published) == format_extended(modified):
        fields.modified = None
    article = fields.article()
    skipped = [
        item
        for item in fields.skipped
        if not (_name_of_xhtml(item.element) == "header" and repeats_article(item.element, article))
    ]
    return article, skipped


def _content(
    content_set: etree._Element | None, unread: list[tuple[str, etree._Element]] | None
) -> Fields:
    """Read the item's content; add what it holds and the article cannot to ``unread``."""
    try:
        fields = read_content(content_set) if content_set is not None else Fields()
    except ContentError as error:
        raise ItemError(str(error), error.element) from None
    if unread is not None:
        unread.extend(fields.unread)
    return fields


def _read_root(item: etree._Element, fields: Fields) -> None:
    for attribute, key in (("guid", names.GUID), ("version", names.VERSION)):
        value = _attribute(item, attribute)
        if value:
            fields.meta[key] = value
    fields.language = language_tag(item.get(_XML_LANG)) or fields.language


def _once(fields: Fields, key: str, value: str | None) -> None:
    if value and key not in fields.meta:
        fields.meta[key] = value


def _read_rights(rights: etree._Element, fields: Fields) -> None:
    holder = _first(rights, "copyrightHolder")
    if holder is not None:
        _once(fields, names.COPYRIGHT_HOLDER, _label(holder))
    _once(fields, names.COPYRIGHT_NOTICE, _text(_first(rights, "copyrightNotice")))
    _once(fields, names.USAGE_TERMS, _text(_first(rights, "usageTerms")))


def _read_item_meta(item_meta: etree._Element, fields: Fields) -> None:
    first = _text(_first(item_meta, "firstCreated"))
    version = _text(_first(item_meta, "versionCreated"))
    if first is not None:
        fields.published = parse_moment(first)
        if fields.published is None:
            fields.meta[names.FIRST_CREATED] = first
    if version is not None and version != first:
        fields.modified = parse_moment(version)
        if fields.modified is None:
            fields.meta[names.VERSION_CREATED] = version
    _once(fields, names.EMBARGOED, _text(_first(item_meta, "embargoed")))
    _once(fields, names.PUB_STATUS, _attribute(_first(item_meta, "pubStatus"), "qcode"))
    provider = _first(item_meta, "provider")
    if provider is not None:
        fields.publisher = _label(provider) or fields.publisher
        _once(fields, names.PROVIDER, _attribute(provider, "qcode"))
        _once(fields, names.PROVIDER_URI, _attribute(provider, "uri"))
    notes = [text for _, note in _children(item_meta, "edNote") if (text := _text(note))]
    if notes:
        fields.meta[names.ED_NOTE] = "\n".join(notes)


def _read_content_meta(content_meta: etree._Element, fields: Fields, aliases: Aliases) -> None:
    children = list(_children(content_meta))

    def named(*wanted: str) -> list[etree._Element]:
        return [child for name, child in children if name in wanted]

    authors = [author for child in named("creator", "contributor") if (author := _label(child))]
    bylines = [text for child in named("by") if (text := _text(child))]
    headlines = [
        (_attribute(child, "role"), text) for child in named("headline") if (text := _text(child))
    ]
    topics = [
        topic
        for name, child in children
        if name in {"keyword", "subject"}
        and (topic := _text(child) if name == "keyword" else _label(child))
    ]
    summary = next(
        (
            text
            for child in named("description")
            if _is_summary(child, aliases) and (text := _text(child))
        ),
        None,
    )
    for child in named("language"):
        fields.language = language_tag(child.get("tag")) or fields.language
    for child in named("located"):
        _once(fields, names.LOCATED, _label(child))
    genres = [genre for child in named("genre") if (genre := _label(child))]
    if genres:
        fields.meta[names.GENRE] = "\n".join(genres)
    for name, child in children:
        if name in _AS_WRITTEN:
            _once(fields, _AS_WRITTEN[name], _text(child))
    _read_headlines(headlines, fields)
    _read_authors(authors, bylines, fields)
    _drop_repeated_byline(bylines, fields)
    fields.topics[:0] = topics
    if summary is not None:
        inline = "\n\n".join(fields.summary)
        if inline and inline != summary:
            fields.meta[names.INLINE_ABSTRACT] = inline
        fields.summary = [summary]


def _is_summary(description: etree._Element, aliases: Aliases) -> bool:
    role = _attribute(description, "role")
    return role is None or aliases.resolve(role) == _SUMMARY_ROLE or role == _SUMMARY_ROLE


_AS_WRITTEN = {
    "urgency": names.URGENCY,
    "contentCreated": names.CONTENT_CREATED,
    "contentModified": names.CONTENT_MODIFIED,
    "slugline": names.SLUGLINE,
    "dateline": names.DATELINE,
}


def _read_headlines(headlines: list[tuple[str | None, str]], fields: Fields) -> None:
    if not headlines:
        return
    roles = [role for role, _ in headlines]
    mains = [index for index, role in enumerate(roles) if role and role.endswith(":main")]
    plain = [index for index, role in enumerate(roles) if role is None]
    main = (mains or plain or [0])[0]
    title = headlines[main][1]
    others = [text for index, (_, text) in enumerate(headlines) if index != main]
    if fields.title is not None and fields.title != title:
        fields.meta[names.INLINE_HEADLINE] = fields.title
    fields.title = title
    if others:
        fields.meta[names.SUBHEADLINE] = "\n".join(others)


def _drop_repeated_byline(bylines: list[str], fields: Fields) -> None:
    """Drop a first paragraph that repeats the byline (Reuters): the byline is read already.

    Only a plain paragraph (no links, no emphasis) that is the first block
    of an untitled first section goes; the section's other blocks stay.
    """
    if not bylines or not fields.sections or fields.sections[0].heading is not None:
        return
    first, *rest = fields.sections[0].blocks
    if type(first) is Paragraph and not first.marks and first.text in bylines:
        fields.sections[:1] = [Section(blocks=rest)] if rest else []


def _read_authors(authors: list[str], bylines: list[str], fields: Fields) -> None:
    if authors:
        if bylines:
            fields.meta[names.BY] = "\n".join(bylines)
    else:
        authors = [author for line in bylines if (author := byline_author(line))]
    fields.authors[:0] = authors
