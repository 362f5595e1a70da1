"""Reading time frames as the documents write them, with the deadlines they imply."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata

import pytest

from kehoach.model.timeframe import ACCEPTED_FORMS, Part, TimeFrame, TimeFrameError, parse_timeframe

D = dt.date
STAGED = (
    "Từ tháng 8/2021 đến tháng 12/2021: Triển khai kế hoạch, các cấp, các ngành liên quan ban hành văn bản "
    "thực hiện kế hoạch; Nghiên cứu, khảo sát, triển khai thí điểm. Năm 2022: Thực hiện trên diện rộng ở tất "
    "cả các nội dung (đối với các đề án, kế hoạch của MTTQ và các đoàn thể tỉnh thực hiện theo phê duyệt của "
    "Tỉnh ủy). Năm 2023: Kiểm tra, sơ kết, nhân rộng điển hình. Năm 2025: Tổng kết Đề án."
)
UNDATED_KINDS = {"continuous", "recurring", "on-request", "event"}
PART_KINDS = {"date", "month", "quarter", "half", "year", "range", *UNDATED_KINDS}
FRAME_KINDS = {"open-ended", "milestones", "deadline", "period", "range", *UNDATED_KINDS}
RECURRENCES = {None, "yearly", "half-yearly", "quarterly", "monthly", "weekly", "daily"}


def check_invariants(frame: TimeFrame) -> None:
    assert frame.parts
    assert frame.kind in FRAME_KINDS
    assert frame.is_continuous == (frame.deadline is None)
    if frame.deadline is not None:
        assert frame.first_due is not None and frame.first_due <= frame.deadline
    for part in frame.parts:
        assert part.kind in PART_KINDS
        assert part.recurrence in RECURRENCES
        assert (part.end is None) == (part.kind in UNDATED_KINDS)
        if part.start is not None and part.end is not None:
            assert part.start <= part.end
        if part.by:
            assert part.start is None and part.end is not None


# ---------------------------------------------------------------- single parts

UNDATED = [
    ("Thường xuyên", "continuous", None),
    ("thường xuyên, liên tục", "continuous", None),
    ("hằng năm", "recurring", "yearly"),
    ("hàng năm", "recurring", "yearly"),
    ("Hằng năm", "recurring", "yearly"),
    ("định kỳ hằng năm", "recurring", "yearly"),
    ("Định kỳ hàng năm", "recurring", "yearly"),
    ("mỗi năm", "recurring", "yearly"),
    ("hằng quý", "recurring", "quarterly"),
    ("hàng quý", "recurring", "quarterly"),
    ("Định kỳ hàng quý", "recurring", "quarterly"),
    ("6 tháng một lần", "recurring", "half-yearly"),
    ("6 tháng 1 lần", "recurring", "half-yearly"),
    ("hằng 6 tháng", "recurring", "half-yearly"),
    ("định kỳ 6 tháng", "recurring", "half-yearly"),
    ("hằng tháng", "recurring", "monthly"),
    # report cadences with no year: "báo cáo 6 tháng, 9 tháng"
    ("6 tháng", "recurring", "half-yearly"),
    ("sáu tháng", "recurring", "half-yearly"),
    ("6 tháng đầu năm", "recurring", "half-yearly"),
    ("9 tháng", "recurring", "yearly"),
    ("9 tháng đầu năm", "recurring", "yearly"),
    ("định kỳ hàng tháng", "recurring", "monthly"),
    ("theo yêu cầu", "on-request", None),
    ("theo yêu cầu của cấp trên", "on-request", None),
    ("Theo yêu cầu của cấp trên", "on-request", None),
    ("khi có yêu cầu", "on-request", None),
    ("hằng ngày", "recurring", "daily"),
    ("hàng ngày", "recurring", "daily"),
    ("hằng tuần", "recurring", "weekly"),
    ("Định kỳ", "recurring", None),
    # tied to an event, not to a date: never overdue
    ("từ nay đến kết thúc cuộc bầu cử đại biểu Quốc hội khóa XVI", "event", None),
    ("đến khi kết thúc kiểm kê", "event", None),
    ("ngay sau khi kết thúc hội nghị", "event", None),
    ("ngay khi nước rút", "event", None),
    ("trong 24-48 giờ sau khi nước rút", "event", None),
    ("trong vòng 30 ngày kể từ khi kế hoạch được phê duyệt", "event", None),
    ("trong vòng 2 tháng kể từ ngày nhận hồ sơ", "event", None),
    ("sau khi quy chế được ban hành", "event", None),
    ("Sau khi có Quy chế của TW", "event", None),
    ("trước, trong và sau cuộc bầu cử", "event", None),
    ("theo quy định", "event", None),
    ("Theo kế hoạch", "event", None),
]


@pytest.mark.parametrize(("text", "kind", "recurrence"), UNDATED)
def test_undated_forms_never_fall_due(text: str, kind: str, recurrence: str | None) -> None:
    frame = parse_timeframe(text)
    assert [(p.kind, p.recurrence, p.start, p.end) for p in frame.parts] == [(kind, recurrence, None, None)]
    assert (frame.kind, frame.start, frame.deadline, frame.first_due) == (kind, None, None, None)
    assert frame.is_continuous


DATED = [
    # years
    ("Năm 2025", "year", D(2025, 1, 1), D(2025, 12, 31)),
    ("năm 2025", "year", D(2025, 1, 1), D(2025, 12, 31)),
    ("2025", "year", D(2025, 1, 1), D(2025, 12, 31)),
    ("trong năm 2021", "year", D(2021, 1, 1), D(2021, 12, 31)),
    ("năm 1945", "year", D(1945, 1, 1), D(1945, 12, 31)),
    ("năm 2100", "year", D(2100, 1, 1), D(2100, 12, 31)),
    # halves and parts of a year
    ("6 tháng đầu năm 2022", "half", D(2022, 1, 1), D(2022, 6, 30)),
    ("6 tháng cuối năm 2022", "half", D(2022, 7, 1), D(2022, 12, 31)),
    ("sáu tháng đầu năm 2022", "half", D(2022, 1, 1), D(2022, 6, 30)),
    ("nửa cuối năm 2022", "half", D(2022, 7, 1), D(2022, 12, 31)),
    ("đầu năm 2022", "quarter", D(2022, 1, 1), D(2022, 3, 31)),
    ("giữa năm 2022", "quarter", D(2022, 5, 1), D(2022, 7, 31)),
    ("cuối năm 2022", "quarter", D(2022, 10, 1), D(2022, 12, 31)),
    # quarters, roman or arabic
    ("quý I/2022", "quarter", D(2022, 1, 1), D(2022, 3, 31)),
    ("quý II/2022", "quarter", D(2022, 4, 1), D(2022, 6, 30)),
    ("quý III/2021", "quarter", D(2021, 7, 1), D(2021, 9, 30)),
    ("quý IV/2021", "quarter", D(2021, 10, 1), D(2021, 12, 31)),
    ("Quý 3/2021", "quarter", D(2021, 7, 1), D(2021, 9, 30)),
    ("quý III năm 2021", "quarter", D(2021, 7, 1), D(2021, 9, 30)),
    ("Quý IV / 2021", "quarter", D(2021, 10, 1), D(2021, 12, 31)),
    # months and thirds of a month
    ("Tháng 3/2022", "month", D(2022, 3, 1), D(2022, 3, 31)),
    ("tháng 03/2022", "month", D(2022, 3, 1), D(2022, 3, 31)),
    ("tháng 3 năm 2022", "month", D(2022, 3, 1), D(2022, 3, 31)),
    ("vào tháng 8/2021", "month", D(2021, 8, 1), D(2021, 8, 31)),
    ("tháng 02/2021", "month", D(2021, 2, 1), D(2021, 2, 28)),
    ("tháng 2/2024", "month", D(2024, 2, 1), D(2024, 2, 29)),
    ("12/2021", "month", D(2021, 12, 1), D(2021, 12, 31)),
    ("đầu tháng 5/2022", "month", D(2022, 5, 1), D(2022, 5, 10)),
    ("giữa tháng 5/2022", "month", D(2022, 5, 11), D(2022, 5, 20)),
    ("cuối tháng 5/2022", "month", D(2022, 5, 21), D(2022, 5, 31)),
    ("cuối tháng 2/2023", "month", D(2023, 2, 21), D(2023, 2, 28)),
    ("cuối tháng 2/2024", "month", D(2024, 2, 21), D(2024, 2, 29)),
    # exact dates
    ("ngày 09/4/2022", "date", D(2022, 4, 9), D(2022, 4, 9)),
    ("Ngày 05/12/2022", "date", D(2022, 12, 5), D(2022, 12, 5)),
    ("09/4/2022", "date", D(2022, 4, 9), D(2022, 4, 9)),
    ("9/4/2022", "date", D(2022, 4, 9), D(2022, 4, 9)),
    ("ngày 9 tháng 4 năm 2022", "date", D(2022, 4, 9), D(2022, 4, 9)),
    ("ngày 09 tháng 04/2022", "date", D(2022, 4, 9), D(2022, 4, 9)),
    ("ngày 29/02/2024", "date", D(2024, 2, 29), D(2024, 2, 29)),
]


@pytest.mark.parametrize(("text", "kind", "start", "end"), DATED)
def test_periods(text: str, kind: str, start: dt.date, end: dt.date) -> None:
    frame = parse_timeframe(text)
    assert [(p.kind, p.start, p.end, p.by, p.open_ended, p.recurrence) for p in frame.parts] == [
        (kind, start, end, False, False, None)
    ]
    assert (frame.kind, frame.start, frame.deadline, frame.first_due) == ("period", start, end, end)
    assert not frame.is_continuous


DEADLINES = [
    # "trước" is strict: the deadline is the day before the period it names
    ("trước ngày 09/4/2022", "date", D(2022, 4, 8)),
    ("hoàn thành trước ngày 09/4/2022", "date", D(2022, 4, 8)),
    ("trước ngày 01/01/2022", "date", D(2021, 12, 31)),
    ("trước tháng 6/2022", "month", D(2022, 5, 31)),
    ("trước tháng 3/2024", "month", D(2024, 2, 29)),
    ("trước quý III/2022", "quarter", D(2022, 6, 30)),
    ("trước năm 2025", "year", D(2024, 12, 31)),
    # the others include the period
    ("chậm nhất ngày 09/4/2022", "date", D(2022, 4, 9)),
    ("chậm nhất là ngày 09/4/2022", "date", D(2022, 4, 9)),
    ("chậm nhất trong tháng 6/2022", "month", D(2022, 6, 30)),
    ("hạn chót 09/4/2022", "date", D(2022, 4, 9)),
    ("hạn chót: 09/4/2022", "date", D(2022, 4, 9)),
    ("đến ngày 09/4/2022", "date", D(2022, 4, 9)),
    ("đến hết năm 2022", "year", D(2022, 12, 31)),
    ("từ nay đến năm 2025", "year", D(2025, 12, 31)),
    ("hoàn thành trong quý III/2021", "quarter", D(2021, 9, 30)),
    ("hoàn thành trong tháng 6/2022", "month", D(2022, 6, 30)),
]


@pytest.mark.parametrize(("text", "kind", "end"), DEADLINES)
def test_deadlines(text: str, kind: str, end: dt.date) -> None:
    frame = parse_timeframe(text)
    assert [(p.kind, p.start, p.end, p.by) for p in frame.parts] == [(kind, None, end, True)]
    assert (frame.kind, frame.start, frame.deadline, frame.first_due) == ("deadline", None, end, end)


RANGES = [
    ("Từ tháng 8/2021 đến tháng 12/2021", D(2021, 8, 1), D(2021, 12, 31)),
    ("từ năm 2021 đến năm 2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("từ 2021 đến 2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("Năm 2022 - 2024", D(2022, 1, 1), D(2024, 12, 31)),
    ("năm 2022 đến năm 2024", D(2022, 1, 1), D(2024, 12, 31)),
    ("2021 - 2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("2021-2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("2021–2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("2021 — 2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("giai đoạn 2022 - 2025", D(2022, 1, 1), D(2025, 12, 31)),
    ("giai đoạn 2021-2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("Giai đoạn 2021 – 2025", D(2021, 1, 1), D(2025, 12, 31)),
    ("từ ngày 01/3/2022 đến ngày 30/4/2022", D(2022, 3, 1), D(2022, 4, 30)),
    ("từ 01/3/2022 - 30/4/2022", D(2022, 3, 1), D(2022, 4, 30)),
    ("từ quý II/2022 đến quý IV/2022", D(2022, 4, 1), D(2022, 12, 31)),
    ("từ quý II/2022 đến hết quý IV/2022", D(2022, 4, 1), D(2022, 12, 31)),
    ("từ tháng 6/2022 đến năm 2023", D(2022, 6, 1), D(2023, 12, 31)),
    ("tháng 8/2021 - tháng 12/2021", D(2021, 8, 1), D(2021, 12, 31)),
    # a year written once is shared by both ends
    ("Từ tháng 8 đến tháng 12/2021", D(2021, 8, 1), D(2021, 12, 31)),
    ("Từ tháng 8 - 12/2021", D(2021, 8, 1), D(2021, 12, 31)),
    ("từ tháng 8/2021 đến tháng 12", D(2021, 8, 1), D(2021, 12, 31)),
    ("từ quý II đến quý IV/2022", D(2022, 4, 1), D(2022, 12, 31)),
    ("từ ngày 01/3 đến ngày 30/4/2022", D(2022, 3, 1), D(2022, 4, 30)),
    # ... and crosses the new year when the months go backwards
    ("từ tháng 11 đến tháng 2/2022", D(2021, 11, 1), D(2022, 2, 28)),
    ("từ tháng 11/2021 đến tháng 2", D(2021, 11, 1), D(2022, 2, 28)),
    ("từ năm 2022 đến năm 2022", D(2022, 1, 1), D(2022, 12, 31)),
    ("9 tháng đầu năm 2022", D(2022, 1, 1), D(2022, 9, 30)),
    # quarters written as a list under one year: from the first to the last
    ("quý III và IV năm 2025", D(2025, 7, 1), D(2025, 12, 31)),
    ("quý II - III/2023", D(2023, 4, 1), D(2023, 9, 30)),
    ("Quý I, II/2024", D(2024, 1, 1), D(2024, 6, 30)),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_ranges(text: str, start: dt.date, end: dt.date) -> None:
    frame = parse_timeframe(text)
    assert [(p.kind, p.start, p.end, p.by, p.open_ended) for p in frame.parts] == [("range", start, end, False, False)]
    assert (frame.kind, frame.start, frame.deadline, frame.first_due) == ("range", start, end, end)


OPEN_ENDED = [
    ("Từ năm 2023 và các năm tiếp theo", "year", D(2023, 1, 1), D(2023, 12, 31), "yearly"),
    ("Quý IV/2023 và những năm tiếp theo", "quarter", D(2023, 10, 1), D(2023, 12, 31), "yearly"),
    ("Năm 2025 và các năm tiếp theo", "year", D(2025, 1, 1), D(2025, 12, 31), "yearly"),
    ("năm 2025, các năm sau", "year", D(2025, 1, 1), D(2025, 12, 31), "yearly"),
    ("tháng 6/2022 và các tháng tiếp theo", "month", D(2022, 6, 1), D(2022, 6, 30), "monthly"),
    ("quý II/2022 và các quý tiếp theo", "quarter", D(2022, 4, 1), D(2022, 6, 30), "quarterly"),
    # "từ X" with no end: from then on
    ("Từ năm 2023", "year", D(2023, 1, 1), D(2023, 12, 31), None),
    ("từ năm 2023 trở đi", "year", D(2023, 1, 1), D(2023, 12, 31), None),
    ("bắt đầu từ tháng 9/2022", "month", D(2022, 9, 1), D(2022, 9, 30), None),
]


@pytest.mark.parametrize(("text", "kind", "start", "first_due", "recurrence"), OPEN_ENDED)
def test_open_ended_frames_have_a_first_due_date_but_no_deadline(
    text: str, kind: str, start: dt.date, first_due: dt.date, recurrence: str | None
) -> None:
    frame = parse_timeframe(text)
    assert [(p.kind, p.start, p.end, p.open_ended, p.recurrence) for p in frame.parts] == [
        (kind, start, first_due, True, recurrence)
    ]
    assert (frame.kind, frame.start, frame.deadline, frame.first_due) == ("open-ended", start, None, first_due)
    assert frame.is_continuous


# ---------------------------------------------------------------- compound frames, labels, notes

COMPOUND = [
    # text, frame kind, start, deadline, first_due, continuous
    ("Thường xuyên; sơ kết, tổng kết hàng năm", "continuous", None, None, None, True),
    ("hằng năm; theo yêu cầu của cấp trên", "recurring", None, None, None, True),
    ("theo yêu cầu; thường xuyên", "on-request", None, None, None, True),
    ("Thường xuyên; đầu tháng 5/2022", "period", D(2022, 5, 1), D(2022, 5, 10), D(2022, 5, 10), False),
    (
        "cấp tỉnh quý III/2021; cấp huyện quý IV/2021",
        "milestones",
        D(2021, 7, 1),
        D(2021, 12, 31),
        D(2021, 9, 30),
        False,
    ),
    ("Năm 2022; Năm 2023 và các năm tiếp theo", "milestones", D(2022, 1, 1), D(2022, 12, 31), D(2022, 12, 31), False),
    ("Quý IV/2023 và những năm tiếp theo; thường xuyên", "open-ended", D(2023, 10, 1), None, D(2023, 12, 31), True),
    ("trước ngày 09/4/2022; tháng 5/2022", "milestones", D(2022, 5, 1), D(2022, 5, 31), D(2022, 4, 8), False),
    (STAGED, "milestones", D(2021, 8, 1), D(2025, 12, 31), D(2021, 12, 31), False),
    # time forms joined by "và" or "," are milestones, not a note hiding the later deadline
    ("Năm 2021 và năm 2022", "milestones", D(2021, 1, 1), D(2022, 12, 31), D(2021, 12, 31), False),
    ("tháng 6/2021, tháng 12/2021", "milestones", D(2021, 6, 1), D(2021, 12, 31), D(2021, 6, 30), False),
    ("Thường xuyên, hằng năm", "continuous", None, None, None, True),
    ("6 tháng, 9 tháng đầu năm và tổng kết năm", "recurring", None, None, None, True),
]


@pytest.mark.parametrize(("text", "kind", "start", "deadline", "first_due", "continuous"), COMPOUND)
def test_compound_frames(
    text: str,
    kind: str,
    start: dt.date | None,
    deadline: dt.date | None,
    first_due: dt.date | None,
    continuous: bool,
) -> None:
    frame = parse_timeframe(text)
    assert (frame.kind, frame.start, frame.deadline, frame.first_due, frame.is_continuous) == (
        kind,
        start,
        deadline,
        first_due,
        continuous,
    )


def test_staged_timeline_has_four_milestones_with_notes() -> None:
    parts = parse_timeframe(STAGED).parts
    assert [(p.kind, p.start, p.end, p.label) for p in parts] == [
        ("range", D(2021, 8, 1), D(2021, 12, 31), None),
        ("year", D(2022, 1, 1), D(2022, 12, 31), None),
        ("year", D(2023, 1, 1), D(2023, 12, 31), None),
        ("year", D(2025, 1, 1), D(2025, 12, 31), None),
    ]
    assert [p.note for p in parts] == [
        "Triển khai kế hoạch, các cấp, các ngành liên quan ban hành văn bản thực hiện kế hoạch; "
        "Nghiên cứu, khảo sát, triển khai thí điểm",
        "Thực hiện trên diện rộng ở tất cả các nội dung (đối với các đề án, kế hoạch của MTTQ và các đoàn thể "
        "tỉnh thực hiện theo phê duyệt của Tỉnh ủy)",
        "Kiểm tra, sơ kết, nhân rộng điển hình",
        "Tổng kết Đề án",
    ]


LABELS_AND_NOTES = [
    ("cấp tỉnh quý III/2021; cấp huyện quý IV/2021", [("cấp tỉnh", None), ("cấp huyện", None)]),
    ("Thường xuyên; sơ kết, tổng kết hàng năm", [(None, None), ("sơ kết, tổng kết", None)]),
    ("tổ chức hội nghị vào tháng 6/2021", [("tổ chức hội nghị", None)]),
    ("Tổ chức hội nghị (vào tháng 6/2021)", [("Tổ chức hội nghị", None)]),
    ("Năm 2022: Triển khai kế hoạch", [(None, "Triển khai kế hoạch")]),
    ("Năm 2022 (thí điểm)", [(None, "thí điểm")]),
    ("Năm 2025, kiểm tra và tổng kết (tổ chức lồng ghép) .", [(None, "kiểm tra và tổng kết (tổ chức lồng ghép)")]),
    ("Thời gian thực hiện: Thường xuyên.", [(None, None)]),
    ("dự kiến tháng 6/2021", [(None, None)]),
    ("trong  quý III/2021;", [(None, None)]),
    ("cấp  tỉnh\n quý III/2021", [("cấp tỉnh", None)]),
    (
        "Đề xuất nội dung mô hình trước ngày 09/4/2022 để lãnh đạo Ban cho ý kiến",
        [("Đề xuất nội dung mô hình", "để lãnh đạo Ban cho ý kiến")],
    ),
    # a piece with no time form continues the previous note, across ';' and sentences
    ("Năm 2022: thí điểm; nhân rộng. Sơ kết", [(None, "thí điểm; nhân rộng. Sơ kết")]),
    # ... and one before the first time form belongs to its label
    ("TP. Hồ Chí Minh tháng 3/2022", [("TP. Hồ Chí Minh", None)]),
    ("Năm 2022. Năm 2023: tổng kết", [(None, None), (None, "tổng kết")]),
    ("tháng 6/2021, tháng 12/2021: tổng kết", [(None, None), (None, "tổng kết")]),
    ("Năm 2025, kiểm tra và tổ chức hội nghị", [(None, "kiểm tra và tổ chức hội nghị")]),
    ("6 tháng, 9 tháng đầu năm và tổng kết năm", [(None, None), (None, "và tổng kết năm")]),
]


@pytest.mark.parametrize(("text", "expected"), LABELS_AND_NOTES)
def test_labels_and_notes_keep_their_wording(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert [(p.label, p.note) for p in parse_timeframe(text).parts] == expected


def test_report_cadences_keep_their_own_recurrence() -> None:
    parts = parse_timeframe("6 tháng, 9 tháng đầu năm và tổng kết năm").parts
    assert [(p.kind, p.recurrence) for p in parts] == [("recurring", "half-yearly"), ("recurring", "yearly")]


def test_a_sentence_not_opening_with_a_time_form_stays_in_the_note() -> None:
    parts = parse_timeframe("Năm 2022: triển khai. Tổ chức sơ kết vào tháng 6/2022").parts
    assert [(p.end, p.note) for p in parts] == [(D(2022, 12, 31), "triển khai. Tổ chức sơ kết vào tháng 6/2022")]


# ---------------------------------------------------------------- the source plans

SOURCE_FRAMES = [
    # Kế hoạch 12-KH/BDVTU, Bình Thuận, 2021
    ("vào tháng 8/2021", "period", D(2021, 8, 1), D(2021, 8, 31)),
    ("tổ chức hội nghị vào tháng 02/2021", "period", D(2021, 2, 1), D(2021, 2, 28)),
    ("tổ chức hội nghị vào tháng 6/2021", "period", D(2021, 6, 1), D(2021, 6, 30)),
    ("Tháng 6/2021", "period", D(2021, 6, 1), D(2021, 6, 30)),
    ("theo yêu cầu của cấp trên", "on-request", None, None),
    ("năm 2021", "period", D(2021, 1, 1), D(2021, 12, 31)),
    ("trong năm 2021", "period", D(2021, 1, 1), D(2021, 12, 31)),
    ("giai đoạn 2017 – 2021", "range", D(2017, 1, 1), D(2021, 12, 31)),
    ("giai đoạn 2016 - 2020", "range", D(2016, 1, 1), D(2020, 12, 31)),
    ("giai đoạn 2021 - 2026", "range", D(2021, 1, 1), D(2026, 12, 31)),
    # Kế hoạch hành động 36-KH/BDVTU, Bình Phước, 2021
    ("cấp tỉnh quý III/2021; cấp huyện quý IV/2021", "milestones", D(2021, 7, 1), D(2021, 12, 31)),
    (
        "- Thời gian thực hiện: cấp tỉnh quý III/2021; cấp huyện quý IV/2021. ",
        "milestones",
        D(2021, 7, 1),
        D(2021, 12, 31),
    ),
    ("hàng năm", "recurring", None, None),
    ("giai đoạn 2021 – 2025", "range", D(2021, 1, 1), D(2025, 12, 31)),
    ("Thời gian thực hiện từ năm 2021 đến năm 2025, cụ thể như sau:", "range", D(2021, 1, 1), D(2025, 12, 31)),
    ("- Năm 2021, triển khai thực hiện kế hoạch.", "period", D(2021, 1, 1), D(2021, 12, 31)),
    ("- Năm 2022 - 2024 tổ chức giám sát việc triển khai thực hiện kế hoạch.", "range", D(2022, 1, 1), D(2024, 12, 31)),
    (
        "- Năm 2025, kiểm tra và tổ chức hội nghị tổng kết 5 năm thực hiện kế hoạch (tổ chức lồng ghép) .",
        "period",
        D(2025, 1, 1),
        D(2025, 12, 31),
    ),
    (STAGED, "milestones", D(2021, 8, 1), D(2025, 12, 31)),
    ("+  Thời gian thực hiện: " + STAGED, "milestones", D(2021, 8, 1), D(2025, 12, 31)),
    # Kế hoạch 54-KH/BDVTU, Bình Thuận, 2022
    ("Thường xuyên", "continuous", None, None),
    ("* Thời gian thực hiện: Thường xuyên.  ", "continuous", None, None),
    ("trước ngày 09/4/2022", "deadline", None, D(2022, 4, 8)),
    ("vào đầu tháng 5/2022", "period", D(2022, 5, 1), D(2022, 5, 10)),
    ("đầu tháng 5/2022", "period", D(2022, 5, 1), D(2022, 5, 10)),
    ("Tháng 3/2022", "period", D(2022, 3, 1), D(2022, 3, 31)),
    ("* Thời gian thực hiện: Tháng 7/2022. ", "period", D(2022, 7, 1), D(2022, 7, 31)),
    ("Năm 2025", "period", D(2025, 1, 1), D(2025, 12, 31)),
    ("Hằng năm", "recurring", None, None),
    ("Định kỳ hàng quý", "recurring", None, None),
    ("giai đoạn 2022 - 2025", "range", D(2022, 1, 1), D(2025, 12, 31)),
    # written in the records so far
    ("hàng năm và giai đoạn", "recurring", None, None),
    ("6 tháng, 9 tháng đầu năm và tổng kết năm", "recurring", None, None),
    ("Từ năm 2021 đến năm 2025", "range", D(2021, 1, 1), D(2025, 12, 31)),
    # listed in DOMAIN.md
    ("Từ năm 2023 và các năm tiếp theo", "open-ended", D(2023, 1, 1), None),
    ("Quý IV/2023 và những năm tiếp theo", "open-ended", D(2023, 10, 1), None),
    ("Thường xuyên; sơ kết, tổng kết hàng năm", "continuous", None, None),
]


@pytest.mark.parametrize(("text", "kind", "start", "deadline"), SOURCE_FRAMES)
def test_every_time_frame_in_the_source_plans(
    text: str, kind: str, start: dt.date | None, deadline: dt.date | None
) -> None:
    frame = parse_timeframe(text)
    assert (frame.kind, frame.start, frame.deadline) == (kind, start, deadline)
    assert frame.text == text
    check_invariants(frame)


def test_source_lines_with_a_heading_have_no_label() -> None:
    parts = parse_timeframe("+  Thời gian thực hiện: " + STAGED).parts
    assert len(parts) == 4
    assert parts[0].label is None


# ---------------------------------------------------------------- spelling tolerance

SAME = [
    ("quy III/2021", "quý III/2021"),
    ("QUÝ III/2021", "quý III/2021"),
    ("Qúy III/2021", "quý III/2021"),  # tone mark on the other vowel
    ("quý iii/2021", "quý III/2021"),
    ("quý  III /  2021", "quý III/2021"),
    ("thuong xuyen", "Thường xuyên"),
    ("THƯỜNG XUYÊN", "Thường xuyên"),
    ("Thường xuyên.", "Thường xuyên"),
    ("Thường xuyên;", "Thường xuyên"),
    ("  Thường   xuyên  ", "Thường xuyên"),
    ("hang nam", "hằng năm"),
    ("hàng năm", "hằng năm"),
    ("dinh ky hang quy", "định kỳ hằng quý"),
    ("theo yeu cau cua cap tren", "theo yêu cầu của cấp trên"),
    ("thang 3/2022", "Tháng 3/2022"),
    ("dau thang 5/2022", "đầu tháng 5/2022"),
    ("vào  tháng 8/2021", "tháng 8/2021"),
    ("trong tháng 8/2021", "tháng 8/2021"),
    ("dự kiến tháng 8/2021", "tháng 8/2021"),
    ("tháng\u00a08/2021", "tháng 8/2021"),
    ("tháng\t8/2021\n", "tháng 8/2021"),
    ("truoc ngay 09/4/2022", "trước ngày 09/4/2022"),
    ("hoàn thành trước  ngày 09/4/2022.", "trước ngày 09/4/2022"),
    ("tu nam 2023 va cac nam tiep theo", "Từ năm 2023 và các năm tiếp theo"),
    ("TỪ THÁNG 8/2021 ĐẾN THÁNG 12/2021", "Từ tháng 8/2021 đến tháng 12/2021"),
    (unicodedata.normalize("NFD", "Từ tháng 8/2021 đến tháng 12/2021"), "Từ tháng 8/2021 đến tháng 12/2021"),
    (
        unicodedata.normalize("NFD", "Thường xuyên; sơ kết, tổng kết hàng năm"),
        "Thường xuyên; sơ kết, tổng kết hàng năm",
    ),
    (unicodedata.normalize("NFD", STAGED), STAGED),
]


@pytest.mark.parametrize(("written", "plain"), SAME)
def test_accents_case_and_spacing_do_not_matter(written: str, plain: str) -> None:
    a, b = parse_timeframe(written), parse_timeframe(plain)
    read = [(p.kind, p.start, p.end, p.recurrence, p.open_ended, p.by) for p in a.parts]
    assert read == [(p.kind, p.start, p.end, p.recurrence, p.open_ended, p.by) for p in b.parts]
    assert (a.kind, a.start, a.deadline, a.first_due) == (b.kind, b.start, b.deadline, b.first_due)
    assert a.text == written


def test_labels_and_notes_come_from_the_original_in_nfc() -> None:
    frame = parse_timeframe(unicodedata.normalize("NFD", "Hội nghị hoà giải quý III/2021: Tổng kết"))
    assert (frame.parts[0].label, frame.parts[0].note) == ("Hội nghị hoà giải", "Tổng kết")
    assert unicodedata.is_normalized("NFD", frame.text)


# ---------------------------------------------------------------- errors

ERRORS = [
    ("", "để trống"),
    ("   ", "để trống"),
    ("tháng 13/2021", "tháng 13"),
    ("tháng 0/2021", "tháng 0"),
    ("quý V/2021", "quý V không tồn tại (chỉ có quý I đến IV)"),
    ("quý 5/2021", "quý 5"),
    ("quý IIII/2021", "quý IIII"),
    ("31/02/2022", "31/02/2022"),
    ("ngày 30/02/2021", "30/02/2021"),
    ("ngày 31/4/2022", "31/4/2022"),
    ("ngày 29/02/2023", "29/02/2023"),
    ("ngày 9 tháng 13 năm 2022", "tháng 13"),
    ("năm 1900", "1900"),
    ("năm 2101", "2101"),
    ("1900", "1900"),
    ("Năm 2025 - 2021", "2025 - 2021"),
    ("từ tháng 12/2022 đến tháng 1/2022", "tháng 12/2022 đến tháng 1/2022"),
    ("sớm nhất có thể", "sớm nhất có thể"),
    ("ngày mai", "ngày mai"),
    ("tháng 8", "tháng 8"),
    ("quý III", "quý III"),
    ("::;;..", "::;;.."),
    ("cấp tỉnh quý V/2021; cấp huyện quý IV/2021", "quý V"),
    ("Thường xuyên; tháng 13/2022", "tháng 13"),
]


@pytest.mark.parametrize(("text", "quoted"), ERRORS)
def test_unreadable_frames_quote_the_fragment(text: str, quoted: str) -> None:
    with pytest.raises(TimeFrameError) as caught:
        parse_timeframe(text)
    assert quoted in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_accepted_forms_is_one_line_whose_examples_all_parse() -> None:
    assert "\n" not in ACCEPTED_FORMS
    examples = [e for e in re.findall(r"'([^']+)'", ACCEPTED_FORMS) if e != ";"]
    assert len(examples) >= 14
    for example in examples:
        check_invariants(parse_timeframe(example))


JUNK = [
    "::;;..",
    ";",
    ".",
    "quý",
    "tháng /",
    "từ đến",
    "từ năm 2021 đến",
    "từ tháng 1 đến tháng 2",
    "từ tháng 11 đến tháng 2/1945",
    "9999999999/1/1",
    "\x00",
    "quý IIII/2021",
    "ngày 0/0/0",
    "0/0/0000",
    "99/99/9999",
    "năm 0000",
    "năm 99999",
    "quý 0/2021",
    "quý 99/2021",
    "tháng 00/2021",
    "đến",
    "trước",
    "trước ngày",
    "trước ngày 01/01/1945",
    "2021-",
    "-2021",
    "2021--2025",
    "—",
    "-" * 200,
    "🙂 năm 2022",
    "ß quý III/2021",
    "ǅ",
    "\u0301",
    "Ⅲ",
    "năm ٢٠٢١",
    "năm ２０２１",
    "\ud800",
    "(((",
    ")))năm 2022(((",
    "./.",
    "Năm 2022./.",
    "a " * 3000 + "quý III/2021",
    "vào " * 2000,
    "năm 2021 - " * 500,
    "1/" * 2000,
    "quý vị đại biểu",
]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_raises_only_timeframe_errors(junk: str) -> None:
    try:
        frame = parse_timeframe(junk)
    except TimeFrameError as err:
        assert str(err)
    else:
        check_invariants(frame)


# A fixed-seed token fuzz in place of a property-based test: every mix of time words,
# numbers and separators either reads with consistent dates or raises TimeFrameError.
TOKENS = [
    *["năm", "quý", "tháng", "ngày", "từ", "đến", "đến hết", "trước", "chậm nhất", "hạn chót", "hằng", "hàng"],
    *["thường xuyên", "theo yêu cầu", "giai đoạn", "đầu", "giữa", "cuối", "6 tháng", "và các năm tiếp theo"],
    *["trở đi", "hoàn thành trong", "vào", "dự kiến", "cấp tỉnh", "I", "II", "III", "IV", "V", "0", "1", "2"],
    *["9", "12", "13", "29", "31", "02", "1944", "1945", "2021", "2022", "2024", "2100", "2101"],
    *["/", "-", "–", ";", ".", ":", ",", "(", ")"],
]
FUZZ = [" ".join(random.Random(seed).choices(TOKENS, k=random.Random(-seed).randint(1, 12))) for seed in range(400)]


@pytest.mark.parametrize("text", FUZZ)
def test_fuzzed_frames_read_consistently_or_raise_timeframe_error(text: str) -> None:
    try:
        frame = parse_timeframe(text)
    except TimeFrameError as err:
        assert str(err)
    else:
        check_invariants(frame)
        assert frame.text == text


def test_parts_and_frames_are_immutable_values() -> None:
    frame = parse_timeframe("quý III/2021")
    assert frame == parse_timeframe("quý III/2021")
    assert frame.parts == (Part("quarter", D(2021, 7, 1), D(2021, 9, 30)),)
    with pytest.raises(AttributeError):
        frame.parts[0].end = None  # type: ignore[misc]
