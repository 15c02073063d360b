"""The progress bar of ``newsparse convert``: bytes and articles, on stderr only.

The bar is tqdm's; these tests read what it draws with :func:`read_stderr`.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from fixtures_plugins import isolated_host
from fixtures_progress import State, read_stderr
from newsparse._parallel import iter_parse_inputs
from newsparse._progress import ConvertProgress
from newsparse.cli import cli

SRC = Path(__file__).resolve().parents[1] / "src"
A_JSON = '[{"title": "A"}, {"title": "B"}]'
C_JSONL = '{"title": "C"}\n{"title": "D"}\n'
BAD_JSON = '[{"title": "A"},\n {"title": 5}]'
PADDING = "x" * 100


def test_read_stderr_reads_a_drawing_by_hand() -> None:
    text = (
        "\rconverting:   0%|          | 0.00/178 [00:00<?, ?B/s, inputs 0/2, articles 0]"
        "\r       \rbad.json:2:2: oops\n"
        "\rconverting: 100%|##########| 178/178 [00:00<00:00, 7.67kB/s, inputs 2/2, articles 3]\n"
        "1 problem(s)\n"
    )
    states, messages = read_stderr(text)
    assert states == [State(0, "0.00", "178", 0, 2, 0), State(100, "178", "178", 2, 2, 3)]
    assert messages == ["bad.json:2:2: oops", "1 problem(s)"]


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


def padded(text: str, size: int) -> str:
    """``text`` with spaces after it, up to ``size`` bytes (JSON allows trailing space)."""
    assert len(text.encode()) <= size
    return text + " " * (size - len(text.encode()))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Inputs of sizes chosen so that tqdm prints them as plain numbers of bytes."""
    (tmp_path / "a.json").write_text(padded(A_JSON, 300), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(C_JSONL + " " * 170, encoding="utf-8")  # 200 bytes
    (tmp_path / "bad.json").write_text(padded(BAD_JSON, 250), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_progress_counts_the_bytes_of_every_input_and_the_articles(workdir: Path) -> None:
    assert os.path.getsize("a.json") + os.path.getsize("c.jsonl") == 500
    result = run("convert", "--progress", "a.json", "c.jsonl", "-t", "jsonl")
    assert result.exit_code == 0
    states, messages = read_stderr(result.stderr)
    assert messages == []
    assert states[-1] == State(100, "500", "500", 2, 2, 4)
    # stdout is what it is without the bar
    assert result.stdout == run("convert", "a.json", "c.jsonl", "-t", "jsonl").stdout


@pytest.mark.parametrize("partial", [(), ("--partial",)])
def test_progress_changes_no_output_message_summary_or_exit_status(
    workdir: Path, partial: tuple[str, ...]
) -> None:
    args = ("convert", "a.json", "bad.json", "c.jsonl", "-t", "jsonl", *partial)
    shown = run(*args, "--progress")
    plain = run(*args, "--no-progress")
    assert plain.exit_code == shown.exit_code == 1
    assert shown.stdout == plain.stdout
    states, messages = read_stderr(shown.stderr)
    assert "\n".join(messages) + "\n" == plain.stderr
    assert plain.stderr.startswith("bad.json:2:2: ")
    # 300 + 250 + 200 bytes; the article of bad.json before the bad one counts
    assert states[-1] == State(100, "750", "750", 3, 3, 5)


def test_progress_on_stdin_counts_bytes_without_a_total() -> None:
    data = padded(C_JSONL, 400).encode()
    result = run("convert", "--progress", "--from", "jsonl", "-t", "jsonl", stdin=data)
    assert result.exit_code == 0
    states, messages = read_stderr(result.stderr)
    assert (states[-1].percent, states[-1].total) == (None, None)
    assert states[-1] == State(None, "400B", None, 1, 1, 2)
    assert messages == []


def test_no_progress_when_asked_or_when_stderr_is_no_terminal(workdir: Path) -> None:
    assert run("convert", "a.json", "c.jsonl", "--no-progress").stderr == ""
    assert run("convert", "a.json", "c.jsonl").stderr == ""  # CliRunner: no terminal


def process(
    folder: Path, *args: str, stderr: int = subprocess.PIPE, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newsparse convert`` in ``folder``."""
    path = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "newsparse", "convert", *args],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": path, **(env or {})},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr,
        timeout=300,
        check=False,
    )


def open_terminal(columns: int) -> tuple[int, int]:
    """Open a pseudo-terminal ``columns`` wide; return its two sides (main, terminal)."""
    import fcntl  # noqa: PLC0415 - POSIX only
    import termios  # noqa: PLC0415

    main, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    return main, terminal


def read_all(main: int) -> bytes:
    """Read what was written to a pseudo-terminal whose other side is closed."""
    drawn = b""
    while True:
        try:
            piece = os.read(main, 1 << 16)
        except OSError:  # EIO: the other side is closed and all was read
            return drawn
        if not piece:
            return drawn
        drawn += piece


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("columns", [200, 0], ids=["200 columns", "width unknown"])
def test_progress_is_shown_by_default_when_stderr_is_a_terminal(
    workdir: Path, columns: int
) -> None:
    main, terminal = open_terminal(columns)
    try:
        done = process(workdir, "a.json", "-t", "jsonl", stderr=terminal)
        os.close(terminal)
        drawn = read_all(main)
    finally:
        os.close(main)
    assert done.returncode == 0
    assert [json.loads(line)["title"] for line in done.stdout.decode().splitlines()] == ["A", "B"]
    states, messages = read_stderr(drawn.decode())
    assert states[-1] == State(100, "300", "300", 1, 1, 2)
    assert messages == []


# -- one large input: progress before it ends ----------------------------------


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 3 MiB of jsonl: more than two chunks for --jobs."""
    folder = tmp_path_factory.mktemp("large")
    lines = (
        json.dumps({"title": f"T{n}", "body": [{"paragraphs": [PADDING]}]}) for n in range(25_000)
    )
    (folder / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def mebibytes(size: int) -> str:
    """``size`` as tqdm writes 1 to 9.99 MiB: two decimals and M."""
    assert 1 << 20 <= size < 9.99 * (1 << 20)
    return f"{size / (1 << 20):.2f}M"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_large_input_shows_progress_before_it_ends(large: Path, jobs: str) -> None:
    size = (large / "big.jsonl").stat().st_size
    # TQDM_MININTERVAL=0: draw at every update, so that no state is skipped.
    done = process(
        large, "--progress", "-j", jobs, "big.jsonl", "-o", "out.jsonl",
        env={"TQDM_MININTERVAL": "0"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    states, messages = read_stderr(done.stderr.decode())
    assert messages == []
    assert states[-1] == State(100, mebibytes(size), mebibytes(size), 1, 1, 25_000)
    midway = [s for s in states if s.percent is not None and 0 < s.percent < 100]
    assert midway, "no drawing between 0% and 100%"
    assert all(s.finished == 0 for s in midway)
    assert any(0 < s.articles < 25_000 for s in midway)
    percents = [s.percent or 0 for s in states]
    assert None not in [s.percent for s in states]
    assert percents == sorted(percents)


def test_workers_report_the_progress_of_each_chunk(large: Path) -> None:
    path = str(large / "big.jsonl")
    heard: list[tuple[int, int, int]] = []

    def hear(index: int, articles: int, size: int) -> None:
        heard.append((index, articles, size))

    items = list(iter_parse_inputs([path], jobs=2, on_progress=hear))
    assert sum(1 for _, item in items if item is not None) == 25_000
    assert len(heard) >= 3  # one call per chunk of about 1 MiB
    assert all(index == 0 and size <= 1.1 * (1 << 20) for index, _, size in heard)
    assert sum(articles for _, articles, _ in heard) == 25_000
    # the chunks are pure ASCII: their sizes add up to the file's exactly
    assert sum(size for _, _, size in heard) == os.path.getsize(path)


def test_the_bar_starts_no_thread() -> None:
    """--jobs forks its workers only from a process without other threads."""
    before = threading.active_count()
    progress = ConvertProgress([10, None], show=True, stream=io.StringIO())
    try:
        progress.read(0, 4)
        assert threading.active_count() == before
    finally:
        progress.close()


def test_progress_counts_each_input_up_to_its_size() -> None:
    stream = io.StringIO()
    progress = ConvertProgress([10, 20], show=True, stream=stream)
    progress.read(0, 4)
    progress.read(0, 50)  # more than its size (a file that grew): held to 10
    assert progress.bytes_read == 10
    progress.finish_input(0)
    progress.read(1, 5)
    progress.finish_input(1)  # ended early (a fatal error): all of it counts
    progress.add_articles(3)
    progress.close()
    assert progress.bytes_read == 30
    states, messages = read_stderr(stream.getvalue())
    assert states[-1] == State(100, "30.0", "30.0", 2, 2, 3)
    assert messages == []
