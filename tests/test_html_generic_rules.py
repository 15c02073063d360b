"""Generic body rules added for pages off the news path (issue 22).

Each page is written by hand after the shape of a page that went wrong in the
readability test set (named in each test); no rule knows any site.
"""

from __future__ import annotations

import newsparse
from newsparse import Article

LONG = (
    "The council voted on Tuesday to keep the old bridge open, after engineers said"
    " the repairs made last spring would hold for another decade at least."
)
SECOND = (
    "Residents had asked for a new crossing for years, and the vote, seven to two,"
    " leaves them waiting again; the mayor said the budget allowed nothing else."
)


def parse_one(body: str, head: str = "<title>Old bridge</title>") -> Article:
    [article] = newsparse.parse(f"<html><head>{head}</head><body>{body}</body></html>", "html")
    return article


def text_of(article: Article) -> str:
    """Return the headings and the plain text of every block, a line each."""
    return "\n".join(
        line
        for section in article.body
        for line in ((section.heading,) if section.heading else ())
        + tuple(block.plain_text for block in section.blocks)
    )


def test_the_head_never_counts_as_the_body() -> None:
    # mathjax: text straight in <body> made <html> the container, with the styles.
    head = "<title>Old bridge</title><style>/*<![CDATA[*/ .menu { top: 1em; } /*]]>*/</style>"
    article = parse_one(
        f"<p>{LONG}</p>Loose text, with commas, and more.<b>x</b> And more, so.", head
    )
    assert article.body[0].paragraphs == (LONG, "Loose text, with commas, and more.x And more, so.")


def test_mathml_and_custom_elements_are_read_inline() -> None:
    # mathjax: formulas (MathML inside custom elements) are part of their sentence.
    formula = "<mjx-container><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-container>"
    article = parse_one(f"<div><p>{LONG}</p>When {formula}, there are two solutions.</div>")
    assert article.body[0].paragraphs == (LONG, "When a≠0, there are two solutions.")


def test_a_data_table_brings_the_text_around_it() -> None:
    # wikipedia-4: the rows of a list scored best and the introduction was lost.
    rows = "".join(
        f"<tr><td>Film number {n}</td><td>{1990 + n}</td><td>A day that repeats, again.</td></tr>"
        for n in range(12)
    )
    article = parse_one(
        f"<div class='content'><p>{LONG}</p><table><tbody>{rows}</tbody></table></div>"
    )
    text = text_of(article)
    assert LONG in text
    assert "Film number 11 | 2001 | A day that repeats, again." in text


def test_short_lines_of_wide_characters_are_text() -> None:
    # pixnet: lines of Chinese without sentence punctuation were taken for labels.
    lines = [
        "玉峰道路一路上雲氣山嵐滯留山頭順路下切",
        "美樹美如其名偌大楓香樹早已呈現金黃泛紅色彩",
        "第二次造訪美樹發現到營區變了印象中以前生冷",
    ]
    article = parse_one(
        "<div class='post'>" + "".join(f"<p>{line}</p>" for line in lines) + "</div>"
    )
    assert article.body[0].paragraphs == tuple(lines)


def test_related_posts_boxes_are_left_out() -> None:
    # wordpress: "jp-relatedposts" was not read as a box of related links.
    related = f"<div class='jp-relatedposts'><h3>Related</h3><p>{SECOND}</p></div>"
    article = parse_one(f"<article><p>{LONG}</p><p>{LONG[::-1]}</p>{related}</article>")
    assert SECOND not in text_of(article)


def test_short_lines_of_a_text_written_with_br_are_kept() -> None:
    # replace-brs: "Lorem ipsum<br>dolor sit<br><br>amet, ..." lost its short lines.
    article = parse_one(
        "<article><h1>Old bridge</h1>"
        f"<div>Old bridge<br>stays open<br><br>{LONG}<br>{SECOND}</div></article>"
    )
    assert "stays open" in text_of(article).split("\n")


def test_a_heading_right_above_a_deeper_one_stays() -> None:
    # firefox-nightly-blog: "Friends of the team" (h3) right above "Shout-outs" (h4) was dropped.
    article = parse_one(
        f"<article><p>{LONG}</p><h3>Friends of the team</h3>"
        f"<h4>Shout-outs</h4><p>{SECOND}</p></article>"
    )
    assert [section.heading for section in article.body] == [
        None,
        "Friends of the team",
        "Shout-outs",
    ]


def test_a_titled_page_with_only_short_text_keeps_it() -> None:
    # js-link-replacement, lazy-image-3: a title and a few short lines gave an empty body.
    article = parse_one("<div><p>abc</p><p>def</p></div>")
    assert article.body[0].paragraphs == ("abc", "def")
