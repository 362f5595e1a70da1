"""``kehoach new``: a brand-new record with the next free id, in the right
place, in canonical form. Names of units, directives and plans may be typed
as written in documents, accents optional; they are resolved to ids."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import WriteFailed, write_atomic
from ..index import Index
from ..kinds import Kind
from ..load.files import expected_place
from ..model.validate import validate
from ..text import fold, slugify
from . import canonical


class NewError(Exception):
    """A reason the record cannot be created; the message is for the user."""


@dataclass(frozen=True)
class Field:
    name: str  # key in the record
    prompt: str  # Vietnamese prompt
    required: bool = False
    many: bool = False
    refers: tuple[str, ...] = ()  # record kinds a name here is resolved against
    default: str | None = None


FIELDS: dict[str, list[Field]] = {
    "unit": [
        Field("name", "Tên chính thức", required=True),
        Field("short_names", "Tên ngắn", many=True),
        Field("kind", "Loại đơn vị (party-board, state-body, department...)", required=True),
        Field("codes", "Ký hiệu trong số văn bản (BDVTU, TU...)", many=True),
        Field("parent", "Đơn vị cấp trên", refers=("unit",)),
        Field("province", "Tỉnh, thành phố"),
    ],
    "directive": [
        Field("number", "Số và ký hiệu (ví dụ 25-NQ/TW)"),
        Field("type", "Loại văn bản (nghi-quyet, chi-thi, ket-luan, ke-hoach...)", required=True),
        Field("issuer", "Cơ quan ban hành", required=True, refers=("unit",)),
        Field("date", "Ngày ban hành (YYYY-MM-DD)"),
        Field("title", "Trích yếu", required=True),
    ],
    "plan": [
        Field("number", "Số và ký hiệu (ví dụ 12-KH/BDVTU)", required=True),
        Field("issuer", "Cơ quan ban hành", required=True, refers=("unit",)),
        Field("heading", "Tên loại văn bản", default="Kế hoạch"),
        Field("date", "Ngày ban hành (YYYY-MM-DD)", required=True),
        Field("title", "Trích yếu", required=True),
        Field("period", "Thời gian của kế hoạch (ví dụ Năm 2025)"),
        Field("basis", "Căn cứ (văn bản)", many=True, refers=("directive", "plan")),
    ],
    "task": [
        Field("plan", "Kế hoạch", required=True, refers=("plan",)),
        Field("section", "Thuộc mục (ví dụ II.1)", required=True),
        Field("number", "Số thứ tự trong văn bản"),
        Field("text", "Nội dung nhiệm vụ", required=True),
        Field("lead", "Đơn vị chủ trì", many=True, refers=("unit",)),
        Field("coordinating", "Đơn vị phối hợp", many=True, refers=("unit",)),
        Field("implements", "Văn bản liên quan", many=True, refers=("directive", "plan")),
        Field("timeframe", "Thời gian thực hiện (ví dụ quý III/2025)"),
    ],
    "report": [
        Field("number", "Số và ký hiệu (ví dụ 15-BC/BDVTU)", required=True),
        Field("issuer", "Cơ quan ban hành", required=True, refers=("unit",)),
        Field("heading", "Tên loại văn bản", default="Báo cáo"),
        Field("date", "Ngày ban hành (YYYY-MM-DD)", required=True),
        Field("title", "Trích yếu", required=True),
        Field("period_start", "Kỳ báo cáo từ ngày (YYYY-MM-DD)", required=True),
        Field("period_end", "Kỳ báo cáo đến ngày (YYYY-MM-DD)", required=True),
        Field("plans", "Kế hoạch được báo cáo", many=True, refers=("plan",)),
    ],
}


def names_of(index: Index, kinds: tuple[str, ...]) -> dict[str, str]:
    """Every way to name a record of ``kinds`` (folded) -> its id: the id, name, short names, aliases,
    number and title."""
    found: dict[str, str] = {}
    for kind in kinds:
        for entry in index.of_kind(kind):
            record: Any = entry.record
            names = [entry.id, getattr(record, "name", None), getattr(record, "number", None)]
            names += [getattr(record, "title", None)] if kind != "unit" else []
            names += list(getattr(record, "short_names", [])) + list(getattr(record, "aliases", []))
            for name in names:
                if name:
                    found.setdefault(fold(name), entry.id)
    return found


def resolve(index: Index, kinds: tuple[str, ...], text: str) -> str:
    """The id a typed name stands for: an exact (accent-insensitive) name, else a unique partial match."""
    names = names_of(index, kinds)
    wanted = fold(text)
    if wanted in names:
        return names[wanted]
    partial = {record_id for name, record_id in names.items() if wanted and wanted in name}
    if len(partial) == 1:
        return partial.pop()
    kind_names = " hoặc ".join(Kind(k).label for k in kinds)
    if partial:
        choices = ", ".join(sorted(partial)[:8])
        raise NewError(f"'{text}' khớp nhiều {kind_names}: {choices}; hãy ghi rõ hơn hoặc ghi mã")
    raise NewError(f"không tìm thấy {kind_names} '{text}' trong kho")


def _scope(index: Index, unit_id: str) -> str:
    unit = index.units.get(unit_id)
    return slugify(unit.province) if unit and unit.province else unit_id.split("-")[0]


def _free(index: Index, base: str, taken: frozenset[str]) -> str:
    if base not in index.entries and base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in index.entries or f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def next_id(index: Index, kind: str, data: dict[str, Any], taken: frozenset[str] = frozenset()) -> str:
    """The next free id for a new record, following the repository's naming."""
    if kind == "task":
        plan = data["plan"]
        numbers = [int(m[1]) for t in index.tasks if (m := re.fullmatch(rf"{re.escape(plan)}-nv(\d+)", t))]
        return f"{plan}-nv{max(numbers, default=0) + 1:02d}"
    if kind == "unit":
        scope = slugify(data["province"]) if data.get("province") else "tw"
        slug = slugify(data.get("short_names", [None])[0] if data.get("short_names") else data["name"])
        return _free(index, slug if slug.startswith(scope + "-") else f"{scope}-{slug}", taken)
    scope = _scope(index, data["issuer"])
    year = str(data["date"])[:4] if data.get("date") else None
    tail = slugify(data["number"]) if data.get("number") else slugify(data["title"])[:40].strip("-")
    return _free(index, "-".join(p for p in (scope, year, tail) if p), taken)


def build(index: Index, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """The record's data: resolved references, defaults for a new task (order), the id first."""
    data: dict[str, Any] = {}
    for spec in FIELDS[kind]:
        value = values.get(spec.name)
        if value in (None, "", []):
            continue
        if spec.refers:
            value = [resolve(index, spec.refers, v) for v in value] if spec.many else resolve(index, spec.refers, value)
        data[spec.name] = value
    if kind == "task":
        orders = [t.order for t in index.tasks.values() if t.plan == data["plan"]]
        data["order"] = max(orders, default=0) + 1
    for key in ("date", "period_start", "period_end"):
        if isinstance(data.get(key), dt.date):
            data[key] = data[key].isoformat()
    return {"id": next_id(index, kind, data), **data}


def create(root: Path, index: Index, kind: str, values: dict[str, Any]) -> Path:
    """Write the new record and return its path; never overwrites."""
    data = build(index, kind, values)
    record, problems = validate(kind, canonical.plain_data(data))
    if record is None or problems:
        details = "; ".join(message for _, _, message in problems)
        raise NewError(f"bản ghi mới chưa hợp lệ: {details}")
    rel = expected_place(kind, data["id"], data.get("plan"))
    path = root / rel
    if path.exists():
        raise NewError(f"tệp '{rel}' đã có; không ghi đè")
    text = canonical.render_new(kind, data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text, exclusive=True)  # fails rather than overwrite, even in a race
    except WriteFailed as err:
        raise NewError(str(err).replace(str(path), rel.as_posix())) from err
    except OSError as err:
        raise NewError(f"không tạo được thư mục cho '{rel}': {err.strerror or err}") from err
    return path


__all__ = ["FIELDS", "NewError", "create", "next_id", "resolve"]
