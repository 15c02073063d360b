"""Reading the XHTML a NewsML-G2 item carries in ``inlineXML`` into an article's body.

Agencies write this XHTML loosely, and the reader takes it as they do:

- elements in the XHTML namespace and in none are read alike (the caller
  moves elements left in the NewsML-G2 default namespace into none);
- a ``p`` holding block elements (STT's ``<p><h3>...</h3></p>``) is read as
  the blocks it holds, its loose text around them as paragraphs;
- text directly inside a container (``body``, ``div``, ``section``, ...),
  outside any ``p``, is a paragraph of its own, except a run of routing
  codes (upper-case letters and digits only, such as ANSA's
  ``51 77 03 CRO01 1113 ...``), which goes to ``meta["newsml-g2.routing"]``;
- a ``header`` element (dpa repeats the slugline, keywords and headline
  there) and ``nav`` are not body text;
- text escaped twice (``&amp;#39;``, ``&amp;quot;``: the source shows
  ``&#39;`` as text) is unescaped once more.
"""

from __future__ import annotations

import html
import re

from lxml import etree
from newsparse import Image

from newsparse_iptc.newsml_g2 import names
from newsparse_iptc.nitf import names as nitf_names
from newsparse_iptc.nitf.read import Fields
from newsparse_iptc.sections import SectionBuilder
from newsparse_iptc.text import clean_url, collapse, text_of

__all__ = ["ROUTING", "read_xhtml", "unescape_twice"]

ROUTING = "newsml-g2.routing"
"""``meta`` key: routing codes left as loose text in an XHTML body, one line per run."""

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPHS = frozenset({"p", "pre", "li", "dt", "dd"})
_NOT_READ = frozenset(
    {"table", "script", "style", "object", "video", "audio", "iframe", "header", "nav", "head"}
)
_CONTAINERS = frozenset(
    {
        "html",
        "body",
        "div",
        "section",
        "article",
        "main",
        "aside",
        "footer",
        "blockquote",
        "ul",
        "ol",
        "dl",
        "center",
        "address",
    }
)
_BLOCKS = _HEADINGS | _PARAGRAPHS | _NOT_READ | _CONTAINERS | {"img", "figure", "hr"}
# An entity reference that was escaped once too often: "&amp;#39;" reads "&#39;".
_ESCAPED_TWICE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ROUTING_CODES = re.compile(r"(?:[A-Z0-9]{1,12} ){3,}[A-Z0-9]{1,12}")


def unescape_twice(text: str) -> str:
    """Return ``text`` with the character references it still holds as text replaced.

    >>> unescape_twice("Alko&#39;s &quot;monopoly&quot; &amp; more")
    'Alko\\'s "monopoly" & more'
    >>> unescape_twice("AT&T; R&D")
    'AT&T; R&D'
    """
    if "&" not in text:
        return text
    return _ESCAPED_TWICE.sub(_one_reference, text)


def _one_reference(found: re.Match[str]) -> str:
    # html.unescape leaves what it does not know (such as "&T;") as it is.
    return collapse(html.unescape(found.group())) or found.group()


def _name(element: etree._Element) -> str | None:
    return nitf_names.local_name(element, names.XHTML_NAMESPACE)


def _text(element: etree._Element) -> str:
    return unescape_twice(text_of(element))


def read_xhtml(root: etree._Element) -> Fields:
    """Read XHTML (an ``html`` element, or any element holding a body's content) into fields.

    Only the body is read (the item's ``headline`` is the title): ``h1``-``h6``
    start sections, ``p``, ``pre``, ``li``, ``dt`` and ``dd`` are paragraphs,
    ``img`` (inside a ``figure``, with its ``figcaption`` as the caption) an
    image; other XHTML elements are looked into, except tables, scripts,
    styles, embedded media, ``header`` and ``nav``; elements of other
    namespaces are not read.  See the module's notes for the variants read.
    """
    fields = Fields()
    builder = SectionBuilder(fields.sections)
    if _name(root) == "html":
        for child in root:
            if _name(child) == "body":
                _read_flow(child, builder, fields)
    else:
        _read_flow(root, builder, fields)
    builder.close()
    return fields


def _holds_blocks(element: etree._Element) -> bool:
    return any(_name(child) in _BLOCKS for child in element)


def _read_flow(element: etree._Element, builder: SectionBuilder, fields: Fields) -> None:
    """Read the children of a container, and the text between them, in order."""
    loose = [element.text or ""]
    for child in element:
        name = _name(child)
        if name is None or (name not in _BLOCKS and not _holds_blocks(child)):
            # Inline markup (or a foreign element) inside loose text.
            if name is not None:
                loose.append(f" {text_of(child)} " if name == "br" else text_of(child))
            loose.append(child.tail or "")
            continue
        _loose(loose, builder, fields)
        _read_block(child, name, builder, fields)
        loose = [child.tail or ""]
    _loose(loose, builder, fields)


def _read_block(child: etree._Element, name: str, builder: SectionBuilder, fields: Fields) -> None:
    if name in _NOT_READ:
        return
    if name in _HEADINGS:
        if text := _text(child):
            builder.heading_found(text)
    elif name in _PARAGRAPHS and not _holds_blocks(child):
        if text := _text(child):
            builder.paragraph_found(text)
    elif name == "img":
        image = _image(child, None)
        if image is not None:
            fields.images.append(image)
    elif name == "figure":
        _read_figure(child, fields)
    elif name != "hr":
        _read_flow(child, builder, fields)


def _loose(pieces: list[str], builder: SectionBuilder, fields: Fields) -> None:
    text = unescape_twice(collapse("".join(pieces)))
    if not text:
        return
    if _ROUTING_CODES.fullmatch(text) and any(char.isdigit() for char in text):
        previous = fields.meta.get(ROUTING)
        fields.meta[ROUTING] = text if previous is None else f"{previous}\n{text}"
    else:
        builder.paragraph_found(text)


def _read_figure(figure: etree._Element, fields: Fields) -> None:
    captions = [_text(c) for c in figure.iter() if _name(c) == "figcaption"]
    caption = " ".join(text for text in captions if text) or None
    found = False
    for img in figure.iter():
        if _name(img) == "img":
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
