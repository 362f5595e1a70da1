"""The work of reading a record file, stage by stage, in instructions: every
stage up to LEVEL run in one process over a sample of a repository's files (every
STEP-th), so that under callgrind the difference between two levels is what the
stage costs, whatever else the machine runs (instruction counts do not depend
on its load, times do).

Levels: 0 the files listed and named, 1 their bytes read, 2 decoded and their
characters checked, 3 suppressions and review notes read, 4 parsed (layout
reader or fastyaml; includes 2 and 3), 5 validated by the model, 6 each record's
index entry and references made, 7 its facts for the rules about tasks, 8 the
rules that read a record alone (by batches of 250, as the pipeline runs them).

Usage (each level in a process of its own, then the differences):
    for level in 0 1 2 3 4 5 6 7 8; do
        valgrind --tool=callgrind --callgrind-out-file=/tmp/levels-$level.cg \\
            .venv/bin/python benchmarks/read_levels.py REPOSITORY 40 $level
    done"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path
from typing import Any


def main() -> int:
    repo, step, level = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    gc.disable()  # as the pipeline does while it reads
    from kehoach import read
    from kehoach.index import Index, entry_of
    from kehoach.load import KNOWN_CODES, parse_bytes, read_bytes, text_of
    from kehoach.load.files import walk
    from kehoach.load.review import review_notes
    from kehoach.load.suppress import read_suppressions
    from kehoach.model import build_models
    from kehoach.rules import compact
    from kehoach.rules.base import Context
    from kehoach.rules.registry import RULES, Reads

    build_models()
    listing = walk(repo)[::step]
    early = [rule for rule in RULES if rule.reads is Reads.RECORD]
    today = dt.date(2026, 1, 1)
    kept: list[Any] = []  # everything made is kept, as a check keeps it
    batch = []
    for rel, is_link in listing:
        loaded = read._loaded(rel)
        if level < 1:
            kept.append(loaded)
            continue
        data = read_bytes(os.path.join(repo, rel), loaded, repo, is_link)
        if level < 2 or data is None:
            kept.append(data)
            continue
        if level < 4:
            read_text = text_of(data, loaded)
            if read_text is not None and level == 3:
                kept.append((read_suppressions(read_text[0], KNOWN_CODES), review_notes(read_text[0])))
            kept.append(read_text)
            continue
        parse_bytes(data, loaded)
        if level < 5:
            kept.append(loaded)
            continue
        record = read._validated(loaded)
        if level < 6 or record is None:
            kept.append((loaded, record))
            continue
        pair = entry_of(loaded, record)
        kept.append(pair)
        if level < 7 or pair is None:
            continue
        kept.append(compact.facts(len(kept), loaded, record))
        if level < 8:
            continue
        batch.append(pair[0])
        if len(batch) == 250:
            context = Context(Index({str(n): entry for n, entry in enumerate(batch)}), today)
            for rule in early:
                kept.extend(rule.check(context))
            batch = []
    print(f"{len(listing)} files, level {level}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
