"""Static SVG timelines: one bar per dated part, escaped labels, the build date marked."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from kehoach.site.timeline import Bar, Row, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_bars_labels_and_today() -> None:
    rows = [
        Row("1. <b>Quán triệt</b> & triển khai", "#nv01", (Bar(dt.date(2021, 7, 1), dt.date(2021, 9, 30)),), "overdue"),
        Row(
            "2. Hai mốc",
            "#nv02",
            (Bar(dt.date(2021, 7, 1), dt.date(2021, 9, 30)), Bar(dt.date(2021, 10, 1), dt.date(2021, 12, 31))),
            "in-time",
        ),
        Row("3. Thường xuyên", "#nv03", (), "continuous"),  # nothing to draw: left out
    ]
    svg = timeline_svg(rows, dt.date(2021, 10, 15), "Thời gian <kế hoạch>")
    root = ET.fromstring(svg)  # well-formed XML: nothing unescaped
    rects = root.findall(f".//{SVG}rect")
    assert len(rects) == 3
    assert rects[0].get("class") == "kh-bar kh-overdue"
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "1. <b>Quán triệt</b> & triển khai" in labels
    assert "15/10/2021" in labels
    assert not any("Thường xuyên" in (label or "") for label in labels)
    # the later milestone is drawn to the right of the earlier one
    assert float(rects[2].get("x")) > float(rects[1].get("x"))


def test_no_dated_task_no_chart() -> None:
    assert timeline_svg([Row("x", "#x", (), "continuous")], dt.date(2021, 1, 1), "t") == ""
