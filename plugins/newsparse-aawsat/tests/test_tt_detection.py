"""Detection: TT input is recognised, JSON and HTML are not taken for it."""

from __future__ import annotations

import newsparse
import pytest
from newsparse import Article, Image, Section, UnknownFormatError

HTML = """<!DOCTYPE html>
<html lang="en">

<head><title>TT</title></head>

<body>
<h1>Khamenei Raises Doubts on Negotiations with the West</h1>
<p>TT</p>
<p>20</p>
</body>
</html>
"""

TT_LIKE_JSON_ARTICLE = Article(
    title="TT",
    images=[Image(alt="TT", caption="20")],
    body=[Section(paragraphs=["TT", "20"])],
    meta={"tt.number": "20"},
)


def sniff(sample: str) -> float:
    return newsparse.get_format("tt").sniff(sample)


def test_seed_bytes_are_detected_as_tt(seed_bytes: bytes) -> None:
    assert newsparse.detect(seed_bytes).name == "tt"
    articles = newsparse.parse(seed_bytes)
    assert [article.meta["tt.number"] for article in articles] == ["20", "20"]
    assert len(articles) == 2


def test_seed_with_crlf_and_bom_is_detected(seed_text: str) -> None:
    data = b"\xef\xbb\xbf" + seed_text.replace("\n", "\r\n").encode("utf-8")
    assert newsparse.detect(data).name == "tt"


def test_sniff_scores_tt_high(seed_text: str) -> None:
    assert sniff(seed_text) >= 0.9
    assert sniff("Rain\n\nTT\n20") >= 0.9
    assert sniff("\n\nRain\n\n\nWet street\nTT\n7\n\nIt rained.") >= 0.9


def test_json_is_not_tt() -> None:
    text = newsparse.render([TT_LIKE_JSON_ARTICLE], "json")
    assert sniff(text) == 0.0
    assert newsparse.detect(text.encode("utf-8")).name == "json"
    assert newsparse.parse(text.encode("utf-8")) == [TT_LIKE_JSON_ARTICLE]


def test_json_lines_is_not_tt() -> None:
    text = newsparse.render([TT_LIKE_JSON_ARTICLE, TT_LIKE_JSON_ARTICLE], "jsonl")
    assert sniff(text) == 0.0
    assert newsparse.detect(text).name == "jsonl"


def test_html_is_not_tt() -> None:
    assert sniff(HTML) == 0.0
    try:
        detected = newsparse.detect(HTML.encode("utf-8"))
    except UnknownFormatError:
        return  # no HTML format installed: nothing recognises it, which is right
    assert detected.name != "tt"


@pytest.mark.parametrize(
    "sample",
    [
        "",
        "Just a line of prose.",
        "Rain\n\nIt rained.",
        "Rain\nTT\n20",  # no blank line after the headline
        "Rain\n\n\n\nTT\n20",  # three blank lines: not one article
        "Preamble\nRain\n\nTT\n20",  # the first run is not a single headline
        "Rain\n\nTT\ntwenty",
    ],
)
def test_sniff_rejects_what_does_not_start_like_tt(sample: str) -> None:
    assert sniff(sample) == 0.0
