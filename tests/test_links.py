"""Order from the parse: two events of a sentence that the parse links ("rose after the company
unveiled", "said the plant had been hit") are ordered by rules/en/order.toml; what no rule
links gets nothing from it."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.events.links import LinkRules, Parses, link_rules, links
from timeline.events.mentions import find_events
from timeline.events.order import place_document
from timeline.model import Document
from timeline.rules import GrammarError, load_toml
from timeline.syntax import parse_spans
from timeline.time.analysis import analyse

DCT = datetime(2026, 2, 4)


def _events(text: str, parsed: bool = True):  # type: ignore[no-untyped-def]
    doc = Document(id="d", text=text, dct=DCT)
    a = analyse(doc)
    parses = dict(enumerate(parse_spans(text, a.sentences))) if parsed else {}
    events = sorted(find_events(a, parses), key=lambda e: e.start)
    return events, Parses(parses)


def _link(text: str, head: str, dep: str) -> tuple[str | None, float]:
    """(the rule that links the event words `head` and `dep`, the evidence that the head
    starts before the dependent: > 0 before, < 0 after, 0 nothing)."""
    events, parses = _events(text)
    words = [e.text for e in events]
    assert head in words and dep in words, (text, words)
    h, d = words.index(head), words.index(dep)
    evidence = links(events, parses).get((min(h, d), max(h, d)), 0.0)
    if h > d:
        evidence = -evidence
    p = parses.at(events[h].start)
    rule = None
    if evidence and p is not None:
        from timeline.syntax.tree import token_at

        ht, dt = token_at(p, events[h].start, events[h].end), token_at(p, events[d].start, events[d].end)
        found = link_rules().order(p, ht, dt, events[h], events[d])  # type: ignore[arg-type]
        rule = found.name if found is not None else None
    return rule, evidence


def _examples(key: str) -> list[tuple[str, str, list[str]]]:
    return [(r["name"], r["order"], ex) for r in load_toml("order.toml")["link"] for ex in r.get(key, [])]


@pytest.mark.parametrize("name,order,example", _examples("examples"), ids=lambda x: str(x)[:40])
def test_the_rule_file_examples(name, order, example):
    text, head, dep = example
    rule, evidence = _link(text, head, dep)
    assert rule == name, (text, rule)
    assert (evidence > 0) == (order == "before") and evidence != 0


@pytest.mark.parametrize("name,order,example", _examples("negatives"), ids=lambda x: str(x)[:40])
def test_the_rule_file_negatives(name, order, example):
    text, head, dep = example
    assert _link(text, head, dep) == (None, 0.0), text


def test_a_clause_after_after_comes_first_where_without_the_parse_nothing_orders_them():
    text = "The company's stock hit a high in 1983 after it unveiled its home computer."
    for parsed in (False, True):
        events, parses = _events(text, parsed)
        ranks = {e.text: e.rank for e in place_document(events, text, parses)}
        if parsed:
            assert ranks["unveiled"] < ranks["hit"]
        else:
            assert ranks["unveiled"] == ranks["hit"]  # a tie: the words alone do not say


def test_what_the_parse_does_not_link_gets_nothing():
    # the two clauses are coordinated: no rule names that link, and text order is no evidence
    text = "Police closed the road and protesters gathered outside the parliament."
    events, parses = _events(text)
    assert [e.text for e in events if e.text in ("closed", "gathered")] == ["closed", "gathered"]
    assert links(events, parses) == {}


def test_a_rule_with_an_unknown_value_is_refused(monkeypatch):
    import timeline.events.links as module

    def bad(name: str, lang: str = "en") -> dict:
        return {"weight": 25.0, "link": [{"name": "x", "deps": ["ccomp"], "order": "after",
                                           "dep": {"tense": ["PAST"]}}]}

    monkeypatch.setattr(module, "load_toml", bad)
    link_rules.cache_clear()
    try:
        with pytest.raises(GrammarError, match="dep.tense cannot be"):
            link_rules()
    finally:
        monkeypatch.undo()
        link_rules.cache_clear()
    assert isinstance(link_rules(), LinkRules)
