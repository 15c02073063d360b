"""The five text-wire files of the agency corpus: format, headline, body, dates.

The expected values were read from the files by hand (``cat -A``), not
copied from the reader's output.  The files are superdesk-core's ingest test
fixtures (``tests/io/fixtures``, AGPL-3.0), kept outside this repository in
``../shared/corpora/wire``; the tests skip when it is absent.
"""

from __future__ import annotations

from datetime import datetime, timezone

import newsparse
import pytest
from newsparse import ParseError

from wire_samples import WIRE, needs_wire_corpus

pytestmark = needs_wire_corpus

CASES = {
    "anpa-1.tst": (
        "anpa1312",
        "For Argentine chemo patients, mirrors can hurt",
        "BUENOS AIRES, Argentina (AP) \u2014 For cancer patients dealing with the physical",
        "APTN contributor Kacey Cherry in Buenos Aires helped with this story.",
        15,
        datetime(2013, 11, 13, 15, 9, tzinfo=timezone.utc),
    ),
    "ap_anpa-1.tst": (
        "anpa1312",
        "Deng has 30 points, short-handed Heat beat Hawks 115-111",
        "ATLANTA (AP) \u2014 Luol Deng scored 30 points and Josh McRoberts had 19",
        "Hawks: Host Milwaukee on Saturday night.",
        19,
        datetime(2016, 2, 20, 3, 37, tzinfo=timezone.utc),
    ),
    "ap_anpa-2.tst": (
        "anpa1312",
        "Baseball Expanded Standings",
        "All Times EDT",
        "San Francisco at San Diego, 10:10 p.m.",
        # 36 table rows, 3 rules, the "All Times EDT" line, and the game lines:
        # 34 of the AL's results and schedules, 31 of the NL's
        36 + 3 + 1 + 34 + 31,
        datetime(2016, 5, 17, 6, 20, tzinfo=timezone.utc),
    ),
    "IPTC7901.txt": (
        "iptc7901",
        "Germany Social Democrats: Coalition talks with Merkel could fail",
        "Berlin (dpa) - Negotiations between German conservatives headed by Chancellor",
        "Tel: +49 30 2852 31472; <englishservice@dpa.com>",
        5 + 2 + 3,
        datetime(2013, 11, 13, 11, 37, tzinfo=timezone.utc),
    ),
    "dpa_two_line.txt": (
        "iptc7901",
        "Peace talks on Yemen to take place in Sweden next month, Mattis says",
        "Washington (dpa) - US Defence Secretary Jim Mattis says he expects the warring",
        "- [DOD news](http://dpaq.de/3UXnb)",
        4 + 1,
        datetime(2018, 11, 21, 21, 1, tzinfo=timezone.utc),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_file(name: str) -> None:
    fmt, title, first, last, count, published = CASES[name]
    path = WIRE / name
    assert newsparse.detect(path).name == fmt
    errors: list[ParseError] = []
    [article] = newsparse.parse(path, on_error=errors.append)
    assert errors == []
    assert article.title == title
    assert article.paragraphs[0].startswith(first)
    assert article.paragraphs[-1] == last
    assert len(article.paragraphs) == count
    assert article.published == published


def test_anpa_1_byline_and_routing() -> None:
    article = newsparse.parse(WIRE / "anpa-1.tst")[0]
    assert article.authors == ("PAUL BYRNE", "ALMUDENA CALATRAVA")
    assert article.meta["anpa1312.byline-title"] == "Associated Press"
    assert article.meta["anpa1312.slug"] == "BC-LT--Argentina-Cancer Beauty"
    assert article.meta["anpa1312.priority"] == "f"
    assert '"Look Good Feel Better" is a program' in article.paragraphs[1]


def test_ap_anpa_1_summary_and_take_key() -> None:
    article = newsparse.parse(WIRE / "ap_anpa-1.tst")[0]
    assert article.meta["anpa1312.take-key"] == "1st Ld-Writethru"
    assert article.summary is not None
    assert article.summary.startswith("Luol Deng scored 30 points")
    assert article.summary.endswith("in the back of his left knee.")
    assert article.authors == ("CHARLES ODUM",)


def test_ap_anpa_2_keeps_every_table_row() -> None:
    article = newsparse.parse(WIRE / "ap_anpa-2.tst")[0]
    assert article.meta["anpa1312.rows"] == "36"
    text = "\n".join(article.paragraphs)
    assert "Tampa Bay;17;19;.472;6;3\u00bd;5-5;W-1;10-11;7-8" in text
    assert "Miami;21;17;.553;2;\u00bd;5-5;W-3;8-10;13-7" in text
    assert text.count(";W;L;Pct;GB;WCGB;L10;Str;Home;Away") == 6
    assert [s.heading for s in article.body[:4]] == [
        None,
        "AMERICAN LEAGUE",
        "East Division",
        "Central Division",
    ]


def test_dpa_files_flag_notebook_and_signoff() -> None:
    two_line = newsparse.parse(WIRE / "dpa_two_line.txt")[0]
    assert two_line.meta["iptc7901.flag"] == "EXTRA"
    assert two_line.meta["iptc7901.signoff"] == "dpa grj rmo"
    story = newsparse.parse(WIRE / "IPTC7901.txt")[0]
    assert story.meta["iptc7901.keyword"] == "Germany-politics/"
    assert story.meta["iptc7901.signoff"] == "dpa wsz jln npr"
    assert [s.heading for s in story.body] == [None, "dpa NOTEBOOK", "dpa Contacts"]
    last = story.body[0].paragraphs[-1]
    assert last.endswith("to be sworn in for a third term before Christmas.")
