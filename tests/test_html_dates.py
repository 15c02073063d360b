"""Tests for the date reader of the html format."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse._formats.html.dates import MAX_YEAR, MIN_YEAR, parse_date

UTC = timezone.utc


def _zone(hours: int, minutes: int = 0) -> timezone:
    return timezone(timedelta(hours=hours, minutes=minutes))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-03T15:47:42Z", datetime(2024, 5, 3, 15, 47, 42, tzinfo=UTC)),
        ("2024-05-03t15:47:42z", datetime(2024, 5, 3, 15, 47, 42, tzinfo=UTC)),
        (
            "2024-05-03T15:47:42.389+02:00",
            datetime(2024, 5, 3, 15, 47, 42, 389000, tzinfo=_zone(2)),
        ),
        ("2024-05-03T15:47:42+0200", datetime(2024, 5, 3, 15, 47, 42, tzinfo=_zone(2))),
        ("2024-05-03T15:47:42-05", datetime(2024, 5, 3, 15, 47, 42, tzinfo=_zone(-5))),
        ("2024-05-03T15:47+05:30", datetime(2024, 5, 3, 15, 47, tzinfo=_zone(5, 30))),
        ("2024-05-03 15:47:42 +0100", datetime(2024, 5, 3, 15, 47, 42, tzinfo=_zone(1))),
        ("2024-05-03T15:47:42\u221203:00", datetime(2024, 5, 3, 15, 47, 42, tzinfo=_zone(-3))),
        (
            "2024-05-03T15:47:42.123456789Z",  # nanoseconds: cut to microseconds
            datetime(2024, 5, 3, 15, 47, 42, 123456, tzinfo=UTC),
        ),
        ("20240503T154742Z", datetime(2024, 5, 3, 15, 47, 42, tzinfo=UTC)),
        ("  2024-05-03T15:47:42 GMT ", datetime(2024, 5, 3, 15, 47, 42, tzinfo=UTC)),
        ("Fri, 03 May 2024 15:47:42 +0200", datetime(2024, 5, 3, 15, 47, 42, tzinfo=_zone(2))),
        ("Fri, 03 May 2024 15:47:42 GMT", datetime(2024, 5, 3, 15, 47, 42, tzinfo=UTC)),
        ("3 May 2024 15:47 -0400", datetime(2024, 5, 3, 15, 47, tzinfo=_zone(-4))),
    ],
)
def test_aware_dates(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value == expected
    assert parsed.value.utcoffset() == expected.utcoffset()
    assert parsed.has_time
    assert parsed.had_offset


@pytest.mark.parametrize(
    "text",
    ["2024-05-03 15:47", "2024-05-03T15:47:42", "Fri, 03 May 2024 15:47:42 -0000"],
)
def test_a_time_without_offset_is_read_in_the_default_zone(text: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert not parsed.had_offset
    assert parsed.value.utcoffset() == timedelta(0)
    assert parsed.value.replace(second=0, tzinfo=None) == datetime(2024, 5, 3, 15, 47)
    moved = parse_date(text, _zone(2))
    assert moved is not None
    assert moved.value.utcoffset() == timedelta(hours=2)
    assert moved.value.replace(second=0, tzinfo=None) == datetime(2024, 5, 3, 15, 47)


def test_a_zoneinfo_default_becomes_a_fixed_offset() -> None:
    parsed = parse_date("2024-07-01 12:00", ZoneInfo("Europe/Berlin"))
    assert parsed is not None
    assert parsed.value.tzinfo == _zone(2)


def test_a_bare_date_is_midnight_and_marked_imprecise() -> None:
    parsed = parse_date("2024-05-03")
    assert parsed is not None
    assert parsed.value == datetime(2024, 5, 3, tzinfo=UTC)
    assert not parsed.has_time


def test_a_sub_minute_offset_is_rounded_keeping_the_instant() -> None:
    # Amsterdam in 1900 ran on local mean time, UTC+00:19:32.
    parsed = parse_date("1900-01-01 12:00", ZoneInfo("Europe/Amsterdam"))
    assert parsed is not None
    assert parsed.value.utcoffset() == timedelta(minutes=20)
    exact = datetime(1900, 1, 1, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert parsed.value == exact
    assert parsed.value.second == 28


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "yesterday",
        "2024-13-03",
        "2024-02-30T10:00Z",
        "2024-05-03T25:00",
        "2024-05-03T15:47:42+25:00",
        "2024-05-03T15:47:42+02:75",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59+14:00",
        f"{MIN_YEAR - 1}-06-01T00:00Z",
        f"{MAX_YEAR + 1}-06-01T00:00Z",
        "Fri, 03 May 2024 15:47:42 +2400",
        "2024-05-03T15:47:42Z" + "0" * 10**6,
        2024,
        None,
        ["2024-05-03"],
        {"@value": "2024-05-03"},
    ],
)
def test_not_dates(value: object) -> None:
    assert parse_date(value) is None


@given(st.text(max_size=60))
def test_never_raises_and_gives_model_datetimes(text: str) -> None:
    parsed = parse_date(text)
    if parsed is not None:
        offset = parsed.value.utcoffset()
        assert offset is not None
        assert offset % timedelta(minutes=1) == timedelta(0)
        assert MIN_YEAR - 1 <= parsed.value.year <= MAX_YEAR + 1


@given(
    st.datetimes(
        min_value=datetime(MIN_YEAR + 1, 1, 1),
        max_value=datetime(MAX_YEAR - 1, 12, 31),
        timezones=st.builds(
            timezone, st.integers(-18 * 60 + 1, 18 * 60 - 1).map(lambda m: timedelta(minutes=m))
        ),
    )
)
def test_isoformat_round_trips(moment: datetime) -> None:
    parsed = parse_date(moment.isoformat())
    assert parsed is not None
    assert parsed.value == moment
    assert parsed.value.utcoffset() == moment.utcoffset()
