"""One happening, one row: the mentions of one happening that the pairwise joins of the story
leave in several groups are folded together (`story.folding`), and distinct happenings of one
kind on one day (another place's earthquake, another defendant's hearing) stay apart."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from timeline.model import AnchorKind, Document, Event, Interval, Relation
from timeline.story.happenings import build_happenings

DAY = datetime(2026, 3, 3)  # a Tuesday


def _article(doc: str, late: int, told: list[tuple[str, str]]) -> tuple[Document, list[Event]]:
    """An article published `late` days after DAY, of these sentences, each with the event word
    of one mention dated to DAY (as the events stage dates "on Tuesday")."""
    text, events = "", []
    for k, (sentence, trigger) in enumerate(told):
        at = len(text) + sentence.index(trigger)
        events.append(Event(f"e{k + 1}", doc, at, at + len(trigger), trigger, sentence, sentence.rstrip("."),
                            Relation.ON, AnchorKind.TIMEX, envelope=Interval(DAY, DAY + timedelta(days=1))))
        text += sentence + " "
    return Document(doc, text.strip(), dct=DAY + timedelta(days=late), source=f"Outlet {doc}"), events


def _stories(stories: list[tuple[str, int, list[tuple[str, str]]]]) -> tuple[list[Document], list[Event]]:
    docs, events = [], []
    for doc, late, told in stories:
        d, e = _article(doc, late, told)
        docs.append(d)
        events += e
    return docs, events


def _rows(stories: list[tuple[str, int, list[tuple[str, str]]]]) -> list[list[str]]:
    """The happenings of these articles, each as the sorted articles that report it."""
    happenings, _ = build_happenings(*_stories(stories))
    return sorted(sorted({m.doc for m in h.mentions}) for h in happenings)


QUAKE = [
    ("p0", 1, [("Porto Verde was hit by a massive earthquake on Tuesday.", "earthquake"),
               ("Thousands of people died in the old town of Porto Verde on Tuesday, the Red Cross said.", "died")]),
    ("p1", 1, [("A massive earthquake hit Porto Verde on Tuesday.", "earthquake"),
               ("On Tuesday thousands of people died in the old town, the Red Cross in Porto Verde said.", "died")]),
    ("p2", 1, [("The massive earthquake that hit Porto Verde on Tuesday flattened the port.", "earthquake")]),
    ("p3", 1, [("Tuesday's massive earthquake in Porto Verde flattened the cathedral.", "earthquake")]),
    ("p4", 1, [("Porto Verde was hit by a massive earthquake on Tuesday morning.", "earthquake")]),
    ("p5", 1, [("Rescuers searched the rubble after a massive earthquake hit Porto Verde on Tuesday.", "earthquake")]),
    # the toll, told by the earthquake's reports in other words, on the day and the next
    ("q0", 0, [("Estimates of how many people died in the old town in Tuesday's massive earthquake vary, "
                "the Red Cross said.", "earthquake")]),
    ("q1", 1, [("The Red Cross estimates how many people died in the old town in the earthquake on Tuesday.",
                "earthquake")]),
    ("q2", 1, [("How many people died in the old town in the massive earthquake on Tuesday, the Red Cross "
                "cannot say.", "earthquake")]),
]


def test_the_reports_of_one_earthquake_told_in_other_words_are_one_row_not_two():
    """The toll's reports ("how many people died in Tuesday's earthquake") pair with two of the
    earthquake's articles' sentences of deaths, not with their sentences of the earthquake:
    the pairwise joins leave two groups of one kind on one day, the second sharing articles
    with the first. They are one happening: its kind, its place, its day."""
    rows = _rows(QUAKE)
    quake = next(r for r in rows if "p2" in r)
    assert {"p0", "p1", "p3", "p4", "p5", "q0", "q1", "q2"} <= set(quake)
    assert len([r for r in rows if set(r) & {"q0", "q1", "q2"}]) == 1


def test_another_place_s_earthquake_that_day_stays_a_happening_of_its_own():
    """An earthquake in Tonga that day, told in a few of the same words ("a massive earthquake
    hit"), is another happening: its place is not Porto Verde."""
    tonga = ("t0", 1, [("A massive earthquake hit the islands of Tonga on Tuesday, officials in Nukualofa said.",
                        "earthquake")])
    rows = _rows(QUAKE + [tonga])
    assert ["t0"] in rows
    assert any({"p0", "q0"} <= set(r) for r in rows)


def test_two_defendants_hearings_of_one_day_are_two_happenings():
    """Two hearings in one court on one day, each reported in several articles in much the same
    words, are two happenings: each report names its defendant. One defendant's hearing
    reported in other words is still one."""
    rows = _rows([
        ("s0", 1, [("Conrad Smith appeared at a hearing in the district court on Tuesday.", "hearing")]),
        ("s1", 1, [("At a hearing in the district court on Tuesday Conrad Smith pleaded not guilty.", "hearing")]),
        ("s2", 1, [("Conrad Smith's hearing in the district court on Tuesday lasted an hour.", "hearing")]),
        ("l0", 1, [("Maria Lopez's hearing in the district court on Tuesday was adjourned.", "hearing")]),
        ("l1", 1, [("The hearing of Maria Lopez in the district court was adjourned on Tuesday.", "hearing")]),
    ])
    assert ["s0", "s1", "s2"] in rows and ["l0", "l1"] in rows


def test_a_clause_told_by_two_of_its_words_is_one_key_event_not_two():
    """"Police carried out an extensive interview": where the events stage leaves the carrying
    out and the interview two happenings of one sentence, the interview is no key event of its
    own next to the happening whose label already tells it: it ranks below all the other news
    of those days, however it is dated."""
    from timeline.pipeline import build_timeline

    texts = ["Police said they had carried out an extensive interview with the doctor on Saturday.",
             "On Saturday police carried out what they said was an extensive interview with the singer's doctor.",
             "Police investigating the death say they have carried out an extensive interview with his doctor.",
             "The singer's family thanked fans for their support on Sunday.",
             "Thousands of fans gathered outside the hospital on Sunday."]
    docs = [Document(f"a{i}", t, dct=datetime(2009, 6, 28 + (i > 1)), source=f"Outlet {i}") for i, t in enumerate(texts)]
    ranked = sorted(build_timeline(docs).happenings, key=lambda h: h.rank)
    carried = next(h for h in ranked if {m.doc for m in h.mentions} == {"a0", "a1"})
    alone = [h for h in ranked if {m.doc for m in h.mentions} == {"a1"}]
    assert carried.rank == 1 and "interview" in carried.label
    assert [h.rank for h in alone] == [len(ranked)]


def test_the_names_of_a_sentence_s_other_clauses_do_not_keep_one_happening_apart():
    """Two reports of the failed attacks, each in a sentence whose other clause names someone
    else ("Experts said the Zawahiri tape ...", "... was arrested in Rome"), and a capitalised
    common word at a sentence's start ("Experts"), are still one happening: its participants are
    the names next to its words."""
    rows = _rows([
        ("a0", 2, [("Experts said the Zawahiri tape came out two weeks after the failed attacks on Tuesday.",
                    "attacks")]),
        ("a1", 3, [("One of the men accused over the failed attacks in London on Tuesday was arrested in Rome "
                    "by Italian police.", "attacks")]),
    ])
    assert ["a0", "a1"] in rows


def _told_since(doc: str, late: int, sentence: str, trigger: str) -> tuple[Document, list[Event]]:
    """An article published `late` days after DAY with one mention dated only by its
    publication day and its tense ("has left": on or before that day), as the events stage
    dates a past or a present perfect no time expression dates."""
    at = sentence.index(trigger)
    end = DAY + timedelta(days=late + 1)
    perfect = "PERFECTIVE" if re.search(r"\b(?:has|have)\s+$", sentence[:at]) else "NONE"
    event = Event("e1", doc, at, at + len(trigger), trigger, sentence, sentence.rstrip("."), Relation.BEFORE,
                  AnchorKind.DCT_TENSE, envelope=Interval(None, end), aspect=perfect)
    return Document(doc, sentence, dct=DAY + timedelta(days=late), source=f"Outlet {doc}"), [event]


def _rows_with(stories: list[tuple[str, int, list[tuple[str, str]]]],
               since: list[tuple[str, int, str, str]]) -> list[list[str]]:
    """The happenings (as in `_rows`) of articles whose mentions are dated to DAY and of
    articles whose one mention is dated only by their publication day and tense."""
    docs, events = [], []
    for doc, late, told in stories:
        d, e = _article(doc, late, told)
        docs.append(d)
        events += e
    for args in since:
        d, e = _told_since(*args)
        docs.append(d)
        events += e
    happenings, _ = build_happenings(docs, events)
    return sorted(sorted({m.doc for m in h.mentions}) for h in happenings)


SHAKEN = [
    ("p0", 0, [("A 7.0 magnitude earthquake hit Porto Verde on Tuesday, flattening the cathedral.", "earthquake")]),
    ("p1", 1, [("Tuesday's 7.0 magnitude earthquake in Porto Verde flattened the cathedral and the port.", "earthquake")]),
    ("p2", 1, [("The earthquake that struck Porto Verde on Tuesday flattened the port.", "earthquake")]),
]
HOMELESS = [("r0", 3, "The earthquake that flattened the port has left half of Porto Verde homeless.", "earthquake"),
            ("r1", 4, "The earthquake that flattened the cathedral has left thousands in Porto Verde homeless.",
             "earthquake")]


def test_reports_dated_only_by_their_day_and_tense_fold_into_the_happening_they_restate():
    """"The earthquake that flattened the port has left half of Porto Verde homeless",
    published days after Tuesday's earthquake and dated by no time expression (on or before
    its publication day), tells of that earthquake: its kind, its place, within days. One
    row, dated Tuesday, not a second row of no day."""
    rows = _rows_with(SHAKEN, HOMELESS)
    assert rows == [["p0", "p1", "p2", "r0", "r1"]]


def test_a_later_earthquake_of_another_magnitude_is_not_folded_into_the_first():
    """An aftershock told the same way ("a 6.1 magnitude earthquake has hit Porto Verde")
    counts another magnitude: a happening of its own, not Tuesday's earthquake restated."""
    rows = _rows_with(SHAKEN, [("a0", 5, "A 6.1 magnitude earthquake has hit Porto Verde, aid workers say.", "earthquake"),
                               ("a1", 5, "Aid workers say a 6.1 magnitude earthquake has hit Porto Verde.", "earthquake")])
    assert ["a0", "a1"] in rows and ["p0", "p1", "p2"] in rows


HEARING = [
    ("s0", 0, [("Conrad Smith appeared in the district court on Tuesday.", "appeared")]),
    ("s1", 1, [("On Tuesday Conrad Smith appeared in the district court and pleaded not guilty.", "appeared")]),
    ("s2", 1, [("Conrad Smith appeared in the district court on Tuesday for an hour.", "appeared")]),
]
AGAIN = ("Conrad Smith has appeared in the district court, his lawyer says.", "appeared")


def test_a_hearing_told_weeks_later_is_a_second_hearing_not_the_first_restated():
    """"Conrad Smith has appeared in the district court", in articles of weeks later, is news
    of those days (a present perfect), another hearing: a row of its own, not the first
    hearing's. The same report two days after the hearing restates it; and so does a simple
    past weeks later ("Smith appeared in court", any time before)."""
    later = _rows_with(HEARING, [("h0", 40, *AGAIN), ("h1", 41, *AGAIN)])
    assert ["h0", "h1"] in later and ["s0", "s1", "s2"] in later
    soon = _rows_with(HEARING, [("h0", 2, *AGAIN), ("h1", 3, *AGAIN)])
    assert soon == [["h0", "h1", "s0", "s1", "s2"]]
    past = ("Conrad Smith appeared in the district court, his lawyer says.", "appeared")
    assert _rows_with(HEARING, [("h0", 40, *past), ("h1", 41, *past)]) == [["h0", "h1", "s0", "s1", "s2"]]


def test_the_present_perfect_and_commemoration_rules_read_their_examples_and_not_their_negatives():
    from timeline.rules import load_toml
    from timeline.story.features import match_rules

    data = load_toml("story.toml")["match"]
    for key, rule in (("present_perfect", match_rules().present_perfect), ("commemorated", match_rules().commemorated)):
        assert data[f"{key}_examples"] and data[f"{key}_negatives"]
        assert all(rule.search(x) for x in data[f"{key}_examples"]), key
        assert not any(rule.search(x) for x in data[f"{key}_negatives"]), key


def _clauses(told: list[tuple[str, str, list[tuple[str, str, int]]]]) -> list[list[str]]:
    """The happenings (each as its sorted mentions, "article.event") of articles published
    the day after DAY, each of one sentence with mentions (event word, label, the day it is
    dated to, from DAY)."""
    docs, events = [], []
    for doc, sentence, mentions in told:
        for k, (trigger, label, day) in enumerate(mentions):
            at = sentence.index(trigger)
            when = DAY + timedelta(days=day)
            events.append(Event(f"e{k + 1}", doc, at, at + len(trigger), trigger, sentence, label, Relation.ON,
                                AnchorKind.TIMEX, envelope=Interval(when, when + timedelta(days=1))))
        docs.append(Document(doc, sentence, dct=DAY + timedelta(days=1), source=f"Outlet {doc}"))
    happenings, _ = build_happenings(docs, events)
    return sorted(sorted({f"{m.doc}.{m.event}" for m in h.mentions}) for h in happenings)


def test_a_clause_told_by_its_verb_and_its_noun_is_one_row_dated_as_the_clause():
    """"Police carried out an extensive interview with the doctor": where the events stage
    leaves the carrying out and the interview two happenings in every article (and dates the
    noun of one article apart, two days before), the interview is no row of its own: one
    happening, on the clause's day."""
    told = [(f"a{i}", f"{who} carried out an extensive interview with the doctor on Tuesday.",
             [("carried", f"{who} carried out an extensive interview with the doctor", 0),
              ("interview", "Extensive interview with the doctor", -2 if i == 2 else 0)])
            for i, who in enumerate(("Police", "Detectives", "The police"))]
    assert _clauses(told) == [["a0.e1", "a0.e2", "a1.e1", "a1.e2", "a2.e1", "a2.e2"]]


def test_a_support_verb_s_sentence_with_another_clause_still_tells_two_happenings():
    """"Rescuers carried out a search of the rubble in Porto Verde, where the cathedral
    collapsed": the collapse is no object of the carrying out (another clause), a happening of
    its own."""
    told = [(f"a{i}", "Rescuers carried out a search of the rubble in Porto Verde, where the cathedral collapsed on "
             "Tuesday.", [("carried", "Rescuers carried out a search of the rubble in Porto Verde", 0),
                          ("collapsed", "The cathedral collapsed", 0)]) for i in range(3)]
    assert _clauses(told) == [["a0.e1", "a1.e1", "a2.e1"], ["a0.e2", "a1.e2", "a2.e2"]]


def test_an_anniversary_s_day_is_not_the_day_of_what_it_recalls():
    """"Fans marked the first anniversary of the singer's death on Friday": Friday is the
    anniversary's day; no row says the singer's death was on it. The death stays on its day,
    and the anniversary is a row of its own."""
    died = [(f"d{i}", f"The singer died {where} on Tuesday.", [("died", f"The singer died {where}", 0)])
            for i, where in enumerate(("at his home", "in Los Angeles", "at his rented home"))]
    marked = [(f"m{i}", "Fans marked the first anniversary of the singer's death on Friday.",
               [("marked", "Fans marked the first anniversary of the singer's death", 3), ("death", "Singer's death", 3)])
              for i in range(2)]
    assert _clauses(died + marked) == [["d0.e1", "d1.e1", "d2.e1"], ["m0.e1", "m1.e1"]]
