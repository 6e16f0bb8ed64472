"""Task time36: what review 57 found in task time35's merge, told on Wednesday 2009-04-29 unless
said. Each finding's case fails on time35's merge (004d334); the guards beside them (a deadline in
the verb's own clause, a governing hope, a comparison in the inverted verb's clause, a relative's
aside) pass on it and still do. The regressions (a "so" in a complement
affirming a denial, a level's label that put its cut time back, a coordinated verb in a question
taken for a reported aside) pass on the code before task time34 too."""
from __future__ import annotations

from datetime import datetime

import pytest

from conftest import events_of, one_event

WEDNESDAY = datetime(2009, 4, 29, 10, 0)  # Friday gone by is the 24th, the coming Friday 1 May
SUNDAY = datetime(2009, 4, 26, 10, 0)


def _one(text: str, trigger: str, dct: datetime = WEDNESDAY):  # type: ignore[no-untyped-def]
    return one_event(text, trigger, dct)


def _day(event) -> str:  # type: ignore[no-untyped-def]
    return f"{event.envelope.start:%Y-%m-%d}" if event.envelope and event.envelope.start else ""


def _end(event) -> str:  # type: ignore[no-untyped-def]
    return f"{event.envelope.end:%Y-%m-%d}" if event.envelope and event.envelope.end else ""


# 1. a "by" deadline makes a modal perfect a future perfect only in the verb's own clause

@pytest.mark.parametrize("text, trigger, day, dct", [
    ("The bank may have lost money on Friday, and shares could fall further by Monday.", "lost", "2009-04-24", WEDNESDAY),
    ("He might have died on Saturday, by the coroner's estimate, and his body was found by Monday.", "died", "2009-04-25", WEDNESDAY),
    ("The crash could have happened on Saturday, by May the inquiry will know.", "happened", "2009-04-25", WEDNESDAY),
    ("The victim may have died on Monday, and an autopsy is expected by Friday.", "died", "2009-04-20", SUNDAY),
])
def test_a_deadline_in_another_clause_leaves_a_modal_perfect_past(text, trigger, day, dct):
    assert _day(_one(text, trigger, dct)) == day


@pytest.mark.parametrize("text, trigger, end", [
    ("The company may have completed the sale by Friday.", "completed", "2009-05-01"),
    ("By Friday, the rebels could have taken the capital, analysts warned.", "taken", "2009-05-01"),
])
def test_a_deadline_in_the_verbs_own_clause_keeps_it_ahead(text, trigger, end):
    assert _end(_one(text, trigger)) == end


# 2. no future perfect under a past saying or after "must"

@pytest.mark.parametrize("text, trigger, end", [
    ("Police said the suspect may have fled the country by Saturday.", "fled", "2009-04-25"),
    ("Officials must have known by Friday that the dam would fail.", "known", "2009-04-24"),
])
def test_a_deadline_after_a_past_saying_or_must_is_past(text, trigger, end):
    event = _one(text, trigger)
    assert event.relation.value == "before" and _end(event) == end


# 3. a hope or an expectation elsewhere in the sentence does not put a modal perfect ahead

@pytest.mark.parametrize("text, trigger", [
    ("Investors who had hoped for a rally may have sold shares on Friday.", "sold"),
    ("The company, which expects growth next year, may have lost money on Friday.", "lost"),
    ("Shares fell more than expected, and the bank may have lost money on Friday.", "lost"),
    ("The hoped-for deal may have collapsed on Friday.", "collapsed"),
    ("Analysts expect the bank may have lost money on Friday.", "lost"),
])
def test_a_hope_or_an_expectation_elsewhere_leaves_a_modal_perfect_past(text, trigger):
    assert _day(_one(text, trigger)) == "2009-04-24"


def test_a_modal_perfect_storm_passed_on_the_saturday_gone():
    assert _day(_one("Despite forecasts of rain, the storm may have passed on Saturday.", "passed")) == "2009-04-25"


def test_a_present_hope_that_governs_the_modal_keeps_it_ahead():
    assert _day(_one("Officials hope the company might have repaired the line on Saturday.", "repaired")) == "2009-05-02"


# 4. irregular participles in -ung, -unk and the rest

@pytest.mark.parametrize("text, trigger, day", [
    ("The ship may have sunk on Saturday, officials said.", "sunk", "2009-04-25"),
    ("The economy could have shrunk on Friday.", "shrunk", "2009-04-24"),
    ("A wasp may have stung him on Friday.", "stung", "2009-04-24"),
])
def test_a_modal_perfect_with_an_irregular_participle_is_past(text, trigger, day):
    event = _one(text, trigger)
    assert _day(event) == day
    assert not event.salient


# 5. (regression) a "so" in a complement or a purpose clause affirms no denial

@pytest.mark.parametrize("text, trigger, label", [
    ("Never did the governor say that the levee was so weak on Friday.", "say",
     "Governor did not say that the levee was so weak"),
    ("Not once did officials warn residents the river would rise so fast on Friday.", "warn",
     "Officials did not warn residents"),
    ("Never has the company paid a dividend so it can invest on Friday.", "paid", "Company has not paid a dividend"),
])
def test_a_so_outside_the_inverted_verbs_clause_leaves_the_denial(text, trigger, label):
    event = _one(text, trigger)
    assert event.label == label
    assert not event.salient


def test_a_comparison_in_the_inverted_verbs_own_clause_still_affirms():
    assert _one("Never before has the bank cut rates so sharply as it did on Monday.", "cut").salient


# 6. (regression) a level's label keeps the level whole and its time cut

@pytest.mark.parametrize("text, trigger, label", [
    ("The index closed on Friday at 1997 levels.", "closed", "Index closed at 1997 levels"),
    ("Stocks fell on Friday to 2003 lows.", "fell", "Stocks fell to 2003 lows"),
    ("Oil traded on Monday near 2004 prices.", "traded", "Oil traded near 2004 prices"),
    ("Stocks fell back to 2007 levels on Monday.", "fell", "Stocks fell back to 2007 levels"),
])
def test_a_levels_label_keeps_the_level_and_cuts_the_time(text, trigger, label):
    assert _one(text, trigger).label == label


# 7. a question's coordinated verbs are asked, not reported

def test_a_coordinated_verb_in_a_question_is_no_aside():
    text = "Has the bank cut jobs, raised fees, or closed branches since Friday?"
    assert not any(e.salient for e in events_of(text, WEDNESDAY))
    assert _one(text, "raised").label == "Has the bank cut jobs, raised fees, or closed branches?"


def test_a_participle_adjective_in_a_question_is_not_reported():
    assert not _one("Is the mayor, elected on Friday, ready to govern?", "elected").salient


def test_a_questions_label_leaves_no_bare_comma_where_a_time_was_cut():
    assert _one("Will the president, speaking on Friday, back the plan?", "speaking").label \
        == "Will the president, speaking, back the plan?"


def test_a_relatives_aside_inside_a_question_still_reports():
    assert _one("Can the bank, rescued on Monday by the state, survive?", "rescued").salient


# review 58 (stop 37): a bare verb after a question's aside goes on with the question (the aside
# reports), and a deadline that opens the sentence needs no comma to keep a modal perfect ahead

@pytest.mark.parametrize("text, trigger, asked", [
    ("Will the party, which was routed on Monday, become a force again?", "routed", "Will the party become a force again?"),
    ("Can the team, beaten on Saturday, overcome its rivals?", "beaten", "Can the team overcome its rivals?"),
    ("Will the bank, rescued on Monday, then fail?", "rescued", "Will the bank then fail?"),
])
def test_a_bare_verb_after_a_questions_aside_is_asked_and_the_aside_reports(text, trigger, asked):
    assert _one(text, trigger).salient
    assert asked in {e.label for e in events_of(text, WEDNESDAY)}


def test_an_opening_deadline_without_a_comma_keeps_a_modal_perfect_ahead():
    assert _end(_one("By Friday the rebels could have taken the capital.", "taken")) == "2009-05-01"


# stop 37 (review 58's finding 4): an irregular participle after has/have/had is the verb of its
# group, as "has fallen" is: "The economy has grown" and "The ship had sunk" had given no event

@pytest.mark.parametrize("text, trigger", [
    ("The economy has grown 2 percent this year.", "grown"),
    ("The ferry has sunk off the coast.", "sunk"),
    ("Prices have shrunk for three months.", "shrunk"),
    ("The bell has rung for the last time.", "rung"),
])
def test_an_irregular_participle_after_has_or_had_is_an_event(text, trigger):
    event = _one(text, trigger)
    assert event.salient and event.relation.value in ("before", "during")
