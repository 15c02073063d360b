"""Reading a :class:`~newsparse.plugin.SiteParser`'s selectors on a page: the lxml side.

:meth:`newsparse.plugin.SiteParser.extract` says which selector fills which
field; the functions here evaluate one selector each.  This module does not
import the site parser module, which imports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from lxml import etree

from newsparse._formats.html.dates import parse_date
from newsparse._formats.html.dom import collapse, remove_keeping_tail

__all__ = ["elements", "first_date", "first_text", "remove_elements", "unique_texts"]


def remove_elements(root: etree._Element, expressions: Iterable[str]) -> None:
    """Delete what the XPath ``expressions`` find in ``root``, keeping the text after each."""
    for expression in expressions:
        for found in elements(root, expression):
            remove_keeping_tail(found)


def unique_texts(root: etree._Element, expression: str | None) -> tuple[str, ...] | None:
    """Return the distinct non-empty texts ``expression`` finds, in order (``None`` if none)."""
    if expression is None:
        return None
    names = [name for name in _texts(root, expression) if name]
    return tuple(dict.fromkeys(names)) or None


def first_date(root: etree._Element, expression: str | None) -> datetime | None:
    """Return the first date ``expression`` finds (a ``datetime`` attribute or a text)."""
    if expression is None:
        return None
    for text in _texts(root, expression, attribute="datetime"):
        parsed = parse_date(text)
        if parsed is not None:
            return parsed.value
    return None


def elements(root: etree._Element, expression: str | None) -> list[etree._Element]:
    """Return the elements ``expression`` selects (none when it is ``None``)."""
    if expression is None:
        return []
    found = root.xpath(expression)
    if not isinstance(found, list):
        return []
    return [item for item in found if isinstance(item, etree._Element)]


def _texts(root: etree._Element, expression: str, *, attribute: str | None = None) -> list[str]:
    """Return the collapsed text of each element or string the expression finds."""
    found = root.xpath(expression)
    items = found if isinstance(found, list) else [found]
    texts: list[str] = []
    for item in items:
        if isinstance(item, etree._Element):
            value = str(item.get(attribute) or "") if attribute else None
            texts.append(collapse(value if value else _text_content(item)))
        elif isinstance(item, str):
            texts.append(collapse(item))
    return texts


def _text_content(element: etree._Element) -> str:
    """Return the text inside ``element`` (any element, not only HTML ones)."""
    return str(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def first_text(root: etree._Element, expression: str | None) -> str | None:
    """Return the first non-empty collapsed text ``expression`` finds, or ``None``."""
    if expression is None:
        return None
    return next((text for text in _texts(root, expression) if text), None)
