"""Killing `kehoach fmt` (SIGKILL, no chance to clean up) at random points of a
run over a 10,000-record repository: every record must be byte for byte its old
version or its new (canonical) one, never empty or cut, and the repository must
still read as the same set of records (a temporary file left by the kill is not
taken for one).

One synthetic repository serves every trial: its records are not in canonical
form as written, so a run rewrites all of them, in the order the repository is
listed. Each trial restores the old versions, starts fmt, and kills it as soon
as the record at a random position of that order has been rewritten (a point
in the run that does not depend on the machine's speed). The new version of a
record is its canonical form, computed here from a pristine copy."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kehoach.atomic import TEMP_SUFFIX
from kehoach.author.fmt import canonical_text
from kehoach.load import discover
from kehoach.synth import synthesise

RECORDS = 10_000
TRIALS = 3


def start_fmt(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kehoach", "--root", str(root), "fmt"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "KEHOACH_CACHE_DIR": str(root.parent / "cache")},
    )


def kill_after(run: subprocess.Popen[bytes], watched: Path, old: bytes, meanwhile: Callable[[], bool]) -> bool:
    """SIGKILL ``run`` as soon as ``watched`` no longer holds ``old``; False if it ended first.
    While waiting, ``meanwhile`` does a small piece of the test's own work (False: none left)."""
    while run.poll() is None:
        if watched.read_bytes() != old:
            run.send_signal(signal.SIGKILL)
            run.wait()
            return True
        if not meanwhile():
            time.sleep(0.005)
    return False


def test_a_killed_fmt_leaves_every_record_old_or_new(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    assert synthesise(root, RECORDS, seed=11) == RECORDS
    pristine = tmp_path / "pristine"
    shutil.copytree(root, pristine)
    order = discover(root)  # the order fmt goes through the records
    old = {path: path.read_bytes() for path in order}
    new: dict[Path, bytes] = {}

    def canonical(path: Path) -> bytes:
        if path not in new:
            result = canonical_text(pristine, pristine / path.relative_to(root))
            assert result.text is not None, result.findings
            new[path] = result.text.encode("utf-8")
        return new[path]

    ahead = iter(order)

    def one_more() -> bool:  # the new versions, worked out while fmt runs (on another core)
        path = next(ahead, None)
        if path is None:
            return False
        canonical(path)
        return True

    rng = random.Random()
    for trial in range(TRIALS):
        for path, data in old.items():  # the old versions back
            if path.read_bytes() != data:
                path.write_bytes(data)
        for leftover in root.rglob(f"*{TEMP_SUFFIX}"):
            leftover.unlink()
        # One kill in each third of the run, at a random position within it.
        position = rng.randrange(RECORDS * trial // TRIALS + 1, RECORDS * (trial + 1) // TRIALS - 1)
        run = start_fmt(root)
        assert kill_after(run, order[position], old[order[position]], one_more), "fmt ended before the kill"
        assert discover(root) == order, "the kill changed which files are records"
        rewritten = 0
        for path in order:
            data = path.read_bytes()
            if data != old[path]:
                assert data == canonical(path), f"trial {trial}: {path} is neither its old nor its new version"
                rewritten += 1
        assert rewritten >= position * 0.9  # the records before the kill point were rewritten
        temporary = list(root.rglob(f"*{TEMP_SUFFIX}"))
        assert len(temporary) <= 16  # at most one per writing thread, and none taken for a record
        print(f"trial {trial}: killed at record {position}, {rewritten} rewritten, {len(temporary)} temporary left")
