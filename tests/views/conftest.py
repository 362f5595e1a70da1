"""A repository for the reporting views: the base fixture plus
tests/fixtures/reporting, which adds tasks in every outcome a report counts
(done on time, done late, in time, overdue, continuous, cancelled, done
after the reporting date, done without a date, no deadline, no lead) and a
second plan with no period."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import FIXTURES, make_repo

REPORTING = FIXTURES / "reporting"


@pytest.fixture
def reporting_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path)
    shutil.copytree(REPORTING, repo, dirs_exist_ok=True)
    return repo
