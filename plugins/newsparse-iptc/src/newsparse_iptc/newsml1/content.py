"""Reading the text of a NewsML 1.x ``ContentItem`` into the fields of an article.

A text ``ContentItem`` holds its text in ``DataContent`` (possibly inside an
``Encoding`` element, or declared base64 by one), as

- NITF: a ``nitf`` element (often a bare ``<nitf><body><body.content>``), or
  just its ``body`` or ``body.content``: read by the NITF reader
  (:func:`newsparse_iptc.nitf.read.read_nitf`);
- XHTML: an ``html`` element, or body elements (``p``, ``div``, ...) with or
  without the XHTML namespace (:mod:`~newsparse_iptc.newsml1.markup`);
- text: markup escaped or in a CDATA section (HTML, or XML when the item
  says NITF or XML), or plain text, whose paragraphs are separated by blank
  lines (or, when there are none, by indented lines, else by line breaks).

What the item's ``Format`` and ``MimeType`` declare decides how text is
read; elements are read for what they are.
"""

from __future__ import annotations

import base64
import binascii
import copy
import re
import textwrap

from lxml import etree
from newsparse.plugin import Limits

from newsparse_iptc.newsml1 import names
from newsparse_iptc.newsml1.markup import read_markup
from newsparse_iptc.newsml1.tree import ItemError, first, formal_name, is_element
from newsparse_iptc.nitf import names as nitf_names
from newsparse_iptc.nitf.read import Fields, read_body, read_nitf
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.text import collapse, html_fragment
from newsparse_iptc.xmlsafe import Document, line_of, parse_xml

__all__ = ["TextReader", "declared_kind"]

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_MARKUP_START = re.compile(r"\s*<[A-Za-z!?]")
_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote",
     "pre", "section", "article", "body", "figure", "dl", "header", "main", "span", "br"}
)  # fmt: skip


def declared_kind(item: etree._Element) -> str:
    """Return how a text item says its text is written: ``nitf``, ``html``, ``xml`` or ``plain``.

    ``Format`` and ``MimeType`` are looked at (``NITF3.1``,
    ``text/vnd.IPTC.NITF``, ``XHTML``, ``application/xhtml+xml``, ``HTML``,
    ``text/xml``, ``text/plain``, ...); ``""`` when neither says anything
    this reader knows.
    """
    declared = " ".join(
        value.lower()
        for value in (formal_name(first(item, "Format")), formal_name(first(item, "MimeType")))
        if value
    )
    if "nitf" in declared:
        return "nitf"
    if "html" in declared:
        return "html"
    if "xml" in declared:
        return "xml"
    if "plain" in declared or "text" in declared.split("/")[-1:]:
        return "plain"
    return ""


class TextReader:
    """Reads text items of one document: parsing escaped XML needs the document's limits."""

    def __init__(self, limits: Limits, format_name: str, source: str, offset: int) -> None:
        self.limits = limits
        self.format_name = format_name
        self.source = source
        self.offset = offset

    def read(self, item: etree._Element, data: etree._Element) -> Fields:
        """Return the fields of the text ``ContentItem`` ``item`` (its ``DataContent`` is ``data``).

        Raises:
            ItemError: the text is in an encoding or a form this reader does not read.
            ParseError: escaped XML in it is not well-formed (its line is the
                ``DataContent``'s).
        """
        kind = declared_kind(item)
        data = _outside_newsml(data)
        encodings = [
            name.lower()
            for element in item.iter()
            if is_element(element) and etree.QName(element).localname == "Encoding"
            if (name := formal_name(element))
        ]
        inside = [child for child in data if is_element(child)]
        if encodings:
            if encodings != ["base64"] or inside:
                raise ItemError(
                    f"the text is encoded as {'/'.join(encodings)!r}, which the newsml1 format "
                    "does not read (it reads base64)",
                    data,
                )
            return self._text(self._base64(data), kind, data)
        if inside:
            loose = collapse((data.text or "") + "".join(child.tail or "" for child in inside))
            if loose:
                # Text beside the elements: read the whole as a body.
                fields = Fields()
                read_markup(data, fields)
                return fields
            return self._elements(inside, kind, data)
        return self._text(data.text or "", kind, data)

    def _base64(self, data: etree._Element) -> str:
        try:
            raw = base64.b64decode("".join((data.text or "").split()), validate=True)
        except (binascii.Error, ValueError):
            raise ItemError(
                "the base64 text of the DataContent is not valid base64", data
            ) from None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("windows-1252", "replace")

    def _elements(self, inside: list[etree._Element], kind: str, data: etree._Element) -> Fields:
        root = inside[0]
        name = etree.QName(root).localname
        namespace = etree.QName(root).namespace
        nitf_space = namespace in {None, nitf_names.NAMESPACE}
        if len(inside) == 1 and name == "nitf" and nitf_space:
            return read_nitf(root)
        if len(inside) == 1 and nitf_space and _is_nitf_body(root):
            return _nitf_body(root)
        if name.lower() in _BLOCKS or name.lower() == "html" or kind == "html":
            fields = Fields()
            read_markup(data, fields)
            return fields
        raise ItemError(
            f"the DataContent holds a {root.tag!r} element, which the newsml1 format does not read "
            "(it reads NITF, XHTML and plain text)",
            root,
        )

    def _text(self, value: str, kind: str, data: etree._Element) -> Fields:
        if kind != "plain" and _MARKUP_START.match(value):
            if kind in {"nitf", "xml"}:
                document = Document(value.strip(), line_of(data) + self.offset)
                root = parse_xml(
                    document, limits=self.limits, format_name=self.format_name, source=self.source
                )
                holder = etree.Element("DataContent")
                holder.append(root)
                return self._elements([root], kind, holder)
            try:
                body = html_fragment(value)
            except ValueError as error:
                raise ItemError(str(error), data) from None
            depth = self.limits.max_depth
            if depth is not None and body.xpath("/*" * (depth + 1)):
                raise ItemError(
                    f"the HTML text nests elements more than {depth} deep (max_depth)", data
                )
            fields = Fields()
            read_markup(body, fields)
            return fields
        return _plain(value)


def _outside_newsml(data: etree._Element) -> etree._Element:
    """Return ``data``, or a copy with no element in a NewsML namespace, if it has some.

    In a document written for the NewsML 1.2 Schema, NITF or HTML written
    without its own namespace falls into NewsML's default namespace.
    """
    spaces = {namespace for namespace in names.NAMESPACES if namespace is not None}
    inside = [e for e in data.iter() if is_element(e) and etree.QName(e).namespace in spaces]
    if len(inside) <= 1:  # DataContent alone
        return data
    copied = copy.deepcopy(data)
    for element in copied.iter():
        if is_element(element) and etree.QName(element).namespace in spaces:
            element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(copied)
    return copied


def _is_nitf_body(root: etree._Element) -> bool:
    name = etree.QName(root).localname
    if name == "body.content":
        return True
    return name == "body" and any(
        nitf_names.local_name(child) in {"body.head", "body.content"} for child in root
    )


def _nitf_body(root: etree._Element) -> Fields:
    fields = Fields()
    if etree.QName(root).localname == "body":
        read_body(root, fields)
    else:
        body = etree.Element("body")
        body.append(copy.deepcopy(root))
        read_body(body, fields)
    return fields


def _plain(value: str) -> Fields:
    """Read plain text: paragraphs split at blank lines, else at indented lines, else at lines."""
    fields = Fields()
    builder = SectionBuilder(fields.sections)
    # The indentation of the XML around the text is no paragraph mark.
    text = textwrap.dedent(value.replace("\r\n", "\n").replace("\r", "\n"))
    parts: list[str] = []
    if _BLANK_LINE.search(text.strip("\n")):
        parts = _BLANK_LINE.split(text)
    else:
        lines = [line for line in text.split("\n") if line.strip()]
        indented = [line for line in lines[1:] if line[:1] in {" ", "\t"}]
        if indented:
            current: list[str] = []
            for line in lines:
                if line[:1] in {" ", "\t"} and current:
                    parts.append(" ".join(current))
                    current = []
                current.append(line)
            parts.append(" ".join(current))
        else:
            parts = lines
    for part in parts:
        if paragraph := collapse(part):
            builder.paragraph_found(paragraph)
    builder.close()
    return fields
