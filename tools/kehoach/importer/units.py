"""Stage 5 of an import: unit names as written, matched against the registry.

Plans write units many ways ("Ban cán sự đảng UBND tỉnh", "BCSĐ UBND tỉnh"),
misspell them ("Bân Dân tộc tỉnh") and list several in one phrase ("Sở Nội vụ,
các ngành liên quan"). Matching folds accents and case (so most misspellings of
a mark compare equal), expands the usual abbreviations, tries each registry
spelling with and without the province name, and prefers units of the plan's
province, then central and generic ones. A unit of another province only serves
as a model for a proposed unit of this province; a name matching nothing is
proposed as a new unit, always flagged for review.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field

from ..model import Unit, UnitKind
from ..text import fold, slugify
from .forms import PERSON_TITLE as PERSON_TITLE
from .source import LOWER, UPPER
from .verbs import OPENS_WORK as _VERBS  # verbs that end a unit name in running text

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


_VERB_START = re.compile(rf"^[{LOWER}]")  # a lower-case word after the names starts what they are to do


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


@dataclass
class Proposed:
    """A unit the registry does not have, to be written as a new record after review."""

    id: str
    name: str
    kind: UnitKind
    short_names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    parent: str | None = None
    province: str | None = None
    generic: bool = False
    model: str | None = None  # the unit of another province it was modelled on
    why: str = ""


@dataclass
class Match:
    """A name as written and what it denotes: a unit of the registry, a unit of another province to
    model a new one on, or nothing yet (a new unit to propose). ``Registry.commit`` settles it."""

    written: str
    unit: str | None  # id of an existing (or already proposed) unit
    proposed: bool = False
    doubt: str | None = None
    model: str | None = None  # a unit of another province this name matches
    generic: bool = False  # a generic group ('các cơ quan liên quan', 'các Sở, ban, ngành'), not one body

    @property
    def known(self) -> bool:
        """The name is in the registry (for this province, or as a model from another)."""
        return self.unit is not None or self.model is not None

    @property
    def person(self) -> bool:
        """The name is a person's title ('Giám đốc các Sở', 'Đồng chí Chủ tịch Ủy ban MTTQ xã'): it
        stands for the leadership of the unit it names."""
        return self.unit is None and self.model is None and PERSON_TITLE.match(self.written) is not None

    @property
    def named(self) -> bool:
        """The name reads as the name of a body even if the registry lacks it: usable, or opening with
        a word a unit's name opens with ('Sở Công Thương', 'cơ quan Thuế'), or closing with a level
        ('Thuế tỉnh')."""
        key = norm(self.written)
        if self.usable or (key.startswith("co quan ") and self.written.split()[-1][:1].isupper()):
            return True
        capital = self.written[:1].isupper()
        return capital and (key.startswith(_HEADS) or (" " in key and key.rsplit(" ", 1)[1] in _LEVELS))

    @property
    def usable(self) -> bool:
        """The name denotes units: a registry unit, a generic group written as such, or a person's
        title (the leadership of the unit it names)."""
        return self.known or self.generic or self.person


class Registry:
    """The units of the repository, indexed by matching key, with proposals made during one import."""

    def __init__(self, units: dict[str, Unit], province: str | None, locality: str | None = None) -> None:
        self.units = units
        self.province = province
        self.province_slug = slugify(province) if province else None
        self.locality = locality  # the district of a district-level plan ("Cư Jút")
        self.issuer_name: str | None = None  # the issuing unit's name, for a title that names no unit
        # The province was not read from the header's unit lines (a commune's plan: 'XÃ LƯƠNG MINH' and
        # a place): a unit of another province is then no model, its name would carry a province that
        # is not this one's.
        self.province_guessed = False
        # The province is a centrally-run city ('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH'): a body modelled on
        # a province's is the city's ('Tỉnh ủy Bình Thuận' -> 'Thành ủy Thành phố Hồ Chí Minh').
        self.city = False
        self.proposed: dict[str, Proposed] = {}
        self.keys: dict[str, set[str]] = {}
        self.close: dict[str, str | None] = {}  # a name's nearest key, until a key is added
        for unit in units.values():
            self._index(unit.id, [unit.name, *unit.short_names, *unit.aliases], unit.province)

    def learn(self, unit_id: str, spellings: list[str], province: str | None) -> None:
        """Index a unit known outside the registry (one an import proposed) under its spellings."""
        self._index(unit_id, spellings, province)

    def ids_named(self, written: str) -> set[str]:
        """Every unit bearing this very name (with or without the province, no close spellings)."""
        ids: set[str] = set()
        for candidate in self._keys(norm(written)):
            ids |= self.keys.get(candidate, set())
        return ids

    def _keys(self, key: str) -> list[str]:
        """The keys a name is looked up by; in a centrally-run city also as a province's body would be
        named ('Thành ủy Thành phố' is the city's 'Tỉnh ủy', 'Sở Nội vụ Thành phố' its 'Sở Nội vụ tỉnh')."""
        out = _variants(key, self.province)
        if self.city:
            for candidate in list(out):
                swapped = re.sub(r"\bthanh pho\b", "tinh", re.sub(r"\bthanh uy\b", "tinh uy", candidate))
                if swapped != candidate:
                    out += [v for v in _variants(swapped, self.province) if v not in out]
        return out

    def _index(self, unit_id: str, spellings: list[str], province: str | None) -> None:
        self.close.clear()
        for spelling in spellings:
            for key in _variants(norm(spelling), province):
                self.keys.setdefault(key, set()).add(unit_id)

    # ------------------------------------------------------------ lookups

    def province_of(self, unit_id: str) -> str | None:
        if unit_id in self.units:
            return self.units[unit_id].province
        return self.proposed[unit_id].province if unit_id in self.proposed else None

    def _rank(self, ids: set[str]) -> tuple[list[str], list[str]]:
        """(usable, other provinces): units of this province or with none first."""
        here = sorted(
            i for i in ids if self.province_of(i) and fold(self.province_of(i) or "") == fold(self.province or "")
        )
        free = sorted(i for i in ids if not self.province_of(i))
        elsewhere = sorted(i for i in ids if i not in here and i not in free)
        return here + free, elsewhere

    def lookup(self, written: str, close_ok: bool = True) -> Match | None:
        """The unit a single name denotes, or None when nothing in the registry comes close (with
        ``close_ok`` false: nothing bears that very name)."""
        key = norm(written)
        if not key:
            return None
        for candidate in self._keys(key):
            ids = self.keys.get(candidate)
            if ids:
                return self._choose(written, ids, None)
        if not close_ok:
            return None
        if key not in self.close:  # the same names come again and again: compared with every key once
            self.close[key] = next(iter(difflib.get_close_matches(key, list(self.keys), n=1, cutoff=0.9)), None)
        close = self.close[key]
        if close and not (set(close.split()) ^ set(key.split())) & _LEVELS:  # 'UBND xã' is not 'UBND tỉnh'
            return self._choose(written, self.keys[close], f"'{written}' gần giống một tên trong danh mục")
        return None

    def _choose(self, written: str, ids: set[str], doubt: str | None) -> Match:
        usable, elsewhere = self._rank(ids)
        if usable:
            if len(usable) > 1:
                doubt = (doubt + "; " if doubt else "") + f"'{written}' khớp nhiều đơn vị: {', '.join(usable)}"
            return Match(written, usable[0], usable[0] in self.proposed, doubt)
        named = [i for i in elsewhere if i in self.proposed]
        if named:  # a body of another province this document has named already: that one again
            return Match(written, named[0], True, doubt)
        if self.province_guessed:
            return Match(written, None, True, doubt)
        return Match(written, None, True, doubt, model=elsewhere[0])

    def commit(self, match: Match) -> Match:
        """Settle a match: a unit of another province or an unknown name becomes a proposed unit."""
        if match.unit is not None:
            return match
        if match.model is not None and (elsewhere := self.named_province(match.written)) is not None:
            # 'Ủy ban nhân dân tỉnh Bình Dương' cited in a plan of another province: that province's body,
            # the registry's own when it is the model's province, never this province's counterpart
            if fold(self.province_of(match.model) or "") == fold(elsewhere):
                return Match(match.written, match.model, False, match.doubt)
            return self.propose(match.written)
        if match.model is not None:
            proposed = self._from_model(self.units[match.model], match.written)
            return Match(match.written, proposed.id, True, proposed.why)
        if not PERSON_TITLE.match(match.written) and _PERSON_INSIDE.search(match.written):
            # "Đồng chí Phan Văn A - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh": a person named with a post that
            # names a unit stands for that unit's leadership, the words as written kept as its alias
            for part in re.split(r"\s+[-–]\s+|,\s*", match.written):
                title = PERSON_TITLE.match(part.strip()) or _MEMBER_OF.match(part.strip())
                if title and len((named := _unit_of_title(title)).split()) > 1:  # 'UBND tỉnh', not 'đoàn'
                    return self.leadership(match.written, named)
            # "Đồng chí UBND Tỉnh ủy viên, tỉnh": words of a person (a name, a post) read with a unit's;
            # no unit is proposed, the field is flagged
            return Match(
                match.written,
                None,
                False,
                f"'{match.written}' lẫn tên, chức vụ của người; không phải tên một đơn vị, cần ghi lại đơn vị",
            )
        shaped = _CLARIFIED.sub("", match.written) or match.written  # '... (bao gồm cả ...)': what it covers
        group = (
            match.generic
            or norm(shaped).startswith(("cac ", "nhung "))
            or bool(GENERIC_GROUP.match(shaped))
            or bare_kinds(shaped)  # 'Doanh nghiệp', 'Viện, Trường': every body of the kinds named
        )
        if norm(shaped) in _KIND_ONLY and norm(match.written) != norm(self.issuer_name or ""):
            # 'Ban Chỉ đạo' without its subject or level: which body is meant is not said (a person's title
            # naming it, 'Trưởng Ban Chỉ đạo', is the leadership of the one the plan is about)
            return Match(
                match.written, None, False, f"'{match.written}' chỉ có tên loại ban, không rõ ban nào; cần ghi lại"
            )
        if (odd := odd_name(shaped, group)) and norm(match.written) != norm(self.issuer_name or ""):
            # a name read out of running text, a table whose columns ran together or a cut line: a new
            # unit is proposed only for words shaped as a body's name; otherwise the field is flagged
            return Match(
                match.written, None, False, f"'{match.written}' không có dạng tên một đơn vị ({odd}); cần ghi lại"
            )
        return self.propose(match.written)

    def by_code(self, code: str, propose: bool = True) -> list[str]:
        """Units whose document-number code is ``code``, this province's first; with ``propose`` false,
        a unit of another province is returned as it is, no counterpart proposed for this one."""
        ids = {u.id for u in self.units.values() if code in u.codes}
        ids |= {p.id for p in self.proposed.values() if code in p.codes}
        usable, elsewhere = self._rank(ids)
        if usable:
            return usable
        if self.province_guessed:
            return []
        if not propose or (elsewhere and elsewhere[0] in self.proposed):
            return elsewhere[:1]
        return [self._from_model(self.units[i], None).id for i in elsewhere[:1]]

    # ------------------------------------------------------------ lists of units

    def split(self, text: str) -> tuple[list[Match], str]:
        """The units named at the start of ``text`` ("Sở Nội vụ, các ngành liên quan") and what
        follows them (a lower-case verb phrase: "thống nhất đề xuất nội dung ...")."""
        text = _ABBREVIATION.sub("", text)  # 'Đài Truyền hình Việt Nam (VTV)': the name, not a second unit
        if (read := self._one_name_with_commas(text)) is not None:
            return read
        # "Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh": a slash before a capital lists
        tokens = re.findall(r"[^\s,;]+|[,;]", re.sub(rf"(?<=[{LOWER}{UPPER}])/(?=[{UPPER}])", " , ", text))
        items: list[Match | list[str]] = []
        separator = ""
        i = 0
        while i < len(tokens):
            if _is_separator(tokens[i]):
                separator = tokens[i]
                i += 1
                continue
            if (office_end := self._office_goes_on(items, tokens, i, separator)) is not None:
                i, separator = office_end, ""
                continue
            if (heads := _heads_of_kinds(tokens, i)) is not None:
                # "Người đứng đầu cấp ủy, cơ quan, đơn vị": the heads of every body of the kinds listed, one
                # group of people standing for those bodies' leadership; the kinds are not bodies of their own
                items.append(Match(_join(tokens[i:heads]), None, True))
                i, separator = heads, ""
                continue
            if topic := _TOPIC_BODY.match(_join(tokens[i:])):
                # "Ban Chỉ đạo về phát triển khoa học, công nghệ, ... tỉnh": one name, commas included
                end = _topic_end(tokens, i + len(topic[0].split()))
                name = _join(tokens[i:end]).strip(" ,.:")
                items.append(self.lookup(name, close_ok=False) or Match(name, None, True))
                i, separator = end, ""
                if tokens[end - 1].endswith((".", ":")):  # the sentence or the 'who:' opening ends
                    return self._finish(items), _join(tokens[end:])
                continue
            if (run := _kinds_run(tokens, i)) is not None:
                # "Viện, Trường", "sở, ban, ngành có liên quan", "các ngành, các cấp": kinds of body listed
                # bare, no body's own name among them, are one group
                name = _join(tokens[i:run])
                items.append(self.lookup(name) or Match(name, None, True, generic=True))
                i, separator = run, ""
                continue
            found = self._longest(tokens, i)
            if found is not None:
                end, match = found
                # "Các đoàn thể, tổ chức xã hội": a plural group goes on listing kinds after a comma
                items.append(tokens[i:end] if _listing_goes_on(match, tokens, end) else match)
                i = end
                separator = ""
                continue
            j = _chunk_end(tokens, i, separator, items)
            chunk = tokens[i:j]
            key = norm(" ".join(chunk))
            place = key.split(" ")[0] in _LEVELS or key.startswith("thi tran")
            # "các Sở, ban, ngành", "Thủ trưởng các ban, ngành tỉnh": lower-case words after a comma go on
            # listing the kinds of a plural group; after 'và' a new group starts ("... và địa phương")
            plural = bool(items) and isinstance(items[-1], list) and any(norm(t) in ("cac", "nhung") for t in items[-1])
            opens_verb = _VERBS.match(chunk[0][:1].lower() + " ".join(chunk)[1:])
            # "Các bộ, ngành, khẩn trương rà soát": a stray comma before how the work is done
            manner = bool(_INNER_VERB.match(" ".join(tokens[i : i + 4]))) and not key.startswith("to chuc")
            listed = (
                (plural or key.endswith(" lien quan"))  # "cơ quan, tổ chức liên quan"
                and separator == ","
                and chunk[0][:1].islower()
                and norm(chunk[0]) not in ("cac", "nhung")
                and not key.startswith("chinh quyen")
                and not (opens_verb or manner)
            )
            if (place or listed) and items and isinstance(items[-1], list):
                items[-1].extend([separator, *chunk] if separator else chunk)  # "các xã, thị trấn"
                separator = ""
                i = j
                continue
            if (joined := self._joined_by_and(items, chunk, separator, bool(opens_verb))) is not None:
                items[-1] = joined  # "Sở Khoa học và công nghệ": one name
                separator = ""
                i = j
                continue
            if (_VERB_START.match(chunk[0]) or opens_verb or manner) and not key.startswith(_HEADS):
                return self._finish(items), _join(tokens[i:])
            goes_on = not key.startswith(_HEADS) and not (
                separator == "," and _opens_other_body(chunk, items[-1] if items else None)
            )
            if items and isinstance(items[-1], list) and (goes_on or _one_office(items[-1], key)):
                items[-1].extend([separator, *chunk] if separator else chunk)  # "Sở Văn hóa, Thể thao và Du lịch"
            else:
                items.append(chunk)
            if j < len(tokens) and not _is_separator(tokens[j]) and not _side_by_side(tokens, i, j):
                # "Sở Văn hóa và Thể thao | chủ trì ..."
                return self._finish(items), _join(tokens[j:])
            separator = ""
            i = j
        return self._finish(items), ""

    def _one_name_with_commas(self, text: str) -> tuple[list[Match], str] | None:
        """Names whose commas do not list units: a committee of a bloc of bodies, one committee and not the
        Front's and the organisations ('Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh'); a group and the members
        it names after a colon. None when the text opens with neither."""
        whole = text.strip(" .;:")
        if COMMITTEE_OF_BLOC.match(whole):
            return [self.lookup(whole, close_ok=False) or Match(whole, None, True)], ""
        return self._group_with_members(text)

    def _group_with_members(self, text: str) -> tuple[list[Match], str] | None:
        """'Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện ...': the names before the colon, the last a
        group of bodies named by their kind in the plural, then its members and the work. The group and its
        members are one name; None when the text does not open so."""
        head = re.match(r"^(?P<who>[^:;.()]{3,160}?)\s*:\s*(?=[^\s:])", text)
        if head is None or not _MEMBERS_OF.search(_marked_key(head["who"]) + ":"):
            return None
        matches, rest = self.split(head["who"])
        if not matches or rest.strip() or not names_members(matches[-1].written + ": x"):
            return None
        tokens = _tokens(text[head.end() :])
        end = _members_end(
            tokens, places=not re.search(r"\b(?:bộ|sở|ban|ngành|cơ quan|đơn vị)$", _marked_key(head["who"]))
        )
        if end is None:
            return None
        name = f"{matches[-1].written}: {_join(tokens[:end])}"
        group = self.lookup(name, close_ok=False) or Match(name, None, True, generic=True)
        return [*matches[:-1], group], _join(tokens[end:])

    def _joined_by_and(
        self, items: list, chunk: list[str], separator: str, opens_verb: bool
    ) -> Match | list[str] | None:
        """'Sở Khoa học và công nghệ', 'Ban Quản lý các Khu chế xuất và công nghiệp Thành phố': after 'và'
        a lower-case word that is neither a verb nor a body's or a group's head word nor a level goes on
        with the name before it: one unit, not two. A name the registry knows goes on only into a
        longer name it knows too ('UBND tỉnh và nhân dân' stays 'UBND tỉnh'); a group's name, or one
        written in lower case, does not go on."""
        if fold(separator) != "va" or not items or opens_verb or not chunk[0][:1].islower():
            return None
        text = " ".join(chunk)
        key = norm(text)
        if key.startswith(BODY_HEADS) or key.split(" ")[0] in _LEVELS or GENERIC_GROUP.match(text):
            return None
        before = items[-1]
        words = before.written.split() if isinstance(before, Match) else list(before)
        name = _join(words)
        if not name[:1].isupper() or norm(name).startswith(("cac ", "nhung ")) or GENERIC_GROUP.match(name):
            return None  # a group ('các cơ quan chức năng và cộng đồng dân cư') does not go on so
        joined = [*words, separator, *chunk]
        if isinstance(before, Match):
            return self.lookup(_join(joined), close_ok=False)
        return joined

    def _office_goes_on(self, items: list, tokens: list[str], i: int, separator: str) -> int | None:
        """'Văn phòng Đoàn ĐBQH và | HĐND tỉnh': the organ after 'và' is part of the office's name; the
        name read so far becomes words again, with the organ's, and where they end is returned."""
        if not items or fold(separator) != "va":
            return None
        before = items[-1].written.split() if isinstance(items[-1], Match) else list(items[-1])
        found = self._longest(tokens, i)
        end = found[0] if found is not None else _chunk_end(tokens, i, separator, items)
        if not _one_office(before, norm(" ".join(tokens[i:end]))):
            return None
        items[-1] = [*before, separator, *tokens[i:end]]
        return end

    def _longest(self, tokens: list[str], i: int) -> tuple[int, Match] | None:
        for j in range(min(len(tokens), i + 16), i, -1):
            if _is_separator(tokens[j - 1]) or not (_name_ends(tokens, j) or _side_by_side(tokens, i, j)):
                continue
            phrase = _join(tokens[i:j])
            for candidate in self._keys(norm(phrase)):
                if candidate in self.keys:
                    return j, self._choose(phrase, self.keys[candidate], None)
        return None

    def _finish(self, items: list[Match | list[str]]) -> list[Match]:
        out: list[Match] = []
        for item in _kinds_joined(items):
            if isinstance(item, Match):
                out.append(item)
                continue
            name = re.sub(r"\s+cấp$", "", _join(item).strip(" .,;:"))  # "của Cục X cấp": the issuer, not a level
            if _COMPETENT.match(name):
                continue  # 'các cơ quan có thẩm quyền': whichever body the law makes competent, no body named
            if name and norm(name) not in _BARE:  # 'Các', 'Sở' alone (a name cut by a line end) name nothing
                generic = bool(GENERIC_GROUP.match(name)) or names_members(name)
                out.append(self.lookup(name) or Match(name, None, True, generic=generic))
        seen: set[str] = set()
        unique = []
        for match in out:
            key = match.unit or match.model or norm(match.written)
            if key not in seen:
                seen.add(key)
                unique.append(match)
        return unique

    # ------------------------------------------------------------ proposals

    def propose(self, written: str, parent: str | None = None) -> Match:
        """A new unit for a name the registry lacks, with a kind guessed from its first words.
        A person's title ('Phó Chủ tịch UBND xã', 'Trưởng ban') is not a unit: it stands for the
        leadership of the unit it names, or of the issuing unit when it names none."""
        name = " ".join(written.split()).strip(" .,;:")
        name = _CLARIFIED.sub("", name) or name  # "các cơ quan quản lý cấp trên (bao gồm cả ...)"
        if title := PERSON_TITLE.match(name):
            rest = title["rest"].strip(" ,")
            if rest and _heads_of_kinds(_tokens(rest), 0, title=False) == len(_tokens(rest)):
                return self.leadership(written, f"các {rest}")  # 'Người đứng đầu cấp ủy, cơ quan': each one's
            return self.leadership(written, _unit_of_title(title))
        key = norm(name)
        generic = (
            key.startswith(("cac ", "nhung "))
            or any(w in key for w in ("cung cap", "cap uy", "lien quan"))
            or bare_kinds(name)  # 'Doanh nghiệp', 'Viện, Trường': every body of the kinds named
            or names_members(name)  # 'Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ': no one body
        )
        local_group = not generic and bool(GENERIC_GROUP.match(name))  # "UBND các xã, thị trấn" of this province
        central = _central(key) and self.named_province(name) is None
        # "Ủy ban nhân dân tỉnh Yên Bái" in a plan of Lào Cai: a unit of Yên Bái
        province = self.named_province(name) or self.province
        if generic:
            prefix = "chung"
        elif central:
            prefix = "tw"
        else:
            prefix = slugify(province) if province else "chung"
        local = re.search(r"\b(?:huyện|Huyện ủy|Huyện uỷ|thị xã|Thị ủy|quận|Quận ủy)$", name)
        if local and self.locality and not generic:
            name = f"{name} {self.locality}"  # "Ủy ban nhân dân huyện" of a district plan: that district's
            prefix = f"{prefix}-{slugify(self.locality)}"
        base = name
        if local and self.locality and not generic:
            base = name[: -len(self.locality) - 1]
        short = _without_province(base, self.province)
        unit_id = f"{prefix}-{slugify(short)}"[:120].strip("-")
        if unit_id in self.units:
            return Match(written, unit_id, False, f"'{written}' được hiểu là {self.units[unit_id].name} (trùng mã)")
        if unit_id not in self.proposed:
            kind = guess_kind(name)
            self.proposed[unit_id] = Proposed(
                unit_id,
                name,
                kind,
                # "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh" is written "... xã" in its own text
                short_names=list(dict.fromkeys(n for n in (base, short) if n != name)),
                parent=parent,
                province=None if generic or central else province,
                generic=generic or local_group,
                why=f"đơn vị '{name}' chưa có trong danh mục; đề xuất tạo mới, loại '{kind.value}' là đoán",
            )
            self._index(unit_id, [name, base], self.proposed[unit_id].province)
        return Match(written, unit_id, True, self.proposed[unit_id].why)

    def named_province(self, name: str) -> str | None:
        """The province a name ends with when it is not this one ('... tỉnh Yên Bái' in a plan of Lào Cai)."""
        named = re.search(rf"\b(?:tỉnh|thành phố)\s+(?P<p>[{UPPER}]\S*(?:\s*-?\s+[{UPPER}]\S*)*)$", name.strip(" .,;:"))
        if named is None or fold(named["p"]) == fold(self.province or ""):
            return None
        return named["p"]

    def leadership(self, written: str, named: str) -> Match:
        """'Lãnh đạo <unit>' for a title of a person: the unit named after the title, else the issuer."""
        group = fold(named or "").startswith(("cac ", "nhung ", "tung "))  # "Giám đốc các Sở": each one's
        if named and self.lookup(named) is None and (odd := odd_name(named, group)):
            # 'Chủ tịch UBND Tỉnh tỉnh tịch': the unit the title names is not shaped as a name; flagged
            return Match(written, None, False, f"'{named}' không có dạng tên một đơn vị ({odd}); cần ghi lại")
        unit_name = named or self.issuer_name
        base = self.lookup(unit_name) if unit_name else None
        if base is not None and base.unit is None:
            base = self.commit(base)
        if base is not None and base.unit is not None:
            unit_name = self.units[base.unit].name if base.unit in self.units else self.proposed[base.unit].name
        leaders = f"Lãnh đạo {unit_name}" if unit_name else "Lãnh đạo cơ quan"
        found = self.lookup(leaders, close_ok=False)  # 'Lãnh đạo Ban X' is close to 'Ban X', not it
        if found is not None and found.unit is not None:
            if found.unit in self.proposed:  # another title of the same leadership ('Phó Chủ tịch ...')
                self._alias(found.unit, written)
            return Match(written, found.unit, found.proposed, f"'{written}' là chức danh; ghi là {leaders}")
        province = self.province if base is None or base.unit is None else self.province_of(base.unit)
        if group:
            province = None
        unit_id = f"{slugify(province) if province else 'chung'}-{slugify(leaders)}"[:120].strip("-")
        why = f"'{written}' là chức danh của người, không phải đơn vị; đề xuất đơn vị '{leaders}' (loại 'leadership')"
        if unit_id not in self.proposed and unit_id not in self.units:
            self.proposed[unit_id] = Proposed(
                unit_id,
                leaders,
                UnitKind.LEADERSHIP,
                aliases=_title_spellings(written),
                parent=base.unit if base is not None else None,
                province=province,
                generic=group,
                why=why,
            )
            self._index(unit_id, [leaders, *_title_spellings(written)], province)
        elif unit_id in self.proposed:
            self._alias(unit_id, written)
        return Match(written, unit_id, unit_id in self.proposed, why)

    def _alias(self, unit_id: str, written: str) -> None:
        """A title as written, kept among the aliases of the leadership it stands for."""
        proposed = self.proposed[unit_id]
        for alias in _title_spellings(written):
            if norm(alias) not in {norm(n) for n in [proposed.name, *proposed.short_names, *proposed.aliases]}:
                proposed.aliases.append(alias)
                self._index(unit_id, [alias], proposed.province)

    def _from_model(self, model: Unit, written: str | None) -> Proposed:
        """This province's counterpart of a unit recorded for another province."""
        unit_id = _swap_prefix(model.id, model.province, self.province_slug, self.city)
        if unit_id in self.units:
            return Proposed(unit_id, self.units[unit_id].name, self.units[unit_id].kind)
        if unit_id in self.proposed:
            return self.proposed[unit_id]
        parent = None
        if model.parent and model.parent in self.units:
            # the counterpart's id only: the parent is proposed when the document names it, not because
            # a unit under it is named (finish_units keeps the link when it is recorded or proposed)
            parent_model = self.units[model.parent]
            parent = (
                _swap_prefix(parent_model.id, parent_model.province, self.province_slug, self.city)
                if parent_model.province and self.province
                else model.parent
            )
        name = _swap_province(model.name, model.province, self.province, self.city)
        short_names = [_as_city(s) if self.city else s for s in model.short_names]
        aliases = [written] if written and norm(written) not in {norm(s) for s in [name, *short_names]} else []
        proposed = Proposed(
            unit_id,
            name,
            model.kind,
            short_names=short_names,
            aliases=aliases,
            codes=list(model.codes),
            parent=parent,
            province=self.province,
            generic=model.generic,
            model=model.id,
            why=f"danh mục chưa có đơn vị này của {'thành phố' if self.city else 'tỉnh'} {self.province}; "
            f"đề xuất tạo mới theo mẫu '{model.id}'",
        )
        self.proposed[unit_id] = proposed
        self._index(unit_id, [name, *proposed.short_names, *aliases], self.province)
        return proposed


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


def _opens_other_body(chunk: list[str], before: object) -> bool:
    """'Bộ Công Thương, Tập đoàn Công nghiệp ...': a capitalised head word of a body after a comma, when the
    words before opened a body's name of their own, opens a second name (in lower case the same words go on
    listing kinds of a group: 'các cơ quan, đơn vị')."""
    if not chunk or not chunk[0][:1].isupper() or not isinstance(before, list) or not before:
        return False
    key = norm(" ".join(chunk))
    heads = (h for h in _OTHER_HEADS if h.strip() not in ("don vi", "doi tuong"))
    return any(key == h.strip() or key.startswith(h.rstrip() + " ") for h in heads) and opens_with_head(_join(before))


# Every head word of a body, the one table a name's shape is read against.
BODY_HEADS = (*_HEADS, *_OTHER_HEADS)
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
    if (after := _NAME_THEN_CLAUSE.search(text)) is not None:
        return f"sau tên là '{after[1]}'"  # 'Chính phủ trừ đi tuổi ...', 'Tỉnh để tập trung ...': a clause
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
# 'Bảo' opens a name only as 'Bảo hiểm ...' ('Bảo hiểm xã hội tỉnh'), never as 'Bảo đảm', 'Bảo vệ'.
_BAO_NAMES = ("bảo hiểm", "bảo tàng", "báo")


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
    return norm(first) != "bao" or _marked_key(name).startswith(_BAO_NAMES)


# Head nouns that name no body by themselves ('Ban', 'Phòng' ...), read with their marks.
_HEAD_NOUNS = frozenset({"ban", "phòng", "sở", "cục", "vụ", "hội", "tổ", "ủy ban", "văn phòng", "tiểu ban", "chi cục"})
# A body's own name followed by the words of a clause ('Chính phủ trừ đi tuổi của cán bộ', 'Tỉnh để tập trung
# ...'): a central body named whole, or a level alone, then a lower-case word that is no level or qualifier.
_NAME_THEN_CLAUSE = re.compile(
    r"^(?:Chính phủ|Thủ tướng Chính phủ|Quốc hội|Tỉnh|Thành phố)\s+"
    r"(để|trừ|nhằm|sẽ|đã|đang|cần|phải|với|về|tại|trong|theo|cho|thì|là|được|bị|không|cũng|đều|nên)(?:\s|$)"
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
_LEVELS = frozenset({"huyen", "tinh", "xa", "thi", "quan", "phuong", "thanh", "tran", "cap", "khoi", "dac"})
# The central bodies, named without a place: never a province's, whatever the plan's province.
# A body named as the Government's ('Văn phòng Chính phủ', 'Thanh tra Chính phủ') is central too.
_CENTRAL = re.compile(r"^(?:chinh phu|thu tuong|quoc hoi|ban bi thu|bo chinh tri|bo )|\btrung uong\b|\schinh phu$")
# 'Bộ Chỉ huy Quân sự tỉnh', 'Bộ Tư lệnh Thành phố', 'Bộ đội Biên phòng tỉnh': a 'Bộ' of a province, not a ministry.
_LOCAL_BO = re.compile(r"^bo (?:chi huy|doi)\b|\b(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|dac khu)$")


def _central(key: str) -> bool:
    # 'UBND các tỉnh, thành phố trực thuộc trung ương': the provinces' own bodies, directly under the centre
    key = key.replace("truc thuoc trung uong", "")
    return bool(_CENTRAL.search(key)) and not (key.startswith("bo ") and _LOCAL_BO.search(key))


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
_PLACE_GOES_ON = ("hoi", "tran", "khu", "pho", "truc", "thuoc", "trung", "uong")


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


def _chunk_end(tokens: list[str], i: int, separator: str, items: list) -> int:
    """Where a name the registry does not know, starting at ``tokens[i]``, ends: at a separator, before
    the verb or other words that start what the unit does, after a 'who:' colon."""
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


# Words closed by a head noun's word, which is then no head noun: 'Quốc phòng', 'Văn phòng', 'Xã hội'.
_COMPOUNDS_OF_HEADS = frozenset({"quoc phong", "van phong", "bien phong", "du phong", "xa hoi", "quoc hoi", "co so"})


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


def _title_spellings(written: str) -> list[str]:
    """A title as written and, when it is written with the honorific ('Đồng chí Bí thư Tỉnh ủy'), the title
    itself ('Bí thư Tỉnh ủy'): the post is named either way."""
    alias = " ".join(written.split())
    bare = re.sub(r"^(?:đồng chí|đ/c)\s+", "", alias, flags=re.IGNORECASE)
    return [alias] if bare == alias or not bare else [alias, bare]


def _unit_of_title(title: re.Match[str]) -> str:
    """The unit a person's title names ('Phó Chủ tịch UBND tỉnh': 'UBND tỉnh'), or '' when it names
    none ('Trưởng ban', 'Cán bộ phụ trách lĩnh vực ...': the issuing unit's)."""
    named = _SECOND_TITLE.split(title["rest"])[0].strip(" ,.;:")
    named = re.sub(r"\s*\bthường trực$", "", named, flags=re.IGNORECASE)
    if norm(named) in ("ban", "phong", "tieu ban", "to") or not norm(named).startswith(_HEADS):
        return ""
    return named


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


def _listing_goes_on(match: Match, tokens: list[str], end: int) -> bool:
    """A group the registry knows ('Các đoàn thể') followed by ', <lower-case kind>' ('tổ chức xã hội'):
    the group written is the longer list, one group, not the registry's group and another."""
    return (
        fold(match.written).startswith(("cac ", "nhung "))
        and end + 1 < len(tokens)
        and tokens[end] == ","
        and tokens[end + 1][:1].islower()
        and fold(tokens[end + 1]) not in ("cac", "nhung", "va", "hoac")
        and not norm(" ".join(tokens[end + 1 : end + 3])).startswith(_HEADS)  # ', địa phương': another group
        and not _VERBS.match(" ".join(tokens[end + 1 : end + 5]))
    )


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


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\s,;]+|[,;]", text)


def _heads_of_kinds(tokens: list[str], i: int, title: bool = True) -> int | None:
    """Where a person's title over bare kinds of body ('Người đứng đầu cấp ủy, cơ quan, đơn vị', 'Thủ
    trưởng cơ quan, đơn vị') ends, starting at ``tokens[i]`` (without ``title``, where the kinds
    starting there end); None when the words are not so. Two kinds or more, listed with ',' or 'và'."""
    k = i
    if title:
        title = PERSON_TITLE.match(_join(tokens[i : i + 8]))
        if title is None or not title["rest"].strip():
            return None
        k = i + len(_join(tokens[i : i + 8])[: title.start("rest")].split())
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


def _is_separator(token: str) -> bool:
    return token in (",", ";") or fold(token) in ("va", "hoac")


def _join(tokens: list[str]) -> str:
    return " ".join(tokens).replace(" ,", ",").replace(" ;", ";")


def _variants(key: str, province: str | None) -> list[str]:
    """A key with and without the province name and a trailing 'tinh', and without 'cơ quan'."""
    out = [key]
    if province:
        p = norm(province)
        for suffix in (f" tinh {p}", f" thanh pho {p}", f" {p}"):
            if key.endswith(suffix):
                out.append(key[: -len(suffix)])
                out.append(key[: -len(suffix)] + " tinh")
    if key.endswith(" tinh"):
        out.append(key[: -len(" tinh")])
    for prefix in ("co quan ", "uy ban "):
        if key.startswith(prefix) and len(key) > len(prefix) + 8:
            out.append(key[len(prefix) :])
    return out


def _without_province(name: str, province: str | None) -> str:
    text = name
    if province:
        text = re.sub(rf"\s+(?:tỉnh\s+|thành phố\s+)?{re.escape(province)}\s*$", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+tỉnh$", "", text, flags=re.IGNORECASE) or name


def _swap_prefix(unit_id: str, province: str | None, slug: str | None, city: bool = False) -> str:
    old = slugify(province) if province else ""
    if old and slug and unit_id.startswith(old + "-"):
        rest = unit_id[len(old) :]
        if city:  # 'binh-thuan-tinh-uy' -> 'ho-chi-minh-thanh-uy', '...-ubnd-tinh' -> '...-ubnd-thanh-pho'
            rest = re.sub(r"-tinh(?=-|$)", "-thanh-pho", rest.replace("-tinh-uy", "-thanh-uy"))
        return slug + rest
    return unit_id


def _swap_province(name: str, old: str | None, new: str | None, city: bool = False) -> str:
    """A unit's name for another province; for a centrally-run city, its words for the city: 'Tỉnh ủy
    Bình Thuận' -> 'Thành ủy Thành phố Hồ Chí Minh', 'Sở Nội vụ tỉnh Bình Phước' -> 'Sở Nội vụ thành
    phố Hồ Chí Minh'."""
    if not (old and new):
        return name
    if not city:
        return re.sub(re.escape(old), new, name)
    name = re.sub(
        rf"\b(?:(tỉnh)|(Tỉnh))\s+{re.escape(old)}", lambda m: ("thành phố " if m[1] else "Thành phố ") + new, name
    )
    name = re.sub(rf"(?<!phố )(?<!Phố ){re.escape(old)}", f"Thành phố {new}", name)
    return _as_city(name)


def _as_city(name: str) -> str:
    """A province's words for its bodies said of a centrally-run city: 'Tỉnh ủy' -> 'Thành ủy', 'UBND
    tỉnh' -> 'UBND thành phố'."""
    name = re.sub(r"\b(T|t)ỉnh\s+(ủy|uỷ)\b", lambda m: ("T" if m[1] == "T" else "t") + "hành " + m[2], name)
    return re.sub(r"\b(T|t)ỉnh\b", lambda m: ("T" if m[1] == "T" else "t") + "hành phố", name)


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
}
# Tone placement differs between spellings in use ("uỷ"/"ủy", "hoà"/"hòa"): one form for matching.
_OLD_TONES = (("uỷ", "ủy"), ("uý", "úy"), ("uỳ", "ùy"), ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oạ", "ọa"))

# Words of a person inside what was read as a unit's name: a unit is never named with them.
_PERSON_INSIDE = re.compile(r"(?:^|\s)(?:đồng chí|đ/c)\s|^(?:ông|bà)\.?\s|(?:ủy|uỷ)\s+viên\b", re.IGNORECASE)
# Members of a body named by their post ('các đồng chí Ủy viên Ban Thường trực Ủy ban MTTQ xã'): people
# of the body they sit on, written for it as its leadership is.
_MEMBER_OF = re.compile(r"^(?:các\s+)?(?:(?:đồng chí|đ/c)\s+)?(?:ủy|uỷ)\s+viên(?P<rest>\s.*)$", re.IGNORECASE)
# The competent authority ('các cơ quan có thẩm quyền', 'cấp có thẩm quyền', 'cơ quan nhà nước có thẩm
# quyền'): whichever body the law makes competent for the matter; it names no body to record.
_COMPETENT = re.compile(
    r"^(?:các\s+|những\s+)?(?:cơ quan|cấp|bộ phận)(?:\s+(?:nhà nước|chức năng))?\s+có\s+thẩm\s+quyền\b", re.IGNORECASE
)
# A bracket after a name that says what the name covers, not part of it.
# The abbreviation a document gives a name the first time it writes it ('Sở Khoa học và Công nghệ (KH&CN)',
# 'Ban Dân vận Tỉnh ủy (BDVTU)'): capitals, digits and '&', '-', '.', '/', at least two capitals; not a
# Roman number ('(II)').
_ABBREVIATION = re.compile(rf"\s*\((?![IVXLC]+\))(?=(?:[^()]*[{UPPER}]){{2}})[{UPPER}0-9&.\-/]{{2,12}}\)")
_CLARIFIED = re.compile(r"\s*\((?:bao gồm|gồm|kể cả|trong trường hợp|nếu có)\b[^()]*\)\s*$", re.IGNORECASE)
# A second title held by the same person ("Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban"): the unit
# a title names ends before it.
_SECOND_TITLE = re.compile(
    r"\s+-\s+(?=(?:phó\s+)?(?:trưởng|ủy viên|uỷ viên|thành viên|thư ký|bí thư|chủ tịch|giám đốc|tổ trưởng)\b)",
    re.IGNORECASE,
)


def _marked_key(name: str) -> str:
    """A name lower-cased with its marks kept (so 'trưởng' and 'trường' stay apart), abbreviations
    expanded, one tone placement."""
    words = [_MARKED_ABBREVIATIONS.get(w, w) for w in " ".join(name.lower().split()).split(" ")]
    text = " ".join(words)
    for old, new in _OLD_TONES:
        text = text.replace(old, new)
    return text


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


def guess_kind(name: str) -> UnitKind:
    """The kind a unit name suggests, read with its marks (never from accent-folded letters:
    'trưởng' and 'trường' fold alike); a group for plural or vague names."""
    key = _marked_key(name)
    if key.startswith(("các ", "những ", "toàn thể", "từng ")):
        return UnitKind.GROUP
    for heads, kind in _KINDS_MARKED:
        if any(key.startswith(h) for h in heads):
            return kind
    return UnitKind.GROUP
