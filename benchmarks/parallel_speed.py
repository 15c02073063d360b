"""Speed-up of ``newsparse convert --jobs 2`` over ``--jobs 1``, and the cost of Dask.

Two workloads are written to a temporary folder (deleted afterwards):

* ``html``: the pages of the corpora (scrapinghub and fundus, see
  ``benchmarks/corpora.py``), decompressed, ``--copies`` times over, one file
  per page.  Parsing dominates: the ``html`` format extracts each article
  from the page.
* ``jsonl``: one dump of ``--articles`` synthetic articles in one ``.jsonl``
  file, which ``--jobs`` cuts into chunks at line ends.

For each workload, in the same run, it times (best of ``--repeat``, in turn):

1. ``newsparse convert --jobs 1 --to jsonl -o OUT FILES`` and the same with
   ``--jobs 2``, each a new process, as a user runs them; it prints the
   speed-up (goal on a 2-core machine: at least 1.7x) and checks that both
   outputs are the same, byte for byte.  It also prints the CPU time of all
   the processes of each run (the command and its workers): what working in
   parallel costs, and so the best speed-up two idle CPUs would allow, which
   the load of the rest of the machine does not change much.  The load
   average is printed before and after;
2. for ``html``, a plain loop in this process (``newsparse.iter_parse`` over
   every file, to a list of articles) against
   ``newsparse.integrations.dask.read_articles(files).compute()`` on a
   ``dask.distributed`` local cluster of one worker process (the overhead of
   the Dask path, same resources), and of two worker processes.  The cluster
   is started before the clock starts and warmed up with one small run.

Usage::

    python benchmarks/parallel_speed.py                  # both workloads
    python benchmarks/parallel_speed.py --copies 1 --repeat 1 --no-dask
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import corpora

import newsparse


def write_html(folder: Path, root: Path, copies: int) -> list[Path]:
    pages = [page for name in corpora.NEWS_CORPORA for page in corpora.load_corpus(name, root)]
    files = []
    for copy in range(copies):
        for number, page in enumerate(pages):
            path = folder / f"{copy}-{number:04}.html"
            path.write_bytes(gzip.decompress(page.path.read_bytes()))
            files.append(path)
    return files


def write_jsonl(folder: Path, articles: int) -> list[Path]:
    rng = random.Random(7)
    words = ["news", "talks", "minister", "said", "the", "of", "and", "to", "in", "a", "on"]
    path = folder / "dump.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            paragraphs = [
                " ".join(rng.choices(words, k=rng.randint(20, 60))).capitalize() + "."
                for _ in range(rng.randint(3, 8))
            ]
            article = {
                "title": f"Article {number}",
                "body": [{"heading": None, "paragraphs": paragraphs}],
                "authors": ["A. Writer"],
                "published": "2025-04-29T09:30:00+03:00",
                "topics": ["Oman"],
            }
            out.write(json.dumps(article) + "\n")
    return [path]


def best_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def convert(files: Sequence[Path], jobs: int, out: Path) -> tuple[float, float]:
    """Run the command; return its wall-clock time and the CPU time of all its processes."""
    command = [sys.executable, "-m", "newsparse", "convert", "--jobs", str(jobs)]
    command += ["--to", "jsonl", "--partial", "-o", str(out), *map(str, files)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"newsparse convert failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def time_jobs(name: str, files: Sequence[Path], folder: Path, repeat: int) -> dict[str, float]:
    outs = {jobs: folder / f"{name}-{jobs}.jsonl" for jobs in (1, 2)}
    runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    for _ in range(repeat):  # in turn, so that both see the same machine
        for jobs in (1, 2):
            runs[jobs].append(convert(files, jobs, outs[jobs]))
    if not filecmp.cmp(outs[1], outs[2], shallow=False):
        raise SystemExit(f"{name}: --jobs 1 and --jobs 2 wrote different outputs")
    (serial, serial_cpu), (parallel, parallel_cpu) = min(runs[1]), min(runs[2])
    megabytes = sum(path.stat().st_size for path in files) / 10**6
    print(
        f"{name}: {len(files)} file(s), {megabytes:.1f} MB: --jobs 1 {serial:.2f} s, "
        f"--jobs 2 {parallel:.2f} s, speed-up {serial / parallel:.2f}x (goal 1.7x); "
        "outputs identical"
    )
    print(
        f"{name}: CPU time of all processes: --jobs 1 {serial_cpu:.2f} s, --jobs 2 "
        f"{parallel_cpu:.2f} s (+{parallel_cpu / serial_cpu - 1:.1%}: the cost of working "
        f"in parallel); best possible speed-up on 2 idle CPUs {2 * serial_cpu / parallel_cpu:.2f}x"
    )
    return {"jobs1": serial, "jobs2": parallel, "speedup": serial / parallel}


def plain_loop(files: Sequence[Path]) -> int:
    count = 0
    for path in files:
        with contextlib.suppress(newsparse.NewsparseError):
            count += len(newsparse.parse(path, on_error=lambda _error: None))
    return count


def time_dask(files: Sequence[Path], repeat: int) -> dict[str, float]:
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415

    from newsparse.integrations.dask import read_articles  # noqa: PLC0415

    names = [str(path) for path in files]
    plain_loop(files[:5])  # imports and plugins, as the workers will have them
    loop = best_time(lambda: plain_loop(files), repeat)
    numbers = {"loop": loop}
    for workers in (1, 2):
        cluster = LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None
        )
        with cluster, Client(cluster):
            read_articles(names[:5], errors="include").compute()  # warm the workers

            def run() -> Any:
                return read_articles(names, errors="include").compute()

            numbers[f"dask{workers}"] = best_time(run, repeat)
    print(
        f"dask: plain loop {loop:.2f} s; Dask, 1 worker process {numbers['dask1']:.2f} s "
        f"(overhead {numbers['dask1'] / loop - 1:+.1%}); 2 worker processes "
        f"{numbers['dask2']:.2f} s (speed-up {loop / numbers['dask2']:.2f}x over the loop)"
    )
    return numbers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpora",
        type=Path,
        default=corpora.default_corpora_dir(),
        help="the corpora folder (default: <repo>/../shared/corpora)",
    )
    parser.add_argument("--copies", type=int, default=3, help="copies of the html pages")
    parser.add_argument("--articles", type=int, default=200_000, help="articles in the dump")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    parser.add_argument("--no-dask", action="store_true", help="leave the Dask timing out")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        raise SystemExit(f"corpora not found at {args.corpora}: pass --corpora (skipped)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, best of {args.repeat}")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="newsparse-parallel-") as temporary:
        folder = Path(temporary)
        (folder / "html").mkdir()
        html = write_html(folder / "html", args.corpora, args.copies)
        time_jobs("html", html, folder, args.repeat)
        jsonl = write_jsonl(folder, args.articles)
        time_jobs("jsonl", jsonl, folder, args.repeat)
        if not args.no_dask:
            time_dask(html, args.repeat)
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
