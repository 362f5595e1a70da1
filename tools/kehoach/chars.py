"""Characters that must not reach a reader as they are: control characters
(which can forge an output line or drive a terminal), characters YAML forbids
in a file, and invisible or direction-changing characters (which make a value
look different from what it is). Shared by the loader, the model's messages and
every output."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls and DEL, plus the line and paragraph separators some
# terminals and editors treat as line breaks.
# Surrogates too: the bytes of a file name or an argument that is not UTF-8.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# Characters that change the direction of the text around them (the "Trojan
# source" characters): an override can make a value read in another order.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Format characters (Unicode category Cf: zero-width spaces and joiners, soft
# hyphen, direction marks and overrides, invisible operators, tags), written out
# so that scanning a file is one regular expression (tests compare it with the
# Unicode database).
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


# What YAML 1.1 allows in a file (libyaml refuses the rest): tab, line feed,
# carriage return, printable ASCII, NEL, and the rest of Unicode but surrogates
# and U+FFFE/U+FFFF. Written as the characters refused (the complement of those
# ranges): a negated class spanning all of Unicode takes 40 ms to compile, at
# the start of every command.
_NOT_YAML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control, invisible and direction-changing character
    written as an escape (\\n, \\x1b, \\u202e), except those in ``keep``: safe to
    print on one line of a terminal, and showing what is really there."""
    if not _HIDDEN.search(text):
        return text
    return _HIDDEN.sub(lambda m: m[0] if m[0] in keep else _escape(m[0]), text)


def visible_json(text: str, keep: str = "\n") -> str:
    """Like ``visible``, with every escape in the form JSON reads too (\\u001b):
    for a stream that may carry JSON (whose strings hold such characters raw
    only outside the ASCII range, so escaping cannot break the document)."""
    if not _HIDDEN.search(text):
        return text
    return _HIDDEN.sub(lambda m: m[0] if m[0] in keep else _json_escape(m[0]), text)


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:  # as a UTF-16 surrogate pair, the only way JSON writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


_HIDDEN = re.compile(f"{_CONTROL.pattern}|{_INVISIBLE.pattern}")

_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def hidden_character(value: str, besides: str = "") -> str | None:
    """The first control, invisible or direction-changing character of a value
    (line breaks and tabs allowed) that ``besides`` does not hold, or None."""
    for found in _HIDDEN.finditer(value):
        if found[0] not in "\n\t" and found[0] not in besides:
            return found[0]
    return None


def describe(ch: str) -> str:
    """A character by code point and Unicode name: 'U+200B ZERO WIDTH SPACE'."""
    code = ord(ch)
    name = unicodedata.name(ch, "")
    if not name and (code < 0x20 or 0x7F <= code <= 0x9F):
        name = _CONTROL_NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}".rstrip()


def is_invisible(ch: str) -> bool:
    """A character that shows nothing, or changes the direction of the text."""
    return _INVISIBLE.fullmatch(ch) is not None


def not_allowed_in_yaml(text: str) -> list[tuple[int, int, str]]:
    """(line, column, character) of every character YAML does not allow in a
    file, 1-based."""
    return _positions(_NOT_YAML, text)


def invisible_in(text: str) -> list[tuple[int, int, str]]:
    """(line, column, character) of every invisible or direction-changing character."""
    return _positions(_INVISIBLE, text)


def _positions(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in pattern.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        col = match.start() - (before.rfind("\n") + 1) + 1
        found.append((line, col, match[0]))
    return found
