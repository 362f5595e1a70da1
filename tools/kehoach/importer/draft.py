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
from pathlib import Path, PurePosixPath
from typing import Any

from ..index import Index
from ..load.files import expected_place
from ..model import Directive, DocType, Plan, PlanType, Task, Unit, UnitKind
from ..model.docnumber import DocNumber, DocNumberError, parse_doc_number
from ..model.timeframe import TimeFrameError, parse_timeframe
from ..model.validate import validate
from ..text import fold, slugify
from . import citations as cite
from . import header as head
from . import source
from . import structure as struct
from .units import Match, Registry, norm

# ---------------------------------------------------------------- drafts


@dataclass
class Draft:
    """One record to write: its data in model field order and the notes on its values."""

    kind: str  # plan, task, directive, unit
    data: dict[str, Any]
    doubts: dict[str, list[str]] = field(default_factory=dict)  # field ("" = whole record) -> why to review
    notes: dict[str, list[str]] = field(default_factory=dict)  # field -> what the source wrote (not doubts)

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def path(self) -> PurePosixPath:
        return expected_place(self.kind, self.id, self.data.get("plan"))

    def doubt(self, key: str, message: str) -> None:
        notes = self.doubts.setdefault(key, [])
        if message not in notes:
            notes.append(message)

    def note(self, key: str, message: str) -> None:
        notes = self.notes.setdefault(key, [])
        if message not in notes:
            notes.append(message)


@dataclass
class Outcome:
    """What an import would do: records to create, records linked, what was refused."""

    source: Path
    report: Draft | None = None  # a báo cáo (importer.report); its programme part, if any, is ``plan``
    plan: Draft | None = None
    tasks: list[Draft] = field(default_factory=list)
    directives: list[Draft] = field(default_factory=list)
    units: list[Draft] = field(default_factory=list)
    linked_directives: list[str] = field(default_factory=list)
    linked_units: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    cleaning: list[str] = field(default_factory=list)
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # a report's result paragraphs: section, text

    @property
    def drafts(self) -> list[Draft]:
        return (
            ([self.report] if self.report else [])
            + ([self.plan] if self.plan else [])
            + self.tasks
            + self.directives
            + self.units
        )

    @property
    def doubt_count(self) -> int:
        return sum(len(notes) for d in self.drafts for notes in d.doubts.values())


class DraftError(Exception):
    """The plan cannot be drafted (no number, an unknown --issuer); the message says why."""


# ---------------------------------------------------------------- the flow

_PLAN_TYPES = {"KH": PlanType.KE_HOACH, "CTr": PlanType.CHUONG_TRINH}


def build_plan(doc: source.Document, header: head.Header, index: Index, issuer: str | None = None) -> Outcome:
    """The drafts of a plan (or programme, decision, letter) whose header is read."""
    registry = Registry(index.units, header.province, header.locality)
    registry.issuer_name = header.issuer_name
    body = struct.parse(doc, header.body_start, registry)
    outcome = Outcome(doc.path, cleaning=list(doc.notes))
    builder = PlanBuilder(doc, header, body, registry, index, outcome)
    builder.run(issuer)
    return outcome


class PlanBuilder:
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
        self.registry = registry
        self.index = index
        self.outcome = outcome
        self.documents: dict[str, _Document] = {}  # dedup key -> document cited
        self.task_of: dict[int, Draft] = {}  # id() of a body item -> the task drafted from it

    # ------------------------------------------------------------ plan

    def own_number(self, what: str, example: str) -> DocNumber:
        """The document's own number (``what``: 'kế hoạch', 'báo cáo'), parsed; a DraftError
        naming the line to look for (``example``) when it is missing or malformed."""
        if not self.header.number:
            raise DraftError(f"không đọc được số và ký hiệu của {what} (dòng '{example}' ở phần đầu)")
        try:
            return parse_doc_number(self.header.number)
        except DocNumberError as err:
            raise DraftError(f"số hiệu {what}: {err.message}") from None

    def run(self, issuer_override: str | None) -> None:
        header = self.header
        number = self.own_number("kế hoạch", "Số ...-KH/...")
        plan_type = _PLAN_TYPES.get(number.type_code or "")
        if header.issued_by == "Quyết định" and number.type_code == "QĐ":
            plan_type = PlanType.QUYET_DINH
        elif header.issued_by == "Công văn":
            plan_type = PlanType.CONG_VAN
        if plan_type is None:
            raise DraftError(
                f"số hiệu '{header.number}' không phải số của một kế hoạch hay chương trình (cần dạng "
                "'<số>-KH/<cơ quan>' hoặc '<số>-CTr/<cơ quan>'); lệnh import nhập kế hoạch và chương trình"
            )
        self.plan_type = plan_type
        issuer = self.plan_issuer(issuer_override, number.issuers)
        self.issuer = issuer
        plan_id = self.plan_id(number.text, issuer, number.blank)
        plan = Draft("plan", {"id": plan_id})
        self.outcome.plan = plan
        self.refuse_existing(plan_id, number.text, issuer)
        self.fill_plan(plan, number.text, issuer)
        self.tasks(plan_id)
        self.cite_all()
        self.directive_drafts()
        self.finish_units()

    def plan_issuer(self, override: str | None, codes: tuple[str, ...]) -> str:
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
            return self.commit(by_name, None).unit  # type: ignore[return-value]
        if by_code:
            return by_code[0]
        if by_name:
            match = self.commit(by_name, None)
            self.add_code(match.unit, codes[0] if codes else None)
            return match.unit  # type: ignore[return-value]
        match = self.commit(Match(name or "Cơ quan ban hành", None, True), None)
        self.add_code(match.unit, codes[0] if codes else None)
        return match.unit  # type: ignore[return-value]

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
            return slugify(province)
        return "tw" if not unit_id.startswith("chung-") else (self.registry.province_slug or "chung")

    def plan_id(self, number: str, issuer: str, blank: bool = False) -> str:
        year = self.header.date.year if self.header.date else self.header.blank_year
        scope = self.scope_of(issuer)
        if self.header.locality and slugify(self.header.locality) not in scope:
            scope = f"{scope}-{slugify(self.header.locality)}"  # district plans restart numbering per district
        parts = [scope, str(year) if year else None, slugify(number)]
        if blank:  # no serial to tell two plans apart: the first words of the title do
            parts.append("-".join(slugify(self.header.title or "").split("-")[:6]) or None)
        return "-".join(p for p in parts if p)

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

    def refuse_existing(self, plan_id: str, number: str, issuer: str) -> None:
        if self.refuse_same_id(plan_id, "kế hoạch"):
            return
        if number.startswith(("/", "-")):
            return  # a blank serial names no one plan: the id (title words) tells them apart
        year = self.header.date.year if self.header.date else None
        for entry in self.index.of_kind("plan"):
            other: Plan = entry.record  # type: ignore[assignment]
            if other.number == number and other.issuer == issuer and other.date.year == year:
                self.outcome.refused.append(
                    f"kế hoạch {number} năm {year} của cùng cơ quan đã có trong kho với mã '{other.id}' "
                    f"({entry.file.rel}); không nhập lần hai"
                )

    def fill_plan(self, plan: Draft, number: str, issuer: str) -> None:
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
        if written and written != number and not number.startswith("/"):
            data["number_written"] = written
        if "number" in header.doubts:
            plan.note("number", header.doubts["number"])
        if self.plan_type is PlanType.CONG_VAN:
            plan.doubt(
                "type",
                "công văn giao nhiệm vụ (không có dòng tên loại 'KẾ HOẠCH'), nhập như một kế hoạch; kiểm tra "
                "các việc được giao",
            )
        elif header.issued_by:
            plan.doubt(
                "number",
                f"kế hoạch không có số riêng, ban hành kèm {header.issued_by} {number} (dòng "
                f"{header.issued_by_line}); ghi số của quyết định",
            )
        if number.startswith(("/", "-")):
            plan.doubt("number", "văn bản để trống số (số viết tay khi ban hành); điền số khi biết")
        if self.plan_type is not PlanType.KE_HOACH:
            data["type"] = self.plan_type.value

    def fill_issued(self, record: Draft, issuer: str, plain_heading: str) -> None:
        """Who issued the document, where and when, and its type line when it is not the
        plain one ('Kế hoạch', 'Báo cáo'): the same fields for a plan and a report."""
        header, data = self.header, record.data
        data["issuer"] = issuer
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

    def fill_header(self, plan: Draft, issuer: str) -> None:
        header, data = self.header, plan.data
        self.fill_issued(plan, issuer, "ke hoach")
        data["title"] = header.title or "(không đọc được trích yếu)"
        if "title" in header.doubts:
            plan.doubt("title", header.doubts["title"])
        period, why = self.period()
        if period:
            data["period"] = period
            if why:
                plan.doubt("period", why)

    def fill_body(self, plan: Draft) -> None:
        body, data = self.body, plan.data
        data["basis"] = []
        if body.preamble:
            data["preamble"] = " ".join(re.sub(r"^[-+•]\s*", "", p.text) for p in body.preamble)
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
            task = Draft("task", {"id": f"{plan_id}-nv{order:0{width}d}", "plan": plan_id})
            key = ".".join(item.path) if item.path else ""
            task.data["section"] = key if key in sections else (key or next(iter(sorted(sections)), "I"))
            if item.number and item.marker is None:
                task.data["number"] = item.number
            task.data["order"] = order
            task.data["text"] = "\n".join([item.text, *item.details])
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
        self.units_in_text(task, item, read.roles)
        if item.who and not read.roles["lead"]:
            task.doubt(
                "lead",
                f"tên mục nêu người, đơn vị thực hiện ('{item.who}') mà lệnh nhập không đọc thành đơn vị; "
                "cần ghi chủ trì",
            )
        time = self.choose_time(task, item, read.time)
        self.write_task(task, item, read, time)

    def read_label(self, read: _Labels, line: struct.LabelLine, lines: list[struct.LabelLine], own: bool) -> None:
        role = line.role
        if role == "lead-or-executing":
            role = "executing" if any(x.role == "lead" for x in lines) else "lead"
        if role in read.roles:
            matches, helpers, rest = self.units_in(line.value)
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
        elif role == "method":
            read.method.append(line.value.strip())
        elif role == "output":
            read.output.append(line.value.strip())

    def units_in_text(self, task: Draft, item: struct.Item, roles: dict[str, list[Match]]) -> None:
        """Units the item's own words name: its subject ('Sở X chủ trì ...'), 'phối hợp (với) ...'."""
        if item.lead and not (item.lead_how in ("heading", "subject-group") and roles["lead"]):
            # a 'Chủ trì' line beats the heading, and a generic group written as the subject
            roles["lead"] = list(item.lead)
            roles["advising"] = list(item.advising) + roles["advising"]
            if item.lead_how == "giao-help":
                task.doubt(
                    "lead",
                    "văn bản không ghi 'Chủ trì'; chủ trì suy ra là đơn vị được giúp, "
                    "đơn vị được giao ghi vào tham mưu",
                )
        if not roles["coordinating"]:
            named = self.coordinating_in(item.text)
            if named:
                roles["coordinating"] = named
                task.note("coordinating", "đơn vị phối hợp lấy từ cụm 'phối hợp ...' trong nội dung nhiệm vụ")

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
            elif time is None and item.heading_time:
                time, heading = item.heading_time
                task.doubt("timeframe", f"thời gian lấy từ tên mục '{heading}'; văn bản không ghi riêng cho việc này")
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
        if lead:
            data["lead"] = lead
        else:
            data["lead"] = [self.issuer]
            data["lead_implied"] = True
        for role in ("coordinating", "advising", "executing"):
            ids = [u for u in self.settle(read.roles[role], task, role) if u not in data["lead"] or role == "advising"]
            if ids:
                data[role] = ids
        if read.method:
            data["method"] = " ".join(read.method)
        data["implements"] = []
        if time:
            self.set_time(task, time)
        if read.output:
            data["note"] = "; ".join(read.output)
        if item.block and item.block_line:
            task.note(
                "",
                f"đơn vị, thời gian lấy từ các dòng 'Chủ trì/Phối hợp/Thời gian' ở dòng {item.block_line} "
                "của văn bản gốc",
            )

    def coordinating_in(self, text: str) -> list[Match]:
        """Units the text says the work is done with: 'Phối hợp Ban Cán sự đảng UBND tỉnh tổng kết ...',
        '... phối hợp với các đảng đoàn, ban cán sự đảng rà soát ...'. Only names the registry knows."""
        for found in re.finditer(r"\b[Pp]hối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+", text):
            matches, rest = self.registry.split(text[found.end() :])
            if matches and rest and all(m.usable for m in matches):
                return matches
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
        if ";" in text:  # a list written with ';': each part is one unit, commas belong to names
            return self.units_by_part(text), helpers, ""
        matches, rest = self.registry.split(text)
        return matches, helpers, rest

    def units_by_part(self, text: str) -> list[Match]:
        """'Đảng uỷ Mặt trận Tổ quốc, các đoàn thể tỉnh; Đảng ủy UBND tỉnh': one unit per part; a part
        the registry reads as one name is that unit, otherwise it is read as the registry splits it."""
        out: list[Match] = []
        for part in (p.strip(" ,.") for p in text.split(";")):
            if not part:
                continue
            whole = self.registry.lookup(part)
            if whole is not None:
                out.append(whole)
                continue
            matches, rest = self.registry.split(part)
            if rest or not matches or not all(m.known for m in matches):
                out.append(Match(part, None, True))
            else:
                out.extend(matches)
        return out

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

    def set_time(self, task: Draft, time: str) -> None:
        try:
            frame = parse_timeframe(time)
        except TimeFrameError as err:
            task.doubt("", f"thời gian thực hiện '{time}' không đọc được ({err}); chưa ghi vào 'timeframe'")
            return
        deadline = None if frame.is_continuous else frame.deadline
        plan_date = self.outcome.plan.data.get("date") if self.outcome.plan else None
        if deadline and plan_date and deadline < plan_date:
            task.doubt(
                "",
                f"thời gian '{time}' kết thúc trước ngày ban hành kế hoạch (việc đã làm?); chưa ghi vào 'timeframe'",
            )
            return
        task.data["timeframe"] = time
        if levels := by_level(time):
            task.data["timeframe_by_level"] = [{"level": level, "timeframe": part} for level, part in levels]

    # ------------------------------------------------------------ citations

    def cite_all(self) -> None:
        footnotes = self.doc.footnotes
        used_notes: set[str] = set()
        plan = self.outcome.plan
        assert plan is not None
        for citation in cite.find(self.header.title or ""):
            self.remember(citation, None, None)
        if self.header.issued_by:  # "Căn cứ ..." of the decision that issues the plan
            for line in self.doc.lines[: self.header.body_start]:
                if re.match(r"^\W*Căn cứ\b", line.text.strip()):
                    for citation in cite.find(line.text):
                        self.remember(citation, plan, "basis")
        for para in self.body.preamble:
            found = cite.find(para.text)
            for citation in found:
                if _in_title(citation, found, para.text):  # part of another basis's title, not one of its own
                    self.remember(citation, None, None)
                else:
                    self.remember(citation, plan, "basis")
        for item in self.body.items:
            task = self.task_of.get(id(item))
            texts = [(item.text, False)] + [(footnotes[m], True) for m in item.markers if m in footnotes]
            used_notes.update(item.markers)
            for text, in_note in texts:
                for citation in cite.find(text, in_footnote=in_note):
                    self.remember(citation, task, "implements" if task else None)
        for para in self.body.preamble:
            for marker in para.markers:
                used_notes.add(marker)
                for citation in cite.find(footnotes.get(marker, ""), in_footnote=True):
                    self.remember(citation, plan, "basis")
        for section_text in _all_texts(self.body.sections):
            for citation in cite.find(section_text):
                self.remember(citation, plan, "cites")
        for text, in_note in [
            (self.body.closing or "", False),
            *[(footnotes[m], True) for m in footnotes if m not in used_notes],
        ]:
            for citation in cite.find(text, in_footnote=in_note):
                self.remember(citation, plan, "cites")

    def remember(self, citation: cite.Citation, draft: Draft | None, key: str | None) -> None:
        if self.header.issued_by == "Quyết định" and citation.number and citation.number == self.header.number:
            return  # '(Kèm theo Quyết định số ...)': the decision that issues this plan, recorded as it
        dedup = _dedup_key(citation)
        if citation.term and dedup.startswith("n:"):
            dedup += f"|{citation.term}"
        document = self.documents.get(dedup)
        if document is None:
            document = _Document(dedup, [])
            self.documents[dedup] = document
        document.mentions.append(citation)
        if draft is not None and key is not None:
            document.cited_by.append((draft, key, citation))

    def cited_in(self) -> str:
        """The importing document, as the note on each directive it cites names it."""
        return f"kế hoạch {self.outcome.plan.data['number']}"  # type: ignore[union-attr]

    def merge_partials(self) -> None:
        """'Chỉ thị 11' after 'Chỉ thị số 11-CT/TU' anywhere in the plan: the same document."""
        full = [d for d in self.documents.values() if d.key.startswith("n:")]
        for key, document in list(self.documents.items()):
            if not key.startswith("p:"):
                continue
            first = document.mentions[0]
            serial = re.search(r"(\d+)\s*$", first.partial or "")
            if serial is None:
                continue
            same = [
                d
                for d in full
                if (n := next((m.number for m in d.mentions if m.number), None))
                and re.match(rf"0*{int(serial[1])}[-/]", n)
                and d.mentions[0].doc_type == first.doc_type
            ]
            if len(same) != 1:
                continue
            target = same[0]
            number = next(m.number for m in target.mentions if m.number)
            for mention in document.mentions:
                mention.partial, mention.number = None, number
                mention.notes = [n for n in mention.notes if "partial_number" not in n[1]]
            target.mentions += document.mentions
            target.cited_by += document.cited_by
            del self.documents[key]

    def directive_drafts(self) -> None:
        plan = self.outcome.plan
        plan_date = plan.data.get("date") if plan else None
        self.merge_partials()
        self.merge_terms()
        self.merge_short_law_names()
        by_number: dict[str, _Document] = {}
        for document in self.documents.values():
            self.resolve(document)
            if document.number:
                by_number[document.number] = document
            partial = next((m.partial for m in document.mentions if m.partial), None)
            if partial:
                by_number[f"~{partial}"] = document
        for document in self.documents.values():
            for replaced in document.supersedes:
                old = by_number.get(replaced)
                if old is not None and old.record_id and document.draft is not None:
                    document.draft.data.setdefault("supersedes", []).append(old.record_id)
                    if old.draft is not None:
                        old.draft.data["status"] = "superseded"
            for draft, key, mention in document.cited_by:
                if document.record_id is None:
                    continue
                record_id = self.namesake(document.record_id, mention) or document.record_id
                values = draft.data.setdefault(key, [])
                if record_id in values:
                    continue
                if record_id != document.record_id:  # another document with the same number, by its title
                    values.append(record_id)
                    if record_id not in self.outcome.linked_directives:
                        self.outcome.linked_directives.append(record_id)
                    continue
                if key == "basis" and plan and document.date and plan_date and document.date > plan_date:
                    plan.doubt(
                        "basis",
                        f"{document.label} ghi ngày {document.date:%d/%m/%Y}, sau ngày của kế hoạch; "
                        "chưa ghi vào căn cứ, kiểm tra lại ngày",
                    )
                    continue
                values.append(document.record_id)
                for why in document.link_doubts:
                    draft.doubt(key, why)
        basis = set(plan.data.get("basis", [])) if plan else set()
        if plan and "cites" in plan.data:  # documents the plan names elsewhere, not already its basis
            plan.data["cites"] = [c for c in plan.data["cites"] if c not in basis]
        for draft in self.outcome.drafts:
            for key in ("basis", "implements", "cites"):
                if key in draft.data and not draft.data[key]:
                    del draft.data[key]

    def merge_short_law_names(self) -> None:
        """'Luật Bầu cử' after 'Luật Bầu cử đại biểu Quốc hội và ...': the same law, named shorter."""
        laws = {k: d for k, d in self.documents.items() if k.startswith(f"t:{DocType.LUAT.value}:")}
        for key, document in laws.items():
            name = key.split(":", 2)[2]
            longer = [d for k, d in laws.items() if k != key and k.split(":", 2)[2].startswith(name + " ")]
            if len(longer) == 1 and key in self.documents:
                longer[0].mentions += document.mentions
                longer[0].cited_by += document.cited_by
                del self.documents[key]

    def merge_terms(self) -> None:
        """One number cited with two terms ('25-NQ/TW (khóa IX)', '25-NQ/TW (khóa XI)') is two documents:
        numbers restart with each term. A mention without a term joins the only term cited, if one."""
        for key, document in list(self.documents.items()):
            if not key.startswith("n:") or key.count("|") or document.mentions[0].term:
                continue
            termed = [d for k, d in self.documents.items() if k.startswith(key + "|")]
            if len(termed) == 1:
                termed[0].mentions += document.mentions
                termed[0].cited_by += document.cited_by
                del self.documents[key]
            elif termed:
                document.link_doubts.append(
                    f"số {document.mentions[0].number} được dẫn với {len(termed)} khóa khác nhau; lần dẫn không ghi "
                    "khóa chưa rõ là văn bản nào"
                )

    def resolve(self, document: _Document) -> None:
        """Link a cited document to a record of the repository, or draft a new directive."""
        first = document.mentions[0]
        number = next((m.number for m in document.mentions if m.number), None)
        document.number = number
        dates = sorted({m.date for m in document.mentions if m.date})
        document.date = dates[0] if dates else None
        title = _best_title(document.mentions)
        doc_type = first.doc_type
        document.label = f"{_type_name(doc_type)} {number}" if number else (title or first.written)
        notes = list(dict.fromkeys(n for m in document.mentions for n in m.notes))
        issuer, co_issuers, issuer_doubt = self.directive_issuer(document)
        scope = self.scope_of(issuer) if issuer else self.scope_of_number(number)
        document.supersedes = [n for m in document.mentions for n in m.supersedes]
        existing = self.existing(document, doc_type, scope, title)
        if len(dates) > 1:
            document.link_doubts.append(
                f"{document.label} được dẫn với hai ngày khác nhau ({', '.join(f'{d:%d/%m/%Y}' for d in dates)}); "
                "ghi một văn bản, cần đối chiếu"
            )
        if existing is not None:
            document.record_id = existing
            if existing not in self.outcome.linked_directives:
                self.outcome.linked_directives.append(existing)
            return
        record_id = self.directive_id(document, doc_type, scope, title, first)
        draft = Draft("directive", {"id": record_id})
        data = draft.data
        if number:
            data["number"] = number
        partial = next((m.partial for m in document.mentions if m.partial), None)
        if partial and not number:
            data["partial_number"] = partial
        written_as = next((m.number_written for m in document.mentions if m.number and m.number_written), None)
        if number and written_as and " ".join(written_as.split()) != number:
            data["number_written"] = " ".join(written_as.split())
        data["type"] = doc_type.value
        term = next((m.term for m in document.mentions if m.term), None)
        if term:
            data["term"] = term
        data["issuer"] = issuer
        if co_issuers:
            data["co_issuers"] = co_issuers
        if document.date:
            data["date"] = document.date
        written = next((m.number_written for m in document.mentions if m.number_written and not m.number), None)
        if not title and written:  # a number the numbering rules do not know: it names the document
            title = f"{_type_name(doc_type)} số {written}"
        data["title"] = title
        if not title:
            draft.note("title", "văn bản dẫn không ghi trích yếu; để trống (null), không tự đặt")
        for key, note, doubtful in notes:
            key = key if key in ("number", "type", "date", "title") and (key != "number" or number) else "title"
            (draft.doubt if doubtful else draft.note)(key, note)
        if issuer_doubt:
            draft.doubt("issuer", issuer_doubt)
        if len(dates) > 1:
            draft.doubt("date", document.link_doubts[-1])
        titles = _distinct_titles(document.mentions)
        if len(titles) > 1:
            draft.doubt("title", "văn bản được dẫn với các trích yếu khác nhau: " + " | ".join(sorted(titles)))
        places = sorted({_where(m) for m in document.mentions})
        draft.note("", f"dẫn trong {self.cited_in()} ({', '.join(places)})")
        document.record_id = record_id
        document.draft = draft
        self.outcome.directives.append(draft)

    def namesake(self, chosen: str, mention: cite.Citation) -> str | None:
        """Numbers restart with each term: an undated mention whose title is not that of the record
        its number was linked to, but is that of the one other record of the same issuer with that
        number ("Nghị quyết 25-NQ/TW ... về công tác tôn giáo"), is that other record."""
        record: Any = self.index.directives.get(chosen) or self.index.plans.get(chosen)
        if (
            record is None
            or not record.number
            or mention.date
            or not mention.title
            or not record.title
            or _similar(record.title, mention.title)
        ):
            return None
        everything: list[Any] = [*self.index.directives.values(), *self.index.plans.values()]
        others = [
            other.id
            for other in everything
            if other.id != chosen
            and other.issuer == record.issuer
            and other.number
            and _same_number(other.number, record.number)
            and other.title
            and _similar(other.title, mention.title)
        ]
        return others[0] if len(others) == 1 else None

    def directive_issuer(self, document: _Document) -> tuple[str | None, list[str], str | None]:
        mention = next((m for m in document.mentions if m.issuer_text), document.mentions[0])
        codes: list[str] = []
        if document.number:
            try:
                codes = list(parse_doc_number(document.number).issuers)
            except DocNumberError:
                codes = []
        co_issuers: list[str] = []
        for code in codes[1:]:
            found = self.registry.by_code(code)
            if found:
                co_issuers.append(found[0])
        if mention.congress:
            scope, _ = mention.congress
            if scope == "national":
                return self.central_committee(), [], None
            match = self.registry.lookup("Tỉnh ủy")
            if match and (match.unit or match.model):
                return self.commit(match, None).unit, [], None  # type: ignore[return-value]
        by_code = self.registry.by_code(codes[0], propose=False) if codes else []
        if mention.issuer_text:
            match = self.registry.lookup(mention.issuer_text)
            if match is None:
                first, _ = self.registry.split(mention.issuer_text)
                match = first[0] if first and first[0].known else None
            if match is not None:
                unit_codes = self.codes_of(match.unit or match.model or "")
                written = norm(mention.issuer_text)
                inside = any(key and key in written for u in by_code for key in self.unit_keys(u))
                if not unit_codes or not codes or set(unit_codes) & set(codes) or inside:
                    # "Ban Thường vụ Tỉnh ủy" for a number of code TU: a body of the unit the code names
                    settled = self.commit(match, None)
                    self.add_code(settled.unit, codes[0] if codes else None)
                    return settled.unit, co_issuers, settled.doubt  # type: ignore[return-value]
                by_code = self.registry.by_code(codes[0]) if codes else []
                if by_code:
                    return (
                        by_code[0],
                        co_issuers,
                        (
                            f"văn bản ghi cơ quan ban hành '{mention.issuer_text}' nhưng ký hiệu {codes[0]} là của "
                            f"'{by_code[0]}'; đã ghi theo ký hiệu"
                        ),
                    )
        by_code = self.registry.by_code(codes[0]) if codes else []
        if by_code:
            chosen = self.prefer_committee(by_code)
            why = None
            if len(by_code) > 1:
                why = f"văn bản không ghi cơ quan ban hành; ký hiệu {codes[0]} dùng cho {', '.join(by_code)}"
            elif not mention.issuer_text:
                why = f"văn bản không ghi cơ quan ban hành; suy ra từ ký hiệu {codes[0]}"
            return chosen, co_issuers, why
        if mention.issuer_text:
            settled = self.commit(Match(mention.issuer_text, None, True), None)
            self.add_code(settled.unit, codes[0] if codes else None)
            return settled.unit, co_issuers, settled.doubt  # type: ignore[return-value]
        if codes:
            return (
                None,
                co_issuers,
                (
                    f"văn bản dẫn không ghi cơ quan ban hành; ký hiệu {codes[0]} chưa có trong danh mục đơn vị: "
                    "để trống (null), cần bổ sung"
                ),
            )
        return None, co_issuers, "văn bản dẫn không ghi cơ quan ban hành; để trống (null), không tự đoán"

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

    def existing(self, document: _Document, doc_type: DocType, scope: str, title: str | None) -> str | None:
        """The record of the repository this document is, if any."""
        candidates = []
        partial = next((m.partial for m in document.mentions if m.partial), None)
        for entry in [*self.index.of_kind("directive"), *self.index.of_kind("plan")]:
            record = entry.record
            issuer = record.issuer  # type: ignore[attr-defined]
            if issuer is not None and self.scope_of(issuer) != scope:
                continue  # a record whose issuer is not known may be of any scope
            if partial and not document.number:
                if getattr(record, "partial_number", None) and norm(record.partial_number) == norm(partial):  # type: ignore[attr-defined]
                    candidates.append(record)
                continue
            if document.number:
                if record.number and _same_number(record.number, document.number):  # type: ignore[attr-defined]
                    candidates.append(record)
                continue
            if isinstance(record, Directive) and record.type == doc_type and not record.number:
                mention = document.mentions[0]
                if mention.congress and record.type is DocType.NGHI_QUYET_DAI_HOI:
                    if re.search(rf"\b{mention.congress[1]}\b", record.title):
                        candidates.append(record)
                elif title and record.title and _similar(record.title, title):
                    candidates.append(record)
        if not candidates:
            return None
        if document.date:
            dated = [r for r in candidates if r.date == document.date]  # type: ignore[attr-defined]
            if dated:
                return dated[0].id
            undated = [r for r in candidates if r.date is None]  # type: ignore[attr-defined]
            if undated:
                return undated[0].id
            same_year = [r for r in candidates if r.date and r.date.year == document.date.year]  # type: ignore[attr-defined]
            if same_year:  # one number is not issued twice in a year: a date mistyped here or there
                record = same_year[0]
                document.link_doubts.append(
                    f"{document.label} được dẫn với ngày {document.date:%d/%m/%Y}, bản ghi '{record.id}' ghi ngày "
                    f"{record.date:%d/%m/%Y}; đã liên kết, cần đối chiếu"  # type: ignore[attr-defined]
                )
                return record.id
            return None  # same number, another year: another document (numbers restart)
        if len(candidates) > 1:
            document.link_doubts.append(
                f"{document.label} không ghi ngày; kho có {len(candidates)} văn bản cùng số "
                f"({', '.join(r.id for r in candidates)}); đã chọn '{candidates[0].id}'"
            )
        return candidates[0].id

    def directive_id(
        self, document: _Document, doc_type: DocType, scope: str, title: str | None, first: cite.Citation
    ) -> str:
        if document.number:
            year = document.date.year if document.date else None
            tail = slugify(re.sub(r"/(?:19|20)\d\d/", "/", document.number))  # "04/2015/NĐ-CP": the year once
            parts = [scope, str(year) if year else None, tail]
            base = "-".join(p for p in parts if p)
        elif first.congress:
            base = f"{scope}-nghi-quyet-dai-hoi-{first.congress[1].lower()}"
        else:
            name = first.short_name or title or first.written
            base = f"{scope}-{slugify(name)}"[:90].rstrip("-")
        record_id = base
        taken = set(self.index.entries) | {d.id for d in self.outcome.directives}
        n = 2
        while record_id in taken:
            record_id = f"{base}-{n}"
            n += 1
        return record_id

    # ------------------------------------------------------------ units

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
            draft = Draft("unit", data)
            draft.doubt("", proposed.why)
            if proposed.model is None:
                draft.doubt("kind", "loại đơn vị đoán từ tên; kiểm tra lại")
            self.outcome.units.append(draft)


# ---------------------------------------------------------------- helpers


@dataclass
class _Labels:
    """What the label lines of one task say, as they are read."""

    roles: dict[str, list[Match]] = field(
        default_factory=lambda: {"lead": [], "coordinating": [], "advising": [], "executing": []}
    )
    time: str | None = None
    method: list[str] = field(default_factory=list)
    output: list[str] = field(default_factory=list)


@dataclass
class _Document:
    key: str
    mentions: list[cite.Citation]
    cited_by: list[tuple[Draft, str, cite.Citation]] = field(default_factory=list)
    number: str | None = None
    date: dt.date | None = None
    label: str = ""
    record_id: str | None = None
    draft: Draft | None = None
    supersedes: list[str] = field(default_factory=list)
    link_doubts: list[str] = field(default_factory=list)


def _in_title(citation: cite.Citation, found: list[cite.Citation], text: str) -> bool:
    """A document named inside the title of the numbered document cited just before it
    ("Căn cứ Chương trình số 04-CTr/TU ... về thực hiện Nghị quyết Đại hội ... lần thứ XI"):
    the programme is the basis, the resolution is what the programme is about. Only documents
    named without a number: a numbered one may be a basis of its own after a title read too long."""
    before = [c for c in found if c.number and c is not citation and c.end <= citation.start]
    if citation.number or citation.number_written or not before:
        return False
    title = max(before, key=lambda c: c.end).title
    return bool(title) and fold(" ".join(text[citation.start : citation.end].split())) in fold(title)  # type: ignore[arg-type]


def _dedup_key(citation: cite.Citation) -> str:
    if citation.number or citation.number_written:
        return "n:" + _number_key(citation.number or citation.number_written or "")
    if citation.partial:
        return "p:" + norm(citation.partial)
    if citation.congress:
        return f"c:{citation.congress[0]}:{citation.congress[1]}"
    return f"t:{citation.doc_type.value}:{norm(citation.short_name or citation.title or citation.written)}"


def _number_key(number: str) -> str:
    return fold(number).replace(" ", "")


def _same_number(a: str, b: str) -> bool:
    return _number_key(a) == _number_key(b)


def _similar(a: str, b: str) -> bool:
    ka, kb = set(norm(a).split()), set(norm(b).split())
    if not ka or not kb:
        return False
    return len(ka & kb) / min(len(ka), len(kb)) >= 0.8


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    text = " ".join(title.split()).strip(" ,.;")
    if text.startswith("“") and text.endswith("”") and "“" not in text[1:-1]:
        text = text[1:-1].strip()  # the whole title in quotes
    return text or None


def _distinct_titles(mentions: list[cite.Citation]) -> list[str]:
    """Titles that really differ ('về công tác tôn giáo' vs 'về tăng cường ...'), not one cut shorter."""
    out: list[str] = []
    for title in (_clean_title(m.title) for m in mentions if not m.title_shared and not m.congress):
        if not title:
            continue
        key = norm(title)
        if any(norm(t).startswith(key) or key.startswith(norm(t)) or _similar(t, title) for t in out):
            continue
        out.append(title)
    return out


def _best_title(mentions: list[cite.Citation]) -> str | None:
    """The title most mentions agree on; a longer one is more likely to have run into the next clause."""
    own = [m for m in mentions if m.title and not m.title_shared]
    pool = [_clean_title(m.title) for m in (own or [m for m in mentions if m.title])]
    if not pool:
        return None
    return min(pool, key=lambda t: (-pool.count(t), len(t or "")))


def _type_name(doc_type: DocType) -> str:
    return doc_type.label.split(" (")[0].split(",")[0]


def _where(citation: cite.Citation) -> str:
    return "chú thích" if citation.in_footnote else "nội dung"


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


def _all_texts(sections: list[struct.Section]) -> list[str]:
    out = []
    for section in sections:
        out.extend(section.texts)
        out.extend(_all_texts(section.children))
    return out


MODELS = {"plan": Plan, "task": Task, "directive": Directive, "unit": Unit}


def model_problems(draft: Draft) -> list[str]:
    """What the model stage would say about a draft (none, when the importer did its job)."""
    data = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in draft.data.items()}
    _, problems = validate(draft.kind, data)
    return [f"{code} {message}" for _, code, message in problems]
