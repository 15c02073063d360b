"""A page's bytes, from the input to libxml2's tree.

UTF-8 input reaches libxml2 as it is, neither decoded and encoded again nor
even checked (``TextReader.read_utf8(checked=False)``): libxml2 reports the
bytes it cannot decode, and only then are they checked, for the place of the
first one.  libxml2 translates line ends too, from version 2.14 on; an older
one is given translated line ends.

A page whose bytes are not all UTF-8 is still read, as a browser reads it:
each undecodable sequence becomes U+FFFD, the replacement character.  The
page is not thrown away for a stray byte, and nothing is lost silently
either: :func:`parse_page` returns the error of the first bad byte (with its
line, column and byte offset), which the format yields before the article.
Text input that holds a lone surrogate is an error, since it is no text.
"""

from __future__ import annotations

import re

from lxml import etree

from newsparse._errors import ParseError
from newsparse._formats.html.dom import FORMAT_NAME, LIBXML2_TRANSLATES_LINE_ENDS, parse_document
from newsparse._textio import TextReader, TextStream

__all__ = ["is_blank", "parse_page", "read_page"]

# A lone surrogate encoded with "surrogatepass": 0xED, then 0xA0-0xBF, which
# valid UTF-8 never has (Hangul syllables start 0xED 0x80-0x9F).
_SURROGATE = re.compile(rb"\xed[\xa0-\xbf]")
_REPLACED = (
    "; the page is read with U+FFFD, the replacement character, in place of each"
    " sequence that is not UTF-8"
)


def read_page(stream: TextStream, most: int | None, source: str) -> bytes:
    """Return the rest of ``stream`` as the bytes to give libxml2 (see the module docstring).

    Raises:
        ParseError: the page is larger than ``most`` bytes.
    """
    if isinstance(stream, TextReader):
        try:
            page = stream.read_utf8(most, checked=False)
        except OverflowError:
            raise _page_too_large(most, source) from None
    else:
        page = stream.read().encode("utf-8", "surrogatepass")
        if most is not None and len(page) > most:
            raise _page_too_large(most, source)
    if not LIBXML2_TRANSLATES_LINE_ENDS and b"\r" in page:
        page = page.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return page


def is_blank(page: bytes) -> bool:
    """Whether ``page`` holds nothing but whitespace (Unicode's, not only ASCII's)."""
    rest = page.lstrip()
    if not rest or rest[0] < 0x80:  # the usual case: empty, or starts with "<"
        return not rest
    return not rest.decode("utf-8", "replace").strip()


def parse_page(
    page: bytes, stream: TextStream, source: str, max_depth: int | None
) -> tuple[etree._Element, ParseError | None]:
    """Parse ``page``, read from ``stream``; return its root and the error of its first bad byte.

    The error is ``None`` when every byte decodes; otherwise the page was
    read with replacement characters (see the module docstring).

    Raises:
        ParseError: text input holds a lone surrogate, or ``parse_document``
            refuses the page.
    """
    found: list[ParseError] = []

    def check_utf8() -> None:
        if found or not isinstance(stream, TextReader):
            return
        try:
            stream.check_utf8()
        except ParseError as error:
            found.append(error)

    if b"\xed" in page and _SURROGATE.search(page):
        # Encoded surrogates: in bytes read unchecked, a sequence UTF-8
        # forbids; in text input, a lone surrogate.
        check_utf8()
        if not found:
            raise _surrogate_error(page, source)
    if not found:
        root = parse_document(page, source, max_depth=max_depth, check_utf8=check_utf8)
    if not found:
        return root, None
    error = found[0]
    replaced = page.decode("utf-8", "replace").encode("utf-8")
    root = parse_document(replaced, source, max_depth=max_depth)
    return root, ParseError(
        error.message + _REPLACED,
        format=FORMAT_NAME,
        source=error.source,
        line=error.line,
        column=error.column,
    )


def _surrogate_error(page: bytes, source: str) -> ParseError:
    """Return the error of the first lone surrogate in ``page`` (text input's)."""
    found = _SURROGATE.search(page)
    start = found.start() if found is not None else 0
    line_start = page.rfind(b"\n", 0, start) + 1
    return ParseError(
        "the text holds a lone surrogate (U+D800-U+DFFF), which is not a character",
        format=FORMAT_NAME,
        source=source,
        line=page.count(b"\n", 0, start) + 1,
        column=len(page[line_start:start].decode("utf-8", "replace")) + 1,
    )


def _page_too_large(most: int | None, source: str) -> ParseError:
    return ParseError(
        f"the page is larger than the limit of {most} bytes (max_article_bytes)",
        format=FORMAT_NAME,
        source=source,
        line=1,
        column=1,
    )
