"""The words of a unit's name: the head words bodies open with, the usual abbreviations, the levels, the
matching key (accents folded, abbreviations expanded) and the key with its marks kept, and the kind a
name suggests."""

from __future__ import annotations

import re

from ..model import UnitKind
from ..text import fold

_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "dbqh": "dai bieu quoc hoi",
    "mttqvn": "mat tran to quoc viet nam",
    "ubmttqvn": "uy ban mat tran to quoc viet nam",
    "ubmttq": "uy ban mat tran to quoc",
    "mttq": "mat tran to quoc",
    "btv": "ban thuong vu",
    "bcd": "ban chi dao",
    "bdv": "ban dan van",
    "bcsd": "ban can su dang",
    "tw": "trung uong",
    "tu": "tinh uy",
    "cq": "co quan",
    "dn": "doanh nghiep",
    "llvt": "luc luong vu trang",
    "ctxh": "chinh tri xa hoi",
    "tncs": "thanh nien cong san",
    "hcm": "ho chi minh",
    "lhpn": "lien hiep phu nu",
    "ccb": "cuu chien binh",
    "bchqs": "bo chi huy quan su",
    "bdbp": "bo doi bien phong",
}


# Words that open a clause after 'và'/'hoặc' (a verb of being or having, a modal): after a name they join a
# sentence to it, not a second body ('Ban Tuyên giáo Trung ương và có hiệu lực kể từ ngày ký').
CLAUSE_AFTER_AND = r"(?:có|được|đã|sẽ|đang|phải|cần|không|là|thay thế|chịu)(?=\s|$)"


_PUNCT = re.compile(r"[,.;:()“”\"'’/]+|\s-\s|-")


# The words an organisation's name opens with, as written: one table for every reader of names (the list
# reader's head words, a subject the registry does not know, an item opening with a body the reader did
# not read, a heading naming who). True: an organ named whole by the word and its level ('UBND xã',
# 'Hội đồng nhân dân tỉnh'); False: a head word a proper name follows ('Sở Tài chính', 'Trung tâm Y tế').
ORG_WORDS: tuple[tuple[str, bool], ...] = (
    ("Ủy ban nhân dân", True),
    ("UBND", True),
    ("Hội đồng nhân dân", True),
    ("HĐND", True),
    ("Ban cán sự đảng", False),
    ("Ban", False),
    ("Sở", False),
    ("Phòng", False),
    ("Ủy ban", False),
    ("Hội đồng", False),
    ("Hội", False),
    ("Thường trực", False),
    ("Đảng ủy", False),
    ("Đảng đoàn", False),
    ("Chi bộ", False),
    ("Tỉnh ủy", False),
    ("Thành ủy", False),
    ("Huyện ủy", False),
    ("Thị ủy", False),
    ("Quận ủy", False),
    ("Tỉnh đoàn", False),
    ("Huyện đoàn", False),
    ("Liên đoàn", False),
    ("Đoàn", False),
    ("Mặt trận", False),
    ("MTTQ", False),
    ("Văn phòng", False),
    ("Công an", False),
    ("Bộ Chỉ huy", False),
    ("Bộ", False),
    ("Trường", False),
    ("Trung tâm", False),
    ("Tổng cục", False),
    ("Chi cục", False),
    ("Cục", False),
    ("Vụ", False),
    ("Viện", False),
    ("Tòa án", False),
    ("Thanh tra", False),
    ("Kho bạc", False),
    ("Ngân hàng", False),
    ("Đài", False),
)


def _spellings(word: str) -> list[str]:
    """A word as written with either tone placement ('Ủy ban' and 'Uỷ ban', 'Tòa án' and 'Toà án')."""
    other = word
    for new, old in (("ủy", "uỷ"), ("Ủy", "Uỷ"), ("òa", "oà")):
        other = other.replace(new, old)
    return [word] if other == word else [word, other]


def org_opening(organs_only: bool = False, glued: bool = False) -> str:
    """The table's words (or its organs only) as one regular-expression alternation, longest first;
    with ``glued``, the words of one entry may be written without their space ('Đảngủy', from a PDF)."""
    words = [s for word, organ in ORG_WORDS if organ or not organs_only for s in _spellings(word)]
    space = r"\s*" if glued else r"\ "
    return "|".join(space.join(map(re.escape, w.split(" "))) for w in sorted(words, key=len, reverse=True))


# Words a unit name starts with; an unknown phrase starting otherwise continues the previous one
# ("Sở Văn hóa, Thể thao và Du lịch").
_HEADS = (
    "ban",
    "bo",
    "so",
    "phong",
    "van phong",
    "uy ban",
    "ubnd",
    "hdnd",
    "hoi",
    "cong an",
    "mat tran",
    "mttq",
    "dang",
    "tinh",
    "thanh uy",
    "huyen",
    "truong",
    "trung tam",
    "lien doan",
    "cuc",
    "chi bo",
    "chi uy",
    "cac",
    "lanh dao",
    "thuong truc",
    "toan the",
    "doan",
    "binh doan",
    "bao ",
    "dai ",
    "vien ",
    "to dan",
    "khoi",
    "cong doan",
    "bch",
    "co quan",
    "nganh",
    "quan uy",
    "thi uy",
    "dang uy",
    "nhung",
    # a person's title starts a new name in a list ("Giám đốc các Sở, Thủ trưởng các ban, ngành")
    "giam doc",
    "thu truong",
    "chu tich",
    "pho ",
    "dong chi",
    "bi thu",
    "chanh ",
    "chi huy",
    "to truong",
    # the local authorities of a place, named as a group ("các sở, ngành và chính quyền địa phương")
    "chinh quyen",
    "dia phuong",
    # state agencies outside the departments ("Bảo hiểm xã hội Thành phố, Chi nhánh Ngân hàng ...")
    "chi nhanh",
    "chi cuc",
    "tong cuc",
    "ngan hang",
    "kho bac",
    "thue ",
    "thanh tra",
    "kiem toan",
    "hai quan",
    "toa an",
    "cong ty",
    "tong cong ty",
    "buu dien",
    "thong tan xa",
    *(fold(word) + " " for word, _ in ORG_WORDS),
)


HEADS = _HEADS


# A party committee of a bloc of bodies named with a comma ('Đảng ủy Mặt trận Tổ quốc, các đoàn thể
# tỉnh'), as a whole name: only a committee ('Đảng ủy'), never a party group ('Đảng đoàn MTTQ
# tỉnh, các đoàn thể ...' lists bodies), and no 'và' adding another body.
COMMITTEE_OF_BLOC = re.compile(
    r"^Đảng (?:ủy|uỷ)\s+(?:Mặt trận Tổ quốc|MTTQ|Ủy ban MTTQ|Uỷ ban MTTQ)[^,]*,\s*các\s+(?:đoàn thể|tổ chức chính trị"
    r"(?:\s*-\s*|\s+)xã hội)(?:\s+(?:chính trị(?:\s*-\s*|\s+)xã hội))?(?:\s+(?:tỉnh|thành phố|huyện|xã|phường))?$",
    re.IGNORECASE,
)


def norm(text: str) -> str:
    """Matching key: folded, abbreviations expanded, punctuation and 'và' dropped
    ('Phòng Dân tộc - Tôn giáo' and 'Phòng Dân tộc và Tôn giáo' are one name)."""
    folded = fold(text.replace("&", " và "))
    words = _PUNCT.sub(" ", folded).split()
    key = " ".join(_ABBREVIATIONS.get(w, w) for w in words if w != "va")
    # the Front's name with or without the country: 'Ủy ban MTTQ Việt Nam xã' is 'UBMTTQ xã'
    key = key.replace("mat tran to quoc viet nam", "mat tran to quoc")
    # a party committee by its formal name: 'Ban Chấp hành Đảng bộ tỉnh' is the Tỉnh ủy
    return _FORMAL_COMMITTEE.sub(lambda m: _COMMITTEE_OF_LEVEL[m[1]], key)


# The executive committee of a level's party organisation, named formally, and its usual name.
_COMMITTEE_OF_LEVEL = {
    "tinh": "tinh uy",
    "huyen": "huyen uy",
    "thanh pho": "thanh uy",
    "quan": "quan uy",
    "thi xa": "thi uy",
    "xa": "dang uy xa",
    "phuong": "dang uy phuong",
    "thi tran": "dang uy thi tran",
}


_FORMAL_COMMITTEE = re.compile(r"\bban chap hanh dang bo (thanh pho|thi xa|thi tran|tinh|huyen|quan|xa|phuong)\b")


# Head words of bodies that the list reader cannot treat as opening a new name after a comma (they
# also open a kind listed in a group, 'các cơ quan, tổ chức ...'), and the central bodies named alone.
_OTHER_HEADS = (
    "tieu ban",
    "to ",
    "chinh phu",
    "thu tuong",
    "quoc hoi",
    "hoi dong",
    "don vi",
    "doi tuong",
    "dien luc",
    "benh vien",
    "tram ",
    "lien hiep",
    "nha ",
    "hoc vien",
    "dai hoc",
    "tap doan",
    "tap chi",
    "quan khu",
    "quan doan",
    "su doan",
    "canh sat",
    "kiem lam",
    "hat ",
    "hop tac xa",
    "lien minh",
    "chi hoi",
    "chi doan",
    "cum ",
    "khu ",
    "thon",
    "quy ",
    # the central level of a mass organisation: 'Trung ương Mặt trận Tổ quốc Việt Nam', 'Trung ương Đoàn'
    "trung uong ",
)


# Every head word of a body, the one table a name's shape is read against.
BODY_HEADS = (*_HEADS, *_OTHER_HEADS)


_LEVELS = frozenset({"huyen", "tinh", "xa", "thi", "quan", "phuong", "thanh", "tran", "cap", "khoi", "dac"})


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\s,;]+|[,;]", text)


def _is_separator(token: str) -> bool:
    return token in (",", ";") or fold(token) in ("va", "hoac")


def _join(tokens: list[str]) -> str:
    return " ".join(tokens).replace(" ,", ",").replace(" ;", ";")


# Abbreviations a unit name opens with, expanded with their marks.
_MARKED_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "bcđ": "ban chỉ đạo",
    "btv": "ban thường vụ",
    "bcsđ": "ban cán sự đảng",
    "ubkt": "ủy ban kiểm tra",
    "đbqh": "đại biểu quốc hội",
}


# Tone placement differs between spellings in use ("uỷ"/"ủy", "hoà"/"hòa"): one form for matching.
_OLD_TONES = (("uỷ", "ủy"), ("uý", "úy"), ("uỳ", "ùy"), ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oạ", "ọa"))


def _marked_key(name: str) -> str:
    """A name lower-cased with its marks kept (so 'trưởng' and 'trường' stay apart), abbreviations
    expanded, one tone placement."""
    words = [_MARKED_ABBREVIATIONS.get(w, w) for w in " ".join(name.lower().split()).split(" ")]
    return _one_tone(" ".join(words))


_KINDS_MARKED: tuple[tuple[tuple[str, ...], UnitKind], ...] = (
    (("ban chỉ đạo",), UnitKind.STEERING_COMMITTEE),
    (("đảng đoàn", "ban cán sự đảng"), UnitKind.PARTY_GROUP),
    (("ban thường vụ", "thường trực", "bộ chính trị", "ban bí thư"), UnitKind.PARTY_LEADERSHIP),
    (("lãnh đạo",), UnitKind.LEADERSHIP),
    (("chi bộ", "chi ủy"), UnitKind.PARTY_CELL),
    (("phòng ",), UnitKind.DEPARTMENT),
    (("công an", "bộ chỉ huy", "quân sự", "biên phòng", "binh đoàn", "quân khu"), UnitKind.ARMED_FORCES),
    (("mặt trận", "ủy ban mặt trận"), UnitKind.FRONT),
    (("hội đồng nhân dân",), UnitKind.STATE_BODY),  # before 'hội ': a council of the state, no association
    (("hội ", "đoàn thanh niên", "tỉnh đoàn", "công đoàn", "liên đoàn", "đoàn thể"), UnitKind.MASS_ORGANISATION),
    (("trường ",), UnitKind.SCHOOL),
    (
        ("sở ", "ủy ban nhân dân", "hội đồng nhân dân", "chính phủ", "thủ tướng", "quốc hội", "bộ ", "cục ", "tòa án"),
        UnitKind.STATE_BODY,
    ),
    # the office or inspectorate of a state organ ('Văn phòng Chính phủ', 'Văn phòng UBND tỉnh', 'Thanh tra tỉnh')
    (
        (
            "văn phòng chính phủ",
            "văn phòng ủy ban nhân dân",
            "văn phòng hội đồng nhân dân",
            "văn phòng đoàn đại biểu",
            "thanh tra ",
            "kho bạc ",
            "chi cục ",
            "tổng cục ",
        ),
        UnitKind.STATE_BODY,
    ),
    (("tỉnh ủy", "huyện ủy", "thành ủy", "thị ủy", "đảng ủy", "ban chấp hành"), UnitKind.PARTY_COMMITTEE),
    (("ban ", "văn phòng", "ủy ban kiểm tra"), UnitKind.PARTY_BOARD),
)


# The kinds of the bodies an office serves on the state's side: the office of one of them is a state body.
_STATE_SIDE = frozenset({UnitKind.STATE_BODY, UnitKind.ARMED_FORCES})
# The kinds on the party's side: the office of one of them is a party board ('Văn phòng Tỉnh ủy').
_PARTY_SIDE = frozenset(
    {
        UnitKind.PARTY_COMMITTEE,
        UnitKind.PARTY_BOARD,
        UnitKind.PARTY_LEADERSHIP,
        UnitKind.PARTY_GROUP,
        UnitKind.PARTY_CELL,
    }
)


def guess_kind(name: str) -> UnitKind:
    """The kind a unit name suggests, read with its marks (never from accent-folded letters:
    'trưởng' and 'trường' fold alike); a group for plural or vague names. The office of a body
    ('Văn phòng Sở Nội vụ', 'Văn phòng Bộ Công an') is on that body's side: a state body's office is a
    state body, a party committee's office a party board."""
    key = _marked_key(name)
    if key.startswith(("các ", "những ", "toàn thể", "từng ")):
        return UnitKind.GROUP
    if key.startswith("văn phòng "):
        served = key[len("văn phòng ") :] + " "
        kind = _kind_of(served)
        if kind in _STATE_SIDE or served.startswith("chủ tịch nước") or _kind_of(key) is UnitKind.STATE_BODY:
            return UnitKind.STATE_BODY
        if kind in _PARTY_SIDE or re.search(r"\b(?:đảng|cấp ủy)\b", served):
            return UnitKind.PARTY_BOARD
        if kind is not UnitKind.GROUP or (name.split()[2:3] and name.split()[2][:1].isupper()):
            # the office of a body on neither side ('Văn phòng Ban Chỉ đạo', 'Văn phòng Trung tâm Y tế'): a part of it
            return UnitKind.DEPARTMENT
    return _kind_of(key)


def _kind_of(key: str) -> UnitKind:
    for heads, kind in _KINDS_KEYED:
        if key.startswith(heads):
            return kind
    return UnitKind.GROUP


def _one_tone(text: str) -> str:
    for old, new in _OLD_TONES:
        text = text.replace(old, new)
    return text


# The table's words with the tone placement a key has ('đoàn' is keyed 'đòan'): compared as keys are.
_KINDS_KEYED = tuple((tuple(_one_tone(h) for h in heads), kind) for heads, kind in _KINDS_MARKED)


# The central bodies, named without a place: never a province's, whatever the plan's province.
# A body named as the Government's ('Văn phòng Chính phủ', 'Thanh tra Chính phủ') is central too.
# So is one of the National Assembly's ('Ủy ban Thường vụ Quốc hội', 'Văn phòng Quốc hội').
_CENTRAL = re.compile(
    r"^(?:chinh phu|thu tuong|quoc hoi|ban bi thu|bo chinh tri|bo )|\btrung uong\b|\s(?:chinh phu|quoc hoi)$"
)


# 'Bộ Chỉ huy Quân sự tỉnh', 'Bộ Tư lệnh Thành phố', 'Bộ đội Biên phòng tỉnh': a 'Bộ' of a province, not a ministry.
_LOCAL_BO = re.compile(r"^bo (?:chi huy|doi)\b|\b(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|dac khu)$")


def central(key: str) -> bool:
    """A central body's matching key ('chinh phu', 'bo tai chinh', 'ban tuyen giao trung uong'): never a province's."""
    # 'UBND các tỉnh, thành phố trực thuộc trung ương': the provinces' own bodies, directly under the centre
    key = key.replace("truc thuoc trung uong", "")
    return bool(_CENTRAL.search(key)) and not (key.startswith("bo ") and _LOCAL_BO.search(key))
