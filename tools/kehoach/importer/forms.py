"""The forms a line of a plan takes by its first characters: a Roman-numbered heading, a numbered,
lettered or bulleted point, a label line ("Chủ trì: ..."). Shared by the layout reader (which
joins wrapped lines) and the structure reader (which gives each paragraph its place)."""

from __future__ import annotations

import re
import unicodedata

# Regex classes of upper- and lower-case Latin letters, Vietnamese ones included: a range such as
# À-Ỹ mixes both cases in Unicode order, and `re` has no \p{Lu}.
UPPER = "".join(ch for ch in map(chr, range(0x41, 0x1EFA)) if ch.isupper() and "LATIN" in unicodedata.name(ch, ""))
LOWER = "".join(ch for ch in map(chr, range(0x61, 0x1EFA)) if ch.islower() and "LATIN" in unicodedata.name(ch, ""))


# At least one numeral: without the look-ahead the empty numeral made a rule line ("-----") or a dash item a heading.
_ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"
HEADING_ROMAN = re.compile(rf"^(?P<num>{_ROMAN})\s*[.\-–)/]\s*(?P<rest>\S.*)$")
# A separator followed by a digit is part of a number wrapped to the line start ('1.234 mô hình'), not a point.
NUMBERED = re.compile(
    rf"^(?P<num>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(?:\s*[.\-–)/](?!\d)\s*|\s+(?=[{UPPER}]))(?P<rest>\S.*)$"
)
LETTERED = re.compile(r"^(?P<num>[a-zđ])\s*[).]\s+(?P<rest>\S.*)$")
BULLET = re.compile(r"^(?P<mark>[-–—+*•·●○■□▪►✓➢❖])\s*(?P<rest>\S.*)$")
# The line that addresses a dispatch or a letter, over those it is sent to: 'THỦ TƯỚNG CHÍNH PHỦ điện:',
# 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:', 'Kính gửi:'.
ADDRESSING = re.compile(r"(?:^|\s)(?:điện|Kính gửi|kính gửi)\s*:\s*$")


# A person's title at the start of a name: who holds it is the leadership of a unit.
PERSON_TITLE = re.compile(
    r"^(?:(?:đồng chí|đ/c)\s+)?(?:phó\s+)?(?:bí thư|chủ tịch|giám đốc|chánh văn phòng|"
    r"chánh án|viện trưởng|thủ trưởng|người đứng đầu|tổng biên tập|chủ nhiệm|chỉ huy trưởng|tổ trưởng|"
    r"bộ trưởng|thứ trưởng|cục trưởng|vụ trưởng|chánh thanh tra|tổng giám đốc|thống đốc|"
    r"trưởng(?=\s+(?:ban|phòng|thôn|bản|ấp|khu|khóm|tổ|công an|đoàn|tiểu ban)\b))(?:\s+thường trực)?(?=\s|$)"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)


# Labels of the lines that say who does a work item and when ("* Chủ trì: Lãnh đạo Ban."):
# an optional "Cơ quan" / "Đơn vị", the word that names the field, an optional qualifier.
# "Cơ quan chủ trì tham mưu" names the lead (it leads the advising); so does "Cơ quan chủ trì, thực hiện".
LABEL = re.compile(
    r"^\s*[-+*•–·]?\s*(?P<label>(?:(?:cơ quan|đơn vị|bộ phận)(?:\s*,\s*(?:cơ quan|đơn vị))?\s+)?"
    r"(?P<word>(?:người|cán bộ|cá nhân)\s+(?:thực hiện|phụ trách)|"
    r"chủ trì|phối hợp|(?:chịu\s+)?trách nhiệm|tham mưu|thực hiện|thời gian|thời hạn|tiến độ|cách thức|"
    r"phương thức|hình thức|thành phần|địa điểm|sản phẩm|kết quả|kinh phí)"
    r"(?P<more>(?:\s+(?:chính|chủ trì|tham mưu|chỉ đạo|thực hiện|hoàn thành|phối hợp|ban hành|trình|nộp|gửi|"
    r"báo cáo|soạn thảo|xây dựng)|\s*,\s*thực hiện)*))\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_WORD_ROLES = {
    "chủ trì": "lead",
    "phối hợp": "coordinating",
    "tham mưu": "advising",
    "thực hiện": "lead-or-executing",
    "thời gian": "timeframe",
    "thời hạn": "timeframe",
    "tiến độ": "timeframe",
    "cách thức": "method",
    "phương thức": "method",
    "hình thức": "method",
    "thành phần": "method",  # who attends: how the work is done, not who leads it
    "địa điểm": "method",
    "kết quả": "output",
    "sản phẩm": "output",
    "kinh phí": "output",
}


def label_of(text: str) -> tuple[str, str] | None:
    """(role, value) of a label line such as '+ Cơ quan phối hợp: Sở Nội vụ.', or None."""
    match = LABEL.match(text)
    if match is None:
        return None
    word = " ".join(match["word"].lower().split())
    more = " ".join((match["more"] or "").lower().split())
    if word.startswith(("người", "cán bộ", "cá nhân")):
        role = "person"  # people named by their names or posts, not units (the draft decides which)
    elif word.endswith("trách nhiệm"):
        # "... tham mưu" advises; "... chỉ đạo (thực hiện)" leads; "... thực hiện" executes; otherwise leads
        role = (
            "advising"
            if "tham mưu" in more
            else "lead"
            if "chỉ đạo" in more
            else "executing"
            if "thực hiện" in more
            else "lead"
        )
    elif word == "phối hợp" and "tham mưu" in more:
        role = "advising"
    else:
        role = _WORD_ROLES[word]
    return role, match["value"].strip()


def starts_block(text: str) -> bool:
    """True when a line opens a new paragraph by its form: a number, a bullet, a label."""
    stripped = text.strip()
    if not stripped:
        return False
    roman = HEADING_ROMAN.match(stripped)
    if roman and roman["num"] and roman["rest"][0].isupper():
        return True
    numbered = NUMBERED.match(stripped)
    if numbered and int(numbered["num"].split(".")[0]) <= 40 and not re.match(r"^\d+[-/]\S", stripped):
        return True
    if LETTERED.match(stripped):
        return True
    bullet = BULLET.match(stripped)
    if bullet and (bullet["mark"] not in "-–—" or stripped[1:2] == " " or stripped[1:2].isupper()):
        return True
    return label_of(stripped) is not None or bool(re.match(r"^(?:Nơi nhận|Trên đây|KẾ HOẠCH|T/M|K/T)\b", stripped))
