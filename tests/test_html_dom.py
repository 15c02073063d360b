"""Helpers on the parsed page: addresses and removing elements (html.dom)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, html

from newsparse import Image
from newsparse._formats.html.dom import clean_url, remove_keeping_tail, text_content


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://example.org/a.jpg", "https://example.org/a.jpg"),
        ("  https://example.org/a.jpg \n", "https://example.org/a.jpg"),
        ("https://example.org/my photo.jpg", "https://example.org/my%20photo.jpg"),
        ("https://example.org/a\tb\nc.jpg", "https://example.org/abc.jpg"),
        ("https://example.org/\x03.jpg", "https://example.org/%03.jpg"),
        ("https://example.org/\u00a0\u3000.jpg", "https://example.org/%C2%A0%E3%80%80.jpg"),
        ("https://example.org/caf\u00e9.jpg", "https://example.org/caf\u00e9.jpg"),
        ("/relative/a.jpg", "/relative/a.jpg"),
        ("data:image/gif;base64,R0lGOD", None),
        ("DATA:image/png;base64,iVBOR", None),
        ("https://example.org/" + "a" * 4000, None),
        (" \t\n", None),
        ("", None),
        (None, None),
    ],
)
def test_clean_url(value: str | None, url: str | None) -> None:
    assert clean_url(value) == url


@given(st.text())
def test_any_cleaned_address_is_a_valid_image_url(value: str) -> None:
    url = clean_url(value)
    if url is not None:
        assert Image(url=url).url == url


def child(root: etree._Element, tag: str) -> etree._Element:
    found = root.find(tag)
    assert found is not None
    return found


def test_a_removed_element_keeps_its_tail_even_with_control_characters() -> None:
    root = html.fromstring("<p>one<script>x()</script>\x0b two<b>three</b></p>")
    remove_keeping_tail(child(root, "script"))
    assert root.text == "one  two"
    remove_keeping_tail(child(root, "b"))
    assert root.text == "one  two"  # the <b>'s own text goes with it; it had no tail
    root = html.fromstring("<p><i>a</i><span>b</span>\x01c</p>")
    remove_keeping_tail(child(root, "span"))
    assert child(root, "i").tail == " c"


def test_text_content_is_the_xpath_string_value() -> None:
    # text_content serializes the text; it must give XPath's string() exactly,
    # in a tree holding what an XML parser can put there too.
    string_value = etree.XPath("string()", smart_strings=False)
    parser = etree.XMLParser(resolve_entities=False)
    root = etree.fromstring(
        '<!DOCTYPE d [<!ENTITY co "Acme">]><d><p>a<!--note-->b<?pi x?><![CDATA[c<d]]>'
        "<b>bold &co; &amp; more</b> tail\u00a0x</p><p>second</p>after</d>",
        parser=parser,
    )
    for element in root.iter(etree.Element):
        assert text_content(element) == string_value(element)
    assert text_content(root[0]) == "abc<dbold Acme & more tail\u00a0x"
