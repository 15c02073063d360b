"""Bad or unreadable NewsML 1.x: a ParseError with its line, never silent loss, safe XML."""

from __future__ import annotations

from pathlib import Path

import newsparse
import pytest
from newsparse import Limits, ParseError

from newsparse_iptc.newsml1.examples import BASIC, NITF_TEXT, PHOTO, news_item, newsml
from newsparse_iptc.xmlsafe import Document, parse_xml


def error_of(text: str | bytes, **options: object) -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsparse.parse(text, "newsml1", source="feed.xml", **options)  # type: ignore[arg-type]
    assert caught.value.format == "newsml1"
    assert caught.value.source == "feed.xml"
    return caught.value


def collect(text: str) -> tuple[list[str], list[ParseError]]:
    errors: list[ParseError] = []
    articles = newsparse.parse(text, "newsml1", on_error=errors.append)
    return [article.title for article in articles], errors


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def component(content: str, headline: str = "Story") -> str:
    lines = f"<NewsLines><HeadLine>{headline}</HeadLine></NewsLines>"
    return f"<NewsComponent>\n{lines}\n{content}</NewsComponent>\n"


def test_not_well_formed_names_its_line() -> None:
    text = BASIC.replace("</HeadLine>", "", 1)
    error = error_of(text)
    assert "not well-formed" in error.message
    assert error.line > line_of(text, "<HeadLine>")


def test_text_that_is_not_xml() -> None:
    error = error_of("Just a line of prose.")
    assert (error.line, error.column) == (1, 1)


def test_other_root() -> None:
    error = error_of('<?xml version="1.0"?>\n<newsItem/>')
    assert error.line == 2
    assert "NewsML" in error.message


def test_document_without_items() -> None:
    error = error_of(
        "<NewsML>\n<NewsEnvelope><DateAndTime>20240101T000000Z</DateAndTime></NewsEnvelope>\n</NewsML>"
    )
    assert error.line == 1
    assert "no NewsItem" in error.message


def test_photo_item_without_headline_or_caption_names_its_media_type() -> None:
    text = PHOTO.replace("<NewsLines><HeadLine>Boats at the harbour</HeadLine></NewsLines>\n", "")
    text = text.replace("Boats wait at the harbour entrance.", "")
    error = error_of(text)
    assert "Photo" in error.message
    assert "no text" in error.message


def test_video_only_item_without_headline() -> None:
    video = (
        '<NewsComponent>\n<ContentItem Href="clip.mp4"><MediaType FormalName="Video"/>'
        "</ContentItem>\n</NewsComponent>\n"
    )
    text = newsml(news_item(video))
    error = error_of(text)
    assert "Video" in error.message
    assert error.line == line_of(text, "<NewsComponent>")


def test_news_item_ref_is_reported_after_the_article() -> None:
    ref = (
        '<NewsComponent><NewsItemRef NewsItem="urn:newsml:example.org:1:PH-7:1"/></NewsComponent>\n'
    )
    main = "<NewsComponent>" + NITF_TEXT + "</NewsComponent>\n"
    text = newsml(news_item(component(main + ref)))
    titles, errors = collect(text)
    assert titles == ["Story"]
    (error,) = errors
    assert "urn:newsml:example.org:1:PH-7:1" in error.message
    assert error.line == line_of(text, "<NewsItemRef")
    # Raising: the reference stops the parse, naming the same place.
    assert error_of(text).line == error.line


def test_package_of_references_only_reports_each() -> None:
    refs = '<NewsItemRef NewsItem="urn:a"/>\n<NewsItemRef NewsItem="urn:b"/>\n'
    text = newsml(news_item(component(refs)))
    titles, errors = collect(text)
    assert titles == []
    assert [error.line for error in errors] == [line_of(text, "urn:a"), line_of(text, "urn:b")]


def test_text_outside_the_document_is_reported() -> None:
    remote = '<ContentItem Href="story.txt"><MediaType FormalName="Text"/></ContentItem>\n'
    text = newsml(news_item(component(remote)))
    titles, errors = collect(text)
    assert titles == ["Story"]
    (error,) = errors
    assert "story.txt" in error.message
    assert error.line == line_of(text, '<ContentItem Href="story.txt"')


def test_unknown_xml_in_data_content() -> None:
    text = newsml(
        news_item(
            component(
                '<ContentItem><MediaType FormalName="Text"/>'
                "<DataContent><story><x/></story></DataContent></ContentItem>\n"
            )
        )
    )
    error = error_of(text)
    assert "'story'" in error.message
    assert error.line == line_of(text, "<story>")


def test_unknown_encoding() -> None:
    item = (
        '<ContentItem><Encoding FormalName="ZIP"/><MediaType FormalName="Text"/>'
        "<DataContent>UEsDB</DataContent></ContentItem>\n"
    )
    error = error_of(newsml(news_item(component(item))))
    assert "'zip'" in error.message


def test_bad_base64() -> None:
    item = (
        '<ContentItem><Encoding FormalName="base64"/><MediaType FormalName="Text"/>'
        "<DataContent>not*base64</DataContent></ContentItem>\n"
    )
    error = error_of(newsml(news_item(component(item))))
    assert "base64" in error.message


def test_escaped_xml_that_is_not_well_formed_names_the_data_content_line() -> None:
    item = (
        '<ContentItem><MediaType FormalName="Text"/><Format FormalName="NITF"/>\n'
        "<DataContent>&lt;nitf&gt;&lt;body&gt;</DataContent></ContentItem>\n"
    )
    text = newsml(news_item(component(item)))
    error = error_of(text)
    assert "not well-formed" in error.message
    assert error.line == line_of(text, "<DataContent>&lt;")


def test_item_without_component() -> None:
    text = newsml(news_item(""))
    error = error_of(text)
    assert "no NewsComponent" in error.message
    assert error.line == line_of(text, "<NewsItem")


def test_update_item_is_reported() -> None:
    text = newsml(news_item("<Update><InsertAfter DuidRef='x'/></Update>\n"))
    error = error_of(text)
    assert "Update" in error.message
    assert error.line == line_of(text, "<Update>")


def test_no_headline_anywhere() -> None:
    text = newsml(news_item("<NewsComponent>" + NITF_TEXT + "</NewsComponent>\n"))
    error = error_of(text)
    assert "no headline" in error.message


def test_a_bad_item_does_not_lose_the_next() -> None:
    good = news_item(component(NITF_TEXT, "Good"))
    bad = news_item("")
    text = newsml(good, bad, good)
    titles, errors = collect(text)
    assert titles == ["Good", "Good"]
    assert [error.line for error in errors] == [
        line_of(
            text,
            "<NewsItem xml:lang",
        )
        + good.count("\n")
    ]


def test_a_bad_document_in_a_stream_does_not_lose_the_others() -> None:
    bad = BASIC.replace("</SlugLine>", "")
    titles, errors = collect(BASIC + bad + BASIC)
    assert titles == ["Harbour reopens after storm"] * 2
    (error,) = errors
    assert error.line > BASIC.count("\n")


def test_external_entity_is_refused_and_not_fetched() -> None:
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE NewsML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        + BASIC.split("\n", 1)[1].replace("Harbour reopens after storm", "&secret;")
    )
    error = error_of(text)
    assert "secret" in error.message
    assert "root:" not in str(error)


def test_dtd_is_not_fetched() -> None:
    text = BASIC.replace(
        '<NewsML Version="1.2">',
        '<!DOCTYPE NewsML SYSTEM "http://www.iptc.org/std/NewsML/1.2/specification/NewsML_1.2.dtd">\n'
        '<NewsML Version="1.2">',
    )
    (article,) = newsparse.parse(text, "newsml1")
    assert article.title == "Harbour reopens after storm"


def test_depth_limit() -> None:
    deep = "<p>" + "<b>" * 30 + "x" + "</b>" * 30 + "</p>"
    text = newsml(
        news_item(
            component(
                f'<ContentItem><MediaType FormalName="Text"/>'
                f"<DataContent>{deep}</DataContent></ContentItem>"
            )
        )
    )
    error = error_of(text, limits=Limits(max_depth=12))
    assert "max_depth" in error.message


def test_document_size_limit() -> None:
    error = error_of(BASIC.replace("Harbour", "x" * 5000), limits=Limits(max_article_bytes=2000))
    assert "max_article_bytes" in error.message


def test_undecodable_bytes() -> None:
    data = BASIC.replace("Harbour reopens", "Harb\udcffour").encode("utf-8", "surrogateescape")
    error = error_of(data)
    assert error.line == line_of(BASIC, "Harbour reopens")


def test_a_local_dtd_is_not_read(tmp_path: Path) -> None:
    dtd = tmp_path / "newsml.dtd"
    dtd.write_text('<!ENTITY headline "from the DTD">', encoding="utf-8")
    text = f'<!DOCTYPE NewsML SYSTEM "{dtd.as_uri()}">\n<NewsML><a>x</a></NewsML>'
    root = parse_xml(Document(text, 1), limits=Limits(), format_name="newsml1", source="s")
    assert root.getroottree().docinfo.externalDTD is None


def test_depth_limit_in_html_text() -> None:
    deep = "&lt;p&gt;" + "&lt;b&gt;" * 30 + "x" + "&lt;/b&gt;" * 30 + "&lt;/p&gt;"
    item = (
        '<ContentItem><MediaType FormalName="Text"/><Format FormalName="HTML"/>'
        f"<DataContent>{deep}</DataContent></ContentItem>"
    )
    text = newsml(news_item(component(item)))
    assert newsparse.parse(text, "newsml1")[0].paragraphs == ("x",)
    error = error_of(text, limits=Limits(max_depth=12))
    assert "max_depth" in error.message
    assert error.line == line_of(text, "<DataContent>&lt;p")
