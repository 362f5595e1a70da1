"""A generator of hostile inputs, by class: each class is a family of ways a
person (or a careless tool) can break a repository, with several variants.

Every case starts from the fixture repository with one deliberately broken
sibling record (the task with status 'xong', KH108) and breaks one more thing.
A case says what a user must see: the exit code, and, when the check runs, the
rule code of the finding on the broken file. ``python -m tests.hostile.corpus``
lists the cases per class."""

from __future__ import annotations

import codecs
import os
import socket
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

UNIT = "records/units/tinh-a-ban-dan-toc.yaml"
DIRECTIVE = "records/directives/tw-2013-25-nq-tw.yaml"
PLAN = "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml"
TASK = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv01.yaml"
REPORT = "records/reports/tinh-a-2021-20-bc-bdvtu.yaml"
REPORT_CASE = "ok-KH801-report-on-its-plans"  # a valid report, laid over the repository where a case needs one
SIBLING_CASE = "KH108-bad-enum"  # nv02 with status 'xong': must still be reported in every case
SIBLING_CODE = "KH108"

# A valid record of each kind, in the fixture repository, and a text field of it.
TEXT_FIELD = {UNIT: "name", DIRECTIVE: "title", PLAN: "title", TASK: "text"}
KIND = {UNIT: "unit", DIRECTIVE: "directive", PLAN: "plan", TASK: "task"}

Build = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    klass: str
    name: str
    build: Build  # breaks the repository at the given root
    code: str | None = None  # rule code expected on ``target`` (None: a usage error, or no finding needed)
    target: str | None = None  # the file the finding must be about
    exits: frozenset[int] = frozenset({1})
    args: tuple[str, ...] = ()  # arguments of `kehoach` after the root, default: check
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None  # run from this folder (relative to the repository's parent) instead
    subprocess: bool = False  # may hang or must see its own environment: run as a child process
    fault: str | None = None  # an in-process fault: 'unlistable:<folder>' or 'unreadable:<file>'
    no_root: bool = False  # run without --root
    absent: tuple[str, ...] = ()  # text the output must not hold (knock-on findings)
    sibling: bool = True  # whether the broken sibling record can be read in this case
    shows: tuple[str, ...] = ()  # text the output must hold
    warm: bool = False  # check the intact repository first: the broken file then meets the cache and the
    # incremental check, which reread only what changed

    @property
    def id(self) -> str:
        return f"{self.klass}/{self.name}"


def _write(rel: str, data: bytes) -> Build:
    def build(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return build


def _edit(rel: str, change: Callable[[str], str]) -> Build:
    def build(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        changed = change(text)
        assert changed != text, f"case did not change {rel}"
        path.write_text(changed, encoding="utf-8")

    return build


def _set_field(rel: str, key: str, raw_value: str) -> Build:
    """Replace (or add) the top-level ``key`` with ``raw_value`` as written YAML."""

    def change(text: str) -> str:
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith(f"{key}:"):
                lines[i] = f"{key}: {raw_value}"
                return "\n".join(lines) + "\n"
        return text + f"{key}: {raw_value}\n"

    return _edit(rel, change)


def _nothing(root: Path) -> None:
    pass


def _mend_sibling(root: Path) -> None:
    sibling = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv02.yaml"
    (root / sibling).write_text(_fixture_text(sibling), encoding="utf-8")


def _fixture_text(rel: str) -> str:
    from ..conftest import BASE

    return (BASE / rel).read_text(encoding="utf-8")


def _report_text() -> str:
    from ..conftest import CASES

    return (CASES / REPORT_CASE / REPORT).read_text(encoding="utf-8")


def _report(change: Callable[[str], str]) -> Build:
    """A valid report added to the repository, then changed."""

    def build(root: Path) -> None:
        text = _report_text()
        changed = change(text)
        assert changed != text, "case did not change the report"
        (root / REPORT).parent.mkdir(parents=True, exist_ok=True)
        (root / REPORT).write_text(changed, encoding="utf-8")

    return build


def reports() -> Iterator[Case]:
    """The report record: its results' text, figures and references."""
    first_text = "text: Tổ chức "
    for name, chars in (("raw-esc", "\x1b[2J"), ("raw-nul", "\x00"), ("raw-c1", "\x9b")):
        yield Case(
            "report", name, _report(lambda t, c=chars: t.replace(first_text, first_text + c, 1)), "KH010", REPORT
        )
    for name, ch in (("rtl-override", "\u202e"), ("zero-width-space", "\u200b"), ("lri-isolate", "\u2066")):
        yield Case("report", name, _report(lambda t, c=ch: t.replace(first_text, first_text + c, 1)), "KH017", REPORT)
    yield Case(
        "report",
        "escaped-esc-in-result",
        _report(
            lambda t: t.replace("text: Các nhiệm vụ", 'text: "\\e[31mCác nhiệm vụ', 1).replace(
                "tiến độ.", 'tiến độ."', 1
            )
        ),
        "KH017",
        REPORT,
    )
    yield Case(
        "report", "figure-huge", _report(lambda t: t.replace("value: 2", "value: " + "9" * 5000)), "KH103", REPORT
    )
    for name, value in (("1e999", "1e999"), ("minus-1e999", "-1e999"), ("nan", ".nan"), ("inf-quoted", '"inf"')):
        yield Case(
            "report",
            f"figure-{name}",
            _report(lambda t, v=value: t.replace("value: 2", f"value: {v}")),
            "KH103",
            REPORT,
        )
    yield Case(
        "report", "date-9999", _report(lambda t: t.replace("date: 2021-06-30", "date: 9999-12-31")), "KH104", REPORT
    )
    yield Case(
        "report",
        "unit-cyrillic",
        _report(lambda t: t.replace("issuer: tinh-a-ban", "issuer: tinh-\u0430-ban")),
        "KH105",
        REPORT,
    )
    yield Case(
        "report",
        "task-id-newline",
        _report(
            lambda t: t.replace("task: tinh-a-2021-12-kh-bdvtu-nv02\n    outcome", 'task: "x\\ny"\n    outcome', 1)
        ),
        "KH105",
        REPORT,
    )
    yield Case(
        "report", "utf-16", lambda root: _report(lambda t: t + "\n")(root) or _recode(root, REPORT), "KH002", REPORT
    )


def _recode(root: Path, rel: str) -> None:
    path = root / rel
    path.write_bytes(codecs.BOM_UTF16_LE + path.read_text(encoding="utf-8").encode("utf-16-le"))


# ---------------------------------------------------------------- encodings


def encodings() -> Iterator[Case]:
    text = _fixture_text(UNIT)
    for codec, bom in (
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ):
        yield Case("encoding", f"{codec}-bom", _write(UNIT, bom + text.encode(codec)), "KH002", UNIT)
        yield Case("encoding", f"{codec}-no-bom", _write(UNIT, text.encode(codec)), "KH002", UNIT)
    yield Case("encoding", "latin-1", _write(UNIT, "id: x\nname: Caf\xe9 \xe0 la\n".encode("latin-1")), "KH002", UNIT)
    legacy = {
        "windows-1258": b"id: tinh-a-ban-dan-toc\nname: Ban D\xe2n t\xf4\xf2c\n",
        "tcvn3": b"id: tinh-a-ban-dan-toc\nname: Ban D\xa9n t\xe9c\n",
        "vni": b"id: tinh-a-ban-dan-toc\nname: Ban Da\xe2n to\xe4c\n",
    }
    for name, data in legacy.items():
        yield Case("encoding", name, _write(UNIT, data), "KH002", UNIT)
    raw = text.encode()
    cut = raw.index("â".encode())  # inside 'Dân'
    broken = {
        "truncated-multibyte": raw[: cut + 1] + raw[cut + 2 :],
        "lone-continuation": raw.replace(b"name:", b"name:\x80", 1),
        "overlong-slash": raw.replace(b"name:", b"name: \xc0\xaf", 1),
        "encoded-surrogate": raw.replace(b"name:", b"name: \xed\xa0\x80", 1),
        "ends-mid-character": raw + "ộ".encode()[:2],
    }
    for name, data in broken.items():
        yield Case("encoding", name, _write(UNIT, data), "KH002", UNIT)
    yield Case("encoding", "nul-byte", _write(UNIT, raw.replace(b"name: ", b"name: \x00", 1)), "KH010", UNIT)
    yield Case("encoding", "nul-bytes-many", _write(UNIT, raw.replace(b"\n", b"\x00\n")), "KH010", UNIT)
    yield Case("encoding", "utf-8-bom", _write(UNIT, codecs.BOM_UTF8 + raw), "KH003", UNIT)
    yield Case("encoding", "nfd", _write(UNIT, unicodedata.normalize("NFD", text).encode()), "KH004", UNIT)
    yield Case(
        "encoding", "bom-in-the-middle", _write(UNIT, raw.replace(b"name: ", b"name: \xef\xbb\xbf")), "KH017", UNIT
    )


# ---------------------------------------------------------------- control characters

CONTROLS = {"esc-sequence": "\x1b[31m", "osc-title": "\x1b]0;x\x07", "bell": "\x07", "backspace": "\x08"}
CONTROLS |= {"delete": "\x7f", "c1-csi": "\x9b", "nul": "\x00", "vertical-tab": "\x0b", "form-feed": "\x0c"}


def controls() -> Iterator[Case]:
    for rel, key in TEXT_FIELD.items():
        kind = KIND[rel]
        for name, chars in CONTROLS.items():
            # Raw, as bytes in the file: YAML refuses them, at their real place.
            yield Case("control", f"{kind}-raw-{name}", _edit(rel, _insert_after(f"{key}: ", chars)), "KH010", rel)
        # Written as escapes in double quotes: valid YAML, a warning, and escaped wherever shown.
        for name, escape in (("esc", "\\e[31m"), ("cr", "\\r"), ("nel", "\\N"), ("csi", "\\x9b"), ("bell", "\\a")):
            yield Case(
                "control",
                f"{kind}-escaped-{name}",
                _set_field(rel, key, f'"Văn bản {escape} giả"'),
                "KH017",
                rel,
                exits=frozenset({1}),
            )
    yield Case("control", "raw-esc-in-key", _edit(UNIT, lambda t: t + "no\x1bte: x\n"), "KH010", UNIT)
    yield Case("control", "raw-esc-in-comment", _edit(UNIT, lambda t: t + "# ghi chú \x1b[2J\n"), "KH010", UNIT)
    yield Case(
        "control",
        "fake-finding-line-in-id",
        _set_field(UNIT, "id", '"x\\nrecords/units/a.yaml:1:1: KH000 [lỗi] giả"'),
        "KH105",
        UNIT,
    )
    yield Case(
        "control",
        "fake-annotation-in-value",
        _set_field(UNIT, "kind", '"x\\n::error file=a,line=1::giả%0A"'),
        "KH108",
        UNIT,
        args=("check", "--format", "github"),
    )
    yield Case(
        "control",
        "json-with-controls",
        _set_field(UNIT, "kind", '"\\e[31m\\u0000\\u2028\\"}"'),
        "KH108",
        UNIT,
        args=("check", "--format", "json"),
    )
    hostile_title = '"\\e]0;pwn\\a\\x7f\\x9b\\u202e\\U000e0041\\u2028 Dân vận"'
    yield Case(
        "control",
        "json-with-c1-bidi-tags",
        _set_field(UNIT, "kind", hostile_title),
        "KH108",
        UNIT,
        args=("check", "--format", "json"),
    )
    yield Case(
        "control",
        "find-json",
        _set_field(TASK, "title", hostile_title),
        None,
        None,
        exits=frozenset({0}),
        args=("find", "dân vận", "--format", "json"),
        shows=("\\u001b]0;pwn",),
    )
    yield Case(
        "control",
        "report-json",
        _both(_mend_sibling, _set_field(PLAN, "title", hostile_title)),  # a report needs a repository without errors
        None,
        None,
        exits=frozenset({0}),
        args=("report", "--format", "json", "--details"),
    )
    yield Case(
        "control",
        "report-markdown",
        _both(_mend_sibling, _set_field(PLAN, "title", hostile_title)),  # a report needs a repository without errors
        None,
        None,
        exits=frozenset({0}),
        args=("report", "--format", "markdown", "--details"),
    )
    yield Case(
        "control",
        "find-prints-escaped-title",
        _set_field(TASK, "title", '"\\e]0;pwn\\a\\e[2J Dân vận"'),
        None,
        None,
        exits=frozenset({0}),
        args=("find", "dân vận"),
        shows=("\\u001b]0;pwn\\u0007\\u001b[2J",),  # found, and shown escaped
    )


def _insert_after(anchor: str, chars: str) -> Callable[[str], str]:
    return lambda text: text.replace(anchor, anchor + "Ban " + chars + " giả ", 1)


# ---------------------------------------------------------------- invisible, bidi, look-alike characters

LOOK_ALIKES = {
    "zero-width-space": "\u200b",
    "zero-width-joiner": "\u200d",
    "word-joiner": "\u2060",
    "rtl-override": "\u202e",
    "lri-isolate": "\u2066",
    "rtl-mark": "\u200f",
    "soft-hyphen": "\u00ad",
    "bom": "\ufeff",
    "cyrillic-a": "\u0430",
    "greek-omicron": "\u03bf",
    "fullwidth-digit": "\uff11",
    "no-break-space": "\u00a0",
    "en-dash": "\u2013",
    "dotless-i": "\u0131",
    "space": " ",
    "capital": "A",
    "dot-dot-slash": "../",
}


def invisible() -> Iterator[Case]:
    for name, ch in LOOK_ALIKES.items():
        # In an id (the file name stays right): the message names the character.
        yield Case(
            "invisible",
            f"id-{name}",
            _edit(UNIT, lambda t, c=ch: t.replace("id: tinh-a", f"id: tinh{c}-a", 1)),
            "KH105",
            UNIT,
        )
        # In a reference to another record.
        yield Case(
            "invisible",
            f"reference-{name}",
            _edit(TASK, lambda t, c=ch: t.replace("lead: [tinh-a-ban", f"lead: [tinh-{c}a-ban", 1)),
            "KH105",
            TASK,
        )
    for name in ("zero-width-space", "rtl-override", "lri-isolate", "rtl-mark", "bom", "word-joiner"):
        ch = LOOK_ALIKES[name]
        for rel, key in TEXT_FIELD.items():
            kind = KIND[rel]
            yield Case(
                "invisible",
                f"{kind}-{key}-{name}",
                _edit(rel, lambda t, c=ch, k=key: t.replace(f"{k}: ", f"{k}: Ban {c}giả ", 1)),
                "KH017",
                rel,
            )
    yield Case(
        "invisible",
        "escaped-override-in-title",
        _set_field(PLAN, "title", '"thực hiện \\u202enăm 2021"'),
        "KH017",
        PLAN,
    )
    yield Case(
        "invisible",
        "trojan-comment",
        _edit(UNIT, lambda t: t + "# \u202e } \u2066 ghi chú\n"),
        "KH017",
        UNIT,
    )
    yield Case(
        "invisible",
        "cyrillic-file-name",
        _rename(UNIT, UNIT.replace("tinh-a", "tinh-\u0430")),
        "KH201",
        UNIT.replace("tinh-a", "tinh-\u0430"),
    )


def _rename(rel: str, new: str) -> Build:
    def build(root: Path) -> None:
        (root / rel).rename(root / new)

    return build


# ---------------------------------------------------------------- numbers


def numbers() -> Iterator[Case]:
    values = {
        "int-5000-digits": ("9" * 5000, "KH103"),
        "int-4301-digits": ("1" * 4301, "KH103"),
        "int-19-digits": ("1" + "0" * 18, "KH103"),
        "negative-huge": ("-" + "9" * 5000, "KH103"),
        "float-1e999": ("1e999", "KH103"),
        "float-minus-1e999": ("-1e999", "KH103"),
        "float-1e-999": ("1e-999", "KH103"),
        "nan": ("nan", "KH103"),
        "dot-nan": (".nan", "KH103"),
        "inf": ("inf", "KH103"),
        "dot-inf": (".inf", "KH103"),
        "minus-dot-inf": ("-.inf", "KH103"),
        "octal-looking": ("010", "KH014"),
        "octal-1-1": ("0o10", "KH103"),
        "hex": ("0x1F", "KH103"),
        "negative": ("-5", "KH103"),
        "zero": ("0", "KH103"),
        "float": ("1.5", "KH103"),
        "underscores": ("1_000", None),  # read as 1000, as YAML 1.1 does
        "arabic-indic-digits": ("\u0661\u0662", "KH103"),
    }
    for name, (value, code) in values.items():
        yield Case("number", f"order-{name}", _set_field(TASK, "order", value), code, TASK)
    for name, value in (("octal-looking", "010"), ("leading-zeros", "007"), ("huge", "9" * 5000), ("1e999", "1e999")):
        code = {"octal-looking": "KH014", "leading-zeros": "KH014", "huge": "KH103"}.get(name, "KH303")
        yield Case("number", f"section-{name}", _set_field(TASK, "section", value), code, TASK)
    yield Case("number", "number-huge", _set_field(TASK, "number", "9" * 5000), "KH103", TASK)
    yield Case("number", "name-huge", _set_field(UNIT, "name", "9" * 5000), "KH103", UNIT)
    yield Case("number", "key-huge", _edit(UNIT, lambda t: t + "9" * 5000 + ": x\n"), "KH010", UNIT)
    yield Case("number", "key-long-number", _edit(UNIT, lambda t: t + "9" * 1000 + ": x\n"), "KH103", UNIT)
    yield Case("number", "date-year-9999", _set_field(PLAN, "date", "9999-12-31"), "KH104", PLAN)
    yield Case("number", "date-year-1", _set_field(PLAN, "date", "0001-01-01"), "KH104", PLAN)
    yield Case("number", "date-huge-year", _set_field(PLAN, "date", "99999-01-01"), "KH104", PLAN)
    yield Case("number", "timeframe-huge-year", _set_field(TASK, "timeframe", "năm " + "9" * 5000), "KH107", TASK)
    yield Case("number", "timeframe-year-9999", _set_field(TASK, "timeframe", "trước ngày 31/12/9999"), "KH107", TASK)
    yield Case(
        "number", "doc-number-huge-year", _set_field(DIRECTIVE, "number", "25-NQ/TW/" + "9" * 5000), "KH106", DIRECTIVE
    )


# ---------------------------------------------------------------- YAML structures


def _laughs(levels: int, width: int) -> bytes:
    lines = [b"id: tinh-a-ban-dan-toc", b"name: x", b"kind: state-body", b"a0: &a0 [lol, lol, lol]"]
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * width)
        lines.append(f"a{i}: &a{i} [{refs}]".encode())
    lines.append(f"note: *a{levels - 1}".encode())
    return b"\n".join(lines) + b"\n"


def structures() -> Iterator[Case]:
    valid = _fixture_text(UNIT).encode()
    cases = {
        "billion-laughs": (_laughs(10, 10), "KH012"),
        "billion-laughs-wide": (_laughs(4, 1000), "KH012"),
        "merge-key": (valid + b"base: &b {x: 1}\nmore:\n  <<: *b\n", "KH012"),
        "undefined-alias": (valid + b"note: *nowhere\n", "KH012"),
        "deep-flow-10k": (valid + b"note: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "KH016"),
        "deep-flow-mapping-10k": (valid + b"note: " + b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n", "KH016"),
        "deep-block-1000": (
            valid + b"note:\n" + b"".join(b" " * (i + 1) + b"- \n" for i in range(1000)),
            "KH016",
        ),
        "unclosed-flow-10k": (valid + b"note: " + b"[" * 10_000 + b"\n", "KH016"),
        "unclosed-flow": (valid + b"note: [a, [b\n", "KH010"),
        "duplicate-keys": (valid + b"name: khac\n", "KH011"),
        "duplicate-keys-many": (valid + b"note: a\n" * 500, "KH011"),
        "python-object": (valid + b"note: !!python/object/apply:os.system [ls]\n", "KH013"),
        "python-name-tag": (valid + b"note: !!python/name:os.system\n", "KH013"),
        "custom-tag": (valid + b"note: !secret x\n", "KH013"),
        "binary-tag": (valid + b"note: !!binary aGVsbG8=\n", "KH013"),
        "tag-directive": (b"%TAG !e! tag:example.com,2000:\n---\n" + valid + b"note: !e!x y\n", "KH013"),
        "yaml-1-1-directive": (b"%YAML 1.1\n---\n" + valid + b"note: yes\n", "KH014"),
        "complex-key": (valid + b"? [a, b]\n: c\n", "KH015"),
        "very-long-line": (valid + b"note: " + b"x" * 900_000 + b"\n", None),
        "one-mb-scalar": (valid + b"note: " + b"y" * (1024 * 1024 - len(valid) - 8) + b"\n", None),
        "just-over-one-mb": (valid + b"note: " + b"z" * (1024 * 1024) + b"\n", "KH001"),
        "long-key": (valid + b"k" * 100_000 + b": x\n", "KH010"),  # a plain key is at most 1,024 characters
        "many-keys": (valid + b"".join(f"k{i}: x\n".encode() for i in range(20_000)), "KH101"),
        "tabs": (valid.replace(b"name:", b"\tname:"), "KH010"),
        "unclosed-quote": (valid.replace(b"name: ", b'name: "', 1), "KH010"),
        "two-documents": (valid + b"---\n" + valid, "KH015"),
        "empty": (b"", "KH015"),
        "only-comment": (b"# nothing\n", "KH015"),
        "only-document-marker": (b"---\n", "KH015"),
        "null-document": (b"~\n", "KH015"),
        "list-at-top": (b"- id: tinh-a-ban-dan-toc\n", "KH015"),
        "scalar-at-top": ("Ban Dân tộc\n".encode(), "KH015"),
        "crlf-lines": (valid.replace(b"\n", b"\r\n"), None),
        "cr-only-lines": (valid.replace(b"\n", b"\r"), None),
        "wrong-types": (b"id: 12\nname: [a, b]\nkind: {x: 1}\ngeneric: 3\naliases: x\n", "KH103"),
        "unknown-key": (valid + b"ten: Ban\n", "KH101"),
        "impossible-date": (valid + b"valid_to: 2021-02-30\n", "KH104"),
        "id-path-traversal": (valid.replace(b"id: tinh-a-ban-dan-toc", b"id: ../../etc/passwd"), "KH105"),
        "id-too-long": (valid.replace(b"id: tinh-a-ban-dan-toc", b"id: " + b"a" * 10_000), "KH103"),
    }
    for name, (data, code) in cases.items():
        exits = frozenset({1}) if code else frozenset({0, 1})
        yield Case("yaml", name, _write(UNIT, data), code, UNIT if code else None, exits=exits)


# ---------------------------------------------------------------- file-system objects


def _fifo(rel: str) -> Build:
    return lambda root: os.mkfifo(root / rel)


def _socket(rel: str) -> Build:
    def build(root: Path) -> None:
        path = root / rel
        sock = socket.socket(socket.AF_UNIX)
        here = Path.cwd()
        os.chdir(path.parent)  # a socket's path is limited to ~100 bytes: bind by its short name
        try:
            sock.bind(path.name)
        finally:
            os.chdir(here)
            sock.close()

    return build


def _symlink(rel: str, target: str) -> Build:
    return lambda root: os.symlink(target, root / rel)


def _both(*builds: Build) -> Build:
    def build(root: Path) -> None:
        for each in builds:
            each(root)

    return build


def _mkdir(rel: str) -> Build:
    return lambda root: (root / rel).mkdir(parents=True)


def _bytes_name(folder: str, name: bytes, data: bytes) -> Build:
    def build(root: Path) -> None:
        with open(os.path.join(os.fsencode(root / folder), name), "wb") as stream:
            stream.write(data)

    return build


def filesystem() -> Iterator[Case]:
    units = "records/units"
    tasks = "records/plans/tinh-a-2021-12-kh-bdvtu/tasks"
    yield Case("filesystem", "fifo-unit", _fifo(f"{units}/ong.yaml"), "KH001", f"{units}/ong.yaml", subprocess=True)
    yield Case("filesystem", "fifo-task", _fifo(f"{tasks}/ong.yaml"), "KH001", f"{tasks}/ong.yaml", subprocess=True)
    yield Case("filesystem", "fifo-yml", _fifo(f"{units}/ong.yml"), "KH001", f"{units}/ong.yml", subprocess=True)
    yield Case(
        "filesystem",
        "link-to-fifo",
        _both(_fifo(f"{units}/ong"), _symlink(f"{units}/lien-ket.yaml", "ong")),
        "KH001",
        f"{units}/lien-ket.yaml",
        subprocess=True,
    )
    yield Case("filesystem", "socket", _socket(f"{units}/o-cam.yaml"), "KH001", f"{units}/o-cam.yaml", subprocess=True)
    yield Case(
        "filesystem",
        "fifo-fmt",
        _fifo(f"{units}/ong.yaml"),
        None,
        None,
        args=("fmt", "--check"),
        subprocess=True,
    )
    yield Case(
        "filesystem",
        "fifo-status",
        _fifo(f"{tasks}/ong.yaml"),
        None,
        None,
        exits=frozenset({0}),
        args=("status", "tinh-a-2021-12-kh-bdvtu-nv01", "done", "--date", "2021-06-01"),
        subprocess=True,
    )
    yield Case(
        "filesystem", "fifo-pyproject", _fifo("pyproject.toml"), None, None, exits=frozenset({1}), subprocess=True
    )
    yield Case(
        "filesystem",
        "symlink-loop",
        _both(_symlink(f"{units}/a.yaml", "b.yaml"), _symlink(f"{units}/b.yaml", "a.yaml")),
        "KH001",
        f"{units}/a.yaml",
    )
    loop = _both(_symlink(f"{units}/a.yaml", "b.yaml"), _symlink(f"{units}/b.yaml", "a.yaml"))
    yield Case("filesystem", "symlink-loop-fmt", loop, None, None, args=("fmt", "--check"))
    yield Case(
        "filesystem", "symlink-loop-check-folder", loop, "KH001", f"{units}/a.yaml", args=("check", f"{{root}}/{units}")
    )
    yield Case("filesystem", "self-link", _symlink(f"{units}/a.yaml", "a.yaml"), "KH001", f"{units}/a.yaml")
    yield Case("filesystem", "dangling-link", _symlink(f"{units}/a.yaml", "khong-co.yaml"), "KH001", f"{units}/a.yaml")
    yield Case("filesystem", "link-outside", _symlink(f"{units}/a.yaml", "/etc/hostname"), "KH001", f"{units}/a.yaml")
    yield Case("filesystem", "link-to-dev-null", _symlink(f"{units}/a.yaml", "/dev/null"), "KH001", f"{units}/a.yaml")
    yield Case("filesystem", "link-to-folder", _symlink(f"{units}/a.yaml", "."), "KH001", f"{units}/a.yaml")
    yield Case("filesystem", "folder-named-yaml", _mkdir(f"{units}/x.yaml"), "KH001", f"{units}/x.yaml")
    yield Case("filesystem", "folder-named-yaml-task", _mkdir(f"{tasks}/x.yaml/y"), "KH001", f"{tasks}/x.yaml")
    yield Case(
        "filesystem",
        "non-utf8-name",
        _bytes_name(units, b"ba\xffd.yaml", b"id: x\n"),
        "KH001",
        f"{units}/ba\\xffd.yaml",
    )
    yield Case(
        "filesystem",
        "newline-in-name",
        _write(f"{units}/a\nb.yaml:1:1: KH000 giả.yaml", b"id: a\n"),
        "KH102",
        f"{units}/a\nb.yaml:1:1: KH000 giả.yaml",
    )
    yield Case(
        "filesystem",
        "escape-in-name",
        _write(f"{units}/a\x1b[2Jb.yaml", b"id: a\n"),
        "KH102",
        f"{units}/a\x1b[2Jb.yaml",
    )
    yield Case("filesystem", "empty-file", _write(f"{units}/rong.yaml", b""), "KH015", f"{units}/rong.yaml")
    yield Case(
        "filesystem", "sparse-50-mb", _sparse(f"{units}/lon.yaml", 50 * 1024 * 1024), "KH001", f"{units}/lon.yaml"
    )
    yield Case(
        "filesystem",
        "unlistable-units",
        _nothing,
        "KH007",
        "records/units",
        fault="unlistable:records/units",
        absent=("không tìm thấy đơn vị",),
    )
    yield Case(
        "filesystem",
        "unlistable-tasks",
        _nothing,
        "KH007",
        tasks,
        fault=f"unlistable:{tasks}",
        absent=("không tìm thấy",),
        sibling=False,  # it sits in the folder that cannot be listed
    )
    yield Case("filesystem", "unreadable-file", _nothing, "KH001", UNIT, fault=f"unreadable:{UNIT}")
    yield Case(
        "filesystem",
        "unreadable-pyproject",
        _write("pyproject.toml", b""),
        "KH006",
        "pyproject.toml",
        fault="unreadable:pyproject.toml",
    )


def _sparse(rel: str, size: int) -> Build:
    def build(root: Path) -> None:
        with open(root / rel, "wb") as stream:
            stream.write(b"id: x\n")
            stream.truncate(size)

    return build


# ---------------------------------------------------------------- environment and command line


def environment() -> Iterator[Case]:
    usage = frozenset({2})
    for name, value in (
        ("today-9999", "9999-12-31"),
        ("today-0001", "0001-01-01"),
        ("today-word", "mai"),
        ("today-impossible", "2021-02-30"),
        ("today-short-form", "2021-7-1"),
        ("today-slashes", "01/07/2021"),
        ("today-newline", "2021-07-01\nrecords/units/a.yaml:1:1: KH000 giả"),
        ("today-escape", "\x1b[2J"),
        ("today-huge", "9" * 5000),
        ("today-datetime", "2021-07-01T00:00:00"),
    ):
        yield Case("env", name, _nothing, None, None, exits=usage, env={"KEHOACH_TODAY": value}, subprocess=True)
        yield Case("env", f"cli-{name}", _nothing, None, None, exits=usage, args=("check", "--today", value))
    yield Case("env", "today-valid", _nothing, None, None, env={"KEHOACH_TODAY": "2021-07-01"}, subprocess=True)
    yield Case("env", "today-empty", _nothing, None, None, env={"KEHOACH_TODAY": ""}, subprocess=True)
    yield Case("env", "root-nowhere", _nothing, None, None, exits=usage, args=("--root", "{root}/khong-co", "check"))
    yield Case("env", "root-is-a-file", _nothing, None, None, exits=usage, args=("--root", f"{{root}}/{UNIT}", "check"))
    yield Case("env", "root-without-records", _nothing, None, None, exits=usage, args=("--root", "{root}/..", "check"))
    yield Case("env", "root-empty-string", _nothing, None, None, exits=usage, args=("--root", "", "check"), cwd="..")
    yield Case("env", "outside-a-repository", _nothing, None, None, exits=usage, no_root=True, cwd="..")
    yield Case("env", "find-outside", _nothing, None, None, exits=usage, no_root=True, cwd="..", args=("find", "x"))
    yield Case("env", "fmt-outside", _nothing, None, None, exits=usage, no_root=True, cwd="..", args=("fmt", "--check"))
    yield Case("env", "path-outside", _nothing, None, None, exits=usage, args=("check", "/etc/hostname"))
    yield Case("env", "path-dotdot", _nothing, None, None, exits=usage, args=("check", "{root}/records/../.."))
    yield Case("env", "path-missing", _nothing, None, None, exits=usage, args=("check", "{root}/records/khong-co.yaml"))
    yield Case("env", "path-inside", _nothing, None, None, exits=frozenset({0}), args=("check", f"{{root}}/{TASK}"))
    not_utf8 = os.fsdecode(b"records/\xff.yaml")  # an argument's bytes that are not UTF-8
    yield Case("env", "path-not-utf8", _nothing, None, None, exits=usage, args=("check", not_utf8), subprocess=True)
    yield Case(
        "env", "root-not-utf8", _nothing, None, None, exits=usage, args=("--root", not_utf8, "check"), subprocess=True
    )
    yield Case("env", "find-not-utf8", _nothing, None, None, exits=frozenset({0, 1}), args=("find", not_utf8))
    yield Case("env", "unknown-format", _nothing, None, None, exits=usage, args=("check", "--format", "xml"))
    yield Case("env", "unknown-command", _nothing, None, None, exits=usage, args=("kiem-tra",))


def warm() -> Iterator[Case]:
    """Cases of the other classes met by a second check, after a first one on the intact repository."""
    from dataclasses import replace

    for make in (encodings, structures, filesystem):
        for case in make():
            if not (case.subprocess or case.args or case.name.startswith("sparse")):
                yield replace(case, klass="warm", name=f"{case.klass}-{case.name}", warm=True)


CLASSES: dict[str, Callable[[], Iterator[Case]]] = {
    "encoding": encodings,
    "control": controls,
    "invisible": invisible,
    "number": numbers,
    "yaml": structures,
    "filesystem": filesystem,
    "env": environment,
    "report": reports,
    "warm": warm,
}


def generate() -> list[Case]:
    cases = [case for make in CLASSES.values() for case in make()]
    ids = Counter(case.id for case in cases)
    assert not [i for i, n in ids.items() if n > 1], "case names must be unique"
    return cases


if __name__ == "__main__":  # pragma: no cover - a listing for people
    for klass, count in Counter(case.klass for case in generate()).items():
        print(f"{klass}: {count}")
