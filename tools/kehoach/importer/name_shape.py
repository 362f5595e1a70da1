"""Whether words read as a unit's name are shaped as one: a body's name opens with a head word and says
nothing of what the body does; a group is written as such ('các sở, ban, ngành', 'Viện, Trường')."""

from __future__ import annotations

import itertools
import re

from ..text import fold
from .forms import PERSON_TITLE as PERSON_TITLE
from .names import _LEVELS, BODY_HEADS, CLAUSE_AFTER_AND, _join, _marked_key, norm
from .source import UPPER
from .verbs import OPENS_WORK as _VERBS

# Organs written by their abbreviation: a level ('UBND tỉnh'), a place ('UBND Thành phố'), another
# organ joined by '&' or 'và', or the name's end follows them; a lower-case word of another kind does
# not ('HĐND phát thải thấp': a table's columns run together).
_ORGAN_ABBREVIATION = re.compile(r"^(?:UBND|HĐND|UBMTTQ|MTTQ|MTTQVN|BCĐ|BTV|BCSĐ|UBKT)$")


_AFTER_ORGAN = frozenset({"cac", "va", "viet", "trung"})  # with the levels


def odd_name(name: str, generic: bool = False) -> str | None:
    """Why words read as a body's name (or, with ``generic``, a group's) are not shaped as one, or
    None when they are. A name opens with a letter; its brackets are closed; it holds no ';' list, no
    date or number, no level written twice in a row and does not stop on a word that joins it to more.
    A body's own name also opens with a head word of a body ('Sở', 'Ban', 'UBND', 'Công an', ...)
    followed by its qualifiers, says nothing of what the body does, and an organ written by its
    abbreviation is followed by its level or place, not by the words of another column."""
    text = " ".join(name.split()).strip(" .,:")
    words = [w.strip(",;.:") for w in text.split()]
    if not text[:1].isalpha():
        return "không mở đầu bằng chữ"
    if text.count("(") != text.count(")"):
        return "ngoặc không khép"
    if ";" in text:
        return "là một danh sách"  # 'Sở Nội vụ; Sở Tài chính': two names
    if re.search(r"\d+/\d+|\bngày\s+\d", text):
        return "lẫn ngày tháng hay số hiệu"  # 'Sở Tài chính trước ngày 15/12': a deadline read on
    if numbered := _NUMBERING.search(text):
        return f"lẫn số mục '{numbered[0].strip()}'"  # 'Điều 11. Nội dung UBND cấp xã': a heading read as a name
    if clause := _AND_CLAUSE.search(text):
        return f"sau '{clause[1]}' là một mệnh đề"  # '... Trung ương và có hiệu lực kể từ ngày ký': a sentence's end
    if any(a.lower() == b.lower() and fold(a) in _LEVELS for a, b in itertools.pairwise(words)):
        return "một chữ viết hai lần liền nhau"  # 'UBND Tỉnh tỉnh': two lines or columns run together
    if fold(words[-1]) in _JOINING and len(words) > 1:
        return f"dừng ở chữ '{words[-1]}'"  # 'Sở Tài chính và': a name cut by a line's end
    if glued := next((w for w in words if _GLUED.search(w) and not w.isupper()), None):
        return f"chữ dính liền '{glued}'"  # 'Đảng uỷchủtrì': words run together, as PDF converters give them
    if _marked_key(text).startswith(_DOING_OPENS):
        return "mở đầu bằng việc làm"  # 'Ban hành các Nghị quyết ...', 'Tổ chức thực hiện': work, not a body
    if _marked_key(text).startswith(_ASKING_OPENS):
        return "mở đầu bằng lời giao việc"  # 'Khuyến khích UBND cấp xã ...': whom the work is given to follows
    return None if generic else _odd_body_name(text, words)


# The number of a part of a text ('Điều 11.', 'Chương II', '2.1.', 'a)'): a name holds none.
_NUMBERING = re.compile(
    r"(?:^|\s)(?:(?:Điều|Chương|Mục|Khoản|Phần)\s+(?:\d+|[IVXLC]+)\b[.:]?|\d+(?:\.\d+)*[.)](?=\s)|[a-zđ]\)(?=\s))"
)


# 'và'/'hoặc' then the words of a clause: a sentence read on past the name.
_AND_CLAUSE = re.compile(rf"\s(và|hoặc)\s+{CLAUSE_AFTER_AND}")


# One Vietnamese syllable has one vowel group: two groups with consonants between them inside one word
# are two syllables run together ('uỷchủtrì', 'sốgiải', 'cứKế'), never a name's word; a word in capitals
# is an abbreviation ('UBATGT') and is not read so.
_VOWELS = "aăâeêioôơuưyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"


_GLUED = re.compile(
    rf"(?i:[{_VOWELS}]+[b-df-hj-np-tv-xzđ]+[{_VOWELS}])",
)


# Words opening what is done, whose first word is also a body's head word ('Ban', 'Tổ'): a heading or
# the work read as a name.
# Words that give work to whoever they name ('Giao X ...', 'Khuyến khích X ...'): never the start of a name.
_ASKING_OPENS = ("giao ", "đề nghị ", "yêu cầu ", "khuyến khích ", "phân công ")


_DOING_OPENS = (
    "ban hành",
    "tổ chức các ",
    "tổ chức thực hiện",
    "tổ chức triển khai",
    "tổ chức quán triệt",
    "tổ chức tuyên truyền",
)


# Bodies set up for a subject, named by their kind alone: which one is meant is not said.
_KIND_ONLY = frozenset({"ban chi dao", "to cong tac", "to giup viec", "tieu ban", "hoi dong", "ban to chuc"})


# Words that join a name to more words: a name never ends on them.
# 'như', 'gồm' open the examples or members of what goes before ('UBND các tỉnh như: Lào Cai, ...').
_JOINING = frozenset({"va", "hoac", "cua", "voi", "thuoc", "cung", "tai", "o", "cac", "nhung", "nhu", "gom"})


# Heads of a body's name that never end it: the name was cut after them ('Hội Liên hiệp' / 'Phụ nữ ...').
_CUT_HEADS = ("lien hiep", "lien doan", "lien minh")


# What a body does or must do, inside words read as its name ('Sở Y tế có trách nhiệm ...').
_DOING = re.compile(
    r"\s(?:có trách nhiệm|chịu trách nhiệm|phải|cần|chủ trì|phối hợp|thực hiện nghiêm|khẩn trương|kịp thời"
    # what an issuer did, opening the title of the document it issued ('Chính phủ sửa đổi, bổ sung ...')
    r"|sửa đổi|bổ sung|ban hành|phê duyệt|quy định|hướng dẫn|thông qua)(?:\s|,|$)"
)


# What a body says or does in a letter's sentence, after its own name ('Văn phòng Chính phủ (xin) thông báo ...',
# 'Bộ Tài chính xem xét ...', 'Bộ Nội vụ có báo cáo'); 'thực hiện' unless the body is named by the work it is set
# up for ('Ban Chỉ đạo thực hiện ...'). A group named by what it does ('đối tượng thực hiện kiểm kê') is no body's name.
_SAYING = re.compile(
    r"\s(?:xin|thông báo|xem xét|(?<!Chỉ đạo )(?<!chỉ đạo )(?<!công tác )thực hiện|có$)(?:\s|,|$)"
)  # lower case: 'Cần Thơ' is a place


def _odd_body_name(text: str, words: list[str]) -> str | None:
    """The checks of ``odd_name`` that hold for one body's name, not for a group written as such."""
    if PERSON_TITLE.match(text):
        return None  # a person's title: the unit it names is checked when its leadership is written
    if not opens_with_head(text):
        return "không mở đầu bằng tên loại cơ quan, tổ chức"
    if _marked_key(text) in _KIND_WORDS:
        return "chỉ có tên loại cơ quan, tổ chức"  # 'Tổ chức', 'Cơ quan': which body is not said
    if _DOING.search(text) or _DOING_CAPITALISED.search(text) or (text[:1].isupper() and _SAYING.search(text)):
        return "lẫn việc đơn vị làm"
    if len(words) > 16:
        return "quá dài"
    if norm(text).endswith(_CUT_HEADS):
        return f"dừng ở '{' '.join(words[-2:])}', tên chưa trọn"  # 'Hội Liên hiệp' / 'Phụ nữ Thành phố': a cut name
    if len(words) > 1 and words[-1][:1].isupper() and _marked_key(words[-1]) in _HEAD_NOUNS:
        # 'Văn phòng Ban' / 'chỉ đạo ...': a head noun names no body by itself, the name was cut after it
        return f"dừng ở '{words[-1]}', tên chưa trọn"
    if (clause := _NAME_THEN_CLAUSE.search(text)) is not None:
        return f"sau tên là '{clause[1]}'"  # 'Chính phủ trừ đi tuổi ...', 'Tỉnh để tập trung ...': a clause
    if (clause := _ORGAN_THEN_CLAUSE.search(text)) is not None:
        # 'Hội đồng nhân dân xã cụ thể hoá ...': the sentence read on
        return f"sau '{clause['level']}' là '{clause['word']}'"
    for word, after in itertools.pairwise(words):
        if _ORGAN_ABBREVIATION.match(word) and (
            _ORGAN_ABBREVIATION.match(after) or (after[:1].islower() and fold(after) not in _AFTER_ORGAN | _LEVELS)
        ):
            return f"sau '{word}' là '{after}'"
    return None


# Folded head words that other words fold to as well ('số' and 'sở', 'Bảo' and 'Báo', 'đang' and 'Đảng'):
# the first word of a name is read with its marks against these.
_MARKED_FIRST = {
    "so": ("sở",),
    "bo": ("bộ",),
    "ban": ("ban",),
    "hoi": ("hội",),
    "phong": ("phòng",),
    "cuc": ("cục",),
    "vien": ("viện",),
    "truong": ("trường",),
    "to": ("tổ",),
    "dang": ("đảng",),
    "tinh": ("tỉnh",),
    "doan": ("đoàn",),
    "dai": ("đài", "đại"),
    "bao": ("báo", "bảo"),
    "nha": ("nhà",),
    "quy": ("quỹ",),
    "hat": ("hạt",),
    "tram": ("trạm",),
    "thon": ("thôn",),
    "khoi": ("khối",),
    "cum": ("cụm",),
    "thue": ("thuế",),
    "chi": ("chi",),
    "nganh": ("ngành",),
}


# 'Bảo' opens a name only as 'Bảo hiểm ...' ('Bảo hiểm xã hội tỉnh'), never as 'Bảo đảm', 'Bảo vệ'; 'Báo' (a
# newspaper) only before the paper's own name ('Báo Lào Cai', 'Báo và Phát thanh, Truyền hình tỉnh'), never as
# the word of work 'báo cáo'.
_BAO_NAMES = re.compile(rf"^(?:bảo hiểm|bảo tàng)\b|^báo\s+(?:và\s|[{UPPER}])")


# Events whose first word is an association's head word ('Hội'): never a body's name.
_EVENTS = frozenset({"hội nghị", "hội thảo", "hội thi", "hội diễn", "hội chợ", "hội trại", "hội báo", "hội khỏe"})


def opens_with_head(name: str) -> bool:
    """True when a name opens with a head word of a body, whole words ('doanh' is not 'đoàn'), its first
    word read with its marks where other words fold alike ('số trong y tế' is not 'Sở ...')."""
    key = norm(name)
    if not any(key == h.strip() or key.startswith(h.rstrip() + " ") for h in BODY_HEADS):
        return False
    first = _marked_key(name.split()[0].strip(",;:.")) if name.split() else ""
    marked = _MARKED_FIRST.get(norm(first))
    if marked is not None and first not in {_marked_key(m) for m in marked}:
        return False
    if _marked_key(" ".join(name.split()[:2])) in _EVENTS:
        return False  # 'Hội nghị hiệp thương ...': a meeting, not an association
    if norm(first) != "bao":
        return True
    words = name.split()
    return bool(_BAO_NAMES.match(" ".join([_marked_key(words[0]), *words[1:]])))


# Head nouns that name no body by themselves ('Ban', 'Phòng' ...), read with their marks.
_HEAD_NOUNS = frozenset({"ban", "phòng", "sở", "cục", "vụ", "hội", "tổ", "ủy ban", "văn phòng", "tiểu ban", "chi cục"})


# A body's own name followed by the words of a clause ('Chính phủ trừ đi tuổi của cán bộ', 'Tỉnh để tập trung
# ...'): a central body named whole, or a level alone, then a lower-case word that is no level or qualifier.
_NAME_THEN_CLAUSE = re.compile(
    r"^(?:Chính phủ|Thủ tướng Chính phủ|Quốc hội|Tỉnh|Thành phố)\s+"
    r"(để|trừ|nhằm|sẽ|đã|đang|cần|phải|với|về|tại|trong|theo|cho|thì|là|được|bị|không|cũng|đều|nên)(?:\s|$)"
)


# An organ named whole by its words and its level ('Hội đồng nhân dân xã', 'UBND cấp huyện', 'Ủy ban nhân dân các
# thành phố'), then a lower-case word that is no level, no term and no joining word: the words of a sentence
# ('Hội đồng nhân dân xã cụ thể hoá các chính sách ...'); a place's own name is capitalised.
_ORGAN_THEN_CLAUSE = re.compile(
    r"^(?:(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân|UBND|HĐND)\s+(?:(?:các|cấp)\s+)?"
    r"(?P<level>tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố|đặc khu)"
    r"(?:\s*,\s*(?:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố|đặc khu))*"
    r"\s+(?!(?:khóa|khoá|và|hoặc|các|cấp|trực|thuộc|nơi|có)\b)(?P<word>[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]\S*)"
)


# A word of what is done, capitalised after a body's name ('UBND tỉnh Sửa đổi, bổ sung ...': a title run on).
# So does a document's kind opening its title ('Văn phòng Chính phủ Kết luận Phiên họp ...', '... Thông báo ...').
_DOING_CAPITALISED = re.compile(
    r"\s(?:Sửa đổi|Bổ sung|Ban hành|Phê duyệt|Hướng dẫn|Thông qua|Quy định|Kết luận|Thông báo)(?:\s|,|$)"
)


# Kinds of body named bare, one word: no body's own name ('Tổ chức', 'Cơ quan').
_KIND_WORDS = frozenset({"tổ chức", "tổ", "cơ quan", "đơn vị", "doanh nghiệp", "ngành", "địa phương", *_HEAD_NOUNS})


# A generic group of units, written as such: plural or every-one words before a collective noun
# ("các cơ quan, đơn vị liên quan", "các Sở, ban, ngành thuộc tỉnh", "cấp ủy các cấp", "UBND cấp xã").
# People ("các thành viên", "các đồng chí", "cán bộ") are not units: no group of them is read here.
GENERIC_GROUP = re.compile(
    r"^(?:(?:các|những|từng|mọi|toàn thể)\s+(?:sở|ban|ngành|cấp|cơ quan|đơn vị|địa phương|tổ chức|chi bộ|đảng bộ|"
    r"trung tâm|trạm|bệnh viện|"
    r"cấp ủy|cấp uỷ|xã|phường|huyện|hội|đoàn thể|phòng|tổ|ủy ban|uỷ ban|doanh nghiệp|"
    r"trường|bộ|cơ sở|lực lượng)\b|cấp ủy các cấp|cấp uỷ các cấp|chính quyền các cấp"
    r"|chính quyền (?:địa phương|cơ sở)$|địa phương$"
    r"|(?:cơ quan|đơn vị|tổ chức|sở|ban|ngành|địa phương|lực lượng|doanh nghiệp)\b[^.;:]{0,50}\sliên quan$"
    r"|\S.{0,40}?\s(?:các|cấp)\s+(?:xã|phường|huyện|quận|thị trấn|cơ sở)\b(?!\s+[A-ZĐ])"
    r"|(?:sở|ban|ngành|cơ quan|đơn vị)(?:\s*,\s*(?:sở|ban|ngành|cơ quan|đơn vị|địa phương)\b)+)",
    re.IGNORECASE,
)


_BARE = frozenset({"cac", "nhung", "so", "ban", "phong", "hoi", "uy ban", "cuc", "bo", "don vi", "co quan"})


# A group of bodies named by their kind in the plural, then its members after a colon ('Ủy ban nhân dân
# các tỉnh, thành phố:', 'các Sở:').
_MEMBERS_OF = re.compile(
    r"\b(?:các|những)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|địa phương|bộ|sở|ban|ngành|cơ quan|đơn vị)"
    r"(?:\s*,\s*(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|địa phương|bộ|sở|ban|ngành|cơ quan|đơn vị))*:$"
)


def names_members(name: str) -> bool:
    """A group of bodies named by their kind, then its members after a colon ('UBND các thành phố: Hà Nội,
    Cần Thơ'): a group, never one body."""
    return ":" in name and bool(_MEMBERS_OF.search(_marked_key(name.split(":")[0] + ":")))


# Kinds of body named bare, as a group of every body of the kind ('Viện, Trường', 'sở, ban, ngành'),
# read with their marks ('trường' is a school, 'trưởng' a head). A kind followed by a body's own name
# ('Sở Tài chính', 'Trường Chính trị tỉnh') is that body, not the kind.
_BARE_KINDS = (
    ("viện", "nghiên", "cứu"),
    ("trường", "đại", "học"),
    ("trường", "cao", "đẳng"),
    ("doanh", "nghiệp"),
    ("hợp", "tác", "xã"),
    ("cơ", "quan"),
    ("đơn", "vị"),
    ("địa", "phương"),
    ("tổ", "chức"),
    ("đoàn", "thể"),
    ("cơ", "sở"),
    ("hiệp", "hội"),
    ("trung", "tâm"),
    ("lực", "lượng"),
    ("viện",),
    ("trường",),
    ("sở",),
    ("ban",),
    ("ngành",),
    ("hội",),
    ("cấp",),
    ("bộ",),
    ("phòng",),
    ("htx",),
)


# What may follow a bare kind and still leave it a kind: relation, 'other', a scope or a level.
_KIND_QUALIFIERS = (
    ("có", "liên", "quan"),
    ("liên", "quan"),
    ("khác",),
    ("trung", "ương"),
    ("các", "cấp"),
    ("cấp", "tỉnh"),
    ("cấp", "huyện"),
    ("cấp", "xã"),
    ("thành", "phố"),
    ("tỉnh",),
)


def _words_at(tokens: list[str], k: int, table: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens from ``tokens[k]`` spell one entry of ``table`` (0 when none does)."""
    for words in table:
        if tuple(_marked_key(t) for t in tokens[k : k + len(words)]) == words:
            return len(words)
    return 0


def _bare_kind_end(tokens: list[str], k: int, first: bool) -> int | None:
    """Where a bare kind ('các ngành', 'ban', 'Trường', 'ngành có liên quan') starting at ``tokens[k]``
    ends, or None when the words there are not a bare kind. The triad 'Sở, ban, ngành' after other
    kinds starts a group of its own ('Doanh nghiệp, Sở, ban, ngành có liên quan': two groups)."""
    if k < len(tokens) and _marked_key(tokens[k]) in ("các", "những"):
        k += 1
    size = _words_at(tokens, k, _BARE_KINDS)
    if not size:
        return None
    triad = _marked_key(tokens[k]) == "sở" and k + 2 < len(tokens) and tokens[k + 1] == ","
    if not first and triad and _marked_key(tokens[k + 2]) in ("ban", "ngành"):
        return None
    k += size
    while qualifier := _words_at(tokens, k, _KIND_QUALIFIERS):
        k += qualifier
    return k


def bare_kinds(name: str) -> bool:
    """True when a name is only kinds of body named bare ('Doanh nghiệp', 'Viện, Trường', 'các ngành,
    các cấp'): a group of every body of those kinds, never one body."""
    tokens = re.findall(r"[^\s,;]+|[,;]", name.strip(" .;:"))
    return bool(tokens) and len(tokens) in (_bare_kind_end(tokens, 0, True), _kinds_run(tokens, 0, whole=True))


def _kinds_run(tokens: list[str], i: int, whole: bool = False) -> int | None:
    """Where a run of two or more bare kinds listed with commas as one group ('sở, ban, ngành, Ủy ban
    nhân dân ...', 'các ngành, các cấp tăng cường ...') ends: before a body's own name, a ';', 'và',
    or the words of the work. In running text a group opens with 'các'/'những' or is the triad 'sở,
    ban, ngành' ('doanh nghiệp, viện nghiên cứu, trường đại học' are three); ``whole`` words (a ';'
    part, a cell) are one group as they are ('Viện, Trường'). None when there is no such run."""
    marked = [_marked_key(t) for t in tokens[i : i + 3]]
    triad = marked[:1] == ["sở"] and marked[1:2] == [","] and marked[2:3] in (["ban"], ["ngành"])
    if not (whole or triad or marked[:1] in (["các"], ["những"])):
        return None
    kinds = 0
    end = k = i
    while k < len(tokens):
        after = _bare_kind_end(tokens, k, kinds == 0)
        following = tokens[after] if after is not None and after < len(tokens) else ""
        ends = not following or following == ";" or fold(following) in ("va", "hoac")
        work = (
            following[:1].islower()
            and fold(following) != "duoc"  # 'các cơ quan, đơn vị được giao chủ trì ...': who, qualified
            and bool(_VERBS.match(" ".join(tokens[after or 0 : (after or 0) + 4])))
        )
        if after is None or not (following == "," or ends or work):
            # 'Sở Tài chính', 'Ủy ban nhân dân xã' after the kinds: a body's own name ends the run; a kind
            # qualified further in lower case ('..., tổ chức chính trị - xã hội') goes on listing the group
            return end if kinds >= 2 and tokens[k][:1].isupper() else None
        kinds, end = kinds + 1, after
        if following != ",":
            break
        k = after + 1
    return end if kinds >= 2 else None


# Kinds of body whose heads a title names as a group ('Người đứng đầu cấp ủy, chính quyền, cơ quan').
_LED_KINDS = (("cấp", "ủy"), ("chính", "quyền"), ("tổ", "chức", "đảng"), ("chi", "bộ"), ("đảng", "bộ"))


def _heads_of_kinds(tokens: list[str], i: int, title: bool = True) -> int | None:
    """Where a person's title over bare kinds of body ('Người đứng đầu cấp ủy, cơ quan, đơn vị', 'Thủ
    trưởng cơ quan, đơn vị') ends, starting at ``tokens[i]`` (without ``title``, where the kinds
    starting there end); None when the words are not so. Two kinds or more, listed with ',' or 'và'."""
    k = i
    if title:
        named = PERSON_TITLE.match(_join(tokens[i : i + 8]))
        if named is None or not named["rest"].strip():
            return None
        k = i + len(_join(tokens[i : i + 8])[: named.start("rest")].split())
    kinds = 0
    end = None
    while k < len(tokens):
        size = _words_at(tokens, k, _LED_KINDS) or _words_at(tokens, k, _BARE_KINDS)
        if not size:
            break
        k += size
        while qualifier := _words_at(tokens, k, _KIND_QUALIFIERS):
            k += qualifier
        kinds, end = kinds + 1, k
        if k < len(tokens) and (tokens[k] == "," or fold(tokens[k]) == "va"):
            k += 1
            continue
        break
    return end if end is not None and kinds >= 2 else None
