"""JSON Schemas for editors and pre-commit, generated from the pydantic models
(the single source of truth). ``kehoach schema`` writes them; a test fails when
the committed files differ from what the models generate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .atomic import WriteFailed, write_atomic
from .kinds import Kind
from .model import MODELS
from .schema_text import annotate

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: Kind) -> dict[str, Any]:
    model = MODELS[kind]
    generated = model.model_json_schema(mode="validation")
    # Dates are validated as ISO text, as the loader keeps them.
    document: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"{kind}.schema.json",
        **generated,
    }
    return annotate(document)


def render(kind: Kind) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_all(root: Path) -> list[Path]:
    """Write every schema under ``root/schema``; return the files that changed."""
    out = root / SCHEMA_DIR
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteFailed(out, error) from error
    changed = []
    for kind in MODELS:
        path = out / f"{kind}.schema.json"
        text = render(kind)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            changed.append(path)
    return changed


def stale(root: Path) -> list[Path]:
    """Schema files that are missing or differ from the models."""
    out = root / SCHEMA_DIR
    return [
        out / f"{kind}.schema.json"
        for kind in MODELS
        if not (out / f"{kind}.schema.json").exists()
        or (out / f"{kind}.schema.json").read_text(encoding="utf-8") != render(kind)
    ]
