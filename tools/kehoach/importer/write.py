"""Stage 7 of an import: draft records as YAML files in the repository layout.

Files are rendered with ruamel.yaml so that each doubtful value carries a
"# KIỂM TRA: ..." comment right above its key, in the block style of the
hand-made records (schema modeline first, long texts folded). A file that
already exists is never overwritten. Before anything is written, the drafts are
checked by ``kehoach check`` in a scratch copy of the repository.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from ..findings import Finding, Severity
from .draft import Draft, Outcome

DOUBT = "KIỂM TRA:"
WIDTH = 100
_SCHEMA_DEPTH = {"unit": 2, "directive": 2, "plan": 3, "task": 4}
# Plain scalars YAML (or our strict loader) would read as something other than text.
_AMBIGUOUS = re.compile(
    r"^(?:[-+]?\d[\d_.,:eE+-]*|\d{4}-\d{1,2}-\d{1,2}.*|(?i:y|n|yes|no|on|off|true|false|null|~)|)$|^[\s]|[\s]$"
)


def render(draft: Draft) -> str:
    """The YAML text of one draft record, comments included."""
    root = _mapping(draft.data)
    depth = _SCHEMA_DEPTH[draft.kind]
    head = [f"yaml-language-server: $schema={'../' * depth}schema/{draft.kind}.schema.json"]
    head += _comment_lines(draft.notes.get("", []), None)
    head += _comment_lines(draft.doubts.get("", []), DOUBT)
    root.yaml_set_start_comment("\n".join(head))
    for key in draft.data:
        lines = _comment_lines(draft.notes.get(key, []), None) + _comment_lines(draft.doubts.get(key, []), DOUBT)
        if lines and key in root:
            root.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=0)
    out = io.StringIO()
    _yaml().dump(root, out)
    return out.getvalue()


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = WIDTH - 4
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def _comment_lines(notes: list[str], prefix: str | None) -> list[str]:
    lines: list[str] = []
    for note in notes:
        text = f"{prefix} {note}" if prefix else note
        text = text[0].upper() + text[1:] if text else text
        wrapped = textwrap.wrap(text, width=WIDTH - 2, break_long_words=False, break_on_hyphens=False)
        lines += [wrapped[0]] + [("  " if prefix else "") + w for w in wrapped[1:]]
    return lines


def _mapping(data: dict[str, Any]) -> CommentedMap:
    out = CommentedMap()
    for key, value in data.items():
        out[key] = _node(value)
    return out


def _node(value: Any) -> Any:
    if isinstance(value, dict):
        return _mapping(value)
    if isinstance(value, list):
        return CommentedSeq([_node(v) for v in value])
    if isinstance(value, str):
        return _scalar(value)
    if isinstance(value, dt.date | bool | int):
        return value
    return value


def _scalar(text: str) -> Any:
    if "\n" in text or len(text) > 80:
        return FoldedScalarString(text)
    if _AMBIGUOUS.search(text) or text[:1] in "!&*@`%|>'\"{[#?:,-" or ": " in text or " #" in text:
        return DoubleQuotedScalarString(text)
    return text


# ---------------------------------------------------------------- checking and writing


@dataclass
class Written:
    created: list[PurePosixPath] = field(default_factory=list)
    skipped: list[PurePosixPath] = field(default_factory=list)  # already there: never overwritten
    findings: list[Finding] = field(default_factory=list)  # what `kehoach check` says about the new files


def check_in_scratch(root: Path, out: Path, outcome: Outcome) -> list[Finding]:
    """``kehoach check`` on a scratch copy of the repository (``root``, with what ``out`` already
    holds) plus the drafts; the errors and warnings about the drafted files."""
    from ..check import run_check

    with tempfile.TemporaryDirectory(prefix="kehoach-import-") as scratch:
        base = Path(scratch)
        for folder in dict.fromkeys([root, out]):
            if (folder / "records").is_dir():
                shutil.copytree(folder / "records", base / "records", symlinks=False, dirs_exist_ok=True)
        if (root / "pyproject.toml").is_file():
            shutil.copyfile(root / "pyproject.toml", base / "pyproject.toml")
        paths = []
        for draft in outcome.drafts:
            target = base / draft.path
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(draft), encoding="utf-8")
            paths.append(target)
        if not paths:
            return []
        result = run_check(base, paths)
    return [f for f in result.findings if f.severity is not Severity.INFO]


def write(out: Path, outcome: Outcome) -> Written:
    """Write every draft under ``out``; a file that exists is left untouched."""
    written = Written()
    for draft in outcome.drafts:
        target = out / draft.path
        if target.exists():
            written.skipped.append(draft.path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with target.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(render(draft))
        except FileExistsError:
            written.skipped.append(draft.path)
            continue
        written.created.append(draft.path)
    return written
