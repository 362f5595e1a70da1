"""Hostile input: every malformed file a person can produce ends in a clear
finding (file, line, rule code), exit code 1, no traceback, and the other files
are still checked. Property tests: the loader and the checker never raise.
The corpus of hostile input by class (encodings, control and invisible
characters, numbers, YAML structures, file-system objects, environment and
command line) is generated in tests/hostile."""

from __future__ import annotations

import os
import unicodedata
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

HOSTILE: dict[str, tuple[bytes, str]] = {
    "windows-1258": (b"id: tinh-a-ban-dan-toc\nname: Ban D\xe2n t\xf4\xf2c\n", "KH002"),
    "tcvn3": (b"id: tinh-a-ban-dan-toc\nname: Ban D\xa9n t\xe9c\n", "KH002"),
    "vni": (b"id: tinh-a-ban-dan-toc\nname: Ban Da\xe2n to\xe4c\n", "KH002"),
    "bom": (b"\xef\xbb\xbf" + VALID.encode(), "KH003"),
    "nfd": (unicodedata.normalize("NFD", VALID).encode(), "KH004"),
    "duplicate-keys": ((VALID + "name: Ban khác\n").encode(), "KH011"),
    "alias-bomb": (
        b"id: tinh-a-ban-dan-toc\nname: x\nkind: state-body\na: &a [x, x, x, x, x, x, x, x]\n"
        + b"".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n".encode()
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + b"note: *i\n",
        "KH012",
    ),
    "python-tag": (b"id: tinh-a-ban-dan-toc\nname: !!python/object/apply:os.system [ls]\nkind: state-body\n", "KH013"),
    "tabs": (b"id: tinh-a-ban-dan-toc\n\tname: Ban\nkind: state-body\n", "KH010"),
    "deep-nesting": (b"id: tinh-a-ban-dan-toc\nnote: " + b"[" * 5000 + b"]" * 5000 + b"\n", "KH016"),
    "empty": (b"", "KH015"),
    "several-documents": ((VALID + "---\n" + VALID).encode(), "KH015"),
    "list-at-top": (b"- id: tinh-a-ban-dan-toc\n", "KH015"),
    "scalar-at-top": (b"Ban D\xc3\xa2n t\xe1\xbb\x99c\n", "KH015"),
    "wrong-types": (b"id: 12\nname: [a, b]\nkind: {x: 1}\ngeneric: 3\naliases: x\n", "KH103"),
    "unknown-keys": ((VALID + "ten: Ban\n").encode(), "KH101"),
    "impossible-date": ((VALID + "valid_to: 2021-02-30\n").encode(), "KH104"),
    "id-with-dots": (VALID.replace("id: tinh-a-ban-dan-toc", "id: ../../etc/passwd").encode(), "KH105"),
    "id-with-spaces": (VALID.replace("id: tinh-a-ban-dan-toc", "id: ban dan toc").encode(), "KH105"),
    "id-with-capitals": (VALID.replace("id: tinh-a-ban-dan-toc", "id: Tinh-A-Ban-Dan-Toc").encode(), "KH105"),
    "control-characters": (b"id: tinh-a-ban-dan-toc\nname: Ban\x00\x07\nkind: state-body\n", "KH010"),
    "unclosed-quote": (b'id: tinh-a-ban-dan-toc\nname: "Ban\nkind: state-body\n', "KH010"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_reported_and_others_still_checked(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, code = HOSTILE[case]
    repo = make_repo(tmp_path, "KH108-bad-enum")  # a second, unrelated problem elsewhere
    (repo / UNIT).write_bytes(data)
    exit_code = cli.main(["--root", str(repo), "check", "--today", "2021-07-01"])
    out, err = capsys.readouterr()
    assert exit_code == 1
    assert "Traceback" not in out + err and err == ""
    ours = [line for line in out.splitlines() if line.startswith(f"{UNIT}:")]
    assert any(f" {code} " in line for line in ours), out
    line, col = ours[0].split(":")[1:3]
    assert int(line) >= 1 and int(col) >= 1
    assert " KH108 " in out  # the other file was still checked


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
