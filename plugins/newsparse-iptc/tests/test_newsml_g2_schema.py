"""Rendered NewsML-G2 is valid against NewsML-G2 2.35 (and its inline NITF against NITF 3.6)."""

from __future__ import annotations

from collections.abc import Callable

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from iptc_corpus import load_newsml_g2_schema, needs_corpus
from newsparse_iptc.newsml_g2.examples import ACCEPTED, CANONICAL, MESSAGE, XHTML
from newsparse_iptc.testing import newsml_g2_articles

pytestmark = needs_corpus

NAR = "http://iptc.org/std/nar/2006-10-01/"


def test_the_schemas_load_from_local_files_only() -> None:
    _, resolver = load_newsml_g2_schema()
    assert resolver.refused == []
    assert set(resolver.served) == {
        "NewsML-G2_2.35-spec-All-Power.xsd",
        "xml.xsd",
        "nitf-3-6.xsd",
        "nitf-3-6-ruby-include.xsd",
    }


def _item(item_meta: str, content: str = "") -> etree._Element:
    return etree.fromstring(
        f'<newsItem xmlns="{NAR}" guid="g" standard="NewsML-G2" standardversion="2.35">'
        f"{item_meta}{content}</newsItem>"
    )


GOOD_META = (
    '<itemMeta><itemClass qcode="ninat:text"/><provider/>'
    "<versionCreated>2024-01-17T08:30:00Z</versionCreated></itemMeta>"
)


def test_the_schema_rejects_what_is_not_newsml_g2(newsml_g2_schema: etree.XMLSchema) -> None:
    # Without this the validity tests below could pass on a schema that accepts anything.
    assert newsml_g2_schema.validate(_item(GOOD_META))
    no_version_created = GOOD_META.replace(
        "<versionCreated>2024-01-17T08:30:00Z</versionCreated>", ""
    )
    assert not newsml_g2_schema.validate(_item(no_version_created))
    not_a_date = GOOD_META.replace("2024-01-17T08:30:00Z", "2024-01-17")
    assert not newsml_g2_schema.validate(_item(not_a_date))


def test_the_schema_checks_the_inline_nitf(newsml_g2_schema: etree.XMLSchema) -> None:
    nitf = '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline>{}'
    nitf += "</hedline></body.head></body></nitf>"
    content = (
        '<contentSet><inlineXML contenttype="application/nitf+xml">{}</inlineXML></contentSet>'
    )
    with_hl1 = content.format(nitf.format("<hl1>T</hl1>"))
    without_hl1 = content.format(nitf.format(""))
    assert newsml_g2_schema.validate(_item(GOOD_META, with_hl1))
    assert not newsml_g2_schema.validate(_item(GOOD_META, without_hl1))


def test_the_canonical_example_is_valid(validate_newsml_g2: Callable[[str], None]) -> None:
    validate_newsml_g2(CANONICAL)


@pytest.mark.parametrize("text", [ACCEPTED, XHTML, MESSAGE], ids=["plain", "xhtml", "message"])
def test_the_accepted_examples_render_valid(
    validate_newsml_g2: Callable[[str], None], text: str
) -> None:
    validate_newsml_g2(newsparse.render(newsparse.parse(text, "newsml-g2"), "newsml-g2"))


@given(items=st.lists(newsml_g2_articles(), min_size=1, max_size=2))
def test_every_rendered_article_is_valid(
    validate_newsml_g2: Callable[[str], None], items: list[newsparse.Article]
) -> None:
    validate_newsml_g2(newsparse.render(items, "newsml-g2"))


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_input_holds_no_document(text: str) -> None:
    assert newsparse.parse(text, "newsml-g2") == []
