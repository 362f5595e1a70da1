"""The one table of the verbs that say what a body does, read where a sentence's subject ends and
its work begins: a unit's name in running text ('Giao Sở X chủ trì ...', units), the name of a body
the registry does not know that ran on into the sentence ('Ban Thường trực UBMTTQ xã trao đổi với
...', structure), the subject of a sentence giving work ('Thủ trưởng các sở ... chịu trách nhiệm ...'),
a report of what was done ('Ban Dân vận đã tổ chức ...').

Each use takes the table with the exceptions its place needs, named here with the reason, so that a
verb added for one reader is known to all of them.
"""

from __future__ import annotations

import re

# Verbs of work, the words a plan gives work with.
WORK = (
    "chủ trì",
    "phối hợp",
    "tham mưu",
    "giúp",
    "theo dõi",
    "đôn đốc",
    "báo cáo",
    "rà soát",
    "triển khai",
    "tổng hợp",
    "hướng dẫn",
    "kiểm tra",
    "xây dựng",
    "nắm",
    "vận động",
    "tuyên truyền",
    "quán triệt",
    "phát động",
    "chuẩn bị",
    "bố trí",
    "cung cấp",
    "phụ trách",
    "chịu trách nhiệm",
    "có trách nhiệm",
    "có nhiệm vụ",
    "thống nhất",
    "đề xuất",
    "lãnh đạo",
    "chỉ đạo",
    "tổ chức",
    "thực hiện",
    "ban hành",
    "tiến hành",
    "giám sát",
    "đề nghị",
    "yêu cầu",
    "trình",
    "tổng kết",
    "sơ kết",
    "đánh giá",
    "khảo sát",
    "phổ biến",
    "nghiên cứu",
    "tham gia",
    "gửi",
    "giao",
    "cấp cho",
    "cho phép",
    "triệu tập",
    "điều hành",
    "thẩm định",
    "có ý kiến",
    "thu thập",
    "cập nhật",
    "hỗ trợ",
    "bảo đảm",
    "đảm bảo",
    "xử lý",
    "đăng tải",
    "phát sóng",
    "phát hành",
    "trao đổi",
    "họp",
    # 'lập' opens work followed by what is drawn up ('lập danh sách'), never as a syllable of an adjective in
    # a name: 'công lập', 'dân lập', 'độc lập' (its last syllable: no object follows, a comma or 'và' does),
    # 'lập pháp' (its first): 'Viện Nghiên cứu lập pháp', 'cơ sở giáo dục công lập, ...'
    r"(?<!công\s)(?<!dân\s)(?<!độc\s)(?<!tư\s)lập(?!\s+pháp\b)(?=\s+(?!và\b|hoặc\b)\w)",
    "mời",
    "tiếp nhận",
    "phát huy",
    "chọn",
    "xác định",
)

# Words that open what a body does without being work of their own: how, how often, whether it must
# ('Sở X thường xuyên ...', 'Các đơn vị cần ...', 'Phòng X được giao ...').
MANNER = (
    "căn cứ",
    "chủ động",
    "tiếp tục",
    "tăng cường",
    "đẩy mạnh",
    "nâng cao",
    "tập trung",
    "quan tâm",
    "cần",
    "phải",
    "làm",
    "được",
    "là",
    "định kỳ",
    "thường xuyên",
    "kịp thời",
    "trực tiếp",
    "trân trọng",  # the closing of a letter: 'Bộ ... trân trọng cảm ơn ...'
)

# Verbs that are also words of a body's name: 'Đoàn kiểm tra', 'các cơ quan, tổ chức', 'công trình
# giao thông', 'Ban lãnh đạo'. A name the registry does not know is not cut at them.
IN_NAMES = ("kiểm tra", "tổ chức", "giao", "yêu cầu", "đề nghị", "giúp", "nắm", "trình", "lãnh đạo", "chọn")
# Verbs that are also the last syllable of common nouns ('chương trình', 'công trình', 'quy trình';
# 'giao' of 'giao thông'): never read as a verb inside a name or after a subject.
SYLLABLES = ("trình", "giao")

# In units, where a lower-case word after a separator may open a name of its own ('các cơ quan, tổ
# chức liên quan'), 'tổ chức' ends a name only as 'tổ chức thực hiện' (name_ends._INNER_VERB reads the
# rest); 'giao' only as 'giao cho'.
_UNIT_SPLIT_ONLY = ("tổ chức thực hiện", "giao cho")


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of the words, longest first so that 'tổ chức thực hiện' wins over 'tổ chức'."""
    return "(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")"


def _without(*excluded: tuple[str, ...]) -> list[str]:
    drop = {w for group in excluded for w in group}
    return [w for w in WORK if w not in drop]


# units: a lower-case run after a unit's name opens its work ('Sở X chủ trì ...', 'Sở X cần ...').
OPENS_WORK = re.compile(rf"^{alternation(_without(('tổ chức', 'giao')) + list(MANNER) + list(_UNIT_SPLIT_ONLY))}\b")
# structure: a verb inside a name the registry does not know, where the name is cut ('... xã trao đổi ...').
CUT_NAME = re.compile(rf"\s{alternation(_without(IN_NAMES))}\s")
# structure: a name that holds a verb of work ran on into the sentence; it is no body's name.
IN_NAME = re.compile(rf"\b{alternation(_without(('trình',)))}\b")
# structure: the verb that follows the subject of a sentence giving work.
AFTER_SUBJECT = alternation(_without(SYLLABLES))
