"""What an import did, in Vietnamese: files created, records linked, values left
for review, and what ``kehoach check`` says about the new files."""

from __future__ import annotations

from pathlib import Path

from ..codes import Code
from ..findings import Finding
from .draft import Outcome
from .write import DOUBT, Written


def _header(outcome: Outcome) -> list[str]:
    lines = []
    for label, record in (("Báo cáo", outcome.report), ("Kế hoạch", outcome.plan)):
        if record is None:
            continue
        date = record.data.get("date")
        when = f", ngày {date:%d/%m/%Y}" if date else ""
        what = f"{label} {record.data.get('number')}{when}"
        if label == "Kế hoạch" and outcome.report is not None:
            what = f"Phần chương trình của báo cáo ('{record.data.get('title')}')"
        lines.append(f"{what} ({outcome.source.name}): mã '{record.id}'")
    return lines


def _counts(outcome: Outcome) -> str:
    report = outcome.report
    parts = []
    if report is not None:
        parts.append(
            f"1 báo cáo ({len(report.data.get('results', []))} kết quả gắn với nhiệm vụ, "
            f"{len(report.data.get('figures', []))} số liệu)"
        )
    if outcome.plan is not None:
        parts.append(f"1 kế hoạch, {len(outcome.tasks)} nhiệm vụ")
    parts.append(f"{len(outcome.directives)} văn bản mới, {len(outcome.units)} đơn vị đề xuất mới")
    return ", ".join(parts)


def _linked(outcome: Outcome) -> list[str]:
    lines = []
    if outcome.linked_directives:
        lines.append(f"Liên kết {len(outcome.linked_directives)} văn bản đã có: {', '.join(outcome.linked_directives)}")
    if outcome.linked_units:
        lines.append(f"Liên kết {len(outcome.linked_units)} đơn vị đã có: {', '.join(outcome.linked_units)}")
    return lines


def _review(outcome: Outcome) -> list[str]:
    lines = []
    if outcome.units:
        lines.append("Đơn vị chưa có trong danh mục, đề xuất tạo mới (cần xem lại tên, loại, cấp trên):")
        lines += [f"  {u.id}: {u.data['name']}" for u in outcome.units]
    doubtful = [d for d in outcome.drafts if d.doubts]
    if doubtful:
        lines.append(
            f"Cần người xem lại: {outcome.doubt_count} giá trị có chú thích '# {DOUBT}' trong {len(doubtful)} tệp"
        )
        for draft in doubtful:
            for key, notes in draft.doubts.items():
                for note in notes:
                    where = f" [{key}]" if key else ""
                    lines.append(f"  {draft.path}{where}: {note}")
    if outcome.cleaning:
        lines.append("Đã chuẩn hóa văn bản gốc: " + "; ".join(outcome.cleaning))
    return lines


def _checked(findings: list[Finding]) -> list[str]:
    findings = [f for f in findings if f.code != Code.KH018]  # the review notes are listed above, once
    if not findings:
        return ["Kiểm tra (kehoach check): các tệp mới không có lỗi."]
    lines = [f"Kiểm tra (kehoach check): {len(findings)} lỗi hoặc cảnh báo ở các tệp mới:"]
    lines += [f"  {f.location()}: {f.code} [{f.severity.label}] {f.message}" for f in findings]
    return lines


def plan_of_files(outcome: Outcome, out: Path, findings: list[Finding]) -> str:
    """--dry-run: the files an import would create, and everything else it would report."""
    lines = _header(outcome)
    lines.append(f"Sẽ tạo trong {out} ({_counts(outcome)}):")
    for draft in outcome.drafts:
        state = "đã có, giữ nguyên" if (out / draft.path).exists() else "mới"
        lines.append(f"  {draft.path} ({state})")
    lines += _linked(outcome) + _review(outcome) + _checked(findings)
    lines.append("Chạy thử (--dry-run): chưa ghi tệp nào.")
    return "\n".join(lines) + "\n"


def report(outcome: Outcome, written: Written, findings: list[Finding]) -> str:
    lines = _header(outcome)
    lines.append(f"Đã tạo {len(written.created)} tệp ({_counts(outcome)}):")
    lines += [f"  {path}" for path in written.created]
    if written.skipped:
        lines.append("Đã có sẵn, không ghi đè:")
        lines += [f"  {path}" for path in written.skipped]
    lines += _linked(outcome) + _review(outcome) + _checked(findings)
    return "\n".join(lines) + "\n"
