"""Hand-written NewsML 1.x documents: the tests' fixtures and the fuzzers' seeds.

They are written for this package, after the shapes agencies send (an AFP
text item with a bare NITF body, a text and photo package, an ANA-style
HTML body in CDATA, plain text); no agency's text is copied.
"""

from __future__ import annotations

__all__ = ["BASIC", "HTML_CDATA", "PACKAGE", "PHOTO", "PLAIN", "TWO_ITEMS", "XHTML"]


def news_item(
    component: str, *, identifier: str = "TX-1", management: str = "", lang: str = "en"
) -> str:
    """Return a ``NewsItem`` holding the top ``component``, with identification and dates."""
    return (
        f'<NewsItem xml:lang="{lang}">\n'
        "<Identification>\n<NewsIdentifier>\n<ProviderId>example.org</ProviderId>\n"
        f"<DateId>20240117</DateId>\n<NewsItemId>{identifier}</NewsItemId>\n"
        '<RevisionId PreviousRevision="0" Update="N">1</RevisionId>\n'
        f"<PublicIdentifier>urn:newsml:example.org:20240117:{identifier}:1</PublicIdentifier>\n"
        "</NewsIdentifier>\n</Identification>\n"
        '<NewsManagement>\n<NewsItemType FormalName="News"/>\n'
        "<FirstCreated>20240117T083000+0100</FirstCreated>\n"
        "<ThisRevisionCreated>20240117T091500+0100</ThisRevisionCreated>\n"
        f'<Status FormalName="Usable"/>\n{management}</NewsManagement>\n'
        f"{component}</NewsItem>\n"
    )


def newsml(*items: str, envelope: str = "") -> str:
    """Return a NewsML 1.2 document with an envelope and ``items``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<NewsML Version="1.2">\n'
        "<NewsEnvelope>\n<DateAndTime>20240117T091600Z</DateAndTime>\n"
        f'{envelope}<Priority FormalName="4"/>\n</NewsEnvelope>\n' + "".join(items) + "</NewsML>\n"
    )


NITF_TEXT = (
    "<ContentItem>\n"
    '<MediaType FormalName="Text"/>\n<Format FormalName="NITF3.1"/>\n'
    "<DataContent>\n<nitf>\n<body>\n<body.content>\n"
    "<p>The harbour reopened on Wednesday after the storm.</p>\n"
    "<p>Ferries will run again from Thursday.</p>\n"
    "<p>ab/cd</p>\n"
    "</body.content>\n</body>\n</nitf>\n</DataContent>\n</ContentItem>\n"
)

BASIC = newsml(
    news_item(
        "<NewsComponent>\n<NewsLines>\n"
        "<DateLine>PORTVILLE, Jan 17 (EX) -</DateLine>\n"
        "<HeadLine>Harbour reopens after storm</HeadLine>\n"
        "<SlugLine>Harbour-storm</SlugLine>\n</NewsLines>\n"
        '<AdministrativeMetadata>\n<Provider>\n<Party FormalName="EX"/>\n</Provider>\n'
        "</AdministrativeMetadata>\n"
        '<DescriptiveMetadata>\n<Language FormalName="en"/>\n'
        '<SubjectCode>\n<Subject FormalName="04000000"/>\n</SubjectCode>\n'
        '<Property FormalName="Keyword" Value="weather"/>\n</DescriptiveMetadata>\n'
        + NITF_TEXT
        + "</NewsComponent>\n"
    )
)
"""One text item with a bare NITF body, as AFP sends them."""

TWO_ITEMS = newsml(
    news_item(
        "<NewsComponent>\n<NewsLines><HeadLine>First story</HeadLine></NewsLines>\n"
        + NITF_TEXT
        + "</NewsComponent>\n",
        identifier="TX-1",
    ),
    news_item(
        "<NewsComponent>\n<NewsLines><HeadLine>Second story</HeadLine></NewsLines>\n"
        + NITF_TEXT
        + "</NewsComponent>\n",
        identifier="TX-2",
    ),
)
"""Two text items in one document."""

PHOTO_COMPONENT = (
    '<NewsComponent>\n<Role FormalName="Photo"/>\n'
    "<NewsLines><CreditLine>EX/Ann Lee</CreditLine></NewsLines>\n"
    '<NewsComponent>\n<Role FormalName="Caption"/>\n<ContentItem>\n'
    '<MediaType FormalName="Text"/>\n<MimeType FormalName="text/plain"/>\n'
    "<DataContent>Boats wait at the harbour entrance.</DataContent>\n"
    "</ContentItem>\n</NewsComponent>\n"
    '<NewsComponent>\n<Role FormalName="Preview"/>\n'
    '<ContentItem Href="photo-preview.jpg">\n<MediaType FormalName="Photo"/>\n'
    '<MimeType FormalName="image/jpeg"/>\n</ContentItem>\n</NewsComponent>\n'
    '<NewsComponent>\n<Role FormalName="HighDef"/>\n'
    '<ContentItem Href="photo-highdef.jpg">\n<MediaType FormalName="Photo"/>\n'
    '<MimeType FormalName="image/jpeg"/>\n</ContentItem>\n</NewsComponent>\n'
    "</NewsComponent>\n"
)

PACKAGE = newsml(
    news_item(
        "<NewsComponent>\n<NewsLines><HeadLine>Harbour reopens</HeadLine></NewsLines>\n"
        '<NewsComponent>\n<Role FormalName="Main"/>\n'
        + NITF_TEXT
        + "</NewsComponent>\n"
        + PHOTO_COMPONENT
        + "</NewsComponent>\n"
    )
)
"""A package: a text component and a photo component (caption and two renditions)."""

PHOTO = newsml(
    news_item(
        "<NewsComponent>\n<NewsLines><HeadLine>Boats at the harbour</HeadLine></NewsLines>\n"
        + PHOTO_COMPONENT.replace('<Role FormalName="Photo"/>\n', "")
        + "</NewsComponent>\n",
        identifier="PH-1",
    )
)
"""A photo item with a headline: an article with one image and no body."""

HTML_CDATA = newsml(
    news_item(
        '<NewsComponent Essential="no" EquivalentsList="no">\n'
        "<NewsLines>\n<HeadLine>\n<![CDATA[Jobs figures improve]]>\n</HeadLine>\n"
        "<SubHeadLine><![CDATA[Hiring grew in March.]]></SubHeadLine>\n"
        "<CreditLine>EX</CreditLine>\n</NewsLines>\n"
        '<NewsComponent>\n<Role FormalName="Main"/>\n<ContentItem>\n'
        '<MediaType FormalName="Text"/>\n<Format FormalName="HTML"/>\n'
        "<DataContent><![CDATA[<P>Hiring grew in March.</P>\n<P>It was the best month "
        "since 2001.</P>\n<P> </P>]]></DataContent>\n</ContentItem>\n</NewsComponent>\n"
        "</NewsComponent>\n",
        lang="EN",
    )
)
"""An HTML body in a CDATA section with upper-case tags (as ANA sends them)."""

XHTML = newsml(
    news_item(
        "<NewsComponent>\n<NewsLines><HeadLine>Council votes budget</HeadLine>\n"
        "<ByLine>By Ana Lind</ByLine></NewsLines>\n<ContentItem>\n"
        '<MediaType FormalName="Text"/>\n<MimeType FormalName="application/xhtml+xml"/>\n'
        '<DataContent>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>\n'
        "<p>The council voted the budget.</p>\n<h2>Reactions</h2>\n<p>Few objected.</p>\n"
        "</body></html>\n</DataContent>\n</ContentItem>\n</NewsComponent>\n"
    )
)
"""An XHTML body in the XHTML namespace, with a heading."""

PLAIN = newsml(
    news_item(
        "<NewsComponent>\n<NewsLines><HeadLine>Plain story</HeadLine></NewsLines>\n"
        '<ContentItem>\n<MediaType FormalName="Text"/>\n<MimeType FormalName="text/plain"/>\n'
        "<DataContent>\n    First paragraph, which runs\n    over two lines.\n\n"
        "    Second paragraph.\n</DataContent>\n</ContentItem>\n</NewsComponent>\n"
    )
)
"""A plain-text body, paragraphs separated by a blank line."""
