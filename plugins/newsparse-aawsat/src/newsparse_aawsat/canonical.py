"""The fast path: canonical TT articles, read a whole article at a time.

Most TT dumps are written by one program and are canonical throughout: every
article looks exactly like what :meth:`~newsparse_aawsat.TTFormat.render`
writes, and articles are separated by exactly :data:`ARTICLE_SEPARATOR`.  For
such text, line-by-line reading with lookahead (:mod:`newsparse_aawsat.general`)
is wasted work.  This module cuts the text at each separator into *blocks*,
and reads a block with a few string methods when it is exactly the canonical
form of an article.

Anything else (a block that is not canonical, text the model refuses, an
input error) goes to the general reader, so both paths give the same articles
and the same errors, with the same lines and columns, in the same order.  How
that holds:

* The general reader finishes an article at three or more blank lines and
  starts afresh after them; a canonical block is always read as exactly the
  article it is the canonical form of (the round-trip guarantee).  So the text
  between certain blocks can be given to the general reader on its own.
* The general reader looks ahead one run to explain a missing marker, and
  yields an article only once it has read the first run after it.  So a span
  of uncertain blocks is read together with the certain block after it, whose
  article is then held back like the general reader holds it; when the input
  ends or fails, the general reader reads again from the held article on.
* A span that grows past :data:`SPAN_LIMIT` characters without a certain
  block (text that is mostly not canonical, or not TT at all) hands the rest
  of the input to the general reader, which streams it.  Memory stays bounded
  by the largest article plus that limit.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsparse import Article, Image, Section, ValidationError
from newsparse.plugin import CHUNK_SIZE, ParseItem

from newsparse_aawsat.general import GeneralReader, Readable
from newsparse_aawsat.syntax import ARTICLE_SEPARATOR, MARKER, NUMBER_KEY

__all__ = ["SPAN_LIMIT", "canonical_article", "read_articles"]

SPAN_LIMIT = 1 << 20
"""Characters of text without a certain block after which the general reader
takes over for the rest of the input."""

_SEPARATOR_LENGTH = len(ARTICLE_SEPARATOR)
_SEPARATOR_LINES = ARTICLE_SEPARATOR.count("\n")


def canonical_article(block: str) -> Article | None:
    """Return the article of which ``block`` is exactly the canonical form.

    ``block`` is the text between two separators.  ``None`` means "not
    certain" (the general reader decides), never "an error": a block with
    surrounding spaces, missing or extra blank lines, no repeated header, an
    odd number of image lines, or text the model refuses.
    """
    return _read_block(block.split("\n"))


def _read_block(lines: list[str]) -> Article | None:  # noqa: PLR0911
    """Read the lines of a block (see :func:`canonical_article`)."""
    # The canonical layout, with n image lines (the render method writes it):
    #   headline, "", image lines (n), "TT", number, "", headline,
    #   ["", image lines (n),] then "", paragraph for each paragraph.
    if len(lines) < 6 or lines[1]:
        return None
    try:
        blank = lines.index("", 2)  # the blank line after the number
    except ValueError:
        return None
    count = blank - 4  # image lines
    title = lines[0]
    if count < 0 or lines[blank - 2] != MARKER or not lines[blank - 1].isdecimal():
        return None
    if blank + 1 >= len(lines) or lines[blank + 1] != title:
        return None
    image_lines = lines[2 : 2 + count]
    rest = blank + 2
    if count:
        if count > 2 and count % 2:
            return None
        rest += 1 + count
        # The repeated image lines, after a blank line (missing when cut short).
        if len(lines) < rest or lines[blank + 2] or lines[blank + 3 : rest] != image_lines:
            return None
    # Then blank lines and paragraphs alternate; every line is stripped
    # (str.strip returns a string that needs none itself: a quick compare).
    blanks = lines[rest::2]
    paragraphs = lines[rest + 1 :: 2]
    if (
        len(blanks) != len(paragraphs)
        or any(blanks)
        or "" in paragraphs
        or not title
        or [*map(str.strip, lines)] != lines
    ):
        return None
    try:
        if not count:
            images: tuple[Image, ...] = ()
        elif count == 1:
            images = (Image(caption=image_lines[0]),)
        else:
            images = tuple(
                Image(alt=image_lines[index], caption=image_lines[index + 1])
                for index in range(0, count, 2)
            )
        return Article(
            title=title,
            body=(Section(paragraphs=paragraphs),) if paragraphs else (),
            images=images,
            meta={NUMBER_KEY: lines[blank - 1]},
        )
    except ValidationError:
        return None  # the general reader reports it, at its place


class _Rest:
    """Text already read, then the rest of the stream, or the error it raised."""

    __slots__ = ("_error", "_read", "_text")

    def __init__(self, text: str, stream: Readable | None, error: Exception | None) -> None:
        self._text = text
        self._read = stream.read if stream is not None else None
        self._error = error

    def read(self, size: int, /) -> str:
        """Return the text given first, then read the stream (or raise its error)."""
        if self._text:
            text, self._text = self._text, ""
            return text
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return "" if self._read is None else self._read(size)


def read_articles(  # noqa: PLR0912, PLR0915 - one loop keeps the hot path free of calls
    stream: Readable, reader: GeneralReader
) -> Iterator[ParseItem]:
    """Read ``stream`` as TT: canonical blocks here, everything else by ``reader``."""
    read = stream.read
    buffer = ""
    held: Article | None = None  # the article of the last certain block, not yielded
    # ``start`` is where the text not yet settled starts: the held article's
    # block, the first block of a span of uncertain blocks, or ``scan``.  The
    # general reader reads from there when it has to.
    start = 0
    span = False  # whether uncertain blocks follow ``start``
    scan = 0  # where the next block starts
    scan_line = 1  # its line number
    searched = 0  # no separator starts between ``scan`` and here
    start_line = 1
    while True:
        try:
            chunk = read(CHUNK_SIZE)
        except Exception as error:
            yield from reader.parse(_Rest(buffer[start:], None, error), start_line)
            return
        if not chunk:
            break
        buffer = buffer[start:] + chunk
        scan, searched, start = scan - start, searched - start, 0
        while (end := buffer.find(ARTICLE_SEPARATOR, searched)) >= 0:
            lines = buffer[scan:end].split("\n")
            article = _read_block(lines)
            next_line = scan_line + len(lines) - 1 + _SEPARATOR_LINES
            if article is None:
                held = None  # the general reader will read it again
                span = True
            elif span:
                # The span is read with this certain block, whose article
                # comes last from the general reader and is held back again.
                items = list(reader.parse(_Rest(buffer[start:end], None, None), start_line))
                last = items.pop()
                yield from items
                if isinstance(last, Article):
                    held, start, start_line = last, scan, scan_line
                else:  # never expected (see the module docstring), but lose nothing
                    yield last
                    held, start, start_line = None, end + _SEPARATOR_LENGTH, next_line
                span = False
            else:
                if held is not None:
                    yield held
                held, start, start_line = article, scan, scan_line
            scan_line = next_line
            scan = searched = end + _SEPARATOR_LENGTH
        searched = max(scan, len(buffer) - _SEPARATOR_LENGTH + 1)
        if not span and held is None:
            start, start_line = scan, scan_line
        if len(buffer) - start > SPAN_LIMIT:
            # No certain block in sight: the general reader streams the rest.
            yield from reader.parse(_Rest(buffer[start:], stream, None), start_line)
            return
    # The end of the input: the last block has no separator after it.
    last_block = buffer[scan:]
    if not span:
        article = canonical_article(last_block) if last_block else None
        if article is not None or not last_block:
            if held is not None:
                yield held
            if article is not None:
                yield article
            return
    yield from reader.parse(_Rest(buffer[start:], None, None), start_line)
