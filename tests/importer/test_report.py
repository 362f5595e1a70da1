"""Importing a report (báo cáo tổng kết, sơ kết, báo cáo kết quả): a report record
with its results linked to the tasks of recorded plans and its figures, plus a
plan for its programme part. The report with a programme part is written for
these tests (tests/fixtures/sources/reports/); the reports without one are the
development corpus's."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml

from kehoach.check import load_repository, run_check
from kehoach.findings import Severity
from kehoach.importer import document, draft, figures, report, source

from ..conftest import REPO_ROOT
from .conftest import files_under, registry_repo, run

REPORTS = REPO_ROOT / "tests" / "fixtures" / "sources" / "reports"
TONG_KET = REPORTS / "binh-thuan-2021-60-bc-bdvtu.txt"
DEV = REPO_ROOT / "tests" / "fixtures" / "corpus" / "dev"
ID = "binh-thuan-2021-60-bc-bdvtu"
PROGRAMME = f"{ID}-phuong-huong"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the real records: the plan the report reports on (12-KH/BDVTU) is there."""
    target = tmp_path / "kho"
    (target / "records").mkdir(parents=True)
    for folder in ("units", "plans", "directives"):
        shutil.copytree(REPO_ROOT / "records" / folder, target / "records" / folder)
    return target


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_report_with_a_programme_imports_as_a_report_and_a_plan(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--root", str(repo), "import", str(TONG_KET))
    assert (code, err) == (0, ""), out
    report_file = repo / "records" / "reports" / f"{ID}.yaml"
    data = _load(report_file)
    assert (data["number"], data["issuer"], data["kind"], data["heading"]) == (
        "60-BC/BDVTU",
        "binh-thuan-ban-dan-van",
        "final",
        "Báo cáo tổng kết",
    )
    assert (data["date"], data["period_start"], data["period_end"]) == (
        dt.date(2021, 12, 20),
        dt.date(2021, 1, 1),
        dt.date(2021, 12, 31),
    )
    assert data["plans"] == ["binh-thuan-2021-12-kh-bdvtu"]
    assert (data["signer"], data["signer_title"]) == ("Đặng Hồng Sỹ", "T/M Ban Dân vận - Trưởng ban")
    # Results: the paragraph that repeats task 2's words is its result; a paraphrase of task 3 is linked
    # with a doubt; a paragraph under a heading like the plan's section I is that section's result.
    results = data["results"]
    assert [r.get("task") for r in results[:2]] == [
        "binh-thuan-2021-12-kh-bdvtu-nv02",
        "binh-thuan-2021-12-kh-bdvtu-nv03",
    ]
    assert (results[2].get("plan"), results[2].get("section")) == ("binh-thuan-2021-12-kh-bdvtu", "I")
    assert all(r["outcome"] == "done" for r in results)
    assert results[0]["text"].startswith("Đã tham mưu Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động")
    text = report_file.read_text(encoding="utf-8")
    assert text.count("  # KIỂM TRA: mục I của báo cáo;") == 3  # every link and outcome is a guess, said so
    # The paragraph about training matches nothing recorded: kept on the file, for a person to link.
    assert "# Mục II: Tổ chức 15 lớp tập huấn nghiệp vụ" in text
    assert "1 đoạn kết quả không gắn được" in text
    # Figures: the number as written beside its value.
    by_written = {f["written"]: f for f in data["figures"]}
    assert {k: (v["value"], v.get("unit")) for k, v in by_written.items()} == {
        "24": (24, "báo cáo"),
        "100%": (100, "%"),
        "1.234": (1234, "mô hình"),
        "312": (312, "mô hình"),
        "15": (15, "lớp"),
        "1.850": (1850, "lượt"),
        "245,5": (245.5, "triệu đồng"),
    }
    assert by_written["1.234"]["name"] == "toàn tỉnh xây dựng mô hình Dân vận khéo"
    assert by_written["24"]["task"] == "binh-thuan-2021-12-kh-bdvtu-nv03"  # a figure goes with its result
    assert by_written["1.234"]["section"] == "I"
    # The programme part: a plan whose tasks read as any plan's.
    plan_folder = repo / "records" / "plans" / PROGRAMME
    plan = _load(plan_folder / f"{PROGRAMME}.yaml")
    assert (plan["number"], plan.get("type", "ke-hoach"), plan["title"], plan["period"]) == (
        "60-BC/BDVTU",
        "ke-hoach",
        "Phương hướng, nhiệm vụ năm 2022",
        "Năm 2022",
    )
    tasks = [_load(p) for p in sorted((plan_folder / "tasks").glob("*.yaml"))]
    assert [(t["text"][:40], t.get("timeframe")) for t in tasks] == [
        ("Tham mưu Ban Thường vụ Tỉnh ủy sơ kết 5 ", "quý II/2022"),
        ('Tiếp tục đẩy mạnh phong trào thi đua "Dâ', "năm 2022"),
        ("Phối hợp tổ chức Hội nghị biểu dương điể", "quý IV/2022"),
    ]
    assert tasks[0]["implements"] == ["tw-2015-49-ct-tw"]
    assert "Phần chương trình của báo cáo" in out and "1 báo cáo (3 kết quả gắn với nhiệm vụ, 7 số liệu)" in out
    findings = run_check(repo).findings
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_a_report_is_never_imported_twice(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--root", str(repo), "import", str(TONG_KET))[0] == 0
    before = files_under(repo)
    code, _, err = run(capsys, "--root", str(repo), "import", str(TONG_KET))
    assert code == 1
    assert f"báo cáo '{ID}' đã có trong kho" in err
    assert files_under(repo) == before


def test_a_report_without_a_programme_is_one_report_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = registry_repo(tmp_path)
    code, out, _ = run(capsys, "--root", str(repo), "import", str(DEV / "lao-cai-2026-904-bc-snnmt" / "source.txt"))
    assert code == 0, out
    assert not (repo / "records" / "plans").exists()
    report_file = repo / "records" / "reports" / "lao-cai-2026-904-bc-snnmt.yaml"
    data = _load(report_file)
    assert (data["number"], data["kind"], data["date"]) == ("904/BC-SNNMT", "thematic", dt.date(2026, 8, 28))
    # No recorded plan to link to: no result entries, every result paragraph kept as a comment.
    assert "results" not in data and "plans" not in data
    text = report_file.read_text(encoding="utf-8")
    assert "# Mục I.1: Công ty TNHH Đại Đồng Tiến được Ủy ban nhân dân tỉnh Yên Bái cấp" in text
    assert "# KIỂM TRA: trích yếu không ghi kỳ báo cáo" in text
    written = [(f["written"], f["unit"]) for f in data["figures"]]
    assert ("9,7", "ha") in written and ("+380", "m") in written and ("06", "tháng") in written
    # Proposals to the province (III) are neither results nor tasks; dates and numbers are not figures.
    assert "Thường xuyên kiểm tra, rà soát" not in text
    assert not any(w in ("412", "2596", "2026", "18") for w, _ in written)
    assert [f for f in run_check(repo).findings if f.severity is Severity.ERROR] == []


def test_a_blank_numbered_report_keeps_its_place_and_year(tmp_path: Path) -> None:
    index, _ = load_repository(registry_repo(tmp_path))
    outcome = document.build(source.read(DEV / "lao-cai-2026-bc-ubnd-chi-thi-38" / "source.txt"), index)
    assert outcome.plan is None and outcome.report is not None
    data = outcome.report.data
    assert data["number"] == "/BC-UBND"
    assert (data["period_start"], data["period_end"]) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert "date" in outcome.report.doubts and "number" in outcome.report.doubts
    # Section 4 (proposals to the ministry) and 3 (difficulties) give no result paragraph.
    sections = {section for section, _ in outcome.paragraphs}
    assert sections and not any(s.startswith(("3", "4")) for s in sections)
    by_written = {f["written"]: f for f in data["figures"]}
    assert by_written["18.799.810.000"]["value"] == 18799810000
    assert by_written["5.373,4/5.373,4"]["target"] == 5373.4
    assert "figures." + str(data["figures"].index(by_written["5.378.7000.000"])) in outcome.report.doubts


_ROMAN_PROGRAMME = TONG_KET.read_text(encoding="utf-8")


def test_a_programme_section_without_parts_and_a_work_programme(tmp_path: Path) -> None:
    """No 'PHẦN THỨ ...' lines: the section headed 'Chương trình công tác ...' is the programme, and the
    plan is a programme (chuong-trinh) because the document calls it one."""
    text = _ROMAN_PROGRAMME.replace("      PHẦN THỨ NHẤT\n      KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2021\n\n", "")
    text = text.replace("PHẦN THỨ HAI\n      PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022\n", "IV. CHƯƠNG TRÌNH CÔNG TÁC NĂM 2022\n")
    assert "PHẦN" not in text and "IV. CHƯƠNG TRÌNH" in text
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert outcome.plan is not None and outcome.report is not None
    assert outcome.plan.data["type"] == "chuong-trinh"
    assert outcome.plan.data["title"] == "Chương trình công tác năm 2022"
    assert outcome.plan.id == f"{ID}-chuong-trinh"
    assert [t.data["text"][:20] for t in outcome.tasks] == [
        "Tham mưu Ban Thường ",
        "Tiếp tục đẩy mạnh ph",
        "Phối hợp tổ chức Hội",
    ]
    assert not any("Tham mưu Ban Thường vụ Tỉnh ủy sơ kết" in text for _, text in outcome.paragraphs)


def _make_docx():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_docx", REPO_ROOT / "tests/fixtures/corpus/make_docx.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _summary(outcome: draft.Outcome) -> tuple:
    data = outcome.report.data  # type: ignore[union-attr]
    return (
        data["number"],
        data.get("plans"),
        [(r.get("task"), r.get("section")) for r in data.get("results", [])],
        [(f["written"], f.get("unit")) for f in data.get("figures", [])],
        outcome.plan.data["title"] if outcome.plan else None,
        [(t.data["text"][:30], t.data.get("timeframe")) for t in outcome.tasks],
    )


@pytest.mark.parametrize("form", ["paragraphs", "lines"])
def test_both_word_forms_give_what_the_text_gives(tmp_path: Path, form: str) -> None:
    maker = _make_docx()
    target = tmp_path / f"bc.{form}.docx"
    getattr(maker, f"write_{form}")(TONG_KET.read_text(encoding="utf-8"), "txt", target)
    repo = tmp_path / "kho"
    (repo / "records").mkdir(parents=True)
    for folder in ("units", "plans", "directives"):
        shutil.copytree(REPO_ROOT / "records" / folder, repo / "records" / folder)
    index, _ = load_repository(repo)
    assert _summary(document.build(source.read(target), index)) == _summary(
        document.build(source.read(TONG_KET), index)
    )


@pytest.mark.parametrize("form", ["txt", "paragraphs", "lines"])
def test_a_programme_of_action_imports_as_a_plan_of_that_type(tmp_path: Path, form: str) -> None:
    text_path = DEV / "lao-cai-2026-104-ctr-tu" / "source.txt"
    path = text_path
    if form != "txt":
        path = tmp_path / f"ctr.{form}.docx"
        getattr(_make_docx(), f"write_{form}")(text_path.read_text(encoding="utf-8"), "txt", path)
    index, _ = load_repository(registry_repo(tmp_path))
    outcome = document.build(source.read(path), index)
    assert outcome.report is None and outcome.plan is not None and not outcome.refused
    assert (outcome.plan.data["type"], outcome.plan.data["number"]) == ("chuong-trinh", "104-CTr/TU")
    assert len(outcome.tasks) >= 40


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("xây dựng 1.234 mô hình Dân vận khéo", [("1.234", 1234, "mô hình", None)]),
        ("tỷ lệ đạt 98,5%", [("98,5%", 98.5, "%", None)]),
        ("xử lý sau thanh tra đối với 04/04 Đoàn thanh tra", [("04/04", 4, "Đoàn", 4)]),
        ("tổ chức 04 cuộc thanh tra", [("04", 4, "cuộc", None)]),
        (
            "với diện tích khu vực khai thác 9,7 ha, mức sâu đến mức +380m",
            [("9,7", 9.7, "ha", None), ("+380", 380, "m", None)],
        ),
        ("thu 142.343.395.324 đồng", [("142.343.395.324", 142343395324, "đồng", None)]),
        # 'các loại:' names what is counted, it is no label ('loại 2' is)
        ("Phân bón các loại: 1.250 tấn", [("1.250", 1250, "tấn", None)]),
    ],
)
def test_figures_are_read_with_the_number_as_written(sentence: str, expected: list[tuple]) -> None:
    found = figures.find(sentence)
    assert [(f.written, f.value, f.unit, f.target) for f in found] == expected
    assert all(f.doubt is None for f in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 18/8/2026, Sở đã có Văn bản số 7914/SNNMT-KS gửi các đơn vị.",
        "Thực hiện Chỉ thị số 38/CT-TTg ngày 29/9/2020 và Nghị định số 193/2025/NĐ-CP.",
        "sửa đổi Điều 137 của Nghị định; quy hoạch thời kỳ 2021-2030, tầm nhìn đến năm 2050",
        "tại mốc số 04 và mốc số 05; trong năm 2025 đã triển khai",
    ],
)
def test_dates_years_and_document_numbers_are_not_figures(sentence: str) -> None:
    assert figures.find(sentence) == []


def test_a_number_with_irregular_groups_is_read_and_flagged() -> None:
    [found] = figures.find("số đã thu 5.378.7000.000 đồng")
    assert (found.value, found.written) == (53787000000, "5.378.7000.000")
    assert found.doubt and "không đủ ba chữ số" in found.doubt


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("công tác dân vận năm 2021", ("2021-01-01", "2021-12-31")),
        ("kết quả 6 tháng đầu năm 2025", ("2025-01-01", "2025-06-30")),
        ("tình hình 6 tháng cuối năm 2024", ("2024-07-01", "2024-12-31")),
        ("công tác quý III/2024", ("2024-07-01", "2024-09-30")),
        ("công tác tháng 9 năm 2025", ("2025-09-01", "2025-09-30")),
        ("thực hiện Nghị quyết giai đoạn 2021 - 2025", ("2021-01-01", "2025-12-31")),
        ("từ ngày 15/3/2025 đến ngày 14/9/2025", ("2025-03-15", "2025-09-14")),
        ("công tác tuần (từ ngày 08/9/2025 - 14/9/2025)", ("2025-09-08", "2025-09-14")),
        ("công tác tuần (từ ngày 15/9-21/9/2025)", ("2025-09-15", "2025-09-21")),
    ],
)
def test_the_period_a_title_says(title: str, period: tuple[str, str]) -> None:
    found = report.period_of(title)
    assert found is not None
    assert (found[0].isoformat(), found[1].isoformat()) == period


def test_headings_that_open_a_programme() -> None:
    assert report.is_programme("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022")
    assert report.is_programme("III. Nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm")
    assert report.is_programme("Phần thứ hai: Chương trình công tác năm 2026")
    assert not report.is_programme("I. Kết quả thực hiện nhiệm vụ trọng tâm")
    assert not report.is_programme("2. Một số nội dung đã thực hiện trong năm 2025")
    # the coming period named anywhere in a heading of work
    assert report.is_programme("III. CÔNG TÁC TRỌNG TÂM THÁNG TỚI")
    assert report.is_programme("3. Những việc cần làm trong thời gian tới")
    assert report.is_programme("IV. Các giải pháp chủ yếu")
    assert not report.is_programme("I. Công tác trọng tâm đã thực hiện trong tháng")
    assert not report.is_programme("II. Kết quả công tác tuần tới của các chi bộ")
    # a programme named for its subject is reported on; one of work for a period is the programme
    assert not report.is_programme("3. Chương trình xây dựng nông thôn mới")
    assert report.is_programme("III. KẾ HOẠCH NĂM 2026")


_MONTHLY = """ĐẢNG BỘ TỈNH KHÁNH HÒA             ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ PHƯỚC LỘC
      Số 17-BC/ĐU           Phước Lộc, ngày 27 tháng 11 năm 2025

BÁO CÁO
kết quả công tác tháng 11 và nhiệm vụ trọng tâm tháng 12 năm 2025

I. KẾT QUẢ ĐÃ THỰC HIỆN
1. Công tác xây dựng Đảng
- Đã tổ chức hội nghị học tập chuyên đề cho 95 đảng viên.
2. Công tác chính quyền
- Thu ngân sách đạt 870 triệu đồng.
II. HẠN CHẾ
- Việc cập nhật dữ liệu đảng viên còn chậm.
III. {programme}
1. Chỉ đạo các chi bộ tổ chức sinh hoạt chi bộ theo chuyên đề.
2. Tổng kết công tác kiểm tra, giám sát, hoàn thành trước ngày 20/12/2025.
IV. ĐỀ XUẤT, KIẾN NGHỊ
1. Đề nghị Ban Thường vụ Tỉnh ủy hỗ trợ kinh phí sửa chữa hội trường theo Kế hoạch số 12-KH/TU.

Nơi nhận:                                   T/M ĐẢNG ỦY
- Ban Thường vụ Tỉnh ủy,                       BÍ THƯ
- Lưu Văn phòng.

                                               Trần Văn Bình
"""


def _monthly(tmp_path: Path, programme: str) -> draft.Outcome:
    path = tmp_path / "bc.txt"
    path.write_text(_MONTHLY.format(programme=programme), encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    return document.build(source.read(path), index)


def test_a_monthly_report_work_for_next_month_is_its_programme_not_results(tmp_path: Path) -> None:
    outcome = _monthly(tmp_path, "CÔNG TÁC TRỌNG TÂM THÁNG TỚI")
    assert outcome.report is not None and outcome.plan is not None
    # the reported month is November, the year written once after the programme's month
    assert (outcome.report.data["period_start"], outcome.report.data["period_end"]) == (
        dt.date(2025, 11, 1),
        dt.date(2025, 11, 30),
    )
    assert [text[:20] for _, text in outcome.paragraphs] == ["Đã tổ chức hội nghị ", "Thu ngân sách đạt 87"]
    # the proposals to the province are neither tasks nor results, but what they cite is cited
    assert [t.data["text"][:20] for t in outcome.tasks] == ["Chỉ đạo các chi bộ t", "Tổng kết công tác ki"]
    assert "12-KH/TU" in [d.data.get("number") for d in outcome.directives]
    # 'next month' counts from the report's date: no time is written for it, and the reader is told
    first, second = outcome.tasks
    assert "timeframe" not in first.data and "tháng tới" in " ".join(first.doubts["timeframe"])
    assert second.data["timeframe"] == "trước ngày 20/12/2025"


def test_the_period_a_programme_heading_names_is_the_time_of_its_work(tmp_path: Path) -> None:
    outcome = _monthly(tmp_path, "PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12 NĂM 2025")
    assert outcome.plan is not None and outcome.plan.data["period"] == "Tháng 12 năm 2025"
    first, second = outcome.tasks
    assert first.data["timeframe"] == "tháng 12 năm 2025" and "timeframe" in first.doubts
    assert second.data["timeframe"] == "trước ngày 20/12/2025"


def test_a_footnote_printed_before_the_header_is_read_as_a_footnote(tmp_path: Path) -> None:
    """A PDF's text may put the first page's footnote ('1 Nghị quyết số ...') above the header: the
    header is still read, and the documents the footnote lists are cited."""
    note = (
        "1 Nghị quyết số 07-NQ/ĐU ngày 20/8/2025 của Ban Chấp hành Đảng bộ xã; Quyết định số\n"
        "11-QĐ/ĐU, ngày 22/8/2025 về kiện toàn tổ công tác; Thông báo số 19-TB/ĐU ngày 25/8/2025.\n"
    )
    text = note + _MONTHLY.format(programme="NHIỆM VỤ TRỌNG TÂM THÁNG TỚI")
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert outcome.report is not None and outcome.report.data["number"] == "17-BC/ĐU"
    numbers = {d.data.get("number") for d in outcome.directives}
    assert {"07-NQ/ĐU", "11-QĐ/ĐU", "19-TB/ĐU"} <= numbers


_REVIEWED = """ỦY BAN NHÂN DÂN                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHÚ HỘI                                      Độc lập - Tự do - Hạnh phúc
Số: 88/BC-UBND                              Phú Hội, ngày 10 tháng 12 năm 2025

BÁO CÁO
Kết quả thực hiện công tác quản lý đất đai năm 2025
-----

1. Công tác tuyên truyền
Đã tổ chức 05 hội nghị tuyên truyền Luật Đất đai năm 2024 cho 420 lượt người.
2. Kế hoạch sử dụng đất năm 2025
Đã thực hiện 12 công trình, dự án trong kế hoạch sử dụng đất, đạt 80%.
3. Chương trình xây dựng nông thôn mới
Hoàn thành tiêu chí quy hoạch, đạt chuẩn 19/19 tiêu chí.
4. Hạn chế, khó khăn
Một số hồ sơ cấp giấy chứng nhận còn chậm.
5. Nhiệm vụ trọng tâm năm 2026
- Tổ chức lập kế hoạch sử dụng đất năm 2026, hoàn thành trong quý I/2026.
- Đẩy nhanh cấp giấy chứng nhận quyền sử dụng đất.

Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN
- UBND tỉnh;                                     CHỦ TỊCH
- Lưu: VT.
                                               Lê Văn Cường
"""


def test_a_results_section_named_for_a_plan_is_not_the_programme(tmp_path: Path) -> None:
    """'2. Kế hoạch sử dụng đất năm 2025', '3. Chương trình xây dựng nông thôn mới' report what was done:
    a report writes its difficulties before its programme, so a heading of work followed by '4. Hạn chế,
    khó khăn' is a results section; the programme is '5. Nhiệm vụ trọng tâm năm 2026'."""
    path = tmp_path / "bc.txt"
    path.write_text(_REVIEWED, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert outcome.plan is not None and outcome.plan.data["title"] == "Nhiệm vụ trọng tâm năm 2026"
    assert [section for section, _ in outcome.paragraphs] == ["1", "2", "3"]
    assert [t.data["text"][:20] for t in outcome.tasks] == ["Tổ chức lập kế hoạch", "Đẩy nhanh cấp giấy c"]
    assert [t.data["timeframe"] for t in outcome.tasks] == ["trong quý I/2026", "năm 2026"]


def test_the_closing_line_saying_to_whom_the_report_goes_is_no_result(tmp_path: Path) -> None:
    text = _REVIEWED.replace(
        """4. Hạn chế, khó khăn
Một số hồ sơ cấp giấy chứng nhận còn chậm.
5. Nhiệm vụ trọng tâm năm 2026
- Tổ chức lập kế hoạch sử dụng đất năm 2026, hoàn thành trong quý I/2026.
- Đẩy nhanh cấp giấy chứng nhận quyền sử dụng đất.
""",
        "Ủy ban nhân dân xã Phú Hội báo cáo Ủy ban nhân dân tỉnh biết, theo dõi./.\n",
    )
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert outcome.plan is None and outcome.report is not None
    assert "biết, theo dõi" in text
    assert not any("biết, theo dõi" in paragraph for _, paragraph in outcome.paragraphs)
    assert any(paragraph.startswith("Hoàn thành tiêu chí") for _, paragraph in outcome.paragraphs)


_SETTING_AND_LABELS = """ĐẢNG BỘ TỈNH KHÁNH HÒA             ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ PHƯỚC LỘC
      Số 21-BC/ĐU           Phước Lộc, ngày 15 tháng 10 năm 2025

BÁO CÁO
kết quả vận hành chính quyền địa phương hai cấp quý III năm 2025

I. ĐẶC ĐIỂM TÌNH HÌNH
Xã được thành lập trên cơ sở nhập 03 xã cũ, có 12.400 nhân khẩu.
II. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN
1. Về tổ chức bộ máy
a) Thực trạng
Đã kiện toàn 04 ban của Đảng ủy và bố trí đủ công chức các phòng.
- Tồn tại, hạn chế và nguyên nhân: Một số công chức chưa quen việc mới.
- Đề xuất, kiến nghị: Đề nghị tỉnh bổ sung 02 biên chế.
2. Về giải quyết thủ tục hành chính
Đã tiếp nhận 1.250 hồ sơ, giải quyết đúng hạn 1.236 hồ sơ.

Nơi nhận:                                   T/M ĐẢNG ỦY
- Ban Thường vụ Tỉnh ủy,                       BÍ THƯ
- Lưu Văn phòng.

                                               Trần Văn Bình
"""


def test_the_setting_labels_and_difficulties_written_as_points_are_no_results(tmp_path: Path) -> None:
    path = tmp_path / "bc.txt"
    path.write_text(_SETTING_AND_LABELS, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert outcome.plan is None and outcome.report is not None
    assert [text[:20] for _, text in outcome.paragraphs] == ["Đã kiện toàn 04 ban ", "Đã tiếp nhận 1.250 h"]


def test_a_title_naming_only_the_programmes_year_leaves_the_programme_found(tmp_path: Path) -> None:
    """'... quản lý đất đai và nhiệm vụ năm 2026': 2026 is the programme's year, not the reported period,
    so '5. Nhiệm vụ trọng tâm năm 2026' still opens the programme."""
    text = _REVIEWED.replace(
        "Kết quả thực hiện công tác quản lý đất đai năm 2025",
        "Kết quả thực hiện công tác quản lý đất đai và nhiệm vụ năm 2026",
    )
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert outcome.plan is not None and outcome.plan.data["title"] == "Nhiệm vụ trọng tâm năm 2026"
    assert len(outcome.tasks) == 2


@pytest.mark.parametrize(
    ("title", "period"),
    [
        (
            "tình hình thực hiện nhiệm vụ tháng 02 năm 2026 và nhiệm vụ trọng tâm tháng 3 năm 2026",
            ("2026-02-01", "2026-02-28"),
        ),
        ("kết quả công tác tháng 11 và nhiệm vụ trọng tâm tháng 12 năm 2025", ("2025-11-01", "2025-11-30")),
        ("công tác dân vận năm 2021, phương hướng, nhiệm vụ năm 2022", ("2021-01-01", "2021-12-31")),
    ],
)
def test_the_reported_period_is_before_the_programmes(title: str, period: tuple[str, str]) -> None:
    found = report.reported_period(title)
    assert found is not None
    assert (found[0].isoformat(), found[1].isoformat()) == period
    assert report.reported_period("tổng kết công tác dân vận và phương hướng, nhiệm vụ năm 2026", whole=False) is None


def test_work_for_the_rest_of_the_year_after_a_nine_month_report_is_its_programme(tmp_path: Path) -> None:
    """A report on nine months of 2025 whose programme is 'Nhiệm vụ trọng tâm những tháng cuối năm 2025':
    that period reaches past the covered one, so it is the programme, not a covered section."""
    text = _REVIEWED.replace(
        "Kết quả thực hiện công tác quản lý đất đai năm 2025", "Kết quả công tác quản lý đất đai 9 tháng đầu năm 2025"
    ).replace("5. Nhiệm vụ trọng tâm năm 2026", "5. Nhiệm vụ trọng tâm những tháng cuối năm 2025")
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert outcome.plan is not None and outcome.plan.data["title"] == "Nhiệm vụ trọng tâm những tháng cuối năm 2025"
    assert len(outcome.tasks) == 2


def test_the_bodies_a_report_directs_lead_the_work_it_gives_them(tmp_path: Path) -> None:
    """'Chỉ đạo X và Y: <work>' in a committee's programme: X and Y do the work, the committee directs."""
    path = tmp_path / "bc2.txt"
    text = _MONTHLY.format(programme="NHIỆM VỤ THÁNG 12 NĂM 2025").replace(
        "1. Chỉ đạo các chi bộ tổ chức sinh hoạt chi bộ theo chuyên đề.",
        "1. Chỉ đạo Ủy ban nhân dân xã và Ủy ban MTTQ Việt Nam xã: rà soát hộ nghèo, hoàn thành trong tháng.",
    )
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r2"))
    outcome = document.build(source.read(path), index)
    first = outcome.tasks[0]
    names = [u.data["name"] for u in outcome.units if u.id in first.data["lead"]]
    assert sorted(names) == ["Ủy ban MTTQ Việt Nam xã", "Ủy ban nhân dân xã"]


def test_a_footnote_whose_marker_was_not_read_cites_its_documents(tmp_path: Path) -> None:
    """'2 Giám sát theo Quyết định số ...' printed where a PDF put the page's foot (here after the signature),
    its marker never read as one: the documents it names are cited."""
    text = _MONTHLY.format(programme="NHIỆM VỤ TRỌNG TÂM THÁNG TỚI") + (
        "2 Giám sát chuyên đề: Giám sát theo Quyết định số 09-QĐ/ĐU, ngày 18/9/2025 của Ban Thường\n"
        "vụ Đảng ủy về công tác phòng, chống tham nhũng.\n"
    )
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert "09-QĐ/ĐU" in {d.data.get("number") for d in outcome.directives}


def test_a_table_printed_a_cell_per_line_and_an_aside_are_not_results(tmp_path: Path) -> None:
    text = _MONTHLY.format(programme="NHIỆM VỤ TRỌNG TÂM THÁNG TỚI").replace(
        "2. Công tác chính quyền\n",
        "Về bố trí biên chế các cơ quan:\nĐơn vị\nSố lượng biên chế được giao\nSố lượng biên chế hiện có đến nay\n"
        "Khối Đảng\n(Không có đơn vị sự nghiệp)\nMặt trận và các tổ chức chính trị - xã hội\nKhối chính quyền\n"
        "2. Công tác chính quyền\n",
    )
    path = tmp_path / "bc.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path / "r"))
    outcome = document.build(source.read(path), index)
    assert [text[:20] for _, text in outcome.paragraphs] == ["Đã tổ chức hội nghị ", "Thu ngân sách đạt 87"]
