"""Writing an article as an NITF 3.6 document.

:func:`check` refuses, with a :class:`~newsparse.RenderError` naming the
field, every value that would not read back unchanged; :func:`write` then
builds the document.  The output is valid against the NITF 3.6 XML Schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from lxml import etree
from newsparse import Article, Image, RenderError

from newsparse_iptc.dates import format_basic, parse_moment
from newsparse_iptc.nitf import blocks, names
from newsparse_iptc.text import problem
from newsparse_iptc.xmlbuild import Builder

__all__ = ["DECLARATION", "check", "element", "text_problem", "texts", "write"]

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
"""The line every rendered document starts with."""

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NMTOKEN = re.compile(r"[A-Za-z0-9._:-]+\Z")
_NMTOKEN_KEYS = frozenset({names.URGENCY, names.COPYRIGHT_YEAR})
_NOT_XML = re.compile("[\ufffe\uffff]")


def texts(article: Article) -> Iterator[tuple[str, str]]:
    """Yield ``(field, value)`` for every text of ``article`` that NITF writes as is.

    NewsML-G2 writes the same texts, and checks them with this too.
    """
    yield "title", article.title
    for index, section in enumerate(article.body):
        if section.heading is not None:
            yield f"body[{index}].heading", section.heading
        for number, block in enumerate(section.blocks):
            yield from blocks.block_texts(f"body[{index}].blocks[{number}]", block)
    for index, image in enumerate(article.images):
        for name in ("url", "alt", "caption", "credit"):
            value = getattr(image, name)
            if value is not None:
                yield f"images[{index}].{name}", value
    for index, author in enumerate(article.authors):
        yield f"authors[{index}]", author
    for index, topic in enumerate(article.topics):
        yield f"topics[{index}]", topic
    if article.url is not None:
        yield "url", article.url
    if article.publisher is not None:
        yield "publisher", article.publisher
    if article.summary is not None:
        yield "summary", article.summary


def text_problem(field: str, value: str) -> str | None:
    """Return why the text ``value`` of ``field`` does not read back unchanged, or ``None``.

    The summary is written one paragraph (``p``) at a time, so each of its
    paragraphs is checked, and the reason names the paragraph.
    """
    if field != "summary":
        return problem(value)
    for number, part in enumerate(value.split("\n\n"), start=1):
        reason = problem(part)
        if reason is not None:
            return f"paragraph {number}: {reason}"
    return None


def _value_problem(key: str, value: str) -> str | None:
    """Return why ``value`` does not read back as the text of ``meta[key]``, or ``None``."""
    for line in value.split("\n") if key in names.LINE_KEYS else (value,):
        reason = problem(line) if line else "an empty value (or empty line) is not written"
        if reason is not None:
            return reason
    if key in _NMTOKEN_KEYS and not _NMTOKEN.match(value):
        return "must be letters, digits and '._:-' (an XML NMTOKEN)"
    return None


def _meta_problem(article: Article, key: str, value: str) -> str | None:
    """Return why ``meta[key]`` cannot be written, or ``None``."""
    if key not in names.META_KEYS:
        # Written as a generic head/meta, exactly: only what XML cannot hold is refused.
        bad = _NOT_XML.search(value)
        return f"XML 1.0 cannot hold U+{ord(bad.group()):04X}" if bad else None
    reason = _value_problem(key, value)
    if reason is None and key == names.DATE_ISSUE:
        if article.published is not None:
            reason = "published is set, and date.issue holds it"
        elif parse_moment(value) is not None:
            reason = "a full date and time with an offset reads back as published"
    if reason is None and key == names.HEAD_TITLE and value == article.title:
        reason = "equals the title, and reads back as no value"
    if reason is None and key in _NOTE_KINDS:
        reason = _note_kind_problem(article, value, _NOTE_KINDS[key])
    return reason


_NOTE_KINDS = {names.NOTE_CLASS: names.NOTE_CLASSES, names.NOTE_TYPE: names.NOTE_TYPES}


def _note_kind_problem(article: Article, value: str, allowed: tuple[str, ...]) -> str | None:
    """Return why a note's class or type lines cannot be written, or ``None``."""
    kinds = value.split("\n")
    notes = article.meta.get(names.NOTE)
    if notes is None or len(notes.split("\n")) != len(kinds):
        return f"needs one line per line of meta[{names.NOTE!r}]"
    wrong = next((kind for kind in kinds if kind not in allowed), None)
    if wrong is not None:
        return f"{wrong!r} is none of NITF's values ({', '.join(allowed)})"
    if set(kinds) == {allowed[0]}:
        return f"every line is {allowed[0]!r}, the default, which reads back as no value"
    return None


def check(article: Article) -> None:
    """Raise :class:`~newsparse.RenderError` if NITF cannot hold ``article`` exactly."""
    for field, value in texts(article):
        reason = text_problem(field, value)
        if reason is not None:
            raise RenderError(names.FORMAT_NAME, field, reason)
    for index, section in enumerate(article.body):
        if index and section.heading is None:
            raise RenderError(
                names.FORMAT_NAME,
                f"body[{index}].heading",
                "only the first section may be untitled: an hl2 is what starts a section",
                missing=True,
            )
    for key, value in article.meta.items():
        reason = _meta_problem(article, key, value)
        if reason is not None:
            raise RenderError(names.FORMAT_NAME, f"meta[{key!r}]", reason)


_BUILD = Builder(names.NAMESPACE)
_tag = _BUILD.tag
_add = _BUILD.add


def _docdata(article: Article) -> etree._Element:
    meta = article.meta
    docdata = etree.Element(_tag("docdata"))
    if names.DOC_ID in meta:
        _add(docdata, "doc-id", **{"id-string": meta[names.DOC_ID]})
    if names.URGENCY in meta:
        _add(docdata, "urgency", **{"ed-urg": meta[names.URGENCY]})
    if article.published is not None:
        _add(docdata, "date.issue", norm=format_basic(article.published))
    for key, name in (
        (names.DATE_ISSUE, "date.issue"),
        (names.DATE_RELEASE, "date.release"),
        (names.DATE_EXPIRE, "date.expire"),
    ):
        if key in meta:
            _add(docdata, name, norm=meta[key])
    copyright_ = {
        attribute: meta[key]
        for attribute, key in (("year", names.COPYRIGHT_YEAR), ("holder", names.COPYRIGHT_HOLDER))
        if key in meta
    }
    if copyright_:
        _add(docdata, "doc.copyright", **copyright_)
    if article.topics:
        keys = _add(docdata, "key-list")
        for topic in article.topics:
            _add(keys, "keyword", key=topic)
    return docdata


def _head(article: Article, root: etree._Element) -> None:
    head = etree.Element(_tag("head"))
    if names.HEAD_TITLE in article.meta:
        _add(head, "title", article.meta[names.HEAD_TITLE])
    for key, value in article.meta.items():
        if key not in names.META_KEYS:
            _add(head, "meta", name=key, content=value)
    docdata = _docdata(article)
    if len(docdata):
        head.append(docdata)
    publication = {
        attribute: value
        for attribute, value in (("name", article.publisher), ("ex-ref", article.url))
        if value is not None
    }
    if publication:
        _add(head, "pubdata", type="web", **publication)
    if article.modified is not None:
        _add(head, "revision-history", norm=format_basic(article.modified))
    if len(head):
        root.append(head)


def _body_head(article: Article, body: etree._Element) -> None:
    meta = article.meta
    head = _add(body, "body.head")
    hedline = _add(head, "hedline")
    _add(hedline, "hl1", article.title)
    for line in meta.get(names.SUBHEADLINE, "").split("\n"):
        if line:
            _add(hedline, "hl2", line)
    _notes(meta, head)
    for author in article.authors:
        _add(_add(head, "byline"), "person", author)
    for line in meta.get(names.BYLINE_TITLE, "").split("\n"):
        if line:
            _add(_add(head, "byline"), "byttl", line)
    if names.DATELINE in meta:
        _add(head, "dateline", meta[names.DATELINE])
    if article.summary is not None:
        abstract = _add(head, "abstract")
        for part in article.summary.split("\n\n"):
            _add(abstract, "p", part)


def _notes(meta: Mapping[str, str], head: etree._Element) -> None:
    """Write the ``body.head`` notes of ``meta`` (:data:`names.NOTE` and its class and type)."""
    if names.NOTE not in meta:
        return
    texts = meta[names.NOTE].split("\n")
    classes = meta.get(names.NOTE_CLASS, "").split("\n")
    types = meta.get(names.NOTE_TYPE, "").split("\n")
    for index, text in enumerate(texts):
        attributes = {}
        if names.NOTE_CLASS in meta and classes[index] != names.NOTE_CLASSES[0]:
            attributes["noteclass"] = classes[index]
        if names.NOTE_TYPE in meta and types[index] != names.NOTE_TYPES[0]:
            attributes["type"] = types[index]
        note = _add(head, "note", **attributes)
        _add(_add(note, "body.content"), "p", text)


def _media(image: Image, content: etree._Element) -> None:
    media = _add(content, "media", **{"media-type": "image"})
    reference = {
        attribute: value
        for attribute, value in (("source", image.url), ("alternate-text", image.alt))
        if value is not None
    }
    _add(media, "media-reference", **reference)
    if image.caption is not None:
        _add(media, "media-caption", image.caption)
    if image.credit is not None:
        _add(media, "media-producer", image.credit)


def element(article: Article) -> etree._Element:
    """Return the ``nitf`` element of a :func:`checked <check>` article.

    NewsML-G2 puts it inline, in a news item's ``inlineXML``.
    """
    root = etree.Element(_tag("nitf"), nsmap={None: names.NAMESPACE})  # type: ignore[dict-item]
    if article.language is not None:
        root.set(_XML_LANG, article.language)
    _head(article, root)
    body = _add(root, "body")
    _body_head(article, body)
    if article.images or article.body:
        content = _add(body, "body.content")
        for image in article.images:
            _media(image, content)
        for section in article.body:
            if section.heading is not None:
                _add(content, "hl2", section.heading)
            for block in section.blocks:
                blocks.write_block(content, block)
    return root


def write(article: Article) -> str:
    """Return the NITF document of a :func:`checked <check>` article, declaration first."""
    return DECLARATION + etree.tostring(element(article), encoding="unicode", pretty_print=True)
