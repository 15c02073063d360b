"""Where ``newsparse convert -o`` writes: links, devices, pipes, and the format a name picks."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar, TextIO

import pytest
from click.testing import CliRunner, Result

from fixtures_plugins import isolated_host
from fixtures_process import convert_process
from newsparse import Format, hookimpl
from newsparse._format import ParseItem
from newsparse._model import Article
from newsparse._plugins import registered
from newsparse._registry import FormatRegistry
from newsparse._textio import TextStream
from newsparse.cli import cli

A_JSON = '[{"title": "A"}, {"title": "B"}]'
A_TEXT = "A\n\n* * *\n\nB\n"  # what the text format writes for a.json
BAD_JSON = '[{"title": "A"},\n {"title": 5}]'

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links, FIFOs and devices")


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a good and a bad input, made the current directory."""
    (tmp_path / "a.json").write_text(A_JSON, encoding="utf-8")
    (tmp_path / "bad.json").write_text(BAD_JSON, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def leftovers(folder: Path) -> list[str]:
    """Temporary files that an atomic write left behind (named ``.NAME.xxxx``)."""
    return sorted(path.name for path in folder.rglob(".*"))


# --- symbolic links ---------------------------------------------------------------


@posix_only
def test_a_link_stays_a_link_and_its_target_is_written(workdir: Path) -> None:
    real = workdir / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    (workdir / "link.txt").symlink_to("real.txt")
    result = run("convert", "a.json", "-o", "link.txt")
    assert result.exit_code == 0, result.output
    assert (workdir / "link.txt").is_symlink()
    assert os.readlink(workdir / "link.txt") == "real.txt"
    assert real.read_text(encoding="utf-8") == A_TEXT
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the target's mode is kept
    assert leftovers(workdir) == []


@posix_only
def test_a_chain_of_relative_links_is_followed_from_each_links_folder(workdir: Path) -> None:
    # first.txt -> sub/second.txt -> ../real.txt, which is workdir/real.txt
    (workdir / "sub").mkdir()
    (workdir / "sub" / "second.txt").symlink_to("../real.txt")
    (workdir / "first.txt").symlink_to("sub/second.txt")
    (workdir / "real.txt").write_text("old\n", encoding="utf-8")
    assert run("convert", "a.json", "-o", "first.txt").exit_code == 0
    assert (workdir / "first.txt").is_symlink()
    assert (workdir / "sub" / "second.txt").is_symlink()
    assert (workdir / "real.txt").read_text(encoding="utf-8") == A_TEXT
    assert not (workdir / "sub" / "real.txt").exists()
    assert leftovers(workdir) == []


@posix_only
def test_a_dangling_link_creates_its_target(workdir: Path) -> None:
    (workdir / "out").mkdir()
    (workdir / "link.json").symlink_to("out/new.json")
    assert run("convert", "a.json", "-o", "link.json").exit_code == 0
    assert (workdir / "link.json").is_symlink()
    titles = [a["title"] for a in json.loads((workdir / "out" / "new.json").read_text("utf-8"))]
    assert titles == ["A", "B"]


@posix_only
def test_a_link_into_a_missing_folder_is_a_usage_error(workdir: Path) -> None:
    (workdir / "link.json").symlink_to("nowhere/new.json")
    result = run("convert", "a.json", "-o", "link.json")
    assert result.exit_code == 2
    assert "'nowhere/new.json'" in result.stderr
    assert "does not exist" in result.stderr


@posix_only
def test_a_loop_of_links_is_a_usage_error(workdir: Path) -> None:
    (workdir / "one.json").symlink_to("two.json")
    (workdir / "two.json").symlink_to("one.json")
    result = run("convert", "a.json", "-o", "one.json")
    assert result.exit_code == 2
    assert "symbolic links" in result.stderr
    assert (workdir / "one.json").is_symlink()


@posix_only
def test_bad_input_leaves_the_link_and_its_target_alone(workdir: Path) -> None:
    (workdir / "real.json").write_text("precious\n", encoding="utf-8")
    (workdir / "link.json").symlink_to("real.json")
    assert run("convert", "bad.json", "-o", "link.json").exit_code == 1
    assert (workdir / "link.json").is_symlink()
    assert (workdir / "real.json").read_text(encoding="utf-8") == "precious\n"
    assert leftovers(workdir) == []


# --- devices and pipes ------------------------------------------------------------


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_link_to_a_device_writes_to_the_device(workdir: Path) -> None:
    (workdir / "null.json").symlink_to("/dev/null")
    result = run("convert", "a.json", "-o", "null.json")
    assert result.exit_code == 0, result.output
    assert (workdir / "null.json").is_symlink()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert leftovers(workdir) == []


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_failed_write_is_an_error_without_traceback(workdir: Path) -> None:
    (workdir / "full.json").symlink_to("/dev/full")  # every write fails: no space left
    result = run("convert", "a.json", "-o", "full.json")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot write full.json: ")
    assert isinstance(result.exception, SystemExit)
    assert (workdir / "full.json").is_symlink()


@posix_only
def test_a_fifo_is_written_directly(workdir: Path) -> None:
    fifo = workdir / "pipe.txt"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that opening it to write won't wait
    try:
        result = run("convert", "a.json", "-o", "pipe.txt", "--to", "text")
        assert result.exit_code == 0, result.output
        assert os.read(reader, 1 << 16) == A_TEXT.encode()
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(workdir) == []


@posix_only
def test_bad_input_does_not_even_open_a_fifo(workdir: Path) -> None:
    fifo = workdir / "pipe.json"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert run("convert", "bad.json", "-o", "pipe.json").exit_code == 1
        assert os.read(reader, 1 << 16) == b""  # no writer ever came: end of file
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


needs_dev_stdout = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="/dev/stdout as a link to /proc/self/fd/1"
)


@needs_dev_stdout
def test_a_link_to_dev_stdout_writes_to_the_pipe(workdir: Path) -> None:
    # A link of our own to /dev/stdout: never the system's /dev/stdout itself.
    (workdir / "out.txt").symlink_to("/dev/stdout")
    done = convert_process(workdir, "a.json", "-o", "out.txt")
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == A_TEXT.encode()
    assert (workdir / "out.txt").is_symlink()
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.lstat("/dev/stdout").st_mode)


@needs_dev_stdout
def test_a_link_to_dev_stdout_appends_where_the_shell_said(workdir: Path) -> None:
    (workdir / "out.txt").symlink_to("/dev/stdout")
    log = workdir / "log.txt"
    log.write_text("before\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as appended:  # as the shell's >> log.txt
        done = convert_process(workdir, "a.json", "-o", "out.txt", stdout=appended)
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8") == "before\n" + A_TEXT
    assert (workdir / "out.txt").is_symlink()


# --- the output format from the file's name ---------------------------------------


class _Titles(Format):
    """Writes one line per article: the format's name and the title."""

    label: ClassVar[str] = "Titles"

    def sniff(self, sample: str) -> float:
        return 0.0

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        for article in articles:
            out.write(f"{self.name}: {article.title}\n")


class DoubleJson(_Titles):
    name: ClassVar[str] = "double"
    extensions: ClassVar[tuple[str, ...]] = (".dbl", ".Dbl.Json")


class SameOne(_Titles):
    name: ClassVar[str] = "same-one"
    extensions: ClassVar[tuple[str, ...]] = (".same",)


class SameTwo(_Titles):
    name: ClassVar[str] = "same-two"
    extensions: ClassVar[tuple[str, ...]] = (".same",)


class ReadOnly(Format):
    name: ClassVar[str] = "read-only"
    label: ClassVar[str] = "Read only"
    extensions: ClassVar[tuple[str, ...]] = (".ro.json",)

    def sniff(self, sample: str) -> float:
        return 0.0

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        yield from ()


class NamedFormats:
    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        for fmt in (DoubleJson(), SameOne(), SameTwo(), ReadOnly()):
            registry.add(fmt)


@pytest.fixture
def named_formats() -> Iterator[None]:
    with registered(NamedFormats(), name="named"):
        yield


@pytest.mark.usefixtures("named_formats")
@pytest.mark.parametrize("output", ["art.dbl.json", "ART.DBL.JSON", "art.dbl"])
def test_the_longest_extension_picks_the_format(workdir: Path, output: str) -> None:
    result = run("convert", "a.json", "-o", output)
    assert result.exit_code == 0, result.output
    assert (workdir / output).read_text(encoding="utf-8") == "double: A\ndouble: B\n"


@pytest.mark.usefixtures("named_formats")
def test_a_plain_json_name_is_still_json(workdir: Path) -> None:
    assert run("convert", "a.json", "-o", "art.json").exit_code == 0
    titles = [a["title"] for a in json.loads((workdir / "art.json").read_text("utf-8"))]
    assert titles == ["A", "B"]


@pytest.mark.usefixtures("named_formats")
def test_two_formats_with_one_extension_are_a_usage_error(workdir: Path) -> None:
    result = run("convert", "a.json", "-o", "out.same")
    assert result.exit_code == 2
    assert "'same-one' and 'same-two'" in result.stderr
    assert not (workdir / "out.same").exists()
    assert run("convert", "a.json", "-o", "out.same", "--to", "same-two").exit_code == 0
    assert (workdir / "out.same").read_text(encoding="utf-8") == "same-two: A\nsame-two: B\n"


@pytest.mark.usefixtures("named_formats")
def test_the_extension_of_a_format_that_cannot_render_is_a_usage_error(workdir: Path) -> None:
    result = run("convert", "a.json", "-o", "out.ro.json")
    assert result.exit_code == 2
    assert "'read-only', which cannot render" in result.stderr
    assert not (workdir / "out.ro.json").exists()


@pytest.mark.parametrize("output", ["out.data", "out", "out.JSON.bak", ".json"])
def test_a_name_without_a_known_extension_is_a_usage_error(workdir: Path, output: str) -> None:
    result = run("convert", "a.json", "-o", output)
    assert result.exit_code == 2
    assert f"the name {output!r} ends in no format's extension" in result.stderr
    assert "--to" in result.stderr
    # The choices are listed: every format that renders, with its extensions.
    assert ".jsonl .ndjson (jsonl)" in result.stderr
    assert ".md .markdown (markdown)" in result.stderr
    assert not (workdir / output).exists()


def test_to_names_the_format_of_any_name(workdir: Path) -> None:
    assert run("convert", "a.json", "-o", "out.data", "--to", "text").exit_code == 0
    assert (workdir / "out.data").read_text(encoding="utf-8") == A_TEXT


def test_stdout_without_to_is_json(workdir: Path) -> None:
    for args in ((), ("-o", "-")):
        result = run("convert", "a.json", *args)
        assert result.exit_code == 0
        assert [a["title"] for a in json.loads(result.stdout)] == ["A", "B"]


@needs_dev_stdout
def test_dev_stdout_without_to_gets_json_like_standard_output(workdir: Path) -> None:
    # The case: "-o /dev/stdout" printed nothing.  A stream's name has
    # no extension to go by, so it gets json, as standard output does.  (A
    # link of our own named like /dev/stdout's own name: "stdout", no suffix.)
    (workdir / "stdout").symlink_to("/dev/stdout")
    done = convert_process(workdir, "a.json", "-o", "stdout")
    assert (done.returncode, done.stderr) == (0, b"")
    by_stdout = convert_process(workdir, "a.json")
    assert done.stdout == by_stdout.stdout
    assert done.stdout.lstrip().startswith(b"[")


@posix_only
def test_a_pipe_without_an_extension_gets_json(workdir: Path) -> None:
    fifo = workdir / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("convert", "a.json", "-o", "pipe")
    if result.exit_code != 0:  # nothing opened the pipe: let the reader go
        with open(fifo, "wb"):
            pass
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert received[0].lstrip().startswith(b"[")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
