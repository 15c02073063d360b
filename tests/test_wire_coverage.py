"""Every agency wire file and IPTC NewsML-G2 file: detected right, read or diagnosed (issue 21).

Runs ``benchmarks/wire_coverage.py`` over ``shared/corpora/wire`` and
``shared/corpora/iptc`` (outside the repository; skipped when absent).  The
format of each wire file is the one its README names, written here by hand.
The stories' contents are checked in the plugins' corpus tests.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsparse


def _load_coverage() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "wire_coverage.py"
    spec = importlib.util.spec_from_file_location("wire_coverage", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("wire_coverage", module)
    spec.loader.exec_module(module)
    return module


coverage = _load_coverage()
CORPORA: Path = coverage.CORPORA
pytestmark = pytest.mark.skipif(
    not (CORPORA / "wire").is_dir() or not (CORPORA / "iptc").is_dir(),
    reason=f"the shared corpora are not at {CORPORA} (they live outside the repository)",
)
_NEEDED = {"anpa1312", "iptc7901", "atom", "newsml1", "newsml-g2", "nitf", "ninjs"}
needs_plugins = pytest.mark.skipif(
    not set(newsparse.formats()) >= _NEEDED,
    reason=f"needs the formats {sorted(_NEEDED - set(newsparse.formats()))}",
)

# The README's "format family" column, by hand.
WIRE_FORMATS = {
    "aap.xml": "nitf",
    "aap-finance-lite.xml": "nitf",
    "pa1.xml": "nitf",
    "nitf-fishing.xml": "nitf",
    "mapping_test.xml": "nitf",
    "afp.xml": "newsml1",
    "stt_newsml_test.xml": "newsml-g2",
    "stt_newsml_no_truncated_text_test.xml": "newsml-g2",
    "ansa_culture.xml": "newsml-g2",
    "tag_reuters.com_2014_newsml_KBN0FL0NN_version_5": "newsml-g2",
    "picture.xml": "newsml-g2",
    "scoop.xml": "newsml-g2",
    "dpa.xml": "newsml-g2",
    "ninjs1.json": "ninjs",
    "ninjs2.json": "ninjs",
    "ninjsExSimpleText1.json": "ninjs",
    "bbc-ninjs-text-test.json": "ninjs",
    "anpa-1.tst": "anpa1312",
    "ap_anpa-1.tst": "anpa1312",
    "ap_anpa-2.tst": "anpa1312",
    "IPTC7901.txt": "iptc7901",
    "dpa_two_line.txt": "iptc7901",
    "wenn.xml": "atom",
}
# Wire files that hold no text story, and what they are reported as.
NOT_STORIES = {"picture.xml": "non-text", "aap-finance-lite.xml": "error"}


def _rows() -> list[Any]:
    return [coverage.measure(path) for path in coverage.corpus_files()]


@pytest.fixture(scope="module")
def rows() -> dict[str, Any]:
    return {row.name: row for row in _rows()}


@needs_plugins
def test_every_wire_file_is_listed_and_detected_as_its_format(rows: dict[str, Any]) -> None:
    wire = {
        name.removeprefix("wire/"): row for name, row in rows.items() if name.startswith("wire/")
    }
    news = {name: row for name, row in wire.items() if row.outcome != "not news"}
    assert set(news) == set(WIRE_FORMATS)
    assert {name: row.detected for name, row in news.items()} == WIRE_FORMATS


@needs_plugins
def test_every_wire_text_story_parses_with_headline_and_body(rows: dict[str, Any]) -> None:
    for name in WIRE_FORMATS:
        row = rows[f"wire/{name}"]
        if name in NOT_STORIES:
            assert row.outcome == NOT_STORIES[name], row
            continue
        assert row.outcome in {"parsed", "parsed+diag"}, row
        assert row.headlines, row
        assert row.paragraphs > 0, row


@needs_plugins
def test_every_iptc_file_is_newsml_g2_and_read_or_diagnosed(rows: dict[str, Any]) -> None:
    iptc = [row for name, row in rows.items() if name.startswith("iptc/")]
    assert len(iptc) > 150
    for row in iptc:
        if row.outcome == "not news":
            continue
        assert row.detected == "newsml-g2", row
        assert row.outcome in {"parsed", "parsed+diag", "non-text", "error"}, row
        if row.articles:
            assert row.headlines, row


def test_nothing_but_newsparse_errors_escape(rows: dict[str, Any]) -> None:
    crashed = [row for row in rows.values() if row.outcome == "CRASH"]
    assert crashed == []


def test_the_diagnosis_rule_tells_non_text_from_other_errors() -> None:
    assert coverage.diagnosis("the news item is of class 'icls:picture' (a picture item)")
    assert coverage.diagnosis("the packageItem refers to no item: the document holds no news")
    assert not coverage.diagnosis("no headline: the document has neither hl1 nor a head title")
