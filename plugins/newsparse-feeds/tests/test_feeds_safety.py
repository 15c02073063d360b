"""Safe XML and bad input: only NewsparseError, with lines and columns."""

from __future__ import annotations

import contextlib

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsparse import Limits, NewsparseError, ParseError

from feeds import ATOM, RSS1, RSS2, rss


def test_entity_declarations_are_refused() -> None:
    feed = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "aaaa">\n]>\n' + rss(
        "<item><title>&a;</title></item>"
    )
    with pytest.raises(ParseError, match="declares entities") as caught:
        newsparse.parse(feed, "rss")
    assert (caught.value.line, caught.value.column) == (3, 1)


def test_external_doctype_is_not_fetched() -> None:
    feed = (
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://127.0.0.1:9/rss-0.91.dtd">\n' + rss("<item><title>A&nbsp;B</title></item>")
    )
    errors: list[ParseError] = []
    [article] = newsparse.parse(feed, "rss", on_error=errors.append)
    assert article.title == "A B"
    assert errors == []


def test_not_well_formed_has_line_and_column() -> None:
    feed = rss("<item>\n<title>A</titel></item>")
    with pytest.raises(ParseError, match="not well-formed") as caught:
        newsparse.parse(feed, "rss")
    assert caught.value.line == 2
    assert caught.value.column > 1


def test_cdata_keeps_its_ampersands() -> None:
    feed = rss("<item><title><![CDATA[Fish & chips &nbsp;]]></title></item>")
    errors: list[ParseError] = []
    [article] = newsparse.parse(feed, "rss", on_error=errors.append)
    assert errors == []  # CDATA is text: no XML repair made
    # ...but a title holding an entity reference is read as HTML, as feed readers do.
    assert article.title == "Fish & chips"


def test_depth_limit() -> None:
    feed = rss("<item><title>A</title>" + "<x>" * 40 + "</x>" * 40 + "</item>")
    with pytest.raises(ParseError, match="max_depth"):
        newsparse.parse(feed, "rss", limits=Limits(max_depth=20))


def test_wrong_root_for_the_format() -> None:
    with pytest.raises(ParseError, match="not Atom"):
        newsparse.parse(RSS2, "atom")


@given(cut=st.integers(min_value=0, max_value=len(RSS2)))
def test_truncated_feeds_raise_only_newsparse_errors(cut: int) -> None:
    for text, name in ((RSS2, "rss"), (ATOM, "atom"), (RSS1, "rss")):
        with contextlib.suppress(NewsparseError):
            newsparse.parse(text[:cut], name, on_error=lambda error: None)


@given(data=st.data())
def test_mutated_feeds_raise_only_newsparse_errors(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from((RSS2, ATOM, RSS1)))
    position = data.draw(st.integers(min_value=0, max_value=len(text)))
    insert = data.draw(st.text(alphabet="<>&;/\"'!?[]-# \nabc\u00a0\x00\ud800", max_size=8))
    mutated = text[:position] + insert + text[position:]
    with contextlib.suppress(NewsparseError):
        newsparse.parse(mutated, on_error=lambda error: None)
