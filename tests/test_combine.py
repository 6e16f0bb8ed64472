"""The combinators of rules/en/combinators.toml: every example and negative runs here, as
those of the rule files run in test_rules.py; and the layer itself: parts join only across
the glue a combinator allows, repeatedly, deterministically, and a bad file fails at load."""
from __future__ import annotations

import pytest
from conftest import assert_example_resolved, example_doc, example_timex

from timeline.model import Kind, Symbolic, Unit
from timeline.pipeline import extract
from timeline.rules import GrammarError
from timeline.time.combine import compile_combinators, load_combinators, merge
from timeline.time.tagger import tag

COMBINATORS = load_combinators()
EXAMPLES = [(c, ex) for c in COMBINATORS.rules for ex in c.examples]
NEGATIVES = [(c, neg) for c in COMBINATORS.rules for neg in c.negatives]


_doc = example_doc


@pytest.mark.parametrize("comb,ex", EXAMPLES, ids=[f"{c.id}:{e.text[:40]}" for c, e in EXAMPLES])
def test_combinator_example(comb, ex):
    t = example_timex(ex)
    assert t.rule == comb.id
    assert_example_resolved(ex, t)


@pytest.mark.parametrize("comb,text", NEGATIVES, ids=[f"{c.id}:{t[:40]}" for c, t in NEGATIVES])
def test_combinator_negative(comb, text):
    found = [t for t in extract(_doc(text, "2026-02-03")) if t.rule == comb.id]
    assert not found, f"{comb.id} found {[t.text for t in found]} in a negative"


def test_parts_do_not_join_across_a_clause():
    text = "The talks began on 3 Oct '98, and the deal was signed at 14:30 GMT Sunday."
    spans = {t.text: t.value for t in extract(_doc(text, "1998-10-05"))}
    assert "3 Oct '98" in spans and spans["3 Oct '98"] == "1998-10-03"
    assert not any("Oct" in s and "14:30" in s for s in spans)


def test_parts_do_not_join_across_a_blank_line():
    found = [(m.text, m.rule) for m in tag("Markets closed Friday\n\n09:00 UTC: trading resumed.")]
    assert found == [("Friday", "date.weekday"), ("09:00 UTC", "combine.clock_zone")]
    assert [m.text for m in tag("Markets closed Friday\n09:00 UTC")] == ["Friday\n09:00 UTC"]


def test_three_parts_compose_and_the_fragment_alone_is_no_time():
    found = tag("the second Friday of March 2019 at 9 a.m. ET, not the second Friday.")
    assert [(m.text, m.rule) for m in found][0] == ("the second Friday of March 2019 at 9 a.m. ET",
                                                     "combine.day_at_clock")
    assert all(not m.rule.startswith("part.") for m in found)  # "the second Friday" alone: a plain weekday at most


def test_a_bare_clock_after_a_time_with_its_day_is_on_that_day():
    text = "Added: Tuesday, 19 January, 2010, 18:32 GMT 18:32 UK. Great news."
    found = {t.text: t.value for t in extract(_doc(text, "2010-01-18"))}
    assert found == {"Tuesday, 19 January, 2010, 18:32 GMT": "2010-01-19T18:32Z", "18:32": "2010-01-19T18:32"}


def test_rules_that_tie_keep_their_order_through_the_combinators():
    assert [t.value for t in extract(_doc("Twenty-four hours after the quake.", "2010-01-14"))] == ["PT24H"]


def test_combining_is_deterministic():
    text = "Thursday of next week at 3 p.m., the 15th of next month, 2nd quarter 2021."
    first = [(m.start, m.end, m.rule, m.symbolic) for m in tag(text)]
    assert first == [(m.start, m.end, m.rule, m.symbolic) for m in tag(text)]
    assert [m.rule for m in tag(text)] == ["combine.day_at_clock", "combine.day_of_month", "combine.part_year"]


def test_fields_given_twice_with_different_values_do_not_merge():
    assert merge(Symbolic(Kind.POINT, weekday=5), Symbolic(Kind.POINT, weekday=5, hour=9)) is not None
    assert merge(Symbolic(Kind.POINT, month=3, day=4), Symbolic(Kind.POINT, month=5)) is None
    both_offsets = merge(Symbolic(Kind.RELATIVE, unit=Unit.DAY, offset=1), Symbolic(Kind.RELATIVE, unit=Unit.WEEK, offset=1))
    assert both_offsets is None
    inside = merge(Symbolic(Kind.POINT, day=15), Symbolic(Kind.RELATIVE, unit=Unit.MONTH, offset=1))
    assert inside == Symbolic(Kind.RELATIVE, day=15, unit=Unit.MONTH, offset=1)


EXAMPLE = [{"text": "Friday 9 a.m."}]


@pytest.mark.parametrize("data,message", [
    ({"combinator": [{"id": "x", "left": ["nope"], "right": ["day"], "examples": EXAMPLE}],
      "type": {"day": {"shapes": [{"has": ["day"]}]}}}, "unknown part type"),
    ({"type": {"day": {"shapes": [{"has": ["colour"]}]}}}, "unknown field"),
    ({"type": {"day": {"shapes": [{"has": ["unit=fortnight"]}]}}}, "unknown unit"),
    ({"type": {"day": {"shapes": []}}}, "no shapes"),
    ({"combinator": [{"id": "x", "left": ["day"], "right": ["day"], "glue": "(", "examples": EXAMPLE}],
      "type": {"day": {"shapes": [{"has": ["day"]}]}}}, "does not compile"),
    ({"combinator": [{"id": "x", "left": ["day"], "right": ["day"], "after": "between(", "examples": EXAMPLE}],
      "type": {"day": {"shapes": [{"has": ["day"]}]}}}, "after does not compile"),
    ({"combinator": [{"id": "x", "left": ["day"], "right": ["day"]}],
      "type": {"day": {"shapes": [{"has": ["day"]}]}}}, "at least one example"),
])
def test_invalid_combinators_fail_at_load(data, message):
    with pytest.raises(GrammarError, match=message):
        compile_combinators(data, "test.toml")


def test_a_range_takes_the_larger_fields_of_its_other_end_and_runs_forward():
    from timeline.time.combine import make_range

    rng = make_range(Symbolic(Kind.POINT, day=3), Symbolic(Kind.POINT, month=3, day=5))
    assert rng == Symbolic(Kind.RANGE, month=3, day=3, end_point=Symbolic(Kind.POINT, month=3, day=5))
    assert make_range(Symbolic(Kind.POINT, month=2, day=5), Symbolic(Kind.POINT, day=4)) is None  # "February 5-4"
    assert make_range(Symbolic(Kind.POINT, month=2, day=5), Symbolic(Kind.POINT, month=3)) is None  # no day at the end
    with_year = merge(make_range(Symbolic(Kind.POINT, month=3, day=3), Symbolic(Kind.POINT, day=5)),
                      Symbolic(Kind.POINT, year=2019))
    assert with_year is not None and with_year.year == 2019 and with_year.end_point == Symbolic(Kind.POINT, day=5)
    assert merge(with_year, Symbolic(Kind.POINT, year=2020)) is None  # one year only


def test_ranges_of_whole_dates_stay_two_expressions_as_timeml_tags_them():
    # "from Aug. 26 to Oct. 20", "between 1985 and 1987": TimeML tags each end; only a bare
    # day ("March 3-5", "3 to 5 March") makes one range, having no month of its own
    text = "Sales rose from Aug. 26 to Oct. 20, between 1985 and 1987, and on March 3-5, 2019."
    found = [(t.text, t.value) for t in extract(_doc(text, "1989-10-26"))]
    assert found == [("Aug. 26", "1989-08-26"), ("Oct. 20", "1989-10-20"), ("1985", "1985"), ("1987", "1987"),
                     ("March 3-5, 2019", "P3D")]


def test_a_time_before_christ_is_never_read_as_one_after():
    text = ("Athens in the 5th century BC was rich; Caesar died on March 15, 44 BC, and Rome in 500 BC "
            "was small. Pompeii was buried in AD 79.")
    found = {t.text: t for t in extract(_doc(text, "2013-02-12"))}
    assert {k: t.value for k, t in found.items()} == {
        "the 5th century BC": "BC04", "March 15, 44 BC": "BC0044-03-15", "500 BC": "BC0500", "AD 79": "0079"}
    assert all(t.envelope is None for k, t in found.items() if "BC" in k)  # the calendar starts at year 1
    assert found["AD 79"].envelope is not None and found["AD 79"].envelope.start.year == 79


def test_a_time_told_after_one_before_christ_is_not_counted_from_an_earlier_one():
    text = "In 1998 it grew. In 500 BC it was small. A year later it fell. In 1999 it rose; a year later it fell."
    found = [(t.text, t.value) for t in extract(_doc(text, "2013-02-12"))]
    assert found == [("1998", "1998"), ("500 BC", "BC0500"), ("1999", "1999"), ("a year later", "2000")]


def test_the_first_end_of_a_range_takes_the_year_of_the_second():
    """"from March to May 2019": two expressions, as TimeML tags them, but March is March 2019,
    not the March of the article's year; a month later in the year than the second end is the
    year before ("from November to February 2020"); a time with its own weekday, or one not
    joined as a range's end, keeps its own reading."""
    cases = {"Prices rose from March to May 2019.": {"March": "2019-03", "May 2019": "2019-05"},
             "Between January 3 and February 5, 2020, sales fell.": {"January 3": "2020-01-03"},
             "From November to February 2020 it snowed.": {"November": "2019-11"},
             "He arrived in January and left in May 2019.": {"January": "2013-01"}}
    for text, want in cases.items():
        got = {t.text: t.value for t in extract(_doc(text, "2013-02-12"))}
        assert {k: got.get(k) for k in want} == want, text
