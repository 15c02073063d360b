"""AFP's NewsML 1.2 sample (``../shared/corpora/wire/afp.xml``), with values read from the file."""

from __future__ import annotations

from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import Article

from newsml1_corpus import WIRE
from newsparse_iptc.newsml1 import names

AFP = WIRE / "afp.xml"
needs_afp = pytest.mark.skipif(not AFP.is_file(), reason=f"the AFP sample is not at {AFP}")


@pytest.fixture(scope="module")
def article() -> Article:
    (found,) = newsparse.parse(AFP)  # detected
    return found


@needs_afp
def test_headline(article: Article) -> None:
    assert article.title == "Sweden court accepts receivership for Saab carmaker"


@needs_afp
def test_first_and_last_paragraphs(article: Article) -> None:
    paragraphs = article.paragraphs
    assert len(paragraphs) == 10
    assert paragraphs[0] == (
        "A Chinese-owned company set up to take over Saab's assets after the troubled "
        "Swedish carmaker's bankruptcy said on Friday it had succeeded in being placed "
        "in receivership."
    )
    assert paragraphs[8] == (
        "Saab automobile offers only one model today -- the 9-3 Aero Sedan -- and under "
        "NEVS ownership the company has targeted the Chinese market with a line of "
        "electric cars."
    )


@needs_afp
def test_the_staff_sign_off_is_kept_as_the_last_paragraph(article: Article) -> None:
    # Documented on the reference page: the body is kept as the agency sent it.
    assert article.paragraphs[-1] == "hh/ph/ts/hd"


@needs_afp
def test_a_trailing_space_in_a_paragraph_is_dropped(article: Article) -> None:
    assert article.paragraphs[1].endswith("new sources of financing.")


@needs_afp
def test_metadata(article: Article) -> None:
    assert article.published == datetime(2014, 8, 29, 13, 49, 51, tzinfo=timezone.utc)
    assert article.modified is None  # ThisRevisionCreated repeats FirstCreated
    assert article.language == "en"
    assert article.publisher == "AFP"
    assert article.topics[:2] == ("04011002", "04016007")
    assert article.topics[-6:] == ("Sweden", "China", "auto", "business", "bankruptcy", "Saab")
    meta = article.meta
    assert meta[names.PUBLIC_IDENTIFIER] == "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1"
    assert meta[names.DATELINE] == "STOCKHOLM, Aug 29, 2014 (AFP) -"
    assert meta[names.SLUGLINE] == "Sweden-SAAB"
    assert meta[names.URGENCY] == "4"
    assert meta[names.GENRE] == "business\nbankruptcy"
    assert meta[names.LOCATION] == "Country=SWE; City=Stockholm"
    assert meta[names.ENVELOPE_DATE] == "20140829T135006Z"


@needs_afp
def test_nothing_is_reported() -> None:
    errors: list[newsparse.ParseError] = []
    newsparse.parse(AFP, "newsml1", on_error=errors.append)
    assert errors == []
