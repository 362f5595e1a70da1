"""Whether `kehoach import` writes records that its own check accepts, per split.

Before writing, `kehoach import` runs `kehoach check` on its drafts together with the
repository (importer.write.check_drafts) and shows what it finds. Some of that is the source
document's own doing (a deadline before the plan's date, a misprinted number): the import keeps
what the document says and flags it. But an error between the drafts themselves (a task naming
a section its plan lacks, a reference to a record the import did not make) is the importer's.
This counts, for each document imported as text into a repository holding only the units
registry, the errors the check reports on its drafts, by rule code.

The held-out split is only ever reported as a whole (counts by code, no document named).

Usage: .venv/bin/python benchmarks/import_selfcheck.py [--split seeds,dev,heldout] [--list]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from kehoach.check import load_repository  # noqa: E402
from kehoach.findings import Severity  # noqa: E402
from kehoach.importer import document, draft, header, source  # noqa: E402
from kehoach.importer.write import check_drafts  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEEDS = ROOT / "tests" / "fixtures" / "sources"


def documents(split: str) -> list[Path]:
    if split == "seeds":
        return sorted(SEEDS.glob("*.txt"))
    return sorted(p / "source.txt" for p in (CORPUS / split).iterdir() if (p / "source.txt").is_file())


def errors_of(path: Path, repo: Path, index: object) -> Counter[str] | None:
    """The check's errors on the drafts of one document, by code (None: the import refused it)."""
    try:
        outcome = document.build(source.read(path), index)  # type: ignore[arg-type]
    except (source.SourceError, header.HeaderError, draft.DraftError):
        return None
    with tempfile.TemporaryDirectory() as out:
        findings = check_drafts(repo, Path(out), outcome)
    return Counter(str(f.code) for f in findings if f.severity is Severity.ERROR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="seeds,dev,heldout")
    parser.add_argument("--list", action="store_true", help="name each failing document (never for held-out)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        repo = Path(scratch) / "kho"
        shutil.copytree(ROOT / "records" / "units", repo / "records" / "units")
        index, _ = load_repository(repo)
        print("| split | documents | refused | drafts with errors | errors by code |")
        print("|---|---|---|---|---|")
        for split in args.split.split(","):
            total: Counter[str] = Counter()
            failing = refused = 0
            paths = documents(split)
            for path in paths:
                found = errors_of(path, repo, index)
                if found is None:
                    refused += 1
                    continue
                if found:
                    failing += 1
                    total.update(found)
                    if args.list and split != "heldout":
                        name = path.parent.name if split != "seeds" else path.stem
                        print(f"  {name}: {dict(sorted(found.items()))}", file=sys.stderr)
            codes = ", ".join(f"{code} {n}" for code, n in sorted(total.items())) or "–"
            print(f"| {split} | {len(paths)} | {refused} | {failing} | {codes} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
