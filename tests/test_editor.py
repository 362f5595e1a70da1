"""Editor settings: every record file is associated with its kind's schema, the
modeline in each file points at the same schema, and the editor reads YAML the
way the tools do (YAML 1.2: 'no' is not a boolean, dates are text)."""

from __future__ import annotations

import json
from fnmatch import fnmatch
from pathlib import PurePosixPath

import pytest

from kehoach.load.files import record_kind
from kehoach.load.yamlsafe import parse

from .conftest import REPO_ROOT

SETTINGS = json.loads((REPO_ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
RECORDS = sorted(PurePosixPath(p.relative_to(REPO_ROOT).as_posix()) for p in (REPO_ROOT / "records").rglob("*.yaml"))


def _schemas_for(rel: PurePosixPath) -> list[str]:
    # VS Code's glob '*' does not cross '/', like fnmatch on each path segment count
    return [
        schema
        for schema, glob in SETTINGS["yaml.schemas"].items()
        if len(PurePosixPath(glob).parts) == len(rel.parts) and fnmatch(str(rel), glob)
    ]


@pytest.mark.parametrize("rel", RECORDS, ids=str)
def test_each_record_gets_exactly_its_kinds_schema(rel: PurePosixPath) -> None:
    assert _schemas_for(rel) == [f"./schema/{record_kind(rel)}.schema.json"]


@pytest.mark.parametrize("rel", RECORDS, ids=str)
def test_modeline_points_at_the_same_schema(rel: PurePosixPath) -> None:
    first = (REPO_ROOT / rel).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (REPO_ROOT / rel).parent / first.split("=", 1)[1]
    assert target.resolve() == (REPO_ROOT / "schema" / f"{record_kind(rel)}.schema.json").resolve()


def test_editor_reads_yaml_1_2_like_the_tools() -> None:
    assert SETTINGS["yaml.yamlVersion"] == "1.2"
    assert SETTINGS["yaml.customTags"] == []  # tags are refused by the loader (KH013)
    parsed = parse('date: 2021-02-08\nplain: "no"\norder: 12\nsection: 012\n')
    # 1.2: dates stay text; a number with a leading zero (octal in 1.1, decimal in 1.2) is refused, kept as written
    assert parsed.data == {"date": "2021-02-08", "plain": "no", "order": 12, "section": "012"}
    assert [(p.line, p.code) for p in parsed.problems] == [(4, "KH014")]
