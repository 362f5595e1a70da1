"""``kehoach report``: the four buckets per lead unit and per plan, on the
reporting fixture with a fixed --today. Every expected count below is worked
out by hand from tests/fixtures/reporting (see the comments)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach import cli

# As of 01/11/2021 (deadlines read from the time frames):
#   nv01 quý III/2021 -> 30/09, planned           unreported   lead Dân vận
#   nv02 Thường xuyên                             continuous   lead Dân vận
#   nv03 Tháng 3/2021 -> 31/03, done 25/03        on time      lead Dân vận
#   nv04 quý II/2021 -> 30/06, done 10/07         late         lead Dân tộc
#   nv05 trước ngày 15/10/2021 -> 14/10, ongoing  overdue      lead Dân tộc, Dân vận supports
#   nv06 no time frame -> plan's end 31/12        in time      lead Dân vận and Dân tộc
#   nv07 theo yêu cầu của cấp trên                continuous   lead Tỉnh ủy
#   nv08 cancelled                                cancelled    lead Dân vận
#   nv09 Tháng 12/2021, done 20/12 (after today)  in time      lead Dân vận
#   nv10 Tháng 9/2021 -> 30/09, planned, no lead  unreported
#   05-KH nv01 quý I/2022, done, no date          done undated lead Dân tộc
#   05-KH nv02 no time frame, plan has no period  no deadline  lead Dân tộc
KEYS = ("on_time", "late", "in_time", "overdue", "unreported", "continuous", "no_deadline", "done_undated", "cancelled")


def counts(*values: int) -> dict[str, int]:
    result = dict(zip(KEYS, values, strict=True))
    return result | {"four": sum(values[:4]), "total": sum(values)}


def report(capsys: pytest.CaptureFixture[str], repo: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(repo), "report", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], repo: Path, *argv: str) -> dict:
    code, out, err = report(capsys, repo, "--format", "json", *argv)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_buckets_per_lead_unit(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = as_json(capsys, reporting_repo, "--today", "2021-11-01")
    rows = [(row["label"], row["counts"]) for row in data["by_unit"]]
    assert rows == [
        ("Ban Dân tộc tỉnh", counts(0, 1, 1, 1, 0, 0, 1, 1, 0)),  # nv04 nv06 nv05, 05-KH nv02, 05-KH nv01
        ("Ban Dân vận Tỉnh ủy Tỉnh A", counts(1, 0, 2, 0, 1, 1, 0, 0, 1)),  # nv03, nv06 nv09, nv01, nv02, nv08
        ("Tỉnh ủy Tỉnh A", counts(0, 0, 0, 0, 0, 1, 0, 0, 0)),  # nv07
        ("(chưa ghi đơn vị chủ trì)", counts(0, 0, 0, 0, 1, 0, 0, 0, 0)),  # nv10
    ]
    # nv06 has two leads: the total counts it once (12 tasks, not 13)
    assert data["total"]["counts"] == counts(1, 1, 2, 1, 2, 2, 1, 1, 1)
    assert data["completed_after_today"] == ["tinh-a-2021-12-kh-bdvtu-nv09"]


def test_buckets_per_plan(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = as_json(capsys, reporting_repo, "--today", "2021-11-01")
    assert [(row["label"], row["counts"]) for row in data["by_plan"]] == [
        ("12-KH/BDVTU ngày 08/02/2021", counts(1, 1, 2, 1, 2, 2, 0, 0, 1)),
        ("05-KH/BDVTU ngày 15/01/2022", counts(0, 0, 0, 0, 0, 0, 1, 1, 0)),
    ]


def test_a_later_date_moves_tasks_between_buckets(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # By 10/01/2022 nv09 (done 20/12, due 31/12) is done on time and nv06 (due 31/12) is unreported.
    data = as_json(capsys, reporting_repo, "--today", "2022-01-10")
    assert data["total"]["counts"] == counts(2, 1, 0, 1, 3, 2, 1, 1, 1)
    assert data["completed_after_today"] == []
    # Only nv05 has progress recorded; the others passed their deadline with nothing reported.
    assert data["total"]["tasks"]["overdue"] == ["tinh-a-2021-12-kh-bdvtu-nv05"]
    assert data["total"]["tasks"]["unreported"] == [
        "tinh-a-2021-12-kh-bdvtu-nv01",
        "tinh-a-2021-12-kh-bdvtu-nv06",
        "tinh-a-2021-12-kh-bdvtu-nv10",
    ]


def test_year_and_quarter_select_by_deadline(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2021: every task of 12-KH (deadlines in 2021, or none and the plan runs in 2021); none of 05-KH
    # (its first task is due 31/03/2022, its undated one belongs to a plan that starts in 2022).
    data = as_json(capsys, reporting_repo, "--today", "2022-01-10", "--year", "2021")
    assert data["period"] == {"label": "năm 2021", "start": "2021-01-01", "end": "2021-12-31"}
    assert [row["id"] for row in data["by_plan"]] == ["tinh-a-2021-12-kh-bdvtu"]
    assert data["total"]["counts"] == counts(2, 1, 0, 1, 3, 2, 0, 0, 1)
    # Quarter II: nv04 (due 30/06, done late) and nv08 (May, cancelled), plus the two tasks with no deadline.
    data = as_json(capsys, reporting_repo, "--today", "2022-01-10", "--year", "2021", "--quarter", "2")
    assert data["period"]["label"] == "quý II năm 2021"
    assert data["total"]["tasks"] == {
        "late": ["tinh-a-2021-12-kh-bdvtu-nv04"],
        "continuous": ["tinh-a-2021-12-kh-bdvtu-nv02", "tinh-a-2021-12-kh-bdvtu-nv07"],
        "cancelled": ["tinh-a-2021-12-kh-bdvtu-nv08"],
    }


@pytest.mark.parametrize("written", ["tinh-a-ban-dan-van", "ban dan van tinh uy", "BDVTU", "BDV Tỉnh ủy"])
def test_one_unit_lead_and_support_apart(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    data = as_json(capsys, reporting_repo, "--today", "2021-11-01", "--unit", written)
    assert data["unit"] == "tinh-a-ban-dan-van"
    assert [(row["label"], row["counts"]) for row in data["by_unit"]] == [
        ("Chủ trì", counts(1, 0, 2, 0, 1, 1, 0, 0, 1)),
        ("Phối hợp", counts(0, 0, 0, 1, 0, 0, 0, 0, 0)),  # nv05
    ]
    assert [row["id"] for row in data["by_plan"]] == ["tinh-a-2021-12-kh-bdvtu"]


def test_one_plan_by_number(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = as_json(capsys, reporting_repo, "--today", "2021-11-01", "--plan", "05-kh/bdvtu")
    assert data["total"]["counts"] == counts(0, 0, 0, 0, 0, 0, 1, 1, 0)


def test_text_table_for_the_terminal(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, reporting_repo, "--today", "2021-11-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "Tính đến ngày 01/11/2021."]
    unit_row = next(line for line in lines if line.startswith("Ban Dân vận Tỉnh ủy Tỉnh A"))
    assert unit_row.split()[-11:] == ["1", "0", "2", "0", "3", "1", "1", "0", "0", "1", "6"]
    # every row of a table is as wide as its rule line: Vietnamese letters take one column each
    rule = next(line for line in lines if line.startswith("─"))
    assert len(unit_row) == len(rule)
    assert "1 nhiệm vụ ghi ngày hoàn thành sau ngày 01/11/2021 được tính là chưa hoàn thành" in out
    assert "Xong, không rõ ngày: Đã hoàn thành nhưng không ghi ngày hoàn thành." in out


def test_apart_columns_that_never_occur_are_left_out(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = report(capsys, reporting_repo, "--today", "2021-11-01", "--plan", "12-KH/BDVTU", "--format", "markdown")
    header = next(line for line in out.splitlines() if line.startswith("| Đơn vị chủ trì"))
    assert "Chưa rõ hạn" not in header and "Xong, không rõ ngày" not in header
    assert "Thường xuyên" in header and "Dừng, hủy" in header


def test_markdown_for_minutes(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = report(capsys, reporting_repo, "--today", "2021-11-01", "--format", "markdown", "--details")
    assert code == 0
    assert "| Tỉnh ủy Tỉnh A | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |" in out
    assert "### Chưa hoàn thành, đã quá hạn; đã có tiến độ hoặc báo cáo (1)" in out
    assert "### Đã qua hạn, chưa có tiến độ hay báo cáo nào; không tính là quá hạn (2)" in out
    assert (
        "- tinh-a-2021-12-kh-bdvtu-nv09 (12-KH/BDVTU; hạn 31/12/2021; ghi hoàn thành 20/12/2021, sau ngày báo cáo;"
        in out
    )
    assert (
        "- tinh-a-2021-12-kh-bdvtu-nv05 (12-KH/BDVTU; hạn 14/10/2021; Ban Dân tộc tỉnh): Báo cáo chuyên đề dân tộc"
        in out
    )


def test_a_repository_with_errors_is_refused(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    task = reporting_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv03.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace("status: done", "status: xong"), encoding="utf-8")
    code, out, err = report(capsys, reporting_repo, "--today", "2021-11-01")
    assert code == 1 and out == ""
    assert "không lập báo cáo" in err
    assert (
        "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv03.yaml:10:9: KH108 [lỗi] "
        "trường 'status': giá trị 'xong' không hợp lệ"
    ) in err
    assert err.rstrip().endswith("(đã kiểm tra 19 tệp).")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--unit", "Ban Dan vn"], "không tìm thấy đơn vị 'Ban Dan vn'; có phải là:\n  - tinh-a-ban-dan-van ("),
        (["--unit", "ban dan"], "'ban dan' khớp nhiều đơn vị; hãy chọn và ghi mã:\n  - tinh-a-ban-dan-toc"),
        (["--plan", "99-KH/BDVTU"], "không tìm thấy kế hoạch '99-KH/BDVTU'"),
        (["--quarter", "2"], "--quarter cần đi kèm --year"),
        (["--year", "2021", "--quarter", "5"], "--quarter 5 không tồn tại"),
    ],
)
def test_bad_filters_are_usage_errors(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = report(capsys, reporting_repo, *argv)
    assert code == 2 and out == ""
    assert message in err


def test_outside_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = report(capsys, tmp_path)
    assert code == 2
    assert "không thấy thư mục 'records/'" in err


def test_real_records_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    """On the real records, each plan's line counts exactly that plan's task files."""
    from ..conftest import REPO_ROOT

    data = as_json(capsys, REPO_ROOT, "--today", "2022-06-01")
    for row in data["by_plan"]:
        files = list((REPO_ROOT / "records/plans" / row["id"] / "tasks").glob("*.yaml"))
        assert row["counts"]["total"] == len(files)


def test_real_records_call_nothing_overdue_that_nobody_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """A task is 'quá hạn' only when something was recorded on it; else 'chưa có báo cáo'."""
    from ..conftest import REPO_ROOT

    data = as_json(capsys, REPO_ROOT, "--today", "2026-12-01")
    overdue = data["total"]["tasks"].get("overdue", [])
    for task_id in overdue:
        plan = task_id.rsplit("-nv", 1)[0]
        text = (REPO_ROOT / "records/plans" / plan / "tasks" / f"{task_id}.yaml").read_text(encoding="utf-8")
        reports = [p.read_text(encoding="utf-8") for p in (REPO_ROOT / "records/reports").glob("*.yaml")]
        assert "progress:" in text or "status: in-progress" in text or any(task_id in r for r in reports)
    assert data["total"]["counts"]["unreported"] > 0


def test_successors_and_implied_leads_are_lines_of_their_own(
    results_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = as_json(capsys, results_repo, "--today", "2025-08-01", "--plan", "40-KH/BDVTU")
    rows = {row["label"]: row["counts"] for row in data["by_unit"]}
    successor = "Ban Tuyên giáo và Dân vận Tỉnh ủy Tỉnh A (kế tục từ Ban Dân vận Tỉnh ủy Tỉnh A)"
    assert rows[successor]["overdue"] == 1 and rows[successor]["unreported"] == 1  # nv01, nv04
    assert rows[successor + " (chủ trì suy ra)"]["overdue"] == 1  # nv05
    assert rows["Ban Dân vận Tỉnh ủy Tỉnh A"]["on_time"] == 1  # nv03, done before the merger
    assert rows["Ban Dân tộc tỉnh"]["late"] == 1  # nv02
    # A yearly task is counted in the year asked for.
    data = as_json(capsys, results_repo, "--today", "2025-08-01", "--plan", "40-KH/BDVTU", "--year", "2024")
    assert data["total"]["tasks"]["unreported"] == ["tinh-a-2021-40-kh-bdvtu-nv01", "tinh-a-2021-40-kh-bdvtu-nv04"]
