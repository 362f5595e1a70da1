"""Who a plan names: units read from label values and text, settled against the registry,
the scope of a unit's records, and the units the import proposes for the registry."""

from __future__ import annotations

import re
from typing import Any

from ..index import Index
from ..kinds import Kind
from ..model import UnitKind
from ..model.docnumber import DocNumberError, parse_doc_number
from ..text import fold
from .outcome import Draft, Outcome
from .places import place_slug
from .source import UPPER
from .units import BODY_HEADS, COMMITTEE_OF_BLOC, PERSON_TITLE, Match, Registry, bare_kinds, norm

# Staff named by their post: people doing the work, not a body and not its leadership.
_STAFF = re.compile(r"^(?:cán bộ|công chức|viên chức|chuyên viên|nhân viên)\b", re.IGNORECASE)
# Where a new unit's name plainly starts inside one part of a ';' list: a capital after a comma.
_NEW_NAME = re.compile(rf",\s*(?=[{UPPER}])")
# A party organ of several bodies, named with a comma: the party committee of the Front and the
# mass organisations, not the committee and the organisations.
_PARTY_ORGAN_OF = re.compile(
    r"^(?:Đảng (?:ủy|uỷ)|Đảng đoàn|Ban cán sự đảng|Chi bộ)\s[^,]+,\s*các\s[^,]+$", re.IGNORECASE
)

# Who a heading gives work to, named as a group of bodies rather than a body: 'các tổ chức, doanh
# nghiệp ...', 'đối tượng thực hiện kiểm kê', 'đơn vị được kiểm tra'.
_GROUP_OF_BODIES = re.compile(
    r"^(?:(?:các|những)\s+)?(?:tổ chức|doanh nghiệp|cơ quan|đơn vị|cơ sở|hộ gia đình|chủ đầu tư|"
    r"đối tượng(?=\s+(?:thực hiện|được|tham gia|phải))(?!\s+[^,]*,\s*nội dung))\b",
    re.IGNORECASE,
)
# Words saying the work is done with other units: 'phối hợp (chặt chẽ) (với) Y', 'trao đổi (thông tin)
# với Y', 'phối hợp, trao đổi với Y'.
_WORKS_WITH = re.compile(
    r"\b(?:[Pp]hối hợp(?:\s+chặt chẽ)?(?:\s*,\s*trao đổi(?:\s+thông tin)?)?(?:\s+với)?"
    r"|[Tt]rao đổi(?:\s+thông tin)?(?:\s+thường xuyên)?\s+với)\s+"
)
# What a unit does, inside a phrase read as who: then it is a sentence, not a name.
_VERB_INSIDE = re.compile(r"\s(?:chủ trì|phải|cần|có trách nhiệm|chịu trách nhiệm|thực hiện nghiêm)\s")


class UnitSteps:
    """The steps of a plan's drafting that read and settle units (a part of the plan builder)."""

    registry: Registry
    index: Index
    outcome: Outcome

    def add_code(self, unit_id: str | None, code: str | None) -> None:
        proposed = self.registry.proposed.get(unit_id or "")
        if proposed and code and code not in proposed.codes:
            proposed.codes.append(code)

    def scope_of_number(self, number: str | None) -> str:
        """Id prefix of a document whose issuer is not known: central for central codes, else this province."""
        codes: tuple[str, ...] = ()
        if number:
            try:
                codes = parse_doc_number(number).issuers
            except DocNumberError:
                codes = ()
        if any(re.fullmatch(r"TW|BCT|BBT|CP|TTg|QH\d*|UBTVQH\d*|BDVTW|BTGTW|BTCTW|VPTW|UBKTTW", c) for c in codes):
            return "tw"
        return self.registry.province_slug or "chung"

    def scope_of(self, unit_id: str) -> str:
        """Id prefix of records issued by a unit: its province's slug, or 'tw' for central bodies."""
        province = self.registry.province_of(unit_id)
        if province:
            return place_slug(province)
        return "tw" if not unit_id.startswith("chung-") else (self.registry.province_slug or "chung")

    def coordinating_in(self, text: str) -> list[Match]:
        """Units the text says the work is done with: 'Phối hợp Ban Cán sự đảng UBND tỉnh tổng kết ...',
        '... phối hợp với các đảng đoàn, ban cán sự đảng rà soát ...', '... trao đổi với Sở Tư pháp để ...'.
        Only names that read as units' names (known, or opening with a unit's head word), followed by
        what they do."""
        for found in _WORKS_WITH.finditer(text):
            matches, rest = self.registry.split(text[found.end() :])
            if matches and rest and all(m.named for m in matches):
                return matches
        return []

    def units_of_who(self, who: str) -> list[Match]:
        """The units a 'who: work' opening or a heading over the work names ('Đồng chí Phó Trưởng ban -
        Ủy viên: ...', '5. Ban công tác Mặt trận các thôn'), when it is only names of units, names that
        read as bodies' names (proposed, flagged), or titles of people (each the leadership of the
        unit it names; a title that goes on with what the person is in charge of, 'Phó Chủ tịch phụ
        trách ...', is one title). Staff ('Cán bộ phụ trách lĩnh vực ...', 'Chuyên viên ...') are
        neither a unit nor a leadership: nothing is read, the caller flags the lead."""
        if _STAFF.match(who):
            return []
        matches, rest = self.registry.split(who)
        if matches and not rest.strip(" .,;:") and all(m.usable or m.named for m in matches):
            return matches
        title = who.strip(" .,;:")
        if PERSON_TITLE.match(title) and not re.search(r"[;,]|\s-\s", title) and len(title) <= 120:
            return [Match(title, None, True)]
        if _GROUP_OF_BODIES.match(title) and len(title) <= 120 and not _VERB_INSIDE.search(title):
            # 'Trách nhiệm của các tổ chức, doanh nghiệp hoạt động trong lĩnh vực ...', '... của đối tượng
            # thực hiện kiểm kê': the words name who, a group the registry cannot hold; one group, proposed
            return [Match(title, None, True, generic=fold(title).startswith(("cac ", "nhung ")))]
        return []

    def units_in(self, value: str) -> tuple[list[Match], list[Match], str]:
        """Units named in a label value; units in a bracket that 'tham mưu' are advisers."""
        helpers: list[Match] = []
        text = value.strip().rstrip(".;")

        def bracket(match: re.Match[str]) -> str:
            inner = match[1]
            advise = re.search(r"\s*(?:phối hợp\s+)?(?:tham mưu|giúp việc)\s*$", inner, re.IGNORECASE)
            if advise:
                found, _ = self.registry.split(inner[: advise.start()])
                helpers.extend(found)
            return " "

        text = re.sub(r"\(([^()]*)\)", bracket, text)
        text = re.sub(r"\s+,", ",", " ".join(text.split())).strip(" ,")
        if ";" in text or COMMITTEE_OF_BLOC.match(text):  # a list written with ';': commas belong to names
            matches, rest = self.units_by_part(text)
            return matches, helpers, rest
        matches, rest = self.registry.split(text)
        return matches, helpers, rest

    def units_by_part(self, text: str) -> tuple[list[Match], str]:
        """'Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy UBND tỉnh': a list written with ';'.
        A part the registry reads as one name is that unit. Otherwise the part is cut where a new
        name plainly starts (a capital after a comma) and each piece read as the registry splits it,
        when its names read as units' names; a piece that does not is one proposed name. What
        follows the names ('Sở Nội vụ chủ trì tham mưu ...') is returned, not named."""
        out: list[Match] = []
        rests: list[str] = []
        for part in (p.strip(" ,.") for p in text.split(";")):
            if not part:
                continue
            whole = self.registry.lookup(part)
            if whole is not None:
                out.append(whole)
                continue
            if bare_kinds(part):  # 'Viện, Trường': kinds of body listed bare, one group
                out.append(Match(part, None, True, generic=True))
                continue
            for piece in _pieces(part):
                if not piece:
                    continue
                if _PARTY_ORGAN_OF.match(piece):  # 'Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh': one committee
                    out.append(self.registry.lookup(piece) or Match(piece, None, True))
                    continue
                matches, rest = self.registry.split(piece)
                if matches and all(m.named for m in matches):
                    out.extend(matches)
                    if rest:
                        rests.append(rest)
                elif not rest:
                    out.append(Match(piece, None, True))
                else:
                    rests.append(piece)
        return out, "; ".join(rests)

    def settle(self, matches: list[Match], draft: Draft, key: str) -> list[str]:
        out: list[str] = []
        for match in matches:
            settled = self.commit(match, draft, key)
            if settled.unit and settled.unit not in out:
                out.append(settled.unit)
        return out

    def commit(self, match: Match, draft: Draft | None, key: str = "") -> Match:
        settled = self.registry.commit(match)
        if draft is not None and settled.doubt:
            draft.doubt(key, settled.doubt)
        if settled.unit and not settled.proposed and settled.unit not in self.outcome.linked_units:
            self.outcome.linked_units.append(settled.unit)
        return settled

    def unit_keys(self, unit_id: str) -> list[str]:
        """Matching keys of a unit's names, each also without the province ('tinh uy' for Tỉnh ủy Lào Cai)."""
        unit: Any = self.index.units.get(unit_id) or self.registry.proposed.get(unit_id)
        if unit is None:
            return []
        keys = []
        for name in [unit.name, *unit.short_names]:
            key = norm(name)
            keys.append(key)
            for place in {norm(self.registry.province or ""), norm(unit.province or "")} - {""}:
                if key.endswith(" " + place):
                    keys.append(key[: -len(place) - 1])
        return keys

    def central_committee(self) -> str:
        match = self.registry.lookup("Ban Chấp hành Trung ương Đảng")
        if match and match.unit:
            return match.unit
        return self.commit(Match("Ban Chấp hành Trung ương Đảng", None, True), None).unit  # type: ignore[return-value]

    def codes_of(self, unit_id: str) -> list[str]:
        if unit_id in self.index.units:
            return list(self.index.units[unit_id].codes)
        proposed = self.registry.proposed.get(unit_id)
        return list(proposed.codes) if proposed else []

    def prefer_committee(self, ids: list[str]) -> str:
        def rank(unit_id: str) -> int:
            unit = self.index.units.get(unit_id)
            kind = unit.kind if unit else None
            return 0 if kind is UnitKind.PARTY_COMMITTEE else 1

        return sorted(ids, key=rank)[0]

    def finish_units(self) -> None:
        for proposed in self.registry.proposed.values():
            if proposed.id in self.index.units:
                continue
            data: dict[str, Any] = {"id": proposed.id, "name": proposed.name}
            if proposed.short_names:
                data["short_names"] = proposed.short_names
            if proposed.aliases:
                data["aliases"] = proposed.aliases
            if proposed.codes:
                data["codes"] = proposed.codes
            data["kind"] = proposed.kind.value
            if proposed.generic:
                data["generic"] = True
            if proposed.parent and (proposed.parent in self.index.units or proposed.parent in self.registry.proposed):
                data["parent"] = proposed.parent
            if proposed.province:
                data["province"] = proposed.province
            draft = Draft(Kind.UNIT, data)
            draft.doubt("", proposed.why)
            if proposed.model is None:
                draft.doubt("kind", "loại đơn vị đoán từ tên; kiểm tra lại")
            self.outcome.units.append(draft)


# ---------------------------------------------------------------- helpers


def _pieces(part: str) -> list[str]:
    """A part of a ';' list cut where a new name plainly starts (a capital after a comma). A comma inside
    one body's name belongs to a coordination closed by 'và' ('Sở Văn hóa, Thể thao và Du lịch', 'Báo
    và Phát thanh, Truyền hình tỉnh'): a piece that does not open with a unit's head word goes on with
    the name before it when either holds 'và' ('Sở Y tế, Điện lực tỉnh' are two)."""
    out: list[str] = []
    for piece in (p.strip(" ,.") for p in _NEW_NAME.split(part)):
        joined = " và " in out[-1] or " và " in piece if out else False
        if piece and joined and not norm(piece).startswith(BODY_HEADS):
            out[-1] = f"{out[-1]}, {piece}"
        elif piece:
            out.append(piece)
    return out
