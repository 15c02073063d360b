"""Reading compressed input: gzip, bzip2 and xz are decompressed as they are read.

``newsparse._source.open_source`` looks at the first bytes of every byte
input (bytes, a path, a binary file object).  When they are the magic number
of a compression it reads, the input is decompressed a piece at a time, so
memory stays bounded whatever the ratio: :attr:`~newsparse.Limits.max_input_bytes`
counts the *decompressed* bytes, and a "zip bomb" ends in a
:class:`~newsparse.ParseError` at that limit.  Lines, columns and byte offsets
in errors count in the decompressed text.

Compressions it recognises but does not read (zstd, zip) are an error that
names them, never an attempt to decode the compressed bytes as text.
"""

from __future__ import annotations

import bz2
import zlib
from collections.abc import Callable
from types import ModuleType
from typing import Protocol

lzma: ModuleType | None
try:
    import lzma
except ImportError:  # pragma: no cover - Python built without liblzma
    lzma = None

# gzip is inflated by python-isal when it is installed (the ``warc`` extra
# brings it): about three times faster than the standard library's zlib,
# with the same interface, and it checks the CRC and length of each member
# as zlib does.
inflate: ModuleType
try:
    from isal import isal_zlib as inflate
except ImportError:  # without the extra
    inflate = zlib

__all__ = [
    "MAGIC_SIZE",
    "CompressedDataError",
    "Decompressing",
    "compression_of",
    "could_be_compressed",
]

MAGIC_SIZE = 10
"""Bytes needed at the start of an input to recognise every compression."""

_READ = ("gzip", "bzip2", "xz")
"""The compressions read transparently."""

_UNREAD = {
    "zstd": "decompress it first (zstd -d)",
    "zip": "extract the file from the archive first (unzip)",
}
"""Compressions that are recognised but not read, with what to do instead."""


class CompressedDataError(Exception):
    """The compressed data is corrupt, cut short, or in a compression not read."""


def compression_of(head: bytes) -> str | None:
    """Return the compression whose magic number starts ``head``, or ``None``.

    ``head`` should hold :data:`MAGIC_SIZE` bytes, unless the input is
    shorter.

    >>> from newsparse._compressed import compression_of
    >>> compression_of(b"\\x1f\\x8b\\x08\\x00"), compression_of(b'{"title"')
    ('gzip', None)
    """
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head[:3] == b"BZh" and head[3:4] in b"123456789" and head[4:10] in _BZIP2_BLOCKS:
        return "bzip2"
    if head.startswith(b"\x28\xb5\x2f\xfd"):
        return "zstd"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    return None


_BZIP2_BLOCKS = (b"1AY&SY", b"\x17rE8P\x90")  # a first block, or the end of an empty stream

_MAGIC_NUMBERS = (
    b"\x1f\x8b",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
    b"PK\x03\x04",
    b"PK\x05\x06",
    *(b"BZh%d" % level + block for level in range(1, 10) for block in _BZIP2_BLOCKS),
)


def could_be_compressed(start: bytes) -> bool:
    """Whether ``start``, shorter than a magic number, may yet become one.

    Lets a reader stop waiting for more bytes of a pipe as soon as the
    first ones settle the question.

    >>> from newsparse._compressed import could_be_compressed
    >>> could_be_compressed(b"\\x1f"), could_be_compressed(b"{")
    (True, False)
    """
    if len(start) >= MAGIC_SIZE:  # as long as the longest magic number
        return False
    return any(len(start) < len(magic) and magic.startswith(start) for magic in _MAGIC_NUMBERS)


_DECOMPRESSION_ERRORS: tuple[type[Exception], ...] = (
    OSError,
    EOFError,
    ValueError,
    zlib.error,
    inflate.error,
)
if lzma is not None:
    _DECOMPRESSION_ERRORS += (lzma.LZMAError,)


class _Decompressor(Protocol):
    """What :mod:`bz2` and :mod:`lzma` decompressors offer (and :class:`_Gunzip`)."""

    @property
    def eof(self) -> bool: ...

    @property
    def unused_data(self) -> bytes: ...

    @property
    def needs_input(self) -> bool: ...

    def decompress(self, data: bytes, max_length: int = -1) -> bytes: ...


class _Gunzip:
    """One gzip member, with the interface of :class:`bz2.BZ2Decompressor`."""

    def __init__(self) -> None:
        # python-isal's decompressor has the interface of zlib's.
        self._inflate: zlib._Decompress = inflate.decompressobj(wbits=16 + zlib.MAX_WBITS)
        self._full = False  # the last call stopped at max_length: output may be pending

    @property
    def eof(self) -> bool:
        return self._inflate.eof

    @property
    def unused_data(self) -> bytes:
        return self._inflate.unused_data

    @property
    def needs_input(self) -> bool:
        return not self._inflate.unconsumed_tail and not self._full

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        limit = max(max_length, 0)
        out = self._inflate.decompress(self._inflate.unconsumed_tail + data, limit)
        self._full = limit > 0 and len(out) >= limit
        return out


def _new_decompressor(compression: str) -> _Decompressor:
    if compression == "gzip":
        return _Gunzip()
    if compression == "bzip2":
        return bz2.BZ2Decompressor()
    if lzma is None:  # pragma: no cover - Python built without liblzma
        raise CompressedDataError(
            "the input is compressed with xz, and this Python has no lzma module: "
            "decompress it first (xz -d)"
        )
    decompressor: _Decompressor = lzma.LZMADecompressor()
    return decompressor


class _InPieces:
    """A read function that returns at most ``most`` bytes, whatever ``read`` returns.

    Input held in memory comes whole from its read function; handed whole to
    a decompressor, every call that stops at an output size (and every end
    of a gzip member) would copy all the input left, over and over.
    """

    def __init__(self, read: Callable[[int], bytes], most: int) -> None:
        self._read = read
        self._most = most
        self._held = memoryview(b"")

    def __call__(self, size: int, /) -> bytes:
        if not self._held:
            chunk = self._read(size)
            if len(chunk) <= self._most:
                return chunk
            self._held = memoryview(chunk)
        piece, self._held = self._held[: self._most], self._held[self._most :]
        return piece.tobytes()


class Decompressing:
    """A read function (``read(size) -> bytes``) giving the decompressed bytes of another.

    Each call returns at most ``size`` bytes, and ``b""`` only at the end.
    Concatenated streams (``cat a.gz b.gz``) are read one after the other;
    zero bytes after the last are ignored, as ``gzip`` does.

    Raises:
        CompressedDataError: the data is corrupt or ends early, or its
            compression is one that is not read.
    """

    def __init__(self, read: Callable[[int], bytes], compression: str, chunk_size: int) -> None:
        if compression not in _READ:
            advice = _UNREAD.get(compression, "decompress it first")
            raise CompressedDataError(f"the input is compressed with {compression}: {advice}")
        self.compression = compression
        """The compression read: ``"gzip"``, ``"bzip2"`` or ``"xz"``."""
        self._read = _InPieces(read, chunk_size)
        self._chunk_size = chunk_size
        self._decompressor = _new_decompressor(compression)
        self._input = b""
        self._done = False

    def __call__(self, size: int, /) -> bytes:
        """Return up to ``size`` decompressed bytes (at least one), ``b""`` at the end."""
        size = max(size, 1)
        while not self._done:
            if self._decompressor.eof and not self._next_stream():
                self._done = True
                break
            if self._decompressor.needs_input and not self._input:
                self._input = self._read(self._chunk_size)
                if not self._input:
                    raise CompressedDataError(
                        f"the {self.compression} data ends early (the file is cut short)"
                    )
            data, self._input = self._input, b""
            try:
                out = self._decompressor.decompress(data, size)
            except _DECOMPRESSION_ERRORS as error:
                raise CompressedDataError(f"corrupt {self.compression} data: {error}") from None
            if out:
                return out
        return b""

    def _next_stream(self) -> bool:
        """After the end of one stream: start the next one; ``False`` at the end."""
        rest = self._decompressor.unused_data
        while True:
            rest = rest.lstrip(b"\0")
            if rest or not (chunk := self._read(self._chunk_size)):
                break
            rest = chunk
        if not rest:
            return False
        while len(rest) < MAGIC_SIZE and (chunk := self._read(self._chunk_size)):
            rest += chunk
        if compression_of(rest) != self.compression:
            raise CompressedDataError(
                f"unexpected data after the end of the {self.compression} data"
            )
        self._decompressor = _new_decompressor(self.compression)
        self._input = rest
        return True
