"""Headings and numbering: which numbered line is a heading, its level, the section it opens and its role."""

from __future__ import annotations

import re

from ...text import fold
from .. import verbs
from ..source import HEADING_ROMAN, LETTERED, LOWER, NUMBERED, UPPER, Paragraph
from ..units import org_opening
from .model import Item, Section
from .patterns import (
    CLOSING_PARAGRAPH,
    CLOSING_REQUEST,
    CONDITION,
    CONTENTS_OF_PAPER,
    CRITERIA,
    GIVES_WORK,
    HANGING,
    ON_PROBLEMS,
    RESULTS_LEAD,
    SHORTCOMINGS,
    end_mark,
)
from .roles import Roles
from .state import Walk
from .subjects import ASSIGN, OPENS_WITH_WORK, body_like, calls_all
from .timeframes import heading_time, period_statement

# A heading of 'Tổ chức thực hiện' that names who, in words that name agents ("2. Các tổ chức thành
# viên của MTTQ xã", "3. Cán bộ phụ trách lĩnh vực giám sát"), when the registry does not know them.
_AGENT = re.compile(
    r"^(?:Các|Ban|Cán bộ|Đồng chí|Ủy ban|Uỷ ban|UBND|Sở|Phòng|Hội|Đoàn|Thường trực|Tổ|Chi bộ|Đảng ủy|Đảng uỷ|"
    r"Trưởng|Phó|Công an|Trung tâm|Văn phòng|Thủ trưởng|Giám đốc|Chủ tịch|Bí thư|Mặt trận|Lãnh đạo|Chuyên viên|Bộ phận|"
    rf"Thành viên|Tổ công tác)\b|^(?:{org_opening()})\s+[{UPPER}]"
)


# A body named by its field and level, in a part giving work per body ("8. Thanh tra tỉnh", "9. Thuế tỉnh").
_BODY_OF_LEVEL = re.compile(
    rf"^[{UPPER}][{LOWER}]*(?:\s+[{LOWER}{UPPER}]+){{0,3}}\s+(?:tỉnh|huyện|thành phố|thị xã|xã|phường)$"
)


# A part that gives work by who does it, one heading per unit ("III. Phân công nhiệm vụ" / "1. Công an
# tỉnh"), as "Tổ chức thực hiện" does.
_ASSIGNING = re.compile(r"^(?:phan cong|trach nhiem|nhiem vu cua|nhiem vu cu the cua|giao nhiem vu)\b")


# "Trách nhiệm của đối tượng thực hiện kiểm kê": the heading names who, after these words
_OWNED_BY = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ)(?: cụ thể)?\s+của\s+(?=\S)", re.IGNORECASE)


# Headings of parts that report or describe rather than assign: results, the situation ("context"),
# and rules, criteria, who takes part ("norms"). Their points are the section's text, not tasks.
_CONTEXT = re.compile(
    r"^(?:ket qua(?! du kien| dau ra| can dat)|danh gia (?:ket qua|tinh hinh|chung|thuc trang|viec)|tinh hinh|"
    r"thuc trang|hien trang|boi canh|su can thiet|co so (?:phap ly|chinh tri|thuc tien|xay dung)|"
    r"nhung (?:ket qua|han che)|han che|ton tai|nguyen nhan|bai hoc|(?:danh gia |du bao )?nguy co|"
    # what the situation is like: its features, advantages and difficulties, strengths and weaknesses, a forecast,
    # what a matter means ('1. Thuận lợi', '2. Khó khăn', 'I. ĐẶC ĐIỂM TÌNH HÌNH', 'Dự báo tình hình', 'Ý nghĩa')
    r"(?:nhung |mot so )?(?:dac diem|thuan loi|kho khan|uu diem|khuyet diem|nhan dinh|du bao|y nghia)"
    r"(?![^:]*\b(?:nhiem vu|giai phap|kien nghi|de xuat|phuong huong)\b))\b"
)


_NORMS = re.compile(
    r"^(?:quy dinh ve|tieu chuan|tieu chi|nguyen tac|doi tuong|thanh phan|co cau|dieu kien|pham vi|"
    r"so luong|giai thich tu ngu|hieu luc(?: thi hanh)?$)\b"
)


# An appendix that is a form or an outline to fill in, not work: "ĐỀ CƯƠNG BÁO CÁO ...", "Mẫu số 01",
# "BIỂU MẪU ...", "PHIẾU ĐĂNG KÝ ...", "DANH SÁCH ...".
_FORM_TITLE = re.compile(
    r"^(?:(?:mau|bieu mau)\b|de cuong|phieu|bien ban|to khai|danh sach|so theo doi|giay (?:moi|de nghi|xac nhan))"
)


# An appendix of criteria to score by ('BẢNG TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI ...', 'Bộ tiêu chí ...', 'Thang điểm
# ...'): its rows and its notes on scoring are rules, not work; only a point in it that gives work to a
# unit it names ('1. Ủy ban nhân dân cấp xã quyết định thành lập đoàn kiểm tra.') is a task.
_CRITERIA_TITLE = re.compile(r"^(?:(?:bang|bo)\s+tieu chi|tieu chi (?:danh gia|cham diem|xep loai)|thang diem)\b")


_WORK_HEADING = re.compile(r"^(?:noi dung|nhiem vu|giai phap|cac hoat dong|hoat dong)\b")


# Headings of parts that state aims, not work: purposes, targets, viewpoints, requirements ('1. Quan điểm',
# 'II. Chỉ tiêu xuất khẩu đến năm 2030', 'I. Về quan điểm lãnh đạo'). One that also names work ('Mục tiêu,
# nhiệm vụ và giải pháp'), directions ('Về phương hướng, mục tiêu') or asks bodies for work ('2. Yêu cầu các
# phòng thuộc Ban thực hiện ...:') is not one.
_AIMS = re.compile(
    r"^(?:ve\s+)?(?:muc dich|muc tieu|chi tieu|quan diem|yeu cau(?!\s+(?:cac|cho|moi|toan)\b))\b"
    r"(?!.*\b(?:nhiem vu|giai phap)\b)"
)


_FUNDS = re.compile(r"^(?:du kien |bao dam |dam bao )?(?:cac )?(?:nguon )?(?:kinh phi|nguon luc|von)\b")


# A heading that names what its points are about ('Về nguyên tắc phân bổ (Điều 5):', 'Việc thẩm định hồ sơ
# ...:'), not who does them; 'Về phía Sở X:' names who.
_TOPIC = re.compile(r"^(?:Về|Việc)\s+(?!phía\b)")


_ASSIGNED_WORK = re.compile(rf"\s+{verbs.AFTER_SUBJECT}\b")


def _assigned_who(heading: str) -> str:
    """Who a heading that assigns names: 'Tiếp tục yêu cầu các phòng thuộc Ban thực hiện tốt các nội dung
    sau' -> 'các phòng thuộc Ban'; any other heading whole."""
    found = ASSIGN.match(heading)
    if found is None or found[0].rstrip().endswith(":"):
        return heading
    rest = heading[found.end() :]
    work = _ASSIGNED_WORK.search(rest)
    return rest[: work.start()].strip(" ,") if work and work.start() >= 3 else heading


# 'Về' before what a heading is about, as notices of conclusions write their parts: one that assesses ('I. VỀ KẾT
# QUẢ ĐẠT ĐƯỢC', 'II. VỀ TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'Về bài học kinh nghiệm') or names who takes part or the
# papers of a file ('3. Về thành phần', 'Về hồ sơ') is of that kind. 'Về' before an item of the meeting's agenda
# ('Về kết quả công tác quý I', 'Về tình hình thực hiện nhiệm vụ ...', 'Về nguồn lực') heads its conclusions, the
# work it gives among them: read as written.
_ABOUT_REPORT = re.compile(
    r"^ve\s+(?:(?:nhung|cac)\s+)?(?:ket qua dat duoc|ton tai|han che|khuyet diem|yeu kem|nguyen nhan|bai hoc|"
    r"danh gia)\b"
)


_ABOUT_NORMS = re.compile(r"^(?:ve\s+)?(?:thanh phan|ho so)\b")


# A numbered line that states a view of a matter rather than names a part ('1. Việc hợp nhất 03 Chương trình có ý
# nghĩa hết sức quan trọng, ... với các khía cạnh:', '2. Việc sắp xếp ... là cần thiết, đúng đắn'): the matter, then
# what it is or means; the points under it are the reasons, not work ('Thứ nhất, vùng lõi nghèo hiện nay ...').
_VIEW = re.compile(
    r"^viec\s[^,;:.]{3,150}?\s(?:co y nghia|la (?:(?:rat |het suc )?(?:can thiet|dung dan|phu hop|cap thiet)|"
    r"chu truong|yeu cau|nhiem vu)|da (?:dat|mang lai|tao)|dang (?:dat|tao))\b"
)


def _reports(key: str) -> bool:
    """The heading (folded) opens a part that reports: results, the situation, shortcomings, causes, a view."""
    return bool(_CONTEXT.match(key) or SHORTCOMINGS.match(key) or _ABOUT_REPORT.match(key) or _VIEW.match(key))


def _norms(key: str) -> bool:
    return bool(_NORMS.match(key) or _ABOUT_NORMS.match(key) or CONTENTS_OF_PAPER.match(key))


def _sub_role(heading: str, parent: str) -> str:
    """A sub-section's role: its part's, unless its own heading says it reports or sets rules."""
    key = fold(heading)
    if parent in ("norms", "context") and _WORK_HEADING.match(re.sub(r"^ve\s+", "", key)):
        return "work"  # "3. Đối tượng, nội dung kiểm tra" / "3.2. Nội dung kiểm tra": the work, under the rules
    if parent == "context" and GIVES_WORK.match(heading):
        return "work"  # '2. Tiếp tục yêu cầu các phòng thuộc Ban thực hiện các nội dung sau:' amid results
    if parent not in ("tasks", "organisation"):
        return parent
    if _reports(key):
        return "context"
    if _AIMS.match(key):
        return "aims"  # '6. Chỉ tiêu chủ yếu đến năm 2030' in a part of tasks: targets, not work
    if _FUNDS.match(key):
        return "funds"  # '6. Kinh phí thực hiện' in a part of tasks: money, not work
    if _norms(key):
        return "norms"
    return parent


def _section_role(heading: str) -> str:
    key = fold(heading)
    if _AIMS.match(key):
        return "aims"
    if _reports(key) or key.startswith(("danh gia", "du bao")):
        return "context"  # a part of the plan headed "Đánh giá ..." assesses; its tasks are elsewhere
    if _norms(key):
        return "norms"
    if "to chuc thuc hien" in key and len(key) < 40:
        return "organisation"
    if _FUNDS.match(key) or key.startswith(("che do bao cao", "khau hieu")):
        return "funds"  # money, reports, slogans: text, not tasks
    return "tasks"


class Headings:
    """Reads headings: whether a numbered line is one, and the section it opens."""

    def __init__(self, w: Walk, roles: Roles) -> None:
        self.w = w
        self.roles = roles

    def is_heading(self, i: int, kind: str) -> bool:
        """A numbered line is a heading when content sits under it before the next point of its rank."""
        para = self.w.paras[i]
        if kind == "roman":
            return True
        if kind == "number" and (self.sentence_over_points(para) or self.sentence_over_text(i)):
            return False
        if kind == "number" and HANGING.search(para.text) and len(para.text) >= 40:
            return False  # '1. Sở Tài chính chịu trách nhiệm cập nhật ... đối với:' / 'a) ...': one point, spelt out
        level = self.w.level_of(para, kind)
        # Word: a bold numbered line is a heading (a heading does not close a sentence)...
        bold = para.bold and len(para.text) < 200 and not para.text.rstrip().endswith((".", ";"))
        labels = False
        for at, later in enumerate(self.w.paras[i + 1 :], i + 1):
            later_kind = self.w.kinds.kind_of(later)
            if id(later) in self.w.late_articles:
                return bold and not labels  # 'Điều 2. ...' after a decision's approved parts: nothing under it
            if later_kind == "plain" and (
                CLOSING_PARAGRAPH.match(later.text)
                or (self.w.kinds.last_of_body(at) and (CLOSING_REQUEST.match(later.text) or calls_all(later.text)))
                or self.w.kinds.closing_words(at)
            ):
                break  # the closing ('Trên đây ...', '... yêu cầu các Sở triển khai thực hiện./.'): nothing under
            if later_kind == "bullet" and CRITERIA.search(para.text):
                return False  # "2. Hội nghị ... lập danh sách căn cứ vào các tiêu chí:" / "- ...": one task
            if later_kind == "plain" and (CONDITION.match(later.text) or ON_PROBLEMS.match(later.text)):
                return bold and not labels  # "Trường hợp ... thì ...": a rule of the point above, not under a heading
            if later_kind == "label" and self.roles.role_label(at, heading=para):
                return True  # '2. Sở Y tế' / 'Chủ trì:' / '- việc': the role of its unit over its points
            if later_kind == "label" or (labels and later_kind == "bullet" and self.w.kinds.under_empty_label(at)):
                labels = True  # labels right after it: it is a work item, unless items follow them
                continue
            if later_kind == "bullet" and kind == "number" and self.bullet_over_new_list(para, at):
                return False  # '2. Kiểm tra ... (Giao X chủ trì).' / '- Về giám sát' / '1. ...': an item of a list
            if later_kind in ("roman", "number", "appendix", "group"):
                deeper = self.w.level_of(later, later_kind) > level
                return deeper or (bold and not labels)  # ...unless its own label lines follow it
            return not labels or later_kind in ("bullet", "letter")  # content under it
        return bold and not labels

    def restarts_numbering(self, para: Paragraph) -> bool:
        """The numbered line starts a list from one ('1.'), as under a group's short heading."""
        found = NUMBERED.match(para.text)
        return found is not None and found["num"].rstrip(".)") == "1"

    def bullet_over_new_list(self, para: Paragraph, at: int) -> bool:
        """After a numbered point that closes a sentence, a short bullet over a list numbered from one again
        ('- Về giám sát: 02 cuộc' / '1. ...') heads the next group of the same list: the point was an item
        of the group above, not a heading over the bullet."""
        if not para.text.rstrip().endswith((".", ";", ".)", ")")):
            return False
        k = at
        while k < min(at + 3, len(self.w.paras)) and self.w.kinds.kind_of(self.w.paras[k]) == "bullet":
            bullet = self.w.paras[k].text.rstrip()
            if len(bullet.split()) > 12 or bullet.endswith((".", ";")):
                return False  # '* Năm 2027: (...)' / '- Về kiểm tra: 02 cuộc': short group headings only
            k += 1
        after = self.w.paras[k] if k < len(self.w.paras) else None
        if after is None or k == at:
            return False
        if self.w.kinds.kind_of(after) == "number":
            return self.restarts_numbering(after)
        # a group of one, written without its number ('- Về giám sát: 01 cuộc' / 'Giám sát ... .'), after a
        # point too long to be a heading
        return (
            self.w.kinds.kind_of(after) == "plain" and len(para.text) > 80 and after.text.rstrip().endswith((".", ")."))
        )

    def sentence_over_text(self, i: int) -> bool:
        """A numbered point that is a long, whole sentence ('1. Cấp ủy, chính quyền Thành phố phải xác định ... là
        nhiệm vụ hết sức quan trọng ..., bố trí cán bộ phù hợp với năng lực.') over a plain paragraph is a point
        of work, not a heading: a heading names a topic and closes no sentence. The paragraph under it is the next
        point of the same list."""
        para = self.w.paras[i]
        match = NUMBERED.match(para.text)
        rest = match["rest"].rstrip() if match else ""
        if para.bold or len(rest) < 150 or not rest.endswith("."):
            return False
        after = self.w.paras[i + 1] if i + 1 < len(self.w.paras) else None
        return after is not None and after.table is None and self.w.kinds.kind_of(after) == "plain"

    def sentence_over_points(self, para: Paragraph) -> bool:
        """In 'Tổ chức thực hiện', a numbered point that is a whole sentence giving work to whom it
        names ('1. Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch
        ...; đề ra giải pháp ....') is work, not a heading, though points follow it: they are its
        further work, given to the same bodies."""
        match = NUMBERED.match(para.text)
        text = match["rest"].rstrip() if match else ""
        if not self.w.stack or self.w.top_role() != "organisation" or len(text) < 80:
            return False
        if not text.endswith((".", ";")) and len(text) < 150:
            return False  # a long one need not close: its points may finish the sentence
        probe = Item(text, para.line, ())
        self.w.subjects.read_subject(probe)
        return bool(probe.lead)

    def letter_heading(self, i: int) -> bool:
        """'a) Công tác tuyên truyền' is a heading when bullets follow it (before any label line); 'a) Sở Tài
        chính:', a unit's name alone and a colon, is one over the plain paragraphs that give its work."""
        for later in self.w.paras[i + 1 :]:
            kind = self.w.kinds.kind_of(later)
            if kind == "bullet":
                return True
            found = LETTERED.match(self.w.paras[i].text)
            rest = found["rest"].rstrip() if found else ""
            return kind == "plain" and rest.endswith(":") and bool(self.w.subjects.heading_units(rest))
        return False

    def heading_rest(self, i: int, kind: str) -> int:
        """How many paragraphs the heading at ``i`` takes: a heading in capitals cut by a line break
        ('I. MỤC' / 'ĐÍCH, YÊU CẦU') goes on in the capitals-only line under it."""
        para = self.w.paras[i]
        after = self.w.paras[i + 1] if i + 1 < len(self.w.paras) else None
        if kind != "roman" or after is None or self.w.kinds.kind_of(after) != "plain" or after.table is not None:
            return 0
        letters = [c for c in para.text + after.text if c.isalpha()]
        if len(after.text) > 120 or not all(c.isupper() for c in letters):
            return 0
        para.text = f"{para.text} {after.text}"
        self.number_to_next(para, i + 2)
        return 1

    def number_to_next(self, para: Paragraph, at: int) -> None:
        """'V. TỔ / CHỨC THỰC HIỆN / 1. / Sở Y tế:' read as 'CHỨC THỰC HIỆN 1.' then 'Sở Y tế:': the
        number that closes a heading in capitals is the next heading's."""
        tail = re.search(r"\s+(\d{1,2}(?:\.\d{1,2}){0,3}[.)])$", para.text)
        if tail is None or at >= len(self.w.paras) or self.w.kinds.kind_of(self.w.paras[at]) != "plain":
            return
        para.text = para.text[: tail.start()]
        self.w.paras[at].text = f"{tail[1]} {self.w.paras[at].text}"

    def open_section(self, para: Paragraph, kind: str, rest: int = 0) -> int:
        level = self.w.level_of(para, kind)
        if kind in ("appendix", "group"):
            number = para.key or self.w.next_group_number(level)
            heading = para.text or ("Phụ lục" if kind == "appendix" else number)
        else:
            pattern = {"roman": HEADING_ROMAN, "number": NUMBERED, "letter": LETTERED}[kind]
            match = pattern.match(para.text)
            number, heading = match["num"], match["rest"]  # type: ignore[index]
        if self.w.pending and level <= self.w.pending_level:
            self.w.close_pending()
        while self.w.stack and self.w.stack[-1].level >= level:
            self.w.stack.pop()
        note = None
        clean = end_mark(heading).rstrip(" .:;")
        if clean.isupper():
            note = f"văn bản gốc viết hoa toàn bộ: '{clean}'"
            clean = clean[0] + clean[1:].lower()
        if legal := self.w.legal.note(para):
            note = f"{legal}; {note}" if note else legal
        section = Section(number, clean, para.line, level, heading_note=note, time=heading_time(clean))
        section.table_group = kind == "group"
        parent_tasks = bool(self.w.stack) and self.w.stack[-1].role in ("tasks", "organisation")
        if kind == "appendix":
            section.role = "criteria" if _CRITERIA_TITLE.match(fold(clean)) else "appendix"
            self._place(section)
            self.w.form = section if _FORM_TITLE.match(fold(clean)) else None
            if section.role == "criteria":
                self.w.body.skipped.append(
                    f"dòng {para.line}: phụ lục '{clean[:60]}' là bảng tiêu chí để chấm, xếp loại; chỉ điểm giao "
                    "việc cho đơn vị nêu tên được đọc là nhiệm vụ, các dòng khác ghi vào nội dung mục"
                )
            if self.w.form is not None:
                self.w.body.skipped.append(
                    f"dòng {para.line}: phụ lục '{clean[:60]}' là mẫu, đề cương để điền, không phải nhiệm vụ; "
                    "các dòng của phụ lục ghi vào nội dung mục"
                )
        else:
            section.role = self.role_of(clean, level, bool(legal))
            self._place(section)
        if section.role in ("context", "norms") or (section.role in ("aims", "funds") and level > 1 and parent_tasks):
            what = {
                "context": "kết quả, tình hình",
                "norms": "quy định, tiêu chuẩn, thành phần",
                "aims": "mục tiêu, chỉ tiêu, quan điểm",
                "funds": "kinh phí",
            }[section.role]
            self.w.body.skipped.append(
                f"dòng {para.line}: mục {number} '{clean[:60]}' đọc là phần {what}, không phải nhiệm vụ; các đoạn "
                "của mục ghi vào nội dung mục"
            )
        if kind != "appendix":  # who the points under the heading belong to
            self.heading_who(section, heading, level, legal=bool(self.w.legal.articles))
            self.roles.role_heading(section)
        self.w.stack.append(section)
        self.w.after_heading = True
        if RESULTS_LEAD.search(end_mark(heading)) and (mark := self.w.kinds.next_bullet(para)) is not None:
            self.w.field_list = (mark, self.w.path())  # '1. Về ...: ..., thể hiện trên các mặt:' / '- ...': results
        if self.w.leading and self.w.path()[: len(self.w.leading[0])] != self.w.leading[0]:
            self.w.leading = None
        if section.role == "organisation" and (period := period_statement(heading)):
            self.w.body.period = period
        return self.w.at[id(para)] + 1 + rest

    def role_of(self, heading: str, level: int, legal: bool) -> str:
        """The role of a section its heading opens, at ``level``; ``legal``: the heading is a legal text's chapter
        or article."""
        top = level == 1 or not self.w.stack
        role = _section_role(heading) if top else _sub_role(heading, self.w.stack[-1].role)
        if top and legal:
            # a legal text's chapter, or an article of one without chapters, gives work only to whom it names
            return self.w.legal.chapter_role(heading, role)
        if role == "work" and self.w.legal.articles and self.w.stack[-1].role == "norms":
            return "norms"  # 'Điều 3. Nội dung phối hợp' in a chapter of general provisions: rules, not work
        return role

    def _place(self, section: Section) -> None:
        """Put a section in the plan's tree where the tasks' section paths (``Walk.path``) will say it
        is: under the section open above it (a top-level part under the section the importer opened
        for a document without parts, 'I. Nội dung'), or at the top."""
        (self.w.stack[-1].children if self.w.stack else self.w.body.sections).append(section)

    def heading_who(self, section: Section, heading: str, level: int, legal: bool = False) -> None:
        """Who the work under a heading is given to: units it names, or, in a part that gives work by
        who does it ('Tổ chức thực hiện', 'Nhiệm vụ của thành viên Ban Chỉ đạo' at any level above),
        the words naming an agent ('1.1. Trưởng Ban Chỉ đạo', 'Trách nhiệm của đối tượng kiểm kê:')."""
        section.lead = self.w.subjects.heading_units(heading)
        clean = section.heading
        lead_in = end_mark(heading).rstrip().endswith(":")
        assigning = section.role == "organisation" or any(_ASSIGNING.match(fold(s.heading)) for s in self.w.stack)
        owned = _OWNED_BY.match(clean) or re.match(r"^(?:Đề nghị|Giao)\s*:\s*(?=\S)", clean)
        # a legal text's headings name what they are about ('Các biện pháp áp dụng ...'), who only as a body's name
        # or 'Trách nhiệm của X'
        named = (_AGENT.match(clean) or _BODY_OF_LEVEL.match(clean)) and not legal
        agent = (assigning and level > 1 and named) or owned  # 'Trách nhiệm của X' anywhere
        if lead_in and not agent and OPENS_WITH_WORK.match(clean):
            return  # '1.2. Ban hành các Nghị quyết của Ban Chấp hành:', 'Tập trung lãnh đạo ...:': what, not who
        if lead_in and not agent and _TOPIC.match(clean):
            return  # '2. Về nguyên tắc phân bổ (Điều 5):', 'Việc thẩm định hồ sơ:': what it is about, not who
        if legal and not agent and not body_like(clean):
            return  # '2. Cơ quan tiếp nhận và đối tượng thực hiện kê khai giá:' in a legal text: what, not who
        if not section.lead and (lead_in or agent) and len(heading) < 160 and section.role != "funds":
            # "1. Giám đốc các Sở ...; Chủ tịch UBND các xã:": who, not read as units
            who = clean[owned.end() :] if owned else _assigned_who(clean)
            # "Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh": a list of bodies
            section.who = re.sub(rf",\s+(?=[{UPPER}])", "; ", who) if owned and owned[0][:1] in "ĐG" else who
