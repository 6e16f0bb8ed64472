"""Coreference within an article, participants from it, and `--about` by participants."""
from __future__ import annotations

import pytest

from timeline.events.about import about
from timeline.pipeline import read_documents
from timeline.pipeline import build_timeline
from timeline.syntax import parse_text
from timeline.syntax.coref import Coreference, lexicon


def _coref(text: str):  # type: ignore[no-untyped-def]
    parses = parse_text(text)
    return parses, Coreference(text, dict(enumerate(parses)))


def _stands_for(text: str, word: str, after: int = 0) -> str | None:
    """The name the first `word` at or after character `after` stands for."""
    parses, coref = _coref(text)
    for k, p in enumerate(parses):
        for i, t in enumerate(p.tokens):
            if t.text == word and t.start >= after:
                return coref.name(k, i)
    raise AssertionError(f"{word!r} not in {text!r}")


@pytest.mark.parametrize("example", lexicon()["examples"], ids=lambda e: e["text"][:40])
def test_the_rule_file_examples(example):
    text = example["text"]
    first = text.index(".")  # the anaphor is after the first sentence's name
    assert (_stands_for(text, example["word"], first) or "") == example["name"]


def test_a_later_short_name_is_the_same_entity_and_he_takes_the_full_name():
    text = "Steve Jobs spoke in San Francisco. Jobs smiled. Later he left the stage."
    assert _stands_for(text, "he") == "Steve Jobs"


def test_she_skips_a_man_and_it_skips_a_person():
    text = "Mary Jones hired Tom Brown at Globex Inc. last year. She praised his work."
    assert _stands_for(text, "She") == "Mary Jones"
    assert _stands_for(text, "his") == "Tom Brown"
    assert _stands_for("Globex Inc. hired Tom Brown last year. Its shares rose.", "Its") == "Globex Inc."
    # a thing named by a common noun comes first (the subject): "it" is that thing, no name
    assert _stands_for("The phone was made by Globex Inc. It has a large screen.", "It") is None


@pytest.mark.parametrize("text, name", [
    # a state or country after a place's name, set off by a comma or joined to it, is a place
    ("Inge had heard from a friend that an Apache from Fort Hood, Texas, had been downed in Baghdad, "
     "and when she opened the door of their home she knew instantly why they were there.", "Inge"),
    ("Mary Smith said a jet from Lyon, France, had landed late, and then she left.", "Mary Smith"),
    ("Mary Smith heard that a jet from Boston, Massachusetts, had landed, and she wept.", "Mary Smith"),
    # a person of the pronoun's gender comes before a name of no known kind nearer to it
    ("Inge had heard from a friend that an Apache had been downed in Baghdad, and when she opened the "
     "door of their home she knew instantly why they were there.", "Inge"),
    # ... and a name alone, with an article or none, is still the one
    ("A Smith said he would run.", "Smith"),
    ("A Kennedy has won the seat, and he will be sworn in on Monday.", "Kennedy"),
    ("Dr Murray had traveled in the ambulance with Michael Jackson after he collapsed.", "Michael Jackson"),
])
def test_a_she_stands_for_the_person_before_it_not_a_place_or_a_thing(text, name):
    """Coreference.recent (a label's subject: the last fitting name before the pronoun in its
    sentence) must not take "Texas", "Massachusetts" or "an Apache" for the woman who opened
    the door, and must still find a lone name."""
    parses, coref = _coref(text)
    (k, i), = [(k, i) for k, p in enumerate(parses) for i, t in enumerate(p.tokens) if t.text in ("she", "he")][:1]
    assert coref.recent(k, i, parses[k]) == name


def test_a_description_with_its_own_restriction_is_a_new_thing():
    text = "Globex Inc. sued Initech Corp. on Monday. The company of his father was not named."
    assert _stands_for(text, "company") is None


def _about(tmp_path, text: str, subject: str) -> set[str]:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    tl = build_timeline(list(read_documents([str(tmp_path / "a.txt")])))
    return {e.text for e in about(tl, subject).events}


def test_about_follows_he_and_the_company_to_the_subject(tmp_path):
    text = ("Acme Inc. unveiled a new phone on Monday.\n\nThe company expects strong sales in June.\n\n"
            "Tom Brown, its chief executive, spoke in Boston on Tuesday. He promised a cheaper model.\n\n"
            "Rivals stayed silent.")
    assert {"unveiled", "expects"} <= _about(tmp_path, text, "Acme")
    assert {"promised", "spoke"} <= _about(tmp_path, text, "Tom Brown")
    assert "promised" not in _about(tmp_path, text, "Acme")


def test_about_leaves_out_an_event_its_name_is_only_near(tmp_path):
    text = "Acme executives watched on Monday as Globex shares fell sharply."
    kept = _about(tmp_path, text, "Acme")
    assert "watched" in kept and "fell" not in kept
    assert "fell" in _about(tmp_path, text, "Globex")


def test_a_hyphenated_name_is_one_name_and_its_title_is_left_out():
    text = "Prime Minister Jean-Max Bellerive spoke on Monday. He said more aid was needed."
    assert _stands_for(text, "He") == "Jean-Max Bellerive"


def test_a_place_the_article_writes_in_is_no_he():
    assert _stands_for("Rescuers arrived in Haiti on Monday. His rescue came late.", "His") is None
    assert _stands_for("Rescuers arrived for Haiti on Monday. His rescue came late.", "His") == "Haiti"  # no cue: a name


def test_the_article_wide_searches_find_what_a_regular_expression_finds():
    """The searches of the whole article (is a word written in lower case, a name after "in",
    "from" or "near") look for the word itself first; they answer as the regular expression
    over the whole text does, at word edges, hyphens, line breaks and "the"."""
    import re

    from timeline.syntax.coref import _occurs, _place_starts

    texts = ["He lives in\n the  Hague.", "from-Paris", "near Paris-based firms", "within Paris", "in Parisian",
             "inParis", "It came from the\tthe Paris", "the Paris", "Demand, Demand for x", "x-demand demand-y",
             "a demand.", "in Paris", "Rome. In Paris", "near\u00a0Paris!", "the Paris in  Paris"]
    for text in texts:
        for name in ("Paris", "Hague", "the Paris", "Demand", "demand"):
            place = re.compile(r"\b(?:in|from|near)\s+(?:the\s+)?" + re.escape(name) + r"\b")
            assert _occurs(place, text, name, lambda i: _place_starts(text, i)) == bool(place.search(text)), (text, name)
            lower = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
            assert _occurs(lower, text, name, lambda i: (i,)) == bool(lower.search(text)), (text, name)
            inside = re.compile(rf"[\w,;] {re.escape(name)}(?![\w-])")
            assert _occurs(inside, text, name, lambda i: (i - 2,) if i >= 2 else ()) == bool(inside.search(text))
