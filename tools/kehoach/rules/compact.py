"""The rules about tasks that compare a task with its plan and the reports on it
(KH303 ``check_sections``, KH503-KH506 ``check_task_dates``, KH603/KH604
``check_overdue``, KH711 ``check_five_clear``), the dates of the documents plans
and tasks cite (KH501/KH502 ``check_cited_dates``) and the issuer part of document numbers (KH402
``check_issuer_codes``), run over compact facts rather than over the records: each
record's facts are a tuple of plain values (``facts``), made as it is read and
packed by batches (``pack``), and ``run`` gives the rules' findings as plain
tuples (the record's number among those packed, the path, the code, the message)
from the batches alone. So a process that never held the records (forked before
they were read) can run these rules while this one does the rest; the findings
are placed in their files here (``placed``). They are those of the rules run
over the index, finding by finding (each rule's core is shared: ``overdue``,
``task_dates``, ``five_clear_of``, ``unknown_section``, ``cited_later``,
``foreign_issuer``)."""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from ..codes import Code
from ..derived import Reported, five_clear_of, five_clear_own, plan_window, situation
from ..findings import Finding, Severity
from ..index import section_paths
from ..kinds import Kind
from ..load import LoadedFile
from ..load.files import display
from ..model import Directive, Plan, Report, ResultOutcome, Task, TaskStatus, Unit
from ..model.common import Record
from ..model.docnumber import DocNumberError, parse_doc_number
from .base import vn_date
from .chronology import cited_later, task_dates
from .numbers import foreign_issuer
from .references import unknown_section
from .registry import RULES, Rule
from .status import LATE_GROUPS, five_clear_message, overdue

# The rules run from the facts (by their functions, as registered).
COMPACT_RULES: tuple[Rule, ...] = tuple(
    rule
    for rule in RULES
    if rule.name in ("sections", "task_dates", "overdue", "five_clear", "cited_dates", "issuer_codes")
)
# The rules comparing records by a key (KH205 a task's place in its plan, KH207 a
# document's issuer and number, KH206 a file's name folded) that the facts and the
# names of the files can show to find nothing (``run_aside``): no two records share
# a key. They are run over the index only when the process aside cannot show it.
QUIET_RULES: tuple[Rule, ...] = tuple(
    rule for rule in RULES if rule.name in ("task_order", "case_collisions", "same_document")
)

_TASK, _PLAN, _REPORT, _LEFT_OUT, _DIRECTIVE, _UNIT = 0, 1, 2, 3, 4, 5
_STATUS = ("status",)


def _day(value: dt.date | None) -> int | None:
    return None if value is None else value.toordinal()


def facts(number: int, loaded: LoadedFile, record: Record) -> tuple[Any, ...] | None:
    """What the rules need of one record, as plain values (None: nothing), ``number``
    being its place among the records whose facts are packed."""
    kind = loaded.kind
    if kind is Kind.TASK and isinstance(record, Task):
        return (
            _TASK,
            number,
            record.id,
            record.plan,
            record.status.value,
            record.timeframe,
            _day(record.completed),
            [p.date.toordinal() for p in record.progress],
            loaded.positions.has_key(_STATUS),
            five_clear_own(record),
            record.section,
            record.implements,
            record.order,
        )
    if kind is Kind.PLAN and isinstance(record, Plan):
        return (
            _PLAN,
            number,
            record.id,
            record.date.toordinal(),
            record.period,
            list(section_paths(record.sections)),
            record.basis,
            record.number or record.title,  # how a citation names it (``index.describe``)
            record.number,
            record.issuer,
            record.co_issuers,
        )
    if kind is Kind.REPORT and isinstance(record, Report):
        results = [
            (i, r.task, r.outcome.value, _day(r.date)) for i, r in enumerate(record.results) if r.task is not None
        ]
        if results:
            return (
                _REPORT,
                number,
                record.id,
                record.date.toordinal(),
                record.period_start.toordinal(),
                record.period_end.toordinal(),
                results,
            )
        return None
    if kind is Kind.DIRECTIVE and isinstance(record, Directive):
        date, issuers = _day(record.date), record.co_issuers
        return (_DIRECTIVE, number, record.id, date, record.name, record.number, record.issuer, issuers)
    if kind is Kind.UNIT and isinstance(record, Unit) and record.codes:
        return (_UNIT, number, record.id, record.name, record.codes)
    return None


def pack(batch: list[tuple[Any, ...]]) -> bytes:
    return marshal.dumps(batch)


def left_out(numbers: Sequence[int]) -> bytes:
    """The batch naming the records packed but left out of the index (of records sharing an id)."""
    return marshal.dumps([(_LEFT_OUT, list(numbers))])


# Stand-ins for the records, with what ``situation`` and the rules' cores read of them.
class _Progress:
    __slots__ = ("date",)

    def __init__(self, date: dt.date) -> None:
        self.date = date


class _Task:
    __slots__ = ("completed", "progress", "status", "timeframe")

    def __init__(
        self, timeframe: str | None, status: TaskStatus, completed: dt.date | None, progress: list[_Progress]
    ) -> None:
        self.timeframe, self.status, self.completed, self.progress = timeframe, status, completed, progress


class _Plan:
    __slots__ = ("date", "end", "period", "section_set", "sections")

    def __init__(self, date: dt.date, period: str | None, sections: list[str]) -> None:
        self.date, self.period = date, period
        self.sections, self.section_set = sections, frozenset(sections)
        self.end = plan_window(self)[1]  # type: ignore[arg-type]


class _Result:
    __slots__ = ("date", "outcome")

    def __init__(self, outcome: ResultOutcome, date: dt.date | None) -> None:
        self.outcome, self.date = outcome, date


class _Report:
    __slots__ = ("date", "id", "period_end", "period_start", "results")

    def __init__(self, report_id: str, date: dt.date, start: dt.date, end: dt.date) -> None:
        self.id, self.date, self.period_start, self.period_end = report_id, date, start, end
        self.results: dict[int, _Result] = {}


class _Days(dict[int, dt.date]):
    """Dates by their ordinal, each made once."""

    def __missing__(self, value: int) -> dt.date:
        made = self[value] = dt.date.fromordinal(value)
        return made

    def of(self, value: int | None) -> dt.date | None:
        return None if value is None else self[value]


Found = tuple[int, tuple[str | int, ...], str, str]  # the record's number, the path, the code, the message
_OUTCOMES = {outcome.value: outcome for outcome in ResultOutcome}
_STATUSES = {status.value: status for status in TaskStatus}


def run(batches: Iterable[bytes], today: dt.date) -> list[Found]:
    """The findings of ``COMPACT_RULES`` from the packed facts of every record.

    ``batches`` may come as the records are read (``parallel.Aside``): each task
    whose plan has come already is checked as it comes, as if no report gave a
    result for it; once every batch has come, only the tasks that differ from
    that (a report gives a result for them, their plan came after them or was
    given again) are checked again, so that little is left to do then."""
    return _run(batches, today)[0]


def run_aside(batches: Iterable[bytes], today: dt.date, names: str, count: int) -> tuple[list[Found], list[str]]:
    """``run``, and the names of the ``QUIET_RULES`` shown to find nothing: from
    the facts of every record, and from ``names``, the path of each of the ``count``
    files as listed, a line each (looked at first: while the first batches are
    read, this process waits)."""
    quiet = ["case_collisions"] if _apart(names, count) else []
    found, shown = _run(batches, today, quiet=True)
    return found, quiet + shown


def _apart(names: str, count: int) -> bool:
    """Whether no two of the ``count`` names (a line each) differ only in case."""
    try:
        names.encode("utf-8")
    except UnicodeEncodeError:  # a name that is not UTF-8: as the files name it
        names = "\n".join([display(name) for name in names.split("\n")])
    folded = names.casefold().split("\n")
    return len(folded) == count and len(set(folded)) == count


def _quiet(rows: list[Any]) -> list[str]:
    """The rules of ``QUIET_RULES`` no two records of ``rows`` can set off: no two
    tasks share a place in their plan (``identity.task_order_key``), no two
    documents an issuer, a number and a year (``identity.document_key`` less the
    term: a key shared with the term is shared without it)."""
    places: set[tuple[str, int]] = set()
    documents: set[tuple[str | None, str, int | None]] = set()
    tasks = numbered = 0
    year = _Years()
    for row in rows:
        kind = row[0]
        if kind == _TASK:
            places.add((row[3], row[12]))
            tasks += 1
        elif kind in (_PLAN, _DIRECTIVE):
            number, issuer = (row[8], row[9]) if kind == _PLAN else (row[5], row[6])
            if number and not number.startswith(("/", "-")):
                documents.add((issuer, number, year[row[3]]))
                numbered += 1
    quiet = ["task_order"] if len(places) == tasks else []
    return [*quiet, "same_document"] if len(documents) == numbered else quiet


class _Years(dict[int | None, int | None]):
    """The year of each date by its ordinal (None: no date)."""

    def __missing__(self, value: int | None) -> int | None:
        made = self[value] = None if value is None else dt.date.fromordinal(value).year
        return made


def _run(batches: Iterable[bytes], today: dt.date, quiet: bool = False) -> tuple[list[Found], list[str]]:
    """``run``'s findings, and with ``quiet`` the names of the ``QUIET_RULES`` the facts
    show to find nothing (none when some records share an id: some are left out of
    the index, and those rules run over it)."""
    days = _Days()
    tasks = _Tasks(today, days)
    rows: list[Any] = []
    numbers: dict[str, Any] = {}  # each document number read (None: unreadable), for KH402
    for batch in batches:
        for row in marshal.loads(batch):
            rows.append(row)
            tasks.came(row)
            if row[0] == _PLAN or row[0] == _DIRECTIVE:
                _read_number(row[8] if row[0] == _PLAN else row[5], numbers)
    gone = {number for row in rows if row[0] == _LEFT_OUT for number in row[1]}
    if gone:  # records sharing an id (rare): the facts of those left out must not count
        rows = [row for row in rows if row[0] != _LEFT_OUT and row[1] not in gone]
        tasks = _Tasks(today, days)
        for row in rows:
            tasks.came(row)
    shown = _quiet(rows) if quiet and not gone else []  # before the findings are made: not held with them
    found = tasks.found()
    found += _cited_dates(rows, tasks.plans, days)
    found += _issuer_codes(rows, numbers)
    return found, shown


class _Tasks:
    """KH303, KH503-KH506, KH603/KH604 and KH711 of every task, from the rows as they
    come: the plans by id and the results the reports give for each task (as
    ``derived.reported``, unsorted), and each task's findings made as soon as its
    plan has come (``early``: the plan they were made with, and the findings)."""

    def __init__(self, today: dt.date, days: _Days) -> None:
        self.today, self.days = today, days
        self.today_text = vn_date(today)
        self.plans: dict[str, _Plan] = {}
        self.by_task: dict[str, list[Reported]] = {}
        self.tasks: list[Any] = []
        # Each task's (by its place in ``tasks``) as made early, or None: in a list, not
        # a dictionary by number (a hundred thousand entries and numbers less to hold).
        self.early: list[tuple[_Plan, Sequence[Found]] | None] = []
        self.waiting: dict[str, list[int]] = {}  # the tasks come before their plan (their places), by its id
        self.dates: dict[dt.date | None, str] = {}
        self.messages: dict[tuple[str, ...], str] = {}
        # Each message of KH603/KH604 made once: many tasks share their deadline, its
        # source and their status (held once here, and sent back once).
        self.texts: dict[str, str] = {}

    def came(self, row: Any) -> None:
        kind, days = row[0], self.days
        if kind == _TASK:
            at = len(self.tasks)
            self.tasks.append(row)
            self.early.append(None)
            if row[2] in self.by_task:  # a report gives a result for it: checked once every row has come
                return
            plan = self.plans.get(row[3])
            if plan is not None:
                self.early[at] = (plan, self._of(row, plan, ()) or ())  # most: nothing (no list kept)
            else:  # its plan not come yet (read after it), or none
                self.waiting.setdefault(row[3], []).append(at)
        elif kind == _PLAN:
            plan = self.plans[row[2]] = _Plan(days[row[3]], row[4], row[5])
            for at in self.waiting.pop(row[2], ()):
                task = self.tasks[at]
                if task[2] not in self.by_task:
                    self.early[at] = (plan, self._of(task, plan, ()) or ())
        elif kind == _REPORT:
            report = _Report(row[2], days[row[3]], days[row[4]], days[row[5]])
            for position, task_id, outcome, when in row[6]:
                report.results[position] = _Result(_OUTCOMES[outcome], days.of(when))
                self.by_task.setdefault(task_id, []).append(Reported(report, position))  # type: ignore[arg-type]

    def found(self) -> list[Found]:
        """Every task's findings, now that every row has come."""
        plans, by_task, early = self.plans, self.by_task, self.early
        found: list[Found] = []
        for row, made in zip(self.tasks, early, strict=True):
            plan = plans.get(row[3])
            if made is not None and made[0] is plan and row[2] not in by_task:
                found += made[1]
                continue
            reported = by_task.get(row[2])
            if reported:
                reported.sort(key=lambda r: (r.report.date, r.report.id, r.position))
            found += self._of(row, plan, reported or ())
        return found

    def _of(self, row: Any, plan: _Plan | None, reported: Sequence[Reported]) -> list[Found]:
        """One task's findings, with its plan and the results reports give for it."""
        _, number, _, plan_id, status, timeframe, completed, progress, has_status, own, section = row[:11]
        days, today = self.days, self.today
        task = _Task(timeframe, _STATUSES[status], days.of(completed), [_Progress(days[p]) for p in progress])
        found: list[Found] = []
        state = situation(task, plan, today, reported)  # type: ignore[arg-type]
        if state.group in LATE_GROUPS:
            path, code, message = overdue(state, task, has_status, self.today_text, self.dates)  # type: ignore[arg-type]
            found.append((number, path, code.value, self.texts.setdefault(message, message)))
        if plan is not None:
            if section not in plan.section_set:
                found.append((number, ("section",), Code.KH303.value, unknown_section(plan_id, section, plan.sections)))
            for path, code, message in task_dates(task, plan, plan.end, today):  # type: ignore[arg-type]
                found.append((number, path, code.value, message))
        missing = five_clear_of(own, bool(timeframe or (plan is not None and plan.period)))
        if missing:
            found.append((number, ("text",), Code.KH711.value, five_clear_message(missing, self.messages)))
        return found


def _cited_dates(rows: list[Any], plans: dict[str, _Plan], days: _Days) -> list[Found]:
    """KH501/KH502 (``chronology.check_cited_dates``): a document a plan or a task cites
    dated after the plan."""
    cited: dict[str, tuple[int | None, str]] = {}  # the date and the name of each document cited
    for row in rows:
        if row[0] == _PLAN:
            cited.setdefault(row[2], (row[3], row[7]))
        elif row[0] == _DIRECTIVE:
            cited[row[2]] = (row[3], row[4])  # a directive sharing a plan's id is the one cited
    found: list[Found] = []
    for row in rows:
        if row[0] == _PLAN:
            field, targets, when = "basis", row[6], row[3]
        elif row[0] == _TASK and row[11] and row[3] in plans:
            field, targets, when = "implements", row[11], plans[row[3]].date.toordinal()
        else:
            continue
        for position, target in enumerate(targets):
            date, name = cited.get(target, (None, ""))
            if date is not None and date > when:
                code, message = cited_later(field, name, days[date], days[when])
                found.append((row[1], (field, position), code.value, message))
    return found


def _read_number(text: str | None, numbers: dict[str, Any]) -> None:
    if text and text not in numbers:
        try:
            numbers[text] = parse_doc_number(text)
        except DocNumberError:
            numbers[text] = None  # reported by the model stage


def _issuer_codes(rows: list[Any], numbers: dict[str, Any]) -> list[Found]:
    """KH402 (``numbers.check_issuer_codes``): a document number naming none of the codes
    its issuers declare (only the units declaring codes are sent; ``numbers``: every
    plan's and directive's number read)."""
    units = {row[2]: row for row in rows if row[0] == _UNIT}
    found: list[Found] = []
    for row in rows:
        if row[0] == _PLAN:
            text, issuer, co_issuers = row[8], row[9], row[10]
        elif row[0] == _DIRECTIVE:
            text, issuer, co_issuers = row[5], row[6], row[7]
        else:
            continue
        unit = units.get(issuer) if text and issuer else None
        if unit is None:
            continue  # unknown issuer: reported as a reference; no codes: nothing to compare
        number = numbers[text]
        if number is None:
            continue  # unreadable: reported by the model stage
        known = {code for u in (issuer, *co_issuers) if u in units for code in units[u][4]}
        if not known & set(number.issuers):
            message = foreign_issuer(text, number, issuer, unit[3], unit[4])
            found.append((row[1], ("issuer",), Code.KH402.value, message))
    return found


def placed(found: Iterable[Found], files: Sequence[LoadedFile]) -> list[Finding]:
    """The findings ``run`` gives, placed in the files of the records they concern (``files``:
    each record's file by its number)."""
    return settled(found, files).findings


class Settled(NamedTuple):
    findings: list[Finding]
    hidden: int  # findings of severity info counted, not made


def settled(
    found: Iterable[Found],
    files: Sequence[LoadedFile],
    config: tuple[Collection[str], Mapping[str, Severity]] | None = None,
    infos: bool = True,
) -> Settled:
    """``placed``; with ``config`` (the codes disabled, the severities changed), what
    ``pipeline.settle`` does to findings done on the way: the codes disabled and the
    findings their file suppresses left out, the severities changed; without
    ``infos``, those of severity info then only counted, never made (at 100,000
    records, a hundred thousand findings of tasks overdue or unreported)."""
    codes = {code.value: code for code in Code}
    disabled, severities = config or ((), {})
    counting = not infos
    info = Severity.INFO
    made: list[Finding] = []
    add = made.append
    hidden = 0
    for number, path, text, message in found:  # ``base.at_file`` written out: tens of thousands of findings
        code = codes[text]
        if code in disabled:
            continue
        file = files[number]
        held = file.suppressions
        suppresses = config is not None and bool(held.by_line or held.whole_file)  # the usual file: False
        severity = severities.get(code, code.severity)
        if counting and severity is info and not suppresses:
            hidden += 1
            continue
        positions = file.positions
        at = positions.shape.value_at().get(path)
        line, col = positions.of(path) if at is None else positions.marks[at]
        if suppresses and held.covers(code, line):
            continue
        if counting and severity is info:
            hidden += 1
            continue
        add(Finding(str(file.rel), line, col, code, message, severity))
    return Settled(made, hidden)
