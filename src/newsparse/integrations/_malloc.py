"""Keeping freed memory in a worker process for reuse (private).

A Dask worker runs its tasks in a thread of its own, and glibc gives such a
thread its own malloc arena.  With glibc's default thresholds that arena
hands freed memory back to the kernel as soon as a little is free at its
top, and serves large blocks with a fresh ``mmap`` each time, so a parse,
which allocates and frees the same few megabytes over and over, takes a
page fault for every page it touches again: on the benchmark's 100 MB TT
dump, 180,000 faults and a quarter more CPU time than the same work in a
plain process.  :func:`keep_freed_memory` raises both thresholds once per
process, so that freed memory stays for the next article; a worker then
holds at most :data:`TRIM_BYTES` of free memory per arena that it would
otherwise have returned.

The Dask integration calls it in its tasks unless the Dask configuration
says ``newsparse.keep-freed-memory: false``.  Only glibc has these
settings; elsewhere it does nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys

__all__ = ["MMAP_BYTES", "TRIM_BYTES", "keep_freed_memory"]

MMAP_BYTES = 32 << 20
"""Blocks up to this size come from the arena, not from a ``mmap`` of their own (glibc's most)."""

TRIM_BYTES = 64 << 20
"""Free memory at the top of an arena is returned to the kernel only beyond this much."""

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameters (malloc.h)


@functools.cache
def keep_freed_memory() -> bool:
    """Raise glibc's malloc thresholds in this process, once; whether they are raised.

    ``False`` where the C library is not glibc or refuses the settings.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it (musl's mallopt does nothing)
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_BYTES)) and bool(
        mallopt(_M_TRIM_THRESHOLD, TRIM_BYTES)
    )
