"""``kehoach export``: the files are read back with csv and openpyxl and
compared with the record files themselves (read here with plain PyYAML, not
through kehoach), and with values worked out by hand from the fixture."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
import yaml

from kehoach import cli
from kehoach.atomic import TEMP_SUFFIX

from ..conftest import REPO_ROOT

TODAY = "2021-11-01"
PLAN_DIR = "records/plans/tinh-a-2021-12-kh-bdvtu"
TASK_HEADERS = [
    "Mã nhiệm vụ",
    "Kế hoạch",
    "Ngày kế hoạch",
    "Mục",
    "Số",
    "Thứ tự",
    "Tên ngắn",
    "Nội dung",
    "Chủ trì",
    "Phối hợp",
    "Tham mưu",
    "Thực hiện",
    "Văn bản liên quan",
    "Thời gian thực hiện (như văn bản)",
    "Hạn (tính)",
    "Tình trạng",
    "Ngày hoàn thành",
    "Tình hình (tính đến 01/11/2021)",
    "Phân loại báo cáo",
    "Tiến độ gần nhất",
    "Ghi chú",
    "Tệp",
]


def export(capsys: pytest.CaptureFixture[str], repo: Path, *argv: str) -> tuple[int, str]:
    code = cli.main(["--root", str(repo), "export", *argv])
    return code, capsys.readouterr().err


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def task_files(repo: Path) -> dict[str, dict]:
    files = sorted((repo / "records/plans").glob("*/tasks/*.yaml"))
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}


def guarded(text: str) -> str:
    return "'" + text if text[0] in "=+-@" else text


def test_tasks_csv_has_one_row_per_task_matching_the_records(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = reporting_repo / "nhiem-vu.csv"
    code, err = export(capsys, reporting_repo, "tasks", "--out", str(out), "--today", TODAY)
    assert (code, err) == (0, f"Đã ghi 12 dòng vào {out}.\n")
    rows = read_csv(out)
    assert list(rows[0]) == TASK_HEADERS
    records = task_files(reporting_repo)
    assert sorted(row["Mã nhiệm vụ"] for row in rows) == sorted(records)
    for row in rows:
        record = records[row["Mã nhiệm vụ"]]
        assert row["Nội dung"] == guarded(record["text"])
        assert row["Thời gian thực hiện (như văn bản)"] == record.get("timeframe", "")
        assert row["Ngày hoàn thành"] == str(record.get("completed", ""))
        assert row["Thứ tự"] == str(record["order"])
        assert row["Tệp"].endswith(f"/tasks/{row['Mã nhiệm vụ']}.yaml")


def test_task_row_by_hand(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = reporting_repo / "nv.csv"
    export(capsys, reporting_repo, "tasks", "--out", str(out), "--today", TODAY)
    row = next(r for r in read_csv(out) if r["Mã nhiệm vụ"] == "tinh-a-2021-12-kh-bdvtu-nv05")
    assert row == {
        **{h: "" for h in TASK_HEADERS},
        "Mã nhiệm vụ": "tinh-a-2021-12-kh-bdvtu-nv05",
        "Kế hoạch": "12-KH/BDVTU",
        "Ngày kế hoạch": "2021-02-08",
        "Mục": "II.1",
        "Thứ tự": "5",
        "Tên ngắn": "Báo cáo chuyên đề dân tộc",
        # the text starts with '=': a spreadsheet would run it as a formula, so it gets a leading quote
        "Nội dung": "'=Xây dựng báo cáo chuyên đề về công tác dân tộc, gửi Thường trực Tỉnh ủy.",
        "Chủ trì": "Ban Dân tộc tỉnh",
        "Phối hợp": "Ban Dân vận Tỉnh ủy Tỉnh A",
        "Thời gian thực hiện (như văn bản)": "trước ngày 15/10/2021",
        "Hạn (tính)": "2021-10-14",
        "Tình trạng": "Đang thực hiện",
        "Tình hình (tính đến 01/11/2021)": "Quá hạn 18 ngày",
        "Phân loại báo cáo": "Quá hạn chưa hoàn thành",
        "Tiến độ gần nhất": "20/09/2021: Đã có dự thảo.",
        "Tệp": f"{PLAN_DIR}/tasks/tinh-a-2021-12-kh-bdvtu-nv05.yaml",
    }
    # a task with two leads names both; a task with no time frame takes its plan's end as deadline
    nv06 = next(r for r in read_csv(out) if r["Mã nhiệm vụ"] == "tinh-a-2021-12-kh-bdvtu-nv06")
    assert nv06["Chủ trì"] == "Ban Dân vận Tỉnh ủy Tỉnh A; Ban Dân tộc tỉnh"
    assert (nv06["Thời gian thực hiện (như văn bản)"], nv06["Hạn (tính)"]) == ("", "2021-12-31")
    assert nv06["Nội dung"] == "'- Phối hợp tuyên truyền chính sách dân tộc trên báo, đài tỉnh."


def test_tasks_xlsx(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = reporting_repo / "nhiem-vu.xlsx"
    code, _ = export(capsys, reporting_repo, "tasks", "--out", str(out), "--today", TODAY)
    assert code == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Nhiệm vụ", "Thông tin"]
    ws = workbook["Nhiệm vụ"]
    assert [c.value for c in ws[1]] == TASK_HEADERS
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:V13"  # 22 columns, header + 12 tasks
    assert 60 <= ws.column_dimensions["H"].width < 61  # the task text: 60 characters (plus cell padding)
    rows = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    records = task_files(reporting_repo)
    assert set(rows) == set(records)
    for task_id, record in records.items():
        # text is stored exactly as written, formula-looking or not
        assert rows[task_id][7].value == record["text"]
        assert rows[task_id][7].data_type == "s"
    nv05 = rows["tinh-a-2021-12-kh-bdvtu-nv05"]
    assert nv05[7].quotePrefix  # Excel keeps '=Xây dựng...' as text even when the cell is edited
    deadline = nv05[14]
    assert deadline.value == dt.datetime(2021, 10, 14) and deadline.number_format == "dd/mm/yyyy"
    assert rows["tinh-a-2021-12-kh-bdvtu-nv03"][16].value == dt.datetime(2021, 3, 25)
    assert rows["tinh-a-2021-12-kh-bdvtu-nv03"][5].value == 3  # order is a number
    assert rows["tinh-a-2021-12-kh-bdvtu-nv02"][14].value is None  # continuous: no deadline
    about = {row[0].value: row[1].value for row in workbook["Thông tin"].iter_rows()}
    assert about["Số dòng"] == 12 and about["Tính đến ngày"] == dt.datetime(2021, 11, 1)
    assert about["Bộ lọc"] == "không lọc"


def test_the_workbook_says_how_it_was_filtered(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = reporting_repo / "qua-han.xlsx"
    argv = ["tasks", "--status", "overdue", "--unit", "BDVTU", "--year", "2021", "--out", str(out), "--today", TODAY]
    assert export(capsys, reporting_repo, *argv)[0] == 0
    workbook = openpyxl.load_workbook(out)
    about = {row[0].value: row[1].value for row in workbook["Thông tin"].iter_rows()}
    assert about["Bộ lọc"] == "đơn vị Ban Dân vận Tỉnh ủy Tỉnh A; tình trạng: quá hạn; năm 2021"
    # overdue on 01/11/2021 (progress recorded) and Ban Dân vận has a role: nv05 (supports);
    # nv01 (leads) passed its deadline with nothing recorded: not overdue
    assert [row[0].value for row in workbook.active.iter_rows(min_row=2)] == ["tinh-a-2021-12-kh-bdvtu-nv05"]


def test_plans_with_bucket_counts(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = reporting_repo / "ke-hoach.xlsx"
    assert export(capsys, reporting_repo, "plans", "--out", str(out), "--today", TODAY)[0] == 0
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    assert [r["Số hiệu"] for r in rows] == ["12-KH/BDVTU", "05-KH/BDVTU"]  # by date of issue
    first = rows[0]
    assert first["Ngày ban hành"] == dt.datetime(2021, 2, 8)
    assert first["Thời gian của kế hoạch (như văn bản)"] == "Năm 2021"
    assert first["Hạn (cuối thời gian kế hoạch)"] == dt.datetime(2021, 12, 31)
    assert first["Cơ quan ban hành"] == "Ban Dân vận Tỉnh ủy Tỉnh A"
    assert first["Căn cứ"] == "25-NQ/TW"
    # the report's buckets as of 01/11/2021 (see test_report.py for the working)
    counted = [first[h] for h in ("Số nhiệm vụ", "Hoàn thành đúng hạn", "Hoàn thành quá hạn")]
    counted += [first[h] for h in ("Đang thực hiện trong hạn", "Quá hạn chưa hoàn thành", "Chưa có báo cáo")]
    counted += [first[h] for h in ("Thường xuyên", "Dừng, hủy")]
    assert counted == [10, 1, 1, 2, 1, 2, 2, 1]
    assert rows[1]["Thời gian của kế hoạch (như văn bản)"] is None


def test_directives(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = reporting_repo / "van-ban.csv"
    assert export(capsys, reporting_repo, "directives", "--out", str(out))[0] == 0
    (row,) = read_csv(out)
    assert row["Số và ký hiệu"] == "25-NQ/TW"
    assert row["Loại văn bản"] == "Nghị quyết"
    assert row["Cơ quan ban hành"] == "Bộ Chính trị"
    assert row["Ngày ban hành"] == "2013-06-03"
    assert row["Kế hoạch căn cứ vào"] == "12-KH/BDVTU; 05-KH/BDVTU"
    assert row["Số nhiệm vụ triển khai"] == "1"  # nv01 implements it


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # any role: lead nv01 nv02 nv03 nv06 nv08 nv09, supports nv05
        (["tasks", "--unit", "Ban Dân vận Tỉnh ủy"], ["nv01", "nv02", "nv03", "nv05", "nv06", "nv08", "nv09"]),
        (["tasks", "--status", "overdue"], ["nv05"]),
        (["tasks", "--status", "unreported"], ["nv01", "nv10"]),
        (["tasks", "--status", "done"], ["nv03", "nv04", "nv09", "nv01"]),  # the last is 05-KH's nv01
        (["tasks", "--year", "2021", "--quarter", "2"], ["nv02", "nv04", "nv07", "nv08"]),
        (["tasks", "--plan", "05-KH/BDVTU"], ["nv01", "nv02"]),
        (["plans", "--year", "2022"], ["tinh-a-2022-05-kh-bdvtu"]),
        (["plans", "--unit", "tw-bo-chinh-tri"], []),
        (["directives", "--plan", "tinh-a-2022-05-kh-bdvtu"], ["tw-2013-25-nq-tw"]),
        (["directives", "--status", "superseded"], []),
    ],
)
def test_filters(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: list[str]
) -> None:
    out = reporting_repo / "loc.csv"
    assert export(capsys, reporting_repo, *argv, "--out", str(out), "--today", TODAY)[0] == 0
    ids = [next(iter(row.values())) for row in read_csv(out)]
    assert [i.rsplit("-", 1)[-1] if argv[0] == "tasks" else i for i in ids] == expected


def test_csv_to_stdout_with_another_delimiter(reporting_repo: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert cli.main(["--root", str(reporting_repo), "export", "plans", "--delimiter", ";"]) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith("\ufeffMã kế hoạch;Số hiệu;".encode())
    assert b"\r\n" in data


def test_existing_file_is_kept_without_force(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = reporting_repo / "bang.xlsx"
    out.write_bytes(b"do not lose me")
    code, err = export(capsys, reporting_repo, "tasks", "--out", str(out))
    assert code == 2 and "đã có; dùng --force để ghi đè" in err
    assert out.read_bytes() == b"do not lose me"
    assert export(capsys, reporting_repo, "tasks", "--out", str(out), "--force")[0] == 0
    assert openpyxl.load_workbook(out).active.max_row == 13
    assert [p.name for p in reporting_repo.iterdir() if p.name.endswith(TEMP_SUFFIX)] == []


@pytest.mark.parametrize("name", ["bang.csv", "bang.xlsx"])
def test_a_read_only_file_is_not_replaced_even_with_force(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = reporting_repo / name
    out.write_bytes(b"do not lose me")
    out.chmod(0o444)
    code, err = export(capsys, reporting_repo, "tasks", "--out", str(out), "--force")
    assert code == 2
    assert f"không ghi được '{out}': tệp chỉ cho đọc hoặc không có quyền ghi (tệp cũ, nếu có, giữ nguyên)" in err
    assert out.read_bytes() == b"do not lose me"
    assert [p.name for p in reporting_repo.iterdir() if p.name.endswith(TEMP_SUFFIX)] == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tasks", "--format", "xlsx"], "thêm --out TỆP.xlsx"),
        (["plans", "--status", "done"], "kế hoạch không có tình trạng"),
        (["tasks", "--status", "xong"], "--status 'xong' không dùng được cho tasks"),
        (["tasks", "--unit", "Ban Tuyên giáo"], "không tìm thấy đơn vị 'Ban Tuyên giáo' trong kho"),
        (["tasks", "--out", "khong-co/thu-muc/x.csv"], "không có thư mục 'khong-co/thu-muc'"),
    ],
)
def test_usage_errors(
    reporting_repo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(reporting_repo)
    code, err = export(capsys, reporting_repo, *argv)
    assert code == 2 and message in err


def test_a_repository_with_errors_writes_nothing(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reporting_repo / "records/units/tinh-a-tinh-uy.yaml").write_text("id: tinh-a-tinh-uy\nname: [\n", encoding="utf-8")
    out = reporting_repo / "x.csv"
    code, err = export(capsys, reporting_repo, "tasks", "--out", str(out))
    assert code == 1 and not out.exists()
    assert "records/units/tinh-a-tinh-uy.yaml:" in err and "KH010 [lỗi]" in err


def test_unusual_text_never_breaks_the_workbook(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    task = reporting_repo / PLAN_DIR / "tasks/tinh-a-2021-12-kh-bdvtu-nv10.yaml"
    text = task.read_text(encoding="utf-8").replace(
        "text: Rà soát quy chế phối hợp giữa các cơ quan.", 'text: "@SUM(1+1)\\a chuông"'
    )
    task.write_text(text, encoding="utf-8")
    out = reporting_repo / "x.xlsx"
    assert export(capsys, reporting_repo, "tasks", "--out", str(out))[0] == 0
    ws = openpyxl.load_workbook(out).active
    cell = next(row[7] for row in ws.iter_rows(min_row=2) if row[0].value.endswith("nv10"))
    # the bell character cannot be stored in XLSX: it becomes a visible replacement mark
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("@SUM(1+1)\ufffd chuông", "s", True)


def test_real_records_every_task_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.xlsx"
    assert export(capsys, REPO_ROOT, "tasks", "--out", str(out), "--today", "2022-06-01")[0] == 0
    ws = openpyxl.load_workbook(out).active
    ids = [row[0].value for row in ws.iter_rows(min_row=2)]
    files = sorted(p.stem for p in (REPO_ROOT / "records/plans").glob("*/tasks/*.yaml"))
    assert sorted(ids) == files
