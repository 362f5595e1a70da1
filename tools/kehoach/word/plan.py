"""A plan written back to Word in its own layout: header, căn cứ, the aims and
requirements, each section with its text and its tasks, each task followed by
its "Chủ trì / Phối hợp / Tham mưu / Thực hiện / Thời gian thực hiện" lines (and a
footnote naming what it implements when its text does not cite it),
the closing, "Nơi nhận" and the signer. The layout is the standard one
``kehoach import`` reads, so a plan survives the trip to Word and back."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..importer import citations
from ..index import Index
from ..model import Plan, Section, Task, Unit
from ..text import fold, vn_date
from . import issuer, layout

ROLES = (
    ("lead", "Chủ trì"),
    ("coordinating", "Phối hợp"),
    ("advising", "Chịu trách nhiệm tham mưu"),
    ("executing", "Chịu trách nhiệm thực hiện"),
)


LONG_NAME = 14  # words and commas; a reader of lists takes longer names apart


def unit_spelling(unit: Unit) -> str:
    """How a document names the unit in a 'Chủ trì:' line: a short name it is known by,
    else its official name, else (for a very long name) the shortest way documents wrote it."""
    if unit.short_names:
        return min(unit.short_names, key=len)
    if len(re.findall(r"[^\s,;]+|[,;]", unit.name)) <= LONG_NAME or not unit.aliases:
        return unit.name
    return min(unit.aliases, key=len)


def _unit_names(index: Index, ids: Sequence[str]) -> str:
    names = []
    for unit_id in ids:
        unit = index.units.get(unit_id)
        names.append(unit_spelling(unit) if unit else unit_id)
    return "; ".join(names)


def _cited(index: Index, ids: Sequence[str]) -> str:
    """'Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị' for each cited record."""
    parts = []
    for record_id in ids:
        record: Any = index.directives.get(record_id) or index.plans.get(record_id)
        if record is None:
            continue
        label = getattr(getattr(record, "type", None), "label", None)  # "Công văn (CV; ...)": the name before "("
        kind = label.split(" (")[0].split(",")[0] if label else record.heading
        number = f" số {record.number}" if record.number else ""
        when = f", ngày {vn_date(record.date)}" if record.date else ""
        body = index.units.get(record.issuer)
        by = f" của {body.name}" if body else ""
        parts.append(f"{kind}{number}{when}{by} {record.title or ''}".strip())
    return "; ".join(parts)


def _label(section: Section) -> str:
    return section.number.rstrip(".-") + ". "


def _is_aims(section: Section) -> bool:
    return "muc dich" in fold(section.heading) or fold(section.heading).strip() == "yeu cau"


def build(index: Index, plan_id: str) -> object:
    plan: Plan = index.plans[plan_id]
    issuer_id = plan.issuer or ""  # a plan whose text names no issuer: its masthead left to fill in
    unit = index.units.get(issuer_id)
    superior, body_name = issuer.masthead_names(index, issuer_id)
    header = layout.Header(
        state=issuer.is_state(unit),
        superior=superior,
        issuer=body_name,
        number=plan.number,
        place=plan.place or issuer.place_of(index, issuer_id),
        date=plan.date,
        heading=plan.heading,
        title=plan.title,
        signer_title=plan.signer_title,
        signer=plan.signer,
        recipients=plan.recipients,
    )
    document = layout.new_document()
    layout.masthead(document, header)
    if plan.preamble:
        _paragraphs(document, plan.preamble)
    elif plan.basis:
        layout.body(document, f"Căn cứ {_cited(index, plan.basis)}, {body_name} xây dựng kế hoạch như sau:")
    tasks = sorted((t for t in index.tasks.values() if t.plan == plan_id), key=lambda t: t.order)
    _body(document, index, plan, tasks)
    if plan.closing:
        _paragraphs(document, plan.closing)
    layout.closing(document, header)
    return document


def _paragraphs(document: object, text: str) -> None:
    """A record's text, one Word paragraph per line: a record keeps the paragraphs of a
    document one a line (a blank line in its YAML), as the importer writes them."""
    for paragraph in text.splitlines():
        if paragraph.strip():
            layout.body(document, paragraph.strip())


def _walk(sections: Sequence[Section], prefix: str = "") -> Iterator[tuple[str, Section, int]]:
    """(key, section, depth) in document order."""
    for section in sections:
        last = section.number.rstrip(".-").split(".")[-1]
        key = f"{prefix}.{last}" if prefix else last
        yield key, section, key.count(".")
        yield from _walk(section.sections, key)


def _body(document: object, index: Index, plan: Plan, tasks: Sequence[Task]) -> None:
    """Sections and tasks in the order of the document: each task after the headings of
    the sections before it (a section's heading comes when its first task, or the next
    section, comes); the aims and requirements under 'Mục đích, yêu cầu'."""
    order = list(_walk(plan.sections))
    position = {key: n for n, (key, _, _) in enumerate(order)}
    written = 0
    aims_at = _aims_places(order)

    def up_to(n: int) -> None:
        nonlocal written
        while written <= n and written < len(order):
            key, section, _ = order[written]
            layout.heading(document, f"{_label(section)}{section.heading}")
            if key in aims_at:
                _aims(document, *[getattr(plan, field) for field in aims_at[key]])
            if section.text:
                _paragraphs(document, section.text)
            written += 1

    for task in tasks:
        up_to(position.get(task.section, written - 1))
        here = order[written - 1][0] if written else None
        # A task of a section whose sub-section is open above it: an unmarked paragraph, as documents
        # write what speaks for the whole section after a sub-section's dash items.
        _task(document, index, task, plain=bool(here and here.startswith(task.section + ".")))
    up_to(len(order) - 1)
    if not aims_at and (plan.aims or plan.requirements):
        layout.heading(document, "Mục đích, yêu cầu")
        _aims(document, plan.aims, plan.requirements)


def _aims_places(order: Sequence[tuple[str, Section, int]]) -> dict[str, tuple[str, ...]]:
    """Where the aims and requirements go: under 'Mục đích' and 'Yêu cầu' sub-sections
    when the plan has them, else both under the 'Mục đích, yêu cầu' section."""
    places: dict[str, tuple[str, ...]] = {}
    for key, section, _ in order:
        folded = fold(section.heading).strip(" .:")
        if folded == "muc dich":
            places[key] = ("aims",)
        elif folded == "yeu cau":
            places[key] = ("requirements",)
    if places:
        return places
    for key, section, _ in order:
        if "muc dich" in fold(section.heading):
            return {key: ("aims", "requirements")}
    return {}


def _aims(document: object, *groups: Sequence[str]) -> None:
    for number, text in enumerate([text for group in groups for text in group], start=1):
        layout.body(document, f"{number}. {text}")


def _unnamed(index: Index, task: Task) -> list[str]:
    """The numbered documents the task implements that its text does not cite by number
    ("tổng kết phong trào thi đua ...", carried out under a Công văn the item does not repeat)."""
    named = {_number_key(c.number) for c in citations.find(task.text) if c.number}
    out = []
    for record_id in task.implements:
        record: Any = index.directives.get(record_id) or index.plans.get(record_id)
        if record is not None and record.number and _number_key(record.number) not in named:
            out.append(record_id)
    return out


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", fold(number))


def _task(document: object, index: Index, task: Task, plain: bool = False) -> None:
    mark = f"{task.number}. " if task.number else "" if plain else "- "
    paragraph = layout.body(document, mark + task.text)
    unnamed = _unnamed(index, task)
    if unnamed:  # said where a document says it: in a footnote to the item
        layout.footnote(document, paragraph, f"Thực hiện {_cited(index, unnamed)}.")
    for field, label in ROLES:
        ids = getattr(task, field)
        if ids and not (field == "lead" and task.lead_implied):
            layout.body(document, f"{label}: {_unit_names(index, ids)}.", italic=True)
    if task.timeframe:
        layout.body(document, f"Thời gian thực hiện: {task.timeframe}", italic=True)


def write(index: Index, plan_id: str, path: Path) -> None:
    layout.save(build(index, plan_id), path)
