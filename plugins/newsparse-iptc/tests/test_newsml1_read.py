"""Reading NewsML 1.x: each quirk agencies send, one test each, on hand-written documents."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import newsparse
import pytest
from newsparse import Article, Image, ListBlock, ListItem, Paragraph, ParseError, Section

from newsparse_iptc.newsml1 import names
from newsparse_iptc.newsml1.examples import (
    BASIC,
    HTML_CDATA,
    NITF_TEXT,
    PACKAGE,
    PHOTO,
    PLAIN,
    TWO_ITEMS,
    XHTML,
    news_item,
    newsml,
)

BODY = (
    "The harbour reopened on Wednesday after the storm.",
    "Ferries will run again from Thursday.",
    "ab/cd",
)
CET = timezone(timedelta(hours=1))


def parse(text: str | bytes) -> list[Article]:
    return newsparse.parse(text, "newsml1")


def collect(text: str) -> tuple[list[Article], list[ParseError]]:
    errors: list[ParseError] = []
    return newsparse.parse(text, "newsml1", on_error=errors.append), errors


def text_item(content: str, lines: str = "<HeadLine>Story</HeadLine>", **options: str) -> str:
    component = f"<NewsComponent>\n<NewsLines>{lines}</NewsLines>\n{content}</NewsComponent>\n"
    return newsml(news_item(component, **options))


def data(body: str, media: str = "Text", declared: str = "") -> str:
    return (
        f'<ContentItem>\n<MediaType FormalName="{media}"/>\n{declared}'
        f"<DataContent>{body}</DataContent>\n</ContentItem>\n"
    )


def test_bare_nitf_body_under_newslines_headline() -> None:
    (article,) = parse(BASIC)
    assert article.title == "Harbour reopens after storm"
    assert article.paragraphs == BODY
    assert article.body[0].heading is None


def test_identification_and_management() -> None:
    (article,) = parse(BASIC)
    assert article.published == datetime(2024, 1, 17, 8, 30, tzinfo=CET)
    assert article.modified == datetime(2024, 1, 17, 9, 15, tzinfo=CET)
    meta = article.meta
    assert meta[names.PUBLIC_IDENTIFIER] == "urn:newsml:example.org:20240117:TX-1:1"
    assert meta[names.PROVIDER_ID] == "example.org"
    assert meta[names.DATE_ID] == "20240117"
    assert meta[names.NEWS_ITEM_ID] == "TX-1"
    assert meta[names.REVISION_ID] == "1"
    assert meta[names.ITEM_TYPE] == "News"
    assert meta[names.STATUS] == "Usable"
    assert article.url is None  # a URN names the item; it is no address


def test_descriptive_and_administrative_metadata() -> None:
    (article,) = parse(BASIC)
    assert article.language == "en"
    assert article.publisher == "EX"
    assert article.topics == ("04000000", "weather")
    assert article.meta[names.DATELINE] == "PORTVILLE, Jan 17 (EX) -"
    assert article.meta[names.SLUGLINE] == "Harbour-storm"


def test_envelope_values_go_to_every_item() -> None:
    first, second = parse(TWO_ITEMS)
    for article in (first, second):
        assert article.meta[names.ENVELOPE_DATE] == "20240117T091600Z"
        assert article.meta[names.ENVELOPE_PRIORITY] == "4"


def test_several_news_items_are_several_articles() -> None:
    articles = parse(TWO_ITEMS)
    assert [a.title for a in articles] == ["First story", "Second story"]
    assert [a.meta[names.NEWS_ITEM_ID] for a in articles] == ["TX-1", "TX-2"]


def test_package_text_component_is_the_body_and_photo_component_an_image() -> None:
    (article,) = parse(PACKAGE)
    assert article.title == "Harbour reopens"
    assert article.paragraphs == BODY
    # The highest rendition of the photo, its caption from the Caption component.
    assert article.images == (
        Image(
            url="photo-highdef.jpg",
            caption="Boats wait at the harbour entrance.",
            credit="EX/Ann Lee",
        ),
    )


def test_photo_item_with_headline_is_an_article() -> None:
    (article,) = parse(PHOTO)
    assert article.title == "Boats at the harbour"
    assert article.body == ()
    assert [image.url for image in article.images] == ["photo-highdef.jpg"]
    assert article.meta[names.MEDIA_TYPE] == "Photo"


def test_photo_item_without_headline_takes_its_caption_as_title() -> None:
    text = PHOTO.replace("<NewsLines><HeadLine>Boats at the harbour</HeadLine></NewsLines>\n", "")
    (article,) = parse(text)
    assert article.title == "Boats wait at the harbour entrance."


def test_photo_caption_from_a_caption_newsline() -> None:
    photo = (
        '<NewsComponent>\n<NewsLines><NewsLine><NewsLineType FormalName="Caption"/>'
        "<NewsLineText>A quiet quay.</NewsLineText></NewsLine></NewsLines>\n"
        '<ContentItem Href="quay.jpg"><MediaType FormalName="Photo"/></ContentItem>\n'
        "</NewsComponent>\n"
    )
    (article,) = parse(text_item(photo + "<NewsComponent>" + NITF_TEXT + "</NewsComponent>"))
    assert article.images == (Image(url="quay.jpg", caption="A quiet quay."),)
    assert article.paragraphs == BODY


def test_html_in_cdata_with_upper_case_tags() -> None:
    (article,) = parse(HTML_CDATA)
    assert article.title == "Jobs figures improve"  # CDATA and line breaks around it
    assert article.paragraphs == ("Hiring grew in March.", "It was the best month since 2001.")
    assert article.meta[names.SUBHEADLINE] == "Hiring grew in March."
    assert article.meta[names.CREDIT_LINE] == "EX"
    assert article.language == "EN"


def test_xhtml_elements_with_namespace_and_byline() -> None:
    (article,) = parse(XHTML)
    assert article.body == (
        Section(paragraphs=["The council voted the budget."]),
        Section(heading="Reactions", paragraphs=["Few objected."]),
    )
    assert article.authors == ("Ana Lind",)
    assert article.meta[names.BYLINE] == "By Ana Lind"


def test_xhtml_paragraphs_without_namespace_or_html_element() -> None:
    body = data("<p>One.</p><p>Two <b>bold</b> words.</p>", declared='<Format FormalName="XHTML"/>')
    (article,) = parse(text_item(body))
    assert article.paragraphs == ("One.", "Two bold words.")


def test_loose_text_beside_elements_is_kept() -> None:
    (article,) = parse(text_item(data("Lead line.<br/>Second line.<p>Third.</p>")))
    assert article.paragraphs == ("Lead line.", "Second line.", "Third.")


def test_plain_text_paragraphs_at_blank_lines() -> None:
    (article,) = parse(PLAIN)
    assert article.paragraphs == (
        "First paragraph, which runs over two lines.",
        "Second paragraph.",
    )


def test_plain_text_paragraphs_at_indented_lines() -> None:
    body = data("\nFirst paragraph\nwrapped here.\n\tSecond one.\n\tThird one.\n")
    (article,) = parse(text_item(body))
    assert article.paragraphs == ("First paragraph wrapped here.", "Second one.", "Third one.")


def test_plain_text_without_marks_gives_a_paragraph_per_line() -> None:
    (article,) = parse(text_item(data("\nLine one.\nLine two.\n")))
    assert article.paragraphs == ("Line one.", "Line two.")


def test_escaped_nitf_in_a_text_item() -> None:
    escaped = "&lt;nitf&gt;&lt;body&gt;&lt;body.content&gt;&lt;p&gt;Escaped.&lt;/p&gt;"
    escaped += "&lt;/body.content&gt;&lt;/body&gt;&lt;/nitf&gt;"
    declared = '<MimeType FormalName="text/vnd.IPTC.NITF"/>\n'
    (article,) = parse(text_item(data(escaped, declared=declared)))
    assert article.paragraphs == ("Escaped.",)


def test_nitf_body_content_without_nitf_element() -> None:
    (article,) = parse(text_item(data("<body.content><p>Only content.</p></body.content>")))
    assert article.paragraphs == ("Only content.",)


def test_base64_encoded_text() -> None:
    encoded = base64.b64encode("<p>Décodé.</p>".encode()).decode("ascii")
    body = (
        '<ContentItem>\n<Encoding FormalName="base64"/>\n<MediaType FormalName="Text"/>\n'
        '<MimeType FormalName="text/html"/>\n'
        f"<DataContent>{encoded}</DataContent>\n</ContentItem>\n"
    )
    (article,) = parse(text_item(body))
    assert article.paragraphs == ("Décodé.",)


def test_base64_encoding_wrapping_the_data_content() -> None:
    encoded = base64.b64encode(b"Wrapped text.").decode("ascii")
    body = (
        '<ContentItem>\n<MediaType FormalName="Text"/>\n<MimeType FormalName="text/plain"/>\n'
        f'<Encoding FormalName="base64"><DataContent>{encoded}</DataContent></Encoding>\n'
        "</ContentItem>\n"
    )
    (article,) = parse(text_item(body))
    assert article.paragraphs == ("Wrapped text.",)


def test_media_type_missing_but_mime_type_says_text() -> None:
    body = '<ContentItem><MimeType FormalName="text/plain"/><DataContent>Hi.</DataContent>'
    body += "</ContentItem>"
    (article,) = parse(text_item(body))
    assert article.paragraphs == ("Hi.",)


def test_equivalents_list_reads_the_first_alternative() -> None:
    content = (
        '<NewsComponent EquivalentsList="yes">\n'
        + data("<p>In NITF-less XHTML.</p>", declared='<Format FormalName="XHTML"/>')
        + data("Same in plain text.", declared='<MimeType FormalName="text/plain"/>')
        + "</NewsComponent>\n"
    )
    (article,) = parse(text_item(content))
    assert article.paragraphs == ("In NITF-less XHTML.",)


def test_several_text_components_are_sections_under_their_headlines() -> None:
    content = (
        "<NewsComponent>" + data("<p>Main text.</p>") + "</NewsComponent>\n"
        "<NewsComponent><NewsLines><HeadLine>Background</HeadLine></NewsLines>"
        + data("<p>Older events.</p>")
        + "</NewsComponent>\n"
    )
    (article,) = parse(text_item(content))
    assert article.body == (
        Section(paragraphs=["Main text."]),
        Section(heading="Background", paragraphs=["Older events."]),
    )


def test_headline_of_the_text_component_when_the_top_has_none() -> None:
    content = (
        "<NewsComponent><NewsLines><HeadLine>Inner headline</HeadLine>"
        "<SlugLine>inner-slug</SlugLine></NewsLines>" + data("<p>Text.</p>") + "</NewsComponent>\n"
    )
    (article,) = parse(text_item(content, lines=""))
    assert article.title == "Inner headline"
    assert article.meta[names.SLUGLINE] == "inner-slug"


def test_newslines_all_kinds() -> None:
    lines = (
        "<HeadLine>Main</HeadLine><SubHeadLine>Sub one</SubHeadLine><HeadLine>Other</HeadLine>"
        "<ByLine>By Ann Lee</ByLine><ByLine>Bo Ek</ByLine><DateLine>OSLO -</DateLine>"
        "<CreditLine>EX</CreditLine><CopyrightLine>(c) EX 2024</CopyrightLine>"
        "<RightsLine>No resale</RightsLine><SeriesLine>Part 2</SeriesLine>"
        "<SlugLine>slug</SlugLine><KeywordLine>ports</KeywordLine>"
        '<NewsLine><NewsLineType FormalName="Abstract"/><NewsLineText>The short of it.'
        "</NewsLineText></NewsLine>"
        '<NewsLine><NewsLineType FormalName="Flash"/><NewsLineText>Now</NewsLineText></NewsLine>'
    )
    (article,) = parse(text_item(data("<p>Text.</p>"), lines=lines))
    assert article.title == "Main"
    assert article.authors == ("Ann Lee", "Bo Ek")
    assert article.summary == "The short of it."
    assert "ports" in article.topics
    meta = article.meta
    assert meta[names.HEADLINE_MORE] == "Other"
    assert meta[names.SUBHEADLINE] == "Sub one"
    assert meta[names.BYLINE] == "By Ann Lee\nBo Ek"
    assert meta[names.COPYRIGHT_LINE] == "(c) EX 2024"
    assert meta[names.RIGHTS_LINE] == "No resale"
    assert meta[names.SERIES_LINE] == "Part 2"
    assert meta[names.KEYWORD_LINE] == "ports"
    assert meta[names.NEWS_LINE] == "Flash: Now"


def test_inline_nitf_headline_that_differs_is_kept() -> None:
    body = data(
        "<nitf><body><body.head><hedline><hl1>Inline title</hl1></hedline></body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>"
    )
    (article,) = parse(text_item(body))
    assert article.title == "Story"
    assert article.meta[names.INLINE_HEADLINE] == "Inline title"


def test_inline_nitf_headline_when_newslines_have_none() -> None:
    body = data(
        "<nitf><body><body.head><hedline><hl1>Inline title</hl1></hedline></body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>"
    )
    (article,) = parse(text_item(body, lines=""))
    assert article.title == "Inline title"


def test_dates_without_a_zone_stay_as_written() -> None:
    text = BASIC.replace("20240117T083000+0100", "20240117T083000").replace(
        "20240117T091500+0100", "20240117T091500"
    )
    (article,) = parse(text)
    assert article.published is None
    assert article.modified is None
    assert article.meta[names.FIRST_CREATED] == "20240117T083000"
    assert article.meta[names.THIS_REVISION_CREATED] == "20240117T091500"


def test_same_first_and_revision_date_is_no_modification() -> None:
    (article,) = parse(BASIC.replace("20240117T091500+0100", "20240117T083000+0100"))
    assert article.modified is None


def test_management_extras() -> None:
    extras = (
        '<StatusWillChange><FutureStatus FormalName="Usable"/>'
        "<DateAndTime>20240118T000000Z</DateAndTime></StatusWillChange>"
        '<Urgency FormalName="2"/><Instruction FormalName="Correction"/>'
        '<AssociatedWith NewsItem="urn:newsml:example.org:20240117:TX-0:1"/>'
    )
    (article,) = parse(newsml(news_item(text_item_component(), management=extras)))
    assert article.meta[names.URGENCY] == "2"
    assert article.meta[names.STATUS_WILL_CHANGE] == "Usable 20240118T000000Z"
    assert article.meta[names.INSTRUCTION] == "Correction"
    # An association names another item; it is no content to report.
    assert article.meta[names.ASSOCIATED_WITH] == "urn:newsml:example.org:20240117:TX-0:1"


def text_item_component() -> str:
    return (
        "<NewsComponent><NewsLines><HeadLine>S</HeadLine></NewsLines>"
        + NITF_TEXT
        + "</NewsComponent>"
    )


def test_location_genre_creator_usage() -> None:
    component = (
        "<NewsComponent><NewsLines><HeadLine>S</HeadLine></NewsLines>"
        "<RightsMetadata><UsageRights><UsageType>NO ARCHIVAL USE</UsageType></UsageRights>"
        "</RightsMetadata>"
        '<AdministrativeMetadata><Creator><Party FormalName="ab"/></Creator>'
        "</AdministrativeMetadata>"
        '<DescriptiveMetadata><Genre FormalName="business"/>'
        '<Location HowPresent="Origin"><Property FormalName="Country" Value="SWE"/>'
        '<Property FormalName="City" Value="Stockholm"/></Location>'
        "<DateLineDate>20140829T134951+0000</DateLineDate></DescriptiveMetadata>"
        + NITF_TEXT
        + "</NewsComponent>"
    )
    (article,) = parse(newsml(news_item(component)))
    meta = article.meta
    assert meta[names.USAGE_TYPE] == "NO ARCHIVAL USE"
    assert meta[names.CREATOR] == "ab"
    assert meta[names.GENRE] == "business"
    assert meta[names.LOCATION] == "Country=SWE; City=Stockholm"
    assert meta[names.DATELINE_DATE] == "20140829T134951+0000"


def test_newsml_1_2_schema_namespace() -> None:
    text = BASIC.replace(
        '<NewsML Version="1.2">',
        '<NewsML xmlns="http://iptc.org/std/NewsML/2003-10-10/" Version="1.2">',
    )
    (article,) = parse(text)
    assert article.title == "Harbour reopens after storm"
    assert article.paragraphs == BODY


def test_bare_news_item_root() -> None:
    item = news_item(text_item_component())
    (article,) = parse('<?xml version="1.0"?>\n' + item)
    assert article.paragraphs == BODY


def test_inline_news_items_in_a_package_are_read() -> None:
    inner = news_item(text_item_component(), identifier="TX-9")
    package = newsml(
        news_item(
            "<NewsComponent><NewsLines><HeadLine>Package</HeadLine></NewsLines>"
            + inner
            + "</NewsComponent>\n",
            identifier="PK-1",
        )
    )
    articles, errors = collect(package)
    assert errors == []
    assert [a.meta[names.NEWS_ITEM_ID] for a in articles] == ["TX-9"]


def test_date_label_is_kept() -> None:
    item = news_item(text_item_component()).replace(
        "</NewsIdentifier>\n", "</NewsIdentifier>\n<DateLabel>4/4/2018 17:59:03</DateLabel>\n"
    )
    (article,) = parse(newsml(item))
    assert article.meta[names.DATE_LABEL] == "4/4/2018 17:59:03"


def test_comments_are_kept() -> None:
    item = news_item(text_item_component()).replace(
        '<NewsItem xml:lang="en">\n', '<NewsItem xml:lang="en">\n<Comment>Test feed</Comment>\n'
    )
    (article,) = parse(newsml(item))
    assert article.meta[names.COMMENT] == "Test feed"


@pytest.mark.parametrize("text", [BASIC, PACKAGE, HTML_CDATA, XHTML, PLAIN])
def test_bytes_and_text_agree(text: str) -> None:
    assert parse(text.encode("utf-8")) == parse(text)


def test_language_element_wins_over_xml_lang_and_nitf() -> None:
    body = data('<nitf xml:lang="de"><body><body.content><p>T.</p></body.content></body></nitf>')
    lines = "<HeadLine>Story</HeadLine></NewsLines><DescriptiveMetadata>"
    lines += '<Language FormalName="fr"/></DescriptiveMetadata><NewsLines>'
    (article,) = parse(text_item(body, lines=lines, lang="sv"))
    assert article.language == "fr"
    (article,) = parse(text_item(body, lang="sv"))
    assert article.language == "sv"


def test_a_zoneless_first_created_leaves_the_nitf_issue_date() -> None:
    body = data(
        '<nitf><head><docdata><date.issue norm="20240117T070000Z"/></docdata></head>'
        "<body><body.content><p>T.</p></body.content></body></nitf>"
    )
    text = text_item(body).replace("20240117T083000+0100", "20240117T083000")
    (article,) = parse(text)
    assert article.published == datetime(2024, 1, 17, 7, 0, tzinfo=timezone.utc)
    assert article.meta[names.FIRST_CREATED] == "20240117T083000"


def test_byline_authors_come_before_the_nitf_byline() -> None:
    body = data(
        "<nitf><body><body.head><byline>By Bo Ek</byline></body.head>"
        "<body.content><p>T.</p></body.content></body></nitf>"
    )
    lines = "<HeadLine>Story</HeadLine><ByLine>By Ann Lee</ByLine>"
    (article,) = parse(text_item(body, lines=lines))
    assert article.authors == ("Ann Lee", "Bo Ek")


def test_provider_wins_over_the_nitf_publisher() -> None:
    body = data(
        '<nitf><head><pubdata name="Inline Post"/></head>'
        "<body><body.content><p>T.</p></body.content></body></nitf>"
    )
    lines = "<HeadLine>Story</HeadLine></NewsLines><AdministrativeMetadata><Provider>"
    lines += '<Party FormalName="EX"/></Provider></AdministrativeMetadata><NewsLines>'
    (article,) = parse(text_item(body, lines=lines))
    assert article.publisher == "EX"


def test_a_later_text_component_keeps_its_blocks_under_its_headline() -> None:
    # The list of the second component's first section was lost: the section
    # was rebuilt from its paragraphs to set the heading.
    nitf = (
        "<nitf><body><body.content><ul><li>Quay shut</li></ul><p>More.</p>"
        "</body.content></body></nitf>"
    )
    content = (
        "<NewsComponent>" + data("<p>Main text.</p>") + "</NewsComponent>\n"
        "<NewsComponent><NewsLines><HeadLine>Background</HeadLine></NewsLines>"
        + data(nitf)
        + "</NewsComponent>\n"
    )
    (article,) = parse(text_item(content))
    assert article.body[1] == Section(
        heading="Background",
        blocks=[ListBlock(items=[ListItem(text="Quay shut")]), Paragraph(text="More.")],
    )


def test_nitf_body_content_with_no_place_in_the_model_is_reported() -> None:
    nitf = (
        '<nitf><body><body.content><p>Kept.</p><note type="npa"><body.content>'
        "<p>Not for publication.</p></body.content></note></body.content></body></nitf>"
    )
    articles, errors = collect(text_item(data(nitf)))
    assert [article.paragraphs for article in articles] == [("Kept.",)]
    (error,) = errors
    assert error.message.startswith('the <note> element is not read: a note of type "npa"')
