"""YAML syntax errors explained in Vietnamese, at the line where the mistake is,
with that line shown and a caret under the column."""

from __future__ import annotations

import pytest

from kehoach.load import yamlsafe

CASES = [
    ("tab", "id: x\nlead:\n\t- a\n", (3, 1), "có ký tự tab", "    3 | →- a\n      | ^"),
    (
        "missing colon",
        "id: x\nname y\nkind: z\n",
        (2, 5),
        "thiếu dấu ':' sau tên trường",
        "    2 | name y\n      |     ^",
    ),
    ("unclosed quote", 'id: x\nname: "abc\nkind: z\n', (2, 7), 'dấu ngoặc " mở ở đây chưa được đóng', "      ^"),
    ("key indented too far", "id: x\n  name: y\n", (2, 3), "thụt lề sâu hơn dòng 1", "    2 |   name: y\n      |   ^"),
    (
        "field of a list item misaligned",
        "id: x\nsections:\n  - number: I\n   heading: y\n",
        (4, 4),
        "một trường của mục ở dòng 3 phải thẳng cột 5",
        "    4 |    heading: y\n      |    ^",
    ),
    ("unclosed bracket", "id: x\nlead: [a, b\nkind: z\n", (2, 7), "dấu '[' mở ở đây chưa được đóng bằng ']'", ""),
    ("colon in a value", "id: x\ntitle: Ghi chú: abc\n", (2, 15), "cần đặt trong ngoặc kép", ""),
    ("stray character", "id: @x\n", (1, 5), "không được bắt đầu bằng ký tự '@'", ""),
    ("text after a quote", 'name: "abc" def\n', (1, 13), "có chữ sau dấu ngoặc đóng", ""),
    (
        "list item merged by indentation",
        "id: x\nlead:\n  - tinh-a-ban-dan-van\n   - tinh-a-ban-dan-toc\nkind: y\n",
        (4, 4),
        "mục danh sách ở dòng 4 thụt lề sâu hơn mục ở dòng 3 nên bị đọc gộp thành một giá trị",
        "    4 |    - tinh-a-ban-dan-toc\n      |    ^",
    ),
]


@pytest.mark.parametrize(("name", "text", "where", "reason", "shown"), CASES, ids=[c[0] for c in CASES])
def test_explained_in_vietnamese_at_the_mistake(
    name: str, text: str, where: tuple[int, int], reason: str, shown: str
) -> None:
    parsed = yamlsafe.parse(text)
    assert parsed.data is None
    [problem] = parsed.problems
    assert (problem.code, (problem.line, problem.col)) == ("KH010", where)
    assert problem.message.startswith("lỗi cú pháp YAML: ") and reason in problem.message
    assert shown in problem.message
    first = problem.message.splitlines()[0]
    assert not any(word in first for word in ("found", "expected", "while", "scanning", "mapping values"))


def test_a_multi_line_value_without_a_stray_item_is_kept() -> None:
    parsed = yamlsafe.parse("lead:\n  - một giá trị\n    viết tiếp - trên dòng sau\n")
    assert parsed.problems == []
    assert parsed.data == {"lead": ["một giá trị viết tiếp - trên dòng sau"]}
