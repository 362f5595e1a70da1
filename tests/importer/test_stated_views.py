"""Points that state a view or how a matter stands, not work: a numbered view of a matter ('1. Việc X có ý nghĩa
quan trọng, ...:') heads its reasons, and a point that names a matter then how it stands ('Công tác X còn chậm',
'Tỷ lệ X là 60%') is the section's text; work given by name among them stays a task."""

from __future__ import annotations

from pathlib import Path

from kehoach.index import Index

from .test_structure import build, tasks

VIEW = """\
1. Việc sáp nhập hai trung tâm có ý nghĩa quan trọng, giúp tinh gọn bộ máy và nâng cao chất lượng phục vụ người dân \
trên địa bàn, thể hiện ở các khía cạnh:
Thứ nhất, chức năng của hai trung tâm hiện nay còn trùng lặp ở nhiều khâu, gây lãng phí nguồn lực;
Thứ hai, đội ngũ viên chức của hai trung tâm cần được bố trí lại theo vị trí việc làm;
Giao Phòng Dân tộc và Tôn giáo rà soát danh sách viên chức, báo cáo Lãnh đạo Ban trước ngày 30/6/2023.
2. Nhiệm vụ thời gian tới
Thứ nhất, xây dựng đề án sáp nhập hai trung tâm, trình Ban Thường vụ trong quý III/2023.
"""


def test_a_numbered_view_of_a_matter_heads_reasons_not_work(tmp_path: Path, index: Index) -> None:
    """'1. Việc X có ý nghĩa quan trọng, ...:' states a view: the points under it are its reasons; work it gives by
    name there ('Giao Phòng X ...') is still a task, as are the points of a part of work."""
    texts = [t["text"] for t in tasks(build(tmp_path, index, VIEW))]
    assert [t.split()[0] for t in texts] == ["Giao", "Thứ"]
    assert texts[1].startswith("Thứ nhất, xây dựng đề án")


STATES = """\
I. NHIỆM VỤ
1. Công tác dân vận ở cơ sở
- Công tác nắm tình hình ở một số khu dân cư vùng sâu còn chậm, chưa kịp thời.
- Tỷ lệ chi bộ sinh hoạt chuyên đề dân vận là 60%, từng bước được nâng lên.
- Thứ hai, việc phối hợp giữa các phòng đang còn lúng túng ở khâu tổng hợp.
- Công tác nắm tình hình cần được duy trì thường xuyên ở các khu dân cư.
- Tổ chức quán triệt chuyên đề dân vận đến các chi bộ trong quý II/2023.
"""


def test_a_point_saying_how_a_matter_stands_is_not_work(tmp_path: Path, index: Index) -> None:
    """'Công tác X còn chậm', 'Tỷ lệ X là 60%': the matter, then how it stands; a point that calls for work on the
    same matter ('Công tác X cần được duy trì ...') or opens with work is a task."""
    texts = [t["text"] for t in tasks(build(tmp_path, index, STATES))]
    assert [" ".join(t.split()[:3]) for t in texts] == ["Công tác nắm", "Tổ chức quán"]
    assert "cần được duy trì" in texts[0]


SITUATION = """\
I. ĐẶC ĐIỂM TÌNH HÌNH
1. Thuận lợi
- Được sự quan tâm lãnh đạo của Ban Thường vụ, sự phối hợp chặt chẽ của các phòng thuộc Ban.
2. Khó khăn
- Địa bàn rộng, dân cư phân tán, giao thông đi lại khó khăn vào mùa mưa.
3. Dự báo tình hình
- Tình hình an ninh nông thôn tiềm ẩn yếu tố phức tạp; các thế lực thù địch tăng cường chống phá.
II. NHIỆM VỤ
1. Khó khăn, vướng mắc và nhiệm vụ cần giải quyết
- Rà soát các vụ việc khiếu kiện kéo dài, báo cáo Lãnh đạo Ban trong quý II/2023.
2. Công tác dân vận
- Tổ chức quán triệt chuyên đề dân vận đến các chi bộ.
"""


def test_the_situations_features_difficulties_and_forecast_are_not_work(tmp_path: Path, index: Index) -> None:
    """'Thuận lợi', 'Khó khăn', 'Dự báo tình hình' head what the situation is like; a heading that also names the
    work to do about it ('Khó khăn, vướng mắc và nhiệm vụ cần giải quyết') heads work."""
    texts = [t["text"] for t in tasks(build(tmp_path, index, SITUATION))]
    assert [" ".join(t.split()[:2]) for t in texts] == ["Rà soát", "Tổ chức"]


AIM_POINTS = """\
I. NHIỆM VỤ
1. Phát triển mô hình dân vận khéo
- Mục tiêu: Đến năm 2025, mỗi chi bộ có ít nhất một mô hình dân vận khéo.
- Chỉ tiêu 2: Tỷ lệ mô hình được nhân rộng đạt 30%.
- Yêu cầu: Bảo đảm thiết thực, tránh hình thức.
- Tổ chức hội nghị biểu dương các mô hình dân vận khéo trong quý IV/2023.
- Yêu cầu các chi bộ báo cáo kết quả trước ngày 15/12/2023.
"""


def test_a_point_labelled_as_an_aim_is_not_work(tmp_path: Path, index: Index) -> None:
    """'- Mục tiêu: ...', '- Chỉ tiêu 2: ...', '- Yêu cầu: ...' state an aim or a requirement of the work, in a part of
    work as in the part of aims; 'Yêu cầu các chi bộ ...' asks work of whom it names."""
    outcome = build(tmp_path, index, AIM_POINTS)
    texts = [t["text"] for t in tasks(outcome)]
    assert [" ".join(t.split()[:2]) for t in texts] == ["Tổ chức", "Yêu cầu"]


RECEIVES = """\
I. NỘI DUNG THI ĐUA
1. Cách thức chấm điểm
- Chi bộ hoàn thành xuất sắc chỉ tiêu sẽ được cộng 5 điểm vào kết quả thi đua của năm.
- Ngoài ra, tập thể có sáng kiến được công nhận được xét khen thưởng cuối năm.
- Phòng Đoàn thể và các hội tổng hợp điểm thi đua, báo cáo Lãnh đạo Ban trước ngày 15/12/2023.
- Sau khi được cấp kinh phí, tổ chức tập huấn nghiệp vụ cho cán bộ chi bộ.
"""


def test_a_rule_on_what_someone_receives_is_not_work(tmp_path: Path, index: Index) -> None:
    """'X sẽ được cộng 5 điểm', 'X được xét khen thưởng': who, then what they get, a rule of the scoring; work after
    an opening that names an event ('Sau khi được cấp kinh phí, tổ chức ...') is a task."""
    texts = [t["text"] for t in tasks(build(tmp_path, index, RECEIVES))]
    assert [" ".join(t.split()[:2]) for t in texts] == ["Phòng Đoàn", "Sau khi"]


CONCLUSION = """\
I. NỘI DUNG KẾT LUẬN
1. Cơ bản thống nhất với Báo cáo của Ban Tổ chức Tỉnh ủy về kết quả sắp xếp tổ chức bộ máy năm 2023.
2. Ban Thường vụ Tỉnh ủy ghi nhận và biểu dương các cấp ủy, tổ chức đảng đã chủ động triển khai thực hiện.
3. Ban Tổ chức Tỉnh ủy chủ trì tổng hợp kết quả, báo cáo Ban Thường vụ trong quý IV/2023.
4. Thống nhất với Ban Dân vận Tỉnh ủy về danh sách đại biểu dự hội nghị.
"""


def test_a_conclusions_hedged_agreement_and_a_party_bodys_praise_are_not_work(tmp_path: Path, index: Index) -> None:
    """'Cơ bản thống nhất với Báo cáo ...' (agreement hedged, no subject) and 'Ban Thường vụ ... ghi nhận và biểu
    dương ...' state the meeting's view; an agreement that is itself work ('Thống nhất với X về ...') is a task."""
    texts = [t["text"] for t in tasks(build(tmp_path, index, CONCLUSION))]
    assert [" ".join(t.split()[:2]) for t in texts] == ["Ban Tổ", "Thống nhất"]
