"""A decision that approves a programme in its first article and writes the programme's parts under it
('Điều 1. Phê duyệt Chương trình ... với những nội dung chủ yếu sau:' / 'I. QUAN ĐIỂM' ... 'IV. TỔ CHỨC THỰC
HIỆN' / 'Điều 2. ... có hiệu lực ...' / 'Điều 3. ... chịu trách nhiệm thi hành ...'): each part is read as a
plan's part is (aims, scope, tasks, money, organisation), and the articles after the parts are articles again,
not points of the last part; a point counted in words ('Thứ hai, Bộ X chủ trì ...') names its lead after the
count."""

from __future__ import annotations

from pathlib import Path

from kehoach.index import Index

from .conftest import build_text
from .test_structure import build, tasks

DECISION = (
    "THỦ TƯỚNG CHÍNH PHỦ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "                                   Độc lập - Tự do - Hạnh phúc\n"
    "Số: 4321/QĐ-TTg                    Hà Nội, ngày 02 tháng 3 năm 2026\n\n"
    "QUYẾT ĐỊNH\n"
    "Phê duyệt Chương trình phát triển cây dược liệu đến năm 2030\n\n"
    "THỦ TƯỚNG CHÍNH PHỦ\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
    "Theo đề nghị của Bộ trưởng Bộ Y tế.\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Phê duyệt Chương trình phát triển cây dược liệu đến năm 2030 với những nội dung chủ yếu sau:\n\n"
    "I. QUAN ĐIỂM\n"
    "1. Phát triển cây dược liệu là hướng đi lâu dài, gắn với bảo tồn nguồn gen quý.\n"
    "II. MỤC TIÊU\n"
    "1. Mục tiêu chung\n"
    "Hình thành các vùng trồng dược liệu tập trung, đạt chuẩn.\n"
    "2. Mục tiêu cụ thể\n"
    "a) Đến năm 2030, có 20 vùng trồng dược liệu đạt chuẩn.\n"
    "III. NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Rà soát, bổ sung danh mục dược liệu quý cần bảo tồn.\n"
    "2. Hỗ trợ doanh nghiệp liên kết với hộ trồng dược liệu theo chuỗi.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
    "1. Bộ Y tế chủ trì, hướng dẫn, kiểm tra việc thực hiện Chương trình.\n"
    "2. Ủy ban nhân dân các tỉnh xây dựng kế hoạch thực hiện Chương trình trên địa bàn.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Điều 3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này./.\n\n"
    "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Văn A\n"
)


def _texts(tmp_path: Path, text: str) -> list[str]:
    outcome = build_text(tmp_path, text)
    assert outcome.plan is not None, outcome.refused
    return [t.data["text"] for t in outcome.tasks]


def test_the_approved_programmes_parts_are_read_as_a_plans_parts(tmp_path: Path) -> None:
    texts = _texts(tmp_path, DECISION)
    assert [t.split()[0] for t in texts] == ["Rà", "Hỗ", "Bộ", "Ủy"]  # its tasks and who carries it out
    assert not any(t.startswith(("Phát triển cây", "Hình thành", "Đến năm")) for t in texts)  # views and aims


def test_the_articles_after_the_approved_parts_are_not_points_of_the_last_part(tmp_path: Path) -> None:
    outcome = build_text(tmp_path, DECISION)
    texts = [t.data["text"] for t in outcome.tasks]
    assert not any("hiệu lực" in t or "thi hành Quyết định" in t for t in texts)
    provinces = next(t for t in outcome.tasks if t.data["text"].startswith("Ủy ban nhân dân các tỉnh"))
    assert provinces.data["lead"]  # a point of its part, not a heading over the articles after it


COUNTED = """\
I. NHIỆM VỤ THỜI GIAN TỚI
Thứ nhất, Ban Tuyên giáo Tỉnh ủy chủ trì biên soạn tài liệu tuyên truyền về chuyển đổi số, hoàn thành trong quý II/2023.
Thứ hai, Phòng Dân tộc và Tôn giáo rà soát các mô hình dân vận khéo trong vùng đồng bào dân tộc thiểu số.
"""


def test_a_point_counted_in_words_names_its_lead_after_the_count(tmp_path: Path, index: Index) -> None:
    found = tasks(build(tmp_path, index, COUNTED))
    assert [t["text"].split(",")[0] for t in found] == ["Thứ nhất", "Thứ hai"]
    assert found[0]["lead"] == ["binh-thuan-ban-tuyen-giao-tinh-uy"]
    assert found[1]["lead"] == ["binh-thuan-ban-dan-van-phong-dan-toc-va-ton-giao"]
