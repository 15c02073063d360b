"""The ``nitf`` format: News Industry Text Format documents, one article each.

Input is one NITF document, or several one after the other, each starting
with its XML declaration (a line starting with ``<?xml`` and a space
starts the next document).  Each document is one article; a bad document is reported as a
:class:`~newsparse.ParseError` and the next one is still read.  Body
content the model has no place for (a note not for publication, a video
``media``, ...) is reported after its article, one
:class:`~newsparse.ParseError` per element (:mod:`newsparse_iptc.nitf.content`).  ``render``
writes that same shape: per article, a declaration line and an NITF 3.6
document in the NITF namespace.

The field mapping is in ``docs/reference/formats/nitf.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from newsparse import Article, Format, Limits, ParseError, ValidationError
from newsparse.plugin import Chunk, ParseItem, TextStream, limits_of

from newsparse_iptc.charsets import misread_utf8
from newsparse_iptc.cuts import byte_cuts, split_text
from newsparse_iptc.nitf import blocks as nitf_blocks
from newsparse_iptc.nitf import names
from newsparse_iptc.nitf.read import read_nitf
from newsparse_iptc.nitf.write import check, write
from newsparse_iptc.output import write_all
from newsparse_iptc.skipped import Skipped, skipped_errors
from newsparse_iptc.xmlsafe import (
    Document,
    declared_encoding,
    line_of,
    parse_xml,
    peek,
    split_documents,
)

__all__ = ["NitfFormat"]

_CHILDREN = frozenset({"head", "body"})
_NAMESPACES = frozenset({None, names.NAMESPACE})


class NitfFormat(Format):
    """NITF 3.x documents (see :mod:`newsparse_iptc.nitf.format`)."""

    name = names.FORMAT_NAME
    label = "NITF (News Industry Text Format)"
    extensions = (".nitf", ".nitf.xml")
    media_types = ("application/nitf+xml",)
    blocks = nitf_blocks.BLOCKS
    marks = nitf_blocks.MARKS

    def sniff(self, sample: str) -> float:
        """Score how surely ``sample`` starts an NITF document.

        0.95 when it is XML whose root is ``nitf`` (in NITF's namespace or
        none) and whose first child is ``head`` or ``body``; 0.6 for such a
        root when the sample ends before its first child; 0.0 otherwise
        (text that is no XML, another root, text inside the root).
        """
        seen = peek(sample)
        if seen is None or seen.root.localname != "nitf" or seen.root.namespace not in _NAMESPACES:
            return 0.0
        if seen.child is None:
            return 0.6
        if seen.text_first or seen.child.localname not in _CHILDREN:
            return 0.0
        return 0.95 if seen.child.namespace == seen.root.namespace else 0.0

    def declared_encoding(self, head: bytes) -> str | None:
        """Return the encoding the XML declaration names, if there is one."""
        return declared_encoding(head)

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read each NITF document of ``stream`` as one article."""
        limits = limits_of(stream)
        for document in split_documents(
            stream, limits=limits, format_name=self.name, source=source
        ):
            try:
                article, skipped, unread = self._article(document, limits, source)
            except ParseError as error:
                yield error
                continue
            yield article
            yield from skipped_errors(skipped, document, format_name=self.name, source=source)
            yield from unread
            misread = misread_utf8(document, format_name=self.name, source=source)
            if misread is not None:
                yield misread

    def _article(
        self, document: Document, limits: Limits, source: str
    ) -> tuple[Article, list[Skipped], list[ParseError]]:
        """Return the article, the body's parts not read, and errors for the head's."""
        root = parse_xml(document, limits=limits, format_name=self.name, source=source)
        line = document.first_line - 1 + line_of(root)
        if names.local_name(root) != "nitf":
            raise ParseError(
                f"the root element is {root.tag!r}, not NITF's 'nitf'",
                format=self.name,
                source=source,
                line=line,
                column=1,
            )
        try:
            fields = read_nitf(root)
            article = fields.article()
        except (ValidationError, ValueError) as error:
            raise ParseError(
                str(error), format=self.name, source=source, line=line, column=1
            ) from None
        unread = [
            ParseError(
                message,
                format=self.name,
                source=source,
                line=document.first_line - 1 + line_of(element),
                column=1,
            )
            for message, element in fields.unread
        ]
        return article, fields.skipped, unread

    def split(self, stream: TextStream, size: int) -> Iterator[Chunk]:
        """Cut a dump of several documents before XML declarations (:mod:`newsparse_iptc.cuts`)."""
        return split_text(stream, size)

    def cut_points(self, window: bytes) -> Iterator[int]:
        """Yield the places in ``window`` where a document starts after another."""
        return byte_cuts(window)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write each article as an NITF 3.6 document.

        Raises:
            RenderError: an article holds a value NITF cannot hold exactly
                (see the format's reference page).
        """
        write_all(articles, out, check, write)
