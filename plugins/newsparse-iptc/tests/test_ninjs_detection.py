"""Detection: ninjs is told apart from newsparse's JSON, JSON Lines, NITF, TT and HTML."""

from __future__ import annotations

import newsparse
import pytest
from newsparse import Article, Section

from newsparse_iptc.ninjs.examples import ACCEPTED, CANONICAL
from newsparse_iptc.nitf.examples import CANONICAL as NITF


def sniff(sample: str) -> float:
    return newsparse.get_format("ninjs").sniff(sample)


@pytest.mark.parametrize("text", [CANONICAL, *ACCEPTED])
def test_ninjs_is_detected(text: str) -> None:
    # ninjs 1.x (a headline string and a body_html, no headlines array) is less sure.
    assert sniff(text) == (0.95 if '"headlines"' in text else 0.9)
    assert newsparse.detect(text).name == "ninjs"


def test_uri_and_another_ninjs_property_is_probable() -> None:
    assert sniff('{"uri": "u", "versionCreated": "2024-01-01T00:00:00Z"}') == 0.6


ARTICLE = Article(
    title="uri",
    url="urn:x",
    topics=["headlines"],
    body=[Section(paragraphs=['"uri": "x", "headlines": [ ]'])],
    meta={"uri": "x", "headlines": "[1]"},
)


@pytest.mark.parametrize("format_name", ["json", "jsonl", "html"])
def test_newsparse_output_is_not_ninjs(format_name: str) -> None:
    text = newsparse.render([ARTICLE, ARTICLE], format_name)
    assert sniff(text) < 0.9
    assert newsparse.detect(text).name == format_name


def test_nitf_and_tt_are_not_ninjs() -> None:
    assert sniff(NITF) == 0.0
    assert newsparse.get_format("nitf").sniff(CANONICAL) == 0.0
    if "tt" in newsparse.formats():
        text = newsparse.render([Article(title='{"uri": "u"}', meta={"tt.number": "1"})], "tt")
        assert sniff(text) == 0.0
