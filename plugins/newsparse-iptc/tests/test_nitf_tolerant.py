"""NITF as agencies send it (issue 21): NITF 3.1-3.6 variants and wrongly declared charsets."""

from __future__ import annotations

import io

import newsparse
import pytest
from newsparse import ParseError


def one(text: str | bytes) -> newsparse.Article:
    (article,) = newsparse.parse(text, "nitf")
    return article


def test_an_empty_title_falls_back_to_hl1() -> None:
    text = (
        "<nitf><head><title/></head><body><body.head><hedline><hl1>Ice closes the harbour</hl1>"
        "</hedline></body.head><body.content><p>Ice.</p></body.content></body></nitf>"
    )
    article = one(text)
    assert article.title == "Ice closes the harbour"
    assert "nitf.title" not in article.meta


def test_neither_title_nor_hl1_is_an_error_naming_the_headline() -> None:
    # AAP's finance "lite" item: empty title, empty hedline, empty body.
    text = (
        '<?xml version="1.0"?>\n<nitf>\n<head><title></title></head>\n<body><body.head>'
        "<hedline><hl1></hl1></hedline></body.head><body.content/></body></nitf>\n"
    )
    with pytest.raises(ParseError) as caught:
        one(text)
    assert "no headline" in caught.value.message
    assert (caught.value.line, caught.value.column) == (2, 1)


def test_line_breaks_empty_paragraphs_and_inline_elements_keep_their_text() -> None:
    # AAP: <br /> inside paragraphs, leading spaces, empty <p/>; PA: <person>, <org>, ...
    text = (
        "<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>"
        "<p>   1A) More weather the <br />fire front <br />spans NSW.</p><p/>\n<p/>"
        "<p>1966: <person>Ana Lind</person> of <org>Acme</org> won in <location>Oslo</location>"
        " on <chron>Oct 14</chron> for <money>$5</money>.</p></body.content></body></nitf>"
    )
    assert one(text).paragraphs == (
        "1A) More weather the fire front spans NSW.",
        "1966: Ana Lind of Acme won in Oslo on Oct 14 for $5.",
    )


_DANISH = "København: En 41-årig mand"


def _declared(encoding: str, data: bytes) -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<nitf><head><title>'.encode("ascii")
        + data
        + b"</title></head></nitf>\n"
    )


def test_a_wrong_latin_1_declaration_over_utf_8_bytes_reads_utf_8() -> None:
    # Ritzau via NTB: declares iso-8859-1, the bytes are UTF-8.
    assert one(_declared("iso-8859-1", _DANISH.encode("utf-8"))).title == _DANISH


@pytest.mark.parametrize("encoding", ["iso-8859-1", "windows-1252", "ISO-8859-15"])
def test_a_true_single_byte_declaration_is_honoured(encoding: str) -> None:
    assert one(_declared(encoding, _DANISH.encode(encoding))).title == _DANISH


def test_windows_1252_quotes() -> None:
    data = "\u201cIce\u201d \u2013 harbour".encode("windows-1252")
    assert one(_declared("windows-1252", data)).title == "\u201cIce\u201d \u2013 harbour"


def test_bytes_that_are_utf_8_then_not_are_an_error_not_misread() -> None:
    # UTF-8 beyond the 64 KiB the declaration is judged on, then a Latin-1 byte.
    # (A file or stream is judged on its first 64 KiB.)
    data = (_DANISH + " " + "x" * 70_000).encode("utf-8") + b" \xe5r"
    with pytest.raises(ParseError, match="cannot decode") as caught:
        newsparse.parse(io.BytesIO(_declared("iso-8859-1", data)), "nitf")
    assert caught.value.line == 2


def test_utf_8_after_the_first_64_kib_read_as_declared_is_reported() -> None:
    # ASCII for the first 64 KiB, so the iso-8859-1 declaration is believed;
    # the UTF-8 after it is misread, and the format says so after the article.
    text = "x" * 70_000 + "\n" + _DANISH
    data = _declared("iso-8859-1", text.encode("utf-8"))
    errors: list[ParseError] = []
    (article,) = newsparse.parse(io.BytesIO(data), "nitf", on_error=errors.append)
    assert article.title.endswith("KÃ¸benhavn: En 41-Ã¥rig mand")
    (error,) = errors
    assert "looks like UTF-8 decoded as iso-8859-1" in error.message
    assert (error.line, error.column) == (3, 2)


def test_latin_1_text_read_as_declared_is_not_reported() -> None:
    errors: list[ParseError] = []
    data = _declared("iso-8859-1", "Ærø Ålborg, 1½ år ©".encode("iso-8859-1"))
    (article,) = newsparse.parse(data, "nitf", on_error=errors.append)
    assert article.title == "Ærø Ålborg, 1½ år ©"
    assert errors == []
