"""NITF's generic ``head/meta``: every foreign ``meta`` key is written there and read back.

A ``meta`` key the ``nitf`` format has no element of its own for (the html
format's provenance keys, an agency's ``anpa-sequence``) is a
``<meta name="KEY" content="VALUE"/>`` of the ``head``, its value kept exactly;
NewsML-G2 writes the same into its inline NITF.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import Article, RenderError, Section

from newsparse_iptc.nitf import names

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<nitf>
  <head>
    <title>Ice closes the harbour</title>
{metas}
    <docdata><doc-id id-string="TX-1"/></docdata>
  </head>
  <body><body.content><p>Ice.</p></body.content></body>
</nitf>
"""


def _nitf(*metas: str) -> str:
    return _HEAD.format(metas="\n".join(f"    {meta}" for meta in metas))


def test_head_meta_elements_are_read_into_meta_exactly() -> None:
    text = _nitf(
        '<meta name="anpa-sequence" content="0349"/>',
        '<meta name="anpa-takekey" content=""/>',
        '<meta name="NTBMeldingsSign"/>',
        '<meta name="html.title-source" content="  og:title &#10;second line"/>',
    )
    (article,) = newsparse.parse(text, "nitf")
    assert dict(article.meta) == {
        "anpa-sequence": "0349",
        "anpa-takekey": "",
        "NTBMeldingsSign": "",  # content is required by NITF; a meta without it holds nothing
        "html.title-source": "  og:title \nsecond line",
        names.DOC_ID: "TX-1",
    }


def test_several_metas_of_one_name_are_one_value_of_lines() -> None:
    text = _nitf('<meta name="selector" content="pxx"/>', '<meta name="selector" content="0ah"/>')
    (article,) = newsparse.parse(text, "nitf")
    assert article.meta["selector"] == "pxx\n0ah"
    assert newsparse.parse(newsparse.render([article], "nitf"), "nitf") == [article]


@pytest.mark.parametrize(
    ("meta", "says"),
    [
        ('<meta name="_private" content="x"/>', "'_private' is no meta key"),
        ('<meta name="nitf.doc-id" content="x"/>', "one of the nitf format's own keys"),
        ('<meta http-equiv="Content-Type" content="text/xml"/>', "without a name"),
    ],
)
def test_a_meta_that_cannot_be_read_is_reported_and_the_article_kept(meta: str, says: str) -> None:
    errors: list[newsparse.ParseError] = []
    (article,) = newsparse.parse(
        _nitf('<meta name="kept" content="1"/>', meta), "nitf", on_error=errors.append
    )
    assert article.meta["kept"] == "1"
    assert article.meta[names.DOC_ID] == "TX-1"
    (error,) = errors
    assert says in error.message
    assert "not read" in error.message
    assert error.line == 6  # the line of that meta


def _article(meta: dict[str, str]) -> Article:
    return Article(
        title="Ice closes the harbour",
        body=[Section(paragraphs=["Ice."])],
        url="https://harbour.example/ice",
        meta=meta,
    )


_FOREIGN = {
    "html.title-source": "og:title",
    "html.title-confidence": "0.96",
    "tt.number": "20",
    "spaced": "  two  spaces\tand a tab\nand a line  ",
    "empty": "",
}


def test_foreign_keys_are_written_as_head_meta_and_read_back(
    validate_nitf: Callable[[str], None],
) -> None:
    article = _article({**_FOREIGN, names.URGENCY: "3"})
    text = newsparse.render([article], "nitf")
    validate_nitf(text)
    assert '<meta name="html.title-source" content="og:title"/>' in text
    assert 'content="  two  spaces&#9;and a tab&#10;and a line  "' in text
    assert '<urgency ed-urg="3"/>' in text  # a key of its own keeps its element
    assert newsparse.parse(text, "nitf") == [article]


def test_a_value_xml_cannot_hold_is_refused_by_name() -> None:
    with pytest.raises(RenderError, match=r"meta\['odd'\].*U\+FFFE"):
        newsparse.render([_article({"odd": "a\ufffeb"})], "nitf")


def test_newsml_g2_writes_foreign_keys_into_its_inline_nitf(
    validate_newsml_g2: Callable[[str], None],
) -> None:
    moment = datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc)
    article = Article(
        title="Ice closes the harbour",
        body=[Section(paragraphs=["Ice."])],
        url="https://harbour.example/ice",
        published=moment,
        meta={**_FOREIGN, "newsml-g2.guid": "urn:example:ice"},
    )
    text = newsparse.render([article], "newsml-g2")
    validate_newsml_g2(text)
    assert '<meta name="tt.number" content="20"/>' in text
    assert newsparse.parse(text, "newsml-g2") == [article]
