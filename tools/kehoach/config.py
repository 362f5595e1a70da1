"""Per-repository rule settings from ``pyproject.toml``:

    [tool.kehoach]
    disable = ["KH702"]            # rules not run
    [tool.kehoach.severity]
    KH701 = "error"                # re-graded rules

Unknown keys and unknown rule codes are reported (KH006), never ignored."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .codes import Code, known
from .findings import Finding, Severity
from .oserrors import read_reason

CONFIG_FILE = "pyproject.toml"
_KNOWN_KEYS = {"disable", "severity"}
MAX_CONFIG_BYTES = 1024 * 1024


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
    if not path.is_file():  # a FIFO or a folder named like it is not a configuration
        return Config()
    problems: list[Finding] = []
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise OSError(f"tệp quá lớn (tối đa {MAX_CONFIG_BYTES:,} byte)")
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as err:
        message = f"không đọc được {CONFIG_FILE}: {read_reason(err)}"
        return Config(problems=(Finding(CONFIG_FILE, 1, 1, Code.KH006, message, Code.KH006.severity),))

    def problem(needle: str, message: str) -> None:
        problems.append(Finding(CONFIG_FILE, _line_of(text, needle), 1, Code.KH006, message, Code.KH006.severity))

    import tomllib  # here: a repository without a configuration never needs it

    try:
        tool = tomllib.loads(text).get("tool", {})
    except (tomllib.TOMLDecodeError, RecursionError) as err:
        problems.append(
            Finding(CONFIG_FILE, 1, 1, Code.KH006, f"không đọc được {CONFIG_FILE}: {err}", Code.KH006.severity)
        )
        return Config(problems=tuple(problems))
    settings = tool.get("kehoach", {}) if isinstance(tool, dict) else {}
    if not isinstance(settings, dict):
        problem("[tool.kehoach]", "[tool.kehoach] phải là một bảng (disable = [...], [tool.kehoach.severity])")
        return Config(problems=tuple(problems))
    disable = settings.get("disable", [])
    if not isinstance(disable, list):
        problem("disable", '[tool.kehoach] disable: cần một danh sách mã quy tắc, ví dụ disable = ["KH702"]')
        disable = []
    levels = settings.get("severity", {})
    if not isinstance(levels, dict):
        problem("severity", '[tool.kehoach] severity: cần một bảng [tool.kehoach.severity] với KH701 = "error"')
        levels = {}
    for key in sorted(set(settings) - _KNOWN_KEYS):
        problem(key, f"khóa '{key}' trong [tool.kehoach] không được hỗ trợ; chỉ dùng: {', '.join(sorted(_KNOWN_KEYS))}")
    disabled = set()
    for code in disable:
        if isinstance(code, str) and known(code):
            disabled.add(code)
        else:
            problem(str(code), f"[tool.kehoach] disable: mã quy tắc '{code}' không tồn tại (xem 'kehoach rules')")
    severities = {}
    for code, level in levels.items():
        if not known(code):
            problem(code, f"[tool.kehoach.severity]: mã quy tắc '{code}' không tồn tại (xem 'kehoach rules')")
        elif not isinstance(level, str) or level not in {s.value for s in Severity}:
            problem(code, f"[tool.kehoach.severity] {code} = '{level}': cần 'error', 'warning' hoặc 'info'")
        else:
            severities[code] = Severity(level)
    return Config(frozenset(disabled), severities, tuple(problems))
