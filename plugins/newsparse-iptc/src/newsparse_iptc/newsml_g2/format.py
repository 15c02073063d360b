"""The ``newsml-g2`` format: NewsML-G2 text news items and news messages.

Input is one NewsML-G2 document, or several one after the other, each
starting with its XML declaration (as for ``nitf``).  A document is a
``newsItem`` (one article) or a ``newsMessage`` (one article per text news
item of its ``itemSet``).  Only text items are articles (their item class
compared by URI, so ``icls:text`` is one): any other item (a picture or
video ``newsItem``, a ``conceptItem``, ...) is reported as a
:class:`~newsparse.ParseError` naming its line, and the items after it are
still read, so nothing is left out silently.  A ``packageItem`` is reported
when it refers to items the document does not hold (one error listing
them); the items it refers to that the message holds are read where they
stand.  Body content the model has no place for (a page ``header``, an
embedded video, a note not for publication, ...) is reported after the
article, one :class:`~newsparse.ParseError` per element.  ``render``
writes one ``newsItem`` document per article, with the text as inline NITF
(so the blocks and marks are those NITF writes).

The field mapping is in ``docs/reference/formats/newsml-g2.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from lxml import etree
from newsparse import Article, Format, ParseError, ValidationError
from newsparse.plugin import Chunk, ParseItem, TextStream, limits_of

from newsparse_iptc.charsets import misread_utf8
from newsparse_iptc.cuts import byte_cuts, split_text
from newsparse_iptc.newsml_g2 import names
from newsparse_iptc.newsml_g2.content import elements
from newsparse_iptc.newsml_g2.qcodes import Aliases
from newsparse_iptc.newsml_g2.read import ItemError, read_item
from newsparse_iptc.newsml_g2.write import check, write
from newsparse_iptc.nitf import blocks as nitf_blocks
from newsparse_iptc.nitf.names import local_name
from newsparse_iptc.output import write_all
from newsparse_iptc.skipped import skipped_errors
from newsparse_iptc.xmlsafe import (
    Document,
    declared_encoding,
    line_of,
    parse_xml,
    peek,
    split_documents,
)

__all__ = ["NewsmlG2Format"]

_READ_ROOTS = frozenset({"newsItem", "newsMessage"})
_OTHER_ROOTS = frozenset(
    {"packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem", "catalog"}
)
# Parts of an item that the IPTC's guidelines show on their own, without the
# item and without the namespace: diagnosed as excerpts, not read as HTML.
_FRAGMENT_ROOTS = frozenset(
    {
        "itemSet",
        "itemMeta",
        "contentMeta",
        "contentSet",
        "inlineXML",
        "inlineData",
        "remoteContent",
        "groupSet",
        "partMeta",
        "assert",
        "eventDetails",
        "planning",
    }
)
_FRAGMENT_SCORE = 0.55
"""Above the ``html`` format's 0.5 for markup with HTML tags somewhere in it."""


class NewsmlG2Format(Format):
    """NewsML-G2 text news items (see :mod:`newsparse_iptc.newsml_g2.format`)."""

    name = names.FORMAT_NAME
    label = "NewsML-G2 (IPTC News Markup Language, text items)"
    extensions = (".newsml", ".g2.xml")
    media_types = (
        "application/vnd.iptc.g2.newsitem+xml",
        "application/vnd.iptc.g2.newsmessage+xml",
    )
    blocks = nitf_blocks.BLOCKS
    marks = nitf_blocks.MARKS

    def sniff(self, sample: str) -> float:
        """Score how surely ``sample`` starts a NewsML-G2 document.

        The root must be in the NewsML-G2 namespace, with no text before its
        first child, which must be in that namespace too: 0.95 for a
        ``newsItem`` or ``newsMessage``, 0.9 for the other item roots
        (``packageItem``, ``conceptItem``, ...: NewsML-G2 all the same, which
        ``parse`` reports as items it does not read, and a scheme
        ``catalog``), 0.6 when the sample ends before the first child; 0.55
        for a part of an item on its own with no namespace (a ``groupSet``,
        ``contentSet``, ``contentMeta`` ...: an excerpt, which ``parse``
        reports); 0.0 for anything else.
        """
        seen = peek(sample)
        if seen is not None and not seen.root.namespace:
            return _FRAGMENT_SCORE if seen.root.localname in _FRAGMENT_ROOTS else 0.0
        if seen is None or seen.root.namespace != names.NAMESPACE:
            return 0.0
        root = seen.root.localname
        if root not in _READ_ROOTS and root not in _OTHER_ROOTS:
            return 0.0
        if seen.child is None:
            return 0.6
        if seen.text_first or seen.child.namespace != names.NAMESPACE:
            return 0.0
        return 0.95 if root in _READ_ROOTS else 0.9

    def declared_encoding(self, head: bytes) -> str | None:
        """Return the encoding the XML declaration names, if there is one."""
        return declared_encoding(head)

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read each document of ``stream``: an article per text news item."""
        limits = limits_of(stream)
        for document in split_documents(
            stream, limits=limits, format_name=self.name, source=source
        ):
            offset = document.first_line - 1
            try:
                root = parse_xml(document, limits=limits, format_name=self.name, source=source)
            except ParseError as error:
                yield error
                continue
            name = (
                etree.QName(root).localname
                if etree.QName(root).namespace == names.NAMESPACE
                else None
            )
            if name == "newsMessage":
                items = list(self._message_items(root))
                header = next(
                    (part for part in root if local_name(part, names.NAMESPACE) == "header"), None
                )
                context = Aliases.of(header)
                held = {guid for item in items if (guid := (item.get("guid") or "").strip())}
                for item in items:
                    yield from self._read(item, document, source, context, held)
            elif name == "catalog":
                yield self._error(
                    "the document is a NewsML-G2 catalog (it defines schemes) and holds no news",
                    offset + line_of(root),
                    source,
                )
            elif (
                name == "packageItem"
                and next(root.iter(f"{{{names.NAMESPACE}}}itemRef"), None) is None
            ):
                yield self._error(
                    "the packageItem refers to no item: the document holds no news",
                    offset + line_of(root),
                    source,
                )
            elif name == "newsItem" or name in _OTHER_ROOTS:
                yield from self._read(root, document, source, Aliases(), set())
            elif not etree.QName(root).namespace and root.tag in _FRAGMENT_ROOTS:
                yield self._error(
                    f"the document is a NewsML-G2 fragment (<{root.tag}> on its own, without"
                    " its item and its namespace): an excerpt, with no news item to read",
                    offset + line_of(root),
                    source,
                )
            else:
                yield self._error(
                    f"the root element is {root.tag!r}, not NewsML-G2's newsItem or newsMessage "
                    f"(in the namespace {names.NAMESPACE})",
                    offset + line_of(root),
                    source,
                )
                continue
            misread = misread_utf8(document, format_name=self.name, source=source)
            if misread is not None:
                yield misread

    @staticmethod
    def _message_items(message: etree._Element) -> Iterator[etree._Element]:
        for part in message:
            if local_name(part, names.NAMESPACE) == "itemSet":
                yield from elements(part)

    def _read(
        self,
        item: etree._Element,
        document: Document,
        source: str,
        context: Aliases,
        held: set[str],
    ) -> Iterator[ParseItem]:
        offset = document.first_line - 1
        if local_name(item, names.NAMESPACE) == "packageItem":
            yield from self._package(item, offset, source, held)
        else:
            yield from self._item(item, offset, source, context, document)

    def _package(
        self, package: etree._Element, offset: int, source: str, held: set[str]
    ) -> Iterator[ParseError]:
        """Report the items a package refers to that are not in the document.

        The items it refers to that are in the document (in the same news
        message) are read where they stand; an ``itemRef`` with neither
        ``residref`` nor ``href`` refers to an item that cannot be found, and
        is reported too.
        """
        outside = [
            repr(reference) if reference else "an itemRef naming no item"
            for ref in package.iter(f"{{{names.NAMESPACE}}}itemRef")
            if (reference := (ref.get("residref") or ref.get("href") or "").strip()) not in held
        ]
        if outside:
            shown = ", ".join(outside[:10])
            more = f" and {len(outside) - 10} more" if len(outside) > 10 else ""
            yield self._error(
                f"the packageItem refers to items that are not in this document ({shown}{more}):"
                " the newsml-g2 format reads the items a document holds",
                offset + line_of(package),
                source,
            )

    def _error(self, message: str, line: int, source: str) -> ParseError:
        return ParseError(message, format=self.name, source=source, line=line, column=1)

    def _item(
        self,
        item: etree._Element,
        offset: int,
        source: str,
        context: Aliases,
        document: Document,
    ) -> Iterator[ParseItem]:
        unread: list[tuple[str, etree._Element]] = []
        try:
            article, skipped = read_item(item, context, unread)
        except ItemError as error:
            yield self._error(str(error), offset + line_of(error.element), source)
            return
        except (ValidationError, ValueError) as error:
            yield self._error(str(error), offset + line_of(item), source)
            return
        yield article
        yield from skipped_errors(skipped, document, format_name=self.name, source=source)
        for message, element in unread:
            yield self._error(message, offset + line_of(element), source)

    def split(self, stream: TextStream, size: int) -> Iterator[Chunk]:
        """Cut a dump of several documents before XML declarations (:mod:`newsparse_iptc.cuts`)."""
        return split_text(stream, size)

    def cut_points(self, window: bytes) -> Iterator[int]:
        """Yield the places in ``window`` where a document starts after another."""
        return byte_cuts(window)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write each article as a NewsML-G2 news item with inline NITF.

        Raises:
            RenderError: an article holds a value NewsML-G2 cannot hold
                exactly, or lacks a guid or a date (see the reference page).
        """
        write_all(articles, out, check, write)
