"""Bad NewsML-G2 input: a ParseError with the line, and the next item still read."""

from __future__ import annotations

import newsparse
import pytest
from newsparse import Limits, ParseError

NAR = "http://iptc.org/std/nar/2006-10-01/"


def news_item(headline: str = "Good", item_class: str = "ninat:text", content: str = "") -> str:
    return (
        f'<newsItem xmlns="{NAR}" guid="g" standard="NewsML-G2" standardversion="2.35">\n'
        f'<itemMeta><itemClass qcode="{item_class}"/><provider/>\n'
        "<versionCreated>2024-01-17T08:30:00Z</versionCreated></itemMeta>\n"
        f"<contentMeta><headline>{headline}</headline></contentMeta>\n"
        f"<contentSet>{content}</contentSet>\n"
        "</newsItem>\n"
    )


GOOD = news_item()


def error_of(text: str | bytes, **options: object) -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsparse.parse(text, "newsml-g2", source="feed.xml", **options)  # type: ignore[arg-type]
    assert caught.value.format == "newsml-g2"
    assert caught.value.source == "feed.xml"
    return caught.value


def test_unclosed_element_names_its_line() -> None:
    text = GOOD.replace("</contentMeta>", "")
    error = error_of(text)
    # contentMeta opens on line 4; libxml2 sees the mismatch at "</newsItem>" on line 6.
    assert error.line == 6
    assert "not well-formed" in error.message


def test_text_that_is_not_xml() -> None:
    error = error_of("Just a line of prose.")
    assert (error.line, error.column) == (1, 1)


def test_root_that_is_not_newsml_g2() -> None:
    error = error_of('<?xml version="1.0"?>\n\n<newsItem><itemMeta/></newsItem>')
    # No namespace: not NewsML-G2's newsItem.
    assert error.line == 3
    assert "not NewsML-G2" in error.message


def test_a_picture_item_is_an_error_at_its_item_class() -> None:
    error = error_of(news_item(item_class="ninat:picture"))
    assert error.line == 2
    assert "'ninat:picture'" in error.message


def test_remote_content_only() -> None:
    remote = '<remoteContent href="https://x.example/story.txt" contenttype="text/plain"/>'
    error = error_of(news_item(content=remote))
    assert error.line == 5
    assert "remoteContent" in error.message


def test_inline_data_that_is_encoded() -> None:
    data = '<inlineData contenttype="text/plain" encoding="enc:base64">SGk=</inlineData>'
    error = error_of(news_item(content=data))
    assert "inlineData" in error.message


def test_two_documents_in_one_inline_xml() -> None:
    # The schema allows one element in inlineXML; reading only the first would lose the other.
    nitf = '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/>'
    error = error_of(news_item(content=f"<inlineXML>{nitf}{nitf}</inlineXML>"))
    assert error.line == 5
    assert "inlineXML" in error.message


def test_no_headline() -> None:
    error = error_of(news_item(headline=""))
    assert error.line == 1
    assert "no headline" in error.message


def test_a_message_reports_each_item_it_does_not_read_and_reads_the_rest() -> None:
    picture = news_item(headline="Photo", item_class="ninat:picture")
    text = (
        f'<newsMessage xmlns="{NAR}">\n<header/>\n<itemSet>\n'
        + GOOD
        + picture
        + '<packageItem guid="p" standard="NewsML-G2" standardversion="2.35"><groupSet>'
        + '<group><itemRef residref="elsewhere"/></group></groupSet></packageItem>\n'
        + '<packageItem guid="empty" standard="NewsML-G2" standardversion="2.35"/>\n'
        + GOOD
        + "</itemSet>\n</newsMessage>\n"
    )
    errors: list[ParseError] = []
    articles = newsparse.parse(text, "newsml-g2", on_error=errors.append)
    assert [article.title for article in articles] == ["Good", "Good"]
    # The picture item starts on line 10 and names its class on line 11; the
    # package on line 16 refers to an item the message does not hold; the
    # empty one (line 17) has nothing to read or report.
    assert [error.line for error in errors] == [11, 16]
    assert "'elsewhere'" in errors[1].message
    assert not any(error.fatal for error in errors)
    with pytest.raises(ParseError) as caught:
        newsparse.parse(text, "newsml-g2")
    assert caught.value.line == 11


def test_a_bad_document_in_a_stream_does_not_lose_the_others() -> None:
    bad = '<?xml version="1.0"?>\n' + GOOD.replace("</headline>", "")
    text = '<?xml version="1.0"?>\n' + GOOD + bad + '<?xml version="1.0"?>\n' + GOOD
    errors: list[ParseError] = []
    articles = newsparse.parse(text, "newsml-g2", on_error=errors.append)
    assert [article.title for article in articles] == ["Good", "Good"]
    (error,) = errors
    # The bad document starts on line 8; its broken headline is on its fifth line.
    assert error.line == 12


def test_undecodable_bytes() -> None:
    error = error_of(GOOD.replace("Good", "G\udcffood").encode("utf-8", "surrogateescape"))
    assert error.line == 4


def test_depth_limit() -> None:
    deep = news_item(content="<inlineXML>" + "<x>" * 20 + "</x>" * 20 + "</inlineXML>")
    error = error_of(deep, limits=Limits(max_depth=10))
    assert "max_depth" in error.message


def test_document_size_limit() -> None:
    error = error_of(news_item(headline="x" * 5000), limits=Limits(max_article_bytes=1000))
    assert "max_article_bytes" in error.message
