"""What reading pages out of a ``.warc.gz`` costs, against reading the same pages from files.

It builds, in a temporary folder (deleted afterwards), from the HTML pages of
the corpora in ``shared/corpora`` (scrapinghub, fundus and the readability
test pages):

* ``pages/NNNNN.html``: each page as a plain file;
* ``pages.warc.gz``: a WARC 1.1 file laid out as CC-NEWS is (a ``warcinfo``
  record, then for each page a ``request``, its HTTP ``response`` and a
  ``metadata`` record), each record its own gzip member.

Then, in the same run, each measure in a fresh child process (so that its
peak resident set size, ``VmHWM``, is its own), the measures in turn,
``--repeat`` rounds, keeping each one's best time (the machine is shared:
taking the measures in turn lets them see the same load):

1. ``files``: ``newsparse.parse(path, "html")`` for every plain file;
2. ``warc.gz``: ``newsparse.iter_parse("pages.warc.gz", "warc")``, the
   articles counted as they come (``files`` too holds one page's articles at
   a time); its ratio to ``files`` is the cost of reading from the archive
   (goal: at most 1.10);
3. ``fastwarc`` and ``warcio``: iterating over the ``.warc.gz`` with each
   library and reading every response's payload, nothing else: what the
   archive reading alone costs, and the two libraries against each other;
4. ``inflate`` and ``records``: where the archive's extra time goes, with
   newsparse's own reading code (its private modules): ``inflate`` reads
   the decompressed bytes as the ``warc`` format gets them, nothing more;
   ``records`` also frames every record and parses it with FastWARC, as
   the format does, without the ``html`` step (``warc.gz`` less
   ``records`` is the html step; ``records`` less ``inflate`` is framing
   and FastWARC);
5. ``--jobs``: ``newsparse convert pages.warc.gz --to jsonl -j 1`` and
   ``-j 2`` as processes, whose ratio is the speed-up of splitting one
   archive at record boundaries.

It prints articles per second (per core: each measure but ``-j 2`` runs on
one), peak RSS, the ratios, and how far the archive's rate is from the
ambition of a million pages an hour on two cores (about 140 articles/s per
core).  ``--profile`` adds the functions where ``warc.gz`` spends its time.

Usage::

    python benchmarks/warc_speed.py                  # best of 3
    python benchmarks/warc_speed.py --repeat 1 --profile
    python benchmarks/warc_speed.py --limit 200      # the first 200 pages only
    python benchmarks/warc_speed.py --quick          # 300 pages, one round: a try-out

warcio is optional (``pip install warcio``); FastWARC comes with
``newsparse[warc]``.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import importlib
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import corpora

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
PER_CORE_GOAL = 1_000_000 / 3600 / 2
"""Articles per second per core for a million pages an hour on two cores."""


def corpus_pages(root: Path) -> list[bytes]:
    """Return the HTML of every page of the corpora, decompressed, in a fixed order."""
    pages = [
        page.read() for name in corpora.CORPUS_NAMES for page in corpora.load_corpus(name, root)
    ]
    readability = sorted((root / "readability").glob("*/source.html.gz"))
    pages += [gzip.decompress(path.read_bytes()) for path in readability]
    return pages


def _record(kind: str, block: bytes, uri: str | None, content_type: str) -> bytes:
    lines = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        "WARC-Date: 2024-05-03T10:15:00Z",
        *([f"WARC-Target-URI: {uri}"] if uri else []),
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block)}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + block + b"\r\n\r\n"


def write_inputs(folder: Path, pages: list[bytes]) -> tuple[list[Path], Path]:
    """Write each page as a file, and all of them as a CC-NEWS-like ``.warc.gz``."""
    files = []
    (folder / "pages").mkdir()
    with open(folder / "pages.warc.gz", "wb") as archive:
        info = b"software: newsparse benchmarks/warc_speed.py\r\nformat: WARC File Format 1.1\r\n"
        archive.write(gzip.compress(_record("warcinfo", info, None, "application/warc-fields")))
        for number, html in enumerate(pages):
            path = folder / "pages" / f"{number:05d}.html"
            path.write_bytes(html)
            files.append(path)
            uri = f"https://news.example/{number}"
            request = b"GET /%d HTTP/1.1\r\nHost: news.example\r\n\r\n" % number
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
            records = [
                _record("request", request, uri, "application/http; msgtype=request"),
                _record(
                    "response", head % len(html) + html, uri, "application/http; msgtype=response"
                ),
                _record("metadata", b"fetchTimeMs: 120\r\n", uri, "application/warc-fields"),
            ]
            for one in records:
                archive.write(gzip.compress(one, compresslevel=6))
    return files, folder / "pages.warc.gz"


def parse_files(files: list[Path], _archive: Path) -> int:
    """Parse each plain file with the ``html`` format; return the articles read."""
    import newsparse  # noqa: PLC0415

    errors: list[Exception] = []
    return sum(len(newsparse.parse(path, "html", on_error=errors.append)) for path in files)


def parse_archive(_files: list[Path], archive: Path) -> int:
    """Parse the ``.warc.gz`` with the ``warc`` format; return the articles read.

    The articles are counted as they come, not held: ``files`` holds only one
    page's articles at a time, and holding all 699 made the garbage
    collector's full passes longer (about 0.1 s more, counted against the
    archive before).
    """
    import newsparse  # noqa: PLC0415

    errors: list[Exception] = []
    return sum(1 for _ in newsparse.iter_parse(archive, "warc", on_error=errors.append))


def iterate_fastwarc(_files: list[Path], archive: Path) -> int:
    """Read every response's payload with FastWARC; return how many."""
    fastwarc: Any = importlib.import_module("fastwarc")
    count = 0
    with open(archive, "rb") as stream:
        for record in fastwarc.ArchiveIterator(
            stream, record_types=fastwarc.WarcRecordType.response
        ):
            record.reader.read()
            count += 1
    return count


def iterate_warcio(_files: list[Path], archive: Path) -> int:
    """Read every response's payload with warcio; return how many."""
    warcio: Any = importlib.import_module("warcio.archiveiterator")
    count = 0
    with open(archive, "rb") as stream:
        for record in warcio.ArchiveIterator(stream):
            if record.rec_type == "response":
                record.content_stream().read()
                count += 1
    return count


def inflate_only(_files: list[Path], archive: Path) -> int:
    """Read the archive's decompressed bytes as the ``warc`` format gets them; return 0."""
    from newsparse._limits import DEFAULT_LIMITS  # noqa: PLC0415
    from newsparse._source import open_source  # noqa: PLC0415

    source = open_source(archive)
    binary = source.reader(encoding="latin-1", format_name="warc", limits=DEFAULT_LIMITS).binary()
    assert binary is not None
    while binary.read(1 << 20):
        pass
    source.close()
    return 0


def read_records(_files: list[Path], archive: Path) -> int:
    """Frame the archive's records and parse each with FastWARC, as the ``warc`` format does,
    without handing the pages to ``html``; return the pages found."""
    from newsparse._formats.warc.framing import Framed, Tape, frame_records  # noqa: PLC0415
    from newsparse._formats.warc.records import Page, read_record, require_engine  # noqa: PLC0415
    from newsparse._limits import DEFAULT_LIMITS  # noqa: PLC0415
    from newsparse._source import open_source  # noqa: PLC0415

    engine = require_engine(str(archive))
    source = open_source(archive)
    binary = source.reader(encoding="latin-1", format_name="warc", limits=DEFAULT_LIMITS).binary()
    assert binary is not None
    pages = 0
    for framed in frame_records(Tape(binary), DEFAULT_LIMITS.max_article_bytes):
        if isinstance(framed, Framed):
            pages += isinstance(read_record(framed, str(archive), engine), Page)
    source.close()
    return pages


MEASURES: dict[str, Callable[[list[Path], Path], int]] = {
    "files": parse_files,
    "warc.gz": parse_archive,
    "fastwarc": iterate_fastwarc,
    "warcio": iterate_warcio,
    "inflate": inflate_only,
    "records": read_records,
}


def _peak_rss_kib() -> int:
    """Return this process's peak resident set size (``VmHWM``, which starts afresh at exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def child(name: str, folder: Path) -> None:
    """Run one measure once in this (fresh) process; print its time, count and peak RSS."""
    import newsparse  # noqa: PLC0415

    newsparse.formats()  # plugins loaded before the clock starts
    files = sorted((folder / "pages").glob("*.html"))
    archive = folder / "pages.warc.gz"
    start = time.perf_counter()
    count = MEASURES[name](files, archive)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "count": count, "peak_kib": _peak_rss_kib()}))


def run_child(name: str, folder: Path) -> dict[str, Any] | None:
    """Run a measure in a new process; ``None`` when its library is not installed."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", name, "--folder", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        if "ModuleNotFoundError" in done.stderr:
            return None
        raise RuntimeError(f"measure {name} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_rounds(folder: Path, repeat: int) -> dict[str, dict[str, Any] | None]:
    """Run every measure ``repeat`` times, in turn; keep each one's best time and highest peak."""
    best: dict[str, dict[str, Any] | None] = {}
    for _ in range(repeat):
        for name in MEASURES:
            result = run_child(name, folder)
            kept = best.get(name)
            if result is None or kept is None:
                best[name] = result
                continue
            kept["peak_kib"] = max(kept["peak_kib"], result["peak_kib"])
            if result["seconds"] < kept["seconds"]:
                kept.update(seconds=result["seconds"], count=result["count"])
    return best


def time_convert(archive: Path, jobs: int, repeat: int) -> float:
    """Return the best wall time of ``newsparse convert ARCHIVE --to jsonl -j JOBS``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [
                *(sys.executable, "-m", "newsparse", "convert", str(archive), "--to", "jsonl"),
                *("--partial", "--no-progress", "-j", str(jobs)),
                *("-o", str(archive.parent / "out.jsonl")),
            ],
            capture_output=True,
            check=False,
        )
        best = min(best, time.perf_counter() - start)
    return best


def profile(archive: Path) -> None:
    """Print where parsing the archive spends its time (cumulative, top 18)."""
    import newsparse  # noqa: PLC0415

    newsparse.formats()
    profiler = cProfile.Profile()
    profiler.enable()
    newsparse.parse(archive, "warc", on_error=lambda _error: None)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(18)
    print(out.getvalue())


def report(results: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    """Print the table of the measures and the ratios; return the ``warc.gz`` measure."""
    print(f"\n{'measure':<10} {'items':>6} {'seconds':>8} {'items/s':>8} {'peak RSS':>9}")
    for name, result in results.items():
        if result is None:
            print(f"{name:<10} (not installed)")
            continue
        rate = result["count"] / result["seconds"]
        print(
            f"{name:<10} {result['count']:>6} {result['seconds']:>8.2f} {rate:>8.1f}"
            f" {result['peak_kib'] / 1024:>6.1f}MiB"
        )
    files, warc = results["files"], results["warc.gz"]
    assert files is not None
    assert warc is not None
    ratio = warc["seconds"] / files["seconds"]
    print(f"\nwarc.gz / files: {ratio:.3f} (goal: at most 1.10)")
    fast, slow = results["fastwarc"], results["warcio"]
    if fast is not None and slow is not None:
        print(f"warcio / fastwarc (iteration only): {slow['seconds'] / fast['seconds']:.2f}")
    if fast is not None:
        share = fast["seconds"] / warc["seconds"]
        print(f"fastwarc iteration / warc.gz parse: {share:.3f} (the archive's share, at best)")
    inflated, records = results["inflate"], results["records"]
    if inflated is not None and records is not None:
        print(
            f"where warc.gz's extra {warc['seconds'] - files['seconds']:.2f} s goes: inflating"
            f" {inflated['seconds']:.2f} s, framing and FastWARC"
            f" {records['seconds'] - inflated['seconds']:.2f} s; the html step"
            f" {warc['seconds'] - records['seconds']:.2f} s against the files'"
            f" {files['seconds']:.2f} s"
        )
    per_core = warc["count"] / warc["seconds"]
    print(
        f"warc.gz: {per_core:.1f} articles/s per core; a million pages an hour on two cores"
        f" needs {PER_CORE_GOAL:.0f} ({per_core / PER_CORE_GOAL:.2f} of it)"
    )
    return warc


def main() -> None:
    """Build the inputs, run every measure, print the table and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure; best is kept")
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora folder")
    parser.add_argument("--profile", action="store_true", help="profile the warc.gz parse too")
    parser.add_argument("--no-jobs", action="store_true", help="leave out the --jobs measure")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--quick", action="store_true", help="a fast try: the first 300 pages, one round"
    )
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.folder)
        return
    if args.quick:
        args.limit, args.repeat = args.limit or 300, 1
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    pages = corpus_pages(args.corpora)[: args.limit]
    with tempfile.TemporaryDirectory(prefix="warc-speed-") as temporary:
        folder = Path(temporary)
        _files, archive = write_inputs(folder, pages)
        raw = sum(len(page) for page in pages)
        print(
            f"{len(pages)} pages, {raw / 1e6:.1f} MB of HTML; pages.warc.gz:"
            f" {archive.stat().st_size / 1e6:.1f} MB ({3 * len(pages) + 1} records)"
        )
        results = run_rounds(folder, args.repeat)
        warc = report(results)
        if not args.no_jobs:
            one = time_convert(archive, 1, args.repeat)
            two = time_convert(archive, 2, args.repeat)
            print(
                f"convert -j 1: {one:.2f} s, -j 2: {two:.2f} s, speed-up {one / two:.2f}x"
                f" (goal 1.6x); -j 2: {warc['count'] / two / 2:.1f} articles/s per core"
            )
        if args.profile:
            profile(archive)
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
