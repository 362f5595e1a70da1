"""Who an item names: a unit before a colon, the subject of its sentence, a unit given the work ('Giao X ...')."""

from __future__ import annotations

import re

from ...text import fold
from .. import verbs
from ..source import LOWER, UPPER, label_of
from ..units import PERSON_TITLE, Match, Registry, org_opening
from .model import Item, LabelLine
from .patterns import FIELD_POINT, POINT_MARK, end_mark
from .timeframes import OPENING, time_in_text

# Words a sentence's subject opens with when it names bodies or people in general ('Cơ quan, tổ chức,
# đơn vị có người ứng cử cung cấp ...', 'Các đơn vị ...', 'Người đứng đầu ...').
_BODY_WORD = re.compile(r"^(?:Cơ quan|Đơn vị|Tổ chức|Các|Những|Người|Cá nhân|Doanh nghiệp)\b")


# Bodies named before a colon, then their work: 'Sở X: ...', 'Đề nghị X, Y và Z: ...', 'Chỉ đạo X và Y: ...' (a
# committee's report directing its bodies: the bodies named do the work)
_BODIES_COLON = re.compile(rf"^(?:(?:Đề nghị|Giao|Chỉ đạo)\s+)?(?P<who>[{UPPER}a-zđ][^:;.()]{{2,160}}?)\s*:\s+(?=\S)")


# Who, then a colon and the work, in a work part: 'Sở Xây dựng: ...'; 'Chỉ đạo UBND xã và các tổ chức chính trị -
# xã hội: ...' (a committee directing its bodies: they do the work).
_WHO_FIRST = re.compile(
    rf"^(?P<to>(?:Chỉ đạo|Giao|Đề nghị)\s+(?=[{UPPER}]|các\s))?(?P<who>[^:;.()]{{3,90}}?)\s*:\s+(?=\S)"
)


_INLINE_LABELS = re.compile(
    r"[(;.]\s*(?:Cơ quan chủ trì|Đơn vị chủ trì|Chủ trì|Thời gian thực hiện|Thời gian hoàn thành)\s*:", re.IGNORECASE
)


_VERB = re.compile(rf"^[{LOWER}]")


# A unit, a dash, and its role in a body the plan sets up: "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo".
_UNIT_ROLE = re.compile(
    r"^(?P<unit>.+?)\s+[-–]\s+(?:Cơ quan (?:thường trực|chủ trì|đầu mối)|Thường trực|Thành viên|Ủy viên|Uỷ viên|"
    r"Trưởng ban|Phó Trưởng ban|Tổ trưởng|Thư ký)\b[^,;:]*$"
)


# A lead-in heading that opens with work ('Ban hành các Nghị quyết ...:', 'Tập trung lãnh đạo, chỉ đạo thực
# hiện:') names what its points are, not who does them; a word of work before a name ('Lãnh đạo Ban'), one that
# gives work ('Giao', 'Đề nghị', 'Yêu cầu') or states a role ('Chủ trì', 'Phối hợp') is not one.
_NOT_OPENING_WORK = ("giao", "đề nghị", "yêu cầu", "chủ trì", "phối hợp", "tham mưu", "phụ trách", "chịu trách nhiệm")


OPENS_WITH_WORK = re.compile(
    rf"^(?i:{verbs.alternation([w for w in (*verbs.WORK, *verbs.MANNER) if w not in _NOT_OPENING_WORK])})\b"
    rf"(?!\s+[{UPPER}])"  # case-sensitive: 'Lãnh đạo Ban' names who
)


# An item that names who leads it in a closing bracket: '(Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý
# II/2026)', '(Giao Hội đồng nhân dân xã chủ trì, phối hợp với ...)', '(Giao Ủy ban Kiểm tra phối hợp với Văn
# phòng tham mưu ...)'. (A PDF's text may lose the space in 'chủ trì'.)
_GIVEN_IN_BRACKETS = re.compile(
    r"\(\s*(?:Giao|giao)\s+(?P<who>[^()]{3,100}?)\s+(?:chủ\s*trì|phối\s*hợp|tham\s*mưu|thực\s*hiện)\b[^()]*\)\s*[.;]?\s*$"
)


# A bullet that says who leads it: its subject is the lead even where a group's block governs.
_SAYS_LEAD = re.compile(rf"^[{UPPER}][^,;:.()]{{2,100}}?\s(?:chủ trì|chịu trách nhiệm|có trách nhiệm)\b")


# An organisation's name, for a subject the registry does not know: "Ủy ban nhân dân huyện chỉ đạo ..."
_ORG_NAME = re.compile(rf"^(?:{org_opening(organs_only=True)}|(?:{org_opening()})\s+[{UPPER}])")


# What may open a sentence before its subject, in a chain: a cadence ("Hằng năm, "), a ground or a
# point in time ("Căn cứ ..., ", "Sau hội nghị hiệp thương lần thứ hai, trên cơ sở danh sách ..., "), the
# field the point fills ("Nội dung: "), the case it is about ("Đối với vụ việc ở khu dân cư thì ").
SUBJECT_OPENING = re.compile(
    rf"^(?:{POINT_MARK}\s+)?"  # a number written in the paragraph ('(ii) Chủ đầu tư phối hợp ...')
    r"(?:Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*,\s*)?"  # a point counted in words ('Thứ hai, Bộ X ...')
    r"(?:(?:Nội dung|Nhiệm vụ|Công việc)\s*:\s*)?"
    r"(?:(?:(?:Hằng|Hàng)\s+(?:năm|quý|tháng)"
    r"|(?:Căn cứ|Trên cơ sở|Sau khi|Sau|Trước khi|Khi|Ngay sau khi)\b[^,;:]{3,150}),\s*)*"
    r"(?:Đối với\s[^;:]{3,150}?,?\s+thì\s+)?",
    re.IGNORECASE,
)


# "Đối với các vụ việc khiếu kiện đông người thì các phòng thuộc Ban có trách nhiệm ...": the case, then
# who is given the work in it, then the work; who is named though the words may not read as units.
FOR_CASE = re.compile(
    r"^Đối với\s[^;:]{3,150}?,?\s+thì\s+(?P<who>[^,;:.()]{3,120}?)\s+"
    r"(?:có trách nhiệm|chịu trách nhiệm|chủ trì|chủ động|phối hợp|tham mưu|thực hiện|tổ chức|phải|cần)\b"
)


# Verbs that end a name the registry does not know and go on with the sentence ('Ban Thường trực UBMTTQ
# xã trao đổi với cơ quan ...'): the name is cut before them. Words that are also nouns in names ('Đoàn
# kiểm tra', 'các cơ quan, tổ chức') are left out.
_CUT_VERB = verbs.CUT_NAME


# What a group is told to do when it is only to carry the plan out: "(căn cứ Kế hoạch này) chủ động
# triển khai thực hiện", "căn cứ Chỉ thị ... để tổ chức thực hiện kế hoạch này".
_CARRY_OUT = re.compile(
    r"^(?:(?:căn cứ|theo)\s+[^,;]{0,120}?\s+)?(?:để\s+)?(?:(?:chủ động|nghiêm túc|khẩn trương)\s+)*"
    r"(?:(?:tổ chức|triển khai)\s+)*thực hiện(?:\s+(?:tốt|nghiêm túc|có hiệu quả|hiệu quả))?"
    r"(?:\s+(?:kế hoạch|chương trình)(?:\s+này)?)?\s*[.;]?$"
    # a decision's closing article: '(Chánh Văn phòng ..., Giám đốc các sở) chịu trách nhiệm thi hành Quyết định này'
    r"|^(?:(?:chịu|có)\s+trách nhiệm\s+)?(?:tổ chức\s+)?thi hành\s+(?:quyết định|chỉ thị|nghị quyết)\s+này\s*[.;]?$",
    re.IGNORECASE,
)


def only_carry_out(text: str, subject: str) -> bool:
    at = text.find(subject)
    return at >= 0 and _CARRY_OUT.match(text[at + len(subject) :].strip(" ,")) is not None


# The group a closing sentence calls on, after its ground ('Căn cứ ý kiến chỉ đạo trên, các cơ quan, đơn vị liên quan
# nghiêm túc triển khai thực hiện./.').
_CALLED_GROUP = re.compile(
    r"^(?:(?:Căn cứ|Trên cơ sở)\s[^,;:]{3,150},\s*)?(?P<who>(?:[Cc]ác|[Nn]hững|[Mm]ọi)\s[^.;:]{3,150}?)\s+"
    r"(?=(?:chủ động|nghiêm túc|khẩn trương|tổ chức|triển khai|thực hiện)\b)"
)


def calls_all(text: str) -> bool:
    """A closing sentence that calls on a group only to carry the document out, no work of its own."""
    found = _CALLED_GROUP.match(text)
    return found is not None and only_carry_out(end_mark(text), found["who"])


# Verbs that end a unit's name in a sentence: a name the registry does not know that holds one ran on
# into the sentence ('Ban Thường trực UBMTTQ xã trao đổi với cơ quan').
VERB_IN_NAME = verbs.IN_NAME


def _unit_like(written: str) -> bool:
    """A name the registry does not know reads as a unit: it opens with an organisation's word and
    holds no verb of the sentence."""
    return bool(_ORG_NAME.match(written)) and VERB_IN_NAME.search(written) is None


def body_like(written: str) -> bool:
    """Words that open as a body's or a post's name ('Sở Xây dựng', 'Chủ tịch Ủy ban nhân dân các xã')."""
    return bool(_ORG_NAME.match(written) or PERSON_TITLE.match(written))


def reads_as_body(match: Match) -> bool:
    """A name read from the text denotes bodies: known, a group ('các tổ chức chính trị - xã hội tỉnh'), or
    written as an organisation's name."""
    return match.named or _unit_like(match.written) or fold(match.written).startswith(("cac ", "nhung "))


# Verbs that follow the subject of a sentence giving work ('Thủ trưởng các sở, ban, ngành ... chịu trách
# nhiệm ...', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổng hợp, trình ...').
_WORK_VERB = verbs.AFTER_SUBJECT


_SUBJECT_VERB = re.compile(rf"^(?P<who>[^.;:()]{{3,160}}?)\s+{_WORK_VERB}\b")


# The scope a subject acts in, written between it and its verb: ', trong phạm vi nhiệm vụ, quyền hạn được giao, ',
# ', theo chức năng, nhiệm vụ của mình, '.
_SCOPE = re.compile(
    r",\s*(?:trong phạm vi|theo|căn cứ(?: vào)?|trên cơ sở)\s+(?:[^,;:().]{0,40}?\s)?"
    r"(?:chức năng|nhiệm vụ|quyền hạn|thẩm quyền)\b[^;:().]{0,80}?\s(?:được giao|của mình|theo quy định|được phân công)"
    r"\s*,\s*"
)


def subject_words(text: str) -> str | None:
    """The subject of a sentence that gives work to bodies or people it names though they are not read
    as units: the words before its verb, when they open as a body's or a post's name."""
    if (case := FOR_CASE.match(text)) and not fold(case["who"]).startswith(("ta ", "chung ta")):
        return case["who"].strip(" ,")  # 'Đối với X thì <who> có trách nhiệm ...': the sentence says who
    opening = SUBJECT_OPENING.match(text)
    rest = text[opening.end() :] if opening else text
    rest = _SCOPE.sub(" ", rest, count=1)
    found = _SUBJECT_VERB.match(rest)
    if found is None:
        return None
    who = found["who"].strip(" ,")
    if not (_ORG_NAME.match(who) or PERSON_TITLE.match(who)) or only_carry_out(text, who):
        return None  # 'Các phòng thuộc Ban ...': a call on the issuer's own staff stays the part's text
    if VERB_IN_NAME.search(who) or re.search(r"\bcac cap\b", fold(who)):
        return None  # 'Ban Dân vận các cấp ủy ...': a call on every level
    return who


# The words that give work to whom they name, at the opening of a point or a heading: 'Giao Sở X ...',
# 'Đề nghị: Hiệp hội ...', 'Tiếp tục yêu cầu các phòng thuộc Ban thực hiện ...:' (work assigned in a
# report's results or its programme is written this way).
ASSIGN = re.compile(
    r"^(?:Tiếp tục\s+)?(?:Giao|Đề nghị|Yêu cầu|Khuyến khích|giao|đề nghị|yêu cầu|khuyến khích)\s*:?\s+(?:cho\s+)?"
)


def _short_unit(written: str) -> bool:
    return _unit_like(written) and len(written.split()) <= 10 and "," not in written


# A role in brackets after a unit a heading names: '1. Sở Tài chính (cơ quan chủ trì)'.
_LEAD_MARK = re.compile(r"\s*\(\s*(?:(?:cơ quan|đơn vị)\s+)?(?:chủ trì|thường trực|đầu mối)\s*\)\s*:?$", re.IGNORECASE)
# Units, each followed by its role in brackets, opening an item: 'Sở Y tế (chủ trì), Sở Tài chính (phối hợp)
# tổ chức ...', 'Giao Văn phòng (chủ trì), ...'.
_MARKED_SUBJECT = re.compile(
    r"^(?:(?:Giao|Đề nghị|Yêu cầu)\s+)?(?P<lead>[^():;.]{3,120}?)\s*\(\s*(?:(?:cơ quan|đơn vị)\s+)?chủ trì\s*\)"
    r"\s*[,;]?\s*(?:(?P<helpers>[^():;.]{3,200}?)\s*\(\s*(?:(?:cơ quan|đơn vị)\s+)?phối hợp\s*\))?\s*[,;:]?\s*\S",
    re.IGNORECASE,
)


# Work written in the passive: 'X sẽ được Y làm ...'; 'X sẽ được giao ...' gives X the work.
# A topic written first, then a colon: what a conclusion is about, before the work it gives ('Về X: Giao Y ...').
_TOPIC = re.compile(r"^Về\s+[^:;]{3,300}?:\s*(?P<rest>\S.*)$")
_PASSIVE = re.compile(r"^(?P<what>[^,;:()]{3,160}?)\s+sẽ\s+được\s+(?P<rest>\S.*)$")
_GIVEN_TO = re.compile(r"^(?:giao|phân công|cử|chỉ định|yêu cầu|đề nghị)\b", re.IGNORECASE)
# What follows a subject that receives the work ('Phòng X (sẽ, đã) được hỗ trợ tài liệu ...').
_RECEIVES = re.compile(r"^(?:sẽ\s+|đã\s+|cũng\s+)?được\s+(?P<rest>\S.*)$")


def receives(rest: str) -> bool:
    """Whether the words after a sentence's subject say it receives the work ('sẽ được hỗ trợ kinh phí ...'),
    not that it is given it ('được giao chủ trì ...')."""
    found = _RECEIVES.match(rest.strip())
    return found is not None and not _GIVEN_TO.match(found["rest"])


# A ground (and a cadence) written between a subject and its verb: ', căn cứ Kế hoạch này, hằng năm '.
_NAME_WITH_GROUND = re.compile(r",\s*(?:căn cứ|trên cơ sở)\s", re.IGNORECASE)
_INSERTED_GROUND = re.compile(
    r",\s*(?:căn cứ|trên cơ sở)\s[^,;:()]{3,120},\s*(?:(?:hằng|hàng)\s+(?:năm|quý|tháng)\s*,?\s*)?", re.IGNORECASE
)


class Subjects:
    """Reads who an item names, against the registry of units."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def own_subject(self, text: str) -> bool:
        """The point opens with a name followed by what it does ('Cơ quan, tổ chức, đơn vị có người được
        giới thiệu ứng cử cung cấp ...'), though not read as units: it may name its own lead."""
        if _ORG_NAME.match(text) or _BODY_WORD.match(text) or PERSON_TITLE.match(text):
            return True
        matches, rest = self.registry.split(text)
        named = bool(matches) and (matches[0].known or _unit_like(matches[0].written))
        return named and bool(rest) and _VERB.match(rest) is not None

    def names_own_lead(self, text: str) -> bool:
        """A point that opens with the unit it gives work to: 'Sở Xây dựng: ...', 'Sở Tài chính phối hợp ...:'."""
        colon = re.match(r"^(?P<who>[^:;.()]{3,120}?)\s*:\s+(?=\S)", text)
        if colon is None:
            return False
        matches, _ = self.registry.split(colon["who"])
        return bool(matches) and (matches[0].known or bool(_ORG_NAME.match(colon["who"])))

    def heading_units(self, heading: str) -> list[Match]:
        """The units a heading names as a whole ("2. Sở Nông nghiệp và Môi trường", "Công an tỉnh:"):
        the work written under it is theirs. A heading that is only names of the registry, of
        organisations, or that ends with ':' (a lead-in naming who) counts; one with more words
        ("1. Công tác tuyên truyền") does not."""
        text = _LEAD_MARK.sub("", end_mark(heading).strip())  # "1. Sở Tài chính (cơ quan chủ trì)"
        text = re.sub(
            r"\s*(?:chủ trì|có trách nhiệm|chịu trách nhiệm|phối hợp|thực hiện)?\s*:?\s*$",
            "",
            text.rstrip(" .;:"),
            flags=re.I,
        )
        text = ASSIGN.sub("", text)  # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, ...", "1. Tiếp tục yêu cầu Sở X ...:"
        if not text or len(text) > 160 or OPENS_WITH_WORK.match(text):
            return []  # "1.2. Ban hành các Nghị quyết của ...:" names work ('Ban hành' is no 'Ban')
        if role := _UNIT_ROLE.match(text):
            text = role["unit"]  # "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": the unit, then its role
        matches, rest = self.registry.split(text)
        if not matches or not all(m.known or m.person or _ORG_NAME.match(m.written) for m in matches):
            return []  # "1.1. Trưởng Ban Chỉ đạo": a person's title stands for the leadership
        rest = rest.strip(" .,;:")
        if not rest or (heading.rstrip().endswith(":") and _VERB.match(rest)):
            return matches  # "2. Sở Nội vụ", "1. Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan ...:"
        return []

    def marked_roles(self, item: Item) -> None:
        """'Sở Y tế (chủ trì), Sở Tài chính, Sở Nội vụ (phối hợp) xây dựng ...': the item opens with units
        each followed by its role in brackets; the lead is its own, the helpers its own label."""
        found = _MARKED_SUBJECT.match(item.text)
        if found is None:
            return
        matches, rest = self.registry.split(found["lead"])
        if not matches or rest.strip(" ,;") or not all(reads_as_body(m) for m in matches):
            return
        item.lead, item.lead_how = matches, "colon"
        if found["helpers"]:
            item.own.append(LabelLine("coordinating", found["helpers"].strip(" ,;"), item.line))

    def passive(self, item: Item) -> bool:
        """'Các văn bản sẽ được Sở Tư pháp thẩm định ...': work written in the passive; the units after
        'sẽ được' do it and lead. What opens the sentence receives the work and does not lead ('Sở Y tế sẽ
        được hỗ trợ kinh phí ...'), unless it is given it ('Sở Y tế sẽ được giao chủ trì ...')."""
        found = _PASSIVE.match(item.text)
        if found is None or _GIVEN_TO.match(found["rest"]):
            return False
        matches, rest = self.split_subject(found["rest"])
        if matches and _VERB.match(rest) and all(reads_as_body(m) for m in matches):
            item.lead, item.lead_how = matches, "subject"
        item.passive = True
        return True

    def read_own(self, item: Item) -> None:
        text = item.text
        inline = _INLINE_LABELS.search(text)
        if inline and inline.start() > 20:
            for part in re.split(r";\s*(?=[^;]*:)", text[inline.start() :].strip(" ()")):
                if found := label_of(part.strip()):
                    item.own.append(LabelLine(found[0], found[1].strip().rstrip(" ).;").strip(), item.line))
            item.text = text = text[: inline.start()].rstrip(" (;,")
        self.marked_roles(item)
        passive = not item.lead and self.passive(item)
        if not item.lead and not passive and (colon := _WHO_FIRST.match(text)):
            matches, rest = self.registry.split(colon["who"])
            whole, after = self.registry.split(text)
            if whole and ":" in whole[-1].written and after:
                matches, rest = (
                    whole,
                    "",
                )  # 'UBND các thành phố: Hà Nội, Cần Thơ thực hiện ...': a group and its members
            known = [m for m in matches if m.known or _ORG_NAME.match(m.written) or (colon["to"] and reads_as_body(m))]
            if known and not rest and len(known) == len(matches):
                item.lead, item.lead_how = known, "colon"  # "Sở Xây dựng: hướng dẫn ...", "Chỉ đạo X và Y: ..."
        if not item.lead and not passive:
            self.read_subject(item)
        if not item.lead and not passive and (topic := _TOPIC.match(text)):
            # 'Về hỗ trợ kinh phí ...: Giao Bộ Tài chính chủ trì ...', 'Về dự án ...: Bộ Xây dựng khẩn trương ...': the
            # topic of a conclusion, then the work with its own subject
            probe = Item(topic["rest"], item.line, item.path)
            self.read_subject(probe)
            item.lead, item.lead_how = probe.lead, probe.lead_how
        if not item.lead and (given := _GIVEN_IN_BRACKETS.search(text)):
            # '... (Giao Ban Xây dựng Đảng chủ trì, tham mưu trong quý II/2026).': the item names its lead last
            matches, rest = self.registry.split(given["who"])
            if matches and not rest.strip(" ,;") and all(reads_as_body(m) for m in matches):
                item.lead, item.lead_how = matches, "giao"
        if item.lead_how in ("subject", None):
            person = PERSON_TITLE.match(item.text) is not None  # 'Đồng chí Chủ tịch ... chịu trách nhiệm ...'
            if item.marker is not None and item.lead_how == "subject" and not person:
                # a bullet's subject, when the registry knows it, yields to its group's 'Chủ trì' line; one
                # it does not know may be words of the sentence, not a unit
                named = all(m.known or _unit_like(m.written) for m in item.lead)
                item.lead, item.lead_how = (item.lead, "subject-bullet") if named else ([], None)
        item.time_text, item.time_how = time_in_text(text)

    def read_subject(self, item: Item, groups_only: bool = False) -> None:
        text = item.text
        # "Hằng năm, ...", "Căn cứ Kế hoạch này, ...", "Trên cơ sở nội dung Kế hoạch nêu trên, ...": the subject follows
        opening = SUBJECT_OPENING.match(text)
        rest_text = text[opening.end() :] if opening else text
        if timed := OPENING.match(rest_text):  # "Từ ngày 04/02/2026: Ban Thường trực ... họp ..."
            rest_text = rest_text[timed.end() :].lstrip(" ,:")
        giao = ASSIGN.match(
            rest_text
        )  # "Đề nghị UBND xã ...", "Tiếp tục yêu cầu Sở X ...": work given to whom it names
        if groups_only and not self.bullet_subject(rest_text):
            return
        if giao:
            target = rest_text[giao.end() :]
            if fold(target).startswith(("cac ", "nhung ", "tung ")):
                return
            matches, rest = self.split_subject(target)
            matches = self.rejoin_and(matches, target)
            if not matches or not rest:
                return
            if "de nghi" in fold(giao[0]) and not all(m.known or _short_unit(m.written) for m in matches):
                return  # a request to bodies not read one by one: no lead rather than a wrong unit
            helped = re.match(r"^(?:giúp|tham mưu (?:cho|giúp))\s+", rest)
            if helped:
                who, _ = self.registry.split(rest[helped.end() :])
                if who and who[0].known:
                    item.lead, item.advising, item.lead_how = who[:1], matches, "giao-help"
                    return
            item.lead, item.lead_how = matches, "giao"
            return
        plural = fold(rest_text).startswith(("cac ", "nhung ", "tung ", "moi "))
        matches, rest = self.split_subject(rest_text)
        if any(_NAME_WITH_GROUND.search(m.written) for m in matches):
            # 'Các tổ chức Đảng trực thuộc, căn cứ các nội dung trên, hằng năm xây dựng ...': the subject, then
            # its ground and cadence, then the verb; the ground is no part of the subject's name
            rest_text = _INSERTED_GROUND.sub(" ", rest_text, count=1)
            matches, rest = self.split_subject(rest_text)
        matches = self.rejoin_and(matches, rest_text)
        if matches and rest and receives(rest):
            item.passive = True  # 'Phòng X được hỗ trợ tài liệu ...': it receives the work and does not lead it
            return
        if plural and not (matches and matches[0].generic and all(m.usable for m in matches)):
            return  # "Các cấp ủy, tổ chức đảng chủ động ...": a group only when read as one
        known = all(m.usable for m in matches) or (len(matches) == 1 and bool(_ORG_NAME.match(rest_text)))
        # ... or a lead-in naming only who, then a colon ('Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:')
        lead_in = not rest.strip() and rest_text.rstrip().endswith(":")
        if matches and known and ((rest and _VERB.match(rest)) or lead_in):
            # a generic group as subject ("Các Sở, ban, ngành ... chủ động ...") yields to label lines
            item.lead, item.lead_how = matches, "subject-group" if plural else "subject"

    def split_subject(self, text: str) -> tuple[list[Match], str]:
        """The units a sentence opens with and the rest: a last name the registry does not know that ran
        on into the sentence ('Ban Thường trực UBMTTQ xã trao đổi với cơ quan') is cut before the verb,
        when what stays reads as a body's name ('Ban Thường trực UBMTTQ xã')."""
        matches, rest = self.registry.split(text)
        last = matches[-1] if matches else None
        if last is None or last.known or (verb := _CUT_VERB.search(last.written)) is None:
            return matches, rest
        name = last.written[: verb.start()]
        if not _short_unit(name) or len(name.split()) < 2 or name.split()[-1] in ("Ban", "Phòng", "Sở", "Hội", "Tổ"):
            # 'Văn phòng Ban | chỉ đạo ...': a head noun closing the name opens the words after it ('Ban Chỉ đạo')
            return matches, rest
        at = text.find(last.written)
        if at < 0:
            return matches, rest
        head, tail = self.registry.split(text[: at + len(name)])
        if len(head) != len(matches) or tail.strip(" ,;:"):
            return matches, rest
        return head, text[at + verb.start() :].strip()

    def rejoin_and(self, matches: list[Match], text: str) -> list[Match]:
        """'Sở Nông nghiệp và Môi trường chủ trì ...' split at 'và' into 'Sở Nông nghiệp' and 'Môi
        trường': a part the registry does not know that is no organisation's name is the rest of the
        name before it, when the two read as one unit."""
        out: list[Match] = []
        for match in matches:
            above = out[-1] if out else None
            joined = f"{above.written} và {match.written}" if above else ""
            if (
                above
                and not match.known
                and not match.generic
                and not _ORG_NAME.match(match.written)
                and joined in text
            ):
                whole, rest = self.registry.split(joined)
                if len(whole) == 1 and not rest.strip():
                    out[-1] = whole[0]
                    continue
            out.append(match)
        return out

    def bullet_subject(self, text: str) -> bool:
        """A bullet inside a group takes the group's block, unless its subject is a group of units, a
        person's title, or who leads ('- Sở Y tế chủ trì kiểm tra ...')."""
        return bool(
            fold(text).startswith(("cac ", "nhung ")) or PERSON_TITLE.match(text) or _SAYS_LEAD.search(text[:160])
        )

    def colon_who(self, item: Item) -> bool:
        """'3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp ...', '2. Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc
        Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp ...': bodies named before a colon,
        then their work. Every name must read as a body (known, a group, or an organisation's name)."""
        colon = _BODIES_COLON.match(item.text)
        if colon is None or label_of(item.text) or FIELD_POINT.match(item.text):
            return False
        matches, rest = self.registry.split(colon["who"])
        if not matches or rest.strip(" ,;") or not all(reads_as_body(m) for m in matches):
            return False
        item.lead, item.lead_how = matches, "colon"
        return True

    def registry_generic(self, unit_id: str | None) -> bool:
        unit = self.registry.units.get(unit_id or "")
        return bool(unit and unit.generic)
