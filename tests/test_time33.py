"""Task time33: what a review of task time32's merge found, each as a class (the regressions first).

A negative inversion that denied words inside its opener, or a verb with no inversion; openers
that affirm ("Not before", "Not for nothing", "Not in X but in Y"); the labels of inverted verbs;
"not ... until" reaching into another clause or labelled as a denial; a correction hiding a new
clause; a bare capitalised subject in -s taken for a surname (tense.toml [plural_subjects]); the
small hours of last night (compose.toml, combinators.toml examples); a year before a noun after a
market verb (dates.toml examples); inserted adverbials, "Only ... did" labels and questions. Each
failed on the code before the task."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Document
from conftest import events_of, one_event

SUNDAY = datetime(2009, 4, 26, 7, 45)  # Monday gone by is the 20th, Tuesday the 21st


def _events(text: str, dct: datetime = SUNDAY):
    return events_of(text, dct)


def _one(text: str, trigger: str, dct: datetime = SUNDAY):
    return one_event(text, trigger, dct)


# 1. a negative inversion denies only its auxiliary's own verb, where the auxiliary inverts
@pytest.mark.parametrize("text, trigger, label", [
    ("Not since the invasion of 2003 has violence been so low.", "invasion", "Invasion of 2003"),
    ("Not once during the strike on Monday did the union call off talks.", "strike", "Strike on Monday"),
    ("Nowhere did he mention the attack on Monday.", "attack", "Attack on Monday"),
    ("Not once during the strike on Monday did the union call off talks.", "talks", "Union call off talks"),
])
def test_a_word_inside_the_opener_or_the_verbs_object_is_no_denied_happening(text, trigger, label):
    e = _one(text, trigger)
    assert e.salient and e.label == label


@pytest.mark.parametrize("text, trigger", [
    ("Not for the first time the bank has cut rates.", "cut"),
    ("Nowhere was the damage worse than in Galveston.", "damage"),
])
def test_no_inversion_no_denial(text, trigger):
    assert _one(text, trigger).salient


# 2. openers that affirm: the verb happened, labelled as a statement
@pytest.mark.parametrize("text, trigger, label", [
    ("Not before the vote did he resign.", "resign", "He resigned"),
    ("Not for nothing did he resign on Monday.", "resign", "He resigned"),
    ("Not in Paris but in Lyon did the talks take place on Monday.", "take", "Talks took place"),
])
def test_an_affirming_opener_tells_a_happening(text, trigger, label):
    e = _one(text, trigger)
    assert e.label == label and (e.salient or e.same_as)  # (or told by a mention it is the same as)
    assert not any(x.label.startswith("Not") for x in _events(text))


# 3. an inversion-denied verb's label says it is denied
@pytest.mark.parametrize("text, trigger, label", [
    # (task time34: a comparison by degree, "such damage", "so much", tells of this one: test_time34)
    ("Rarely has a storm caused damage here.", "caused", "Storm has not caused damage here"),
    ("Never has a government spent money on defence.", "spent", "Government has not spent money on defence"),
    ("Not since Monday has the bank reopened.", "reopened", "Bank has not reopened"),
    ('"Not since 1990 has the party won a majority," he said on Monday.', "won", "Party has not won a majority"),
    ("Never before has the town seen floods.", "seen", "Town has not seen floods"),
    ("Not once did he visit the town.", "visit", "Not visit the town"),
    ("Not since the war have many people fled the city.", "fled", "Many people have not fled the city"),
])
def test_an_inversion_denied_verb_is_labelled_as_denied(text, trigger, label):
    e = _one(text, trigger)
    assert not e.salient and e.label == label


# 4. "not ... until" stays in its own clause: no whether, if, "to", modal between
@pytest.mark.parametrize("text, trigger, end", [
    ("He did not say whether he would stay until 2012.", "stay", datetime(2012, 1, 1)),
    ("He was not allowed to stay until 2005.", "stay", datetime(2005, 1, 1)),
    ("The bank did not expect losses to last until 2010.", "last", datetime(2010, 1, 1)),
])
def test_until_after_another_verbs_clause_keeps_its_before(text, trigger, end):
    e = _one(text, trigger)
    assert e.envelope.start is None and e.envelope.end == end


def test_not_until_in_another_clause_keeps_the_denial_in_the_label():
    assert _one("The bank did not expect losses to last until 2010.", "expect").label == "Bank did not expect losses"


# 5. "not ... until" is labelled as the happening at that time, whatever the subject or auxiliary
@pytest.mark.parametrize("text, trigger, label", [
    ("He did not win until 2008.", "win", "He won"),
    ("He did not resign until March 2008.", "resign", "He resigned"),
    ("He had not been seen until Tuesday.", "seen", "He was seen"),
    ("He never left the city until 2005.", "left", "He left the city"),
    ("The party did not win until 2008.", "win", "Party won"),
])
def test_not_until_is_labelled_as_the_happening(text, trigger, label):
    assert _one(text, trigger).label == label


# 6. after a correction's clause of time, a subject and its verb are a new clause: still a denial
@pytest.mark.parametrize("text, trigger", [
    ("He did not arrive on Monday, but on Tuesday after talks he left.", "arrive"),
    ("He did not arrive on Monday, but on Tuesday, after talks, he left.", "arrive"),
    ("Police did not arrest him on Monday, but on Tuesday after a raid, officers found guns.", "arrest"),
])
def test_a_new_clause_after_the_clause_of_time_keeps_the_denial(text, trigger):
    e = _one(text, trigger)
    assert not e.salient and e.envelope.start == datetime(2009, 4, 20)


# 10. more inserted adverbials; "Only ... did" labels; a question is no report
@pytest.mark.parametrize("text, trigger, label", [
    ("He did not, however, resign on Monday.", "resign", "Not resign"),
    ("He has not, to date, resigned.", "resigned", "Not resigned"),
    ("He did not, of course, resign on Monday.", "resign", "Not resign"),
])
def test_a_denial_with_however_of_course_to_date_is_one(text, trigger, label):
    e = _one(text, trigger)
    assert not e.salient and e.label == label


@pytest.mark.parametrize("text, trigger, label", [
    ("Only then did he speak.", "speak", "He spoke"),
    ("Only last week did the bank admit its losses.", "admit", "Bank admitted"),
    ("Only after the vote on Monday did he resign.", "resign", "He resigned"),
    ("Not until Monday will we know the result.", "know", "We will know the result"),
])
def test_an_affirming_inversion_is_labelled_as_a_statement(text, trigger, label):
    assert _one(text, trigger).label == label


@pytest.mark.parametrize("text, trigger", [
    ("Did he not resign on Monday?", "resign"),
    ("Didn't the bank collapse on Monday?", "collapse"),
    ("Did he resign on Monday?", "resign"),
])
def test_a_question_tells_no_happening(text, trigger):
    assert not _one(text, trigger).salient


@pytest.mark.parametrize("text, trigger, label", [
    ("Only then did he speak to reporters on Monday.", "reporters", "Reporters on Monday"),
    ("Not until Monday will we know the result.", "result", "Result"),
])
def test_a_noun_after_an_inverted_verb_keeps_its_own_label(text, trigger, label):
    assert _one(text, trigger).label == label


# review54: what the fixes above broke
@pytest.mark.parametrize("text, day", [
    ('"Did he resign?" she asked on Monday.', 20),
    ('"Were you there?" the judge asked the witness on Tuesday.', 21),
    ('"Did he resign?" the reporter asked, on Monday.', 20),
])
def test_the_asking_after_a_quoted_question_is_reported_and_dated(text, day):
    """A question ends at its mark: the reporting clause after it is no part of it."""
    e = _one(text, "asked")
    assert e.salient and e.envelope is not None and e.envelope.start == datetime(2009, 4, day)


@pytest.mark.parametrize("text, level", [
    ("Gold could rise to 1200 by year-end.", "1200"),
    ("Analysts say the index will climb to 2050 within weeks.", "2050"),
    ("The Dow could rise to 2010 by spring.", "2010"),
    ("The Nasdaq is likely to close at 2010 in the coming days.", "2010"),
    ("The index will fall back to 1800 on Monday.", "1800"),
])
def test_a_market_level_before_by_within_or_in_a_time_is_no_year(text, level):
    from timeline.time.analysis import extract

    assert level not in [t.text for t in extract(Document("d", text, dct=SUNDAY))]


@pytest.mark.parametrize("text", [
    "He did not arrive on Monday, but on Tuesday after the police arrived.",
    "He did not arrive on Monday, but on Tuesday after the peace officers arrived.",
])
def test_a_clause_of_time_with_its_own_subject_keeps_the_correction(text):
    e = _one(text, "arrive")
    assert e.salient and e.envelope.start == datetime(2009, 4, 21) and e.label == "Arrived on Tuesday"
