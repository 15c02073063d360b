"""Tests of the scoring functions of the html quality benchmark (benchmarks/quality_metrics.py).

The expected numbers are worked out by hand in the comments: tokens, shingles,
then tp/fp/fn and the ratios.
"""

from __future__ import annotations

import importlib
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

import pytest

from newsparse import Article, Section

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _benchmark_module(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` (benchmarks/ is not a package)."""
    folder = str(REPO / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(name)


qm = _benchmark_module("quality_metrics")

UTC = timezone.utc
needs_corpora = pytest.mark.skipif(
    not (CORPORA / "scrapinghub").is_dir() or not (CORPORA / "fundus").is_dir(),
    reason=f"the shared corpora are not at {CORPORA} (they live outside the repository)",
)


# -- tokens and shingles ------------------------------------------------------


def test_tokens_are_word_runs() -> None:
    # Punctuation separates; the apostrophe splits "It's" into "It" and "s".
    assert qm.tokens("Hello, world! It's 2024.") == ["Hello", "world", "It", "s", "2024"]
    assert qm.tokens("snake_case stays") == ["snake_case", "stays"]
    assert qm.tokens(" \n ... ") == []


def test_shingles_are_a_set_of_four_token_runs() -> None:
    # a b c d e -> (a b c d), (b c d e)
    assert qm.shingles(["a", "b", "c", "d", "e"]) == {("a", "b", "c", "d"), ("b", "c", "d", "e")}
    # a b c d a b c d -> abcd, bcda, cdab, dabc, abcd: 4 distinct
    assert len(qm.shingles(qm.tokens("a b c d a b c d"))) == 4


def test_short_text_is_one_shingle_of_all_its_tokens() -> None:
    assert qm.shingles(["Breaking", "news"]) == {("Breaking", "news")}
    assert qm.shingles(["one"]) == {("one",)}
    assert qm.shingles(["a", "b", "c", "d"]) == {("a", "b", "c", "d")}
    assert qm.shingles([]) == set()


# -- shingle score ------------------------------------------------------------


def test_score_partial_overlap() -> None:
    # pred a b c d e f: abcd bcde cdef; true a b c d e x: abcd bcde cdex
    # tp = 2 (abcd, bcde), fp = 1 (cdef), fn = 1 (cdex): P = R = F1 = 2/3
    score = qm.shingle_score("a b c d e f", "a b c d e x")
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_score_missing_text_costs_recall_only() -> None:
    # pred a b c d e: abcd bcde; true a b c d e f g: abcd bcde cdef defg
    # tp = 2, fp = 0, fn = 2: P = 1, R = 1/2, F1 = 2 * 1 * 0.5 / 1.5 = 2/3
    score = qm.shingle_score("a b c d e", "a b c d e f g")
    assert (score.tp, score.fp, score.fn) == (2, 0, 2)
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert score.f1 == pytest.approx(2 / 3)


def test_score_uses_sets_so_repetition_does_not_count() -> None:
    # pred: {abcd, bcda, cdab, dabc} (4); true: {abcd}
    # tp = 1, fp = 3, fn = 0: P = 1/4, R = 1, F1 = 2 * 0.25 / 1.25 = 0.4
    score = qm.shingle_score("a b c d a b c d", "a b c d")
    assert (score.tp, score.fp, score.fn) == (1, 3, 0)
    assert score.f1 == pytest.approx(0.4)
    # Three times gives the same set as twice (shingles across the joins,
    # such as (c d a b), are new the first time only), hence the same score.
    assert qm.shingle_score("a b c d a b c d a b c d", "a b c d") == score


def test_score_ignores_punctuation_and_layout_but_not_case() -> None:
    assert qm.shingle_score("The cat, sat\n\ndown.", "The cat sat down").f1 == 1.0
    # Case is kept: (The cat sat down) != (the cat sat down)
    assert qm.shingle_score("The cat sat down", "the cat sat down").f1 == 0.0


def test_score_short_texts() -> None:
    # {(Breaking, news)} both sides: tp = 1
    assert qm.shingle_score("Breaking news", "Breaking news").f1 == 1.0
    # {(Breaking,)} vs {(Breaking, news)}: tp = 0, fp = 1, fn = 1
    score = qm.shingle_score("Breaking", "Breaking news")
    assert (score.tp, score.fp, score.fn, score.f1) == (0, 1, 1, 0.0)
    # {(a, b, c)} vs {abcd, bcde}: nothing shared
    assert qm.shingle_score("a b c", "a b c d e").f1 == 0.0


def test_score_empty_cases() -> None:
    # Empty extraction of a non-empty truth: all 0 (tp = fp = 0, fn = 1).
    score = qm.shingle_score("", "a b c d")
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    assert (score.tp, score.fp, score.fn) == (0, 0, 1)
    # Only punctuation is no tokens, so empty as well.
    assert qm.shingle_score(" -- ", "a b c d").f1 == 0.0
    # Something extracted where the truth is empty: all 0.
    score = qm.shingle_score("a b c d", "")
    assert (score.precision, score.recall, score.f1, score.fp) == (0.0, 0.0, 0.0, 1)
    # Both empty: perfect (documented choice).
    assert qm.shingle_score("", "").f1 == 1.0
    assert qm.shingle_score("...", "\n").f1 == 1.0


def test_unicode_tokens() -> None:
    # German: ß, ü and ö are word characters: 4 tokens, one shingle.
    assert qm.tokens("Die Straße über Köln") == ["Die", "Straße", "über", "Köln"]
    assert qm.shingle_score("Die Straße über Köln.", "Die Straße über Köln").f1 == 1.0
    # Arabic without vowel marks: 3 tokens.
    assert qm.tokens("قال الوزير إن") == ["قال", "الوزير", "إن"]
    # \w does not match combining marks (U+064E fatha is category Mn), so a
    # vowelled word splits at each mark: كَتَبَ -> ك ت ب.
    assert qm.tokens("كَتَبَ") == ["ك", "ت", "ب"]
    # Japanese has no spaces: a token is a run between punctuation marks;
    # U+3002 (ideographic full stop) is not a word character.
    assert qm.tokens("東京都は晴れ。明日は雨") == ["東京都は晴れ", "明日は雨"]
    # Two CJK tokens form one shingle; a different run is a different shingle.
    assert qm.shingle_score("東京都は晴れ。明日は雨", "東京都は晴れ。明日は雪").f1 == 0.0


def test_mean_and_f1() -> None:
    assert qm.mean([0.5, 1.0, 0.0]) == pytest.approx(0.5)
    assert qm.mean([]) == 0.0
    assert qm.f1_score(1.0, 0.5) == pytest.approx(2 / 3)
    assert qm.f1_score(0.0, 0.0) == 0.0


def test_upstream_variant_counts_repeats_and_forgives_empty_precision() -> None:
    # Multiset: pred abcd bcda cdab dabc abcd (5), true abcd (1); shared
    # min(2, 1) = 1: P = 1/5, R = 1/1.
    assert qm.upstream_page_score("a b c d a b c d", "a b c d") == (pytest.approx(0.2), 1.0)
    # Empty extraction: precision 1, recall 0.
    assert qm.upstream_page_score("", "a b c d") == (1.0, 0.0)


# -- composing the scored text ------------------------------------------------


def test_article_body_text() -> None:
    article = Article(
        title="Title is not scored",
        summary="The dek.",
        body=[
            Section(paragraphs=["First paragraph.", "Second."]),
            Section(heading="A subhead", paragraphs=["Third."]),
        ],
    )
    assert qm.article_body_text(article) == "The dek.\nFirst paragraph.\nSecond.\nA subhead\nThird."
    assert qm.article_body_text(article, with_summary=False) == (
        "First paragraph.\nSecond.\nA subhead\nThird."
    )
    assert qm.article_body_text(Article(title="Empty")) == ""


def test_fundus_true_body_order() -> None:
    body = {
        "summary": ["Lead one.", "Lead two."],
        "sections": [
            {"headline": [], "paragraphs": ["P1.", "P2."]},
            {"headline": ["Sub"], "paragraphs": ["P3."]},
        ],
    }
    assert qm.fundus_true_body(body) == "Lead one.\nLead two.\nP1.\nP2.\nSub\nP3."
    assert qm.fundus_true_body({"sections": [{"paragraphs": ["Only."]}]}) == "Only."
    assert qm.fundus_true_body({"summary": [], "sections": []}) == ""
    assert qm.fundus_true_body(None) == ""


# -- exact-match fields -------------------------------------------------------


def test_whitespace_normalisation() -> None:
    assert qm.normalize_space("  Hello\n\t world\u00a0 again ") == "Hello world again"
    assert qm.normalize_space("Ein bisschen Fortschritt\u200b") == "Ein bisschen Fortschritt"
    assert qm.normalize_space("全角\u3000スペース") == "全角 スペース"
    assert qm.same_text("A  title\n", "A title")
    assert not qm.same_text("A title", "A Title")
    assert not qm.same_text(None, "A title")


def test_author_sets() -> None:
    assert qm.same_authors(["Anna  Fink", "Jan Marchart"], ["Jan Marchart", "Anna Fink"])
    assert qm.same_authors(["Anna Fink", "Anna Fink "], ["Anna Fink"])
    assert qm.same_authors(["Anna Fink", " "], ["Anna Fink"])
    assert not qm.same_authors(["Anna Fink"], ["Anna Fink", "Jan Marchart"])
    assert not qm.same_authors([], ["Anna Fink"])
    assert qm.same_authors([], [])


def test_parse_expected_date_forms() -> None:
    assert qm.parse_expected_date("2023-06-29 15:04:36+02:00") == datetime(
        2023, 6, 29, 13, 4, 36, tzinfo=UTC
    )
    assert qm.parse_expected_date("2025-05-14 20:28:12.467000+03:00") == datetime(
        2025, 5, 14, 17, 28, 12, 467000, tzinfo=UTC
    )
    assert qm.parse_expected_date("2024-05-01 08:00:00-04:00").utcoffset() == timedelta(hours=-4)
    assert qm.parse_expected_date("2024-05-01T12:00:00Z") == datetime(2024, 5, 1, 12, tzinfo=UTC)
    naive = qm.parse_expected_date("2024-04-24 00:00:00")
    assert naive.tzinfo is None
    with pytest.raises(ValueError, match="Invalid isoformat"):
        qm.parse_expected_date("24 April 2024")


def test_dates_compare_to_the_minute_in_utc() -> None:
    expected = qm.parse_expected_date("2023-06-29 15:04:36+02:00")  # 13:04:36 UTC
    assert qm.same_minute(datetime(2023, 6, 29, 13, 4, tzinfo=UTC), expected)
    assert qm.same_minute(datetime(2023, 6, 29, 13, 4, 59, 999999, tzinfo=UTC), expected)
    # The same instant in a third offset: 09:04 at -04:00 is 13:04 UTC.
    minus_four = timezone(timedelta(hours=-4))
    assert qm.same_minute(datetime(2023, 6, 29, 9, 4, tzinfo=minus_four), expected)
    # Same wall clock, different instant: 15:04 UTC is not 15:04+02:00.
    assert not qm.same_minute(datetime(2023, 6, 29, 15, 4, tzinfo=UTC), expected)
    # Truncated, not rounded: 13:05:00 is another minute.
    assert not qm.same_minute(datetime(2023, 6, 29, 13, 5, tzinfo=UTC), expected)
    assert not qm.same_minute(None, expected)
    # Across midnight and the year: 00:30+01:00 on 1 January is 23:30 UTC the day before.
    new_year = qm.parse_expected_date("2024-01-01 00:30:00+01:00")
    assert qm.same_minute(datetime(2023, 12, 31, 23, 30, tzinfo=UTC), new_year)


def test_naive_expected_dates_compare_wall_clock() -> None:
    expected = qm.parse_expected_date("2024-04-24 00:00:00")  # no offset given
    beijing = timezone(timedelta(hours=8))
    assert qm.same_minute(datetime(2024, 4, 24, 0, 0, 30, tzinfo=beijing), expected)
    assert not qm.same_minute(datetime(2024, 4, 24, 0, 1, tzinfo=beijing), expected)


# -- against the real corpora -------------------------------------------------


@needs_corpora
def test_trafilatura_published_output_scores_as_measured() -> None:
    """Regression test of the metric on a published output.

    With the README's method, trafilatura 2.0.0's stored scrapinghub output
    scores F1 0.9544 (P 0.9427, R 0.9786); the published table says 0.958
    (P 0.938, R 0.978), which the upstream variant reproduces (0.9575).
    """
    corpora = _benchmark_module("corpora")
    pages = corpora.load_scrapinghub(CORPORA)
    output = corpora.load_published_output(CORPORA, "trafilatura")
    assert len(pages) == 181
    assert set(output) == {page.id for page in pages}
    scores = [qm.shingle_score(output[page.id], page.expected.body) for page in pages]
    assert qm.mean(s.f1 for s in scores) == pytest.approx(0.9544, abs=0.005)
    assert qm.mean(s.precision for s in scores) == pytest.approx(0.9427, abs=0.005)
    assert qm.mean(s.recall for s in scores) == pytest.approx(0.9786, abs=0.005)
    upstream = [qm.upstream_page_score(output[page.id], page.expected.body) for page in pages]
    precision = qm.mean(p for p, _ in upstream)
    recall = qm.mean(r for _, r in upstream)
    assert qm.f1_score(precision, recall) == pytest.approx(0.958, abs=0.001)


@needs_corpora
def test_fundus_pairing() -> None:
    corpora = _benchmark_module("corpora")
    pages = corpora.load_fundus(CORPORA)
    assert len(pages) == 258
    ids = [page.id for page in pages]
    assert ids == sorted(ids)
    assert len(set(ids)) == 258
    first = pages[0]
    assert first.id == "at/DerStandard_2024_05_03"
    assert first.expected.title == "Nach Kalifat-Rufen in Hamburg: Sind wir zu sanft zu Islamisten?"
    assert first.expected.authors == ("Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart")
    assert first.expected.published == "2024-05-03 15:47:42.389000+00:00"
    # WAZ has four dated pages, each paired with its own version's entry.
    waz = {page.id: page.expected.title for page in pages if page.id.startswith("de/WAZ_")}
    assert waz["de/WAZ_2024_03_08"] == "Erstes Bild: So könnte die Duisburger Seilbahn aussehen"
    assert len(set(waz.values())) == 4


# -- title sources (benchmarks/title_sources.py) ------------------------------

ts = _benchmark_module("title_sources")


def test_title_sources_reads_each_source_of_a_page() -> None:
    page = b"""<html><head><title>Site title | Example</title>
    <meta property="og:title" content="Social  headline">
    <meta name="twitter:title" content="Card headline">
    <script type="application/ld+json">
      {"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle",
       "headline": "Data headline &#8217;quoted&#8217;"}]}
    </script></head>
    <body><h1>Page <em>headline</em></h1></body></html>"""
    sources = ts.read_sources(page)
    assert sources == ts.Sources(
        json_ld="Data headline \u2019quoted\u2019",  # the entity is read as the page shows it
        og="Social headline",  # whitespace normalised
        twitter="Card headline",
        h1="Page headline",
        title="Site title | Example",
    )


def test_title_sources_counts_only_different_wordings() -> None:
    # A site name added or a kicker in front is not a different wording.
    assert not ts._different_wordings("Headline", "Headline | Example News")
    assert not ts._different_wordings("Topic: Headline", "Headline")
    assert not ts._different_wordings(None, "Headline")
    assert ts._different_wordings("Police close road", "Road closed by police")


def test_readability_truth_breaks_at_blocks_only() -> None:
    """The method of the readability corpus README: a break at blocks, none at inline markup."""
    expected = "<div><p>one</p><p>t<b>w</b>o</p><script>var x;</script>after<br>end</div>"
    text = qm.readability_true_body(expected.encode("utf-8"))
    assert qm.tokens(text) == ["one", "two", "after", "end"]
    assert qm.readability_true_body("<p>café</p>".encode()).strip() == "café"  # read as UTF-8


def test_auroc_counts_the_pairs_ranked_right() -> None:
    # Positives 0.9 and 0.4; negatives 0.5 and 0.1.  Pairs: (0.9, 0.5) right,
    # (0.9, 0.1) right, (0.4, 0.5) wrong, (0.4, 0.1) right: 3 of 4.
    assert qm.auroc([0.9, 0.4, 0.5, 0.1], [True, True, False, False]) == 0.75
    # A tie counts half: (0.5, 0.5) is half a pair of one.
    assert qm.auroc([0.5, 0.5], [True, False]) == 0.5
    assert qm.auroc([1.0, 0.0], [True, False]) == 1.0
    assert qm.auroc([0.3, 0.2], [True, True]) is None
