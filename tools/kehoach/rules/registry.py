"""Every rule declared once: the function, the codes it reports (each with its
severity and Vietnamese summary, from ``codes``), and what it reads. The CLI's
``kehoach rules``, the rules page of the site, the configuration check and
partial checks all read this registry."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from enum import Enum

from ..codes import Code
from ..findings import Finding
from ..model.common import Record
from . import chronology, graph, identity, numbers, references, results, status
from .base import Context


class Reads(Enum):
    """What a rule's findings about a record can depend on, besides the check date."""

    RECORD = "record"  # the record alone (and where its file sits)
    NEIGHBOURS = "neighbours"  # the record, the records it names and the records naming those
    # A report, the tasks it gives results for, their plans, and every report on those tasks:
    # what tells whether one of its results contradicts another report's.
    TASK_REPORTS = "task-reports"
    ALL = "all"  # any record of the repository (cycles, duplicates, uniqueness)


@dataclass(frozen=True)
class Rule:
    check: Callable[[Context], Iterable[Finding]]
    codes: tuple[Code, ...]
    reads: Reads
    # A change to one file can put this rule's findings in another file (a deleted
    # record leaves references to it dangling): a partial check reports them too.
    reaches_other_files: bool = False
    # For a rule reading ALL records by comparing those sharing a key (a document
    # number, a task's place in its plan): the key of a record (None: not compared).
    # A record added, removed or changed is then checked with the records sharing
    # its keys, not with the whole repository.
    groups: Callable[[Record], Hashable | None] | None = None

    @property
    def name(self) -> str:
        return self.check.__name__.removeprefix("check_")


C = Code
RECORD, NEIGHBOURS, TASK_REPORTS, ALL = Reads.RECORD, Reads.NEIGHBOURS, Reads.TASK_REPORTS, Reads.ALL

RULES: tuple[Rule, ...] = (
    Rule(identity.check_file_names, (C.KH201,), RECORD),
    Rule(identity.check_duplicates, (C.KH203,), ALL),
    Rule(identity.check_task_folders, (C.KH204,), RECORD),
    Rule(identity.check_task_order, (C.KH205,), ALL, groups=identity.task_order_key),
    Rule(identity.check_case_collisions, (C.KH206,), ALL),
    Rule(identity.check_same_document, (C.KH207,), ALL, groups=identity.document_key),
    Rule(references.check_references, (C.KH301, C.KH302), NEIGHBOURS, reaches_other_files=True),
    Rule(references.check_sections, (C.KH303,), NEIGHBOURS, reaches_other_files=True),
    Rule(graph.check_supersession_cycles, (C.KH310,), ALL, reaches_other_files=True),
    Rule(graph.check_unit_cycles, (C.KH311,), ALL, reaches_other_files=True),
    Rule(graph.check_superseded_citations, (C.KH320,), NEIGHBOURS),
    Rule(graph.check_supersession_status, (C.KH321, C.KH322), NEIGHBOURS),
    Rule(numbers.check_type_codes, (C.KH401,), RECORD),
    Rule(numbers.check_issuer_codes, (C.KH402,), NEIGHBOURS),
    Rule(chronology.check_cited_dates, (C.KH501, C.KH502), NEIGHBOURS),
    Rule(chronology.check_task_dates, (C.KH503, C.KH504, C.KH505, C.KH506), NEIGHBOURS),
    Rule(chronology.check_unit_validity, (C.KH510,), NEIGHBOURS),
    Rule(status.check_completion, (C.KH601, C.KH602), RECORD),
    Rule(status.check_overdue, (C.KH603, C.KH604), NEIGHBOURS),
    Rule(status.check_lead, (C.KH701,), RECORD),
    Rule(status.check_uncited, (C.KH702,), NEIGHBOURS),
    Rule(status.check_five_clear, (C.KH711,), NEIGHBOURS),
    Rule(results.check_covered_plans, (C.KH801,), NEIGHBOURS, reaches_other_files=True),
    Rule(results.check_result_dates, (C.KH802,), RECORD),
    Rule(results.check_done_twice, (C.KH803,), TASK_REPORTS, reaches_other_files=True),
    Rule(results.check_figure_units, (C.KH804,), RECORD),
    Rule(results.check_period, (C.KH805,), RECORD),
    Rule(results.check_result_targets, (C.KH806,), NEIGHBOURS, reaches_other_files=True),
)

# Codes reported while a file is read and validated, before any rule runs.
READING_CODES: frozenset[Code] = frozenset(code for code in Code if code[:3] in ("KH0", "KH1") or code is Code.KH202)

# Every code, in catalogue order: what `kehoach rules` and the rules page list.
CODES: dict[str, Code] = {code.value: code for code in Code}

# Findings that a change to one file can cause in other files.
KNOCK_ON_CODES: frozenset[Code] = frozenset(c for rule in RULES if rule.reaches_other_files for c in rule.codes)


def rule_of(code: str) -> Rule | None:
    """The rule that reports ``code`` (None for codes of the reading stages)."""
    return _BY_CODE.get(code)


_BY_CODE = {code.value: rule for rule in RULES for code in rule.codes}


def catalogue_rows() -> list[tuple[str, str, str]]:
    """(code, severity label, summary) of every code, for the tables."""
    return [(code.value, code.severity.label, code.summary) for code in Code]
