"""Report records get the treatment every other kind gets: hostile files end in
a clear finding with its code, line and column (no traceback, the other files
still checked), and the checker never raises on arbitrary report-shaped data."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import cli
from kehoach.check import run_check

from ..conftest import CASES, make_repo
from ..load.test_hostile import HOSTILE

REPORT = "records/reports/tinh-a-2021-20-bc-bdvtu.yaml"
GOOD = (CASES / "ok-KH801-report-on-its-plans" / REPORT).read_text(encoding="utf-8")

BAD_VALUES = {
    "figure-number-as-text": (GOOD.replace("value: 2", "value: 1.234 mô hình"), "KH103", "figures[0].value"),
    "outcome-unknown": (GOOD.replace("outcome: partial", "outcome: xong", 1), "KH108", "results[0].outcome"),
    "results-not-a-list": (GOOD.split("results:")[0] + "results: Hoàn thành\n", "KH103", "results"),
    "period-missing": (GOOD.replace("period_start: 2021-01-01\n", ""), "KH102", "period_start"),
    "period-impossible": (GOOD.replace("period_end: 2021-06-30", "period_end: 2021-06-31"), "KH104", "period_end"),
    "number-malformed": (GOOD.replace("number: 20-BC/BDVTU", "number: BC 20"), "KH106", "number"),
    "result-field-typo": (GOOD.replace("    text: Tổ chức", "    noidung: Tổ chức"), "KH101", "noidung"),
}


def _check(repo: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    exit_code = cli.main(["--root", str(repo), "check", "--today", "2021-07-01"])
    out, err = capsys.readouterr()
    assert exit_code == 1
    assert "Traceback" not in out + err and err == ""
    assert " KH108 " in out  # the unrelated problem in another file was still reported
    return [line for line in out.splitlines() if line.startswith(f"{REPORT}:")]


# The reading stage's cases (encodings, YAML tricks, ids); field-level ones are in BAD_VALUES.
READING = sorted(name for name, (_, code) in HOSTILE.items() if code.startswith("KH0") or code == "KH105")


@pytest.mark.parametrize("case", READING)
def test_hostile_report_file_is_reported_and_others_still_checked(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, code = HOSTILE[case]
    repo = make_repo(tmp_path, "KH108-bad-enum")
    (repo / REPORT).parent.mkdir(parents=True)
    (repo / REPORT).write_bytes(data)
    ours = _check(repo, capsys)
    assert ours and any(f" {code} " in line for line in ours), ours
    line, col = ours[0].split(":")[1:3]
    assert int(line) >= 1 and int(col) >= 1


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_bad_report_values_are_named_with_their_field(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text, code, field = BAD_VALUES[case]
    repo = make_repo(tmp_path, "KH108-bad-enum")
    (repo / REPORT).parent.mkdir(parents=True)
    (repo / REPORT).write_text(text, encoding="utf-8")
    ours = _check(repo, capsys)
    assert any(f" {code} " in line and field in line for line in ours), ours


def test_a_report_read_as_valid_adds_no_finding(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    shutil.copytree(CASES / "ok-KH801-report-on-its-plans" / "records", repo / "records", dirs_exist_ok=True)
    result = run_check(repo, today=dt.date(2021, 7, 1))
    assert result.findings == []
    assert "tinh-a-2021-20-bc-bdvtu" in result.index.reports


_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12)),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
_item = st.dictionaries(
    st.sampled_from(["task", "plan", "section", "outcome", "date", "text", "name", "value", "unit", "evidence"]),
    _value,
    max_size=5,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    document=st.fixed_dictionaries(
        {"id": st.just("r")},
        optional={
            "number": _value,
            "date": st.one_of(st.just("2021-06-30"), _value),
            "period_start": st.one_of(st.just("2021-01-01"), _value),
            "period_end": st.one_of(st.just("2020-01-01"), _value),
            "plans": st.lists(st.sampled_from(["tinh-a-2021-12-kh-bdvtu", "x", ""]), max_size=2),
            "results": st.lists(_item, max_size=3),
            "figures": st.lists(_item, max_size=3),
        },
    )
)
def test_the_checker_never_raises_on_arbitrary_reports(tmp_path: Path, document: dict) -> None:
    repo = tmp_path / "repo"
    if not repo.exists():  # hypothesis runs many examples in one tmp_path
        make_repo(tmp_path)
    path = repo / "records/reports/r.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    result = run_check(repo)
    assert all(f.code.startswith("KH") and f.line >= 0 for f in result.findings)


def test_new_report_is_created_valid_with_names_resolved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    args = ["--root", str(repo), "new", "report", "--number", "20-BC/BDVTU", "--issuer", "ban dan van tinh uy"]
    args += ["--date", "2021-06-30", "--title", "sơ kết 6 tháng", "--period-start", "2021-01-01"]
    args += ["--period-end", "2021-06-30", "--plans", "12-KH/BDVTU"]
    assert cli.main(args) == 0
    assert "records/reports/tinh-a-2021-20-bc-bdvtu.yaml" in capsys.readouterr().out
    report = run_check(repo, today=dt.date(2021, 7, 1)).index.reports["tinh-a-2021-20-bc-bdvtu"]
    assert (report.issuer, report.plans) == ("tinh-a-ban-dan-van", ["tinh-a-2021-12-kh-bdvtu"])
