"""The ``kehoach`` command line: parses arguments and hands them to one
module of ``kehoach.commands``.

Exit codes: 0 clean, 1 findings (errors; warnings too with --strict),
2 usage error or unreadable input."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import keyword
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn, TextIO

from .chars import visible_json
from .commands import NAMES


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder at or above ``start`` holding ``records/``."""
    for folder in (start, *start.parents):
        if (folder / "records").is_dir():
            return folder
    return start


# argparse's own messages, in Vietnamese (argparse looks each one up through its
# module-level gettext function, which main() swaps for this table while parsing).
_MESSAGES = {
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "unrecognized arguments: %s": "đối số không nhận ra: %s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "not allowed with argument %s": "không dùng cùng đối số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "positional arguments": "đối số",  # the headings of every parser (``_Parser`` sets them too)
    "options": "tùy chọn",
}


@contextlib.contextmanager
def _vietnamese_argparse() -> Iterator[None]:
    original = argparse._  # type: ignore[attr-defined]
    # Only the messages without a Vietnamese text are looked up by gettext (which
    # imports locale and looks for a catalogue in every language the user's
    # environment names, each time: argparse asks for a dozen texts at every start).
    argparse._ = lambda text: _MESSAGES[text] if text in _MESSAGES else original(text)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def _columns() -> int:
    """The terminal's width, as ``shutil.get_terminal_size`` gives it (COLUMNS, else
    the terminal of the standard output, else 80), without importing shutil (with
    bz2, lzma and fnmatch): argparse builds a formatter at every argument added,
    and each asked for it, at every start of every command."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its own headings and the help option in Vietnamese."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:  # argparse's own messages are English; ours are Vietnamese
        self.print_usage(sys.stderr)
        self.exit(2, f"kehoach: lỗi cú pháp lệnh: {message}\n")


def _command(name: str) -> ModuleType:
    module = f"{name}_" if keyword.iskeyword(name) else name  # `import` lives in import_.py
    return importlib.import_module(f"{__package__}.commands.{module}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with ``only``, the other commands are listed
    but neither imported nor set up (some import much of the library to do so;
    their descriptions show only in the list of every command, which a run of
    one command never prints)."""
    parser = _Parser(prog="kehoach", description="Kiểm tra, xuất bản kế hoạch, nhiệm vụ, văn bản chỉ đạo.")
    parser.add_argument("--root", type=Path, help="thư mục gốc của kho (mặc định: tìm thư mục có 'records/')")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", required=True, parser_class=_Parser)
    for name in NAMES:
        if only is not None and name != only:
            sub.add_parser(name)
            continue
        try:
            module = _command(name)
        except ModuleNotFoundError as err:  # a command still being written is left out of the menu
            if not (err.name or "").startswith(f"{__package__}.commands."):
                raise
            continue
        command = sub.add_parser(name, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP))
        module.configure(command)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when it is plain to see: after nothing but
    ``--root`` and its folder (else None, and every command's parser is built)."""
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--root" and rest:
            rest.pop(0)
        elif token.startswith("--root="):
            continue
        else:
            return token if token in NAMES else None
    return None


# Commands that read the records of a repository: run anywhere else, they
# would find nothing and say all is well.
NEEDS_RECORDS = frozenset({"check", "find", "report", "export", "status", "fmt"})


class UsageError(Exception):
    """A command that cannot run as given (exit 2); the message is Vietnamese."""


def _root(args: argparse.Namespace) -> Path:
    if args.root is not None:
        try:
            root = args.root.resolve()
        except (OSError, RuntimeError, ValueError):
            raise UsageError(f"--root: không đọc được đường dẫn '{args.root}'") from None
        if not root.is_dir():
            raise UsageError(f"--root: không có thư mục '{args.root}'")
    else:
        root = find_root(Path.cwd()).resolve()
    if args.command in NEEDS_RECORDS and not (root / "records").is_dir():
        where = root if args.root is not None else f"{Path.cwd()} và các thư mục cha"
        raise UsageError(
            f"không thấy thư mục 'records/' trong {where}; hãy chạy lệnh trong kho bản ghi hoặc chỉ ra kho bằng --root"
        )
    return root


def _today(args: argparse.Namespace) -> None:
    """A command with --today left unset counts from KEHOACH_TODAY when it is set."""
    if getattr(args, "today", False) is None:
        from .dates import today_from_environment

        try:
            args.today = today_from_environment()
        except ValueError as err:
            raise UsageError(str(err)) from None


class _Visible:
    """An output stream that shows control, invisible and direction-changing
    characters escaped (line breaks and tabs kept): whatever a record holds,
    nothing reaches the terminal as a command or a forged line start. The
    escapes are JSON's (\\u001b), so a JSON document printed stays valid."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(visible_json(text, keep="\n\t"))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, buffer, encoding, isatty...
        return getattr(self.inner, name)


@contextlib.contextmanager
def _visible_output() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(out), _Visible(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def main(argv: Sequence[str] | None = None) -> int:
    with _vietnamese_argparse():
        args = build_parser(_command_named(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    with _visible_output():
        try:
            root = _root(args)
            _today(args)
            return _command(args.command).run(args, root)
        except UsageError as err:
            print(f"kehoach: {err}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
        except Exception as err:  # last line of defence: never show a traceback to a user
            print(
                f"kehoach: lỗi nội bộ ({type(err).__name__}: {err}). "
                "Đây là lỗi của công cụ, không phải của dữ liệu; hãy báo lại kèm lệnh đã chạy.",
                file=sys.stderr,
            )
            return 2


# Commands that write nothing but their output: the process may end without
# freeing what it read (the others end as usual, whatever they write flushed
# and closed by Python itself).
ENDS_AT_ONCE = frozenset({"check", "find", "report", "status"})


def entry() -> None:
    """The ``kehoach`` command (and ``python -m kehoach``): ``main``, then the end
    of the process. After a command that only prints, once its output is
    flushed, the process ends at once (``os._exit``) instead of freeing every
    record it read one by one, unless a thread or a child process is still
    running (they would be cut short); the exit code is the same."""
    from . import lifetime

    # kehoach uses no pydantic plugin. Without this, the first model validator
    # built makes pydantic look through the metadata of every installed package
    # for plugins (importlib.metadata.entry_points), a cost a one-file check pays
    # on every commit. Set before pydantic is imported (nothing above imports it),
    # only here: a program importing kehoach as a library keeps its own plugins,
    # and a value the user set wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    _no_platform()
    for name in _IMPORTED_UNUSED:
        if name not in sys.modules:
            _stand_in(name)
    argv = sys.argv[1:]
    at_once = _command_named(argv) in ENDS_AT_ONCE
    if at_once:
        lifetime.held = []
        # Nor is any cyclic garbage collected: what such a command makes stays
        # alive until the process ends (the check itself already runs without,
        # ``incremental.check_working_tree``), and the first collection once it
        # is done would scan every object the check made (the model, the rules,
        # the state's rows) for nothing: a twentieth of a one-file check's time.
        gc.disable()
    code = main(argv)
    if at_once and _alone():
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed pipe: Python's own ending reports it as usual
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


_NO_PLUGINS = ("__all__", "1", "true")  # the values of PYDANTIC_DISABLE_PLUGINS that disable every plugin
_LOADER = "pydantic.plugin._loader"


def _no_plugin_loader() -> None:
    """With every pydantic plugin disabled, pydantic's plugin loader finds none, yet
    importing it imports importlib.metadata (with email, zipfile, csv: a tenth of
    a one-file check at 10,000 records, as the first validator is built). Until
    pydantic is imported, stand in for it with a module whose ``get_plugins`` gives
    what the loader gives then: no plugin."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _NO_PLUGINS or "pydantic" in sys.modules:
        return

    def get_plugins() -> tuple[()]:
        return ()

    _stand_in(_LOADER, get_plugins=get_plugins)


# Modules pydantic imports as it is imported but uses only in functions a check
# never calls (``import secrets`` in pydantic.types, with random and hmac: 1-2 ms
# of every check of an edited record): each is stood in for by a module that
# imports the real one when first asked for anything.
_IMPORTED_UNUSED = ("secrets",)


def _no_platform() -> None:
    """pydantic imports uuid, which imports platform (with its nine regular
    expressions: 2-3 ms of every check of an edited file) only to ask
    ``platform.system()``, which on Linux is the kernel's name as ``os.uname``
    gives it. Until platform is imported, stand in for it with a module giving
    that answer."""
    if not sys.platform.startswith("linux") or "platform" in sys.modules:
        return

    def system() -> str:
        name = os.uname().sysname
        return name if name == "Linux" else real("system")()  # the real one's answer, whatever it is

    real = _stand_in("platform", system=system)


def _stand_in(name: str, **known: Any) -> Callable[[str], Any]:
    """Put a module in place of the module ``name``, not imported yet, answering
    ``known`` itself: anything else asked of it is the real module's (imported
    then, and put in its place). Returns what gets the real module's attributes."""
    module = ModuleType(name)

    def real(attribute: str) -> Any:
        if attribute.startswith("__"):  # asked by the import system (__path__: whether it is a package)
            raise AttributeError(attribute)
        if sys.modules.get(name) is module:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    module.__dict__.update(known)
    module.__getattr__ = real  # type: ignore[method-assign]
    sys.modules.setdefault(name, module)
    return real


def _alone() -> bool:
    """Whether nothing else runs in or under this process (no thread, no child process)."""
    import threading

    if threading.active_count() != 1:
        return False
    processes = sys.modules.get("multiprocessing")
    return processes is None or not processes.active_children()


if __name__ == "__main__":  # pragma: no cover
    entry()
