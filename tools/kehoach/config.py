"""Per-repository rule settings from ``pyproject.toml``:

    [tool.kehoach]
    disable = ["KH702"]            # rules not run
    [tool.kehoach.severity]
    KH701 = "error"                # re-graded rules

Unknown keys and unknown rule codes are reported (KH006), never ignored."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .codes import Code, known
from .findings import Finding, Severity

CONFIG_FILE = "pyproject.toml"
_KNOWN_KEYS = {"disable", "severity"}


@dataclass(frozen=True)
class Config:
    disabled: frozenset[str] = frozenset()
    severities: dict[str, Severity] = field(default_factory=dict)
    problems: tuple[Finding, ...] = ()  # what is wrong in the settings themselves (KH006)


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def load_config(root: Path) -> Config:
    """The settings of the repository at ``root``; their problems are in ``problems``."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config()
    text = path.read_text(encoding="utf-8", errors="replace")
    problems: list[Finding] = []

    def problem(needle: str, message: str) -> None:
        problems.append(Finding(CONFIG_FILE, _line_of(text, needle), 1, Code.KH006, message, Code.KH006.severity))

    try:
        settings = tomllib.loads(text).get("tool", {}).get("kehoach", {})
    except tomllib.TOMLDecodeError as err:
        problems.append(
            Finding(CONFIG_FILE, 1, 1, Code.KH006, f"không đọc được {CONFIG_FILE}: {err}", Code.KH006.severity)
        )
        return Config(problems=tuple(problems))
    for key in sorted(set(settings) - _KNOWN_KEYS):
        problem(key, f"khóa '{key}' trong [tool.kehoach] không được hỗ trợ; chỉ dùng: {', '.join(sorted(_KNOWN_KEYS))}")
    disabled = set()
    for code in settings.get("disable", []):
        if known(code):
            disabled.add(code)
        else:
            problem(str(code), f"[tool.kehoach] disable: mã quy tắc '{code}' không tồn tại (xem 'kehoach rules')")
    severities = {}
    for code, level in settings.get("severity", {}).items():
        if not known(code):
            problem(code, f"[tool.kehoach.severity]: mã quy tắc '{code}' không tồn tại (xem 'kehoach rules')")
        elif level not in {s.value for s in Severity}:
            problem(code, f"[tool.kehoach.severity] {code} = '{level}': cần 'error', 'warning' hoặc 'info'")
        else:
            severities[code] = Severity(level)
    return Config(frozenset(disabled), severities, tuple(problems))
