"""Names as written matched against the catalogue of units, and the units an import proposes."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..model import Unit, UnitKind
from ..text import fold, slugify
from .forms import PERSON_TITLE as PERSON_TITLE
from .name_ends import (
    _INNER_VERB,
    _TOPIC_BODY,
    _VERB_START,
    _chunk_end,
    _kinds_joined,
    _members_end,
    _name_ends,
    _one_office,
    _opens_other_body,
    _side_by_side,
    _topic_end,
)
from .name_shape import (
    _BARE,
    _KIND_ONLY,
    _MEMBERS_OF,
    GENERIC_GROUP,
    _heads_of_kinds,
    _kinds_run,
    bare_kinds,
    names_members,
    odd_name,
    opens_with_head,
)
from .names import (
    _HEADS,
    _LEVELS,
    BODY_HEADS,
    COMMITTEE_OF_BLOC,
    _is_separator,
    _join,
    _marked_key,
    _tokens,
    guess_kind,
    norm,
)
from .names import central as _central
from .places import cap_id, place_slug
from .source import LOWER, UPPER
from .verbs import OPENS_WORK as _VERBS


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


# Head nouns of an issuer that names its own parts by them ('Văn phòng Ban', 'Lãnh đạo Sở', 'Thanh tra Sở').
_OWN_HEADS = frozenset({"ban", "sở", "cục", "vụ", "phòng", "tổ", "tiểu"})


class Registry:
    """The units of the repository, indexed by matching key, with proposals made during one import."""

    def __init__(self, units: dict[str, Unit], province: str | None, locality: str | None = None) -> None:
        self.units = units
        self.province = province
        self.province_slug = place_slug(province) if province else None
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

    @property
    def own_head(self) -> tuple[str, str]:
        """The issuer's head noun and the word after it, with their marks ('ban', 'dân' for 'Ban Dân vận
        Tỉnh ủy'), when the issuer is a body that names its own parts by it ('Văn phòng Ban', 'Lãnh đạo Sở')."""
        words = [_marked_key(w) for w in (self.issuer_name or "").split()[:2]]
        if len(words) < 2 or words[0] not in _OWN_HEADS:
            return "", ""
        return words[0], words[1]

    def _issuers_part(self, name: str) -> str | None:
        """'Văn phòng Ban', 'Lãnh đạo Sở', 'Thanh tra Sở' in a plan the Ban or the Sở issues: a part of the
        issuer named by the issuer's own head noun; its name with the issuer's whole name, or None."""
        words = name.split()
        head = self.own_head[0]
        if not head or len(words) < 2 or not words[-1][:1].isupper() or _marked_key(words[-1]) != head:
            return None
        return " ".join([*words[:-1], self.issuer_name or ""])

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
        if (part := self._issuers_part(match.written)) is not None:
            # 'Lãnh đạo Ban' known as another province's Ban's leadership: here it is this issuer's own
            return self._part_of_issuer(match.written, part)
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

    def _part_of_issuer(self, written: str, name: str) -> Match:
        """The issuer's own office or leadership ('Văn phòng Ban' for 'Văn phòng Ban Dân vận Tỉnh ủy'): the
        registry's unit of that name, or a proposal keeping the words as written among its aliases."""
        found = self.lookup(name, close_ok=False)
        if found is not None and found.unit is None:
            found = self.commit(found)
        if found is None or found.unit is None:
            found = self.propose(name)
        if found.unit in self.proposed:
            self._alias(found.unit, written)
        return Match(written, found.unit, found.proposed, found.doubt)

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
            j = _chunk_end(tokens, i, separator, items, self.own_head)
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
            # 'báo cáo UBND tỉnh ...': a word of work whose letters fold to a head word's ('Báo') is no name
            head = key.startswith(_HEADS) and opens_with_head(" ".join(chunk))
            if (_VERB_START.match(chunk[0]) or opens_verb or manner) and not head:
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
            prefix = place_slug(province) if province else "chung"
        local = re.search(r"\b(?:huyện|Huyện ủy|Huyện uỷ|thị xã|Thị ủy|quận|Quận ủy)$", name)
        if local and self.locality and not generic:
            name = f"{name} {self.locality}"  # "Ủy ban nhân dân huyện" of a district plan: that district's
            prefix = f"{prefix}-{place_slug(self.locality)}"
        base = name
        if local and self.locality and not generic:
            base = name[: -len(self.locality) - 1]
        short = _without_province(base, self.province)
        unit_id = cap_id(f"{prefix}-{slugify(short)}")
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
        unit_id = cap_id(f"{place_slug(province) if province else 'chung'}-{slugify(leaders)}")
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
    old = place_slug(province) if province else ""
    if old and slug and unit_id.startswith(old + "-"):
        rest = unit_id[len(old) :]
        if city:  # 'binh-thuan-tinh-uy' -> 'ho-chi-minh-thanh-uy', '...-ubnd-tinh' -> '...-ubnd-thanh-pho'
            rest = re.sub(r"-tinh(?=-|$)", "-thanh-pho", rest.replace("-tinh-uy", "-thanh-uy"))
        return cap_id(slug + rest)
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
