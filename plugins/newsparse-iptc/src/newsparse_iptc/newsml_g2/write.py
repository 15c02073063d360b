"""Writing an article as a NewsML-G2 2.35 text news item with inline NITF.

The item's metadata holds what NewsML-G2 has elements for; the text goes in
``contentSet/inlineXML`` as an NITF 3.6 document written by
:func:`newsparse_iptc.nitf.write.element` (NITF rather than XHTML: the NITF
reader and writer already round-trip sections, images with captions and
credits, and the ``nitf.*`` keys, and XHTML has no place for an image credit).

:func:`check` refuses, with a :class:`~newsparse.RenderError` naming the
field, every value that would not read back unchanged, and every article that
lacks what the schema requires (a guid, a version date); :func:`write` then
builds the item, valid against the NewsML-G2 2.35 XML Schema.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from lxml import etree
from newsparse import Article, Paragraph, RenderError

from newsparse_iptc.dates import format_extended
from newsparse_iptc.newsml_g2 import names
from newsparse_iptc.nitf import names as nitf_names
from newsparse_iptc.nitf import write as nitf_write
from newsparse_iptc.text import problem
from newsparse_iptc.xmlbuild import Builder

__all__ = ["CATALOG", "DECLARATION", "check", "repeats_by_line", "write"]

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
"""The line every rendered document starts with."""
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"
"""The IPTC catalog that defines the ``ninat``, ``drol`` and ``stat`` schemes the item uses."""

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_QCODE = re.compile(r"[^\s:]+:\S+\Z")
_NO_SPACE = re.compile(r"\S+\Z")
_POSITIVE = re.compile(r"[1-9][0-9]{0,17}\Z")
_URGENCY = re.compile(r"[1-9]\Z")
_ZONE = r"(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)"
_TIME = r"T\d{2}:\d{2}:\d{2}(?:\.\d+)?"
_LOCAL_DATE_TIME = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}{_TIME}")
_DATE_TIME = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}{_TIME}{_ZONE}?")
_TRUNCATED = re.compile(rf"\d{{4}}(?:-\d{{2}}(?:-\d{{2}}(?:{_TIME})?)?)?{_ZONE}?")
_FIELDS = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}):(\d{2}))?")
_SUMMARY_ROLE = "drol:summary"
_NO_OFFSET = timedelta(0)
_MOST_OFFSET = timedelta(hours=14)


def _is_date(value: str, pattern: re.Pattern[str]) -> bool:
    """Tell whether ``value`` has the form ``pattern`` gives and is a real date (no 30 February)."""
    if not pattern.fullmatch(value):
        return False
    found = _FIELDS.match(value)
    assert found is not None  # the patterns above start so
    year, month, day, hour, minute, second = (
        int(part) if part else default
        for part, default in zip(found.groups(), (1, 1, 1, 0, 0, 0), strict=True)
    )
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


_LOCAL = "must be a date and time without a UTC offset (with one, it is a datetime field)"
_DATE_KEYS = {
    names.FIRST_CREATED: (_LOCAL_DATE_TIME, _LOCAL),
    names.VERSION_CREATED: (_LOCAL_DATE_TIME, _LOCAL),
    names.EMBARGOED: (_DATE_TIME, "must be an XML Schema date and time (2024-01-17T08:30:00)"),
    names.CONTENT_CREATED: (_TRUNCATED, "must be an XML Schema date or date and time"),
    names.CONTENT_MODIFIED: (_TRUNCATED, "must be an XML Schema date or date and time"),
}
_PATTERN_KEYS = {
    names.VERSION: (_POSITIVE, "must be a positive whole number"),
    names.URGENCY: (_URGENCY, "must be a digit from 1 to 9"),
    names.PUB_STATUS: (_QCODE, "must be a QCode (scheme:code, no spaces)"),
    names.PROVIDER: (_QCODE, "must be a QCode (scheme:code, no spaces)"),
    names.PROVIDER_URI: (_NO_SPACE, "must be an address without spaces"),
}


def _value_problem(key: str, value: str) -> str | None:
    """Return why ``value`` does not read back as the text of ``meta[key]``, or ``None``."""
    for line in value.split("\n") if key in names.LINE_KEYS else (value,):
        reason = problem(line) if line else "an empty value (or empty line) is not written"
        if reason is not None:
            return reason
    if key in _PATTERN_KEYS:
        pattern, reason = _PATTERN_KEYS[key]
        return None if pattern.match(value) else reason
    if key in _DATE_KEYS:
        pattern, reason = _DATE_KEYS[key]
        return None if _is_date(value, pattern) else reason
    return None


def _meta_problem(article: Article, key: str, value: str) -> str | None:  # noqa: PLR0911
    """Return why ``meta[key]`` cannot be written, or ``None``."""
    if key in names.NITF_KEYS:
        # The inline NITF's own check sees its headline, not the item's title.
        same = key == nitf_names.HEAD_TITLE and value == article.title
        return "equals the title, and reads back as no value" if same else None
    if key not in names.META_KEYS:
        return None  # a head/meta of the inline NITF, which checks it
    if key == names.INLINE_ABSTRACT:
        return _abstract_problem(article, value)
    reason = _value_problem(key, value)
    if reason is not None:
        return reason
    if key == names.FIRST_CREATED and article.published is not None:
        return "published is set, and firstCreated holds it"
    if key == names.VERSION_CREATED and article.modified is not None:
        return "modified is set, and versionCreated holds it"
    if key == names.INLINE_HEADLINE and value == article.title:
        return "equals the title, and reads back as no value"
    if key == names.BY:
        return _by_problem(article, value)
    return None


def _by_problem(article: Article, value: str) -> str | None:
    if not article.authors:
        return "without authors (creators), a by line reads back as an author"
    if repeats_by_line(article, value):
        return "the first paragraph repeats a by line, and reads back as no paragraph"
    return None


def repeats_by_line(article: Article, by: str) -> bool:
    """Tell whether the body starts with a plain paragraph that is one of the lines of ``by``.

    The reader takes such a paragraph for the byline repeated (Reuters), so
    it does not read back.
    """
    if not article.body or article.body[0].heading is not None:
        return False
    first = article.body[0].blocks[0]
    return type(first) is Paragraph and not first.marks and first.text in by.split("\n")


def _abstract_problem(article: Article, value: str) -> str | None:
    summary = article.summary
    if summary is None or "\n\n" in summary:
        return "needs a one-paragraph summary (the item's description); it reads back as summary"
    if value == summary:
        return "equals the summary, and reads back as no value"
    for part in value.split("\n\n"):
        reason = problem(part) if part else "an empty paragraph is not written"
        if reason is not None:
            return reason
    return None


def _first_created(article: Article) -> str | None:
    if article.published is not None:
        return format_extended(article.published)
    return article.meta.get(names.FIRST_CREATED)


def _version_created(article: Article) -> str | None:
    if article.modified is not None:
        return format_extended(article.modified)
    return article.meta.get(names.VERSION_CREATED)


def _refuse(field: str, reason: str, *, missing: bool = False) -> RenderError:
    return RenderError(names.FORMAT_NAME, field, reason, missing=missing)


def _inline(article: Article) -> Article:
    """Return the article the inline NITF document holds."""
    meta = article.meta
    summary = article.summary
    abstract = meta.get(names.INLINE_ABSTRACT)
    if abstract is None and summary is not None and "\n\n" in summary:
        abstract = summary
    return Article(
        title=meta.get(names.INLINE_HEADLINE, article.title),
        body=article.body,
        images=article.images,
        url=article.url,
        summary=abstract,
        meta={
            key: value
            for key, value in meta.items()
            if key in names.NITF_KEYS or key not in names.META_KEYS
        },
    )


def check(article: Article) -> None:
    """Raise :class:`~newsparse.RenderError` if NewsML-G2 cannot hold ``article`` exactly."""
    try:
        found = list(nitf_write.texts(article))
    except RenderError as error:  # a block or text the inline NITF cannot hold
        raise _refuse(error.field, error.reason, missing=error.missing) from None
    for field, value in found:
        reason = nitf_write.text_problem(field, value)
        if reason is not None:
            raise _refuse(field, reason)
    for key, value in article.meta.items():
        reason = _meta_problem(article, key, value)
        if reason is not None:
            raise _refuse(f"meta[{key!r}]", reason)
    for field, moment in (("published", article.published), ("modified", article.modified)):
        if moment is not None and abs(moment.utcoffset() or _NO_OFFSET) > _MOST_OFFSET:
            raise _refuse(field, "XML Schema takes UTC offsets from -14:00 to +14:00 only")
    if names.GUID not in article.meta:
        raise _refuse(
            f"meta[{names.GUID!r}]",
            "a news item needs a guid (its identifier): set this key",
            missing=True,
        )
    first, version = _first_created(article), _version_created(article)
    if first is None and version is None:
        raise _refuse(
            "modified",
            "a news item needs versionCreated: set modified or published "
            f"(or meta[{names.VERSION_CREATED!r}])",
            missing=True,
        )
    if version is not None and version == first:
        raise _refuse(
            "modified",
            "equals published: a version created when the item was first created "
            "reads back as no modified",
        )
    try:
        nitf_write.check(_inline(article))
    except RenderError as error:
        raise _refuse(
            _item_field(article, error.field), error.reason, missing=error.missing
        ) from None


def _item_field(article: Article, field: str) -> str:
    """Return the item's field that holds ``field`` of the inline NITF (see :func:`_inline`)."""
    if field == "title" and names.INLINE_HEADLINE in article.meta:
        return f"meta[{names.INLINE_HEADLINE!r}]"
    if field == "summary" and names.INLINE_ABSTRACT in article.meta:
        return f"meta[{names.INLINE_ABSTRACT!r}]"
    return field


_BUILD = Builder(names.NAMESPACE)
_tag = _BUILD.tag
_add = _BUILD.add


def _named(parent: etree._Element, name: str, label: str, **attributes: str) -> None:
    _add(_add(parent, name, **attributes), "name", label)


def _lines(parent: etree._Element, name: str, value: str | None) -> None:
    """Add one ``name`` element per line of ``value``."""
    for line in (value or "").split("\n"):
        if line:
            _add(parent, name, line)


def _rights(article: Article, item: etree._Element) -> None:
    meta = article.meta
    keys = (names.COPYRIGHT_HOLDER, names.COPYRIGHT_NOTICE, names.USAGE_TERMS)
    if not any(key in meta for key in keys):
        return
    rights = _add(item, "rightsInfo")
    if names.COPYRIGHT_HOLDER in meta:
        _named(rights, "copyrightHolder", meta[names.COPYRIGHT_HOLDER])
    if names.COPYRIGHT_NOTICE in meta:
        _add(rights, "copyrightNotice", meta[names.COPYRIGHT_NOTICE])
    if names.USAGE_TERMS in meta:
        _add(rights, "usageTerms", meta[names.USAGE_TERMS])


def _item_meta(article: Article, item: etree._Element) -> None:
    meta = article.meta
    item_meta = _add(item, "itemMeta")
    _add(item_meta, "itemClass", qcode="ninat:text")
    provider = {
        attribute: meta[key]
        for attribute, key in (("qcode", names.PROVIDER), ("uri", names.PROVIDER_URI))
        if key in meta
    }
    element = _add(item_meta, "provider", **provider)
    if article.publisher is not None:
        _add(element, "name", article.publisher)
    first = _first_created(article)
    _add(item_meta, "versionCreated", _version_created(article) or first)
    if first is not None:
        _add(item_meta, "firstCreated", first)
    if names.EMBARGOED in meta:
        _add(item_meta, "embargoed", meta[names.EMBARGOED])
    if names.PUB_STATUS in meta:
        _add(item_meta, "pubStatus", qcode=meta[names.PUB_STATUS])
    _lines(item_meta, "edNote", meta.get(names.ED_NOTE))


def _content_meta(article: Article, item: etree._Element) -> None:
    meta = article.meta
    content = _add(item, "contentMeta")
    for key, name in (
        (names.URGENCY, "urgency"),
        (names.CONTENT_CREATED, "contentCreated"),
        (names.CONTENT_MODIFIED, "contentModified"),
    ):
        if key in meta:
            _add(content, name, meta[key])
    if names.LOCATED in meta:
        _named(content, "located", meta[names.LOCATED])
    for author in article.authors:
        _named(content, "creator", author)
    if article.language is not None:
        _add(content, "language", tag=article.language)
    for topic in article.topics:
        _add(content, "keyword", topic)
    for genre in meta.get(names.GENRE, "").split("\n"):
        if genre:
            _add(content, "genre", literal=genre)
    if names.SLUGLINE in meta:
        _add(content, "slugline", meta[names.SLUGLINE])
    _add(content, "headline", article.title)
    _lines(content, "headline", meta.get(names.SUBHEADLINE))
    if names.DATELINE in meta:
        _add(content, "dateline", meta[names.DATELINE])
    _lines(content, "by", meta.get(names.BY))
    if article.summary is not None and "\n\n" not in article.summary:
        _add(content, "description", article.summary, role=_SUMMARY_ROLE)


def write(article: Article) -> str:
    """Return the news item of a :func:`checked <check>` article, declaration first."""
    meta = article.meta
    item = etree.Element(_tag("newsItem"), nsmap={None: names.NAMESPACE})  # type: ignore[dict-item]
    item.set("guid", meta[names.GUID])
    if names.VERSION in meta:
        item.set("version", meta[names.VERSION])
    item.set("standard", "NewsML-G2")
    item.set("standardversion", "2.35")
    item.set("conformance", "power")
    if article.language is not None:
        item.set(_XML_LANG, article.language)
    _add(item, "catalogRef", href=CATALOG)
    _rights(article, item)
    _item_meta(article, item)
    _content_meta(article, item)
    inline = _add(_add(item, "contentSet"), "inlineXML", contenttype="application/nitf+xml")
    inline.append(nitf_write.element(_inline(article)))
    return DECLARATION + etree.tostring(item, encoding="unicode", pretty_print=True)
