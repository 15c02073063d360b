"""Bad NITF input: a ParseError with the line and column, and the next document still read."""

from __future__ import annotations

import newsparse
import pytest
from newsparse import Limits, ParseError

GOOD = "<nitf><body><body.head><hedline><hl1>Good</hl1></hedline></body.head></body></nitf>\n"


def error_of(text: str | bytes, **options: object) -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsparse.parse(text, "nitf", source="feed.xml", **options)  # type: ignore[arg-type]
    assert caught.value.format == "nitf"
    assert caught.value.source == "feed.xml"
    return caught.value


def test_unclosed_element_names_its_line() -> None:
    text = "<nitf>\n  <body>\n    <body.head>\n  </body>\n</nitf>\n"
    error = error_of(text)
    # libxml2 sees the mismatch at the "</body>" on line 4.
    assert error.line == 4
    assert error.column >= 1
    assert "not well-formed" in error.message


def test_text_that_is_not_xml() -> None:
    error = error_of("Just a line of prose.")
    assert (error.line, error.column) == (1, 1)


def test_root_that_is_not_nitf() -> None:
    error = error_of('<?xml version="1.0"?>\n\n<html><body/></html>')
    assert error.line == 3
    assert "not NITF" in error.message


def test_document_without_headline() -> None:
    error = error_of("<nitf>\n<body><body.content><p>x</p></body.content></body></nitf>")
    assert error.line == 1
    assert "no headline" in error.message


def test_a_bad_document_in_a_stream_does_not_lose_the_others() -> None:
    bad = '<?xml version="1.0"?>\n<nitf><body>\n<p>unclosed</body></nitf>\n'
    text = '<?xml version="1.0"?>\n' + GOOD + bad + '<?xml version="1.0"?>\n' + GOOD
    errors: list[ParseError] = []
    articles = newsparse.parse(text, "nitf", on_error=errors.append)
    assert [article.title for article in articles] == ["Good", "Good"]
    (error,) = errors
    # The bad document starts on line 3; the mismatched end tag is on line 5.
    assert error.line == 5
    assert not error.fatal
    # Raising stops at the same error, after the first article.
    with pytest.raises(ParseError) as caught:
        newsparse.parse(text, "nitf")
    assert caught.value.line == 5


def test_undecodable_bytes() -> None:
    error = error_of(b"<nitf><body>\n<p>\xff</p></body></nitf>")
    assert error.line == 2


def test_lone_surrogate_in_text_input() -> None:
    error = error_of("<nitf>\n<body>\ud800</body></nitf>")
    assert (error.line, error.column) == (2, 7)


def test_depth_limit() -> None:
    deep = "<nitf><body>" + "<block>" * 20 + "</block>" * 20 + "</body></nitf>"
    error = error_of(deep, limits=Limits(max_depth=10))
    assert "max_depth" in error.message


def test_libxml2_depth_limit_is_an_error_not_a_crash() -> None:
    deep = "<nitf><body>" + "<block>" * 5000 + "</block>" * 5000 + "</body></nitf>"
    error = error_of(deep, limits=Limits(max_depth=None))
    assert "not well-formed" in error.message


def test_document_size_limit() -> None:
    big = GOOD.replace("Good", "x" * 5000)
    error = error_of(big, limits=Limits(max_article_bytes=1000))
    assert "max_article_bytes" in error.message
    assert error.line == 1


def test_a_declaration_inside_a_long_line_does_not_split_the_document() -> None:
    # The input is read in pieces of 65,536 characters; "<?xml" at the start
    # of the second piece of a line is not at the start of a line.
    head = "<nitf><!--"
    line = head + "x" * (65536 - len(head)) + "<?xml in a comment -->" + GOOD.removeprefix("<nitf>")
    assert line.index("<?xml") == 65536
    (article,) = newsparse.parse(line, "nitf")
    assert article.title == "Good"
    text = "\n" + line
    assert [a.title for a in newsparse.parse(text, "nitf")] == ["Good"]


@pytest.mark.parametrize("label", ["TTF-8", "UTF-16", "base64", "rot13", "x" * 40])
def test_a_declared_encoding_that_cannot_be_the_real_one_is_ignored(label: str) -> None:
    # Found by fuzzing: "TTF-8" made the format fail in declared_encoding().
    data = f'<?xml version="1.0" encoding="{label}"?>\n{GOOD}'.encode("ascii")
    (article,) = newsparse.parse(data, "nitf")
    assert article.title == "Good"
    assert newsparse.get_format("nitf").declared_encoding(data) is None


def test_a_stylesheet_instruction_on_its_own_line_does_not_split_the_document() -> None:
    text = '<?xml version="1.0"?>\n<?xml-stylesheet href="nitf.xsl"?>\n' + GOOD
    assert [article.title for article in newsparse.parse(text, "nitf")] == ["Good"]
