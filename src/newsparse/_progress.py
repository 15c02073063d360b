"""The progress bar of ``newsparse convert``: bytes of input read, and articles.

The bar is drawn by `tqdm <https://tqdm.github.io/>`_ on standard error.  It
counts the bytes read of all inputs against their total size when every
input is a file whose size is known; with standard input or a pipe among the
inputs there is no total, and the bar shows a running count instead.  Beside
the bytes it shows how many inputs are done and how many articles were read.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from tqdm import tqdm

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["ConvertProgress", "counting_reader"]


class _Bar(tqdm):  # type: ignore[type-arg]  # tqdm is generic in what it iterates; this one never does
    """A tqdm bar without tqdm's monitor thread.

    ``newsparse._parallel`` forks its workers only from a process that runs
    no other thread, so the bar must not start one.
    """

    monitor_interval = 0


class ConvertProgress:
    """Counts the bytes and articles read from a list of inputs, on a bar when shown.

    Args:
        sizes: the size in bytes of each input, ``None`` where it is unknown
            (standard input, a pipe).
        show: draw the bar; when ``False`` nothing is written anywhere.
        stream: where the bar is drawn (standard error).
    """

    def __init__(self, sizes: Sequence[int | None], *, show: bool, stream: TextIO) -> None:
        self._sizes = list(sizes)
        self._read = [0] * len(sizes)
        self._finished = 0
        self.articles = 0
        """How many articles were read so far."""
        known = [size for size in sizes if size is not None]
        self._bar: _Bar | None = None
        if show:
            columns = _terminal_columns(stream)
            self._bar = _Bar(
                total=sum(known) if len(known) == len(sizes) else None,
                desc="converting",
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                file=stream,
                leave=True,
                # Follow the terminal's width; one that does not know its
                # width (0 columns) gets 80, which tqdm would take as none.
                dynamic_ncols=bool(columns),
                ncols=80 if columns == 0 else None,
                postfix=self._counts(),
            )

    @property
    def bytes_read(self) -> int:
        """How many bytes of input were counted so far."""
        return sum(self._read)

    def read(self, index: int, count: int) -> None:
        """Count ``count`` more bytes of input ``index`` (never more than its size)."""
        size = self._sizes[index]
        if size is not None:
            count = min(count, size - self._read[index])
        if count <= 0:
            return
        self._read[index] += count
        if self._bar is not None:
            self._show_counts()
            self._bar.update(count)

    def add_articles(self, count: int) -> None:
        """Count ``count`` more articles read (shown when the bar is next drawn)."""
        self.articles += count

    def finish_input(self, index: int) -> None:
        """Mark input ``index`` as done: all its bytes count as read, even those skipped."""
        self._finished += 1
        size = self._sizes[index]
        if size is not None:
            self.read(index, size - self._read[index])
        self._show_counts()

    @contextlib.contextmanager
    def writing_around(self) -> Iterator[None]:
        """Clear the bar while a message is printed to the same stream, then draw it again."""
        if self._bar is None:
            yield
            return
        with self._bar.external_write_mode(file=self._bar.fp):
            yield

    def close(self) -> None:
        """Draw the bar one last time, with the final counts, and leave it on its line."""
        if self._bar is not None:
            self._show_counts()
            self._bar.close()

    def _counts(self) -> str:
        return f"inputs {self._finished}/{len(self._sizes)}, articles {self.articles}"

    def _show_counts(self) -> None:
        if self._bar is not None:
            self._bar.set_postfix_str(self._counts(), refresh=False)


def _terminal_columns(stream: TextIO) -> int | None:
    """Return the width of the terminal ``stream`` writes to (maybe 0); ``None`` if none."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):  # no terminal, or no file descriptor
        return None


class _CountingRaw(io.RawIOBase):
    """A readable raw stream that tells how many bytes each read returned.

    Its input ends at the first empty read: a terminal gives one when the
    user presses Ctrl-D, and would wait for more input if asked again.
    """

    def __init__(
        self, inner: io.RawIOBase | io.BufferedIOBase, counted: Callable[[int], None]
    ) -> None:
        self._inner = inner
        self._counted = counted
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self._ended:
            return 0
        # One read of the source at a time (readinto1), so that an end of
        # input inside a terminal's stream comes out as an empty read here.
        inner = self._inner
        read = inner.readinto1 if isinstance(inner, io.BufferedIOBase) else inner.readinto
        count = read(buffer) or 0
        self._ended = count == 0 and len(memoryview(buffer)) > 0
        self._counted(count)
        return count


def counting_reader(
    inner: io.RawIOBase | io.BufferedIOBase, counted: Callable[[int], None]
) -> io.BufferedReader:
    """Return a binary stream that reads ``inner`` and passes the size of each read to ``counted``.

    The stream ends where ``inner`` first gives no bytes (see a terminal's
    Ctrl-D).  Closing it does not close ``inner``.
    """
    return io.BufferedReader(_CountingRaw(inner, counted))
