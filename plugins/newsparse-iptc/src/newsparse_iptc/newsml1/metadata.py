"""Reading the metadata of a NewsML 1.x news item into the fields of its article.

The item's ``Identification`` and ``NewsManagement``, and the ``NewsLines``,
``AdministrativeMetadata``, ``RightsMetadata`` and ``DescriptiveMetadata`` of
its components: the top component's first, then those of the components on
the way down to its first text (the first value found wins where there can
be only one).  The mapping is in ``docs/reference/formats/newsml1.md``.
"""

from __future__ import annotations

from lxml import etree

from newsparse_iptc.dates import parse_moment
from newsparse_iptc.newsml1 import names
from newsparse_iptc.newsml1.tree import attribute, children, first, formal_name, text
from newsparse_iptc.nitf.read import Fields
from newsparse_iptc.text import byline_author, language_tag

__all__ = [
    "Lines",
    "caption_line",
    "headlines_of",
    "read_component_meta",
    "read_envelope",
    "read_item_meta",
]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SUMMARY_LINES = frozenset({"abstract", "summary", "lead", "teaser", "intro"})
_CAPTION_LINES = frozenset({"caption"})


class Lines:
    """Values that hold one line per element: gathered, then joined into ``meta``."""

    def __init__(self) -> None:
        self.values: dict[str, list[str]] = {}
        self.headlines: list[str] = []
        """The ``HeadLine`` texts, in the order found (the first is the title)."""
        self.authors: list[str] = []
        """The authors the ``ByLine`` elements name."""
        self.language: str | None = None
        """The first ``DescriptiveMetadata/Language``."""
        self.xml_lang: str | None = None
        """The item's ``xml:lang``, else its components'."""
        self.publisher: str | None = None
        """The first provider's (else source's) ``Party/@FormalName``."""

    def fill(self, fields: Fields) -> None:
        """Set what these values give over what the inline text gave, and write ``meta``."""
        fields.authors[:0] = self.authors
        fields.language = self.language or self.xml_lang or fields.language
        fields.publisher = self.publisher or fields.publisher
        self.into(fields.meta)

    def add(self, key: str, value: str | None) -> None:
        """Add ``value`` (if any) under ``key``, unless it is there already."""
        if value:
            found = self.values.setdefault(key, [])
            if value not in found:
                found.append(value)

    def into(self, meta: dict[str, str]) -> None:
        """Write each key's lines into ``meta`` (a key already there is kept)."""
        for key, values in self.values.items():
            if values and key not in meta:
                meta[key] = "\n".join(values)


def _once(fields: Fields, key: str, value: str | None) -> None:
    if value and key not in fields.meta:
        fields.meta[key] = value


def read_envelope(envelope: etree._Element | None) -> dict[str, str]:
    """Return the ``meta`` values of the document's ``NewsEnvelope`` (shared by its items)."""
    meta: dict[str, str] = {}
    if envelope is None:
        return meta
    lines = Lines()
    for key, element in (
        (names.ENVELOPE_DATE, "DateAndTime"),
        (names.ENVELOPE_TRANSMISSION, "TransmissionId"),
    ):
        value = text(first(envelope, element))
        if value:
            meta[key] = value
    priority = formal_name(first(envelope, "Priority"))
    if priority:
        meta[names.ENVELOPE_PRIORITY] = priority
    for child in children(envelope, "NewsService"):
        lines.add(names.ENVELOPE_SERVICE, formal_name(child))
    for child in children(envelope, "NewsProduct"):
        lines.add(names.ENVELOPE_PRODUCT, formal_name(child))
    lines.into(meta)
    return meta


def read_item_meta(item: etree._Element, fields: Fields, lines: Lines) -> None:
    """Read the item's ``Identification``, ``NewsManagement`` and ``Comment`` elements."""
    lines.xml_lang = language_tag(item.get(_XML_LANG))
    identifier = first(item, "Identification", "NewsIdentifier")
    for key, element in (
        (names.PUBLIC_IDENTIFIER, "PublicIdentifier"),
        (names.PROVIDER_ID, "ProviderId"),
        (names.DATE_ID, "DateId"),
        (names.NEWS_ITEM_ID, "NewsItemId"),
        (names.REVISION_ID, "RevisionId"),
    ):
        _once(fields, key, text(first(identifier, element)))
    _once(fields, names.NAME_LABEL, text(first(item, "Identification", "NameLabel")))
    _once(fields, names.DATE_LABEL, text(first(item, "Identification", "DateLabel")))
    for comment in children(item, "Comment"):
        lines.add(names.COMMENT, text(comment))
    management = first(item, "NewsManagement")
    if management is None:
        return
    created = text(first(management, "FirstCreated"))
    revised = text(first(management, "ThisRevisionCreated"))
    if created is not None:
        moment = parse_moment(created)
        if moment is None:
            fields.meta[names.FIRST_CREATED] = created
        fields.published = moment or fields.published
    if revised is not None and revised != created:
        moment = parse_moment(revised)
        if moment is None:
            fields.meta[names.THIS_REVISION_CREATED] = revised
        fields.modified = moment or fields.modified
    for key, element in (
        (names.ITEM_TYPE, "NewsItemType"),
        (names.STATUS, "Status"),
        (names.URGENCY, "Urgency"),
    ):
        _once(fields, key, formal_name(first(management, element)))
    change = first(management, "StatusWillChange")
    future = " ".join(
        part
        for part in (
            formal_name(first(change, "FutureStatus")),
            text(first(change, "DateAndTime")),
        )
        if part
    )
    _once(fields, names.STATUS_WILL_CHANGE, future or None)
    for child in children(management, "Instruction"):
        lines.add(names.INSTRUCTION, formal_name(child))
    for child in children(management, "AssociatedWith"):
        lines.add(
            names.ASSOCIATED_WITH, attribute(child, "NewsItem") or attribute(child, "FormalName")
        )


def read_component_meta(component: etree._Element, fields: Fields, lines: Lines) -> None:
    """Read the metadata of one component (``NewsLines`` and the ``*Metadata`` elements)."""
    lines.xml_lang = lines.xml_lang or language_tag(component.get(_XML_LANG))
    _read_news_lines(first(component, "NewsLines"), fields, lines)
    administrative = first(component, "AdministrativeMetadata")
    for party in children(first(administrative, "Provider"), "Party"):
        lines.publisher = lines.publisher or formal_name(party)
    for party in children(first(administrative, "Source"), "Party"):
        lines.publisher = lines.publisher or formal_name(party)
    for party in children(first(administrative, "Creator"), "Party"):
        lines.add(names.CREATOR, formal_name(party))
    for rights in children(first(component, "RightsMetadata"), "UsageRights"):
        lines.add(names.USAGE_TYPE, text(first(rights, "UsageType")))
    _read_descriptive(first(component, "DescriptiveMetadata"), fields, lines)


def headlines_of(component: etree._Element) -> list[str]:
    """Return the texts of the ``NewsLines/HeadLine`` elements of ``component``."""
    return [
        value
        for line in children(first(component, "NewsLines"), "HeadLine")
        if (value := text(line))
    ]


def _read_news_lines(news_lines: etree._Element | None, fields: Fields, lines: Lines) -> None:
    if news_lines is None:
        return
    for line in children(news_lines):
        name = etree.QName(line).localname
        value = text(line)
        if not value:
            continue
        if name == "HeadLine":
            if value not in lines.headlines:
                lines.headlines.append(value)
        elif name == "ByLine":
            lines.add(names.BYLINE, value)
            author = byline_author(value)
            if author:
                lines.authors.append(author)
        elif name == "KeywordLine":
            lines.add(names.KEYWORD_LINE, value)
            fields.topics.append(value)
        elif name in _LINE_KEYS:
            lines.add(_LINE_KEYS[name], value)
        elif name == "NewsLine":
            _read_news_line(line, fields, lines)


_LINE_KEYS = {
    "SubHeadLine": names.SUBHEADLINE,
    "DateLine": names.DATELINE,
    "CreditLine": names.CREDIT_LINE,
    "CopyrightLine": names.COPYRIGHT_LINE,
    "RightsLine": names.RIGHTS_LINE,
    "SeriesLine": names.SERIES_LINE,
    "SlugLine": names.SLUGLINE,
}


def _read_news_line(line: etree._Element, fields: Fields, lines: Lines) -> None:
    kind = formal_name(first(line, "NewsLineType")) or ""
    value = " ".join(found for part in children(line, "NewsLineText") if (found := text(part)))
    if not value:
        return
    if kind.lower() in _SUMMARY_LINES and not fields.summary:
        fields.summary.append(value)
    else:
        lines.add(names.NEWS_LINE, f"{kind}: {value}" if kind else value)


def caption_line(component: etree._Element) -> str | None:
    """Return the text of a ``NewsLine`` of type caption in ``component``'s ``NewsLines``."""
    for line in children(first(component, "NewsLines"), "NewsLine"):
        kind = (formal_name(first(line, "NewsLineType")) or "").lower()
        if kind in _CAPTION_LINES:
            value = " ".join(
                found for part in children(line, "NewsLineText") if (found := text(part))
            )
            if value:
                return value
    return None


def _read_descriptive(descriptive: etree._Element | None, fields: Fields, lines: Lines) -> None:
    if descriptive is None:
        return
    for child in children(descriptive):
        name = etree.QName(child).localname
        if name == "Language" and lines.language is None:
            lines.language = language_tag(formal_name(child))
        elif name == "Genre":
            lines.add(names.GENRE, formal_name(child))
        elif name == "SubjectCode":
            for subject in children(child, "Subject", "SubjectMatter", "SubjectDetail"):
                code = formal_name(subject)
                if code:
                    fields.topics.append(code)
        elif name == "Location":
            properties = [
                f"{attribute(prop, 'FormalName')}={attribute(prop, 'Value')}"
                for prop in children(child, "Property")
                if attribute(prop, "FormalName") and attribute(prop, "Value")
            ]
            lines.add(names.LOCATION, "; ".join(properties))
        elif name == "DateLineDate":
            _once(fields, names.DATELINE_DATE, text(child))
        elif name == "Property" and (attribute(child, "FormalName") or "").lower() == "keyword":
            keyword = attribute(child, "Value")
            if keyword:
                fields.topics.append(keyword)
