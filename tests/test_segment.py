"""Sentences: where a period ends one, and where it does not."""
from __future__ import annotations

from timeline.sources.segment import sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_a_unit_after_a_number_ends_the_sentence_but_an_initial_does_not():
    assert split("Temperatures fell below -20°C. During a press conference, J. Smith spoke.") == [
        "Temperatures fell below -20°C.", "During a press conference, J. Smith spoke."]


def test_abbreviations_do_not_end_sentences():
    assert split("The U.S. Army and Mr. Rutte met. They spoke.") == ["The U.S. Army and Mr. Rutte met.", "They spoke."]


def test_a_word_that_is_an_abbreviation_only_with_a_capital_ends_a_sentence():
    # "Ill." is Illinois and "Sat." Saturday; "ill." and "sat." end their sentences
    assert split("Two pupils fell ill. Officials said the risk was low.") == [
        "Two pupils fell ill.", "Officials said the risk was low."]
    assert split("The board sat. Members left.") == ["The board sat.", "Members left."]
    assert split("He was born in Springfield, Ill. and moved at 7 a.m. to Boston.") == [
        "He was born in Springfield, Ill. and moved at 7 a.m. to Boston."]


def test_a_run_of_dots_is_one_cut():
    assert split("Wait..... Then it came.") == ["Wait.....", "Then it came."]


def test_a_page_stamp_between_heading_and_body_is_a_sentence_of_its_own():
    """rules/en/text.toml [page_stamp]: each example's stamp is cut out as a sentence; a day and
    clock the text introduces ("on Tuesday ... GMT and counting began") stays in its sentence."""
    from timeline.rules import load_toml

    data = load_toml("text.toml")["page_stamp"]
    for text, stamp in data["examples"]:
        assert stamp in split(text), text
    for text in data["negatives"]:
        parts = split(text)
        assert not any(p[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun") and p.endswith(("GMT", "BST"))
                       for p in parts), text


def test_a_heading_run_into_the_next_sentence_is_cut_from_it():
    """rules/en/text.toml [run_in]: a caption, fact box or chronology date a page runs into its
    next sentence with no stop ("... if convicted The judge also barred ...") ends before the
    sentence's start; a capital after a preposition or a verb of naming, or a title that goes on
    with a capital ("This is It would open"), is no start."""
    from timeline.rules import load_toml

    data = load_toml("text.toml")["run_in"]
    for text, sentence in data["examples"]:
        assert split(text)[-1] == sentence, text
    for text in data["negatives"]:
        assert split(text) == [text], text
