"""Does each Word form of a document import to the same records as its text?

Every document of the seeds and of the development corpus is imported from its text and from
the three Word forms written by the corpus's make_docx.py (see benchmarks/import_accuracy.py);
the records each import drafts (plan or report, tasks, cited documents, proposed units, with
their notes to review) are compared field by field with those of the text. The comparison
leaves out only where a value came from (line numbers, the source file's name).

The held-out split is never compared here: its documents are read only as a whole figure.

Usage: .venv/bin/python benchmarks/import_forms.py [--split seeds,dev] [--only ID,ID] [--diff]
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

import import_accuracy as acc  # noqa: E402

from kehoach.check import load_repository  # noqa: E402
from kehoach.importer import document, draft, header, source  # noqa: E402

_SKIP = {"source", "imported_from", "source_line", "line"}


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k not in _SKIP}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _flat(prefix: str, value: Any) -> list[str]:
    """A nested value as one line per leaf, so that a difference names its place."""
    if isinstance(value, dict) and value:
        return [line for k, v in value.items() for line in _flat(f"{prefix}.{k}", v)]
    if isinstance(value, list) and value and any(isinstance(v, (dict, list)) for v in value):
        return [line for i, v in enumerate(value) for line in _flat(f"{prefix}[{i}]", v)]
    return [f"{prefix}: {_LINE.sub('dòng N', repr(value))}"]


# where a value was read: the text's line numbers are not the Word file's paragraph numbers
_LINE = re.compile(r"dòng \d+")


def records(path: Path, index: Any) -> list[str]:
    """One line per record field of an import, in draft order; a refusal is one line."""
    try:
        outcome = document.build(source.read(path), index)
    except (source.SourceError, header.HeaderError, draft.DraftError) as err:
        return [f"refused: {err}"]
    out = [f"refused: {r}" for r in outcome.refused]
    for rec in outcome.drafts:
        data = _clean(rec.data)
        out += _flat(f"{rec.kind} {rec.id}", data)
        for key, notes in sorted(rec.doubts.items()):
            out += _flat(f"{rec.kind} {rec.id} KIỂM TRA {key}", notes)
    out += [f"linked directive {d}" for d in outcome.linked_directives]
    out += [f"linked unit {u}" for u in outcome.linked_units]
    out += [f"result {s}: {t}" for s, t in outcome.paragraphs]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="seeds,dev")
    parser.add_argument("--only", default="")
    parser.add_argument("--diff", action="store_true", help="print each difference")
    args = parser.parse_args(argv)
    only = {s for s in args.only.split(",") if s}
    maker = acc._make_docx()
    differing: dict[str, list[str]] = {f: [] for f in acc.FORMS[1:]}
    total = 0
    with tempfile.TemporaryDirectory(prefix="kh-import-forms-") as scratch:
        work = Path(scratch)
        repo = work / "kho"
        (repo / "records").mkdir(parents=True)
        shutil.copytree(ROOT / "records" / "units", repo / "records" / "units")
        for split in args.split.split(","):
            if split == "heldout":
                continue
            docs = acc.seeds() if split == "seeds" else acc.corpus(split)
            for doc in docs:
                if only and doc.doc not in only:
                    continue
                total += 1
                base: list[str] = []
                for form, path in acc.forms_of(doc, work, maker):
                    index, _ = load_repository(repo)
                    got = records(path, index)
                    if form == "txt":
                        base = got
                        continue
                    if got == base:
                        continue
                    differing[form].append(doc.doc)
                    diff = [
                        d
                        for d in difflib.unified_diff(base, got, "txt", form, n=0, lineterm="")
                        if d[:1] in "+-" and d[:3] not in ("+++", "---")
                    ]
                    print(f"{split} {form} {doc.doc}: {len(diff)} lines differ")
                    if args.diff:
                        for line in diff:
                            print(f"    {line[:300]}")
    for form, names in differing.items():
        print(f"{form}: {len(names)}/{total} documents differ from the text: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
