"""The strict YAML reader: scalar typing, positions, and rejected constructs."""

from __future__ import annotations

import pytest

from kehoach.load.yamlsafe import MAX_DEPTH, parse


def codes(text: str) -> list[str]:
    return [p.code for p in parse(text).problems]


def test_scalars_follow_the_core_schema_but_dates_stay_text() -> None:
    data = parse(
        'date: 2021-02-08\norder: 3\nratio: 77.98\nflag: true\nnothing: ~\nquoted: "3"\nnumber: 12-KH/BDVTU\n'
    ).data
    assert data == {
        "date": "2021-02-08",
        "order": 3,
        "ratio": 77.98,
        "flag": True,
        "nothing": None,
        "quoted": "3",
        "number": "12-KH/BDVTU",
    }


def test_block_scalars_are_text() -> None:
    assert parse("text: >-\n  dòng một\n  dòng hai\n").data == {"text": "dòng một dòng hai"}


def test_positions_of_keys_and_values_are_one_based() -> None:
    parsed = parse("id: x\nlead:\n  - a\n  - b\n")
    assert parsed.positions.keys[("lead",)] == (2, 1)
    assert parsed.positions.values[("lead", 1)] == (4, 5)
    # a missing field points at the mapping that lacks it
    assert parsed.positions.of(("title",)) == (1, 1)


@pytest.mark.parametrize("word", ["yes", "No", "on", "OFF", "y"])
def test_unquoted_yes_no_is_ambiguous(word: str) -> None:
    assert codes(f"generic: {word}\n") == ["KH014"]
    assert codes(f'generic: "{word}"\n') == []


def test_alias_bomb_is_refused_without_expansion() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 12):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}, *{chr(96 + i)}]\n"
    problems = parse(bomb).problems
    assert problems and {p.code for p in problems} == {"KH012"}


def test_deep_nesting_stops_at_the_limit() -> None:
    problems = parse("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n").problems
    assert [p.code for p in problems] == ["KH016"]


def test_syntax_error_has_position() -> None:
    problems = parse('id: x\ntitle: "chưa đóng ngoặc\n').problems
    assert [p.code for p in problems] == ["KH010"]
    assert problems[0].line >= 2


def test_non_string_keys_are_reported() -> None:
    assert "KH015" in codes("? [a, b]\n: c\n")


def test_scalar_keys_are_spelt_as_yaml_writes_them() -> None:
    # a key left empty ('? ' alone) is null, not Python's 'None', in the messages that name it
    assert list(parse("id: a\n? \nflag: x\ntrue: y\n").data) == ["id", "null", "flag", "true"]


def test_control_characters_are_a_syntax_error_not_a_crash() -> None:
    assert codes("id: x\x07\n") == ["KH010"]
