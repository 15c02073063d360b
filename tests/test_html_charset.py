"""The encodings of saved pages: declared, undeclared and mis-declared."""

from __future__ import annotations

import pytest

import newsparse
from newsparse import ParseError
from newsparse._formats.html.charset import codec_for_label, declared_encoding

TEXT = (
    "The caf\u00e9 \u2013 \u201cquoted\u201d for \u20ac5, with na\u00efve words"
    " and a full sentence."
)


def page(head: str = "", text: str = TEXT) -> str:
    return (
        f"<html><head>{head}<title>Bridge news</title></head>"
        f"<body><article><h1>Bridge news</h1><p>{text}</p></article></body></html>"
    )


def paragraphs(data: bytes) -> tuple[str, ...]:
    [article] = newsparse.parse(data)  # the format is detected, as users do
    return article.paragraphs


@pytest.mark.parametrize(
    "head",
    [
        "<meta charset='windows-1252'>",
        '<META CHARSET="Windows-1252">',
        "<meta charset=iso-8859-1>",  # browsers read latin1 as windows-1252
        "<meta charset=us-ascii>",
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ],
)
def test_a_declared_windows_1252_page(head: str) -> None:
    assert paragraphs(page(head).encode("cp1252")) == (TEXT,)


def test_other_declared_encodings() -> None:
    koi8 = "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f. " * 4
    assert paragraphs(page("<meta charset=koi8-r>", koi8.strip()).encode("koi8-r")) == (
        koi8.strip(),
    )
    japanese = "\u65e5\u672c\u8a9e\u306e\u6587\u7ae0\u3067\u3059\u3002" * 4
    data = page("<meta charset=Shift_JIS>", japanese).encode("cp932")
    assert paragraphs(data) == (japanese,)


def test_the_xml_declaration_names_the_encoding() -> None:
    data = ('<?xml version="1.0" encoding="iso-8859-15"?>\n' + page()).encode("cp1252")
    assert declared_encoding(data) == "iso8859-15"
    french = "Le caf\u00e9 co\u00fbte 5 \u20ac, dit-il, dans une phrase assez longue pour compter."
    document = '<?xml version="1.0" encoding="iso-8859-15"?>\n' + page("", french)
    assert paragraphs(document.encode("iso-8859-15")) == (french,)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_or_without_a_byte_order_mark(codec: str) -> None:
    assert paragraphs(page().encode(codec)) == (TEXT,)


def test_a_utf8_page_that_declares_a_legacy_encoding_is_read_as_utf8() -> None:
    data = page("<meta charset=iso-8859-1>").encode("utf-8")
    assert declared_encoding(data) is None
    assert paragraphs(data) == (TEXT,)


def test_an_undeclared_legacy_page_is_an_error_naming_the_byte() -> None:
    data = page().encode("cp1252")
    offset = data.index(b"\xe9")
    with pytest.raises(ParseError) as caught:
        newsparse.parse(data, "html", source="old.html")
    error = caught.value
    assert (error.source, error.line, error.column) == ("old.html", 1, offset + 1)
    assert f"byte(s) e9 at byte offset {offset} as utf-8" in str(error)


def test_a_page_declaring_utf8_but_in_windows_1252_is_an_error() -> None:
    data = page("<meta charset=utf-8>").encode("cp1252")
    with pytest.raises(ParseError, match=r"byte\(s\) e9 at byte offset \d+ as utf-8"):
        newsparse.parse(data, "html")


def test_a_byte_undefined_in_the_declared_encoding_is_an_error() -> None:
    data = page("<meta charset=windows-1252>").encode("cp1252").replace(b"\x80", b"\x81")
    with pytest.raises(ParseError, match=r"byte\(s\) 81 at byte offset \d+ as cp1252"):
        newsparse.parse(data, "html")


def test_text_input_is_already_decoded() -> None:
    [article] = newsparse.parse(page("<meta charset=windows-1252>"), "html")
    assert article.paragraphs == (TEXT,)


def test_a_declaration_after_the_first_4_kib_is_not_seen() -> None:
    head = "<script>/*" + "x" * 4096 + "*/</script><meta charset=windows-1252>"
    assert declared_encoding(page(head).encode("cp1252")) is None
    assert declared_encoding(page(head[-40:]).encode("cp1252")) == "cp1252"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("latin1", "cp1252"),
        (" ISO-8859-1 ", "cp1252"),
        ("gb2312", "gb18030"),
        ("shift_jis", "cp932"),
        ("euc-kr", "cp949"),
        ("big5", "big5hkscs"),
        ("iso-8859-9", "cp1254"),
        ("utf-16", "utf-8"),
        ("windows-1251", "cp1251"),
        ("iso-8859-2", "iso8859-2"),
        ("x-user-defined", None),
        ("no-such-charset", None),
    ],
)
def test_labels_are_read_as_browsers_read_them(label: str, codec: str | None) -> None:
    assert codec_for_label(label) == codec


def test_an_unknown_or_utf8_declaration_means_utf8() -> None:
    assert declared_encoding(page("<meta charset=klingon>").encode("cp1252")) is None
    assert declared_encoding(page("<meta charset=UTF8>").encode("cp1252")) is None
    assert declared_encoding(page("<meta name=description content=x>").encode("cp1252")) is None
