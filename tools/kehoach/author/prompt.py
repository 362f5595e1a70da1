"""Interactive questions for ``kehoach new``: Vietnamese prompts with defaults,
and Tab completion of unit, directive and plan names that ignores accents."""

from __future__ import annotations

from typing import Any

from ..index import Index
from ..text import fold
from .new import Field, names_of


def _completer(choices: list[str]) -> Any:
    def complete(text: str, state: int) -> str | None:
        wanted = fold(text)
        matches = [c for c in choices if fold(c).startswith(wanted)] or [c for c in choices if wanted in fold(c)]
        return matches[state] if state < len(matches) else None

    return complete


def ask(index: Index, spec: Field) -> Any:
    """Ask for one field; Enter keeps the default (or skips an optional field)."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        readline = None  # type: ignore[assignment]
    if readline is not None:
        choices = sorted({record_id for record_id in names_of(index, spec.refers).values()}) if spec.refers else []
        if spec.refers:
            choices += sorted(e.record.name for e in index.of_kind("unit")) if "unit" in spec.refers else []
        readline.set_completer_delims("")
        readline.set_completer(_completer(choices))
        readline.parse_and_bind("tab: complete")
    suffix = f" [{spec.default}]" if spec.default else ("" if spec.required else " (Enter để bỏ qua)")
    extra = "; nhiều giá trị cách nhau bằng dấu ';'" if spec.many else ""
    while True:
        answer = input(f"{spec.prompt}{extra}{suffix}: ").strip()
        if not answer and spec.default:
            answer = spec.default
        if answer or not spec.required:
            break
        print("  (bắt buộc)")
    if spec.many:
        return [part.strip() for part in answer.split(";") if part.strip()]
    return answer or None
