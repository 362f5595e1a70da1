"""Stage 6 of an import: the records to write, each doubtful value with a note.

Everything read so far (header, body, citations, unit matches) becomes draft
records in the repository's model: one plan, its tasks, the directives it
cites that the repository lacks, and the units it names that the registry
lacks. Documents and units already recorded are linked, never rewritten. A
note ("KIỂM TRA") goes with every value the importer inferred rather than read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..index import Index
from ..kinds import Kind
from ..model import Plan, PlanType
from ..model.docnumber import DocNumber, DocNumberError, follows_numbering, parse_doc_number
from ..model.doctype import TYPE_CODES
from ..model.timeframe import TimeFrameError, parse_timeframe
from ..model.validate import validate
from ..text import fold, slugify
from . import header as head
from . import source, tables
from . import structure as struct
from .cited import CitedDocument, CitedSteps
from .outcome import Draft, DraftError, Outcome
from .places import cap_id, place_slug
from .source import LOWER, UPPER
from .units import PERSON_TITLE, Match, Registry, bare_kinds, norm, odd_name, org_opening
from .verbs import AFTER_SUBJECT, OPENS_WORK

__all__ = ["Draft", "DraftError", "Outcome", "PlanBuilder", "build_plan", "model_problems", "section_data"]

# ---------------------------------------------------------------- the flow

# The type code a document's type line stands for ('Kế hoạch' -> KH), for a number the document lacks.
_CODE_OF_HEADING = (("chuong trinh", "CTr"), *head.OTHER_KINDS, ("bao cao", "BC"))


def _blank_number(header: head.Header) -> str:
    """A number with a blank serial for a document whose own is missing or unreadable: the type code of
    its type line, the initials of its issuer ('Sở Công thương' -> '/KH-SCT')."""
    heading = fold(header.heading or "")
    code = next((c for start, c in _CODE_OF_HEADING if heading.startswith(start)), "KH")
    if header.issued_by == "Công văn":
        code = "CV"  # a letter giving work is drafted as one (its type then agrees with its number)
    words = re.findall(r"\w+", header.issuer_name or "")
    initials = "".join(fold(w)[0].upper() if w[0] not in "Đđ" else "Đ" for w in words if not w[0].isdigit())
    number = f"/{code}-{initials or 'CQ'}"
    return number if follows_numbering(number) else f"/{code}-CQ"


# A document read whole in which no point gives work: its header and what it cites are still drafted.
NO_TASKS = (
    "không tìm thấy nhiệm vụ nào trong văn bản (không có điểm nào giao việc); bản nháp chỉ ghi phần đầu, "
    "các mục và văn bản được dẫn; nếu văn bản có giao việc, cần nhập nhiệm vụ bằng tay"
)
# A document copied without its header block names no issuer: the draft says so rather than invent a body.
NO_ISSUER = (
    "văn bản không có phần đầu ghi cơ quan ban hành (bản trích, bản sao không có khối đầu trang); để trống "
    "'issuer', cần ghi cơ quan ban hành"
)
# A plan's type by the type code of its number ('ĐA' -> de-an; 'QĐ': a decision whose own articles assign the work).
_PLAN_TYPES = {code: kind for kind in PlanType for code, types in TYPE_CODES.items() if kind.doc_type in types}


def build_plan(doc: source.Document, header: head.Header, index: Index, issuer: str | None = None) -> Outcome:
    """The drafts of a plan (or programme, decision, letter) whose header is read."""
    registry = Registry(index.units, header.province, header.locality)
    registry.issuer_name = header.issuer_name
    registry.province_guessed = header.province_guessed
    registry.city = header.province_city
    body = struct.parse(doc, header.body_start, registry, header.heading)
    outcome = Outcome(doc.path, cleaning=list(doc.notes))
    builder = PlanBuilder(doc, header, body, registry, index, outcome)
    builder.run(issuer)
    return outcome


class PlanBuilder(CitedSteps):
    """Drafts one plan: its record, its tasks (here), the documents it cites and the units it names
    (the steps it inherits)."""

    def __init__(
        self,
        doc: source.Document,
        header: head.Header,
        body: struct.Body,
        registry: Registry,
        index: Index,
        outcome: Outcome,
    ) -> None:
        self.doc = doc
        self.header = header
        self.body = body
        self._item_at: dict[int, int] = {}  # each item's place among the body's items (who_above)
        self._above: dict[int, int] = {}  # per item's place, where lead_in_above's walk back stopped
        self.registry = registry
        self.index = index
        self.outcome = outcome
        self.documents: dict[str, CitedDocument] = {}  # dedup key -> document cited
        self.task_of: dict[int, Draft] = {}  # id() of a body item -> the task drafted from it
        self.number_doubt: str | None = None  # why the number is not the one the document prints

    # ------------------------------------------------------------ plan

    def own_number(self, what: str, example: str) -> DocNumber:
        """The document's own number (``what``: 'kế hoạch', 'báo cáo'), parsed. One missing or
        malformed is not a refusal: the draft gets a number with its serial left blank, its type from
        the type line and its issuer part from the issuer's initials, flagged for the clerk to fill."""
        header = self.header
        if not header.number and header.number_attached and follows_numbering(header.number_attached):
            # no 'Số ...' line: the number the appendix's '(Kèm theo <this document> số ...)' line gives it
            header.number = header.number_attached
            self.number_doubt = (
                f"phần đầu văn bản không ghi số; số hiệu lấy từ dòng '(Kèm theo ... số {header.number_attached})' "
                "của phụ lục"
            )
        if header.number:
            try:
                return parse_doc_number(header.number)
            except DocNumberError as err:
                why = f"số hiệu '{header.number_text or header.number}' không đọc được ({err.message})"
                if err.suggestion and follows_numbering(err.suggestion):
                    self.number_doubt = f"{why}; ghi theo dạng gần nhất '{err.suggestion}'"
                    header.number = err.suggestion
                    return parse_doc_number(err.suggestion)
        else:
            why = f"không đọc được số và ký hiệu của {what} (dòng '{example}' ở phần đầu)"
        header.number = _blank_number(header)
        self.number_doubt = f"{why}; ghi tạm số để trống '{header.number}' (ký hiệu đoán từ tên cơ quan)"
        return parse_doc_number(header.number)

    def run(self, issuer_override: str | None) -> None:
        number = self.own_number("kế hoạch", "Số ...-KH/...")
        self.plan_type = self.type_of(number)
        issuer = self.plan_issuer(issuer_override, number.issuers)
        self.issuer = issuer
        plan_id = self.plan_id(number.text, issuer, number.blank)
        plan = Draft(Kind.PLAN, {"id": plan_id})
        self.outcome.plan = plan
        self.refuse_existing(plan_id, number.text, issuer)
        self.fill_plan(plan, number.text, issuer)
        self.tasks(plan_id)
        if not self.outcome.tasks:
            plan.doubt("", NO_TASKS)
        self.cite_all()
        self.date_from_cited(plan)
        self.directive_drafts()
        self.finish_units()

    def date_from_cited(self, plan: Draft) -> None:
        """A document read without its date was issued after every document it cites: its stand-in date
        (01/01 of a year guessed from its title, or of this year) becomes the latest date of those, flagged;
        a date line that prints its year ('ngày ... tháng ... năm 2025') keeps to that year."""
        if self.header.date:
            return
        today = dt.date.today()
        dates = [min(ds) for d in self.documents.values() if (ds := [m.date for m in d.mentions if m.date])]
        latest = max((d for d in dates if d <= today), default=None)
        if latest is None or self.header.blank_year not in (None, latest.year):
            return
        plan.data["date"] = latest
        plan.doubts["date"] = [
            f"{self.header.doubts.get('date', 'không đọc được ngày ban hành')}; đã ghi tạm ngày {latest:%d/%m/%Y} "
            "của văn bản mới nhất được dẫn (văn bản ban hành sau mọi văn bản nó dẫn)"
        ]

    def type_of(self, number: DocNumber) -> PlanType:
        """The plan's type, from the number's type code (a letter has none); a code of no kind that
        assigns work is read as a plan, flagged, rather than refused."""
        if self.header.issued_by == "Công văn" or number.type_code in (None, "CV"):
            return PlanType.CONG_VAN
        plan_type = _PLAN_TYPES.get(number.type_code)
        if plan_type is None:
            self.header.doubts["type"] = (
                f"số hiệu '{self.header.number}' mang loại '{number.type_code}', không phải loại của một văn bản "
                "giao nhiệm vụ; nhập như kế hoạch: kiểm tra loại và số hiệu"
            )
            return PlanType.KE_HOACH
        return plan_type

    def plan_issuer(self, override: str | None, codes: tuple[str, ...]) -> str | None:
        if override:
            if override not in self.index.units:
                hints = self.registry.lookup(override)
                hint = f"; có phải '{hints.unit}'?" if hints and hints.unit else ""
                raise DraftError(f"--issuer '{override}' không có trong danh mục đơn vị{hint}")
            return override
        name = self.header.issuer_name
        by_name = self.registry.lookup(name) if name else None
        by_code = self.registry.by_code(codes[0]) if codes else []
        if by_name and by_name.unit and (not by_code or by_name.unit in by_code):
            return by_name.unit
        if by_code and by_name and by_name.unit is None and by_name.model is not None:
            return self.commit(by_name, None).unit
        if by_code:
            return by_code[0]
        if by_name:
            match = self.commit(by_name, None)
            self.add_code(match.unit, codes[0] if codes else None)
            return match.unit
        if name is None and self.header.issuer_attached:
            # no issuer line: the body an appendix's '(Kèm theo ... của X)' line names as this document's issuer
            found = self.registry.lookup(self.header.issuer_attached)
            match = self.commit(found or Match(self.header.issuer_attached, None, True), None)
            if match.unit is not None:
                self.header.doubts["issuer"] = (
                    f"phần đầu văn bản không ghi cơ quan ban hành; lấy từ dòng '(Kèm theo ... của "
                    f"{self.header.issuer_attached})' của phụ lục"
                )
                return match.unit
        if name is None:
            # no header block names a body (a copy of the text without it): the issuer is left absent, never a
            # stand-in unit the clerk would have to find and remove
            self.header.doubts["issuer"] = NO_ISSUER
            return None
        match = self.commit(Match(name, None, True), None)
        if match.unit is None:  # a name not shaped as a body's: proposed as written all the same, flagged
            match = self.registry.propose(name)
        self.add_code(match.unit, codes[0] if codes else None)
        return match.unit

    def plan_id(self, number: str, issuer: str | None, blank: bool = False) -> str:
        year = self.header.date.year if self.header.date else self.header.blank_year
        scope = self.scope_of(issuer) if issuer else self.scope_of_number(number)
        if self.header.locality and place_slug(self.header.locality) not in scope:
            scope = f"{scope}-{place_slug(self.header.locality)}"  # district plans restart numbering per district
        parts = [scope, str(year) if year else None, slugify(number)]
        if blank:  # no serial to tell two plans apart: the first words of the title do
            parts.append("-".join(slugify(self.header.title or "").split("-")[:6]) or None)
        return cap_id("-".join(p for p in parts if p))

    def refuse_same_id(self, record_id: str, what: str) -> bool:
        """Refuse (and say True) when the repository already holds a record with the draft's id."""
        existing = self.index.get(record_id)
        if existing is None:
            return False
        self.outcome.refused.append(
            f"{what} '{record_id}' đã có trong kho ({existing.file.rel}); không ghi đè. "
            "Xóa hoặc đổi tên bản ghi cũ nếu muốn nhập lại"
        )
        return True

    def refuse_existing(self, plan_id: str, number: str, issuer: str | None) -> None:
        if self.refuse_same_id(plan_id, "kế hoạch"):
            return
        if number.startswith(("/", "-")):
            return  # a blank serial names no one plan: the id (title words) tells them apart
        year = self.header.date.year if self.header.date else None
        for entry in self.index.of_kind(Kind.PLAN):
            other = entry.record
            if (
                isinstance(other, Plan)
                and other.number == number
                and other.issuer == issuer
                and other.date.year == year
            ):
                self.outcome.refused.append(
                    f"kế hoạch {number} năm {year} của cùng cơ quan đã có trong kho với mã '{other.id}' "
                    f"({entry.file.rel}); không nhập lần hai"
                )

    def fill_plan(self, plan: Draft, number: str, issuer: str | None) -> None:
        """The plan record, in the order a document is read: its number and kind, the header, the
        body (preamble, aims, sections), the tail (closing, signer, recipients)."""
        self.fill_number(plan, number)
        self.fill_header(plan, issuer)
        self.fill_body(plan)
        self.fill_tail(plan)

    def fill_number(self, plan: Draft, number: str) -> None:
        header, data = self.header, plan.data
        data["number"] = number
        written = " ".join((header.number_text or "").split())
        if written and written != number and (self.number_doubt or not number.startswith("/")):
            data["number_written"] = written
        if self.number_doubt:
            plan.doubt("number", self.number_doubt)
        elif "number" in header.doubts:
            plan.note("number", header.doubts["number"])
        if self.plan_type is PlanType.CONG_VAN and "type" not in header.doubts:
            plan.doubt(
                "type",
                "công văn giao nhiệm vụ (không có dòng tên loại 'KẾ HOẠCH'), nhập như một kế hoạch; kiểm tra "
                "các việc được giao",
            )
        elif header.issued_by and self.plan_type is not PlanType.CONG_VAN:
            plan.doubt(
                "number",
                f"kế hoạch không có số riêng, ban hành kèm {header.issued_by} {number} (dòng "
                f"{header.issued_by_line}); ghi số của quyết định",
            )
        if number.startswith(("/", "-")) and not self.number_doubt:
            plan.doubt("number", "văn bản để trống số (số viết tay khi ban hành); điền số khi biết")
        if self.plan_type is not PlanType.KE_HOACH:
            data["type"] = self.plan_type.value

    def fill_issued(self, record: Draft, issuer: str | None, plain_heading: str) -> None:
        """Who issued the document, where and when, and its type line when it is not the
        plain one ('Kế hoạch', 'Báo cáo'): the same fields for a plan and a report."""
        header, data = self.header, record.data
        data["issuer"] = issuer
        if "issuer" in header.doubts:
            record.doubt("issuer", header.doubts["issuer"])
        if issuer in self.registry.proposed:
            record.doubt("issuer", self.registry.proposed[issuer].why)
        if header.heading and fold(header.heading) != plain_heading:
            data["heading"] = header.heading
        if header.place:
            data["place"] = header.place
        if header.date:
            data["date"] = header.date
        else:
            data["date"] = dt.date(self.year_guess(), 1, 1)
            record.doubt("date", header.doubts.get("date", "không đọc được ngày ban hành") + "; đã ghi tạm 01/01")

    def fill_header(self, plan: Draft, issuer: str | None) -> None:
        header, data = self.header, plan.data
        self.fill_issued(plan, issuer, "ke hoach")
        data["title"] = header.title or "(không đọc được trích yếu)"
        if "title" in header.doubts:
            plan.doubt("title", header.doubts["title"])
        if "type" in header.doubts:
            plan.doubt("type", header.doubts["type"])
        period, why = self.period()
        if period:
            data["period"] = period
            if why:
                plan.doubt("period", why)

    def fill_body(self, plan: Draft) -> None:
        body, data = self.body, plan.data
        data["basis"] = []
        # a bullet with nothing after it ('-' alone on a line) says nothing: no empty preamble
        preamble = " ".join(filter(None, (re.sub(r"^[-+•]\s*", "", p.text).strip() for p in body.preamble)))
        if preamble:
            data["preamble"] = preamble
        aims = [i.text for i in body.items if i.role == "aim"]
        requirements = [i.text for i in body.items if i.role == "requirement"]
        if aims:
            data["aims"] = aims
        if requirements:
            data["requirements"] = requirements
        data["sections"] = [section_data(s, plan) for s in body.sections]
        for skipped in body.skipped:
            plan.doubt("sections", skipped)

    def fill_tail(self, plan: Draft) -> None:
        body, data = self.body, plan.data
        for key in ("closing", "signer", "signer_title", "recipients"):
            if value := getattr(body, key):
                data[key] = value

    def year_guess(self) -> int:
        if self.header.blank_year:
            return self.header.blank_year
        found = re.findall(r"\b(20\d\d|19\d\d)\b", self.header.title or "")
        return int(found[0]) if found else dt.date.today().year

    def period(self) -> tuple[str | None, str | None]:
        if self.body.period:
            return self.body.period, None
        title = self.header.title or ""
        for pattern, why in (
            (r"giai đoạn\s+\d{4}\s*[-–]\s*\d{4}", None),
            (r"từ năm\s+\d{4}\s+đến năm\s+\d{4}", None),
            (r"năm\s+\d{4}(?!\s*[-–]\s*\d)", None),
            (r"(?<=nhiệm kỳ )\d{4}\s*[-–]\s*\d{4}", "thời gian của kế hoạch lấy theo nhiệm kỳ ghi trong trích yếu"),
        ):
            found = list(re.finditer(pattern, title, re.IGNORECASE))
            if found:
                text = found[-1][0]
                text = text[0].upper() + text[1:] if not text[0].isdigit() else f"Giai đoạn {text}"
                if struct.reads_as_timeframe(text):
                    return text, why
        return None, None

    # ------------------------------------------------------------ tasks

    def tasks(self, plan_id: str) -> None:
        order = 0
        sections = set(_section_keys(self.body.sections))
        count = sum(item.role == "task" for item in self.body.items)
        width = max(2, len(str(count)))  # nv01 .. nv99, nv001 .. nv999, ...
        for item in self.body.items:
            if item.role != "task":
                continue
            order += 1
            task = Draft(Kind.TASK, {"id": f"{plan_id}-nv{order:0{width}d}", "plan": plan_id})
            key = ".".join(item.path) if item.path else ""
            task.data["section"] = key if key in sections else (key or next(iter(sorted(sections)), "I"))
            if item.number and item.marker is None:
                task.data["number"] = item.number
            task.data["order"] = order
            # '(ii) Bộ X chỉ đạo ...': the point's mark is its number, not words of its text
            mark, text = struct.point_mark(item.text)
            if mark and "number" not in task.data and item.marker is None:
                task.data["number"] = mark
            task.data["text"] = "\n".join([text, *item.details])
            self.who_and_when(task, item)
            self.outcome.tasks.append(task)
            self.task_of[id(item)] = task

    def who_and_when(self, task: Draft, item: struct.Item) -> None:
        """Units and time of one task: its label lines (the group's, then its own), what its text says."""
        read = _Labels()
        own_roles = {line.role for line in item.own}
        for source_name, lines in (("block", item.block), ("own", item.own)):
            for line in lines:
                if source_name == "block" and line.role in own_roles and line.role != "lead":
                    continue  # the item's own line wins over the group's
                self.read_label(read, line, lines, own=source_name == "own")
        for key, why in read.doubts:
            task.doubt(key, why)
        if placed := tables.placed(item.doubt):
            fields = tables.placed_fields(item.doubt)
            for key in fields or ["text"]:
                cell = "nội dung" if key == "text" else "để trống"
                task.doubt(key, f"ô {cell} của bảng: {placed}; cần đối chiếu với văn bản")
        elif item.doubt:
            task.doubt("text", f"ô nội dung của bảng căn cột bằng khoảng trắng {_CUT_GUESSED} ({item.doubt})")
        self.units_in_text(task, item, read.roles)
        if item.lead_doubt and item.lead_how == "heading":
            task.doubt("lead", item.lead_doubt)
        if item.who and not read.roles["lead"]:
            named = self.units_of_who(item.who)
            # a list read as one name ('Hội Nông dân tỉnh; Liên minh ...') would be a false unit: flag instead
            read.roles["lead"] = [] if any(";" in m.written for m in named) else named
        if item.who and not read.roles["lead"]:
            task.doubt(
                "lead",
                f"tên mục nêu người, đơn vị thực hiện ('{item.who}') mà lệnh nhập không đọc thành đơn vị; "
                "cần ghi chủ trì",
            )
        time = self.choose_time(task, item, read.time)
        if time is None and "timeframe" not in task.doubts and (unread := _UNREAD_TIME.search(item.text)):
            task.doubt(
                "timeframe",
                f"nội dung có cụm chỉ thời gian ('{unread[0]}') mà lệnh nhập không ghi thành thời gian thực "
                "hiện; cần xem có ghi thời gian không",
            )
        elif (
            time is None
            and "timeframe" not in task.doubts
            and (lead_in := self.lead_in_above(item)) is not None
            and (unread := _UNREAD_TIME.search(lead_in) or _PERIOD_OF_LEAD_IN.search(lead_in))
        ):
            # 'Đề nghị ... trong 02 tháng cuối năm 2025 ...; trong đó lưu ý một số nội dung sau:': the lead-in of the
            # list says when, which the points may share
            task.doubt(
                "timeframe",
                f"câu dẫn ở trên có cụm chỉ thời gian ('{unread[0]}') mà lệnh nhập không ghi cho việc này; cần xem "
                "có ghi thời gian không",
            )
        if time is None and "timeframe" not in task.doubts and (deadline := self.deadline_above(item)):
            task.doubt(
                "timeframe",
                f"đề mục hay câu dẫn ở trên ghi thời hạn ('{deadline}') mà lệnh nhập không ghi cho việc này; cần "
                "xem có ghi thời gian không",
            )
        self.write_task(task, item, read, time)

    def read_label(self, read: _Labels, line: struct.LabelLine, lines: list[struct.LabelLine], own: bool) -> None:
        role = line.role
        if role == "lead-or-executing":
            role = "executing" if any(x.role == "lead" for x in lines) else "lead"
        if role in read.roles:
            matches, helpers, rest = self.units_in(line.value)
            if line.doubt:
                matches, helpers = _guessed_cell(read, role, line, matches, helpers)
            if role == "lead" and not matches and line.value.strip():
                read.unread.append(line.value.strip())
            if own and role in ("advising", "coordinating"):
                read.roles[role] = []
            read.roles[role].extend(matches)
            read.roles["advising"].extend(helpers)
            if rest:
                read.method.append(line.value.rstrip())
                found, _ = struct.time_in_text(rest)
                if found and role != "lead":
                    read.time = found
        elif role == "timeframe":
            value = line.value.strip().rstrip(".")
            if own or read.time is None:
                read.time = value
            if why := tables.placed(line.doubt):
                read.doubts.append(("timeframe", f"ô thời gian của bảng: {why}; cần đối chiếu với văn bản"))
            elif line.doubt:
                read.doubts.append(("timeframe", f"ô thời gian của bảng {_CUT_GUESSED} ({line.doubt})"))
        elif role == "method":
            read.method.append(line.value.strip())
        elif role == "output":
            read.output.append(line.value.strip())
        elif role == "person":
            read.people.append(line.value.strip().rstrip("."))

    def units_in_text(self, task: Draft, item: struct.Item, roles: dict[str, list[Match]]) -> None:
        """Units the item's own words name: its subject ('Sở X chủ trì ...'), 'phối hợp (với) ...'."""
        inherited = ("heading", "lead-in-doubt", "subject-group", "subject-bullet")
        if any(struct.point_mark(m.written)[0] for m in item.lead):
            # '(iii) Ủy ban nhân dân tỉnh X chỉ đạo ...': the point's mark read into its subject; no body's name
            # opens with one, the subject is read again after it
            item.lead = []
        if item.lead and not (item.lead_how in inherited and roles["lead"]):
            # a 'Chủ trì' line beats the heading, and a generic group written as the subject
            roles["lead"] = list(item.lead)
            roles["advising"] = list(item.advising) + roles["advising"]
            if item.lead_how == "lead-in-doubt":
                task.doubt(
                    "lead",
                    "chủ trì lấy từ câu dẫn ở trên; điểm này mở đầu bằng chủ thể riêng mà lệnh nhập không đọc "
                    "thành đơn vị, cần xem lại",
                )
            if item.lead_how == "giao-help":
                task.doubt(
                    "lead",
                    "văn bản không ghi 'Chủ trì'; chủ trì suy ra là đơn vị được giúp, "
                    "đơn vị được giao ghi vào tham mưu",
                )
        if not roles["lead"] and not item.lead and (after := self.subject_after_opening(item.text)) is not None:
            opening, named = after
            roles["lead"] = named
            task.doubt(
                "lead",
                f"chủ trì đọc sau cụm mở đầu '{opening}'; câu không mở đầu bằng đơn vị, cần xem lại",
            )
        if not roles["lead"] and not item.lead and not item.passive and (named := self.subject_at_start(item.text)):
            roles["lead"] = named
            task.doubt(
                "lead",
                f"chủ trì đọc từ chủ ngữ đầu câu ('{', '.join(m.written for m in named)}'); văn bản không ghi "
                "'chủ trì', cần xem lại",
            )
        if not roles["coordinating"]:
            named = self.coordinating_in(item.text)
            if named:
                roles["coordinating"] = named
                task.note("coordinating", "đơn vị phối hợp lấy từ cụm 'phối hợp ...' trong nội dung nhiệm vụ")
            elif unread := _UNREAD_HELPERS.search(item.text):
                task.doubt(
                    "coordinating",
                    f"nội dung ghi '{unread[0].strip(' ,.;:')} ...' mà lệnh nhập không đọc thành đơn vị phối hợp; "
                    "cần xem có ghi đơn vị phối hợp không",
                )

    @staticmethod
    def choose_time(task: Draft, item: struct.Item, block_time: str | None) -> str | None:
        """The time of a task: its label line, else its own words, else its section heading's; every
        guess flagged."""
        if block_time is None:
            time = item.time_text
            if time and item.time_how in ("inline", "closing"):
                task.doubt(
                    "timeframe",
                    f"thời gian lấy từ nội dung nhiệm vụ ('{time}'), văn bản không có dòng 'Thời gian thực hiện'",
                )
                if len(others := struct.deadlines_in(item.text)) > 1:
                    task.doubt(
                        "timeframe",
                        f"nội dung ghi {len(others)} mốc thời gian ({'; '.join(others)}), mỗi mốc cho một phần "
                        f"việc; đã ghi mốc '{time}', cần xem có tách nhiệm vụ hay ghi theo từng phần",
                    )
            elif time is None and item.heading_time:
                time, heading = item.heading_time
                task.doubt("timeframe", f"thời gian lấy từ {heading}; văn bản không ghi riêng cho việc này")
            return time
        if item.time_how == "inline" and item.time_text and _continuous(block_time):
            # "Thường xuyên" for the whole, a dated step in the text: joined they would read as one
            # deadline and make the continuous work overdue. The line is kept; the step is flagged.
            task.doubt(
                "timeframe",
                f"dòng 'Thời gian thực hiện' ghi '{block_time}', nội dung nêu thêm mốc '{item.time_text}' cho một "
                "phần việc; đã ghi theo dòng 'Thời gian thực hiện'",
            )
        elif (later := _date_after(item.text, block_time)) is not None:
            task.doubt(
                "timeframe",
                f"dòng 'Thời gian thực hiện' của nhóm ('{block_time}') kết thúc trước mốc {later} mà nội dung "
                "nêu; chưa ghi thời gian, cần xem lại",
            )
            return None
        return block_time

    def write_task(self, task: Draft, item: struct.Item, read: _Labels, time: str | None) -> None:
        data = task.data
        lead = self.settle(read.roles["lead"], task, "lead")
        addressee = self.one_addressee() if not lead and not read.unread else None
        if addressee is not None and self.asks(addressee):
            # 'Sở ... đề nghị Công ty thực hiện đầy đủ các nội dung sau:': the letter's one addressee does the work
            lead = self.settle([self.registry.lookup(addressee) or Match(addressee, None, True)], task, "lead")
            if lead:
                task.doubt(
                    "lead",
                    f"việc không nêu đơn vị làm; công văn đề nghị '{addressee}' (nơi nhận) thực hiện các nội dung "
                    "của nó: đã ghi chủ trì là nơi nhận",
                )
                addressee = None
        if lead:
            data["lead"] = lead
        elif self.issuer is None:
            # no lead written and no issuer to stand for it: left empty, for the clerk to fill
            data["lead"] = []
            task.doubt("lead", "việc không nêu đơn vị chủ trì và văn bản không ghi cơ quan ban hành; cần ghi chủ trì")
        else:
            data["lead"] = [self.issuer]
            data["lead_implied"] = True
            if addressee is not None:
                task.doubt(
                    "lead",
                    f"công văn gửi '{addressee}', việc này không nêu đơn vị làm; tạm ghi cơ quan ban hành, cần "
                    f"xem có phải '{addressee}' làm",
                )
            self.flag_implied_lead(task, item, read)
        for role in ("coordinating", "advising", "executing"):
            ids = [u for u in self.settle(read.roles[role], task, role) if u not in data["lead"] or role == "advising"]
            if ids:
                data[role] = ids
        if read.method:
            data["method"] = " ".join(read.method)
        data["implements"] = []
        if time:
            self.set_time(task, time)
        notes = [*read.output, *(f"Người thực hiện: {p}" for p in read.people)]
        if notes:
            data["note"] = "; ".join(notes)
        if read.people and data.get("lead_implied"):
            task.doubt(
                "lead",
                f"văn bản ghi người thực hiện ('{read.people[0]}'), không ghi đơn vị chủ trì; tạm ghi cơ quan "
                "ban hành, cần ghi chủ trì",
            )
        if item.block and item.block_line:
            task.note(
                "",
                f"đơn vị, thời gian lấy từ các dòng 'Chủ trì/Phối hợp/Thời gian' ở dòng {item.block_line} "
                "của văn bản gốc",
            )

    def flag_implied_lead(self, task: Draft, item: struct.Item, read: _Labels) -> None:
        """The issuer is written as the lead of work that names none: flagged when words of the task, a line
        of its own or a heading or lead-in above it name who does it in words the reader did not read."""
        if read.unread:
            task.doubt(
                "lead",
                f"dòng chủ trì ghi '{read.unread[0]}' mà lệnh nhập không đọc thành đơn vị; tạm ghi cơ quan "
                "ban hành, cần ghi chủ trì",
            )
        elif (
            "lead" not in task.doubts
            # 'Cơ quan phối hợp có trách nhiệm ...': a body named by its role opens the work too
            and (opening := _OPENS_WITH_BODY.match(item.text) or _BODIES_BY_ROLE.match(item.text))
            and self.names_others(opening["who"])
        ):
            task.doubt(
                "lead",
                f"nội dung mở đầu bằng '{opening['who'].strip()}' mà lệnh nhập không đọc thành đơn vị chủ trì; "
                "tạm ghi cơ quan ban hành, cần xem lại",
            )
        elif "lead" not in task.doubts and (
            given := _GIVEN_INSIDE.search(item.text) or _PEOPLE.match(item.text) or _THEN_WHO.search(item.text)
        ):
            task.doubt(
                "lead",
                f"nội dung giao việc cho '{given['who'].strip()}' mà lệnh nhập không đọc thành đơn vị chủ trì; "
                "tạm ghi cơ quan ban hành, cần xem lại",
            )
        elif "lead" not in task.doubts and (above := self.who_above(item)) is not None:
            task.doubt(
                "lead",
                f"đề mục hay câu dẫn ở trên nêu '{above}' mà lệnh nhập không đọc thành đơn vị chủ trì của việc "
                "này; tạm ghi cơ quan ban hành, cần xem lại",
            )

    def subject_after_opening(self, text: str) -> tuple[str, list[Match]] | None:
        """The bodies a sentence names as doing the work after an opening phrase that says when, on what
        grounds or to what end ('Sau tối đa 05 ngày kể từ ..., các cơ quan ... có trách nhiệm ...', 'Căn cứ ...,
        các bộ, cơ quan ngang bộ ... xây dựng ...'): the opening and the names, when the words after one of its
        commas are names of bodies followed by what they do (in lower case); None otherwise."""
        if not _ADVERBIAL_OPENING.match(text):
            return None
        sentence = re.split(r"[;:]|\.\s", text, maxsplit=1)[0]
        for comma in re.finditer(r",\s+", sentence):
            clause = text[comma.end() :]
            if not (clause[:1].isupper() or re.match(r"(?:các|những)\s", clause)):
                continue
            matches, rest = self.registry.split(clause)
            if matches and rest[:1].islower() and all(m.usable or m.named for m in matches):
                return sentence[: comma.start()].strip(), matches
        return None

    def subject_at_start(self, text: str) -> list[Match]:
        """The bodies a point's sentence opens with as its subject, then what they do ('Bộ Công Thương chỉ đạo
        ...', 'Ủy ban nhân dân tỉnh X chỉ đạo ...'): names the import is sure of (``_sure_subject``), followed by
        a verb of work in lower case; [] otherwise."""
        text = struct.point_mark(text)[1]  # '(ii) Bộ Công Thương chỉ đạo ...': the point's mark left in its text
        if not text[:1].isupper():
            return []
        matches, rest = self.registry.split(text)
        if (
            matches
            and text.startswith(matches[0].written)  # the names as the sentence opens, no word of it dropped
            and all(_sure_subject(m) for m in matches)
            and OPENS_WORK.match(rest.strip())
        ):
            return matches
        return []

    def sections_above(self, item: struct.Item) -> list[struct.Section]:
        """The sections an item sits in, the nearest first."""
        out: list[struct.Section] = []
        level = self.body.sections
        for key in item.path:
            section = next((s for s in level if s.number.rstrip(".-").split(".")[-1] == key), None)
            if section is None and level is not self.body.sections:
                # a point numbered under a part yet kept beside it in the list of sections ('I', then '2.
                # Chủ tịch UBND các tỉnh ... trong đó:' over '(1) ...'): the path names it all the same
                section = next((s for s in self.body.sections if s.number.rstrip(".-").split(".")[-1] == key), None)
            if section is None:
                break
            out.insert(0, section)
            level = section.children
        return out

    def deadline_above(self, item: struct.Item) -> str | None:
        """A deadline a heading above the item, or the lead-in closing its section's text, writes for the work
        under it ('b) Các Bộ: ... khẩn trương khắc phục ..., hoàn thành trong tháng 11 năm 2025, cụ thể:') that
        the import did not carry to the item; None when none does. Only deadlines: a part's period ('NHIỆM VỤ
        NĂM 2025') is the plan's, not a time the points leave unwritten."""
        for section in self.sections_above(item):
            lead_ins = [t for t in section.texts[-1:] if t.rstrip().endswith(":")]
            for text in (section.heading, *lead_ins):
                if found := _DEADLINE_ABOVE.search(text):
                    return found[0].strip(" ,;:.")
        # the point giving work over a list ('b) Các Bộ: ... khẩn trương ..., hoàn thành trong tháng 11 năm 2025, cụ
        # thể:' over '(1) ...', '(2) ...'), however many of its points come between
        items = self.body.items
        at = self._item_at.get(id(item)) if len(self._item_at) == len(items) else None
        if at is None:
            self._item_at = {id(other): k for k, other in enumerate(items)}
            at = self._item_at.get(id(item), 0)
        for other in reversed(items[max(0, at - _LIST_REACH) : at]):
            if other.path != item.path:
                break
            if other.text.rstrip().endswith(":"):
                found = _DEADLINE_ABOVE.search(other.text)
                return found[0].strip(" ,;:.") if found else None
        return None

    def who_above(self, item: struct.Item) -> str | None:
        """Who a heading the item sits under, or the lead-in point just above it ('Các đồng chí Bộ trưởng, Thủ
        trưởng cơ quan ngang Bộ:'), names in words opening with a body or a person; None when none does."""
        texts = [section.heading for section in self.sections_above(item)]
        if (before := self.lead_in_above(item, named=True)) is not None:
            texts.insert(0, before)
        for text in texts:
            words = _NUMBERING.sub("", text)
            # a heading asking a body ('Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh') names it too;
            # so does one naming bodies by their role ('Cơ quan chủ trì giải quyết thủ tục ...')
            if found := (
                _OPENS_WITH_BODY.match(words)
                or _PEOPLE.match(words)
                or _GIVEN_INSIDE.match(words)
                or _BODIES_BY_ROLE.match(words)
            ):
                return found["who"].strip()
            if PERSON_TITLE.match(words):  # 'Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tổ chức ...': a post
                return re.split(r"[,.;:(]", words, maxsplit=1)[0].strip()
        # a sentence naming who does the list inside it, a lead-in or a numbered point over the list ('5. Để nâng
        # cao ..., các Sở, ngành, UBND cấp xã ... triển khai thực hiện những nội dung sau:')
        return next((who for text in texts if (who := self.subject_of_lead_in(text)) is not None), None)

    def subject_of_lead_in(self, text: str) -> str | None:
        """Who the last sentence of a lead-in names as doing the list, inside it ('..., căn cứ vào ..., Văn phòng
        Trung ương Đảng và các văn phòng tỉnh uỷ cụ thể hoá ..., trong đó, cần tập trung ... sau:'): a clause
        opening with a body; not the issuer itself."""
        last = re.split(r"\.\s+(?=[A-ZĐ])", text.strip())[-1]
        for clause in re.split(r"[,;]\s*", last)[1:]:
            found = _OPENS_WITH_BODY.match(clause)
            if found and self.names_others(found["who"]):
                return found["who"].strip()
        return None

    def names_others(self, who: str) -> bool:
        """Whether words naming who does the work name a body other than the issuer, which the issuer written as
        the lead would leave out: a name without the issuer's, or one of several joined by 'và' ('Văn phòng Trung
        ương Đảng và các văn phòng tỉnh uỷ')."""
        keys = [key for key in self.unit_keys(self.issuer) if key] if self.issuer else []
        return any(not any(key in norm(part) for key in keys) for part in re.split(r"\s+và\s+", who) if part.strip())

    def lead_in_above(self, item: struct.Item, named: bool = False) -> str | None:
        """The lead-in the points of one list share, above the first of them ('Đề nghị Thường trực Tỉnh ủy ... sau:'
        then '1. ...', '2. ...'), or (with ``named``) the line naming a body above points of a lower level ('- Bộ
        Công Thương' over '+ ...'); passed over are the points before this one, of its list, that name no one of
        their own."""
        items = self.body.items
        if len(self._item_at) != len(items):
            self._item_at = {id(other): k for k, other in enumerate(items)}
            self._above = {}
        at = self._item_at.get(id(item), 0)
        k = at - 1
        while (
            k >= 0
            and _same_list(items[k], item)
            and (not items[k].lead or items[k].lead_how == "heading")  # no one named, or whom the text above names
            and not items[k].text.rstrip().endswith(":")
        ):
            # passed over, of the same list: the walk goes on where the one from it stopped (a long list read once)
            k = self._above[k] if k in self._above else k - 1
        self._above[at] = k
        before = items[k] if k >= 0 else None
        if before is None or before.path != item.path:
            return None
        if before.text.rstrip().endswith(":") or (named and before.marker != item.marker and before.role != "task"):
            return before.text
        return None

    def one_addressee(self) -> str | None:
        """The one body a letter is sent to ('Kính gửi: Công ty ...'), which the work it lists without
        naming who does it may be for; None for a plan, several recipients or a group."""
        recipients = self.header.recipients
        if self.header.issued_by != "Công văn" or len(recipients) != 1:
            return None
        name = recipients[0]
        if re.match(r"^(?:các|những)\s", name, re.IGNORECASE) or ":" in name:
            return None
        return name

    def asks(self, addressee: str) -> bool:
        """Whether the letter's opening asks its addressee to do what follows ('đề nghị Công ty thực hiện
        ...', 'yêu cầu Quý cơ quan ...'), naming it by its first words."""
        words = addressee.split()[:2]
        if len(words) < 2:
            return False
        named = r"\s+".join(re.escape(w) for w in words)
        opening = " ".join(p.text for p in self.body.preamble)
        return bool(re.search(rf"\b(?:đề nghị|yêu cầu)\s+(?:quý\s+)?{named}\b", opening, re.IGNORECASE))

    def set_time(self, task: Draft, time: str) -> None:
        try:
            frame = parse_timeframe(time)
        except TimeFrameError as err:
            task.doubt("", f"thời gian thực hiện '{time}' không đọc được ({err}); chưa ghi vào 'timeframe'")
            return
        deadline = None if frame.is_continuous else frame.deadline
        plan_date = self.outcome.plan.data.get("date") if self.outcome.plan else None
        if deadline and plan_date and deadline < plan_date:
            # kept as written: a wrong year or a step already done is the clerk's to judge (KH503 says so)
            task.doubt(
                "timeframe",
                f"thời gian '{time}' kết thúc trước ngày ban hành kế hoạch (việc đã làm, hay ghi nhầm năm?); "
                "đã ghi như văn bản, cần xem lại",
            )
        task.data["timeframe"] = time
        if levels := by_level(time):
            task.data["timeframe_by_level"] = [{"level": level, "timeframe": part} for level, part in levels]

    # ------------------------------------------------------------ citations


@dataclass
class _Labels:
    """What the label lines of one task say, as they are read."""

    roles: dict[str, list[Match]] = field(
        default_factory=lambda: {"lead": [], "coordinating": [], "advising": [], "executing": []}
    )
    time: str | None = None
    method: list[str] = field(default_factory=list)
    output: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # lead values that named no unit ('Các' cut by a line end)
    doubts: list[tuple[str, str]] = field(default_factory=list)  # (field, why) of cells cut by a guess
    people: list[str] = field(default_factory=list)  # persons named ('Người thực hiện: ...'): no unit


_CUT_GUESSED = "được tách khỏi ô bên cạnh theo phỏng đoán, có thể lẫn chữ của ô khác; cần đối chiếu với văn bản"


def _guessed_cell(
    read: _Labels, role: str, line: struct.LabelLine, matches: list[Match], helpers: list[Match]
) -> tuple[list[Match], list[Match]]:
    """The units of a table cell whose cut was guessed: only those the registry (or this import)
    already holds; a name read from it may join words of two cells, so no new unit is proposed from
    it. The field is flagged either way."""
    if why := tables.placed(line.doubt):  # the cell is whole, its column a guess: flagged, units kept
        read.doubts.append((role, f"ô '{line.value.strip()}' của bảng: {why}; cần đối chiếu với văn bản"))
        return matches, helpers
    kept = [m for m in matches if m.unit is not None]
    dropped = [m.written for m in [*matches, *helpers] if m.unit is None]
    why = f"ô '{line.value.strip()}' của bảng {_CUT_GUESSED} ({line.doubt})"
    if dropped:
        why += "; không đề xuất đơn vị mới từ các tên: " + ", ".join(f"'{d}'" for d in dropped)
    read.doubts.append((role, why))
    return kept, [m for m in helpers if m.unit is not None]


# A task's text that opens with bodies ('Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ ...', 'Công tác
# chuẩn bị: Ban Xây dựng Đảng, Văn phòng Đảng ủy ...'): whoever it names may lead the work.
# So does a group named by its kind ('Các sở, ban, ngành ...', 'Các cơ quan đăng ký đầu tư (...)', 'Các Bộ, cơ quan:
# ...', 'Các cấp uỷ đảng, chính quyền ...') or a place standing for its authorities ('Các tỉnh Nghệ An, Quảng Ngãi ...',
# 'Thành phố Hà Nội và các tỉnh ...').
_GROUP_OPENS = (
    r"(?:Các|các|Những|những)\s+(?:(?i:sở|bộ|ban|ngành|cơ\s*quan|đơn\s*vị|địa\s*phương|tổ\s*chức|tỉnh|huyện"
    rf"|xã|phường|doanh\s*nghiệp|lực\s*lượng|đoàn\s*thể|văn\s*phòng)(?![{LOWER}])|cấp\s*(?:ủy|uỷ))"
    rf"|(?:Thành phố|Tỉnh)\s+[{UPPER}]"
)
_OPENS_WITH_BODY = re.compile(
    rf"^(?:[^:]{{0,40}}:\s*)?(?P<who>(?:(?:Các\s+|các\s+)?(?:{org_opening()})\s|{_GROUP_OPENS})[^,.;:]{{0,50}})"
)
# Work given inside a sentence to bodies the reader did not read as the lead ('Căn cứ kết luận ...; đề nghị Đảng ủy
# UBND xã, Ban Xây dựng Đảng ...', 'Giao Văn phòng ...', 'Chỉ đạo Hội Nông dân ... đẩy mạnh ...': the body directed
# does the work, or the one directing it, never surely the issuer); the words in capitals name bodies ('giao ban' is
# a meeting),
# the same words that open an organisation's name everywhere (names.ORG_WORDS).
_GIVEN_INSIDE = re.compile(
    rf"(?:^|[\s;,(])(?:[Đđ]ề\s*nghị|[Gg]iao|[Yy]êu\s*cầu|[Cc]hỉ\s*đạo|[Pp]hân\s*công)\s*"
    rf"(?P<who>(?:các\s+)?(?:{org_opening(glued=True)})"
    # the name ends where no lower-case letter goes on ('Đảng uỷUBND xã', 'MTTQVN': words run together in a PDF)
    rf"(?![{LOWER}])[^,.;:]{{0,40}}"
    # 'các Tổ chức Đảng trực thuộc', 'Yêu cầu các bộ, ngành, địa phương ...'
    r"|các\s+(?i:cơ quan|đơn vị|tổ chức|cấp\s*(?:ủy|uỷ)|địa phương|bộ|ngành|sở)\b[^,.;:]{0,30}"
    # bodies' leaders and standing committees written in lower case ('đề nghị thường trực các tỉnh uỷ, thành uỷ')
    r"|(?:thường\s*trực|người\s*đứng\s*đầu)\s+(?:các\s+)?\S[^,.;:]{0,40}"
    # people named by their post ('Phân công các đồng chí Phó Thủ tướng Chính phủ theo dõi ...')
    r"|(?:các\s+)?(?:đồng\s*chí|Đồng\s*chí)\s+[^,.;:]{1,40})"
)
# Bodies named by their role or kind, in a heading or lead-in ('Cơ quan chủ trì giải quyết thủ tục đầu tư', 'Đơn vị
# cấp nước trên địa bàn'): who does the work under it, in words that are no body's own name.
# The body a condition's consequence names ('nếu có khó khăn, vướng mắc thì các văn phòng tỉnh uỷ ... báo cáo', 'Đối
# với vụ việc ở nơi công tác thì cơ quan, tổ chức, đơn vị trực tiếp quản lý ... xác minh'): who does the work.
_THEN_WHO = re.compile(
    rf"\bthì\s+(?P<who>(?:(?:các|những)\s+)?(?:(?:{org_opening()})\s|(?:cơ quan|đơn vị|văn phòng)\b)[^,.;:]{{0,50}})"
)
_BODIES_BY_ROLE = re.compile(r"^(?P<who>(?:Các\s+)?(?:Cơ quan|Đơn vị|Chủ đầu tư|Nhà đầu tư)\s[^,.;:]{0,50})")


def _same_list(other: struct.Item, item: struct.Item) -> bool:
    """Two points of one list: the same section, the same mark (or none), both work."""
    return other.path == item.path and other.marker == item.marker and other.role == item.role


# A period a lead-in gives its list ('trong 02 tháng cuối năm 2025', 'những tháng đầu năm 2026', 'quý IV', 'từ nay đến
# tháng 6/2027'), beyond the phrases read in a task's own words.
_PERIOD_OF_LEAD_IN = re.compile(
    r"\b(?:trong\s+)?\d{1,2}\s+tháng\b|\b(?:cuối|đầu|giữa)\s+năm\s+\d{4}|\bquý\s+[IV]+\b|\bđến\s+tháng\s+\d",
    re.IGNORECASE,
)
# A heading's or point's number and mark ('2.', 'III.', 'b)', '-').
_NUMBERING = re.compile(r"^\s*(?:[\dIVXLivx]+(?:\.\d+)*[.)]?|[a-zđ][.)]|[-+*•–])\s*")
# A sentence opening with when, on what grounds or to what end the work is done, before who does it ('Sau tối đa
# 05 ngày ...,', 'Căn cứ ...,', 'Trên cơ sở ...,', 'Định kỳ hằng năm,', 'Trong thời hạn ...,').
_ADVERBIAL_OPENING = re.compile(
    r"^(?:Căn cứ|Trên cơ sở|Sau|Trong|Định kỳ|Hằng năm|Hàng năm|Khi|Trước|Chậm nhất|Ngay sau|Từ|Đến|Theo|Để|Nhằm)"
    r"(?=\s|[a-zđ])"
)
# Work given to people ('Các đồng chí Ủy viên Ban Thường vụ ...'): their leadership leads, not the issuer.
_PEOPLE = re.compile(r"^(?P<who>(?:Các\s+)?(?:đồng chí|Đồng chí)\b[^,.;:]{0,60})")
# 'phối hợp (chặt chẽ) với' and the words after it: whom the work is done with, when the reader names no one.
_UNREAD_HELPERS = re.compile(
    r"\b[Pp]hối hợp(?:\s+chặt chẽ)?\s+(?:với\s+|(?=các\b|[A-ZĐ]))[^\s,.;:]+(?:\s+[^\s,.;:]+){0,4}"
)


# Words of a task's text that say when (or how often) it is done, which the time reader may leave
# unread ('hằng năm', 'định kỳ hàng quý', 'chậm nhất là ngày ...', 'trước ngày 20 hằng tháng', 'đến năm 2030').
# Also a span of years ('2025 - 2030', 'giai đoạn ...', '2026 trở đi'), a start ('từ ngày 15/11', 'từ tháng 3'), a
# year ('vào năm 2030') and an event ('trước khi khai thác', 'khi Bộ Y tế có văn bản', 'khi tổng kết').
def _sure_subject(match: Match) -> bool:
    """A name read at the start of a sentence that is surely a body's: known to the catalogue, or shaped as a
    name (a head word and a proper name: 'Bộ Xây dựng', 'Đài Truyền hình Việt Nam'; an organ named whole by its
    words and level: 'Ủy ban nhân dân tỉnh X'), or a group of kinds named bare ('Các sở, ban, ngành'). Words
    that merely open with a head word ('Lãnh đạo, chỉ đạo ...', 'Trường hợp ...', 'Phổ biến tài liệu ...') or a
    group that runs on into the sentence ('Các tỉnh ủy, ... cụ thể hóa') are not: no unit is proposed for them."""
    written = " ".join(match.written.split())
    if match.known:
        return True
    if not written[:1].isupper():
        return False
    if match.generic or fold(written).startswith(("cac ", "nhung ")):
        return bare_kinds(written)
    if odd_name(written) or re.match(rf"{AFTER_SUBJECT}\b", written.lower()):
        return False  # 'Tổ chức Hội nghị ...': the work, opening with its verb
    if _ORGAN_NAMED_WHOLE.match(written):
        return True
    return any(word[:1].isupper() for word in written.split()[1:3])


_ORGAN_NAMED_WHOLE = re.compile(rf"^(?:{org_opening(organs_only=True)})\s+\S")


# A deadline written in a heading or lead-in for the work under it ('đến hết tháng 12 năm 2025', 'hoàn thành
# trong tháng 11 năm 2025', 'trước 17 giờ ngày 27/11/2025', 'chậm nhất ngày ...', 'trong quý IV/2025').
_DEADLINE_ABOVE = re.compile(
    r"(?:\b(?:đến\s+)?hết\s+(?:ngày|tháng|quý|năm)\s+[\dIVX]|\b(?:xong|hoàn thành)\s+(?:trong|trước|vào)\s"
    r"|\btrước\s+(?:\d{1,2}\s+giờ\s+)?ngày\s+\d|\bchậm nhất\b|\btrong\s+(?:tháng|quý)\s+[\dIVX])[^,;:()]*",
    re.IGNORECASE,
)
# How many points back a list's lead-in is looked for.
_LIST_REACH = 40
_UNREAD_TIME = re.compile(
    r"\b(?:(?:định kỳ\s+)?(?:hàng|hằng)\s+(?:năm|quý|tháng|tuần|ngày)|định kỳ|chậm nhất(?:\s+là)?(?:\s+ngày\s+\S+)?"
    r"|trước ngày\s+\d[\d/]*|đến năm\s+\d{4}|trong (?:năm|quý|tháng)\s+[\dIVX][\dIVX/]*"
    r"|(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}|giai đoạn\s+(?:19|20)\d{2}|(?:19|20)\d{2}\s+trở đi"
    r"|từ (?:ngày|tháng)\s+\d[\d/]*|(?:vào|trong) năm\s+\d{4}"
    r"|(?:trước|sau|từ) khi\s+\S+(?:\s+\S+)?|khi (?:tổng kết|sơ kết|có văn bản)"
    r"|khi [A-ZĐ]\S*(?:\s+\S+){0,6}?\s+có văn bản)"
    # a deadline or period inside the sentence: 'đến hết tháng 12 năm 2025', 'xong trong quý I', 'cuối năm',
    # 'ngay từ đầu năm', 'ngay sau Đại hội', 'thời gian tới', 'thường xuyên' (a time frame, as plans write it),
    # a year that is no date's ('trong năm 2025', not '... tháng 10 năm 2019')
    r"|\b(?:đến\s+)?hết\s+(?:ngày|tháng|quý|năm)\b(?:\s+[\dIVX][\dIVX/]*)?"
    r"|(?:xong|hoàn thành)\s+(?:trong|trước|cuối|vào)\b"
    r"|\b(?:cuối|đầu)\s+(?:năm|tháng|quý)\b|\bngay\s+sau\s+\S+|\bthời gian tới\b|\bthường xuyên\b"
    r"|(?<!tháng\s\d\s)(?<!tháng\s\d\d\s)(?<![\d/])\bnăm\s+(?:19|20)\d{2}\b(?!\s*[-–/])",
    re.IGNORECASE,
)


def _date_after(text: str, timeframe: str) -> str | None:
    """A full date written in ``text`` that falls after the deadline of ``timeframe``, if any:
    the group's time line then cannot be this item's ('kỷ niệm ... (15/10/2025)' under 'quý III/2021')."""
    try:
        deadline = parse_timeframe(timeframe).deadline
    except TimeFrameError:
        return None
    if deadline is None:
        return None
    for match in re.finditer(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b", text):
        try:
            day = dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            continue
        if day.year > deadline.year:
            return match[0]
    return None


_LEVEL = re.compile(
    r"^(?P<level>(?:cấp|Cấp)\s+(?:cơ sở|trung ương|Trung ương|[^\s:;,]+)|(?:đợt|Đợt|giai đoạn|Giai đoạn|bước|Bước|"
    r"phase|Phần)\s+(?:\d{1,2}|[IVX]{1,4}))\s*:?\s*(?P<time>\S.*)$"
)


def by_level(time: str) -> list[tuple[str, str]]:
    """'cấp tỉnh quý III/2023; cấp huyện quý IV/2023': each level or phase with its own time, when
    every part of the phrase names one and reads as a time frame; otherwise nothing."""
    parts = [p.strip(" .") for p in re.split(r"\s*;\s*", time) if p.strip(" .")]
    out = []
    for part in parts:
        match = _LEVEL.match(part)
        if match is None or not struct.reads_as_timeframe(match["time"]):
            return []
        level = match["level"]
        out.append((level[0].lower() + level[1:], match["time"].strip()))
    return out if len(out) > 1 else []


def _continuous(text: str) -> bool:
    try:
        return parse_timeframe(text).is_continuous
    except TimeFrameError:
        return False


def section_data(section: struct.Section, plan: Draft) -> dict[str, Any]:
    data: dict[str, Any] = {"number": section.number.rstrip(".-"), "heading": section.heading}
    if section.heading_note == struct.NO_SECTIONS:
        plan.doubt("sections", section.heading_note)
    elif section.heading_note:
        plan.note("sections", f"mục {section.number}: {section.heading_note}")
    if section.texts:
        data["text"] = "\n".join(section.texts)
    if section.children:
        data["sections"] = [section_data(child, plan) for child in section.children]
    return data


def _section_keys(sections: list[struct.Section], prefix: str = "") -> list[str]:
    keys = []
    for section in sections:
        last = section.number.rstrip(".-").split(".")[-1]
        key = f"{prefix}.{last}" if prefix else last
        keys.append(key)
        keys.extend(_section_keys(section.children, key))
    return keys


def model_problems(draft: Draft) -> list[str]:
    """What the model stage would say about a draft (none, when the importer did its job)."""
    data = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in draft.data.items()}
    _, problems = validate(draft.kind, data)
    return [f"{code} {message}" for _, code, message in problems]
