"""Where the views get their records: the checker's own pipeline. Figures
drawn from broken records mislead, so a repository with errors is refused
and the errors are shown exactly as ``kehoach check`` shows them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..config import load_config
from ..findings import Finding, Severity
from ..index import Index
from ..kinds import RECORDS_DIR
from ..pipeline import check
from ..report import as_text
from ..sources import WorkingTree


class NoRepository(Exception):
    """The folder holds no ``records/``: the command was run in the wrong place."""


@dataclass
class Checked:
    index: Index
    errors: list[Finding]
    files: int

    @property
    def unread(self) -> list[str]:
        """Paths of record files that did not become records (so no view shows them)."""
        indexed = {id(entry.file) for entry in self.index.entries.values()}
        return sorted(str(f.rel) for f in self.index.files if id(f) not in indexed)

    def refusal(self, what: str) -> str:
        """The message for a refused run: why, then every error as ``kehoach check`` prints it."""
        return (
            f"kehoach: kho có bản ghi lỗi nên không {what} (số liệu từ bản ghi lỗi dễ gây hiểu sai). "
            "Sửa các lỗi sau rồi chạy lại:\n" + as_text(self.errors, self.files)
        )


def read_checked(root: Path) -> Checked:
    """Every record of the repository at ``root``, checked as ``kehoach check`` would.

    The check runs as of the real date, whatever date a report is drawn up for:
    whether a record is valid does not depend on the reporting date."""
    if not (root / RECORDS_DIR).is_dir():
        raise NoRepository(
            f"không thấy thư mục '{RECORDS_DIR}/' trong {root}; "
            "hãy chạy lệnh trong kho bản ghi hoặc chỉ ra kho bằng --root"
        )
    result = check(WorkingTree(root, use_cache=True), load_config(root), dt.date.today())
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    return Checked(result.index, errors, result.files)
