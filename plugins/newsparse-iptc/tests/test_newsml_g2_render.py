"""Rendering NewsML-G2: the shape of the output, and what it refuses rather than lose."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsparse
import pytest
from newsparse import Article, RenderError, Section

UTC = timezone.utc
MOMENT = datetime(2024, 1, 17, 8, 30, tzinfo=UTC)
GUID = {"newsml-g2.guid": "urn:x:1"}


def refused(article: Article) -> RenderError:
    with pytest.raises(RenderError) as caught:
        newsparse.render([article], "newsml-g2")
    assert caught.value.format == "newsml-g2"
    return caught.value


def test_smallest_article() -> None:
    article = Article(title="Rain", modified=MOMENT, meta=GUID)
    assert newsparse.render([article], "newsml-g2") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1"'
        ' standard="NewsML-G2" standardversion="2.35" conformance="power">\n'
        '  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>\n'
        "  <itemMeta>\n"
        '    <itemClass qcode="ninat:text"/>\n'
        "    <provider/>\n"
        "    <versionCreated>2024-01-17T08:30:00+00:00</versionCreated>\n"
        "  </itemMeta>\n"
        "  <contentMeta>\n"
        "    <headline>Rain</headline>\n"
        "  </contentMeta>\n"
        "  <contentSet>\n"
        '    <inlineXML contenttype="application/nitf+xml">\n'
        '      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">\n'
        "        <body>\n"
        "          <body.head>\n"
        "            <hedline>\n"
        "              <hl1>Rain</hl1>\n"
        "            </hedline>\n"
        "          </body.head>\n"
        "        </body>\n"
        "      </nitf>\n"
        "    </inlineXML>\n"
        "  </contentSet>\n"
        "</newsItem>\n"
    )


def test_no_articles_is_no_text() -> None:
    assert newsparse.render([], "newsml-g2") == ""


def test_published_alone_is_also_the_version() -> None:
    text = newsparse.render([Article(title="T", published=MOMENT, meta=GUID)], "newsml-g2")
    assert "<versionCreated>2024-01-17T08:30:00+00:00</versionCreated>" in text
    assert "<firstCreated>2024-01-17T08:30:00+00:00</firstCreated>" in text
    (back,) = newsparse.parse(text, "newsml-g2")
    assert back.published == MOMENT
    assert back.modified is None


def test_a_multi_paragraph_summary_goes_in_the_nitf_abstract() -> None:
    article = Article(title="T", modified=MOMENT, summary="One.\n\nTwo.", meta=GUID)
    text = newsparse.render([article], "newsml-g2")
    assert "<description" not in text
    assert "<abstract>" in text
    assert newsparse.parse(text, "newsml-g2") == [article]


def test_markup_characters_are_escaped() -> None:
    article = Article(
        title='<b> & "q"', modified=MOMENT, body=[Section(paragraphs=["]]> </p>"])], meta=GUID
    )
    text = newsparse.render([article], "newsml-g2")
    assert '<headline>&lt;b&gt; &amp; "q"</headline>' in text
    assert newsparse.parse(text, "newsml-g2") == [article]


def _with(**meta: str) -> Article:
    return Article(title="T", modified=MOMENT, authors=["A"], meta={**GUID, **meta})


@pytest.mark.parametrize(
    ("article", "field"),
    [
        (Article(title="T", modified=MOMENT), "meta['newsml-g2.guid']"),
        (Article(title="T", meta=GUID), "modified"),
        (Article(title="T", published=MOMENT, modified=MOMENT, meta=GUID), "modified"),
        (
            Article(
                title="T",
                modified=MOMENT.astimezone(timezone(timedelta(hours=14, minutes=30))),
                meta=GUID,
            ),
            "modified",
        ),
        (Article(title="Two  spaces", modified=MOMENT, meta=GUID), "title"),
        (
            Article(
                title="T",
                modified=MOMENT,
                meta=GUID,
                body=[Section(heading="H", paragraphs=["a"]), Section(paragraphs=["b"])],
            ),
            "body[1].heading",
        ),
        (_with(**{"tt.number": "\uffff"}), "meta['tt.number']"),
        (_with(**{"newsml-g2.version": "0"}), "meta['newsml-g2.version']"),
        (_with(**{"newsml-g2.urgency": "10"}), "meta['newsml-g2.urgency']"),
        (_with(**{"newsml-g2.pubStatus": "usable"}), "meta['newsml-g2.pubStatus']"),
        (_with(**{"newsml-g2.contentCreated": "yesterday"}), "meta['newsml-g2.contentCreated']"),
        (_with(**{"newsml-g2.contentCreated": "2024-02-30"}), "meta['newsml-g2.contentCreated']"),
        (_with(**{"newsml-g2.embargoed": "2024-01-17"}), "meta['newsml-g2.embargoed']"),
        (
            _with(**{"newsml-g2.versionCreated": "2024-01-17T08:30:00"}),
            "meta['newsml-g2.versionCreated']",
        ),
        (
            _with(**{"newsml-g2.firstCreated": "2024-01-17T08:30:00Z"}),
            "meta['newsml-g2.firstCreated']",
        ),
        (_with(**{"newsml-g2.nitf.hl1": "T"}), "meta['newsml-g2.nitf.hl1']"),
        (_with(**{"nitf.title": "T"}), "meta['nitf.title']"),
        (_with(**{"newsml-g2.nitf.abstract": "A."}), "meta['newsml-g2.nitf.abstract']"),
        (_with(**{"newsml-g2.subheadline": "a\n\nb"}), "meta['newsml-g2.subheadline']"),
        (
            Article(
                title="T",
                modified=MOMENT,
                summary="S.",
                meta={**GUID, "newsml-g2.nitf.abstract": ""},
            ),
            "meta['newsml-g2.nitf.abstract']",
        ),
        (
            Article(title="T", modified=MOMENT, meta={**GUID, "newsml-g2.by": "By A"}),
            "meta['newsml-g2.by']",
        ),
        (_with(**{"nitf.urgency": "very high"}), "meta['nitf.urgency']"),
    ],
)
def test_refused(article: Article, field: str) -> None:
    error = refused(article)
    assert error.field == field
    # A guid, a version date and (in the inline NITF) the heading of a later
    # section are required; the rest is there and cannot be written.
    missing = field in {"meta['newsml-g2.guid']", "body[1].heading"} or (
        field == "modified" and article.modified is None
    )
    assert error.missing == missing


def test_the_inline_headline_is_named_as_the_meta_key_that_holds_it() -> None:
    article = _with(**{"newsml-g2.nitf.hl1": "Two  spaces"})
    assert refused(article).field == "meta['newsml-g2.nitf.hl1']"


def test_a_refused_article_writes_nothing() -> None:
    good = Article(title="Good", modified=MOMENT, meta=GUID)
    bad = Article(title="Bad", modified=MOMENT, meta={**GUID, "newsml-g2.urgency": "10"})
    with pytest.raises(RenderError) as caught:
        newsparse.render([good, bad], "newsml-g2")
    assert (caught.value.index, caught.value.title) == (1, "Bad")
