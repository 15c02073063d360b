"""Text as XML formats hold it: collapsed whitespace, and the checks before writing.

XML news formats are indented freely, so a line break inside a paragraph is
layout, not content.  Reading, :func:`collapse` makes every run of XML
whitespace (space, tab, line feed, carriage return) one space and strips the
ends; other spaces, such as U+00A0, are kept.  Characters that XML can hold
but the model forbids (control characters, U+2028, U+2029) count as
whitespace.

Writing, :func:`problem` tells why a model value would not come back
unchanged (so that rendering refuses it rather than lose something).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree, html

__all__ = [
    "byline_author",
    "clean_url",
    "collapse",
    "html_fragment",
    "language_tag",
    "problem",
    "text_of",
]

_XML_SPACE = re.compile("[\x00-\x20\x7f-\x9f\u2028\u2029]+")
# What XML 1.0 cannot hold and the model allows.
_NOT_XML = re.compile("[\ufffe\uffff]")
# Elements whose text stands apart from the text around it: a line break, and
# block elements (two paragraphs of a caption must not run into one word).
_SEPARATING = frozenset(
    {"br", "p", "hl1", "hl2", "li", "block", "bq", "pre", "dt", "dd", "td", "th", "tr"}
)
_URL_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")
_BY = re.compile(r"\A(?:by|von|par|por|door|av)\b[\s:]*", re.IGNORECASE)


def collapse(text: str) -> str:
    """Return ``text`` with each run of XML whitespace made one space, and stripped.

    >>> collapse("  Fed to halt\\n   QE\\u00a0now ")
    'Fed to halt QE\\xa0now'
    """
    return _XML_SPACE.sub(" ", text).strip()


def problem(value: str) -> str | None:
    """Return why ``value`` would not read back unchanged from XML text, or ``None``.

    A value reads back unchanged when it is already collapsed (no line break,
    tab or run of spaces) and holds no character XML 1.0 forbids.
    """
    if collapse(value) != value:
        return "line breaks, tabs and runs of spaces do not survive XML whitespace handling"
    bad = _NOT_XML.search(value)
    if bad:
        return f"XML 1.0 cannot hold U+{ord(bad.group()):04X}"
    return None


def _pieces(element: etree._Element) -> Iterable[str]:
    if element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            gap = " " if name in _SEPARATING else ""
            yield gap
            if name != "br":
                yield from _pieces(child)
            yield gap
        if child.tail:
            yield child.tail


def text_of(element: etree._Element) -> str:
    """Return the text inside ``element`` (its descendants' too), collapsed.

    ``br`` is a space, and so is the boundary of a block element (``p``,
    ``li``, ...) inside it.  Entity references are expanded when the
    document is parsed (see :mod:`newsparse_iptc.entities`).
    """
    return collapse("".join(_pieces(element)))


def clean_url(value: str | None) -> str | None:
    """Return ``value`` as an address the model accepts, or ``None`` if empty.

    The ends are stripped; whitespace and control characters inside are
    percent-encoded (``a b.jpg`` becomes ``a%20b.jpg``), so nothing is lost.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    return _URL_SPACE.sub(lambda found: _percent(found.group()), text)


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def language_tag(value: str | None) -> str | None:
    """Return ``value`` collapsed if it is a language tag (like ``xs:language``), else ``None``.

    >>> language_tag(" en-GB "), language_tag("english!")
    ('en-GB', None)
    """
    if value is None:
        return None
    tag = collapse(value)
    return tag if _LANGUAGE.match(tag) else None


def byline_author(text: str) -> str:
    """Return the author a byline names: without a leading "By" (or "von", "par", ...).

    Trailing and leading commas, colons and semicolons go too; the result may be empty.

    >>> byline_author("By Ana Lind,")
    'Ana Lind'
    """
    return _BY.sub("", collapse(text)).strip(" ,;:")


def html_fragment(markup: str) -> etree._Element:
    """Parse the HTML text ``markup`` (a fragment or a page) and return its ``body``.

    The parser fetches nothing and keeps libxml2's limits.

    Raises:
        ValueError: libxml2 stopped at one of its limits (nesting over 256
            deep, say), which would lose the rest of the text.
    """
    parser = html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    data = markup.encode("utf-8", "surrogatepass")
    document = html.document_fromstring(b"<html><body>" + data + b"</body></html>", parser=parser)
    for fatal in parser.error_log.filter_from_fatals():
        raise ValueError(f"the HTML text is beyond the HTML parser's limits: {fatal.message}")
    body = document.find("body")
    return body if body is not None else document
