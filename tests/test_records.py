"""The repository's real records: the three source plans in tests/fixtures/sources
are held completely, and `kehoach check` is clean on them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kehoach.check import run_check
from kehoach.findings import Severity
from kehoach.index import section_paths

from .conftest import FIXTURES, REPO_ROOT

SOURCES = sorted((FIXTURES / "sources").glob("*.txt"))
# A document number as the source text writes it, spaces, dashes and line breaks included.
_CITED = re.compile(
    r"\b(\d+)\s*[-–]\s*([A-Za-zĐđ]+)\s*[-/]\s*([A-ZĐ][A-Za-zĐđ&]*(?:-[A-ZĐ][A-Za-zĐđ&]*)*)"
    r"|\b(\d+)/([A-Za-zĐ]+)-([A-ZĐ][A-Za-zĐ]*(?:-[A-ZĐ][A-Za-zĐ]*)*)"
)


@pytest.fixture(scope="module")
def result():
    return run_check(REPO_ROOT)


def test_the_real_records_are_clean(result) -> None:
    # Information (overdue tasks, uncited documents) is expected: the plans are from past years.
    problems = [f for f in result.findings if f.severity is not Severity.INFO]
    assert [f"{f.location()}: {f.code} {f.message}" for f in problems] == []


def test_the_reports_folder_explains_itself_and_is_not_a_record(result) -> None:
    """records/reports/ exists with a README saying what goes there; the README is not read as a
    record (no finding names it) and no report is recorded until a real one is found."""
    readme = REPO_ROOT / "records" / "reports" / "README.md"
    assert "kehoach new report" in readme.read_text(encoding="utf-8")
    assert not [f for f in result.findings if "README" in f.location()]
    assert len(result.index.reports) == len(list(readme.parent.glob("*.yaml")))


def test_every_source_document_is_a_plan(result) -> None:
    assert sorted(result.index.plans) == sorted(p.stem for p in SOURCES)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_number_cited_in_a_source_is_a_record(result, source: Path) -> None:
    text = unicodedata.normalize("NFC", source.read_text(encoding="utf-8"))
    recorded = {r.number for r in [*result.index.directives.values(), *result.index.plans.values()]}
    cited = set()
    for match in _CITED.finditer(text):
        if match.group(1):
            cited.add(f"{match.group(1)}-{match.group(2)}/{match.group(3)}")
        else:
            cited.add(f"{match.group(4)}/{match.group(5)}-{match.group(6)}")
    # "Ctr" and similar miswritten type codes are recorded in their canonical spelling
    missing = sorted(n for n in cited if n not in recorded)
    assert missing == []


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_tasks_run_in_document_order_without_gaps(result, source: Path) -> None:
    tasks = [t for t in result.index.tasks.values() if t.plan == source.stem]
    assert tasks, "kế hoạch phải có nhiệm vụ"
    assert sorted(t.order for t in tasks) == list(range(1, len(tasks) + 1))
    for task in tasks:
        assert task.id == f"{source.stem}-nv{task.order:02d}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_section_of_a_plan_is_declared_once(result, source: Path) -> None:
    plan = result.index.plans[source.stem]
    keys = list(section_paths(plan.sections))
    assert len(keys) == len(set(keys))


def test_every_task_has_a_lead_unit(result) -> None:
    assert [t.id for t in result.index.tasks.values() if not t.lead] == []


def test_spellings_seen_in_the_sources_resolve_to_units(result) -> None:
    names = {n for u in result.index.units.values() for n in (u.name, *u.short_names, *u.aliases)}
    # the misspelling in the Bình Phước plan is kept as an alias of the right unit
    assert "Bân Dân tộc tỉnh" in names
