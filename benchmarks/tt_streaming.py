"""Streaming benchmark of the ``tt`` format (plugin newsparse-aawsat).

For each size (default 100 MB and 1 GB) it writes a synthetic TT dump in
canonical form to a temporary file, then, in a fresh Python process per size:

* runs a bare reference loop that only splits the file into articles and
  paragraphs (strings in lists, no objects);
* runs an "objects floor" loop: the same split, plus building the same
  ``Article`` objects (canonical input only, no error handling), which shows
  what the model's constructors and validation cost by themselves;
* runs ``newsparse.iter_parse(path, "tt")`` over the same file, consuming each
  article and dropping it;

in turn, ``--repeat`` times each, keeping the best time of each.  It prints
throughput in MB/s (1 MB = 10**6 bytes of the file) for each, the ratio
newsparse / reference (goal: at least 0.5), and the child's peak resident set
size (``ru_maxrss`` of the child process, which ran nothing else), together
with its RSS before parsing started.  Peak RSS must stay flat as the size
grows.  The temporary files are deleted afterwards (also on failure).

Usage::

    python benchmarks/tt_streaming.py                 # 100 MB and 1 GB
    python benchmarks/tt_streaming.py --sizes 10MB,50MB --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (  # noqa: SIM905 - a word list is easier to edit as text
    "Iran Tehran Washington talks nuclear deal sanctions minister president said on Tuesday "
    "the of and to in a that for with as was were by government officials negotiations "
    "regional security Riyadh Cairo Beirut Baghdad agreement program European Union Russia "
    "foreign policy spokesperson reporters week source close analysts diplomats economy "
    "oil prices market growth reported statement according would could should Gulf Saudi "
    "“quoted” — Kingdom Council meeting summit envoy United Nations crisis support"
).split()


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def _article(rng: random.Random, number: int) -> str:
    title = _sentence(rng, 5, 12).rstrip(".")
    image = [] if rng.random() < 0.2 else [_sentence(rng, 15, 40)] * 2
    paragraphs = [_sentence(rng, 20, 80) for _ in range(rng.randint(4, 12))]
    header = "".join(line + "\n" for line in image)
    parts = [f"{title}\n\n{header}TT\n{number}\n\n{title}"]
    if image:
        parts.append("\n".join(image))
    parts.extend(paragraphs)
    return "\n\n".join(parts)


def generate(path: Path, size: int, seed: int = 20) -> int:
    """Write a canonical TT dump of about ``size`` bytes; return the article count."""
    rng = random.Random(seed)
    pool = [_article(rng, 20 + index % 7) for index in range(500)]
    written = 0
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        buffer: list[str] = []
        buffered = 0
        separator = ""
        while written + buffered < size:
            text = separator + pool[count % len(pool)]
            separator = "\n\n\n\n"
            buffer.append(text)
            buffered += len(text.encode("utf-8"))
            count += 1
            if buffered > 1 << 20:
                out.write("".join(buffer))
                written += buffered
                buffer, buffered = [], 0
        out.write("".join(buffer))
    return count


def reference_loop(path: Path) -> tuple[int, int]:
    """Split the file into articles and paragraphs, building no objects."""
    articles = 0
    paragraphs = 0
    blank = 0
    lines: list[str] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            text = line.strip()
            if not text:
                blank += 1
                continue
            if blank >= 3:
                articles += 1
                paragraphs += len(lines)
                lines = []
            blank = 0
            lines.append(text)
    if lines:
        articles += 1
        paragraphs += len(lines)
    return articles, paragraphs


def objects_floor_loop(path: Path) -> tuple[int, int]:
    """Split like the reference loop, then build the same Article objects.

    This handles canonical input only (no errors, no tolerance): it measures
    what building and validating the model objects costs by itself, which no
    parser of any format can avoid.
    """
    from newsparse import Article, Image, Section  # noqa: PLC0415

    def build(lines: list[str]) -> Article:
        marker = lines.index("TT")
        images = lines[1:marker]
        rest = lines[marker + 2 :][1 + len(images) :]
        return Article(
            title=lines[0],
            images=[Image(alt=images[i], caption=images[i + 1]) for i in range(0, len(images), 2)],
            body=[Section(paragraphs=rest)] if rest else [],
            meta={"tt.number": lines[marker + 1]},
        )

    articles = 0
    paragraphs = 0
    blank = 0
    lines: list[str] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            text = line.strip()
            if not text:
                blank += 1
                continue
            if blank >= 3:
                articles += 1
                paragraphs += len(build(lines).paragraphs)
                lines = []
            blank = 0
            lines.append(text)
    if lines:
        articles += 1
        paragraphs += len(build(lines).paragraphs)
    return articles, paragraphs


def newsparse_loop(path: Path) -> tuple[int, int]:
    """Parse the file with newsparse, streaming, dropping each article."""
    import newsparse  # noqa: PLC0415 - imported in the child only

    articles = 0
    paragraphs = 0
    for article in newsparse.iter_parse(path, "tt"):
        articles += 1
        paragraphs += len(article.paragraphs)
    return articles, paragraphs


def _rss_now_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def child(path: Path, repeat: int) -> None:
    """Run in a fresh process: time both loops, print JSON."""
    import newsparse  # noqa: PLC0415

    newsparse.formats()  # load the plugins before measuring the baseline
    baseline = _rss_now_kib()
    loops = {
        "reference": reference_loop,
        "objects": objects_floor_loop,
        "newsparse": newsparse_loop,
    }
    best = dict.fromkeys(loops, float("inf"))
    counts = {}
    for _ in range(repeat):
        for name, loop in loops.items():
            start = time.perf_counter()
            counts[name] = loop(path)
            best[name] = min(best[name], time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"best": best, "counts": counts, "baseline_kib": baseline, "peak_kib": peak}))


def _parse_size(text: str) -> int:
    text = text.strip().upper()
    for suffix, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3), ("B", 1)):
        if text.endswith(suffix):
            return int(float(text[: -len(suffix)]) * factor)
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100MB,1GB", help="comma-separated, e.g. 10MB,1GB")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each loop; best is kept")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.repeat)
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; best of {args.repeat} runs")
    header = (
        f"{'size':>8} {'articles':>9} {'reference MB/s':>15} {'objects MB/s':>13}"
        f" {'newsparse MB/s':>15} {'ratio':>6} {'RSS before':>11} {'peak RSS':>9}"
    )
    print(header)
    with tempfile.TemporaryDirectory(prefix="tt-bench-") as folder:
        for text in args.sizes.split(","):
            path = Path(folder) / f"dump-{text.strip()}.tt"
            generate(path, _parse_size(text))
            megabytes = path.stat().st_size / 10**6
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(path), "--repeat", str(args.repeat)],
                check=True,
                capture_output=True,
                text=True,
            )
            path.unlink()
            data = json.loads(result.stdout)
            ref_articles, _ = data["counts"]["reference"]
            np_articles, _ = data["counts"]["newsparse"]
            if ref_articles != np_articles:
                raise SystemExit(f"article counts differ: {ref_articles} != {np_articles}")
            ref = megabytes / data["best"]["reference"]
            floor = megabytes / data["best"]["objects"]
            ours = megabytes / data["best"]["newsparse"]
            if data["counts"]["objects"] != data["counts"]["newsparse"]:
                raise SystemExit(f"counts differ: {data['counts']}")
            print(
                f"{megabytes:>6.0f}MB {np_articles:>9} {ref:>15.1f} {floor:>13.1f} {ours:>15.1f}"
                f" {ours / ref:>6.2f} {data['baseline_kib'] / 1024:>8.1f}MiB"
                f" {data['peak_kib'] / 1024:>6.1f}MiB"
            )


if __name__ == "__main__":
    main()
