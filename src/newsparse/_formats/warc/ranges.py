"""Cutting a WARC file into byte ranges of whole records, for ``--jobs`` and Dask.

A WARC record can hold any bytes, a line ``WARC/1.0`` included, so no window
of bytes tells for certain where a record starts.  The records are found
the way a serial parse finds them instead: :func:`record_ranges` frames the
file from its start (:func:`~newsparse._formats.warc.framing.frame_records`,
reading each header and stepping over each content) and cuts after a record
that was framed whole, where a parse of the rest starting there reads
exactly what the serial parse reads.  It never cuts where some earlier bad
record made the framing look further ahead than the cut.

A ``.warc.gz`` (each record its own gzip member, as Common Crawl writes
them) is cut between members: at a record boundary that is also the end of
a member, so that each range is gzip data of its own.  This process
decompresses the file to find them (about a tenth of the time the pages
take to parse); the workers read and decompress their ranges themselves.
A file gzipped as one member is one range.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from newsparse._formats.warc.framing import Framed, Tape, frame_records
from newsparse._limits import Limits

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["RecordRange", "record_ranges"]

_GZIP_MAGIC = b"\x1f\x8b"
_READ_BYTES = 1 << 16


@attrs.frozen
class RecordRange:
    """Bytes ``start`` to ``end`` of a file, whose records start at byte ``offset``.

    ``offset`` is where the range's first record starts in the decompressed
    input (``start`` itself for a plain file): the byte offsets that errors
    name count from it.
    """

    start: int
    end: int
    offset: int


class _Members(io.RawIOBase):
    """The decompressed bytes of a gzip file, noting where each member ends.

    :attr:`ends` maps the decompressed offset where a member ends to the
    offset in the file where the next member starts.
    """

    def __init__(self, handle: io.BufferedReader) -> None:
        self._handle = handle
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._read = 0  # file bytes given to the inflater
        self._out = 0  # bytes handed out
        self.ends: dict[int, int] = {}

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Decompress into ``buffer``; 0 at the end, or where the gzip data goes bad."""
        view = memoryview(buffer).cast("B")
        while True:
            if self._inflater.eof:
                data = self._inflater.unused_data
                self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            else:
                data = self._inflater.unconsumed_tail
            if not data:
                data = self._handle.read(_READ_BYTES)
                self._read += len(data)
                if not data:
                    return 0  # the end (a member cut short ends the framing too)
            try:
                piece = self._inflater.decompress(data, len(view))
            except zlib.error:
                return 0  # bad data: the last range holds it, its worker reports it
            self._out += len(piece)
            if self._inflater.eof:
                self.ends[self._out] = self._read - len(self._inflater.unused_data)
            if piece:
                view[: len(piece)] = piece
                return len(piece)


def record_ranges(path: str, size: int, step: int, limits: Limits) -> Iterator[RecordRange]:
    """Cut the WARC file at ``path`` (``size`` bytes) into ranges of about ``step`` bytes.

    Plain and gzip files only (the caller checks).  Past
    ``limits.max_input_bytes`` of records no cut is made, so the one range
    that reaches the limit is the last.

    Raises:
        OSError: the file cannot be read.
        zlib.error: the gzip data is bad (the caller reads the file whole).
    """
    most = limits.max_input_bytes
    with open(path, "rb") as handle:
        members: _Members | None = None
        if handle.read(2) == _GZIP_MAGIC:
            members = _Members(handle)
        handle.seek(0)
        stream = io.BufferedReader(members) if members is not None else handle
        tape = Tape(stream)
        start = offset = 0
        for item in frame_records(tape, limits.max_article_bytes):
            here = tape.offset
            if not isinstance(item, Framed) or tape.furthest > here:
                continue
            if most is not None and here > most:
                break
            cut = here if members is None else members.ends.get(here)
            if cut is not None and cut - start >= step and cut < size:
                yield RecordRange(start, cut, offset)
                start, offset = cut, here
        yield RecordRange(start, size, offset)
