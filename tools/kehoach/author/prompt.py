"""Interactive questions for ``kehoach new``: Vietnamese prompts, each answer
checked as soon as it is given (a bad one is explained and asked again), a
numbered choice when a name stands for several records, and Tab completion of
names (after each ';' too) and of the chosen plan's sections, accents optional."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..resolve import CLOSE, Resolution, words_of
from ..text import fold
from .fields import Field
from .new import Draft, NewError


def matches(choices: list[str], text: str) -> list[str]:
    """The choices ``text`` may be the start of (accents and case ignored); else those holding every
    typed word start, in any order."""
    wanted = fold(text)
    found = [c for c in choices if fold(c).startswith(wanted)]
    if found or not wanted:
        return found
    typed = words_of(text)
    return [c for c in choices if all(any(w.startswith(t) for w in words_of(c)) for t in typed)]


def completer(choices: Callable[[], list[str]], many: bool) -> Callable[[str, int], str | None]:
    """A readline completer over the whole line; with ``many``, only the part after the last ';'."""
    found: list[str] = []

    def complete(line: str, state: int) -> str | None:
        if state == 0:
            head, sep, tail = line.rpartition(";") if many else ("", "", line)
            prefix = f"{head}{sep} " if sep else ""
            found[:] = [prefix + c for c in matches(choices(), tail.strip())]
        return found[state] if state < len(found) else None

    return complete


def _choices(draft: Draft, spec: Field) -> Callable[[], list[str]]:
    if spec.refers:
        resolver = draft.resolver(spec)
        return resolver.completions
    if spec.name == "section" and draft.kind == "task":
        return draft.sections
    return list


def _install(draft: Draft, spec: Field) -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return
    readline.set_completer_delims("")
    readline.set_completer(completer(_choices(draft, spec), spec.many))
    readline.parse_and_bind("tab: complete")


def pick(resolution: Resolution) -> str:
    """Ask which of the candidates a name stands for; raise NewError when none is picked."""
    candidates = resolution.candidates[:20]
    if resolution.tier == CLOSE:
        print(f"  Không tìm thấy {resolution.what} '{resolution.text}'. Có phải là:")
    elif len(candidates) == 1:
        print(f"  '{resolution.text}' chỉ khớp {resolution.what} của tỉnh khác:")
    else:
        print(f"  '{resolution.text}' khớp nhiều {resolution.what}:")
    for number, candidate in enumerate(candidates, 1):
        print(f"    {number}. {candidate.describe()}")
    answer = input(f"  Chọn số (1-{len(candidates)}), Enter để gõ lại: ").strip()
    if answer.isdigit() and 1 <= int(answer) <= len(candidates):
        return candidates[int(answer) - 1].id
    raise NewError("chưa chọn; hãy gõ lại")


def ask(draft: Draft, spec: Field) -> Any:
    """Ask for one field until the answer is good; Enter keeps the default (or skips an optional field)."""
    suffix = f" [{spec.default}]" if spec.default else ("" if spec.required else " (Enter để bỏ qua)")
    extra = "; nhiều giá trị cách nhau bằng dấu ';'" if spec.many else ""
    label = spec.prompt
    if spec.name == "section" and draft.sections():
        label = f"{spec.prompt.split(' (')[0]} ({', '.join(draft.sections())})"  # the plan's own, not an example
    while True:
        _install(draft, spec)
        answer = input(f"{label}{extra}{suffix}: ").strip() or (spec.default or "")
        parts: Any = [p for p in answer.split(";")] if spec.many else answer
        try:
            return draft.accept(spec, parts, choose=pick)
        except NewError as err:
            print(f"  ✗ {err}")


def _completer(choices: list[str]) -> Callable[[str, int], str | None]:
    """A completer over a fixed list of whole-line choices (the form other prompts use)."""
    return completer(lambda: choices, many=False)
