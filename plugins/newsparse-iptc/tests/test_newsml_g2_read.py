"""Reading NewsML-G2: each field of the mapping, checked against hand-written items."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsparse
import pytest
from newsparse import (
    Image,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Section,
    Table,
    TableCell,
    TableRow,
)

import harbour_story
from newsparse_iptc.newsml_g2.examples import ACCEPTED, CANONICAL, MESSAGE, XHTML

NAR = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
ITEM_META = (
    '<itemMeta><itemClass qcode="ninat:text"/><provider/>'
    "<versionCreated>2024-01-17T08:30:00Z</versionCreated>{}</itemMeta>"
)


def item(content_meta: str = "", content: str = "", item_meta: str = "", attrs: str = "") -> str:
    return (
        f'<newsItem xmlns="{NAR}" guid="g"{attrs} standard="NewsML-G2" standardversion="2.35">'
        f"{ITEM_META.format(item_meta)}<contentMeta>{content_meta}</contentMeta>"
        f"<contentSet>{content}</contentSet></newsItem>"
    )


def nitf(body_head: str = "", content: str = "", head: str = "") -> str:
    return (
        f'<inlineXML contenttype="application/nitf+xml"><nitf xmlns="{NITF}">'
        f"<head>{head}</head><body><body.head>{body_head}</body.head>"
        f"<body.content>{content}</body.content></body></nitf></inlineXML>"
    )


def one(text: str) -> newsparse.Article:
    (article,) = newsparse.parse(text, "newsml-g2")
    return article


HEADLINE = "<headline>Headline</headline>"


def test_canonical_example_field_by_field() -> None:
    article = one(CANONICAL)
    harbour_story.assert_fields(article)
    assert dict(article.meta) == {
        "newsml-g2.guid": "urn:newsml:harbour.example:20240117:ice",
        "newsml-g2.version": "3",
        "newsml-g2.copyright.holder": "Harbour Post",
        "newsml-g2.copyright.notice": "Copyright 2024 Harbour Post",
        "newsml-g2.provider": "nprov:HARBOUR",
        "newsml-g2.pubStatus": "stat:usable",
        "newsml-g2.edNote": "Updates the 08:30 story.",
        "newsml-g2.urgency": "3",
        "newsml-g2.contentCreated": "2024-01-17",
        "newsml-g2.located": "Nordvik",
        "newsml-g2.genre": "Current",
        "newsml-g2.slugline": "NORDVIK-ICE",
        "newsml-g2.subheadline": "Ferries run from the outer quay until Friday",
        "newsml-g2.dateline": "NORDVIK, Jan 17",
        "nitf.byttl": "Harbour reporter",
    }


def test_accepted_example_prefix_plain_text_and_byline() -> None:
    article = one(ACCEPTED)
    assert article.title == "Ice closes the inner harbour"
    # No creator: the by line is the author, without its "By".
    assert article.authors == ("Ana Lind",)
    # remoteContent comes first, but the plain-text inlineData is read.
    assert article.paragraphs == ("Ice closed the inner harbour.", "Ferries use the outer quay.")
    # A subject without a name (a bare code) gives no topic.
    assert article.topics == ("economy, business and finance",)
    assert article.published is None
    assert article.modified == datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc)
    assert dict(article.meta) == {
        "newsml-g2.guid": "tag:harbour.example,2024:ice",
        "newsml-g2.provider.uri": "https://harbour.example/",
    }


def test_xhtml_example() -> None:
    article = one(XHTML)
    # "<em>inner</em>": characters 15 to 20 of the paragraph; the ul is a list.
    assert article.body == (
        Section(
            blocks=[
                Paragraph(
                    text="Ice closed the inner harbour.",
                    marks=[Mark(kind="emphasis", start=15, end=20)],
                )
            ]
        ),
        Section(
            heading="What travellers should do",
            blocks=[
                ListBlock(
                    items=[ListItem(text="Use the outer quay."), ListItem(text="Allow more time.")]
                )
            ],
        ),
    )
    assert article.images == (
        Image(url="https://harbour.example/img/ice.jpg", alt="A ferry", caption="The 7:10 ferry."),
    )
    # <provider literal="Harbour Post"/>
    assert article.publisher == "Harbour Post"
    # versionCreated equals firstCreated: the first version, never modified.
    assert article.published == datetime(2024, 1, 17, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    assert article.modified is None
    assert article.summary == "The basin shut at dawn."


def test_a_news_message_gives_an_article_per_text_item() -> None:
    assert [article.title for article in newsparse.parse(MESSAGE, "newsml-g2")] == [
        "Ice closes the inner harbour",
        "Ferries use the outer quay",
    ]


def test_the_item_headline_wins_and_the_nitf_hl1_is_kept() -> None:
    text = item(HEADLINE, nitf("<hedline><hl1>Other</hl1></hedline>"))
    article = one(text)
    assert article.title == "Headline"
    assert article.meta["newsml-g2.nitf.hl1"] == "Other"
    same = one(item(HEADLINE, nitf("<hedline><hl1>Headline</hl1></hedline>")))
    assert "newsml-g2.nitf.hl1" not in same.meta


def test_without_an_item_headline_the_nitf_hl1_is_the_title() -> None:
    article = one(item("", nitf("<hedline><hl1>From NITF</hl1></hedline>")))
    assert article.title == "From NITF"


def test_headline_roles() -> None:
    text = item('<headline role="hlrole:sub">Sub</headline><headline>Main</headline>')
    article = one(text)
    assert article.title == "Main"
    assert article.meta["newsml-g2.subheadline"] == "Sub"
    main_by_role = one(item('<headline>A</headline><headline role="x:main">B</headline>'))
    assert main_by_role.title == "B"
    assert main_by_role.meta["newsml-g2.subheadline"] == "A"


def test_creators_contributors_and_by() -> None:
    text = item(
        '<creator><name>Ana Lind</name></creator><contributor literal="Per Ek"/>'
        "<creator qcode='staff:42'/>" + HEADLINE + "<by>By Ana Lind and Per Ek</by>"
    )
    article = one(text)
    # A party with neither name nor literal (a bare code) is no author.
    assert article.authors == ("Ana Lind", "Per Ek")
    # With creators, the by line is kept as written.
    assert article.meta["newsml-g2.by"] == "By Ana Lind and Per Ek"


def test_keywords_and_subjects_are_topics_in_document_order() -> None:
    text = item(
        '<keyword>ice</keyword><subject qcode="medtop:1"><name xml:lang="en">ports</name>'
        '<name xml:lang="de">Häfen</name></subject><subject literal="ferries"/>'
        "<keyword>ice</keyword>" + HEADLINE
    )
    assert one(text).topics == ("ice", "ports", "ferries")


@pytest.mark.parametrize(
    ("first", "version", "published", "modified", "meta"),
    [
        ("2024-01-17T08:30:00+01:00", "2024-01-18T08:30:00+01:00", True, True, {}),
        (
            "2024-01-17T08:30:00",
            "2024-01-18T08:30:00Z",
            False,
            True,
            {"first": "2024-01-17T08:30:00"},
        ),
        (
            "2024-01-17T08:30:00Z",
            "2024-01-18T08:30:00",
            True,
            False,
            {"version": "2024-01-18T08:30:00"},
        ),
        ("2024-01-17T08:30:00Z", "2024-01-17T08:30:00Z", True, False, {}),
    ],
)
def test_dates(
    first: str, version: str, published: bool, modified: bool, meta: dict[str, str]
) -> None:
    item_meta = (
        '<itemMeta><itemClass qcode="ninat:text"/><provider/>'
        f"<versionCreated>{version}</versionCreated><firstCreated>{first}</firstCreated></itemMeta>"
    )
    text = (
        f'<newsItem xmlns="{NAR}" guid="g" standard="NewsML-G2" standardversion="2.35">'
        f"{item_meta}<contentMeta>{HEADLINE}</contentMeta></newsItem>"
    )
    article = one(text)
    assert (article.published is not None) == published
    assert (article.modified is not None) == modified
    assert article.meta.get("newsml-g2.firstCreated") == meta.get("first")
    assert article.meta.get("newsml-g2.versionCreated") == meta.get("version")


def test_a_date_keeps_its_offset() -> None:
    text = item(HEADLINE).replace("2024-01-17T08:30:00Z", "2024-01-17T08:30:00.25-03:30")
    article = one(text)
    assert article.modified == datetime(
        2024, 1, 17, 8, 30, 0, 250000, tzinfo=timezone(-timedelta(hours=3, minutes=30))
    )


def test_language_from_content_meta_then_the_item() -> None:
    assert one(item(HEADLINE, attrs=' xml:lang="de"')).language == "de"
    both = item('<language tag="en-US"/>' + HEADLINE, attrs=' xml:lang="de"')
    assert one(both).language == "en-US"
    assert one(item(HEADLINE, attrs=' xml:lang="not a tag!"')).language is None


def test_description_roles_and_the_nitf_abstract() -> None:
    abstract = nitf("<abstract><p>One.</p><p>Two.</p></abstract>")
    assert one(item(HEADLINE, abstract)).summary == "One.\n\nTwo."
    described = one(item(HEADLINE + "<description>Short.</description>", abstract))
    assert described.summary == "Short."
    assert described.meta["newsml-g2.nitf.abstract"] == "One.\n\nTwo."
    other_role = item(HEADLINE + '<description role="drol:caption">A caption.</description>')
    assert one(other_role).summary is None


def test_rights_and_item_meta() -> None:
    rights = (
        "<rightsInfo><copyrightHolder literal='Harbour Post'/>"
        "<copyrightNotice>(c) 2024</copyrightNotice><usageTerms>Web only</usageTerms></rightsInfo>"
    )
    text = item(HEADLINE, item_meta="<edNote>One.</edNote><edNote>Two.</edNote>").replace(
        "<itemMeta>", rights + "<itemMeta>"
    )
    article = one(text)
    assert article.meta["newsml-g2.copyright.holder"] == "Harbour Post"
    assert article.meta["newsml-g2.copyright.notice"] == "(c) 2024"
    assert article.meta["newsml-g2.usageTerms"] == "Web only"
    assert article.meta["newsml-g2.edNote"] == "One.\nTwo."


def test_inline_data_plain_text() -> None:
    data = '<inlineData contenttype="text/plain">First\n line.\n\n\n  Second.\n</inlineData>'
    assert one(item(HEADLINE, data)).paragraphs == ("First line.", "Second.")


def test_xhtml_without_html_element_and_headings() -> None:
    xhtml = (
        '<inlineXML contenttype="application/xhtml+xml">'
        '<div xmlns="http://www.w3.org/1999/xhtml"><h1>One</h1><p>a</p>'
        "<table><tr><td>a cell</td></tr></table><section><h3>Two</h3><p>b</p></section>"
        '<img src="x.jpg"/></div></inlineXML>'
    )
    article = one(item(HEADLINE, xhtml))
    cell = Table(rows=[TableRow(cells=[TableCell(text="a cell")])])
    assert article.body == (
        Section(heading="One", blocks=[Paragraph(text="a"), cell]),
        Section(heading="Two", paragraphs=("b",)),
    )
    assert article.images == (Image(url="x.jpg"),)


def test_empty_inline_content_is_an_empty_body() -> None:
    empty = '<inlineXML contenttype="application/nitf+xml"><!-- nothing --></inlineXML>'
    assert one(item(HEADLINE, empty)).body == ()
    assert one(item(HEADLINE)).body == ()


def test_a_version_created_at_the_nitf_issue_date_is_no_modification() -> None:
    # No firstCreated: the inline NITF's date.issue is the publication date,
    # and versionCreated (2024-01-17T08:30:00Z in ITEM_META) is that moment.
    issue = '<docdata><date.issue norm="20240117T083000Z"/></docdata>'
    text = item(HEADLINE, nitf(content="<p>Text.</p>", head=issue))
    article = one(text)
    assert article.published == datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc)
    assert article.modified is None
    # ... so that it renders, and reads back the same.
    assert newsparse.parse(newsparse.render([article], "newsml-g2"), "newsml-g2") == [article]
