"""Rendering ninjs: what it writes, and what it refuses rather than lose."""

from __future__ import annotations

import json

import newsparse
import pytest
from newsparse import Article, Image, RenderError, Section


def test_smallest_article() -> None:
    text = newsparse.render([Article(title="Rain", url="urn:rain")], "ninjs")
    assert json.loads(text) == {
        "uri": "urn:rain",
        "type": "text",
        "standard": {
            "name": "ninjs",
            "version": "3.0",
            "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json",
        },
        "headlines": [{"role": "main", "value": "Rain"}],
    }
    assert text.endswith("}\n")


def test_body_markup_is_escaped() -> None:
    article = Article(title="T", url="u", body=[Section(heading="<h2>", paragraphs=["a & <b>"])])
    text = newsparse.render([article], "ninjs")
    assert json.loads(text)["bodies"][0]["value"] == "<h2>&lt;h2&gt;</h2>\n<p>a &amp; &lt;b&gt;</p>"
    assert newsparse.parse(text, "ninjs") == [article]


@pytest.mark.parametrize(
    ("article", "field"),
    [
        (Article(title="T"), "url"),
        (Article(title="T", url="u", images=[Image(caption="c")]), "images[0].url"),
        (Article(title="T", url="u", body=[Section(paragraphs=["a  b"])]), "body[0].blocks[0]"),
        (Article(title="T", url="u", body=[Section(paragraphs=["a \nb"])]), "body[0].blocks[0]"),
        (Article(title="T", url="u", body=[Section(paragraphs=["a\tb"])]), "body[0].blocks[0]"),
        (Article(title="T", url="u", body=[Section(heading="H  H")]), "body[0].heading"),
        (
            Article(title="T", url="u", body=[Section(heading="H"), Section(paragraphs=["p"])]),
            "body[1].heading",
        ),
        (Article(title="T", url="u", meta={"nitf.urgency": "1"}), "meta['nitf.urgency']"),
        (Article(title="T", url="u", meta={"ninjs.urgency": "07"}), "meta['ninjs.urgency']"),
        (Article(title="T", url="u", meta={"ninjs.urgency": "high"}), "meta['ninjs.urgency']"),
        (Article(title="T", url="u", meta={"ninjs.pubstatus": "draft"}), "meta['ninjs.pubstatus']"),
    ],
)
def test_refused(article: Article, field: str) -> None:
    with pytest.raises(RenderError) as caught:
        newsparse.render([article], "ninjs")
    assert (caught.value.format, caught.value.field) == ("ninjs", field)
    # A uri (the article's, an image's) and a later section's heading are required.
    assert caught.value.missing == (field in {"url", "images[0].url", "body[1].heading"})


def test_an_image_without_url_is_a_missing_value_naming_the_article() -> None:
    first = Article(title="Fine", url="https://example.com/1")
    second = Article(
        title="Gallery",
        url="https://example.com/2",
        images=[Image(url="https://example.com/a.jpg"), Image(caption="No address")],
    )
    with pytest.raises(RenderError) as caught:
        newsparse.render([first, second], "ninjs")
    assert str(caught.value) == (
        "article 2 (\"Gallery\"): format 'ninjs' requires a value for images[1].url: "
        "an association needs a uri: the image's url"
    )
    assert (caught.value.index, caught.value.title, caught.value.missing) == (1, "Gallery", True)


def test_what_json_keeps_is_kept() -> None:
    # Unlike NITF, ninjs keeps line breaks and spaces in plain-text values.
    article = Article(
        title="T\tab",
        url="u",
        summary="Line one\nline two\n\n  indented",
        images=[Image(url="i", caption="two\nlines", credit="A  B")],
        meta={"ninjs.ednote": "", "ninjs.by": " By A "},
    )
    assert newsparse.parse(newsparse.render([article], "ninjs"), "ninjs") == [article]
