"""Stage 7 of an import: draft records as YAML files in the repository layout.

Files are rendered by the canonical renderer of ``kehoach fmt``
(``author.canonical.render_new``), so an imported file needs no reformatting;
each doubtful value carries a "# KIỂM TRA: ..." comment on the lines before its
key. A file that already exists is never overwritten. Before anything is written,
the drafts are checked by ``kehoach check`` together with the repository's records.
"""

from __future__ import annotations

import datetime as dt
import errno
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..atomic import WriteFailed, write_atomic
from ..author.canonical import render_new
from ..findings import Finding, Severity
from .draft import Draft, Outcome

DOUBT = "KIỂM TRA:"
WIDTH = 100


def render(draft: Draft) -> str:
    """The canonical YAML text of one draft record, its notes and doubts as comments before their keys."""
    notes: dict[tuple[str | int, ...] | str, str] = {}
    for key in dict.fromkeys([*draft.notes, *draft.doubts]):
        lines = _comment_lines(draft.notes.get(key, []), None) + _comment_lines(draft.doubts.get(key, []), DOUBT)
        if lines and (key == "" or key.split(".")[0] in draft.data):  # 'results.3': before that item
            notes[key] = "\n".join(lines)
        elif lines:  # a note about a value that ended up not written: keep it on the file
            notes[""] = "\n".join([*notes.get("", "").splitlines(), *lines])
    return render_new(draft.kind, draft.data, notes)


def _comment_lines(notes: list[str], prefix: str | None) -> list[str]:
    lines: list[str] = []
    for note in notes:
        text = f"{prefix} {note}" if prefix else note[:1].upper() + note[1:]
        wrapped = textwrap.wrap(text, width=WIDTH - 6, break_long_words=False, break_on_hyphens=False)
        lines += [wrapped[0]] + [("  " if prefix else "") + w for w in wrapped[1:]]
    return lines


# ---------------------------------------------------------------- checking and writing


@dataclass
class Written:
    created: list[PurePosixPath] = field(default_factory=list)
    skipped: list[PurePosixPath] = field(default_factory=list)  # already there: never overwritten
    findings: list[Finding] = field(default_factory=list)  # what `kehoach check` says about the new files
    failed: list[tuple[PurePosixPath, str]] = field(default_factory=list)  # could not be written: why


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteFailed(path, error) from error


def check_drafts(root: Path, out: Path, outcome: Outcome) -> list[Finding]:
    """``kehoach check`` on the repository (``root``, with what ``out`` already holds)
    plus the drafts, held in memory; the errors and warnings about the drafted files."""
    from ..config import load_config
    from ..pipeline import check
    from ..sources import WithDrafts

    drafts = {
        draft.path: render(draft).encode("utf-8") for draft in outcome.drafts if not _exists(draft.path, root, out)
    }
    if not drafts:
        return []
    source = WithDrafts([root, out], drafts)
    result = check(source, load_config(root), dt.date.today(), scope=frozenset(str(path) for path in drafts))
    return [f for f in result.findings if f.severity is not Severity.INFO]


def _exists(path: PurePosixPath, *folders: Path) -> bool:
    return any((folder / path).exists() for folder in folders)


def write(out: Path, outcome: Outcome) -> Written:
    """Write every draft under ``out``; a file that exists is left untouched."""
    written = Written()
    for draft in outcome.drafts:
        target = out / draft.path
        if target.exists():
            written.skipped.append(draft.path)
            continue
        try:
            _make_folder(target.parent)
            write_atomic(target, render(draft), exclusive=True)  # never replaces, even in a race
        except WriteFailed as error:
            if error.errno == errno.EEXIST:
                written.skipped.append(draft.path)
            else:
                written.failed.append((draft.path, error.reason))
            continue
        written.created.append(draft.path)
    return written
