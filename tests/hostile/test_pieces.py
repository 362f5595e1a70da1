"""The pieces the hostile corpus relies on, tested directly: which characters
are hidden or refused, how wide encodings are recognised, that a cache entry of
the wrong shape is read again, that every output format keeps one finding on
one line, and the accepted range of dates."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sys
import unicodedata
from pathlib import Path

import pytest

from kehoach.chars import describe, hidden_character, invisible_in, is_invisible, not_allowed_in_yaml, visible
from kehoach.check import run_check
from kehoach.dates import DATE_MAX, DATE_MIN, parse_day, today_from_environment
from kehoach.findings import Finding, Severity
from kehoach.load.cache import SHARDS, RecordCache, _packed, _parts, cache_folder
from kehoach.load.encoding import DecodeFailure, decode, wide_encoding
from kehoach.report import render

from ..conftest import make_repo

TODAY = dt.date(2021, 7, 1)


def test_invisible_characters_are_exactly_the_format_characters_of_unicode() -> None:
    format_chars = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    ours = {chr(c) for c in range(sys.maxunicode + 1) if is_invisible(chr(c))}
    assert format_chars <= ours  # every one in this Python's Unicode database
    assert all(unicodedata.category(ch) in ("Cf", "Cn") for ch in ours)  # and nothing visible


@pytest.mark.parametrize(
    ("ch", "name"),
    [
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u0430", "U+0430 CYRILLIC SMALL LETTER A"),
        ("\x1b", "U+001B ESCAPE"),
        ("\n", "U+000A LINE FEED"),
        ("\x9b", "U+009B CONTROL CHARACTER"),
    ],
)
def test_a_character_is_named_by_code_point_and_name(ch: str, name: str) -> None:
    assert describe(ch) == name


def test_visible_escapes_what_could_drive_a_terminal_or_forge_a_line() -> None:
    assert visible("a\nb\rc\td\x1b[31me\x00\x7f\x9b\u2028\u202e\u200bf") == (
        "a\\nb\\rc\\td\\x1b[31me\\x00\\x7f\\x9b\\u2028\\u202e\\u200bf"
    )
    assert visible("Ban Dân tộc «x» — 100%") == "Ban Dân tộc «x» — 100%"
    assert visible("a\nb\tc\x1b", keep="\n\t") == "a\nb\tc\\x1b"
    assert hidden_character("dòng 1\ndòng\t2") is None
    assert hidden_character("a\n\u2066b") == "\u2066"


def test_characters_yaml_refuses_are_found_at_their_place() -> None:
    assert not_allowed_in_yaml("id: a\nname: x\x1by\n# \x00\n") == [(2, 8, "\x1b"), (3, 3, "\x00")]
    assert not_allowed_in_yaml("tab\there\r\nNEL\x85 ok \U0001f600\n") == []
    assert invisible_in("a: b\nc: d\u200be\n") == [(2, 5, "\u200b")]


TEXT = "id: tinh-a-ban-dan-toc\nname: Ban Dân tộc tỉnh\n"


@pytest.mark.parametrize(
    ("codec", "bom", "name"),
    [
        ("utf-16-le", b"\xff\xfe", "UTF-16 LE"),
        ("utf-16-be", b"\xfe\xff", "UTF-16 BE"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32 LE"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32 BE"),
    ],
)
def test_wide_encodings_are_named_with_and_without_a_byte_order_mark(codec: str, bom: bytes, name: str) -> None:
    assert wide_encoding(bom + TEXT.encode(codec)) == f"{name} (có BOM)"
    assert wide_encoding(TEXT.encode(codec)) == name
    failure = decode(TEXT.encode(codec))
    assert isinstance(failure, DecodeFailure) and name in failure.message and "TCVN3" not in failure.message


def test_utf8_with_a_few_nul_bytes_is_not_taken_for_a_wide_encoding() -> None:
    assert wide_encoding(b"id: a\x00b\n") is None
    assert decode(b"id: a\x00b\n") == ("id: a\x00b\n", False)


def test_cache_entries_of_the_right_version_but_another_shape_are_read_again(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "KH108-bad-enum")
    expected = [f"{f.location()} {f.code}" for f in run_check(repo, today=TODAY).findings]
    run_check(repo, today=TODAY, use_cache=True)  # writes the cache
    version = RecordCache(repo).version
    shapes = [None, 42, ("key",), (b"k", "v"), ([1], None, None, None), ([], "x", "y", "z")]
    for shard in range(SHARDS):
        path = cache_folder(repo) / f"{shard:02d}.pickle"
        if not path.exists():
            continue
        entries = {rel: entry for page in _parts(path.read_bytes())[3] for rel, entry in pickle.loads(page).items()}
        assert entries
        for n, rel in enumerate(entries):
            key = entries[rel][0]
            bad = shapes[n % len(shapes)]
            entries[rel] = bad if n % 2 else (key, bad)  # the right content key, a reading of another shape
        path.write_bytes(_packed(version, entries))
    got = [f"{f.location()} {f.code}" for f in run_check(repo, today=TODAY, use_cache=True).findings]
    assert got == expected


FORGED = Finding(
    "records/units/a\nb.yaml",
    3,
    7,
    "KH105",
    "trường 'id': 'x\nrecords/units/z.yaml:1:1: KH000 [lỗi] giả\x1b[2J%0A::error::x\r'",
    Severity.ERROR,
)


def test_text_output_keeps_a_finding_on_one_line() -> None:
    lines = render("text", [FORGED], 1).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("records/units/a\\nb.yaml:3:7: KH105 [lỗi] ")
    assert "\\x1b[2J" in lines[0] and "\x1b" not in lines[0]


def test_the_tools_own_indented_lines_are_kept_and_nothing_else() -> None:
    excerpt = Finding("a.yaml", 4, 1, "KH010", "có ký tự tab\n    4 | →x\x1b\n      | ^\nb.yaml:1:1: KH000 giả")
    lines = render("text", [excerpt], 1).splitlines()
    assert lines[:3] == ["a.yaml:4:1: KH010 [lỗi] có ký tự tab", "    4 | →x\\x1b", "      | ^\\nb.yaml:1:1: KH000 giả"]


def test_github_annotations_keep_a_finding_on_one_command() -> None:
    lines = render("github", [FORGED], 1).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=records/units/a\\nb.yaml,line=3,col=7,title=KH105::")
    assert "giả\\x1b[2J%250A::error::x\\r'" in lines[0]  # escaped, then '%' encoded as the host wants


def test_json_output_stays_valid_and_keeps_the_value() -> None:
    payload = json.loads(render("json", [FORGED], 1))
    assert payload["findings"][0]["message"] == FORGED.message
    assert payload["findings"][0]["path"] == FORGED.path


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "mai", "", "2021-02-30", "2021-7-1", "9" * 5000])
def test_a_day_outside_the_range_or_not_a_day_is_refused_in_vietnamese(text: str) -> None:
    with pytest.raises(ValueError, match=r"ngày|khoảng"):
        parse_day(text)


def test_the_range_of_days_leaves_room_for_date_arithmetic() -> None:
    assert parse_day(DATE_MIN.isoformat()) == DATE_MIN and parse_day(DATE_MAX.isoformat()) == DATE_MAX
    assert DATE_MAX + dt.timedelta(days=3660) < dt.date.max and DATE_MIN - dt.timedelta(days=3660) > dt.date.min


def test_kehoach_today_is_named_in_the_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_TODAY", "mai")
    with pytest.raises(ValueError, match="KEHOACH_TODAY"):
        today_from_environment()
    monkeypatch.setenv("KEHOACH_TODAY", "2021-07-01")
    assert today_from_environment() == TODAY
    monkeypatch.delenv("KEHOACH_TODAY")
    assert today_from_environment() is None


@pytest.mark.parametrize("value", ["9999-12-31", "mai"])
def test_the_site_hook_refuses_a_bad_kehoach_today_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    from mkdocs.exceptions import PluginError

    from kehoach.site.mkdocs_hook import build_date

    monkeypatch.setenv("KEHOACH_TODAY", value)
    with pytest.raises(PluginError, match="KEHOACH_TODAY"):
        build_date()
