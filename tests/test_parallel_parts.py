"""``convert --jobs`` workers write what they render to part files (newsparse._parts).

A worker writes the texts it renders to a file in a private folder beside
the output and sends back only where they lie; the main process appends
them to the output in order.  The output must be the same, byte for byte,
as ``--jobs 1``'s, and the folder must go however the run ends.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsparse
import newsparse._convert_output as convert_output
import newsparse._parts as parts_module
from fixtures_process import SRC, convert_process
from newsparse._parallel import iter_parse_inputs
from newsparse._parts import RenderedPart, append_part, part_folder
from newsparse.cli import cli

GOOD = "Headline {n}\n\nTT\n20\n\nHeadline {n}\n\n{paragraph}\n\nThe end of article {n}."
"""A canonical TT article (headline, TT number, headline again, paragraphs)."""

PARAGRAPH = " ".join(["A paragraph long enough to make the dump span several byte ranges."] * 6)

BAD = "Cut short {n}\n\nTT"
"""An article that ends after its TT marker: an error, the articles after it are read."""

ARTICLES = 6_000
BAD_AT = (3, 2_500, 5_900)
"""The bad articles: in the first, a middle and the last byte range (ranges are 512 KiB)."""


def tt_dump() -> tuple[str, list[int]]:
    """A TT dump of about 2.8 MB, and the line on which each bad article starts."""
    texts = []
    starts = []
    line = 1
    for number in range(ARTICLES):
        text = (
            BAD.format(n=number) if number in BAD_AT else GOOD.format(n=number, paragraph=PARAGRAPH)
        )
        if number in BAD_AT:
            starts.append(line)
        texts.append(text)
        line += text.count("\n") + 4  # the separator, four line feeds
    return "\n\n\n\n".join(texts) + "\n", starts


@pytest.fixture(scope="module")
def dump_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    pytest.importorskip("newsparse_aawsat", reason="the tt format is in newsparse-aawsat")
    folder = tmp_path_factory.mktemp("parts")
    text, starts = tt_dump()
    (folder / "dump.tt").write_text(text, encoding="utf-8")
    assert (folder / "dump.tt").stat().st_size > 5 << 19  # six ranges of 512 KiB or more
    return folder, starts


def hidden(folder: Path) -> list[str]:
    """What a run left behind: the part folder and staged outputs are named ``.NAME...``."""
    return sorted(path.name for path in folder.rglob(".*"))


def test_a_tt_dump_with_bad_articles_in_several_ranges_converts_as_with_jobs_1(
    dump_folder: tuple[Path, list[int]],
) -> None:
    folder, starts = dump_folder
    runs = {}
    for jobs in ("1", "2"):
        output = f"out{jobs}.jsonl"
        done = convert_process(folder, "--jobs", jobs, "--partial", "-o", output, "dump.tt")
        assert done.returncode == 1  # the bad articles are reported
        runs[jobs] = (done.stderr.decode(), (folder / output).read_bytes())
    assert runs["2"] == runs["1"]
    errors = [line for line in runs["1"][0].splitlines() if line.startswith("dump.tt:")]
    # Each cut-short article is reported where its TT number should be: on the
    # line after its 'TT' line (headline, blank line, 'TT', then that line).
    assert [int(error.split(":")[1]) for error in errors] == [start + 3 for start in starts]
    assert all("expected the TT number on the line after 'TT'" in error for error in errors)
    lines = runs["1"][1].decode("utf-8").splitlines()
    assert len(lines) == ARTICLES - len(BAD_AT)
    assert newsparse.parse(lines[-1], "jsonl")[0].title == f"Headline {ARTICLES - 1}"
    assert hidden(folder) == []  # no part folder, no staged output left


def test_a_failed_run_leaves_the_output_and_no_parts_behind(
    dump_folder: tuple[Path, list[int]],
) -> None:
    folder, _ = dump_folder
    (folder / "kept.jsonl").write_text("precious\n", encoding="utf-8")
    done = convert_process(folder, "--jobs", "2", "-o", "kept.jsonl", "dump.tt")
    assert done.returncode == 1
    assert "nothing was written" in done.stderr.decode()
    assert (folder / "kept.jsonl").read_text(encoding="utf-8") == "precious\n"
    assert hidden(folder) == []


def test_an_interrupted_run_leaves_the_output_and_no_parts_behind(
    dump_folder: tuple[Path, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = dump_folder
    work = folder / "interrupted"
    work.mkdir()
    (work / "kept.jsonl").write_text("precious\n", encoding="utf-8")
    seen: list[str] = []
    copied = 0

    def interrupted(part: RenderedPart, out: object) -> None:
        nonlocal copied
        seen.append(os.path.dirname(part.path))
        copied += 1
        if copied == 3:  # Ctrl-C while the workers are busy
            raise KeyboardInterrupt

    monkeypatch.setattr(convert_output, "append_part", interrupted)
    monkeypatch.chdir(work)
    result = CliRunner().invoke(
        cli, ["convert", "--jobs", "2", "-o", "kept.jsonl", str(folder / "dump.tt")]
    )
    assert result.exit_code == 1  # click's Abort
    assert copied == 3
    assert {Path(place).parent for place in seen} == {work}  # the parts were beside the output
    assert (work / "kept.jsonl").read_text(encoding="utf-8") == "precious\n"
    assert hidden(work) == []


def start(
    command: list[str], folder: Path, work: Path, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    """Start ``command`` on the dump then standard input, in a process group of its own."""
    return subprocess.Popen(
        [*command, str(folder / "dump.tt"), "-"],
        cwd=work,
        env=env,
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # as a terminal's job: Ctrl-C reaches the workers too
    )


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to a process group")
def test_ctrl_c_leaves_the_output_and_no_parts_behind(
    dump_folder: tuple[Path, list[int]],
) -> None:
    folder, _ = dump_folder
    work = folder / "ctrl-c"
    work.mkdir()
    (work / "kept.jsonl").write_text("precious\n", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    # After the dump comes standard input, which the test keeps open: the run
    # waits there, its part folder made and the dump's ranges handed out.
    command = [sys.executable, "-m", "newsparse", "convert", "--jobs", "2", "-o", "kept.jsonl"]
    # A child inherits an ignored SIGINT (from a runner started in the background).
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = start(command, folder, work, env)
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        deadline = time.monotonic() + 60
        while not any(name.startswith(".kept.jsonl.parts-") for name in os.listdir(work)):
            assert time.monotonic() < deadline, "the run never made its part folder"
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.01)
        time.sleep(0.5)  # the workers are busy with the dump's ranges
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the command and its workers
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 1, stderr.decode()
    assert "Aborted!" in stderr.decode()
    assert (work / "kept.jsonl").read_text(encoding="utf-8") == "precious\n"
    assert hidden(work) == []


def test_workers_leave_parts_in_the_folder_and_each_goes_once_given(
    dump_folder: tuple[Path, list[int]], tmp_path: Path
) -> None:
    folder, _ = dump_folder
    path = folder / "dump.tt"
    joined = tmp_path / "joined.jsonl"
    parts: list[RenderedPart] = []
    with part_folder(joined) as place, joined.open("wb") as out:
        assert Path(place).parent == tmp_path
        found = iter_parse_inputs([str(path)], "tt", jobs=2, render="jsonl", parts=place)
        for _index, item in found:
            if isinstance(item, RenderedPart):
                assert Path(item.path).parent == Path(place)
                parts.append(item)
                append_part(item, out)
        assert os.listdir(place) == []  # each part file went once its items were given
    assert not Path(place).exists()
    assert len({part.path for part in parts}) >= 6  # one part file per byte range
    assert sum(part.articles for part in parts) == ARTICLES - len(BAD_AT)
    serial = newsparse.parse(path, "tt", on_error=lambda _error: None)
    assert joined.read_text(encoding="utf-8") == newsparse.render(serial, "jsonl")


@pytest.fixture
def part_file(tmp_path: Path) -> RenderedPart:
    (tmp_path / "a.part").write_bytes(b"skip" + "caf\u00e9\n".encode() * 1000 + b"tail")
    return RenderedPart(str(tmp_path / "a.part"), 4, 4 + 6 * 1000, 1000)


def appended(part: RenderedPart, out_path: Path) -> bytes:
    with out_path.open("wb") as out:
        out.write(b"head:")
        append_part(part, out)
        out.write(b":end")
    return out_path.read_bytes()


EXPECTED = b"head:" + "caf\u00e9\n".encode() * 1000 + b":end"


def test_a_part_is_appended_in_place_by_the_kernel(part_file: RenderedPart, tmp_path: Path) -> None:
    assert appended(part_file, tmp_path / "out") == EXPECTED


@pytest.mark.parametrize("failure", [errno.EXDEV, errno.ENOSYS, None])
def test_a_part_is_appended_where_the_kernel_cannot_copy(
    part_file: RenderedPart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: int | None
) -> None:
    if failure is None:
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    else:

        def refuse(*_args: object) -> int:
            raise OSError(failure, os.strerror(failure))

        monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    assert appended(part_file, tmp_path / "out") == EXPECTED


def test_a_part_that_ends_early_is_an_error(part_file: RenderedPart, tmp_path: Path) -> None:
    longer = RenderedPart(part_file.path, 4, 10**6, 1)
    with pytest.raises(OSError, match="ends early"):
        appended(longer, tmp_path / "out")


def test_the_part_folder_is_private_and_never_an_existing_name(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    (tmp_path / ".out.jsonl.parts-").mkdir()  # a user's folder of that prefix is left alone
    with part_folder(output) as place:
        assert Path(place).parent == tmp_path
        assert Path(place).name.startswith(".out.jsonl.parts-")
        assert Path(place) != tmp_path / ".out.jsonl.parts-"
        if os.name == "posix":
            assert os.stat(place).st_mode & 0o777 == 0o700
    assert not Path(place).exists()
    assert (tmp_path / ".out.jsonl.parts-").is_dir()
    with part_folder(None) as place:  # standard output: the temporary folder
        assert Path(place).name.startswith(".newsparse-parts-")


def test_writers_make_no_file_without_a_text(tmp_path: Path) -> None:
    writer = parts_module.PartWriter(str(tmp_path))
    writer.close()
    assert writer.path is None
    assert list(tmp_path.iterdir()) == []
