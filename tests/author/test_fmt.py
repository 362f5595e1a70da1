"""kehoach fmt as a user meets it: the canonical form, comments kept with their
keys, data never changed, broken files reported and left alone."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from kehoach import cli
from kehoach.author.fmt import canonical_text
from kehoach.check import run_check
from kehoach.load import discover, load_file

from ..conftest import DEFAULT_TODAY, REPO_ROOT

TASK = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv02.yaml"
REAL_RECORDS = discover(REPO_ROOT)

MESSY_TASK = """\
# yaml-language-server: $schema=../../../../schema/task.schema.json
# Ghi chú đầu tệp: nguồn là bản chụp.
id: tinh-a-2021-12-kh-bdvtu-nv02
status: in-progress
# Văn bản gốc: "Phối  hợp" (hai dấu cách).
text: 'Phối hợp nắm tình hình vùng đồng bào dân tộc thiểu số.'
plan: "tinh-a-2021-12-kh-bdvtu"
order: 2
section: 'II.1'
lead: [tinh-a-ban-dan-van]   # kehoach: disable=KH701
coordinating:
    -   tinh-a-ban-dan-toc
timeframe: "Thường xuyên"
product: Báo cáo tình hình vùng đồng bào dân tộc thiểu số
progress:
  # lần đầu
  - note: "Đã tổ chức 02 đợt khảo sát."
    date: 2021-06-30
# cuối tệp
"""

CANONICAL_TASK = """\
# yaml-language-server: $schema=../../../../schema/task.schema.json
# Ghi chú đầu tệp: nguồn là bản chụp.
id: tinh-a-2021-12-kh-bdvtu-nv02
plan: tinh-a-2021-12-kh-bdvtu
section: II.1
order: 2
# Văn bản gốc: "Phối  hợp" (hai dấu cách).
text: Phối hợp nắm tình hình vùng đồng bào dân tộc thiểu số.
lead:  # kehoach: disable=KH701
  - tinh-a-ban-dan-van
coordinating:
  - tinh-a-ban-dan-toc
timeframe: Thường xuyên
product: Báo cáo tình hình vùng đồng bào dân tộc thiểu số
status: in-progress
progress:
  # lần đầu
  - date: 2021-06-30
    note: Đã tổ chức 02 đợt khảo sát.
# cuối tệp
"""


def fmt(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str]:
    code = cli.main(["--root", str(root), "fmt", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out


def test_messy_file_gets_canonical_form_with_comments_following_keys(
    base_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = base_repo / TASK
    path.write_text(MESSY_TASK, encoding="utf-8")
    code, out = fmt(capsys, base_repo)
    assert code == 0
    assert f"đã định dạng lại: {TASK}" in out
    assert path.read_text(encoding="utf-8") == CANONICAL_TASK
    assert run_check(base_repo, today=DEFAULT_TODAY).findings == []


def test_check_lists_files_and_writes_nothing(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_repo / TASK
    path.write_text(MESSY_TASK, encoding="utf-8")
    code, out = fmt(capsys, base_repo, "--check")
    assert code == 1
    assert f"sẽ thay đổi: {TASK}" in out
    assert path.read_text(encoding="utf-8") == MESSY_TASK


def test_second_run_changes_nothing(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_repo / TASK).write_text(MESSY_TASK, encoding="utf-8")
    fmt(capsys, base_repo)
    code, out = fmt(capsys, base_repo, "--check")
    assert code == 0
    assert "sẽ thay đổi:" not in out


def test_broken_file_is_reported_and_left_alone_others_still_formatted(
    base_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = base_repo / "records/units/tinh-a-tinh-uy.yaml"
    broken_text = "id: tinh-a-tinh-uy\nname: [Tỉnh ủy\n"
    broken.write_text(broken_text, encoding="utf-8")
    (base_repo / TASK).write_text(MESSY_TASK, encoding="utf-8")
    code, out = fmt(capsys, base_repo)
    assert code == 1
    assert "records/units/tinh-a-tinh-uy.yaml:2:7: KH010 [lỗi] lỗi cú pháp YAML: dấu '[' mở ở đây chưa được đóng" in out
    assert broken.read_text(encoding="utf-8") == broken_text
    assert (base_repo / TASK).read_text(encoding="utf-8") == CANONICAL_TASK


def test_file_outside_the_record_layout_is_reported(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stray = base_repo / "records/units/nested/x.yaml"
    stray.parent.mkdir()
    stray.write_text("id: x\n", encoding="utf-8")
    code, out = fmt(capsys, base_repo, str(stray))
    assert code == 1
    assert "records/units/nested/x.yaml:1:1: KH202" in out
    assert stray.read_text(encoding="utf-8") == "id: x\n"


def test_decomposed_text_becomes_nfc(base_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = base_repo / TASK
    path.write_text(unicodedata.normalize("NFD", CANONICAL_TASK), encoding="utf-8")
    code, _ = fmt(capsys, base_repo, str(path))
    assert code == 0
    assert path.read_text(encoding="utf-8") == CANONICAL_TASK


def test_long_text_folds_at_100_columns_and_section_numbers_stay_strings(
    base_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml"
    text = plan.read_text(encoding="utf-8")
    long_title = "về " + "công tác dân vận " * 10 + "trong tình hình mới"
    data = load_file(base_repo, plan).data
    text = text.replace(f"title: {data['title']}", f'title: "{long_title}"')
    plan.write_text(text, encoding="utf-8")
    fmt(capsys, base_repo, str(plan))
    written = plan.read_text(encoding="utf-8")
    assert "title: >-\n  về công tác" in written
    assert all(len(line) <= 100 for line in written.splitlines())
    assert load_file(base_repo, plan).data["title"] == long_title
    assert all(isinstance(s["number"], str) for s in load_file(base_repo, plan).data["sections"])


@pytest.fixture(scope="module")
def formatted_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real") / "repo"
    shutil.copytree(REPO_ROOT / "records", root / "records")
    shutil.copy(REPO_ROOT / "pyproject.toml", root / "pyproject.toml")
    assert cli.main(["--root", str(root), "fmt"]) == 0
    return root


@pytest.mark.parametrize("path", REAL_RECORDS, ids=lambda p: p.name)
def test_real_record_data_unchanged_and_fmt_idempotent(formatted_copy: Path, path: Path) -> None:
    rel = path.relative_to(REPO_ROOT)
    before = load_file(REPO_ROOT, path)
    after = load_file(formatted_copy, formatted_copy / rel)
    assert after.findings == []
    assert after.data == before.data
    again = canonical_text(formatted_copy, formatted_copy / rel)
    assert again.text is not None and not again.changed


def test_real_records_still_pass_check_after_fmt(formatted_copy: Path) -> None:
    before = run_check(REPO_ROOT, today=DEFAULT_TODAY).findings
    after = run_check(formatted_copy, today=DEFAULT_TODAY).findings
    assert [(f.path, f.code) for f in after] == [(f.path, f.code) for f in before]


def _comment_lines(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.lstrip().startswith("#"))


def test_real_record_comments_all_kept(formatted_copy: Path) -> None:
    for path in REAL_RECORDS:
        rel = path.relative_to(REPO_ROOT)
        after = (formatted_copy / rel).read_text(encoding="utf-8")
        assert _comment_lines(after) == _comment_lines(path.read_text(encoding="utf-8")), rel


LONG = "về " + "công tác dân vận " * 8 + "trong tình hình mới"


@pytest.mark.parametrize(
    ("written", "comment"),
    [
        (f"title: {LONG}  # theo bản gốc", "# theo bản gốc"),  # plain, folded by fmt
        (f'title: "{LONG}" # theo bản gốc', "# theo bản gốc"),  # quoted
        (f"title: >-  # theo bản gốc\n  {LONG}", "# theo bản gốc"),  # already folded
        (f"title: >  # giữ\n  {LONG}", "# giữ"),  # folded, keeping the final line break
        (f"title: |-  # nguyên văn\n  {LONG}", "# nguyên văn"),  # literal block
    ],
    ids=["plain", "quoted", "folded", "folded-clip", "literal"],
)
def test_long_text_with_an_end_of_line_comment_is_formatted_and_keeps_it(
    base_repo: Path, capsys: pytest.CaptureFixture[str], written: str, comment: str
) -> None:
    """A valid file must never be called unreadable: a comment on the line of a block
    scalar's indicator ('title: >-  # ...') is a comment, not part of the text."""
    plan = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml"
    data = load_file(base_repo, plan).data
    text = plan.read_text(encoding="utf-8").replace(f"title: {data['title']}", written)
    plan.write_text(text, encoding="utf-8")
    expected = load_file(base_repo, plan).data
    code, out = fmt(capsys, base_repo, str(plan))
    assert code == 0, out
    after = plan.read_text(encoding="utf-8")
    assert load_file(base_repo, plan).data == expected
    title_line = next(line for line in after.splitlines() if line.startswith("title:"))
    assert title_line.endswith(f"  {comment}")
    assert after.count(comment) == 1
    assert fmt(capsys, base_repo, "--check", str(plan))[0] == 0  # stable
