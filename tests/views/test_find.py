"""``kehoach find``: accent-insensitive search in the terminal, each hit with
its file and line and the match marked in the original wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach import cli
from kehoach.site.search import search_fold
from kehoach.text import fold_words_mapped as fold_mapped

TASKS = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks"


def find(capsys: pytest.CaptureFixture[str], repo: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--root", str(repo), "find", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@given(st.text(alphabet=st.sampled_from("aăâđĐeêoôơuưyAĂÂEÊOÔƠUƯY\u0300\u0301\u0303\u0309\u0323 -/.,“”\t\nKKß0123")))
def test_folding_agrees_with_the_site_search(text: str) -> None:
    folded = fold_mapped(text)
    assert folded.text == search_fold(text)
    assert len(folded.origin) == len(folded.text)
    assert list(folded.origin) == sorted(folded.origin)


def test_without_diacritics_finds_with(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = find(capsys, reporting_repo, "dan van kheo")
    assert code == 0
    assert out == (
        f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv08.yaml:6: nhiệm vụ tinh-a-2021-12-kh-bdvtu-nv08\n"
        '    nội dung: Tổ chức đoàn khảo sát mô hình "«Dân vận khéo»" ngoài tỉnh.\n'
        "Tìm thấy 1 bản ghi.\n"
    )


def test_tone_mark_placement_and_d_bar(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the fixture writes 'Tỉnh ủy'; 'tinh uỷ' (the other tone placement) and 'TINH UY' find the same records
    results = {find(capsys, reporting_repo, q, "--kind", "units")[1] for q in ("tinh uỷ", "TINH UY", "Tỉnh ủy")}
    assert len(results) == 1
    _, out, _ = find(capsys, reporting_repo, "đoàn khảo sát")
    assert "«đoàn khảo sát»" in out and "nv08" in out
    _, out, _ = find(capsys, reporting_repo, "doan khao sat")
    assert "«đoàn khảo sát»" in out


def test_numbers_match_across_punctuation(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = find(capsys, reporting_repo, "25 nq", "--kind", "directives")
    assert code == 0
    assert out.splitlines()[:2] == [
        "records/directives/tw-2013-25-nq-tw.yaml:3: văn bản tw-2013-25-nq-tw",
        "    số và ký hiệu: «25-NQ»/TW",
    ]


def test_best_field_first_and_every_line_points_at_the_field(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = find(capsys, reporting_repo, "du thao")
    assert code == 0
    assert out.splitlines()[:2] == [
        f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv05.yaml:14: nhiệm vụ tinh-a-2021-12-kh-bdvtu-nv05",
        "    tiến độ: Đã có «dự thảo».",
    ]
    # a misspelling kept as an alias is found, and its unit is shown through that alias
    _, out, _ = find(capsys, reporting_repo, "bân dân tộc", "--kind", "units")
    assert "records/units/tinh-a-ban-dan-toc.yaml:3: đơn vị tinh-a-ban-dan-toc" in out
    # the whole phrase, as typed, ranks before the words found apart
    _, out, _ = find(capsys, reporting_repo, "ban dan toc", "--kind", "units")
    first = out.splitlines()[1]
    assert first == "    tên chính thức: «Ban Dân tộc» tỉnh"


def test_words_may_sit_in_different_fields(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 'nghị quyết' is the directive's type, '25' its number
    code, out, _ = find(capsys, reporting_repo, "nghị quyết 25", "--kind", "directives")
    assert code == 0 and "tw-2013-25-nq-tw" in out


def test_json_marks_spans_of_the_original_text(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = find(capsys, reporting_repo, "bao cao chuyen de", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["count"] == 1
    (hit,) = data["results"]
    assert (hit["kind"], hit["id"], hit["field"], hit["line"]) == (
        "task",
        "tinh-a-2021-12-kh-bdvtu-nv05",
        "tên ngắn",
        6,
    )
    assert [hit["text"][a:b] for a, b in hit["matches"]] == ["Báo cáo chuyên đề"]


def test_nothing_found_exits_1(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert find(capsys, reporting_repo, "tôn giáo hội thánh") == (1, "Không tìm thấy bản ghi nào.\n", "")


def test_limit(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = find(capsys, reporting_repo, "tinh a", "--limit", "2")
    lines = out.splitlines()
    assert len(lines) == 5
    assert lines[-1].startswith("Tìm thấy ") and lines[-1].endswith("Đã hiện 2; dùng --limit 0 để hiện hết.")


@pytest.mark.parametrize("query", ["...", "“”", "-"])
def test_a_query_without_letters_is_a_usage_error(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, _, err = find(capsys, reporting_repo, "--", query)
    assert code == 2 and "không có chữ hay số nào để tìm" in err


def test_broken_files_are_named_and_the_rest_is_searched(
    reporting_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (reporting_repo / f"{TASKS}/tinh-a-2021-12-kh-bdvtu-nv03.yaml").write_text("id: [\n", encoding="utf-8")
    code, out, err = find(capsys, reporting_repo, "dan van kheo")
    assert code == 0 and "nv08" in out
    assert err == (
        f"kehoach: 1 tệp có lỗi nên không tìm trong đó ({TASKS}/tinh-a-2021-12-kh-bdvtu-nv03.yaml); "
        "xem bằng 'kehoach check'\n"
    )


def test_a_record_named_exactly_comes_first(reporting_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'tinh uy' is the short name of one unit; records that only mention it come after that unit."""
    code, out, _ = find(capsys, reporting_repo, "tinh", "uy", "--format", "json")
    assert code == 0
    ids = [hit["id"] for hit in json.loads(out)["results"]]
    assert ids[0] == "tinh-a-tinh-uy" and len(ids) > 1
