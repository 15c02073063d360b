"""Rendering NITF: the shape of the output, and what it refuses rather than lose."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsparse
import pytest
from newsparse import Article, Image, RenderError, Section


def refused(article: Article) -> RenderError:
    with pytest.raises(RenderError) as caught:
        newsparse.render([article], "nitf")
    assert caught.value.format == "nitf"
    return caught.value


def test_smallest_article() -> None:
    assert newsparse.render([Article(title="Rain")], "nitf") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">\n'
        "  <body>\n"
        "    <body.head>\n"
        "      <hedline>\n"
        "        <hl1>Rain</hl1>\n"
        "      </hedline>\n"
        "    </body.head>\n"
        "  </body>\n"
        "</nitf>\n"
    )


def test_no_articles_is_no_text() -> None:
    assert newsparse.render([], "nitf") == ""


def test_dates_keep_their_offset() -> None:
    moment = datetime(2024, 3, 9, 7, 5, 0, 120, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    text = newsparse.render([Article(title="T", published=moment)], "nitf")
    assert '<date.issue norm="20240309T070500.000120-0330"/>' in text


def test_markup_characters_are_escaped() -> None:
    article = Article(title='<b> & "q"', body=[Section(paragraphs=["]]> </p>"])])
    text = newsparse.render([article], "nitf")
    assert '<hl1>&lt;b&gt; &amp; "q"</hl1>' in text
    assert "<p>]]&gt; &lt;/p&gt;</p>" in text
    assert newsparse.parse(text, "nitf") == [article]


@pytest.mark.parametrize(
    ("article", "field"),
    [
        (Article(title="Two  spaces"), "title"),
        (Article(title="T", body=[Section(paragraphs=["line\nbreak"])]), "body[0].blocks[0]"),
        (Article(title="T", body=[Section(paragraphs=["tab\there"])]), "body[0].blocks[0]"),
        (Article(title="T\ufffe"), "title"),
        (
            Article(
                title="T", body=[Section(heading="H", paragraphs=["a"]), Section(paragraphs=["b"])]
            ),
            "body[1].heading",
        ),
        (Article(title="T", images=[Image(caption="two\nlines")]), "images[0].caption"),
        (Article(title="T", authors=["A  B"]), "authors[0]"),
        (Article(title="T", summary="a\n\n\nb"), "summary"),
        (Article(title="T", summary="a\nb"), "summary"),
        (Article(title="T", meta={"tt.number": "2\ufffe"}), "meta['tt.number']"),
        (Article(title="T", meta={"nitf.doc-id": ""}), "meta['nitf.doc-id']"),
        (Article(title="T", meta={"nitf.urgency": "very high"}), "meta['nitf.urgency']"),
        (Article(title="T", meta={"nitf.hl2": "a\n\nb"}), "meta['nitf.hl2']"),
        (Article(title="T", meta={"nitf.title": "T"}), "meta['nitf.title']"),
        (
            Article(
                title="T",
                published=datetime(2024, 1, 1, tzinfo=timezone.utc),
                meta={"nitf.date.issue": "2024"},
            ),
            "meta['nitf.date.issue']",
        ),
        (
            Article(title="T", meta={"nitf.date.issue": "20240101T000000Z"}),
            "meta['nitf.date.issue']",
        ),
    ],
)
def test_refused(article: Article, field: str) -> None:
    error = refused(article)
    assert error.field == field
    # Only an untitled section after the first lacks a value NITF requires (an hl2).
    assert error.missing == (field == "body[1].heading")
    assert ("requires a value for" in str(error)) == error.missing


def test_a_refused_summary_paragraph_is_named_in_the_reason() -> None:
    error = refused(Article(title="T", summary="a\n\n\nb"))
    assert error.reason.startswith("paragraph 2: ")


def test_a_refused_article_writes_nothing() -> None:
    good = Article(title="Good")
    bad = Article(title="Bad", meta={"nitf.urgency": "very high"})
    with pytest.raises(RenderError) as caught:
        newsparse.render([good, bad], "nitf")
    assert (caught.value.index, caught.value.title) == (1, "Bad")
    assert str(caught.value).startswith("article 2 (\"Bad\"): format 'nitf' cannot represent ")
