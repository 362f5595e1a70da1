"""`kehoach import` as a user runs it: the plan of files on --dry-run, the summary,
links to records already there, never an overwrite, clear messages and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.findings import Severity

from ..conftest import REPO_ROOT
from .conftest import EXTRA, SOURCES, files_under, run

LAM_DONG = EXTRA / "lam-dong-2023-27-kh-bdvtu.txt"
PLAN = "records/plans/lam-dong-2023-27-kh-bdvtu/lam-dong-2023-27-kh-bdvtu.yaml"


def test_dry_run_prints_the_files_and_writes_nothing(empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files_under(empty_repo)
    code, out, _ = run(capsys, "--root", str(empty_repo), "import", "--dry-run", str(LAM_DONG))
    assert code == 0
    assert f"  {PLAN} (mới)" in out
    assert "  records/units/lam-dong-ban-dan-van.yaml (mới)" in out
    assert "chưa ghi tệp nào" in out
    assert files_under(empty_repo) == before


def test_import_writes_the_records_with_review_notes(empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(empty_repo), "import", str(LAM_DONG))
    assert code == 0
    assert f"  {PLAN}" in out
    plan = (empty_repo / PLAN).read_text(encoding="utf-8")
    assert plan.startswith("# yaml-language-server: $schema=../../../schema/plan.schema.json\n")
    # The issuer is a unit the registry lacks for Lâm Đồng: proposed, and flagged where it is used.
    assert "# KIỂM TRA: danh mục chưa có đơn vị này của tỉnh Lâm Đồng" in plan
    unit = (empty_repo / "records/units/lam-dong-ban-dan-van.yaml").read_text(encoding="utf-8")
    assert "name: Ban Dân vận Tỉnh ủy Lâm Đồng" in unit
    assert "Cần người xem lại" in out
    assert [f for f in run_check(empty_repo).findings if f.severity is Severity.ERROR] == []


def test_records_already_there_are_linked_not_rewritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "kho"
    shutil.copytree(REPO_ROOT / "records", repo / "records")
    before = files_under(repo)
    code, out, _ = run(capsys, "--root", str(repo), "import", str(LAM_DONG))
    assert code == 0
    # Chỉ thị 49-CT/TW is in the repository (cited by the Bình Phước plan): linked, not created.
    assert "tw-2015-49-ct-tw" in next(line for line in out.splitlines() if line.startswith("Liên kết"))
    assert "records/directives/tw-2015-49-ct-tw.yaml" not in out
    after = files_under(repo)
    assert {path: text for path, text in after.items() if path in before} == before
    basis = (repo / PLAN).read_text(encoding="utf-8")
    assert "  - tw-2015-49-ct-tw\n" in basis


def test_an_existing_file_is_never_overwritten(empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file sits where a new record would go (a broken one, so the repository could not read it):
    it stays as it is, and the summary says the plan now points at a record that needs fixing."""
    run(capsys, "--root", str(empty_repo), "import", "--dry-run", str(LAM_DONG))
    target = empty_repo / "records/directives/lam-dong-2021-05-qc-tu.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("# bản ghi viết tay\n", encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(empty_repo), "import", str(LAM_DONG))
    assert target.read_text(encoding="utf-8") == "# bản ghi viết tay\n"
    assert "không ghi đè:\n  records/directives/lam-dong-2021-05-qc-tu.yaml" in out
    assert code == 1
    assert "KH301" in out and "lam-dong-2021-05-qc-tu" in out


def test_out_writes_into_another_folder(tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "nhap"
    code, _, _ = run(capsys, "--root", str(empty_repo), "import", "--out", str(out_dir), str(LAM_DONG))
    assert code == 0
    assert (out_dir / PLAN).is_file()
    assert not (empty_repo / PLAN).exists()


def test_issuer_given_on_the_command_line(empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(empty_repo), "import", "--issuer", "khong-co", str(LAM_DONG))
    assert (code, err.strip()) == (2, f"kehoach: {LAM_DONG}: --issuer 'khong-co' không có trong danh mục đơn vị")
    seed = SOURCES / "binh-thuan-2022-54-kh-bdvtu.txt"
    code, _, _ = run(capsys, "--root", str(empty_repo), "import", "--issuer", "binh-thuan-ban-dan-van", str(seed))
    assert code == 0
    plan = (empty_repo / "records/plans/binh-thuan-2022-54-kh-bdvtu/binh-thuan-2022-54-kh-bdvtu.yaml").read_text()
    assert "issuer: binh-thuan-ban-dan-van\n" in plan


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"KE\xcc HOA\xf2CH", "không phải UTF-8"),
        ("Một đoạn văn bất kỳ, không có phần đầu của kế hoạch.\n".encode(), "không tìm thấy dòng tên loại"),
    ],
)
def test_input_that_cannot_be_imported(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "van-ban.txt"
    path.write_bytes(content)
    before = files_under(empty_repo)
    code, out, err = run(capsys, "--root", str(empty_repo), "import", str(path))
    assert code == 2
    assert expected in err
    assert "Traceback" not in out + err
    assert files_under(empty_repo) == before


@pytest.mark.parametrize(
    ("content", "flagged"),
    [
        (
            "TỈNH ỦY BÌNH THUẬN\nBAN DÂN VẬN\nSố 15-NQ/BDVTU\nBình Thuận, ngày 01 tháng 12 năm 2022\n\nNGHỊ QUYẾT\n"
            "về công tác dân vận năm 2023\n",
            "không phải kế hoạch",
        ),
        (
            "TỈNH ỦY BÌNH THUẬN\nBAN DÂN VẬN\nBình Thuận, ngày 01 tháng 12 năm 2022\n\nKẾ HOẠCH\nvề công tác\n",
            "số và ký hiệu",
        ),
    ],
    ids=["another-kind", "no-number"],
)
def test_a_document_read_in_part_is_drafted_and_flagged(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str], content: str, flagged: str
) -> None:
    """A real document that is not a plan, or lacks its number, is not refused: what can be read is
    drafted, and what was inferred says so."""
    path = tmp_path / "van-ban.txt"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "--root", str(empty_repo), "import", str(path))
    assert code in (0, 1) and "Traceback" not in out + err
    plans = [text for name, text in files_under(empty_repo).items() if name.startswith("records/plans/")]
    assert len(plans) == 1
    assert "# KIỂM TRA:" in plans[0] and flagged in plans[0]


def test_missing_file(empty_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(empty_repo), "import", str(empty_repo / "khong-co.txt"))
    assert code == 2
    assert "không đọc được tệp" in err


PLAN_CITING_A_MISTYPED_DATE = """\
TỈNH ỦY BÌNH THUẬN             ĐẢNG CỘNG SẢN VIỆT NAM
       BAN DÂN VẬN
  *           Bình Thuận, ngày 10 tháng 3 năm 2023
      Số 20-KH/BDVTU

KẾ HOẠCH
sơ kết công tác dân vận năm 2023
-----
I. NHIỆM VỤ
1. Sơ kết thực hiện Chỉ thị số 14-CT/TU, ngày 27/8/2016 của Ban Thường vụ Tỉnh ủy về quy chế dân chủ ở cơ sở.
"""


def test_a_date_mistyped_in_the_same_year_links_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The repository has Chỉ thị 14-CT/TU of 27/7/2016; the plan writes 27/8/2016. One number is not
    issued twice in a year: the plan links to the record, flagged, instead of writing a duplicate."""
    repo = tmp_path / "kho"
    shutil.copytree(REPO_ROOT / "records", repo / "records")
    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN_CITING_A_MISTYPED_DATE, encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(repo), "import", str(path))
    assert code == 0, out
    task = (repo / "records/plans/binh-thuan-2023-20-kh-bdvtu/tasks/binh-thuan-2023-20-kh-bdvtu-nv01.yaml").read_text()
    assert "  - binh-thuan-2016-14-ct-tu\n" in task
    assert "27/08/2016" in task and "27/07/2016" in task  # the note quotes both dates
    assert not list((repo / "records/directives").glob("*14-ct-tu-2.yaml"))


def test_a_full_disk_names_each_file_and_creates_none(
    empty_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write fails as on a full disk (where syncing reports ENOSPC): no file is left cut or empty."""
    import errno
    import os

    import kehoach.atomic

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = files_under(empty_repo)
    monkeypatch.setattr(kehoach.atomic, "_sync_file", full)
    code, _, err = run(capsys, "--root", str(empty_repo), "import", str(LAM_DONG))
    assert code == 2
    assert f"kehoach: không ghi được {PLAN}: ổ đĩa đã đầy" in err
    assert "lỗi nội bộ" not in err
    assert files_under(empty_repo) == before


def test_a_fifo_named_like_a_record_does_not_stop_the_dry_run(
    empty_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    os.mkfifo(empty_repo / "records" / "units" / "ong.yaml")
    _, out, err = run(capsys, "--root", str(empty_repo), "import", "--dry-run", str(LAM_DONG))
    assert "lỗi nội bộ" not in err
    assert f"  {PLAN} (mới)" in out


_BLANK = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 TỈNH LÀO CAI                                   Độc lập - Tự do - Hạnh phúc

Số:     /KH-UBND                          Lào Cai, ngày 12 tháng 3 năm 2026

                                KẾ HOẠCH
                      {title}

I. NHIỆM VỤ
1. Sở Tài chính chủ trì rà soát các khoản chi thường xuyên, hoàn thành trong quý II năm 2026.
"""


def test_plans_left_unnumbered_for_the_hand_import_side_by_side_flagged(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Số:     /KH-UBND': the number is written by hand once signed. Two such plans of one office
    both import, each keeps the number as printed, says it needs filling, and checks clean."""
    plans = []
    for title in ("Thực hành tiết kiệm, chống lãng phí năm 2026", "Cải cách hành chính năm 2026"):
        source = tmp_path / f"{len(plans)}.txt"
        source.write_text(_BLANK.format(title=title), encoding="utf-8")
        code, out, _ = run(capsys, "--root", str(empty_repo), "import", str(source))
        assert code == 0, out
        plans.append(next(p for p in (empty_repo / "records/plans").glob("*/*.yaml") if p.stem not in plans).stem)
    assert len(set(plans)) == 2
    for stem in plans:
        text = (empty_repo / "records/plans" / stem / f"{stem}.yaml").read_text(encoding="utf-8")
        assert "# KIỂM TRA: văn bản để trống số" in text
        assert "number: /KH-UBND\n" in text
    assert [f for f in run_check(empty_repo).findings if f.severity is Severity.ERROR] == []


_DECISION = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 TỈNH LÀO CAI                                   Độc lập - Tự do - Hạnh phúc
  -------
Số: 812/QĐ-UBND                          Lào Cai, ngày 12 tháng 3 năm 2026

                              QUYẾT ĐỊNH
              Ban hành Kế hoạch cải cách hành chính năm 2026
                     CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương;
                              QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

                                KẾ HOẠCH
                      Cải cách hành chính năm 2026
      (Kèm theo Quyết định số 812/QĐ-UBND ngày 12/3/2026 của Ủy ban nhân dân tỉnh)

I. NHIỆM VỤ
1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong quý II năm 2026.
2. Sở Tư pháp chủ trì kiểm soát thủ tục hành chính, thực hiện thường xuyên.
"""


@pytest.mark.parametrize("run_together", [False, True, "wrapped"])
def test_a_plan_issued_with_a_decision_imports_under_the_decisions_number(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str], run_together: bool | str
) -> None:
    """'QUYẾT ĐỊNH ... Điều 1. Ban hành kèm theo ... Kế hoạch' then the plan itself: the plan has no
    number of its own; it imports with the decision's, flagged, its title and tasks from the plan
    part, and the decision is not recorded a second time as a document the plan cites."""
    text = _DECISION
    if run_together == "wrapped":  # a printed line ends inside 'Kế hoạch' of 'Điều 1'
        text = text.replace("Quyết định này Kế hoạch", "Quyết định này Kế\nhoạch")
    elif run_together:  # paragraphs a Word file joined: 'QUYẾT ĐỊNH: Điều 1. ...', 'KẾ HOẠCH CẢI CÁCH ...'
        text = text.replace("QUYẾT ĐỊNH:\nĐiều 1.", "QUYẾT ĐỊNH: Điều 1.")
        text = text.replace("KẾ HOẠCH\n                      Cải cách hành chính", "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH")
        text = text.replace("CẢI CÁCH HÀNH CHÍNH năm 2026", "CẢI CÁCH HÀNH CHÍNH NĂM 2026")
    source = tmp_path / "qd.txt"
    source.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(empty_repo), "import", str(source))
    assert code == 0, out
    [plan_file] = (empty_repo / "records/plans").glob("*/*.yaml")
    plan = plan_file.read_text(encoding="utf-8")
    assert "number: 812/QĐ-UBND\n" in plan and "type: quyet-dinh\n" in plan
    assert "# KIỂM TRA: kế hoạch không có số riêng, ban hành kèm Quyết định 812/QĐ-UBND" in plan
    assert "title: Cải cách hành chính năm 2026\n" in plan
    assert len(list((plan_file.parent / "tasks").glob("*.yaml"))) == 2
    assert not (empty_repo / "records/directives").exists() or not any(
        "812" in p.name for p in (empty_repo / "records/directives").glob("*.yaml")
    )
    assert [f for f in run_check(empty_repo).findings if f.severity is Severity.ERROR] == []


_LETTER = """    ỦY BAN NHÂN DÂN                       CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
      TỈNH LÀO CAI                                Độc lập - Tự do - Hạnh phúc

      Số: 5120 /UBND-VX                       Lào Cai, ngày 02 tháng 4 năm 2026
 V/v triển khai kế hoạch phòng,
 chống dịch bệnh mùa hè

                     Kính gửi:
                                      - Sở Y tế;
                                      - Ủy ban nhân dân các xã, phường.

       Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:
       1. Giao Sở Y tế chủ trì theo dõi tình hình dịch bệnh, báo cáo trước ngày 30/6/2026.
       2. Ủy ban nhân dân các xã, phường tổ chức vệ sinh môi trường, thực hiện thường xuyên.
"""


@pytest.mark.parametrize("number", ["Số: 5120 /UBND-VX", "Số 5120-CV/ĐU", "Số 5120-CV/ĐU V/v"])
def test_a_letter_assigning_work_imports_as_a_plan_of_type_letter(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    """A công văn has no type line: its subject ('V/v ...') is the title, the recipients after 'Kính
    gửi' are not tasks, the numbered points are; the record says it came from a letter."""
    source = tmp_path / "cv.txt"
    text = _LETTER.replace("Số: 5120 /UBND-VX", number)
    if number.endswith("V/v"):  # number and subject in one paragraph, as a Word file gives them
        text = text.replace("Số 5120-CV/ĐU V/v", "Số 5120-CV/ĐU").replace(
            "Lào Cai, ngày 02 tháng 4 năm 2026\n V/v triển khai",
            "Lào Cai, ngày 02 tháng 4 năm 2026\nSố 5120-CV/ĐU về việc triển khai",
        )
        text = text.replace("      Số 5120-CV/ĐU    ", "                  ")
    source.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(empty_repo), "import", str(source))
    assert code == 0, out
    [plan_file] = (empty_repo / "records/plans").glob("*/*.yaml")
    plan = plan_file.read_text(encoding="utf-8")
    assert "type: cong-van\n" in plan and "# KIỂM TRA: công văn giao nhiệm vụ" in plan
    assert "title: triển khai kế hoạch phòng, chống dịch bệnh mùa hè\n" in plan
    tasks = [p.read_text(encoding="utf-8") for p in sorted((plan_file.parent / "tasks").glob("*.yaml"))]
    assert len(tasks) == 2 and "theo dõi tình hình dịch bệnh" in tasks[0]
    assert [f for f in run_check(empty_repo).findings if f.severity is Severity.ERROR] == []


_BOLD = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 TỈNH LÀO CAI                                   Độc lập - Tự do - Hạnh phúc

Số: 41/KH-UBND                          Lào Cai, ngày 12 tháng 3 năm 2026

**KẾ HOẠCH**
**Cải cách hành chính năm 2026**

**I- MỤC ĐÍCH, YÊU CẦU****1. Mục đích**
Nâng cao chất lượng phục vụ người dân.
**II- NHIỆM VỤ****1. Rà soát thủ tục**
- Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong quý II năm 2026.
**2. Kiểm soát thủ tục**
- Sở Tư pháp chủ trì kiểm soát thủ tục hành chính, thực hiện thường xuyên.
"""


def test_headings_in_converted_bold_form_are_sections(
    tmp_path: Path, empty_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A converted file writes bold headings as '**I- ...****1. ...**' (two bold paragraphs run
    together): they are a part and its first section, and the items under them are its tasks."""
    source = tmp_path / "bold.txt"
    source.write_text(_BOLD, encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(empty_repo), "import", str(source))
    assert code == 0, out
    [plan_file] = (empty_repo / "records/plans").glob("*/*.yaml")
    plan = plan_file.read_text(encoding="utf-8")
    assert "**" not in plan
    assert "heading: Rà soát thủ tục" in plan and "heading: Kiểm soát thủ tục" in plan
    tasks = [p.read_text(encoding="utf-8") for p in sorted((plan_file.parent / "tasks").glob("*.yaml"))]
    assert [("II.1" in t, "II.2" in t) for t in tasks] == [(True, False), (False, True)]
    assert "Sở Nội vụ chủ trì rà soát" in tasks[0]
