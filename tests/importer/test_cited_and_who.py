"""What a plan cites and who it names, recorded as the text says it and nothing more: a cited
document without a title keeps 'title: null' (no made-up title), an issuer code the registry does
not know leaves the issuer empty (no 'Cơ quan có ký hiệu ...' unit), a law cited by name is not
given 'Quốc hội' as its issuer, the term (khóa) and the number as written are kept, a partial
number stays partial, documents named outside the basis and the tasks are the plan's 'cites',
and a generic group ('Các Sở, ban, ngành') leading a task is a generic unit, flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.check import load_repository
from kehoach.importer.draft import Outcome, model_problems

from ..conftest import REPO_ROOT
from .conftest import build_text

TEXT = (
    "TỈNH ỦY BÌNH THUẬN             ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "      BAN DÂN VẬN\n"
    "      Số 30-KH/BDVTU           Bình Thuận, ngày 10 tháng 3 năm 2023\n\n"
    "KẾ HOẠCH\nthực hiện công tác dân vận năm 2023\n-----\n"
    "- Căn cứ Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương (khóa XI) về tăng cường "
    "công tác dân vận; Công văn số 775- CV/ĐUKX, ngày 01/12/2022;\n"
    "Ban Dân vận Tỉnh ủy xây dựng kế hoạch như sau:\n"
    "I. NHIỆM VỤ\n"
    "1. Tuyên truyền\n"
    "- Tuyên truyền Luật Thực hiện dân chủ ở cơ sở; thực hiện Quy chế công tác dân vận (thay thế QĐ 290).\n"
    "2. Phối hợp\n"
    "- Các Sở, ban, ngành và UBND cấp xã, phường chủ động phối hợp với các cơ quan liên quan tổ chức thực "
    "hiện các phong trào thi đua.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các đơn vị căn cứ Chỉ thị số 05-CT/TW của Bộ Chính trị để tổ chức thực hiện kế hoạch này.\n"
)


def _build(tmp_path: Path) -> Outcome:
    return build_text(tmp_path, TEXT)


def test_cited_documents_hold_what_the_text_says(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    drafts = {d.data.get("number") or d.data.get("partial_number") or d.data["title"]: d for d in outcome.directives}
    resolution = drafts["25-NQ/TW"].data
    assert resolution["term"] == "XI"
    letter = drafts["775-CV/ĐUKX"]
    assert letter.data["title"] is None and letter.data["issuer"] is None  # nothing invented
    assert letter.data["number_written"] == "775- CV/ĐUKX"
    assert "issuer" in letter.doubts
    law = drafts["Luật Thực hiện dân chủ ở cơ sở"].data
    assert law["issuer"] is None and law["type"] == "luat"
    partial = drafts["QĐ 290"].data
    assert "number" not in partial and partial["title"] is None
    assert not any(u.data["name"].startswith(("Cơ quan có ký hiệu", "Quốc hội")) for u in outcome.units)
    plan = outcome.plan.data  # type: ignore[union-attr]
    cited_outside = [next(d for d in outcome.directives if d.id == c).data.get("number") for c in plan["cites"]]
    assert cited_outside == ["05-CT/TW"]
    assert all(model_problems(d) == [] for d in outcome.drafts)


def test_a_generic_group_leading_a_task_is_a_generic_unit_flagged(tmp_path: Path) -> None:
    outcome = _build(tmp_path)
    task = next(t for t in outcome.tasks if t.data["text"].startswith("Các Sở"))
    units = {u.id: u for u in outcome.units}
    names = [units[u].data["name"] for u in task.data["lead"]]
    assert names == ["Các Sở, ban, ngành", "UBND cấp xã, phường"]
    assert all(units[u].data.get("generic") for u in task.data["lead"])
    assert "lead" in task.doubts
    helpers = [units[u].data["name"] for u in task.data.get("coordinating", []) if u in units]
    assert helpers == ["các cơ quan liên quan"]


_DECISION_WRAPPED = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 TỈNH LÀO CAI                                   Độc lập - Tự do - Hạnh phúc
Số: 812/QĐ-UBND                          Lào Cai, ngày 12 tháng 3 năm 2026

                              QUYẾT ĐỊNH
              Ban hành Kế hoạch cải cách hành chính năm 2026
                     CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn
cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

Căn
cứ Chỉ thị số 23/CT-TTg ngày 26 tháng 8 năm 2025 của Thủ tướng Chính phủ về việc
phát huy kết quả tổng kiểm kê tài sản công;

Theo
đề nghị của Sở Nội vụ tại Công văn số 3679/SNV-CCHC ngày 05 tháng 11 năm
2025.
                              QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

                                KẾ HOẠCH
                      Cải cách hành chính năm 2026

I. NHIỆM VỤ
1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong quý II năm 2026.
"""


def test_a_decisions_basis_is_read_whatever_its_line_breaks(tmp_path: Path) -> None:
    """'Căn' / 'cứ Chỉ thị ...' as a web page wraps it: the decision's basis is still the plan's basis,
    and the letter it was proposed by ('Theo đề nghị ... tại Công văn số ...') a document it cites."""
    outcome = build_text(tmp_path, _DECISION_WRAPPED)
    cited = {d.data.get("number") or d.data.get("title"): d for d in outcome.directives}
    assert set(cited) == {"Luật Tổ chức chính quyền địa phương", "23/CT-TTg", "3679/SNV-CCHC"}
    plan = outcome.plan.data
    basis_ids = set(plan.get("basis", []))
    assert {cited["23/CT-TTg"].data["id"], cited["Luật Tổ chức chính quyền địa phương"].data["id"]} <= basis_ids
    assert cited["3679/SNV-CCHC"].data["id"] not in basis_ids
    assert cited["3679/SNV-CCHC"].data["id"] in plan.get("cites", [])


_BULLETS = """ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 TỈNH LÀO CAI                                   Độc lập - Tự do - Hạnh phúc
Số: 130/KH-UBND                          Lào Cai, ngày 12 tháng 3 năm 2026

                                KẾ HOẠCH
                      Phòng, chống dịch bệnh sau mưa lũ năm 2026

I. NHIỆM VỤ
1. Công tác giám sát, kiểm tra
- Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch.
- Báo cáo tổng hợp hằng ngày gửi Ủy ban nhân dân tỉnh.
II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo
- Tham mưu bố trí kinh phí thực hiện kế hoạch.
"""


def test_a_bullet_saying_who_leads_and_a_heading_naming_a_unit_and_its_role(tmp_path: Path) -> None:
    """'- Sở Y tế chủ trì kiểm tra ...': the bullet names its lead; '1. Sở Tài chính - Cơ quan thường
    trực Ban Chỉ đạo' is that department (its role in the steering committee after the dash)."""
    outcome = build_text(tmp_path, _BULLETS)
    lead = {t.data["text"][:20]: t.data["lead"] for t in outcome.tasks}
    assert lead["Sở Y tế chủ trì kiểm"] == ["lao-cai-so-y-te"]
    assert lead["Tham mưu bố trí kinh"] == ["lao-cai-so-tai-chinh"]
    assert not any("Cơ quan thường trực" in u.data["name"] for u in outcome.units)


def test_label_lists_one_body_with_a_comma_and_no_person_as_a_unit(tmp_path: Path) -> None:
    text = (
        "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH BẮC NINH                   Độc lập - Tự do - Hạnh phúc\n"
        "Số: 141/KH-UBND                Bắc Ninh, ngày 10 tháng 3 năm 2025\n\n"
        "KẾ HOẠCH\nphổ biến pháp luật năm 2025\n\n"
        "I. NHIỆM VỤ\n"
        "1. Xây dựng chuyên mục phổ biến pháp luật trên báo, đài.\n"
        "- Cơ quan thực hiện: Báo và Phát thanh, Truyền hình tỉnh; Sở Tư pháp.\n"
        "- Thời gian thực hiện: Năm 2025.\n"
        "2. Kiểm tra việc thi hành pháp luật.\n"
        "- Cơ quan chủ trì: Đồng chí UBND Tỉnh ủy viên, tỉnh.\n"
        "- Thời gian thực hiện: Năm 2025.\n"
    )
    outcome = build_text(tmp_path, text)
    names = {u.id: u.data["name"] for u in outcome.units}
    first, second = outcome.tasks
    assert [names.get(u, u) for u in first.data["lead"]][:1] == ["Báo và Phát thanh, Truyền hình tỉnh"]
    assert not any("Đồng chí" in n or "ủy viên" in n for n in names.values())  # no unit made of a person
    assert "lead" in second.doubts


def test_a_heading_giving_work_to_a_group_of_bodies_names_the_lead(tmp_path: Path) -> None:
    text = (
        "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH LÀO CAI                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 193/KH-UBND                Lào Cai, ngày 10 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nquản lý vật liệu nổ công nghiệp năm 2026\n\n"
        "I. NHIỆM VỤ\n"
        "1. Sở Công Thương\n"
        "a) Hướng dẫn, kiểm tra việc sử dụng vật liệu nổ công nghiệp.\n"
        "2. Trách nhiệm của các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến VLNCN\n"
        "a) Chấp hành nghiêm các quy định pháp luật về vật liệu nổ công nghiệp.\n"
        "b) Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất.\n"
        "3. Trách nhiệm của đối tượng thực hiện kiểm kê:\n"
        "a) Chuẩn bị hồ sơ, tài liệu phục vụ kiểm kê.\n"
    )
    outcome = build_text(tmp_path, text)
    names = {u.id: u.data["name"] for u in outcome.units}
    by_text = {t.data["text"][:20]: t for t in outcome.tasks}
    group = "các tổ chức, doanh nghiệp hoạt động trong lĩnh vực có liên quan đến VLNCN"
    for start in ("Chấp hành nghiêm các", "Thực hiện nghiêm chế"):
        assert [names.get(u, u) for u in by_text[start].data["lead"]] == [group]
    assert "lead" in by_text["Chấp hành nghiêm các"].doubts  # a group proposed, never silently
    [proposed] = [u for u in outcome.units if u.data["name"] == group]
    assert proposed.doubts
    assert [names.get(u, u) for u in by_text["Chuẩn bị hồ sơ, tài "].data["lead"]] == ["đối tượng thực hiện kiểm kê"]


def test_a_heading_naming_what_is_checked_is_not_a_unit(tmp_path: Path) -> None:
    text = (
        "SỞ CÔNG THƯƠNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH LÀO CAI                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1105/KH-SCT                Lào Cai, ngày 10 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nkiểm tra kho vật liệu nổ công nghiệp\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Đối tượng, nội dung kiểm tra:\n"
        "- Kiểm tra hồ sơ, tài liệu của kho bảo quản.\n"
        "2. Đối tượng thực hiện kiểm kê:\n"
        "- Báo cáo kết quả kiểm kê.\n"
    )
    outcome = build_text(tmp_path, text)
    assert not any(u.data["name"].startswith("Đối tượng, nội dung") for u in outcome.units)


def test_de_nghi_names_who_is_asked_to_do_the_work(tmp_path: Path) -> None:
    text = (
        "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH NGHỆ AN                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1026/KH-UBND               Nghệ An, ngày 10 tháng 3 năm 2025\n\n"
        "KẾ HOẠCH\nsắp xếp tổ chức bộ máy\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ chủ trì theo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n"
        "2. Đề nghị Văn phòng Tỉnh ủy, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp thực hiện Kế hoạch này.\n"
    )
    outcome = build_text(tmp_path, text)
    names = {u.id: u.data["name"] for u in outcome.units}
    asked = next(t for t in outcome.tasks if t.data["text"].startswith("Đề nghị"))
    assert not asked.data.get("lead_implied")
    leads = [names.get(u, u) for u in asked.data["lead"]]
    assert len(leads) == 2 and any("Văn phòng Tỉnh" in n or "van-phong-tinh-uy" in n for n in leads)


def test_a_piece_of_a_list_without_a_head_word_is_its_own_unit_unless_a_name_joined_by_va_goes_on() -> None:
    from kehoach.importer.who import _pieces

    assert _pieces("Báo và Phát thanh, Truyền hình tỉnh") == ["Báo và Phát thanh, Truyền hình tỉnh"]
    assert _pieces("Sở Y tế, Điện lực tỉnh") == ["Sở Y tế", "Điện lực tỉnh"]
    assert _pieces("Sở Tài chính, Kho bạc Nhà nước khu vực XI") == ["Sở Tài chính", "Kho bạc Nhà nước khu vực XI"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thường xuyên trao đổi với Sở Tư pháp để thống nhất nội dung.", ["Sở Tư pháp"]),
        ("Phối hợp, trao đổi thông tin với Ủy ban Kiểm tra Tỉnh ủy để xử lý.", ["Ủy ban Kiểm tra Tỉnh ủy"]),
        ("Phối hợp chặt chẽ với Ban Dân vận Tỉnh ủy tổ chức hội nghị.", ["Ban Dân vận Tỉnh ủy"]),
        ("Trao đổi kinh nghiệm giữa các địa phương.", []),
        ("Phối hợp triển khai các giải pháp.", []),
    ],
)
def test_units_the_work_is_done_with(text: str, names: list[str]) -> None:
    """'phối hợp (chặt chẽ) với Y', 'trao đổi (thông tin) với Y': Y is coordinating; no partner, none."""
    from kehoach.importer.units import Registry
    from kehoach.importer.who import UnitSteps

    index, _ = load_repository(REPO_ROOT)
    steps = UnitSteps()
    steps.registry = Registry(index.units, "Bình Phước")
    steps.index = index
    assert [m.written for m in steps.coordinating_in(text)] == names


GIVEN_INSIDE = (
    "TỈNH ỦY BÌNH THUẬN             ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "      BAN DÂN VẬN\n"
    "      Số 31-KH/BDVTU           Bình Thuận, ngày 10 tháng 3 năm 2023\n\n"
    "KẾ HOẠCH\nbồi dưỡng báo cáo viên năm 2023\n-----\n"
    "I. NHIỆM VỤ\n"
    "1. Bồi dưỡng\n"
    "- Mở lớp bồi dưỡng cho báo cáo viên cơ sở trong quý II; giao Trung tâm Chính trị huyện bố trí giảng viên.\n"
    "- Rà soát đội ngũ báo cáo viên; đề nghị Thường trực HĐND xã cho ý kiến.\n"
    "- Tổng hợp ý kiến của cơ sở; đềnghịĐảng uỷUBND xã chỉ đạo thực hiện.\n"
    "- Chỉ đạo Hội Nông dân xã vận động hội viên tham gia các lớp bồi dưỡng.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các đơn vị tổ chức thực hiện kế hoạch này.\n"
)


@pytest.mark.parametrize(
    ("opening", "who"),
    [
        ("Mở lớp", "Trung tâm Chính trị huyện"),
        ("Rà soát", "Thường trực HĐND xã"),
        ("Tổng hợp", "Đảng uỷUBND xã"),  # words run together, as a PDF's text gives them
        ("Chỉ đạo", "Hội Nông dân xã"),  # the body directed, or the one directing it: never surely the issuer
    ],
)
def test_work_given_to_a_body_the_reader_did_not_read_flags_the_issuer_written_as_lead(
    tmp_path: Path, opening: str, who: str
) -> None:
    """Whatever word opens the body's name (the one table of organisations' first words), the issuer written
    in its place is flagged."""
    outcome = build_text(tmp_path, GIVEN_INSIDE)
    task = next(t for t in outcome.tasks if t.data["text"].startswith(opening))
    assert task.data.get("lead_implied")
    assert any(who in why for why in task.doubts["lead"])


GROUPS_NAMED = (
    "ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH YÊN BÌNH                      Độc lập - Tự do - Hạnh phúc\n"
    "Số: 41/KH-UBND                 Yên Bình, ngày 03 tháng 4 năm 2026\n\n"
    "KẾ HOẠCH\nPhòng chống thiên tai năm 2026\n\n"
    "I. NHIỆM VỤ\n"
    "1. Ủy ban nhân dân các huyện: Bảo Yên, Văn Bàn rà soát khu dân cư ven sông trong quý II/2026.\n"
    "2. Ứng phó với lũ quét\n"
    "Ủy ban nhân dân các huyện, thị xã trực thuộc tỉnh:\n"
    "- Kiện toàn ban chỉ huy phòng chống thiên tai cấp huyện.\n"
    "- Diễn tập phương án sơ tán dân trong tháng 6/2026.\n"
)


@pytest.mark.parametrize(
    ("opening", "lead"),
    [
        ("Ủy ban nhân dân các huyện: Bảo Yên", "Ủy ban nhân dân các huyện: Bảo Yên, Văn Bàn"),
        ("Kiện toàn", "Ủy ban nhân dân các huyện, thị xã trực thuộc tỉnh"),
        ("Diễn tập", "Ủy ban nhân dân các huyện, thị xã trực thuộc tỉnh"),
    ],
)
def test_a_group_named_with_its_members_or_as_a_lead_in_leads_the_work(tmp_path: Path, opening: str, lead: str) -> None:
    outcome = build_text(tmp_path, GROUPS_NAMED)
    names = {u.id: u.data["name"] for u in outcome.units}
    task = next(t for t in outcome.tasks if t.data["text"].startswith(opening))
    assert [names.get(u, u) for u in task.data["lead"]] == [lead]
    assert not task.data.get("lead_implied")


GROUP_OPENINGS = (
    "ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH YÊN BÌNH                      Độc lập - Tự do - Hạnh phúc\n"
    "Số: 42/KH-UBND                 Yên Bình, ngày 03 tháng 4 năm 2026\n\n"
    "KẾ HOẠCH\nKết nối giao thông liên vùng năm 2026\n\n"
    "I. NHIỆM VỤ\n"
    "1. Thành phố Yên Bình và các huyện Lục Yên, Trấn Yên đẩy nhanh giải phóng mặt bằng.\n"
    "2. Các cấp uỷđảng, chính quyền, đoàn thể tăng cường tuyên truyền về dự án.\n"
)


@pytest.mark.parametrize(("opening", "who"), [("Thành phố", "Thành phố Yên Bình"), ("Các cấp", "Các cấp uỷđảng")])
def test_work_opening_with_a_place_or_a_group_by_kind_flags_the_issuer_written_as_lead(
    tmp_path: Path, opening: str, who: str
) -> None:
    outcome = build_text(tmp_path, GROUP_OPENINGS)
    task = next(t for t in outcome.tasks if t.data["text"].startswith(opening))
    assert task.data.get("lead_implied")
    assert any(who in why for why in task.doubts["lead"])


def test_a_cited_documents_issuer_ends_where_the_sentence_goes_on(tmp_path: Path) -> None:
    """'theo Nghị định số 12/2020/NĐ-XY ngày ... của Chính phủ trừ đi ...': the issuer is the body named, never a
    body named with the words the sentence goes on with."""
    text = (
        "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH NGHỆ AN                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1027/KH-UBND               Nghệ An, ngày 10 tháng 3 năm 2025\n\n"
        "KẾ HOẠCH\nrà soát quy hoạch cán bộ\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ chủ trì tính tuổi quy hoạch bằng tuổi nghỉ hưu theo Nghị định số 12/2020/NĐ-XY ngày 18/11/2020 "
        "của Chính phủ trừ đi tuổi của cán bộ tại thời điểm tính.\n"
    )
    outcome = build_text(tmp_path, text)
    assert not any("trừ đi" in u.data["name"] for u in outcome.units)


def test_a_document_named_twice_as_replacing_another_supersedes_it_once(tmp_path: Path) -> None:
    """Two mentions of one new resolution, each saying which one it replaces: the draft of the new one
    names the old one once (a record listing the same document twice is wrong)."""
    text = (
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH LÂM ĐỒNG\n"
        "Số: 12/KH-UBND                  Lâm Đồng, ngày 10 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\ntriển khai chính sách hỗ trợ năm 2025\n\n"
        "Căn cứ Nghị quyết số 15/2025/NQ-HĐND ngày 10/7/2025 của Hội đồng nhân dân tỉnh quy định mức hỗ trợ "
        "(thay thế Nghị quyết số 47/2024/NQ-HĐND ngày 10/12/2024 của Hội đồng nhân dân tỉnh);\n"
        "I. NHIỆM VỤ\n"
        "1. Sở Tài chính chủ trì hướng dẫn thực hiện Nghị quyết số 15/2025/NQ-HĐND (thay thế Nghị quyết số "
        "47/2024/NQ-HĐND), hoàn thành trong tháng 10/2025.\n"
    )
    outcome = build_text(tmp_path, text)
    new = next(d for d in outcome.directives if d.data.get("number") == "15/2025/NQ-HĐND")
    old = next(d for d in outcome.directives if d.data.get("number") == "47/2024/NQ-HĐND")
    assert new.data["supersedes"] == [old.id]
