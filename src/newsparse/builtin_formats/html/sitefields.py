"""Applying a :class:`~newsparse.sites.SiteParser`'s selectors to a page."""

from __future__ import annotations

from lxml import etree

from newsparse.builtin_formats.html.dates import parse_date
from newsparse.builtin_formats.html.dom import collapse, remove_keeping_tail
from newsparse.sites import SiteFields, SiteParser

__all__ = ["apply_selectors", "remove_elements"]


def remove_elements(parser: SiteParser, root: etree._Element) -> None:
    """Delete what the parser's ``remove`` selectors find, keeping the text after each."""
    for expression in parser.remove:
        for found in _elements(root, expression):
            remove_keeping_tail(found)


def apply_selectors(parser: SiteParser, root: etree._Element) -> SiteFields:
    """Return the fields the parser's selectors find on ``root``."""
    title = _first_text(root, parser.title)
    summary = _first_text(root, parser.summary)
    authors = None
    if parser.authors is not None:
        names = [name for name in _texts(root, parser.authors) if name]
        authors = tuple(dict.fromkeys(names)) or None
    published = None
    if parser.published is not None:
        for text in _texts(root, parser.published, attribute="datetime"):
            parsed = parse_date(text)
            if parsed is not None:
                published = parsed.value
                break
    body = tuple(_elements(root, parser.body)) if parser.body is not None else ()
    return SiteFields(
        title=title,
        authors=authors,
        published=published,
        summary=summary,
        body=body or None,
    )


def _elements(root: etree._Element, expression: str | None) -> list[etree._Element]:
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


def _first_text(root: etree._Element, expression: str | None) -> str | None:
    if expression is None:
        return None
    return next((text for text in _texts(root, expression) if text), None)
