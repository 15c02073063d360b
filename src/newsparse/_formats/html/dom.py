"""Parsing HTML with lxml under safe settings, and small helpers on the tree.

The parser never touches the network, resolves no external entities, and
keeps libxml2's limits on tree depth and text size (``huge_tree`` off).  Text
is handed to libxml2 as UTF-8 bytes with the encoding stated, so a page's own
``<meta charset>`` or XML declaration cannot make it decode the text a second
time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from lxml import etree

from newsparse._errors import ParseError

__all__ = [
    "FORMAT_NAME",
    "LIBXML2_TRANSLATES_LINE_ENDS",
    "clean_url",
    "collapse",
    "compiled_xpath",
    "fast_text_content",
    "holds_any",
    "is_element",
    "node_after",
    "parse_document",
    "remove_keeping_tail",
    "text_content",
    "text_of",
    "text_reaches",
    "tidy_url",
    "with_ancestors",
]

FORMAT_NAME = "html"

# What the model forbids in text (C0 and C1 controls but tab and newline,
# U+2028/2029, lone surrogates); whitespace among them is collapsed anyway.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# What lxml refuses to set as text: characters XML 1.0 cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Leading and trailing C0 controls and spaces, and tabs and line feeds
# anywhere, are removed from URLs (as the WHATWG URL standard does).
_URL_EDGES = "".join(chr(code) for code in range(0x21))
_URL_DROPPED = str.maketrans("", "", "\t\n\r")
_MAX_URL = 4000  # longer addresses are not links to an image or a page


_LIBXML2_MAX_DEPTH = 256  # deeper, libxml2 stops with a fatal error (see _check_complete)

# libxml2's advice to lift its limits, which a newsparse user cannot take.
_HUGE_HINT = re.compile(r",?\s*(?:use|try) XML_PARSE_HUGE(?: option)?", re.IGNORECASE)


def parse_document(
    page: str | bytes,
    source: str,
    *,
    max_depth: int | None = None,
    check_utf8: Callable[[], None] | None = None,
) -> etree._Element:
    """Parse ``page`` (text, or UTF-8 bytes) and return its root (``<html>``) element.

    Elements nested more than ``max_depth`` deep (``<html>`` is level 1) are
    an error; libxml2 itself stops at 256.

    ``check_utf8``, when given, is called when libxml2 may have met bytes
    that are not UTF-8 (it reported an encoding error, or so many errors that
    it stopped reporting them), before any other error is raised: it raises
    the error of the first bad byte (``TextReader.check_utf8``), since
    libxml2 would carry on with a replacement character.

    Raises:
        ParseError: the text holds no element at all (empty, or nothing but
            whitespace and comments), or libxml2 stopped reading it at one of
            its limits (elements nested more than 256 deep, a text node or
            attribute value over 10 MB): the rest of the page would be lost,
            so no article is made from the part before.  Or elements are
            nested deeper than ``max_depth``.
    """
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        collect_ids=False,
        default_doctype=False,  # type: ignore[call-arg]  # lxml-stubs lag behind lxml
    )
    data = page.encode("utf-8", "surrogatepass") if isinstance(page, str) else page
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.ParserError as error:
        root, reason = None, str(error)
    else:
        reason = "Document is empty"  # nothing but whitespace and comments
    if check_utf8 is not None and _may_have_bad_bytes(parser.error_log):
        check_utf8()
    if root is None:
        raise ParseError(
            f"not an HTML page: {reason}", format=FORMAT_NAME, source=source, line=1, column=1
        )
    _check_complete(parser, source)
    if max_depth is not None and max_depth < _LIBXML2_MAX_DEPTH:
        _check_depth(root, max_depth, source)
    return root


# The error types with which libxml2 reports bytes it cannot decode (by
# version: an invalid character, an invalid encoding), and the length of its
# log from which it may have stopped logging (it logs at most 100 errors).
_ENCODING_ERRORS = frozenset(
    {
        etree.ErrorTypes.ERR_INVALID_ENCODING,
        etree.ErrorTypes.ERR_INVALID_CHAR,
        etree.ErrorTypes.ERR_UNKNOWN_ENCODING,
        etree.ErrorTypes.ERR_UNSUPPORTED_ENCODING,
        etree.ErrorTypes.IO_ENCODER,
    }
)
_ENCODING_DOMAINS = frozenset({etree.ErrorDomains.I18N})
_FULL_LOG = 50

LIBXML2_TRANSLATES_LINE_ENDS = etree.LIBXML_VERSION >= (2, 14)
"""Whether libxml2's HTML parser turns ``\\r\\n`` and ``\\r`` into ``\\n`` itself.

Checked from version 2.14 on (``tests/test_html_bytes.py``); older versions
are given translated line ends.
"""


def _may_have_bad_bytes(log: etree._ListErrorLog) -> bool:
    """Whether libxml2's ``log`` of a parse may hide bytes it could not decode."""
    if len(log) >= _FULL_LOG:
        return True
    return any(error.type in _ENCODING_ERRORS or error.domain in _ENCODING_DOMAINS for error in log)


def _check_depth(root: etree._Element, max_depth: int, source: str) -> None:
    """Raise :class:`ParseError` at the first element nested deeper than ``max_depth``."""
    found = root.xpath("/*" * (max_depth + 1))
    for element in found[:1] if isinstance(found, list) else []:
        if not isinstance(element, etree._Element):
            continue
        raise ParseError(
            f"elements are nested more than {max_depth} deep (max_depth)",
            format=FORMAT_NAME,
            source=source,
            line=_line_of(element),
            column=1,
        )


def _line_of(element: etree._Element) -> int:
    """Return the line ``element`` starts on, or 1 when lxml does not know it."""
    line: object = element.sourceline
    return line if isinstance(line, int) and line > 0 else 1


def _check_complete(parser: etree.HTMLParser, source: str) -> None:
    """Raise :class:`ParseError` if libxml2 gave up on the page before its end.

    Its HTML parser recovers from ordinary errors (a stray end tag), but a
    fatal one, such as a resource limit, ends the tree where it happened
    and would silently lose the rest of the page.
    """
    for fatal in parser.error_log.filter_from_fatals():
        reason = _HUGE_HINT.sub("", fatal.message).strip().rstrip(".")
        raise ParseError(
            f"the page is beyond the HTML parser's safety limits: {reason}",
            format=FORMAT_NAME,
            source=source,
            line=max(fatal.line, 1),
            column=max(fatal.column, 1),
        )


def collapse(text: str) -> str:
    """Return ``text`` with each run of whitespace made one space, and stripped.

    Characters the model forbids in text (control characters) count as
    whitespace, so the result is always valid single-line model text (or
    empty).
    """
    text = " ".join(text.split())
    if text.isprintable():
        return text
    return " ".join(_FORBIDDEN.sub(" ", text).split())


def clean_url(value: str | None) -> str | None:
    """Return ``value`` as an address the model accepts, or ``None`` if there is none.

    Like a browser, it strips the spaces and control characters around the
    address and drops tabs and line breaks inside it; other whitespace and
    control characters inside are percent-encoded (``a b.jpg`` becomes
    ``a%20b.jpg``), so nothing is lost.  ``data:`` URLs (inline images, most
    often placeholders) and addresses over 4,000 characters are not
    addresses of anything and give ``None``.

    >>> from newsparse._formats.html.dom import clean_url
    >>> clean_url("  https://example.org/a b.jpg\\n"), clean_url("data:image/gif;base64,R0")
    ('https://example.org/a%20b.jpg', None)
    """
    if value is None:
        return None
    text, printable = _trimmed_url(value)
    if not text or len(text) > _MAX_URL or text[:5].lower() == "data:":
        return None
    return _encoded_url(text, printable)


def tidy_url(value: str) -> str:
    """Return ``value`` as an address the model accepts, or ``""`` when nothing is left.

    What :func:`clean_url` does to any address, without judging it: the
    spaces and control characters around it stripped, tabs and line breaks
    inside dropped, other whitespace and controls percent-encoded.

    >>> from newsparse._formats.html.dom import tidy_url
    >>> tidy_url(" https://example.org/a b\\x01c ")
    'https://example.org/a%20b%01c'
    """
    return _encoded_url(*_trimmed_url(value))


def _trimmed_url(value: str) -> tuple[str, bool]:
    """Strip what surrounds an address and drop tabs and line breaks; say if it was printable."""
    text = value.strip(_URL_EDGES)
    printable = text.isprintable()  # then it holds no tab or line break to drop
    if not printable:
        text = text.translate(_URL_DROPPED)
    return text, printable


def _encoded_url(text: str, printable: bool) -> str:
    """Percent-encode the whitespace and controls left in ``text``."""
    # In printable text the only whitespace is the space.
    if (printable or text.isprintable()) and " " not in text:
        return text
    return "".join(_url_char(char) for char in text)


def _url_char(char: str) -> str:
    if char.isprintable() and not char.isspace():
        return char
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def text_content(element: etree._Element) -> str:
    """Return the text of ``element`` and everything in it, as the page has it.

    What ``lxml.html``'s ``text_content()`` returns, for the plain lxml
    elements newsparse's trees hold.

    >>> from lxml import etree
    >>> from newsparse.plugin import text_content
    >>> text_content(etree.fromstring("<p>One <b>two</b> three</p>"))
    'One two three'
    """
    # The text serialization is the same string as XPath's ``string()``,
    # made faster (checked on every element of the corpora).
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def text_of(element: etree._Element) -> str:
    """Return the text content of ``element`` with whitespace collapsed."""
    return collapse(text_content(element))


def remove_keeping_tail(element: etree._Element) -> None:
    """Remove ``element`` from its tree but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        # lxml refuses to set text that XML cannot hold, though its HTML
        # parser keeps such characters; they are read as spaces anyway.
        tail = _NOT_XML.sub(" ", tail)
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def is_element(node: etree._Element) -> bool:
    """Whether ``node`` is an element, not a comment or a processing instruction.

    The parser drops those, but a tree made some other way may hold them.
    """
    tag: object = node.tag
    return isinstance(tag, str)


def fast_text_content(element: etree._Element) -> str:
    """Return ``text_content(element)``, read directly when it has no child element.

    Most paragraphs and links hold only text, and reading it needs no XPath
    evaluation.
    """
    if len(element):
        return text_content(element)
    return element.text or ""


def text_reaches(element: etree._Element, length: int) -> bool:
    """Whether the text in ``element`` is at least ``length`` characters long.

    The same as ``len(text_content(element)) >= length``, but it stops
    reading as soon as it knows, instead of joining all the text of a large
    element.
    """
    # Walking the elements and adding their texts and tails is faster than
    # ``itertext()``, whose every call costs as much as a short walk.
    text = element.text
    total = len(text) if text else 0
    if total >= length:
        return True
    for inner in element.iterdescendants():
        text = inner.text
        if text:
            total += len(text)
        text = inner.tail
        if text:
            total += len(text)
        if total >= length:
            return True
    return False


def node_after(element: etree._Element, top: etree._Element) -> etree._Element | None:
    """Return the node that follows ``element`` and all it holds, within ``top``."""
    node = element
    while node is not top:
        following = node.getnext()
        if following is not None:
            return following
        parent = node.getparent()
        if parent is None:
            return None
        node = parent
    return None


def with_ancestors(elements: Iterable[etree._Element]) -> frozenset[etree._Element]:
    """Return ``elements`` and every element around them."""
    kept: set[etree._Element] = set()
    for element in elements:
        kept.add(element)
        kept.update(element.iterancestors())
    return frozenset(kept)


def holds_any(element: etree._Element, others: set[etree._Element]) -> bool:
    """Whether ``element`` holds one of ``others``."""
    return any(element in other.iterancestors() for other in others)


@functools.lru_cache(maxsize=128)
def compiled_xpath(path: str) -> etree.XPath:
    """Return ``path`` compiled (compiling an expression costs more than running it).

    Raises:
        etree.XPathSyntaxError: ``path`` is not an XPath expression.
    """
    return etree.XPath(path)
