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

from lxml import etree
from newsparse import Image

from newsparse_iptc.newsml_g2 import names
from newsparse_iptc.nitf import names as nitf_names
from newsparse_iptc.nitf.read import Fields, read_nitf
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.text import clean_url, collapse, text_of

__all__ = ["ContentError", "elements", "read_content", "read_xhtml"]

_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_PLAIN_TYPES = frozenset({"", "text/plain"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPHS = frozenset({"p", "pre", "li", "dt", "dd"})
_NOT_READ = frozenset({"table", "script", "style", "object", "video", "audio", "iframe"})
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
    if len(inside) == 1 and local == "nitf" and namespace in {None, nitf_names.NAMESPACE}:
        return read_nitf(root)
    if len(inside) == 1 and local == "html" and namespace in {None, names.XHTML_NAMESPACE}:
        return read_xhtml(root)
    if _content_type(rendition) in _XHTML_TYPES:
        # XHTML without its html element: read what inlineXML holds as a body.
        return read_xhtml(rendition)
    return None


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


def _xhtml_name(element: etree._Element) -> str | None:
    return nitf_names.local_name(element, names.XHTML_NAMESPACE)


def read_xhtml(root: etree._Element) -> Fields:
    """Read XHTML (an ``html`` element, or any element holding a body's content) into fields.

    Only the body is read (the item's ``headline`` is the title): ``h1``-``h6``
    start sections, ``p``, ``pre``, ``li``, ``dt`` and ``dd`` are paragraphs,
    ``img`` (inside a ``figure``, with its ``figcaption`` as the caption) an
    image; other XHTML elements are looked into, except tables, scripts,
    styles and embedded media; elements of other namespaces are not read.
    """
    fields = Fields()
    builder = SectionBuilder(fields.sections)
    if _xhtml_name(root) == "html":
        for child in elements(root):
            if _xhtml_name(child) == "body":
                _read_flow(child, builder, fields)
    else:
        _read_flow(root, builder, fields)
    builder.close()
    return fields


def _read_flow(element: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    for child in elements(element):
        name = _xhtml_name(child)
        if name is None or name in _NOT_READ:
            continue
        if name in _HEADINGS:
            text = text_of(child)
            if text:
                builder.heading_found(text)
        elif name in _PARAGRAPHS:
            text = text_of(child)
            if text:
                builder.paragraph_found(text)
        elif name == "img":
            image = _image(child, None)
            if image is not None:
                fields.images.append(image)
        elif name == "figure":
            _read_figure(child, fields)
        else:
            _read_flow(child, builder, fields)


def _read_figure(figure: etree._Element, fields: Fields) -> None:
    captions = [text_of(c) for c in figure.iter() if _xhtml_name(c) == "figcaption"]
    caption = " ".join(text for text in captions if text) or None
    found = False
    for img in figure.iter():
        if _xhtml_name(img) == "img":
            image = _image(img, caption)
            if image is not None:
                fields.images.append(image)
                found = True
    if not found and caption is not None:
        fields.images.append(Image(caption=caption))


def _image(img: etree._Element, caption: str | None) -> Image | None:
    url = clean_url(img.get("src"))
    alt = collapse(img.get("alt") or "") or None
    if url is None and alt is None and caption is None:
        return None
    return Image(url=url, alt=alt, caption=caption)
