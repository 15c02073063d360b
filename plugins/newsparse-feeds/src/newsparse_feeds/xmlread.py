"""Reading a feed's XML safely, with the repairs feed readers make.

The parser loads no DTD, resolves no entity declared anywhere, never reads a
file or the network, and keeps libxml2's limits on depth and text size
(``huge_tree`` off).  A document that declares entities of its own
(``<!ENTITY`` in its DOCTYPE) is refused: those declarations are how entity
expansion attacks work, and no real feed needs them.

Real feeds are often not well-formed XML, and browsers and feed readers read
them anyway.  Before parsing, :func:`repair` makes two repairs, outside CDATA
sections and comments, and reports each kind as a :class:`Repair`:

- an HTML entity that XML does not declare (``&nbsp;``, ``&eacute;``,
  ``&mdash;`` ...) becomes a reference to its character (``&#160;``);
- an ``&`` that starts no reference (``AT&T``, ``?a=1&b=2``) becomes ``&amp;``.

A DOCTYPE is blanked out before parsing (no DTD is ever read).  Every other
problem is a :class:`~newsparse.ParseError` with its line and
column in the input.
"""

from __future__ import annotations

import codecs
import html.entities
import re
from typing import NamedTuple

from lxml import etree
from newsparse import ParseError

__all__ = ["Repair", "declared_encoding", "line_of", "parse_feed_xml", "repair"]

_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
# CDATA sections and comments are skipped whole; in the rest, an "&" and what
# follows it: a name and ";" (group 1), a character reference, or nothing.
_AMPERSAND = re.compile(
    r"<!\[CDATA\[.*?\]\]>|<!--.*?-->|&(?:([A-Za-z][A-Za-z0-9]{0,31});|#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};)?",
    re.DOTALL,
)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY\s", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.DOTALL)
_FIRST_ELEMENT = re.compile(r"<[A-Za-z_]")
_DECLARATION = re.compile(rb"""\A\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_ASCII_PROBE = b'<?xml version="1.0" encoding="x"?><a b=\'c\'>&#10;</a>'
_SINGLE_BYTE = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii"})
_LIBXML2_HINT = re.compile(r",?\s*(?:(?:use|try) XML_PARSE_HUGE(?: option)?|see \w+)", re.I)


class Repair(NamedTuple):
    """One kind of repair made to a document before parsing it."""

    message: str
    """What was repaired, how often, and how."""
    line: int
    """The line of the first place repaired (from 1)."""
    column: int
    """Its column (from 1)."""


def declared_encoding(head: bytes) -> str | None:
    """Return the codec to decode a feed's bytes with, from its XML declaration and bytes.

    The declaration names it, unless it names a single-byte Western encoding
    (ISO-8859-1, windows-1252) while the bytes are UTF-8 with non-ASCII
    characters: a common mistake of feed generators, and the bytes are then
    read as UTF-8.  Without a usable declaration, UTF-8 is assumed, unless the
    bytes are not UTF-8: windows-1252 is then the encoding (as browsers do).

    >>> declared_encoding(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss/>')
    'iso8859-1'
    >>> declared_encoding('<?xml version="1.0" encoding="ISO-8859-1"?><rss>é'.encode())
    'utf-8'
    >>> declared_encoding(b"<rss>\\xe9t\\xe9</rss>")
    'cp1252'
    """
    found = _DECLARATION.match(head)
    codec = _usable_codec(found.group(1).decode("ascii")) if found else None
    if codec is not None and codec not in _SINGLE_BYTE:
        return codec
    if head.isascii():
        return codec
    utf8 = _is_utf8(head)
    if utf8:
        return "utf-8"
    return codec or "cp1252"


def _usable_codec(label: str) -> str | None:
    """Return the codec ``label`` names if it reads ASCII as ASCII (what a declaration needs)."""
    try:
        codec = codecs.lookup(label).name
        reads_ascii = _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii")
    except (LookupError, ValueError, TypeError):
        return None
    return codec if reads_ascii else None


def _is_utf8(head: bytes) -> bool:
    """Whether ``head`` is UTF-8 (it may end inside a character)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def repair(text: str) -> tuple[str, list[Repair]]:
    """Return ``text`` with undeclared HTML entities and bare ampersands repaired, and the repairs.

    >>> repair("<p>A&nbsp;B &amp; AT&T</p>")[0]
    '<p>A&#160;B &amp; AT&amp;T</p>'
    """
    parts: list[str] = []
    last = 0
    entities: list[tuple[int, str]] = []
    unknown: list[tuple[int, str]] = []
    bare: list[int] = []
    for found in _AMPERSAND.finditer(text):
        token = found.group(0)
        if token[0] != "&" or (len(token) > 1 and found.group(1) is None):
            continue  # CDATA, a comment, a character reference
        name = found.group(1)
        if name in _XML_ENTITIES:
            continue
        start = found.start()
        if name is None:
            bare.append(start)
            replacement = "&amp;"
        elif (character := html.entities.html5.get(name + ";")) is not None:
            entities.append((start, name))
            replacement = "".join(f"&#{ord(char)};" for char in character)
        else:
            unknown.append((start, name))
            replacement = "&amp;" + name + ";"
        parts.append(text[last:start])
        parts.append(replacement)
        last = found.end()
    if last == 0:
        return text, []
    parts.append(text[last:])
    repairs = []
    if entities:
        first, name = entities[0]
        repairs.append(
            Repair(
                f"recovered: {len(entities)} HTML entity reference(s) that XML does not declare"
                f" (the first &{name};) were read as their characters",
                *_position(text, first),
            )
        )
    if unknown:
        first, name = unknown[0]
        repairs.append(
            Repair(
                f"recovered: {len(unknown)} reference(s) to unknown entities (the first &{name};)"
                " were kept as text",
                *_position(text, first),
            )
        )
    if bare:
        repairs.append(
            Repair(
                f"recovered: {len(bare)} '&' that start(s) no reference were read as '&amp;'",
                *_position(text, bare[0]),
            )
        )
    return "".join(parts), sorted(repairs, key=lambda found: (found.line, found.column))


def line_of(element: etree._Element) -> int:
    """Return the line ``element`` starts on (1 when lxml does not know)."""
    line: object = element.sourceline
    return line if isinstance(line, int) and line > 0 else 1


def _without_doctype(text: str) -> str:
    """Return ``text`` with its DOCTYPE blanked out (its line ends kept).

    A feed's DOCTYPE names a DTD (RSS 0.91's, say) that is never loaded; with
    the entity declarations refused before, it holds nothing to read, and
    libxml2 would report the DTD it is not allowed to fetch.
    """
    root = _FIRST_ELEMENT.search(text)
    found = _DOCTYPE.search(text, 0, root.start() if root else len(text))
    if found is None:
        return text
    blank = re.sub(r"[^\n]", " ", found.group(0))
    return text[: found.start()] + blank + text[found.end() :]


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
        collect_ids=False,
    )


def parse_feed_xml(
    text: str, *, format_name: str, source: str, max_depth: int | None
) -> tuple[etree._Element, list[Repair]]:
    """Parse the feed ``text`` after :func:`repair`, and return its root and the repairs made.

    The repairs keep every line and column of the text where they are, but
    on the lines repaired (a reference is longer than its character).

    Raises:
        ParseError: the text declares entities, is not well-formed XML after
            the repairs, holds a lone surrogate, or nests elements deeper than
            ``max_depth``.
    """
    declaration = _ENTITY_DECLARATION.search(text)
    if declaration is not None:
        line, column = _position(text, declaration.start())
        raise ParseError(
            "the document declares entities (<!ENTITY>), which newsparse never expands",
            format=format_name,
            source=source,
            line=line,
            column=column,
        )
    repaired, repairs = repair(_without_doctype(text))
    try:
        data = repaired.encode("utf-8")
    except UnicodeEncodeError as error:
        line, column = _position(repaired, error.start)
        raise ParseError(
            "the text holds a lone surrogate (U+D800-U+DFFF), which is not a character",
            format=format_name,
            source=source,
            line=line,
            column=column,
        ) from None
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = _LIBXML2_HINT.sub("", error.msg or "not well-formed").strip().rstrip(".")
        raise ParseError(
            f"not well-formed XML: {message}",
            format=format_name,
            source=source,
            line=max(line or 1, 1),
            column=max(column or 1, 1),
        ) from None
    if max_depth is not None:
        found = root.xpath("/*" * (max_depth + 1))
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            raise ParseError(
                f"elements are nested more than {max_depth} deep (max_depth)",
                format=format_name,
                source=source,
                line=line_of(found[0]),
                column=1,
            )
    return root, repairs
