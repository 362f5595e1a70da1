"""render_new, the API kehoach import writes drafts with: canonical text,
review comments placed before the keys they concern."""

from __future__ import annotations

import datetime as dt

from kehoach.author.canonical import render_new
from kehoach.load import yamlsafe
from kehoach.model import TaskStatus


def test_draft_with_review_notes() -> None:
    data = {
        "text": "Tổ chức hội nghị",
        "id": "tinh-a-2021-12-kh-bdvtu-nv09",
        "order": 9,
        "plan": "tinh-a-2021-12-kh-bdvtu",
        "section": "1",
        "status": TaskStatus.DONE,
        "completed": dt.date(2021, 6, 30),
    }
    notes = {"text": "KIỂM TRA: nội dung đọc từ Word", ("section",): "# KIỂM TRA: mục\nchưa rõ", "": "Bản nháp"}
    assert render_new("task", data, notes) == (
        "# yaml-language-server: $schema=../../../../schema/task.schema.json\n"
        "# Bản nháp\n"
        "id: tinh-a-2021-12-kh-bdvtu-nv09\n"
        "plan: tinh-a-2021-12-kh-bdvtu\n"
        "# KIỂM TRA: mục\n"
        "# chưa rõ\n"
        'section: "1"\n'
        "order: 9\n"
        "# KIỂM TRA: nội dung đọc từ Word\n"
        "text: Tổ chức hội nghị\n"
        "status: done\n"
        "completed: 2021-06-30\n"
    )


def test_nested_note_path_and_long_text() -> None:
    heading = (
        "Nâng cao hiệu quả công tác dân vận của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và hội quần chúng"
    )
    data = {
        "id": "tinh-a-2021-13-kh-bdvtu",
        "number": "13-KH/BDVTU",
        "issuer": "tinh-a-ban-dan-van",
        "date": "2021-03-01",
        "title": "thực hiện công tác dân vận",
        "sections": [{"heading": heading, "number": "II"}],
    }
    text = render_new("plan", data, {"sections.0.heading": "KIỂM TRA: tên mục"})
    assert "  - number: II\n    # KIỂM TRA: tên mục\n    heading: >-\n      Nâng cao" in text
    assert yamlsafe.parse(text).data == data
    assert max(len(line) for line in text.splitlines()) <= 100
