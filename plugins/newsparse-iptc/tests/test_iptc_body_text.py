"""No body text of a real NITF or NewsML-G2 file is lost silently.

Every NITF and NewsML-G2 document of the IPTC corpus (``shared/corpora/iptc``)
and of the agency wire corpus (``shared/corpora/wire``), found by its root
element rather than by a list, is parsed with ``on_error`` collecting the
diagnostics.  Then each text node that is not blank inside a body's content
(NITF's ``body.content``, inline in NewsML-G2 too, and whatever else a
NewsML-G2 ``inlineXML`` holds: XHTML's ``body``, or other XML) must be

- in the text of the articles (whitespace normalised), or where the model
  keeps it: an image's caption, credit or alternative text (NITF ``media``),
  the ``newsml-g2.routing`` meta value (routing codes left as loose text),
  the ``newsml-g2.by`` one (a first paragraph repeating the by line) or
  ``nitf.note`` (a note in ``body.head``, whose content is a ``body.content``);
- or, inside an XHTML page ``header`` (left out when it only repeats the
  article), a topic, a line of a meta value, or a date shown as text
  whose instant is the article's (the dates of ``SHOWN_DATES``, read by hand);
- or inside an element that a diagnostic reports: one that names the element
  (``the <note> element is not read``) on the element's line, or one that
  refuses the whole item (which then gives no article).

The files stay outside the repository: the tests skip, saying where they
looked, when neither corpus is here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import newsparse
import pytest
from lxml import etree

from iptc_corpus import _CANDIDATES, CORPUS, WIRE, WIRE_CANDIDATES

G2 = "http://iptc.org/std/nar/2006-10-01/"
NITF_NAMESPACES = {None, "http://iptc.org/std/NITF/2006-10-18/"}
ELEMENT_REPORT = re.compile(r"the <([\w.:-]+)> element is not read")
KEPT_IN_META = ("newsml-g2.routing", "newsml-g2.by", "nitf.note")
# Dates the wire files show as text in a page header, and the instant each is,
# checked by hand (dpa.xml's publicationDate repeats its versionCreated).
SHOWN_DATES = {"11.10.2022 11:14": datetime(2022, 10, 11, 9, 14, 42, tzinfo=timezone.utc)}


def local(node: etree._Element) -> str | None:
    tag: object = node.tag
    return etree.QName(tag).localname if isinstance(tag, str) else None


def line(node: etree._Element) -> int:
    value: object = node.sourceline
    return value if isinstance(value, int) else 0


def read_tree(path: Path) -> etree._Element | None:
    """Parse ``path`` as newsparse decodes it (UTF-8 when the bytes are), without entities."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
        encoding: str | None = "utf-8"
    except UnicodeDecodeError:
        encoding = None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, encoding=encoding
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def format_of(root: etree._Element) -> str | None:
    name = etree.QName(root)
    if name.localname == "nitf" and name.namespace in NITF_NAMESPACES:
        return "nitf"
    return "newsml-g2" if name.namespace == G2 else None


def corpus_files() -> list[Path]:
    folders = [folder for folder in (CORPUS, WIRE) if folder is not None]
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix not in {".xsd", ".md", ".json"}:
                root = read_tree(path)
                if root is not None and format_of(root) is not None:
                    found.append(path)
    return found


FILES = corpus_files()
pytestmark = pytest.mark.skipif(
    not FILES,
    reason="neither the IPTC corpus nor the wire corpus is here (looked in: "
    + ", ".join(map(str, [*_CANDIDATES, *WIRE_CANDIDATES]))
    + "); set NEWSPARSE_IPTC_CORPUS or NEWSPARSE_WIRE_CORPUS",
)


def items_of(root: etree._Element) -> list[etree._Element]:
    """Return the items of a document: what gives one article, or one diagnostic instead.

    A ``packageItem`` is no such item: it holds no content, only references
    (to items read where they stand, or reported).
    """
    if format_of(root) == "nitf":
        return [root]
    found = [root] if (local(root) or "").endswith("Item") else []
    found.extend(item for part in root if local(part) == "itemSet" for item in part if local(item))
    return [item for item in found if local(item) != "packageItem"]


def bodies_of(item: etree._Element) -> Iterator[tuple[etree._Element, bool]]:
    """Yield the body contents of ``item``, each with whether it is XHTML (or other XML)."""
    for element in item.iter():
        if local(element) == "body.content":
            yield element, False
        elif local(element) == "inlineXML" and etree.QName(element).namespace == G2:
            inside = [child for child in element if local(child)]
            if inside and local(inside[0]) == "nitf":
                continue  # its body.content is found by the walk
            if len(inside) == 1 and local(inside[0]) == "html":
                yield from ((part, True) for part in inside[0] if local(part) == "body")
            else:
                yield element, True


def text_nodes(body: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Yield each text node inside ``body`` that is not blank, with the element holding it."""
    if body.text and body.text.strip():
        yield body, body.text
    for node in body.iterdescendants():
        parent = node.getparent()
        assert parent is not None
        if local(node) and node.text and node.text.strip():
            yield node, node.text
        if node.tail and node.tail.strip():
            yield parent, node.tail


def normalised(text: str) -> str:
    return " ".join(text.split())


def kept_text(articles: list[newsparse.Article]) -> str:
    """Return everything the articles keep of a body, normalised, as one string."""
    parts = []
    for article in articles:
        parts.append(article.text)
        for image in article.images:
            parts.extend(value for value in (image.caption, image.credit, image.alt) if value)
        parts.extend(article.meta[key] for key in KEPT_IN_META if key in article.meta)
    return normalised("\n".join(parts))


def header_text(articles: list[newsparse.Article]) -> set[str]:
    """Return the texts a page header may repeat: title, topics, meta lines, shown dates."""
    held: set[str] = set()
    for article in articles:
        held.add(normalised(article.title))
        held.update(normalised(topic) for topic in article.topics)
        for value in article.meta.values():
            held.update(normalised(part) for part in value.split("\n"))
        moments = {article.published, article.modified}
        held.update(shown for shown, moment in SHOWN_DATES.items() if moment in moments)
    return held


def last_line(element: etree._Element) -> int:
    return max(line(node) for node in element.iter())


@pytest.mark.parametrize(
    "path", FILES, ids=[f"{path.parent.name}/{path.name}" for path in FILES] or None
)
def test_no_body_text_is_lost_silently(path: Path) -> None:
    root = read_tree(path)
    assert root is not None
    fmt = format_of(root)
    assert fmt is not None
    errors: list[newsparse.ParseError] = []
    articles = newsparse.parse(path, fmt, on_error=errors.append)
    for error in errors:
        assert error.source == str(path)
        assert error.line >= 1
        assert error.column >= 1
    named = {
        (error.line, found.group(1))
        for error in errors
        if (found := ELEMENT_REPORT.match(error.message))
    }
    item_errors = [error for error in errors if not ELEMENT_REPORT.match(error.message)]
    items = items_of(root)
    refused = [
        item
        for item in items
        if any(line(item) <= error.line <= last_line(item) for error in item_errors)
    ]
    # A diagnostic within an item stands for the article it did not give.
    assert len(articles) + len(refused) == len(items), (
        f"{path}: {len(items)} items gave {len(articles)} articles and {len(refused)} refusals"
    )
    kept = kept_text(articles)
    lost = []
    for item in items:
        if item in refused:
            continue
        for body, xhtml in bodies_of(item):
            for owner, text in text_nodes(body):
                variants = {normalised(text)}
                if xhtml:
                    variants.add(normalised(html.unescape(text)))
                if any(variant in kept for variant in variants):
                    continue
                chain = [owner, *owner.iterancestors()]
                in_header = xhtml and any(local(node) == "header" for node in chain)
                if in_header and variants & header_text(articles):
                    continue
                if any((line(node), local(node)) in named for node in chain):
                    continue
                lost.append(f"{path}:{line(owner)}: <{local(owner)}> {normalised(text)!r}")
    assert not lost, "body text neither read nor reported:\n" + "\n".join(lost)


def test_the_corpora_hold_bodies_of_both_formats() -> None:
    """The test above checks real bodies, not only files without one."""
    formats = set()
    for path in FILES:
        root = read_tree(path)
        assert root is not None
        bodies = [body for item in items_of(root) for body, _ in bodies_of(item)]
        if any(next(text_nodes(body), None) is not None for body in bodies):
            formats.add(format_of(root))
    assert formats == {"nitf", "newsml-g2"}
