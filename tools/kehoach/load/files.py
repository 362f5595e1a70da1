"""Finding record files under ``records/`` and telling their kind from where
they sit: the folder layout is part of the data model."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

RECORDS_DIR = "records"
SUFFIX = ".yaml"


def record_kind(rel: PurePosixPath) -> str | None:
    """Kind of the record stored at ``rel`` (relative to the repository root), or None.

    records/units/<id>.yaml -> unit; records/directives/<id>.yaml -> directive;
    records/plans/<plan>/<plan>.yaml -> plan; records/plans/<plan>/tasks/<id>.yaml -> task.
    """
    parts = rel.parts
    if len(parts) < 3 or parts[0] != RECORDS_DIR or rel.suffix != SUFFIX:
        return None
    if len(parts) == 3 and parts[1] == "units":
        return "unit"
    if len(parts) == 3 and parts[1] == "directives":
        return "directive"
    if parts[1] == "plans" and len(parts) == 4 and rel.stem == parts[2]:
        return "plan"
    if parts[1] == "plans" and len(parts) == 5 and parts[3] == "tasks":
        return "task"
    return None


def expected_place(kind: str, record_id: str, plan_id: str | None = None) -> PurePosixPath:
    """Where a record of ``kind`` with ``record_id`` belongs."""
    if kind == "plan":
        return PurePosixPath(RECORDS_DIR, "plans", record_id, record_id + SUFFIX)
    if kind == "task":
        return PurePosixPath(RECORDS_DIR, "plans", plan_id or "<plan>", "tasks", record_id + SUFFIX)
    folder = {"unit": "units", "directive": "directives"}[kind]
    return PurePosixPath(RECORDS_DIR, folder, record_id + SUFFIX)


def discover(root: Path) -> list[Path]:
    """Every YAML file under ``root/records`` (both .yaml and the mistaken .yml), sorted."""
    base = root / RECORDS_DIR
    if not base.is_dir():
        return []
    found = [p for p in base.rglob("*") if p.suffix in (".yaml", ".yml") and (p.is_file() or p.is_symlink())]
    return sorted(found)
