"""Tasks numbered inside one paragraph: 'a) Bộ Tài chính: (1) ...; (2) ...', '... tập trung: (i) ...; (ii) ...',
'Giao X: 1) ... 2) ...'. Notices of conclusions and PDF copies write a point's tasks this way, run together.

Such a paragraph is written back as its lead-in ('a) Bộ Tài chính:') and one bullet point per inline number
under it, each the piece as written with its number dropped, so the walk reads them as it reads a lead-in
over its bullets: each piece is its own task and inherits the lead-in's unit, roles and time unless it names
its own. Numbers run in sequence from 1, i or a, each after the lead-in's colon or the previous piece's ';'
or '.': numbers inside citations ('khoản 1, 2 Điều 3', 'Nghị quyết số 1)') and footnote marks ('... năm
2025 (1).') are not task numbers. A piece whose own lead-in names a unit ('(3) các bộ, ngành tập trung: (i)
...; (ii) ...') is split again one bullet deeper; one whose lead-in is itself the work ('(5) Phát triển X
với 05 chức năng: (i) ...; (ii) ...', 'Sở X phát triển Y với 03 chức năng chính: (i) ...') keeps its list
as written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..source import BULLET
from ..units import Match
from .state import Walk
from .subjects import ASSIGN

# The parts whose points may give work (the work of a part on money is written as its points too).
WORK_ROLES = ("tasks", "organisation", "funds")

# An inline number: '(1)', '(ii)', '(a)', or '1)', 'ii)', 'a)', at the start or after ':', ';' or '.'.
_MARK = re.compile(r"(?:^|(?<=[:;.])\s+)(?P<open>\()?(?P<num>\d{1,2}|[ivx]{1,4}|[a-zđ])\)\s+(?=\S)")

_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
_LETTERS = list("abcdđeghiklmnopqrstuvxy")
# Bullet marks, outermost first: pieces take the mark after the paragraph's own.
BULLETS = ("-", "+", "*", "•")
# The most words of a nested lead-in that names who does its pieces and nothing more.
_WHO_WORDS = 10
# A paragraph's own number or bullet ('a) ', '3. ', '- ').
_OWN_MARK = re.compile(r"^(?:[-+*•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s*")


@dataclass(frozen=True)
class _Mark:
    start: int  # where the mark (with the space before it) starts
    end: int  # where the piece's text starts
    num: str
    style: bool  # written with an opening parenthesis


def _family(num: str) -> str:
    if num.isdigit():
        return "digit"
    return "roman" if num in _ROMAN else "letter"


def _in_family(num: str, family: str) -> bool:
    """'i' after 'h' is a letter; after a run from 'i' it is a roman number."""
    return _family(num) == family or (family == "letter" and num in _LETTERS)


def _successor(num: str, family: str) -> str | None:
    if family == "digit":
        return str(int(num) + 1)
    order = _ROMAN if family == "roman" else _LETTERS
    return order[order.index(num) + 1] if num in order and order.index(num) + 1 < len(order) else None


def _first(num: str) -> str | None:
    """The family a list starting with this number runs in: '1', 'i', 'a'."""
    return {"1": "digit", "i": "roman", "a": "letter"}.get(num)


def _run(marks: list[_Mark]) -> list[_Mark]:
    """The first run of marks numbered in sequence from 1, i or a, in one style; marks of another family
    between them belong to the pieces (a list nested in a piece)."""
    for k, mark in enumerate(marks):
        family = _first(mark.num)
        if family is None:
            continue
        run = [mark]
        for other in marks[k + 1 :]:
            if other.style != mark.style or not _in_family(other.num, family):
                continue
            if other.num != _successor(run[-1].num, family):
                break
            run.append(other)
        if len(run) >= 2:
            return run
    return []


def _reads_as_work(piece: str) -> bool:
    """A piece of work: words that open with a letter, more than one of them."""
    words = piece.split()
    return len(words) >= 2 and words[0][:1].isalpha()


def split(text: str, need_lead_in: bool = True) -> tuple[str, list[str]] | None:
    """The lead-in and the pieces of a paragraph whose tasks are numbered inside it, or None. The lead-in
    ends with ':' (or is empty, when not ``need_lead_in``: a paragraph that opens with '(1)'); every piece
    reads as work."""
    marks = [_Mark(m.start(), m.end(), m["num"], m["open"] is not None) for m in _MARK.finditer(text)]
    run = _run(marks)
    if not run:
        return None
    lead_in = text[: run[0].start].strip()
    if (lead_in and not lead_in.endswith(":")) or (need_lead_in and not lead_in):
        return None
    pieces = []
    for k, mark in enumerate(run):
        end = run[k + 1].start if k + 1 < len(run) else len(text)
        pieces.append(text[mark.end : end].strip().removesuffix(";").rstrip())
    if not all(_reads_as_work(piece) for piece in pieces):
        return None
    return lead_in, pieces


def _names_who(lead_in: str, names_unit: Callable[[str], bool]) -> bool:
    """A lead-in that says only who does its pieces ('Bộ Tài chính:', 'Giao Sở Y tế:', 'các sở, ngành tập
    trung:'), not a work of its own ('Sở X phát triển Cổng dịch vụ công với 03 chức năng chính:')."""
    bare = ASSIGN.sub("", _OWN_MARK.sub("", lead_in, count=1), count=1)
    return bool(bare) and len(bare.split()) <= _WHO_WORDS and names_unit(bare)


def points(
    text: str,
    mark: str | None,
    names_unit: Callable[[str], bool],
    opens_with_unit: Callable[[str], bool],
    need_lead_in: bool = True,
) -> list[str] | None:
    """The paragraph written back as its lead-in and bullet points, one per inline number, or None when it
    does not number tasks inline. ``mark`` is the paragraph's own bullet, if any. The pieces are tasks of
    their own when the lead-in says only who does them (``names_unit``: units, then a verb at most) or
    every piece opens with who does it (``opens_with_unit``); under a lead-in that is itself the work
    ('Khẩn trương hoàn thiện các báo cáo: (i) Báo cáo ...; (ii) Báo cáo ...') they are its parts. A piece's
    own list is split again only under a lead-in that says who."""
    found = split(text, need_lead_in=need_lead_in)
    if found is None:
        return None
    lead_in, pieces = found
    if not (_names_who(lead_in, names_unit) or all(opens_with_unit(piece) for piece in pieces)):
        return None
    depth = BULLETS.index(mark) + 1 if mark in BULLETS else (1 if mark else 0)
    if depth >= len(BULLETS):
        return None
    out = [lead_in] if lead_in else []
    for piece in pieces:
        nested = split(piece)
        if nested is not None and _names_who(nested[0], names_unit) and depth + 1 < len(BULLETS):
            out.append(f"{BULLETS[depth]} {nested[0]}")
            out.extend(f"{BULLETS[depth + 1]} {inner}" for inner in nested[1])
        else:
            out.append(f"{BULLETS[depth]} {piece}")
    return out


class Inline:
    """Writes back, during the walk, the paragraphs that number their tasks inline."""

    def __init__(self, w: Walk) -> None:
        self.w = w
        self.written: set[int] = set()  # the points written back: not split again (a nested list stays)

    def names_who(self, lead_in: str) -> bool:
        """'các bộ, ngành, địa phương tập trung:', 'Bộ Công an:': units, then a verb at most."""
        matches, rest = self.w.subjects.split_subject(lead_in.rstrip(" :"))
        named = self.unit_first(lead_in, matches) or self.w.subjects.own_subject(lead_in)
        return named and len(rest.split()) <= 3

    def opens_with_unit(self, piece: str) -> bool:
        """'Thanh tra Chính phủ ban hành ...', 'các bộ, ngành, địa phương tổ chức ...': a piece naming who."""
        matches, _ = self.w.subjects.split_subject(piece)
        return self.unit_first(piece, matches) or self.w.subjects.own_subject(piece)

    @staticmethod
    def unit_first(text: str, matches: list[Match]) -> bool:
        """The text opens with a short name the registry knows, or a group ('các bộ, ngành')."""
        first = matches[0] if matches else None
        if first is None or not text.startswith(first.written) or len(first.written.split()) > _WHO_WORDS:
            return False
        return first.known or first.generic

    def split(self, i: int, kind: str) -> bool:
        """Write the paragraph at ``i`` back as its lead-in and its inline-numbered tasks as bullet points
        under it, when it is a point of a part that gives work and numbers its tasks inline."""
        w = self.w
        para = w.paras[i]
        if kind not in ("number", "letter", "bullet", "plain") or id(para) in self.written:
            return False
        if not w.stack or w.top_role() not in WORK_ROLES:
            return False
        bullet = BULLET.match(para.text) if kind == "bullet" else None
        lines = points(
            para.text,
            bullet["mark"] if bullet else None,
            self.names_who,
            self.opens_with_unit,
            need_lead_in=kind != "plain",
        )
        if lines is None:
            return False
        para.text = lines[0]
        pieces = [dataclasses.replace(para, text=text, markers=()) for text in lines[1:]]
        w.paras[i + 1 : i + 1] = pieces
        self.written.update(id(p) for p in [para, *pieces])
        w.at.clear()
        w.at.update({id(p): n for n, p in enumerate(w.paras)})
        return True
