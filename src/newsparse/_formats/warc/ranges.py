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
decompresses the file to find them; the workers read and decompress their
ranges themselves.  A member that holds exactly one good record, and
nothing else, ends where the serial framing ends that record, whatever
came before it was also such a member: those members are only checked
(their header, their length, their last four bytes), never framed line by
line, and none of their content is held (:func:`_simple_members`).  From
the first member that is anything else (several records, damage, bytes
that are not gzip), the file is framed as a serial parse frames it, as
above.  A file gzipped as one member is one range.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from newsparse._compressed import inflate
from newsparse._formats.warc.framing import (
    MAX_HEADER_BYTES,
    Framed,
    Tape,
    content_length,
    frame_records,
    is_version_line,
)
from newsparse._limits import Limits

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["RecordRange", "record_ranges"]

_GZIP_MAGIC = b"\x1f\x8b"
_READ_BYTES = 1 << 16
_OUT_BYTES = 1 << 20  # the most decompressed bytes held at once by the walk of simple members
_HEAD_BYTES = MAX_HEADER_BYTES + 4  # enough of a member for any header the framing accepts
_END = b"\r\n\r\n"
_BAD_GZIP = (zlib.error, inflate.error)


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
    """The decompressed bytes of a gzip file from ``start``, noting where each member ends.

    :attr:`ends` maps the decompressed offset where a member ends to the
    offset in the file where the next member starts; ``offset`` is the
    decompressed offset of the file's byte ``start``, where a member starts.
    """

    def __init__(self, handle: io.BufferedReader, start: int, offset: int) -> None:
        handle.seek(start)
        self._handle = handle
        self._inflater = inflate.decompressobj(zlib.MAX_WBITS | 16)
        self._read = start  # file bytes given to the inflater
        self._out = offset  # bytes handed out
        self._started = False  # whether the inflater was given any of its member
        self.ends: dict[int, int] = {}
        self.bad = False
        """Whether the gzip data went bad (or was cut short) where the decompressed bytes end."""

    def readable(self) -> bool:
        return True

    def next_member(self, end: int) -> int:
        """Return where the member after file offset ``end`` (where one ends) starts.

        -1 when bytes other than gzip data follow it; zero bytes of padding
        before the next member are skipped.
        """
        at: int | None = end
        while at is not None:
            head = os.pread(self._handle.fileno(), _READ_BYTES, at)
            kept = head.lstrip(b"\0")
            if kept:
                return at + len(head) - len(kept) if kept.startswith(_GZIP_MAGIC) else -1
            at = at + len(head) if head else None
        return -1

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Decompress into ``buffer``; 0 at the end, or where the gzip data goes bad."""
        view = memoryview(buffer).cast("B")
        while not self.bad:
            if self._inflater.eof:
                data = self._inflater.unused_data
                self._inflater = inflate.decompressobj(zlib.MAX_WBITS | 16)
                self._started = False
            else:
                data = self._inflater.unconsumed_tail
            data = self._more(data)
            if data is None:
                return 0
            try:
                piece = self._inflater.decompress(data, len(view))
            except _BAD_GZIP:
                self.bad = True  # the last range holds it, its worker reports it
                return 0
            self._started = True
            self._out += len(piece)
            if self._inflater.eof:
                self.ends[self._out] = self._read - len(self._inflater.unused_data)
            if piece:
                view[: len(piece)] = piece
                return len(piece)
        return 0  # nothing after bad data: the serial parse stops there

    @property
    def decompressed(self) -> int:
        """The decompressed offset after the last byte handed out."""
        return self._out

    def _more(self, data: bytes) -> bytes | None:
        """Return ``data``, or the next bytes of the file when it is empty; ``None`` at the end.

        Zero bytes before a member are padding, skipped as the reader skips them.
        """
        while True:
            if not self._started:
                data = data.lstrip(b"\0")
            if data:
                return data
            data = self._handle.read(_READ_BYTES)
            self._read += len(data)
            if not data:
                self.bad = self._started  # a member cut short
                return None


@attrs.define
class _Cuts:
    """The ranges cut so far: the current one starts at file byte ``start``."""

    size: int
    step: int
    most: int | None
    start: int = 0
    offset: int = 0

    def past_limit(self, here: int) -> bool:
        """Whether records up to decompressed offset ``here`` go past the input limit."""
        return self.most is not None and here > self.most

    def due(self, at: int) -> bool:
        """Whether the current range is long enough to end at file byte ``at``."""
        return at - self.start >= self.step and at < self.size

    def cut(self, at: int, here: int) -> RecordRange | None:
        """End the current range at file byte ``at`` (decompressed ``here``), if long enough."""
        if not self.due(at):
            return None
        done = RecordRange(self.start, at, self.offset)
        self.start, self.offset = at, here
        return done

    def last(self) -> RecordRange:
        """Return the range that runs to the end of the file."""
        return RecordRange(self.start, self.size, self.offset)


def record_ranges(path: str, size: int, step: int, limits: Limits) -> Iterator[RecordRange]:
    """Cut the WARC file at ``path`` (``size`` bytes) into ranges of about ``step`` bytes.

    Plain and gzip files only (the caller checks).  Past
    ``limits.max_input_bytes`` of records no cut is made, so the one range
    that reaches the limit is the last.

    Raises:
        OSError: the file cannot be read.
    """
    cuts = _Cuts(size, step, limits.max_input_bytes)
    with open(path, "rb") as handle:
        if handle.read(2) != _GZIP_MAGIC:
            handle.seek(0)
            yield from _framed(Tape(handle), None, cuts, limits)
            return
        walk = _SimpleMembers(handle)
        here = 0  # the decompressed offset of the next member
        for end, length in walk:
            here += length
            if cuts.past_limit(here):
                yield cuts.last()
                return
            done = cuts.cut(end, here)
            if done is not None:
                yield done
        if walk.whole:
            yield cuts.last()
            return
        members = _Members(handle, walk.at, here)
        yield from _framed(Tape(io.BufferedReader(members), here), members, cuts, limits)


def _framed(
    tape: Tape, members: _Members | None, cuts: _Cuts, limits: Limits
) -> Iterator[RecordRange]:
    """Cut the rest of the file as a serial parse frames its records."""
    for item in frame_records(tape, limits.max_article_bytes):
        here = tape.offset
        if not isinstance(item, Framed) or tape.furthest > here:
            continue
        if cuts.past_limit(here):
            break
        if members is not None and members.bad and tape.furthest >= members.decompressed:
            break  # a serial parse stops at the bad gzip data this record read up to
        at = here if members is None else members.ends.get(here, -1)
        if members is not None and cuts.due(at):
            at = members.next_member(at)  # read only where a cut is due
        done = cuts.cut(at, here)
        if done is not None:
            yield done
    yield cuts.last()


class _SimpleMembers:
    """The gzip members from the start of a file that each hold exactly one good record.

    Iterating gives, for each, the file offset where it ends and its
    decompressed length, and stops before the first member that is
    anything else (or at the end of the file: then :attr:`whole` is true).
    :attr:`at` is then where that member starts.  Only the head of each
    member is held, never its whole content.
    """

    def __init__(self, handle: io.BufferedReader) -> None:
        self._handle = handle
        self.at = 0
        """The file offset of the first member not yet walked."""
        self.whole = False
        """Whether every member was simple, to the end of the file."""

    def __iter__(self) -> Iterator[tuple[int, int]]:
        self._handle.seek(0)
        pending = self._handle.read(_READ_BYTES)
        while pending:
            member = self._member(pending)
            if member is None:
                return
            length, pending, used = member
            pending, zeros = self._past_zeros(pending)
            if pending and not pending.startswith(_GZIP_MAGIC):
                return  # bytes that are not gzip: the framing reports them
            self.at += used + zeros
            yield self.at, length
        self.whole = True

    def _past_zeros(self, pending: bytes) -> tuple[bytes, int]:
        """Skip the zero bytes that pad a gzip file (the reader ignores them, as gzip does).

        Return what follows them (at least two bytes, unless the file ends)
        and how many there were.
        """
        zeros = 0
        while True:
            if len(pending) < len(_GZIP_MAGIC):
                pending += self._handle.read(_READ_BYTES)
            kept = pending.lstrip(b"\0")
            zeros += len(pending) - len(kept)
            if kept or not pending:
                return kept, zeros
            pending = self._handle.read(_READ_BYTES)

    def _member(self, pending: bytes) -> tuple[int, bytes, int] | None:
        """Inflate the member at the start of ``pending`` (and what follows it in the file).

        Return its decompressed length, the bytes read after it, and how many
        file bytes it takes; ``None`` when it is not one good record alone.
        """
        if len(pending) < len(_GZIP_MAGIC):
            pending += self._handle.read(_READ_BYTES)
        if not pending.startswith(_GZIP_MAGIC):
            return None
        inflater = inflate.decompressobj(zlib.MAX_WBITS | 16)
        head, tail, length, given = b"", b"", 0, len(pending)
        data = pending
        try:
            while True:
                piece = inflater.decompress(data, _OUT_BYTES)
                if len(head) < _HEAD_BYTES:
                    head += piece[: _HEAD_BYTES - len(head)]
                tail = (tail + piece[-len(_END) :])[-len(_END) :]
                length += len(piece)
                if inflater.eof:
                    break
                data = inflater.unconsumed_tail
                if not data:
                    data = self._handle.read(_READ_BYTES)
                    given += len(data)
                    if not data:
                        return None  # cut short: the framing reports it
        except _BAD_GZIP:
            return None
        if not _one_record(head, tail, length):
            return None
        rest = inflater.unused_data
        return length, rest, given - len(rest)


def _one_record(head: bytes, tail: bytes, length: int) -> bool:
    """Whether a member of ``length`` bytes, starting ``head`` and ending ``tail``, is one record.

    One good record and nothing else: a version line, a header of at most
    :data:`~newsparse._formats.warc.framing.MAX_HEADER_BYTES` with a
    ``Content-Length``, that many bytes, and ``\\r\\n\\r\\n``, as
    :func:`~newsparse._formats.warc.framing.frame_records` reads them.
    """
    first = head.find(b"\n", 0, 16) + 1
    if not first or not is_version_line(head[:first]):
        return False
    # The first empty line, "\r\n" or a bare "\n": the second is looked for
    # only before the first, not through the rest of the head.
    blank = head.find(b"\n\r\n", first - 1)
    bare = head.find(b"\n\n", first - 1, blank + 2 if blank >= 0 else len(head))
    if bare >= 0:
        blank = bare
    if blank < 0:
        return False
    header_end = blank + (3 if head[blank + 1 : blank + 2] == b"\r" else 2)
    if header_end > MAX_HEADER_BYTES:
        return False
    declared = content_length(head[:header_end])
    return declared is not None and length == header_end + declared + len(_END) and tail == _END
