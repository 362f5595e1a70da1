"""Differential test: the JSON Schemas (used by editors and pre-commit) and the
pydantic models (used by kehoach) accept and reject the same records, for every
fault a schema can express. The corpus is every real and fixture record plus
mutations of each: a missing required field, an unknown field, a wrong type, a
value outside an enumeration, a malformed id, an impossible date, a malformed
document number."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

import jsonschema
import pytest

from kehoach.load.files import record_kind
from kehoach.load.yamlsafe import parse
from kehoach.model import MODELS
from kehoach.model.validate import validate

from .conftest import BASE, REPO_ROOT


def _corpus() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for root in (REPO_ROOT, BASE, BASE.parent / "results"):
        for path in sorted((root / "records").rglob("*.yaml")):
            kind = record_kind(PurePosixPath(path.relative_to(root).as_posix()))
            data = parse(path.read_text(encoding="utf-8")).data
            if kind and isinstance(data, dict):
                yield f"{path.relative_to(root)}", kind, data


def _mutations(kind: str, data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    required = [name for name, field in MODELS[kind].model_fields.items() if field.is_required()]
    for name in required:
        broken = copy.deepcopy(data)
        broken.pop(name, None)
        yield f"thiếu {name}", broken
    yield "trường lạ", {**data, "tittle": "x"}
    yield "sai kiểu", {**data, "id": 12}
    yield "mã có chữ hoa", {**data, "id": "Binh-Thuan"}
    yield "mã có ../", {**data, "id": "../etc"}
    if kind == "unit":
        yield "loại đơn vị lạ", {**data, "kind": "ban"}
        yield "ngày không có thật", {**data, "valid_to": "2021-02-30"}
        yield "danh sách thành chuỗi", {**data, "aliases": "Ban Dân vận"}
    if kind == "directive":
        yield "loại văn bản lạ", {**data, "type": "nghi-dinh-thu"}
        yield "số có khoảng trắng", {**data, "number": "25 - NQ/TW"}
        yield "số thiếu dấu /", {**data, "number": "72-NQ-TW"}
        yield "ngày sai dạng", {**data, "date": "03/6/2013"}
    if kind == "plan":
        yield "mục thiếu tên", {**data, "sections": [{"number": "I"}]}
        yield "ngày không có thật", {**data, "date": "2021-02-29"}
    if kind == "task":
        yield "thứ tự âm", {**data, "order": 0}
        yield "thứ tự là chữ", {**data, "order": "một"}
        yield "tình trạng lạ", {**data, "status": "xong"}
        yield "tiến độ thiếu ngày", {**data, "progress": [{"note": "x"}]}
        yield "đúng/sai là chữ", {**data, "lead_implied": "có"}
    if kind == "report":
        yield "kết quả lạ", {**data, "results": [{"task": "x", "outcome": "xong", "text": "x"}]}
        yield "kết quả thiếu nội dung", {**data, "results": [{"task": "x", "outcome": "done"}]}
        yield "số liệu là chữ", {**data, "figures": [{"name": "Mô hình", "value": "1.234"}]}
        yield "ngày không có thật", {**data, "period_end": "2021-06-31"}


CASES = [
    pytest.param(kind, data, id=f"{name}::{label}")
    for name, kind, original in _corpus()
    for label, data in [("nguyên bản", original), *_mutations(kind, original)]
]


@pytest.fixture(scope="module")
def validators() -> dict[str, jsonschema.Draft202012Validator]:
    return {
        kind: jsonschema.Draft202012Validator(
            json.loads((REPO_ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")),
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        for kind in MODELS
    }


@pytest.mark.parametrize(("kind", "data"), CASES)
def test_schema_and_model_agree(validators, kind: str, data: dict[str, Any]) -> None:
    model_accepts = validate(kind, data)[0] is not None
    schema_errors = [e.message for e in validators[kind].iter_errors(data)]
    assert model_accepts == (not schema_errors), schema_errors


def test_the_corpus_covers_every_kind_valid_and_invalid() -> None:
    kinds = {kind for kind, _ in ((p.values[0], p.values[1]) for p in CASES)}
    assert kinds == set(MODELS)
    assert len(CASES) > 500
