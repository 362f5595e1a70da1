"""Reading time frames as the documents write them, with the deadlines they imply."""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata

import pytest

from kehoach.model.timeframe import TimeFrameError, parse_timeframe

D = dt.date
STAGED = (
    "Từ tháng 8/2021 đến tháng 12/2021: Triển khai kế hoạch, các cấp, các ngành liên quan ban hành văn bản "
    "thực hiện kế hoạch; Nghiên cứu, khảo sát, triển khai thí điểm. Năm 2022: Thực hiện trên diện rộng ở tất "
    "cả các nội dung (đối với các đề án, kế hoạch của MTTQ và các đoàn thể tỉnh thực hiện theo phê duyệt của "
    "Tỉnh ủy). Năm 2023: Kiểm tra, sơ kết, nhân rộng điển hình. Năm 2025: Tổng kết Đề án."
)


@pytest.mark.parametrize(
    ("text", "kind", "start", "deadline"),
    [
        # every form found in the source plans
        ("quý III/2021", "period", D(2021, 7, 1), D(2021, 9, 30)),
        ("quý IV/2021", "period", D(2021, 10, 1), D(2021, 12, 31)),
        ("Tháng 3/2022", "period", D(2022, 3, 1), D(2022, 3, 31)),
        ("Tháng 7/2022", "period", D(2022, 7, 1), D(2022, 7, 31)),
        ("vào tháng 8/2021", "period", D(2021, 8, 1), D(2021, 8, 31)),
        ("tháng 02/2021", "period", D(2021, 2, 1), D(2021, 2, 28)),
        ("trước ngày 09/4/2022", "deadline", None, D(2022, 4, 8)),  # "trước" is strict
        ("đầu tháng 5/2022", "period", D(2022, 5, 1), D(2022, 5, 10)),
        ("Năm 2025", "period", D(2025, 1, 1), D(2025, 12, 31)),
        ("Từ tháng 8/2021 đến tháng 12/2021", "range", D(2021, 8, 1), D(2021, 12, 31)),
        ("Từ năm 2021 đến năm 2025", "range", D(2021, 1, 1), D(2025, 12, 31)),
        ("giai đoạn 2022 - 2025", "range", D(2022, 1, 1), D(2025, 12, 31)),
        ("Năm 2022 - 2024", "range", D(2022, 1, 1), D(2024, 12, 31)),
        ("2021–2025", "range", D(2021, 1, 1), D(2025, 12, 31)),
        ("Thường xuyên", "continuous", None, None),
        ("hằng năm", "recurring", None, None),
        ("Hàng năm", "recurring", None, None),
        ("định kỳ hàng quý", "recurring", None, None),
        ("theo yêu cầu của cấp trên", "on-request", None, None),
        ("Thường xuyên; sơ kết, tổng kết hàng năm", "continuous", None, None),
        ("Từ năm 2023 và các năm tiếp theo", "open-ended", D(2023, 1, 1), None),
        ("Quý IV/2023 và những năm tiếp theo", "open-ended", D(2023, 10, 1), None),
        ("Năm 2025 và các năm tiếp theo", "open-ended", D(2025, 1, 1), None),
        ("cấp tỉnh quý III/2021; cấp huyện quý IV/2021", "milestones", D(2021, 7, 1), D(2021, 12, 31)),
        ("Ngày 05/12/2022", "period", D(2022, 12, 5), D(2022, 12, 5)),
        ("ngày 9 tháng 4 năm 2022", "period", D(2022, 4, 9), D(2022, 4, 9)),
        ("chậm nhất ngày 09/4/2022", "deadline", None, D(2022, 4, 9)),
        ("trước tháng 6/2022", "deadline", None, D(2022, 5, 31)),
        ("6 tháng đầu năm 2022", "period", D(2022, 1, 1), D(2022, 6, 30)),
        ("6 tháng cuối năm 2022", "period", D(2022, 7, 1), D(2022, 12, 31)),
        ("cuối năm 2022", "period", D(2022, 10, 1), D(2022, 12, 31)),
        ("giữa tháng 5/2022", "period", D(2022, 5, 11), D(2022, 5, 20)),
        ("cuối tháng 2/2024", "period", D(2024, 2, 21), D(2024, 2, 29)),
        ("từ ngày 01/3/2022 đến ngày 30/4/2022", "range", D(2022, 3, 1), D(2022, 4, 30)),
        ("từ quý II/2022 đến quý IV/2022", "range", D(2022, 4, 1), D(2022, 12, 31)),
        ("Từ tháng 8 đến tháng 12/2021", "range", D(2021, 8, 1), D(2021, 12, 31)),
        ("Quý 3/2021", "period", D(2021, 7, 1), D(2021, 9, 30)),
        ("quý III năm 2021", "period", D(2021, 7, 1), D(2021, 9, 30)),
        ("Thường xuyên; đầu tháng 5/2022", "period", D(2022, 5, 1), D(2022, 5, 10)),
        (STAGED, "milestones", D(2021, 8, 1), D(2025, 12, 31)),
    ],
)
def test_forms(text: str, kind: str, start: dt.date | None, deadline: dt.date | None) -> None:
    frame = parse_timeframe(text)
    assert (frame.kind, frame.start, frame.deadline) == (kind, start, deadline)
    assert frame.text == text
    assert frame.is_continuous == (deadline is None)


def test_labels_and_milestones_keep_their_wording() -> None:
    frame = parse_timeframe("cấp tỉnh quý III/2021; cấp huyện quý IV/2021")
    assert [(p.label, p.end) for p in frame.parts] == [("cấp tỉnh", D(2021, 9, 30)), ("cấp huyện", D(2021, 12, 31))]
    assert frame.first_due == D(2021, 9, 30)
    assert parse_timeframe("tổ chức hội nghị vào tháng 6/2021").parts[0].label == "tổ chức hội nghị"


def test_staged_timeline_has_four_milestones_with_notes() -> None:
    parts = parse_timeframe(STAGED).parts
    assert [p.end for p in parts] == [D(2021, 12, 31), D(2022, 12, 31), D(2023, 12, 31), D(2025, 12, 31)]
    assert parts[0].note == (
        "Triển khai kế hoạch, các cấp, các ngành liên quan ban hành văn bản thực hiện kế hoạch; "
        "Nghiên cứu, khảo sát, triển khai thí điểm"
    )
    assert parts[3].note == "Tổng kết Đề án"


def test_recurring_part_is_labelled() -> None:
    parts = parse_timeframe("Thường xuyên; sơ kết, tổng kết hàng năm").parts
    assert [(p.kind, p.recurrence, p.label) for p in parts] == [
        ("continuous", None, None),
        ("recurring", "yearly", "sơ kết, tổng kết"),
    ]


def test_open_ended_has_a_first_due_date() -> None:
    frame = parse_timeframe("Quý IV/2023 và những năm tiếp theo")
    assert frame.first_due == D(2023, 12, 31)
    assert frame.parts[0].recurrence == "yearly"


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("quy III/2021", "quý III/2021"),
        ("thuong xuyen", "Thường xuyên"),
        ("THƯỜNG XUYÊN", "Thường xuyên"),
        (unicodedata.normalize("NFD", "Từ tháng 8/2021 đến tháng 12/2021"), "Từ tháng 8/2021 đến tháng 12/2021"),
        ("hoàn thành trước  ngày 09/4/2022.", "trước ngày 09/4/2022"),
    ],
)
def test_accents_case_and_spacing_do_not_matter(written: str, plain: str) -> None:
    a, b = parse_timeframe(written), parse_timeframe(plain)
    assert (a.kind, a.start, a.deadline) == (b.kind, b.start, b.deadline)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("tháng 13/2021", "tháng 13"),
        ("quý V/2021", "quý V"),
        ("31/02/2022", "31/02/2022"),
        ("ngày 30/02/2021", "30/02/2021"),
        ("năm 1900", "1900"),
        ("Năm 2025 - 2021", "2025 - 2021"),
        ("sớm nhất có thể", "sớm nhất có thể"),
        ("ngày mai", "ngày mai"),
        ("", "để trống"),
        ("   ", "để trống"),
    ],
)
def test_unreadable_frames_quote_the_fragment(text: str, quoted: str) -> None:
    with pytest.raises(TimeFrameError) as caught:
        parse_timeframe(text)
    assert quoted in str(caught.value)


@pytest.mark.parametrize(
    "junk",
    ["::;;..", "quý", "tháng /", "từ đến", "từ năm 2021 đến", "9999999999/1/1", "\x00", "quý IIII/2021", "ngày 0/0/0"],
)
def test_junk_raises_only_timeframe_errors(junk: str) -> None:
    with contextlib.suppress(TimeFrameError):
        parse_timeframe(junk)
