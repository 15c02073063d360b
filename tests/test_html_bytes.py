"""How the ``html`` format hands a page's bytes to libxml2 (``read_utf8(checked=False)``).

UTF-8 bytes go to libxml2 unchecked and with their line ends as written.
These tests hold the two facts that rests on: libxml2 translates line ends
as newsparse would (from version 2.14), and a byte that is not UTF-8 is still
an error with its position, even where libxml2 stopped logging errors.
"""

from __future__ import annotations

import pytest
from lxml import etree

import newsparse
from newsparse import ParseError
from newsparse._formats.html.dom import LIBXML2_TRANSLATES_LINE_ENDS, parse_document

SENTENCE = "The council voted on Tuesday to keep the old bridge open, engineers said."

# Line ends in every place they can be: text, a title, a script, preformatted
# text, attribute values, a text area, and at the very end.
LINE_ENDS = (
    b"<html><head><title>x\r\ny\rz</title><script>a\r\nb</script></head><body>"
    b'<pre>l1\r\nl2\rl3\r\n\r\n</pre><a title="x\r\ny\rz" href="u\r\nv">t</a>'
    b"<p>q\r</p><textarea>m\r\nn</textarea>\r\n</body></html>\r"
)


def serialized(data: bytes) -> bytes:
    return etree.tostring(parse_document(data, "test"))


@pytest.mark.skipif(
    not LIBXML2_TRANSLATES_LINE_ENDS,
    reason="libxml2 before 2.14: the html format translates line ends itself",
)
def test_libxml2_translates_line_ends_as_newsparse_would() -> None:
    translated = LINE_ENDS.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    assert b"\r" not in translated
    assert serialized(LINE_ENDS) == serialized(translated)


def test_a_page_with_carriage_returns_reads_like_one_without() -> None:
    body = f"<article><h1>Bridge\r\nnews</h1><pre>a\r\nb\rc</pre><p>{SENTENCE}\r</p></article>"
    windows = f"<html><head><title>Bridge news</title></head><body>{body}</body></html>"
    unix = windows.replace("\r\n", "\n").replace("\r", "\n")
    assert newsparse.parse(windows.encode(), "html") == newsparse.parse(unix.encode(), "html")


def test_a_bad_byte_after_many_parse_errors_is_still_an_error() -> None:
    # libxml2 logs at most 100 errors: the stray end tags fill its log before
    # the bad byte, whose own error it then never logs.
    noise = f"<p>{SENTENCE}</b></i>" * 150
    data = f"<html><head><title>T</title></head><body>{noise}<p>caf".encode() + b"\xe9</p>"
    offset = data.index(b"\xe9")
    parser = etree.HTMLParser(encoding="utf-8")
    etree.fromstring(data, parser=parser)
    assert len(parser.error_log) >= 100
    kinds = {error.type for error in parser.error_log}
    assert etree.ErrorTypes.ERR_INVALID_ENCODING not in kinds
    with pytest.raises(ParseError) as caught:
        newsparse.parse(data, "html", source="noisy.html")
    assert (caught.value.source, caught.value.line, caught.value.column) == (
        "noisy.html",
        1,
        offset + 1,
    )
    assert f"byte(s) e9 at byte offset {offset} as utf-8" in str(caught.value)


@pytest.mark.parametrize("bad", [b"\xe9", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"])
def test_every_kind_of_bad_byte_is_an_error(bad: bytes) -> None:
    data = f"<html><head><title>T</title></head><body><p>{SENTENCE} ".encode() + bad + b" end</p>"
    with pytest.raises(ParseError, match=r"cannot decode byte\(s\)"):
        newsparse.parse(data, "html")


def test_a_page_with_a_bad_byte_is_read_with_a_replacement_character() -> None:
    # A browser shows such a page with U+FFFD: so does newsparse, and it says so.
    head = "<html><head><title>Caf\u00e9 news</title></head><body><article><p>".encode()
    data = (
        head + b"The caf\xe9 " + f"{SENTENCE}</p><p>{SENTENCE}</p></article></body></html>".encode()
    )
    errors: list[ParseError] = []
    [article] = newsparse.parse(data, "html", source="page.html", on_error=errors.append)
    assert article.title == "Caf\u00e9 news"
    assert article.paragraphs == (f"The caf\ufffd {SENTENCE}", SENTENCE)
    [error] = errors
    offset = data.index(b"\xe9")
    column = len(data[:offset].decode()) + 1  # characters, not bytes: the title has an é
    assert (error.source, error.line, error.column) == ("page.html", 1, column)
    assert f"byte(s) e9 at byte offset {offset} as utf-8" in error.message
    assert "replacement character" in error.message
    assert not error.fatal
    # Without on_error, the error is raised as before.
    with pytest.raises(ParseError, match="replacement character"):
        newsparse.parse(data, "html")


@pytest.mark.parametrize("data", [b"\xff", b"  \xff\xfe<p>x</p>", b"\xe9t\xe9 <p>hello</p>"])
def test_a_page_starting_with_bad_bytes_is_read_or_a_parse_error(data: bytes) -> None:
    errors: list[ParseError] = []
    try:
        newsparse.parse(data, "html", on_error=errors.append)
    except ParseError:
        return  # no content at all: an error, never a crash
    assert errors
    assert all(error.line >= 1 and error.column >= 1 for error in errors)
