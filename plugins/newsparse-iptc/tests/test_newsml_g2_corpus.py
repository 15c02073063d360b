"""The IPTC's own NewsML-G2 examples are read as the files say.

Every example is parsed.  What each one should give is worked out here
from the file with XPath, independently of the format's code: one article
per text item (``itemClass`` ``ninat:text``) that has a headline and text in
NITF or XHTML (or none), and one :class:`~newsparse.ParseError` for every
other item, so nothing is skipped silently.  Each article's headline and
paragraphs are checked against the file (``normalize-space``), and it must
render as a valid item that reads back the same.  A few files are also
checked against values copied by hand from their text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import newsparse
import pytest
from lxml import etree

from iptc_corpus import CORPUS, needs_corpus

pytestmark = needs_corpus

NAR = "http://iptc.org/std/nar/2006-10-01/"
NS = {"g": NAR, "n": "http://iptc.org/std/NITF/2006-10-18/"}
READABLE = {"application/nitf+xml", "application/xhtml+xml"}


def _examples() -> list[Path]:
    if CORPUS is None:
        return []
    return sorted(CORPUS.glob("examples/*.xml"))


EXAMPLES = _examples()


def _tree(path: Path) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser).getroot()


def _xpath(element: etree._Element, path: str) -> list[etree._Element]:
    found = element.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return [item for item in found if isinstance(item, etree._Element)]


def _string(element: etree._Element, path: str) -> str:
    found = element.xpath(f"normalize-space({path})", namespaces=NS)
    assert isinstance(found, str)
    return found


def _items(root: etree._Element) -> list[etree._Element]:
    """The items a document holds: the root item, or a message's itemSet children."""
    if root.tag == f"{{{NAR}}}newsMessage":
        return _xpath(root, "g:itemSet/*")
    return [root] if etree.QName(root).namespace == NAR else []


def _readable(item: etree._Element) -> bool:
    """Whether ``item`` is a text item with a headline and text in NITF or XHTML (or none)."""
    if item.tag != f"{{{NAR}}}newsItem":
        return False
    if _string(item, "g:itemMeta/g:itemClass/@qcode") != "ninat:text":
        return False
    if not _string(item, "g:contentMeta/g:headline[1]"):
        return False
    renditions = _xpath(item, "g:contentSet/*")
    return not renditions or renditions[0].get("contenttype") in READABLE


def _reported(item: etree._Element, items: list[etree._Element]) -> bool:
    """Whether ``item`` gives a ParseError: not readable, or a package referring outside."""
    if item.tag != f"{{{NAR}}}packageItem":
        return not _readable(item)
    held = {other.get("guid") for other in items}
    return any(ref.get("residref") not in held for ref in _xpath(item, ".//g:itemRef"))


def test_the_corpus_has_text_items_of_every_kind() -> None:
    names = {path.name for path in EXAMPLES}
    assert {
        "LISTING_1_A_NewsML-G2_News_Item.xml",
        "LISTING_2_NewsML-G2_Text_Document.xml",
        "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
        "LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
        "LISTING_27_Company_Financial_Information.xml",
        "Receiver View.xml",
        "ap_metadata_example.xml",
    } <= names
    readable = [path.name for path in EXAMPLES if any(map(_readable, _items(_tree(path))))]
    assert len(readable) == 5, readable


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_each_example_gives_its_text_items_and_reports_the_rest(
    path: Path, validate_newsml_g2: Callable[[str], None]
) -> None:
    root = _tree(path)
    items = _items(root)
    errors: list[newsparse.ParseError] = []
    articles = newsparse.parse(path, "newsml-g2", on_error=errors.append)
    expected = [item for item in items if _readable(item)]
    if not items:
        # A fragment (contentSet, contentMeta, groupSet) is no NewsML-G2 document.
        assert articles == []
        (error,) = errors
        line: object = root.sourceline  # lxml-stubs mistype it
        assert error.line == line
        return
    assert len(articles) == len(expected)
    assert len(errors) == len([item for item in items if _reported(item, items)])
    for error in errors:
        assert error.source == str(path)
        assert error.line >= 1
    for item, article in zip(expected, articles, strict=True):
        assert article.title == _string(item, "g:contentMeta/g:headline[1]")
        paragraphs = [
            _string(p, ".")
            for p in _xpath(item, "g:contentSet/g:inlineXML[1]/n:nitf/n:body/n:body.content//n:p")
        ]
        assert list(article.paragraphs) == paragraphs
        assert article.meta["newsml-g2.guid"] == _string(item, "@guid")
        rendered = newsparse.render([article], "newsml-g2")
        validate_newsml_g2(rendered)
        assert newsparse.parse(rendered, "newsml-g2") == [article]


def _only(name: str) -> newsparse.Article:
    assert CORPUS is not None
    (article,) = newsparse.parse(CORPUS / "examples" / name, "newsml-g2")
    return article


def test_listing_1_by_hand() -> None:
    article = _only("LISTING_1_A_NewsML-G2_News_Item.xml")
    # <headline> Fed to halt QE to avert "bubble"</headline>
    assert article.title == 'Fed to halt QE to avert "bubble"'
    # The inlineXML holds only comments.
    assert article.body == ()
    assert article.authors == ("Meredith Jameson",)
    cdt = timezone(timedelta(hours=-5))
    assert article.published == datetime(2016, 10, 18, 13, 12, 21, tzinfo=cdt)
    assert article.modified == datetime(2018, 10, 21, 16, 25, 32, tzinfo=cdt)
    assert article.language == "en-GB"
    # Two subjects with names (the first name of each), none from the genre.
    assert article.topics == ("economy, business and finance", "labour market")
    assert article.publisher is None
    assert dict(article.meta) == {
        "newsml-g2.guid": "urn:newsml:acmenews.com:20161018:US-FINANCE-FED",
        "newsml-g2.version": "11",
        "newsml-g2.copyright.holder": "Example Enews LLP",
        "newsml-g2.copyright.notice": "Copyright 2017-18 Example Enews LLP, all rights reserved",
        "newsml-g2.usageTerms": "Not for use outside the United States",
        "newsml-g2.provider": "nprov:REUTERS",
        "newsml-g2.embargoed": "2018-10-23T12:00:00Z",
        "newsml-g2.pubStatus": "stat:usable",
        "newsml-g2.edNote": (
            "Note to editors: STRICTLY EMBARGOED. Not for public release until 12noon "
            "on Friday, October 23, 2018."
        ),
        "newsml-g2.contentCreated": "2016-10-18T11:12:00-05:00",
        "newsml-g2.contentModified": "2018-10-21T16:22:45-05:00",
        "newsml-g2.located": "Berlin",
        "newsml-g2.genre": "Interview",
        "newsml-g2.slugline": "US-Finance-Fed",
    }


def test_listing_2_by_hand() -> None:
    article = _only("LISTING_2_NewsML-G2_Text_Document.xml")
    assert article.title == 'Fed to halt QE to avert "bubble"'
    # The creator, and the NITF byline "By Meredith Jameson," name the same person.
    assert article.authors == ("Meredith Jameson",)
    assert article.meta["nitf.byttl"] == "Staff Reporter"
    assert article.language == "en-US"
    # No firstCreated: no published date; contentCreated is kept as written.
    assert article.published is None
    assert article.meta["newsml-g2.contentCreated"] == "2016-11-21T15:21:06-05:00"
    assert article.meta["newsml-g2.provider.uri"] == "http://www.acmenews.com/about/"
    assert article.topics == (
        "economy, business and finance",
        "central bank",
        "money and monetary policy",
    )
    first, second = article.paragraphs
    assert first.startswith("(New York, NY - October 21) Et, sent luptat luptat, commy Nim")
    assert second.endswith("esto cons dolutpat, si.")


def test_listing_22_by_hand() -> None:
    article = _only("LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    # The item's headline is the title; the NITF's hl1, which differs, is kept.
    assert article.title == (
        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    )
    assert article.meta["newsml-g2.nitf.hl1"] == (
        "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    )
    assert article.authors == ("The Sports Network",)
    # <description role="drol:summary">A pair of teams ... will     square off tonight
    assert article.summary == (
        "A pair of teams coming off big weekend sweeps will square off tonight at Citizens "
        "Bank Park, where the Philadelphia Phillies welcome the Arizona Diamondbacks for "
        "the start of a three-game series."
    )
    # The NITF abstract says the same once its whitespace is collapsed: not kept twice.
    assert "newsml-g2.nitf.abstract" not in article.meta
    assert "Doug Davis" in article.topics
    assert article.meta["newsml-g2.slugline"] == "AAV!PREVIEW-ARI-PHI"
    assert len(article.paragraphs) == 6


def test_listing_27_reads_an_empty_xhtml_rendition() -> None:
    article = _only("LISTING_27_Company_Financial_Information.xml")
    assert article.title == "Acme Widgets announces annual results"
    assert article.body == ()
    # <description role="ANDescRole:abstract">: not the summary role, not read.
    assert article.summary is None
    assert article.topics == ("Acme Widget Sales Inc",)


def test_receiver_view_by_hand() -> None:
    article = _only("Receiver View.xml")
    assert article.title == 'Fed to halt QE to avert "bubble"'
    assert article.meta["newsml-g2.urgency"] == "5"
    # <name>NAG </name>: the space goes.
    assert article.meta["newsml-g2.copyright.holder"] == "NAG"
    assert len(article.paragraphs) == 2


def test_the_message_of_listing_24_reports_each_item() -> None:
    assert CORPUS is not None
    errors: list[newsparse.ParseError] = []
    path = CORPUS / "examples" / "LISTING_24_News_Message_conveying_a_complete_News_Package.xml"
    assert newsparse.parse(path, "newsml-g2", on_error=errors.append) == []
    # The packageItem (line 21) refers to N1-N4, which the message holds:
    # nothing to report.  The four newsItem stubs "....." (lines 27-30) have
    # no item class.
    assert [error.line for error in errors] == [27, 28, 29, 30]
    assert all("not a text item" in error.message for error in errors)
    with pytest.raises(newsparse.ParseError):
        newsparse.parse(path, "newsml-g2")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("LISTING_3_Photo_in_NewsML-G2.xml", "'ninat:picture'"),
        ("ap_metadata_example.xml", "'ninat:video'"),
        ("LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml", "'ninat:composite'"),
        ("LISTING_6_Simple_NewsML-G2_Package.xml", "packageItem"),
        ("LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml", "conceptItem"),
        ("LISTING_21_A_complete_sample_SportsML-G2_document.xml", "application/sportsml+xml"),
        ("LISTING_29_Hop_History.xml", "no headline"),
        ("facet-example-3.xml", "no headline"),  # its <p> is read; it has no headline
    ],
)
def test_what_is_not_read_is_an_error_that_says_why(name: str, why: str) -> None:
    assert CORPUS is not None
    with pytest.raises(newsparse.ParseError) as caught:
        newsparse.parse(CORPUS / "examples" / name, "newsml-g2")
    assert why in caught.value.message


def _wrapped(fragment: Path, extra: str = "") -> str:
    """The fragment inside a minimal text item (its elements take the item's namespace)."""
    body = fragment.read_text(encoding="utf-8").split("?>", 1)[-1]
    return (
        f'<newsItem xmlns="{NAR}" guid="t" standard="NewsML-G2" standardversion="2.35">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider/>'
        f"<versionCreated>2024-01-17T08:30:00Z</versionCreated></itemMeta>{extra}{body}"
        "</newsItem>"
    )


def test_listing_25_is_a_fragment_whose_nitf_reads_inside_an_item() -> None:
    assert CORPUS is not None
    path = CORPUS / "examples" / "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
    with pytest.raises(newsparse.ParseError, match="contentSet"):
        newsparse.parse(path, "newsml-g2")
    (article,) = newsparse.parse(_wrapped(path), "newsml-g2")
    root = _tree(path)
    # No item headline: the NITF's hl1 is the title.
    assert article.title == _string(root, "//n:hl1")
    assert list(article.paragraphs) == [
        _string(p, ".") for p in _xpath(root, "//n:body.content/n:p")
    ]
    assert article.summary == _string(root, "//n:abstract/n:p")
    assert article.meta["nitf.byttl"] == "Sports Network"


def test_listing_28_is_a_fragment_whose_metadata_reads_inside_an_item() -> None:
    assert CORPUS is not None
    path = CORPUS / "examples" / "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml"
    with pytest.raises(newsparse.ParseError, match="contentMeta"):
        newsparse.parse(path, "newsml-g2")
    # It has no headline; a second contentMeta is not allowed, so the
    # headline goes into the fragment's own.
    text = _wrapped(path).replace("</contentMeta>", "<headline>H</headline></contentMeta>")
    (article,) = newsparse.parse(text, "newsml-g2")
    root = _tree(path)
    assert article.meta["newsml-g2.dateline"] == _string(root, "dateline")
    assert article.meta["newsml-g2.contentCreated"] == _string(root, "contentCreated")
    assert article.authors == (_string(root, "creator/name"),)
    assert article.language == _string(root, "language/@tag")
    # The subjects carry names only on their broader concepts: no topics.
    assert article.topics == ()
