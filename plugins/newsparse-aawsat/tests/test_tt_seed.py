"""The published sample: exact articles, and a byte-exact round trip."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, cast

import newsparse
from newsparse import Article, Image, Section

if TYPE_CHECKING:
    from newsparse.plugin import TextStream

DATA = Path(__file__).parent / "data"

TITLE_1 = "Khamenei Raises Doubts on Negotiations with the West"
TITLE_2 = "Washington-Tehran Nuclear Talks Postponed as Iran Reasserts Red Lines"
CAPTION_1 = (
    "A handout picture provided by the office of Iran's Supreme Leader Ali Khamenei on"
    " November 24, 2020 shows Khamenei (R) speaking to president Hassan Rouhani (2nd-R)"
    " during a meeting with Iranian government the over economic crisis in Tehran, while"
    " mask-clad due to the COVID-19 coronavirus pandemic"
)
CAPTION_2 = (
    "Iranians walk past an anti-US mural in Tehran bearing the slogan \u201cDeath to"
    " America,\u201d with skulls replacing the stars on the American flag (AFP)"
)
FIRST_1 = (
    "Iran\u2019s supreme leader dismissed the prospect of new negotiations with the West on"
    " Tuesday, even as the Tehran government spoke optimistically about the return of"
    " foreign companies in \u201cthe absence of Trump\u201d and his sanctions."
)
LAST_1 = '"We can\'t trust foreigners and hope for an opening on their part," he added.'
FIRST_2 = (
    "As diplomatic activity intensified around Iran\u2019s nuclear program, Tehran moved to"
    " reestablish firm \u201cred lines\u201d ahead of anticipated talks with the United States"
    " next week. On the same day, Russia encouraged both sides to pursue a \u201cfair"
    " agreement,\u201d while the European Union urged Iran to help de-escalate regional"
    " tensions."
)
LAST_2 = (
    "In Tehran, former MP Elias Naderan warned against surrendering Iran\u2019s nuclear"
    " capabilities, cautioning that Western powers might treat Iran like Libya if it"
    " concedes too much. \u201cSanctions only strengthen resistance,\u201d he said, urging"
    " cooperation without compromising national principles."
)


def test_seed_file_is_the_published_sample(seed_bytes: bytes) -> None:
    # 57 lines, "\n" line ends, no final newline (checked with cat -A).
    assert len(seed_bytes) == 5797
    assert seed_bytes.count(b"\n") == 56
    assert not seed_bytes.endswith(b"\n")
    assert b"\r" not in seed_bytes
    repo_copy = Path(__file__).parents[3] / "examples" / "aawsat-seed.txt"
    assert repo_copy.read_bytes() == seed_bytes


def test_seed_parses_into_two_articles(seed_text: str) -> None:
    articles = newsparse.parse(seed_text, "tt")
    assert [article.title for article in articles] == [TITLE_1, TITLE_2]


def test_seed_images(seed_text: str) -> None:
    first, second = newsparse.parse(seed_text, "tt")
    assert first.images == (Image(alt=CAPTION_1, caption=CAPTION_1),)
    assert second.images == (Image(alt=CAPTION_2, caption=CAPTION_2),)


def test_seed_tt_number(seed_text: str) -> None:
    for article in newsparse.parse(seed_text, "tt"):
        assert article.meta == {"tt.number": "20"}


def test_seed_paragraphs(seed_text: str) -> None:
    first, second = newsparse.parse(seed_text, "tt")
    for article in (first, second):
        assert len(article.body) == 1
        assert article.body[0].heading is None
        assert len(article.body[0].paragraphs) == 8
    assert first.paragraphs[0] == FIRST_1
    assert first.paragraphs[2] == (
        "President Donald Trump abandoned the deal in 2018, and Tehran responded by"
        " scaling down its compliance."
    )
    assert first.paragraphs[7] == LAST_1
    assert second.paragraphs[0] == FIRST_2
    assert second.paragraphs[7] == LAST_2
    # The repeated headline and captions are not paragraphs.
    assert TITLE_1 not in first.paragraphs
    assert CAPTION_2 not in second.paragraphs


def test_seed_has_nothing_else(seed_text: str) -> None:
    for article in newsparse.parse(seed_text, "tt"):
        assert article.authors == ()
        assert article.published is None
        assert article.url is None
        assert article.summary is None
        assert article.topics == ()


def test_seed_renders_byte_for_byte(seed_bytes: bytes) -> None:
    articles = newsparse.parse(seed_bytes, "tt")
    assert newsparse.render(articles, "tt").encode("utf-8") == seed_bytes


def test_seed_from_hand_built_articles_renders_byte_for_byte(seed_text: str) -> None:
    first = Article(
        title=TITLE_1,
        images=[Image(alt=CAPTION_1, caption=CAPTION_1)],
        body=[Section(paragraphs=newsparse.parse(seed_text, "tt")[0].paragraphs)],
        meta={"tt.number": "20"},
    )
    rendered = newsparse.render([first], "tt")
    assert seed_text.startswith(rendered)
    assert seed_text[len(rendered) :].startswith("\n\n\n\n" + TITLE_2 + "\n\n")


def test_seed_every_kind_of_input_agrees(seed_bytes: bytes, seed_text: str) -> None:
    expected = newsparse.parse(seed_text, "tt")
    assert newsparse.parse(DATA / "aawsat-seed.txt", "tt") == expected
    assert newsparse.parse(io.BytesIO(seed_bytes), "tt") == expected
    assert newsparse.parse(io.StringIO(seed_text), "tt") == expected
    assert list(newsparse.iter_parse(seed_bytes, "tt")) == expected


def test_format_parse_accepts_a_plain_text_stream(seed_text: str) -> None:
    fmt = newsparse.get_format("tt")
    # The format contract says a text file object will do; typeshed's StringIO
    # signature differs from the TextStream protocol only in readline's type.
    items = list(fmt.parse(cast("TextStream", io.StringIO(seed_text)), "seed"))
    assert [item.title for item in items if isinstance(item, Article)] == [TITLE_1, TITLE_2]
