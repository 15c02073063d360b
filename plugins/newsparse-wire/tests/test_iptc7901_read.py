"""IPTC 7901: one test for each rule and quirk the reader handles."""

from __future__ import annotations

from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import Article, ParseError

from wire_samples import EOT, ETX, SOH, STX, iptc_story


def one(data: bytes) -> Article:
    [article] = newsparse.parse(data, "iptc7901")
    return article


def collect(data: bytes) -> tuple[list[Article], list[ParseError]]:
    errors: list[ParseError] = []
    return newsparse.parse(data, "iptc7901", on_error=errors.append), errors


def test_header_line_goes_to_meta() -> None:
    meta = one(iptc_story()).meta
    assert meta["iptc7901.source"] == "xpa"
    assert meta["iptc7901.number"] == "042"
    assert meta["iptc7901.priority"] == "3"
    assert meta["iptc7901.category"] == "i"
    assert meta["iptc7901.word-count"] == "57"
    assert meta["iptc7901.optional"] == "ccccb xpa 007"


def test_keyword_line_goes_to_meta() -> None:
    assert one(iptc_story()).meta["iptc7901.keyword"] == "Portville-ferry/transport/"


def test_headline_ends_with_an_equals_sign() -> None:
    assert one(iptc_story()).title == "Ferry service resumes in Portville"


def test_flag_line_before_the_headline() -> None:
    article = one(iptc_story(headline=b"EXTRA\nFerry service resumes =\n"))
    assert article.title == "Ferry service resumes"
    assert article.meta["iptc7901.flag"] == "EXTRA"


def test_headline_wrapped_over_two_lines() -> None:
    article = one(iptc_story(headline=b"Ferry service resumes in Portville\nafter pause =\n"))
    assert article.title == "Ferry service resumes in Portville after pause"
    assert "iptc7901.flag" not in article.meta


def test_headline_without_equals_sign() -> None:
    assert one(iptc_story(headline=b"Ferry service resumes")).title == "Ferry service resumes"


def test_wrapped_lines_are_joined_and_blank_lines_separate_paragraphs() -> None:
    assert one(iptc_story()).paragraphs == (
        "Portville (xpa) - The harbour ferry of Portville sailed again on Monday after a "
        "pause of three months, its owners said.",
        '"We missed the sea," captain Ola Nordmann told xpa.',
    )


def test_indented_line_starts_a_paragraph() -> None:
    body = b"   First.\n   Second,\nwrapped.\n"
    assert one(iptc_story(body=body)).paragraphs == ("First.", "Second, wrapped.")


def test_signoff_goes_to_meta() -> None:
    article = one(iptc_story())
    assert article.meta["iptc7901.signoff"] == "xpa ab cd"
    assert "xpa ab cd" not in article.paragraphs


def test_a_last_paragraph_that_is_no_signoff_stays() -> None:
    article = one(iptc_story(body=b"Text.\n\nmore to come\n"))
    assert article.paragraphs == ("Text.", "more to come")
    assert "iptc7901.signoff" not in article.meta


def test_notebook_sections_hold_one_line_per_paragraph() -> None:
    body = (
        b"Text.\n\n# Notebook\n\n* * *\nNot for publication\n\n## Contacts\n"
        b"- Reporting: A. Person\nTel: +00 1 2345\n\nxpa ab\n"
    )
    article = one(iptc_story(body=body))
    assert [(s.heading, s.paragraphs) for s in article.body] == [
        (None, ("Text.",)),
        ("Notebook", ("* * *", "Not for publication")),
        ("Contacts", ("- Reporting: A. Person", "Tel: +00 1 2345")),
    ]
    assert article.meta["iptc7901.signoff"] == "xpa ab"


def test_byline_paragraph_gives_authors() -> None:
    article = one(iptc_story(body=b"By Anna Example and Ben Sample\n\n   Text.\n"))
    assert article.authors == ("Anna Example", "Ben Sample")
    assert article.meta["iptc7901.byline"] == "By Anna Example and Ben Sample"
    assert article.paragraphs == ("Text.",)


def test_trailer_gives_published() -> None:
    article = one(iptc_story())
    assert article.published == datetime(2024, 4, 2, 9, 15, tzinfo=timezone.utc)
    assert article.meta["iptc7901.trailer"] == "020915 GMT Apr 24"


def test_trailer_with_a_german_month() -> None:
    article = one(iptc_story(trailer=ETX + b"311759 GMT Okt 23\n"))
    assert article.published == datetime(2023, 10, 31, 17, 59, tzinfo=timezone.utc)


def test_trailer_without_a_year_gives_no_date() -> None:
    article = one(iptc_story(trailer=ETX + b"020915 GMT\n"))
    assert article.published is None
    assert article.meta["iptc7901.trailer"] == "020915 GMT"


def test_trailer_with_an_impossible_date_gives_no_date() -> None:
    assert one(iptc_story(trailer=ETX + b"310915 GMT Feb 24\n")).published is None


def test_no_trailer_and_no_eot() -> None:
    article = one(iptc_story(trailer=ETX, end=b""))
    assert article.published is None
    assert article.title == "Ferry service resumes in Portville"


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_line_ends(line_end: bytes) -> None:
    assert one(iptc_story().replace(b"\n", line_end)) == one(iptc_story())


def test_mixed_line_ends() -> None:
    data = iptc_story()
    mixed = data.replace(b"\n", b"\r\n", 3)
    assert one(mixed) == one(data)


def test_doubled_line_ends_cr_cr_lf() -> None:
    assert one(iptc_story().replace(b"\n", b"\r\r\n")) == one(iptc_story())


def test_several_stories_with_del_padding() -> None:
    second = iptc_story(headline=b"Second story =")
    articles = newsparse.parse(iptc_story() + b"\x7f\x7f\r\n" + second, "iptc7901")
    assert [a.title for a in articles] == ["Ferry service resumes in Portville", "Second story"]


def test_windows_1252_and_utf8_stories_in_one_file() -> None:
    first = iptc_story(headline="Caf\u00e9 \u201cNord\u201d =".encode("cp1252"))
    second = iptc_story(headline="Caf\u00e9 \u201cNord\u201d =".encode())
    titles = [a.title for a in newsparse.parse(first + second, "iptc7901")]
    assert titles == ["Caf\u00e9 \u201cNord\u201d"] * 2


def test_undefined_windows_1252_byte_is_reported() -> None:
    articles, errors = collect(iptc_story(headline=b"Odd \x81byte ="))
    assert articles[0].title == "Odd byte"
    assert "(0x81)" in errors[0].message
    assert (errors[0].line, errors[0].column) == (4, 6)


def test_cut_off_story_is_an_error() -> None:
    data = iptc_story()
    cut = data[: data.index(b"captain")]
    articles, errors = collect(data + cut)
    assert len(articles) == 1
    assert "no ETX" in errors[0].message
    assert errors[0].line == data.count(b"\n") + cut.count(b"\n") + 1


def test_empty_text_is_an_error() -> None:
    articles, errors = collect(SOH + b"xpa1 3 i 0\n" + STX + b"\n" + ETX + EOT)
    assert articles == []
    assert "no headline" in errors[0].message
