"""NewsML-G2 as agencies send it (issue 21): each quirk of a real feed, in a small document.

The shapes come from real files (STT, ANSA, Reuters, BusinessDesk via Scoop,
dpa: see ``test_iptc_wire_corpus.py``); the texts here are made up.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

import newsparse
import pytest
from attrs import evolve
from newsparse import ParseError, RenderError

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"


def item(
    content: str = "",
    *,
    item_class: str = 'qcode="ninat:text"',
    meta: str = "",
    content_meta: str = "<headline>Ice closes the harbour</headline>",
    before: str = "",
    xmlns: str = f'xmlns="{NAR}"',
) -> str:
    return (
        f'<newsItem {xmlns} guid="urn:newsml:x.example::1" version="1" standard="NewsML-G2">\n'
        f"{before}<itemMeta><itemClass {item_class}/>{meta}</itemMeta>\n"
        f"<contentMeta>{content_meta}</contentMeta>\n"
        f"<contentSet>{content}</contentSet>\n"
        "</newsItem>\n"
    )


def one(text: str | bytes) -> newsparse.Article:
    (article,) = newsparse.parse(text, "newsml-g2")
    return article


def xhtml(body: str, contenttype: str = "application/xhtml+xml", html_ns: str = "") -> str:
    html = f"<html{html_ns}><body>{body}</body></html>"
    return f'<inlineXML contenttype="{contenttype}">{html}</inlineXML>'


def test_the_icls_alias_is_the_text_nature() -> None:
    # Reuters and ANSA: itemClass qcode="icls:text".
    article = one(item(xhtml("<p>Ice.</p>"), item_class='qcode="icls:text"'))
    assert article.paragraphs == ("Ice.",)


def test_aliases_are_resolved_through_an_inline_catalog() -> None:
    catalog = (
        '<catalog><scheme alias="nature" uri="http://cv.iptc.org/newscodes/ninature/"/></catalog>'
    )
    article = one(item(xhtml("<p>Ice.</p>"), item_class='qcode="nature:text"', before=catalog))
    assert article.title == "Ice closes the harbour"
    # The same alias bound to another scheme is no text item, whatever its code says.
    other = '<catalog><scheme alias="ninat" uri="http://example.com/kinds/"/></catalog>'
    with pytest.raises(ParseError, match="not a text item"):
        one(item(xhtml("<p>Ice.</p>"), before=other))


def test_the_item_class_by_uri() -> None:
    text = item(item_class='uri="http://cv.iptc.org/newscodes/ninature/text"')
    assert one(text).title == "Ice closes the harbour"


def test_a_picture_item_is_diagnosed_with_its_nature() -> None:
    with pytest.raises(ParseError) as caught:
        one(item(item_class='qcode="icls:picture"'))
    assert "'icls:picture' (a picture item" in caught.value.message
    assert caught.value.line == 2


@pytest.mark.parametrize(
    "contenttype",
    ["xhtml/xml", "application/xhtml+html", "text/html", "application/xhtml+xml; charset=utf-8"],
)
def test_xhtml_under_the_content_types_of_real_feeds(contenttype: str) -> None:
    article = one(item(xhtml("<p>Ice closed the harbour.</p>", contenttype, f' xmlns="{XHTML}"')))
    assert article.paragraphs == ("Ice closed the harbour.",)


def test_xhtml_left_in_the_newsml_g2_namespace_is_read() -> None:
    # STT: <html> with no xmlns of its own falls in the NewsML-G2 default namespace.
    article = one(item(xhtml("<h2>Ferries</h2><p>They use the outer quay.</p>", "xhtml/xml")))
    assert [(s.heading, s.paragraphs) for s in article.body] == [
        ("Ferries", ("They use the outer quay.",))
    ]


def test_a_paragraph_in_no_namespace_and_routing_codes_as_loose_text() -> None:
    # ANSA: <p xmlns=""> inside a G2-namespace body, then routing codes.
    body = '<p xmlns="">\n  (ANSA) - ROMA - Ice.\n</p>51 77 03 CRO01 1113 APE4800 GEST'
    article = one(item(xhtml(body)))
    assert article.paragraphs == ("(ANSA) - ROMA - Ice.",)
    assert article.meta["newsml-g2.routing"] == "51 77 03 CRO01 1113 APE4800 GEST"
    # The routing codes are written as a head/meta of the inline NITF, and read back
    # (the item needs a date to be written at all).
    article = evolve(article, published=datetime(2024, 1, 17, tzinfo=timezone.utc))
    text = newsparse.render([article], "newsml-g2")
    assert '<meta name="newsml-g2.routing" content="51 77 03 CRO01 1113 APE4800 GEST"/>' in text
    assert newsparse.parse(text, "newsml-g2") == [article]


def test_loose_text_that_is_prose_is_a_paragraph() -> None:
    article = one(
        item(xhtml("<p>One.</p>Two, outside any paragraph.<div>Three <b>bold</b>.</div>"))
    )
    assert article.paragraphs == ("One.", "Two, outside any paragraph.", "Three bold.")


def test_entities_escaped_twice_are_unescaped_once_more() -> None:
    # STT: "&amp;#39;" and "&amp;quot;" in the XML, so "&#39;" in the text.
    body = "<p>&amp;quot;Alko&amp;#39;s monopoly&amp;quot; &amp; AT&amp;T;</p>"
    assert one(item(xhtml(body, "xhtml/xml"))).paragraphs == ('"Alko\'s monopoly" & AT&T;',)


def test_a_heading_nested_in_a_paragraph_is_a_heading() -> None:
    # STT: <p/><p>\n<h3>...</h3>\n</p><p/>
    body = "<p>One.</p><p/><p>\n<h3>Rinne speaks</h3>\n</p><p/><p>Two.</p>"
    article = one(item(xhtml(body, "xhtml/xml")))
    assert [(s.heading, s.paragraphs) for s in article.body] == [
        (None, ("One.",)),
        ("Rinne speaks", ("Two.",)),
    ]


def test_a_header_before_the_main_section_is_not_body_text_and_is_reported() -> None:
    # dpa: slugline list, time, genre and the headline again in <header>.
    body = (
        '<header><ul class="slugline"><li>Fußball</li></ul><time>11.10.2022</time>'
        "<h1>Ice closes the harbour</h1></header>"
        '<section class="main"><p><span class="dateline">London (dpa) - </span>Ice.</p>'
        "<p>\u00a0</p></section>"
    )
    errors: list[newsparse.ParseError] = []
    (article,) = newsparse.parse(
        item(xhtml(body, html_ns=f' xmlns="{XHTML}"')), "newsml-g2", on_error=errors.append
    )
    assert [(s.heading, s.paragraphs) for s in article.body] == [(None, ("London (dpa) - Ice.",))]
    (error,) = errors
    assert error.message.startswith("the <header> element is not read: a page header")
    assert error.excerpt is not None
    assert error.excerpt.startswith("Fußball")


def test_inline_nitf_in_the_newsml_g2_namespace_with_xsi_bound_to_it() -> None:
    # Scoop: the xsi prefix bound to the G2 namespace, the NITF with no xmlns of
    # its own, the headline only in the NITF head, dates without a zone.
    nitf = (
        '<inlineXML contenttype="application/nitf+xml">'
        '<nitf xsi:schemaLocation="nitf-3-5.xsd" xmlns:xsi="http://iptc.org/std/NITF/2006-10-18/">'
        "<head><title>Receivers install a new chief</title></head><body><body.content>"
        "<p>By Jo Bloggs</p><p>The receivers appointed a chief.</p></body.content></body></nitf>"
        "</inlineXML>"
    )
    text = (
        f'\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<newsMessage xmlns:xsi="{NAR}" '
        f'xmlns="{NAR}" xsi:schemaLocation="x">\r\n<Header><Sent>2016-01-12 12:35:40</Sent>'
        "</Header>\r\n<itemSet>\r\n"
        + item(
            nitf,
            meta="<versionCreated>2016-01-12 12:35:40</versionCreated>",
            content_meta="<urgency>5</urgency>",
            xmlns="",
        ).replace("\n", "\r\n")
        + "</itemSet></newsMessage>\r\n"
    )
    article = one(text.encode("utf-8"))
    assert article.title == "Receivers install a new chief"
    assert article.paragraphs == ("By Jo Bloggs", "The receivers appointed a chief.")
    assert article.modified is None
    assert article.meta["newsml-g2.versionCreated"] == "2016-01-12 12:35:40"
    assert article.meta["newsml-g2.guid"] == "urn:newsml:x.example::1"


def test_a_byline_repeated_as_the_first_paragraph_is_read_once() -> None:
    # Reuters: <by>By Ana Lind</by>, and <p>By Ana Lind</p> opening the body;
    # also a headline with a trailing space and an edNote.
    text = item(
        xhtml("<p>By Ana Lind</p><p>Ice.</p>", "application/xhtml+html", f' xmlns="{XHTML}"'),
        item_class='qcode="icls:text"',
        meta="<edNote>This is editorial note.</edNote>",
        content_meta="<headline>Ice closes the harbour </headline><by>By Ana Lind</by>",
    )
    article = one(text)
    assert article.title == "Ice closes the harbour"
    assert article.paragraphs == ("Ice.",)
    assert article.authors == ("Ana Lind",)
    assert article.meta["newsml-g2.edNote"] == "This is editorial note."


def test_a_first_paragraph_equal_to_the_by_line_is_refused_when_written() -> None:
    # The reader drops a first paragraph that repeats a by line (above), so an
    # article whose first paragraph equals its by line cannot come back: refused.
    article = newsparse.Article(
        title="Ice closes the harbour",
        body=(newsparse.Section(paragraphs=("By Ana Lind", "Ice.")),),
        authors=("Ana Lind",),
        published=datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc),
        meta={"newsml-g2.guid": "urn:x:1", "newsml-g2.by": "By Ana Lind"},
    )
    with pytest.raises(RenderError, match="first paragraph"):
        newsparse.render([article], "newsml-g2")
    kept = evolve(article, meta={"newsml-g2.guid": "urn:x:1", "newsml-g2.by": "By A. Lind"})
    assert newsparse.parse(newsparse.render([kept], "newsml-g2"), "newsml-g2") == [kept]


def test_a_package_reports_only_the_items_the_document_does_not_hold() -> None:
    package = (
        '<packageItem guid="pkg"><groupSet><group><itemRef residref="urn:newsml:x.example::1"/>'
        '<itemRef residref="urn:elsewhere"/></group></groupSet></packageItem>\n'
    )
    text = (
        f'<newsMessage xmlns="{NAR}"><itemSet>\n{package}{item(xmlns="")}</itemSet></newsMessage>'
    )
    errors: list[ParseError] = []
    (article,) = newsparse.parse(text, "newsml-g2", on_error=errors.append)
    assert article.title == "Ice closes the harbour"
    (error,) = errors
    assert "'urn:elsewhere'" in error.message
    assert "urn:newsml:x.example::1" not in error.message
    assert (error.line, error.column) == (2, 1)


def test_utf_8_misread_under_a_latin_1_declaration_is_reported_after_the_item() -> None:
    # The first 64 KiB are ASCII, so the declaration is believed for all of it.
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!--'
        + "x" * 70_000
        + "-->\n"
        + item(xhtml("<p>København.</p>"))
    )
    errors: list[ParseError] = []
    (article,) = newsparse.parse(
        io.BytesIO(text.encode("utf-8")), "newsml-g2", on_error=errors.append
    )
    assert article.paragraphs == ("KÃ¸benhavn.",)
    (error,) = errors
    assert "looks like UTF-8 decoded as ISO-8859-1" in error.message
    assert error.line == 6


def test_an_item_reference_naming_no_item_is_reported() -> None:
    package = '<packageItem xmlns="' + NAR + '" guid="p"><groupSet><group><itemRef/>'
    errors: list[ParseError] = []
    newsparse.parse(
        package + "</group></groupSet></packageItem>", "newsml-g2", on_error=errors.append
    )
    (error,) = errors
    assert "an itemRef naming no item" in error.message


def test_a_package_document_that_refers_to_no_item_is_reported() -> None:
    # A packageItem on its own with no itemRef (the IPTC's unit tests have
    # several): the document gives nothing, which is said, not left silent.
    text = (
        f'<packageItem xmlns="{NAR}" guid="p" version="1" standard="NewsML-G2">\n'
        '<itemMeta><itemClass qcode="ninat:composite"/></itemMeta>\n'
        "</packageItem>\n"
    )
    with pytest.raises(ParseError, match="refers to no item") as caught:
        newsparse.parse(text, "newsml-g2", source="pkg.xml")
    assert (caught.value.source, caught.value.line, caught.value.column) == ("pkg.xml", 1, 1)


def test_paragraphs_in_an_inline_xml_of_no_content_type_are_read_as_xhtml() -> None:
    # The IPTC's facet examples: <inlineXML xml:lang="en"><p>...</p></inlineXML>.
    content = '<inlineXML xml:lang="en"><p>Ice.</p><h2>Ferries</h2><p>Outer quay.</p></inlineXML>'
    article = one(item(content))
    assert [(s.heading, s.paragraphs) for s in article.body] == [
        (None, ("Ice.",)),
        ("Ferries", ("Outer quay.",)),
    ]


def test_other_xml_of_no_content_type_is_still_refused() -> None:
    content = "<inlineXML><sports-content><p>Score</p></sports-content></inlineXML>"
    with pytest.raises(ParseError, match="no declared content type"):
        one(item(content))


_DPA_META = (
    "<headline>Ice closes the harbour</headline><keyword>Fußball</keyword>"
    '<genre qcode="dpatextgenre:7"><name xml:lang="de">Extra</name></genre>'
)
_DPA_VERSION = "<versionCreated>2022-10-11T11:14:42+02:00</versionCreated>"


def _header_errors(header: str, content_meta: str = _DPA_META) -> list[ParseError]:
    body = f'{header}<section class="main"><p>Ice.</p></section>'
    errors: list[ParseError] = []
    (article,) = newsparse.parse(
        item(
            xhtml(body, html_ns=f' xmlns="{XHTML}"'), meta=_DPA_VERSION, content_meta=content_meta
        ),
        "newsml-g2",
        on_error=errors.append,
    )
    assert article.paragraphs == ("Ice.",)
    return errors


def test_a_header_that_only_repeats_the_article_is_left_out_without_a_report() -> None:
    # dpa's header: every text is the headline, a keyword, the genre or the item's date.
    header = (
        '<header>  <ul class="slugline"><li class="subject">Fußball</li></ul>\n'
        '<time class="publicationDate" data-datetime="2022-10-11T09:14:42Z">11.10.2022 11:14</time>'
        '<p class="genre">Extra</p><h1>Ice closes the harbour</h1><!-- end --></header>'
    )
    assert _header_errors(header) == []


@pytest.mark.parametrize(
    "header",
    [
        "<header><ul><li>Fußball</li><li>Handball</li></ul></header>",
        '<header><time data-datetime="2022-10-12T11:14:42+02:00">12.10.2022</time></header>',
        "<header><time>11.10.2022 11:14</time></header>",
        "<header><h1>Ice closes the harbour</h1>Loose words</header>",
        "<header><div><span>Extra words</span></div></header>",
    ],
    ids=["unknown-keyword", "other-date", "time-without-date", "loose-text", "nested-text"],
)
def test_a_header_with_text_the_article_lacks_is_still_reported(header: str) -> None:
    (error,) = _header_errors(header)
    assert error.message.startswith("the <header> element is not read")


def test_the_genre_is_kept_and_written_back() -> None:
    article = one(item(content_meta=_DPA_META + "<genre literal='Feature'/>", meta=_DPA_VERSION))
    assert article.meta["newsml-g2.genre"] == "Extra\nFeature"
    assert newsparse.parse(newsparse.render([article], "newsml-g2"), "newsml-g2") == [article]
