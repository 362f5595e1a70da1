"""The canonical text of a record: the schema modeline first, keys in the order
the model declares them (nested sections and progress entries too), NFC text,
2-space indentation with list dashes indented under their key, ISO dates,
plain scalars where YAML reads them back unchanged, double quotes where it
would not (section numbers such as "1"), long text as folded ``>-`` blocks
wrapped at 100 columns, one trailing newline. Comments travel with the key or
list item they describe.

The writer is our own rather than a YAML library's emitter because the point
is a fixed form: a library keeps whatever styles it read, and moving comments
between keys in its structures is fragile. Every result is read back with the
project's strict reader and compared with the input before anyone writes it."""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import types
import typing
from collections.abc import Mapping
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from ..kinds import Kind
from ..load import yamlsafe
from ..load.files import expected_place
from ..model import MODELS
from ..text import nfc
from .comments import Comments, Path

WIDTH = 100
INDENT = 2


class CanonicalError(Exception):
    """The canonical form could not be produced without changing the data or a comment."""


def modeline(rel: PurePosixPath, kind: Kind) -> str:
    """The editor's schema comment for a file at ``rel`` (relative to the repository root)."""
    return f"# yaml-language-server: $schema={'../' * (len(rel.parts) - 1)}schema/{kind}.schema.json"


def _nested_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the values under ``key`` (or of its list items), if they are records themselves."""
    if model is None or key not in model.model_fields:
        return None
    annotation = model.model_fields[key].annotation
    candidates = [annotation]
    while candidates:
        current = candidates.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        if typing.get_origin(current) in (list, typing.Union, types.UnionType):
            candidates.extend(typing.get_args(current))
    return None


def _ordered_keys(mapping: Mapping[str, Any], model: type[BaseModel] | None) -> list[str]:
    known = list(model.model_fields) if model else []
    ordered = [key for key in known if key in mapping]
    return ordered + [key for key in mapping if key not in known]


# ---- scalars ---------------------------------------------------------------------------------

_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


@lru_cache(maxsize=4096)
def _plain_ok(text: str) -> bool:
    """True when ``text`` written without quotes reads back as the same string, as a value and as a list item."""
    if not text or text != text.strip() or any(ch in text for ch in "\n\r\t") or _UNPRINTABLE.search(text):
        return False
    for snippet, expected in ((f"k: {text}\n", {"k": text}), (f"- {text}\n", [text])):
        parsed = yamlsafe.parse(snippet)
        if parsed.problems or parsed.data != expected:
            return False
    return True


def _quoted(text: str) -> str:
    body = json.dumps(text, ensure_ascii=False)  # JSON strings are valid YAML double-quoted scalars
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


_FOLD_POINT = re.compile(r"(?<=\S) (?=\S)")


def _folded(text: str, indent: int) -> list[str] | None:
    """The lines of ``text`` as a folded block at ``indent``, or None when folding cannot keep it exact."""
    if not text or text[0] in " \t\n" or text[-1] in " \t\n" or "\r" in text or _UNPRINTABLE.search(text):
        return None
    pad = " " * indent
    lines: list[str] = []
    for index, chunk in enumerate(re.split(r"(\n+)", text)):
        if index % 2:  # a run of line breaks: one empty line per break
            lines.extend([""] * len(chunk))
            continue
        if chunk[0] in " \t" or chunk[-1] in " \t":  # more-indented or trailing blanks do not fold back
            return None
        current = ""
        for word in _FOLD_POINT.split(chunk):
            if current and len(pad) + len(current) + 1 + len(word) > WIDTH:
                lines.append(pad + current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(pad + current)
    return lines


def _scalar_text(value: Any) -> str | None:
    """The plain text of a non-string scalar, or None for strings."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return None


def _scalar(value: Any, used: int, indent: int) -> tuple[str, list[str]]:
    """(text after the key or dash, continuation lines) for one scalar value.

    ``used`` is how many columns the line already holds; ``indent`` is where a block's lines start."""
    if (simple := _scalar_text(value)) is not None:
        return simple, []
    text = nfc(str(value))
    if _plain_ok(text) and used + len(text) <= WIDTH:
        return text, []
    if len(text) + used > WIDTH or "\n" in text:
        block = _folded(text, indent)
        if block is not None:
            return ">-", block
    return _quoted(text), []


def _key(key: str) -> str:
    return key if _plain_ok(key) else _quoted(key)


# ---- documents -------------------------------------------------------------------------------


def plain_data(value: Any) -> Any:
    """Python values as the strict reader would return them: dates as ISO text, enums as values, NFC text."""
    if isinstance(value, Mapping):
        return {nfc(str(k)): plain_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(v) for v in value]
    if isinstance(value, enum.Enum):
        return plain_data(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return nfc(value)
    return value


class _Writer:
    def __init__(self, comments: Comments) -> None:
        self.comments = comments
        self.lines: list[str] = []

    def comment_lines(self, path: Path, indent: int) -> None:
        for comment in self.comments.before.get(path, ()):
            self.lines.append(" " * indent + comment)

    def eol(self, path: Path, line: str) -> str:
        comment = self.comments.eol.get(path)
        return f"{line}  {comment}" if comment else line

    def value(self, head: str, value: Any, path: Path, indent: int, model: type[BaseModel] | None) -> None:
        """Write ``head`` (``key:`` or ``-``) and its value; ``indent`` is the column of ``head``."""
        if isinstance(value, Mapping) and value:
            if head.endswith(":"):
                self.lines.append(self.eol(path, " " * indent + head))
                self.mapping(value, path, indent + INDENT, model)
            else:  # a list item: the first key shares the dash's line
                start = len(self.lines)
                self.mapping(value, path, indent + INDENT, model, in_item=True)
                first = self.lines[start]
                self.lines[start] = " " * indent + "- " + first[indent + INDENT :]
            return
        if isinstance(value, list) and value:
            self.lines.append(self.eol(path, " " * indent + head))
            for index, item in enumerate(value):
                child = (*path, index)
                self.comment_lines(child, indent + INDENT)
                self.value("-", item, child, indent + INDENT, model)
            return
        prefix = " " * indent + head + " "
        if isinstance(value, Mapping | list):
            text, block = ("{}" if isinstance(value, Mapping) else "[]"), list[str]()
        else:
            text, block = _scalar(value, len(prefix), indent + INDENT)
        self.lines.append(self.eol(path, prefix + text))
        self.lines.extend(block)

    def mapping(
        self, mapping: Mapping[str, Any], path: Path, indent: int, model: type[BaseModel] | None, in_item: bool = False
    ) -> None:
        for position, key in enumerate(_ordered_keys(mapping, model)):
            child = (*path, key)
            if in_item and position == 0:  # nothing may stand between a dash and its first key
                for comment in self.comments.before.get(child, ()):
                    self.lines.insert(len(self.lines), " " * (indent - INDENT) + comment)
            else:
                self.comment_lines(child, indent)
            self.value(_key(key) + ":", mapping[key], child, indent, _nested_model(model, key))


def render(kind: Kind, data: Mapping[str, Any], rel: PurePosixPath, comments: Comments | None = None) -> str:
    """The canonical text of record ``data`` of ``kind`` stored at ``rel``, with ``comments`` placed.

    Raises CanonicalError if the text would not read back as ``data``."""
    comments = comments or Comments()
    plain = plain_data(data)
    writer = _Writer(comments)
    writer.lines.append(modeline(rel, kind))
    writer.lines.extend(comments.header)
    writer.mapping(plain, (), 0, MODELS.get(kind))
    writer.lines.extend(comments.footer)
    text = "\n".join(writer.lines) + "\n"
    parsed = yamlsafe.parse(text)
    if parsed.problems or parsed.data != plain:
        raise CanonicalError("dạng chuẩn đọc lại không khớp dữ liệu gốc")
    return text


def _note_path(key: Path | str) -> Path:
    if isinstance(key, tuple):
        return key
    return tuple(int(part) if part.isdigit() else part for part in key.split("."))


def render_new(kind: Kind, data: Mapping[str, Any], notes: Mapping[Path | str, str] | None = None) -> str:
    """Canonical text of a brand-new record, e.g. a draft written by ``kehoach import``.

    ``notes`` maps a key path (a tuple such as ``("sections", 0, "heading")`` or the
    dotted string ``"sections.0.heading"``; ``()`` or ``""`` for the file itself) to a
    comment written on the lines before that key; several lines are allowed, and each
    gets a ``# `` prefix unless it has one. The file's place (for the schema modeline)
    follows from ``data["id"]`` (and ``data["plan"]`` for a task)."""
    comments = Comments()
    for key, note in (notes or {}).items():
        lines = [line if line.lstrip().startswith("#") else f"# {line}".rstrip() for line in nfc(note).splitlines()]
        path = _note_path(key) if key not in ((), "") else ()
        if path:
            comments.before.setdefault(path, []).extend(lines)
        else:
            comments.header.extend(lines)
    rel = expected_place(kind, str(data.get("id", "")), data.get("plan"))
    return render(kind, data, rel, comments)


def render_lines(head: str, value: Any, indent: int, model: type[BaseModel] | None = None) -> list[str]:
    """Canonical lines for one key (``head`` is ``"key:"``) or list item (``head`` is ``"-"``) at column
    ``indent``: what the minimal editors (``kehoach status``) splice into an existing file."""
    writer = _Writer(Comments())
    writer.value(head, plain_data(value), (), indent, model)
    return writer.lines
