"""Forms more than one step of reading a body looks for: the closing, criteria, cases, fields, marks."""

from __future__ import annotations

import re

from ..source import HEADING_ROMAN, LOWER, UPPER

CLOSING_REQUEST = re.compile(
    r"^(?:Đề nghị|Yêu cầu|[^.;:]{0,80}?\b(?:đề nghị|yêu cầu))\b[^.;:]*"
    r"\b(?:nghiêm túc|triển khai thực hiện|tổ chức thực hiện)"
)


# A point's own mark written at the start of its paragraph ('(2) ', '(ii) ', '(a) '): notices and dispatches number
# the points of a list so, one paragraph each. No body's name and no sentence opens with one: every reader that
# looks at a point's first words, and its text as drafted, takes it off here.
POINT_MARK = r"\((?:[ivxlc]{1,5}|\d{1,2}|[a-zđ])\)"
_POINT_MARK_FIRST = re.compile(rf"^\s*(?P<mark>{POINT_MARK})\s+(?=\S)")


def point_mark(text: str) -> tuple[str | None, str]:
    """A paragraph's point mark and its words after it ('(ii)', 'Bộ X chỉ đạo ...'), or (None, text)."""
    found = _POINT_MARK_FIRST.match(text)
    return (found["mark"], text[found.end() :]) if found else (None, text)


PLAIN_LEAD_IN = "¶"  # the mark of a lead-in written as a plain paragraph, over bullets


def roman_heading(text: str) -> bool:
    match = HEADING_ROMAN.match(text)
    if re.match(r"^V\s*/\s*[Vv]\b", text):
        return False  # 'V/V CHỦ ĐỘNG PHÒNG, TRÁNH ...' ('về việc'): a subject line, not part V
    return bool(match and match["num"] and match["rest"][:1].isupper())


# A lead-in by which the sender reports, not assigns ('Sở Công Thương báo cáo, cung cấp một số thông tin
# cụ thể như sau:'); one that asks or gives work ('đề nghị các đơn vị báo cáo ...') does not.
REPORTS = re.compile(
    r"^(?!.*\b(?:de nghi|yeu cau|giao|chi dao|co y kien|ket luan)\b).*\b(?:bao cao|cung cap(?: thong tin)?)\b"
)


# A point that ends by naming the criteria it goes by ("... lập danh sách sơ bộ căn cứ vào các tiêu chí:"):
# the points under it list them; they are not work.
CRITERIA = re.compile(
    r"\b(?:các|những)\s+(?:tiêu chí|tiêu chuẩn|điều kiện|căn cứ)(?:\s+(?:sau|sau đây|như sau))?\s*:\s*$", re.I
)


# The standing rule that closes many plans: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các
# cơ quan báo cáo ... để xem xét, giải quyết." It says what to do if a problem arises; it is not work.
ON_PROBLEMS = re.compile(
    r"^Trong quá trình (?:tổ chức )?(?:thực hiện|triển khai)[^.;]{0,60}?\bnếu\s+(?:có|phát sinh|phát hiện|gặp)\s+"
    r"(?:những\s+|các\s+)?(?:khó khăn|vướng mắc|vấn đề)",
    re.IGNORECASE,
)


# A paragraph stating a case and what is done in it: a rule, not work.
# ('Trường hợp ... thì ...', 'Khi đánh giá ... thì thực hiện ...', 'Trường hợp các cơ quan có ý kiến khác nhau,
# cơ quan chủ trì ...').
CONDITION = re.compile(
    r"^(?:(?:Trường hợp|Nếu|Riêng trường hợp|Khi)\b[^.;:]{3,200}?\bthì\b"
    r"|(?:Trường hợp|Riêng trường hợp)\s+(?!cần thiết\b)[^.;:]{3,160}?,\s)"
)


# "Trên đây là Kế hoạch ...": the paragraph that closes the plan's body
CLOSING_PARAGRAPH = re.compile(r"^Trên đây\b")


# The sender's closing words in a notice or a letter, written last ('Văn phòng Chính phủ xin thông báo để các
# bộ, ngành ... biết, thực hiện./.', '... xin trân trọng thông báo./.', 'Bộ X trân trọng cảm ơn sự phối hợp
# của Quý Ủy ban./.'): the sender named, then it informs or thanks; no work.
CLOSING_WORDS = re.compile(
    r"^[^.;:]{3,100}?\s(?:xin\s+)?(?:trân trọng\s+)?(?:thông báo|cảm ơn|cám ơn)"
    r"(?:\s+(?:để|đến|tới|cho|sự|Quý)\b[^.;:]*)?\.?(?:/\.)?\s*$"
)


# A point that states a field of the event the plan organises, not work: "Thời gian kiểm tra: ...",
# "Địa điểm: ...", "Đối tượng: ...", "Thành phần: ...".
FIELD_POINT = re.compile(
    rf"^(?:(?:Thời gian|Đối tượng|Thành phần)(?: [{LOWER}]+){{0,3}}|Thời điểm|Địa điểm|Hình thức|Phạm vi|Quy mô|"
    r"Số lượng|Khách mời)\s*:"
)


# Work given by the issuer to its own or lower bodies, amid results ('Tiếp tục yêu cầu các sở ...', 'Giao Sở
# X ...'); a request ('Đề nghị Bộ X ...') there is most often a proposal to a higher body, not work.
GIVES_WORK = re.compile(r"^(?:Tiếp tục\s+)?(?:Giao|Yêu cầu|giao|yêu cầu)\s+(?:cho\s+)?\S")


def numbered_text(number: str | None, text: str) -> str:
    return f"{number}. {text}" if number else text


def end_mark(text: str) -> str:
    """Drop the end-of-document mark: '... cấp trên./.' -> '... cấp trên.'"""
    return re.sub(r"\s*\./\.\s*$", ".", text.strip())


# A meeting's own view in a notice of its conclusions, not work: its body agrees with, approves or
# acknowledges what was put to it ('Thường trực Đảng uỷ cơ bản nhất trí với báo cáo ...', 'Hội nghị thống
# nhất với dự thảo ...', 'Về thời gian tổ chức Đại hội: Ban Thường vụ nhất trí với đề xuất ...'). The
# meeting opens the sentence, or the verb is hedged ('cơ bản', 'Cơ bản thống nhất với Báo cáo ...'); a
# point that opens with the verb ('Thống nhất với Sở X về ...') or with work ('Tổ chức Hội nghị thống
# nhất về ...') is work. Syllables may run together in text taken from a PDF ('uỷthống').
_PRAISE = r"(?:ghi nhận|biểu dương|đánh giá cao|hoan nghênh|chúc mừng|khen ngợi|cảm ơn|cám ơn)"


# Praise in a notice or a conclusion, not work: by whoever chairs or concludes ('Thủ tướng Chính phủ ghi nhận,
# biểu dương và đánh giá cao những nỗ lực ...', 'Thay mặt Thủ tướng Chính phủ, biểu dương tinh thần ...', 'Chủ tịch
# UBND tỉnh đánh giá cao ...', 'Bộ Chính trị, Ban Bí thư ghi nhận và biểu dương ...') or with no subject ('Ghi
# nhận, biểu dương và đánh giá cao tinh thần ...'). Praise that is itself the work ('Biểu dương, khen thưởng các
# tập thể ...', 'UBND các xã tổ chức biểu dương ...') is not.
_PRAISES = (
    r"^(?:Về\s*[^:.;]{0,120}:\s*)?(?:Thay mặt\s+[^,.;:]{3,80},\s*)?"
    r"(?:(?:Thủ tướng|Phó Thủ tướng|Chính phủ|Ban Chỉ đạo|Bộ trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Lãnh đạo|"
    r"Đoàn công tác|Đoàn kiểm tra|Đoàn giám sát|Đồng chí|Bí thư|Phó Bí thư|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|"
    r"Bộ Chính trị|Ban Bí thư|Ban Thường vụ|Ban Chấp hành|Thường trực|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    r"Đảng ủy|Đảng uỷ)"
    r"(?:(?!\b(?:tổ chức|triển khai|thực hiện|xem xét|đề nghị|giao|chỉ đạo|yêu cầu)\b)[^.;:]){0,100}?\s"
    rf"{_PRAISE}(?:\s*(?:,|và)\s*{_PRAISE})*\s+(?!khen thưởng\b)(?=\w)"
    rf"|(?i:{_PRAISE})(?:\s*(?:,|và)\s*{_PRAISE})*\s+(?:sự|những|tinh thần|nỗ lực|kết quả|thành tích|cao)\b)"
)


AGREES = re.compile(
    r"^(?:Về\s*[^:.;]{0,120}:\s*)?"
    r"(?:(?:Ban\s*|Tập thể\s*)?(?:Thường trực|Thường vụ|Hội nghị|Ban Chấp hành|Tập thể|[Cc]uộc họp|Ban Cán sự)"
    r"[^.;:]{0,60}?(?:cơ bản\s*)?|[^.;:]{2,80}?cơ bản\s*|Cơ bản\s+)"
    r"(?:nhất trí|thống nhất|đồng ý|tán thành|ghi nhận|biểu dương|đánh giá cao)\s*"
    r"(?:với|việc|chủ trương|về|thông qua|cao|sự|kết quả|[“\"])"
    rf"|{_PRAISES}"
)


# Where work given by name starts a new sentence in a paragraph that opens with the meeting's view
# ('... nhất trí với danh mục đầu tư. Giao Đảng uỷ UBND xã chỉ đạo ...', '. ĐềnghịBan Xây dựng Đảng ...').
WORK_SENTENCE = re.compile(
    rf"(?<=[.;])\s+(?=(?:Đồng thời,?\s*)?(?:Giao|Đề\s*nghị|Yêu\s*cầu|Phân\s*công)(?:\s|[{UPPER}]))"
)


# Words that introduce shortcomings, in text folded to plain letters, wherever a heading or a lead-in names
# them ('2. Bên cạnh những kết quả đạt được, Ban Thường vụ lưu ý một số mặt hạn chế, khó khăn nổi lên đó
# là:', '* Bên cạnh đó, cũng còn một số tồn tại, hạn chế ...; Thường trực lưu ý:'); one that names them as
# the object of work ('Khắc phục những hạn chế ...', 'Làm rõ những tồn tại ...') is work.
SHORTCOMINGS = re.compile(
    r"^(?!.*\b(?:khac phuc|giai quyet|thao go|xu ly|sua chua|chan chinh|ra soat|danh gia|phat huy|lam ro|chi ra|"
    r"kiem diem|nhin nhan|tim ra|de xuat|han che toi da)\b)"
    r".*\b(?:nhung|cac|mot so)\s+(?:mat\s+)?(?:han che|ton tai|yeu kem|khuyet diem)\b"
)


# An assessment still standing ('vẫn còn', 'cũng còn một số'): with SHORTCOMINGS, a point that reports
# shortcomings rather than giving work.
STILL = re.compile(r"\b(?:van con|cung con|con (?:nhieu|mot so|nhung))\b")


# A lead-in whose points report results ('..., các cơ quan đã tập trung triển khai các nhiệm vụ, thể hiện trên các
# mặt:', '... đã đạt được những kết quả quan trọng sau:'): the points after it, of its next mark, are the results
# it names, not work; a heading that closes with it governs its points alike.
RESULTS_LEAD = re.compile(
    r"(?:\b(?:được\s+)?thể hiện(?:\s+rõ)?\s+(?:trên|ở|qua|tại)\s+(?:các|những|một số)\s+(?:mặt|lĩnh vực|nội dung)"
    r"|\bđạt(?:\s+được)?\s+(?:những|các|một số|nhiều)\s+kết quả(?:\s+[^\s:;,.]+){0,3})"
    r"(?:\s+(?:sau đây|sau|chủ yếu|cụ thể|như sau))*\s*:\s*$",
    re.IGNORECASE,
)


# A point that only names a paper by its kind and number ('- Tờ trình số 13-TTr/BXDĐ ngày 26/8/2025 về chủ trương
# ...', '- Báo cáo số 120/BC-UBND ngày ...'), as in a list of papers put to a meeting or held in a file: the paper,
# not work. One that also asks or gives work ('..., đề nghị ...', 'giao ...') is read as usual.
DOCUMENT_POINT = re.compile(
    r"^(?:Tờ\s*trình|Báo\s*cáo|Công\s*văn|Quyết\s*định|Kế\s*hoạch|Nghị\s*quyết|Biên\s*bản|Thông\s*báo|Đề\s*án|"
    r"Chương\s*trình|Hướng\s*dẫn|Văn\s*bản|Dự\s*thảo|Phiếu|Đơn)\s*số\s*:?\s*\d"
    r"(?![^;]*\b(?:đề\s*nghị|giao|yêu\s*cầu|chủ\s*trì|phân\s*công)\b)"
)


# A worked example in a guidance or a rule ('Ví dụ: Đảng bộ tỉnh A có 50 ủy viên ...', 'Ví dụ 2:' over the paragraphs
# telling it): it shows how a rule applies, it gives no work.
EXAMPLE = re.compile(r"^(?:Ví dụ|Thí dụ)(?:\s+(?:\d{1,2}|[IVX]{1,4}|minh họa))?\s*:", re.IGNORECASE)


# What a paper to be made holds, in text folded to plain letters ('2. Đề án vùng phát thải thấp bao gồm những nội
# dung chính sau đây:', 'Hồ sơ đề nghị gồm các tài liệu sau:', 'Báo cáo gồm các nội dung chủ yếu:'): its points are
# the paper's parts, not work. A plan's own content ('Kế hoạch gồm các nội dung sau:') may be its work: not here.
CONTENTS_OF_PAPER = re.compile(
    r"^(?:de an|ho so|bao cao|du thao|to trinh|phuong an|de cuong|du an)\b[^.;:]{0,160}?\b(?:bao gom|gom)\s+"
    r"(?:(?:nhung|cac|mot so)\s+)?(?:noi dung|tai lieu|thanh phan|van ban|phan)\b"
)


# A lead-in that only names the list of work under it: whose duties follow ('Ban Chỉ đạo có nhiệm vụ:', 'Tổ công
# tác có các nhiệm vụ, quyền hạn sau:') or what the list holds ('Các nội dung hỗ trợ thi hành Luật bao gồm:'). It is
# no work of its own; the points under it are.
LIST_LEAD_IN = re.compile(
    r"^(?:[^.;:]{3,150}?\s+có\s+(?:các\s+|những\s+)?(?:nhiệm vụ|trách nhiệm|chức năng|quyền hạn)"
    r"(?:\s*(?:,|và)\s*(?:nhiệm vụ|trách nhiệm|chức năng|quyền hạn))*"
    r"|(?:Các|Những)\s+(?:nội dung|hoạt động|nhiệm vụ|công việc|giải pháp)\b[^.;:]{0,100}?\s(?:bao gồm|gồm có|gồm))"
    r"(?:\s+(?:sau|sau đây|như sau|cụ thể(?: như sau)?))?\s*:\s*$"
)


# A sentence left unfinished at a preposition before its colon ('1. Sở Tài chính chịu trách nhiệm cập nhật dữ liệu
# vào Cơ sở dữ liệu về giá đối với:' / 'a) Báo cáo giá thị trường ...;' / 'b) ...'): the points under it finish
# it, naming what the work covers; they are the point's own words, not work of their own.
HANGING = re.compile(r"\s(?:đối với|cho|của|tại|với)\s*:\s*$")
