"""The ``newsml1`` format: NewsML 1.x documents (read only).

Input is one NewsML 1.x document, or several one after the other, each
starting with its XML declaration (as for ``nitf``).  Each ``NewsItem`` of a
document (and each news item inside a package) is read: an item with text is
an article; an item holding only pictures, graphics or video is an article
when it has a headline or a caption, else a :class:`~newsparse.ParseError`
naming its media type.  What an item holds but its article cannot (a
reference to an item or to a text outside the document) is reported as a
:class:`~newsparse.ParseError` after its article, so nothing is left out
silently; the items after it are still read.

The format does not write NewsML 1.x: the IPTC replaced it with NewsML-G2,
which the ``newsml-g2`` format writes.  The field mapping and the quirks read
are in ``docs/reference/formats/newsml1.md``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from newsparse import ParseError, ValidationError
from newsparse.plugin import Format, ParseItem, TextStream, limits_of

from newsparse_iptc.newsml1 import names
from newsparse_iptc.newsml1.content import TextReader
from newsparse_iptc.newsml1.item import read_news_item
from newsparse_iptc.newsml1.metadata import read_envelope
from newsparse_iptc.newsml1.tree import ItemError, children, first, name_of
from newsparse_iptc.xmlsafe import declared_encoding, line_of, parse_xml, peek, split_documents

__all__ = ["Newsml1Format"]

_FIRST_CHILDREN = frozenset({"Catalog", "TopicSet", "NewsEnvelope", "Comment"})
_ITEM_CHILDREN = frozenset({"Comment", "Catalog", "Identification"})


class Newsml1Format(Format):
    """NewsML 1.x news items (see :mod:`newsparse_iptc.newsml1.format`)."""

    name = names.FORMAT_NAME
    label = "NewsML 1.x (IPTC News Markup Language 1, read only)"
    # NewsML 1.x has no file extension or media type of its own: files are ".xml".

    def sniff(self, sample: str) -> float:
        """Score how surely ``sample`` starts a NewsML 1.x document.

        The root must be ``NewsML`` in no namespace (or in the NewsML 1.2
        Schema's), with no text before its first child, which must be one
        of NewsML 1.x's (``Catalog``, ``TopicSet``, ``NewsEnvelope``): 0.95;
        0.9 for a bare ``NewsItem`` root whose first child is its
        ``Identification``; 0.6 when the sample ends before the first child;
        0.0 for anything else (NewsML-G2's ``newsItem`` is in its own
        namespace, and lower case).
        """
        seen = peek(sample)
        if seen is None or seen.root.namespace not in names.NAMESPACES:
            return 0.0
        root = seen.root.localname
        if root not in {"NewsML", "NewsItem"}:
            return 0.0
        if seen.child is None:
            return 0.6 if root == "NewsML" else 0.0
        if seen.text_first or seen.child.namespace not in names.NAMESPACES:
            return 0.0
        if root == "NewsML":
            return 0.95 if seen.child.localname in _FIRST_CHILDREN else 0.0
        return 0.9 if seen.child.localname in _ITEM_CHILDREN else 0.0

    def declared_encoding(self, head: bytes) -> str | None:
        """Return the encoding the XML declaration names, if there is one."""
        return declared_encoding(head)

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read each document of ``stream``: an article per news item with text."""
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
            reader = TextReader(limits, self.name, source, offset)
            name = name_of(root)
            if name == "NewsML":
                envelope = read_envelope(first(root, "NewsEnvelope"))
                items = list(children(root, "NewsItem"))
                if not items:
                    yield self._error(
                        "the NewsML document holds no NewsItem", offset + line_of(root), source
                    )
                for item in items:
                    yield from self._item(item, envelope, reader)
            elif name == "NewsItem":
                yield from self._item(root, {}, reader)
            else:
                yield self._error(
                    f"the root element is {root.tag!r}, not NewsML 1.x's NewsML",
                    offset + line_of(root),
                    source,
                )

    def _error(self, message: str, line: int, source: str) -> ParseError:
        return ParseError(message, format=self.name, source=source, line=line, column=1)

    def _item(
        self, item: etree._Element, envelope: dict[str, str], reader: TextReader
    ) -> Iterator[ParseItem]:
        offset, source = reader.offset, reader.source
        try:
            result = read_news_item(item, envelope, reader)
        except ParseError as error:
            yield error
            return
        except ItemError as error:
            yield self._error(str(error), offset + line_of(error.element), source)
            return
        except (ValidationError, ValueError) as error:
            yield self._error(str(error), offset + line_of(item), source)
            return
        if result.article is not None:
            yield result.article
        for problem in result.problems:
            yield self._error(problem.message, offset + line_of(problem.element), source)
        for inner in result.items:
            yield from self._item(inner, envelope, reader)
