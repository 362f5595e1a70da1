"""Plans the importer was not written from: another province (Lâm Đồng: inline
"(Chủ trì: ...)" labels, "a) b)" items, footnotes, page numbers, a deputy's
signature) and a district committee (Cư Jút, Đắk Nông: state documents, district
units, two labels on one line). What a person reading them would record is
written out here by hand."""

from __future__ import annotations

from pathlib import Path

from kehoach.check import load_repository
from kehoach.importer import document, source
from kehoach.importer.draft import Outcome, model_problems
from kehoach.index import Index

from .conftest import EXTRA, registry_repo


def _import(name: str, index: Index) -> Outcome:
    return document.build(source.read(EXTRA / name), index)


def _who_when(outcome: Outcome) -> list[tuple]:
    return [
        (t.data["lead"], t.data.get("coordinating", []), t.data.get("advising", []), t.data.get("timeframe"))
        for t in outcome.tasks
    ]


def test_another_province(index: Index) -> None:
    outcome = _import("lam-dong-2023-27-kh-bdvtu.txt", index)
    plan = outcome.plan.data  # type: ignore[union-attr]
    assert (plan["id"], plan["number"], plan["issuer"], str(plan["date"])) == (
        "lam-dong-2023-27-kh-bdvtu",
        "27-KH/BDVTU",
        "lam-dong-ban-dan-van",
        "2023-03-15",
    )
    assert plan["basis"] == ["tw-2019-43-kl-tw", "tw-2015-49-ct-tw", "lam-dong-2022-12-ctr-tu"]
    assert (plan["signer"], plan["signer_title"]) == ("Nguyễn Văn An", "K/T Trưởng ban - Phó Trưởng ban")
    bdv, dan_toc, so_ldtbxh = (
        "lam-dong-ban-dan-van",
        "lam-dong-ban-dan-toc",
        "lam-dong-so-lao-dong-thuong-binh-va-xa-hoi",
    )
    phong = "lam-dong-ban-dan-van-phong-dan-toc-va-ton-giao"
    armed = ["lam-dong-cong-an-tinh", "lam-dong-bo-chi-huy-quan-su"]
    who_when = _who_when(outcome)
    assert who_when[:4] == [
        ([bdv], [dan_toc], [], "quý II/2023"),
        ([bdv], [dan_toc, so_ldtbxh], [], None),
        ([bdv], [dan_toc, so_ldtbxh], [], "vào tháng 01/2024"),
        ([phong], armed, [], "Thường xuyên"),
    ]
    assert who_when[4][:2] == ([phong], armed)
    assert who_when[5] == (["lam-dong-ban-can-su-dang-ubnd-tinh"], [], [], "trước ngày 30/9/2023")
    assert who_when[6] == (["lam-dong-ban-dan-van-lanh-dao-ban"], [], [phong], "trước ngày 15/12/2023")
    # The footnote cited beside task 5 is a document that task implements; its date comes from the footnote.
    assert outcome.tasks[4].data["implements"] == ["lam-dong-2021-05-qc-tu"]
    directives = {d.id: d.data for d in outcome.directives}
    assert str(directives["tw-2015-49-ct-tw"]["date"]) == "2015-10-20"
    assert set(directives) == {
        "tw-2019-43-kl-tw",
        "tw-2015-49-ct-tw",
        "lam-dong-2022-12-ctr-tu",
        "lam-dong-2021-05-qc-tu",
    }


def test_a_district_committee(index: Index) -> None:
    outcome = _import("cu-jut-2024-15-kh-hu.txt", index)
    plan = outcome.plan.data  # type: ignore[union-attr]
    assert plan["id"] == "dak-nong-cu-jut-2024-15-kh-hu"
    assert plan["signer_title"] == "T/M Ban Thường vụ - Phó Bí thư"
    ubnd, bdv = "dak-nong-cu-jut-uy-ban-nhan-dan-huyen", "dak-nong-cu-jut-ban-dan-van-huyen-uy"
    communes, noi_vu = "dak-nong-uy-ban-nhan-dan-cac-xa-thi-tran", "dak-nong-cu-jut-phong-noi-vu-huyen"
    assert _who_when(outcome) == [
        ([ubnd], [bdv], [], "Quý I/2024"),
        ([bdv], [communes, noi_vu], [], "Trong năm 2024"),
        ([bdv], [communes, noi_vu], [], "Trong năm 2024"),
        ([ubnd], [], [], "trong quý II/2024"),
        # '... định kỳ 6 tháng, cuối năm báo cáo ...': the cadence of its reports, stated mid-sentence
        ([bdv], [], [], "định kỳ 6 tháng, cuối năm"),
    ]
    assert any("lấy từ nội dung" in why for why in outcome.tasks[4].doubts["timeframe"])
    units = {u.id: u.data for u in outcome.units}
    assert units[ubnd]["name"] == "Ủy ban nhân dân huyện Cư Jút"
    numbers = {d.data.get("number"): d.data["type"] for d in outcome.directives}
    assert numbers == {"16/CT-TTg": "chi-thi", "04/2015/NĐ-CP": "nghi-dinh", "120-KH/TU": "ke-hoach"}


def test_an_action_programme_imports_as_a_programme(tmp_path: Path) -> None:
    """A Chương trình hành động numbered '-CTr/' is a plan of type 'chuong-trinh' whose
    'Trách nhiệm chỉ đạo thực hiện' lines, written after the points they govern, name the leads;
    a list written with ';' is split there only (the comma belongs to a name)."""
    text = (
        "TỈNH ỦY BÌNH THUẬN             ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "      Số 20-CTr/TU           Bình Thuận, ngày 10 tháng 3 năm 2023\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện công tác dân vận năm 2023\n-----\n"
        "I. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Tăng cường tuyên truyền\n"
        "- Quán triệt sâu sắc chủ trương của Đảng về công tác dân vận.\n"
        "- Đổi mới công tác tuyên truyền theo hướng số hóa.\n"
        "Trách nhiệm chỉ đạo thực hiện: Ban Dân vận Tỉnh ủy; các cấp ủy, tổ chức đảng.\n"
        "2. Kiểm tra, giám sát\n"
        "- Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở.\n"
        "Trách nhiệm chỉ đạo thực hiện: Ủy ban Kiểm tra Tỉnh ủy.\n"
    )
    path = tmp_path / "ctr.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path))
    outcome = document.build(source.read(path), index)
    plan = outcome.plan
    assert plan is not None
    assert (plan.data["type"], plan.data["number"], plan.data["heading"]) == (
        "chuong-trinh",
        "20-CTr/TU",
        "Chương trình hành động",
    )
    names = {u.id: u.data["name"] for u in outcome.units} | {u.id: u.name for u in index.units.values()}
    leads = [[names[u] for u in t.data["lead"]] for t in outcome.tasks]
    assert len(leads) == 3
    assert leads[0] == leads[1] and len(leads[0]) == 2
    assert "Ban Dân vận Tỉnh ủy" in leads[0][0]
    assert leads[2] == ["Ủy ban Kiểm tra Tỉnh ủy"]
    assert all(model_problems(d) == [] for d in outcome.drafts)


def test_a_time_stated_by_a_heading_governs_its_items_flagged(tmp_path: Path) -> None:
    text = (
        "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 01/KH-TBTTKT                Phố Bảng, ngày 10 tháng 12 năm 2025\n\n"
        "KẾ HOẠCH\nTuyên truyền bầu cử\n\n"
        "I. LỘ TRÌNH THỰC HIỆN\n"
        "1. Trong tháng 12/2025\n"
        "- Tuyên truyền Chỉ thị của Bộ Chính trị về lãnh đạo cuộc bầu cử.\n"
        "- Tuyên truyền những hoạt động đổi mới của Quốc hội.\n"
        "2. Sau ngày bầu cử 15/3/2026\n"
        "- Tuyên truyền kết quả thành công của cuộc bầu cử, vào tháng 4/2026.\n"
    )
    path = tmp_path / "kh.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path))
    outcome = document.build(source.read(path), index)
    times = [(t.data.get("timeframe"), "timeframe" in t.doubts) for t in outcome.tasks]
    assert times == [("Trong tháng 12/2025", True), ("Trong tháng 12/2025", True), ("vào tháng 4/2026", True)]
