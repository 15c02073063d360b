"""Reading an NITF document (its ``nitf`` element) into the fields of an article.

The work is split so that other formats can reuse it: NewsML-G2 carries NITF
inline, and reads that ``body`` with :func:`read_body` into the same
:class:`Fields` its own metadata fills.  :func:`read_nitf` reads a whole
``nitf`` element.  The mapping is in ``docs/reference/formats/nitf.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree
from newsparse import Article, Image, Section

from newsparse_iptc.dates import parse_moment
from newsparse_iptc.nitf import names
from newsparse_iptc.nitf.content import read_body_end, read_content
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.skipped import Skipped
from newsparse_iptc.text import byline_author, clean_url, collapse, language_tag, text_of

__all__ = ["Fields", "read_body", "read_head", "read_nitf"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BYLINE_LABELS = frozenset({"byttl", "location", "virtloc"})
_CONTAINERS = frozenset({"block", "bq"})
_LISTS = frozenset({"ol", "ul"})
# The model's rule for a meta key (see newsparse.Article.meta).
_META_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*\Z")
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass
class Fields:
    """The fields of an article as they are found, before the model checks them.

    Readers append to it in document order; :meth:`article` drops duplicate
    authors and topics and builds the :class:`~newsparse.Article`.
    """

    title: str | None = None
    """The headline (``hl1``)."""
    head_title: str | None = None
    """The ``head/title``: the title when there is no ``hl1``, else ``meta["nitf.title"]``."""
    sections: list[Section] = field(default_factory=list)
    """The body's sections."""
    images: list[Image] = field(default_factory=list)
    """The images of the ``media`` elements."""
    authors: list[str] = field(default_factory=list)
    """Authors, duplicates included."""
    published: datetime | None = None
    """The issue date."""
    modified: datetime | None = None
    """The last revision date."""
    url: str | None = None
    """The address of the published story."""
    publisher: str | None = None
    """The publication's name."""
    language: str | None = None
    """The language tag."""
    topics: list[str] = field(default_factory=list)
    """Keywords and subjects, duplicates included."""
    summary: list[str] = field(default_factory=list)
    """The paragraphs of the abstract."""
    subheadlines: list[str] = field(default_factory=list)
    """The ``hl2`` lines of the ``hedline``."""
    byline_titles: list[str] = field(default_factory=list)
    """The ``byttl`` texts."""
    notes: list[tuple[str, str, str]] = field(default_factory=list)
    """The text, ``noteclass`` and ``type`` of each ``body.head`` note with text."""
    meta: dict[str, str] = field(default_factory=dict)
    """The other ``meta`` values found so far."""
    head_meta: dict[str, str] = field(default_factory=dict)
    """The ``head/meta`` contents by name (those of one name joined by line ends)."""
    unread: list[tuple[str, etree._Element]] = field(default_factory=list)
    """What was found and not read, with its element: formats report each as a diagnostic."""
    skipped: list[Skipped] = field(default_factory=list)
    """The body's elements that are not read, for the format to report."""

    def article(self) -> Article:
        """Build the article.

        Raises:
            ValueError: there is no headline (neither ``hl1`` nor a head
                ``title``); or a value breaks a model invariant
                (:class:`~newsparse.ValidationError`, a ``ValueError``).
        """
        title = self.title or self.head_title
        if title is None:
            raise ValueError("no headline: the document has neither hl1 nor a head title")
        meta = {**self.head_meta, **self.meta}
        if self.head_title is not None and self.head_title != title:
            meta[names.HEAD_TITLE] = self.head_title
        if self.subheadlines:
            meta[names.SUBHEADLINE] = "\n".join(self.subheadlines)
        if self.byline_titles:
            meta[names.BYLINE_TITLE] = "\n".join(self.byline_titles)
        if self.notes:
            texts, classes, types = zip(*self.notes, strict=True)
            meta[names.NOTE] = "\n".join(texts)
            if set(classes) != {names.NOTE_CLASSES[0]}:
                meta[names.NOTE_CLASS] = "\n".join(classes)
            if set(types) != {names.NOTE_TYPES[0]}:
                meta[names.NOTE_TYPE] = "\n".join(types)
        return Article(
            title=title,
            body=self.sections,
            images=self.images,
            authors=tuple(dict.fromkeys(self.authors)),
            published=self.published,
            modified=self.modified,
            url=self.url,
            publisher=self.publisher,
            language=self.language,
            topics=tuple(dict.fromkeys(self.topics)),
            summary="\n\n".join(self.summary) or None,
            meta=meta,
        )


def _children(element: etree._Element, *wanted: str) -> Iterator[tuple[str, etree._Element]]:
    for child in element:
        name = names.local_name(child)
        if name is not None and (not wanted or name in wanted):
            yield name, child


def _first(element: etree._Element, name: str) -> etree._Element | None:
    return next((child for _, child in _children(element, name)), None)


def _attribute(element: etree._Element, name: str) -> str | None:
    value = element.get(name)
    return collapse(value) or None if value is not None else None


def _text(element: etree._Element) -> str | None:
    return text_of(element) or None


def read_nitf(root: etree._Element) -> Fields:
    """Read the ``nitf`` element ``root``: its ``head`` and its ``body``."""
    fields = Fields()
    _read_language(root.get(_XML_LANG), fields)
    for name, child in _children(root, "head", "body"):
        if name == "head":
            read_head(child, fields)
        else:
            read_body(child, fields)
    return fields


def _read_language(value: str | None, fields: Fields) -> None:
    # A value that is no language tag is not read: XML Schema refuses it too.
    if fields.language is None:
        fields.language = language_tag(value)


def read_head(head: etree._Element, fields: Fields) -> None:
    """Read the metadata of an NITF ``head`` into ``fields``."""
    for name, child in _children(head):
        if name == "title":
            fields.head_title = fields.head_title or _text(child)
        elif name == "meta":
            _read_meta(child, fields)
        elif name == "tobject":
            for _, subject in _children(child, "tobject.subject"):
                topic = (
                    _attribute(subject, "tobject.subject.detail")
                    or _attribute(subject, "tobject.subject.matter")
                    or _attribute(subject, "tobject.subject.type")
                )
                if topic:
                    fields.topics.append(topic)
        elif name == "docdata":
            _read_docdata(child, fields)
        elif name == "pubdata":
            fields.publisher = fields.publisher or _attribute(child, "name")
            fields.url = fields.url or clean_url(_attribute(child, "ex-ref"))
        elif name == "revision-history":
            norm = _attribute(child, "norm")
            moment = parse_moment(norm) if norm else None
            if moment is not None:
                fields.modified = moment


def _read_meta(meta: etree._Element, fields: Fields) -> None:
    """Read a generic ``head/meta``: its ``content``, exactly, under its ``name``.

    A ``meta`` without ``content`` (which NITF requires) holds the empty
    text.  A name that is no ``meta`` key of the model, or that is one of
    the format's own keys, is reported in ``fields.unread``.
    """
    name = meta.get("name")
    if name is None:
        fields.unread.append(("a head/meta without a name has no key: not read", meta))
        return
    if not _META_KEY.match(name) or name in names.META_KEYS:
        reason = (
            "is one of the nitf format's own keys, read from its own element"
            if name in names.META_KEYS
            else "is no meta key (letters, digits and '._:-', starting with a letter or digit)"
        )
        fields.unread.append((f"the head/meta name {name!r} {reason}: not read", meta))
        return
    # XML holds a few characters the model forbids (U+0085, U+2028...): spaces, as in texts.
    content = _FORBIDDEN.sub(" ", meta.get("content", ""))
    known = fields.head_meta.get(name)
    fields.head_meta[name] = content if known is None else f"{known}\n{content}"


_DOCDATA_ATTRIBUTES = {
    "doc-id": (("id-string", names.DOC_ID),),
    "urgency": (("ed-urg", names.URGENCY),),
    "date.release": (("norm", names.DATE_RELEASE),),
    "date.expire": (("norm", names.DATE_EXPIRE),),
    "doc.copyright": (("holder", names.COPYRIGHT_HOLDER), ("year", names.COPYRIGHT_YEAR)),
}


def _read_docdata(docdata: etree._Element, fields: Fields) -> None:
    for name, child in _children(docdata):
        if name == "date.issue":
            norm = _attribute(child, "norm")
            if norm and fields.published is None and names.DATE_ISSUE not in fields.meta:
                moment = parse_moment(norm)
                if moment is None:
                    fields.meta[names.DATE_ISSUE] = norm
                fields.published = moment
        elif name == "key-list":
            for _, keyword in _children(child, "keyword"):
                key = _attribute(keyword, "key")
                if key:
                    fields.topics.append(key)
        for attribute, key in _DOCDATA_ATTRIBUTES.get(name, ()):
            value = _attribute(child, attribute)
            if value and key not in fields.meta:
                fields.meta[key] = value


def read_body(body: etree._Element, fields: Fields) -> None:
    """Read an NITF ``body`` (``body.head`` and ``body.content``) into ``fields``.

    The ``tagline`` and ``bibliography`` of ``body.end`` are the last
    paragraphs of the body.
    """
    builder = SectionBuilder(fields.sections)
    for name, child in _children(body, "body.head", "body.content", "body.end"):
        if name == "body.head":
            _read_body_head(child, fields)
        elif name == "body.content":
            read_content(child, builder, fields)
        else:
            read_body_end(child, builder, fields)
    builder.close()
    _read_language(body.get(_XML_LANG), fields)


def _read_body_head(head: etree._Element, fields: Fields) -> None:
    for _, note in _children(head, "note"):
        _read_note(note, fields)
    for name, child in _children(head, "hedline", "byline", "dateline", "abstract"):
        if name == "hedline":
            for level, line in _children(child, "hl1", "hl2"):
                text = _text(line)
                if text and level == "hl1":
                    fields.title = fields.title or text
                elif text:
                    fields.subheadlines.append(text)
        elif name == "byline":
            _read_byline(child, fields)
        elif name == "dateline":
            text = _text(child)
            if text and names.DATELINE not in fields.meta:
                fields.meta[names.DATELINE] = text
        else:
            for _, part in _children(child, "p", "hl2"):
                text = _text(part)
                if text:
                    fields.summary.append(text)


def _read_note(note: etree._Element, fields: Fields) -> None:
    """Read a ``body.head`` note: its text, ``noteclass`` and ``type`` (:data:`names.NOTE`).

    An attribute value NITF does not define is reported, and read as the default.
    """
    text = _text(note)
    if text is None:
        return
    kinds: list[str] = []
    for attribute, allowed in (("noteclass", names.NOTE_CLASSES), ("type", names.NOTE_TYPES)):
        value = _attribute(note, attribute)
        if value is not None and value not in allowed:
            message = (
                f"the note's {attribute} {value!r} is none of NITF's ({', '.join(allowed)}); "
                f"it is read as {allowed[0]!r}"
            )
            fields.unread.append((message, note))
        kinds.append(value if value is not None and value in allowed else allowed[0])
    fields.notes.append((text, kinds[0], kinds[1]))


def _read_byline(byline: etree._Element, fields: Fields) -> None:
    """Read authors (``person``, else the byline's own text) and byline titles."""
    persons = [text for _, person in _children(byline, "person") if (text := _text(person))]
    fields.authors.extend(persons)
    loose = [byline.text or ""]
    for name, child in _children(byline):
        if name == "byttl":
            title = _text(child)
            if title:
                fields.byline_titles.append(title)
        elif name not in _BYLINE_LABELS and name != "person":
            loose.append(text_of(child))
        loose.append(child.tail or "")
    if not persons:
        author = byline_author(" ".join(loose))
        if author:
            fields.authors.append(author)
