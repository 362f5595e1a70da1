"""The whole flow for ``kehoach check``: load every record file, validate it
against its model, index the valid records, run the rules, apply the
repository's configuration and inline suppressions, and return the findings
(only those about the requested files, plus what they broke elsewhere)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .config import Config, load_config
from .findings import Finding
from .index import Index, build
from .load import LoadedFile, discover, new_file, parse_bytes, read_bytes
from .load.cache import RecordCache, content_key
from .model.common import Record
from .model.validate import validate
from .rules import chronology, graph, identity, numbers, references, status
from .rules.base import Context

RECORD_RULES = (
    identity.check_file_names,
    identity.check_task_folders,
    identity.check_task_order,
    identity.check_case_collisions,
    identity.check_same_document,
    references.check_references,
    references.check_sections,
    graph.check_supersession_cycles,
    graph.check_unit_cycles,
    graph.check_superseded_citations,
    graph.check_supersession_status,
    numbers.check_type_codes,
    numbers.check_issuer_codes,
    chronology.check_cited_dates,
    chronology.check_task_dates,
    chronology.check_unit_validity,
    status.check_completion,
    status.check_overdue,
    status.check_lead,
    status.check_uncited,
)

# Findings that a change to one file causes in other files: reported in a
# partial check too, so that deleting or renaming a record cannot slip through.
KNOCK_ON_CODES = frozenset({"KH301", "KH302", "KH303", "KH310", "KH311"})


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


def parse_record(data: bytes, loaded: LoadedFile) -> Record | None:
    """Parse and validate one record file's bytes, wherever they were read from
    (the working tree, or a git revision for ``kehoach diff``)."""
    parse_bytes(data, loaded)
    record = _model_stage(loaded)
    loaded.data = None  # the record holds the content now; the raw mapping is not needed again
    return record


def _read(root: Path, path: Path, cache: RecordCache | None) -> tuple[LoadedFile, Record | None]:
    """Load and validate one file, from the cache when its content is unchanged."""
    loaded = new_file(root, path)
    data = read_bytes(path, loaded, root)
    if data is None:
        return loaded, None
    key = content_key(data) if cache else b""
    if cache and (hit := cache.get(str(loaded.rel), key)) is not None:
        return hit
    record = parse_record(data, loaded)
    if cache:
        cache.put(str(loaded.rel), key, (loaded, record))
    return loaded, record


def load_repository(root: Path, today: dt.date | None = None, use_cache: bool = False) -> tuple[Index, list[Finding]]:
    """Load and index every record under ``root``; return the index and every finding
    (before configuration and suppressions are applied)."""
    # Reading creates millions of small objects and almost no cycles: the cyclic
    # garbage collector would only rescan them (a third of the time at 10k records).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_and_check(root, today, use_cache)
    finally:
        if collecting:
            gc.enable()


def _load_and_check(root: Path, today: dt.date | None, use_cache: bool) -> tuple[Index, list[Finding]]:
    cache = RecordCache(root) if use_cache else None
    files: list[LoadedFile] = []
    valid: list[tuple[LoadedFile, Record]] = []
    for path in discover(root):
        loaded, record = _read(root, path, cache)
        files.append(loaded)
        if record is not None:
            valid.append((loaded, record))
    if cache:
        cache.save()
    index, duplicates = build(files, valid)
    findings = [f for loaded in files for f in loaded.findings]
    findings.extend(identity.check_duplicates(duplicates))
    context = Context(index, today or dt.date.today())
    for rule in RECORD_RULES:
        findings.extend(rule(context))
    return index, findings


def settle(findings: list[Finding], config: Config, index: Index) -> list[Finding]:
    """Drop disabled and suppressed findings and apply re-graded severities."""
    by_path = {str(f.rel): f.suppressions for f in index.files}
    kept = []
    for finding in findings:
        if finding.code in config.disabled:
            continue
        suppressions = by_path.get(finding.path)
        if suppressions is not None and suppressions.covers(finding.code, finding.line):
            continue
        if finding.code in config.severities:
            finding = dataclasses.replace(finding, severity=config.severities[finding.code])
        kept.append(finding)
    return kept


def _selected(root: Path, paths: Sequence[Path]) -> set[PurePosixPath]:
    chosen: set[PurePosixPath] = set()
    base = root.resolve()
    for path in paths:
        absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
        files = [p.resolve() for p in absolute.rglob("*")] if absolute.is_dir() else [absolute]
        for file in files:
            try:
                chosen.add(PurePosixPath(file.relative_to(base).as_posix()))
            except ValueError:
                chosen.add(PurePosixPath(file.as_posix()))
    return chosen


def run_check(
    root: Path, paths: Sequence[Path] = (), today: dt.date | None = None, use_cache: bool = False
) -> CheckResult:
    """Check the repository at ``root``. With ``paths``, report findings about
    those files, and the references elsewhere that they break; references are
    always resolved against the whole repository."""
    config, config_findings = load_config(root)
    index, findings = load_repository(root, today, use_cache)
    findings = settle(findings, config, index)
    if paths:
        chosen = _selected(root, paths)
        findings = [f for f in findings if PurePosixPath(f.path) in chosen or f.code in KNOCK_ON_CODES]
    findings.extend(config_findings)
    findings.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    return CheckResult(findings, len(index.files), len(index.entries), index)
