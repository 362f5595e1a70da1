"""What every stage of the flow produces: findings, each tied to a rule with a
stable code, a severity and a place in a file (``path:line:col``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

_set = object.__setattr__


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True, init=False)
class Finding:
    path: str  # POSIX path relative to the repository root
    line: int  # 1-based; 0 when the finding concerns the whole file
    col: int  # 1-based
    code: str
    message: str
    severity: Severity = field(compare=False, default=Severity.ERROR)

    def __init__(
        self, path: str, line: int, col: int, code: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        # The fields set at once: the initialiser a frozen dataclass is given sets
        # them one by one through object.__setattr__, three times slower (a large
        # repository's check makes a hundred thousand findings).
        _set(self, "__dict__", {"path": path, "line": line, "col": col, "code": code, "message": message,
                                "severity": severity})  # fmt: skip

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"
