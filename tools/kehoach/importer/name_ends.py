"""Where a unit's name ends in running text: before the verb of what the unit does, at a separator that
lists another name, after the place or the qualifier that is still part of it."""

from __future__ import annotations

import re

from ..text import fold
from .name_shape import opens_with_head
from .names import _LEVELS, _OTHER_HEADS, BODY_HEADS, _is_separator, _join, _marked_key, norm
from .source import LOWER
from .verbs import OPENS_WORK as _VERBS

_VERB_START = re.compile(rf"^[{LOWER}]")  # a lower-case word after the names starts what they are to do


def _opens_other_body(chunk: list[str], before: object) -> bool:
    """'Bộ Công Thương, Tập đoàn Công nghiệp ...': a capitalised head word of a body after a comma, when the
    words before opened a body's name of their own, opens a second name (in lower case the same words go on
    listing kinds of a group: 'các cơ quan, đơn vị')."""
    if not chunk or not chunk[0][:1].isupper() or not isinstance(before, list) or not before:
        return False
    key = norm(" ".join(chunk))
    heads = (h for h in _OTHER_HEADS if h.strip() not in ("don vi", "doi tuong"))
    return any(key == h.strip() or key.startswith(h.rstrip() + " ") for h in heads) and opens_with_head(_join(before))


def _name_ends(tokens: list[str], j: int) -> bool:
    """True when a unit name may end before ``tokens[j]``: at the end, a separator, a bracket or a verb.
    A match followed by 'huyện' or by more lower-case words is the start of a longer name
    ('Ủy ban nhân dân huyện' is not 'Ủy ban nhân dân tỉnh')."""
    if j >= len(tokens) or _is_separator(tokens[j]) or tokens[j][:1] in "(.:":
        return True
    word = fold(tokens[j]).strip(".,;:")
    if word in _LEVELS:
        return False
    if word == "viet" and j + 1 < len(tokens) and fold(tokens[j + 1]).startswith("nam"):
        return False  # "Ủy ban MTTQ Việt Nam xã", "Hội Cựu chiến binh Việt Nam": the country is in the name
    following = " ".join(tokens[j : j + 3])
    if not tokens[j][:1].islower():
        # Names nest without a separator ("Ban Thường trực Ủy ban MTTQ xã", "Văn phòng UBND tỉnh"); two
        # units side by side are separated (',', 'và'): a capitalised word goes on with the name
        return bool(_VERBS.match(following[:1].lower() + following[1:]))
    return bool(_VERBS.match(following)) or _ends_inside(tokens, j)


# Lower-case words that go on from a unit's name to what it does, and that _VERBS cannot hold because
# they also open a name of their own after a separator ('các cơ quan, tổ chức liên quan').
_INNER_VERB = re.compile(
    r"^(?:tổ chức(?!\s+(?:chính trị|xã hội|đoàn thể|đảng|cơ sở|kinh tế|tín dụng|quốc tế|phi chính phủ|"
    r"có|liên quan|được|khác)\b)|xác minh|kiện toàn|nghiêm túc|khẩn trương|quyết liệt|tích cực|huy động|"
    r"dự kiến)\b"
)


def _ends_inside(tokens: list[str], j: int) -> bool:
    """True when a name being read ends before ``tokens[j]``, a lower-case word that starts what the
    unit does ('UBND xã tổ chức hội nghị', 'phòng Quản lý công nghiệp tổ chức huấn luyện'), or any
    lower-case word after 'liên quan' other than what it relates to ('các cơ quan liên quan nghiêm
    túc thực hiện'; but '... có liên quan đến VLNCN'). After a bare head noun ('Ban tổ chức') or a
    plural word ('các tổ chức') the word is part of the name."""
    word = tokens[j]
    if not word[:1].islower():
        return False
    before = _marked_key(tokens[j - 1])  # with its marks: 'Ban tổ chức' is a name, 'xã Văn Bàn tổ chức' is not
    if before in ("ban", "các", "những", "mọi", "và", "hoặc", "tổ", "hội", "phòng", "tiểu"):
        return False
    if j >= 2 and fold(f"{tokens[j - 2]} {tokens[j - 1]}") == "lien quan":
        return fold(word) not in ("den", "toi", "voi", "cua", "thuoc", "tai")  # '... liên quan tại khu vực biên giới'
    if j >= 2 and _committee_closes(tokens[j - 2], tokens[j - 1]):
        # 'Ban Thường vụ Đảng ủy cơ bản nhất trí', 'Văn phòng Đảng ủy tiếp thu': a name closed by a party
        # committee goes on only with a level or the committees it groups ('Đảng ủy xã', 'Đảng ủy các ...')
        return not _COMMITTEE_GOES_ON.match(fold(" ".join(tokens[j : j + 2])))
    return bool(_INNER_VERB.match(" ".join(tokens[j : j + 4])))


# What a party committee's name goes on with in lower case: its level, the bodies it groups, its kind.
_COMMITTEE_GOES_ON = re.compile(
    r"^(?:xa|phuong|thi tran|thi xa|huyen|tinh|thanh pho|quan|dac khu|khoi|cac|co so|co quan|truc thuoc|"
    r"doanh nghiep|bo phan|cap|lien quan)\b"
)


def _committee_closes(first: str, second: str) -> bool:
    """'Đảng ủy', 'Tỉnh uỷ', 'Huyện ủy', 'Thành ủy': two words closing a party committee's name."""
    return first[:1].isupper() and bool(
        re.fullmatch(r"(?:dang|tinh|huyen|thanh|thi|quan) uy", fold(f"{first} {second}"))
    )


# Lower-case words that go on with a place in a list of places ('..., thành phố trực thuộc trung ương',
# '..., thị trấn', '..., các xã thuộc huyện').
_PLACE_GOES_ON = ("hoi", "tran", "khu", "pho", "truc", "thuoc", "trung", "uong", "uy")


def _advisory_end(tokens: list[str], j: int) -> int | None:
    """After 'cơ quan' or 'chuyên trách', 'tham mưu(, giúp việc)' names the bodies' function ('Các cơ
    quan chuyên trách tham mưu, giúp việc Đảng ủy'), not what they are to do: where those words end."""
    before = _marked_key(" ".join(tokens[max(0, j - 2) : j]))
    if not before.endswith(("cơ quan", "chuyên trách")) or _marked_key(" ".join(tokens[j : j + 2])) != "tham mưu":
        return None
    k = j + 2
    if k < len(tokens) and tokens[k] == ",":
        k += 1
    if _marked_key(" ".join(tokens[k : k + 2])) == "giúp việc":
        return k + 2
    return j + 2


def _chunk_end(tokens: list[str], i: int, separator: str, items: list, own: tuple[str, str] = ("", "")) -> int:
    """Where a name the registry does not know, starting at ``tokens[i]``, ends: at a separator, before
    the verb or other words that start what the unit does, after a 'who:' colon. ``own`` is the issuer's
    head noun and the word after it ('ban', 'dân'), with their marks, when the issuer is named so."""
    j = i
    starts_with_place = separator == "," and fold(tokens[i]) in _LEVELS
    while j < len(tokens) and not _is_separator(tokens[j]):
        if j > i and _side_by_side(tokens, i, j):
            break  # "Sở Tài chính Sở Khoa học và Công nghệ": a cell listing units one per line
        if j > i and (qualified := _qualified_end(tokens, j, items, tokens[i])) is not None:
            j = qualified  # "Các cơ quan được phân công chủ trì ... có trách nhiệm": one group
            break
        if j > i and (advisory := _advisory_end(tokens, j)) is not None:
            j = advisory  # "Các cơ quan (chuyên trách) tham mưu, giúp việc Đảng ủy": the bodies' function
            continue
        # "Ban chỉ đạo", "Trưởng Ban xây dựng Đảng": a verb right after a bare head noun names it
        # (with the marks: 'địa bàn tham gia' is no 'Ban tham gia')
        # (but 'Bộ Quốc phòng chỉ đạo', 'Bộ ... Xã hội chỉ đạo': the word closes a compound, not a head noun)
        bare_head = _marked_key(tokens[j - 1]) in ("ban", "phòng", "sở", "hội", "việc") and not (
            j - 2 >= i and fold(f"{tokens[j - 2]} {tokens[j - 1]}") in _COMPOUNDS_OF_HEADS
        )
        if bare_head and j - 1 > i and _issuers_part(tokens[j - 1], tokens[j], own):
            bare_head = False  # 'Văn phòng Ban | tham mưu' in the Ban's own plan: its office, then the work
        if j > i and not bare_head and _VERBS.match(" ".join(tokens[j : j + 4])):
            break  # "Phòng X giúp Lãnh đạo Ban ...": the name ends before the verb
        if (
            j > i
            and starts_with_place
            and tokens[j][:1].islower()
            and fold(tokens[j]).rstrip(":") not in (*_LEVELS, *_PLACE_GOES_ON)
        ):
            break  # "..., phường nêu cao ...": a place word in a list of places, then the verb
        # "các tổ chức chính trị - xã hội trong công tác ...": the name ends; but "các đơn vị, địa phương có liên
        # quan tại khu vực biên giới, cửa khẩu": the place after a group says which of its bodies
        if (
            j > i + 1
            and _marked_key(tokens[j]) in ("trong", "nhằm", "để", "theo", "tại")  # not 'trồng'
            and not (_marked_key(tokens[j]) == "tại" and _group_so_far(tokens, i, j, items))
        ):
            break
        if j > i and _ends_inside(tokens, j):
            break  # "UBND xã tổ chức hội nghị", "các cơ quan liên quan nghiêm túc thực hiện"
        j += 1
        if tokens[j - 1].endswith(":"):
            break  # "Đồng chí Phó Trưởng ban - Ủy viên: Trực tiếp chỉ đạo ...": who, then the work
    return j


def _issuers_part(head: str, following: str, own: tuple[str, str]) -> bool:
    """True when ``head`` closing a longer name ('Văn phòng Ban', 'Lãnh đạo Sở') is the issuer's own head noun
    written capitalised, and the word after it does not go on with the issuer's name ('Ban Chỉ đạo' issuing:
    'Văn phòng Ban chỉ đạo' is its office)."""
    return bool(own[0]) and head[:1].isupper() and _marked_key(head) == own[0] and _marked_key(following) != own[1]


# Words closed by a head noun's word, which is then no head noun: 'Quốc phòng', 'Văn phòng', 'Xã hội'.
_COMPOUNDS_OF_HEADS = frozenset({"quoc phong", "van phong", "bien phong", "du phong", "xa hoi", "quoc hoi", "co so"})


def _members_end(tokens: list[str], places: bool) -> int | None:
    """Where the members named after a plural group's colon ('Hà Nội, Cần Thơ | thực hiện ...') end: each
    opens with a capital, they are listed with ',' or 'và', and the work follows them. A place's name is
    capitals only ('Bảo Yên'); with ``places`` false, a body's goes on in lower case ('Nông nghiệp và Môi
    trường') up to the verb. None when what follows the colon is no such list."""
    k = 0
    while k < len(tokens) and k < 40:
        opening = " ".join(tokens[k : k + 4])
        opening = opening[:1].lower() + opening[1:]
        named = k + 1 < len(tokens) and tokens[k + 1][:1].isupper()  # 'Cần Thơ' is a place, 'Cần' alone a word
        if not tokens[k][:1].isupper() or (not named and (_VERBS.match(opening) or _INNER_VERB.match(opening))):
            return None  # a member opens with a capital, and is not the work ('UBND các xã: Chủ trì ...')
        k += 1
        while k < len(tokens) and not _is_separator(tokens[k]):
            following = " ".join(tokens[k : k + 4])
            if tokens[k][:1].islower() and (places or _VERBS.match(following) or _INNER_VERB.match(following)):
                return k  # the work begins
            if tokens[k].endswith((".", ":")):
                return None
            k += 1
        k += 1  # the separator
    return None


def _group_so_far(tokens: list[str], i: int, j: int, items: list) -> bool:
    """The words read up to ``tokens[j]`` are a group of bodies ('các đơn vị ...', '... có liên quan'), not one body."""
    plural = fold(tokens[i]) in ("cac", "nhung") or (
        bool(items) and isinstance(items[-1], list) and any(fold(t) in ("cac", "nhung") for t in items[-1])
    )
    return plural or fold(" ".join(tokens[max(i, j - 2) : j])) == "lien quan"


# A body named by the subject it deals with: 'Ban Chỉ đạo (tỉnh) về ...', 'Tổ công tác về ...'.
_TOPIC_BODY = re.compile(
    r"^(?:Ban Chỉ đạo|Tổ công tác|Hội đồng|Tiểu ban|Ban Tổ chức|Tổ giúp việc)(?:\s+[^\s,;:]+){0,2}?\s+về\s",
    re.IGNORECASE,
)


def _topic_end(tokens: list[str], start: int) -> int:
    """Where the name of a body named by its subject ends: after its level and place ('... tỉnh Đồng
    Tháp'), before a ';', ':' or bracket, before a comma that opens another body's name, or before a
    verb that is not the subject's first word."""
    k = start
    while k < len(tokens):
        token = tokens[k]
        if token == ";" or token.startswith("("):
            return k
        if token.endswith((":", ".")):
            return k + 1
        capital = k + 1 < len(tokens) and tokens[k + 1][:1].isupper()
        if token == "," and capital and norm(" ".join(tokens[k + 1 : k + 3])).startswith(BODY_HEADS):
            return k
        if fold(token) in _LEVELS and k > start:
            k += 1
            while k < len(tokens) and tokens[k][:1].isupper() and not _VERBS.match(tokens[k].lower()):
                k += 1  # the place's name
                if tokens[k - 1].endswith((".", ":")):
                    break
            return k
        if k > start and token != "," and _VERBS.match(" ".join(tokens[k : k + 4])):
            return k
        k += 1
    return k


# Head words of bodies that never hold a body of the same kind in their own name, nor follow a level
# inside one name: a second one starts the next name.
_NEVER_NESTED = ("so ", "trung tam ", "cong an ", "uy ban nhan dan ", "hoi dong nhan dan ", "chi cuc ", "cuc ")


def _side_by_side(tokens: list[str], i: int, j: int) -> bool:
    """True when ``tokens[j]`` starts a second name written right after the one opened at ``tokens[i]``
    with no separator (a table cell listing units one per line, its lines joined): a capitalised head
    word of a body that never nests, after a name opened with the same head ('Sở Tài chính Sở Nội vụ',
    'Trung tâm X Trung tâm Y') or after a level closing a name ('Trung tâm Chuyển đổi số Thành phố Sở
    Tài chính'); a capitalised 'Các' after such a body's name opens a group."""
    if not tokens[j][:1].isupper():
        return False
    opened = norm(" ".join(tokens[i : i + 4])) + " "
    if tokens[j] in ("Các", "Những") and j - i > 1 and opened.startswith(_NEVER_NESTED):
        return True  # "Sở Tài chính Các sở, ngành": a group after a body's name
    head = next((h for h in _NEVER_NESTED if (norm(" ".join(tokens[j : j + 4])) + " ").startswith(h)), None)
    if head is None:
        return False
    if opened.startswith(head):
        return True
    before = fold(tokens[j - 1]).strip(",.")
    return before in ("tinh", "pho", "huyen", "xa", "phuong") and j - i > 2 and tokens[j - 2][:1].isupper()


def _one_office(before: list[str], key: str) -> bool:
    """'Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh', 'Văn phòng HĐND và UBND huyện': one office serving
    several elected or executive organs, whose name holds 'và'; the organ before 'và' has no level of
    its own ('Văn phòng UBND tỉnh và HĐND tỉnh' are two)."""
    head = norm(_join(before))
    return (
        head.startswith("van phong ")
        and head.endswith(_SERVED_ORGANS)
        and key.startswith(_SERVED_ORGANS[1:])  # the delegation is named first
    )


# Organs one office may serve together, the National Assembly delegation first.
_SERVED_ORGANS = ("doan dai bieu quoc hoi", "hoi dong nhan dan", "uy ban nhan dan")


def _kinds_joined(items: list) -> list:
    """'Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố': bare kind words listed before a name are one
    group with it, not names cut by a line end."""
    out: list = []
    held: list[str] = []
    for item in items:
        if isinstance(item, list) and norm(_join(item)) in _KINDS:
            held += [*item, ","]
            continue
        if held and isinstance(item, list) and len(held) > 2:  # two kinds or more: 'Sở, ban, ngành ...'
            item = held + item
        elif held:
            out.append(held[:-1])
        held = []
        out.append(item)
    if held:
        out.append(held[:-1])
    return out


_KINDS = frozenset({"so", "ban", "nganh", "co quan", "don vi"})


def _qualified_end(tokens: list[str], j: int, items: list, first: str) -> int | None:
    """Where a plural group qualified by the work given to it ends: 'Các cơ quan được phân công chủ trì
    thực hiện nhiệm vụ theo Kế hoạch này | có trách nhiệm ...', 'Các cơ quan, đơn vị được giao chủ trì |
    chịu trách nhiệm ...'. The qualifier is part of the group's name (the units leading tasks of the
    plan, not every body); None when the words are not such a qualifier."""
    if fold(tokens[j]) != "duoc" or j + 1 >= len(tokens) or fold(tokens[j + 1]) not in ("giao", "phan"):
        return None
    plural = fold(first) in ("cac", "nhung") or (
        bool(items) and isinstance(items[-1], list) and any(fold(t) in ("cac", "nhung") for t in items[-1])
    )
    if not plural:
        return None
    for k in range(j + 2, min(len(tokens) - 1, j + 20)):
        if _is_separator(tokens[k]) and tokens[k] != ",":
            return None
        if fold(tokens[k]) in ("co", "chiu") and fold(tokens[k + 1]) == "trach":
            return k
    return None
