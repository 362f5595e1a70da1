"""Hostile input: every malformed file a person can produce ends in a clear
finding (file, line, rule code), exit code 1, no traceback, and the other files
are still checked. The corpus of hostile files, by class, is generated in
tests/hostile; here are a few cases with exact expectations, and property
tests: the loader and the checker never raise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach import cli
from kehoach.check import run_check
from kehoach.load import load_file

from ..conftest import make_repo

UNIT = "records/units/tinh-a-ban-dan-toc.yaml"
VALID = "id: tinh-a-ban-dan-toc\nname: Ban Dân tộc tỉnh\nkind: state-body\n"


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    with (repo / UNIT).open("wb") as big:
        big.write(VALID.encode())
        big.truncate(50 * 1024 * 1024)
    assert cli.main(["--root", str(repo), "check", "--today", "2021-07-01"]) == 1
    assert f"{UNIT}:1:1: KH001" in capsys.readouterr().out


def test_two_ids_differing_only_in_case_collide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    (repo / "records/units/Tinh-a-ban-dan-toc.yaml").write_text(VALID, encoding="utf-8")
    assert cli.main(["--root", str(repo), "check", "--today", "2021-07-01"]) == 1
    out = capsys.readouterr().out
    assert " KH206 " in out and " KH203 " in out


def test_a_symlink_outside_the_repository_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text(VALID, encoding="utf-8")
    (repo / UNIT).unlink()
    os.symlink(secret, repo / UNIT)
    assert cli.main(["--root", str(repo), "check", "--today", "2021-07-01"]) == 1
    assert f"{UNIT}:1:1: KH001" in capsys.readouterr().out


def test_markup_in_text_is_data_not_an_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / UNIT).write_text(
        VALID.replace("name: Ban Dân tộc tỉnh", "name: '<script>x</script> {{ a }} *b* [c](d) | e'"), encoding="utf-8"
    )
    result = run_check(repo, today=__import__("datetime").date(2021, 7, 1))
    assert result.findings == []
    assert result.index.units["tinh-a-ban-dan-toc"].name.startswith("<script>")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_the_loader_never_raises_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "records/units/x.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    loaded = load_file(tmp_path, path)
    assert loaded.data is None or isinstance(loaded.data, dict)


_yaml_text = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    document=st.dictionaries(
        st.sampled_from(["id", "name", "kind", "plan", "lead", "order", "timeframe", "date", "number", "x"]),
        _yaml_text,
        max_size=8,
    )
)
def test_the_checker_never_raises_on_arbitrary_yaml(tmp_path: Path, document: dict) -> None:
    import json

    repo = tmp_path / "repo"
    for rel in (UNIT, "records/plans/p/tasks/t.yaml", "records/directives/d.yaml", "records/plans/p/p.yaml"):
        path = repo / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    result = run_check(repo)
    assert all(f.code.startswith("KH") and f.line >= 0 for f in result.findings)
