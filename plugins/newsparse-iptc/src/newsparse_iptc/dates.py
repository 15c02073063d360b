"""ISO 8601 dates as IPTC formats write them.

NITF writes its dates in the ISO 8601 *basic* format
(``20161121T152106-0500``); NewsML-G2 and ninjs use the *extended* one
(``2016-11-21T15:21:06-05:00``).  :func:`parse_moment` reads both, and only
gives a datetime for a full date and time with a UTC offset: the model's
datetimes are timezone-aware, and guessing a zone would invent data.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = ["format_basic", "format_extended", "parse_moment"]

_MOMENT = re.compile(
    r"""(?P<year>\d{4})(?P<dash>-?)(?P<month>\d{2})(?P=dash)(?P<day>\d{2})
    T(?P<hour>\d{2})(?P<colon>:?)(?P<minute>\d{2})(?:(?P=colon)(?P<second>\d{2})
    (?:[.,](?P<fraction>\d{1,9}))?)?
    (?P<zone>Z|[+-]\d{2}(?::?\d{2})?)\Z""",
    re.VERBOSE,
)


def parse_moment(value: str) -> datetime | None:
    """Return the aware datetime ``value`` writes, or ``None`` if it writes none.

    ``None`` is returned for a date without a time or a UTC offset, and for
    an impossible one (month 13).  Fractions of a second beyond microseconds
    are cut off.

    >>> parse_moment("20161121T152106-0500")
    datetime.datetime(2016, 11, 21, 15, 21, 6, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400)))
    >>> parse_moment("2016-11-21") is None
    True
    """  # noqa: E501
    found = _MOMENT.match(value.strip())
    if found is None:
        return None
    zone = found["zone"]
    if zone == "Z":
        offset = timedelta(0)
    else:
        digits = zone[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:] or "0")
        if minutes >= 24 * 60:
            return None
        offset = timedelta(minutes=-minutes if zone[0] == "-" else minutes)
    fraction = (found["fraction"] or "").ljust(6, "0")[:6]
    try:
        return datetime(
            int(found["year"]),
            int(found["month"]),
            int(found["day"]),
            int(found["hour"]),
            int(found["minute"]),
            int(found["second"] or "0"),
            int(fraction),
            tzinfo=timezone(offset),
        )
    except ValueError:
        return None


def _offset(moment: datetime, separator: str) -> str:
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{sign}{minutes // 60:02d}{separator}{minutes % 60:02d}"


def _fraction(moment: datetime) -> str:
    return f".{moment.microsecond:06d}" if moment.microsecond else ""


def format_basic(moment: datetime) -> str:
    """Write an aware datetime in the basic format, keeping its offset.

    >>> format_basic(datetime(2016, 11, 21, 15, 21, 6, tzinfo=timezone(timedelta(hours=-5))))
    '20161121T152106-0500'
    """
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
        f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"
        f"{_fraction(moment)}{_offset(moment, '')}"
    )


def format_extended(moment: datetime) -> str:
    """Write an aware datetime in the extended format, keeping its offset.

    >>> format_extended(datetime(2016, 11, 21, 15, 21, 6, tzinfo=timezone.utc))
    '2016-11-21T15:21:06+00:00'
    """
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
        f"{_fraction(moment)}{_offset(moment, ':')}"
    )
