"""The accuracy benchmark pairs expected and imported tasks by their text: two items that open
with the same words are paired by the rest of their text, not by where they stand."""

from __future__ import annotations

from pathlib import Path

from kehoach.check import load_repository

from .conftest import accuracy_module, registry_repo


def _accuracy():
    return accuracy_module()


OPENING = "Theo dõi, đôn đốc và kiểm tra kết quả khắc phục những tồn tại (nếu có) "


def test_items_opening_alike_pair_by_their_endings() -> None:
    accuracy = _accuracy()
    expected = [
        accuracy.ETask(OPENING + "của đơn vị được giám sát.", ["Sở Nông nghiệp và Môi trường"], [], None),
        accuracy.ETask(OPENING + "khi thực hiện giám sát, đánh giá.", ["Ủy ban nhân dân cấp xã"], [], None),
    ]
    # Imported in the other order: by position alone each would pair with the other's expectation.
    found = [
        accuracy.FTask(OPENING + "khi thực hiện giám sát, đánh giá.", ["xa"], [], None, set()),
        accuracy.FTask(OPENING + "của đơn vị được giám sát.", ["so"], [], None, set()),
    ]
    pairs = {e.lead[0]: f.lead[0] for e, f in accuracy.match_tasks(expected, found)}
    assert pairs == {"Sở Nông nghiệp và Môi trường": "so", "Ủy ban nhân dân cấp xã": "xa"}


def test_an_imported_text_running_past_the_expected_opening_still_matches() -> None:
    accuracy = _accuracy()
    expected = [
        accuracy.ETask("Tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng xây dựng pháp luật cho đội ngũ", [], [], None)
    ]
    found = [
        accuracy.FTask(expected[0].text + " cán bộ, công chức xây dựng chính sách, pháp luật.", [], [], None, set())
    ]
    assert len(accuracy.match_tasks(expected, found)) == 1


def test_an_unnumbered_law_is_matched_by_title_to_an_unnumbered_document_first() -> None:
    """An expected law named 'Bảo vệ bí mật nhà nước' is the law found by that name, not a numbered
    directive whose title holds the same words; the directive still matches its own number."""
    accuracy = _accuracy()
    expected = [(None, "Bảo vệ bí mật nhà nước"), ("32/CT-TTg", "tăng cường công tác bảo vệ bí mật nhà nước")]
    found = [("32/CT-TTg", "về tăng cường công tác bảo vệ bí mật nhà nước"), (None, "Luật Bảo vệ bí mật nhà nước")]
    precision, recall, misses = accuracy.compare_cited(expected, found)
    assert (precision.right, recall.right, misses) == (2, 2, [])


def test_time_frames_scored_alike_only_when_they_say_the_same() -> None:
    """Two dateless events are not the same time frame because both are events; a frame
    given per level must be for the same level; wording may differ."""
    same = _accuracy().same_timeframe
    assert same("Theo tiến độ của Trung ương", "theo tiến độ của Trung ương.")
    assert not same("Theo tiến độ của Trung ương", "Theo tiến độ của Tỉnh ủy")
    assert same("Quý III/2021", "quý III năm 2021")
    assert not same("cấp tỉnh quý III/2021; cấp huyện quý IV/2021", "cấp huyện quý III/2021; cấp tỉnh quý IV/2021")
    assert same("Trong tháng 10/2025", "tháng 10/2025")
    assert not same(None, "Thường xuyên") and same(None, None)


def test_a_document_whose_number_is_kept_as_written_counts_by_that_number(tmp_path: Path) -> None:
    """A letter numbered outside the rules ('01-GCN-MT') is recorded with the number as written; the
    benchmark finds it by that number, and a document the text does not cite is still extra."""
    accuracy = _accuracy()
    source = tmp_path / "kh.txt"
    source.write_text(
        "SỞ CÔNG THƯƠNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH LÀO CAI                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-SCT                  Lào Cai, ngày 10 tháng 5 năm 2026\n\n"
        "KẾ HOẠCH\nkiểm tra kỹ thuật an toàn\n\n"
        "Xét đề nghị của Công ty cổ phần Miền Tây tại Văn bản số 01-GCN-MT ngày 21/4/2026.\n"
        "I. NHIỆM VỤ\n1. Tổ chức kiểm tra theo QCVN 01:2019/BCT.\n",
        encoding="utf-8",
    )
    index, _ = load_repository(registry_repo(tmp_path))
    found = accuracy.run_import(source, index)
    precision, recall, misses = accuracy.compare_cited([("01-GCN-MT", None), ("QCVN 01:2019/BCT", None)], found.cited)
    assert (recall.right, recall.total, precision.total) == (2, 2, 2), misses


def test_each_issuer_of_a_joint_document_is_a_name_the_expectation_writes() -> None:
    accuracy = _accuracy()
    doc = next(d for d in accuracy.corpus("dev") if d.doc == "luong-minh-2026-kh-mttq-hiep-thuong-lan-hai")
    from kehoach.importer.units import norm

    for issuer in (
        "Ủy ban Thường vụ Quốc hội",
        "Chính phủ",
        "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    ):
        assert norm(issuer) in doc.names
    assert norm("Bộ Tài chính") not in doc.names


def test_items_with_the_same_text_pair_in_order_not_crosswise() -> None:
    """The same sentence given to several units (or a table row written again) pairs the k-th expected
    item with the k-th imported one, even when extra imported items shift the positions."""
    accuracy = _accuracy()
    same = "Tổ chức tuyên truyền, phổ biến nội dung Kế hoạch đến cán bộ, công chức."
    expected = [
        accuracy.ETask("Xây dựng kế hoạch chi tiết.", ["a"], [], None),
        accuracy.ETask(same, ["first"], [], None),
        accuracy.ETask("Báo cáo kết quả thực hiện.", ["b"], [], None),
        accuracy.ETask(same, ["second"], [], None),
    ]
    found = [
        accuracy.FTask("Một việc thừa không có trong văn bản mong đợi.", ["x"], [], None, set()),
        accuracy.FTask("Một việc thừa khác cũng không có trong văn bản.", ["y"], [], None, set()),
        accuracy.FTask("Xây dựng kế hoạch chi tiết.", ["a"], [], None, set()),
        accuracy.FTask(same, ["first"], [], None, set()),
        accuracy.FTask("Báo cáo kết quả thực hiện.", ["b"], [], None, set()),
        accuracy.FTask(same, ["second"], [], None, set()),
    ]
    pairs = {e.lead[0]: f.lead[0] for e, f in accuracy.match_tasks(expected, found)}
    assert pairs == {"a": "a", "first": "first", "b": "b", "second": "second"}


def test_generic_groups_compare_by_their_collective_nouns() -> None:
    """'có liên quan', 'khác', the plan's own scope and the order of the nouns do not change a group;
    another noun does, and a body's name is not a group."""
    key = _accuracy().group_key
    assert key("các sở, ngành có liên quan") == key("các sở, ngành liên quan") == key("Các Sở, ngành")
    assert key("Các sở, ban, ngành tỉnh") == key("các Sở, ban, ngành") == key("Các Sở, ban, ngành cấp tỉnh")
    assert key("Ủy ban nhân dân các xã, phường") == key("UBND các phường, xã")
    assert key("Ủy ban nhân dân các xã, phường được phân công chủ trì") == key("UBND các xã, phường")
    assert key("Các cơ quan, đơn vị theo quy định") == key("các cơ quan, đơn vị")
    assert key("các cơ quan, đơn vị") != key("các cơ quan, đơn vị, địa phương")
    assert key("UBND các xã, phường") != key("UBND các huyện")
    assert key("Sở Tài chính") == "" and key("Ủy ban nhân dân tỉnh") == ""


def test_units_are_compared_through_the_registry_spellings(tmp_path: Path) -> None:
    """An expected name the registry knows under another spelling of the imported unit is right:
    the formal name of a party committee is its usual name."""
    accuracy = _accuracy()
    index, _ = load_repository(registry_repo(tmp_path))
    registry = accuracy.Registry(index.units, "Lào Cai")
    doc = accuracy.Expected("x", "dev", tmp_path / "x.txt", [], [], set())
    committee = next(u.id for u in index.units.values() if u.name.startswith("Tỉnh ủy"))
    names = {committee: {accuracy.norm(index.units[committee].name)}}
    assert accuracy.same_units(["Ban Chấp hành Đảng bộ tỉnh"], [committee], doc, names, registry)
    assert not accuracy.same_units(["Ban Thường vụ Tỉnh ủy"], [committee], doc, names, registry)


def test_an_unnumbered_law_pairs_with_the_closest_title_not_the_first_close_one() -> None:
    """'Luật Quy hoạch' is the law of that name, not the amending law whose title lists it; each
    expected law then finds its own (taking the first close title left the last one unmatched)."""
    accuracy = _accuracy()
    first = "sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và Luật Đấu thầu"
    second = "sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư, Luật Hải quan"
    expected = [(None, "Quy hoạch"), (None, first), (None, second)]
    found = [(None, "Luật " + first), (None, "Luật " + second), (None, "Luật Quy hoạch")]
    precision, recall, misses = accuracy.compare_cited(expected, found)
    assert (precision.right, recall.right, misses) == (3, 3, [])
