"""Task time35: what a review of task time34's merge found, told on Thursday 2009-04-30.

The regressions (a time that opens a clause taken for a level's year; an inverted denial read as a
comparison past its clause or by an idiom; a fact inside a question hidden) fail on time34's code
and pass on the code before it; the rest (modal perfects with a deadline, irregular participles,
question labels, level labels) fail on time34's code."""
from __future__ import annotations

from datetime import datetime

import pytest

from conftest import one_event

THURSDAY = datetime(2009, 4, 30, 10, 0)  # Monday gone by is the 27th, the coming Friday 1 May


def _one(text: str, trigger: str):  # type: ignore[no-untyped-def]
    return one_event(text, trigger, THURSDAY)


def _day(event) -> str:  # type: ignore[no-untyped-def]
    return f"{event.envelope.start:%Y-%m-%d}" if event.envelope and event.envelope.start else ""


def _end(event) -> str:  # type: ignore[no-untyped-def]
    return f"{event.envelope.end:%Y-%m-%d}" if event.envelope and event.envelope.end else ""


# 1. (regression) a time that opens its clause or follows a preposition of time, or is no bare
# year, dates its event: only "to 2007 levels", "pre-2008 levels" name a level

@pytest.mark.parametrize("text, trigger, day", [
    ("On Monday prices fell sharply.", "fell", "2009-04-27"),
    ("In March prices fell 2 percent.", "fell", "2009-03-01"),
    ("Last week prices jumped.", "jumped", "2009-04-20"),
    ("Yesterday levels of pollution soared.", "soared", "2009-04-29"),
    ("Since 2008 prices have fallen by half.", "fallen", "2009-01-01"),
    ("After Monday prices fell.", "fell", "2009-04-28"),
    ("On Friday highs reached 30 degrees.", "reached", "2009-04-24"),
    ("Monday's highs reached 30 degrees.", "reached", "2009-04-27"),
    ("Tomorrow's highs will reach 30 degrees.", "reach", "2009-05-01"),
    ("In 2007 prices rose 10 percent.", "rose", "2007-01-01"),
])
def test_a_time_before_a_level_noun_that_opens_the_clause_dates_the_event(text, trigger, day):
    event = _one(text, trigger)
    assert _day(event) == day
    assert event.salient


def test_a_levels_year_still_dates_nothing():
    assert _day(_one("Exports climbed back to 2007 levels on Monday.", "climbed")) == "2009-04-27"
    assert _day(_one("Unemployment rose to 1990s levels.", "rose")) == ""


# 2, 3. (regression) an inverted denial stays a denial when a "so" or "such" is in a later clause
# or is an idiom that compares nothing

@pytest.mark.parametrize("text, trigger, label", [
    ("Never has the party won a majority, so its leader quit on Monday.", "won", "Party has not won a majority"),
    ("Not once did the minister visit the town, which was hit so hard by the floods on Monday.", "visit",
     "Minister did not visit the town"),
    ("At no time did the army fire on protesters, and such claims were denied on Sunday.", "fire",
     "Army did not fire on protesters"),
    ("Not once has the president visited the region so far.", "visited", "President has not visited the region so far"),
    ("Never has the bank cut rates so far.", "cut", "Bank has not cut rates"),
    ("At no time did police fire on the crowd so as to disperse it on Sunday.", "fire", "Police did not fire"),
])
def test_an_inverted_denial_with_no_comparison_in_its_clause_is_denied(text, trigger, label):
    event = _one(text, trigger)
    assert event.label == label
    assert not event.salient


@pytest.mark.parametrize("text, verb", [
    ("Never has he said so publicly.", "said"),
    ("Never did the minister do so on Monday.", "do"),
    ("Never has the country faced threats such as these.", "faced"),
    ("Never did he so much as mention the attack.", "mention"),
    ("Never has the party won a majority, so its leader quit on Monday.", "won"),
])
def test_so_and_such_idioms_compare_nothing(text, verb):
    from timeline.events.polarity import compared

    at = text.index(verb)
    assert not compared(text, at, len(text))


def test_a_comparison_in_the_verbs_own_clause_still_affirms():
    from timeline.events.polarity import compared

    text = "Never before has the bank cut rates so sharply as it did on Monday, and shares fell."
    assert compared(text, text.index("cut"), len(text))


# 4. a modal perfect with a "by" deadline, or after a hope, is a future perfect: ahead; a saying
# verb keeps its own tense

@pytest.mark.parametrize("text, trigger", [
    ("By Friday, the rebels could have taken the capital, analysts warned.", "taken"),
    ("Officials hope the company might have repaired the line by Saturday.", "repaired"),
    ("The company may have completed the sale by Friday.", "completed"),
])
def test_a_modal_perfect_with_a_deadline_stays_ahead(text, trigger):
    assert _end(_one(text, trigger)) >= "2009-05-01"


def test_the_warning_keeps_its_own_tense():
    event = _one("By Friday, the rebels could have taken the capital, analysts warned.", "warned")
    assert _end(event) == "2009-05-01"  # before the end of the day told (not before the 24th)


# 5, 6. irregular participles and "been ...ing" in a modal perfect are past

@pytest.mark.parametrize("text, trigger, day", [
    ("The deal could have gone through on Friday.", "gone", "2009-04-24"),
    ("He would have done it on Sunday.", "done", "2009-04-26"),
    ("The talks could have begun on Friday.", "begun", "2009-04-24"),
    ("But for the rain on Sunday the match would have gone ahead.", "gone", "2009-04-26"),
    ("She would have been playing on Saturday.", "playing", "2009-04-25"),
])
def test_a_modal_perfect_with_an_irregular_participle_is_past(text, trigger, day):
    event = _one(text, trigger)
    assert _day(event) == day
    assert not event.salient  # it did not happen as told


# 7. a question's label cuts its time with the time's preposition

@pytest.mark.parametrize("text, trigger, label", [
    ("Will the talks resume on Friday in Geneva?", "resume", "Will the talks resume in Geneva?"),
    ("Has the bank cut rates since March 2008 at all?", "cut", "Has the bank cut rates at all?"),
])
def test_a_questions_label_cuts_the_time_with_its_preposition(text, trigger, label):
    assert _one(text, trigger).label == label


# 8. (regression) a participle's clause set off by commas inside a question reports a fact

def test_a_fact_set_off_inside_a_question_is_reported():
    text = "Can the bank, rescued on Monday by the state, survive?"
    rescued = _one(text, "rescued")
    assert rescued.salient
    assert _day(rescued) == "2009-04-27"
    assert rescued.label == "Bank rescued by the state"


def test_a_questions_label_leaves_out_its_aside():
    assert _one("Can the bank, rescued on Monday by the state, survive?", "survive").label == "Can the bank survive?"


def test_a_relative_clause_inside_a_question_is_left_out_of_the_questions_label():
    assert _one("Will the talks, which collapsed on Monday, ever resume?", "resume").label == "Will the talks ever resume?"


# 9. a level's label keeps "to 2007 levels" whole

@pytest.mark.parametrize("text, trigger, label", [
    ("Stocks fell back to 2001 levels on Monday.", "fell", "Stocks fell back to 2001 levels"),
    ("Stocks fell back to 2007 levels on Monday.", "fell", "Stocks fell back to 2007 levels"),
    ("Stocks fell back to 2001 levels.", "fell", "Stocks fell back to 2001 levels"),
    ("Unemployment rose to 1990s levels on Monday.", "rose", "Unemployment rose to 1990s levels"),
])
def test_a_levels_label_keeps_the_level_whole(text, trigger, label):
    assert _one(text, trigger).label == label


@pytest.mark.parametrize("text, trigger", [
    ("He would have liked to stay.", "liked"),
    ("The minister would have wanted to resign.", "wanted"),
])
def test_a_modal_perfect_with_no_time_lies_before_the_publication(text, trigger):
    event = _one(text, trigger)
    assert event.relation.value == "before" and _end(event) == "2009-05-01"
