"""The site-page kit: reading a corpus folder, parsing its pages, comparing fields."""

from __future__ import annotations

import gzip
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, ClassVar

import pytest

from newsparse.plugin import ENV_DISABLE_AUTOLOAD
from newsparse.testing import (
    Gap,
    SitePage,
    SitePageTests,
    as_given,
    normalized,
    page_params,
    parse_page,
    plugin_autoload_disabled,
    read_pages,
)

PAGE = """<!doctype html>
<html lang="en"><head><title>Rain all week</title></head>
<body><article><h1>Rain all week</h1>
<p>The forecast says it will rain every day until Sunday, and then again.</p>
<p>Farmers are pleased; the people who planned picnics are not.</p>
</article></body></html>
"""

EXPECTED: dict[str, Any] = {
    "V1": {
        "title": "Rain all week",
        "authors": ["Ann Author", "Bo Writer"],
        "publishing_date": "2024-05-03 18:19:00+02:00",
        "body": {
            "summary": ["First line.", "Second line."],
            "sections": [
                {"headline": [], "paragraphs": ["One.", "Two."]},
                {"headline": ["Later"], "paragraphs": ["Three."]},
            ],
        },
    },
    "V2": {
        "title": "Old layout",
        "authors": [],
        "publishing_date": "2020-01-01 10:00:00",
        "body": {"summary": [], "sections": []},
    },
}


def make_corpus(root: Path) -> Path:
    """A corpus of two pages of one publisher and one of another, as fundus lays it out."""
    data = root / "test_data" / "xx"
    data.mkdir(parents=True)
    (data / "Weather.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    (data / "Other.json").write_text(json.dumps({"V1": EXPECTED["V2"]}), encoding="utf-8")
    (data / "Weather_2024.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (data / "Weather_2020.html").write_text(PAGE, encoding="utf-8")
    manifest = [
        {"publisher": "Weather", "version": "V1", "html": "xx/Weather_2024.html.gz"},
        {"publisher": "Other", "version": "V1", "html": "xx/Other.html.gz"},
        {"publisher": "Weather", "version": "V2", "html": "xx/Weather_2020.html"},
    ]
    for item in manifest:
        item["json"] = f"xx/{item['publisher']}.json"
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def test_reads_the_pages_of_one_publisher_in_manifest_order(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    first, second = read_pages(corpus, "Weather")
    assert first == SitePage(
        version="V1",
        path=corpus / "test_data" / "xx" / "Weather_2024.html.gz",
        title="Rain all week",
        authors=("Ann Author", "Bo Writer"),
        published="2024-05-03 18:19:00+02:00",
        summary="First line.\nSecond line.",
        sections=((None, ("One.", "Two.")), ("Later", ("Three.",))),
    )
    assert first.id == "V1-Weather_2024.html.gz"
    assert (second.version, second.title, second.authors) == ("V2", "Old layout", ())
    assert second.summary is None
    assert second.sections == ()
    assert [page.version for page in read_pages(corpus, "Other")] == ["V1"]
    assert read_pages(corpus, "Nobody") == []


def test_records_are_hashable(tmp_path: Path) -> None:
    pages = read_pages(make_corpus(tmp_path), "Weather")
    assert len(set(pages)) == 2


def test_a_missing_manifest_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_pages(tmp_path, "Weather")


def test_params_carry_the_pages_and_their_ids(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    params = page_params(corpus, "Weather")
    assert [param.id for param in params] == ["V1-Weather_2024.html.gz", "V2-Weather_2020.html"]
    assert [param.values[0] for param in params] == read_pages(corpus, "Weather")
    assert all(not param.marks for param in params)


def test_params_without_a_corpus_are_one_skipped_placeholder(tmp_path: Path) -> None:
    [param] = page_params(tmp_path / "absent", "Weather")
    assert param.values == (None,)
    assert param.id == "no-corpus"
    [mark] = param.marks
    assert mark.name == "skip"
    assert str(tmp_path / "absent") in mark.kwargs["reason"]


def test_params_for_a_publisher_without_pages_fail(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="no Nobody page"):
        page_params(make_corpus(tmp_path), "Nobody")


def test_parses_gzipped_and_plain_pages_alike(tmp_path: Path) -> None:
    gzipped, plain = read_pages(make_corpus(tmp_path), "Weather")
    article = parse_page(gzipped)
    assert article.title == "Rain all week"
    assert parse_page(plain) == article
    assert parse_page(plain.path) == article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Rain \n\t all  week ", "Rain all week"),
        ("Rain\u200ball\ufeffweek", "Rain all week"),
        ("\u200b\ufeff \u00a0", ""),
        ("", ""),
    ],
)
def test_normalized(text: str, expected: str) -> None:
    assert normalized(text) == expected


def test_as_given_drops_what_the_expected_time_leaves_out() -> None:
    published = datetime(2024, 5, 3, 18, 19, 42, 5, tzinfo=timezone(timedelta(hours=2)))
    assert as_given(published, datetime(2024, 5, 3, 18, 19)) == datetime(2024, 5, 3, 18, 19)
    exact = datetime(2024, 5, 3, 16, 19, 42, 5, tzinfo=timezone.utc)
    assert as_given(published, exact) == published
    assert as_given(published, exact) == exact  # the same instant


def test_autoload_disabled_restores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_DISABLE_AUTOLOAD, raising=False)
    with plugin_autoload_disabled():
        assert os.environ[ENV_DISABLE_AUTOLOAD] == "1"
    assert ENV_DISABLE_AUTOLOAD not in os.environ
    monkeypatch.setenv(ENV_DISABLE_AUTOLOAD, "0")
    with plugin_autoload_disabled():
        assert os.environ[ENV_DISABLE_AUTOLOAD] == "1"
    assert os.environ[ENV_DISABLE_AUTOLOAD] == "0"


def _weather_page(tmp_path: Path) -> SitePage:
    corpus = make_corpus(tmp_path)
    return read_pages(corpus, "Weather")[0]


class WeatherPages(SitePageTests):
    publisher = "Weather"
    folders: ClassVar[tuple[tuple[str, Path], ...]] = ()


def test_site_page_tests_compare_each_field_with_the_corpus(tmp_path: Path) -> None:
    page = _weather_page(tmp_path)
    tests = WeatherPages()
    tests.check_field(page, "title")  # the page's h1 and title are the corpus's title
    with pytest.raises(AssertionError):
        tests.check_field(page, "authors")  # the page names nobody; the corpus two
    with pytest.raises(AssertionError):
        tests.check_field(page, "summary")


def test_a_gap_replaces_the_corpus_value_and_fails_once_stale(tmp_path: Path) -> None:
    page = _weather_page(tmp_path)

    class WithGaps(WeatherPages):
        gaps = (
            Gap(field="authors", version="V1", reason="the page names nobody", expected=()),
            Gap(field="title", version="V1", reason="wrong on purpose", expected="Rain all week"),
        )

    tests = WithGaps()
    tests.check_field(page, "authors")  # the gap's () instead of the corpus's two names
    with pytest.raises(AssertionError, match="the corpus now agrees with the gap"):
        tests.check_field(page, "title")  # the corpus says the same: the gap is stale


def test_a_gap_may_check_with_a_function(tmp_path: Path) -> None:
    page = _weather_page(tmp_path)
    calls: list[tuple[object, object]] = []

    class Checked(WeatherPages):
        gaps = (
            Gap(
                field="summary",
                version="V1",
                reason="checked by hand",
                check=lambda parsed, corpus: calls.append((parsed, corpus)),
            ),
        )

    Checked().check_field(page, "summary")
    assert calls == [(None, "First line.\nSecond line.")]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"field": "headline", "expected": "x"}, "Gap.field must be one of"),
        ({"field": "title"}, "exactly one of expected= and check="),
        ({"field": "title", "expected": "x", "check": print}, "exactly one of"),
        ({"field": "title", "expected": "x", "reason": " "}, "needs a reason"),
    ],
)
def test_gaps_are_checked_when_made(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Gap(**{"version": "V1", "reason": "why", **arguments})


def test_site_page_tests_take_pages_from_every_folder(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)

    class Folders(WeatherPages):
        folders = (("here", corpus), ("gone", tmp_path / "missing"))

    params = Folders.page_params()
    assert [param.id for param in params] == [
        "here-V1-Weather_2024.html.gz",
        "here-V2-Weather_2020.html",
        "gone-no-corpus",
    ]
    assert [mark.name for mark in params[2].marks] == ["skip"]
