"""What a clause supposes or wonders ("if", "whether", "would have to be evidence that") is no
happening of the story and takes no time from the passage (events.toml [supposition])."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from timeline.events.clauses import clause_at, supposed_clauses
from timeline.model import AnchorKind, Document
from timeline.pipeline import build_timeline
from timeline.rules import load_toml

RULES = load_toml("events.toml")["supposition"]


def _in_clause(sentence: str, word: str) -> bool:
    spans = supposed_clauses(sentence, 0)
    return clause_at(spans, [a for a, _ in spans], sentence.rindex(word)) is not None


@pytest.mark.parametrize("sentence, word", RULES["examples"])
def test_a_supposed_clause_holds_the_word(sentence, word):
    assert _in_clause(sentence, word)


@pytest.mark.parametrize("sentence, word", RULES["negatives"])
def test_a_reported_word_is_in_no_supposed_clause(sentence, word):
    assert not _in_clause(sentence, word)


@pytest.mark.parametrize("sentence, word", RULES["examples"])
def test_every_example_passes_the_quick_test_of_the_pattern_it_matches(sentence, word):
    matched = [needs for needs, pattern in zip(RULES["needs"], RULES["patterns"]) if re.search(pattern, sentence)]
    assert matched and all(any(w in sentence.lower() for w in needs) for needs in matched)


def _events(text: str) -> dict[str, object]:
    tl = build_timeline([Document("d", text, dct=datetime(2005, 4, 28), source="X")], syntax="none")
    return {e.text: e for e in tl.events}


def test_what_a_hypothetical_proof_would_show_is_no_key_event_of_last_night():
    """IraqWar's rank-5 key event was "Iraq was not complying with the inspectors" dated the night
    before the article: the sentence before told what Blix said last night, and the hypothetical
    "there would have to be evidence that ..." took that night. Told as fact, it keeps it."""
    before = "Hans Blix last night rejected one of the main grounds of the attorney general's advice. "
    evs = _events(before + "Lord Goldsmith said there would have to be evidence that Iraq was not "
                           "complying with the inspectors.")
    assert not evs["complying"].salient and evs["complying"].anchor is not AnchorKind.NARRATIVE, evs["complying"]
    evs = _events(before + "Lord Goldsmith said there had to be evidence that Iraq was not complying with the "
                           "inspectors.")
    assert evs["complying"].anchor is AnchorKind.NARRATIVE, evs["complying"]


def test_what_a_whether_clause_wonders_is_not_told_as_happened_on_its_day():
    evs = _events("It is unclear whether the troops withdrew from the town on Monday.")
    assert not evs["withdrew"].salient
    evs = _events("The troops withdrew from the town on Monday.")
    assert evs["withdrew"].salient and evs["withdrew"].anchor is AnchorKind.TIMEX
