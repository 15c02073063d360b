"""Rendered NITF is valid against the NITF 3.6 XML Schema, loaded without the network."""

from __future__ import annotations

from collections.abc import Callable

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from iptc_corpus import load_schema, needs_corpus
from newsparse_iptc.nitf.examples import ACCEPTED, CANONICAL
from newsparse_iptc.testing import nitf_articles

pytestmark = needs_corpus


def test_the_schema_loads_from_local_files_only() -> None:
    _, resolver = load_schema("nitf-3-6.xsd")
    assert resolver.refused == []
    # The schema imports xml.xsd and includes the ruby schema, both beside it.
    assert {"xml.xsd", "nitf-3-6-ruby-include.xsd"} <= set(resolver.served)


def test_the_schema_rejects_what_is_not_nitf(nitf_schema: etree.XMLSchema) -> None:
    # Without this the validity tests below could pass on a schema that accepts anything.
    ns = "http://iptc.org/std/NITF/2006-10-18/"
    hedline_missing_hl1 = etree.fromstring(
        f'<nitf xmlns="{ns}"><body><body.head><hedline/></body.head></body></nitf>'
    )
    assert not nitf_schema.validate(hedline_missing_hl1)
    no_namespace = etree.fromstring("<nitf><body/></nitf>")
    assert not nitf_schema.validate(no_namespace)


def test_the_canonical_example_is_valid(validate_nitf: Callable[[str], None]) -> None:
    validate_nitf(CANONICAL)


def test_the_accepted_example_renders_valid(validate_nitf: Callable[[str], None]) -> None:
    validate_nitf(newsparse.render(newsparse.parse(ACCEPTED, "nitf"), "nitf"))


@given(items=st.lists(nitf_articles(), min_size=1, max_size=2))
def test_every_rendered_article_is_valid(
    validate_nitf: Callable[[str], None], items: list[newsparse.Article]
) -> None:
    validate_nitf(newsparse.render(items, "nitf"))


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_input_holds_no_document(text: str) -> None:
    assert newsparse.parse(text, "nitf") == []
