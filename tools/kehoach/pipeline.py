"""The one entry point of the flow: records from a source, read and validated,
indexed, checked by the rules, with the repository's configuration and inline
suppressions applied. Every consumer (``kehoach check``, the site, the views,
``new`` and ``import``) calls ``check``; only the source differs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import marshal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .config import Config
from .findings import Finding, Severity, in_order
from .index import Entry, Index, Reference, build, entry_of
from .lifetime import keep
from .load import LoadedFile
from .model.common import Record
from .parallel import Aside, share
from .rules import compact
from .rules.base import Context
from .rules.compact import COMPACT_RULES, QUIET_RULES
from .rules.registry import KNOCK_ON_CODES, RULES, Reads, Rule

if TYPE_CHECKING:  # a source is handed in: the one-file check (``incremental``) never imports the sources
    from .sources import ReadFile, Source


@dataclass
class Checked:
    index: Index
    findings: list[Finding]  # sorted by place, then code
    files: int  # record files read
    hidden: int = 0  # findings of severity info counted, not kept (``check`` with ``infos`` False)

    @property
    def records(self) -> int:
        """Records that passed the model stage and were indexed."""
        return len(self.index.entries)


def check(
    source: Source,
    config: Config,
    today: dt.date,
    scope: frozenset[str] | None = None,
    rules: Sequence[Rule] = RULES,
    infos: bool = True,
) -> Checked:
    """Read every record ``source`` holds and run ``rules`` over them as of ``today``.

    With ``scope`` (paths relative to the repository root), only findings about
    those files are kept, plus those a change to them can cause elsewhere
    (``registry.KNOCK_ON_CODES``) and the configuration's own problems;
    references are still resolved against every record. Without ``infos``, the
    findings of severity info (once the configuration is applied) are only
    counted (``Checked.hidden``): a large check makes a hundred thousand."""
    # Reading creates millions of small objects and almost no cycles: the cyclic
    # garbage collector would only rescan them (a third of the time at 10k records).
    collecting = gc.isenabled()
    gc.unfreeze()  # what the last check kept out of the collector's sight (see _keep_objects)
    gc.disable()
    try:
        index, findings, settled = _check(source, today, scope, rules, config, infos)
    finally:
        _keep_objects()
        if collecting:
            gc.enable()
    findings = settle(findings, config, index)
    if scope is not None:
        findings = [f for f in findings if f.path in scope or f.code in KNOCK_ON_CODES]
    findings.extend(settled.findings)
    findings.extend(config.problems)
    hidden = settled.hidden
    if not infos:
        shown = [f for f in findings if f.severity is not Severity.INFO]
        hidden += len(findings) - len(shown)
        findings = shown
    checked = Checked(index, in_order(findings), len(index.files), hidden)
    keep(checked)
    return checked


def _keep_objects() -> None:
    """Keep every object alive now out of the cyclic collector's scans until the next check.

    Made while the collector was paused, the records all sit in the youngest
    generation; re-enabled as they are, the collector would scan all of them
    three times over as they age (7 s of 27 at 100k records). Moved into the
    oldest generation instead (freezing and unfreezing at once), they were
    still scanned by the first full collection, which comes soon: the
    collector counts the oldest generation's size only at a full collection,
    so a few tens of thousands of objects made after the check (sorting the
    findings) were enough to start one (1.9 s of 24 at 100k records). Frozen,
    they are never scanned; they are freed by reference counting as usual
    (the records hold no reference cycles). The next check unfreezes them,
    so a long-running process (``mkdocs serve``, tests) keeps at most one
    check's objects out of the collector."""
    gc.freeze()


def _check(
    source: Source, today: dt.date, scope: frozenset[str] | None, rules: Sequence[Rule], config: Config, infos: bool
) -> tuple[Index, list[Finding], compact.Settled]:
    """The index, the findings of the rules run here, and those of the process aside
    (if any) with the configuration applied already (``compact.settled``)."""
    from .sources import BatchedSource  # here: the one-file check (``settle`` alone) never reads a source

    if scope is not None or not isinstance(source, BatchedSource):
        return _checked(source.read(), today, scope, rules, None)
    begun = source.begin()
    early = Early(rules, today)
    if begun.listed >= ASIDE_MIN_FILES and set(COMPACT_RULES) <= set(rules):
        # The names of the files listed, as one text: looking at the listing itself, the
        # process aside would write to (and so copy) the memory of every name.
        names = "\n".join([rel for rel, _ in begun.reader.listing])
        early.aside = Aside(functools.partial(_compact, today=today, names=names, count=begun.listed))
    early.config, early.infos = config, infos
    try:
        return _checked(begun.read(early), today, scope, rules, early)
    except BaseException:
        if early.aside is not None:
            early.aside.cancel()
        raise


def _checked(
    read: list[ReadFile], today: dt.date, scope: frozenset[str] | None, rules: Sequence[Rule], early: Early | None
) -> tuple[Index, list[Finding], compact.Settled]:
    files = [loaded for loaded, _ in read]
    aside = early.aside if early is not None else None
    if aside is not None and early is not None and not early.repeated:
        aside.start()  # no record left out of the index (none shares an id): the rules of tasks can run now
    index = early.index(files) if early is not None else None
    duplicates: list[list[Entry]] = []
    if index is None:
        index, duplicates = build(files, [(loaded, record) for loaded, record in read if record is not None])
    findings = [f for loaded in files for f in loaded.findings]
    context = Context(index, today, scope, tuple(tuple(group) for group in duplicates))
    if early is not None:
        early.parts, early.ids = [], set()  # in the index now
        findings.extend(early.found(duplicates))
        rules = [rule for rule in rules if rule not in early.rules]
        if aside is not None:
            if early.repeated:
                aside.send(compact.left_out(early.left_out(duplicates)))
                aside.start()  # the rules of tasks run there from now, the others here
            rules = [rule for rule in rules if rule not in COMPACT_RULES]
    later = [rule for rule in rules if rule in QUIET_RULES] if aside is not None else []
    for found in run_rules(context, [rule for rule in rules if rule not in later]):
        findings.extend(found)
    settled = compact.Settled([], 0)
    if aside is not None and early is not None:
        placed = _placed(aside.result(), early)
        if placed is None:  # no second process, or it failed: run here
            later += COMPACT_RULES
        else:
            settled, quiet = placed
            later = [rule for rule in later if rule.name not in quiet]
        for found in run_rules(context, later):
            findings.extend(found)
    return index, findings, settled


def _placed(done: bytes | None, early: Early) -> tuple[compact.Settled, list[str]] | None:
    """The findings the process aside sent back (``done``), placed in their files with
    the configuration applied, and the names of the rules it showed to find nothing;
    None when it sent none, or what it sent cannot be read whole (it is then done
    here: no finding is ever lost to a child that died writing)."""
    if done is None:
        return None
    try:
        found, quiet = marshal.loads(done)
        configured = (early.config.disabled, early.config.severities)
        settled = compact.settled(found, early.packed, configured, early.infos)
        return settled, [name for name in quiet if isinstance(name, str)]
    except (ValueError, EOFError, TypeError, IndexError, KeyError):
        return None


# From this many record files, the rules about tasks (``compact.COMPACT_RULES``) run
# from the tasks', plans' and reports' facts in a process of their own, forked
# before the records are read (``parallel.Aside``), while this one runs the others
# (below, the rules are shared with a process forked once the records are read:
# ``run_rules``).
ASIDE_MIN_FILES = 40_000


def _compact(batches: Iterator[bytes], today: dt.date, names: str, count: int) -> bytes:
    """What the process aside does: the compact rules' findings from the facts sent,
    and which of the rules comparing records by a key can find nothing (``names``:
    the path of each of the ``count`` files listed, a line each)."""
    return marshal.dumps(compact.run_aside(batches, today, names, count))


class Early:
    """What is done with each record alone as soon as it is read (``Source.read``
    calls this with every batch of records read): its index entry and references
    made (``index.entry_of``), the index of each batch by id (joined in the
    files' order once every file is read: ``index``), and the rules that read
    the record alone (``Reads.RECORD``) run over it. While many files are read,
    the second process parses more of them as this one does this: the work is
    shared out between the two like the reading, not left to this process alone
    once every file is read."""

    def __init__(self, rules: Sequence[Rule], today: dt.date) -> None:
        self.rules = [rule for rule in rules if rule.reads is Reads.RECORD]
        self.today = today
        # What the findings of the process aside are given (``compact.settled``).
        self.config = Config()
        self.infos = True
        # Each batch's first file, its records' entries by id and the references written in them.
        self.parts: list[tuple[LoadedFile, dict[str, Entry], dict[str, list[Reference]]]] = []
        self.seen = 0  # files handed over
        self.apart = True  # no id seen twice in a batch
        self.findings: list[Finding] = []
        # The process running the rules of tasks from the records' facts (``compact``), if any:
        # each batch's facts are sent to it; ``packed``: the file of each record whose facts were.
        self.aside: Aside | None = None
        self.packed: list[LoadedFile] = []
        # The ids of the records seen, and whether one was seen twice (records sharing an
        # id: all but one are left out of the index, and their facts must not count).
        self.ids: set[str] = set()
        self.repeated = False

    # A batch is taken this many records at a time: a source that hands over every file
    # at once (all found in the cache) would otherwise have the facts of every record
    # packed and sent as one blob, held whole in both processes, and the process aside
    # waiting for all of them before it begins.
    SLICE = 2000

    def __call__(self, batch: list[tuple[LoadedFile, Record | None]]) -> None:
        for start in range(0, len(batch), self.SLICE):
            self._take(batch[start : start + self.SLICE] if len(batch) > self.SLICE else batch)

    def _take(self, batch: list[tuple[LoadedFile, Record | None]]) -> None:
        entries: dict[str, Entry] = {}
        outgoing: dict[str, list[Reference]] = {}
        packed = self.packed if self.aside is not None else None
        facts: list[tuple[Any, ...]] = []
        ids = self.ids
        made: list[Entry] = []
        for loaded, record in batch:
            if record is not None and (pair := entry_of(loaded, record)) is not None:
                record_id = record.id
                if packed is not None:
                    if record_id in ids:
                        self.repeated = True
                    ids.add(record_id)
                entries[record_id], outgoing[record_id] = pair
                made.append(pair[0])
                if packed is not None and (fact := compact.facts(len(packed), loaded, record)) is not None:
                    facts.append(fact)
                    packed.append(loaded)
        self.seen += len(batch)
        if batch:
            self.parts.append((batch[0][0], entries, outgoing))
        if facts and self.aside is not None:
            self.aside.send(compact.pack(facts))
        if len(made) != len(entries):  # records sharing an id: each is checked (keyed apart)
            self.apart = False
            entries = {str(i): entry for i, entry in enumerate(made)}
        if entries and self.rules:
            context = Context(Index(entries), self.today)
            for rule in self.rules:
                self.findings.extend(rule.check(context))

    def index(self, files: list[LoadedFile]) -> Index | None:
        """The index of ``files`` (every file handed over, in the order listed) from
        the batches' entries, as ``index.build`` makes it; None when some records
        share an id (``build`` then chooses the one indexed)."""
        if not self.apart or self.seen != len(files):
            return None
        place = {id(first): at for at, (first, _, _) in enumerate(self.parts)}
        entries: dict[str, Entry] = {}
        outgoing: dict[str, list[Reference]] = {}
        made = 0
        for at in [place.get(id(loaded)) for loaded in files]:
            if at is not None:
                _, part, written = self.parts[at]
                entries.update(part)
                outgoing.update(written)
                made += len(part)
        if made != len(entries):
            return None
        index = Index(entries, files)
        if made != len(files):  # some files hold no valid record
            valid = {id(entry.file) for entry in entries.values()}
            index.broken = {f.rel.stem: f for f in files if id(f) not in valid}
        index.__dict__["outgoing"] = outgoing
        return index

    def left_out(self, duplicates: list[list[Entry]]) -> list[int]:
        """The numbers of the records whose facts were sent but which are not indexed (sharing an id)."""
        if not duplicates:
            return []
        left = {id(entry.file) for group in duplicates for entry in group[1:]}
        return [number for number, loaded in enumerate(self.packed) if id(loaded) in left]

    def found(self, duplicates: list[list[Entry]]) -> list[Finding]:
        """The rules' findings about the records indexed (of records sharing an id, the one kept)."""
        if not duplicates:
            return self.findings
        left_out = {str(entry.file.rel) for group in duplicates for entry in group[1:]}
        return [finding for finding in self.findings if finding.path not in left_out]


# The rules are worth a second process from this many records (forking and
# sending the findings back cost a few hundredths of a second; the rules about
# 60 microseconds a record).
PARALLEL_MIN_RECORDS = 5000
# ... and up to this many: the child copies the memory pages of every record it
# looks at (reference counts are written), about 4 KB a record, so past this the
# second process would cost more memory than a check may take (800 MB at 100k).
PARALLEL_MAX_RECORDS = 40_000


def run_rules(context: Context, rules: Sequence[Rule]) -> list[list[Finding]]:
    """Each rule's findings, in the order of ``rules``. Over many records, the
    rules are shared with a forked child (one rule at a time from each end of
    the list): the records are all read by then, and the second core idle. What
    the rules ask the index for is computed first, once, for both processes."""
    records = len(context.index.entries)
    if not PARALLEL_MIN_RECORDS <= records <= PARALLEL_MAX_RECORDS or len(rules) < 2:
        return _apply(context, rules)
    context.index.prepare()
    mine, theirs = share(rules, functools.partial(_apply, context), functools.partial(_apply, context), chunk=1)
    return mine + theirs


def _apply(context: Context, rules: Sequence[Rule]) -> list[list[Finding]]:
    return [list(rule.check(context)) for rule in rules]


def settle(findings: list[Finding], config: Config, index: Index) -> list[Finding]:
    """Drop disabled and suppressed findings and apply re-graded severities."""
    # only the files that suppress something (few): a finding elsewhere is not looked up further
    by_path = {str(f.rel): held for f in index.files if (held := f.suppressions).by_line or held.whole_file}
    kept = []
    for finding in findings:
        if finding.code in config.disabled:
            continue
        suppressions = by_path.get(finding.path)
        if suppressions is not None and suppressions.covers(finding.code, finding.line):
            continue
        if finding.code in config.severities:
            finding = dataclasses.replace(finding, severity=config.severities[finding.code])
        kept.append(finding)
    return kept
