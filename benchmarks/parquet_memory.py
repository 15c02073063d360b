"""Peak memory of writing Parquet: 10,000 against 100,000 generated articles.

Each count is written in its own child process (so that each peak is its
own), in the same run, from a generator, to a file in a temporary folder;
the script prints the peak resident set size of each child, before and after
writing, and the file's size.  Bounded memory means the peak does not grow
with the count.

    python benchmarks/parquet_memory.py            # 10000 and 100000
    python benchmarks/parquet_memory.py 1000 5000  # other counts
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsparse import Article, Section
from newsparse.integrations.parquet import write_parquet

COUNTS = (10_000, 100_000)
START = datetime(2025, 1, 1, tzinfo=timezone.utc)


def generated(count: int) -> Iterator[Article]:
    """Yield ``count`` articles of a few hundred words each, all different."""
    for number in range(count):
        paragraphs = [
            f"Paragraph {line} of article {number} says what happened, where and when, "
            f"and quotes someone about it at some length, as news does ({number * line})."
            for line in range(1, 9)
        ]
        yield Article(
            title=f"Article {number}: a headline of moderate length",
            body=[Section(paragraphs=paragraphs), Section(heading="More", paragraphs=["End."])],
            authors=[f"Writer {number % 97}"],
            published=START + timedelta(minutes=number),
            url=f"https://example.com/news/{number}",
            language="en",
            topics=["World", f"Topic {number % 13}"],
            meta={"example.id": str(number)},
        )


def peak_kib() -> int:
    """The peak resident set size of this process so far, in KiB (Linux counts KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(count: int) -> None:
    """Write ``count`` articles and print what it took, as JSON."""
    before = peak_kib()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "articles.parquet"
        started = time.perf_counter()
        written = write_parquet(generated(count), out)
        seconds = time.perf_counter() - started
        size = out.stat().st_size
    report = {
        "count": written,
        "peak_before_kib": before,
        "peak_kib": peak_kib(),
        "seconds": seconds,
        "bytes": size,
    }
    print(json.dumps(report))


def main(counts: list[int]) -> None:
    print(f"{'articles':>9}  {'peak RSS':>9}  {'at start':>9}  {'seconds':>8}  {'file':>9}")
    for count in counts:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(count)],
            capture_output=True,
            text=True,
            check=True,
        )
        found = json.loads(done.stdout)
        print(
            f"{found['count']:>9,}  {found['peak_kib'] / 1024:>7.1f}MB"
            f"  {found['peak_before_kib'] / 1024:>7.1f}MB  {found['seconds']:>8.1f}"
            f"  {found['bytes'] / 1e6:>7.1f}MB"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(int(sys.argv[2]))
    else:
        main([int(count) for count in sys.argv[1:]] or list(COUNTS))
