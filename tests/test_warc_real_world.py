"""Tests of what real crawls hold beside well-formed WARC records, read as a browser reads it.

Each case was first seen to lose its page (or keep a wrong address) before
``newsparse._formats.warc.http`` and the header handling of
``newsparse._formats.warc.records``; the expected values are written here
by hand.
"""

from __future__ import annotations

import gzip
import logging

import pytest

import newsparse
from fixtures_warc import DATE, http, page, record, response
from newsparse import Article, Limits, ParseError
from newsparse._formats.warc.http import crlf_header, crlf_http_head, media_type, sniffs_as_html

pytest.importorskip("fastwarc", reason="the warc format needs newsparse[warc]")


def read(data: bytes, **options: object) -> tuple[list[Article], list[ParseError]]:
    """Parse ``data`` as WARC, collecting the errors."""
    errors: list[ParseError] = []
    articles = newsparse.parse(data, "warc", on_error=errors.append, **options)  # type: ignore[arg-type]
    return articles, errors


def one_page(data: bytes) -> Article:
    """Return the one article of ``data``, which must give no error."""
    articles, errors = read(data)
    assert errors == []
    [article] = articles
    return article


def counts(data: bytes, caplog: pytest.LogCaptureFixture) -> dict[str, int]:
    """Return the counts the warc format logs for ``data``."""
    with caplog.at_level(logging.INFO, logger="newsparse.warc"):
        read(data)
    (summary,) = [r for r in caplog.records if r.name == "newsparse.warc"]
    return dict(summary.warc_counts)  # type: ignore[attr-defined]


# -- the address -----------------------------------------------------------------


def test_a_target_uri_in_angle_brackets_loses_them() -> None:
    # ISO 28500:2009 (WARC 1.0) wrote the URI of WARC-Target-URI in angle
    # brackets, and some crawlers still do.
    uri = "<https://news.example/b>"
    data = record("response", http(page("Bracketed")), uri=uri, version="1.0")
    article = one_page(data)
    assert article.url == "https://news.example/b"
    assert article.meta["warc.target-uri"] == "https://news.example/b"


def test_a_target_uri_with_a_space_is_percent_encoded_in_url_and_kept_in_meta() -> None:
    data = record("response", http(page("Spaces")), uri="https://news.example/a b")
    article = one_page(data)
    assert article.url == "https://news.example/a%20b"
    assert article.meta["warc.target-uri"] == "https://news.example/a b"


def test_a_target_uri_with_a_control_character_is_percent_encoded_in_both() -> None:
    data = record("response", http(page("Control")), uri="https://news.example/\x01a")
    article = one_page(data)
    assert article.url == "https://news.example/%01a"
    assert article.meta["warc.target-uri"] == "https://news.example/%01a"


# -- line ends -------------------------------------------------------------------


def test_a_warc_header_with_bare_line_feeds_is_read() -> None:
    head, _, rest = record("response", http(page("Bare LF"))).partition(b"\r\n\r\n")
    data = head.replace(b"\r\n", b"\n") + b"\n\n" + rest
    article = one_page(data)
    assert (article.title, article.url) == ("Bare LF", "https://news.example/a")
    assert article.meta["warc.date"] == DATE


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\nContent-Type: text/html; charset=iso-8859-1\n\n",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\n\n",
        b"HTTP/1.1 200 OK\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n",
    ],
    ids=["all-lf", "lf-after-status-line", "lf-after-status-line-crlf-end"],
)
def test_an_http_head_with_bare_line_feeds_is_read_with_its_charset(head: bytes) -> None:
    body = page("Caf\u00e9", "Le caf\u00e9 est ouvert, assez longtemps pour le garder.")
    data = record("response", head + body.decode("utf-8").encode("latin-1"))
    article = one_page(data)
    assert article.title == "Caf\u00e9"  # latin-1 bytes read as the head's charset says


def test_crlf_header_rewrites_each_line_end() -> None:
    assert crlf_header(b"WARC/1.1\nA: b\r\nC: d\n\n") == b"WARC/1.1\r\nA: b\r\nC: d\r\n\r\n"
    header = b"WARC/1.1\r\nA: b\r\n\r\n"
    assert crlf_header(header) is header


def test_crlf_http_head_rewrites_only_the_head() -> None:
    content = b"HTTP/1.1 200 OK\nA: b\r\nC: d\n\n<p>x\ny\n\nz</p>"
    assert crlf_http_head(content) == b"HTTP/1.1 200 OK\r\nA: b\r\nC: d\r\n\r\n<p>x\ny\n\nz</p>"
    assert crlf_http_head(b"HTTP/1.1 200 OK\r\nA: b\r\n\r\n<p>x\n\n</p>") is None
    assert crlf_http_head(b"GET / HTTP/1.1\nHost: x\n\n") is None  # a request
    assert crlf_http_head(b"HTTP/1.1 200 OK\nA: " + b"b" * (1 << 16) + b"\n\n") is None


# -- content types -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["text/html; charset=utf-8"], ("text/html", "utf-8")),
        (["text/html, text/html"], ("text/html", None)),  # a proxy merged two headers
        (["text/plain; charset=utf-8, text/html"], ("text/html", None)),
        (['text/html; charset="windows-1252", text/plain'], ("text/html", "windows-1252")),
        (["application/json, text/plain; charset=ascii"], ("text/plain", "ascii")),
        (['text/plain; a="x, text/html"'], ("text/plain", None)),  # a comma in quotes
        (["TEXT/HTML;Charset=Shift_JIS"], ("text/html", "Shift_JIS")),
        (["text/html charset=utf-8"], ("", None)),  # no valid type: as if none
        (["text/plain", "text/html"], ("text/html", None)),  # two headers
        ([], ("", None)),
    ],
)
def test_media_type_reads_lists_and_invalid_values(
    values: list[str], expected: tuple[str, str | None]
) -> None:
    assert media_type(values) == expected


def test_a_listed_content_type_with_html_is_a_page_with_its_charset() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1, text/html\r\n\r\n"
    body = page("Caf\u00e9").decode("utf-8").encode("latin-1")
    assert one_page(record("response", head + body)).title == "Caf\u00e9"


def test_an_invalid_content_type_is_sniffed() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html charset=utf-8\r\n\r\n"
    assert one_page(record("response", head + page("Invalid type"))).title == "Invalid type"


@pytest.mark.parametrize("warc_type", [None, "text/html", "application/octet-stream"])
def test_a_response_whose_warc_content_type_does_not_say_http_is_still_read(
    warc_type: str | None,
) -> None:
    data = record("response", http(page("Undeclared")))
    declared = b"Content-Type: application/http; msgtype=response\r\n"
    data = data.replace(
        declared, b"" if warc_type is None else b"Content-Type: %s\r\n" % warc_type.encode()
    )
    assert one_page(data).title == "Undeclared"


def test_a_response_that_holds_no_http_message_is_still_skipped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = record("response", page("Raw page"), content_type="text/html")
    assert counts(data, caplog) == {"not-http": 1}


@pytest.mark.parametrize("content_type", ["", "unknown/unknown", "*/*"])
def test_a_page_without_a_content_type_is_sniffed(
    content_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    head = b"HTTP/1.1 200 OK\r\n"
    if content_type:
        head += f"Content-Type: {content_type}\r\n".encode("ascii")
    data = record("response", head + b"\r\n" + page("Untyped"))
    assert one_page(data).title == "Untyped"
    assert counts(data, caplog) == {"pages": 1, "sniffed": 1}


def test_a_body_without_a_content_type_that_is_no_page_is_skipped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = record("response", b"HTTP/1.1 200 OK\r\n\r\n%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert read(data) == ([], [])
    assert counts(data, caplog) == {"not-html": 1}


def test_an_over_long_record_without_a_content_type_is_skipped_unless_it_may_be_a_page() -> None:
    limits = Limits(max_article_bytes=1000)
    binary = record("response", b"HTTP/1.1 200 OK\r\n\r\n" + b"\x89PNG" + b"\0" * 2000)
    assert read(binary, limits=limits) == ([], [])
    html = record("response", b"HTTP/1.1 200 OK\r\n\r\n" + page("Long", "x" * 2000))
    articles, errors = read(html, limits=limits)
    assert articles == []
    [error] = errors
    assert "larger than the limit of an article" in error.message


@pytest.mark.parametrize(
    "start",
    [
        b"<!DOCTYPE html>",
        b"<!doctype HTML PUBLIC",
        b" \r\n\t<html lang='en'>",
        b"<html\n  lang='en'>",
        b"\xef\xbb\xbf<HTML>",
        b"<head>",
        b"<!-- generated -->",
        b"<p>Hello",
        b"<a href='/'>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0',
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">',
    ],
)
def test_what_sniffs_as_html(start: bytes) -> None:
    assert sniffs_as_html(start + b"<title>t</title>")


@pytest.mark.parametrize(
    "start",
    [
        b"%PDF-1.7",
        b'{"title": "not a page"}',
        b'<?xml version="1.0"?><rss version="2.0">',
        b"GIF89a",
        b"<svg xmlns='http://www.w3.org/2000/svg'>",
        b"<article>",  # not among the standard's tags: a fragment, not a page
        b"plain text <html>",
        b"",
    ],
)
def test_what_does_not_sniff_as_html(start: bytes) -> None:
    assert not sniffs_as_html(start)


# -- encodings the headers get wrong ----------------------------------------------


def test_plain_html_labelled_gzip_is_read_as_stored(caplog: pytest.LogCaptureFixture) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
    data = record("response", head + page("Mislabelled"))
    assert one_page(data).title == "Mislabelled"
    assert counts(data, caplog) == {"pages": 1, "as-stored": 1}


def test_a_body_stored_without_its_chunks_is_read_as_stored() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    assert one_page(record("response", head + page("Dechunked"))).title == "Dechunked"


def test_a_chunked_body_labelled_gzip_is_read_without_its_chunk_lines() -> None:
    first, second = "The first paragraph, in one chunk.", "The second paragraph, in the other."
    body = (
        "<!doctype html><html><head><title>Chunked</title></head><body><article>"
        f"<h1>Chunked</h1><p>{first}</p><p>{second}</p></article></body></html>"
    ).encode("ascii")
    half = body.index(b"<p>The second")
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:half], body[half:]))
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        b"Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
    )
    article = one_page(record("response", head + chunks + b"0\r\n\r\n"))
    assert article.title == "Chunked"
    assert article.text == f"{first}\n\n{second}"


def test_a_gzip_body_that_is_really_gzip_is_still_decoded() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
    data = record("response", head + gzip.compress(page("Compressed")))
    assert one_page(data).title == "Compressed"


def test_a_body_that_does_not_decode_and_is_no_page_is_still_an_error() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
    articles, errors = read(record("response", head + b"\x1f\x8b\x08\x00 broken"))
    assert articles == []
    [error] = errors
    assert error.message.startswith("record at byte offset 0: the HTTP body cannot be decoded")


def test_the_pages_around_a_recovered_one_keep_their_offsets() -> None:
    first = response("First", "https://news.example/1")
    head = b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n"
    middle = record("response", head + page("Middle"), number=1)
    bad = record(
        "response",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n\x00\x01",
        number=2,
    )
    articles, errors = read(first + middle + bad)
    assert [a.title for a in articles] == ["First", "Middle"]
    [error] = errors
    assert f"record at byte offset {len(first) + len(middle)}:" in error.message


def test_a_bad_header_of_a_page_without_an_article_adds_no_second_error() -> None:
    # Nothing is left out of an article that is not there: the page's own
    # error is the only one.
    empty = record("response", http(b"<html><body></body></html>"))
    articles, errors = read(empty.replace(b"WARC-Date: ", b"WARC-Date: \x00", 1))
    assert articles == []
    [error] = errors
    assert "WARC-Date" not in error.message
