"""Every rule fires on its fixture case with the exact expected message, file,
line and column, and nothing else fires; the base repository is clean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.rules.registry import CODES as RULES
from kehoach.rules.registry import KNOCK_ON_CODES

from ..conftest import CASES, DEFAULT_TODAY, case_today, make_repo

CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _lines(root: Path, today: dt.date = DEFAULT_TODAY) -> list[str]:
    result = run_check(root, today=today)
    # a YAML syntax error's message goes on with the line shown and a caret, one line each here
    return [line for f in result.findings for line in f"{f.location()}: {f.code} {f.message}".splitlines()]


def test_base_repository_is_clean(base_repo: Path) -> None:
    assert _lines(base_repo) == []


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_produces_exactly_the_expected_findings(tmp_path: Path, case: str) -> None:
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert _lines(make_repo(tmp_path, case), case_today(case)) == expected


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case_is_named_after_a_rule_it_triggers(case: str) -> None:
    """'KH301-...' cases must produce KH301; 'ok-KH301-...' cases must produce nothing."""
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8")
    if case.startswith("ok-"):
        assert expected.strip() == ""
        assert case.split("-")[1] in RULES
        return
    codes = [part for part in case.split("-") if part in RULES]
    assert codes
    for code in codes:
        assert f" {code} " in expected


def test_every_rule_has_a_case_or_a_dedicated_test() -> None:
    # KH001 (unreadable files: size, symlinks, FIFOs) and KH007 (a folder that cannot be listed) are
    # covered in tests/load and tests/hostile with files made at run time.
    covered = {part for name in CASE_NAMES if not name.startswith("ok-") for part in name.split("-")} | {
        "KH001",
        "KH007",
    }
    missing = sorted(set(RULES) - covered)
    assert missing == []


@pytest.mark.parametrize("case", CASE_NAMES)
def test_checking_some_files_gives_their_findings_of_the_full_check(tmp_path: Path, case: str) -> None:
    """A partial check (pre-commit) skips rules on other records, but reports exactly
    what the full check reports about the named files, plus what they break elsewhere
    (and problems of the configuration, always)."""
    repo = make_repo(tmp_path, case)
    today = case_today(case)
    full = run_check(repo, today=today).findings
    with_findings = sorted({f.path for f in full})
    clean = sorted(str(p.relative_to(repo)) for p in (repo / "records").rglob("*.yaml") if p.is_file())
    clean = [path for path in clean if path not in with_findings][:1]
    for chosen in [*([path] for path in with_findings), clean, with_findings]:
        partial = run_check(repo, [repo / path for path in chosen], today=today).findings
        assert partial == [f for f in full if f.path in chosen or f.code in {*KNOCK_ON_CODES, "KH006"}]
