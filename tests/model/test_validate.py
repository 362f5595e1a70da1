"""Validated records keep what was set, whichever record shares the set of names."""

from __future__ import annotations

from kehoach.kinds import Kind
from kehoach.model.validate import validate


def _task(number: int, **more: object) -> dict[str, object]:
    return {"id": f"kh-nv{number:02d}", "plan": "kh", "section": "I", "order": number, "text": "Làm việc", **more}


def test_records_setting_the_same_fields_share_their_names_and_copies_stay_apart() -> None:
    first, problems = validate(Kind.TASK, _task(1))
    second, _ = validate(Kind.TASK, _task(2))
    other, _ = validate(Kind.TASK, _task(3, lead=["ban-dan-van"]))
    assert first is not None and second is not None and other is not None and problems == []
    assert first.model_fields_set == {"id", "plan", "section", "order", "text"}
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert other.model_fields_set == first.model_fields_set | {"lead"}
    changed = first.model_copy(update={"title": "Tên ngắn"})
    assert changed.model_fields_set == first.model_fields_set | {"title"}
    assert second.model_fields_set == {"id", "plan", "section", "order", "text"}
    assert first.model_dump(exclude_unset=True) == _task(1)
