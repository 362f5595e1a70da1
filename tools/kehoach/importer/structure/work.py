"""What a point is (task, aim, requirement, text) by its form and its part, and who does a task."""

from __future__ import annotations

import re

from ...text import fold
from .. import verbs
from ..source import BULLET, LOWER, UPPER, Paragraph, label_of
from ..units import Match
from .model import Item, Section
from .patterns import (
    AGREES,
    CONDITION,
    CRITERIA,
    DOCUMENT_POINT,
    FIELD_POINT,
    GIVES_WORK,
    LIST_LEAD_IN,
    ON_PROBLEMS,
    PLAIN_LEAD_IN,
    SHORTCOMINGS,
    STILL,
    numbered_text,
)
from .roles import Roles
from .state import Walk
from .subjects import FOR_CASE, OPENS_WITH_WORK, SUBJECT_OPENING, VERB_IN_NAME, body_like, only_carry_out, subject_words
from .timeframes import time_in_text

# A paragraph wholly in quotation marks: a theme or a motto ('1. Chủ đề thi đua' / '“Lập thành tích ...”.')
_QUOTED = re.compile(r'^[“"«][^“”"«»]{3,}[”"»]\s*[.;]?$')


# The contents a step or a paper holds, listed after the colon ('Nội dung lấy ý kiến bao gồm: Sự phù hợp với quy
# hoạch; ...'): what it covers, not work given.
_CONTENTS_FIELD = re.compile(r"^Nội dung\b[^.;:]{0,80}?\b(?:bao gồm|gồm)\s*:\s*\S")


_LEAD_IN_TAIL = re.compile(r"\s*(?:như sau|sau đây|gồm|bao gồm|cụ thể)\s*:?\s*$", re.IGNORECASE)


# A point that only says where the work is written: "Thực hiện theo lộ trình tại phần (II) của Kế
# hoạch này.", "Các nhiệm vụ cần làm ngay ... được xác định tại Phụ lục 2 kèm theo ...".
_POINTER = re.compile(
    r"^(?:(?:Thực hiện|Triển khai|Tổ chức thực hiện)?\s*theo\s+[^.;:]{0,60}?\btại|"
    r"[^.;:]{0,120}?\b(?:được xác định|được nêu|được quy định|được giao|có)\s+(?:tại|trong|ở))\s+"
    r"(?:các\s+)?(?:Phụ lục|phụ lục|Phụ biểu|phụ biểu|phần|Phần|mục|Mục)\b",
    re.IGNORECASE,
)


# A point that only says which rule applies: 'Tần suất báo cáo: Thực hiện theo quy định tại điểm a khoản 2 Điều 16
# Thông tư số ...', 'Áp dụng theo quy định tại Điều 5 Nghị định ...'.
_RULE_POINTER = re.compile(
    r"^(?:[^.;:]{3,80}:\s*)?(?:Thực hiện|Áp dụng|Được thực hiện)\s+theo\s+(?:các\s+)?(?:quy định|hướng dẫn)\s+"
    r"tại\s+(?:điểm|khoản|Điều|điều|Chương|chương|Mục|mục)\b"
)


# "Đồng chí Trưởng ban - Trưởng Tiểu ban: Phụ trách chung, ...": who, a colon, then the work
_WHO_COLON = re.compile(
    rf"^(?P<who>(?:Đồng chí|Đ/c|Ông\.?|Bà\.?|Trưởng|Phó|Ủy viên|Uỷ viên|Thành viên|Các thành viên|Tổ trưởng)(?!\w)"
    rf"[^:;.()]{{2,110}}?)\s*:\s+(?=[{UPPER}])"
)


# "Đối với Đoàn kiểm tra: Các thành viên Đoàn thực hiện ...": the work of whom the opening names
_FOR_WHOM = re.compile(rf"^Đối với\s+(?P<who>[^:;.()]{{3,90}}?)\s*:\s+(?=[{UPPER}])")


# A field whose value may be a list, one point a line ('Đối tượng: ..., cụ thể:', 'Thành phần gồm:'); a
# time field leads into a schedule, whose points are work ('Thời gian: ... như sau:' / '- Từ ngày ...: ...').
FIELD_LIST = re.compile(
    rf"^(?:(?:Đối tượng|Thành phần)(?: [{LOWER}]+){{0,3}}|Địa điểm|Hình thức|Phạm vi|Quy mô|Số lượng|Khách mời)"
    r"(?:,?\s+(?:cụ thể|gồm|bao gồm|như sau))?\s*:"
)


# A legal text's clauses on itself: when it takes effect, what it repeals ('Quyết định này có hiệu lực kể từ ngày ...',
# 'Bãi bỏ Quyết định số ...', 'Các quyết định sau hết hiệu lực ...:') and who carries it out ('Chánh Văn phòng ...,
# Thủ trưởng các sở ... chịu trách nhiệm thi hành Quyết định này.').
_LEGAL_TEXT = r"(?:Quyết định|Nghị quyết|Chỉ thị|Quy chế|Quy định|Thông tư|Nghị định)"
_TAKES_EFFECT = re.compile(
    rf"^(?:{_LEGAL_TEXT}(?:\s+này)?\s+(?:có hiệu lực|được áp dụng kể từ)"
    rf"|(?:Bãi bỏ|Thay thế)\s+(?:các\s+)?(?i:{_LEGAL_TEXT})\s+(?:số\s)?"
    rf"|(?:Các|Những)\s+(?i:{_LEGAL_TEXT}|văn bản)\b[^.;:]{{0,60}}\s(?:hết|thôi)\s+hiệu lực)"
)
_CARRIES_OUT = re.compile(
    rf"^[^.;]*\s(?:chịu|có)\s+trách nhiệm\s+(?:tổ chức\s+)?thi hành\s+{_LEGAL_TEXT}\s+này\s*[.;]?\s*$", re.IGNORECASE
)


# A date by which something is due: 'trước ngày 25 tháng 01', 'chậm nhất ngày 30/6', 'trước ngày 01 của tháng sau'.
_DEADLINE = re.compile(r"\b(?:trước|chậm nhất(?: là)?(?: vào)?|không muộn hơn)\s+ngày\s+\d{1,2}\b")


# A point that states when the plan or the campaign itself runs, not work: 'Đợt thi đua được triển khai thực hiện
# từ ngày ban hành Kế hoạch đến khi ...', 'Kế hoạch này được thực hiện trong giai đoạn 2026 - 2030.'
_RUNS_WHEN = re.compile(
    r"^(?:Kế hoạch|Chương trình|Đợt thi đua|Đợt cao điểm|Phong trào(?: thi đua)?|Cuộc vận động|Đề án|Hội thi|"
    r"Chiến dịch|Tháng hành động)(?:\s+này)?\s+được\s+(?:triển khai|thực hiện|tổ chức|phát động|áp dụng)"
    r"(?:\s+thực hiện)?\s+(?:từ|trong|kể từ|đến|bắt đầu từ)\b"
    r"(?![^.;]*\b(?:giao|đề nghị|yêu cầu|chủ trì|chịu trách nhiệm)\b)"
)


# A lead-in amid results or an assessment that calls for the work after it ('Để tiếp tục vận hành ..., thành phố
# cần tập trung thực hiện tốt một số nhiệm vụ, giải pháp sau đây:', 'Thời gian tới, đề nghị tỉnh tập trung thực
# hiện các nhiệm vụ sau:'): the points after it are work.
_OPENS_WORK = re.compile(
    r"\b(?:cần|phải|đề nghị|yêu cầu|tập trung)\b[^:]*\b(?:nhiệm vụ|giải pháp|công việc)"
    r"(?:\s+[^\s:]+){0,4}?\s+(?:sau đây|sau|như sau|cụ thể(?: như sau)?)\s*:\s*$"
)


# The end of a lead-in that calls for the points after it ('..., trong đó, cần tập trung một số nhiệm vụ trọng tâm
# sau:', '...; trong đó lưu ý một số nội dung trọng tâm sau:').
_CALLS_FOR_LIST = re.compile(
    r"\b(?:cần|phải|đề nghị|yêu cầu|tập trung|lưu ý|chú ý|chú trọng|thực hiện)\b[^:.;]*"
    r"\b(?:nhiệm vụ|giải pháp|công việc|nội dung)(?:\s+[^\s:]+){0,4}?"
    r"\s+(?:sau đây|sau|như sau|cụ thể(?: như sau)?)\s*:\s*$"
)


# Who a lead-in calling for work names, before its call ('..., thành phố Đà Nẵng cần tập trung ...').
_WHO_BEFORE_CALL = re.compile(r"(?:^|,\s*)(?P<who>[^,]{3,80}?)\s+(?:cần|phải)\b")


# A point that states where money comes from or how it is spent, not work: 'Kinh phí thực hiện Kế hoạch
# được bố trí trong dự toán ...', 'Kinh phí khen thưởng: Từ nguồn ...', 'Nguồn kinh phí: ...', 'Ngân sách
# tỉnh: bố trí trong dự toán ...'.
_FUNDS_POINT = re.compile(r"^(?:Nguồn\s+)?(?:kinh phí|vốn|ngân sách)\b(?![^.;:]{0,80}\b(?:chủ trì|tham mưu)\b)", re.I)


# A lead-in to points that are not work: targets ('... bằng các chỉ tiêu cụ thể như sau:') or notes on
# a rule ('Lưu ý khi bình xét thi đua:'). The points after it in its section are its content.
NOT_WORK_LEAD = re.compile(
    r"(?:\b(?:các|những)\s+(?:chỉ tiêu|mục tiêu)(?:\s+[^\s:;]+){0,4}\s*:\s*$"
    r"|^(?:Lưu ý|Chú ý|Ghi chú)\b[^:]{0,80}:\s*$)",
    re.IGNORECASE,
)


# A paragraph that reports what was done, not work to do: its opening and subject, then 'đã' and what
# was done ('Năm 2022, Ban Dân vận Tỉnh ủy đã tổ chức 12 hội nghị ...', 'Đã ban hành 05 kế hoạch ...',
# 'Toàn tỉnh đã có 15/15 xã ...'). An 'đã' after a verb of work belongs to a clause about the work's
# object ('Tiếp tục thực hiện các nội dung đã đề ra'); 'đã được giao' says who was given work; a
# ground or a case ('Căn cứ kết quả đã đạt được, ...', 'Đối với ... đã ...') opens work to do.
_DONE = re.compile(r"^(?P<before>[^;:.()]{0,160}?)(?<!\w)(?:đã|Đã)\s+(?!được\b|qua\b)(?=\w)")


_NOT_DONE = re.compile(
    r"\b(?:tiếp tục|cần|phải|đề nghị|yêu cầu|giao|có trách nhiệm|chịu trách nhiệm|chủ trì|sẽ|nhằm|để)\b"
)


_GROUND = re.compile(r"^(?:Căn cứ|Trên cơ sở|Đối với|Nếu|Khi|Sau khi|Trường hợp)\b[^,]*$", re.IGNORECASE)


_REPORT_OPENING = re.compile(
    r"^(?:Thực hiện|Triển khai|Qua|Từ|Trong|Năm|Đến|Thời gian qua|Sau|Với|Kết quả|Nhìn chung|Nhờ)\b"
)


def _reports_done(text: str) -> bool:
    found = _DONE.match(text)
    if found is None or _NOT_DONE.search(text):
        return False
    before = found["before"].strip()
    chunks = [c.strip() for c in before.split(",")] if before else []  # 'Qua kiểm tra, đã': ['Qua kiểm tra', '']
    if len(before.split()) > 14 or any(_GROUND.match(c) for c in chunks[-1:]):
        return False  # a long run before 'đã', or one naming a ground or a case: 'đã' is in a clause
    if len(chunks) > 1 and _REPORT_OPENING.match(chunks[0]):
        chunks = chunks[1:]  # 'Thực hiện Kế hoạch số 56, Ban đã ...', 'Qua kiểm tra, đã ...': an opening
    return not any(VERB_IN_NAME.search(c[:1].lower() + c[1:]) for c in chunks if c)


# A sentence that says how a matter stands, not work: a matter named as a thing ('Công tác ...', 'Tình hình ...',
# 'Tỷ lệ ...', 'Việc ...', 'Toàn tỉnh ...'), perhaps counted ('Thứ hai, ...'), then what it is, still is or has
# become ('... còn hạn chế', '... chưa được quan tâm', '... là vùng sinh sống ...', '... từng bước được nâng lên');
# a sentence that also calls for work ('cần', 'phải', 'giao', 'sẽ', ...) is not one.
_MATTER = (
    r"(?:Công tác|Tình hình|Kết quả|Hoạt động|Việc|Tỷ lệ|Số lượng|Toàn (?:tỉnh|xã|huyện|thành phố|ngành)|Nhìn chung|"
    r"Chất lượng|Hiệu quả|Nhận thức|Đời sống|Cơ sở vật chất|Phong trào|Thị trường|Diện tích|Năng suất|Tốc độ|Quy mô|"
    r"Đội ngũ)"
)
_STATES = re.compile(
    rf"^(?:Thứ\s+\w+\s*,\s*)?(?i:{_MATTER})\s[^,;:.]{{0,120}}?\s(?:vẫn còn|còn|chưa|đang|là|cơ bản|từng bước|ngày càng|"
    r"tăng|giảm|đạt)\s"
)
_CALLS = re.compile(r"\b(?:cần|phải|đề nghị|yêu cầu|giao|chủ trì|có trách nhiệm|chịu trách nhiệm|sẽ|nhằm)\b")


def _states(text: str) -> bool:
    """The point says how a matter stands (see ``_STATES``) and calls for nothing in its first sentence."""
    return _STATES.match(text) is not None and _CALLS.search(text.split(". ")[0]) is None


# A point that states an aim by its label, in any part ('- Mục tiêu: Đến năm 2030, ...', '- Chỉ tiêu 2: Tỷ lệ ...',
# 'a) Mục đích: ...', '- Yêu cầu: Bảo đảm ...'): an aim or a requirement of the work around it, not work.
_AIM_POINT = re.compile(
    r"^(?:Mục tiêu|Chỉ tiêu|Mục đích|Quan điểm|Yêu cầu)(?:\s+(?:chung|cụ thể|chủ yếu|\d{1,2}))?\s*:\s*\S"
)


# A rule on what someone receives, not work given ('Ngoài ra, địa phương có thành tích xuất sắc sẽ được cộng điểm
# ...', 'Tập thể đạt danh hiệu được xét khen thưởng ...', 'Hộ nghèo được miễn ...'): who, then what they get.
_RECEIVES = re.compile(
    r"^(?:Ngoài ra|Đồng thời|Riêng)?,?\s*(?!(?:Sau khi|Khi|Trước khi|Thực hiện|Sau)\b)"
    r"(?:(?!\b(?:với|cho|để|về|tại|theo)\b)[^,;:.()]){3,80}?\s(?:sẽ\s+)?được\s+"
    r"(?:hưởng|cộng|trừ|khen thưởng|xét|ưu tiên|miễn|giảm|nhận)\b"
)


_VIEW = "ý kiến của hội nghị (nhất trí, thống nhất, ghi nhận), không phải việc được giao"


def _names_shortcomings(text: str) -> bool:
    """'Bên cạnh những kết quả đạt được, vẫn còn những mặt hạn chế, khó khăn nổi lên, đó là: ...', '* Bên cạnh
    đó, cũng còn một số tồn tại, hạn chế ...; Thường trực lưu ý:': its opening (to the first colon) names
    shortcomings that still stand, or leads into them."""
    lead = fold(text.split(":", 1)[0])
    return bool(SHORTCOMINGS.match(lead)) and (text.rstrip().endswith(":") or bool(STILL.search(lead)))


def _aim_or_requirement(section: Section | None, text: str) -> str:
    heading = fold(section.heading) if section else ""
    if heading.startswith("yeu cau"):
        return "requirement"
    if heading.startswith(("muc dich", "muc tieu")):
        return "aim"
    return "requirement" if re.search(r"\b(phải|cần|bảo đảm|đảm bảo)\b", text) else "aim"


def _written_not_work(text: str) -> str | None:
    """Why a point is not work by its words alone, whatever part it sits in ('' when the form says it plainly);
    None when it may be work."""
    if text.startswith("(") and text.rstrip(".").endswith(")") and text.count("(") == 1:
        return ""  # "(Một số nhiệm vụ trọng tâm có Phụ lục kèm theo)": a note on the section
    if text.rstrip().endswith("!") or _QUOTED.match(text):
        return ""  # a slogan or a theme in quotes ("Ngày bầu cử là Ngày hội của toàn dân!"), not work
    if ON_PROBLEMS.match(text):
        return ""  # "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc ...": a standing rule
    if _POINTER.match(text) or _RULE_POINTER.match(text):
        return ""  # "Thực hiện theo lộ trình tại phần (II) của Kế hoạch này.": the work is elsewhere
    if _RUNS_WHEN.match(text):
        return "nêu thời gian của chính kế hoạch, đợt thi đua, không phải việc được giao"
    if _CONTENTS_FIELD.match(text):
        return "nêu các nội dung mà một việc hay một văn bản gồm, không phải việc được giao"
    if _TAKES_EFFECT.match(text) or _CARRIES_OUT.search(text):
        return "điều khoản hiệu lực, bãi bỏ, thi hành của văn bản, không phải việc được giao"
    if DOCUMENT_POINT.match(text):
        return "nêu một văn bản (loại, số, ngày), không phải việc được giao"
    return None


GUIDANCE_RULE_WHY = "quy định, cách làm mà văn bản hướng dẫn giải thích, không phải việc được giao"


# A ban stated for all ('Cấm lưu thông các xe tải ...', 'Nghiêm cấm ...', 'Đối với xe mô tô ...: cấm lưu thông
# ...'): a rule of the document, not work given to a body (one written under a body's heading is that body's work).
_BANS = re.compile(r"^(?:Đối với\s[^.;:]{3,200}:\s*)?(?:[Nn]ghiêm cấm|[Cc]ấm)\s")


# A note's opening before what it says ('Lưu ý: ...').
_NOTE_OPENING = re.compile(r"^(?:Lưu ý|Chú ý|Ghi chú)\s*:\s*")


# What a guidance document explains, by its opening: a case and its rule ('Đối với cán bộ nữ ..., thì ...',
# 'Trường hợp ...', 'Nếu ...', 'Sau khi ..., ...'), a step of a procedure ('Bước 2: ...'), an example that names a
# person ('Đồng chí Nguyễn Văn A, Chủ nhiệm ...'), a restriction ('Chỉ quy hoạch ...', 'Không ...').
_GUIDANCE_RULE = re.compile(
    rf"^(?:(?:Đối với|Trường hợp|Riêng trường hợp|Trong trường hợp|Nếu|Khi|Sau khi)\s[^.;:]{{3,200}}?,\s"
    rf"|Bước\s+\d{{1,2}}\s*[:.]|(?:Đồng chí|Ông|Bà)\s+[{UPPER}][{LOWER}]*\s+[{UPPER}]|(?:Chỉ|Không)\s)"
)


# A point that says how a thing is done rather than calls for it: the work named as a thing, then 'được'
# ('Xây dựng quy hoạch ... được thực hiện một lần vào năm thứ hai ...').
_DONE_HOW = re.compile(r"^[^,;:.]{3,120}?\s(?:được|do)\s+(?:thực hiện|tiến hành|xác định|tính|áp dụng|quy định)\b")


# A group of bodies as a sentence's subject ('Các cấp ủy, tổ chức đảng, cơ quan, đơn vị ... cụ thể hóa ...', 'Các
# tỉnh ủy, thành ủy ... có trách nhiệm ...'): the words before the first comma name bodies of a kind.
_GROUP_SUBJECT = re.compile(
    r"^(?P<who>(?:[Cc]ác|[Nn]hững)\s+(?:cấp\s+[ủu][ỷy]|tổ chức đảng|cơ quan|đơn vị|địa phương|"
    r"(?:tỉnh|thành|huyện|đảng)\s+[ủu][ỷy]|bộ|ngành|sở|ban|hội|đoàn thể)\b[^.;:()]{0,160}?)\s+"
    r"(?:có trách nhiệm|chịu trách nhiệm|căn cứ|cụ thể hóa|cụ thể hoá|chủ động|tổ chức thực hiện|triển khai|"
    r"xây dựng|ban hành|thực hiện|chỉ đạo|lãnh đạo|cần|phải)\b"
)


def group_subject(text: str) -> re.Match[str] | None:
    """A group of bodies the sentence gives work to, as its subject after its grounds ('Căn cứ Kế hoạch này, các sở,
    ngành xây dựng ...', '...; đồng thời, trên cơ sở ...; các cấp ủy ... có trách nhiệm ...'); not a call on them
    only to carry the document out."""
    opening = SUBJECT_OPENING.match(text)
    starts = [opening.end() if opening else 0, *(m.end() for m in re.finditer(r";\s+", text))]
    group = next(filter(None, (_GROUP_SUBJECT.match(text[k:]) for k in starts)), None)
    return None if group is None or only_carry_out(text, group["who"]) else group


def _group_doubt(group: re.Match[str]) -> str:
    return f"đơn vị thực hiện là nhóm nêu ở đầu câu ('{group['who'].strip(' ,')}'); cần ghi rõ"


# Work given to, or asked of, the bodies named after 'Giao', 'Đề nghị', 'Yêu cầu', up to the verb of the work
# ('Đề nghị Chính phủ, Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Tòa án nhân dân tối cao chỉ đạo rà soát ...').
_GIVEN_BY_NAME = re.compile(
    rf"^(?:Tiếp tục\s+)?(?:Giao|Đề nghị|Yêu cầu)\s+(?:cho\s+)?(?P<who>[{UPPER}][^.;:()]{{2,200}}?)\s+"
    rf"{verbs.AFTER_SUBJECT}\b"
)


# A passive sentence naming whose work it is before 'được' ('Bản tin của các tỉnh ủy ... được biên soạn ...').
_PASSIVE_OF = re.compile(r"^[^,;:.()]{2,60}?\scủa\s(?P<whose>[^;:.()]{3,120}?)\s(?:được|phải được)\s")


class Work:
    """Reads what a point is and who does it."""

    def __init__(self, w: Walk, roles: Roles) -> None:
        self.w = w
        self.roles = roles

    def classify(self, item: Item, role: str) -> None:
        """Task, aim, requirement or text, by the point's form and the part it sits in."""
        text = item.text
        if (written := _written_not_work(text)) is not None:
            item.role, item.why = "text", written or item.why
        elif _BANS.match(text) and not self.names_body_above():
            item.role, item.why = "text", "quy định cấm, không phải việc được giao cho ai"
        elif role in ("tasks", "organisation", "context") and AGREES.match(text):
            item.role, item.why = "text", _VIEW
            self.note_view(item)
        elif role in ("tasks", "organisation") and _names_shortcomings(text):
            item.role, item.why = "text", "nêu hạn chế, tồn tại, không phải việc được giao"
            self.note_view(item, whole=True)
        elif role in ("tasks", "organisation") and self.stated(item, role):
            pass  # an aim by its label, a rule on what someone receives, how a matter stands
        elif role in ("tasks", "organisation", "funds") and _reports_done(text):
            item.role, item.why = "text", "kể việc đã làm, không phải việc được giao"
            self.note_done(item)
        elif _FUNDS_POINT.match(text) and role in ("tasks", "funds"):
            item.role = "text"  # "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ...": money, not work
        elif FIELD_POINT.match(text) and (role != "organisation" or self.w.legal.articles):
            item.role = "text"  # "1. Thời gian kiểm tra: 13h30' ngày 29/4/2026", "2. Địa điểm: ...": what, not work
        elif role == "aims":
            item.role = _aim_or_requirement(self.w.section(), text)
        elif role == "context" and item.marker is None and item.number is None and _OPENS_WORK.search(text):
            item.role, item.why = "text", "câu dẫn mở các nhiệm vụ sau nó trong phần kết quả, đánh giá"
            self.w.opened_work, self.w.opened_lead = item.path, []
            who = _WHO_BEFORE_CALL.search(text.split(":", 1)[0])
            self.w.opened_who = who["who"] if who and not re.match(r"^(?:Để|Nhằm)\b", who["who"]) else None
        elif role == "context" and GIVES_WORK.match(text):
            item.why = "giao việc ngay trong phần kết quả, tình hình ('Tiếp tục yêu cầu X ...')"
        elif role in ("appendix", "context", "norms"):  # an appendix's tasks are its table's rows
            item.role = "text"
        elif role == "tasks" and self.w.guidance:
            self.guidance_point(item)
        elif role in ("organisation", "funds", "criteria"):  # "Sở Tài chính chủ trì ... bố trí kinh phí" gives work
            self.organisation_point(item)

    def stated(self, item: Item, role: str) -> bool:
        """A point of a part of work that is not work by its shape: an aim by its label ('- Mục tiêu: ...'), a rule
        on what someone receives ('X sẽ được cộng điểm ...'), how a matter stands ('Công tác X còn chậm'). Says
        what it is on the item."""
        text = item.text
        if _AIM_POINT.match(text):
            item.role = "requirement" if text.startswith("Yêu cầu") else "aim"
        elif role == "tasks" and _RECEIVES.match(text) and not self.names_body_above():
            item.role, item.why = "text", "nêu điều một bên được hưởng, được xét, không phải việc được giao"
        elif _states(text):
            item.role, item.why = "text", "nêu tình hình, kết quả của một việc, không phải việc được giao"
            self.note_view(item)
        else:
            return False
        return True

    def guidance_point(self, item: Item) -> None:
        """In a document that explains rules (a 'Hướng dẫn'), a point is work when it calls for an action
        ('Đẩy mạnh ứng dụng ...'), opens with a time ('Hằng năm, tiến hành rà soát ...') or gives work to a body
        it names ('Các cấp ủy ... cụ thể hóa ...'); a case and its rule ('Đối với ..., thì ...', 'Trường hợp
        ...'), a step of a procedure ('Bước 2: ...'), an example naming a person ('Đồng chí Nguyễn Văn A ...'),
        how a thing is done or reckoned ('Tuổi quy hoạch bằng ...', 'Việc X được thực hiện ...') are the rules
        it explains: the section's text."""
        text = _NOTE_OPENING.sub("", item.text)
        if _GUIDANCE_RULE.match(text) or CONDITION.match(text):
            item.role, item.why = "text", GUIDANCE_RULE_WHY
            self.case_steps(item)
            return
        if self.w.section_lead():
            item.why = "giao việc cho đơn vị nêu ở tên mục"
            return
        if (passive := _PASSIVE_OF.match(text)) and (units := self.w.subjects.heading_units(passive["whose"])):
            item.lead, item.lead_how = units, "heading"
            item.why = "việc của đơn vị nêu trong câu, viết ở thể bị động ('Bản tin của X được biên soạn ...')"
            item.lead_doubt = "câu bị động: đơn vị thực hiện đọc từ tên nêu trước 'được'; cần xem lại"
            return
        if OPENS_WITH_WORK.match(text) and not _DONE_HOW.match(text):
            item.why = "mở đầu bằng việc cần làm"
            return
        time_text, how = time_in_text(text)
        if time_text and how == "opening" and fold(time_text) != "dinh ky":
            item.why = "mở đầu bằng mốc thời gian"
            return
        if self.w.subjects.colon_who(item):
            item.why = "điểm mở đầu bằng đơn vị được giao ('Sở X: việc', 'Đề nghị X, Y: việc')"
            return
        self.w.subjects.read_subject(item)
        if item.lead and not only_carry_out(item.text, item.lead[-1].written):
            item.why = "giao việc cho đơn vị nêu trong câu"
            return
        item.lead, item.advising = [], []
        if (who := subject_words(text)) is not None:
            item.who, item.why = who, "câu có chủ thể là cơ quan, người được giao việc"
            return
        if (group := group_subject(text)) is not None:
            item.why, item.lead_doubt = "câu có chủ thể là nhóm cơ quan, đơn vị được giao việc", _group_doubt(group)
            return
        item.role, item.why = "text", GUIDANCE_RULE_WHY

    def names_body_above(self) -> bool:
        """A heading above names a body or a post ('1. Sở Xây dựng', 'Chủ tịch UBND các xã:'), not only a topic
        ('3. Biện pháp tổ chức giao thông đối với xe cơ giới:')."""
        who = self.w.section_who()
        return bool(self.w.section_lead()) or (who is not None and body_like(who))

    def names_bodies(self, written: str) -> bool:
        """Words that open as a body's or a post's name, or names written as proper names, each opening with a
        capital ('Chính phủ, Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao')."""
        names = [n.strip() for n in re.split(r",|\s+và\s+", written) if n.strip()]
        return body_like(written) or (bool(names) and all(n[:1].isupper() and len(n.split()) <= 10 for n in names))

    def leads_points(self, item: Item) -> bool:
        """Points follow the item: bullets, letters, plain paragraphs or numbers."""
        at = self.w.kinds.at_line(item.line)
        if at is None or at + 1 >= len(self.w.paras):
            return False
        return self.w.kinds.kind_of(self.w.paras[at + 1]) in ("bullet", "letter", "plain", "number")

    def case_steps(self, item: Item) -> None:
        """The points under a case that ends with ':' ('Khi có một trong các căn cứ ..., thực hiện như sau:' /
        '+ ...') are the steps of its rule, its text."""
        at = self.w.kinds.at_line(item.line)
        if at is None or not item.text.rstrip().endswith(":"):
            return
        mark = self.w.kinds.next_bullet(self.w.paras[at])
        if mark is not None and mark != item.marker:
            self.w.field_list = (mark, item.path)

    def note_done(self, item: Item) -> None:
        """A paragraph reporting what was done goes to its section's text, once said per section; the
        points a report of it leads into ('... đã tổ chức các hoạt động sau:' / '- ...') are its own."""
        section = self.w.section()
        if section is not None:
            section.texts.append(numbered_text(item.number, item.text))
            if not any(t.startswith(f"dòng {section.line}: ") and "đã làm" in t for t in self.w.body.skipped):
                self.w.body.skipped.append(
                    f"dòng {section.line}: đoạn kể việc đã làm ở mục {section.number} (dòng {item.line}: "
                    f"'{item.text[:50]}') không phải nhiệm vụ; ghi vào nội dung mục"
                )
        at = self.w.kinds.at_line(item.line)
        mark = (
            self.w.kinds.next_bullet(self.w.paras[at]) if at is not None and item.text.rstrip().endswith(":") else None
        )
        if mark is not None and mark != item.marker:
            self.w.field_list = (mark, item.path)

    def note_view(self, item: Item, whole: bool = False) -> None:
        """The meeting's view goes to its section's text; the points it leads into in the same sentence ('Về
        thời gian tổ chức Đại hội: Thường trực nhất trí với đề xuất ..., cụ thể:' / '+ ...') are what it agreed
        to, not work. Points after a sentence of their own ('... Trong đó lưu ý một số nhiệm vụ sau:') are,
        unless the whole lead-in is about shortcomings (``whole``): then its points are the shortcomings."""
        section = self.w.section()
        if section is not None:
            section.texts.append(numbered_text(item.number, item.text))
        text = item.text.rstrip()
        at = self.w.kinds.at_line(item.line)
        if not text.endswith(":") or (not whole and re.search(r"[.;!?]\s+\S", text)) or at is None:
            return
        mark = self.w.kinds.next_bullet(self.w.paras[at])
        if mark is not None and mark != item.marker:
            self.w.field_list = (mark, item.path)

    def read_who(self, item: Item, para: Paragraph, role: str) -> None:
        """Who does a task: its own words, else the heading above; a lead-in ('Cụ thể:') is text."""
        self.w.subjects.read_own(item)
        if CRITERIA.search(item.text) and (mark := self.w.kinds.next_bullet(para)) is not None:
            self.w.detailed = (item, mark)  # the criteria it lists under it are its own words, not tasks
        if item.lead and self.heads_points(item, para):
            return
        if item.lead:
            self.names_who_does_list(item, para)  # 'Đề nghị X tập trung ...; trong đó lưu ý các nội dung sau:'
            return
        if (
            role != "organisation"
            and item.text.rstrip().endswith(":")
            and (self.w.kinds.next_is_item(para) or self.over_numbers(item, para))
        ):
            if self.spelt_out(item, para) or (self.w.detailed and self.w.detailed[0] is item):
                return  # "- Tuyên truyền tiêu chuẩn, cơ cấu ..., cụ thể:" over "+" points: one task
            self.names_who_does_list(item, para)
            item.role = "text"  # a lead-in: "Cụ thể:", "trọng tâm là:"
        elif (points := self.roles.role_of_points()) is not None and points.unnamed:
            item.who = points.unnamed  # '- Phối hợp thực hiện:' / '+ ...': no lead named; the task asks for one
        elif self.w.bullet_head and self.w.bullet_head[2]:
            item.lead, item.lead_how = list(self.w.bullet_head[2]), "heading"  # '- Sở Tài chính' / '+ ...'
            if self.w.subjects.own_subject(item.text):
                item.lead_how = "lead-in-doubt"  # '+ Cơ quan, tổ chức ... cung cấp ...': its own subject?
        elif self.w.sibling_lead and self.w.sibling_lead[1] == item.path and item.number is not None:
            item.lead, item.lead_how = list(self.w.sibling_lead[0]), "heading"  # 'Giao X ... các công việc:' / '1. ...'
        elif heading_lead := self.w.section_lead():
            item.lead, item.lead_how = list(heading_lead), "heading"
        elif item.who:
            return  # named in the point itself (see organisation_point)
        elif (written := _WHO_COLON.match(item.text) or _FOR_WHOM.match(item.text)) and not label_of(item.text):
            item.who = written["who"]  # "Ông. X - Trưởng đoàn: Phụ trách chung ...", "Đối với Đoàn kiểm tra: ..."
        elif case := FOR_CASE.match(item.text):
            item.who = case["who"]  # "Đối với X thì các phòng thuộc Ban có trách nhiệm ..."
        elif who := self.w.section_who():
            item.who = who
        else:
            self.given_by_lead_in(item)

    def given_by_lead_in(self, item: Item) -> None:
        """A point after '..., thành phố Đà Nẵng cần tập trung thực hiện các nhiệm vụ sau:' amid an assessment,
        naming no one: given to whom the lead-in names, flagged."""
        who = self.w.opened_who
        if not who or self.w.opened_work is None or self.w.subjects.own_subject(item.text):
            return
        item.lead = list(self.w.opened_lead) or self.w.subjects.heading_units(who)
        item.who = None if item.lead else who
        item.lead_how = "heading"
        item.lead_doubt = f"đơn vị thực hiện đọc từ câu dẫn ở trên ('{who}'); cần xem lại"

    def names_who_does_list(self, item: Item, para: Paragraph) -> bool:
        """A paragraph whose last sentence names who does the points under it and calls for them ('..., Văn phòng
        Trung ương Đảng và các văn phòng tỉnh ủy, thành ủy cụ thể hóa để tổ chức thực hiện, trong đó, cần tập trung
        một số nhiệm vụ trọng tâm sau:', 'Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo ...; trong đó lưu ý một số
        nội dung trọng tâm sau:'): the points after it in its section that name no one are given to whom it names,
        flagged. Returns whether it names someone."""
        if not _CALLS_FOR_LIST.search(item.text) or not (
            self.w.kinds.next_is_item(para) or self.over_numbers(item, para)
        ):
            return False
        lead = list(item.lead) or self.call_subject(item.text)
        if not lead:
            return False
        self.w.opened_work, self.w.opened_lead = item.path, lead
        self.w.opened_who = ", ".join(m.written for m in lead)
        return True

    def call_subject(self, text: str) -> list[Match]:
        """Whom the last sentence of a lead-in names as its subject: at its start, or after a comma or a
        semicolon ('Quán triệt ...; căn cứ vào ..., Văn phòng Trung ương Đảng ... cụ thể hóa ..., trong đó, ...')."""
        sentence = re.split(r"(?<=[.!?])\s+(?=[{UPPER}])".replace("{UPPER}", UPPER), text.rstrip())[-1]
        starts = [0, *(m.end() for m in re.finditer(r"[,;]\s+", sentence))]
        for start in starts:
            probe = Item(sentence[start:], 0, ())
            self.w.subjects.read_subject(probe)
            if probe.lead and all(m.usable and not m.generic for m in probe.lead):
                return probe.lead  # a group ('các sở, ban, ngành, ...') is the whole system called on, not a lead
        return []

    def over_numbers(self, item: Item, para: Paragraph) -> bool:
        """A plain paragraph (no number, no bullet) right above numbered points ('Từ nay đến cuối năm ...; do vậy,
        yêu cầu các bộ, ngành, địa phương:' / '1. ...', '... tập trung thi đua thực hiện các nội dung chủ yếu
        sau:' / '1. Thi đua ...'): it leads into them, whether they are points or headings; the work is theirs."""
        if item.number is not None or item.marker is not None:
            return False
        at = self.w.at[id(para)] + 1
        after = self.w.paras[at] if at < len(self.w.paras) else None
        return after is not None and after.table is None and self.w.kinds.kind_of(after) == "number"

    def heads_points(self, item: Item, para: Paragraph) -> bool:
        """A point that names who and ends with ':' over the points written under it leads into them
        ('- Ban Thường trực UBMTTQ xã trao đổi với cơ quan ... để tổ chức hội nghị cử tri:' / '+ ...',
        'Giao phòng Quản lý Công nghiệp triển khai, thực hiện các công việc:' / '1. ...' / '2. ...'): it
        is no work of its own; the points are, given to whom it names unless they name their own."""
        text = item.text.rstrip()
        if not text.endswith(":") or CRITERIA.search(text) or item.lead_how == "colon":
            return False
        if re.search(r"[.;!?]\s+\S", text):
            return False  # '... phát động các phong trào thi đua. Cụ thể:': a task its points spell out
        at = self.w.at[id(para)] + 1
        after = self.w.paras[at] if at < len(self.w.paras) else None
        if after is None or after.table is not None:
            return False
        kind = self.w.kinds.kind_of(after)
        if kind == "bullet" and item.number is None:
            mark = BULLET.match(after.text)["mark"]  # type: ignore[index]
            if mark == item.marker:
                return False
            above = {i.marker for i in self.w.body.items if i.path == item.path and i.marker and i.marker != mark}
            self.w.bullet_head = (item.marker or PLAIN_LEAD_IN, above, list(item.lead), item.path)
        elif kind == "number" and item.marker is None and self.w.level_of(after, kind) == len(self.w.path()) + 1:
            self.w.sibling_lead = (list(item.lead), item.path)  # the numbered points after it, as its siblings
        else:
            return False
        item.role, item.why = "text", "câu dẫn giao các điểm dưới nó cho đơn vị nó nêu"
        return True

    def spelt_out(self, item: Item, para: Paragraph) -> bool:
        """A dash point that states work and ends with ':' over points of a deeper bullet ('-' then
        '+') is one task; its points spell out what it covers. A bare lead-in ('- Nhiệm vụ:',
        '- Cụ thể như sau:') or one that only names who ('- Sở Nội vụ:') introduces tasks instead."""
        if item.marker is None or item.role != "task":
            return False
        later = next(iter(self.w.paras[self.w.at[id(para)] + 1 :]), None)
        mark = BULLET.match(later.text) if later is not None and self.w.kinds.kind_of(later) == "bullet" else None
        if mark is None or mark["mark"] == item.marker or self.w.subjects.names_own_lead(mark["rest"]):
            return False  # '+ Sở Xây dựng: hướng dẫn ...': each point gives work to its own unit
        if LIST_LEAD_IN.match(item.text):
            return False  # '- Các nội dung hỗ trợ ... bao gồm:' / '+ ...': a bare lead-in, its points are the work
        words = _LEAD_IN_TAIL.sub("", item.text.rstrip(" :")).split()
        if len(words) <= 3 or self.w.subjects.heading_units(item.text):
            return False
        if re.match(r"^Về\b", item.text) and len(words) <= 12:
            return False  # '- Về công tác xây dựng Đảng:' / '+ ...': a topic over its points, each one work
        self.w.detailed = (item, mark["mark"])
        return True

    def organisation_point(self, item: Item) -> None:
        """In 'Tổ chức thực hiện', a point is a task only when it gives work to a named unit (in its
        words or in the heading above it) or a time."""
        if self.w.section_lead() or self.w.section_who():
            item.why = "giao việc cho đơn vị nêu ở tên mục"
            return
        if self.w.sibling_lead and self.w.sibling_lead[1] == item.path and item.number is not None:
            item.lead, item.lead_how = list(self.w.sibling_lead[0]), "heading"
            item.why = "giao việc cho đơn vị nêu ở điểm mở đầu ('Giao ...:') ngang hàng"
            return
        if self.w.bullet_head and self.w.bullet_head[2] and item.marker is not None:
            item.why = "giao việc cho đơn vị nêu ở điểm dẫn ở trên"
            return
        if self.w.subjects.colon_who(item):
            item.why = "điểm mở đầu bằng đơn vị được giao ('Sở X: việc', 'Đề nghị X, Y: việc')"
            return
        if (group := group_subject(item.text)) and not re.match(r"^\S+\s+cấp\b", group[0]):
            item.why, item.lead_doubt = "câu có chủ thể là nhóm cơ quan, đơn vị được giao việc", _group_doubt(group)
            return
        self.w.subjects.read_subject(item)
        if item.lead and item.number is not None and item.text.rstrip().endswith(":"):
            self.w.sibling_lead = (list(item.lead), item.path)
        if LIST_LEAD_IN.match(item.text) and self.leads_points(item):
            item.role, item.why = "text", "câu dẫn nêu danh sách việc dưới nó, không phải việc"  # 'X có nhiệm vụ:'
            return
        who = _WHO_COLON.match(item.text)
        if not item.lead and who and label_of(item.text) is None:
            item.why = "đoạn mở đầu bằng người, đơn vị được giao ('...: việc')"
            item.who = who["who"]  # "Đồng chí Phó Trưởng ban - Ủy viên: Trực tiếp chỉ đạo ..."
            return
        time_text, how = time_in_text(item.text)
        # A group "at every level" ("Ban Dân vận các cấp ủy", "các cấp ủy, tổ chức đảng") is the whole
        # system the plan calls on, not a body given work; a group of bodies ("các sở, ban, ngành",
        # "UBND các xã, phường") is.
        if item.lead and not any(re.search(r"\bcac cap\b", fold(m.written)) for m in item.lead):
            generic = any(m.generic or self.w.subjects.registry_generic(m.unit) for m in item.lead)
            if generic and only_carry_out(item.text, item.lead[-1].written):
                # "Các đơn vị căn cứ Kế hoạch này triển khai thực hiện.": a call on all, no work of its own
                item.role, item.lead, item.advising = "text", [], []
                return
            item.why = "giao việc cho nhóm đơn vị" if generic else "giao việc cho đơn vị cụ thể"
            return
        if time_text and how == "opening" and fold(time_text) != "dinh ky":  # a bare "Định kỳ" names no time
            item.why = "mở đầu bằng mốc thời gian"
            return
        item.lead, item.advising = [], []
        if (subject := subject_words(item.text)) is not None:
            item.who, item.why = subject, "câu có chủ thể là cơ quan, người được giao việc"
            return
        if (given := _GIVEN_BY_NAME.match(item.text)) and self.names_bodies(given["who"]):
            # 'Đề nghị Chính phủ, Tòa án nhân dân tối cao ... chỉ đạo rà soát ...': work asked of the bodies it
            # names, though they are not all read as units; no lead rather than a wrong unit (the issuer is written,
            # flagged for the clerk)
            item.why = "giao việc, đề nghị cho cơ quan nêu trong câu mà lệnh nhập không đọc được từng đơn vị"
            return
        if _DEADLINE.search(item.text) and not _RUNS_WHEN.match(item.text):
            # '... gửi Sở Tài chính trước ngày 25 tháng 01 hằng năm.': a date by which something is due is work
            item.why = "nêu hạn phải xong ('trước ngày ...'), là việc phải làm"
            item.lead_doubt = "câu nêu hạn phải xong nhưng không đọc được đơn vị thực hiện; cần ghi rõ"
            return
        item.role = "text"
