"""A one-file check after an edit, as pre-commit runs it on every commit, imports
only what that check needs: most of its time is starting Python and importing.
Each case runs the check in a fresh interpreter and looks at what it imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kehoach.synth import synthesise

_RUN = """
import json, sys
from kehoach.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _check(root: Path, cache: Path, *paths: Path) -> tuple[int, set[str], str]:
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(cache)}
    args = ["--root", str(root), "check", "--today", "2024-06-01", *map(str, paths)]
    done = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, env=env, check=False)
    assert done.stdout.strip(), done.stderr
    *output, last = done.stdout.strip().splitlines()
    result = json.loads(last)
    return result["code"], set(result["modules"]), "\n".join(output)


def _edited(root: Path) -> Path:
    one = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    one.write_bytes(one.read_bytes() + "# đã sửa\n".encode())
    return one


def test_a_clean_edited_record_is_checked_without_pyyaml(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    synthesise(root, 120, seed=7)
    cache = tmp_path / "cache"
    _check(root, cache)  # the state of the last check, as before any commit
    code, modules, output = _check(root, cache, _edited(root))
    assert code == 0, output
    assert "yaml" not in modules
    assert "kehoach.load.yamlsafe" not in modules
    assert "multiprocessing" not in modules  # nothing to share with a second process
    assert "subprocess" not in modules  # no git revision to read
    assert "tomllib" not in modules  # no configuration file to read


def test_a_record_outside_the_fast_readers_subset_is_still_read_strictly(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    synthesise(root, 120, seed=7)
    cache = tmp_path / "cache"
    _check(root, cache)
    one = _edited(root)
    one.write_bytes(one.read_bytes() + b"extra: &a 1\nmore: *a\n")  # an anchor: only the strict reader reads it
    code, modules, output = _check(root, cache, one)
    assert code == 1
    assert "yaml" in modules
    assert "KH012" in output, output


def test_a_check_with_nothing_changed_imports_neither_the_model_nor_the_rules(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    synthesise(root, 120, seed=7)
    cache = tmp_path / "cache"
    first = _check(root, cache)  # the full check, which keeps the state
    assert "pydantic" in first[1]
    one = sorted((root / "records" / "plans").rglob("*-nv01.yaml"))[0]
    for paths in ((), (one,)):  # all files, and one named file, as pre-commit names it
        code, modules, output = _check(root, cache, *paths)
        if not paths:
            assert (code, output) == (first[0], first[2])  # the same findings, from the state
        assert code in (0, 1), output
        assert "pydantic" not in modules
        assert not {name for name in modules if name.startswith(("kehoach.model", "kehoach.rules", "kehoach.read"))}
        # nor what only other paths need: a configuration file (tomllib), a file written
        # (tempfile), a name matched loosely (difflib)
        assert not {"tomllib", "tempfile", "difflib"} & modules


def test_the_command_builds_a_validator_without_looking_for_pydantic_plugins(tmp_path: Path) -> None:
    """``kehoach`` disables pydantic's plugins: checking an edited record never reads
    the installed packages' metadata (importlib.metadata) to look for one. The
    environment names a language, as a user's does (gettext then looks for catalogues)."""
    root = tmp_path / "kho"
    synthesise(root, 120, seed=7)
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    env["LANG"] = "vi_VN.UTF-8"
    args = [sys.executable, "-X", "importtime", "-m", "kehoach", "--root", str(root), "check", "--today", "2024-06-01"]
    subprocess.run(args, capture_output=True, env=env, check=False)  # the state of the last check
    done = subprocess.run([*args, str(_edited(root))], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time")}
    assert "kehoach.model" in imported  # the edited record was validated
    assert "importlib.metadata" not in imported
    # nor what reading the arguments and the model used to import: shutil (argparse's terminal
    # width), locale (gettext's catalogues for argparse's texts; calendar for a month's last day)
    assert not {"shutil", "locale", "calendar"} & imported
    if sys.platform.startswith("linux"):  # nor platform, which uuid imports only to ask the system's name
        assert "platform" not in imported
    assert not {"random", "hmac"} & imported  # nor what secrets imports (pydantic imports it, unused)


_STAND_IN = """
import sys
from kehoach import cli
cli._no_platform()
import uuid
import platform
print(uuid._platform_system, platform.system(), platform.machine(), type(sys.modules["platform"].uname).__name__)
"""


def test_platform_stood_in_for_answers_as_the_real_module() -> None:
    """What the command puts in place of platform until it is needed gives uuid the
    system's name as platform does, and anything else asked of it is the real module's."""
    done = subprocess.run([sys.executable, "-c", _STAND_IN], capture_output=True, text=True, check=True)
    import platform

    assert done.stdout.split() == [platform.system(), platform.system(), platform.machine(), "function"]
