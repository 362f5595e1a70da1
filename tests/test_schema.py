"""The JSON Schemas under schema/ are generated from the models and must not drift."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import jsonschema

from kehoach import cli, schema
from kehoach.load.files import record_kind
from kehoach.load.yamlsafe import parse
from kehoach.model import MODELS

from .conftest import BASE, REPO_ROOT


def test_committed_schemas_match_the_models() -> None:
    stale = schema.stale(REPO_ROOT)
    assert stale == [], "chạy 'make schema' (kehoach schema) và commit các tệp schema/"


def test_schema_check_command_detects_drift(tmp_path: Path, capsys) -> None:
    (tmp_path / "records").mkdir()
    assert cli.main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert cli.main(["--root", str(tmp_path), "schema"]) == 0
    assert cli.main(["--root", str(tmp_path), "schema", "--check"]) == 0
    (tmp_path / "schema/unit.schema.json").write_text("{}\n", encoding="utf-8")
    assert cli.main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert "schema/unit.schema.json" in capsys.readouterr().out


def test_every_field_has_a_vietnamese_title_or_description() -> None:
    def walk(node: object, where: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "$ref" in prop:  # a field typed by an enumeration may carry the enumeration's title
                    prop = {**defs[prop["$ref"].rsplit("/", 1)[-1]], **prop}
                if "title" not in prop and "description" not in prop:
                    missing.append(f"{where}.{name}")
                # pydantic's automatic title is the English field name: a Vietnamese one was forgotten
                if prop.get("title") == name.replace("_", " ").title():
                    missing.append(f"{where}.{name} (tiêu đề tiếng Anh)")
            if isinstance(node.get("title"), str) and node["title"].isascii():
                missing.append(f"{where} (tiêu đề '{node['title']}')")
            for key, value in node.items():
                missing += walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for item in node:
                missing += walk(item, where)
        return missing

    for kind in MODELS:
        document = schema.schema_for(kind)
        defs = document.get("$defs", {})
        assert walk(document, kind) == []


def test_fixture_records_are_valid_against_the_schemas() -> None:
    for path in sorted((BASE / "records").rglob("*.yaml")):
        rel = PurePosixPath(path.relative_to(BASE).as_posix())
        kind = record_kind(rel)
        document = parse(path.read_text(encoding="utf-8")).data
        validator = jsonschema.Draft202012Validator(
            json.loads((REPO_ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")),
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        assert [e.message for e in validator.iter_errors(document)] == [], rel


def test_a_schema_file_that_cannot_be_written_is_named(tmp_path: Path, capsys) -> None:
    assert cli.main(["--root", str(tmp_path), "schema"]) == 0
    stale = tmp_path / "schema" / "task.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    stale.chmod(0o444)  # read-only: refused by kehoach itself, so root is refused too
    capsys.readouterr()
    assert cli.main(["--root", str(tmp_path), "schema"]) == 2
    err = capsys.readouterr().err
    assert f"kehoach: không ghi được {stale}: tệp chỉ cho đọc hoặc không có quyền ghi (tệp cũ giữ nguyên)" in err
    assert stale.read_text(encoding="utf-8") == "{}\n"
