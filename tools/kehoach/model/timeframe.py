"""PLACEHOLDER until the time-frame reader lands: accepts any text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ACCEPTED_FORMS = "Thường xuyên; Năm 2025; quý III/2021; Tháng 3/2022; trước ngày 09/4/2022"


class TimeFrameError(ValueError):
    pass


@dataclass(frozen=True)
class Part:
    kind: str
    start: dt.date | None = None
    end: dt.date | None = None
    label: str | None = None
    note: str | None = None
    recurrence: str | None = None
    open_ended: bool = False


@dataclass(frozen=True)
class TimeFrame:
    text: str
    parts: tuple[Part, ...] = field(default_factory=tuple)

    @property
    def deadline(self) -> dt.date | None:
        return None


def parse_timeframe(text: str) -> TimeFrame:
    return TimeFrame(text)
