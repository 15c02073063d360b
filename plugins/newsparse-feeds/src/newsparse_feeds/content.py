"""An item's text: plain text, HTML (escaped, CDATA or inline), XHTML.

Every piece of markup goes through the ``html`` format's rules for an
article fragment (:func:`newsparse.plugin.read_fragment`); plain text is cut
into paragraphs at blank lines.  Double-escaped HTML (``&amp;lt;p&amp;gt;`` in
the XML, which reads as ``&lt;p&gt;``) is unescaped once, as feed readers do.
"""

from __future__ import annotations

import copy
import html
import re
from urllib.parse import urljoin

from lxml import etree
from newsparse import Figure, Image, Section
from newsparse.plugin import Fragment, read_fragment

__all__ = [
    "Text",
    "all_text",
    "element_text",
    "inner_markup",
    "plain_text",
    "read_text",
    "resolve",
    "text_length",
]

_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_ESCAPED_TAG = re.compile(r"&lt;/?[A-Za-z][A-Za-z0-9]*(?:\s|/?&gt;)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class Text:
    """The text of one element, as markup or as plain text."""

    __slots__ = ("is_markup", "value")

    def __init__(self, value: str, *, is_markup: bool) -> None:
        self.value = value
        """The element's text (markup when :attr:`is_markup`)."""
        self.is_markup = is_markup
        """Whether :attr:`value` is HTML."""


def all_text(element: etree._Element) -> str:
    """Return the text in ``element`` and its descendants, its whitespace collapsed."""
    return " ".join("".join(str(part) for part in element.itertext()).split())


def inner_markup(element: etree._Element) -> str:
    """Return what ``element`` holds as markup: its text, then its children serialised.

    Children in a namespace (XHTML, or HTML written into the feed unescaped)
    lose it, so that they read as HTML.
    """
    parts = [html.escape(element.text or "", quote=False)]
    for child in element:
        if isinstance(child.tag, str):
            plain = copy.deepcopy(child)
            for node in plain.iter():
                if isinstance(node.tag, str):
                    node.tag = etree.QName(node).localname
            etree.cleanup_namespaces(plain)
            plain.tail = None
            parts.append(etree.tostring(plain, encoding="unicode", method="html"))
        parts.append(html.escape(child.tail or "", quote=False))
    return "".join(parts)


def element_text(element: etree._Element, kind: str | None = None) -> Text:
    """Return the text of ``element``, whose declared type (Atom's ``type``) is ``kind``.

    ``kind`` ``"text"`` is plain text; ``"html"`` and ``"xhtml"`` are markup;
    without a kind (RSS), the text is markup when it holds a tag or an entity
    reference, or when the element holds elements.
    """
    if kind == "xhtml" or len(element):
        return Text(inner_markup(element), is_markup=True)
    value = element.text or ""
    if _ESCAPED_TAG.search(value) and not _TAG.search(value):
        value = html.unescape(value)  # double-escaped HTML
    if kind == "text":
        return Text(value, is_markup=False)
    if kind == "html":
        return Text(value, is_markup=True)
    return Text(value, is_markup=bool(_TAG.search(value) or _ENTITY.search(value)))


def plain_text(text: Text) -> str:
    """Return ``text`` as one line of plain text (tags removed, references read)."""
    value = text.value
    if text.is_markup:
        value = html.unescape(_TAG.sub(" ", value))
    return " ".join(value.split())


def text_length(text: Text) -> int:
    """Return how many characters of plain text ``text`` holds."""
    return len(plain_text(text))


def resolve(url: str | None, base: str | None) -> str | None:
    """Return ``url`` made absolute against ``base`` (when there is one), or ``None``."""
    if not url:
        return None
    url = url.strip()
    if not url:
        return None
    if base:
        try:
            return urljoin(base, url)
        except ValueError:
            return url
    return url


def read_text(text: Text, *, title: str | None, base: str | None, source: str) -> Fragment:
    """Return the sections and images of ``text``, image addresses resolved against ``base``.

    Raises:
        ParseError: libxml2 gave up on the markup at one of its limits.
    """
    if not text.is_markup:
        paragraphs = tuple(
            line for part in _BLANK_LINE.split(text.value) if (line := " ".join(part.split()))
        )
        paragraphs = tuple(p for p in paragraphs if p != title)
        return Fragment(sections=(Section(paragraphs=paragraphs),) if paragraphs else ())
    found = read_fragment(text.value, title=title, source=source)
    images = tuple(_resolved(image, base) for image in found.images)
    # A figure in the flow shows one of those images: its address is resolved alike.
    sections = tuple(
        Section(
            heading=section.heading,
            blocks=[
                Figure(image=_resolved(block.image, base)) if isinstance(block, Figure) else block
                for block in section.blocks
            ],
        )
        if any(isinstance(block, Figure) for block in section.blocks)
        else section
        for section in found.sections
    )
    return Fragment(sections=sections, images=images)


def _resolved(image: Image, base: str | None) -> Image:
    """Return ``image`` with its address resolved against ``base``."""
    return Image(
        url=resolve(image.url, base), alt=image.alt, caption=image.caption, credit=image.credit
    )
