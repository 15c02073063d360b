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
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from newsparse._errors import ParseError, ValidationError
from newsparse._format import Format, ParseItem
from newsparse._formats.html.charset import codec_for_label, declared_encoding
from newsparse._formats.warc.framing import Framed
from newsparse._limits import Limits
from newsparse._source import open_source
from newsparse._textio import SAMPLE_SIZE

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

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""The HTTP content types read as pages."""


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


def read_record(  # noqa: PLR0911 - one return per kind of record
    framed: Framed, source: str, engine: Any
) -> Page | Skipped | ParseError:
    """Parse one framed record with FastWARC and say what it holds."""
    data = framed.header + framed.content + b"\r\n\r\n"
    if not framed.complete:  # an over-long record: its head tells what it is
        data = _with_length(framed.header, len(framed.content)) + framed.content + b"\r\n\r\n"
    try:
        records = iter(engine(io.BytesIO(data), parse_http=True, auto_decode="all"))
        record = next(records, None)
    except Exception as error:  # FastWARC's errors are OSError, ValueError...
        return record_error(framed, source, f"the record cannot be read: {error}")
    if record is None:
        return record_error(framed, source, "the record cannot be read")
    kind = str(record.record_type)
    if kind != "response":
        return Skipped(kind if kind in SKIP_REASONS else "unknown")
    if not record.is_http or record.http_headers.status_code is None:
        return Skipped("not-http")
    if record.http_headers.status_code != 200:
        return Skipped("not-200")
    if (record.http_content_type or "").lower() not in HTML_TYPES:
        return Skipped("not-html")
    if not framed.complete:
        return record_error(
            framed,
            source,
            f"the record of {framed.length} bytes is larger than the limit of an article"
            " (max_article_bytes)",
        )
    try:
        payload = record.reader.read()
    except Exception as error:
        return record_error(framed, source, f"the HTTP body cannot be decoded: {error}")
    return Page(
        payload, _codec(record.http_charset), _meta(record), _header(record, "WARC-Target-URI")
    )


def read_page(
    page: Page, framed: Framed, source: str, html: Format, limits: Limits
) -> Iterator[ParseItem]:
    """Hand ``page`` to the ``html`` format; add the WARC's address and date to each article.

    The charset of the HTTP header wins over what the page declares, as in
    a browser; a byte-order mark wins over both.  An article that names no
    URL of its own gets ``WARC-Target-URI``.  A page the ``html`` format
    cannot read is a :class:`ParseError` naming the record.
    """
    name = f"{source} (record at byte offset {framed.offset})"
    opened = open_source(page.payload, name=name)
    encoding = page.encoding or declared_encoding(page.payload[:SAMPLE_SIZE]) or "utf-8"
    reader = opened.reader(encoding=encoding, format_name=html.name, limits=limits)
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
            except ValidationError as error:  # a WARC header the model cannot hold
                yield record_error(framed, source, f"the record's headers: {error}")
    except ParseError as error:
        yield _page_error(error, framed, source, page)


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


def _with_length(header: bytes, length: int) -> bytes:
    """Return ``header`` with its Content-Length set to ``length``."""
    lines = header.split(b"\n")
    for index, line in enumerate(lines):
        if line.lower().startswith(b"content-length"):
            lines[index] = b"Content-Length: %d\r" % length
    return b"\n".join(lines)


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    return codec_for_label(charset.strip().strip("\"'"))


def _header(record: WarcRecord, name: str) -> str | None:
    """Return the WARC header ``name`` of ``record``, stripped; ``None`` when absent or empty."""
    value = record.headers.get(name)
    return (value.strip() or None) if value is not None else None


def _meta(record: WarcRecord) -> dict[str, str]:
    """Return the ``warc.*`` values of every article of the record."""
    meta = {
        "warc.target-uri": _header(record, "WARC-Target-URI"),
        "warc.date": _header(record, "WARC-Date"),
        "warc.record-id": _header(record, "WARC-Record-ID"),
        "warc.truncated": _header(record, "WARC-Truncated"),
    }
    return {key: value for key, value in meta.items() if value}
