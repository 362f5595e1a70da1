"""The whole flow for ``kehoach check``: load every record file, validate it
against its model, index the valid records, run the rules, and return the
findings (only those about the requested files, when files are given)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .findings import Finding
from .index import Index, build
from .load import LoadedFile, discover, load_file
from .model.common import Record
from .model.validate import validate
from .rules import identity, numbers, references
from .rules.catalog import RULES

RECORD_RULES = (
    identity.check_file_names,
    identity.check_task_folders,
    identity.check_task_order,
    references.check_references,
    references.check_sections,
    numbers.check_type_codes,
)


@dataclass
class CheckResult:
    findings: list[Finding]
    files: int  # files read
    records: int  # records that passed the model stage
    index: Index


def _model_stage(loaded: LoadedFile) -> Record | None:
    if loaded.kind is None:
        loaded.add(
            "KH202",
            "không xác định được loại bản ghi từ đường dẫn; bản ghi nằm ở records/units/<mã>.yaml, "
            "records/directives/<mã>.yaml, records/plans/<mã kế hoạch>/<mã kế hoạch>.yaml hoặc "
            "records/plans/<mã kế hoạch>/tasks/<mã nhiệm vụ>.yaml (phần mở rộng .yaml)",
        )
        return None
    if loaded.data is None:
        return None
    record, problems = validate(loaded.kind, loaded.data)
    for loc, code, message in problems:
        line, col = loaded.positions.key_of(loc) if code == "KH101" else loaded.positions.of(loc)
        loaded.add(code, message, line, col)
    return record


def load_repository(root: Path) -> tuple[Index, list[Finding]]:
    """Load and index every record under ``root``; return the index and all findings."""
    files = [load_file(root, path) for path in discover(root)]
    valid: list[tuple[LoadedFile, Record]] = []
    for loaded in files:
        record = _model_stage(loaded)
        if record is not None:
            valid.append((loaded, record))
    index, duplicates = build(files, valid)
    findings = [f for loaded in files for f in loaded.findings]
    findings.extend(identity.check_duplicates(duplicates))
    for rule in RECORD_RULES:
        findings.extend(rule(index))
    return index, findings


def _selected(root: Path, paths: Sequence[Path]) -> set[PurePosixPath]:
    chosen: set[PurePosixPath] = set()
    for path in paths:
        absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
        files = [absolute] if not absolute.is_dir() else [p.resolve() for p in discover_under(absolute)]
        for file in files:
            try:
                chosen.add(PurePosixPath(file.relative_to(root.resolve()).as_posix()))
            except ValueError:
                chosen.add(PurePosixPath(file.as_posix()))
    return chosen


def discover_under(folder: Path) -> Iterable[Path]:
    return (p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml"))


def run_check(root: Path, paths: Sequence[Path] = ()) -> CheckResult:
    """Check the repository at ``root``. With ``paths``, report findings about
    those files only, but resolve references against the whole repository."""
    index, findings = load_repository(root)
    if paths:
        chosen = _selected(root, paths)
        findings = [f for f in findings if PurePosixPath(f.path) in chosen]
    findings.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    records = len(index.entries)
    return CheckResult(findings, len(index.files), records, index)


__all__ = ["RULES", "CheckResult", "load_repository", "run_check"]
