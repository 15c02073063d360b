r"""Where a TT dump can be cut, so that several processes parse its pieces.

TT has no end-of-article marker, and non-canonical text can be read more
than one way: a body line ``TT`` followed by a number line can start a new
article, an article that ends right after its marker is "cut off" only at
the end of the input, and the general reader looks ahead one run past an
article before it yields it.  A cut in the wrong place changes the result.
So a cut is made only where the grammar leaves no doubt, and nowhere else:

* right after a separator of exactly three blank lines (``"\n\n\n\n"``,
  neither more line ends nor a ``"\r"`` next to it), so that a whole parse
  finds that very separator and ends the article there;
* with a block (the text between two separators) before it and a block
  after it that are each *exactly* the canonical form of an article
  (:func:`~newsparse_aawsat.canonical.canonical_article`), the block before
  having a separator of exactly three blank lines in front of it too.

A canonical block is read as the article it is the canonical form of,
wherever it stands and whatever precedes it (the reader's fast path relies
on the same fact), and after it and its separator the reader keeps nothing
of what came before.  So the items of the text before the cut, read as a
whole input that ends there, and those of the text after it, read as an
input of its own, are the items of the whole, in order: the articles of a
dump that is canonical almost everywhere are cut into pieces of about the
size asked for, and text that is not canonical is only ever cut around.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsparse import ParseError
from newsparse.plugin import CHUNK_SIZE, Chunk, TextStream

from newsparse_aawsat.canonical import canonical_article
from newsparse_aawsat.syntax import ARTICLE_SEPARATOR

__all__ = ["byte_cuts", "certain_cuts", "split_text"]

_LENGTH = len(ARTICLE_SEPARATOR)


def _certain(block: str) -> bool:
    """Whether ``block`` is exactly a canonical article, with no line end but ``"\n"``."""
    if "\r" in block:
        return False
    try:
        block.encode("utf-8")  # a lone surrogate: bytes that did not decode
    except UnicodeEncodeError:
        return False
    return canonical_article(block) is not None


def certain_cuts(text: str, start: int = 0) -> Iterator[int]:
    """Yield the offsets in ``text`` where the input can certainly be cut (see the module).

    ``text`` is a stretch of the input, from anywhere; ``start`` is where to
    begin looking for separators (the start of one, or 0).  Each offset is
    just after a separator, and at least one separator and one whole block
    after ``start``.
    """
    separators: list[int] = []
    at = text.find(ARTICLE_SEPARATOR, start)
    known: dict[int, bool] = {}  # block start -> certain

    def certain(begin: int, end: int) -> bool:
        found = known.get(begin)
        if found is None:
            found = known[begin] = _certain(text[begin:end])
        return found

    while at >= 0:
        separators.append(at)
        if len(separators) >= 3:
            first, middle, last = separators[-3:]
            if (
                first > 0
                and text[first - 1] not in "\r\n"
                and certain(first + _LENGTH, middle)
                and certain(middle + _LENGTH, last)
            ):
                yield middle + _LENGTH
        at = text.find(ARTICLE_SEPARATOR, at + _LENGTH)


def byte_cuts(window: bytes) -> Iterator[int]:
    """Yield the offsets in ``window`` (UTF-8 bytes of the input) where it can be cut."""
    text = window.decode("utf-8", "surrogateescape")
    if text.isascii():
        yield from certain_cuts(text)
        return
    for cut in certain_cuts(text):
        yield len(text[:cut].encode("utf-8", "surrogateescape"))


def split_text(stream: TextStream, size: int) -> Iterator[Chunk]:
    """Cut ``stream`` at certain cuts into chunks of at least ``size`` characters.

    The text after the last cut found is one chunk, however long: where
    there is no certain cut, the text stays whole.  An error reading the
    stream comes after the text read before it, as a last chunk.
    """
    parts: list[str] = []
    held = 0  # characters in parts
    line = 1
    look = 0  # a separator's start, or 0: no cut starts before it
    next_try = size  # look for a cut once this much is held (doubles when none is found)
    ended = False
    while not ended:
        try:
            piece = stream.read(max(size, CHUNK_SIZE))
        except ParseError:
            if parts:
                yield Chunk("".join(parts), line)
            raise
        ended = not piece
        parts.append(piece)
        held += len(piece)
        if held <= size or (held < next_try and not ended):
            continue
        buffer = "".join(parts)
        while len(buffer) > size:
            cut = next((cut for cut in certain_cuts(buffer, look) if cut >= size), None)
            if cut is None:
                look = _second_last_separator(buffer, look)
                next_try = 2 * len(buffer)
                break
            yield Chunk(buffer[:cut], line)
            line += buffer.count("\n", 0, cut)
            buffer, look, next_try = buffer[cut:], 0, size
        parts, held = [buffer], len(buffer)
    if held:
        yield Chunk("".join(parts), line)


def _second_last_separator(text: str, start: int) -> int:
    """Return where the second-last separator found from ``start`` starts (or ``start``).

    A cut still to be found needs a separator not yet read, and the two
    before it at most: looking again from there finds it.
    """
    found = [start]
    at = text.find(ARTICLE_SEPARATOR, start)
    while at >= 0:
        found.append(at)
        at = text.find(ARTICLE_SEPARATOR, at + _LENGTH)
    return found[-2] if len(found) >= 2 else start
