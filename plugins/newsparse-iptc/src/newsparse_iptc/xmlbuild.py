"""Building XML documents of one namespace, for the writers of the XML formats."""

from __future__ import annotations

from lxml import etree

__all__ = ["Builder"]


class Builder:
    """Makes the elements of one namespace (NITF's, NewsML-G2's)."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        """The namespace of every element made."""

    def tag(self, name: str) -> str:
        """Return the qualified tag of the element ``name``."""
        return f"{{{self.namespace}}}{name}"

    def add(
        self, parent: etree._Element, name: str, text: str | None = None, /, **attributes: str
    ) -> etree._Element:
        """Append the element ``name`` to ``parent``, with ``text`` and ``attributes``."""
        element = etree.SubElement(parent, self.tag(name), attrib=attributes)
        element.text = text
        return element
