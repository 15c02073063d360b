"""Detection: the wire formats are known by their control-code framing and nothing else."""

from __future__ import annotations

from pathlib import Path

import newsparse
import pytest
from newsparse import Article, Section, UnknownFormatError

from wire_samples import REPO, SHARED, SOH, STX, agate_story, anpa_story, iptc_story

OURS = {"anpa1312", "iptc7901"}
EXPECTED = {
    "anpa-1.tst": "anpa1312",
    "ap_anpa-1.tst": "anpa1312",
    "ap_anpa-2.tst": "anpa1312",
    "IPTC7901.txt": "iptc7901",
    "dpa_two_line.txt": "iptc7901",
}


def _files() -> list[Path]:
    roots = [SHARED / "corpora", SHARED / "examples", REPO / "examples"]
    found = (path for root in roots if root.is_dir() for path in root.rglob("*"))
    return sorted(path for path in found if path.is_file())


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason=f"{SHARED / 'corpora'} is absent")
def test_every_corpus_file_gets_the_right_format_or_not_ours() -> None:
    files = _files()
    assert len(files) > len(EXPECTED)
    wrong = []
    for path in files:
        try:
            found = newsparse.detect(path).name
        except UnknownFormatError:
            found = None
        expected = EXPECTED.get(path.name) if path.parent.name == "wire" else None
        if expected is not None and found != expected:
            wrong.append(f"{path}: {found}, not {expected}")
        elif expected is None and found in OURS:
            wrong.append(f"{path}: taken for {found}")
    assert wrong == []


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (anpa_story(), "anpa1312"),
        (anpa_story(syn=False), "anpa1312"),
        (agate_story(), "anpa1312"),
        (iptc_story(), "iptc7901"),
        (b"\x7f\x00\r\n" + iptc_story(), "iptc7901"),
        (iptc_story().replace(b"\n", b"\r\n"), "iptc7901"),
    ],
    ids=["anpa", "anpa-no-syn", "anpa-agate", "7901", "7901-padded", "7901-crlf"],
)
def test_samples_are_detected(data: bytes, name: str) -> None:
    assert newsparse.detect(data).name == name
    assert newsparse.get_format(name).sniff(data.decode("latin-1")) >= 0.9


def test_the_two_formats_do_not_take_each_other() -> None:
    assert newsparse.get_format("iptc7901").sniff(anpa_story().decode("latin-1")) < 0.5
    assert newsparse.get_format("anpa1312").sniff(iptc_story().decode("latin-1")) <= 0.5


def test_framing_without_either_header_goes_to_7901_modestly() -> None:
    data = SOH + b"something\n" + STX + b"Headline =\n\nText.\n\x03\x04"
    scores = {name: newsparse.get_format(name).sniff(data.decode("latin-1")) for name in OURS}
    assert 0 < scores["anpa1312"] < scores["iptc7901"] < 0.9


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>\x01 not a wire</p></body></html>",
        newsparse.render([Article(title="\u2401 SOH", body=[Section(paragraphs=["x"])])], "json"),
        "Headline\n\nTT\n20\n\nHeadline\n\nText.",
        "plain text with an SOH \x01 in the middle\x02",
        "",
    ],
    ids=["html", "json", "tt", "soh-late", "empty"],
)
def test_other_inputs_score_zero(text: str) -> None:
    for name in OURS:
        assert newsparse.get_format(name).sniff(text) == 0.0
