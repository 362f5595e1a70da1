"""What a plan's records say that must survive the trip to Word and back:
sections, tasks in their sections and order, leads, coordinating units, time
frames, cited documents. Used by the round-trip test and its benchmark."""

from __future__ import annotations

from typing import Any

from kehoach.index import Index


def essentials(index: Index, plan_id: str) -> dict[str, Any]:
    plan = index.plans[plan_id]

    def sections(items: Any) -> list[Any]:
        return [(s.number.rstrip(".-"), s.heading, sections(s.sections)) for s in items]

    tasks = sorted((t for t in index.tasks.values() if t.plan == plan_id), key=lambda t: t.order)
    return {
        "number": plan.number,
        "date": plan.date,
        "issuer": plan.issuer,
        "basis": sorted(plan.basis),
        "sections": sections(plan.sections),
        "tasks": [
            {
                "section": t.section,
                "text": t.text,
                "lead": sorted(t.lead),
                "coordinating": sorted(t.coordinating),
                "timeframe": t.timeframe,
                "implements": sorted(t.implements),
            }
            for t in tasks
        ],
    }


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Each difference in words, task by task; empty when the records are the same."""
    found = [
        f"{key}: {before[key]!r} != {after[key]!r}" for key in before if key != "tasks" and before[key] != after[key]
    ]
    old, new = before["tasks"], after["tasks"]
    if len(old) != len(new):
        found.append(f"số nhiệm vụ: {len(old)} != {len(new)}")
    for n, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        for key in a:
            if a[key] != b[key]:
                found.append(f"nv{n:02d}.{key}: {a[key]!r} != {b[key]!r}")
    return found
