"""Tests of parallel parsing: ``newsparse convert --jobs`` and :mod:`newsparse._parallel`.

The serial path (``--jobs 1``, which is the code that ran before ``--jobs``
existed) is the reference: the parallel path must print and write exactly
what it does, byte for byte, on inputs that mix good and bad files.  The
places of errors in split inputs are also worked out by hand.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

import pytest

import newsparse
from fixtures_process import convert_process
from fixtures_progress import read_stderr
from newsparse import hookimpl
from newsparse._errors import NewsparseError, ParseError, RenderError
from newsparse._format import Chunk, Format, ParseItem
from newsparse._formats.jsonformats import JsonLinesFormat
from newsparse._limits import Limits
from newsparse._model import Article
from newsparse._parallel import (
    Item,
    RenderedText,
    RenderFailure,
    _start_method,
    iter_parse_inputs,
    resolve_jobs,
)
from newsparse._plugins import registered
from newsparse._registry import FormatRegistry
from newsparse._source import open_source
from newsparse._textio import TextStream
from newsparse._worker import rendered as _rendered
from newsparse.testing import check_split

LINES = 30_000  # about 3.3 MB of jsonl: more than three chunks
BAD_LINES = {7: '{"title": ""}', 12_345: '{"title": "cut', 29_999: '{"title": 5}'}
"""Bad lines of big.jsonl by line number; the first chunk ends near line 9,500."""


def article_line(number: int) -> str:
    paragraph = f"Paragraph of article {number}, long enough to fill some room in a chunk."
    return json.dumps({"title": f"Article {number}", "body": [{"paragraphs": [paragraph]}]})


def big_jsonl() -> str:
    lines = [BAD_LINES.get(number, article_line(number)) for number in range(1, LINES + 1)]
    lines[100] = ""  # a blank line (line 101), which is no article and no error
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with good, bad, small and large inputs."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "big.jsonl").write_text(big_jsonl(), encoding="utf-8")
    (folder / "small.jsonl").write_text(article_line(1) + "\n" + article_line(2) + "\n")
    (folder / "a.json").write_text('[{"title": "A"}, {"title": "B"}]', encoding="utf-8")
    (folder / "bad.json").write_text('[{"title": "A"},\n {"title": 5}]', encoding="utf-8")
    (folder / "prose.txt").write_text("Just a sentence.\n", encoding="utf-8")
    (folder / "empty.jsonl").write_text("", encoding="utf-8")
    # Large, not splittable: a json array of 12,000 articles.
    many = ",\n".join(article_line(n) for n in range(12_000))
    (folder / "many.json").write_text("[" + many + "]\n", encoding="utf-8")
    # Large and split, with a byte that is not UTF-8 on line 20,001: the
    # parse ends there, after the articles before it.
    broken = big_jsonl().encode().split(b"\n")
    broken[20_000] = b'{"title": "caf\xe9"}'
    (folder / "undecodable.jsonl").write_bytes(b"\n".join(broken))
    for number in range(40):  # many small files, grouped into tasks
        (folder / f"s{number:02}.jsonl").write_text(article_line(number) + "\n", encoding="utf-8")
    return folder


def convert(folder: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return convert_process(folder, *args, stdin=stdin)


MIXED = [
    "small.jsonl",
    "big.jsonl",
    "a.json",
    "bad.json",
    "prose.txt",
    "empty.jsonl",
    *(f"s{number:02}.jsonl" for number in range(40)),
    "many.json",
    "undecodable.jsonl",
    "a.json",
]


def test_jobs_2_prints_and_writes_what_jobs_1_does(inputs: Path) -> None:
    serial = convert(inputs, "--jobs", "1", "--to", "jsonl", "--partial", *MIXED)
    parallel = convert(inputs, "--jobs", "2", "--to", "jsonl", "--partial", *MIXED)
    assert serial.returncode == 1
    assert parallel.returncode == serial.returncode
    assert parallel.stderr.decode() == serial.stderr.decode()
    assert parallel.stdout == serial.stdout
    errors = serial.stderr.decode()
    # Worked out by hand from the inputs: the bad lines of big.jsonl at their
    # own line numbers (in the first, second and last chunk), and where the
    # undecodable file stops.
    assert "big.jsonl:7:1: $.title: must not be empty" in errors
    assert "big.jsonl:12345:11: invalid JSON: Unterminated string" in errors
    assert "big.jsonl:29999:1: $.title: expected a string, got a number" in errors
    assert "undecodable.jsonl:20001:15: cannot decode byte(s) e9" in errors
    assert "bad.json:2:2: $.title: expected a string, got a number [json]" in errors
    assert "error: prose.txt: no format recognises this input" in errors
    assert "error: empty.jsonl: no format recognises this input" in errors
    assert errors.endswith(
        "5 of 49 input(s) had problems:\n"
        "  big.jsonl: 3 problem(s)\n"
        "  bad.json: 1 problem(s)\n"
        "  prose.txt: 1 problem(s)\n"
        "  empty.jsonl: 1 problem(s)\n"
        "  undecodable.jsonl: 3 problem(s)\n"
        "9 problem(s); exit status 1; the articles read were written\n"
    )
    titles = [json.loads(line)["title"] for line in serial.stdout.decode().splitlines()]
    # 2 + (30,000 - 3 bad - 1 blank) + 2 + 1 + 40 + 12,000 + (20,000 - 1 blank - 2 bad) + 2
    assert len(titles) == 2 + 29_996 + 2 + 1 + 40 + 12_000 + 19_997 + 2
    assert titles[:4] == ["Article 1", "Article 2", "Article 1", "Article 2"]


def test_without_partial_nothing_is_written_in_parallel_either(inputs: Path) -> None:
    done = convert(inputs, "--jobs", "2", "-o", "out.jsonl", "small.jsonl", "big.jsonl")
    assert done.returncode == 1
    assert not (inputs / "out.jsonl").exists()
    assert done.stderr.decode().endswith("3 problem(s); exit status 1; nothing was written\n")


def test_jobs_0_uses_every_cpu_and_stdin_is_split_too(inputs: Path) -> None:
    data = (inputs / "big.jsonl").read_bytes()
    serial = convert(inputs, "--to", "jsonl", "--partial", "-", stdin=data)
    parallel = convert(inputs, "-j", "0", "--to", "jsonl", "--partial", "-", stdin=data)
    assert (parallel.returncode, parallel.stderr) == (serial.returncode, serial.stderr)
    assert parallel.stdout == serial.stdout
    assert b"<stdin>:12345:11: invalid JSON" in serial.stderr


def test_good_inputs_in_parallel_exit_0(inputs: Path) -> None:
    done = convert(inputs, "--jobs", "2", "a.json", "small.jsonl", "-o", "out.json")
    assert (done.returncode, done.stderr) == (0, b"")
    titles = [a["title"] for a in json.loads((inputs / "out.json").read_text(encoding="utf-8"))]
    assert titles == ["A", "B", "Article 1", "Article 2"]


def test_progress_is_shown_in_parallel_too(inputs: Path) -> None:
    names = ["a.json", "small.jsonl", "bad.json", "big.jsonl"]
    serial = convert(inputs, "--progress", "--to", "jsonl", *names)
    parallel = convert(inputs, "--progress", "--jobs", "2", "--to", "jsonl", *names)
    serial_bar, serial_messages = read_stderr(serial.stderr.decode())
    parallel_bar, parallel_messages = read_stderr(parallel.stderr.decode())
    # The bar is drawn as time passes, so only its last drawing is compared.
    assert parallel_messages == serial_messages
    assert any(m.startswith("big.jsonl:7:1: $.title: must not be") for m in serial_messages)
    assert serial_bar[-1] == parallel_bar[-1]
    assert (serial_bar[-1].percent, serial_bar[-1].finished, serial_bar[-1].inputs) == (100, 4, 4)
    # 2 + 2 + 1 (before the bad one) + 29,996 (30,000 lines less 3 bad, 1 blank)
    assert serial_bar[-1].articles == 30_001


def test_negative_jobs_is_a_usage_error(inputs: Path) -> None:
    done = convert(inputs, "--jobs", "-1", "a.json")
    assert done.returncode == 2
    assert b"--jobs" in done.stderr


def test_resolve_jobs() -> None:
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) == (os.cpu_count() or 1)
    with pytest.raises(ValueError, match="0 or more"):
        resolve_jobs(-2)


# -- the library function, in this process -------------------------------------


def described(item: object) -> object:
    """Compare errors by what they print (they do not compare equal)."""
    if isinstance(item, (NewsparseError, OSError)):
        return (type(item).__name__, str(item))
    return item


def serial_items(paths: list[str]) -> list[tuple[int, object]]:
    """The reference, with newsparse.iter_parse: (input, item) and (input, None) at its end."""
    out: list[tuple[int, object]] = []
    for index, path in enumerate(paths):

        def keep(error: ParseError, index: int = index) -> None:
            out.append((index, described(error)))

        try:
            for article in newsparse.iter_parse(Path(path), on_error=keep):
                out.append((index, article))
        except NewsparseError as error:
            out.append((index, described(error)))
        out.append((index, None))
    return out


def test_iter_parse_inputs_gives_what_iter_parse_gives(inputs: Path) -> None:
    paths = [str(inputs / name) for name in MIXED]
    got = [(index, described(item)) for index, item in iter_parse_inputs(paths, jobs=2)]
    assert got == serial_items(paths)


def test_an_error_in_a_later_chunk_names_the_line_of_the_whole_input(inputs: Path) -> None:
    path = str(inputs / "big.jsonl")
    errors = [item for _, item in iter_parse_inputs([path], jobs=2) if isinstance(item, ParseError)]
    assert [(e.source, e.line, e.column) for e in errors] == [
        (path, 7, 1),
        (path, 12_345, 11),
        (path, 29_999, 1),
    ]
    assert [e.fatal for e in errors] == [False, False, False]


class PickyFormat(Format):
    """A joinable format that refuses articles titled "bad"."""

    name = "picky"
    label = "Picky"
    joinable = True

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        for article in articles:
            if article.title == "bad":
                raise RenderError(self.name, "title", "it is bad")
            out.write(article.title + "\n")


class PickyPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(PickyFormat())


def test_workers_render_each_article_in_its_place_and_refusals_too() -> None:
    error = ParseError("broken", format="jsonl", source="x", line=2)
    items: list[Item] = [Article(title="A"), Article(title="B"), error]
    items += [Article(title="bad"), Article(title="C")]
    with registered(PickyPlugin(), name="picky"):
        done = _rendered(items, "picky")
    assert done[:2] == ["A\nB\n", error]
    assert isinstance(done[2], RenderFailure)
    # Rendered alone: the receiver moves the index to the article's place.
    assert (
        str(done[2].error)
        == "article 1 (\"bad\"): format 'picky' cannot represent title: it is bad"
    )
    assert done[3:] == ["C\n"]
    # The texts say how many articles they hold, so the articles after them can be counted.
    assert [(type(item), getattr(item, "articles", None)) for item in (done[0], done[3])] == [
        (RenderedText, 2),
        (RenderedText, 1),
    ]


def test_only_joinable_formats_are_rendered_by_the_workers() -> None:
    with pytest.raises(ValueError, match="'json' is not joinable"):
        next(iter_parse_inputs(["a.json"], jobs=2, render="json"))


# -- Format.split --------------------------------------------------------------


def split(text: str, size: int, limits: Limits | None = None) -> list[Chunk]:
    source = open_source(text)
    reader = source.reader(encoding="utf-8", format_name="jsonl", limits=limits or Limits())
    return list(JsonLinesFormat().split(reader, size))


def test_jsonl_splits_after_the_line_that_fills_a_chunk() -> None:
    text = "aaaa\nbb\n\ncccccc\nd"
    assert split(text, 6) == [Chunk("aaaa\nbb\n", 1), Chunk("\ncccccc\n", 3), Chunk("d", 5)]
    assert split(text, 1000) == [Chunk(text, 1)]
    assert split("", 10) == []


def test_jsonl_split_keeps_only_enough_of_a_line_over_the_article_limit() -> None:
    limits = Limits(max_article_bytes=20)
    text = "x" * 50 + "\n" + '{"title": "A"}\n'
    chunks = split(text, 1000, limits)
    assert chunks == [Chunk("x" * 21 + "\n" + '{"title": "A"}\n', 1)]

    def errors_of(text: str) -> list[tuple[str, int, int]]:
        errors: list[ParseError] = []
        newsparse.parse(text, "jsonl", on_error=errors.append, limits=limits)
        return [(error.message, error.line, error.column) for error in errors]

    assert errors_of(chunks[0].text) == errors_of(text)
    assert errors_of(text) == [
        ("the line is longer than the limit of 20 bytes (max_article_bytes)", 1, 1)
    ]


def test_jsonl_split_reads_past_a_long_line_cut_at_the_end_of_a_chunk() -> None:
    limits = Limits(max_article_bytes=20)
    text = "aaaaa\n" + "x" * 100 + "\n" + '{"title": "A"}\n'
    chunks = split(text, 8, limits)
    assert chunks == [Chunk("aaaaa\n" + "x" * 21 + "\n", 1), Chunk('{"title": "A"}\n', 3)]

    def found(text: str, shift: int = 0) -> list[object]:
        items: list[object] = []

        def keep(error: ParseError) -> None:
            items.append((error.message, error.line + shift, error.column))

        items.extend(newsparse.iter_parse(text, "jsonl", on_error=keep, limits=limits))
        return items

    assert [item for c in chunks for item in found(c.text, c.line - 1)] == found(text)
    assert found(text)[1] == (
        "the line is longer than the limit of 20 bytes (max_article_bytes)",
        2,
        1,
    )


def test_a_chunk_that_starts_with_u_feff_keeps_it() -> None:
    # Inside an input U+FEFF is text, not a byte-order mark: the second line is
    # bad JSON whether it is read in the whole input or at the start of a chunk.
    text = '{"title": "A"}\n\ufeff{"title": "B"}\n'
    assert [chunk.line for chunk in split(text, 1)] == [1, 2]
    check_split("jsonl", text, 1)
    errors: list[ParseError] = []
    newsparse.parse(text, "jsonl", on_error=errors.append)
    assert [(error.line, error.column) for error in errors] == [(2, 1)]


def test_formats_that_do_not_split_say_so() -> None:
    formats = newsparse.formats()
    assert formats["jsonl"].can_split
    assert not formats["json"].can_split


# -- how workers start -----------------------------------------------------------


def test_workers_are_spawned_while_another_thread_runs() -> None:
    # Forking a process with threads can copy a lock another thread holds.
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert _start_method().get_start_method() == "spawn"
    finally:
        release.set()
        thread.join()


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="this platform cannot fork"
)
def test_workers_are_forked_from_a_process_without_other_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pytest-xdist's worker runs threads of its own, so the count is set.
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert _start_method().get_start_method() == "fork"


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="this platform cannot fork"
)
def test_forked_workers_see_plugins_registered_by_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    paths = []
    for number in range(3):
        path = tmp_path / f"{number}.txt"
        path.write_text(f"title {number}\nsecond {number}\n", encoding="utf-8")
        paths.append(str(path))
    with registered(TitleLinesPlugin(), name="title-lines"):
        found = [
            (index, item.title if isinstance(item, Article) else repr(item))
            for index, item in iter_parse_inputs(paths, "title-lines", jobs=2)
            if item is not None
        ]
    assert found == [(n, f"{word} {n}") for n in range(3) for word in ("title", "second")]


class TitleLinesFormat(Format):
    """Each line is the title of an article (a format only the test above registers)."""

    name = "title-lines"
    label = "Title lines"

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        for line in stream.read().splitlines():
            yield Article(title=line)


class TitleLinesPlugin:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        registry.add(TitleLinesFormat())
