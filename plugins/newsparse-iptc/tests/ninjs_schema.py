"""A JSON Schema of ninjs 3.0, written for these tests from the published specification.

It covers the properties the IPTC's ninjs 3.0 schema defines at the top
level of an item (an object with a required ``uri``, no other properties)
and, in detail, the ones the ``ninjs`` format reads and writes: their JSON
types, the required members of the objects in ``headlines``,
``descriptions``, ``bodies``, ``renditions`` and ``associations``, the
allowed values of ``type`` and ``pubStatus``, and RFC 3339 dates.  Written
by the newsparse developers; the official schema (CC BY 4.0) is not copied.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SCHEMA"]

_DATE_TIME = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$",
}
_STRING = {"type": "string"}


def _objects(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }
    if required:
        item["required"] = required
    return {"type": "array", "items": item}


_TEXTS = _objects({"role": _STRING, "contentType": _STRING, "value": _STRING}, ["value"])
_CONCEPTS = _objects(
    {"name": _STRING, "rel": _STRING, "uri": _STRING, "literal": _STRING, "role": _STRING}
)
_RENDITIONS = _objects(
    {
        "name": _STRING,
        "href": _STRING,
        "uri": _STRING,
        "contentType": _STRING,
        "title": _STRING,
        "height": {"type": "number"},
        "width": {"type": "number"},
    },
    ["name"],
)

_ITEM_PROPERTIES: dict[str, Any] = {
    "uri": {"type": "string", "minLength": 1},
    "type": {
        "enum": [
            "text",
            "audio",
            "video",
            "picture",
            "graphic",
            "composite",
            "component",
            "event",
            "planning",
        ]
    },
    "representationType": {"enum": ["full", "partial"]},
    "profile": _STRING,
    "version": _STRING,
    "firstCreated": _DATE_TIME,
    "versionCreated": _DATE_TIME,
    "contentCreated": _STRING,
    "embargoed": _STRING,
    "pubStatus": {"enum": ["usable", "withheld", "canceled"]},
    "urgency": {"type": "number"},
    "copyrightHolder": _STRING,
    "copyrightNotice": _STRING,
    "usageTerms": _STRING,
    "edNote": _STRING,
    "language": _STRING,
    "descriptions": _TEXTS,
    "bodies": _objects(
        {
            "role": _STRING,
            "contentType": _STRING,
            "charCount": {"type": "integer"},
            "wordCount": {"type": "integer"},
            "value": _STRING,
        },
        ["value"],
    ),
    "headlines": _TEXTS,
    "people": _CONCEPTS,
    "organisations": {"type": "array"},
    "places": {"type": "array"},
    "subjects": _CONCEPTS,
    "events": {"type": "array"},
    "eventDetails": {"type": "object"},
    "plannedCoverage": {"type": "array"},
    "objects": {"type": "array"},
    "infoSources": _CONCEPTS,
    "title": _STRING,
    "by": _STRING,
    "slugline": _STRING,
    "located": _STRING,
    "renditions": _RENDITIONS,
    "altIds": _objects({"role": _STRING, "value": _STRING}),
    "trustIndicators": {"type": "array"},
    "standard": {
        "type": "object",
        "additionalProperties": False,
        "properties": {"name": _STRING, "version": _STRING, "schema": _STRING},
    },
    "genres": _CONCEPTS,
    "expires": _DATE_TIME,
    "rightsInfo": {"type": "object"},
}

_ASSOCIATION = {
    "type": "object",
    "required": ["name", "uri"],
    "additionalProperties": False,
    "properties": {**_ITEM_PROPERTIES, "name": _STRING},
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["uri"],
    "additionalProperties": False,
    "properties": {
        **_ITEM_PROPERTIES,
        "associations": {"type": "array", "items": _ASSOCIATION},
    },
}
"""The schema of one ninjs 3.0 item."""
