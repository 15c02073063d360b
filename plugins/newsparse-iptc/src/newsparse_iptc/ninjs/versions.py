"""The three generations of ninjs, told apart, and ninjs 1.x read as the later ones are.

ninjs 1.x names a property per form of a value (``headline``, ``body_html``,
``body_text``, ``body_xhtml``, any ``body_<format>``, ``description_text``,
...), lists subjects as ``subject`` and persons as ``person``, and keys
``associations`` and ``renditions`` by name.  Superdesk's ninjs 1.x dialect
identifies the item by ``guid`` instead of the required ``uri`` and lists
authors in ``authors``.  ninjs 2.x and 3.x hold the same things as arrays of
objects with roles (``headlines``, ``bodies``, ``descriptions``, ...) and
differ in the case of some names (:func:`newsparse_iptc.ninjs.names.get`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = [
    "body_v1",
    "description_v1",
    "is_envelope",
    "named_objects",
    "version",
]

_V1_VALUE = re.compile(r"(?:body|description)_[A-Za-z0-9]+\Z")
# The forms of a ninjs 1.x body, best first: markup keeps paragraphs apart.
_BODY_PREFERENCE = ("body_html", "body_xhtml", "body_text")
_DESCRIPTION_PREFERENCE = ("description_text", "description_html", "description_xhtml")
_ENVELOPE_LISTS = ("item", "items")
_ITEM_KEYS = frozenset({"uri", "guid", "headline", "headlines"})


def version(item: Mapping[str, object]) -> int:
    """Return the ninjs generation ``item`` is written in: 1, 2 or 3.

    >>> version({"guid": "a", "headline": "b"}), version({"uri": "a", "headlines": []})
    (1, 2)
    >>> version({"uri": "a", "headlines": [], "firstCreated": "2024-01-01T00:00:00Z"})
    3
    """
    if "headlines" not in item and (
        "headline" in item or "uri" not in item or any(_V1_VALUE.match(key) for key in item)
    ):
        return 1
    standard = item.get("standard")
    if isinstance(standard, Mapping) and str(standard.get("version", "")).startswith("3"):
        return 3
    camel = ("firstCreated", "versionCreated", "contentCreated", "pubStatus", "copyrightHolder")
    return 3 if any(name in item for name in camel) else 2


def body_v1(item: Mapping[str, object]) -> tuple[str, object] | None:
    """Return the ninjs 1.x body to read, as (its property name, its value), if there is one.

    HTML and XHTML come before plain text; another ``body_<format>`` is
    returned when it is the only one, for the caller to refuse by name.
    """
    for name in _BODY_PREFERENCE:
        if item.get(name) is not None:
            return name, item[name]
    others = sorted(key for key in item if key.startswith("body_") and item[key] is not None)
    return (others[0], item[others[0]]) if others else None


def description_v1(item: Mapping[str, object]) -> tuple[str, object] | None:
    """Return the ninjs 1.x description to read (plain text first), like :func:`body_v1`."""
    for name in _DESCRIPTION_PREFERENCE:
        if item.get(name) is not None:
            return name, item[name]
    return None


def named_objects(value: object, name: str) -> list[Mapping[str, object]]:
    """Return the objects of an array, or of an object keyed by name (ninjs 1.x).

    Raises:
        TypeError: ``value`` is neither, or holds something other than objects.
    """
    if value is None:
        return []
    values = list(value.values()) if isinstance(value, Mapping) else value
    if not isinstance(values, list):
        raise TypeError(f"{name} must be an array or an object")
    found: list[Mapping[str, object]] = []
    for entry in values:
        if entry is None:
            continue  # Superdesk writes "featuremedia": null for no picture
        if not isinstance(entry, Mapping):
            raise TypeError(f"each of {name} must be an object")
        found.append(entry)
    return found


def is_envelope(value: Mapping[str, object]) -> str | None:
    """Return the name of the array of items ``value`` wraps, if it is a search envelope.

    A search API's answer (BBC: ``{"total", "limit", "offset", "item": [...]}``)
    is no item: it has none of an item's identifying properties, and one
    array of objects under ``item`` or ``items``.

    >>> is_envelope({"total": 1, "item": [{"uri": "u"}]})
    'item'
    >>> is_envelope({"uri": "u", "item": []}) is None
    True
    """
    if _ITEM_KEYS & value.keys():
        return None
    lists = [name for name in _ENVELOPE_LISTS if isinstance(value.get(name), list)]
    return lists[0] if len(lists) == 1 else None
