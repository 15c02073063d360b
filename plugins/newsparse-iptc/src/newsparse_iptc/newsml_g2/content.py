"""Reading the text a NewsML-G2 item carries: its ``contentSet``.

A ``contentSet`` holds alternative renditions of the same content.  The
first one this module can read gives the body: ``inlineXML`` holding NITF
(read by :func:`newsparse_iptc.nitf.read.read_nitf`) or XHTML, or
``inlineData`` holding plain text.  An ``inlineXML`` or ``inlineData`` of
another kind (SportsML, base64 data, ...) is not read; when no rendition can
be read but one is there, :class:`ContentError` says so, rather than give an
article without its text.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree

from newsparse_iptc.newsml_g2 import names
from newsparse_iptc.newsml_g2.xhtml import read_xhtml
from newsparse_iptc.nitf import names as nitf_names
from newsparse_iptc.nitf.read import Fields, read_nitf
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.text import collapse

__all__ = ["ContentError", "elements", "read_content", "read_xhtml"]

# The content types agencies give XHTML: the registered one, and the variants
# seen in real feeds (STT's xhtml/xml, Reuters' application/xhtml+html).
_XHTML_TYPES = frozenset(
    {
        "application/xhtml+xml",
        "text/html",
        "xhtml/xml",
        "application/xhtml+html",
        "application/xhtml",
        "text/xhtml",
        "application/html",
    }
)
_PLAIN_TYPES = frozenset({"", "text/plain"})
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


class ContentError(ValueError):
    """The item's content is there but in no form this format reads."""

    def __init__(self, message: str, element: etree._Element) -> None:
        super().__init__(message)
        self.element = element
        """The element the problem is in (its line is the error's)."""


def _content_type(rendition: etree._Element) -> str:
    return (rendition.get("contenttype") or "").split(";")[0].strip().lower()


def _is_element(node: etree._Element) -> bool:
    tag: object = node.tag  # a function for comments and processing instructions
    return isinstance(tag, str)


def elements(parent: etree._Element) -> list[etree._Element]:
    """Return the child elements of ``parent`` (no comments, no processing instructions)."""
    return [child for child in parent if _is_element(child)]


def read_content(content_set: etree._Element) -> Fields:
    """Return the fields the first readable rendition of ``content_set`` gives.

    An empty ``contentSet`` gives empty fields.

    Raises:
        ContentError: the renditions are all of kinds this format does not
            read, or the set holds only ``remoteContent`` (the text is not in
            the document).
    """
    unread: list[etree._Element] = []
    for rendition in elements(content_set):
        name = nitf_names.local_name(rendition, names.NAMESPACE)
        if name == "inlineXML":
            fields = _inline_xml(rendition)
        elif name == "inlineData":
            fields = _inline_data(rendition)
        else:
            fields = None
        if fields is not None:
            return fields
        unread.append(rendition)
    if unread:
        first = unread[0]
        name = nitf_names.local_name(first, names.NAMESPACE) or first.tag
        if name == "remoteContent":
            message = "the item's text is not in the document: its contentSet holds remoteContent"
        else:
            kind = _content_type(first) or "of no declared content type"
            message = (
                f"the item's {name} is {kind}, which the newsml-g2 format does not read "
                "(it reads NITF and XHTML in inlineXML, and plain text in inlineData)"
            )
        raise ContentError(message, first)
    return Fields()


def _inline_xml(rendition: etree._Element) -> Fields | None:
    inside = elements(rendition)
    if not inside:
        # Nothing but comments or blank space: nothing to lose.
        return Fields() if not (rendition.text or "").strip() else None
    root = inside[0]
    local = etree.QName(root).localname
    namespace = etree.QName(root).namespace
    kind = _content_type(rendition)
    # Agencies often leave the inline document in the NewsML-G2 default
    # namespace (no xmlns of its own): read it as if it had none.
    inherited = namespace in {None, names.NAMESPACE}
    if len(inside) == 1 and local == "nitf" and (inherited or namespace == nitf_names.NAMESPACE):
        return read_nitf(_without_g2_namespace(root))
    if len(inside) == 1 and local == "html" and (inherited or namespace == names.XHTML_NAMESPACE):
        return read_xhtml(_without_g2_namespace(root))
    if kind in _XHTML_TYPES or "html" in kind or (not kind and _all_html_blocks(inside)):
        # XHTML without its html element: read what inlineXML holds as a body
        # (also with no content type, when it holds only HTML blocks).
        return read_xhtml(_without_g2_namespace(rendition))
    return None


_HTML_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "ul", "ol", "blockquote", "table"}
)


def _all_html_blocks(inside: list[etree._Element]) -> bool:
    return all(
        etree.QName(child).localname in _HTML_BLOCKS
        and etree.QName(child).namespace in {None, names.NAMESPACE, names.XHTML_NAMESPACE}
        for child in inside
    )


def _without_g2_namespace(element: etree._Element) -> etree._Element:
    """Return a copy of ``element`` whose NewsML-G2-namespace elements are in no namespace.

    The copy is detached from the item, so lxml keeps the source lines.
    """
    found = element.iter(f"{{{names.NAMESPACE}}}*")
    if next(found, None) is None:
        return element
    copy = deepcopy(element)
    for node in copy.iter(f"{{{names.NAMESPACE}}}*"):
        node.tag = etree.QName(node).localname
    return copy


def _inline_data(rendition: etree._Element) -> Fields | None:
    if rendition.get("encoding") or rendition.get("encodinguri"):
        return None
    if _content_type(rendition) not in _PLAIN_TYPES:
        return None
    fields = Fields()
    builder = SectionBuilder(fields.sections)
    for part in _BLANK_LINE.split(rendition.text or ""):
        paragraph = collapse(part)
        if paragraph:
            builder.paragraph_found(paragraph)
    builder.close()
    return fields
