"""The words that say when, read by every reader of time phrases: the deadline in a sentence
(structure/timeframes.py) and a table's cell that is a time (cellrows.py)."""

from __future__ import annotations

# Words that put a deadline before a date or a period: 'trước ngày 30/6/2025', 'trong quý III/2025',
# 'vào tháng 8/2021', 'chậm nhất ngày 15/12', 'hoàn thành tháng 10/2025'.
BY = ("vào", "trước", "trong", "chậm nhất", "hoàn thành")

# Words a time written on its own opens with, besides those ('Sau khi Đề án được phê duyệt', 'Từ tháng
# 3/2026', 'Đến năm 2030', 'Giai đoạn 2026 - 2030', 'Thường xuyên', 'Khi có yêu cầu', 'Dự kiến quý IV').
OPENING = (
    *BY,
    *("sau", "từ", "đến", "giai đoạn", "thường xuyên", "định kỳ", "khi", "kịp thời", "liên tục", "xuyên suốt"),
    "dự kiến",
)


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of the words, longest first ('chậm nhất' before a shorter word it opens with)."""
    return "(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")"
