"""Helpers for the import tests: repositories holding only the units registry,
and running the command as a user does."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from docx import Document

from kehoach import cli
from kehoach.check import load_repository
from kehoach.importer import document, source
from kehoach.importer.draft import Outcome
from kehoach.importer.outcome import Draft
from kehoach.index import Index

from ..conftest import REPO_ROOT

SOURCES = REPO_ROOT / "tests" / "fixtures" / "sources"
EXTRA = SOURCES / "extra"


def word_file(path: Path, text: str, rows: list[list[str]]) -> Path:
    """A Word file as an office writes one: a paragraph per line of ``text``, then a real Word
    table of ``rows`` (the first row its header)."""
    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.save(str(path))
    return path


def registry_repo(base: Path) -> Path:
    """A repository with the real units registry and nothing else: where an office starts."""
    repo = base / "kho"
    (repo / "records").mkdir(parents=True)
    shutil.copytree(REPO_ROOT / "records" / "units", repo / "records" / "units")
    return repo


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    """The units registry loaded, as the importer's matching sees it (built once per module)."""
    loaded, _ = load_repository(registry_repo(tmp_path_factory.mktemp("kho")))
    return loaded


@pytest.fixture
def empty_repo(tmp_path: Path) -> Path:
    return registry_repo(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files_under(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.yaml"))}


def build_text(tmp_path: Path, text: str) -> Outcome:
    """What `kehoach import` drafts from ``text`` as a .txt file, into a repository holding the
    recorded units only."""
    path = tmp_path / "kh.txt"
    path.write_text(text, encoding="utf-8")
    index, _ = load_repository(registry_repo(tmp_path))
    return document.build(source.read(path), index)


def task_with(outcome: Outcome, opening: str) -> Draft:
    """The drafted task whose text holds ``opening``."""
    return next(t for t in outcome.tasks if opening in t.data["text"])


def accuracy_module() -> ModuleType:
    """benchmarks/import_accuracy.py, loaded as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("import_accuracy", REPO_ROOT / "benchmarks" / "import_accuracy.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["import_accuracy"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module
