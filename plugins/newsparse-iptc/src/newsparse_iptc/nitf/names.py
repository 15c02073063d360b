"""The names NITF uses, and the ``meta`` keys the ``nitf`` format reads and writes."""

from __future__ import annotations

from lxml import etree

__all__ = [
    "BYLINE_TITLE",
    "COPYRIGHT_HOLDER",
    "COPYRIGHT_YEAR",
    "DATELINE",
    "DATE_EXPIRE",
    "DATE_ISSUE",
    "DATE_RELEASE",
    "DOC_ID",
    "FORMAT_NAME",
    "HEAD_TITLE",
    "LINE_KEYS",
    "META_KEYS",
    "NAMESPACE",
    "NOTE",
    "NOTE_CLASS",
    "NOTE_CLASSES",
    "NOTE_TYPE",
    "NOTE_TYPES",
    "SUBHEADLINE",
    "URGENCY",
    "local_name",
]

FORMAT_NAME = "nitf"

NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
"""The namespace of NITF 3.5 and 3.6 (older documents use none)."""

DOC_ID = "nitf.doc-id"
"""``head/docdata/doc-id/@id-string``: the document's identifier."""
URGENCY = "nitf.urgency"
"""``head/docdata/urgency/@ed-urg``: the editorial urgency, ``"1"`` (most urgent) to ``"8"``."""
DATE_ISSUE = "nitf.date.issue"
"""``head/docdata/date.issue/@norm`` as written, when it is no full date and
time with a UTC offset (otherwise it is ``Article.published``)."""
DATE_RELEASE = "nitf.date.release"
"""``head/docdata/date.release/@norm`` as written: when the document may be published."""
DATE_EXPIRE = "nitf.date.expire"
"""``head/docdata/date.expire/@norm`` as written: when the document expires."""
COPYRIGHT_HOLDER = "nitf.copyright.holder"
"""``head/docdata/doc.copyright/@holder``."""
COPYRIGHT_YEAR = "nitf.copyright.year"
"""``head/docdata/doc.copyright/@year``."""
HEAD_TITLE = "nitf.title"
"""``head/title`` when it differs from the headline (``hl1``)."""
SUBHEADLINE = "nitf.hl2"
"""The ``hl2`` sub-headlines of ``body.head/hedline``, one per line."""
BYLINE_TITLE = "nitf.byttl"
"""The ``byttl`` (byline title) texts of ``body.head/byline``, one per line."""
DATELINE = "nitf.dateline"
"""The text of ``body.head/dateline``."""
NOTE = "nitf.note"
"""The text of each ``body.head/note`` (an editor's or copyright note), one per line."""
NOTE_CLASS = "nitf.note.class"
"""The ``noteclass`` of each note, one per line in the order of :data:`NOTE`; absent
when every note's is ``undef`` (or not given)."""
NOTE_TYPE = "nitf.note.type"
"""The ``type`` of each note (``std``, ``pa`` or ``npa``, not for publication), one per
line in the order of :data:`NOTE`; absent when every note's is ``std`` (the default)."""

NOTE_CLASSES = ("undef", "cpyrt", "end", "hd", "editorsnote", "trademk")
"""The values of a note's ``noteclass`` in NITF 3.6; the first stands for none given."""
NOTE_TYPES = ("std", "pa", "npa")
"""The values of a note's ``type`` in NITF 3.6; the first is the default."""

META_KEYS = (
    DOC_ID,
    URGENCY,
    DATE_ISSUE,
    DATE_RELEASE,
    DATE_EXPIRE,
    COPYRIGHT_HOLDER,
    COPYRIGHT_YEAR,
    HEAD_TITLE,
    SUBHEADLINE,
    BYLINE_TITLE,
    DATELINE,
    NOTE,
    NOTE_CLASS,
    NOTE_TYPE,
)
"""Every ``meta`` key of the ``nitf`` format."""

LINE_KEYS = frozenset({SUBHEADLINE, BYLINE_TITLE, NOTE, NOTE_CLASS, NOTE_TYPE})
"""Keys whose value holds one line per element (several ``hl2``, ``byttl`` or notes)."""


def local_name(element: object, namespace: str | None = NAMESPACE) -> str | None:
    """Return the local name of an NITF element, or ``None`` for anything else.

    An element is NITF's when it is in ``namespace`` or in no namespace;
    elements of other namespaces, comments and entity references are not.
    """
    if not isinstance(element, etree._Element):
        return None
    tag: object = element.tag
    if not isinstance(tag, str):
        return None
    if tag.startswith("{"):
        uri, _, name = tag[1:].partition("}")
        return name if uri == namespace else None
    return tag
