"""ANPA 1312: one test for each rule and quirk the reader handles."""

from __future__ import annotations

from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import Article, ParseError

from wire_samples import EOT, ETX, SOH, STX, SYN, US, agate_story, anpa_story


def one(data: bytes) -> Article:
    [article] = newsparse.parse(data, "anpa1312")
    return article


def collect(data: bytes) -> tuple[list[Article], list[ParseError]]:
    errors: list[ParseError] = []
    return newsparse.parse(data, "anpa1312", on_error=errors.append), errors


def test_header_lines_go_to_meta() -> None:
    meta = one(anpa_story()).meta
    assert meta["anpa1312.service-level"] == "W"
    assert meta["anpa1312.story-number"] == "1234"
    assert meta["anpa1312.selectors"] == "ports"
    assert meta["anpa1312.priority"] == "r"
    assert meta["anpa1312.category"] == "a"
    assert meta["anpa1312.format-codes"] == "DC3 DC1"
    assert meta["anpa1312.keyword"] == "BC-Harbour-Ferry"
    assert meta["anpa1312.version"] == "1stLd-Writethru"
    assert meta["anpa1312.date"] == "04-02"
    assert meta["anpa1312.word-count"] == "0321"


def test_keyword_line_gives_slug_take_key_and_word_count() -> None:
    meta = one(anpa_story()).meta
    assert meta["anpa1312.slug"] == "BC-Harbour-Ferry"
    assert meta["anpa1312.take-key"] == "1st Ld-Writethru"
    assert meta["anpa1312.text-word-count"] == "321"


def test_headline_is_the_first_caret_line_after_the_keyword_line() -> None:
    assert one(anpa_story()).title == "Harbour ferry resumes after winter pause"


def test_editors_note_and_photo_lines_go_to_meta() -> None:
    top = b"^AP Photo XP101, XP102<\n^Eds: With photos.<\n^Eds: Corrects spelling.<\n"
    meta = one(anpa_story(top=top)).meta
    assert meta["anpa1312.photos"] == "AP Photo XP101, XP102"
    assert meta["anpa1312.editors-note"] == "Eds: With photos.\nEds: Corrects spelling."


def test_byline_gives_authors_and_its_title_goes_to_meta() -> None:
    article = one(anpa_story())
    assert article.authors == ("ANNA EXAMPLE", "BEN SAMPLE")
    assert article.meta["anpa1312.byline"] == "By ANNA EXAMPLE and BEN SAMPLE"
    assert article.meta["anpa1312.byline-title"] == "Associated Writers"


def test_caret_sentence_before_the_byline_is_the_summary() -> None:
    top = b"^Eds: Updates.<\n^The ferry runs again after three months.<\n^By ANNA EXAMPLE=\n"
    article = one(anpa_story(top=top))
    assert article.summary == "The ferry runs again after three months."
    assert article.paragraphs[0].startswith("PORTVILLE")


def test_tab_indented_paragraphs_and_wrapped_lines() -> None:
    assert one(anpa_story()).paragraphs == (
        "PORTVILLE (XP) \u2014 The harbour ferry sailed again on Monday after a three-month "
        "pause, its owners said.",
        '"We missed the sea," said captain Ola Nordmann.',
        "The crossing takes 12 minutes.",
    )


def test_paragraphs_without_separator_lines() -> None:
    body = b"\t   One.\n\t   Two.\n\t   Three.\n"
    assert one(anpa_story(body=body)).paragraphs == ("One.", "Two.", "Three.")


def test_typesetter_quotes_become_straight_quotes() -> None:
    body = b"\t   ``Yes,'' she said, `quietly.'\n"
    assert one(anpa_story(body=body)).paragraphs == ("\"Yes,\" she said, 'quietly.'",)


def test_spaced_underscore_is_a_dash_and_a_rule_is_kept() -> None:
    body = b"\t   Fast _ and cheap.\n\t   ___\n\t   snake_case stays.\n"
    assert one(anpa_story(body=body)).paragraphs == (
        "Fast \u2014 and cheap.",
        "___",
        "snake_case stays.",
    )


def test_one_end_code_is_removed_from_line_ends() -> None:
    body = b"\t   Ends with a quad left.<\n\t   Centred=\n\t   Keeps one of two: <<\n"
    assert one(anpa_story(body=body)).paragraphs == (
        "Ends with a quad left.",
        "Centred",
        "Keeps one of two: <",
    )


def test_trailer_in_gmt_gives_published() -> None:
    article = one(anpa_story())
    assert article.published == datetime(2024, 4, 2, 9, 15, tzinfo=timezone.utc)
    assert article.meta["anpa1312.trailer"] == "XP-WF-04-02-24 0915GMT"


def test_trailer_without_a_zone_is_kept_but_gives_no_date() -> None:
    article = one(anpa_story(trailer=b"\x03XP-WF-04-02-24 0915<\n"))
    assert article.published is None
    assert article.meta["anpa1312.trailer"] == "XP-WF-04-02-24 0915"


def test_no_trailer() -> None:
    article = one(anpa_story(trailer=ETX))
    assert article.published is None
    assert "anpa1312.trailer" not in article.meta
    assert article.paragraphs[-1] == "The crossing takes 12 minutes."


def test_no_trailer_and_no_eot() -> None:
    assert one(anpa_story(trailer=ETX, end=b"")).title.startswith("Harbour ferry")


def test_missing_syn() -> None:
    data = anpa_story(syn=False)
    assert data.startswith(SOH)
    assert one(data) == one(anpa_story())


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_line_ends(line_end: bytes) -> None:
    assert one(anpa_story().replace(b"\n", line_end)) == one(anpa_story())


def test_doubled_line_ends_cr_cr_lf() -> None:
    body = b"\t   A paragraph that the sender\nwrapped over two lines.\n\n\t   Second.\n"
    plain = one(anpa_story(body=body))
    doubled = one(anpa_story(body=body).replace(b"\n", b"\r\r\n"))
    assert doubled.paragraphs == plain.paragraphs
    assert plain.paragraphs[0] == "A paragraph that the sender wrapped over two lines."


def test_several_stories_in_one_file_with_padding() -> None:
    data = anpa_story() + b"\x00\x7f\r\n" + anpa_story(number=b"1235", headline=b"Second<")
    articles = newsparse.parse(data, "anpa1312")
    assert [a.title for a in articles] == ["Harbour ferry resumes after winter pause", "Second"]
    assert [a.meta["anpa1312.story-number"] for a in articles] == ["1234", "1235"]


def test_del_and_nul_padding_inside_lines_is_dropped() -> None:
    body = b"\t   Pad\x7f\x7fded\x00 text.\n"
    assert one(anpa_story(body=body)).paragraphs == ("Padded text.",)


def test_latin_1_bytes() -> None:
    body = "\t   Caf\u00e9 in S\u00e3o Paulo.\n".encode("latin-1")
    assert one(anpa_story(body=body)).paragraphs == ("Caf\u00e9 in S\u00e3o Paulo.",)


def test_windows_1252_bytes() -> None:
    body = b"\t   \x93Quoted\x94 \x96 and \x80 5.\n"
    assert one(anpa_story(body=body)).paragraphs == ("\u201cQuoted\u201d \u2013 and \u20ac 5.",)


def test_utf8_story() -> None:
    body = "\t   Caf\u00e9 \u201cquoted\u201d \u2014 \u20ac5.\n".encode()
    expected = "Caf\u00e9 \u201cquoted\u201d \u2014 \u20ac5."
    assert one(anpa_story(body=body)).paragraphs == (expected,)


def test_each_story_is_decoded_on_its_own() -> None:
    first = anpa_story(body="\t   S\u00e3o Paulo.\n".encode())
    second = anpa_story(body="\t   S\u00e3o Paulo.\n".encode("latin-1"))
    articles = newsparse.parse(first + second, "anpa1312")
    assert [a.paragraphs for a in articles] == [("S\u00e3o Paulo.",)] * 2


def test_agate_rows_are_paragraphs() -> None:
    article = one(agate_story())
    assert article.meta["anpa1312.format-codes"] == "DC4 DC2"
    assert article.meta["anpa1312.rows"] == "3"
    early = article.body[1]
    assert early.heading == "Early Results"
    assert early.paragraphs == (";P;Pts;GB", "Old Harbour;12;30;_", "Hilltop;11;27;1\u00bd")


def test_caret_lines_after_the_byline_and_in_the_body_are_headings() -> None:
    article = one(agate_story())
    assert article.authors == ("Example Sports",)
    assert "anpa1312.byline-title" not in article.meta
    assert [section.heading for section in article.body] == [
        "NORTH GROUP",
        "Early Results",
        "Late Results",
    ]
    assert article.body[2].paragraphs == ("Old Harbour 3, Hilltop 2",)


def test_no_headline_line_uses_the_slug() -> None:
    data = SOH + b"W0001" + US + b"x\nr a\x13\x11 BC-Slug  01-01 0001\n" + STX
    data += b"^BC-Slug Full,2<\n\t   Text.\n" + ETX + EOT
    article = one(data)
    assert article.title == "BC-Slug Full"
    assert article.paragraphs == ("Text.",)


def test_story_without_header_starts_at_stx() -> None:
    article = one(STX + b"^Headline only<\n\t   Text.\n" + ETX + EOT)
    assert (article.title, article.paragraphs) == ("Headline only", ("Text.",))


def test_unknown_header_lines_are_kept() -> None:
    data = anpa_story().replace(b"ports\n", b"ports\nREF 42 extra\n", 1)
    assert one(data).meta["anpa1312.header"] == "REF 42 extra"


def test_unknown_control_code_is_dropped_and_reported_after_the_article() -> None:
    data = anpa_story(body=b"\t   Bell\x07 here.\n")
    articles, errors = collect(data)
    assert articles[0].paragraphs == ("Bell here.",)
    [error] = errors
    assert "BEL (0x07)" in error.message
    assert (error.line, error.column) == (8, 9)
    with pytest.raises(ParseError, match="BEL"):
        newsparse.parse(data, "anpa1312")


def test_cut_off_story_is_an_error_at_its_end() -> None:
    data = anpa_story()
    cut = data[: data.index(b"``We")]
    articles, errors = collect(anpa_story() + cut)
    assert len(articles) == 1
    [error] = errors
    assert "no ETX" in error.message
    assert (error.line, error.column) == (data.count(b"\n") + 1 + cut.count(b"\n"), 5)


def test_story_without_stx_is_an_error_and_the_next_story_is_read() -> None:
    data = SYN + SYN + SOH + b"W0001" + US + b"x\n" + EOT + anpa_story()
    articles, errors = collect(data)
    assert [a.title for a in articles] == ["Harbour ferry resumes after winter pause"]
    assert "no STX" in errors[0].message
    assert (errors[0].line, errors[0].column) == (1, 3)


def test_text_outside_a_transmission_is_an_error() -> None:
    articles, errors = collect(anpa_story() + b"\nstray words\n")
    assert len(articles) == 1
    [error] = errors
    assert "outside a transmission" in error.message
    assert error.line == anpa_story().count(b"\n") + 2
    assert error.column == 1


def test_decoding_is_per_story_across_read_chunks() -> None:
    # The first story is longer than the core's 64 KiB reads and ends in UTF-8
    # past the first read; the second is windows-1252.
    long_body = b"\t   Filler line of text.\n" * 4000 + "\t   S\u00e3o Paulo.\n".encode()
    first = anpa_story(body=long_body)
    second = anpa_story(body=b"\t   \x93Quoted\x94\n")
    assert len(first) > 1 << 16
    articles = newsparse.parse(first + second, "anpa1312")
    assert articles[0].paragraphs[-1] == "S\u00e3o Paulo."
    assert articles[1].paragraphs == ("\u201cQuoted\u201d",)
