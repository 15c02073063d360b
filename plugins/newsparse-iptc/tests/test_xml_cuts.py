"""Cutting a dump of several XML documents (NITF, NewsML-G2) for parallel parsing.

A new document starts at every line that starts with an XML declaration,
after another one; the pieces, parsed each on its own, must give the
articles and errors of the whole (newsparse.testing.check_cut_points,
check_split), even when a declaration line sits inside a document's text or
a document is broken.
"""

from __future__ import annotations

import newsparse
from hypothesis import given
from hypothesis import strategies as st
from newsparse.testing import check_cut_points, check_split

from newsparse_iptc.newsml_g2.examples import CANONICAL as G2
from newsparse_iptc.nitf.examples import ACCEPTED, CANONICAL

BROKEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">\n'
)
"""A document cut short: an error of its own, the documents around it are read."""

INSIDE = CANONICAL.replace("<dateline>", "<dateline>\n<?xml in the text\n", 1)
"""A line inside a document that starts like a declaration (a new document for the reader)."""

NITF_PIECES = [CANONICAL, ACCEPTED, BROKEN, INSIDE, "\n", "   \n"]


@given(
    parts=st.lists(st.sampled_from(NITF_PIECES), min_size=1, max_size=8),
    data=st.data(),
)
def test_nitf_byte_cuts_parse_like_the_whole(parts: list[str], data: st.DataObject) -> None:
    encoded = "".join(parts).encode("utf-8")
    start = data.draw(st.integers(0, len(encoded)), label="window start")
    end = data.draw(st.integers(start, len(encoded)), label="window end")
    check_cut_points("nitf", encoded, start, end)


@given(
    parts=st.lists(st.sampled_from(NITF_PIECES), min_size=1, max_size=8), size=st.integers(1, 3000)
)
def test_nitf_text_chunks_parse_like_the_whole(parts: list[str], size: int) -> None:
    check_split("nitf", "".join(parts), size)


def test_a_dump_is_cut_before_every_document_but_the_first() -> None:
    text = "".join([CANONICAL, ACCEPTED, BROKEN, CANONICAL])
    # Before BROKEN and the last CANONICAL: the declaration of ACCEPTED is the
    # first after a line feed, and the one at offset 0 may not start a line
    # (the format sees a window of bytes from anywhere).
    assert check_cut_points("nitf", text.encode("utf-8")) == 2
    errors: list[newsparse.ParseError] = []
    assert len(newsparse.parse(text, "nitf", on_error=errors.append)) == 3
    assert len(errors) == 1


def test_newsml_g2_dumps_are_cut_too() -> None:
    text = G2 + G2 + BROKEN.replace("nitf", "newsItem") + G2
    assert check_cut_points("newsml-g2", text.encode("utf-8")) == 2
    check_split("newsml-g2", text, 100)


def test_a_cut_needs_the_whole_declaration_line_in_the_window() -> None:
    data = (CANONICAL * 3).encode("utf-8")
    third = data.rindex(b"<?xml")
    window = data[: third + 10]  # the declaration line is cut short by the window
    assert list(newsparse.formats()["nitf"].cut_points(window)) == []
    assert list(newsparse.formats()["nitf"].cut_points(data)) == [third]
