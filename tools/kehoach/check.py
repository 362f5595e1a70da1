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
from .load import LoadedFile
from .load.cache import RecordCache
from .model.common import Record
from .read import read_files
from .rules.base import Context
from .rules.registry import KNOCK_ON_CODES, RULES


@dataclass
class CheckResult:
    findings: list[Finding]
    files: int  # files read
    records: int  # records that passed the model stage
    index: Index


def load_repository(
    root: Path, today: dt.date | None = None, use_cache: bool = False, scope: frozenset[str] | None = None
) -> tuple[Index, list[Finding]]:
    """Load and index every record under ``root``; return the index and every finding
    (before configuration and suppressions are applied). With ``scope`` (paths
    relative to ``root``), rules may leave out findings in other files, except
    those a change can cause elsewhere (KNOCK_ON_CODES)."""
    # Reading creates millions of small objects and almost no cycles: the cyclic
    # garbage collector would only rescan them (a third of the time at 10k records).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_and_check(root, today, use_cache, scope)
    finally:
        _age_objects()
        if collecting:
            gc.enable()


def _age_objects() -> None:
    """Move every object alive now into the oldest generation, unscanned.

    Made while the collector was paused, the records all sit in the youngest
    generation; re-enabled as they are, the collector would scan all of them
    three times over as they age (7 s of 27 at 100k records). Freezing and
    unfreezing moves them to the oldest generation in one step: they are still
    collected normally, only at the next full collection."""
    gc.freeze()
    gc.unfreeze()


def _load_and_check(
    root: Path, today: dt.date | None, use_cache: bool, scope: frozenset[str] | None
) -> tuple[Index, list[Finding]]:
    cache = RecordCache(root) if use_cache else None
    files: list[LoadedFile] = []
    valid: list[tuple[LoadedFile, Record]] = []
    for loaded, record in read_files(root, cache):
        files.append(loaded)
        if record is not None:
            valid.append((loaded, record))
    if cache:
        cache.save()
    index, duplicates = build(files, valid)
    findings = [f for loaded in files for f in loaded.findings]
    context = Context(index, today or dt.date.today(), scope, tuple(tuple(group) for group in duplicates))
    for rule in RULES:
        findings.extend(rule.check(context))
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


def _selected(root: Path, paths: Sequence[Path]) -> frozenset[str]:
    """The files named (directly or inside named folders), relative to ``root`` in POSIX form."""
    chosen: set[str] = set()
    base = root.resolve()
    for path in paths:
        absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
        files = [p.resolve() for p in absolute.rglob("*")] if absolute.is_dir() else [absolute]
        for file in files:
            try:
                chosen.add(str(PurePosixPath(file.relative_to(base).as_posix())))
            except ValueError:
                chosen.add(str(PurePosixPath(file.as_posix())))
    return frozenset(chosen)


def run_check(
    root: Path, paths: Sequence[Path] = (), today: dt.date | None = None, use_cache: bool = False
) -> CheckResult:
    """Check the repository at ``root``. With ``paths``, report findings about
    those files, and the references elsewhere that they break; references are
    always resolved against the whole repository."""
    config, config_findings = load_config(root)
    chosen = _selected(root, paths) if paths else None
    index, findings = load_repository(root, today, use_cache, chosen)
    findings = settle(findings, config, index)
    if chosen is not None:
        findings = [f for f in findings if f.path in chosen or f.code in KNOCK_ON_CODES]
    findings.extend(config_findings)
    findings.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
    return CheckResult(findings, len(index.files), len(index.entries), index)
