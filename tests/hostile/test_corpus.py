"""Runs every case of the hostile corpus (tests/hostile/corpus.py) and checks
what a user would see: the promised exit code; no traceback and no internal
error; every finding on one line as path:line:col, a rule code and a severity;
no raw control character in the output; the finding on the broken file; the
deliberately broken sibling record still reported; and no hang (a child
process is killed after a generous timeout, which fails the case)."""

from __future__ import annotations

import builtins
import json
import os
import pathlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.chars import visible

from ..conftest import REPO_ROOT, make_repo
from .corpus import SIBLING_CASE, SIBLING_CODE, Case, generate

CASES = generate()
TIMEOUT = 20  # seconds: a hang fails the case; no speed is asserted otherwise
FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<code>KH[0-9]{3}) \[(lỗi|cảnh báo|thông tin)\] \S"
)
GITHUB = re.compile(r"^::(error|warning|notice) file=[^\n]*,line=[0-9]+,col=[0-9]+,title=KH[0-9]{3}::\S")
SUMMARY = re.compile(r"^(Không có lỗi: |Tìm thấy )")
# Anything that could drive a terminal or forge a line: controls other than the line break, and bidi controls.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _args(case: Case, root: Path) -> list[str]:
    args = [a.replace("{root}", str(root)) for a in (case.args or ("check",))]
    if case.no_root or (args and args[0] == "--root"):
        return args
    return ["--root", str(root), *args]


def _in_process(case: Case, root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    if case.fault:
        _inject(case.fault, root, monkeypatch)
    try:
        code = cli.main(_args(case, root))
    except SystemExit as exit:  # argparse refusing the command line, as `kehoach` would exit
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def _inject(fault: str, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission faults, made in-process: as root, chmod does not deny reads."""
    kind, rel = fault.split(":", 1)
    target = os.path.realpath(root / rel)

    def denied(path: object) -> bool:
        try:
            return os.path.realpath(os.fsdecode(path)) == target  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False

    def refuse(path: object) -> OSError:
        return PermissionError(13, "Permission denied", os.fsdecode(path))  # type: ignore[arg-type]

    if kind == "unlistable":
        real_scandir = os.scandir

        def scandir(path: object = ".") -> object:
            if denied(path):
                raise refuse(path)
            return real_scandir(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)
    elif kind == "unreadable":
        real_open, real_builtin_open, real_read_bytes = os.open, builtins.open, pathlib.Path.read_bytes

        def os_open(path: object, *args: object, **kwargs: object) -> int:
            if denied(path):
                raise refuse(path)
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        def read_bytes(self: pathlib.Path) -> bytes:
            if denied(self):
                raise refuse(self)
            return real_read_bytes(self)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
        del real_builtin_open
    else:  # pragma: no cover
        raise AssertionError(fault)


def _child(case: Case, root: Path):
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_TODAY"} | case.env
    env["PYTHONPATH"] = str(REPO_ROOT / "tools")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kehoach", *_args(case, root)],
            capture_output=True,
            timeout=TIMEOUT,
            env=env,
            cwd=(root / case.cwd) if case.cwd else None,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.id}: no answer after {TIMEOUT} s (a hang)")
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def _findings(case: Case, out: str) -> list[tuple[str, str]]:
    """(path, code) of every finding, checking the format of each output line."""
    args = case.args or ("check",)
    if "json" in args:
        payload = json.loads(out)  # valid JSON, whatever the records hold
        if args[0] != "check":
            return []
        for f in payload["findings"]:
            assert f["code"].startswith("KH") and f["line"] >= 1 and f["column"] >= 1, f
        return [(f["path"], f["code"]) for f in payload["findings"]]
    lines = out.splitlines()
    if not lines or args[0] != "check":
        return []
    assert SUMMARY.match(lines[-1]), lines[-1]
    found = []
    for line in lines[:-1]:
        if "github" in args:
            assert GITHUB.match(line), line
            path = line.split("file=", 1)[1].split(",line=", 1)[0].replace("%3A", ":").replace("%2C", ",")
            found.append((path.replace("%25", "%"), line.split("title=", 1)[1][:5]))
        elif line.startswith(" ") and found:  # an excerpt of the file under the finding above it
            continue
        else:
            match = FINDING.match(line)
            assert match, f"not a finding line: {line!r}"
            assert int(match["line"]) >= 1 and int(match["col"]) >= 1, line
            found.append((match["path"], match["code"]))
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_case(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_repo(tmp_path, SIBLING_CASE)
    if case.warm:
        assert cli.main(["--root", str(root), "check"]) == 1  # the sibling's finding; writes cache and state
        capsys.readouterr()
    case.build(root)
    monkeypatch.delenv("KEHOACH_TODAY", raising=False)
    if case.subprocess:
        code, out, err = _child(case, root)
    else:
        if case.cwd:
            monkeypatch.chdir(root / case.cwd)
        code, out, err = _in_process(case, root, monkeypatch, capsys)
    both = out + err
    assert code in case.exits, f"exit {code}, expected {sorted(case.exits)}\n{both[-3000:]}"
    assert "Traceback" not in both and "lỗi nội bộ" not in both, both[-3000:]
    assert not RAW_CONTROL.search(both), f"raw control character in output: {both[-3000:]!r}"
    for text in case.absent:
        assert text not in both, both[-3000:]
    if code == 2:
        assert err.strip() and "Không có lỗi" not in out, both
        assert err.lstrip().startswith(("kehoach: ", "cách dùng: ")), err
        return
    findings = _findings(case, out)
    if case.code:
        assert (visible(case.target or ""), case.code) in findings, (
            f"{case.code} on {case.target} missing:\n{out[-3000:]}"
        )
    args = case.args or ("check",)
    if case.sibling and args[0] == "check" and not any(a.startswith(("{root}/", "/")) for a in args[1:]):
        assert any(code == SIBLING_CODE for _, code in findings), f"the broken sibling was not checked:\n{out[-3000:]}"
    for text in case.shows:
        assert text in out, out[-3000:]
