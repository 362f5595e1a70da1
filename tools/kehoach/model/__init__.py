"""Stage 2 of the flow: the pydantic models, the single source of truth for
every record kind and for the JSON Schemas under ``schema/``."""

from .common import Record
from .directive import Directive, DirectiveStatus
from .doctype import DocType
from .plan import Plan, Section
from .task import ProgressEntry, Task, TaskStatus
from .unit import Unit, UnitKind

MODELS: dict[str, type[Record]] = {"unit": Unit, "directive": Directive, "plan": Plan, "task": Task}
"""Record kind -> model. The kind also names the schema file: ``schema/<kind>.schema.json``."""

REFERENCE_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "unit": {"parent": ("unit",), "succeeded_by": ("unit",)},
    "directive": {"issuer": ("unit",), "co_issuers": ("unit",), "supersedes": ("directive",)},
    "plan": {"issuer": ("unit",), "co_issuers": ("unit",), "basis": ("directive", "plan")},
    "task": {
        "plan": ("plan",),
        "lead": ("unit",),
        "coordinating": ("unit",),
        "advising": ("unit",),
        "executing": ("unit",),
        "implements": ("directive", "plan"),
    },
}
"""Record kind -> field -> the kinds of record the field may point at. Every
relation in the repository starts from one of these forward references."""

__all__ = [
    "MODELS",
    "REFERENCE_FIELDS",
    "Directive",
    "DirectiveStatus",
    "DocType",
    "Plan",
    "ProgressEntry",
    "Record",
    "Section",
    "Task",
    "TaskStatus",
    "Unit",
    "UnitKind",
]
