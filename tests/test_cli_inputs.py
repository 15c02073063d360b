"""Inputs of ``newsparse convert`` that need guidance: a folder, and a terminal on stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from fixtures_plugins import isolated_host
from newsparse.cli import cli

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.json").write_text('[{"title": "A"}]', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("args", [("pages",), ("pages/a.json", "pages")])
def test_a_folder_is_a_usage_error_that_says_how_to_name_its_files(
    workdir: Path, args: tuple[str, ...]
) -> None:
    result = run("convert", *args, "-o", "out.json")
    assert result.exit_code == 2
    assert "'pages' is a folder" in result.stderr
    assert os.path.join("pages", "*") in result.stderr  # a pattern to try
    assert not (workdir / "out.json").exists()


def test_the_files_of_a_folder_convert(workdir: Path) -> None:
    result = run("convert", "pages/a.json", "-t", "text")
    assert (result.exit_code, result.stdout) == (0, "A\n")


def test_no_hint_when_stdin_is_no_terminal() -> None:
    result = CliRunner().invoke(cli, ["convert", "-t", "text"], input=b'{"title": "P"}\n')
    assert (result.exit_code, result.stdout, result.stderr) == (0, "P\n", "")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("args", [(), ("-",)])
def test_reading_a_terminal_says_how_to_end_the_input(args: tuple[str, ...]) -> None:
    main, terminal = os.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "newsparse", "convert", *args, "-t", "jsonl"],
            env={
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
            },
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        # What a user types: one line, then Ctrl-D (once) at the start of the next.
        os.write(main, b'{"title": "Typed"}\n\x04')
        try:
            out, err = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise
    finally:
        os.close(terminal)
        os.close(main)
    assert child.returncode == 0, err
    assert json.loads(out)["title"] == "Typed"
    assert "Ctrl-D" in err.decode()
    assert "pass file names or pipe" in err.decode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_progress_bar_over_what_is_typed() -> None:
    """Input typed on the terminal that also shows stderr: the hint, but no bar."""
    main, terminal = os.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "newsparse", "convert", "-t", "jsonl"],
            env={
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
            },
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=terminal,
        )
        os.write(main, b'{"title": "Typed"}\n\x04')
        try:
            out, _ = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise
        os.close(terminal)
        shown = read_terminal(main)
    finally:
        os.close(main)
    assert child.returncode == 0
    assert json.loads(out)["title"] == "Typed"
    assert "Ctrl-D" in shown
    assert "converting" not in shown


def read_terminal(main: int) -> str:
    """What was written to a pseudo-terminal whose other side is closed."""
    shown = b""
    while True:
        try:
            piece = os.read(main, 1 << 16)
        except OSError:  # EIO: all was read
            break
        if not piece:
            break
        shown += piece
    return shown.decode()
