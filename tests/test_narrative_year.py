"""A retrospective account's bare dates take the year the account set, not the publication's."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from timeline.model import AnchorKind, Document
from timeline.pipeline import build_timeline
from timeline.rules import load_toml

RULES = load_toml("events.toml")["narrative_year"]


@pytest.mark.parametrize("text,year", RULES["year_examples"])
def test_the_year_rule_examples(text, year):
    assert [m.group(1) for m in re.finditer(RULES["year"], text)] == [year]


@pytest.mark.parametrize("text", RULES["year_negatives"])
def test_the_year_rule_negatives(text):
    assert not re.search(RULES["year"], text)


def _day(doc: Document, word: str) -> str:
    tl = build_timeline([doc])
    (e,) = [e for e in tl.events if e.text == word and e.anchor is AnchorKind.TIMEX]
    return e.envelope.start.date().isoformat()


ACCOUNT = ("The inspectors returned to the country in December 2002 and stayed until the war began in March 2003. "
           "More than 200 inspectors crossed the country. Their first report was negative. "
           "On March 7, the chief inspector pleaded for more time at the Security Council. {}")


def test_a_bare_date_of_a_past_account_takes_the_year_the_account_set():
    doc = Document("a", ACCOUNT.format("He said last night that the evidence had been thin."),
                   dct=datetime(2005, 4, 28), source="A")
    assert _day(doc, "pleaded") == "2003-03-07"


def test_a_date_that_took_the_account_s_year_carries_it_on():
    later = ("The council listened. Diplomats argued. Ministers met. The allies waited. "
             "On March 17, the ambassadors withdrew the draft resolution.")
    doc = Document("a", ACCOUNT.format(later), dct=datetime(2005, 4, 28), source="A")
    assert _day(doc, "withdrew") == "2003-03-17"


def test_a_year_named_long_before_does_not_date_this_year_s_news():
    doc = Document("n", "The war began in 2003. Since then thousands have died. Officials counted the dead. "
                        "The toll rose again. Markets were calm. Shops opened late. "
                        "On March 7, insurgents attacked a convoy in the capital.", dct=datetime(2005, 4, 28), source="B")
    assert _day(doc, "attacked") == "2005-03-07"


def test_a_present_or_future_sentence_is_not_part_of_the_account():
    doc = Document("m", "The war began in 2003. On March 7, the council meets to review the mission.",
                   dct=datetime(2005, 2, 28), source="C")
    assert _day(doc, "mission") == "2005-03-07"


def test_a_narrative_never_moves_a_date_past_the_publication_year():
    doc = Document("f", "The plan was drawn up in 2006. On March 7, the minister approved the budget.",
                   dct=datetime(2005, 4, 28), source="D")
    assert _day(doc, "approved") == "2005-03-07"
