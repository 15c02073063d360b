"""The property names ninjs uses, and the ``meta`` keys of the ``ninjs`` format.

ninjs 2 writes property names in lower case (``firstcreated``), ninjs 3 in
camel case (``firstCreated``); :func:`get` reads either.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "BY",
    "CONTENT_CREATED",
    "COPYRIGHT_HOLDER",
    "COPYRIGHT_NOTICE",
    "EDITORIAL_NOTE",
    "EMBARGOED",
    "FIRST_CREATED",
    "FORMAT_NAME",
    "ITEM_VERSION",
    "LOCATED",
    "META_KEYS",
    "PROFILE",
    "PUB_STATUS",
    "SCHEMA_URI",
    "SLUGLINE",
    "SUBHEADLINE",
    "URGENCY",
    "USAGE_TERMS",
    "VERSION",
    "VERSION_CREATED",
    "get",
]

FORMAT_NAME = "ninjs"

VERSION = "3.0"
"""The ninjs version ``render`` writes."""
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"
"""The address of that version's JSON Schema, written in ``standard.schema``."""

URGENCY = "ninjs.urgency"
"""``urgency``, the editorial urgency (1, most urgent, to 9), as decimal digits."""
PUB_STATUS = "ninjs.pubstatus"
"""``pubStatus``: ``usable``, ``withheld`` or ``canceled``."""
COPYRIGHT_HOLDER = "ninjs.copyright.holder"
"""``copyrightHolder``."""
COPYRIGHT_NOTICE = "ninjs.copyright.notice"
"""``copyrightNotice``."""
USAGE_TERMS = "ninjs.usageterms"
"""``usageTerms``."""
EDITORIAL_NOTE = "ninjs.ednote"
"""``edNote``, a note to the receiving editors."""
SLUGLINE = "ninjs.slugline"
"""``slugline``."""
LOCATED = "ninjs.located"
"""``located``, where the story comes from."""
BY = "ninjs.by"
"""``by``, the byline as written (the authors are ``people`` whose ``rel`` is ``author``)."""
PROFILE = "ninjs.profile"
"""``profile``."""
ITEM_VERSION = "ninjs.version"
"""``version``, the item's version (not the version of ninjs)."""
CONTENT_CREATED = "ninjs.contentcreated"
"""``contentCreated``, as written."""
EMBARGOED = "ninjs.embargoed"
"""``embargoed``, as written."""
SUBHEADLINE = "ninjs.subheadline"
"""The value of the headline whose ``role`` is ``sub``."""

META_KEYS = (
    URGENCY,
    PUB_STATUS,
    COPYRIGHT_HOLDER,
    COPYRIGHT_NOTICE,
    USAGE_TERMS,
    EDITORIAL_NOTE,
    SLUGLINE,
    LOCATED,
    BY,
    PROFILE,
    ITEM_VERSION,
    CONTENT_CREATED,
    EMBARGOED,
    SUBHEADLINE,
)
"""Every ``meta`` key of the ``ninjs`` format."""

# meta key -> the ninjs 3 property holding a plain string.
STRING_PROPERTIES = {
    PUB_STATUS: "pubStatus",
    COPYRIGHT_HOLDER: "copyrightHolder",
    COPYRIGHT_NOTICE: "copyrightNotice",
    USAGE_TERMS: "usageTerms",
    EDITORIAL_NOTE: "edNote",
    SLUGLINE: "slugline",
    LOCATED: "located",
    BY: "by",
    PROFILE: "profile",
    ITEM_VERSION: "version",
    CONTENT_CREATED: "contentCreated",
    EMBARGOED: "embargoed",
}
"""The ``meta`` keys whose value is a string property of the item, by key."""


def get(item: Mapping[str, object], name: str) -> object:
    """Return property ``name`` (ninjs 3 spelling) of ``item``, or its ninjs 2 spelling.

    >>> get({"firstcreated": "2024"}, "firstCreated")
    '2024'
    """
    if name in item:
        return item[name]
    return item.get(name.lower())


FIRST_CREATED = "ninjs.firstcreated"
"""``firstCreated`` as written, when it has no UTC offset (read only: ninjs 3 requires one)."""
VERSION_CREATED = "ninjs.versioncreated"
"""``versionCreated`` as written, when it has no UTC offset (read only, like ``FIRST_CREATED``)."""
