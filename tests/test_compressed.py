"""Compressed input: gzip, bzip2 and xz are read as they come, under the input limit."""

from __future__ import annotations

import bz2
import contextlib
import doctest
import functools
import gzip
import importlib
import io
import lzma
import os
import random
import threading
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
import newsparse._compressed
from fixtures_plugins import isolated_host
from newsparse import Article, Limits, NewsparseError, ParseError, UnknownFormatError, parse
from newsparse._compressed import compression_of

JSONL = "".join(f'{{"title": "Article {n}"}}\n' for n in range(1, 3001)).encode()
ARTICLES = [Article(title=f"Article {n}") for n in range(1, 3001)]

COMPRESS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "bzip2": bz2.compress,
    "xz": lzma.compress,
}


@pytest.fixture(autouse=True)
def _own_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with isolated_host(monkeypatch):
        yield


def _inflaters() -> list[Any]:
    found: list[Any] = [pytest.param(zlib, id="zlib")]
    try:
        isal_zlib = importlib.import_module("isal.isal_zlib")
    except ImportError:  # the warc extra is not installed
        found.append(
            pytest.param(None, id="isal", marks=pytest.mark.skip(reason="python-isal is absent"))
        )
    else:
        found.append(pytest.param(isal_zlib, id="isal"))
    return found


@pytest.fixture(autouse=True, params=_inflaters())
def _inflater(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test with each gzip inflater: the standard zlib, and python-isal."""
    monkeypatch.setattr(newsparse._compressed, "inflate", request.param)


def _through_a_pipe(data: bytes) -> tuple[io.BufferedReader, threading.Thread]:
    read_end, write_end = os.pipe()

    def write() -> None:
        with os.fdopen(write_end, "wb") as out:
            out.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    return os.fdopen(read_end, "rb"), writer


@pytest.mark.parametrize("compression", sorted(COMPRESS))
@pytest.mark.parametrize("format_name", ["jsonl", None])
def test_compressed_input_reads_like_the_plain_text(
    compression: str, format_name: str | None, tmp_path: Path
) -> None:
    packed = COMPRESS[compression](JSONL)
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(packed)
    assert parse(packed, format_name) == ARTICLES
    assert parse(path, format_name) == ARTICLES
    assert parse(io.BytesIO(packed), format_name) == ARTICLES
    stream, writer = _through_a_pipe(packed)
    with stream:
        assert parse(stream, format_name) == ARTICLES
    writer.join()


def test_the_magic_numbers() -> None:
    for compression, compress in COMPRESS.items():
        assert compression_of(compress(b"x")) == compression
        assert compression_of(compress(b"")) == compression
    assert compression_of(b"\x28\xb5\x2f\xfd\x00") == "zstd"
    assert compression_of(b"PK\x03\x04\x14\x00") == "zip"
    for text in (b"", b"{", b'{"title": "x"}', b"BZh is no bzip2", "caf\u00e9".encode()):
        assert compression_of(text) is None


def test_concatenated_members_and_zero_padding_are_read() -> None:
    half = len(JSONL) // 2
    cut = JSONL.rindex(b"\n", 0, half) + 1
    data = gzip.compress(JSONL[:cut]) + gzip.compress(JSONL[cut:]) + b"\0" * 100
    assert parse(data, "jsonl") == ARTICLES
    assert parse(bz2.compress(JSONL[:cut]) + bz2.compress(JSONL[cut:])) == ARTICLES


def test_data_after_the_compressed_stream_is_an_error() -> None:
    with pytest.raises(ParseError, match="unexpected data after the end of the gzip data"):
        parse(gzip.compress(JSONL) + b"trailing junk", "jsonl")


@pytest.mark.parametrize("compression", sorted(COMPRESS))
def test_a_cut_short_file_is_an_error_after_the_articles_before_it(compression: str) -> None:
    packed = COMPRESS[compression](JSONL)
    seen: list[Article] = []
    with pytest.raises(ParseError) as caught:
        seen.extend(newsparse.iter_parse(packed[: len(packed) - 20], "jsonl"))
    error = caught.value
    assert "ends early" in error.message
    assert "decompressed input" in error.message
    assert error.source == "<bytes>"
    assert seen == ARTICLES[: len(seen)]
    assert error.line == len(seen) + 1  # on the line after the last whole one


def test_corrupt_data_is_an_error_naming_the_compression() -> None:
    packed = bytearray(gzip.compress(JSONL))
    packed[len(packed) // 2] ^= 0xFF
    errors: list[ParseError] = []
    parse(bytes(packed), "jsonl", on_error=errors.append)  # garbled lines, then the check fails
    assert errors[-1].fatal
    assert "corrupt gzip data" in errors[-1].message


def test_a_compression_that_is_not_read_is_named() -> None:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("feed.jsonl", JSONL)
    zstd = b"\x28\xb5\x2f\xfd" + b"\x00" * 40
    for data, name, advice in [(zipped.getvalue(), "zip", "unzip"), (zstd, "zstd", "zstd -d")]:
        with pytest.raises(UnknownFormatError, match=f"compressed with {name}: .*{advice}"):
            parse(data)
        with pytest.raises(ParseError, match=f"compressed with {name}") as caught:
            parse(data, "jsonl")
        assert (caught.value.line, caught.value.column) == (1, 1)


def test_positions_count_in_the_decompressed_text() -> None:
    with pytest.raises(ParseError) as caught:
        parse(gzip.compress(b'{"title": "A"}\n{"title": "B\xff"}\n'), "jsonl")
    error = caught.value
    assert (error.line, error.column) == (2, 13)
    assert "byte offset 27 of the gzip-decompressed input" in error.message


@functools.cache
def _bomb(size: int) -> bytes:
    """Return gzip data that decompresses to one article then ``size`` bytes of line ends."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b'{"title": "Before the bomb"}\n')]
    block = b"\n" * (1 << 20)
    parts.extend(packer.compress(block) for _ in range(size // len(block)))
    parts.append(packer.flush())
    return b"".join(parts)


@pytest.mark.parametrize("format_name", ["jsonl", "json", "html", None])
def test_a_gzip_bomb_stops_at_the_input_limit_in_bounded_memory(format_name: str | None) -> None:
    bomb = _bomb(64 << 20)  # 64 MiB of line ends, in about 64 KB
    assert len(bomb) < 128 * 1024
    limits = Limits(max_input_bytes=256 << 10)
    tracemalloc.start()
    try:
        with pytest.raises(ParseError, match="gzip-decompressed input is larger than the limit"):
            parse(bomb, format_name, limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20


def test_the_articles_before_the_limit_are_kept() -> None:
    items: list[Any] = []
    with pytest.raises(ParseError):
        items.extend(
            newsparse.iter_parse(_bomb(4 << 20), "jsonl", limits=Limits(max_input_bytes=1 << 20))
        )
    assert items == [Article(title="Before the bomb")]


_MAGICS = [
    b"\x1f\x8b",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
    b"BZh91AY&SY",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
    b"PK\x03\x04",
]


@given(
    magic=st.sampled_from(_MAGICS),
    rest=st.binary(max_size=300),
    format_name=st.sampled_from(["jsonl", "json", "html", None]),
)
def test_anything_after_a_magic_number_is_read_or_a_newsparse_error(
    magic: bytes, rest: bytes, format_name: str | None
) -> None:
    with contextlib.suppress(NewsparseError):
        parse(magic + rest, format_name, on_error=_check_located)


def _check_located(error: ParseError) -> None:
    assert error.line >= 1
    assert error.column >= 1


@given(compression=st.sampled_from(sorted(COMPRESS)), data=st.data())
def test_a_cut_anywhere_loses_nothing_silently(compression: str, data: st.DataObject) -> None:
    plain = JSONL[: JSONL.rindex(b"\n", 0, 2000) + 1]  # whole lines
    packed = COMPRESS[compression](plain)
    expected = parse(plain, "jsonl")
    cut = data.draw(st.integers(1, len(packed) - 1))
    seen: list[Article] = []
    with pytest.raises(NewsparseError):
        seen.extend(newsparse.iter_parse(packed[:cut], "jsonl"))
    assert seen == expected[: len(seen)]


def test_docstring_examples() -> None:
    result = doctest.testmod(newsparse._compressed, verbose=False, report=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_input_held_whole_in_memory_is_decompressed_a_chunk_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Bytes in memory come from their read function in one piece; the
    # decompressor must still be given at most a chunk at a time, or each
    # call would copy all the input left (see _InPieces).
    members = [gzip.compress(random.Random(n).randbytes(3000), mtime=0) for n in range(40)]
    data = b"".join(members)
    fed: list[int] = []
    made = newsparse._compressed._new_decompressor

    class Watched:
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def __getattr__(self, name: str) -> Any:
            return getattr(self._inner, name)

        def decompress(self, data: bytes, max_length: int = -1) -> bytes:
            fed.append(len(data))
            return self._inner.decompress(data, max_length)  # type: ignore[no-any-return]

    monkeypatch.setattr(
        newsparse._compressed, "_new_decompressor", lambda kind: Watched(made(kind))
    )
    whole = [data]
    read = newsparse._compressed.Decompressing(
        lambda _size: whole.pop() if whole else b"", "gzip", 4096
    )
    out = b"".join(iter(lambda: read(1000), b""))
    assert out == b"".join(gzip.decompress(member) for member in members)
    assert len(data) > 10 * 4096
    assert fed
    assert max(fed) <= 4096
