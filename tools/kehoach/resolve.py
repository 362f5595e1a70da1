"""From the index to what a person types: one resolver from a typed name to
record ids, for every command that takes a name (``new``, ``status``,
``report``, ``export``, ``find``) and for the did-you-mean of unknown ids.

Tiers, tried in order; the first that finds anything decides:
an exact id; an exact spelling (name, short name, alias, number, code,
accents and case ignored); every typed word, in any order, as a whole word of
a spelling or of the record's province ("mat tran to quoc binh thuan");
every typed word as the start of a word ("ban dan"); and last, close
spellings, which are only ever offered ("có phải ...?"), never chosen.

Candidates are ranked with the context's province first (the plan being
edited), then central and generic records, then other provinces. A name is
settled only when one candidate stands alone at the top and, when a province
is known, is not another province's record; otherwise every candidate is
returned for the caller to list, never silently the first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .index import Index
from .kinds import Kind
from .model import Task
from .text import fold

EXACT_ID = "id"
EXACT = "exact"
WORDS = "words"
PARTIAL = "partial"
CLOSE = "close"

HERE, CENTRAL, ELSEWHERE = 0, 1, 2
_WORD = re.compile(r"[a-z0-9]+")
CUTOFF = 0.8  # how close a spelling must be to be offered as "có phải ...?"


def words_of(text: str) -> list[str]:
    """Folded words of ``text``: 'Mặt trận Tổ quốc (tỉnh)' -> ['mat', 'tran', 'to', 'quoc', 'tinh']."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Candidate:
    """A record a typed name may stand for."""

    id: str
    kind: str
    label: str  # how people know it: the unit's name, the document's number and title
    province: str | None
    scope: int  # HERE, CENTRAL or ELSEWHERE relative to the context province
    extra: int = 0  # words of the best spelling the person did not type (closer is smaller)
    closeness: int = 0  # 0: exactly the typed words; 1: a spelling starts with them as typed; 2: otherwise

    def describe(self) -> str:
        where = f", {self.province}" if self.province and self.label.find(self.province) < 0 else ""
        return f"{self.id} ({self.label}{where})"


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one typed name."""

    text: str
    kinds: tuple[str, ...]
    tier: str | None  # which tier found the candidates; None when nothing matched
    candidates: tuple[Candidate, ...] = ()  # ranked, best first
    chosen: str | None = None  # the id, when the name is settled

    @property
    def what(self) -> str:
        return " hoặc ".join(Kind(k).label for k in self.kinds)

    def message(self, limit: int = 10) -> str:
        """Why the name is not settled, in Vietnamese, with the candidates listed."""
        shown = "\n".join(f"  - {c.describe()}" for c in self.candidates[:limit])
        more = f"\n  ... và {len(self.candidates) - limit} {self.what} khác" if len(self.candidates) > limit else ""
        if not self.candidates:
            return f"không tìm thấy {self.what} '{self.text}' trong kho"
        if self.tier == CLOSE:
            return f"không tìm thấy {self.what} '{self.text}'; có phải là:\n{shown}{more}"
        if len(self.candidates) == 1:
            return f"'{self.text}' chỉ khớp {self.what} của tỉnh khác:\n{shown}\nhãy ghi mã nếu đúng là đơn vị đó"
        return f"'{self.text}' khớp nhiều {self.what}; hãy chọn và ghi mã:\n{shown}{more}"


@dataclass
class _Spelled:
    id: str
    kind: str
    label: str
    province: str | None
    spellings: list[str] = field(default_factory=list)  # folded
    province_words: frozenset[str] = frozenset()


def suggestion_spellings(kind: str, record: Any) -> list[str | None]:
    """The names an unknown id is compared with for a did-you-mean: the names a checked repository's
    incremental index records for each record (so a suggestion changes only when one of them does)."""
    if kind == "unit":
        return [record.name, *record.short_names, *record.aliases]
    if kind in ("directive", "plan"):
        return [record.number, record.title]
    return []


def _spellings(kind: str, record: Any) -> tuple[str, list[str]]:
    """(label, the ways a record may be written) for one record."""
    names: list[str | None]
    if kind == "unit":
        label = record.name
        names = [record.name, *record.short_names, *record.aliases, *record.codes]
    elif kind == "task":
        label = record.title or record.text[:60]
        short = record.id[len(record.plan) + 1 :] if record.id.startswith(record.plan + "-") else None
        names = [short, record.title]
    else:
        label = (
            f"{record.number} {record.title or ''}".strip()
            if record.number
            else (getattr(record, "partial_number", None) or record.title or record.id)
        )
        names = [record.number, getattr(record, "partial_number", None), record.title]
    return label, [fold(n) for n in names if n]


class Resolver:
    """Resolves typed names to ids of the records of ``kinds`` in ``index``.

    ``province``: the province of the record being written (a task's plan's
    issuer), whose records rank first. ``within``: for tasks, only the tasks of
    this plan (short ids such as 'nv29' repeat in every plan)."""

    def __init__(
        self,
        index: Index,
        kinds: Iterable[str],
        province: str | None = None,
        within: str | None = None,
        *,
        suggesting: bool = False,
    ) -> None:
        self.index = index
        self.kinds = tuple(Kind(kind) for kind in kinds)  # typed names of kinds are welcome
        self.province = fold(province) if province else None
        self.within = within
        self.suggesting = suggesting  # only the names of suggestion_spellings, no province words
        self._records: list[_Spelled] | None = None
        self._exact: dict[str, list[_Spelled]] | None = None

    @classmethod
    def for_plan(cls, index: Index, kinds: Iterable[str], plan_id: str | None) -> Resolver:
        """A resolver ranking the records of ``plan_id``'s province first."""
        return cls(index, kinds, province=province_of_plan(index, plan_id))

    @property
    def records(self) -> list[_Spelled]:
        if self._records is None:
            out = []
            for kind in self.kinds:
                for entry in self.index.of_kind(kind):
                    record: Any = entry.record
                    if kind == "task" and self.within and record.plan != self.within:
                        continue
                    label, spellings = _spellings(kind, record)
                    province = record_province(self.index, kind, record)
                    if self.suggesting:
                        spellings = [fold(n) for n in suggestion_spellings(kind, record) if n]
                        province = None
                    out.append(
                        _Spelled(
                            entry.id,
                            kind,
                            label,
                            province,
                            [fold(entry.id), *spellings],
                            frozenset(words_of(province)) if province else frozenset(),
                        )
                    )
            self._records = out
        return self._records

    def _scope(self, province: str | None) -> int:
        if self.province is None:
            return HERE  # no context: no record is preferred
        if province is None:
            return CENTRAL
        if fold(province) == self.province:
            return HERE
        return ELSEWHERE

    def _candidate(self, spelled: _Spelled, extra: int = 0, typed: list[str] | None = None) -> Candidate:
        closeness = 0
        if extra:
            phrase = " ".join(typed or [])
            closeness = 1 if any(" ".join(words_of(s)).startswith(phrase) for s in spelled.spellings) else 2
        scope = self._scope(spelled.province)
        return Candidate(spelled.id, spelled.kind, spelled.label, spelled.province, scope, extra, closeness)

    def resolve(self, text: str) -> Resolution:
        """The ids ``text`` may stand for, ranked, and the one it stands for when that is settled."""
        text = text.strip()
        entry = self.index.entries.get(text)
        outside = isinstance(task := entry and entry.record, Task) and self.within and task.plan != self.within
        if entry is not None and entry.kind in self.kinds and not outside:
            spelled = next(s for s in self.records if s.id == text)
            return Resolution(text, self.kinds, EXACT_ID, (self._candidate(spelled),), text)
        wanted = fold(text)
        typed = words_of(text)
        if not typed:
            return Resolution(text, self.kinds, None)
        for tier, match in ((EXACT, _exact), (WORDS, _all_words), (PARTIAL, _word_starts)):
            found = self._collect(lambda s, m=match: m(s, wanted, typed), typed)
            if found:
                return self._settle(text, tier, found)
        return self._close(text, wanted)

    def resolve_exact(self, text: str) -> Resolution:
        """Only the first two tiers (an id, an exact spelling), by table lookup: no scan of every record."""
        if self._exact is None:
            self._exact = {}
            for spelled in self.records:
                for spelling in set(spelled.spellings):
                    self._exact.setdefault(spelling, []).append(spelled)
        entry = self.index.entries.get(text.strip())
        if entry is not None and entry.kind in self.kinds:
            return self.resolve(text)
        found = [self._candidate(s) for s in self._exact.get(fold(text), [])]
        return self._settle(text, EXACT, found) if found else Resolution(text, self.kinds, None)

    def _collect(self, match: Any, typed: list[str]) -> list[Candidate]:
        found = []
        for spelled in self.records:
            extra = match(spelled)
            if extra is not None:
                found.append(self._candidate(spelled, extra, typed))
        return found

    def _settle(self, text: str, tier: str, found: list[Candidate]) -> Resolution:
        found.sort(key=lambda c: (c.scope, c.closeness, c.extra, c.kind != self.kinds[0], c.id))
        best = found[0]
        # Alone at the top: the only one, the only one of the best scope, or the only one written with
        # exactly the typed words, or starting with them as typed (never merely "the shortest name").
        alone = len(found) == 1 or (found[1].scope, found[1].closeness) > (best.scope, best.closeness)
        settled = alone and not (best.scope == ELSEWHERE and self.province is not None)
        return Resolution(text, self.kinds, tier, tuple(found), best.id if settled else None)

    def _close(self, text: str, wanted: str) -> Resolution:
        """Records with a spelling close to ``wanted`` (whole, or its start when the spelling is longer)."""
        import difflib  # here: only a name with no exact match needs it

        scored: dict[str, tuple[float, Candidate]] = {}
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        for spelled in self.records:
            for spelling in spelled.spellings:
                score = 0.0
                for seq in {spelling, spelling[: len(wanted) + 1]}:
                    matcher.set_seq1(seq)
                    if matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF:
                        score = max(score, matcher.ratio())
                if score >= CUTOFF and score > scored.get(spelled.id, (0.0, None))[0]:
                    scored[spelled.id] = (score, self._candidate(spelled))
        ranked = sorted(scored.values(), key=lambda pair: (pair[1].scope, -pair[0], pair[1].id))
        found = tuple(candidate for _, candidate in ranked[:5])
        return Resolution(text, self.kinds, CLOSE if found else None, found)

    def completions(self) -> list[str]:
        """What Tab offers: the ids and the names people write, each once."""
        names: dict[str, None] = {}
        for spelled in sorted(self.records, key=lambda s: self._scope(s.province)):
            names.setdefault(spelled.id)
            if spelled.kind == "unit":
                names.setdefault(spelled.label)
        return list(names)


def _exact(spelled: _Spelled, wanted: str, typed: list[str]) -> int | None:
    return 0 if wanted in spelled.spellings else None


def _extra(spelled: _Spelled, typed: list[str], covers: Any) -> int | None:
    """Fewest words a spelling has beyond those typed, when some spelling (with the record's province
    words) covers every typed word; None when none does."""
    best: int | None = None
    for spelling in spelled.spellings:
        words = words_of(spelling)
        pool = set(words) | spelled.province_words
        if all(covers(word, pool) for word in typed):
            extra = sum(1 for w in set(words) if not any(covers(t, {w}) for t in typed))
            best = extra if best is None else min(best, extra)
    return best


def _all_words(spelled: _Spelled, wanted: str, typed: list[str]) -> int | None:
    return _extra(spelled, typed, lambda word, pool: word in pool)


def _word_starts(spelled: _Spelled, wanted: str, typed: list[str]) -> int | None:
    return _extra(spelled, typed, lambda word, pool: any(w.startswith(word) for w in pool))


def record_province(index: Index, kind: str, record: Any) -> str | None:
    """The province a record belongs to: a unit's own, a document's issuer's, a task's plan's."""
    if kind == "unit":
        return record.province
    if kind == "task":
        return province_of_plan(index, record.plan)
    issuer = index.units.get(getattr(record, "issuer", "") or "")
    return issuer.province if issuer else None


def province_of_plan(index: Index, plan_id: str | None) -> str | None:
    plan = index.plans.get(plan_id or "")
    if plan is None:
        return None
    issuer = index.units.get(plan.issuer or "")  # a plan whose text names no issuer: none
    return issuer.province if issuer else None


def resolve(index: Index, kinds: Iterable[str], text: str, province: str | None = None) -> Resolution:
    """Shorthand for a one-off lookup."""
    return Resolver(index, kinds, province).resolve(text)


class Suggester:
    """Did-you-mean ids for unknown references of one checked index, memoised. After FUZZY_LIMIT distinct
    unknown names (a mass breakage, not a typo) only exact spellings are looked up, so that a check stays
    linear in the number of broken references."""

    FUZZY_LIMIT = 200

    def __init__(self, index: Index) -> None:
        self.index = index
        self._resolvers: dict[tuple[str, ...], Resolver] = {}
        self._memo: dict[tuple[str, tuple[str, ...], int], list[str]] = {}
        self._lookups = 0

    def suggest(self, written: str, kinds: Iterable[str], limit: int = 3) -> list[str]:
        kinds = tuple(kinds)
        key = (written, kinds, limit)
        if key not in self._memo:
            resolver = self._resolvers.get(kinds)
            if resolver is None:
                resolver = self._resolvers[kinds] = Resolver(self.index, kinds, suggesting=True)
            self._lookups += 1
            found = resolver.resolve(written) if self._lookups <= self.FUZZY_LIMIT else resolver.resolve_exact(written)
            self._memo[key] = [found.chosen] if found.chosen else [c.id for c in found.candidates[:limit]]
        return self._memo[key]


def suggest(index: Index, kinds: Iterable[str], written: str, limit: int = 3) -> list[str]:
    """Ids close to an unknown id or name, for a did-you-mean; the settled one alone when there is one."""
    return Suggester(index).suggest(written, kinds, limit)


__all__ = ["Candidate", "Resolution", "Resolver", "Suggester", "province_of_plan", "resolve", "suggest", "words_of"]
