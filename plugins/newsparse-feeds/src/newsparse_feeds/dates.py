"""Dates as feeds write them: RFC 822 (RSS), RFC 3339 / W3C-DTF (Atom, ``dc:date``).

:func:`parse_date` reads both families with the variants real feeds use:

- RFC 822 / RFC 2822: ``Sat, 07 Sep 2002 09:42:31 GMT``, with or without the
  weekday and the seconds, a two-digit year (``02`` is 2002, ``99`` is
  1999, as RFC 2822 says), a numeric offset (``+0200``, ``+02:00``) or a
  zone name (``GMT``, ``UT``, ``UTC``, ``Z``, the US zones ``EST``/``EDT``,
  ``CST``/``CDT``, ``MST``/``MDT``, ``PST``/``PDT``, and a few common others
  listed in ``ZONES``), full month or weekday names, a weekday that does not
  match the date (ignored);
- ISO 8601 as RFC 3339 and W3C-DTF write it: ``2002-09-07T09:42:31Z``,
  ``2002-09-07T09:42:31.5+02:00``, ``2002-09-07 09:42``, ``2002-09-07``.

A date without a zone is taken as UTC, as feed readers do; a date that is
not understood gives ``None`` (the caller reports it).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = ["ZONES", "parse_date"]

ZONES: dict[str, int] = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
    "MET": 60,
    "MEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "IST": 330,
    "JST": 540,
    "KST": 540,
    "HKT": 480,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "AST": -240,
    "ADT": -180,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
}
"""Zone names and their offsets from UTC in minutes."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_RFC822 = re.compile(
    r"""(?:[A-Za-z]+\.?,?\s*)?            # the weekday, ignored
    (?P<day>\d{1,2})[\s-]+(?P<month>[A-Za-z]+)\.?[\s-]+(?P<year>\d{2,4})
    (?:[\sT]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?
    \s*(?P<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?\s*(?:\([^)]*\))?\s*\Z""",
    re.VERBOSE,
)
_ISO = re.compile(
    r"""(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})
    (?:[Tt\s]+(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?)?
    \s*(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?\s*\Z""",
    re.VERBOSE,
)


def parse_date(text: str | None) -> datetime | None:
    """Return the aware datetime ``text`` states, or ``None`` if it is not a date read here.

    >>> parse_date("Sat, 07 Sep 02 09:42 EST").isoformat()
    '2002-09-07T09:42:00-05:00'
    >>> parse_date("2015-01-30T00:33:06+00:00").isoformat()
    '2015-01-30T00:33:06+00:00'
    """
    if not text:
        return None
    value = " ".join(text.split())
    found = _ISO.match(value)
    if found is not None:
        return _build(found.groupdict(), int(found["month"]))
    found = _RFC822.match(value)
    if found is None:
        return None
    month = _MONTHS.get(found["month"].lower())
    if month is None:
        return None
    return _build(found.groupdict(), month)


def _build(parts: dict[str, str | None], month: int) -> datetime | None:
    year = int(parts["year"] or 0)
    if len(parts["year"] or "") == 2:
        year += 2000 if year < 50 else 1900  # RFC 2822, section 4.3
    zone = _zone(parts.get("zone"))
    if zone is None:
        return None
    fraction = parts.get("fraction") or ""
    try:
        return datetime(
            year,
            month,
            int(parts["day"] or 0),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
            int((fraction + "000000")[:6]),
            tzinfo=zone,
        )
    except ValueError:  # day 31 of February, hour 25...
        return None


def _zone(text: str | None) -> timezone | None:
    if not text:
        return timezone.utc
    if text[0] in "+-":
        digits = text[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
        if hours > 23 or minutes > 59:
            return None
        offset = hours * 60 + minutes
        return timezone(timedelta(minutes=-offset if text[0] == "-" else offset))
    named = ZONES.get(text.upper())
    if named is None:
        return None
    return timezone(timedelta(minutes=named)) if named else timezone.utc
