"""The dates kehoach accepts: in a record, in --today and in KEHOACH_TODAY.

Bounded well inside what date arithmetic can reach, so that 'a year after the
plan' or 'the end of the quarter' can never overflow (9999-12-31 + 1 day is an
error in Python), and wide enough for any document of a committee."""

from __future__ import annotations

import datetime as dt
import os

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2999, 12, 31)
TODAY_VARIABLE = "KEHOACH_TODAY"


def out_of_range(day: dt.date) -> str | None:
    """Why ``day`` is refused, or None."""
    if DATE_MIN <= day <= DATE_MAX:
        return None
    return f"ngày {day.isoformat()} nằm ngoài khoảng {DATE_MIN.year}-{DATE_MAX.year} mà công cụ tính được"


def parse_day(text: str) -> dt.date:
    """A day written YYYY-MM-DD within the accepted range; ValueError with a
    Vietnamese message otherwise."""
    try:
        day = dt.date.fromisoformat(text.strip()) if len(text) <= 12 else None
    except ValueError:
        day = None
    if day is None or len(text.strip()) != 10:
        raise ValueError(f"'{text}' không phải ngày dạng YYYY-MM-DD (ví dụ 2021-07-01)")
    if (reason := out_of_range(day)) is not None:
        raise ValueError(reason)
    return day


def today_from_environment() -> dt.date | None:
    """The day set in KEHOACH_TODAY, or None when it is not set; ValueError
    with a Vietnamese message naming the variable when it is not a usable day."""
    value = os.environ.get(TODAY_VARIABLE)
    if not value:
        return None
    try:
        return parse_day(value)
    except ValueError as err:
        raise ValueError(f"biến môi trường {TODAY_VARIABLE}: {err}") from None
