"""The registry declares each rule once and accounts for every code."""

from __future__ import annotations

import inspect

from kehoach.codes import Code
from kehoach.rules import chronology, graph, identity, numbers, references, results, status
from kehoach.rules.registry import KNOCK_ON_CODES, READING_CODES, RULES, rule_of


def test_every_code_is_reported_by_one_rule_or_by_reading() -> None:
    by_rules = [code for rule in RULES for code in rule.codes]
    assert len(by_rules) == len(set(by_rules))
    assert set(by_rules).isdisjoint(READING_CODES)
    assert set(by_rules) | READING_CODES == set(Code)


def test_every_rule_function_is_registered() -> None:
    modules = (chronology, graph, identity, numbers, references, results, status)
    defined = {f for m in modules for name, f in inspect.getmembers(m, inspect.isfunction) if name.startswith("check_")}
    assert defined == {rule.check for rule in RULES}


def test_a_code_finds_its_rule() -> None:
    assert rule_of("KH301") is not None and rule_of("KH301").name == "references"
    assert rule_of("KH010") is None
    assert Code.KH301 in KNOCK_ON_CODES and Code.KH701 not in KNOCK_ON_CODES
