"""Import of a report (báo cáo sơ kết, tổng kết, báo cáo kết quả): a report record,
plus a plan for its programme part.

A report's body is read by the same stages as a plan's (``structure``,
``citations``, ``units``); what differs is what its parts become:

- the results part (Phần thứ nhất, or the sections before the programme) gives
  the report's results: each paragraph a result, linked to the task of a recorded
  plan it reports on when their words match (to a section of that plan when it
  matches no one task), with a ``# KIỂM TRA:`` note when the match or the
  outcome is a guess; results that match nothing recorded are kept on the file as
  comments for a person to link. The figures of every result paragraph become
  the report's figures (``importer.figures``);
- the programme part (Phần thứ hai, 'Phương hướng, nhiệm vụ năm ...', 'Chương
  trình công tác ...') becomes a plan of type chuong-trinh or ke-hoach, its tasks
  read as any plan's;
- difficulties (hạn chế, khó khăn, nguyên nhân) and proposals to a higher body
  (kiến nghị, đề xuất) are neither results nor tasks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from typing import Any

from ..index import Index, section_paths
from ..kinds import Kind
from ..model import PlanType, ReportKind, ResultOutcome
from ..model.timeframe import parse_timeframe
from ..text import fold
from . import citations as cite
from . import figures as figs
from . import header as head
from . import source
from . import structure as struct
from .draft import Draft, Outcome, PlanBuilder, section_data
from .forms import HEADING_ROMAN
from .units import Registry

STRONG, WEAK = 0.7, 0.5  # share of a task's words a result repeats: linked / linked with a doubt


def is_report(header: head.Header) -> bool:
    return fold(header.heading).startswith("bao cao")


def build(doc: source.Document, header: head.Header, index: Index, issuer: str | None = None) -> Outcome:
    registry = Registry(index.units, header.province, header.locality)
    registry.issuer_name = header.issuer_name
    registry.province_guessed = header.province_guessed
    registry.city = header.province_city
    whole = struct.parse(doc, header.body_start, registry, figures=True)  # its tables of figures read as results
    # only a period the title gives the results ('tổng kết công tác dân vận và phương hướng, nhiệm vụ năm
    # 2026' gives none: 2026 is the programme's)
    split = _split(doc, header.body_start, whole, reported_period(header.title or "", whole=False))
    if split is None:
        results_body, programme, programme_heading = whole, None, None
    else:
        at, after, programme_heading = split
        results_body = struct.parse(dataclasses.replace(doc, lines=doc.lines[:at]), header.body_start, registry)
        # The heading leads into the programme's points as '... như sau:' leads into a plan's: points
        # written straight under it are read under one section, as a plan without sections is.
        lead_in = source.Line(f"{programme_heading}:", doc.lines[after - 1].number)
        end = _proposals_at(doc.lines, at, after)
        proposals = doc.lines[end : _closing_at(doc.lines, end)] if end is not None else []
        kept = doc.lines[after:end] if end is not None else doc.lines[after:]
        programme = struct.parse(dataclasses.replace(doc, lines=[lead_in, *kept]), 0, registry)
        for section in programme.sections:
            if section.heading_note == struct.NO_SECTIONS:
                section.heading, section.heading_note = _reading(programme_heading), None
    outcome = Outcome(doc.path, cleaning=list(doc.notes))
    builder = _ReportBuilder(doc, header, whole, registry, index, outcome)
    builder.proposals = [line.text for line in proposals] if split is not None else []
    builder.run_report(issuer, results_body, programme, programme_heading)
    return outcome


# ---------------------------------------------------------------- parts

_PART = re.compile(r"^phan\s+(?:thu\s+\w+|[ivx]+|\d+)\b\s*[:.\-–]?\s*(?P<rest>.*)$")
_LETTER_PART = re.compile(r"^[A-D]\s*[.\-–/)]\s*\S")
_NUMBERING = re.compile(
    r"^(?:phan\s+(?:thu\s+\w+|[ivx]+|\d+)\b\s*[:.\-–]?|(?:[ivx]+|[a-d]|\d+(?:\.\d+)*)\s*[:.\-–)/])\s*"
)
_NOT_PROGRAMME = re.compile(r"\b(?:ket qua|tinh hinh|danh gia|da thuc hien|da dat|da lam|kiem diem)\b")
_PROGRAMME = re.compile(
    r"^(?:phuong huong|nhiem vu|muc tieu|chuong trinh|ke hoach|giai phap|mot so nhiem vu|cac nhiem vu|"
    r"nhung nhiem vu|trong tam|(?:mot so|cac|nhung) giai phap|du kien (?:chuong trinh|ke hoach|nhiem vu|cong tac))"
)
# The coming period named anywhere in a heading of work ('Công tác trọng tâm tháng tới', 'Những việc cần
# làm trong thời gian tới', 'Công việc tuần tiếp theo'): the work is still to be done.
_NEXT_PERIOD = r"(?:thoi gian|tuan|thang|quy|nam|ky|giai doan|dot)\s+(?:toi|sap toi|tiep theo|ke tiep)\b"
_COMING = re.compile(rf"\b(?:nhiem vu|cong tac|cong viec|viec|ke hoach|giai phap)\b.*\b{_NEXT_PERIOD}")
# A part of proposals to a higher body after the programme ('IV. ĐỀ XUẤT, KIẾN NGHỊ', 'Phần thứ ba: Kiến
# nghị'): neither tasks of the programme nor results.
_PROPOSALS = re.compile(r"^(?:cac |mot so |nhung )?(?:kien nghi|de xuat|de nghi)\b")
_NOT_RESULTS = re.compile(
    r"\b(?:kien nghi|de xuat|de nghi|kho khan|vuong mac|han che|ton tai|nguyen nhan|bai hoc|phuong huong)\b"
)
# The setting a report opens with, before what was done: 'I. Đặc điểm tình hình', 'Đặc điểm chung'.
_SETTING = re.compile(r"^(?:dac diem|khai quat|thong tin chung|tinh hinh chung)\b")
_CLOSING = re.compile(r"tran trong bao cao|kinh bao cao|tren day la bao cao|xin bao cao")
# The last paragraph saying to whom the report goes and what for: 'X báo cáo Y biết, tổng hợp./.'.
_SENT_TO = re.compile(r"\bbao cao\b[^.;]{0,120}\b(?:biet|theo doi|tong hop)\b[^.;]{0,40}\.(?:/\.)?\s*$")


def is_programme(heading: str) -> bool:
    """A heading that opens the programme for the next period: 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022',
    'Phần thứ hai: Chương trình công tác năm 2026', 'III. Nhiệm vụ, giải pháp trọng tâm ...'."""
    folded = _NUMBERING.sub("", fold(" ".join(heading.split())))
    if _NOT_PROGRAMME.search(folded):
        return False
    if _COMING.search(folded):
        return True
    if re.match(r"^(?:chuong trinh|ke hoach)\b", folded):
        # 'Chương trình công tác năm 2026', 'Kế hoạch năm 2026'; not a programme named for its subject
        # ('Chương trình xây dựng nông thôn mới', whose results a report gives)
        return bool(re.match(r"^\w+ \w+ (?:cong tac|hanh dong|trong tam)\b", folded) or _PERIOD.search(heading))
    return bool(_PROGRAMME.match(folded))


def reported_period(title: str, whole: bool = True) -> tuple[dt.date, dt.date] | None:
    """The period a report's title says it reports on: the words before its programme's ('... năm 2025 và
    phương hướng, nhiệm vụ năm 2026': 2025), else (``whole``) the whole title's."""
    programme = r"(?:phương hướng|nhiệm vụ|chương trình|kế hoạch)\b"
    # 'tình hình thực hiện nhiệm vụ tháng 02 năm 2026 và nhiệm vụ trọng tâm tháng 3': the programme is what
    # follows 'và' or a comma; without either, the first word of a programme starts it
    joined = re.split(rf"(?:\s+và|,)\s+(?:một số\s+|các\s+)?{programme}", title, flags=re.I)
    reported = joined[0] if len(joined) > 1 else re.split(rf"\b{programme}", title, flags=re.I)[0]
    return period_of(reported) or _period_in_year(reported, title) or (period_of(title) if whole else None)


def _within(heading: str, covered: tuple[dt.date, dt.date] | None) -> bool:
    """Whether a heading names a period wholly inside the one the report covers ('2. Kế hoạch sử dụng đất
    năm 2025' in a report on 2025): work of that period is reported on, not planned. A period reaching
    past it ('Nhiệm vụ những tháng cuối năm 2025' in a report on nine months) is still to come."""
    period = _programme_period(_reading(heading))
    if covered is None or period is None:
        return False
    spans = [(p.start, p.end) for p in parse_timeframe(period).parts if p.start is not None and p.end is not None]
    return bool(spans) and min(s for s, _ in spans) >= covered[0] and max(e for _, e in spans) <= covered[1]


def _split(
    doc: source.Document, start: int, whole: struct.Body, covered: tuple[dt.date, dt.date] | None = None
) -> tuple[int, int, str] | None:
    """Where the programme part begins: (index of its heading line, index of its first line, its heading).
    Neither a heading followed by the report's review nor one of the period the report covers opens it."""
    lines = doc.lines
    for i in range(start, len(lines)):
        text = " ".join(lines[i].text.split())
        folded = fold(text)
        part = _PART.match(folded)
        lettered = text.isupper() and _LETTER_PART.match(text)
        if not (part and (text.isupper() or lines[i].bold or len(text) < 20)) and not lettered:
            continue
        heading, after = (text[len(text) - len(part["rest"]) :].strip() if part else text), i + 1
        if part and not heading:  # 'PHẦN THỨ HAI' then its title on the next line(s)
            j = i + 1
            while j < len(lines) and not lines[j].text.strip():
                j += 1
            if j < len(lines):
                heading, after = " ".join(lines[j].text.split()), j + 1
        if is_programme(heading) and not _review_after(lines, i, after) and not _within(heading, covered):
            return i, after, heading
    for k, section in enumerate(whole.sections):  # no parts: the first top-level section that is a programme
        if (
            is_programme(section.heading)
            and not any(_reviews(s.heading) for s in whole.sections[k + 1 :])
            and not _within(section.heading, covered)
        ):
            at = next((k for k in range(start, len(lines)) if lines[k].number == section.line), None)
            if at is not None:
                return at, at + 1, section.heading
    return None


# A heading of the report's review: what was done, how it went, what held it back. A report writes its
# programme after these, never before: a heading of work followed by one of them is a results section
# ('2. Kế hoạch đấu giá quyền khai thác khoáng sản' ... '4. Hạn chế, khó khăn').
_REVIEW = re.compile(
    r"^(?:ket qua|danh gia|han che|ton tai|kho khan|vuong mac|nguyen nhan|bai hoc|tinh hinh|nhung ket qua|"
    r"mot so ket qua|uu diem|khuyet diem|nhan xet)\b"
)


def _reviews(heading: str) -> bool:
    return bool(_REVIEW.match(_NUMBERING.sub("", fold(" ".join(heading.split())))))


def _review_after(lines: list[source.Line], at: int, after: int) -> bool:
    """Whether a heading numbered as the one at ``at`` and reviewing what was done comes after it."""
    return any(_REVIEW.match(title) for _, title in _headings_like(lines, at, after, shorter_than=80))


def _headings_like(lines: list[source.Line], at: int, after: int, shorter_than: int) -> Iterator[tuple[int, str]]:
    """The headings after ``after`` numbered as the one at ``at`` is (in capitals, bold, or a line shorter
    than ``shorter_than``), each with its words folded, without their numbering ('PHẦN THỨ BA' then its
    title on the next line: that title)."""
    kind = _marker(lines[at].text)
    if kind is None:
        return
    for i in range(after, len(lines)):
        text = " ".join(lines[i].text.split())
        if _marker(text) != kind or not (text.isupper() or lines[i].bold or len(text) < shorter_than):
            continue
        title = _NUMBERING.sub("", fold(text))
        if kind == "part" and not title:
            following = next((line.text for line in lines[i + 1 :] if line.text.strip()), "")
            title = _NUMBERING.sub("", fold(" ".join(following.split())))
        yield i, title


def _cell_like(item: struct.Item) -> bool:
    """One line of a table printed a cell per line ('Số lượng biên chế hiện có đến nay', 'Mặt trận và các tổ
    chức chính trị - xã hội'): no bullet, short, no figure, no sentence's end."""
    text = item.text.rstrip()
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return item.marker is None and len(words) < 12 and not text.endswith((".", ";", "!", ":")) and not figs.find(text)


def _cell_or_aside(items: list[struct.Item], k: int, rows: set[int]) -> bool:
    """Words that report nothing: a bare label ('STT', 'Đơn vị'), an aside in brackets ('(Không có đơn vị sự
    nghiệp)'), or a table's cell, read by the cells around it printed the same way. A row of a table kept
    as a row (``rows``: its line numbers) reports what its other cells say ('Dịch vụ nổ mìn | 6 | 6')."""
    text = items[k].text
    if figs.find(text) or items[k].line in rows:
        return False
    if len(text.split()) < 4 or re.fullmatch(r"\s*\([^()]*\)\s*", text):
        return True
    around = [items[j] for j in (k - 1, k + 1) if 0 <= j < len(items)]
    return _cell_like(items[k]) and any(_cell_like(other) for other in around)


def _marker(text: str) -> str | None:
    """The kind of numbering a heading line opens with: a part, a roman numeral, a capital letter, a number."""
    text = " ".join(text.split())
    if _PART.match(fold(text)):
        return "part"
    if HEADING_ROMAN.match(text):
        return "roman"
    if _LETTER_PART.match(text):
        return "letter"
    if re.match(r"^\d{1,2}\s*[.\-–)/]\s*\S", text):
        return "number"
    return None


def _proposals_at(lines: list[source.Line], at: int, after: int) -> int | None:
    """Where a part of proposals to a higher body begins after the programme ('IV. ĐỀ XUẤT, KIẾN
    NGHỊ' after 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ ...'): a heading numbered as the programme's heading is."""
    return next((i for i, title in _headings_like(lines, at, after, shorter_than=60) if _PROPOSALS.match(title)), None)


def _closing_at(lines: list[source.Line], start: int) -> int:
    """Where the body ends after ``start``: the recipients' list ('Nơi nhận') or the end of the file."""
    found = struct.recipients_at(lines, start)
    return len(lines) if found is None else found


# ---------------------------------------------------------------- periods

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def period_of(text: str) -> tuple[dt.date, dt.date] | None:
    """The period a report's title says it covers: 'năm 2021', '6 tháng đầu năm 2025', 'quý III/2024',
    'tháng 9 năm 2025', 'giai đoạn 2021 - 2025', 'từ ngày 01/01/2025 đến ngày 30/6/2025'."""
    folded = fold(" ".join(text.split()))
    dates = re.search(
        r"tu ngay (\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s*(?:den(?: ngay)?|-|–)\s*(?:ngay\s+)?(\d{1,2})/(\d{1,2})/(\d{4})",
        folded,
    )
    try:
        # 'từ ngày 01/01/2025 đến ngày 30/6/2025', 'từ ngày 24/12/2025 - 31/12/2025', 'từ ngày 22/12-29/12/2025'
        if dates:
            d = [int(x) if x else None for x in dates.groups()]
            return dt.date(d[2] or d[5], d[1], d[0]), dt.date(d[5], d[4], d[3])  # type: ignore[arg-type]
        if m := re.search(r"(\d{1,2}) thang (dau|cuoi)? ?nam (\d{4})", folded):
            months, which, year = int(m[1]), m[2], int(m[3])
            if which == "cuoi":
                return dt.date(year, 13 - months, 1), dt.date(year, 12, 31)
            return dt.date(year, 1, 1), _end_of_month(year, months)
        if m := re.search(r"quy (iv|iii|ii|i|[1-4])\b\s*(?:nam\s+|/\s*)(\d{4})", folded):
            quarter, year = _ROMAN[m[1]], int(m[2])
            return dt.date(year, 3 * quarter - 2, 1), _end_of_month(year, 3 * quarter)
        if m := re.search(r"\bthang (\d{1,2})\s*(?:nam\s+|/\s*)(\d{4})", folded):
            return dt.date(int(m[2]), int(m[1]), 1), _end_of_month(int(m[2]), int(m[1]))
        if m := re.search(r"(?:giai doan|nhiem ky|thoi ky|tu nam)\s+(\d{4})\s*(?:-|–|den nam|den)\s*(\d{4})", folded):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31)
        if m := re.search(r"\bnam (\d{4})\b", folded):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _kind(heading: str, title: str, periodic: bool) -> ReportKind:
    folded = fold(f"{heading} {title}")
    if "so ket" in folded:
        return ReportKind.INTERIM
    if "tong ket" in folded:
        return ReportKind.FINAL
    return ReportKind.PERIODIC if periodic else ReportKind.THEMATIC


def _outcome(text: str) -> ResultOutcome:
    folded = fold(text)
    if re.search(r"\b(?:dung thuc hien|tam dung|dung trien khai)\b", folded):
        return ResultOutcome.STOPPED
    if re.search(r"\bchuyen sang (?:nam|ky|giai doan)\b", folded):
        return ResultOutcome.CARRIED
    if re.search(r"\bchua (?:thuc hien|trien khai|to chuc|ban hanh)\b", folded):
        return ResultOutcome.NOT_DONE
    if re.search(r"\b(?:dang (?:thuc hien|trien khai|xay dung|hoan thien|trinh)|chua hoan thanh|du kien)\b", folded):
        return ResultOutcome.PARTIAL
    return ResultOutcome.DONE


_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        "va voi cua cho tai trong theo tu den ve de do la thi ma da duoc bi co cac nhung tren duoi so dat bang gom "
        "nhu sau truoc khi neu hoac hay nen vi toi nay tot",
    )
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(text)) if w not in _STOPWORDS and not w.isdigit()]


def _share(result: str, task: str) -> float:
    """How alike a result and a task are worded: the words their openings (25 words each) share, over
    the words of the shorter one (a result repeats the task's words and adds what was done)."""
    a, b = set(_words(result)[:25]), set(_words(task)[:25])
    if min(len(a), len(b)) < 3:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _period_in_year(reported: str, title: str) -> tuple[dt.date, dt.date] | None:
    """The period of the reported part when its year is written only after the programme's ('kết quả
    công tác tháng 11 và nhiệm vụ tháng 12 năm 2025': November 2025)."""
    year = re.search(r"\b(?:năm\s+|/)(\d{4})\b", title[len(reported) :], re.IGNORECASE)
    if year is None or not re.search(r"\b(?:tháng|quý)\b", reported, re.IGNORECASE):
        return None
    text = reported.rstrip(" ,;-–")
    text = re.sub(r"\s+(?:và|,)$", "", text, flags=re.IGNORECASE)
    return period_of(f"{text} {year[1]}" if re.search(r"năm$", text, re.IGNORECASE) else f"{text} năm {year[1]}")


# ---------------------------------------------------------------- the builder


class _ReportBuilder(PlanBuilder):
    proposals: list[str]  # the lines of a part of proposals to a higher body after the programme

    def cited_in(self) -> str:
        report = self.outcome.report
        return f"báo cáo {report.data['number']}" if report else super().cited_in()

    def run_report(
        self,
        issuer_override: str | None,
        results_body: struct.Body,
        programme: struct.Body | None,
        programme_heading: str | None,
    ) -> None:
        number = self.own_number("báo cáo", "Số ...-BC/...")
        issuer = self.plan_issuer(issuer_override, number.issuers)
        self.issuer = issuer
        report_id = self.plan_id(number.text, issuer, number.blank)
        report = Draft(Kind.REPORT, {"id": report_id})
        self.outcome.report = report
        if self.refuse_same_id(report_id, "báo cáo"):
            return
        self.fill_report(report, number.text, issuer)
        self.results_items = self.result_items(results_body)
        if programme is not None and programme_heading is not None:
            self.programme_plan(report, number.text, issuer, programme, programme_heading)
        self.cite_report(results_body, programme)
        self.directive_drafts()
        self.link_results(report)
        self.finish_units()

    # ------------------------------------------------------------ the report record

    def fill_report(self, report: Draft, number: str, issuer: str | None) -> None:
        header, body = self.header, self.body
        data = report.data
        data["number"] = number
        if self.number_doubt:
            report.doubt("number", self.number_doubt)
        elif "number" in header.doubts:
            report.note("number", header.doubts["number"])
        if number.startswith(("/", "-")) and not self.number_doubt:
            report.doubt("number", "văn bản để trống số (số viết tay khi ban hành); điền số khi biết")
        title = header.title or ""
        period = reported_period(title)
        data["kind"] = _kind(header.heading, title, period is not None).value
        self.fill_issued(report, issuer, "bao cao")
        data["title"] = title or "(không đọc được trích yếu)"
        if "title" in header.doubts or not title:
            report.doubt("title", header.doubts.get("title", "không đọc được trích yếu"))
        if period is None:
            start = dt.date(data["date"].year, 1, 1)
            period = (start, max(start, data["date"]))
            report.doubt(
                "period_start",
                "trích yếu không ghi kỳ báo cáo; đã ghi tạm từ đầu năm đến ngày của báo cáo",
            )
        data["period_start"], data["period_end"] = period
        data["plans"] = []
        data["results"] = []
        data["figures"] = []
        if body.signer:
            data["signer"] = body.signer
        if body.signer_title:
            data["signer_title"] = body.signer_title
        if body.recipients:
            data["recipients"] = body.recipients
        addressed = [p.text for p in body.preamble if fold(p.text).startswith("kinh gui")]
        if addressed:
            report.note("", addressed[0])

    def result_items(self, body: struct.Body) -> list[tuple[struct.Item, str]]:
        """The paragraphs that report results, each with the heading of its section (as the report numbers
        it): every paragraph of the results part, but for difficulties, proposals, the closing line and
        lead-ins to a list."""
        headings: dict[tuple[str, ...], str] = {}

        def walk(sections: list[struct.Section], prefix: tuple[str, ...]) -> None:
            for section in sections:
                key = (*prefix, section.number.rstrip(".-").split(".")[-1])
                headings[key] = section.heading
                walk(section.children, key)

        walk(body.sections, ())
        # a table's row is read as its first cell, then a line per other cell, all of the row's line number
        numbers = [line.number for line in self.doc.lines if line.text.strip()]
        rows = {n for n, m in itertools.pairwise(numbers) if n == m}
        out = []
        for k, item in enumerate(body.items):
            if not item.path or _CLOSING.search(fold(item.text)):
                continue
            if k == len(body.items) - 1 and _SENT_TO.search(fold(item.text)):
                continue  # 'Thường trực Đảng ủy xã báo cáo Văn phòng Tỉnh ủy biết, tổng hợp./.': the closing line
            path = tuple(p.rstrip(".-").split(".")[-1] for p in item.path)
            chain = [headings.get(path[: k + 1], "") for k in range(len(path))]
            if any(_NOT_RESULTS.search(fold(h)) or _SETTING.match(_NUMBERING.sub("", fold(h))) for h in chain):
                continue  # difficulties, proposals; the setting the report opens with ('I. Đặc điểm tình hình')
            if _cell_or_aside(body.items, k, rows):
                continue  # a bare label, a table's cell or an aside ('STT', 'Đơn vị', '(Không có đơn vị sự nghiệp)')
            label = re.match(r"^([^:]{3,60}):", item.text)
            if label and _NOT_RESULTS.search(fold(label[1])):
                continue  # 'Tồn tại, hạn chế và nguyên nhân: Không.', 'Đề xuất, kiến nghị: ...' written as a point
            if item.text.rstrip().endswith(":") and not figs.find(item.text):
                continue  # a lead-in ('Về thu tiền cấp quyền khai thác khoáng sản:'): its points are the results
            out.append((item, chain[-1] if chain else ""))
        return out

    # ------------------------------------------------------------ the programme part

    def programme_plan(
        self, report: Draft, number: str, issuer: str | None, programme: struct.Body, heading: str
    ) -> None:
        title = _reading(heading)
        plan_type = PlanType.CHUONG_TRINH if "chuong trinh" in fold(heading) else PlanType.KE_HOACH
        self.plan_type = plan_type
        suffix = "chuong-trinh" if plan_type is PlanType.CHUONG_TRINH else "phuong-huong"
        plan_id = f"{report.id}-{suffix}"
        plan = Draft(Kind.PLAN, {"id": plan_id})
        self.outcome.plan = plan
        data = plan.data
        data["number"] = number
        plan.doubt(
            "number",
            f"phần chương trình, phương hướng của báo cáo {number} ('{title}'), không có số riêng; ghi số của báo cáo",
        )
        if plan_type is not PlanType.KE_HOACH:
            data["type"] = plan_type.value
        data["issuer"] = issuer
        for key in ("place", "date"):
            if key in report.data:
                data[key] = report.data[key]
        if "date" in report.doubts:
            plan.doubt("date", report.doubts["date"][0])
        data["title"] = title
        frame = re.search(
            r"(?:giai đoạn|nhiệm kỳ)\s+\d{4}\s*[-–]\s*\d{4}|năm\s+\d{4}(?!\s*[-–]\s*\d)", title, re.IGNORECASE
        )
        named = _programme_period(title)  # the period its title names, if any
        period = named or (frame[0] if frame else None)
        if period and struct.reads_as_timeframe(period[0].upper() + period[1:]):
            data["period"] = period[0].upper() + period[1:]
        data["basis"] = []
        plan.note("", f"phần '{title}' của báo cáo {number} (bản ghi báo cáo '{report.id}')")
        data["sections"] = [section_data(s, plan) for s in programme.sections]
        for key, value in (("signer", self.body.signer), ("signer_title", self.body.signer_title)):
            if value:
                data[key] = value
        self.body = programme
        if named is not None:  # the programme's period is the time of the work under it that states none
            for item in programme.items:
                if item.heading_time is None:
                    item.heading_time = (named, f"tên phần '{title}' của báo cáo")
        self.tasks(plan_id)
        coming = _COMING_PERIOD.search(fold(title)) if named is None else None
        if coming is not None:
            written = title[coming.start() : coming.end()]
            for task in self.outcome.tasks:
                if task.data.get("plan") == plan_id and not task.data.get("timeframe"):
                    task.doubt(
                        "timeframe",
                        f"phần '{title}' của báo cáo giao việc cho '{written}', tính từ ngày báo cáo; chưa ghi "
                        "thời gian: ghi mốc cụ thể",
                    )

    # ------------------------------------------------------------ citations

    def cite_report(self, results_body: struct.Body, programme: struct.Body | None) -> None:
        texts = [self.header.title or "", *(p.text for p in results_body.preamble)]
        texts += [item.text for item in results_body.items]
        for text in texts:
            for citation in cite.find(text):
                self.remember(citation, None, None)
        for item in programme.items if programme else []:
            task = self.task_of.get(id(item))
            for citation in cite.find(item.text):
                self.remember(citation, task, "implements" if task else None)
        if self.proposals:  # the proposals to a higher body cite documents too
            for citation in cite.find(" ".join(" ".join(t.split()) for t in self.proposals)):
                self.remember(citation, None, None)
        for note in self.doc.footnotes.values():
            for citation in cite.find(note, in_footnote=True):
                self.remember(citation, None, None)
        self.cite_unmarked_notes(None, None)

    # ------------------------------------------------------------ results and figures

    def link_results(self, report: Draft) -> None:
        data = report.data
        cited_plans = [d.record_id for d in self.documents.values() if d.record_id in self.index.plans]
        candidates = list(dict.fromkeys(p for p in cited_plans if p))
        guessed = False
        if not candidates and data["issuer"]:  # no recorded plan cited: the issuer's own plans of the period
            start, end = data["period_start"], data["period_end"]
            for entry in self.index.of_kind(Kind.PLAN):
                plan = entry.record
                if plan.issuer == data["issuer"] and plan.date <= end and plan.date.year >= start.year - 5:  # type: ignore[attr-defined]
                    candidates.append(plan.id)
            guessed = bool(candidates)
        tasks = [e.record for e in self.index.of_kind(Kind.TASK) if e.record.plan in candidates]  # type: ignore[attr-defined]
        unlinked: list[str] = []
        for item, heading in self.results_items:
            section = ".".join(p.rstrip(".-").split(".")[-1] for p in item.path)
            result, why = self.match(item.text, heading, tasks, candidates)
            found = figs.find(item.text)
            self.outcome.paragraphs.append((section, item.text))
            if result is None:
                unlinked.append(f"mục {section}: {item.text}")
            else:
                plan_id = result.pop("_plan")
                if plan_id not in data["plans"]:
                    data["plans"].append(plan_id)
                    if guessed:
                        report.doubt(
                            "plans",
                            f"báo cáo không dẫn kế hoạch '{plan_id}'; kết quả được gắn vì lời văn giống "
                            "nhiệm vụ của nó",
                        )
                outcome = _outcome(item.text)
                result["outcome"] = outcome.value
                result["text"] = item.text
                position = len(data["results"])
                data["results"].append(result)
                report.doubt(
                    f"results.{position}",
                    f"mục {section} của báo cáo; {why}; kết quả '{outcome.label}' đoán từ lời văn",
                )
            for figure in found:
                self.add_figure(report, figure, result)
        if unlinked:
            report.doubt(
                "results",
                f"{len(unlinked)} đoạn kết quả không gắn được với nhiệm vụ hay mục nào của kế hoạch đã có trong "
                "kho; chép dưới đây để gắn bằng tay (ghi 'task' hoặc 'plan' và 'section')",
            )
            for text in unlinked:
                report.note("results", text)
        for key in ("plans", "results", "figures"):
            if not data[key]:
                del data[key]
                for notes in (report.doubts, report.notes):
                    if key in notes:  # kept on the file, before the first key
                        notes.setdefault("", []).extend(notes.pop(key))

    def match(self, text: str, heading: str, tasks: list[Any], plans: list[str]) -> tuple[dict[str, Any] | None, str]:
        best, score = None, 0.0
        for task in tasks:
            share = _share(text, task.text)
            if share > score:
                best, score = task, share
        if best is not None and score >= WEAK:
            how = "khớp" if score >= STRONG else "gần giống"
            return {"task": best.id, "_plan": best.plan}, f"lời văn {how} nhiệm vụ '{best.id}' ({score:.0%} số từ)"
        if heading:  # a section of a recorded plan with the same heading
            for plan_id in plans:
                plan = self.index.plans.get(plan_id)
                if plan is None:
                    continue
                for key, section_heading in _headings(plan.sections):
                    if _share(heading, section_heading) >= STRONG and _share(section_heading, heading) >= STRONG:
                        return (
                            {"plan": plan_id, "section": key, "_plan": plan_id},
                            f"tên mục giống mục {key} ('{section_heading}') của kế hoạch '{plan_id}'",
                        )
        return None, ""

    def add_figure(self, report: Draft, figure: figs.Figure, result: dict[str, Any] | None) -> None:
        entry: dict[str, Any] = {"name": figure.name, "value": _number(figure.value), "written": figure.written}
        if figure.unit:
            entry["unit"] = figure.unit
        if figure.target is not None:
            entry["target"] = _number(figure.target)
        if result and result.get("task"):
            entry["task"] = result["task"]
        elif result and result.get("section"):
            entry["section"] = result["section"]
        position = len(report.data["figures"])
        report.data["figures"].append(entry)
        if figure.qualifier:
            report.note(f"figures.{position}", f"văn bản ghi '{figure.qualifier} {figure.written}'")
        if figure.doubt:
            report.doubt(f"figures.{position}", figure.doubt)


# The period a programme's heading names: 'năm 2026', '6 tháng cuối năm 2025', 'quý I/2026', 'tháng 01/2026',
# 'giai đoạn 2026 - 2030'; and a period counted from the report's date ('tuần tới', 'tháng tới', 'thời gian
# tới'), which no date can be written for without the reader.
_PERIOD = re.compile(
    r"(?:\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+)?năm\s+\d{4}(?!\s*[-–]\s*\d)"
    r"|quý\s+[IV]{1,3}\s*(?:/|năm)\s*\d{4}|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}"
    r"|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}",
    re.IGNORECASE,
)
_COMING_PERIOD = re.compile(rf"\b(?:(?:\d+|nhung|cac)\s+)?{_NEXT_PERIOD}")


def _programme_period(title: str) -> str | None:
    found = _PERIOD.search(title)
    if found is None or not struct.reads_as_timeframe(found[0]):
        return None
    return found[0]


def _reading(heading: str) -> str:
    text = " ".join(heading.split()).strip(" :.")
    return head.reading_case(text) if text.isupper() else text


def _headings(sections: list[Any], prefix: str = "") -> list[tuple[str, str]]:
    out = []
    keys = list(section_paths(sections, prefix))
    flat: list[Any] = []

    def walk(items: list[Any]) -> None:
        for section in items:
            flat.append(section)
            walk(section.sections)

    walk(sections)
    for key, section in zip(keys, flat, strict=False):
        out.append((key, section.heading))
    return out
