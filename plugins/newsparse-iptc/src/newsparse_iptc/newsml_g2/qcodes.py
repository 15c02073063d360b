"""Resolving NewsML-G2 QCodes (``alias:code``) to the URIs they stand for.

A QCode's alias is only a short name for a scheme's URI: ``ninat:text``
and ``icls:text`` are the same concept when both aliases name the scheme
``http://cv.iptc.org/newscodes/ninature/``.  The aliases a document uses are
declared by the catalogs it names (``catalogRef``, which are never fetched)
or holds (``catalog`` with ``scheme`` elements).  :class:`Aliases` reads the
inline ones, and falls back to the aliases the IPTC's own catalogs define
(and the ones agencies are known to use for the same schemes), so values are
compared by URI, never by the alias's spelling.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from newsparse_iptc.newsml_g2 import names

__all__ = ["NATURE", "WELL_KNOWN", "Aliases"]

NATURE = "http://cv.iptc.org/newscodes/ninature/"
"""The IPTC scheme of item natures (``itemClass``): text, picture, video, ..."""

WELL_KNOWN: Mapping[str, str] = {
    "ninat": NATURE,
    # Reuters and ANSA write the item class as icls:..., an alias older
    # catalogs (and theirs) give the same scheme.
    "icls": NATURE,
    "drol": "http://cv.iptc.org/newscodes/descriptionrole/",
    "descRole": "http://cv.iptc.org/newscodes/descriptionrole/",
    "stat": "http://cv.iptc.org/newscodes/pubstatusg2/",
    "irel": "http://cv.iptc.org/newscodes/itemrelation/",
}
"""Scheme URIs of the aliases that need no catalog: the IPTC's, and agencies' synonyms."""


class Aliases:
    """The alias-to-scheme table in force for an element: its catalogs', then the well-known."""

    def __init__(self, declared: Mapping[str, str] | None = None) -> None:
        self.declared = dict(declared or {})
        """Aliases declared by inline catalogs, by alias."""

    @classmethod
    def of(cls, *elements: etree._Element | None) -> Aliases:
        """Return the aliases declared by the inline ``catalog`` children of ``elements``.

        A later element's declarations win over an earlier one's (pass the
        message header first, then the item).
        """
        declared: dict[str, str] = {}
        for element in elements:
            if element is None:
                continue
            for catalog in element:
                if _name(catalog) != "catalog":
                    continue
                for scheme in catalog:
                    if _name(scheme) != "scheme":
                        continue
                    alias, uri = scheme.get("alias"), scheme.get("uri")
                    if alias and uri:
                        declared[alias.strip()] = uri.strip()
        return cls(declared)

    def resolve(self, qcode: str | None) -> str | None:
        """Return the URI ``qcode`` stands for, or ``None`` when its alias is unknown.

        >>> from newsparse_iptc.newsml_g2.qcodes import Aliases
        >>> Aliases().resolve("icls:text")
        'http://cv.iptc.org/newscodes/ninature/text'
        >>> Aliases({"x": "http://example.com/x/"}).resolve("x:1")
        'http://example.com/x/1'
        """
        if not qcode or ":" not in qcode:
            return None
        alias, _, code = qcode.strip().partition(":")
        scheme = self.declared.get(alias) or WELL_KNOWN.get(alias)
        return None if scheme is None else scheme + code

    def uri_of(self, element: etree._Element | None) -> str | None:
        """Return the URI an element's ``qcode`` resolves to, else its ``uri``, if any."""
        if element is None:
            return None
        return self.resolve(element.get("qcode")) or (element.get("uri") or "").strip() or None


def _name(element: object) -> str | None:
    if not isinstance(element, etree._Element) or not isinstance(element.tag, str):
        return None
    qname = etree.QName(element)
    return qname.localname if qname.namespace == names.NAMESPACE else None
