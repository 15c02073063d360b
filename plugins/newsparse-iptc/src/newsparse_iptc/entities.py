"""Expanding the entity references of a parsed XML document, within bounds.

:func:`newsparse_iptc.xmlsafe.parse_xml` parses with entity resolution off,
so libxml2 reads no file and expands nothing in element content: each
reference there stays an entity-reference node.  libxml2 has still checked
the internal entities referred to (well-formed, no loop, nested at most 40
deep, their text at most a few times larger than the document: its
"amplification" limit), and has expanded those in attribute values itself.
:func:`expand_references` then replaces every entity-reference node, so
that no text is lost:

* an internal entity, declared in the document's internal subset
  (``<!ENTITY co "Acme Corp">``), gives its replacement text, read as XML
  content (text, character references, elements), with the references it
  holds expanded the same way;
* a reference to a name the document does not declare (possible when the
  ``DOCTYPE`` names an external DTD, which is never loaded) gives the
  character of the HTML entity of that name (``&nbsp;`` is U+00A0);
* everything else is an :class:`EntityError` naming the entity and the
  place of the reference: an external entity (``SYSTEM`` or ``PUBLIC``;
  never read), an undeclared name that is no HTML entity, a name declared
  both as a general and as a parameter entity, and an expansion beyond the
  bounds.

The bounds: at most :data:`MAX_ENTITY_REFERENCES` references are expanded
in one document, nested ones included, and the document with its
references expanded stays within ``max_article_bytes`` (UTF-8 bytes).  Both
are checked with sizes computed from the declarations before any text is
built, so an entity bomb costs no memory.  When libxml2's own amplification
limit stops the parse first, :func:`amplification_error` names the
reference that passed it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.entities import html5
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from newsparse_iptc.references import (
    PREDEFINED,
    REFERENCE,
    amplified_reference,
    place_of_reference,
)

__all__ = ["MAX_ENTITY_REFERENCES", "EntityError", "amplification_error", "expand_references"]

MAX_ENTITY_REFERENCES = 100_000
"""How many entity references one document may expand, nested ones included."""

# libxml2 refuses chains deeper than 40; this keeps the recursion below
# bounded whatever libxml2 does.
_MAX_NESTING = 64
_WRAPPER = "newsparse-entity"


class EntityError(Exception):
    """An entity reference that cannot be expanded, at its place in the document."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        """What is wrong, naming the entity."""
        self.line = line
        """The document line of the reference (counted from 1)."""
        self.column = column
        """The column of the reference on that line (counted from 1)."""


class _RefusedError(Exception):
    """Why a name cannot be expanded (before the reference's place is known)."""


@dataclass(frozen=True)
class _Size:
    """What expanding one reference to an entity takes."""

    length: int
    """UTF-8 bytes of the text it expands to."""
    references: int
    """References expanded: this one and every nested one."""


@dataclass(frozen=True)
class _Declared:
    """An entity declaration of the internal subset."""

    content: str | None
    """The replacement text of an internal entity (``None`` for an external one)."""
    system_url: str | None
    """The address of an external entity (``None`` for an internal one)."""


def _declared_entities(root: etree._Element) -> Iterator[tuple[str, _Declared]]:
    """Yield the entities the internal subset of ``root``'s document declares, in order."""
    dtd: object = root.getroottree().docinfo.internalDTD
    declarations = getattr(dtd, "iterentities", None)  # lxml-stubs lack it
    for declaration in declarations() if callable(declarations) else ():
        content: object = declaration.content
        system_url: object = declaration.system_url
        yield (
            str(declaration.name),
            _Declared(
                content if isinstance(content, str) else None,
                system_url if isinstance(system_url, str) else None,
            ),
        )


class _Declarations:
    """The general entities of a document's internal subset, and their expansions."""

    def __init__(self, root: etree._Element) -> None:
        found: dict[str, _Declared] = {}
        self._ambiguous: set[str] = set()
        for name, declared in _declared_entities(root):
            if name in found:
                # libxml2 keeps only the first of two declarations of one
                # general entity, so a second one here is a parameter entity,
                # and lxml does not say which of the two is which.
                self._ambiguous.add(name)
            found[name] = declared
        self._found = found
        self._sizes: dict[str, _Size] = {}
        self._markup: dict[str, str] = {}

    def size(self, name: str, depth: int = 0) -> _Size:
        """Return what a reference to ``name`` expands to (its size, not its text).

        Raises:
            _RefusedError: the name, or one its text refers to, cannot be expanded.
        """
        known = self._sizes.get(name)
        if known is not None:
            return known
        content = self._content(name, depth)
        if content is None:
            size = _Size(len(html5[name + ";"].encode("utf-8")), 1)
        else:
            length, references = 0, 1
            for piece, nested in _pieces(content):
                length += len(piece.encode("utf-8", "surrogatepass"))
                if nested is None:
                    continue
                try:
                    inner = self.size(nested, depth + 1)
                except _RefusedError as refused:
                    raise _RefusedError(f"{refused} (in the entity '{name}')") from None
                length += inner.length
                references += inner.references
            size = _Size(length, references)
        self._sizes[name] = size
        return size

    def markup(self, name: str, depth: int = 0) -> str:
        """Return the XML content ``name`` stands for, with no general reference left.

        Call it only for a name :meth:`size` accepted.
        """
        known = self._markup.get(name)
        if known is not None:
            return known
        content = self._content(name, depth)
        if content is None:
            text = escape(html5[name + ";"])
        else:
            parts: list[str] = []
            for piece, nested in _pieces(content):
                parts.append(piece)
                if nested is not None:
                    parts.append(self.markup(nested, depth + 1))
            text = "".join(parts)
        self._markup[name] = text
        return text

    def _content(self, name: str, depth: int) -> str | None:
        """Return the replacement text of ``name``, or ``None`` for an undeclared HTML name."""
        if depth > _MAX_NESTING:
            raise _RefusedError(f"entities are nested more than {_MAX_NESTING} deep")
        if name in self._ambiguous:
            raise _RefusedError(
                f"the name '{name}' is declared both as a general and as a parameter entity"
            )
        declaration = self._found.get(name)
        if declaration is None:
            if name + ";" in html5:
                return None
            raise _RefusedError(
                f"the entity '{name}' is not declared in the document (a DTD outside it "
                "is never read) and is no HTML entity"
            )
        if declaration.system_url is not None or declaration.content is None:
            where = f" ({declaration.system_url})" if declaration.system_url else ""
            raise _RefusedError(
                f"the entity '{name}' is external{where}: external entities are never read"
            )
        return declaration.content


def _pieces(content: str) -> list[tuple[str, str | None]]:
    """Split replacement text into (text, the general reference after it or None) pairs.

    References to the predefined entities (``&amp;`` ...) stay in the text.
    """
    pieces: list[tuple[str, str | None]] = []
    start = 0
    for found in REFERENCE.finditer(content):
        if found.group(1) in PREDEFINED:
            continue
        pieces.append((content[start : found.start()], found.group(1)))
        start = found.end()
    pieces.append((content[start:], None))
    return pieces


def expand_references(
    root: etree._Element,
    text: str,
    *,
    max_bytes: int | None,
    parser: Callable[[], etree.XMLParser],
) -> None:
    """Replace every entity-reference node under ``root`` by what it stands for.

    ``text`` is the document ``root`` was parsed from (for the places of
    problems, and its size); ``max_bytes`` bounds the document's size with
    its references expanded (``None``: no bound); ``parser`` makes the parser
    that reads replacement text holding markup.

    Raises:
        EntityError: a reference cannot be expanded, or expanding it passes
            a bound; it names the entity and the reference's place.
    """
    nodes = [node for node in root.iter(etree.Entity) if isinstance(node, etree._Entity)]
    if not nodes:
        return
    declarations = _Declarations(root)
    total = len(text.encode("utf-8", "surrogatepass"))
    references = 0
    for index, node in enumerate(nodes):
        name = node.name or ""
        try:
            size = declarations.size(name)
        except _RefusedError as refused:
            raise _problem(str(refused), text, index, name) from None
        references += size.references
        total += size.length
        if references > MAX_ENTITY_REFERENCES:
            raise _problem(
                f"expanding the entity '{name}' passes the limit of {MAX_ENTITY_REFERENCES} "
                "entity references in one document",
                text,
                index,
                name,
            )
        if max_bytes is not None and total > max_bytes:
            raise _problem(
                f"expanding the entity '{name}' makes the document larger than the limit "
                f"of {max_bytes} bytes (max_article_bytes)",
                text,
                index,
                name,
            )
        try:
            _replace(node, declarations.markup(name), parser)
        except etree.XMLSyntaxError as error:
            reason = (error.msg or "not well-formed").strip().rstrip(".")
            raise _problem(
                f"the entity '{name}' does not expand to well-formed XML content: {reason}",
                text,
                index,
                name,
            ) from None


def _problem(message: str, text: str, index: int, name: str) -> EntityError:
    """Return the problem ``message`` at the ``index``-th (from 0) reference in content."""
    return EntityError(message, *place_of_reference(text, index, name))


def _replace(node: etree._Entity, markup: str, parser: Callable[[], etree.XMLParser]) -> None:
    """Put the content ``markup`` stands for in ``node``'s place."""
    parent = node.getparent()
    if parent is None:  # pragma: no cover - a reference is always inside an element
        return
    if "<" in markup or "&" in markup:
        text, children = _read_content(markup, parent, parser)
    else:
        text, children = markup, []
    tail = node.tail or ""
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    else:
        text += tail
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    index = parent.index(node)
    parent.remove(node)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


def _read_content(
    markup: str, parent: etree._Element, parser: Callable[[], etree.XMLParser]
) -> tuple[str, list[etree._Element]]:
    """Parse XML content in the namespaces in scope at ``parent``; return its text and elements."""
    namespaces = "".join(
        f" xmlns={quoteattr(uri)}" if prefix is None else f" xmlns:{prefix}={quoteattr(uri)}"
        for prefix, uri in parent.nsmap.items()
    )
    wrapper = etree.fromstring(
        f"<{_WRAPPER}{namespaces}>{markup}</{_WRAPPER}>".encode("utf-8", "surrogatepass"),
        parser=parser(),
    )
    return wrapper.text or "", list(wrapper)


def amplification_error(text: str, parser: Callable[[], etree.XMLPullParser]) -> EntityError | None:
    """Return the error naming the reference at which libxml2's amplification limit stopped.

    Call it when parsing ``text`` failed at that limit; ``parser`` makes the
    pull parser that reads the text again (see
    :func:`newsparse_iptc.references.amplified_reference`).  ``None`` if the
    reference is not found.
    """
    found = amplified_reference(text, parser)
    if found is None:
        return None
    listed = ", ".join(f"'{name}'" for name in found.names)
    noun = "entity" if len(found.names) == 1 else "entities"
    return EntityError(
        f"expanding the {noun} {listed} passes libxml2's limit on entity amplification "
        "(references may expand to a few times the size of the document)",
        found.line,
        found.column,
    )
