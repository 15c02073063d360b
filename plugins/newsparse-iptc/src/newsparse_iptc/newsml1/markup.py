"""Reading an (X)HTML body into sections: XHTML elements, or an HTML fragment.

NewsML 1.x items carry XHTML as elements inside ``DataContent`` (with or
without the XHTML namespace), or HTML as text (often in a CDATA section,
often with upper-case tags).  Both are read here, by local name and without
regard to case or namespace:

- ``h1``-``h6`` start a section; ``p``, ``pre``, ``li``, ``dt``, ``dd`` and
  each table row are paragraphs;
- ``img`` (in a ``figure``, with its ``figcaption``) is an image;
- text outside any block (loose text, or inline elements such as ``b`` and
  ``a`` between blocks) becomes paragraphs too, split at ``br``, so no text
  is left out;
- ``script``, ``style`` and ``head`` hold no article text and are skipped;
  anything else is looked into.
"""

from __future__ import annotations

from lxml import etree
from newsparse import Image

from newsparse_iptc.newsml1.tree import is_element
from newsparse_iptc.nitf.read import Fields
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.text import clean_url, collapse, text_of

__all__ = ["read_markup"]

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPHS = frozenset({"p", "pre", "li", "dt", "dd", "tr", "caption", "address"})
_SKIPPED = frozenset({"script", "style", "head", "title", "meta", "link", "noscript"})
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname.lower()


class _Reader:
    def __init__(self, fields: Fields) -> None:
        self.fields = fields
        self.builder = SectionBuilder(fields.sections)
        self.loose: list[str] = []

    def flush(self) -> None:
        paragraph = collapse("".join(self.loose))
        if paragraph:
            self.builder.paragraph_found(paragraph)
        self.loose = []

    def flow(self, element: etree._Element) -> None:
        self.loose.append(element.text or "")
        for child in element:
            if is_element(child):
                self.child(child)
            self.loose.append(child.tail or "")

    def child(self, child: etree._Element) -> None:
        name = _local(child)
        if name in _SKIPPED:
            return
        if name in _INLINE:
            self.loose.append(text_of(child))
            return
        if name == "br":
            self.flush()
            return
        self.flush()
        if name in _HEADINGS:
            if heading := text_of(child):
                self.builder.heading_found(heading)
        elif name in _PARAGRAPHS:
            if paragraph := text_of(child):
                self.builder.paragraph_found(paragraph)
        elif name == "img":
            self.image(child, None)
        elif name == "figure":
            self.figure(child)
        else:
            self.flow(child)
        self.flush()

    def figure(self, figure: etree._Element) -> None:
        captions = [
            text_of(e) for e in figure.iter() if is_element(e) and _local(e) == "figcaption"
        ]
        caption = " ".join(text for text in captions if text) or None
        images = [e for e in figure.iter() if is_element(e) and _local(e) == "img"]
        for img in images:
            self.image(img, caption)
        if not images and caption is not None:
            self.fields.images.append(Image(caption=caption))

    def image(self, img: etree._Element, caption: str | None) -> None:
        url = clean_url(img.get("src"))
        alt = collapse(img.get("alt") or "") or None
        if url is not None or alt is not None or caption is not None:
            self.fields.images.append(Image(url=url, alt=alt, caption=caption))


def read_markup(element: etree._Element, fields: Fields) -> None:
    """Read the (X)HTML inside ``element`` (an ``html`` or ``body`` element, or a container)."""
    reader = _Reader(fields)
    root = element
    if _local(root) == "html":
        for child in root:
            if is_element(child) and _local(child) == "body":
                root = child
                break
    reader.flow(root)
    reader.flush()
    reader.builder.close()
