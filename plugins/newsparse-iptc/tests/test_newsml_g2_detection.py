"""Detection: NewsML-G2, NITF and ninjs are told apart, and nothing else is taken for NewsML-G2."""

from __future__ import annotations

from pathlib import Path

import newsparse
import pytest
from lxml import etree
from newsparse import Article, Section

from iptc_corpus import CORPUS
from newsparse_iptc.newsml_g2.examples import ACCEPTED, CANONICAL, MESSAGE, XHTML
from newsparse_iptc.ninjs.examples import CANONICAL as NINJS
from newsparse_iptc.nitf.examples import ACCEPTED as NITF_ACCEPTED
from newsparse_iptc.nitf.examples import CANONICAL as NITF

NAR = "http://iptc.org/std/nar/2006-10-01/"


def sniff(sample: str) -> float:
    return newsparse.get_format("newsml-g2").sniff(sample)


@pytest.mark.parametrize(
    "sample",
    [
        CANONICAL,
        ACCEPTED,
        XHTML,
        MESSAGE,
        CANONICAL[:400],  # a sample may end anywhere after the first child
        f'<newsItem xmlns="{NAR}" guid="g">\n  <!-- c -->\n  <itemMeta>',
    ],
)
def test_newsml_g2_scores_high(sample: str) -> None:
    assert sniff(sample) == 0.95


def test_other_newsml_g2_items_score_just_below() -> None:
    assert sniff(f'<packageItem xmlns="{NAR}"><itemMeta/></packageItem>') == 0.9
    assert sniff(f'<conceptItem xmlns="{NAR}"><itemMeta/></conceptItem>') == 0.9


def test_a_sample_ending_before_the_first_child_is_probable() -> None:
    assert sniff(f'<?xml version="1.0"?>\n<newsItem xmlns="{NAR}" guid="g">') == 0.6


@pytest.mark.parametrize(
    "sample",
    [
        "",
        "newsItem",
        "<newsItem><itemMeta/></newsItem>",  # no namespace
        '<newsItem xmlns="urn:other"><itemMeta/></newsItem>',
        f'<contentSet xmlns="{NAR}"><inlineXML/></contentSet>',  # a fragment
        f'<newsItem xmlns="{NAR}">text first<itemMeta/></newsItem>',
        f'<newsItem xmlns="{NAR}"><other xmlns="urn:x"/></newsItem>',
        f'<newsItem xmlns="{NAR}"><itemMeta></newsItem>',  # not well-formed
        NITF,
        NITF_ACCEPTED,
        NINJS,
        "<html><body><p>newsItem</p></body></html>",
    ],
)
def test_other_text_scores_zero(sample: str) -> None:
    assert sniff(sample) == 0.0


@pytest.mark.parametrize(
    ("text", "name"),
    [(CANONICAL, "newsml-g2"), (MESSAGE, "newsml-g2"), (NITF, "nitf"), (NINJS, "ninjs")],
)
def test_the_iptc_formats_are_told_apart(text: str, name: str) -> None:
    assert newsparse.detect(text).name == name
    assert newsparse.detect(text.encode("utf-8")).name == name


def test_html_json_and_tt_are_not_newsml_g2() -> None:
    one_line = " ".join(CANONICAL.split())
    article = Article(title="<newsItem>", body=[Section(paragraphs=[one_line])])
    for name in ("json", "html"):
        text = newsparse.render([article], name)
        assert sniff(text) == 0.0
        assert newsparse.detect(text).name == name
    if "tt" in newsparse.formats():
        text = newsparse.render([Article(title="<newsItem>", meta={"tt.number": "1"})], "tt")
        assert sniff(text) == 0.0
        assert newsparse.detect(text).name == "tt"


def _corpus() -> list[Path]:
    if CORPUS is None:
        return []
    return sorted([*CORPUS.glob("examples/*.xml"), *CORPUS.glob("tests/**/*.xml")])


CORPUS_FILES = _corpus()


def _root(path: Path) -> etree.QName:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.QName(etree.parse(str(path), parser).getroot())


@pytest.mark.skipif(CORPUS is None, reason="the IPTC NewsML-G2 corpus is not here")
@pytest.mark.parametrize(
    "path", CORPUS_FILES, ids=[str(p.relative_to(CORPUS or p)) for p in CORPUS_FILES]
)
def test_every_corpus_file_is_detected_by_its_root(path: Path) -> None:
    root = _root(path)
    data = path.read_bytes()
    if root.namespace == NAR and root.localname in {
        "newsItem",
        "newsMessage",
        "packageItem",
        "conceptItem",
        "knowledgeItem",
        "planningItem",
        "catalogItem",
        "catalog",
    }:
        assert newsparse.detect(data).name == "newsml-g2"
    elif not root.namespace and root.localname in {"contentSet", "contentMeta", "groupSet"}:
        # The guidelines' excerpts: NewsML-G2, and an error saying so (not HTML).
        assert newsparse.detect(data).name == "newsml-g2"
        with pytest.raises(newsparse.ParseError, match="fragment"):
            newsparse.parse(data, "newsml-g2")
    else:
        # Other roots: never NewsML-G2, NITF or ninjs.
        try:
            found = newsparse.detect(data).name
        except newsparse.NewsparseError:
            found = None
        assert found not in {"newsml-g2", "nitf", "ninjs"}
