"""A day of every year written in the work ('trước ngày 20 tháng 01 hằng năm', 'trước ngày 15/12 hàng năm') is its
time frame, ahead of a closing 'hoặc theo yêu cầu của ...' that says who may ask earlier."""

from __future__ import annotations

import pytest

from kehoach.importer.structure.timeframes import time_in_text


@pytest.mark.parametrize(
    ("text", "time"),
    [
        (
            "Phòng Kinh tế tổng hợp danh sách, gửi Sở Công Thương trước ngày 20 tháng 01 hằng năm hoặc theo yêu cầu "
            "của Ủy ban nhân dân huyện.",
            "trước ngày 20 tháng 01 hằng năm",
        ),
        ("Các xã báo cáo kết quả trước ngày 15/12 hàng năm.", "trước ngày 15/12 hàng năm"),
        ("Hoàn thành trước ngày 30/6/2026.", "trước ngày 30/6/2026"),
    ],
)
def test_a_day_of_every_year_is_the_time(text: str, time: str) -> None:
    assert time_in_text(text)[0] == time
