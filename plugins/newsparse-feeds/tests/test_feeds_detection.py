"""Detection: feeds are recognised from their bytes, and nothing else is taken for one."""

from __future__ import annotations

import gzip
from pathlib import Path

import newsparse
import pytest
from newsparse import NewsparseError

from feeds import ATOM, RSS1, RSS2

# The repository, and the shared data folder beside it (absent in a plain clone).
REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"


@pytest.mark.parametrize(("text", "name"), [(RSS2, "rss"), (RSS1, "rss"), (ATOM, "atom")])
def test_feeds_are_detected(text: str, name: str) -> None:
    assert newsparse.detect(text.encode("utf-8")).name == name


def test_prefixed_atom_root_is_detected() -> None:
    text = '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title></a:feed>'
    assert newsparse.detect(text).name == "atom"


def test_rdf_without_rss_namespace_is_not_rss() -> None:
    text = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><x/></rdf:RDF>'
    assert newsparse.get_format("rss").sniff(text) == 0.0


def test_html_mentioning_rss_is_not_a_feed() -> None:
    page = "<html><head><title>x</title></head><body><p>&lt;rss&gt; and <feed></p></body></html>"
    assert newsparse.get_format("rss").sniff(page) == 0.0
    assert newsparse.get_format("atom").sniff(page) == 0.0


def _corpus_files() -> list[Path]:
    roots = [SHARED / "corpora", SHARED / "examples", REPO / "examples"]
    return sorted(
        path
        for root in roots
        if root.is_dir()
        for path in root.rglob("*")
        if path.is_file() and path.stat().st_size < 4_000_000
    )


FILES = _corpus_files()


@pytest.mark.skipif(not FILES, reason=f"no corpus found in {SHARED} nor {REPO / 'examples'}")
def test_no_other_corpus_file_is_taken_for_a_feed() -> None:
    wrong = []
    feeds = []
    for path in FILES:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        head = data[:65536]
        for name in ("rss", "atom"):
            fmt = newsparse.get_format(name)
            encoding = fmt.declared_encoding(head) or "utf-8"
            score = fmt.sniff(head.decode(encoding, errors="replace"))
            if score > 0:
                feeds.append(path.name)
                if path.name != "wenn.xml":
                    wrong.append((path, name, score))
    assert wrong == []
    if (SHARED / "corpora" / "wire" / "wenn.xml").is_file():
        assert feeds == ["wenn.xml"]
        try:
            assert newsparse.detect(SHARED / "corpora" / "wire" / "wenn.xml").name == "atom"
        except NewsparseError as error:  # pragma: no cover - shown if it fails
            pytest.fail(str(error))
