"""Reading the dates that web pages put in their metadata.

``parse_date`` understands the shapes pages actually use:

* ISO 8601 / RFC 3339: ``2024-05-03T15:47:42Z``, ``2024-05-03T15:47:42.389+02:00``,
  a space instead of the ``T``, offsets written ``+0200`` or ``+02``, seconds and
  fractions optional, a trailing zone name in brackets ignored;
* RFC 2822 as in e-mail and RSS: ``Fri, 03 May 2024 15:47:42 +0200``;
* a bare calendar date ``2024-05-03`` (midnight), reported as imprecise.

Rules:

* A date and time written without a UTC offset is read as UTC, unless the
  caller passes another zone (``naive_zone``); the metadata extractor passes
  the offset of another, aware date on the same page when there is one.
* Offsets must be within ±18 hours.  An offset with seconds (historic local
  mean time) is rounded to the nearest minute, and the wall-clock time moved
  with it so the instant stays the same to the second, as the model requires
  whole-minute offsets.
* Years outside ``MIN_YEAR`` .. ``MAX_YEAR`` are rejected: a news page
  dated 0001 or 9999 is a placeholder, not a date.

Nothing here raises: an unreadable value gives ``None``.
"""

from __future__ import annotations

import email.utils
import re
from datetime import datetime, timedelta, timezone, tzinfo

import attrs

__all__ = ["MAX_YEAR", "MIN_YEAR", "ParsedDate", "parse_date"]

#: The earliest year accepted as a publication date.
MIN_YEAR = 1800
#: The latest year accepted as a publication date.
MAX_YEAR = 2200

_LONGEST = 120  # no date is written in more characters than this

_ISO = re.compile(
    r"""
    (?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})
    (?:
        (?:[Tt]|\s+)
        (?P<hour>\d{2}):?(?P<minute>\d{2})
        (?::?(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?
        \s*
        (?P<zone>[Zz]|UTC|GMT|[+\-\u2212]\d{2}(?::?\d{2})?)?
    )?
    \s*(?:\[[^\]]*\])?
    \Z
    """,
    re.VERBOSE,
)
_OFFSET = re.compile(r"([+\-\u2212])(\d{2}):?(\d{2})?\Z")
_LIMIT = timedelta(hours=18)


@attrs.frozen
class ParsedDate:
    """A date read from a page, and whether it carried a time of day."""

    value: datetime
    """The moment, timezone-aware with a whole-minute offset."""

    has_time: bool
    """``False`` when the source gave only a calendar date (read as midnight)."""

    had_offset: bool
    """``False`` when the source gave no UTC offset and a default zone was used."""


def parse_date(value: object, naive_zone: tzinfo = timezone.utc) -> ParsedDate | None:
    """Read ``value`` as a date, or return ``None`` when it is not one.

    ``value`` may be of any type: anything but a string gives ``None``.
    Times without an offset are read in ``naive_zone``.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > _LONGEST:
        return None
    match = _ISO.match(text)
    if match:
        return _from_iso(match, naive_zone)
    return _from_rfc2822(text, naive_zone)


def _from_iso(match: re.Match[str], naive_zone: tzinfo) -> ParsedDate | None:
    """Build the date of a matched ISO 8601 text."""
    hour = match["hour"]
    fraction = match["fraction"] or ""
    zone = _zone(match["zone"])
    if match["zone"] and zone is None:
        return None
    try:
        moment = datetime(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(hour or 0),
            int(match["minute"] or 0),
            int(match["second"] or 0),
            int((fraction + "000000")[:6]),
        )
    except ValueError:  # month 13, hour 25...
        return None
    return _finish(moment, zone, naive_zone, has_time=hour is not None)


def _zone(text: str | None) -> timezone | None:
    """Return the fixed zone an ISO offset text names, or ``None`` when it is not valid."""
    if text is None:
        return None
    if text in ("Z", "z", "UTC", "GMT"):
        return timezone.utc
    match = _OFFSET.match(text)
    if not match:
        return None
    offset = timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
    if offset > _LIMIT or int(match[3] or 0) >= 60:
        return None
    return timezone(-offset if match[1] != "+" else offset)


def _from_rfc2822(text: str, naive_zone: tzinfo) -> ParsedDate | None:
    """Read an e-mail style date such as ``Fri, 03 May 2024 15:47:42 +0200``."""
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None:  # typeshed says it cannot be, some Python versions did return it
        return None  # type: ignore[unreachable]
    # "-0000" means "offset unknown" (RFC 2822 4.3): the same as none at all.
    zone = moment.tzinfo if moment.tzinfo is not None else None
    naive = moment.replace(tzinfo=None)
    if zone is None:
        return _finish(naive, None, naive_zone, has_time=True)
    offset = moment.utcoffset()
    if offset is None:
        return None
    return _finish(
        naive, timezone(offset) if abs(offset) <= _LIMIT else None, naive_zone, has_time=True
    )


def _finish(
    moment: datetime, zone: tzinfo | None, naive_zone: tzinfo, has_time: bool
) -> ParsedDate | None:
    """Attach the zone, round a sub-minute offset and check the year."""
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    had_offset = zone is not None
    try:
        aware = moment.replace(tzinfo=zone if zone is not None else naive_zone)
        offset = aware.utcoffset()
        if offset is None:  # a tzinfo that declines to answer
            aware = moment.replace(tzinfo=timezone.utc)
            offset = timedelta(0)
        seconds = offset.total_seconds()
        if seconds % 60:
            whole = timezone(timedelta(minutes=round(seconds / 60)))
            aware = aware.astimezone(whole)
        elif not isinstance(aware.tzinfo, timezone):
            aware = aware.replace(tzinfo=timezone(offset))
    except (OverflowError, ValueError):  # moved past year 1 or 9999
        return None
    return ParsedDate(aware, has_time=has_time, had_offset=had_offset)
