"""Bad and cut input: only ParseError escapes, alike raised or collected (the kit's check)."""

from __future__ import annotations

import newsparse
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from newsparse import ParseError
from newsparse.plugin import Limits
from newsparse.testing import check_reported_like_raised

from wire_samples import agate_story, anpa_story, iptc_story

FORMATS = ("anpa1312", "iptc7901")
SAMPLES = [anpa_story(), agate_story(), iptc_story(), anpa_story() + iptc_story()]

_pieces = st.one_of(
    st.sampled_from(["\x01", "\x02", "\x03", "\x04", "\x16", "\x7f", "\x00", "\x08", "\x10"]),
    st.sampled_from(["\n", "\r\n", "\r", "\t   ", "^", "<", "=", " _ ", "``", "''", "{"]),
    st.sampled_from(["W1234\x1fsel\n", "r a\x13\x11 BC-Key  01-02 0300\n", "By A and B=\n"]),
    st.sampled_from(["eca062 4 i 211 x\n", "Key/word/\n", "Head =\n", "dpa ab cd\n"]),
    st.sampled_from(["AP-WF-11-13-13 1509GMT", "131137 GMT Nov 13", "310960 GMT Feb 99"]),
    st.binary(max_size=8).map(lambda b: b.decode("latin-1")),
    st.text(max_size=8),
)


@given(st.lists(_pieces, max_size=40).map("".join), st.sampled_from(FORMATS))
def test_random_control_code_text_raises_only_parse_errors(text: str, name: str) -> None:
    # The kit counts the lines of its text by "\n"; a lone CR, which newsparse
    # reads as a line end, would make it count too few, so it is made "\n" here
    # (the line-end tests cover CR).
    check_reported_like_raised(name, text.replace("\r\n", "\n").replace("\r", "\n"))


@given(st.binary(max_size=300), st.sampled_from(FORMATS))
def test_random_bytes_raise_only_parse_errors(data: bytes, name: str) -> None:
    # Collecting, nothing is raised: a PluginError would mean the reader broke.
    newsparse.parse(data, name, on_error=lambda error: None)


@pytest.mark.parametrize("sample", range(len(SAMPLES)))
@pytest.mark.parametrize("name", FORMATS)
def test_every_truncation_of_the_samples(sample: int, name: str) -> None:
    text = SAMPLES[sample].decode("latin-1")
    for cut in range(len(text) + 1):
        check_reported_like_raised(name, text[:cut])


def test_a_story_over_the_article_limit_ends_the_parse() -> None:
    data = anpa_story() + b"\x01" + b"x" * 5000
    with pytest.raises(ParseError, match="article size limit") as caught:
        newsparse.parse(data, "anpa1312", limits=Limits(max_article_bytes=1000))
    assert caught.value.fatal
    assert caught.value.line == anpa_story().count(b"\n") + 1


def _items(data: bytes | str, name: str) -> list[object]:
    found: list[object] = []
    articles = newsparse.parse(
        data, name, on_error=lambda e: found.append((e.message, e.line, e.column))
    )
    return [*articles, *found]


# Bytes that start like a compressed file (gzip, xz, zstd, zip, bzip2) are
# read as one, by design, and text never is: those inputs do not agree.
_COMPRESSED_STARTS = (
    b"\x1f\x8b",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"BZh",
)


@given(st.lists(_pieces, max_size=40).map("".join), st.sampled_from(FORMATS))
def test_utf8_bytes_and_the_same_text_agree(text: str, name: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return
    assume(not data.startswith(_COMPRESSED_STARTS))
    assert _items(data, name) == _items(text, name)


def test_bytes_that_start_like_a_zip_file_are_read_as_one() -> None:
    # What the property above leaves out, checked as it is (found by Hypothesis).
    with pytest.raises(ParseError, match="compressed with zip"):
        newsparse.parse(b"PK\x03\x04", "anpa1312")
    with pytest.raises(ParseError, match="outside a transmission"):
        newsparse.parse("PK\x03\x04", "anpa1312")


def test_text_input_is_not_decoded_again() -> None:
    # "Ã©" is what UTF-8 "é" looks like read as Latin-1; given as text, it stays.
    text = iptc_story(headline="Caf\u00c3\u00a9 =".encode()).decode("utf-8")
    assert newsparse.parse(text, "iptc7901")[0].title == "Caf\u00c3\u00a9"
