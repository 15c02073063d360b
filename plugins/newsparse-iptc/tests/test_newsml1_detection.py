"""Detection: NewsML 1.x is told from NewsML-G2, NITF, ninjs, html, json and tt, in every file."""

from __future__ import annotations

import gzip
from pathlib import Path

import newsparse
import pytest
from lxml import etree
from newsparse import Article, Section

from newsml1_corpus import CORPORA, EXAMPLES
from newsparse_iptc.newsml1.examples import (
    BASIC,
    HTML_CDATA,
    PACKAGE,
    PHOTO,
    PLAIN,
    TWO_ITEMS,
    XHTML,
    news_item,
)
from newsparse_iptc.newsml_g2.examples import CANONICAL as G2
from newsparse_iptc.ninjs.examples import CANONICAL as NINJS
from newsparse_iptc.nitf.examples import CANONICAL as NITF

SCHEMA_NS = "http://iptc.org/std/NewsML/2003-10-10/"


def sniff(sample: str) -> float:
    return newsparse.get_format("newsml1").sniff(sample)


@pytest.mark.parametrize("sample", [BASIC, TWO_ITEMS, PACKAGE, PHOTO, HTML_CDATA, XHTML, PLAIN])
def test_examples_score_high_and_are_detected(sample: str) -> None:
    assert sniff(sample) == 0.95
    assert newsparse.detect(sample).name == "newsml1"
    assert newsparse.detect(sample.encode("utf-8")).name == "newsml1"


def test_a_comment_and_a_doctype_before_the_envelope() -> None:
    sample = (
        '<?xml version="1.0"?>\n<!DOCTYPE NewsML SYSTEM "NewsML_1.2.dtd">\n'
        '<NewsML Version="1.2">\n<!-- AFP -->\n<Catalog Href="x"/>'
    )
    assert sniff(sample) == 0.95


def test_the_schema_namespace_is_newsml1() -> None:
    assert sniff(f'<NewsML xmlns="{SCHEMA_NS}"><NewsEnvelope/></NewsML>') == 0.95


def test_a_bare_news_item_root() -> None:
    assert sniff('<?xml version="1.0"?>\n' + news_item("")) == 0.9


def test_a_sample_ending_before_the_first_child() -> None:
    assert sniff('<?xml version="1.0"?>\n<NewsML Version="1.2">') == 0.6


@pytest.mark.parametrize(
    "sample",
    [
        "",
        "NewsML",
        "<NewsML>text first<NewsEnvelope/></NewsML>",
        '<NewsML xmlns="http://iptc.org/std/nar/2006-10-01/"><NewsEnvelope/></NewsML>',
        '<NewsML><other xmlns="urn:x"/></NewsML>',
        "<NewsML><Body/></NewsML>",
        "<NewsItem><itemMeta/></NewsItem>",
        "<newsml><NewsEnvelope/></newsml>",
        "<NewsML><NewsEnvelope></NewsML>",  # not well-formed
        G2,
        NITF,
        NINJS,
        "<html><body><p>NewsML NewsEnvelope</p></body></html>",
    ],
)
def test_other_text_scores_zero(sample: str) -> None:
    assert sniff(sample) == 0.0


def test_html_json_and_tt_renders_are_not_newsml1() -> None:
    one_line = " ".join(BASIC.split())
    article = Article(title="<NewsML>", body=[Section(paragraphs=[one_line])])
    for name in ("json", "html"):
        text = newsparse.render([article], name)
        assert sniff(text) == 0.0
        assert newsparse.detect(text).name == name
    if "tt" in newsparse.formats():
        text = newsparse.render([Article(title="<NewsML>", meta={"tt.number": "1"})], "tt")
        assert sniff(text) == 0.0
        assert newsparse.detect(text).name == "tt"


def _files() -> list[Path]:
    roots = [CORPORA, *EXAMPLES]
    return sorted(
        {path for root in roots if root.is_dir() for path in root.rglob("*") if path.is_file()}
    )


FILES = _files()


def _is_newsml1(path: Path) -> bool:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return False
    name = etree.QName(root)
    return name.localname == "NewsML" and name.namespace in {None, SCHEMA_NS}


@pytest.mark.skipif(not FILES, reason=f"no shared corpus: looked in {CORPORA} and {EXAMPLES}")
@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_every_shared_file_is_newsml1_exactly_when_its_root_is_newsml(path: Path) -> None:
    try:
        found = newsparse.detect(path).name
    except newsparse.NewsparseError:
        found = None
    assert (found == "newsml1") == _is_newsml1(path), found
