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

__all__ = [
    "MODELS",
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
