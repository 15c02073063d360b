"""The NITF the IPTC's own NewsML-G2 examples carry inline is read as the files say.

Each ``nitf`` element found in the corpus (examples and unit-test files) is
read twice: through :func:`~newsparse_iptc.nitf.read.read_nitf`, the path
NewsML-G2 will use, and cut out as a document of its own through the
``nitf`` format.  The headline and paragraphs are checked against the file
with XPath's ``normalize-space`` (independent of the format's code), and the
four example files against values copied by hand from their text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import newsparse
import pytest
from lxml import etree

from iptc_corpus import CORPUS, needs_corpus
from newsparse_iptc.nitf.names import NAMESPACE
from newsparse_iptc.nitf.read import read_nitf

pytestmark = needs_corpus

NS = {"n": NAMESPACE}


def _files() -> list[Path]:
    if CORPUS is None:
        return []
    found = []
    for path in sorted([*CORPUS.glob("examples/*.xml"), *CORPUS.glob("tests/**/*.xml")]):
        if b"<nitf" in path.read_bytes():
            found.append(path)
    return found


def _nitf_elements(path: Path) -> list[etree._Element]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.parse(str(path), parser).getroot()
    return list(root.iter(f"{{{NAMESPACE}}}nitf"))


FILES = _files()


def test_the_corpus_has_inline_nitf() -> None:
    names = {path.name for path in FILES}
    assert {
        "LISTING_2_NewsML-G2_Text_Document.xml",
        "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
        "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
        "Receiver View.xml",
    } <= names


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_headline_and_body_are_what_the_file_holds(
    path: Path, validate_nitf: Callable[[str], None]
) -> None:
    for element in _nitf_elements(path):
        article = read_nitf(element).article()
        hl1 = element.xpath("normalize-space(n:body/n:body.head/n:hedline/n:hl1)", namespaces=NS)
        found = element.xpath("n:body/n:body.content//n:p", namespaces=NS)
        assert isinstance(found, list)
        paragraphs = [p.xpath("normalize-space(.)") for p in found if isinstance(p, etree._Element)]
        assert article.title == hl1
        assert list(article.paragraphs) == paragraphs
        # The same element as a document of its own, through the format.
        text = etree.tostring(element, encoding="unicode")
        assert newsparse.parse(text, "nitf") == [article]
        # It renders as valid NITF 3.6 and reads back the same.
        rendered = newsparse.render([article], "nitf")
        validate_nitf(rendered)
        assert newsparse.parse(rendered, "nitf") == [article]


def _only(name: str) -> newsparse.Article:
    assert CORPUS is not None
    (element,) = _nitf_elements(CORPUS / "examples" / name)
    return read_nitf(element).article()


def test_listing_2_by_hand() -> None:
    article = _only("LISTING_2_NewsML-G2_Text_Document.xml")
    assert article.title == 'Fed to halt QE to avert "bubble"'
    # <byline>By Meredith Jameson, <byttl>Staff Reporter</byttl></byline>
    assert article.authors == ("Meredith Jameson",)
    assert article.meta["nitf.byttl"] == "Staff Reporter"
    first, second = article.paragraphs
    assert first.startswith(
        "(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet"
    )
    assert first.endswith("faccumsan ecte modoloreet ad ex el utat.")
    assert second.startswith("Ugiating ea feugait utat,")
    assert second.endswith("esto cons dolutpat, si.")


def test_listing_22_by_hand() -> None:
    article = _only("LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert article.title == (
        "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    )
    # The byline holds only a byttl: no author.
    assert article.authors == ()
    assert article.meta["nitf.byttl"] == "Sports Network"
    assert article.summary is not None
    assert article.summary.startswith("A pair of teams coming off big weekend sweeps will square")
    assert len(article.paragraphs) == 6
    assert article.paragraphs[0].startswith("(Sports Network) - A pair of teams")
    assert article.paragraphs[5].endswith("over his last six starts.")
    # "is 1-\n 3 with": the line break inside the text is a space.
    assert "is 1- 3 with a 4.81 earned run average" in article.paragraphs[5]


def test_listing_25_by_hand() -> None:
    article = _only("LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml")
    assert article.title == (
        "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    )
    (paragraph,) = article.paragraphs
    assert paragraph.startswith("(Sports Network) - With the Philadelphia Phillies picking up")
    assert paragraph.endswith("looks set to be a clash of the Titans.")


def test_receiver_view_by_hand() -> None:
    article = _only("Receiver View.xml")
    assert article.title == 'Fed to halt QE to avert "bubble"'
    assert article.authors == ("Meredith Jameson",)
    assert article.meta["nitf.byttl"] == "NAG Reporter"
    # "lum doloreet vulla.    </p>": the spaces before the end tag go.
    assert article.paragraphs[0].endswith("ullandit lum doloreet vulla.")
    assert len(article.paragraphs) == 2
