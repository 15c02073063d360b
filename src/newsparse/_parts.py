"""Rendered output that ``convert --jobs`` workers leave in files (private).

Shipping every rendered text from a worker to the main process costs
pickling, a pipe, unpickling, and encoding it again in the main process,
which on a 2-core machine competes with the workers for the CPUs.  So when
:func:`~newsparse._parallel.iter_parse_inputs` is given a folder for parts,
a worker encodes the texts it renders into a *part file* of its own in
that folder (:class:`PartWriter`) and sends back only where they lie in it
(:class:`RenderedPart`).  The main process appends each part to the output
it stages with a copy made by the kernel (:func:`append_part`:
``os.copy_file_range`` where it exists, plain reads and writes otherwise),
then removes the part file.

:func:`part_folder` makes the folder, private to this run (mode 0700, a new
name: no user's file is ever written to or clobbered), beside the output
file, so that parts and output share a file system, and removes it with
whatever is left in it when the run ends, however it ends.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import attrs

__all__ = ["PartWriter", "RenderedPart", "append_part", "part_folder", "remove_part"]


@attrs.frozen
class RenderedPart:
    """The text of one or more consecutive articles that a worker rendered into a part file.

    It stands where a :class:`~newsparse._worker.RenderedText` would: bytes
    ``start`` to ``end`` of the file ``path`` are the UTF-8 text of
    :attr:`articles` articles.
    """

    path: str
    start: int
    end: int
    articles: int
    """The number of articles whose texts these bytes are."""


class PartWriter:
    """Writes the texts rendered for one task to a part file in ``folder``.

    The file is made when the first text comes, so a task without articles
    leaves none.
    """

    def __init__(self, folder: str) -> None:
        """Write into the part folder ``folder`` (see :func:`part_folder`)."""
        self.folder = folder
        self.path: str | None = None
        """The part file, once a text was written."""
        self._file: IO[bytes] | None = None
        self._size = 0

    def add(self, text: str, articles: int) -> RenderedPart:
        """Append ``text``, the texts of ``articles`` articles; return where it lies."""
        data = text.encode("utf-8")
        if self._file is None:
            descriptor, self.path = tempfile.mkstemp(suffix=".part", dir=self.folder)
            self._file = os.fdopen(descriptor, "wb")
        start = self._size
        self._file.write(data)
        self._size += len(data)
        return RenderedPart(str(self.path), start, self._size, articles)

    def close(self) -> None:
        """Close the part file (it stays, for the main process to copy)."""
        if self._file is not None:
            self._file.close()


@contextlib.contextmanager
def part_folder(beside: Path | None) -> Iterator[str]:
    """Make a private folder for part files beside the file ``beside`` (or in the temporary folder).

    The folder and everything in it are removed when the ``with`` block ends.
    """
    where = None if beside is None else beside.parent
    prefix = ".newsparse-parts-" if beside is None else f".{beside.name}.parts-"
    folder = tempfile.mkdtemp(prefix=prefix, dir=where)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_part(path: str) -> None:
    """Remove a part file that was copied (or that is no longer wanted)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


_NO_KERNEL_COPY = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EBADF}
"""What ``copy_file_range`` fails with where it cannot copy between these two files."""

_BLOCK = 1 << 20


def append_part(part: RenderedPart, out: IO[bytes]) -> None:
    """Append the bytes of ``part`` to ``out``, a file being written from start to end.

    Raises:
        OSError: the part cannot be read (or ends early), or ``out`` cannot be written.
    """
    out.flush()
    with open(part.path, "rb") as source:
        offset, count = _kernel_copy(source.fileno(), out.fileno(), part.start, part.end)
        source.seek(offset)  # where the kernel cannot copy, or stopped
        while count > 0:
            block = source.read(min(count, _BLOCK))
            if not block:
                raise OSError(errno.EIO, f"the part file {part.path} ends early")
            out.write(block)
            count -= len(block)
    out.seek(0, os.SEEK_END)  # the file object learns where the kernel left off


def _kernel_copy(source: int, target: int, start: int, end: int) -> tuple[int, int]:
    """Copy bytes ``start`` to ``end`` of ``source`` to ``target`` in the kernel, as far as it can.

    Returns the offset and the count of the bytes left to copy.
    """
    copy = getattr(os, "copy_file_range", None)
    offset, count = start, end - start
    if copy is None:
        return offset, count
    while count > 0:
        try:
            done = copy(source, target, count, offset)
        except OSError as error:
            if error.errno in _NO_KERNEL_COPY:
                return offset, count
            raise
        if done == 0:
            raise OSError(errno.EIO, "a part file ends early")
        offset += done
        count -= done
    return offset, count
