"""Accent-insensitive search over the records for the terminal. Text is
folded the way the site's search folds it (``text.fold_words``: no
diacritics, lower case, punctuation as spaces), but character by character,
so that a match found in the folded text can be shown in the original."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..index import Entry, Index
from ..kinds import Kind
from ..model import MODELS, Directive, Plan, Task
from ..model.plan import Section
from ..text import Folded, fold_words, fold_words_mapped

KINDS = {kind.folder: kind for kind in Kind}  # as --kind names them
# Among equally good hits: a plan's before its tasks', then documents, then units.
KIND_RANK = {kind: rank for rank, kind in enumerate((Kind.PLAN, Kind.TASK, Kind.DIRECTIVE, Kind.UNIT))}
CONTEXT = 50  # characters of context shown either side of a match
MARK = ("«", "»")


def terms_of(query: str) -> list[str]:
    return fold_words_mapped(query).text.split()


def _starts(haystack: str, needle: str) -> Iterator[int]:
    """Where ``needle`` starts a word of ``haystack`` (both folded)."""
    at = haystack.find(needle)
    while at >= 0:
        if at == 0 or haystack[at - 1] == " ":
            yield at
        at = haystack.find(needle, at + 1)


@dataclass(frozen=True)
class Match:
    """Which typed words a text holds, where (in the original text), and whether they stand together."""

    words: frozenset[str]
    spans: list[tuple[int, int]]
    phrase: bool


def match(folded: Folded, terms: list[str]) -> Match | None:
    """The words of ``terms`` that start a word of the text; None when none does.

    When the whole phrase appears as typed, it is marked as one span."""
    phrase = " ".join(terms)
    found = next(_starts(folded.text, phrase), None)
    if found is not None:
        pieces, words = [(found, found + len(phrase))], frozenset(terms)
    else:
        starts = {term: next(_starts(folded.text, term), None) for term in terms}
        pieces = [(at, at + len(term)) for term, at in starts.items() if at is not None]
        words = frozenset(term for term, at in starts.items() if at is not None)
    if not pieces:
        return None
    spans = sorted({(folded.origin[a], folded.origin[b - 1] + 1) for a, b in pieces})
    return Match(words, spans, found is not None)


@dataclass(frozen=True)
class Hit:
    entry: Entry
    field: str  # Vietnamese name of the field
    path: tuple[str | int, ...]
    text: str
    spans: list[tuple[int, int]]
    rank: int  # 0 names and numbers, 1 titles, 2 running text, 3 the id
    phrase: bool  # the words found together, as typed
    complete: bool  # every word found in this one field (not spread over several)

    @property
    def line(self) -> int:
        return self.entry.position(self.path)[0]

    def snippet(self) -> str:
        """The text around the first match, on one line, with every match in view marked."""
        start = max(0, self.spans[0][0] - CONTEXT)
        end = min(len(self.text), self.spans[-1][1] + CONTEXT)
        out = "…" if start else ""
        cursor = start
        for a, b in self.spans:
            if a < cursor or b > end:
                continue
            out += self.text[cursor:a] + MARK[0] + self.text[a:b] + MARK[1]
            cursor = b
        out += self.text[cursor:end] + ("…" if end < len(self.text) else "")
        return " ".join(out.split())


def _title(kind: Kind, name: str) -> str:
    info = MODELS[kind].model_fields.get(name)
    return (info.title if info and info.title else name).lower()


def _sections(sections: list[Section], path: tuple[str | int, ...]) -> Iterator[tuple[str, tuple, str, int]]:
    for i, section in enumerate(sections):
        here = (*path, i)
        yield "tên mục", (*here, "heading"), f"{section.number}. {section.heading}", 1
        if section.text:
            yield f"mục {section.number}", (*here, "text"), section.text, 2
        yield from _sections(section.sections, (*here, "sections"))


def fields(entry: Entry) -> Iterator[tuple[str, tuple[str | int, ...], str, int]]:
    """(field name, path, text, rank) of every searchable text of a record."""
    record, kind = entry.record, entry.kind
    yield "mã", ("id",), record.id, 3  # a slug repeats the name: found through it only when nothing else matches
    if isinstance(record, Directive):
        yield "loại văn bản", ("type",), record.type.label.split(" (")[0], 1
    if isinstance(record, Plan):
        yield "tên loại", ("heading",), record.heading, 1
    for name, rank in (("number", 0), ("name", 0), ("codes", 0), ("short_names", 1), ("aliases", 1), ("title", 1)):
        value = getattr(record, name, None)
        if isinstance(value, str) and not (kind == "task" and name == "number"):
            yield _title(kind, name), (name,), value, rank
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield _title(kind, name), (name, i), item, rank
    for name in ("text", "method", "timeframe", "period", "preamble", "closing"):
        value = getattr(record, name, None)
        if value:
            yield _title(kind, name), (name,), value, 2
    for name in ("aims", "requirements"):
        for i, item in enumerate(getattr(record, name, [])):
            yield _title(kind, name), (name, i), item, 2
    if isinstance(record, Plan):
        yield from _sections(record.sections, ("sections",))
    if isinstance(record, Task):
        for i, step in enumerate(record.progress):
            yield "tiến độ", ("progress", i, "note"), step.note, 2
    if record.note:
        yield _title(kind, "note"), ("note",), record.note, 2


def search(index: Index, query: str, kinds: set[Kind] | None = None) -> list[Hit]:
    """Records holding every word of ``query`` (each at the start of a word, in any of
    their fields), best first. One hit per record: the field that holds the most of it."""
    terms = terms_of(query)
    wanted = frozenset(terms)
    hits = []
    for entry in index.entries.values():
        if kinds and entry.kind not in kinds:
            continue
        best: Hit | None = None
        seen: set[str] = set()
        for name, path, text, rank in fields(entry):
            quick = f" {fold_words(text)}"  # cheap test first: most fields hold none of the words
            if not any(f" {term}" in quick for term in terms):
                continue
            found = match(fold_words_mapped(text), terms)
            if found is None:
                continue
            seen |= found.words
            hit = Hit(entry, name, path, text, found.spans, rank, found.phrase, found.words == wanted)
            if best is None or _order(hit) < _order(best):
                best = hit
        if best and seen == wanted:
            hits.append(best)
    hits.sort(key=lambda h: (*_order(h), KIND_RANK.get(h.entry.kind, len(KIND_RANK)), str(h.entry.file.rel), h.line))
    return hits


def _order(hit: Hit) -> tuple[bool, bool, int, int]:
    return (not hit.phrase, not hit.complete, hit.rank, -len(hit.spans))


def as_text(hits: list[Hit], limit: int) -> str:
    shown = hits[:limit] if limit else hits
    lines = []
    for hit in shown:
        where = f"{hit.entry.file.rel}:{hit.line}"
        lines.append(f"{where}: {hit.entry.kind.label} {hit.entry.id}")
        lines.append(f"    {hit.field}: {hit.snippet()}")
    count = f"Tìm thấy {len(hits)} bản ghi."
    if len(shown) < len(hits):
        count += f" Đã hiện {len(shown)}; dùng --limit 0 để hiện hết."
    lines.append(count if hits else "Không tìm thấy bản ghi nào.")
    return "\n".join(lines) + "\n"


def as_json(hits: list[Hit], limit: int) -> str:
    shown = hits[:limit] if limit else hits
    payload = {
        "count": len(hits),
        "results": [
            {
                "kind": hit.entry.kind,
                "id": hit.entry.id,
                "path": str(hit.entry.file.rel),
                "line": hit.line,
                "field": hit.field,
                "text": hit.text,
                "matches": [list(span) for span in hit.spans],
            }
            for hit in shown
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
