"""One happening, one row: the mentions of one happening that the pairwise joins of the story
leave in several groups are folded together (`story.folding`), and distinct happenings of one
kind on one day (another place's earthquake, another defendant's hearing) stay apart."""
from __future__ import annotations

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


def _rows(stories: list[tuple[str, int, list[tuple[str, str]]]]) -> list[list[str]]:
    """The happenings of these articles, each as the sorted articles that report it."""
    docs, events = [], []
    for doc, late, told in stories:
        d, e = _article(doc, late, told)
        docs.append(d)
        events += e
    happenings, _ = build_happenings(docs, events)
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
