"""The report is written a batch of findings at a time (a large repository's
JSON is tens of megabytes): what is written must be exactly what one
``json.dumps`` of the whole payload, or one join of every line, would give."""

from __future__ import annotations

import io
import json

import pytest

from kehoach import report
from kehoach.findings import Finding, Severity

MESSAGES = [
    "giá trị 'x' không hợp lệ",
    'có "ngoặc kép" và \\ gạch chéo',
    "xuống\ndòng\ttab\x1b[2J",
    "\u202e đảo chiều",
    "",
]


def findings(count: int) -> list[Finding]:
    severities = list(Severity)
    return [
        Finding(
            f'records/plans/kh-{i % 7}/nhiệm vụ "{i}".yaml',
            i % 50,
            i % 9 + 1,
            f"KH{100 + i % 13}",
            MESSAGES[i % len(MESSAGES)],
            severities[i % 3],
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("count", [0, 1, report.BATCH, 2 * report.BATCH + 3])
def test_json_is_the_whole_payload_dumped_at_once(count: int) -> None:
    found = findings(count)
    whole = {
        "files": 12,
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.col,
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
            }
            for f in found
        ],
        "summary": report.summary(found, 12, 3),
    }
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert report.render("json", found, 12, 3) == expected
    out = io.StringIO()
    report.write(out, "json", found, 12, 3)
    assert out.getvalue() == expected


@pytest.mark.parametrize("fmt", ["text", "github"])
@pytest.mark.parametrize("count", [0, 2 * report.BATCH + 3])
def test_text_and_annotations_have_one_line_a_finding_then_the_summary(fmt: str, count: int) -> None:
    found = findings(count)
    out = io.StringIO()
    report.write(out, fmt, found, 12)
    lines = out.getvalue().splitlines()
    assert out.getvalue() == report.render(fmt, found, 12)
    assert len(lines) == count + 1 and lines[-1] == report.summary(found, 12)
    for at in (0, report.BATCH - 1, report.BATCH, count - 1)[: 4 if count else 0]:  # in order across batches
        assert found[at].path in lines[at] and f"{found[at].line}" in lines[at] and found[at].code in lines[at]


@pytest.mark.parametrize("message", [*MESSAGES, "khoảng\xa0cách không ngắt", "tab\tở giữa", "dòng\n  thụt vào"])
def test_a_line_is_written_alike_in_a_batch_with_or_without_characters_to_escape(message: str) -> None:
    """A batch with nothing to escape is written without looking at each finding:
    the lines must be those a batch holding a control character gives."""
    finding = Finding("records/units/don-vi.yaml", 3, 4, "KH101", message)
    alone = report.render("text", [finding], 1).split("\n")[0]
    beside = report.render("text", [finding, Finding("records/x.yaml", 1, 1, "KH102", "\x1b[2J")], 2).split("\n")[0]
    assert alone == beside
    assert "\x1b" not in alone and "\u202e" not in alone and "\t" not in alone
    if message == MESSAGES[0]:
        assert alone == "records/units/don-vi.yaml:3:4: KH101 [lỗi] giá trị 'x' không hợp lệ"
