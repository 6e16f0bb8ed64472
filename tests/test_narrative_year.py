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
    """No year, or one in a clause that "since" opens."""
    assert all(re.search(RULES["year_since"], text[:m.start()]) for m in re.finditer(RULES["year"], text))


@pytest.mark.parametrize("text", RULES["present_examples"])
def test_the_present_rule_examples(text):
    assert re.search(RULES["present"], text)


@pytest.mark.parametrize("text", RULES["present_negatives"])
def test_the_present_rule_negatives(text):
    assert not re.search(RULES["present"], text)


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


@pytest.mark.parametrize("syntax", ["none", "all"])
def test_the_timeline_shows_the_date_itself_in_the_account_s_year(syntax: str):
    """The time expression the event hangs on says 2003 too, in `timexes` and in the JSON, so an
    event of 7 March 2003 never sits on a time of 7 March 2005 (and the story counts 2003's day)."""
    import json

    from timeline.formats.codec import timeline_to_dict

    doc = Document("a", ACCOUNT.format("He said last night that the evidence had been thin."),
                   dct=datetime(2005, 4, 28), source="A")
    tl = build_timeline([doc], syntax=syntax)
    (e,) = [e for e in tl.events if e.text == "pleaded"]
    t = next(t for t in tl.timexes if t.id == e.timex)
    assert (t.text, t.value, t.anchor) == ("March 7", "2003-03-07", "narrative-year")
    assert t.envelope.start == datetime(2003, 3, 7)
    values = {t["value"] for t in json.loads(json.dumps(timeline_to_dict(tl)))["timexes"]}
    assert "2003-03-07" in values and "2005-03-07" not in values
    night = next(t for t in tl.timexes if t.text == "last night")  # (the publication's own time stays)
    assert night.value.startswith("2005-04-27")


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


def test_a_word_of_the_publication_s_own_time_ends_the_account():
    doc = Document("t", "He became a soldier in 2001. Today he outranked the general. "
                        "On March 7, news of his medal was announced.", dct=datetime(2005, 4, 27), source="E")
    assert _day(doc, "announced") == "2005-03-07"


def test_a_present_perfect_sentence_is_not_part_of_the_account():
    told = "The insurgency began in 2003. Insurgents {} the prison on January 30."
    assert _day(Document("p", told.format("attacked"), dct=datetime(2005, 3, 10), source="F"), "attacked") \
        == "2003-01-30"
    assert _day(Document("p", told.format("have attacked"), dct=datetime(2005, 3, 10), source="F"), "attacked") \
        == "2005-01-30"


def test_quoted_speech_inside_the_account_neither_ends_it_nor_counts_its_sentences():
    quote = ('Asked about it, the inspector said: "One can not say so. There are infractions. We know it. '
             'It is clear. It is over." On March 17, the ambassadors withdrew the draft resolution.')
    doc = Document("q", ACCOUNT.format(quote), dct=datetime(2005, 4, 28), source="G")
    assert _day(doc, "withdrew") == "2003-03-17"


def test_a_year_named_in_a_sentence_told_in_the_present_starts_no_account():
    """"Asia is reacting ..., following the outbreak of SARS in 2003" names a year as a reference
    of today's news: the next past-tense date is this year's (H1N1: China's suspension of flights
    of 2 May 2009 had been dated 2 May 2003)."""
    text = ("Asia is reacting vigorously to the new global threat, following the outbreak of SARS in 2003, "
            "which killed 800 people. China suspended flights from Mexico on 2 May.")
    assert _day(Document("s", text, dct=datetime(2009, 5, 5), source="H"), "suspended") == "2009-05-02"
    told = ("The outbreak of SARS began in 2003 and killed 800 people. China suspended flights from "
            "Hong Kong on 2 April.")  # (the negative: an account told in the past sets it)
    assert _day(Document("s", told, dct=datetime(2009, 5, 5), source="H"), "suspended") == "2003-04-02"


def test_a_year_a_quoted_account_or_a_writer_s_present_names_still_sets_it():
    """The negative of the above: a year inside a quotation, or a sentence whose only present is
    the writer's "writes", starts an account as a past sentence does."""
    text = ('"At 10.30 pm on August 4 1914," Taylor writes, "the king held a privy council at the palace." '
            "The parliament approved a credit of 100 million pounds on August 6.")
    assert _day(Document("q", text, dct=datetime(2005, 8, 23), source="H"), "approved") == "1914-08-06"


@pytest.mark.parametrize("text", RULES["year_aside_examples"])
def test_the_aside_rule_examples(text):
    m = re.search(RULES["year"], text)
    assert m and re.search(RULES["year_aside"], text[:m.start()])


@pytest.mark.parametrize("text", RULES["year_aside_negatives"])
def test_the_aside_rule_negatives(text):
    assert all(not re.search(RULES["year_aside"], text[:m.start()]) for m in re.finditer(RULES["year"], text))


def test_a_year_in_an_aside_of_its_own_sentence_is_no_account_of_then():
    """Review36: "BP, which set up a fund in 2010, said on March 12 it would sell more assets",
    told in 2012, was dated 12 March 2010: the year tells what BP is, not when it said it. So
    "The company, founded in 2003, said on March 12 ...": its next day too stays 2005."""
    doc = Document("b", "BP, which set up a 20bn dollar fund in 2010, said on March 12 it would sell more assets.",
                   dct=datetime(2012, 4, 1), source="A")
    assert _day(doc, "said") == "2012-03-12"
    doc = Document("c", "The company, founded in 2003, said on March 12 it would cut 500 jobs. "
                        "The next day its shares fell 5%.", dct=datetime(2005, 4, 28), source="A")
    assert _day(doc, "said") == "2005-03-12" and _day(doc, "fell") == "2005-03-13"


def test_an_aside_of_the_account_s_own_events_keeps_its_year():
    """Review37: only an aside that says what the subject is (founded, set up, born) sets no year:
    "The invasion, which began in March 2003, ended on May 1 ..." is 2003's account."""
    doc = Document("i", "The invasion, which began in March 2003, ended on May 1 when Bush declared victory. "
                        "The next day, troops began to leave.", dct=datetime(2012, 6, 1), source="A")
    assert _day(doc, "ended") == "2003-05-01"


def test_a_time_counted_in_a_future_sentence_is_counted_from_the_publication():
    """Review36: "The following year it will open 50 stores" after an account of 2003 was 2004,
    a year gone by, for a future verb: only a past sentence continues the account."""
    doc = Document("d", "The company was founded in 2003. On March 12 it unveiled its plan. "
                        "The following year it will open 50 stores.", dct=datetime(2005, 4, 28), source="A")
    tl = build_timeline([doc])
    (e,) = [e for e in tl.events if e.text == "open"]
    assert e.envelope.start is not None and e.envelope.start.year == 2006, e  # (review37: not 2004 + 1)


def test_a_sentence_of_the_future_alone_starts_no_account():
    """Review36: "The treaty was signed in 2003. On May 20 the minister would fly to Paris if the
    talks succeed." gave 20 May 2003; an account's "would" carries its year only once a dated
    sentence of it moved a date ("On March 12, Boyce asked ... On March 20 he would fly")."""
    doc = Document("w", "The treaty was signed in 2003. On May 20 the minister would fly to Paris if the talks "
                        "succeed.", dct=datetime(2005, 4, 28), source="A")
    assert _day(doc, "fly") == "2005-05-20"


def _told_in_2009(*cases: tuple[str, str]) -> None:
    """Each (sentence, verb), told on 30 April 2009, dates its verb in 2009: its aside's year is no account."""
    for text, verb in cases:
        day = _day(Document("a", text, dct=datetime(2009, 4, 30), source="A"), verb)
        assert day is not None and day.startswith("2009-"), (text, day)


def test_a_year_in_an_aside_about_a_person_or_a_thing_is_no_account_of_then():
    """Review38: "Smith, who joined the firm in 2005, said on March 12 ...", told in 2009, was dated
    12 March 2005: an aside about the subject, whatever its verb, tells what the subject is. Not
    an aside about a happening ("The strike, which started in June 2009, ended on July 3")."""
    _told_in_2009(("Smith, who joined the firm in 2005, said on March 12 it would cut 500 jobs.", "said"),
                  ("Obama, who was elected in 2008, said on April 2 he would visit.", "said"),
                  ("The bank, which was rescued in 2008, reported on April 2 a loss.", "reported"))
    doc = Document("s", "The strike, which started in June 2008, ended on July 3 with a deal.",
                   dct=datetime(2009, 4, 30), source="A")
    assert _day(doc, "ended") == "2008-07-03"


def test_an_aside_that_says_what_the_subject_is_sets_no_year_whatever_its_grain():
    """Review40: "Smith, who was born in May 1960, said on March 12 ..." (told in 2009) was dated
    12 March 1960; a month, a season or an edge of the year does not make a birth, a rescue or
    a hiring the account."""
    _told_in_2009(("Smith, who was born in May 1960, said on March 12 that profits would fall.", "said"),
                  ("The bank, which was founded in March 1998, reported on April 2 a loss.", "reported"),
                  ("The bank, which was rescued in autumn 2008, reported on April 2 a loss.", "reported"),
                  ("Smith, who joined the firm in late 2005, said on March 12 it would cut jobs.", "said"))


@pytest.mark.parametrize("text, dct, verb, day", [
    # review39: an aside dated to the date's month is the account of then
    ("Blix, who left Iraq in March 2003, said on March 7 that Iraq was cooperating.", datetime(2010, 6, 1), "said",
     "2003-03-07"),
    ("Lehman Brothers, which collapsed in September 2008, filed for bankruptcy on September 15.",
     datetime(2012, 6, 1), "filed", "2008-09-15"),
    ("The miners, who were rescued in October 2010, met the president on October 25.", datetime(2012, 6, 30),
     "met", "2010-10-25"),  # (review41)
    # review43: a month before the date's is the account's too
    ("Saddam Hussein, who fled Baghdad in April 2003, was captured on December 13 near Tikrit.",
     datetime(2006, 6, 30), "captured", "2003-12-13"),
    # review42, review44: a life's or a career's step is no account, whatever its month
    ("Jackson, who married Lisa Marie Presley in May 1994, died on June 25 at his home.", datetime(2009, 6, 26),
     "died", "2009-06-25"),
    ("Gordon Brown, who became prime minister in June 2007, announced on September 10 that he would cut spending.",
     datetime(2009, 9, 15), "announced", "2009-09-10"),
    # review45: a career's step of the date's own month is the account; "which became" is no career
    ("Barack Obama, who became president in January 2009, signed the order on January 22.", datetime(2010, 3, 1),
     "signed", "2009-01-22"),
    ("Katrina, which became a hurricane in August 2005, made landfall on August 29 near New Orleans.",
     datetime(2006, 9, 15), "made", "2005-08-29"),
])
def test_an_aside_s_month_and_verb_decide_whether_it_is_the_account(text, dct, verb, day):
    assert _day(Document("a", text, dct=dct, source="A"), verb) == day
