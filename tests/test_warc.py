"""Tests of the ``warc`` format: web archives in, one article per HTML page out.

The WARC files are written byte by byte (tests/fixtures_warc.py), so every
byte offset an error must name is the sum of the lengths of the records
before it, worked out here rather than read from the code.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import io
import logging
import sys
from pathlib import Path

import pytest

import newsparse
from fixtures_warc import (
    DATE,
    gzipped,
    http,
    page,
    record,
    request,
    response,
    warcinfo,
)
from newsparse import Article, NewsparseError, ParseError
from newsparse.plugin import Limits, as_input

pytest.importorskip("fastwarc", reason="the warc format needs newsparse[warc]")

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def titles(items: list[Article]) -> list[str]:
    """Return the titles of ``items``."""
    return [article.title for article in items]


def collected(data: object, **options: object) -> tuple[list[Article], list[ParseError]]:
    """Parse ``data`` as WARC, collecting the errors."""
    errors: list[ParseError] = []
    articles = newsparse.parse(data, "warc", on_error=errors.append, **options)  # type: ignore[arg-type]
    return articles, errors


# -- detection -----------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_detects_warc_1_0_and_1_1_plain_and_gzipped(version: str) -> None:
    data = response("One", "https://news.example/one", version=version)
    assert newsparse.detect(data).name == "warc"
    assert newsparse.detect(gzipped(data)).name == "warc"
    assert titles(newsparse.parse(gzipped(data, data))) == ["One", "One"]


def test_html_with_warc_in_its_text_is_still_html() -> None:
    text = b"<!doctype html><html><body><pre>WARC/1.0\r\nWARC-Type: response</pre></body></html>"
    assert newsparse.detect(text).name == "html"


def _corpus_files() -> list[Path]:
    if not CORPORA.is_dir():
        return []
    return sorted(path for path in CORPORA.rglob("*") if path.is_file())


@pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"the shared corpora are not at {CORPORA} (outside the repository)"
)
def test_no_corpus_file_is_taken_for_warc() -> None:
    files = _corpus_files()
    assert len(files) > 1000
    for path in files:
        try:
            found = newsparse.detect(path).name
        except NewsparseError:
            continue  # not a format newsparse reads: not warc either
        assert found != "warc", path


# -- pages -----------------------------------------------------------------------


def test_each_html_response_is_an_article_with_address_and_crawl_date() -> None:
    data = warcinfo() + b"".join(
        request(f"https://news.example/{n}", number=2 * n)
        + response(f"Story {n}", f"https://news.example/{n}", number=2 * n + 1)
        for n in range(3)
    )
    articles = newsparse.parse(data, "warc")
    assert titles(articles) == ["Story 0", "Story 1", "Story 2"]
    first = articles[0]
    assert first.url == "https://news.example/0"
    warc_meta = {key: value for key, value in first.meta.items() if key.startswith("warc.")}
    assert warc_meta == {
        "warc.target-uri": "https://news.example/0",
        "warc.date": DATE,
        "warc.record-id": "<urn:uuid:00000000-0000-4000-8000-000000000001>",
    }
    # The rest is the html format's own (how it found the title and body).
    assert all(key.startswith("html.") for key in first.meta if key not in warc_meta)
    assert first.published is None  # a crawl date is not a publication date


def test_a_page_the_crawler_cut_short_says_so() -> None:
    data = response("Long", "https://news.example/long").replace(
        b"Content-Type: application/http",
        b"WARC-Truncated: length\r\nContent-Type: application/http",
    )
    (article,) = newsparse.parse(data, "warc")
    assert article.meta["warc.truncated"] == "length"


def test_a_page_that_names_its_own_address_keeps_it() -> None:
    html = (
        b'<html><head><title>Own</title><link rel="canonical" href="https://paper.example/own">'
        b"</head><body><p>Text of the article.</p></body></html>"
    )
    data = record("response", http(html), uri="https://mirror.example/x")
    (article,) = newsparse.parse(data, "warc")
    assert article.url == "https://paper.example/own"
    assert article.meta["warc.target-uri"] == "https://mirror.example/x"


def test_other_records_are_skipped_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    uri = "https://news.example/x"
    data = b"".join(
        [
            warcinfo(),
            request(uri),
            response("Kept", uri),
            record("metadata", b"fetchTimeMs: 12\r\n", content_type="application/warc-fields"),
            record("response", http(page("Gone"), status="404 Not Found")),
            record("response", http(b"{}", content_type="application/json")),
            record("revisit", http(b"")),
            record("resource", page("Resource"), content_type="text/html"),
            record("response", b"not an HTTP message"),
            record("response", http(b"  \n")),
        ]
    )
    with caplog.at_level(logging.INFO, logger="newsparse.warc"):
        assert titles(newsparse.parse(data, "warc")) == ["Kept"]
    (summary,) = [r for r in caplog.records if r.name == "newsparse.warc"]
    assert summary.warc_counts == {  # type: ignore[attr-defined]
        "warcinfo": 1,
        "request": 1,
        "pages": 1,
        "metadata": 1,
        "not-200": 1,
        "not-html": 1,
        "revisit": 1,
        "resource": 1,
        "not-http": 1,
        "empty": 1,
    }
    assert "1 request records skipped" in summary.getMessage()


def test_the_http_charset_decodes_the_page() -> None:
    title = "Новости дня"
    html = f"<html><head><title>{title}</title></head><body><p>Текст.</p></body></html>"
    body = http(html.encode("cp1251"), content_type='text/html; charset="windows-1251"')
    (article,) = newsparse.parse(record("response", body), "warc")
    assert article.title == title


def test_the_http_charset_wins_over_the_page_declaration() -> None:
    title = "Ελληνικά νέα"
    html = (
        '<html><head><meta charset="iso-8859-1"><title>' + title + "</title></head>"
        "<body><p>Κείμενο.</p></body></html>"
    )
    body = http(html.encode("iso-8859-7"), content_type="text/html; charset=ISO-8859-7")
    (article,) = newsparse.parse(gzipped(record("response", body)), "warc")
    assert article.title == title


def test_a_page_without_an_article_is_an_error_naming_the_record() -> None:
    first = response("First", "https://news.example/1")
    empty = record("response", http(b"<html><body><div></div></body></html>"), uri="https://n.x/e")
    articles, errors = collected(first + empty + response("Last", "https://news.example/3"))
    assert titles(articles) == ["First", "Last"]
    (error,) = errors
    assert error.format == "warc"
    place = f"record at byte offset {len(first)} (https://n.x/e)"
    assert error.message.startswith(f"{place}: no content")


# -- broken records ----------------------------------------------------------------


def _three(middle: bytes) -> tuple[bytes, int]:
    first = response("Before", "https://news.example/1", number=1)
    last = response("After", "https://news.example/3", number=3)
    return first + middle + last, len(first)


@pytest.mark.parametrize(
    ("middle", "says"),
    [
        (b"garbage between records\r\n", "found 'garbage between records' where a WARC record"),
        (record("response", http(page("Bad")), length=-1).replace(b"-1", b"x1"), "no valid Conte"),
        (record("response", http(page("Bad")), length=40), "Content-Length (40) is wrong"),
        (record("response", http(page("Bad")), length=9000), "Content-Length (9000) is wrong"),
        (b"WARC/1.1\r\nWARC-Type: response\r\n\r\n", "no valid Content-Length"),
    ],
    ids=["garbage", "length-not-a-number", "length-too-short", "length-too-long", "no-length"],
)
def test_a_broken_record_names_its_offset_and_the_rest_is_read(middle: bytes, says: str) -> None:
    data, offset = _three(middle)
    for given in (data, gzipped(data)):
        articles, errors = collected(given)
        assert titles(articles) == ["Before", "After"]
        assert len(errors) == 1, errors
        assert errors[0].message.startswith(f"byte offset {offset}: ")
        assert says in errors[0].message
        assert (errors[0].source, errors[0].line, errors[0].column) == ("<bytes>", 1, 1)
    with pytest.raises(ParseError, match=f"byte offset {offset}"):
        newsparse.parse(data, "warc")


def test_a_file_cut_short_reads_the_records_before_the_cut(tmp_path: Path) -> None:
    first = response("Whole", "https://news.example/1")
    cut = response("Cut", "https://news.example/2")[:150]
    path = tmp_path / "cut.warc"
    path.write_bytes(first + cut)
    articles, errors = collected(path)
    assert titles(articles) == ["Whole"]
    (error,) = errors
    assert error.source == str(path)
    assert error.message.startswith(f"byte offset {len(first)}: ")


def test_a_bad_gzip_body_is_an_error_of_its_record() -> None:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\nnot gzip"
    data, offset = _three(record("response", body))
    articles, errors = collected(data)
    assert titles(articles) == ["Before", "After"]
    assert errors[0].message.startswith(f"record at byte offset {offset}: the HTTP body")


@pytest.mark.parametrize(
    ("head", "reason"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg", "not-html"),
        (b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html", "not-200"),
    ],
)
def test_a_bad_gzip_body_of_a_record_that_is_no_page_is_only_skipped(
    head: bytes, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    # A record that holds no page is skipped before its body is decoded, so a
    # broken encoding there is no error (and the count says why it was skipped).
    body = head + b"\r\nContent-Encoding: gzip\r\n\r\nnot gzip"
    data, _offset = _three(record("response", body))
    with caplog.at_level(logging.INFO, logger="newsparse.warc"):
        articles, errors = collected(data)
    assert titles(articles) == ["Before", "After"]
    assert errors == []
    (summary,) = [r for r in caplog.records if r.name == "newsparse.warc"]
    assert summary.warc_counts[reason] == 1  # type: ignore[attr-defined]


# -- streaming, limits, inputs ------------------------------------------------------------


class _Counting(io.RawIOBase):
    """A binary file object over bytes that counts what was read of it."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.read_so_far = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = self._data.readinto(buffer)
        self.read_so_far += size
        return size


def _varied_page(number: int) -> bytes:
    """Return a page of about 20 KB that gzip cannot shrink to nothing."""
    words = " ".join(f"w{(number * 7919 + i * 104729) % 1000003:x}" for i in range(2500))
    return page(f"Story {number}", words)


def test_a_warc_gz_streams_without_being_read_whole() -> None:
    records = [record("response", http(_varied_page(n)), uri=f"https://n.x/{n}") for n in range(60)]
    data = gzipped(*records)
    stream = _Counting(data)
    items = newsparse.iter_parse(io.BufferedReader(stream), "warc")
    first = next(items)
    assert first.title == "Story 0"
    assert stream.read_so_far < len(data) / 4
    assert len(list(items)) == 59


def test_the_input_limit_counts_decompressed_bytes() -> None:
    one = response("One", "https://news.example/1")
    data = gzipped(one, one, one)
    articles, errors = collected(data, limits=Limits(max_input_bytes=len(one) * 2 + 10))
    assert titles(articles) == ["One", "One"]  # the third goes past the limit
    assert errors[-1].fatal
    assert "max_input_bytes" in errors[-1].message


def test_text_input_is_refused_saying_warc_is_binary() -> None:
    text = response("One", "https://news.example/1").decode("ascii")
    with pytest.raises(ParseError, match="a WARC file is binary"):
        newsparse.parse(text, "warc")


def test_without_fastwarc_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    with pytest.raises(ParseError, match=r"pip install 'newsparse\[warc\]'"):
        newsparse.parse(response("One", "https://news.example/1"))


# -- split ------------------------------------------------------------------------------


class _BytesStream(io.StringIO):
    """A stream that offers its bytes, as the reader of a bytes input does (``binary()``)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data

    def binary(self) -> io.BytesIO:
        """Return the bytes."""
        return io.BytesIO(self._data)


def _items(data: object, source: str = "<bytes>") -> list[object]:
    found: list[object] = []
    for item in newsparse.iter_parse(
        data,  # type: ignore[arg-type]
        "warc",
        source=source,
        on_error=lambda error: found.append((error.message, error.line, error.column)),
    ):
        found.append(item)
    return found


@pytest.mark.parametrize("size", [1, 500, 2000, 1 << 20])
def test_split_cuts_at_record_offsets_and_parses_like_the_whole(size: int) -> None:
    parts = [
        warcinfo(),
        response("A", "https://n.x/a", number=1),
        b"garbage\r\n",
        response("B", "https://n.x/b", number=2),
        record("response", http(page("Bad")), length=40),
        request("https://n.x/c"),
        response("C", "https://n.x/c", number=3),
    ]
    data = b"".join(parts)
    starts = {sum(len(p) for p in parts[:i]) for i in range(len(parts))}
    fmt = newsparse.get_format("warc")
    for given in (data, gzipped(*parts)):
        plain = gzip.decompress(given) if given[:2] == b"\x1f\x8b" else given
        chunks = list(fmt.split(_BytesStream(plain), size))
        offsets = [int(c.text.partition("\n")[0].rpartition("=")[2]) for c in chunks]
        assert set(offsets) <= starts
        assert offsets == sorted(offsets)
        assert offsets[0] == 0
        pieces = [base64.b64decode(c.text.partition("\n")[2]) for c in chunks]
        assert b"".join(pieces) == data
        whole = _items(given)
        assert [i for c in chunks for i in _items(as_input(c.text))] == whole
        assert titles([i for i in whole if isinstance(i, Article)]) == ["A", "B", "C"]
    if size == 1:  # a piece per record, and one for the garbage
        assert len(chunks) == len(parts)


# -- the command line --------------------------------------------------------------------


def test_convert_with_two_jobs_writes_what_one_job_writes(tmp_path: Path) -> None:
    from fixtures_process import convert_process  # noqa: PLC0415

    records = [
        record("response", http(_varied_page(n)), uri=f"https://n.x/{n}", number=n)
        for n in range(120)
    ]
    records.insert(50, b"garbage in the middle\r\n")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzipped(*records))
    assert path.stat().st_size > 1 << 20  # large enough for --jobs to split it
    one = convert_process(tmp_path, "crawl.warc.gz", "--to", "jsonl", "--partial", "-j", "1")
    two = convert_process(tmp_path, "crawl.warc.gz", "--to", "jsonl", "--partial", "-j", "2")
    assert one.stdout == two.stdout
    lines = two.stdout.decode("utf-8").splitlines()
    assert len(lines) == 120
    assert '"Story 119"' in lines[-1]
    offset = len(b"".join(records[:50]))
    assert f"crawl.warc.gz:1:1: byte offset {offset}: found 'garbage" in two.stderr.decode()
    assert two.returncode == one.returncode != 0


# -- robustness ------------------------------------------------------------------------------


def test_gzip_data_cut_in_the_middle_is_a_parse_error() -> None:
    data = gzipped(response("A", "https://n.x/a"), response("B", "https://n.x/b"))
    articles, errors = collected(data[:-10])
    assert titles(articles) == ["A"]
    assert errors
    assert errors[-1].fatal


def test_only_newsparse_errors_escape_from_damaged_files() -> None:
    from hypothesis import given, settings  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415

    good = b"".join(
        [
            warcinfo(),
            response("A", "https://n.x/a"),
            request("https://n.x/b"),
            response("B", "https://n.x/b"),
            record("response", http(page("C"))),
        ]
    )

    assert titles(newsparse.parse(good, "warc")) == ["A", "B", "C"]  # undamaged, all are read

    @settings(max_examples=150, deadline=None)
    @given(
        st.integers(0, len(good)),
        st.integers(0, len(good)),
        st.binary(max_size=40),
        st.booleans(),
    )
    def damaged(cut: int, at: int, noise: bytes, zipped: bool) -> None:
        data = good[:at] + noise + good[at:cut] if at <= cut else good[:cut]
        given_data = gzipped(data) if zipped else data
        errors: list[object] = []
        articles: list[Article] = []
        with contextlib.suppress(NewsparseError):  # anything else fails the test
            articles = newsparse.parse(given_data, "warc", on_error=errors.append)
        assert all(isinstance(e, ParseError) and e.format == "warc" for e in errors)
        assert set(titles(articles)) <= {"A", "B", "C"}
        with contextlib.suppress(NewsparseError):
            newsparse.parse(given_data, "warc")

    damaged()


# -- the integrations ---------------------------------------------------------------------


def _archive(folder: Path) -> Path:
    parts = [warcinfo(), request("https://n.x/a"), response("A", "https://n.x/a", number=1)]
    parts += [b"garbage\r\n", response("B", "https://n.x/b", number=2)]
    path = folder / "crawl.warc.gz"
    path.write_bytes(gzipped(*parts))
    return path


def test_spark_rows_of_a_warc_file(tmp_path: Path) -> None:
    from newsparse.integrations.rows import COLUMNS  # noqa: PLC0415
    from newsparse.integrations.spark import file_rows  # noqa: PLC0415

    path = _archive(tmp_path)
    rows = [
        dict(zip([c.name for c in COLUMNS], row, strict=True))
        for row in file_rows(str(path), path.read_bytes())
    ]
    assert [row["title"] for row in rows] == ["A", None, "B"]
    assert [row["url"] for row in rows] == ["https://n.x/a", None, "https://n.x/b"]
    assert "found 'garbage' where a WARC record should start" in rows[1]["error"]


def test_dask_reads_a_warc_path(tmp_path: Path) -> None:
    import copyreg  # noqa: PLC0415

    pytest.importorskip("dask.bag", reason="the Dask test needs newsparse[dask]")
    pytest.importorskip("pandas", reason="the Dask test needs newsparse[dask]")
    from newsparse.integrations.dask import read_articles, read_dataframe  # noqa: PLC0415

    table = dict(copyreg.dispatch_table)  # Dask's imports change how exceptions pickle
    try:
        path = _archive(tmp_path)
        items = read_articles(str(path), errors="include").compute(scheduler="sync")
        assert [getattr(item, "title", None) for item in items] == ["A", None, "B"]
        assert isinstance(items[1], ParseError)
        frame = read_dataframe([str(path)], "warc").compute(scheduler="sync")
        assert list(frame["url"].fillna("-")) == ["https://n.x/a", "-", "https://n.x/b"]
    finally:
        copyreg.dispatch_table.clear()
        copyreg.dispatch_table.update(table)


def test_a_header_the_model_cannot_hold_is_left_out_and_reported() -> None:
    # Found by the fuzz test: a NUL in WARC-Date made the article invalid and
    # ended the parse with a PluginError.  Later the whole page was an error;
    # now the page is read without that header, and an error says so.
    bad = response("First", "https://news.example/1").replace(
        b"WARC-Date: ", b"WARC-Date: \x00 ", 1
    )
    good = response("Second", "https://news.example/2", number=1)
    errors: list[newsparse.ParseError] = []
    articles = newsparse.parse(bad + good, "warc", on_error=errors.append)
    assert [article.title for article in articles] == ["First", "Second"]
    assert "warc.date" not in articles[0].meta
    assert articles[0].meta["warc.record-id"].endswith("000000000000>")
    assert articles[1].meta["warc.date"] == DATE
    [error] = errors
    assert "record at byte offset 0" in error.message
    assert "WARC-Date" in error.message
    assert "U+0000" in error.message
