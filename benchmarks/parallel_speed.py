"""Speed-up of ``newsparse convert --jobs 2`` over ``--jobs 1``, and the cost of Dask.

Two workloads are written to a temporary folder (deleted afterwards):

* ``html``: the pages of the corpora (scrapinghub and fundus, see
  ``benchmarks/corpora.py``), decompressed, ``--copies`` times over, one file
  per page.  Parsing dominates: the ``html`` format extracts each article
  from the page.
* ``jsonl``: one dump of ``--articles`` synthetic articles in one ``.jsonl``
  file, which ``--jobs`` cuts into chunks at line ends.
* ``tt``: one TT dump of ``--tt-mb`` MB, made of the articles of
  ``examples/aawsat-seed.txt`` with their headlines numbered and their
  paragraphs shuffled, which ``--jobs`` cuts into byte ranges between
  canonical articles (a worker reads its range of the file itself).
* ``xml``: one file of ``--xml-mb`` MB of NITF documents (the same articles
  rendered as NITF, one after the other), cut before XML declarations.
* ``warc``: the corpora pages, ``--warc-copies`` times over, as one
  CC-NEWS-like ``.warc.gz`` (each record its own gzip member, see
  ``benchmarks/warc_speed.py``), cut between records.  Three copies (93 MB)
  by default: one (31 MB, about 6 s for ``--jobs 1``) is a small input
  for ``--jobs``, whose fixed start-up (0.4-0.8 s) and planning (the
  archive inflated once in the main process, 0.25-0.35 s) then weigh
  on its speed-up; a CC-NEWS file holds about 1 GB.

For each workload, in the same run, it times (best of ``--repeat``, in turn):

1. ``newsparse convert --jobs 1 --to jsonl -o OUT FILES`` and the same with
   ``--jobs 2``, each a new process, as a user runs them; it prints the
   speed-up (goal on a 2-core machine: at least 1.7x; 1.6x for one big
   file) and checks that both outputs are the same, byte for byte.  The peak
   memory of each run is the largest sum of the proportional set sizes of
   the command and its workers, sampled every 20 ms (goal for one big file:
   ``--jobs 2`` at most twice ``--jobs 1``), and the largest resident set
   size of any one of them.  It also prints the CPU time of all
   the processes of each run (the command and its workers): what working in
   parallel costs, and so the best speed-up two idle CPUs would allow, which
   the load of the rest of the machine does not change much.  The load
   average is printed before and after;
2. for ``html``, ``tt`` and ``warc``, a plain loop in this process (``newsparse.iter_parse``
   over every file, each article written as JSON Lines to one file) against
   ``newsparse.integrations.dask.write_articles(files, folder)``, in which the
   workers parse and write JSON Lines themselves, on a ``dask.distributed``
   local cluster of one worker process (the overhead of the Dask path, same
   resources; goal: within 15% of the loop), and of two worker processes
   (goal: 1.7x the loop).  The three are timed in turn, as ``--jobs`` is:
   each round runs the loop, then one worker, then two, each cluster new,
   started and warmed up with one small run before the clock starts (on a
   host whose speed drifts over minutes, timing all the loop's runs first
   favoured whichever measure ran in a fast spell).

Usage::

    python benchmarks/parallel_speed.py                  # both workloads
    python benchmarks/parallel_speed.py --copies 1 --repeat 1 --no-dask
    python benchmarks/parallel_speed.py --only tt,xml --tt-mb 100
    python benchmarks/parallel_speed.py --quick         # small inputs, one run: a try-out

The commands run with their bytecode cached, as an installed newsparse
has it: where the shell sets ``PYTHONDONTWRITEBYTECODE`` (every command
would compile newsparse from source, about 0.4 s of serial CPU), they keep
it in the run's temporary folder instead, compiled by an untimed run on a
little of the input; ``--compile-each-run`` keeps the shell's setting.

Every workload also prints its articles per second: on one core for
``--jobs 1`` and the plain loop, per core for two.  Speed-ups measured on a
loaded machine mean little: the load average is printed at the start and
the end, and the CPU times of all processes tell what two idle cores would
allow, and each workload says how much of the CPUs other processes used
during its best runs (for Dask: during all the runs of each measure).
Since the host's speed drifts, each workload also prints the ratio of the
runs of each round, made one after the other, and their median: a steadier
figure than the ratio of two bests that may come from different minutes.
``benchmarks/host_parallelism.py`` shows what the host gives two busy
processes of plain Python, with no newsparse in them.
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
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeAlias

import attrs
import corpora
import psutil

import newsparse

SEED = Path(__file__).resolve().parent.parent / "examples" / "aawsat-seed.txt"


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


def seed_articles(count: int, seed: int = 23) -> list[newsparse.Article]:
    """The seed's articles, ``count`` of them, headlines numbered and paragraphs shuffled."""
    rng = random.Random(seed)
    base = newsparse.parse(SEED, "tt")
    made = []
    for number in range(count):
        article = base[number % len(base)]
        paragraphs = list(article.paragraphs)
        rng.shuffle(paragraphs)
        paragraphs = paragraphs[: rng.randint(3, len(paragraphs))]
        made.append(
            attrs.evolve(
                article,
                title=f"{article.title} ({number})",
                body=(newsparse.Section(paragraphs=tuple(paragraphs)),),
                meta={"tt.number": str(20 + number % 7)},
            )
        )
    return made


def write_dump(path: Path, megabytes: int, format: str, separator: str) -> list[Path]:
    """Write about ``megabytes`` MB of seed articles in ``format``, 500 at a time."""
    written = 0
    number = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while written < megabytes * 10**6:
            articles = seed_articles(500, seed=number)
            if format != "tt":  # the TT number is TT's own
                articles = [attrs.evolve(article, meta={}) for article in articles]
            text = newsparse.render(articles, format)
            text = (separator if written else "") + text
            out.write(text)
            written += len(text.encode("utf-8"))
            number += 1
    return [path]


def paired(values: Sequence[float], unit: str, *, sign: bool = False) -> str:
    """Show the ratios of each round and their median, for example ``1.62x 1.70x (median 1.66x)``.

    A ratio of two runs made one after the other suffers less from a drift
    of the machine's speed than one of two bests taken minutes apart.
    """
    shape = "{:+.1f}" if sign else "{:.2f}"
    shown = " ".join(shape.format(value) + unit for value in values)
    return f"{shown} (median {shape.format(statistics.median(values))}{unit})"


def timed(run: Callable[[], object]) -> float:
    """Return the wall-clock time ``run()`` takes."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


COMMAND_ENV = dict(os.environ)
"""The environment of the timed commands (see :func:`cache_bytecode`)."""


def cache_bytecode(folder: Path, *, keep_shell: bool = False) -> None:
    """Let the timed commands cache their bytecode, as an installed newsparse has it.

    A development shell may set ``PYTHONDONTWRITEBYTECODE``, so that every
    command compiles newsparse and its plugins from source again: about
    0.4 s of CPU in the main process before any work, the same for
    ``--jobs 1`` and ``--jobs 2``, which an installed newsparse (whose
    bytecode pip compiled) never pays.  The commands then keep their
    bytecode in ``folder`` (``PYTHONPYCACHEPREFIX``), not in the source
    tree; :func:`warm_up` fills it before the clock starts.  With
    ``keep_shell``, the shell's setting stays.
    """
    if not keep_shell and COMMAND_ENV.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        COMMAND_ENV["PYTHONPYCACHEPREFIX"] = str(folder)
    print(f"bytecode of the commands: {bytecode_note()}")


def bytecode_note() -> str:
    """Say how the timed commands get their bytecode."""
    if "PYTHONPYCACHEPREFIX" in COMMAND_ENV:
        return f"cached in {COMMAND_ENV['PYTHONPYCACHEPREFIX']}"
    if "PYTHONDONTWRITEBYTECODE" in COMMAND_ENV:
        return "compiled from source by every command (PYTHONDONTWRITEBYTECODE is set)"
    return "kept where Python keeps it (__pycache__)"


def warm_sample(files: Sequence[Path], folder: Path) -> list[Path]:
    """Return a little of the input for untimed warm-up runs: a few files, or a file's head."""
    if len(files) > 1:
        return list(files[:4])
    head = folder / f"warm-{files[0].name}"  # the same suffixes: the same format
    if not head.exists():
        with files[0].open("rb") as source:
            head.write_bytes(source.read(2 << 20))  # two byte ranges or more
    return [head]


def warm_up(files: Sequence[Path], folder: Path) -> None:
    """Run the commands once, untimed, on a little of the input: bytecode is compiled."""
    sample = warm_sample(files, folder)
    for jobs in (1, 2):
        convert(sample, jobs, folder / "warm.jsonl")


def repeat_archive(archive: Path, copies: int) -> Path:
    """Return a ``.warc.gz`` holding the records of ``archive`` ``copies`` times over.

    Each record is its own gzip member, so the archive's bytes repeated are
    an archive of the records repeated, as valid as the first.
    """
    if copies == 1:
        return archive
    repeated = archive.with_name(f"{copies}x-{archive.name}")
    data = archive.read_bytes()
    with repeated.open("wb") as out:
        for _ in range(copies):
            out.write(data)
    return repeated


def time_start_up(folder: Path, repeat: int) -> dict[int, float]:
    """Time the commands on one small article: what starting and ending them costs.

    Python, newsparse and its plugins are loaded, the workers started and
    stopped, the output written: a fixed cost that ``--jobs`` cannot share
    among its workers, and that weighs on the speed-up of a short run.
    """
    tiny = write_jsonl(folder / "tiny", 1)
    for jobs in (1, 2):  # untimed: bytecode is compiled, files are cached
        convert(tiny, jobs, folder / "tiny" / "out.jsonl")
    runs: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            runs[jobs].append(convert(tiny, jobs, folder / "tiny" / "out.jsonl")[0])
    fixed = {jobs: min(times) for jobs, times in runs.items()}
    print(
        f"start-up and end of a command, on one small article: --jobs 1 {fixed[1]:.2f} s, "
        f"--jobs 2 {fixed[2]:.2f} s"
    )
    return fixed


Run: TypeAlias = tuple[float, float, tuple[float, float], float]
"""A timed command: wall-clock time, CPU time, peak memory (PSS, RSS) and the others' share."""


def machine_busy() -> float:
    """Return the CPU time the whole machine has spent busy so far, all processes."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def own_cpu() -> float:
    """Return the CPU time of this process (its memory sampling, not the command's)."""
    times = psutil.Process().cpu_times()
    return times.user + times.system


def convert(files: Sequence[Path], jobs: int, out: Path) -> Run:
    """Run the command; return its wall-clock time, the CPU time of all its processes,
    its peak memory in MB (see :class:`PeakMemory`: PSS of all, RSS of one), and
    the share of the machine's CPUs that other processes used meanwhile (the
    machine's busy time less the command's own CPU time: the load it ran under)."""
    command = [sys.executable, "-m", "newsparse", "convert", "--jobs", str(jobs)]
    command += ["--to", "jsonl", "--partial", "-o", str(out), *map(str, files)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = machine_busy() - own_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=COMMAND_ENV
    )
    peak = PeakMemory(process.pid)
    _, stderr = process.communicate()
    wall = time.perf_counter() - start
    peak.stop()
    busy = machine_busy() - own_cpu() - busy
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1):
        raise SystemExit(f"newsparse convert failed:\n{stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    others = max(0.0, busy - cpu) / (wall * (os.cpu_count() or 1))
    return wall, cpu, (peak.most / 10**6, peak.most_single / 10**6), others


class PeakMemory:
    """Samples the memory of a process and its descendants every 20 ms.

    Keeps the largest sum of their proportional set sizes (PSS: each page
    shared by n processes, such as what forked workers share with their
    parent, counts 1/n in each), and the largest resident set size (RSS) of
    any one of them.
    """

    def __init__(self, pid: int) -> None:
        self.most = 0
        self.most_single = 0
        self._done = threading.Event()
        self._process = psutil.Process(pid)
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.is_set():
            total = 0
            with contextlib.suppress(psutil.Error):
                family = [self._process, *self._process.children(recursive=True)]
                for member in family:
                    with contextlib.suppress(psutil.Error):
                        memory = member.memory_full_info()
                        total += memory.pss
                        self.most_single = max(self.most_single, memory.rss)
            self.most = max(self.most, total)
            self._done.wait(0.02)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def time_jobs(
    name: str, files: Sequence[Path], folder: Path, repeat: int, fixed: dict[int, float]
) -> dict[str, float]:
    outs = {jobs: folder / f"{name}-{jobs}.jsonl" for jobs in (1, 2)}
    runs: dict[int, list[Run]] = {1: [], 2: []}
    warm_up(files, folder)
    for _ in range(repeat):  # in turn, so that both see the same machine
        for jobs in (1, 2):
            runs[jobs].append(convert(files, jobs, outs[jobs]))
    if not filecmp.cmp(outs[1], outs[2], shallow=False):
        raise SystemExit(f"{name}: --jobs 1 and --jobs 2 wrote different outputs")
    (serial, serial_cpu, _, serial_others) = min(runs[1])
    (parallel, parallel_cpu, _, parallel_others) = min(runs[2])
    memory = {jobs: max(run[2][0] for run in runs[jobs]) for jobs in (1, 2)}
    single = {jobs: max(run[2][1] for run in runs[jobs]) for jobs in (1, 2)}
    megabytes = sum(path.stat().st_size for path in files) / 10**6
    goal = 1.6 if len(files) == 1 else 1.7
    print(
        f"{name}: {len(files)} file(s), {megabytes:.1f} MB: --jobs 1 {serial:.2f} s, "
        f"--jobs 2 {parallel:.2f} s, speed-up {serial / parallel:.2f}x (goal {goal}x); "
        "outputs identical"
    )
    articles = count_lines(outs[1])
    print(
        f"{name}: {articles} articles: --jobs 1 {articles / serial:.0f} articles/s on one core, "
        f"--jobs 2 {articles / parallel / 2:.0f} articles/s per core"
    )
    print(
        f"{name}: peak memory, PSS of all processes: --jobs 1 {memory[1]:.0f} MB, --jobs 2 "
        f"{memory[2]:.0f} MB ({memory[2] / memory[1]:.2f}x, goal at most 2x); RSS of the "
        f"largest process: {single[1]:.0f} MB, {single[2]:.0f} MB ({single[2] / single[1]:.2f}x)"
    )
    print(
        f"{name}: CPU time of all processes: --jobs 1 {serial_cpu:.2f} s, --jobs 2 "
        f"{parallel_cpu:.2f} s ({parallel_cpu / serial_cpu - 1:+.1%}: the cost of working "
        f"in parallel); best possible speed-up on 2 idle CPUs {2 * serial_cpu / parallel_cpu:.2f}x"
    )
    print(
        f"{name}: other processes used {serial_others:.0%} and {parallel_others:.0%} of the "
        "CPUs during those two runs (0% on an idle machine)"
    )
    rounds = [one[0] / two[0] for one, two in zip(runs[1], runs[2], strict=True)]
    print(f"{name}: speed-up in each round (runs next to each other): {paired(rounds, 'x')}")
    print(
        f"{name}: speed-up of the time beyond the commands' start-up and end (see above): "
        f"{(serial - fixed[1]) / (parallel - fixed[2]):.2f}x"
    )
    return {"jobs1": serial, "jobs2": parallel, "speedup": serial / parallel}


def count_lines(path: Path) -> int:
    """Return the number of lines of ``path`` (the articles of a JSON Lines output)."""
    with path.open("rb") as stream:
        return sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 20), b""))


def plain_loop(files: Sequence[Path], format: str | None, out: Path) -> int:
    """Parse every file here and write its articles as JSON Lines to ``out``."""
    count = 0
    with out.open("w", encoding="utf-8") as stream:
        for path in files:
            with contextlib.suppress(newsparse.NewsparseError):
                articles = newsparse.iter_parse(path, format, on_error=lambda _error: None)
                for article in articles:
                    newsparse.render_to([article], "jsonl", stream)
                    count += 1
    return count


def time_dask(
    name: str, files: Sequence[Path], format: str | None, folder: Path, repeat: int
) -> dict[str, float]:
    names = [str(path) for path in files]
    sample = warm_sample(files, folder)
    plain_loop(sample, format, folder / "warm.jsonl")  # imports and plugins, as in the workers
    measures = ("loop", "dask1", "dask2")
    times: dict[str, list[float]] = {measure: [] for measure in measures}
    cpu = dict.fromkeys(measures, 0.0)
    others = {measure: Others() for measure in measures}
    for _ in range(repeat):  # in turn, so that the three see the same machine
        before = family_cpu()
        with others["loop"].counting():
            times["loop"].append(timed(lambda: plain_loop(files, format, folder / "loop.jsonl")))
        cpu["loop"] += family_cpu() - before
        for workers in (1, 2):
            measure = f"dask{workers}"
            took, used = time_cluster(
                names, sample, format, folder / measure, workers=workers, others=others[measure]
            )
            times[measure].append(took)
            cpu[measure] += used
    numbers = {measure: min(times[measure]) for measure in measures}
    cpu = {measure: used / repeat for measure, used in cpu.items()}
    shares = {measure: others[measure].share() for measure in measures}
    loop = numbers["loop"]
    articles = count_lines(folder / "loop.jsonl")
    print(
        f"dask ({name}): {articles} articles; plain loop {articles / loop:.0f} articles/s, "
        f"Dask 1 worker {articles / numbers['dask1']:.0f}/s, 2 workers "
        f"{articles / numbers['dask2'] / 2:.0f}/s per core"
    )
    print(
        f"dask ({name}): plain loop (parse and write JSON Lines) {loop:.2f} s; Dask "
        f"write_articles, 1 worker process {numbers['dask1']:.2f} s "
        f"(overhead {numbers['dask1'] / loop - 1:+.1%}, "
        f"goal at most +15%); 2 worker processes {numbers['dask2']:.2f} s (speed-up "
        f"{loop / numbers['dask2']:.2f}x over the loop, goal 1.7x)"
    )
    print(
        f"dask ({name}): CPU time of all processes (client, scheduler, workers): loop "
        f"{cpu['loop']:.2f} s, 1 worker {cpu['dask1']:.2f} s "
        f"({cpu['dask1'] / cpu['loop'] - 1:+.1%}), 2 workers {cpu['dask2']:.2f} s "
        f"({cpu['dask2'] / cpu['loop'] - 1:+.1%}); best possible speed-up of 2 workers "
        f"on 2 idle CPUs {2 * cpu['loop'] / cpu['dask2']:.2f}x"
    )
    overheads = [
        100 * (one / loop - 1) for one, loop in zip(times["dask1"], times["loop"], strict=True)
    ]
    speedups = [loop / two for loop, two in zip(times["loop"], times["dask2"], strict=True)]
    print(
        f"dask ({name}): in each round (runs next to each other): 1 worker's overhead "
        f"{paired(overheads, '%', sign=True)}; 2 workers' speed-up {paired(speedups, 'x')}"
    )
    print(
        f"dask ({name}): other processes used {shares['loop']:.0%}, {shares['dask1']:.0%} and "
        f"{shares['dask2']:.0%} of the CPUs during the loop's, 1 worker's and 2 workers' runs "
        "(0% on an idle machine)"
    )
    return numbers


def time_cluster(
    names: list[str],
    sample: list[Path],
    format: str | None,
    out: Path,
    *,
    workers: int,
    others: Others,
) -> tuple[float, float]:
    """Time one ``write_articles`` run on a new local cluster of ``workers`` processes.

    The cluster is started and warmed up with a run on ``sample`` (a little
    of the input) before the clock starts, and closed after it.  Return the
    wall-clock time and the CPU time of all the processes during the run.
    """
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415

    from newsparse.integrations.dask import write_articles  # noqa: PLC0415

    cluster = LocalCluster(
        n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with cluster, Client(cluster):
        write_articles(list(map(str, sample)), out.with_name(out.name + "-warm"), format)
        before = family_cpu()
        with others.counting():
            took = timed(lambda: write_articles(names, out, format))
        return took, family_cpu() - before


class Others:
    """Measures the share of the machine's CPUs that processes other than this one's family use.

    Over the spans counted (:meth:`counting`): the machine's busy time less
    the CPU time of this process and its descendants (the client, the
    scheduler and the workers), over the wall-clock time and the CPUs.
    """

    def __init__(self) -> None:
        self._busy = 0.0
        self._wall = 0.0

    @contextlib.contextmanager
    def counting(self) -> Iterator[None]:
        """Count the span of the ``with`` block."""
        busy = machine_busy() - family_cpu()
        start = time.perf_counter()
        try:
            yield
        finally:
            self._busy += machine_busy() - family_cpu() - busy
            self._wall += time.perf_counter() - start

    def share(self) -> float:
        """Return the others' share of the CPUs in the spans counted (0.0 to 1.0)."""
        if not self._wall:
            return 0.0
        return max(0.0, self._busy) / (self._wall * (os.cpu_count() or 1))


def family_cpu() -> float:
    """Return the CPU time (user and system) of this process and all its descendants so far."""
    total = 0.0
    me = psutil.Process()
    for member in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = member.cpu_times()
            total += times.user + times.system
    return total


def run_workloads(args: argparse.Namespace, only: set[str], folder: Path) -> None:
    """Write and time the workloads ``only`` names, in ``folder``."""
    cache_bytecode(folder / "bytecode", keep_shell=args.compile_each_run)
    (folder / "tiny").mkdir()
    fixed = time_start_up(folder, args.repeat)
    if "html" in only:
        (folder / "html").mkdir()
        html = write_html(folder / "html", args.corpora, args.copies)
        time_jobs("html", html, folder, args.repeat, fixed)
        if not args.no_dask:
            time_dask("html", html, None, folder, args.repeat)
    if "jsonl" in only:
        jsonl = write_jsonl(folder, args.articles)
        time_jobs("jsonl", jsonl, folder, args.repeat, fixed)
    if "tt" in only:
        tt = write_dump(folder / "dump.tt", args.tt_mb, "tt", "\n\n\n\n")
        time_jobs("tt", tt, folder, args.repeat, fixed)
        if not args.no_dask:
            time_dask("tt", tt, "tt", folder, args.repeat)
    if "xml" in only:
        xml = write_dump(folder / "dump.xml", args.xml_mb, "nitf", "")
        time_jobs("xml", xml, folder, args.repeat, fixed)
    if "warc" in only:
        import warc_speed  # noqa: PLC0415 - the CC-NEWS-like archive of the corpora pages

        (folder / "warc").mkdir()
        pages = warc_speed.corpus_pages(args.corpora)
        _, archive = warc_speed.write_inputs(folder / "warc", pages)
        archive = repeat_archive(archive, args.warc_copies)
        time_jobs("warc", [archive], folder, args.repeat, fixed)
        if not args.no_dask:
            time_dask("warc", [archive], "warc", folder, args.repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpora",
        type=Path,
        default=corpora.default_corpora_dir(),
        help="the corpora folder (default: <repo>/../shared/corpora)",
    )
    parser.add_argument("--copies", type=int, default=3, help="copies of the html pages")
    parser.add_argument(
        "--warc-copies",
        type=int,
        default=3,
        help="copies of the corpora pages in the WARC (one copy: 31 MB)",
    )
    parser.add_argument("--articles", type=int, default=200_000, help="articles in the dump")
    parser.add_argument("--tt-mb", type=int, default=100, help="size of the TT dump in MB")
    parser.add_argument("--xml-mb", type=int, default=50, help="size of the NITF dump in MB")
    parser.add_argument(
        "--only", default="html,jsonl,tt,xml,warc", help="the workloads to run, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    parser.add_argument("--no-dask", action="store_true", help="leave the Dask timing out")
    parser.add_argument(
        "--compile-each-run",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE if the shell sets it: every command then "
        "compiles newsparse from source (by default, bytecode is cached for the run)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a fast run for a try: small inputs (10 MB TT, 5 MB NITF, 20,000 jsonl "
        "articles, one copy of the pages), one run of each",
    )
    args = parser.parse_args()
    if args.quick:
        args.copies, args.articles, args.tt_mb, args.xml_mb = 1, 20_000, 10, 5
        args.warc_copies = 1
        args.repeat = 1
    only = set(args.only.split(","))
    if "html" in only and not args.corpora.is_dir():
        raise SystemExit(f"corpora not found at {args.corpora}: pass --corpora (skipped)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, best of {args.repeat}")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="newsparse-parallel-") as temporary:
        run_workloads(args, only, Path(temporary))
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
