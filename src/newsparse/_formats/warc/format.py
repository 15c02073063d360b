"""The ``warc`` format: web archives (WARC 1.0 and 1.1) in, one article per HTML page out.

A WARC file (ISO 28500) is what crawlers write: a series of records, each
with its own header, among them the HTTP ``response`` records that hold
the pages fetched.  Common Crawl's CC-NEWS archives are WARC files, each
record compressed as its own gzip member (``.warc.gz``); newsparse
decompresses them as it reads (:mod:`newsparse._compressed`), so a file of
any size streams in bounded memory.

How a file is read:

1. :mod:`~newsparse._formats.warc.framing` cuts the bytes into
   records by their ``Content-Length``, and finds the next record after a
   broken one.
2. :mod:`~newsparse._formats.warc.records` parses each record with
   FastWARC (the ``newsparse[warc]`` extra): a ``response`` with HTTP
   status 200 and an HTML content type is a page; other records are
   skipped and counted.  What real crawls hold beside well-formed records
   is read as a browser reads it (:mod:`~newsparse._formats.warc.http`):
   headers with bare line feeds, pages without a content type (sniffed),
   bodies whose ``Transfer-Encoding`` or ``Content-Encoding`` header does
   not decode them (read as stored when that is an HTML page).
3. Each page goes to the ``html`` format, decoded with the charset of the
   HTTP header (else what the page declares); its articles get
   ``WARC-Target-URI`` as ``url`` when the page names none (without the
   angle brackets of WARC 1.0's grammar, and with whitespace and control
   characters percent-encoded), and ``meta["warc.target-uri"]``,
   ``meta["warc.date"]`` (the crawl date, as the WARC gives it) and
   ``meta["warc.record-id"]``.  A header that ``meta`` cannot hold (a
   control character in it) is left out, with a
   :class:`~newsparse.ParseError` after the page's articles saying so.

Bad records are :class:`~newsparse.ParseError` items naming the byte
offset of the record (in the decompressed input, for ``.warc.gz``), and the
records after them are read.  The counts of skipped records are logged on
the ``newsparse.warc`` logger at the end of each input (``INFO``), each
skipped record at ``DEBUG``.
"""

from __future__ import annotations

import base64
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

from newsparse._errors import ParseError
from newsparse._format import Chunk, Format, ParseItem
from newsparse._formats.html.format import HtmlFormat
from newsparse._formats.warc.framing import Broken, Tape, frame_records
from newsparse._formats.warc.ranges import RecordRange, record_ranges
from newsparse._formats.warc.records import (
    FORMAT_NAME,
    SKIP_REASONS,
    Page,
    read_page,
    read_record,
    require_engine,
)
from newsparse._limits import Limits, limits_of
from newsparse._textio import TextStream

__all__ = ["WarcFormat"]

logger = logging.getLogger("newsparse.warc")

_SIGNATURE = re.compile(r"WARC/1\.[01]\n")
_PIECE = re.compile(r"newsparse-warc-piece offset=(\d+)\n")
_PIECE_HEAD = "newsparse-warc-piece offset={offset}\n"


class WarcFormat(Format):
    """Web archives, WARC 1.0 and 1.1 (see :mod:`newsparse._formats.warc.format`)."""

    name = FORMAT_NAME
    label = "WARC web archive"
    extensions = (".warc",)
    media_types = ("application/warc",)
    encoding = "latin-1"  # every byte is a character: the sample always decodes

    def __init__(self, pages: Format | None = None) -> None:
        """Read the pages with the format ``pages``: the registered ``html`` format.

        The built-in plugin passes the ``html`` format it registers, with the
        site parsers that plugins add to it; without it, a plain
        :class:`~newsparse._formats.html.format.HtmlFormat` reads them
        with generic rules only.
        """
        self._pages = HtmlFormat() if pages is None else pages

    def sniff(self, sample: str) -> float:
        """Score 1.0 for input that starts with a WARC version line, 0.0 otherwise."""
        return 1.0 if _SIGNATURE.match(sample) else 0.0

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read the records; yield an article per HTML page, an error per bad record."""
        engine = require_engine(source)
        limits = limits_of(stream)
        html = self._pages
        data, offset = _bytes_of(stream, source)
        counts: Counter[str] = Counter()
        try:
            for framed in frame_records(Tape(data, offset), limits.max_article_bytes):
                if isinstance(framed, Broken):
                    counts["broken"] += 1
                    yield ParseError(
                        f"byte offset {framed.offset}: {framed.message}",
                        format=self.name,
                        source=source,
                    )
                    continue
                found = read_record(framed, source, engine)
                if isinstance(found, Page):
                    items = list(read_page(found, framed, source, html, limits))
                    counts["pages" if items else "empty"] += 1
                    if found.how != "read":
                        counts[found.how] += 1
                    yield from items
                elif isinstance(found, ParseError):
                    counts["broken"] += 1
                    yield found
                else:
                    counts[found.reason] += 1
                    logger.debug(
                        "%s: record at byte offset %d skipped: %s",
                        source,
                        framed.offset,
                        found.reason,
                    )
        finally:  # also when an error ends the input, or the caller stops early
            _log_counts(source, offset, counts)

    def record_ranges(
        self, path: str, size: int, step: int, limits: Limits
    ) -> Iterator[RecordRange]:
        """Cut the file at ``path`` into byte ranges of whole records (for ``--jobs`` and Dask).

        Internal: ``newsparse._ranges`` uses it in place of
        :meth:`~newsparse.Format.cut_points`, since no window of a WARC's
        bytes tells for certain where a record starts (see
        ``newsparse._formats.warc.ranges``).
        """
        return record_ranges(path, size, step, limits)

    def split(self, stream: TextStream, size: int) -> Iterator[Chunk]:
        """Cut the input at record boundaries into pieces of about ``size`` bytes.

        A piece is text (as :class:`~newsparse._format.Chunk` holds): a line
        naming the byte offset where it starts, then its records' bytes in
        base64, which :meth:`parse` reads back as they were.  Every piece
        says it starts on line 1, since a WARC's errors are placed by byte
        offset.
        """
        data, offset = _bytes_of(stream, "<split>")
        tape = Tape(data, offset, record=True)
        start = offset
        held: list[bytes] = []
        held_size = 0
        try:
            # Framed as parse frames them, so that pieces start where its records do.
            for _item in frame_records(tape, limits_of(stream).max_article_bytes):
                taken = tape.take()
                held.append(taken)
                held_size += len(taken)
                if held_size >= size:
                    yield _piece(start, held)
                    start, held, held_size = tape.offset, [], 0
        except ParseError:
            if held:  # the records before the error: parse reads them too
                yield _piece(start, held)
            raise
        held.append(tape.take())
        if any(held):
            yield _piece(start, held)


def _piece(offset: int, parts: list[bytes]) -> Chunk:
    encoded = base64.b64encode(b"".join(parts)).decode("ascii")
    return Chunk(_PIECE_HEAD.format(offset=offset) + encoded + "\n", 1)


def _bytes_of(stream: TextStream, source: str) -> tuple[IO[bytes], int]:
    """Return the input's bytes and the offset they start at.

    Bytes input is read as it is.  Text is accepted in one form only: a
    piece that :meth:`WarcFormat.split` made.

    Raises:
        ParseError: the input is other text.
    """
    binary = getattr(stream, "binary", None)
    data: IO[bytes] | None = binary() if callable(binary) else None
    if data is not None:
        return data, int(getattr(stream, "byte_offset", 0))
    text = stream.read()
    found = _PIECE.match(text)
    if found is None:
        error = ParseError(
            "a WARC file is binary: pass its bytes, a path or a binary file object, not text",
            format=FORMAT_NAME,
            source=source,
        )
        error.fatal = True
        raise error
    return io.BytesIO(base64.b64decode(text[found.end() :])), int(found.group(1))


def _log_counts(source: str, offset: int, counts: Counter[str]) -> None:
    if not counts:
        return
    part = "" if offset == 0 else f" (from byte offset {offset})"
    shown = ", ".join(f"{count} {_label(reason)}" for reason, count in sorted(counts.items()))
    logger.info("%s%s: %s", source, part, shown, extra={"warc_counts": dict(counts)})


def _label(reason: str) -> str:
    labels: dict[str, Any] = {
        **{key: f"{label} skipped" for key, label in SKIP_REASONS.items()},
        "pages": "HTML pages read",
        "empty": "empty HTML pages",
        "broken": "bad records",
        "sniffed": "pages without a content type (sniffed as HTML)",
        "as-stored": "pages read as stored (their encoding headers did not decode)",
    }
    return str(labels.get(reason, reason))
