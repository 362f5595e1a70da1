"""Stage 5 of the flow: findings as text for people, JSON for programs, and
workflow annotations for a CI host. A value quoted in a finding can hold any
character: text and annotations show control, invisible and direction-changing
characters escaped (one finding is one line, and nothing reaches the terminal
as a command); JSON escapes them its own way."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence

from ..chars import visible
from ..findings import Finding, Severity

FORMATS = ("text", "json", "github")


_LINE_START = re.compile(r"\n(?! )")


def _message(text: str) -> str:
    """A message as printed: its own indented continuation lines (an excerpt of
    the file under a syntax error) kept, any other line break and every control,
    invisible or direction-changing character escaped, so that nothing in it
    can start a line that reads as another finding."""
    return visible(_LINE_START.sub(r"\\n", text), keep="\n")


def summary(findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    counts = Counter(f.severity for f in findings)
    note = f" Có {hidden} mục thông tin không hiện; xem bằng --info." if hidden else ""
    if not findings:
        return f"Không có lỗi: đã kiểm tra {files} tệp.{note}"
    parts = [f"{counts[s]} {s.label}" for s in Severity if counts[s]]
    where = len({f.path for f in findings})
    return f"Tìm thấy {', '.join(parts)} trong {where} tệp (đã kiểm tra {files} tệp).{note}"


def as_text(findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    lines = [f"{visible(f.location())}: {f.code} [{f.severity.label}] {_message(f.message)}" for f in findings]
    lines.append(summary(findings, files, hidden))
    return "\n".join(lines) + "\n"


def as_json(findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    payload = {
        "files": files,
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.col,
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
            }
            for f in findings
        ],
        "summary": summary(findings, files, hidden),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    """A value in a workflow command: control characters shown escaped (a line
    break would end the command), then '%', CR and LF encoded as the host wants."""
    return _message(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    """Workflow commands (::error file=...,line=...::message) that a CI host shows on the changed lines."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = [
        f"::{level[f.severity]} file={_escape_property(f.path)},line={max(f.line, 1)},col={max(f.col, 1)},"
        f"title={_escape_property(f.code)}::{_escape_data(f.message)}"
        for f in findings
    ]
    lines.append(summary(findings, files, hidden))
    return "\n".join(lines) + "\n"


def render(fmt: str, findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    return {"text": as_text, "json": as_json, "github": as_github}[fmt](findings, files, hidden)
