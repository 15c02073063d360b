"""The article size limit for TT: no stretch between separators may be longer.

TT has no end-of-article marker the reader could count on, so the limit
(:attr:`newsparse.Limits.max_article_bytes`) bounds the text between two
separators (``"\\n\\n\\n\\n"``, three blank lines), which in canonical text is
exactly one article.  :class:`ArticleBound` sits between the stream and the
readers and hands them text only up to the last separator it has seen,
holding back the stretch after it.  A stretch that grows past the limit is a
:class:`~newsparse.ParseError` at the line where it starts, raised before any
of it is handed out: the readers see the input end just before it, and the
error follows the articles before it.  So nothing is returned cut short, and
memory stays bounded by the limit plus one chunk.

Articles written with fewer blank lines between them count as one stretch:
for such dumps, raise the limit.
"""

from __future__ import annotations

from newsparse import ParseError
from newsparse.plugin import CHUNK_SIZE, utf8_longer_than

from newsparse_aawsat.general import Readable
from newsparse_aawsat.syntax import ARTICLE_SEPARATOR

__all__ = ["ArticleBound"]


class ArticleBound:
    """A ``read(size)`` stream over ``stream`` that refuses over-long stretches."""

    __slots__ = ("_failure", "_format", "_held", "_line", "_most", "_read", "_source", "error")

    def __init__(self, stream: Readable, most: int, *, format_name: str, source: str) -> None:
        self._read = stream.read
        self._most = most
        self._format = format_name
        self._source = source
        self._held = ""  # the stretch after the last separator, not handed out yet
        self._line = 1  # the line on which it starts
        self._failure: Exception | None = None  # the stream's, raised after the held text
        self.error: ParseError | None = None
        """The stretch over the limit, once found; the stream then reads as ended."""

    def read(self, size: int = CHUNK_SIZE, /) -> str:
        """Return text up to the last separator read so far ("" at the end).

        A stretch over the limit ends the text before it, so that the readers
        finish the article before it; :attr:`error` then holds the error to
        raise once they have.

        """
        while True:
            if self.error is not None:
                return ""
            if utf8_longer_than(self._held, self._most):
                self.error = self._too_long(self._line)
                return ""
            if self._failure is not None:
                failure, self._failure = self._failure, None
                raise failure
            try:
                chunk = self._read(size)
            except Exception as failure:  # bad input: what is held comes first
                if not self._held:
                    raise
                self._failure = failure
                chunk = ""
            if not chunk:
                text, self._held = self._held, ""
                return text
            text = self._held + chunk
            # A separator may straddle the held text and the chunk.
            cut = text.rfind(ARTICLE_SEPARATOR, max(0, len(self._held) - 3))
            if cut < 0:
                self._held = text
                continue
            end = cut + len(ARTICLE_SEPARATOR)
            given = text[:end]
            self._held = text[end:]
            if 4 * len(given) > self._most:  # a stretch in it may be over the limit
                given = self._cut_before_long_stretch(given)
            self._line += given.count("\n")
            return given

    def _cut_before_long_stretch(self, text: str) -> str:
        """Return ``text`` up to the first stretch over the limit, setting :attr:`error`."""
        line = self._line
        start = 0
        for stretch in text.split(ARTICLE_SEPARATOR):
            if utf8_longer_than(stretch, self._most):
                self.error = self._too_long(line)
                self._held = ""
                return text[:start]
            line += stretch.count("\n") + ARTICLE_SEPARATOR.count("\n")
            start += len(stretch) + len(ARTICLE_SEPARATOR)
        return text

    def _too_long(self, line: int) -> ParseError:
        return ParseError(
            f"an article is longer than the limit of {self._most} bytes "
            "(max_article_bytes): no separator (three blank lines) within it",
            format=self._format,
            source=self._source,
            line=line,
            column=1,
        )
