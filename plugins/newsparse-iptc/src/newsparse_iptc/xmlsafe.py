"""Reading XML documents with lxml under safe settings.

Every XML format of this package parses through :func:`parse_xml`: the parser
loads no DTD, resolves no entity (neither a file nor the network is ever
read), keeps libxml2's limits on depth and text size (``huge_tree`` off) and
is always told the text is UTF-8, so an encoding named in the XML
declaration cannot make it decode the text a second time.  The entity
references left in the tree are then expanded by
:func:`newsparse_iptc.entities.expand_references`: internal entities give
their text, within bounds on count and size; an external or unknown entity
is an error, never dropped.  Every problem becomes a
:class:`~newsparse.ParseError` with a line and a column.

It also splits a stream of several documents (:func:`split_documents`): a
line starting with an XML declaration starts a new document.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree
from newsparse import Limits, ParseError
from newsparse.plugin import TextStream

from newsparse_iptc.entities import EntityError, amplification_error, expand_references

__all__ = [
    "Document",
    "Peek",
    "declared_encoding",
    "line_of",
    "parse_xml",
    "peek",
    "split_documents",
]

_LIBXML2_MAX_DEPTH = 256
_PIECE = 1 << 16
# An XML declaration ("<?xml" and a space), not a processing instruction
# such as "<?xml-stylesheet ...?>".
_STARTS_DECLARATION = re.compile(r"<\?xml\s")
_NEXT_DECLARATION = re.compile(r"\n<\?xml\s")
_ASCII_PROBE = b'<?xml version="1.0" encoding="x"?><a b=\'c\'>&#10;</a>'

_HUGE_HINT = re.compile(
    r",?\s*(?:(?:use|try) XML_PARSE_HUGE(?: option)?|see xmlCtxtSetMaxAmplification)",
    re.IGNORECASE,
)
_DECLARATION = re.compile(rb"""\A\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")


class Document:
    """One XML document cut from the input, with the line it starts on."""

    __slots__ = ("first_line", "text")

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        """The document's text."""
        self.first_line = first_line
        """The input line its first line is (counted from 1)."""


def line_of(element: etree._Element) -> int:
    """Return the line ``element`` starts on in the text lxml read (1 when unknown)."""
    line: object = element.sourceline
    return line if isinstance(line, int) and line > 0 else 1


def declared_encoding(head: bytes) -> str | None:
    """Return the codec the text of ``head`` is in, as its XML declaration says, if usable.

    The declaration is read as ASCII, so only a codec that reads ASCII as
    ASCII can be the text's real encoding: others (UTF-16, unknown names,
    codecs that are no text encodings) give ``None``, which means UTF-8.

    A declaration can be wrong: feeds declare ``iso-8859-1`` over UTF-8
    bytes.  Valid UTF-8 wins: when ``head`` holds bytes beyond ASCII and
    they are all well-formed UTF-8 (which text in a single-byte encoding
    practically never is), ``None`` is returned, so the text is read as
    UTF-8.  Should a later byte not be UTF-8, decoding stops there with a
    :class:`~newsparse.ParseError`: nothing is misread silently.

    >>> declared_encoding(b'<?xml version="1.0" encoding="ISO-8859-1"?><nitf/>')
    'iso8859-1'
    >>> declared_encoding(b'<?xml version="1.0" encoding="UTF-16"?>') is None
    True
    >>> declared_encoding('<?xml version="1.0" encoding="latin-1"?><p>Ø</p>'.encode()) is None
    True
    """
    found = _DECLARATION.match(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii")
    try:
        codec = codecs.lookup(label).name
        reads_ascii = _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii")
    except (LookupError, ValueError, TypeError):
        return None
    if not reads_ascii or _is_utf8_beyond_ascii(head):
        return None
    return codec


def _is_utf8_beyond_ascii(head: bytes) -> bool:
    """Tell whether ``head`` holds non-ASCII bytes that all decode as UTF-8.

    ``head`` may end inside a character: an incomplete last sequence is allowed.
    """
    if head.isascii():
        return False
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def split_documents(
    stream: TextStream, *, limits: Limits, format_name: str, source: str
) -> Iterator[Document]:
    """Yield the documents of ``stream``, split where a line starts with an XML declaration.

    Blank text between documents is skipped; a stream with only blank text
    holds no document.

    Raises:
        ParseError: a document is larger than ``limits.max_article_bytes``.
    """
    most = limits.max_article_bytes
    lines: list[str] = []
    size = 0  # UTF-8 bytes in lines
    number = first = 1  # the line the next piece starts on; the document's first line
    at_line_start = True
    # Pieces of at most _PIECE characters: a line is never held whole before
    # the size limit is checked.
    while piece := stream.readline(_PIECE):
        if at_line_start and _STARTS_DECLARATION.match(piece) and _holds_text(lines):
            yield Document("".join(lines), first)
            lines, size = [], 0
        if not lines:
            first = number
        lines.append(piece)
        size += len(piece) if piece.isascii() else len(piece.encode("utf-8", "surrogatepass"))
        if most is not None and size > most:
            raise ParseError(
                f"the document is larger than the limit of {most} bytes (max_article_bytes)",
                format=format_name,
                source=source,
                line=first,
                column=1,
            )
        at_line_start = piece.endswith("\n")
        if at_line_start:
            number += 1
    if _holds_text(lines):
        yield Document("".join(lines), first)


def _holds_text(lines: list[str]) -> bool:
    return any(not line.isspace() for line in lines)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        encoding="utf-8",
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        # Not collect_ids=False: with lxml 6 and libxml2 2.14 it makes the
        # parser load the external DTD a DOCTYPE names (a local file is read;
        # a network one makes the parse fail), despite load_dtd=False.
    )


def _pull_parser() -> etree.XMLPullParser:
    return etree.XMLPullParser(
        events=("start",),
        encoding="utf-8",
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )


def parse_xml(
    document: Document, *, limits: Limits, format_name: str, source: str
) -> etree._Element:
    """Parse ``document`` and return its root element.

    Raises:
        ParseError: the text is not well-formed XML, holds a lone surrogate,
            or nests elements deeper than ``limits.max_depth`` (libxml2 stops
            at 256 in any case); or an entity reference cannot be expanded
            (see :mod:`newsparse_iptc.entities`).  The line is the input's line.
    """
    offset = document.first_line - 1
    try:
        data = document.text.encode("utf-8")
    except UnicodeEncodeError as error:
        text = document.text[: error.start]
        raise ParseError(
            "the text holds a lone surrogate (U+D800-U+DFFF), which is not a character",
            format=format_name,
            source=source,
            line=offset + text.count("\n") + 1,
            column=len(text) - (text.rfind("\n") + 1) + 1,
        ) from None
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, document, format_name, source) from None
    try:
        expand_references(root, document.text, max_bytes=limits.max_article_bytes, parser=_parser)
    except EntityError as problem:
        raise ParseError(
            problem.message,
            format=format_name,
            source=source,
            line=offset + problem.line,
            column=problem.column,
        ) from None
    depth = limits.max_depth
    if depth is not None and depth < _LIBXML2_MAX_DEPTH:
        found = root.xpath("/*" * (depth + 1))
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            raise ParseError(
                f"elements are nested more than {depth} deep (max_depth)",
                format=format_name,
                source=source,
                line=offset + line_of(found[0]),
                column=1,
            )
    return root


def _syntax_error(
    error: etree.XMLSyntaxError, document: Document, format_name: str, source: str
) -> ParseError:
    """Return the :class:`ParseError` for libxml2's ``error`` in ``document``."""
    offset = document.first_line - 1
    amplified = (
        amplification_error(document.text, _pull_parser)
        if "amplification" in (error.msg or "")
        else None
    )
    if amplified is not None:
        return ParseError(
            amplified.message,
            format=format_name,
            source=source,
            line=offset + amplified.line,
            column=amplified.column,
        )
    line, column = error.position
    message = _HUGE_HINT.sub("", error.msg or "not well-formed").strip().rstrip(".")
    return ParseError(
        f"not well-formed XML: {message}",
        format=format_name,
        source=source,
        line=offset + max(line or 1, 1),
        column=max(column or 1, 1),
    )


class Peek(NamedTuple):
    """What the start of an XML text shows: the root and its first child."""

    root: etree.QName
    """The root element's name."""
    child: etree.QName | None
    """The name of the root's first child element, if the sample reaches it."""
    text_first: bool
    """Whether the root holds text (other than whitespace) before that child."""


def peek(sample: str) -> Peek | None:
    """Return the root and first child of the XML text ``sample`` starts, or ``None``.

    ``None`` means the sample is no XML (the parser finds an error before the
    sample ends) or shows no root element.  The sample may end anywhere, and
    only its first document is looked at (:func:`split_documents`: the next
    one starts on a line starting with ``<?xml``).
    """
    following = _NEXT_DECLARATION.search(sample)
    if following is not None:
        sample = sample[: following.start() + 1]
    parser = _pull_parser()
    starts: list[etree._Element] = []
    try:
        parser.feed(sample.encode("utf-8", "surrogatepass"))
        for _, element in parser.read_events():
            if isinstance(element, etree._Element):
                starts.append(element)
            if len(starts) == 2:
                break
    except etree.XMLSyntaxError:
        return None
    finally:
        with contextlib.suppress(etree.XMLSyntaxError):
            parser.close()
    if not starts:
        return None
    root = starts[0]
    child = etree.QName(starts[1]) if len(starts) > 1 else None
    return Peek(etree.QName(root), child, bool(child and (root.text or "").strip()))
