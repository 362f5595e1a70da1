"""Run the kehoach CLI from the repository's own source tree, as pre-commit hooks.

pre-commit's hook environment installs only the pinned dependencies from the
package registry (see .pre-commit-config.yaml), not this repository, so the
hook puts tools/ on the import path and calls the same ``main`` as the CLI.

A refused commit shows each problem once, in Vietnamese, from ``kehoach check``:
- ``fmt --check`` lists only the files that would change; a file it cannot read
  is left to the check hook, which explains it.
- ``jsonschema FILE...`` still validates every record against schema/ with
  check-jsonschema, quietly: its (English) report is shown only for a file the
  check found nothing wrong with, which means the schema and the model disagree.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kehoach.cli import find_root, main


def _fmt_check(paths: Sequence[str]) -> int:
    from kehoach.author.fmt import canonical_text

    root = find_root(Path.cwd())
    changed = [result.rel for p in paths if (result := canonical_text(root, Path(p).resolve())).changed]
    for rel in changed:
        print(f"chưa ở dạng chuẩn: {rel}")
    if changed:
        print(f"Chạy 'kehoach fmt {' '.join(changed)}' để định dạng lại, rồi commit lại.")
    return 1 if changed else 0


def _checked_clean(paths: Sequence[str]) -> set[str]:
    """The files among ``paths`` in which ``kehoach check`` finds no error (run quietly)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--format", "json", *paths])
    if code == 2:
        return set()
    findings = json.loads(out.getvalue())["findings"]
    flagged = {finding["path"] for finding in findings if finding["severity"] == "error"}
    return {p for p in paths if PurePosixPath(Path(p).as_posix()).as_posix() not in flagged}


def _jsonschema(paths: Sequence[str]) -> int:
    """check-jsonschema on every record, its report shown only where kehoach check found nothing."""
    from kehoach.kinds import kind_of

    root = find_root(Path.cwd())
    by_kind: dict[str, list[str]] = {}
    for path in paths:
        kind = kind_of(PurePosixPath(Path(path).as_posix()))
        if kind is not None:
            by_kind.setdefault(kind.value, []).append(path)
    if not by_kind:
        return 0
    clean = _checked_clean(paths)
    binary = Path(sys.executable).with_name("check-jsonschema")
    status = 0
    for kind, files in sorted(by_kind.items()):
        schema = root / "schema" / f"{kind}.schema.json"
        try:
            ran = subprocess.run(
                [str(binary), "--schemafile", str(schema), *files], capture_output=True, text=True, check=False
            )
        except OSError as err:
            print(f"kehoach: không chạy được check-jsonschema ({err.strerror or err})", file=sys.stderr)
            return 2
        if ran.returncode == 0:
            continue
        surprising = [f for f in files if f in clean]
        if not surprising:
            continue  # every failure is a file kehoach check refuses, and explains, in its own hook
        status = 1
        print(
            f"Lược đồ {schema.relative_to(root).as_posix()} từ chối tệp mà 'kehoach check' chấp nhận "
            f"({', '.join(surprising)}): lược đồ và mô hình không khớp nhau; hãy chạy 'kehoach schema' "
            "hoặc báo lại lỗi này. Báo cáo của check-jsonschema:"
        )
        print(ran.stdout + ran.stderr)
    return status


def run(argv: Sequence[str]) -> int:
    if argv[:1] == ["jsonschema"]:
        return _jsonschema(argv[1:])
    if argv[:2] == ["fmt", "--check"]:
        return _fmt_check(argv[2:])
    return main(list(argv))


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
