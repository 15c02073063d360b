"""Reading one WARC record: an HTML page for the ``html`` format, or a reason to skip it.

FastWARC (the ``newsparse[warc]`` extra) parses the record's WARC header
and its HTTP message: status, ``Content-Type`` and its charset, and the
payload with ``Transfer-Encoding`` and ``Content-Encoding`` undone.  A
``response`` record with HTTP status 200 and an HTML content type
(``text/html``, ``application/xhtml+xml``) is a page; every other record
is skipped, under one of the reasons of ``SKIP_REASONS``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from newsparse._errors import ParseError, ValidationError
from newsparse._format import Format, ParseItem
from newsparse._formats.html.charset import codec_for_label, declared_encoding
from newsparse._formats.html.dom import tidy_url
from newsparse._formats.warc.framing import Framed
from newsparse._formats.warc.http import (
    HTML_TYPES,
    UNKNOWN_TYPES,
    crlf_header,
    crlf_http_head,
    media_type,
    sniffs_as_html,
)
from newsparse._limits import Limits
from newsparse._source import open_source
from newsparse._textio import SAMPLE_SIZE
from newsparse._values import meta as meta_value

if TYPE_CHECKING:
    from fastwarc import WarcRecord

__all__ = [
    "EXTRA_MISSING",
    "FORMAT_NAME",
    "SKIP_REASONS",
    "Page",
    "Skipped",
    "read_page",
    "read_record",
    "require_engine",
]

FORMAT_NAME = "warc"

EXTRA_MISSING = (
    "reading WARC needs FastWARC, which the 'warc' extra installs: pip install 'newsparse[warc]'"
)

SKIP_REASONS = {
    "warcinfo": "warcinfo records (about the file)",
    "request": "request records",
    "metadata": "metadata records",
    "revisit": "revisit records (the page is stored elsewhere)",
    "resource": "resource records",
    "conversion": "conversion records",
    "continuation": "continuation records",
    "unknown": "records of another WARC-Type",
    "not-http": "response records that hold no HTTP response",
    "not-200": "HTTP responses with a status other than 200",
    "not-html": "HTTP 200 responses that are not HTML",
}
"""Why a record is skipped, by the name it is counted under."""

_STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)? \d{3}[ \r]")


@attrs.frozen
class Page:
    """An HTML page found in a record, with what the WARC says about it."""

    payload: bytes
    """The HTTP body, decoded from any transfer and content encoding."""
    encoding: str | None
    """The codec named by the HTTP ``Content-Type`` charset, if any (and known)."""
    meta: dict[str, str]
    """What goes into each article's ``meta`` (``warc.*`` keys)."""
    target_uri: str | None
    """``WARC-Target-URI``: the address the page was fetched from."""
    how: str = "read"
    """``"read"``; ``"sniffed"`` for a page without a content type; ``"as-stored"``
    for a body read as stored because its encoding headers did not decode."""
    dropped: tuple[str, ...] = ()
    """Why each WARC header that ``meta`` cannot hold was left out of it."""


@attrs.frozen
class Skipped:
    """A record that holds no page."""

    reason: str
    """One of the keys of :data:`SKIP_REASONS`."""


def require_engine(source: str) -> Any:
    """Return FastWARC's ``ArchiveIterator``; a :class:`ParseError` naming the extra without it."""
    try:
        from fastwarc import ArchiveIterator  # noqa: PLC0415
    except ImportError:
        error = ParseError(EXTRA_MISSING, format=FORMAT_NAME, source=source)
        error.fatal = True
        raise error from None
    return ArchiveIterator


def read_record(framed: Framed, source: str, engine: Any) -> Page | Skipped | ParseError:
    """Parse one framed record with FastWARC and say what it holds.

    A header or HTTP head with bare line feeds is rewritten for FastWARC
    first; a page without a content type is sniffed; a body whose encoding
    headers do not decode is read as stored when that is an HTML page (see
    ``newsparse._formats.warc.http``).
    """
    data = _record_bytes(framed)
    record = _parsed(engine, data, "all")
    if isinstance(record, str):
        return record_error(framed, source, record)
    found = _page_type(record)
    if isinstance(found, str):
        return Skipped(found)
    content_type, charset = found
    unknown = content_type in UNKNOWN_TYPES
    if not framed.complete:
        return _over_long(framed, source, record, unknown=unknown)
    body = _body(record, engine, data)
    if isinstance(body, str):
        return record_error(framed, source, body)
    payload, how = body
    if unknown:
        if not sniffs_as_html(payload):
            return Skipped("not-html")
        how = "sniffed"
    meta, dropped = _meta(record)
    return Page(
        payload,
        _codec(charset),
        meta,
        _address(meta),
        how,
        dropped,
    )


def _record_bytes(framed: Framed) -> bytes:
    """Return the record as FastWARC reads it: its lines ending in CRLF, its length right.

    A block that starts with an HTTP status line is declared an HTTP
    response (``Content-Type: application/http``) when the header does not
    say so: FastWARC parses the HTTP message of no other record.
    """
    header = crlf_header(framed.header)
    content = crlf_http_head(framed.content)
    if content is None:
        content = framed.content
    if not framed.complete or len(content) != len(framed.content):
        # An over-long record is cut to its head, which tells what it is.
        header = _with_field(header, b"Content-Length", b"%d" % len(content))
    if _STATUS_LINE.match(content) and b"application/http" not in header.lower():
        header = _with_field(header, b"Content-Type", b"application/http; msgtype=response")
    return header + content + b"\r\n\r\n"


def _parsed(engine: Any, data: bytes, decode: str) -> WarcRecord | str:
    """Return the record FastWARC reads in ``data``, or why it cannot."""
    try:
        record = next(iter(engine(io.BytesIO(data), parse_http=True, auto_decode=decode)), None)
    except Exception as error:  # FastWARC's errors are OSError, ValueError...
        return f"the record cannot be read: {error}"
    return "the record cannot be read" if record is None else record


def _page_type(record: WarcRecord) -> tuple[str, str | None] | str:
    """Return the content type and charset of the page in ``record``, or why it holds none.

    The reason is a key of ``SKIP_REASONS``; the content type is an HTML
    type, or one of ``UNKNOWN_TYPES`` when the body must be sniffed.
    """
    kind = str(record.record_type)
    if kind != "response":
        return kind if kind in SKIP_REASONS else "unknown"
    if not record.is_http or record.http_headers.status_code is None:
        return "not-http"
    if record.http_headers.status_code != 200:
        return "not-200"
    content_type, charset = media_type(record.http_headers.get_multiple("Content-Type") or ())
    if content_type not in HTML_TYPES and content_type not in UNKNOWN_TYPES:
        return "not-html"
    return content_type, charset


def _body(record: WarcRecord, engine: Any, data: bytes) -> tuple[bytes, str] | str:
    """Return the HTTP body of ``record`` and how it was read (see :attr:`Page.how`), or why not."""
    try:
        return record.reader.read(), "read"
    except Exception as error:  # FastWARC's errors are OSError, ValueError...
        stored = _stored_page(engine, data)
        if stored is None:
            return f"the HTTP body cannot be decoded: {error}"
        return stored, "as-stored"


def _over_long(
    framed: Framed, source: str, record: WarcRecord, *, unknown: bool
) -> Skipped | ParseError:
    """Say what a page too long to be read whole is: an error, or skipped if it is no page.

    Its head, all that was kept, tells; without a content type, the head of
    its body is sniffed (a body that does not decode may be a page).
    """
    if unknown:
        try:
            if not sniffs_as_html(record.reader.read()):
                return Skipped("not-html")
        except Exception:  # undecodable: it may be a page, so it is reported
            pass
    limit = f"the record of {framed.length} bytes is larger than the limit of an article"
    return record_error(framed, source, f"{limit} (max_article_bytes)")


def _stored_page(engine: Any, data: bytes) -> bytes | None:
    """Return the body as stored, if it is an HTML page, for a body whose decoding failed.

    Only the transfer encoding undone first (a body stored chunked whose
    ``Content-Encoding`` is wrong), then nothing undone (a body stored
    decoded under its original headers).
    """
    for decode in ("transfer", "none"):
        record = _parsed(engine, data, decode)
        if isinstance(record, str):
            continue
        try:
            body = record.reader.read()
        except Exception:  # the next way is tried
            continue
        if sniffs_as_html(body):
            return bytes(body)
    return None


def read_page(
    page: Page, framed: Framed, source: str, html: Format, limits: Limits
) -> Iterator[ParseItem]:
    """Hand ``page`` to the ``html`` format; add the WARC's address and date to each article.

    The charset of the HTTP header wins over what the page declares, as in
    a browser; a byte-order mark wins over both.  An article that names no
    URL of its own gets ``WARC-Target-URI``.  A page the ``html`` format
    cannot read is a :class:`ParseError` naming the record.  After the
    page's articles, if it has any, a :class:`ParseError` for each header
    left out of their ``meta`` (:attr:`Page.dropped`).
    """
    name = f"{source} (record at byte offset {framed.offset})"
    opened = open_source(page.payload, name=name)
    encoding = page.encoding or declared_encoding(page.payload[:SAMPLE_SIZE]) or "utf-8"
    reader = opened.reader(encoding=encoding, format_name=html.name, limits=limits)
    articles = 0
    try:
        for item in html.parse(reader, name):
            if isinstance(item, ParseError):
                yield _page_error(item, framed, source, page)
                continue
            try:
                yield attrs.evolve(
                    item,
                    url=item.url or page.target_uri,
                    meta={**item.meta, **page.meta},
                )
                articles += 1
            except ValidationError as error:  # a WARC header the model cannot hold
                yield record_error(framed, source, f"the record's headers: {error}")
    except ParseError as error:
        yield _page_error(error, framed, source, page)
    if articles:
        for reason in page.dropped:
            yield record_error(framed, source, reason)


def record_error(framed: Framed, source: str, message: str) -> ParseError:
    """Return the error of the record ``framed``, naming its byte offset."""
    return ParseError(
        f"record at byte offset {framed.offset}: {message}", format=FORMAT_NAME, source=source
    )


def _page_error(error: ParseError, framed: Framed, source: str, page: Page) -> ParseError:
    where = (
        ""
        if (error.line, error.column) == (1, 1)
        else f" (line {error.line}, column {error.column} of the page)"
    )
    address = f" ({page.target_uri})" if page.target_uri else ""
    return ParseError(
        f"record at byte offset {framed.offset}{address}: {error.message}{where}",
        format=FORMAT_NAME,
        source=source,
    )


def _with_field(header: bytes, name: bytes, value: bytes) -> bytes:
    """Return ``header`` (its lines ending in CRLF) with the field ``name`` set to ``value``.

    Every line of that field goes; the new line comes last, before the empty line.
    """
    lines = header.split(b"\r\n")
    key = name.lower()
    kept = [lines[0]] + [
        line for line in lines[1:] if line.partition(b":")[0].strip().lower() != key
    ]
    blank = kept.index(b"", 1) if b"" in kept[1:] else len(kept)
    kept.insert(blank, name + b": " + value)
    return b"\r\n".join(kept)


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    return codec_for_label(charset.strip().strip("\"'"))


def _header(record: WarcRecord, name: str) -> str | None:
    """Return the WARC header ``name`` of ``record``, stripped; ``None`` when absent or empty."""
    value = record.headers.get(name)
    return (value.strip() or None) if value is not None else None


_META_HEADERS = {
    "warc.target-uri": "WARC-Target-URI",
    "warc.date": "WARC-Date",
    "warc.record-id": "WARC-Record-ID",
    "warc.truncated": "WARC-Truncated",
}


def _meta(record: WarcRecord) -> tuple[dict[str, str], tuple[str, ...]]:
    """Return the ``warc.*`` values of every article of the record, and what was left out.

    ``WARC-Target-URI`` loses the angle brackets of WARC 1.0's grammar, and
    is percent-encoded where it holds characters that ``meta`` cannot
    (nothing is lost); any other header that ``meta`` cannot hold is left
    out, and the reason is given.
    """
    meta: dict[str, str] = {}
    dropped: list[str] = []
    for key, name in _META_HEADERS.items():
        value = _header(record, name)
        if value is None:
            continue
        if key == "warc.target-uri":
            value = _unbracketed(value)
        try:
            if not value.isprintable():  # printable text is always good meta
                meta_value("Article.meta", {key: value})
        except ValidationError as error:
            if key != "warc.target-uri":
                dropped.append(f"the {name} header is left out of meta: {error.reason}")
                continue
            value = tidy_url(value)
        if value:
            meta[key] = value
    return meta, tuple(dropped)


def _address(meta: dict[str, str]) -> str | None:
    """Return ``WARC-Target-URI``, as :func:`_meta` keeps it, as an address the model accepts.

    ``tidy_url`` leaves an address it made alone, so an encoded value comes out as kept.
    """
    value = meta.get("warc.target-uri")
    return (tidy_url(value) or None) if value is not None else None


def _unbracketed(value: str) -> str:
    """Return ``value`` without the angle brackets around it (WARC 1.0's ``<uri>``)."""
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1].strip()
    return value
