"""Labels that carry their happening's news (issue 14): a mention that names the happening by
an epithet or a comparison does not label it (timeline.syntax.epithet, story.happenings.best_label);
an "it" after "and" takes the thing the clause before names; a pronoun is not given a name
across a noun for a person the tagger mistook."""
from __future__ import annotations

import pytest

from timeline.rules import load_toml
from timeline.syntax.epithet import epithet
from timeline.syntax.lint import lint

RULES = load_toml("labels.toml")["epithet"]


@pytest.mark.parametrize("sentence,trigger", RULES["examples"])
def test_an_epithet_or_a_comparison_names_a_happening_without_news(sentence, trigger):
    assert epithet(sentence, trigger)


@pytest.mark.parametrize("sentence,trigger", RULES["negatives"])
def test_a_happening_reported_is_no_epithet(sentence, trigger):
    assert not epithet(sentence, trigger)


def _mention(doc: str, sentence: str, trigger: str, label: str):
    from timeline.model import AnchorKind, Event, Relation

    at = sentence.index(trigger)
    return Event("e1", doc, at, at + len(trigger), trigger, sentence, label, Relation.ON, AnchorKind.TIMEX)


def test_a_happening_does_not_wear_the_label_of_a_comparison_or_an_epithet():
    from timeline.story.features import features, match_rules
    from timeline.story.happenings import best_label

    compared = _mention("a", "The hearing was calmer than the Smith trial in Ohio.", "trial", "Smith trial in Ohio")
    named = _mention("b", "Next year may be remembered as the governor's budget trial.", "trial",
                     "Governor's budget trial")
    told = _mention("c", "The Smith trial opened in Ohio on Monday.", "opened", "Smith trial opened in Ohio")
    rules = match_rules()
    for members in ([compared, named, told], [told, named, compared], [named, told, compared]):
        assert best_label(members, [features(e, rules) for e in members]) is told


def _label(text: str, trigger: str) -> str | None:
    from timeline.syntax import parse_spans
    from timeline.syntax.clauses import clause, token_at

    parse = parse_spans(text, [(0, len(text))])[0]
    at = text.index(trigger)
    found = clause(parse, token_at(parse, at, at + len(trigger)), text)
    return found.label if found else None


def test_it_after_and_is_the_thing_the_clause_before_names():
    assert _label("The council's report was published in May and it has not been revised.", "revised") \
        == "Council's report has not been revised"
    assert _label("The plan was sound and it worked well.", "worked") == "Plan worked well"
    # (its phrase without the last phrases a preposition opens, when it is long)
    assert _label("The guidance issued by the health ministry to all hospitals was firm and it hadn't changed.",
                  "changed") == "Guidance issued by the health ministry hadn't changed"
    # (not a plural, nor a person: the label says it has no subject, and the lint fails it)
    label = _label("The ministers met in May but it was not enough.", "enough")
    assert label is None or "inisters" not in label and lint(label), label


def test_a_contracted_negative_that_opens_a_label_is_a_lost_subject():
    assert any(p.startswith("subjectless") for p in lint("Hadn't changed its advice"))
    assert not any(p.startswith("subjectless") for p in lint("Advice hadn't changed"))


def test_a_noun_of_infinitive_keeps_what_it_is_of():
    assert _label("As one critic put it, the mayor's failure to fix the roads has cost the city dearly.", "failure") \
        == "Mayor's failure to fix the roads"


def test_he_is_not_given_a_name_across_a_person_the_tagger_took_for_an_adjective():
    from timeline.events.labels import label_events
    from timeline.model import Document

    text = "At a Bristol lunch last week, I heard a college dean remark that he had taken part in two protests."
    e = _mention("d", text, "taken", "taken part in two protests")
    (labelled,) = label_events(Document("d", text), [e], [])
    assert "Bristol" not in labelled.label, labelled.label


def test_the_label_signal_says_whether_a_mention_gives_a_headline():
    from timeline.story.happenings import label_passes

    assert label_passes(_mention("a", "The Smith trial opened in Ohio on Monday.", "opened", "Smith trial opened in Ohio"))
    assert not label_passes(_mention("b", "The advice was clear and it hadn't changed.", "changed", "Hadn't changed"))
    assert not label_passes(_mention("c", "The hearing was calmer than the Smith trial in Ohio.", "trial",
                                      "Smith trial in Ohio"))


def test_a_bare_noun_of_a_happening_keeps_the_date_written_after_it():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from test_labels import _label as timed

    text = "The mayor will get a boost tomorrow when the Herald backs him for the city election in June, his aides said."
    assert timed(text, "election", times=("tomorrow", "June")) == "City election in June"


def test_a_noun_named_by_what_caused_it_labels_no_happening_while_a_clause_does():
    from timeline.story.features import features, match_rules
    from timeline.story.happenings import best_label, qualifying

    sentence = "Severe infections caused by so-called resistant bacteria are spreading in care homes, doctors warned."
    named = _mention("a", sentence, "caused", "Severe infections caused by so-called resistant bacteria")
    spreading = _mention("a", sentence, "spreading",
                         "Infections caused by so-called resistant bacteria are spreading in care homes")
    assert qualifying(named) and not qualifying(spreading)
    rules = match_rules()
    for members in ([named, spreading], [spreading, named]):
        assert best_label(members, [features(e, rules) for e in members]) is spreading
    # (a passive headline with its agent is what happened: "Village destroyed by the flood" has its subject first)
    assert not qualifying(_mention("b", "The flood destroyed the village.", "destroyed", "Flood destroyed the village"))
