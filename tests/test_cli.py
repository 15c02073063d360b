"""Tests of the newsparse command line (click's CliRunner, and real processes)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from fixtures_plugins import (
    BROKEN_IMPORT_SOURCE,
    FAULTY_SOURCE,
    GOOD_SOURCE,
    FakeDists,
    fake_dists,
    isolated_host,
)
from newsparse.cli import cli, main

A_JSON = '[{"title": "A"}, {"title": "B"}]'
C_JSONL = '{"title": "C"}\n{"title": "D"}\n'
BAD_JSON = '[{"title": "A"},\n {"title": 5}]'

EMPTY_FIELDS = (
    '"body": [], "images": [], "authors": [], "published": null, "modified": null, '
    '"url": null, "publisher": null, "language": null, "topics": [], "summary": null, '
    '"meta": {}}'
)


def jsonl_line(title: str) -> str:
    return '{"title": "' + title + '", ' + EMPTY_FIELDS + "\n"


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a few inputs, made the current directory."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.json").write_text(A_JSON, encoding="utf-8")
    (work / "c.jsonl").write_text(C_JSONL, encoding="utf-8")
    (work / "bad.json").write_text(BAD_JSON, encoding="utf-8")
    (work / "trail.json").write_text('[{"title": "A"}] x', encoding="utf-8")
    (work / "prose.txt").write_text("Just a sentence.\n", encoding="utf-8")
    monkeypatch.chdir(work)
    return work


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


def names_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


INPUT_NAMES = {"a.json", "c.jsonl", "bad.json", "trail.json", "prose.txt"}


# --- convert ----------------------------------------------------------------------


def test_convert_detects_and_writes_json_to_stdout(workdir: Path) -> None:
    result = run("convert", "a.json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [item["title"] for item in data] == ["A", "B"]
    assert result.stdout.startswith('[\n  {\n    "title": "A",\n')
    assert result.stderr == ""


def test_convert_to_a_named_format(workdir: Path) -> None:
    result = run("convert", "a.json", "--to", "jsonl")
    assert result.exit_code == 0
    assert result.stdout == jsonl_line("A") + jsonl_line("B")
    result = run("convert", "-t", "text", "a.json")
    assert result.stdout == "A\n\n* * *\n\nB\n"


def test_convert_from_a_named_format(workdir: Path) -> None:
    # A .txt name and content that also reads as json: --from settles it.
    (workdir / "lines.txt").write_text('{"title": "X"}\n', encoding="utf-8")
    result = run("convert", "--from", "jsonl", "--to", "markdown", "lines.txt")
    assert result.exit_code == 0, result.output
    assert result.stdout == "# X\n"
    result = run("convert", "-f", "json", "-t", "text", "a.json")
    assert result.stdout == "A\n\n* * *\n\nB\n"


def test_convert_merges_several_inputs_in_order(workdir: Path) -> None:
    result = run("convert", "c.jsonl", "a.json", "-t", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == "".join(jsonl_line(t) for t in "CDAB")


@pytest.mark.parametrize("args", [(), ("-",)])
def test_convert_reads_stdin(args: tuple[str, ...]) -> None:
    result = run("convert", *args, "-t", "text", stdin=C_JSONL.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout == "C\n\n* * *\n\nD\n"


def test_convert_reads_stdin_between_files(workdir: Path) -> None:
    result = run("convert", "a.json", "-", "-t", "text", stdin=C_JSONL.encode())
    assert result.stdout == "A\n\n* * *\n\nB\n\n* * *\n\nC\n\n* * *\n\nD\n"


def test_stdin_errors_are_named_stdin() -> None:
    result = run("convert", "--from", "jsonl", stdin=b'{"title": "A"}\n{"title": 1}\n')
    assert result.exit_code == 1
    assert "<stdin>:2:1: $.title" in result.stderr


def test_convert_writes_the_output_file(workdir: Path) -> None:
    result = run("convert", "a.json", "-o", "out.jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert (workdir / "out.jsonl").read_text(encoding="utf-8") == jsonl_line("A") + jsonl_line("B")
    assert names_in(workdir) == INPUT_NAMES | {"out.jsonl"}  # no temporary file left


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("out.md", "# A\n\n---\n\n# B\n"),
        ("out.markdown", "# A\n\n---\n\n# B\n"),
        ("out.txt", "A\n\n* * *\n\nB\n"),
        ("OUT.TXT", "A\n\n* * *\n\nB\n"),
        ("out.ndjson", jsonl_line("A") + jsonl_line("B")),
    ],
)
def test_the_output_extension_picks_the_format(workdir: Path, output: str, expected: str) -> None:
    result = run("convert", "a.json", "-o", output)
    assert result.exit_code == 0, result.output
    assert (workdir / output).read_text(encoding="utf-8") == expected


def test_an_unknown_output_extension_is_a_usage_error(workdir: Path) -> None:
    # It used to mean json; more cases in test_cli_output.py.
    result = run("convert", "c.jsonl", "-o", "out.data")
    assert result.exit_code == 2
    assert "no format's extension" in result.stderr
    assert names_in(workdir) == INPUT_NAMES


def test_to_wins_over_the_output_extension(workdir: Path) -> None:
    assert run("convert", "a.json", "-o", "out.md", "--to", "text").exit_code == 0
    assert (workdir / "out.md").read_text(encoding="utf-8") == "A\n\n* * *\n\nB\n"


def test_output_file_is_utf8(workdir: Path) -> None:
    (workdir / "cafe.jsonl").write_bytes('{"title": "Café 東京"}\n'.encode())
    assert run("convert", "cafe.jsonl", "-o", "out.txt").exit_code == 0
    assert (workdir / "out.txt").read_bytes() == "Café 東京\n".encode()


def test_bad_input_creates_no_output_file_and_leaves_no_temporary(workdir: Path) -> None:
    result = run("convert", "a.json", "bad.json", "-o", "out.json")
    assert result.exit_code == 1
    assert not (workdir / "out.json").exists()
    assert names_in(workdir) == INPUT_NAMES


def test_bad_input_leaves_an_existing_output_file_alone(workdir: Path) -> None:
    (workdir / "out.json").write_text("precious\n", encoding="utf-8")
    result = run("convert", "bad.json", "-o", "out.json")
    assert result.exit_code == 1
    assert (workdir / "out.json").read_text(encoding="utf-8") == "precious\n"
    assert names_in(workdir) == INPUT_NAMES | {"out.json"}


def test_an_existing_output_file_is_replaced_on_success(workdir: Path) -> None:
    (workdir / "out.txt").write_text("old\n", encoding="utf-8")
    assert run("convert", "a.json", "-o", "out.txt").exit_code == 0
    assert (workdir / "out.txt").read_text(encoding="utf-8") == "A\n\n* * *\n\nB\n"
    assert names_in(workdir) == INPUT_NAMES | {"out.txt"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_output_file_gets_the_usual_permissions(workdir: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    assert run("convert", "a.json", "-o", "out.json").exit_code == 0
    assert stat.S_IMODE((workdir / "out.json").stat().st_mode) == 0o666 & ~umask


# --- errors and exit codes --------------------------------------------------------


def test_bad_input_exits_1_with_a_located_message_and_no_traceback(workdir: Path) -> None:
    result = run("convert", "bad.json")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "bad.json:2:2: $.title: expected a string, got a number [json]"
    assert lines[1:] == [
        "1 of 1 input(s) had problems:",
        "  bad.json: 1 problem(s)",
        "1 problem(s); exit status 1; nothing was written",
    ]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""  # no partial output


def test_partial_writes_the_articles_that_were_read(workdir: Path) -> None:
    result = run("convert", "bad.json", "--partial")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "1 problem(s); exit status 1; the articles read were written"
    )
    assert [item["title"] for item in json.loads(result.stdout)] == ["A"]
    assert run("convert", "bad.json", "--partial", "-o", "out.json").exit_code == 1
    assert [item["title"] for item in json.loads(Path("out.json").read_text("utf-8"))] == ["A"]


def test_every_problem_is_reported(workdir: Path) -> None:
    result = run("convert", "bad.json", "trail.json", "-t", "text")
    assert result.exit_code == 1
    assert "bad.json:2:2: " in result.stderr
    assert "trail.json:1:18: unexpected data after the JSON document [json]" in result.stderr
    assert "2 of 2 input(s) had problems:" in result.stderr
    assert "2 problem(s); exit status 1; nothing was written" in result.stderr
    assert result.stdout == ""
    partial = run("convert", "bad.json", "trail.json", "-t", "text", "--partial")
    assert partial.stdout == "A\n\n* * *\n\nA\n"


def test_undetectable_input_exits_1(workdir: Path) -> None:
    result = run("convert", "prose.txt")
    assert result.exit_code == 1
    assert "prose.txt" in result.stderr
    assert "no format recognises" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_shows_a_traceback(workdir: Path) -> None:
    result = run("--debug", "convert", "trail.json")
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "trail.json:1:18: unexpected data after the JSON document" in result.stderr


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (("convert", "a.json", "--to", "nope"), "'nope'"),
        (("convert", "a.json", "--from", "nope"), "'nope'"),
        (("convert", "a.json", "--from", "text"), "render-only"),
        (("convert", "a.json", "--colour"), "--colour"),
        (("nonsense",), "nonsense"),
    ],
)
def test_usage_errors_exit_2(workdir: Path, args: tuple[str, ...], mentions: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert mentions in result.stderr
    assert result.stdout == ""


def test_a_missing_file_is_reported_by_name(workdir: Path) -> None:
    result = run("convert", "missing.json")
    assert result.exit_code != 0
    assert "missing.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_exits_2(workdir: Path) -> None:
    assert run("convert", "missing.json").exit_code == 2


def test_an_output_file_in_a_missing_folder_is_a_clean_error(workdir: Path) -> None:
    result = run("convert", "a.json", "-o", "no-such-folder/out.json")
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in {1, 2}
    assert "no-such-folder" in result.stderr


def test_a_missing_file_next_to_good_ones_still_writes_no_output_file(workdir: Path) -> None:
    result = run("convert", "a.json", "missing.json", "-o", "out.json")
    assert result.exit_code != 0
    assert names_in(workdir) == INPUT_NAMES


# --- formats and plugins ---------------------------------------------------------


def table(text: str) -> list[list[str]]:
    return [line.split() for line in text.splitlines() if line.strip()]


def test_formats_table() -> None:
    result = run("formats")
    assert result.exit_code == 0
    rows = [line.split("  ") for line in result.stdout.splitlines()]
    cells = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert cells == [
        ["FORMAT", "CAN", "LABEL", "EXTENSIONS", "PLUGIN"],
        ["html", "parse/render", "HTML news page", ".html .htm .xhtml", "newsparse.builtin"],
        ["json", "parse/render", "newsparse JSON", ".json", "newsparse.builtin"],
        ["jsonl", "parse/render", "newsparse JSON Lines", ".jsonl .ndjson", "newsparse.builtin"],
        ["markdown", "render", "Markdown (lossy)", ".md .markdown", "newsparse.builtin"],
        ["text", "render", "Plain text (lossy)", ".txt", "newsparse.builtin"],
        ["warc", "parse", "WARC web archive", ".warc", "newsparse.builtin"],
    ]


def test_formats_json() -> None:
    result = run("formats", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["name"] for row in rows] == ["html", "json", "jsonl", "markdown", "text", "warc"]
    by_name = {row["name"]: row for row in rows}
    assert {name: (row["parse"], row["render"]) for name, row in by_name.items()} == {
        "html": (True, True),
        "json": (True, True),
        "jsonl": (True, True),
        "markdown": (False, True),
        "text": (False, True),
        "warc": (True, False),
    }
    assert {row["plugin"] for row in rows} == {"newsparse.builtin"}
    assert by_name["text"]["lossy"] is True
    assert by_name["json"]["lossy"] is False
    assert by_name["jsonl"]["extensions"] == [".jsonl", ".ndjson"]
    assert by_name["json"]["media_types"] == ["application/json"]


def test_plugins_table_and_json() -> None:
    version = metadata.version("newsparse")
    result = run("plugins")
    assert result.exit_code == 0
    assert table(result.stdout)[:2] == [
        ["PLUGIN", "VERSION", "STATUS", "FORMATS", "HOOKS"],
        [
            "newsparse.builtin",
            version,
            "ok",
            "json",
            "jsonl",
            "html",
            "warc",
            "text",
            "markdown",
            "newsparse_register_formats",
        ],
    ]
    assert "autoloading is off" in result.stdout
    result = run("plugins", "--json")
    assert json.loads(result.stdout) == [
        {
            "name": "newsparse.builtin",
            "version": version,
            "distribution": "newsparse",
            "hooks": ["newsparse_register_formats"],
            "formats": ["json", "jsonl", "html", "warc", "text", "markdown"],
            "error": None,
            "site_parsers": [],
        }
    ]


@pytest.fixture
def broken_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDists]:
    """A good plugin ("lines" format) and one that fails to import ("broken")."""
    with fake_dists(tmp_path / "site", monkeypatch) as dists:
        dists.add(
            dist="newsparse-broken",
            version="6.6.6",
            entry_point="broken",
            module="np_cli_broken",
            source=BROKEN_IMPORT_SOURCE.format(reason="missing wheel"),
        )
        dists.add(
            dist="newsparse-lines",
            version="1.0",
            entry_point="lines",
            module="np_cli_lines",
            source=GOOD_SOURCE.format(format_name="lines"),
        )
        dists.use()
        yield dists


WARNING = (
    "warning: plugin 'broken' failed to load: RuntimeError: cannot import me: missing wheel "
    "(see 'newsparse plugins')"
)


def test_a_broken_plugin_is_listed_by_plugins(broken_plugin: FakeDists) -> None:
    result = run("plugins")
    assert result.exit_code == 0
    rows = {row[0]: row for row in table(result.stdout)}
    assert rows["broken"][:3] == ["broken", "6.6.6", "FAILED"]
    assert rows["lines"][:4] == ["lines", "1.0", "ok", "lines"]
    assert "broken: RuntimeError: cannot import me: missing wheel" in result.stdout
    data = {item["name"]: item for item in json.loads(run("plugins", "--json").stdout)}
    assert data["broken"]["version"] == "6.6.6"
    assert data["broken"]["distribution"] == "newsparse-broken"
    assert data["broken"]["formats"] == []
    assert "RuntimeError" in data["broken"]["error"]
    assert "missing wheel" in data["broken"]["error"]
    assert data["lines"]["error"] is None
    assert data["lines"]["formats"] == ["lines"]
    assert data["lines"]["hooks"] == ["newsparse_register_formats"]


def test_convert_works_next_to_a_broken_plugin(broken_plugin: FakeDists, workdir: Path) -> None:
    result = run("convert", "a.json", "-t", "lines")
    assert result.exit_code == 0, result.output
    assert result.stdout == "A\nB\n"
    assert WARNING in result.stderr.splitlines()
    formats = run("formats")
    assert formats.exit_code == 0
    assert WARNING in formats.stderr.splitlines()
    assert table(formats.stdout)[4][:2] == ["lines", "parse/render"]


def test_strict_plugins_make_the_command_fail(
    broken_plugin: FakeDists, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken_plugin.use(strict=True)
    with pytest.raises(SystemExit) as exited:
        main(["convert", "a.json"])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "error: plugin 'broken'" in err
    assert "missing wheel" in err
    assert "Traceback" not in err


# --- real processes -----------------------------------------------------------------


def test_python_m_newsparse_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"newsparse, version {metadata.version('newsparse')}\n"


def test_the_newsparse_script(workdir: Path) -> None:
    script = shutil.which("newsparse", path=str(Path(sys.executable).parent))
    assert script is not None, "the newsparse script is not installed next to python"
    done = subprocess.run(
        [script, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"newsparse, version {metadata.version('newsparse')}\n"
    done = subprocess.run(
        [script, "convert", "bad.json", "-o", "out.json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "bad.json:2:2: $.title: expected a string, got a number [json]"
    )
    assert names_in(workdir) == INPUT_NAMES


# --- a batch with failing inputs and plugin faults ----------------------------------


@pytest.fixture
def faulty_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDists]:
    """The "faulty" plugin: its format fails on input holding "boom" and on titles "crash"."""
    with fake_dists(tmp_path / "site", monkeypatch) as dists:
        dists.add(
            dist="newsparse-faulty",
            version="0.1",
            entry_point="faulty",
            module="np_cli_faulty",
            source=FAULTY_SOURCE,
        )
        dists.use()
        yield dists


def test_a_plugin_fault_in_a_batch_is_reported_and_the_batch_goes_on(
    faulty_plugin: FakeDists, workdir: Path
) -> None:
    (workdir / "one.faulty").write_text("FAULTY\nfirst\nboom\n", encoding="utf-8")
    result = run("convert", "one.faulty", "a.json", "bad.json", "-o", "out.json")
    assert result.exit_code == 1
    err = result.stderr.splitlines()
    assert err[0].startswith(
        "error: plugin 'faulty': format 'faulty' failed in parse() on one.faulty: "
        "ZeroDivisionError: boom in parse"
    )
    assert err[1].startswith("bad.json:2:2: ")  # the inputs after the fault were read
    assert err[2:] == [
        "2 of 3 input(s) had problems:",
        "  one.faulty: 1 problem(s)",
        "  bad.json: 1 problem(s)",
        "2 problem(s); exit status 1; nothing was written",
    ]
    assert "Traceback" not in result.stderr
    assert names_in(workdir) == INPUT_NAMES | {"one.faulty"}  # no output file, no temp file


def test_a_render_fault_is_reported_and_the_other_inputs_are_still_read(
    faulty_plugin: FakeDists, workdir: Path
) -> None:
    (workdir / "crash.json").write_text('[{"title": "crash"}]', encoding="utf-8")
    result = run("convert", "a.json", "crash.json", "bad.json", "-t", "faulty")
    assert result.exit_code == 1
    err = result.stderr.splitlines()
    assert err[0].startswith("error: plugin 'faulty': format 'faulty' failed in render()")
    assert "ZeroDivisionError: crash in render" in err[0]
    assert err[1].startswith("bad.json:2:2: ")
    assert "  crash.json: 1 problem(s)" in err
    assert "  bad.json: 1 problem(s)" in err
    assert result.stdout == ""  # "A" and "B" were rendered, but are not written


def test_debug_shows_the_plugin_fault_and_its_cause(
    faulty_plugin: FakeDists, workdir: Path
) -> None:
    (workdir / "one.faulty").write_text("FAULTY\nboom\n", encoding="utf-8")
    result = run("--debug", "convert", "one.faulty")
    assert result.exit_code == 1
    assert "ZeroDivisionError: boom in parse" in result.stderr
    assert "The above exception was the direct cause of the following exception" in result.stderr
    assert "newsparse.PluginError: plugin 'faulty'" in result.stderr


# --- limits ---------------------------------------------------------------------------


def test_limits_from_the_command_line(workdir: Path) -> None:
    (workdir / "long.jsonl").write_text(
        '{"title": "One"}\n{"title": "' + "x" * 300 + '"}\n{"title": "Three"}\n', encoding="utf-8"
    )
    result = run("convert", "long.jsonl", "--max-article-size", "100", "-t", "text", "--partial")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "long.jsonl:2:1: the line is longer than the limit of 100 bytes (max_article_bytes) [jsonl]"
    )
    assert result.stdout == "One\n\n* * *\n\nThree\n"
    result = run("convert", "long.jsonl", "--max-input-size", "20")
    assert "long.jsonl:2:4: the input is larger than the limit of 20 bytes" in result.stderr
    assert run("convert", "long.jsonl", "--max-article-size", "1K").exit_code == 0
    assert run("convert", "long.jsonl", "--max-article-size", "none").exit_code == 0


def test_a_nesting_limit_from_the_command_line(workdir: Path) -> None:
    page = "<html><head><title>T</title></head><body>" + "<div>" * 8 + "</body></html>"
    (workdir / "deep.html").write_text(page, encoding="utf-8")
    assert run("convert", "deep.html").exit_code == 0
    result = run("convert", "deep.html", "--max-depth", "5")
    assert result.exit_code == 1
    assert "deep.html:1:1: elements are nested more than 5 deep (max_depth) [html]" in result.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [("--max-input-size", "lots"), ("--max-article-size", "-3"), ("--max-depth", "0")],
)
def test_a_bad_limit_is_a_usage_error(workdir: Path, option: str, value: str) -> None:
    result = run("convert", "a.json", option, value)
    assert result.exit_code == 2
    assert option in result.stderr
