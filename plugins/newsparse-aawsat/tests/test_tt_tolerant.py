"""Tolerant reading: every accepted variant parses like its canonical form.

Each case gives a non-canonical input, the canonical text it stands for, and
the articles both must parse into (written by hand); rendering those articles
must give the canonical text back.
"""

from __future__ import annotations

from typing import NamedTuple

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsparse import Article, Image, Section

from newsparse_aawsat.testing import tt_articles


def tt(*lines: str) -> str:
    """Join lines with "\\n" (no final newline, like canonical TT)."""
    return "\n".join(lines)


def article(
    title: str,
    paragraphs: list[str],
    images: list[Image] | None = None,
    number: str = "20",
) -> Article:
    body = [Section(paragraphs=paragraphs)] if paragraphs else []
    return Article(title=title, body=body, images=images or [], meta={"tt.number": number})


# -- the canonical base: two articles, each with one image (alt == caption) ----

T1 = "Gulf Leaders Meet in Riyadh"
I1 = "Leaders pose for a group photo in Riyadh"
T2 = "Oil Prices Steady"
I2 = "Oil tankers at a Gulf port (Reuters)"

HEADER_1 = [T1, "", I1, I1, "TT", "20", "", T1, "", I1, I1, ""]
BODY_1 = ["Gulf leaders met in Riyadh on Tuesday.", "", "They discussed regional security."]
HEADER_2 = [T2, "", I2, I2, "TT", "20", "", T2, "", I2, I2, ""]
BODY_2 = ["Oil prices held steady on Wednesday.", "", "Traders awaited new data."]
LINES = [*HEADER_1, *BODY_1, "", "", "", *HEADER_2, *BODY_2]
CANON = tt(*LINES)

EXPECTED = [
    article(
        T1,
        ["Gulf leaders met in Riyadh on Tuesday.", "They discussed regional security."],
        [Image(alt=I1, caption=I1)],
    ),
    article(
        T2,
        ["Oil prices held steady on Wednesday.", "Traders awaited new data."],
        [Image(alt=I2, caption=I2)],
    ),
]


def with_separator(blanks: int) -> str:
    return tt(*HEADER_1, *BODY_1, *[""] * blanks, *HEADER_2, *BODY_2)


class Case(NamedTuple):
    variant: str | bytes
    canonical: str
    expected: list[Article]


BASE_CASES: dict[str, str | bytes] = {
    "crlf": CANON.replace("\n", "\r\n"),
    "crlf-final-newline": CANON.replace("\n", "\r\n") + "\r\n",
    "cr": CANON.replace("\n", "\r"),
    "mixed-line-ends": CANON.replace("\n\n", "\r\n\r", 3),
    "bom-text": "\ufeff" + CANON,
    "bom-bytes": b"\xef\xbb\xbf" + CANON.encode("utf-8"),
    "utf-16-with-bom": CANON.encode("utf-16"),
    "trailing-whitespace": tt(*(line + " \t" for line in LINES)),
    "leading-whitespace": tt(*("  " + line for line in LINES)),
    "no-break-spaces-around-lines": tt(*("\u00a0" + line + "\u3000" for line in LINES)),
    "final-newline": CANON + "\n",
    "final-blank-lines": CANON + "\n\n \n\n",
    "blank-lines-before-first-article": "\n\n\n\n\n" + CANON,
    "more-blank-lines-between-articles": with_separator(7),
    "two-blank-lines-between-articles": with_separator(2),
    "one-blank-line-between-articles": with_separator(1),
    "no-blank-line-between-articles": with_separator(0),
    "two-blank-lines-between-paragraphs": CANON.replace(".\n\nThey", ".\n\n\nThey").replace(
        ".\n\nTraders", ".\n\n\nTraders"
    ),
    "no-blank-line-between-paragraphs": CANON.replace(".\n\nThey", ".\nThey").replace(
        ".\n\nTraders", ".\nTraders"
    ),
    "two-blank-lines-inside-the-header": CANON.replace(T1 + "\n\n", T1 + "\n\n\n"),
    "no-repeated-header": tt(*HEADER_1[:7], *BODY_1, "", "", "", *HEADER_2[:7], *BODY_2),
    "only-the-headline-repeated": tt(*HEADER_1[:9], *BODY_1, "", "", "", *HEADER_2[:9], *BODY_2),
    "repeated-header-without-blank-lines": tt(
        *HEADER_1[:7], T1, I1, I1, *BODY_1, "", "", "", *HEADER_2
    )
    + "\n"
    + tt(*BODY_2),
}

CASES: dict[str, Case] = {
    name: Case(variant, CANON, EXPECTED) for name, variant in BASE_CASES.items()
}

# -- cases with their own canonical text ---------------------------------------

NO_IMAGE = tt("Rain in Jeddah", "", "TT", "20", "", "Rain in Jeddah", "", "It rained.")
NO_IMAGE_ARTICLES = [article("Rain in Jeddah", ["It rained."])]
CASES["no-image-lines"] = Case(NO_IMAGE, NO_IMAGE, NO_IMAGE_ARTICLES)
CASES["no-image-lines-no-repeat"] = Case(
    tt("Rain in Jeddah", "", "TT", "20", "", "It rained."), NO_IMAGE, NO_IMAGE_ARTICLES
)

ONE_LINE = tt(
    "Rain in Jeddah",
    "",
    "Flooded street",
    "TT",
    "20",
    "",
    "Rain in Jeddah",
    "",
    "Flooded street",
    "",
    "It rained.",
)
ONE_LINE_ARTICLES = [article("Rain in Jeddah", ["It rained."], [Image(caption="Flooded street")])]
CASES["single-image-line"] = Case(ONE_LINE, ONE_LINE, ONE_LINE_ARTICLES)
CASES["single-image-line-no-repeat-crlf"] = Case(
    tt("Rain in Jeddah", "", "Flooded street", "TT", "20", "", "It rained.").replace("\n", "\r\n"),
    ONE_LINE,
    ONE_LINE_ARTICLES,
)

ALT_CAPTION = tt(
    "Rain in Jeddah",
    "",
    "A flooded street",
    "A flooded street in Jeddah (AFP)",
    "TT",
    "20",
    "",
    "Rain in Jeddah",
    "",
    "A flooded street",
    "A flooded street in Jeddah (AFP)",
    "",
    "It rained.",
)
ALT_CAPTION_ARTICLES = [
    article(
        "Rain in Jeddah",
        ["It rained."],
        [Image(alt="A flooded street", caption="A flooded street in Jeddah (AFP)")],
    )
]
CASES["alt-and-caption-differ"] = Case(ALT_CAPTION, ALT_CAPTION, ALT_CAPTION_ARTICLES)
CASES["alt-and-caption-differ-no-repeat"] = Case(
    tt(
        "Rain in Jeddah",
        "",
        "A flooded street",
        "A flooded street in Jeddah (AFP)",
        "TT",
        "20",
        "",
        "It rained.",
    ),
    ALT_CAPTION,
    ALT_CAPTION_ARTICLES,
)

TWO_IMAGES = tt(
    "Rain in Jeddah",
    "",
    "Street",
    "A street (AFP)",
    "Car",
    "A car (AP)",
    "TT",
    "20",
    "",
    "Rain in Jeddah",
    "",
    "Street",
    "A street (AFP)",
    "Car",
    "A car (AP)",
    "",
    "It rained.",
)
CASES["two-images"] = Case(
    TWO_IMAGES,
    TWO_IMAGES,
    [
        article(
            "Rain in Jeddah",
            ["It rained."],
            [Image(alt="Street", caption="A street (AFP)"), Image(alt="Car", caption="A car (AP)")],
        )
    ],
)

for number in ("7", "135", "007", "\u0662\u0660"):
    text = NO_IMAGE.replace("TT\n20", "TT\n" + number)
    CASES[f"tt-number-{number}"] = Case(
        text.replace("\n", " \n"), text, [article("Rain in Jeddah", ["It rained."], number=number)]
    )

SAME_AS_TITLE = tt(
    "Rain in Jeddah",
    "",
    "TT",
    "20",
    "",
    "Rain in Jeddah",
    "",
    "Rain in Jeddah",
    "",
    "It rained.",
    "",
    "Rain in Jeddah",
)
SAME_AS_TITLE_ARTICLES = [
    article("Rain in Jeddah", ["Rain in Jeddah", "It rained.", "Rain in Jeddah"])
]
CASES["paragraphs-equal-to-the-headline"] = Case(
    SAME_AS_TITLE.replace("\n", "\r\n") + "\r\n", SAME_AS_TITLE, SAME_AS_TITLE_ARTICLES
)
CASES["paragraph-equal-to-the-headline-no-repeat"] = Case(
    tt("Rain in Jeddah", "", "TT", "20", "", "It rained.", "", "Rain in Jeddah"),
    tt(
        "Rain in Jeddah",
        "",
        "TT",
        "20",
        "",
        "Rain in Jeddah",
        "",
        "It rained.",
        "",
        "Rain in Jeddah",
    ),
    [article("Rain in Jeddah", ["It rained.", "Rain in Jeddah"])],
)

WORD_TT = tt(
    "Rain in Jeddah",
    "",
    "TT",
    "20",
    "",
    "Rain in Jeddah",
    "",
    "TT",
    "",
    "20",
    "",
    "TT",
    "",
    "It rained.",
    "",
    "TT",
)
WORD_TT_ARTICLES = [article("Rain in Jeddah", ["TT", "20", "TT", "It rained.", "TT"])]
CASES["paragraphs-that-are-the-word-tt"] = Case(
    WORD_TT.replace("\n\n", "\n\n\n"), WORD_TT, WORD_TT_ARTICLES
)
CASES["paragraphs-that-are-the-word-tt-no-repeat"] = Case(
    tt("Rain in Jeddah", "", "TT", "20", "", "TT", "", "20", "", "TT", "", "It rained.", "", "TT"),
    WORD_TT,
    WORD_TT_ARTICLES,
)
CASES["caption-that-is-the-word-tt"] = Case(
    tt("Rain", "", "TT", "TT", "TT", "20", "", "Rain", "", "TT", "TT", "", "It rained."),
    tt("Rain", "", "TT", "TT", "TT", "20", "", "Rain", "", "TT", "TT", "", "It rained."),
    [article("Rain", ["It rained."], [Image(alt="TT", caption="TT")])],
)

ARABIC = tt(
    "الأمطار تعود إلى جدة",
    "",
    "شارع غمرته المياه في جدة",
    "شارع غمرته المياه في جدة",
    "TT",
    "20",
    "",
    "الأمطار تعود إلى جدة",
    "",
    "شارع غمرته المياه في جدة",
    "شارع غمرته المياه في جدة",
    "",
    "هطلت أمطار غزيرة على جدة يوم الثلاثاء.",
    "",
    "\u200fقال الدفاع المدني إن الوضع تحت السيطرة.",
    "",
    "",
    "",
    "גשם בירושלים",
    "",
    "TT",
    "3",
    "",
    "גשם בירושלים",
    "",
    "ירד גשם כבד ביום שלישי.",
)
ARABIC_ARTICLES = [
    article(
        "الأمطار تعود إلى جدة",
        ["هطلت أمطار غزيرة على جدة يوم الثلاثاء.", "\u200fقال الدفاع المدني إن الوضع تحت السيطرة."],
        [Image(alt="شارع غمرته المياه في جدة", caption="شارع غمرته المياه في جدة")],
    ),
    article("גשם בירושלים", ["ירד גשם כבד ביום שלישי."], number="3"),
]
CASES["right-to-left-scripts"] = Case(
    "\ufeff" + ARABIC.replace("\n", "  \r\n"), ARABIC, ARABIC_ARTICLES
)

EMPTY_BODY = tt("Breaking: Quake in Iran", "", "TT", "20", "", "Breaking: Quake in Iran")
# The last article must go on past its number (see test_tt_truncated.py),
# here with the repeated headline.
CASES["no-paragraphs"] = Case(
    tt("Breaking: Quake in Iran", "", "TT", "20", "", " Breaking: Quake in Iran") + "\n\n",
    EMPTY_BODY,
    [article("Breaking: Quake in Iran", [])],
)
SAME_TITLES = tt(
    "Quake in Iran",
    "",
    "TT",
    "1",
    "",
    "Quake in Iran",
    "",
    "",
    "",
    "Quake in Iran",
    "",
    "TT",
    "2",
    "",
    "Quake in Iran",
    "",
    "Buildings shook.",
)
CASES["consecutive-articles-with-the-same-headline-no-repeat"] = Case(
    tt("Quake in Iran", "", "TT", "1", "", "Quake in Iran", "", "TT", "2", "", "Buildings shook."),
    SAME_TITLES,
    [
        article("Quake in Iran", [], number="1"),
        article("Quake in Iran", ["Buildings shook."], number="2"),
    ],
)


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_variant_parses_like_its_canonical_form(case: Case) -> None:
    assert newsparse.parse(case.canonical, "tt") == case.expected
    parsed = newsparse.parse(case.variant, "tt")
    assert parsed == case.expected
    assert newsparse.render(parsed, "tt") == case.canonical


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_canonical_form_renders_byte_for_byte(case: Case) -> None:
    assert newsparse.render(case.expected, "tt") == case.canonical


def test_base_variants_are_really_different() -> None:
    # Guards against a case that silently equals the canonical text.
    for name, variant in BASE_CASES.items():
        assert variant != CANON, name


def test_empty_input_has_no_articles() -> None:
    assert newsparse.parse("", "tt") == []
    assert newsparse.parse("\n \n\r\n", "tt") == []
    assert newsparse.render([], "tt") == ""


# -- a property: tolerant renderings of generated articles ---------------------


def _canonical_lines(item: Article, *, repeat: bool) -> tuple[list[str], list[str]]:
    image_lines = [
        line for image in item.images for line in (image.alt, image.caption) if line is not None
    ]
    header = [item.title, "", *image_lines, "TT", item.meta["tt.number"], ""]
    if repeat:
        header += [item.title, ""] + ([*image_lines, ""] if image_lines else [])
    return header, list(item.paragraphs)


@st.composite
def tolerant_text(draw: st.DrawFn) -> tuple[str, list[Article]]:
    """Render generated articles with random, unambiguous deviations from canonical."""
    strategy = tt_articles()
    items = draw(st.lists(strategy, min_size=1, max_size=3))
    pad = st.sampled_from(["", "", " ", "\t", "  \t", "\u00a0"])
    lines: list[str] = [""] * draw(st.integers(0, 3))
    for index, item in enumerate(items):
        if index:
            lines += [""] * draw(st.integers(1, 6))
        # The repeat may be left out unless the first paragraph could be taken
        # for it; the last article needs it, too, when without it the input
        # would look cut off inside the header (see test_tt_truncated.py).
        given = item.paragraphs
        safe_to_omit = not given or given[0] != item.title
        if index == len(items) - 1:
            safe_to_omit = (
                safe_to_omit
                and bool(given)
                and (len(given) > 1 or not item.title.startswith(given[0]))
            )
        repeat = not safe_to_omit or draw(st.booleans())
        header, paragraphs = _canonical_lines(item, repeat=repeat)
        lines += header
        for number, paragraph in enumerate(paragraphs):
            if number:
                lines += [""] * draw(st.integers(1, 2))
            lines.append(paragraph)
        if not paragraphs:
            lines.pop()  # the header's last blank line
    lines += [""] * draw(st.integers(0, 3))
    padded = [draw(pad) + line + draw(pad) for line in lines]
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return end.join(padded), items


@given(tolerant_text())
def test_tolerant_renderings_parse_to_the_same_articles(case: tuple[str, list[Article]]) -> None:
    text, items = case
    parsed = newsparse.parse(text, "tt")
    assert parsed == items
    assert newsparse.parse(newsparse.render(parsed, "tt"), "tt") == items
