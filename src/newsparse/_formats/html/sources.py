"""What a page offers to read its metadata from, gathered in one walk of the page.

:class:`PageSources` finds the elements the metadata rules look at, the
meta tags by name, the JSON-LD objects about the article and the microdata
properties, and the element that holds the article.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from lxml import etree

from newsparse._formats.html.cleaning import MAX_ITEMS
from newsparse._formats.html.dom import compiled_xpath, text_of
from newsparse._formats.html.jsonld import article_objects, json_ld_objects

__all__ = ["PageSources"]

# The tags ``PageSources`` finds in one walk of the page: the article's possible
# scopes, and the elements metadata comes from.
_INDEXED = ("article", "main", "meta", "script", "h1", "title", "link", "time")


def _meta_keys(attributes: dict[str, str]) -> list[str]:
    """Return the lower-cased keys a ``<meta>`` element with ``attributes`` is known by."""
    keys: list[str] = []
    for attribute in ("property", "name", "http-equiv"):
        value = attributes.get(attribute)
        if value:
            keys.extend(value.lower().split()[:5])
    return keys


class PageSources:
    """The sources of one page, each read once: elements, meta tags, JSON-LD, microdata.

    The rules that pick each field from them are in
    ``metadata`` and the modules it names.
    """

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        # The elements the rules look for in the whole page, found in one
        # walk (each walk of a large page costs about as much as another).
        self.elements: dict[str, list[etree._Element]] = {tag: [] for tag in _INDEXED}
        for element in root.iter(*_INDEXED):
            self.elements[element.tag].append(element)
        self.meta: dict[str, list[str]] = {}
        for element in self.elements["meta"]:
            # All the attributes at once: cheaper than asking for four.
            attributes = cast("dict[str, str]", dict(element.items()))
            content = attributes.get("content")
            if content is None:
                continue
            for key in _meta_keys(attributes):
                values = self.meta.setdefault(key, [])
                if len(values) < MAX_ITEMS:
                    values.append(content)
        self.all_ld = json_ld_objects(self.elements["script"])
        """Every JSON-LD object on the page, flattened, in page order."""
        self.ld = article_objects(self.all_ld)
        """The JSON-LD objects about the article, best first."""
        self._article: etree._Element | bool | None = False
        self._itemprops: dict[str, list[etree._Element]] | None = None
        self._main_roles: list[etree._Element] | None = None
        self.first_h1: str | bool | None = False
        """The text of the article's first ``<h1>``, once ``titles`` read it (else False)."""

    def ld_values(self, key: str) -> Iterator[object]:
        """Yield the values of ``key`` in the article objects, best object first."""
        for obj in self.ld:
            value = obj.get(key)
            if value is not None and value not in ("", []):
                yield value

    def metas(self, *keys: str) -> Iterator[str]:
        """Yield the contents of the meta tags named by ``keys``, in that order."""
        meta = self.meta  # most keys are absent: a list made at once is cheaper
        return iter([value for key in keys if key in meta for value in meta[key]])

    def article(self) -> etree._Element | None:
        """Return the element that holds the article (``<article>``, ``<main>``), if any."""
        if self._article is False:
            found = (
                self.elements["article"]
                or self.elements["main"]
                or self.main_roles()
                or self.itemprop_elements("articleBody")
            )
            self._article = found[0] if found else None
        return self._article if isinstance(self._article, etree._Element) else None

    def main_roles(self) -> list[etree._Element]:
        """Return the elements with ``role="main"``, in document order (found once)."""
        if self._main_roles is None:
            self._main_roles = self.owners("descendant::*/@role", value="main")
        return self._main_roles

    def attributes(
        self, path: str, scope: etree._Element | None = None
    ) -> list[etree._ElementUnicodeResult]:
        """Return the attribute values ``path`` selects (from ``scope``, or the root).

        Each knows its element (``getparent()``).  Selecting attributes is
        several times faster in libxml2 than selecting elements by a test
        on their attributes (``//*[@a]``).
        """
        try:
            found = compiled_xpath(path)(scope if scope is not None else self.root)
        except (etree.XPathError, ValueError):
            return []
        if not isinstance(found, list):
            return []
        return [item for item in found if isinstance(item, etree._ElementUnicodeResult)]

    def owners(
        self, path: str, scope: etree._Element | None = None, value: str | None = None
    ) -> list[etree._Element]:
        """Return the elements of the attributes ``path`` selects (with ``value``, if given)."""
        found = []
        for attribute in self.attributes(path, scope):
            if value is None or attribute == value:
                element = attribute.getparent()
                if element is not None:
                    found.append(element)
        return found

    def itemprop_elements(
        self, name: str, scope: etree._Element | None = None
    ) -> list[etree._Element]:
        """Return the elements whose ``itemprop`` is ``name``, in document order.

        Those of the whole page are found in one pass, the first time any is
        asked for.
        """
        if scope is not None:
            return self.owners(".//*/@itemprop", scope, name)
        if self._itemprops is None:
            self._itemprops = {}
            for value in self.attributes("descendant::*/@itemprop"):
                element = value.getparent()
                if element is not None:
                    self._itemprops.setdefault(value, []).append(element)
        return self._itemprops.get(name, [])

    def itemprop(self, name: str, *, scope: etree._Element | None = None) -> Iterator[str]:
        """Yield the values of microdata properties called ``name``."""
        for element in self.itemprop_elements(name, scope):
            for attribute in ("content", "datetime"):
                value = element.get(attribute)
                if value:
                    yield value
                    break
            else:
                if element.tag != "meta":
                    yield text_of(element)
