"""`kehoach check --no-cache` side by side with strictdoc, a requirements tool
that reads a text format of its own (.sdoc) and checks it (unique ids, the
grammar of each field, links between requirements), on the same records.

strictdoc is not a dependency of the project: it is installed from PyPI, at a
pinned version, into a throwaway virtual environment in the benchmark's
folder of tools (``tools_folder``, kept between runs). The records of a synthetic
repository are written as .sdoc requirements carrying the same content (one
document per plan with its tasks; units, directives and reports in documents of
500), each record's links (a task to its plan, the directives a record cites)
as strictdoc relations, so that both tools read as many bytes and resolve as
many links. strictdoc is timed exporting JSON, the lightest export that still
parses and validates every document (its HTML export would render pages).

Usage: .venv/bin/python benchmarks/compare.py [--size 11000] [--repeat 2] [--work FOLDER]"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

STRICTDOC = "strictdoc==0.30.4"
TODAY = "2026-01-01"
PER_DOCUMENT = 500
_LINKS = ("plan", "basis", "implements", "cites", "supersedes", "parent")


@dataclass
class Timing:
    seconds: float  # wall, shortest run
    cpu: float  # user + system of the process and its children, in that run


def tools_folder() -> Path:
    """Where the benchmark keeps the tools it installs: $KEHOACH_BENCH_TOOLS, else
    kehoach-benchmarks in the user's cache folder (outside the repository)."""
    chosen = os.environ.get("KEHOACH_BENCH_TOOLS")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return Path(chosen) if chosen else cache / "kehoach-benchmarks"


def strictdoc_venv(folder: Path) -> Path:
    """The strictdoc command of a virtual environment in ``folder``, made on first use."""
    venv = folder / ("strictdoc-" + STRICTDOC.split("==")[1])
    command = venv / "bin" / "strictdoc"
    if not command.exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", STRICTDOC],
            check=True,
        )
    return command


def _uid(record_id: str) -> str:
    return "R-" + record_id.upper()


def _links(data: dict[str, Any], known: set[str]) -> list[str]:
    found = []
    for name in _LINKS:
        value = data.get(name)
        for target in value if isinstance(value, list) else [value]:
            if isinstance(target, str) and target in known and target != data.get("id"):
                found.append(target)
    return list(dict.fromkeys(found))


def _requirement(data: dict[str, Any], text: str, known: set[str]) -> str:
    """One record as a strictdoc requirement: its id, a title, the record's text as
    the statement, its links as Parent relations."""
    title = str(data.get("title") or data.get("name") or data.get("text") or data["id"]).replace("\n", " ")
    # the record's text less its comments and the two lines given as fields above
    body = "\n".join(line for line in text.splitlines() if not line.startswith(("#", "id:", "title:")))
    lines = ["[REQUIREMENT]", f"UID: {_uid(data['id'])}", "STATUS: Active", f"TITLE: {title}", "STATEMENT: >>>"]
    lines += [body, "<<<"]
    links = _links(data, known)
    if links:
        lines.append("RELATIONS:")
        for target in links:
            lines += ["- TYPE: Parent", f"  VALUE: {_uid(target)}"]
    return "\n".join(lines) + "\n"


def write_sdoc(repo: Path, out: Path) -> int:
    """The records of ``repo`` as .sdoc documents under ``out``; returns how many requirements."""
    files = sorted((repo / "records").rglob("*.yaml"))
    loaded = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        loaded.append((path.relative_to(repo / "records").parts, data, text))
    known = {data["id"] for _, data, _ in loaded}
    groups: dict[str, list[str]] = {}
    for parts, data, text in loaded:
        key = f"plan-{parts[1]}" if parts[0] == "plans" else parts[0]
        groups.setdefault(key, []).append(_requirement(data, text, known))
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for key, requirements in groups.items():
        for start in range(0, len(requirements), PER_DOCUMENT):
            part = requirements[start : start + PER_DOCUMENT]
            head = f"[DOCUMENT]\nTITLE: {key} {start // PER_DOCUMENT + 1}\n\n"
            (out / f"{key}-{start // PER_DOCUMENT + 1}.sdoc").write_text(head + "\n".join(part), encoding="utf-8")
            count += len(part)
    return count


def timed(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None, ok: tuple[int, ...] = (0,)
) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=cwd)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok:
        raise RuntimeError(f"{command[:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(seconds, cpu)


def best(runs: list[Timing]) -> Timing:
    return min(runs, key=lambda t: t.seconds)


def compare(size: int, work: Path, repeat: int, repo: Path | None = None) -> dict[str, Any]:
    """kehoach and strictdoc on ``size`` synthetic records, run one after the other, ``repeat`` times."""
    from kehoach.synth import synthesise

    command = strictdoc_venv(tools_folder())
    if repo is None:
        repo = work / f"kho-{size}"
        if not repo.is_dir():
            synthesise(repo, size, seed=1)
    sdoc = work / f"sdoc-{size}"
    shutil.rmtree(sdoc, ignore_errors=True)
    requirements = write_sdoc(repo, sdoc)
    record_bytes = sum(p.stat().st_size for p in (repo / "records").rglob("*.yaml"))
    sdoc_bytes = sum(p.stat().st_size for p in sdoc.glob("*.sdoc"))
    kehoach = [sys.executable, "-m", "kehoach", "--root", str(repo), "check", "--today", TODAY, "--no-cache"]
    env = {"KEHOACH_CACHE_DIR": str(work / "cache")}
    ours, theirs = [], []
    for _ in range(repeat):  # alternated, so that a change in the machine's load touches both alike
        ours.append(timed(kehoach, env, ok=(0, 1)))  # 1: findings (the overdue tasks are warnings)
        output = work / "strictdoc-output"
        shutil.rmtree(output, ignore_errors=True)
        export = [str(command), "export", "--formats", "json", "--output-dir", str(output), str(sdoc)]
        theirs.append(timed(export, cwd=work))
    return {
        "records": size,
        "requirements": requirements,
        "record_bytes": record_bytes,
        "sdoc_bytes": sdoc_bytes,
        "kehoach": best(ours),
        "strictdoc": best(theirs),
        "version": STRICTDOC.split("==")[1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=11_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", type=Path, help="folder for the records, kept between runs (default: temporary)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        row = compare(args.size, args.work or Path(tmp), args.repeat)
    ours, theirs = row["kehoach"], row["strictdoc"]
    print(
        f"{row['records']} records ({row['record_bytes'] / 1e6:.1f} MB), {row['requirements']} requirements "
        f"({row['sdoc_bytes'] / 1e6:.1f} MB): kehoach {ours.seconds:.2f} s (CPU {ours.cpu:.2f} s), "
        f"strictdoc {row['version']} {theirs.seconds:.2f} s (CPU {theirs.cpu:.2f} s): "
        f"{theirs.seconds / ours.seconds:.1f}x (CPU {theirs.cpu / ours.cpu:.1f}x)"
    )


if __name__ == "__main__":
    main()
