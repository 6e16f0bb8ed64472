"""Every rule example and negative in src/timeline/rules/ runs here, as Duckling's corpus does.

An example passes when exactly one time expression covers its `match`, spans it exactly,
was made by its rule, and resolves (against the example's DCT) to what it states.
"""
from __future__ import annotations

import pytest
from conftest import assert_example_resolved, example_doc, example_timex

from timeline.pipeline import extract
from timeline.time.grammar import GrammarError, compile_rules, load_grammar, load_macros

GRAMMAR = load_grammar()
EXAMPLES = [(rule, ex) for rule in GRAMMAR.rules for ex in rule.examples]
NEGATIVES = [(rule, neg) for rule in GRAMMAR.rules for neg in rule.negatives]


_doc = example_doc


@pytest.mark.parametrize("rule,ex", EXAMPLES, ids=[f"{r.id}:{e.text[:40]}" for r, e in EXAMPLES])
def test_rule_example(rule, ex):
    t = example_timex(ex)
    if rule.fragment:  # a part only: the whole is made by a combinator, and holds this rule's part
        assert t.rule.startswith("combine."), t.rule
        assert rule.regex.search(ex.match), f"{rule.id} finds no part in {ex.match!r}"
    else:
        assert t.rule == rule.id
    assert_example_resolved(ex, t)


@pytest.mark.parametrize("rule,text", NEGATIVES, ids=[f"{r.id}:{t[:40]}" for r, t in NEGATIVES])
def test_rule_negative(rule, text):
    found = extract(_doc(text, "2026-02-03"))
    if not rule.fragment:
        found = [t for t in found if t.rule == rule.id]
    # a fragment never shows alone: its negatives are texts with no time expression at all
    assert not found, f"{rule.id} found {[t.text for t in found]} in a negative"


@pytest.mark.parametrize("text", GRAMMAR.negatives)
def test_no_time_expression_in(text):
    found = extract(_doc(text, "2026-02-03"))
    assert not found, f"found {[(t.text, t.rule) for t in found]}"


def test_every_rule_file_contributes_examples():
    files = {r.file for r in GRAMMAR.rules}
    assert {"en/dates.toml", "en/relative.toml", "en/durations.toml", "en/vague.toml",
            "en/parts_of_day.toml", "en/sets.toml"} <= files


MACROS = load_macros()


@pytest.mark.parametrize("spec,message", [
    ({"id": "x", "pattern": "tuesday", "fields": {"weekday": 2}}, "at least one example"),
    ({"id": "x", "pattern": "(unclosed", "examples": [{"text": "a"}]}, "does not compile"),
    ({"id": "x", "pattern": "@month", "veto": "Mrs (", "examples": [{"text": "May"}]}, "veto does not compile"),
    ({"id": "x", "pattern": "@month", "fields": {"nth_unit": "fortnight"}, "examples": [{"text": "May"}]}, "unknown unit"),
    ({"id": "x", "pattern": "@nosuchmacro", "examples": [{"text": "a"}]}, "unknown macro"),
    ({"id": "x", "pattern": "@month", "fields": {"month": "$day"}, "examples": [{"text": "May"}]}, "missing group"),
    ({"id": "x", "pattern": "@month", "fields": {"colour": 1}, "examples": [{"text": "May"}]}, "unknown field"),
    ({"id": "x", "pattern": "@month", "kind": "blob", "examples": [{"text": "May"}]}, "unknown kind"),
    ({"id": "x", "pattern": "@month", "examples": [{"text": "May", "vaule": "x"}]}, "unknown keys"),
    ({"id": "x", "pattern": "@day @day", "examples": [{"text": "1 2"}]}, "used twice"),
])
def test_invalid_rules_fail_at_load(spec, message):
    with pytest.raises(GrammarError, match=message):
        compile_rules({"rule": [spec]}, "test.toml", MACROS)
