"""Reading NITF: each field of the mapping, checked against hand-written documents."""

from __future__ import annotations

from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import Image, ListBlock, ListItem, Mark, Paragraph, Section

import harbour_story
from newsparse_iptc.nitf.examples import ACCEPTED, CANONICAL

NS = "http://iptc.org/std/NITF/2006-10-18/"


def one(text: str) -> newsparse.Article:
    (article,) = newsparse.parse(text, "nitf")
    return article


def nitf(head: str = "", body_head: str = "", content: str = "", *, ns: bool = True) -> str:
    hedline = "<hedline><hl1>Headline</hl1></hedline>"
    xmlns = f' xmlns="{NS}"' if ns else ""
    return (
        f"<nitf{xmlns}><head>{head}</head><body><body.head>{hedline}{body_head}</body.head>"
        f"<body.content>{content}</body.content></body></nitf>"
    )


def test_canonical_example_field_by_field() -> None:
    article = one(CANONICAL)
    harbour_story.assert_fields(article)
    assert dict(article.meta) == {
        "nitf.doc-id": "npx-2024-0117",
        "nitf.urgency": "3",
        "nitf.copyright.year": "2024",
        "nitf.copyright.holder": "Harbour Post",
        "nitf.hl2": "Ferries run from the outer quay until Friday",
        "nitf.byttl": "Harbour reporter",
        "nitf.dateline": "NORDVIK, Jan 17",
        "nitf.note": "Corrects the name of the quay.",
        "nitf.note.class": "editorsnote",
        "nitf.note.type": "npa",
    }


def test_accepted_example_field_by_field() -> None:
    article = one(ACCEPTED)
    # No namespace, a DOCTYPE naming a DTD that is not loaded, indented headline.
    assert article.title == "Ice closes the inner harbour"
    assert article.meta["nitf.title"] == "Ice closes harbour"
    # "By Ana Lind, <byttl>Harbour reporter</byttl>": prose byline.
    assert article.authors == ("Ana Lind",)
    assert article.meta["nitf.byttl"] == "Harbour reporter"
    # Basic format without seconds, "Z" for UTC.
    assert article.published == datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc)
    # The subject's most specific name; "&amp;" is an ampersand.
    assert article.topics == ("Economy, Business & Finance",)
    # block is read through; em is an emphasis mark, br a space; ul is a
    # list; &nbsp; is U+00A0; hr holds no text.
    text = "Ice 30 centimetres thick closed the harbour."
    assert text[4:18] == "30 centimetres"
    assert article.body == (
        Section(
            blocks=(
                Paragraph(text=text, marks=[Mark(kind="emphasis", start=4, end=18)]),
                ListBlock(items=[ListItem(text="Outer quay open"), ListItem(text="Bus link runs")]),
            )
        ),
        Section(heading="What travellers should do", paragraphs=("Allow\u00a0more time.",)),
    )
    assert article.images == ()


@pytest.mark.parametrize("ns", [True, False])
def test_with_or_without_namespace(ns: bool) -> None:
    article = one(nitf(content="<p>One.</p>", ns=ns))
    assert (article.title, article.paragraphs) == ("Headline", ("One.",))


def test_elements_of_another_namespace_are_not_read_and_are_reported() -> None:
    text = nitf(content='<p>Kept.</p><x:p xmlns:x="urn:other">Foreign.</x:p><x:e xmlns:x="urn:o"/>')
    errors: list[newsparse.ParseError] = []
    (article,) = newsparse.parse(text, "nitf", on_error=errors.append)
    assert article.paragraphs == ("Kept.",)
    # The empty foreign element holds no text: nothing to report.
    assert [(error.line, error.column, error.excerpt) for error in errors] == [(1, 158, "Foreign.")]
    assert "<p> element is not read: it is in another namespace" in errors[0].message


def test_other_namespace_for_nitf_itself_is_refused() -> None:
    with pytest.raises(newsparse.ParseError, match="not NITF"):
        newsparse.parse('<nitf xmlns="urn:other"><body/></nitf>', "nitf")


@pytest.mark.parametrize(
    ("byline", "authors", "titles"),
    [
        (
            "<byline>By Meredith Jameson, <byttl>Staff Reporter</byttl></byline>",
            ("Meredith Jameson",),
            "Staff Reporter",
        ),
        ("<byline>by  Jo Park</byline>", ("Jo Park",), None),
        ("<byline>Jo Park</byline>", ("Jo Park",), None),
        ("<byline><byttl>Sports Network</byttl></byline>", (), "Sports Network"),
        (
            "<byline>By <person>Ann Li</person> and <person>Bo Wu</person></byline>",
            ("Ann Li", "Bo Wu"),
            None,
        ),
        (
            "<byline><person>Ann Li</person></byline><byline><person>Ann Li</person></byline>",
            ("Ann Li",),
            None,
        ),
        ("<byline>By Ann Li in <location>Oslo</location></byline>", ("Ann Li in",), None),
    ],
)
def test_bylines(byline: str, authors: tuple[str, ...], titles: str | None) -> None:
    article = one(nitf(body_head=byline))
    assert article.authors == authors
    assert article.meta.get("nitf.byttl") == titles


@pytest.mark.parametrize(
    ("norm", "published", "raw"),
    [
        ("20161121T152106-0500", datetime(2016, 11, 21, 20, 21, 6, tzinfo=timezone.utc), None),
        ("2016-11-21T15:21:06+05:30", datetime(2016, 11, 21, 9, 51, 6, tzinfo=timezone.utc), None),
        (
            "20161121T152106.25Z",
            datetime(2016, 11, 21, 15, 21, 6, 250000, tzinfo=timezone.utc),
            None,
        ),
        ("20161121", None, "20161121"),  # no time: kept as written
        ("20161121T152106", None, "20161121T152106"),  # no offset: kept as written
        ("20161321T152106Z", None, "20161321T152106Z"),  # month 13
    ],
)
def test_issue_dates(norm: str, published: datetime | None, raw: str | None) -> None:
    article = one(nitf(head=f'<docdata><date.issue norm="{norm}"/></docdata>'))
    assert article.published == published
    assert article.meta.get("nitf.date.issue") == raw


def test_latest_revision_is_modified() -> None:
    head = (
        '<revision-history norm="20200101T000000Z"/>'
        '<revision-history norm="not a date"/>'
        '<revision-history norm="20200102T000000+0100"/>'
    )
    assert one(nitf(head=head)).modified == datetime(2020, 1, 1, 23, 0, tzinfo=timezone.utc)


def test_head_title_is_the_title_when_there_is_no_hl1() -> None:
    text = f'<nitf xmlns="{NS}"><head><title>From the head</title></head><body/></nitf>'
    article = one(text)
    assert article.title == "From the head"
    assert "nitf.title" not in article.meta


def test_keywords_and_subjects_are_topics_once_each() -> None:
    head = (
        '<tobject><tobject.subject tobject.subject.refnum="15000000" tobject.subject.type="Sport"'
        ' tobject.subject.matter="Football"/></tobject>'
        '<docdata><key-list><keyword key="Football"/><keyword key="  derby  "/></key-list>'
        "</docdata>"
    )
    assert one(nitf(head=head)).topics == ("Football", "derby")


def test_media_of_every_kind() -> None:
    content = (
        '<media media-type="image"><media-reference source=" a b.jpg "/></media>'
        '<media media-type="Photo"><media-reference source-credit="AFP"/>'
        "<media-caption><p>Two</p><p>lines</p></media-caption></media>"
        '<media media-type="audio"><media-reference source="a.mp3"/></media>'
        '<media media-type="image"><media-reference/></media>'
    )
    errors: list[newsparse.ParseError] = []
    (article,) = newsparse.parse(nitf(content=content), "nitf", on_error=errors.append)
    assert article.images == (
        Image(url="a%20b.jpg"),
        Image(caption="Two lines", credit="AFP"),
    )
    # The audio is no image: reported, not dropped silently.
    (error,) = errors
    assert "<media> element is not read: a audio media element is no image" in error.message


def test_abstract_paragraphs_make_the_summary() -> None:
    body_head = "<abstract><p>First.</p><p> </p><p>Second\n  line.</p></abstract>"
    assert one(nitf(body_head=body_head)).summary == "First.\n\nSecond line."


def test_headings_without_paragraphs_and_empty_paragraphs() -> None:
    content = "<hl2>Alone</hl2><hl2>Next</hl2><p/><p>Text</p>"
    assert one(nitf(content=content)).body == (
        Section(heading="Alone"),
        Section(heading="Next", paragraphs=("Text",)),
    )


def test_characters_the_model_forbids_are_spaces() -> None:
    # XML holds C1 controls and U+2028 as characters; the model does not.
    content = "<p>a&#x85;b\u2028c&#x7f;d</p>"
    assert one(nitf(content=content)).paragraphs == ("a b c d",)


def test_language_tags() -> None:
    assert one(nitf().replace("<nitf ", '<nitf xml:lang="pt-BR" ')).language == "pt-BR"
    # Not a language tag (XML Schema refuses it too): not read.
    assert one(nitf().replace("<nitf ", '<nitf xml:lang="en_US!" ')).language is None
    body_lang = nitf().replace("<body>", '<body xml:lang="de">')
    assert one(body_lang).language == "de"


def test_several_documents_one_after_the_other() -> None:
    first = '<?xml version="1.0"?>\n' + nitf(content="<p>One</p>") + "\n"
    second = '<?xml version="1.0" encoding="UTF-8"?>\n' + nitf(content="<p>Two</p>") + "\n"
    articles = newsparse.parse(first + "\n" + second, "nitf")
    assert [article.paragraphs for article in articles] == [("One",), ("Two",)]


def test_latin1_bytes_declared_in_the_xml_declaration() -> None:
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + nitf(content="<p>Caf\u00e9</p>")
    assert one_bytes(text.encode("latin-1")).paragraphs == ("Caf\u00e9",)


def one_bytes(data: bytes) -> newsparse.Article:
    (article,) = newsparse.parse(data, "nitf")
    return article


def test_release_and_expiry_dates_are_kept_as_written() -> None:
    head = (
        '<docdata><date.release norm="20240118T060000Z"/><date.expire norm=" 2024-02 "/>'
        '<doc-id id-string="a"/><doc-id id-string="b"/></docdata>'
    )
    meta = one(nitf(head=head)).meta
    assert meta["nitf.date.release"] == "20240118T060000Z"
    assert meta["nitf.date.expire"] == "2024-02"
    assert meta["nitf.doc-id"] == "a"  # the first one counts
