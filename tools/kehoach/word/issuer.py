"""How a unit heads its documents: the body and its superior as the header
prints them, the symbol in document numbers, the place before the date, and
whether the party or the state rules of layout apply."""

from __future__ import annotations

from ..index import Index
from ..model import Unit, UnitKind

STATE_KINDS = {UnitKind.STATE_BODY}


def is_state(unit: Unit | None) -> bool:
    return unit is not None and unit.kind in STATE_KINDS


def _strip_parent(name: str, parent: Unit | None, province: str | None) -> str:
    for tail in ([parent.name, *parent.short_names] if parent else []) + ([f"tỉnh {province}"] if province else []):
        if name.endswith(" " + tail) and len(name) > len(tail) + 1:
            return name[: -len(tail) - 1].strip(" ,-")
    return name


def masthead_names(index: Index, unit_id: str) -> tuple[str | None, str]:
    """(superior, body) as the header's left block prints them: ('Tỉnh ủy Bình Thuận', 'Ban Dân vận')."""
    unit = index.units.get(unit_id)
    if unit is None:
        return None, unit_id or "......"
    parent = index.units.get(unit.parent) if unit.parent else None
    if parent is None or parent.generic:
        return None, unit.name
    return parent.name, _strip_parent(unit.name, parent, unit.province)


def symbol(index: Index, unit_id: str) -> str:
    """The issuer's symbol in numbers ('BDVTU'), or blanks to fill in."""
    unit = index.units.get(unit_id)
    return unit.codes[0] if unit and unit.codes else "......"


def draft_number(index: Index, unit_id: str, type_code: str) -> str:
    """A number left blank for the office to fill in: '   -BC/BDVTU' or '   /BC-UBND'."""
    unit = index.units.get(unit_id)
    code = symbol(index, unit_id)
    return f"     /{type_code}-{code}" if is_state(unit) else f"     -{type_code}/{code}"


def place_of(index: Index, unit_id: str) -> str:
    """The place its documents are dated at: that of its latest plan, else its province."""
    plans = sorted((p for p in index.plans.values() if p.issuer == unit_id and p.place), key=lambda p: p.date)
    if plans:
        return plans[-1].place or ""
    unit = index.units.get(unit_id)
    return (unit.province if unit else None) or "......"
