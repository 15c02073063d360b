"""Bad input: ParseError with the right line and column, and nothing lost.

Every expected position below was counted by hand from the input text.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsparse import Article, Image, ParseError, Section

SEED = (Path(__file__).parent / "data" / "aawsat-seed.txt").read_text(encoding="utf-8")
TITLE_2 = "Washington-Tehran Nuclear Talks Postponed as Iran Reasserts Red Lines"


def tt(*lines: str) -> str:
    return "\n".join(lines)


def errors_of(data: str | bytes) -> tuple[list[Article], list[ParseError]]:
    errors: list[ParseError] = []
    articles = newsparse.parse(data, "tt", on_error=errors.append)
    return articles, errors


def rain(number: str = "20") -> Article:
    return Article(
        title="Rain", body=[Section(paragraphs=["It rained."])], meta={"tt.number": number}
    )


class Bad:
    def __init__(self, data: str | bytes, line: int, column: int, words: str) -> None:
        self.data = data
        self.line = line
        self.column = column
        self.words = words


BAD = {
    # Text with no TT marker: it is expected after the second run (line 3,
    # 27 characters, no final newline), so at line 3, column 28.
    "no-marker": Bad("Hello world.\n\nThis text has no TT header.", 3, 28, "no TT marker"),
    # One line and the end of the input (13 characters).
    "one-line": Bad("Just one line", 1, 14, "the input ends"),
    "one-line-and-newline": Bad("Just one line\n", 2, 1, "the input ends"),
    # Here the marker was expected on line 4, after the run "Second.".
    "no-marker-many-paragraphs": Bad(
        "First.\n\nSecond.\n\nThird.\n\nFourth.", 4, 1, "no TT marker"
    ),
    # A gzip header and nothing more: newsparse reads gzip, and this stream
    # ends before its first byte of text.
    "binary-gzip": Bad(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 1, 1, "gzip data ends early"),
    # A PNG signature: 0x89 at byte 0.
    "binary-png": Bad(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, 1, "cannot decode"),
    # Valid UTF-8 but control characters: no marker after the run on line 3.
    "binary-decodable": Bad(b"\x00\x01\x02\x03\n\n\x04\x05\x06", 3, 4, "no TT marker"),
    # 'O' instead of '0' in the number: line 4, column 2.
    "number-with-a-letter": Bad(tt("Rain", "", "TT", "2O", "", "It rained."), 4, 2, "number"),
    "number-indented": Bad(tt("Rain", "", "TT", "  x20", "", "It rained."), 4, 3, "number"),
    # 'TT' and then a blank line: the number was expected on line 4.
    "number-missing": Bad(tt("Rain", "", "TT", "", "It rained."), 4, 1, "TT number"),
    # The number and the repeated headline with no blank line between them.
    "no-blank-after-number": Bad(
        tt("Rain", "", "TT", "20", "Rain", "", "It rained."), 5, 1, "blank line"
    ),
    # Three blank lines between the headline and TT: the third is line 4.
    "three-blank-lines-in-header": Bad(
        tt("Rain", "", "", "", "TT", "20", "", "It rained."), 4, 1, "blank lines"
    ),
    # Three image lines cannot be split into images: the first is line 3.
    "three-image-lines": Bad(
        tt("Rain", "", "A", "B", "C", "TT", "20", "", "It rained."), 3, 1, "3 image lines"
    ),
    # Characters the model forbids: a control character in the title (column 3),
    # in an image line (column 1), in an indented paragraph (line 10, column 5), and a
    # line separator inside a paragraph (column 2).
    "control-in-title": Bad(tt("Ra\x01in", "", "TT", "20", "", "It rained."), 1, 3, "headline"),
    "control-in-image": Bad(tt("Rain", "", "\x7fCap", "TT", "20", "", "x"), 3, 1, "image line"),
    "control-in-paragraph": Bad(
        tt("Rain", "", "TT", "20", "", "Rain", "", "Good.", "", "  Ba\x0bd."), 10, 5, "paragraph"
    ),
    "line-separator-in-paragraph": Bad(
        tt("Rain", "", "TT", "20", "", "a\u2028b"), 6, 2, "paragraph"
    ),
    # Text before the first headline.
    "text-before-first-article": Bad(
        tt("Preamble", "Rain", "", "TT", "20", "", "It rained."), 1, 1, "text between articles"
    ),
}


@pytest.mark.parametrize("bad", list(BAD.values()), ids=list(BAD))
def test_bad_input_raises_parse_error_with_position(bad: Bad) -> None:
    with pytest.raises(ParseError) as caught:
        newsparse.parse(bad.data, "tt", source="bad.tt")
    error = caught.value
    assert (error.line, error.column) == (bad.line, bad.column), str(error)
    assert bad.words in error.message
    assert error.source == "bad.tt"
    assert error.format == "tt"
    assert str(error).startswith(f"bad.tt:{bad.line}:{bad.column}: ")


@pytest.mark.parametrize("bad", list(BAD.values()), ids=list(BAD))
def test_bad_input_in_collecting_mode_reports_and_does_not_raise(bad: Bad) -> None:
    _, errors = errors_of(bad.data)
    assert [(error.line, error.column) for error in errors][:1] == [(bad.line, bad.column)]


def test_text_before_first_article_keeps_the_article() -> None:
    articles, errors = errors_of(tt("Preamble", "Rain", "", "TT", "20", "", "It rained."))
    assert articles == [rain()]
    # The stray line is reported where it stands, with what it is, and not
    # taken for the headline (which is "Rain", the line before the marker run).
    [error] = errors
    assert (error.line, error.column) == (1, 1)
    assert "text between articles" in str(error)
    assert error.excerpt == "Preamble"


# -- several articles: the good ones are kept -----------------------------------

THREE = tt(
    "One",
    "",
    "TT",
    "1",
    "",
    "One",
    "",
    "First.",
    "",
    "",
    "",
    "Two",
    "",
    "TT",
    "2O",
    "",
    "Two",
    "",
    "Second.",
    "",
    "",
    "",
    "Three",
    "",
    "TT",
    "3",
    "",
    "Three",
    "",
    "Third.",
)


def numbered(title: str, paragraph: str, number: str) -> Article:
    return Article(title=title, body=[Section(paragraphs=[paragraph])], meta={"tt.number": number})


def test_bad_middle_article_is_reported_and_the_others_kept() -> None:
    articles, errors = errors_of(THREE)
    assert articles == [numbered("One", "First.", "1"), numbered("Three", "Third.", "3")]
    assert [(error.line, error.column) for error in errors] == [(15, 2)]


def test_bad_middle_article_raises_by_default_after_the_first() -> None:
    items = newsparse.iter_parse(THREE, "tt")
    assert next(items) == numbered("One", "First.", "1")
    with pytest.raises(ParseError) as caught:
        next(items)
    assert (caught.value.line, caught.value.column) == (15, 2)


def test_bad_images_in_middle_article_keep_the_others() -> None:
    text = THREE.replace("TT\n2O", "A\nB\nC\nTT\n2")
    articles, errors = errors_of(text)
    assert [article.title for article in articles] == ["One", "Three"]
    assert [(error.line, error.column, "3 image lines" in error.message) for error in errors] == [
        (14, 1, True)
    ]


def test_forbidden_character_in_middle_article_keeps_the_others() -> None:
    text = THREE.replace("TT\n2O", "TT\n2").replace("Second.", "Sec\x00ond.")
    articles, errors = errors_of(text)
    assert [article.title for article in articles] == ["One", "Three"]
    assert [(error.line, error.column) for error in errors] == [(19, 4)]


def test_text_between_articles_is_reported_and_both_articles_kept() -> None:
    text = tt(
        "Rain",
        "",
        "TT",
        "20",
        "",
        "Rain",
        "",
        "It rained.",
        "",
        "",
        "",
        "Junk line",
        "Snow",
        "",
        "TT",
        "21",
        "",
        "Snow",
        "",
        "It snowed.",
    )
    articles, errors = errors_of(text)
    assert [article.title for article in articles] == ["Rain", "Snow"]
    assert [(error.line, error.column) for error in errors] == [(12, 1)]


def test_three_blank_lines_then_a_paragraph_is_an_error() -> None:
    # Three blank lines end an article; "More rain." (line 12, 10 characters)
    # is no headline since no marker follows it.
    text = tt("Rain", "", "TT", "20", "", "Rain", "", "It rained.", "", "", "", "More rain.")
    articles, errors = errors_of(text)
    assert articles == [rain()]
    assert [(error.line, error.column) for error in errors] == [(12, 11)]


# -- truncated dumps --------------------------------------------------------------


def cut_after(marker: str, start: int = 0) -> str:
    return SEED[: SEED.index(marker, start) + len(marker)]


TRUNCATED = {
    # Lines of the seed: 31 second headline, 32 blank, 33-34 image lines,
    # 35 TT, 36 the number.
    "inside-second-headline": (cut_after("Washington-Tehran"), 31, 18),
    "after-second-headline": (cut_after(TITLE_2 + "\n\n"), 33, 1),
    "inside-image-line": (cut_after("Iranians walk past"), 33, 19),
    "after-tt-line": (cut_after("TT\n", SEED.index(TITLE_2)), 36, 1),
    "before-tt-line": (cut_after("(AFP)\n", SEED.index("(AFP)\n", SEED.index(TITLE_2)) + 1), 35, 1),
}


@pytest.mark.parametrize(("text", "line", "column"), TRUNCATED.values(), ids=list(TRUNCATED))
def test_truncated_last_article_is_an_error_and_the_first_is_kept(
    text: str, line: int, column: int
) -> None:
    articles, errors = errors_of(text)
    assert [len(article.paragraphs) for article in articles] == [8]
    assert [(error.line, error.column) for error in errors] == [(line, column)]
    with pytest.raises(ParseError):
        newsparse.parse(text, "tt")


def test_dump_cut_inside_the_last_body_keeps_what_is_there() -> None:
    # Documented: TT has no end marker, so this cannot be detected.
    text = cut_after("Meanwhile, Russian President")
    first, second = newsparse.parse(text, "tt")
    assert len(first.paragraphs) == 8
    assert len(second.paragraphs) == 5
    assert second.paragraphs[-1] == "Meanwhile, Russian President"


# -- never another exception ----------------------------------------------------

structured = st.lists(
    st.sampled_from(["", "", " ", "TT", "20", "x", "Rain", "\x00", "\u2028", "a\x0bb", "٢"]),
    max_size=40,
).map("\n".join)


@given(st.one_of(st.text(), structured, st.binary()))
def test_any_input_gives_articles_or_parse_errors_only(data: str | bytes) -> None:
    with contextlib.suppress(ParseError):
        newsparse.parse(data, "tt")
    errors: list[ParseError] = []
    newsparse.parse(data, "tt", on_error=errors.append)  # collecting never raises
    for error in errors:
        assert error.line >= 1
        assert error.column >= 1


@given(structured)
def test_every_article_or_error_is_accounted_for(text: str) -> None:
    # Each marker run that starts an article gives one article or one error.
    errors: list[ParseError] = []
    articles = newsparse.parse(text, "tt", on_error=errors.append)
    if text.strip() and not articles:
        assert errors


def test_image_from_parse_is_caption_only_for_one_line() -> None:
    (article,) = newsparse.parse(tt("Rain", "", "Wet street", "TT", "20", "", "Wet."), "tt")
    assert article.images == (Image(caption="Wet street"),)


# -- a failure of the input itself (bad bytes) ---------------------------------


def with_bad_byte(text: str, before: str, offset: int = 0) -> bytes:
    """Return ``text`` as UTF-8, with the byte 0xFF put before ``before``."""
    at = text.index(before, offset)
    return text[:at].encode() + b"\xff" + text[at:].encode()


def line_of(text: str, line_text: str) -> int:
    """Return the 1-based number of the line that is exactly ``line_text``."""
    return text.split("\n").index(line_text) + 1


@pytest.mark.parametrize("limited", [True, False], ids=["article-limit", "no-article-limit"])
def test_bad_byte_in_the_next_headline_keeps_the_whole_article_before(limited: bool) -> None:
    # Three blank lines end the first article, so it is whole before the bad
    # byte (put after "Washi", column 6 of the second headline's line).
    data = with_bad_byte(SEED, TITLE_2[5:])
    limits = None if limited else newsparse.Limits(max_article_bytes=None)
    errors: list[ParseError] = []
    articles = newsparse.parse(data, "tt", on_error=errors.append, limits=limits)
    assert articles == newsparse.parse(SEED, "tt")[:1]
    assert [(e.line, e.column) for e in errors] == [(line_of(SEED, TITLE_2), 6)]
    assert "cannot decode" in errors[0].message


def test_bad_byte_read_from_a_file_in_chunks_keeps_the_article_before(tmp_path: Path) -> None:
    # Many articles, so that the bad byte arrives in a later chunk of the file.
    first = newsparse.parse(SEED, "tt")[0]
    block = newsparse.render([first] * 40, "tt")
    text = block + "\n\n\n\n" + SEED
    path = tmp_path / "dump.txt"
    path.write_bytes(with_bad_byte(text, TITLE_2))
    errors: list[ParseError] = []
    articles = newsparse.parse(path, "tt", on_error=errors.append)
    assert articles == [first] * 41  # the 40 copies and the seed's first article
    assert [(e.line, e.column) for e in errors] == [(block.count("\n") + 4 + 31, 1)]


def test_bad_byte_inside_a_body_loses_nothing_silently() -> None:
    # The first article is cut by the bad byte: it is not returned short.
    data = with_bad_byte(SEED, "Washington wants")
    articles, errors = errors_of(data)
    assert articles == []
    line = next(n for n, text in enumerate(SEED.split("\n"), 1) if text.startswith("Washington w"))
    assert [(e.line, e.column) for e in errors] == [(line, 1)]


def test_bad_byte_after_one_blank_line_drops_the_article_it_may_belong_to() -> None:
    # After one blank line, more paragraphs of the same article could follow:
    # the article is not known to be whole, and the error stands for it.
    text = tt("Rain", "", "TT", "20", "", "It rained.", "", "")
    data = text.encode() + b"\xffMore rain."
    articles, errors = errors_of(data)
    assert articles == []
    assert [(e.line, e.column) for e in errors] == [(8, 1)]


def test_bad_byte_after_a_separator_keeps_the_article() -> None:
    text = tt("Rain", "", "TT", "20", "", "It rained.", "", "", "", "")
    articles, errors = errors_of(text.encode() + b"\xff")
    assert articles == [rain()]
    assert [(e.line, e.column) for e in errors] == [(10, 1)]


@given(
    st.lists(st.sampled_from(newsparse.parse(SEED, "tt")), min_size=1, max_size=4),
    st.data(),
)
def test_bad_byte_anywhere_keeps_exactly_the_articles_separated_before_it(
    chosen: list[Article], data: st.DataObject
) -> None:
    text = newsparse.render(chosen, "tt")
    at = data.draw(st.integers(0, len(text)), label="position")
    raw = text[:at].encode() + b"\xff" + text[at:].encode()
    # An article is whole when the four line feeds of the separator after it
    # were read before the bad byte.
    whole = text[:at].count("\n\n\n\n")
    articles, errors = errors_of(raw)
    assert articles == chosen[:whole]
    before = text[:at]
    assert [(e.line, e.column) for e in errors] == [
        (before.count("\n") + 1, len(before) - before.rfind("\n"))
    ]
