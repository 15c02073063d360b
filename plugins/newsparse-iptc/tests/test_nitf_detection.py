"""Detection: NITF is recognised by its root element, and nothing else is taken for it."""

from __future__ import annotations

import newsparse
import pytest
from newsparse import Article, Section

from newsparse_iptc.nitf.examples import ACCEPTED, CANONICAL


def sniff(sample: str) -> float:
    return newsparse.get_format("nitf").sniff(sample)


@pytest.mark.parametrize(
    "sample",
    [
        CANONICAL,
        ACCEPTED,
        "<nitf><body/></nitf>",
        "  <!-- feed -->\n<?xml-stylesheet href='x.xsl'?>\n<nitf version='3.3'>\n  <head>",
        '<n:nitf xmlns:n="http://iptc.org/std/NITF/2006-10-18/"><n:body><n:body.head>',
        CANONICAL[:200],  # a sample may end anywhere
    ],
)
def test_nitf_scores_high(sample: str) -> None:
    assert sniff(sample) == 0.95


@pytest.mark.parametrize(
    "sample",
    ["<nitf version='3.3'>", '<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf>\n'],
)
def test_a_sample_ending_before_the_first_child_is_probable(sample: str) -> None:
    assert sniff(sample) == 0.6


@pytest.mark.parametrize(
    "sample",
    [
        "",
        "nitf",
        "<nitfx/>",
        "<html><body><p>nitf</p></body></html>",
        '<?xml version="1.0"?>\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>',
        "<p>Tag soup mentioning <nitf> later</p>",
        '{"title": "<nitf>"}',
        "<nitf>\n\nTT\n1\n\n<nitf>",  # text in the root
        "<nitf><p>x</p></nitf>",  # a first child NITF never has there
        '<nitf xmlns="urn:other"><body/></nitf>',
        "<nitf><body></nitf>",  # not well-formed
    ],
)
def test_other_text_scores_zero(sample: str) -> None:
    assert sniff(sample) == 0.0


def test_detection_picks_nitf_over_html() -> None:
    # NITF has <body> and <p>, which the html format notices too.
    assert newsparse.detect(CANONICAL.encode("utf-8")).name == "nitf"
    assert newsparse.detect(ACCEPTED).name == "nitf"


def test_html_and_json_are_not_nitf() -> None:
    html = "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>"
    assert newsparse.detect(html).name == "html"
    article = Article(title="<nitf>", body=[Section(paragraphs=["<nitf><body/></nitf>"])])
    assert newsparse.detect(newsparse.render([article], "json")).name == "json"
    assert newsparse.detect(newsparse.render([article], "html")).name == "html"


def test_tt_is_not_nitf() -> None:
    if "tt" not in newsparse.formats():
        pytest.skip("the tt plugin is not installed")
    text = newsparse.render([Article(title="<nitf>", meta={"tt.number": "1"})], "tt")
    assert sniff(text) == 0.0
    assert newsparse.detect(text).name == "tt"


def test_a_stream_of_small_documents_is_detected() -> None:
    # Found by the conformance kit: the second document's XML declaration
    # made the first look like broken XML, and html won detection.
    items = [Article(title="news"), Article(title="more news")]
    text = newsparse.render(items, "nitf")
    assert sniff(text) == 0.95
    assert newsparse.parse(text) == items
