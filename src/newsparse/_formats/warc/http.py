"""What real crawls hold beside well-formed records, read as liberally as a browser reads it.

FastWARC parses a WARC header and an HTTP head only when their lines end in
``\\r\\n``; it reads a header with bare ``\\n`` line ends as one long line,
and the record or page is lost.  Servers (and some crawlers' records) do
send bare line feeds, which RFC 9112 lets a recipient accept; the framing
accepts them, and :func:`crlf_header` and :func:`crlf_http_head` rewrite
such lines with ``\\r\\n`` before FastWARC reads them.

More that a browser copes with and a strict reader does not:

* a ``Content-Type`` that lists several types (``text/html, text/html``,
  as proxies that merge headers write it), or that is no valid type at all
  (``text/html charset=utf-8``): :func:`media_type` reads it as the WHATWG
  Fetch standard does, the list split at commas and each type checked; an
  HTML type anywhere in the list makes the body a page, and a header
  without any valid type counts as none;
* a page served without a ``Content-Type`` (or with one that says nothing,
  such as ``unknown/unknown``): :func:`sniffs_as_html` looks at its first
  bytes as the WHATWG MIME Sniffing standard does for an unknown type
  (tags such as ``<!DOCTYPE HTML``, ``<html``, ``<head``, ``<body``, ``<p``
  after any whitespace; the tag's name may end with any whitespace, where
  the standard takes only a space or ``>``), and also takes an XHTML page
  that starts with an XML declaration;
* a body that its ``Transfer-Encoding`` or ``Content-Encoding`` header
  mislabels: a crawler that stored the body decoded but kept the header
  (``chunked``, ``gzip``), or a server that labels plain HTML as
  compressed.  When the decoding fails and the body as stored sniffs as
  HTML, the ``warc`` format reads it as stored (and counts it), instead of
  losing the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "HTML_TYPES",
    "UNKNOWN_TYPES",
    "crlf_header",
    "crlf_http_head",
    "media_type",
    "sniffs_as_html",
]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""The HTTP content types read as pages."""

UNKNOWN_TYPES = frozenset({"", "unknown/unknown", "application/unknown", "*/*"})
"""HTTP content types that say nothing about the body (lowercase), so it is sniffed."""

_MAX_HEAD = 1 << 16  # an HTTP head longer than this is not rewritten
_SNIFF_BYTES = 1024
_SPACE = b"\t\n\x0c\r "
_HTML_START = re.compile(
    rb"<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p)"
    rb"[\t\n\x0c\r >]|<!--",
    re.IGNORECASE,
)
_XHTML = re.compile(rb"<!doctype html|<html[\t\n\x0c\r >]", re.IGNORECASE)
_TOKEN = r"[!#$%&'*+.^_`|~0-9a-z-]+"
_ESSENCE = re.compile(f"{_TOKEN}/{_TOKEN}")
_LISTED = re.compile(r'(?:[^,"]|"[^"]*"?)+')  # the items of a list, commas in quotes kept


def media_type(values: Iterable[str]) -> tuple[str, str | None]:
    """Return the type (``"text/html"``) and charset of a response's ``Content-Type`` values.

    Each header value is a list of types; an HTML type anywhere wins,
    otherwise the last valid type does.  ``("", None)`` when no value holds
    a valid type: as for a response without the header, its body is sniffed.

    >>> from newsparse._formats.warc.http import media_type
    >>> media_type(['text/plain, text/html; charset="UTF-8"'])
    ('text/html', 'UTF-8')
    >>> media_type(["text/html charset=utf-8"])
    ('', None)
    """
    found: tuple[str, str | None] = ("", None)
    for value in values:
        for item in _LISTED.findall(value):
            essence, _, parameters = item.partition(";")
            essence = essence.strip(" \t").lower()
            if not _ESSENCE.fullmatch(essence):
                continue
            found = (essence, _charset(parameters))
            if essence in HTML_TYPES:
                return found
    return found


def _charset(parameters: str) -> str | None:
    """Return the ``charset`` of a type's ``;``-separated parameters, unquoted."""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip(" \t").lower() == "charset":
            return value.strip(" \t").strip('"').strip() or None
    return None


def crlf_header(header: bytes) -> bytes:
    """Return a WARC record's ``header`` with every line ending in ``\\r\\n``."""
    if header.count(b"\n") == header.count(b"\r\n"):
        return header
    lines = header.split(b"\n")
    return b"\r\n".join(line.removesuffix(b"\r") for line in lines)


def crlf_http_head(content: bytes) -> bytes | None:
    """Return ``content`` with the lines of its HTTP head ending in ``\\r\\n``.

    ``None`` when there is nothing to rewrite: the head's lines already end
    so, the content is no HTTP response, or no empty line ends a head within
    the first 64 KiB.
    """
    if not content.startswith(b"HTTP/"):
        return None
    crlf = content.find(b"\r\n\r\n", 0, _MAX_HEAD)
    if crlf >= 0 and content.count(b"\n", 0, crlf + 2) == content.count(b"\r\n", 0, crlf + 2):
        return None  # every line feed of the head follows a carriage return
    lines: list[bytes] = []
    at = 0
    while True:
        end = content.find(b"\n", at, _MAX_HEAD)
        if end < 0:
            return None
        line = content[at:end].removesuffix(b"\r")
        at = end + 1
        if not line:
            break
        lines.append(line)
    return b"\r\n".join(lines) + b"\r\n\r\n" + content[at:]


def sniffs_as_html(body: bytes) -> bool:
    """Whether ``body`` starts as an HTML page does (see the module)."""
    head = body[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip(_SPACE)
    if _HTML_START.match(head):
        return True
    return head[:5].lower() == b"<?xml" and _XHTML.search(head) is not None
