"""``newsparse convert``: rendering refusals name the input, the article and its title;
``--drop-unrepresentable`` drops on request and lists every dropped field.

The messages are the same with ``--jobs 2`` as without (issue 18, item 7).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

import pytest
from click.testing import CliRunner, Result

import newsparse
from newsparse import Article, Format, RenderError
from newsparse._hookspecs import hookimpl
from newsparse._plugins import registered
from newsparse._registry import FormatRegistry
from newsparse.cli import cli

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "aawsat-seed.txt"
READABILITY = REPO.parent / "shared" / "corpora" / "readability"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def need(*names: str) -> None:
    missing = [name for name in names if name not in newsparse.formats()]
    if missing:
        pytest.skip(f"the plugins of {', '.join(missing)} are not installed")


def jsonl(*articles: Mapping[str, object]) -> str:
    return "".join(json.dumps({"title": "x", **fields}) + "\n" for fields in articles)


@pytest.fixture
def dumps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two dumps; the second article of b.jsonl has an image without an address."""
    monkeypatch.chdir(tmp_path)
    site = {"url": "https://example.com/a"}
    (tmp_path / "a.jsonl").write_text(
        jsonl({**site, "title": "One"}, {**site, "title": "Two"}), encoding="utf-8"
    )
    gallery = {
        **site,
        "title": "Gallery",
        "images": [{"url": "https://e.com/1.jpg"}, {"caption": "c"}],
    }
    (tmp_path / "b.jsonl").write_text(
        jsonl({**site, "title": "Three"}, gallery, {**site, "title": "Five"}), encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_seed_to_nitf_keeps_its_tt_keys(jobs: str) -> None:
    """NITF writes a key it has no element for as a head/meta, and reads it back."""
    need("tt", "nitf")
    result = run("convert", str(SEED), "--to", "nitf", "--jobs", jobs)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.count('<meta name="tt.number" content="20"/>') == 2
    seed = newsparse.parse(SEED, "tt")
    back = newsparse.parse(result.stdout, "nitf")
    assert [a.title for a in back] == [a.title for a in seed]
    assert [dict(a.meta) for a in back] == [{"tt.number": "20"}, {"tt.number": "20"}]


# A news page whose title, byline and body each have a source: the html format
# records them (and how sure it is) in meta keys of its own.
_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ice closes the inner harbour | Harbour News</title>
<meta property="og:title" content="Ice closes the inner harbour">
<meta name="author" content="Ana Lind">
</head><body>
<article><h1>Ice closes the inner harbour</h1>
<p>Thick ice closed the inner harbour on Wednesday morning, and the ferries to the
islands stayed at their quays until the afternoon.</p>
<p>The harbour master said that the icebreaker would clear the channel overnight,
and that traffic should return to normal by Thursday.</p>
<p>Fishermen who had left before dawn were guided back through the outer basin by
a pilot boat, which took most of the morning.</p>
</article></body></html>
"""


@pytest.mark.parametrize("target", ["nitf", "newsml-g2"])
def test_an_html_page_converts_to_nitf_and_back_with_its_html_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    need(target)
    monkeypatch.chdir(tmp_path)
    Path("page.html").write_text(_PAGE, encoding="utf-8")
    (page,) = newsparse.parse(Path("page.html"), "html")
    keys = {key for key in page.meta if key.startswith("html.")}
    assert {"html.title-source", "html.title-confidence", "html.body-confidence"} <= keys
    if target == "newsml-g2":  # a news item needs its guid and a date
        made = run("convert", "page.html", "--to", "jsonl", "-o", "page.jsonl")
        assert made.exit_code == 0, made.stderr
        record = json.loads(Path("page.jsonl").read_text(encoding="utf-8"))
        record["meta"]["newsml-g2.guid"] = "urn:example:ice"
        record["published"] = "2024-01-17T08:30:00+00:00"
        Path("page.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        page = newsparse.parse(Path("page.jsonl"), "jsonl")[0]
    source = "page.html" if target == "nitf" else "page.jsonl"
    result = run("convert", source, "--to", target, "-o", "page.out")
    assert result.exit_code == 0, result.stderr
    back = run("convert", "page.out", "--from", target, "--to", "jsonl")
    assert back.exit_code == 0, back.stderr
    (again,) = newsparse.parse(back.stdout, "jsonl")
    assert again == page
    assert {key: again.meta[key] for key in keys} == {key: page.meta[key] for key in keys}


def test_a_key_ninjs_has_no_place_for_is_refused_then_dropped_on_request(dumps: Path) -> None:
    need("ninjs")
    site = {"url": "https://example.com/a", "meta": {"tt.number": "20"}}
    Path("tt.jsonl").write_text(jsonl({**site, "title": "One"}), encoding="utf-8")
    refused = run("convert", "tt.jsonl", "--to", "ninjs")
    assert refused.exit_code == 1
    first = refused.stderr.splitlines()[0]
    assert first.startswith(
        "error: tt.jsonl: article 1 (\"One\"): format 'ninjs' cannot represent "
        "meta['tt.number']: not a key of the ninjs format ("
    )
    assert first.endswith(
        "ninjs 3.0 has no place for other names and values (its schema allows no other "
        "property); leave it out with --drop-unrepresentable (on_drop= in Python)"
    )
    dropped = run("convert", "tt.jsonl", "--to", "ninjs", "--drop-unrepresentable")
    assert dropped.exit_code == 0, dropped.stderr
    lines = dropped.stderr.splitlines()
    assert lines[0].startswith(
        "tt.jsonl: article 1 (\"One\"): dropped meta['tt.number'] ('20'): format 'ninjs' "
    )
    assert lines[1:] == [
        "1 field(s) dropped from 1 article(s): format 'ninjs' cannot hold them "
        "(--drop-unrepresentable)"
    ]
    (back,) = newsparse.parse(dropped.stdout, "ninjs")
    assert dict(back.meta) == {}


def test_without_the_opt_in_nothing_is_dropped(dumps: Path) -> None:
    need("ninjs")
    result = run("convert", "a.jsonl", "b.jsonl", "--to", "ninjs")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "dropped" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "error: b.jsonl: article 2 (\"Gallery\"): format 'ninjs' requires a value for "
        "images[1].url: an association needs a uri: the image's url"
    )
    assert "  b.jsonl: 1 problem(s)" in result.stderr.splitlines()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_image_without_url_is_dropped_on_request_and_reported(dumps: Path, jobs: str) -> None:
    need("ninjs")
    result = run(
        "convert", "a.jsonl", "b.jsonl", "--to", "ninjs", "--drop-unrepresentable", "-j", jobs
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "b.jsonl: article 2 (\"Gallery\"): dropped images[1] (Image(caption='c')): "
        "format 'ninjs' requires a value for images[1].url: an association needs a uri: "
        "the image's url",
        "1 field(s) dropped from 1 article(s): format 'ninjs' cannot hold them "
        "(--drop-unrepresentable)",
    ]
    back = newsparse.parse(result.stdout, "ninjs")
    assert [len(a.images) for a in back] == [0, 0, 0, 1, 0]


def test_drops_and_problems_together_exit_with_1(dumps: Path) -> None:
    need("ninjs")
    (dumps / "c.jsonl").write_text(jsonl({"title": "No address"}), encoding="utf-8")
    result = run("convert", "b.jsonl", "c.jsonl", "--to", "ninjs", "--drop-unrepresentable")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith('b.jsonl: article 2 ("Gallery"): dropped images[1] ')
    assert lines[1] == (
        "error: c.jsonl: article 1 (\"No address\"): format 'ninjs' requires a value for url: "
        "ninjs requires a uri, and the article's url is written there"
    )
    assert lines[2].startswith("1 field(s) dropped from 1 article(s)")
    assert "  c.jsonl: 1 problem(s)" in lines


class PickyFormat(Format):
    """A joinable format (so rendered by the workers) that refuses articles titled "bad"."""

    name = "picky"
    label = "Picky"
    joinable = True

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        for index, article in enumerate(articles):
            if article.title == "bad":
                raise RenderError(self.name, "title", "it is bad").with_article(index, "bad")
            out.write(article.title + "\n")


class PickyPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(PickyFormat())


@pytest.fixture
def picky() -> Iterator[None]:
    with registered(PickyPlugin(), name="picky"):
        yield


def test_a_refusal_by_the_workers_names_the_same_article_as_a_serial_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, picky: None
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.jsonl").write_text(jsonl({"title": "A"}, {"title": "B"}), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        jsonl({"title": "C"}, {"title": "D"}, {"title": "bad"}), encoding="utf-8"
    )
    serial = run("convert", "a.jsonl", "b.jsonl", "--to", "picky")
    parallel = run("convert", "a.jsonl", "b.jsonl", "--to", "picky", "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stderr == parallel.stderr
    assert serial.stderr.splitlines()[0] == (
        "error: b.jsonl: article 3 (\"bad\"): format 'picky' cannot represent title: it is bad"
    )


@pytest.mark.skipif(
    not READABILITY.is_dir(), reason="the readability corpus (../shared) is not here"
)
def test_forty_real_pages_through_jsonl_to_ninjs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's case: the refusal names the dump, the article and its title."""
    need("ninjs")
    monkeypatch.chdir(tmp_path)
    pages = sorted(READABILITY.glob("*/source.html.gz"))[:40]
    names = []
    for page in pages:
        name = f"{page.parent.name}.html"
        (tmp_path / name).write_bytes(gzip.decompress(page.read_bytes()))
        names.append(name)
    made = run("convert", *names, "--to", "jsonl", "-o", "dump.jsonl", "--partial")
    assert Path("dump.jsonl").stat().st_size > 0, made.stderr
    dump = newsparse.parse(Path("dump.jsonl"), "jsonl")
    refused = run("convert", "dump.jsonl", "--to", "ninjs")
    assert refused.exit_code == 1
    first = refused.stderr.splitlines()[0]
    found = re.match(
        r'error: dump\.jsonl: article (\d+) \("([^"]*)"\): format \'ninjs\' (.*)', first
    )
    assert found is not None, first
    index = int(found[1]) - 1
    assert dump[index].title.startswith(found[2].rstrip("…"))
    with pytest.raises(RenderError) as caught:
        newsparse.render([dump[index]], "ninjs")
    assert first.endswith(caught.value.problem)
    # With the opt-in, each drop is named by article: an html provenance key
    # (ninjs keeps only its own), or an image without an address.
    lossy = run("convert", "dump.jsonl", "--to", "ninjs", "--drop-unrepresentable")
    drops = re.findall(
        r"^dump\.jsonl: article (\d+) .*?: dropped (?:meta\['([^']+)'\]|images\[(\d+)\]) ",
        lossy.stderr,
        re.M,
    )
    assert drops, lossy.stderr[:500]
    for number, key, image in drops:
        article = dump[int(number) - 1]
        assert (key in article.meta) if key else article.images[int(image)].url is None


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_input_named_twice_numbers_its_articles_afresh(dumps: Path, jobs: str) -> None:
    need("ninjs")
    site = {"url": "https://example.com/a", "meta": {"tt.number": "20"}}
    Path("tt.jsonl").write_text(
        jsonl({**site, "title": "One"}, {**site, "title": "Two"}), encoding="utf-8"
    )
    result = run(
        "convert", "tt.jsonl", "tt.jsonl", "--to", "ninjs", "--drop-unrepresentable", "-j", jobs
    )
    assert result.exit_code == 0, result.stderr
    places = [line.split(" (", 1)[0] for line in result.stderr.splitlines()[:4]]
    assert places == [f"tt.jsonl: article {n}" for n in (1, 2, 1, 2)]


def test_a_refusal_ends_with_a_hint_at_the_opt_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need("tt")
    monkeypatch.chdir(tmp_path)
    table = newsparse.Table(rows=[newsparse.TableRow(cells=[newsparse.TableCell(text="61")])])
    article = Article(title="Scores", body=[newsparse.Section(blocks=[table])])
    Path("scores.json").write_text(newsparse.render([article], "json"), encoding="utf-8")
    refused = run("convert", "scores.json", "--to", "tt", "-o", "scores.txt")
    assert refused.exit_code == 1
    assert refused.stderr.rstrip("\n").endswith(
        "hint: the output format cannot hold part of 1 article(s); "
        "--drop-unrepresentable writes them without it and lists each part left out"
    )
    assert not Path("scores.txt").exists()
    dropped = run(
        "convert", "scores.json", "--to", "tt", "-o", "scores.txt", "--drop-unrepresentable"
    )
    assert "hint:" not in dropped.stderr
