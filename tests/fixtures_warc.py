"""Writing small WARC files byte by byte, for the tests of the ``warc`` format.

Each function returns the exact bytes of one record (WARC 1.1 unless told),
so that a test can add the lengths of the records before a bad one and know,
by hand, the byte offset its error must name.
"""

from __future__ import annotations

import gzip

DATE = "2024-05-03T10:15:00Z"


def record(
    kind: str,
    block: bytes,
    *,
    uri: str | None = "https://news.example/a",
    version: str = "1.1",
    content_type: str = "application/http; msgtype=response",
    length: int | None = None,
    number: int = 0,
) -> bytes:
    """Return one record: its header, ``block`` and the empty line after it."""
    lines = [
        f"WARC/{version}",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>",
        f"WARC-Date: {DATE}",
    ]
    if uri is not None:
        lines.append(f"WARC-Target-URI: {uri}")
    lines += [
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block) if length is None else length}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + block + b"\r\n\r\n"


def http(body: bytes, *, status: str = "200 OK", content_type: str = "text/html") -> bytes:
    """Return an HTTP response with ``body``."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    return head.encode("ascii") + b"\r\n" + body


def page(
    title: str, paragraph: str = "A paragraph of the article, long enough to be kept."
) -> bytes:
    """Return a small news page in UTF-8 (no canonical URL: the WARC's address is its url)."""
    html = (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    )
    return html.encode("utf-8")


def response(title: str, uri: str, *, number: int = 0, version: str = "1.1") -> bytes:
    """Return a response record holding an HTML page titled ``title``, fetched from ``uri``."""
    return record("response", http(page(title)), uri=uri, number=number, version=version)


def request(uri: str, *, number: int = 0) -> bytes:
    """Return the request record of a fetch of ``uri``."""
    block = f"GET / HTTP/1.1\r\nHost: {uri.split('/')[2]}\r\n\r\n".encode("ascii")
    return record(
        "request", block, uri=uri, number=number, content_type="application/http; msgtype=request"
    )


def warcinfo() -> bytes:
    """Return a warcinfo record, as the first record of a crawl's file."""
    return record(
        "warcinfo",
        b"software: newsparse-tests\r\nformat: WARC File Format 1.1\r\n",
        uri=None,
        content_type="application/warc-fields",
    )


def gzipped(*records: bytes) -> bytes:
    """Return the records as a ``.warc.gz``: each its own gzip member."""
    return b"".join(gzip.compress(one, mtime=0) for one in records)
