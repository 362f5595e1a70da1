"""Stage 2 of the flow: the pydantic models, the single source of truth for
every record kind and for the JSON Schemas under ``schema/``.

The modules defining models do not postpone their annotations (no ``from
__future__ import annotations``): pydantic takes each field's type as written,
instead of compiling and evaluating its text again for every field when the
class is made, a cost every check pays at start."""

from ..kinds import Kind
from .common import Record
from .directive import Directive, DirectiveStatus
from .doctype import DocType
from .plan import Plan, PlanType, Section
from .report import Figure, Report, ReportKind, Result, ResultOutcome
from .task import ProgressEntry, Task, TaskStatus
from .unit import Unit, UnitKind

MODELS: dict[Kind, type[Record]] = {
    Kind.UNIT: Unit,
    Kind.DIRECTIVE: Directive,
    Kind.PLAN: Plan,
    Kind.TASK: Task,
    Kind.REPORT: Report,
}
"""Record kind -> model. The kind also names the schema file: ``schema/<kind>.schema.json``."""


def build_models() -> None:
    """Build every model's validator now. Each is otherwise built when first used
    (``defer_build``: a check of one edited task builds the task's alone); this
    builds them once before the work is shared with a forked process, which would
    otherwise build them again."""
    for model in MODELS.values():
        model.model_rebuild()


_UNIT, _DIRECTIVE, _PLAN = (Kind.UNIT,), (Kind.DIRECTIVE,), (Kind.PLAN,)
REFERENCE_FIELDS: dict[Kind, dict[str, tuple[Kind, ...]]] = {
    Kind.UNIT: {"parent": _UNIT, "other_parents": _UNIT, "succeeded_by": _UNIT},
    Kind.DIRECTIVE: {"issuer": _UNIT, "co_issuers": _UNIT, "supersedes": _DIRECTIVE},
    Kind.PLAN: {
        "issuer": _UNIT,
        "co_issuers": _UNIT,
        "basis": (Kind.DIRECTIVE, Kind.PLAN),
        "cites": (Kind.DIRECTIVE, Kind.PLAN),
    },
    Kind.TASK: {
        "plan": _PLAN,
        "lead": _UNIT,
        "coordinating": _UNIT,
        "advising": _UNIT,
        "executing": _UNIT,
        "implements": (Kind.DIRECTIVE, Kind.PLAN),
    },
    Kind.REPORT: {
        "issuer": _UNIT,
        "co_issuers": _UNIT,
        "plans": _PLAN,
        "results.task": (Kind.TASK,),
        "results.plan": _PLAN,
        "results.evidence": (Kind.DIRECTIVE, Kind.PLAN, Kind.REPORT),
        "figures.task": (Kind.TASK,),
    },
}
"""Record kind -> field -> the kinds of record the field may point at. Every
relation in the repository starts from one of these forward references. A dotted
name ('results.task') is a field of every item of a list field."""

__all__ = [
    "MODELS",
    "REFERENCE_FIELDS",
    "Directive",
    "DirectiveStatus",
    "DocType",
    "Figure",
    "Plan",
    "PlanType",
    "ProgressEntry",
    "Record",
    "Report",
    "ReportKind",
    "Result",
    "ResultOutcome",
    "Section",
    "Task",
    "TaskStatus",
    "Unit",
    "UnitKind",
    "build_models",
]
