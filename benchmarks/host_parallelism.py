"""What two busy processes get from this machine, against one: no newsparse in it.

The speed-up goals of ``parallel_speed.py`` assume that two processes on a
2-core machine each run as fast as one alone.  On a virtual machine that
shares its host, they may not: this script runs the same pure-Python loop
(integer arithmetic and a small dict, no I/O, little memory) in one worker
process, then in two at once, in turn, ``--rounds`` times, and prints for
each round the CPU time per loop and the speed-up two processes gave.  A
speed-up well under 2x here bounds what any parallel code could reach in
that minute; a CPU time that changes from round to round says the host's
speed drifts, and that measures taken minutes apart should not be compared.

Usage::

    python benchmarks/host_parallelism.py              # 5 rounds, about 2 s a loop
    python benchmarks/host_parallelism.py --rounds 10 --steps 5000000
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import time


def busy_loop(steps: int) -> float:
    """Run ``steps`` steps of pure-Python work; return the CPU time they took."""
    start = time.process_time()
    value = 0
    table: dict[int, int] = {}
    for step in range(steps):
        value = (value * 31 + step) % 1_000_003
        table[value & 4095] = step
    return time.process_time() - start


def steal_ticks() -> int:
    """Return the CPU time the hypervisor took from this machine so far, in clock ticks."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = stat.readline().split()
    return int(fields[8]) if len(fields) > 8 else 0


def round_of(steps: int) -> tuple[float, float, float, float, int]:
    """Time one loop alone, then two at once.

    Return the wall-clock and mean CPU time of each, and the steal ticks
    counted during both.
    """
    context = multiprocessing.get_context("spawn")
    steal = steal_ticks()
    with context.Pool(1) as pool:
        start = time.perf_counter()
        alone = pool.map(busy_loop, [steps])
        alone_wall = time.perf_counter() - start
    with context.Pool(2) as pool:
        start = time.perf_counter()
        paired = pool.map(busy_loop, [steps, steps])
        paired_wall = time.perf_counter() - start
    return alone_wall, alone[0], paired_wall, statistics.mean(paired), steal_ticks() - steal


def main() -> None:
    """Run the rounds and print them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds of one, then two")
    parser.add_argument("--steps", type=int, default=10_000_000, help="steps of each loop")
    args = parser.parse_args()
    speedups = []
    for number in range(1, args.rounds + 1):
        alone_wall, alone_cpu, paired_wall, paired_cpu, steal = round_of(args.steps)
        speedup = 2 * alone_wall / paired_wall
        speedups.append(speedup)
        print(
            f"round {number}: one loop {alone_cpu:.2f} s of CPU, two at once "
            f"{paired_cpu:.2f} s each ({paired_cpu / alone_cpu - 1:+.1%}); "
            f"speed-up of two {speedup:.2f}x; steal {steal} ticks"
        )
    print(
        f"speed-up of two processes: lowest {min(speedups):.2f}x, median "
        f"{statistics.median(speedups):.2f}x, highest {max(speedups):.2f}x "
        "(2.00x on two idle cores of their own)"
    )


if __name__ == "__main__":
    main()
