"""Events from syntax: where a sentence is parsed, what counts as an event, its tense and
aspect, and which time expression governs it come from the parse (timeline.syntax.predicates),
not from the words next to it."""
from __future__ import annotations

from datetime import datetime

from timeline.events.mentions import find_events
from timeline.model import Document, Tense
from timeline.time.analysis import analyse
from timeline.pipeline import build_timeline
from timeline.syntax import parse_spans, parse_text
from timeline.syntax.predicates import clause_of, same_clause, span_head, verb_tense
from timeline.time.tense import tense_words

DCT = datetime(2026, 2, 4)


def events_of(text: str, parsed: bool) -> dict[str, tuple]:
    doc = Document(id="d", text=text, dct=DCT)
    a = analyse(doc)
    parses = dict(enumerate(parse_spans(text, a.sentences))) if parsed else None
    times = {t.id: t.text for t in a.timexes}
    return {e.text: (times.get(e.timex or ""), e.tense, e.aspect, e.modality) for e in find_events(a, parses)}


def the(text: str, word: str) -> tuple:
    p = parse_text(text)[0]
    assert p is not None
    i = next(k for k, t in enumerate(p.tokens) if t.text == word)
    return p, i


def test_tense_and_aspect_come_from_the_verbs_own_auxiliaries():
    cases = {
        ("The company had quietly expanded its fleet.", "expanded"): (Tense.PAST, "PERFECTIVE", ""),
        ("The talks will be held in Geneva.", "held"): (Tense.FUTURE, "NONE", "will"),
        ("Troops were advancing on the city.", "advancing"): (Tense.PAST, "PROGRESSIVE", ""),
        ("The army could attack the port.", "attack"): (Tense.UNKNOWN, "NONE", "could"),
        ("Officials say the bridge collapsed.", "say"): (Tense.PRESENT, "NONE", ""),
    }
    for (text, word), want in cases.items():
        p, i = the(text, word)
        assert verb_tense(p, i, *tense_words()) == want, (text, word)
    p, i = the("The army hopes to attack the port.", "attack")
    assert verb_tense(p, i, *tense_words()) is None  # an infinitive alone has no tense


def test_a_perfect_split_by_an_adverb_is_still_perfective():
    # the words next to "expanded" are "quietly" and "its": only the parse links it to "had"
    text = "The company had quietly expanded its fleet."
    assert events_of(text, parsed=True)["expanded"][1:3] == (Tense.PAST, "PERFECTIVE")


def test_a_time_governs_the_events_of_its_own_clause():
    p = parse_text("Officials said on Tuesday that the plant had been hit.")[0]
    assert p is not None
    text = "Officials said on Tuesday that the plant had been hit."
    s, e = text.index("Tuesday"), text.index("Tuesday") + len("Tuesday")
    said = next(k for k, t in enumerate(p.tokens) if t.text == "said")
    hit = next(k for k, t in enumerate(p.tokens) if t.text == "hit")
    assert span_head(p, s, e) is not None
    assert same_clause(p, said, s, e) is True
    assert same_clause(p, hit, s, e) is False
    assert clause_of(p, hit) == hit


def test_a_time_in_a_relative_clause_does_not_anchor_the_main_verb():
    # "on Monday" is nearer to "signed" than "yesterday" is, but it sits in the clause of "met"
    text = "The ministers who met on Monday signed the treaty yesterday."
    without = events_of(text, parsed=False)
    with_parse = events_of(text, parsed=True)
    # (proximity alone reads it too: a time right after a verb is that verb's adjunct)
    assert without["signed"][0] == "yesterday"
    assert with_parse["signed"][0] == "yesterday"
    assert with_parse["met"][0] == "Monday"


def test_adjectives_and_auxiliaries_are_not_events_where_parsed():
    text = "The minister, who resigned in March, was willing to testify."
    assert "willing" in events_of(text, parsed=False)  # the event model's guess
    found = events_of(text, parsed=True)
    assert "willing" not in found
    assert {"resigned", "testify"} <= set(found)
    # ... and the infinitive no longer takes the time of the relative clause
    assert found["testify"][0] is None


def test_a_participle_the_tagger_calls_an_adjective_stays_an_event():
    found = events_of("Rescuers reached the trapped miners on Friday.", parsed=True)
    assert "reached" in found


def test_build_uses_the_parse_for_small_inputs_only_when_asked():
    text = "The minister, who resigned in March, was willing to testify."
    doc = Document(id="d", text=text, dct=DCT)
    found = {mode: {e.text for e in build_timeline([doc], syntax=mode).events} for mode in ("all", "none")}
    assert "willing" not in found["all"]  # the parse knows it for an adjective
    assert "willing" in found["none"]


def test_a_time_the_parser_makes_a_clause_of_its_own_is_left_to_proximity():
    # the parser takes "Yesterday" for the root and "unveiled" for a modifier of "Roe"
    text = "Yesterday , company CEO Jane Roe unveiled Widget 4 , the newest phone of Acme ."
    assert events_of(text, parsed=True)["unveiled"][0] == "Yesterday"


def test_a_time_before_a_trailing_attribution_dates_the_reported_happening():
    # the parser hangs "on March 2" on "recalled" (a misparse of the attribution); the time
    # tells when the earthquake struck, not when officials recalled it
    text = "A 6.8-magnitude earthquake struck the coastal city of Porto Verde on March 2, officials recalled."
    assert events_of(text, parsed=True)["struck"][0] == "March 2"
    inverted = "The envoy arrived in the capital on Monday, said the minister."
    assert events_of(inverted, parsed=True)["arrived"][0] == "Monday"


def test_an_attribution_that_is_not_trailing_keeps_its_own_time():
    from timeline.syntax.predicates import trailing_attribution

    words = frozenset({"say"})
    # the time after the verb is the saying's; a long clause after the verb is no attribution
    for text, time in (("The plant was hit, officials said on Tuesday.", "Tuesday"),
                       ("On Monday, officials said the plant had been hit by shells.", "Monday")):
        p, said = the(text, "said")
        end = text.index(time) + len(time)
        assert not trailing_attribution(p, said, end, words), text
    text = "The plant was hit on Tuesday, officials said."
    p, said = the(text, "said")
    assert trailing_attribution(p, said, text.index("Tuesday") + len("Tuesday"), words)
