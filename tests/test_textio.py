"""Tests of newsparse._textio: opening inputs, decoding, line ends and TextReader."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsparse
from newsparse import NewsparseError, ParseError
from newsparse._source import open_source
from newsparse._textio import CHUNK_SIZE, SAMPLE_SIZE, TextReader

K64 = 65536


def test_the_documented_sizes() -> None:
    assert CHUNK_SIZE == K64
    assert SAMPLE_SIZE == K64


# --- TextReader ---------------------------------------------------------------


def reader_of(*chunks: str) -> TextReader:
    return TextReader(iter(chunks))


def test_lines_are_joined_across_chunks() -> None:
    reader = reader_of("ab", "c\nd", "", "e\n", "f")
    assert list(reader) == ["abc\n", "de\n", "f"]


def test_lines_without_newlines() -> None:
    assert list(reader_of("ab", "c\nd", "", "e\n", "f").lines()) == ["abc", "de", "f"]
    assert list(reader_of("a\n", "\n").lines()) == ["a", ""]
    assert list(reader_of("a\n").lines()) == ["a"]
    assert list(reader_of().lines()) == []


def test_readline_and_its_size() -> None:
    reader = reader_of("hello\nwor", "ld\n")
    assert reader.readline(3) == "hel"
    assert reader.readline() == "lo\n"
    assert reader.readline(-1) == "world\n"
    assert reader.readline() == ""
    assert reader.readline() == ""


def test_read_with_and_without_a_size() -> None:
    reader = reader_of("abc", "def", "ghi")
    assert reader.read(4) == "abcd"
    assert reader.read(0) == ""
    assert reader.readline() == "efghi"
    assert reader.read(5) == ""
    reader = reader_of("abc", "def")
    assert reader.read(1) == "a"
    assert reader.read() == "bcdef"
    assert reader.read() == ""


def _failing_chunks(*chunks: str) -> Iterator[str]:
    yield from chunks
    raise ParseError("bad byte", format="test", source="s", line=9, column=9)


def test_text_before_an_input_error_is_read_first() -> None:
    reader = TextReader(_failing_chunks("ab\ncd"))
    assert reader.readline() == "ab\n"
    with pytest.raises(ParseError, match="bad byte"):
        reader.readline()  # "cd" is a line cut short by the error


def test_read_gives_the_text_then_the_error() -> None:
    reader = TextReader(_failing_chunks("ab", "cd"))
    assert reader.read(3) == "abc"
    assert reader.read(10) == "d"
    with pytest.raises(ParseError):
        reader.read(1)


def test_lines_stop_at_an_input_error() -> None:
    reader = TextReader(_failing_chunks("a\nb\n"))
    seen: list[str] = []
    with pytest.raises(ParseError):
        seen.extend(reader.lines())
    assert seen == ["a", "b"]


@given(
    text=st.text(st.sampled_from("ab\n é")),
    cuts=st.lists(st.integers(min_value=0, max_value=200), max_size=8),
)
def test_any_chunking_gives_the_same_lines(text: str, cuts: list[int]) -> None:
    points = sorted({min(cut, len(text)) for cut in cuts})
    chunks = [text[i:j] for i, j in zip([0, *points], [*points, len(text)], strict=True)]
    assert "".join(TextReader(iter(chunks))) == text
    expected = text.split("\n")
    if expected[-1] == "":
        expected.pop()
    assert list(TextReader(iter(chunks)).lines()) == expected
    assert TextReader(iter(chunks)).read() == text


# --- opening inputs -----------------------------------------------------------


def test_names_of_inputs(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"x")
    assert open_source("x").name == "<string>"
    assert open_source(b"x").name == "<bytes>"
    assert open_source(io.BytesIO(b"x")).name == "<stream>"
    assert open_source(b"x", name="feed").name == "feed"
    opened = open_source(path)
    try:
        assert opened.name == str(path)
    finally:
        opened.close()
    with path.open("rb") as handle:
        assert open_source(handle).name == str(path)


def test_text_and_bytes_inputs() -> None:
    assert open_source("x").is_text
    assert open_source(io.StringIO("x")).is_text
    assert not open_source(b"x").is_text
    assert not open_source(bytearray(b"x")).is_text
    assert not open_source(memoryview(b"x")).is_text


def test_other_types_are_refused() -> None:
    with pytest.raises(TypeError, match="float"):
        open_source(1.5)


def test_a_path_is_closed_by_the_source(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"a\nb\n")
    opened = open_source(path)
    assert list(opened.reader(encoding="utf-8", format_name="t")) == ["a\n", "b\n"]
    opened.close()
    opened.close()  # twice is fine


def read_all(data: object, encoding: str = "utf-8") -> str:
    return open_source(data).reader(encoding=encoding, format_name="test").read()


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        (b"\r\r\n\n", "\n\n\n"),
        (io.StringIO("a\r\nb"), "a\nb"),
        (io.BytesIO(b"a\r\nb"), "a\nb"),
    ],
)
def test_line_ends_are_translated(data: object, text: str) -> None:
    assert read_all(data) == text


@pytest.mark.parametrize("kind", ["bytes", "text"])
def test_crlf_split_between_two_chunks_is_one_line_end(kind: str) -> None:
    raw = "a" * (K64 - 1) + "\r\nb"
    data: object = io.BytesIO(raw.encode()) if kind == "bytes" else io.StringIO(raw)
    lines = list(open_source(data).reader(encoding="utf-8", format_name="t"))
    assert [len(line) for line in lines] == [K64, 1]


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (b"caf\xe9", "latin-1", "café"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "latin-1", "café"),  # the BOM wins
        (b"\xff\xfec\x00a\x00f\x00\xe9\x00", "utf-8", "café"),
        (b"\xfe\xff\x00c\x00a\x00f\x00\xe9", "utf-8", "café"),
        (b"\xff\xfe\x00\x00\xe9\x00\x00\x00", "utf-8", "é"),
        (b"\x00\x00\xfe\xff\x00\x00\x00\xe9", "utf-8", "é"),
        (b"caf\xc3\xa9", "utf-8", "café"),
        (b"\xef\xbb\xbf", "utf-8", ""),
        (b"", "utf-8", ""),
    ],
)
def test_encodings_and_byte_order_marks(data: bytes, encoding: str, text: str) -> None:
    assert read_all(data, encoding) == text
    assert read_all(io.BytesIO(data), encoding) == text


def test_a_bom_at_the_start_of_text_is_dropped() -> None:
    assert read_all("\ufeffabc") == "abc"
    assert read_all(io.StringIO("\ufeffabc")) == "abc"
    assert read_all("a\ufeffbc") == "a\ufeffbc"  # only at the start


def test_the_sample_never_raises() -> None:
    source = open_source(b"\xef\xbb\xbfab\xff\r\ncd")
    assert source.sample_text("utf-8") == "ab\ufffd\ncd"
    assert open_source("\ufeffa\rb").sample_text("utf-8") == "a\nb"


def test_a_text_stream_that_returns_bytes_is_refused() -> None:
    class Confused(io.StringIO):
        calls = 0

        def read(self, size: int | None = -1, /) -> str:
            self.calls += 1
            if self.calls == 1:
                return "x" * (size or 1)
            return b"y"  # type: ignore[return-value]

    with pytest.raises(TypeError, match="bytes"):
        read_all(Confused())


# --- undecodable bytes --------------------------------------------------------


def decode_error(data: bytes | io.BytesIO, encoding: str = "utf-8") -> tuple[ParseError, str]:
    """Return the error and the text read before it, reading line by line."""
    reader = open_source(data, name="in.bin").reader(encoding=encoding, format_name="fmt")
    seen: list[str] = []
    with pytest.raises(ParseError) as caught:
        seen.extend(reader)
    error = caught.value
    assert isinstance(error, NewsparseError)
    assert error.format == "fmt"
    assert error.source == "in.bin"
    return error, "".join(seen)


def test_a_bad_byte_at_the_very_start() -> None:
    error, before = decode_error(b"\x80abc")
    assert (error.line, error.column) == (1, 1)
    assert "byte offset 0" in error.message
    assert "80" in error.message
    assert before == ""


def test_a_bad_byte_on_line_three_after_crlf() -> None:
    # "ab\r\n" (4 bytes) "cd\r\n" (4 bytes) "ef" (2 bytes): 0x80 is byte 10.
    error, before = decode_error(b"ab\r\ncd\r\nef\x80gh")
    assert (error.line, error.column) == (3, 3)
    assert "byte offset 10" in error.message
    assert before == "ab\ncd\n"
    assert str(error).startswith("in.bin:3:3: ")


def test_columns_count_characters_not_bytes() -> None:
    # "🗞" is 4 bytes but one character; "é" is 2 bytes.
    error, _ = decode_error("🗞é".encode() + b"\xff")
    assert (error.line, error.column) == (1, 3)
    assert "byte offset 6" in error.message


def test_a_bad_byte_after_a_bom() -> None:
    # BOM (3 bytes) + "ab\n" (3 bytes): the truncated 0xC3 0x28 starts at byte 6.
    error, before = decode_error(b"\xef\xbb\xbfab\n\xc3(")
    assert (error.line, error.column) == (2, 1)
    assert "byte offset 6" in error.message
    assert before == "ab\n"


def test_a_sequence_cut_short_at_the_end_of_the_input() -> None:
    error, _ = decode_error(b"ab\n\xe6\x9d")
    assert (error.line, error.column) == (2, 1)
    assert "byte offset 3" in error.message


def test_a_bad_byte_beyond_the_first_chunk_on_a_later_line() -> None:
    # 1,000 lines of 100 bytes (100,000 bytes, two chunks), then "abc" and 0xFF.
    data = (b"x" * 99 + b"\n") * 1000 + b"abc\xff"
    error, before = decode_error(data)
    assert (error.line, error.column) == (1001, 4)
    assert "byte offset 100003" in error.message
    assert before.count("\n") == 1000


def test_a_bad_byte_first_in_the_second_chunk() -> None:
    # "ab\n" "cd\n" then 65,530 "e": the 0xFF is byte 65,536, column 65,531 of line 3.
    data = b"ab\ncd\n" + b"e" * (K64 - 6) + b"\xff"
    error, before = decode_error(data)
    assert (error.line, error.column) == (3, K64 - 6 + 1)
    assert f"byte offset {K64}" in error.message
    assert before == "ab\ncd\n"


def test_a_bad_byte_last_in_the_first_chunk() -> None:
    data = b"a\n" + b"b" * (K64 - 3) + b"\xff" + b"more"
    error, _ = decode_error(data)
    assert (error.line, error.column) == (2, K64 - 3 + 1)
    assert f"byte offset {K64 - 1}" in error.message


def test_a_character_split_between_chunks_then_a_bad_byte() -> None:
    # 65,535 "a", then "é" whose two bytes straddle the chunk boundary, "xy", 0xFF:
    # byte offset 65,535 + 2 + 2; character 65,535 + 1 + 2 + 1.
    data = b"a" * (K64 - 1) + "é".encode() + b"xy\xff"
    error, _ = decode_error(data)
    assert (error.line, error.column) == (1, K64 + 3)
    assert f"byte offset {K64 + 3}" in error.message


def test_utf16_truncated_at_the_end() -> None:
    # BOM (2 bytes) + 5 characters of 2 bytes: the odd byte is byte 12.
    error, before = decode_error("\ufeffab\ncd".encode("utf-16-le") + b"x")
    assert (error.line, error.column) == (2, 3)
    assert "byte offset 12" in error.message
    assert "utf-16-le" in error.message
    assert before == "ab\n"


def test_utf16_lone_surrogate() -> None:
    # BOM (2 bytes) + "ab\n" (6 bytes): the lone high surrogate D800 is at byte 8.
    data = b"\xff\xfe" + "ab\n".encode("utf-16-le") + b"\x00\xd8" + "c".encode("utf-16-le")
    error, _ = decode_error(data)
    assert (error.line, error.column) == (2, 1)
    assert "byte offset 8" in error.message


def test_the_format_encoding_is_used_in_the_message() -> None:
    error, _ = decode_error(b"ok\n\x81", encoding="cp1252")
    assert "cp1252" in error.message
    assert (error.line, error.column) == (2, 1)


@given(
    lines=st.lists(
        st.tuples(
            st.text(st.sampled_from("ab\u00e9\u201c\U0001f5de"), max_size=5),
            st.sampled_from(["\n", "\r\n", "\r"]),
        ),
        max_size=12,
    ),
    tail=st.text(st.sampled_from("ab\u00e9"), max_size=4),
    chunk=st.sampled_from([1, 2, 3, 5, 64]),
)
def test_decode_error_positions_with_any_line_ends_and_chunks(
    lines: list[tuple[str, str]], tail: str, chunk: int
) -> None:
    # Line feeds are counted on the bytes when no carriage return is near;
    # CR and CRLF (also split between chunks) must give the same positions.
    good = "".join(text + end for text, end in lines) + tail
    stream = io.BytesIO(good.encode() + b"\xff")  # read in chunks, unlike bytes
    with (
        mock.patch("newsparse._textio.CHUNK_SIZE", chunk),
        mock.patch("newsparse._textio.SAMPLE_SIZE", chunk),
    ):
        error, before = decode_error(stream)
    translated = good.replace("\r\n", "\n").replace("\r", "\n")
    assert before == translated[: translated.rfind("\n") + 1]  # whole lines only
    expected_line = translated.count("\n") + 1
    expected_column = len(translated) - translated.rfind("\n")
    assert (error.line, error.column) == (expected_line, expected_column)
    assert f"byte offset {len(good.encode())}" in error.message


# --- read_utf8: the whole input as UTF-8 bytes --------------------------------


def read_utf8(data: object, encoding: str = "utf-8") -> bytes:
    return open_source(data).reader(encoding=encoding, format_name="test").read_utf8()


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        (b"a\r\nb\rc\nd", "utf-8", b"a\nb\nc\nd"),
        (b"\xef\xbb\xbfcaf\xc3\xa9\r\n", "utf-8", b"caf\xc3\xa9\n"),  # BOM dropped
        (b"caf\xe9", "latin-1", b"caf\xc3\xa9"),  # re-encoded
        (b"\xff\xfec\x00\xe9\x00", "utf-8", b"c\xc3\xa9"),  # the UTF-16 BOM wins
        ("caf\u00e9\r\n", "utf-8", b"caf\xc3\xa9\n"),  # text input
        (io.BytesIO(b"x\r" * K64), "utf-8", b"x\n" * K64),  # several chunks
        (b"", "utf-8", b""),
    ],
)
def test_read_utf8_gives_the_text_as_utf8(data: object, encoding: str, expected: bytes) -> None:
    assert read_utf8(data, encoding) == expected


@given(
    text=st.text(st.sampled_from("a\u00e9\u201c\U0001f5de\r\n\ufeff"), max_size=40),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
)
def test_read_utf8_equals_read_then_encode(text: str, encoding: str) -> None:
    data = text.encode(encoding, "replace")
    assert read_utf8(data, encoding) == read_all(data, encoding).encode()
    assert read_utf8(io.BytesIO(data), encoding) == read_all(data, encoding).encode()


def test_read_utf8_reports_a_bad_byte_like_read() -> None:
    data = "line one\r\nd\u00e9j\u00e0 \xff".encode()[:-2] + b"\xff tail"
    with pytest.raises(ParseError) as by_read:
        read_all(data)
    with pytest.raises(ParseError) as by_read_utf8:
        read_utf8(data)
    assert str(by_read_utf8.value) == str(by_read.value)
    assert (by_read_utf8.value.line, by_read_utf8.value.column) == (2, 6)


def test_read_utf8_after_some_text_gives_the_rest() -> None:
    reader = open_source(b"ab\r\ncd\r\n").reader(encoding="utf-8", format_name="fmt")
    assert reader.readline() == "ab\n"
    assert reader.read_utf8() == b"cd\n"
    assert reader.read() == ""
    fresh = open_source(b"ab\r\ncd").reader(encoding="utf-8", format_name="fmt")
    assert fresh.read_utf8() == b"ab\ncd"
    assert fresh.read() == ""
    assert fresh.read_utf8() == b""


# --- streams: giving back what was read, reading what is there ----------------


def _jsonl_lines(count: int) -> bytes:
    return b"".join(b'{"title": "Article %d"}\n' % number for number in range(count))


@pytest.mark.parametrize("kind", ["BytesIO", "StringIO", "binary file", "text file"])
def test_a_seekable_stream_goes_back_where_it_was(kind: str, tmp_path: Path) -> None:
    data = _jsonl_lines(5000)  # larger than the sample
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    streams: dict[str, Callable[[], Any]] = {
        "BytesIO": lambda: io.BytesIO(data),
        "StringIO": lambda: io.StringIO(data.decode()),
        "binary file": lambda: path.open("rb"),
        "text file": lambda: path.open(encoding="utf-8"),
    }
    with streams[kind]() as stream:
        stream.readline()  # not at the start: it must go back here, not to 0
        where = stream.tell()
        source = open_source(stream)
        assert source.sample_text("utf-8").startswith('{"title": "Article 1"}\n')
        source.give_back()
        assert stream.tell() == where
        line = stream.readline()
        assert (line if isinstance(line, str) else line.decode()) == '{"title": "Article 1"}\n'


def _pipe_reader(kind: str, read_end: int) -> IO[Any]:
    if kind == "buffered":
        return os.fdopen(read_end, "rb")
    if kind == "raw":
        return os.fdopen(read_end, "rb", buffering=0)
    return os.fdopen(read_end, "r", encoding="utf-8")


@pytest.mark.parametrize("kind", ["buffered", "raw", "text"])
def test_what_is_read_from_a_pipe_is_kept_for_the_next_open(kind: str) -> None:
    data = _jsonl_lines(5000)  # several pipe buffers: a thread writes it
    read_end, write_end = os.pipe()
    writer = threading.Thread(target=_write_all, args=(write_end, data))
    writer.start()
    with _pipe_reader(kind, read_end) as stream:
        source = open_source(stream)
        assert source.sample_text("utf-8").startswith('{"title": "Article 0"}\n')
        source.give_back()
        again = open_source(stream).reader(encoding="utf-8", format_name="t").read()
        assert open_source(stream).reader(encoding="utf-8", format_name="t").read() == ""
    writer.join()
    assert again == data.decode()


def _write_all(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as out:
        out.write(data)


class _PipeWriter:
    """Writes to a pipe from a thread, then keeps it open until released (or 5 s)."""

    def __init__(self, data: bytes) -> None:
        self.read_end, self._write_end = os.pipe()
        self._data = data
        self.release = threading.Event()
        self.closed = threading.Event()
        self._thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        os.write(self._write_end, self._data)
        self.release.wait(5)
        self.closed.set()
        os.close(self._write_end)

    def __enter__(self) -> _PipeWriter:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()
        self._thread.join()


@pytest.mark.parametrize("kind", ["buffered", "raw", "text"])
def test_a_pipe_is_read_as_it_arrives(kind: str) -> None:
    written = "one\ntwo\n"
    with _PipeWriter(written.encode()) as pipe, _pipe_reader(kind, pipe.read_end) as stream:
        reader = open_source(stream).reader(encoding="utf-8", format_name="t")
        got = reader.read(K64)
        while len(got) < len(written) and not pipe.closed.is_set():  # a text pipe: by line
            got += reader.read(K64)
        assert not pipe.closed.is_set(), "read() waited for the writer to close the pipe"
        assert got == written
        pipe.release.set()
        assert reader.read() == ""


def test_files_and_strings_still_give_whole_reads(tmp_path: Path) -> None:
    text = "x" * 200_000
    path = tmp_path / "in.txt"
    path.write_text(text)
    for data in (text, text.encode(), io.BytesIO(text.encode()), path):
        source = open_source(data)
        reader = source.reader(encoding="utf-8", format_name="t")
        assert len(reader.read(150_000)) == 150_000
        source.close()
    with path.open("rb") as handle:
        reader = open_source(handle).reader(encoding="utf-8", format_name="t")
        assert len(reader.read(150_000)) == 150_000


def test_an_overridden_read_is_used_rather_than_read1() -> None:
    class Counting(io.BytesIO):
        calls = 0

        def read(self, size: int | None = -1, /) -> bytes:
            self.calls += 1
            return super().read(size)

    stream = Counting(b"a\nb\n")
    assert open_source(stream).reader(encoding="utf-8", format_name="t").read() == "a\nb\n"
    assert stream.calls >= 2  # the data, then the end


def test_a_tt_article_from_a_pipe_comes_before_the_writer_closes() -> None:
    if "tt" not in newsparse.formats():
        pytest.skip("the newsparse-aawsat plugin (format tt) is not installed")
    seed = (Path(__file__).resolve().parents[1] / "examples" / "aawsat-seed.txt").read_bytes()
    # TT settles an article when the block after it ends: send both, with the separator.
    with _PipeWriter(seed + b"\n\n\n\n") as pipe, open(pipe.read_end, "rb") as stream:
        items = newsparse.iter_parse(stream, "tt")
        first = next(items)
        assert not pipe.closed.is_set(), "the article came only when the writer closed"
        assert first.title == "Khamenei Raises Doubts on Negotiations with the West"
        pipe.release.set()
        assert len(list(items)) == 1


def test_read_utf8_unchecked_gives_the_bytes_as_they_are() -> None:
    data = b"\xef\xbb\xbfab\r\ncd\r\xff"
    reader = open_source(data).reader(encoding="utf-8", format_name="test")
    assert reader.read_utf8(checked=False) == b"ab\r\ncd\r\xff"
    with pytest.raises(ParseError) as unchecked:
        reader.check_utf8()
    with pytest.raises(ParseError) as checked:
        read_utf8(data)
    assert str(unchecked.value) == str(checked.value)
    assert (unchecked.value.line, unchecked.value.column) == (3, 1)


def test_check_utf8_passes_good_bytes_and_decoded_input() -> None:
    good = open_source(b"caf\xc3\xa9\r\n").reader(encoding="utf-8", format_name="fmt")
    assert good.read_utf8(checked=False) == b"caf\xc3\xa9\r\n"
    good.check_utf8()
    # Another encoding is decoded, hence checked, whatever ``checked`` says.
    latin = open_source(b"caf\xe9\r\n").reader(encoding="latin-1", format_name="fmt")
    assert latin.read_utf8(checked=False) == b"caf\xc3\xa9\n"
    latin.check_utf8()
    text = open_source("caf\u00e9\r\n").reader(encoding="utf-8", format_name="fmt")
    assert text.read_utf8(checked=False) == b"caf\xc3\xa9\n"
    text.check_utf8()
