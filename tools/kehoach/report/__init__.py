"""Stage 5 of the flow: findings as text for people, JSON for programs, and
workflow annotations for a CI host. A value quoted in a finding can hold any
character: text and annotations show control, invisible and direction-changing
characters escaped (one finding is one line, and nothing reaches the terminal
as a command); JSON escapes them its own way."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring as _string  # what json.dumps(..., ensure_ascii=False) quotes with
from typing import TextIO

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
    return "".join(_text_parts(findings, files, hidden))


def _text_parts(findings: Sequence[Finding], files: int, hidden: int) -> Iterator[str]:
    labels = {severity: severity.label for severity in Severity}
    for part in _batches(findings):
        if _printable(part):  # the usual batch: nothing to escape, no line break in a message
            yield "".join(f"{f.path}:{f.line}:{f.col}: {f.code} [{labels[f.severity]}] {f.message}\n" for f in part)
        else:
            yield "".join(
                f"{visible(f.location())}: {f.code} [{f.severity.label}] {_message(f.message)}\n" for f in part
            )
    yield summary(findings, files, hidden) + "\n"


def _printable(findings: Sequence[Finding]) -> bool:
    """Whether no path, code or message of ``findings`` holds a character ``visible``
    or ``_message`` would change: every character they escape (controls, line breaks,
    invisible and direction-changing ones) is one ``str.isprintable`` refuses, so one
    test in C of all of them at once stands for a regular expression run on each."""
    return " ".join(f"{f.path} {f.code} {f.message}" for f in findings).isprintable()


# Findings written at a time: a large repository's report (100,000 findings,
# 35 MB of JSON) is written as it is made, never held whole in memory.
BATCH = 2000


def _batches(findings: Sequence[Finding]) -> Iterator[Sequence[Finding]]:
    for start in range(0, len(findings), BATCH):
        yield findings[start : start + BATCH]


def as_json(findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    return "".join(_json_parts(findings, files, hidden))


def _json_parts(findings: Sequence[Finding], files: int, hidden: int) -> Iterator[str]:
    """The text ``json.dumps(payload, ensure_ascii=False, indent=2)`` gives for
    ``{"files": ..., "findings": [...], "summary": ...}``, made and given a batch
    of findings at a time."""
    yield '{\n  "files": ' + json.dumps(files) + ',\n  "findings": ['
    first = True
    for part in _batches(findings):
        chunk = []
        for f in part:
            chunk.append(
                ("\n    {\n" if first else ",\n    {\n")
                + f'      "path": {_string(f.path)},\n'
                + f'      "line": {int.__repr__(f.line)},\n'
                + f'      "column": {int.__repr__(f.col)},\n'
                + f'      "code": {_string(f.code)},\n'
                + f'      "severity": {_string(f.severity.value)},\n'
                + f'      "message": {_string(f.message)}\n'
                + "    }"
            )
            first = False
        yield "".join(chunk)
    yield ("]" if first else "\n  ]") + ',\n  "summary": ' + _string(summary(findings, files, hidden)) + "\n}\n"


def _escape_data(text: str) -> str:
    """A value in a workflow command: control characters shown escaped (a line
    break would end the command), then '%', CR and LF encoded as the host wants."""
    return _message(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    """Workflow commands (::error file=...,line=...::message) that a CI host shows on the changed lines."""
    return "".join(_github_parts(findings, files, hidden))


_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_parts(findings: Sequence[Finding], files: int, hidden: int) -> Iterator[str]:
    for part in _batches(findings):
        yield "".join(
            f"::{_LEVEL[f.severity]} file={_escape_property(f.path)},line={max(f.line, 1)},col={max(f.col, 1)},"
            f"title={_escape_property(f.code)}::{_escape_data(f.message)}\n"
            for f in part
        )
    yield summary(findings, files, hidden) + "\n"


_PARTS = {"text": _text_parts, "json": _json_parts, "github": _github_parts}


def render(fmt: str, findings: Sequence[Finding], files: int, hidden: int = 0) -> str:
    return "".join(_PARTS[fmt](findings, files, hidden))


def write(out: TextIO, fmt: str, findings: Sequence[Finding], files: int, hidden: int = 0) -> None:
    """``render``'s text written to ``out`` as it is made, a batch of findings at a time."""
    for part in _PARTS[fmt](findings, files, hidden):
        out.write(part)
