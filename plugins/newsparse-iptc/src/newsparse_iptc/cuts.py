"""Where a dump of several XML documents can be cut, so that several processes parse it.

:func:`~newsparse_iptc.xmlsafe.split_documents` starts a new document at
every line that starts with an XML declaration, once the document before
holds text, and nothing of one document changes how another is read.  So a
line that starts with a declaration, after another such line, is a place to
cut: the document before it ends there whatever comes before, and the one
after it starts there.  The first declaration of the text looked at is never
a cut, since what precedes it is not known.  In bytes, the declaration's
line must also decode, so that a bad byte on it stops the whole parse and
the pieces at the same place (the document before it is given in neither).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsparse import ParseError
from newsparse.plugin import CHUNK_SIZE, Chunk, TextStream

__all__ = ["byte_cuts", "split_text", "text_cuts"]

# As split_documents: a declaration ("<?xml" and a space), not "<?xml-stylesheet".
_DECLARATION = re.compile(r"<\?xml\s")
_LINE_START = "\n<?xml"
_BYTE_LINE_START = b"\n<?xml"


def text_cuts(text: str) -> Iterator[int]:
    """Yield the offsets of the lines of ``text`` that start with a declaration, but the first."""
    seen = text.startswith("<?xml") and _DECLARATION.match(text) is not None
    at = text.find(_LINE_START)
    while at >= 0:
        line = at + 1
        if _DECLARATION.match(text, line):
            if seen:
                yield line
            seen = True
        at = text.find(_LINE_START, line)


def byte_cuts(window: bytes) -> Iterator[int]:
    """Yield the cuts of ``window`` (UTF-8 bytes of the input, from anywhere): see the module."""
    seen = False
    at = window.find(_BYTE_LINE_START)
    while at >= 0:
        line = at + 1
        end = window.find(b"\n", line)
        if end < 0:
            return  # the line may go on past the window
        try:
            text = window[line:end].decode("utf-8")
        except UnicodeDecodeError:
            text = ""
        if _DECLARATION.match(text):
            if seen:
                yield line
            seen = True
        at = window.find(_BYTE_LINE_START, line)


def split_text(stream: TextStream, size: int) -> Iterator[Chunk]:
    """Cut ``stream`` before declarations into chunks of at least ``size`` characters.

    A read error comes after the text read before it, as a last chunk.
    """
    parts: list[str] = []
    held = 0  # characters in parts
    line = 1
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
            cut = next((cut for cut in text_cuts(buffer) if cut >= size), None)
            if cut is None:
                next_try = 2 * len(buffer)
                break
            yield Chunk(buffer[:cut], line)
            line += buffer.count("\n", 0, cut)
            buffer, next_try = buffer[cut:], size
        parts, held = [buffer], len(buffer)
    if held:
        yield Chunk("".join(parts), line)
