"""Finding entity references in the text of an XML document, and their places.

lxml keeps no reliable line for an entity-reference node and no column at
all, and libxml2 does not say which reference passed its limit on entity
amplification.  These functions find both in the document's text, which is
well-formed up to the place they look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from lxml import etree

__all__ = ["PREDEFINED", "REFERENCE", "Found", "amplified_reference", "place_of_reference"]

PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
"""The entities XML predefines, which libxml2 always expands itself."""

REFERENCE = re.compile(r"&([^#;&\s<][^;&\s<]*);")
"""A general entity reference (group 1 is its name); ``&#...;`` is a character."""

# The parts of a well-formed document, in order: comments, CDATA sections,
# processing instructions, the DOCTYPE with its internal subset, tags, and
# (group 1) the name of an entity reference in element content.
_PARTS = re.compile(
    r"""
      <!--.*?-->
    | <!\[CDATA\[.*?\]\]>
    | <\?.*?\?>
    | <!DOCTYPE(?:[^\[>"']|"[^"]*"|'[^']*')*
      (?:\[(?:<!--.*?-->|<\?.*?\?>|"[^"]*"|'[^']*'|[^\]"'<]|<(?!!--|\?))*\])?\s*>
    | <(?:[^>"']|"[^"]*"|'[^']*')*>
    | &([^\#;&\s<][^;&\s<]*);
    """,
    re.DOTALL | re.VERBOSE,
)


class Found(NamedTuple):
    """References found at one place of a document."""

    names: tuple[str, ...]
    """The entities' names, in order."""
    line: int
    """The line of the first one (counted from 1)."""
    column: int
    """Its column (counted from 1)."""


def place_of_reference(text: str, index: int, name: str) -> tuple[int, int]:
    """Return the line and column of the ``index``-th (from 0) reference in element content.

    References to predefined entities are not counted.  ``(1, 1)`` if that
    reference is not one to ``name`` (the text is not what was parsed).
    """
    number = 0
    for part in _PARTS.finditer(text):
        found = part.group(1)
        if found is None or found in PREDEFINED:
            continue
        if number == index:
            return _position(text, part.start()) if found == name else (1, 1)
        number += 1
    return 1, 1


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def amplified_reference(text: str, parser: Callable[[], etree.XMLPullParser]) -> Found | None:
    """Return the references at which libxml2's amplification limit stops reading ``text``.

    The text is read again, fed to ``parser`` up to the end of each tag and
    of each reference in element content: the feed that fails ends with the
    reference, or with the tag whose attribute values hold them.  ``None`` if
    no feed fails that way.
    """
    reader = parser()
    start = 0
    for part in _PARTS.finditer(text):
        if part.group(1) in PREDEFINED:
            continue
        try:
            reader.feed(text[start : part.end()].encode("utf-8", "surrogatepass"))
            for _ in reader.read_events():
                pass
        except etree.XMLSyntaxError as error:
            if "amplification" not in (error.msg or ""):
                return None
            return _references_in(text, part)
        start = part.end()
    return None


def _references_in(text: str, part: re.Match[str]) -> Found | None:
    """Return the references ``part`` (a reference, or a tag) holds."""
    if part.group(1) is not None:
        found = [(part.group(1), part.start())]
    else:
        found = [
            (inner.group(1), part.start() + inner.start())
            for inner in REFERENCE.finditer(part.group())
            if inner.group(1) not in PREDEFINED
        ]
    if not found:
        return None
    return Found(tuple(name for name, _ in found), *_position(text, found[0][1]))
