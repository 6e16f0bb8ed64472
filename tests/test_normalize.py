"""Resolution against the publication date: tense, parts of day, ranges, undated articles."""
from __future__ import annotations

from datetime import datetime, timedelta

from timeline.formats.codec import fmt_time
from timeline.model import Document, Tense
from timeline.pipeline import extract

DCT = datetime(2026, 2, 3)  # a Tuesday


def one(text: str, match: str, dct: datetime | None = DCT):
    found = [t for t in extract(Document("d", text, dct=dct)) if t.text == match]
    assert len(found) == 1, [t.text for t in extract(Document("d", text, dct=dct))]
    return found[0]


def test_past_weekday_includes_the_publication_day():
    assert one("Rutte arrived on Tuesday.", "Tuesday").value == "2026-02-03"
    assert one("The strikes began on Sunday.", "Sunday").value == "2026-02-01"


def test_future_weekday_is_the_next_one():
    assert one("Talks will open on Thursday.", "Thursday").value == "2026-02-05"
    assert one("Talks will open on Tuesday.", "Tuesday").value == "2026-02-03"  # today


def test_the_am_of_a_clock_time_is_no_verb_of_the_sentence():
    """"broke out at 3.15am on Saturday" is told in the past: the clock's "am" is not the verb
    "am" (the present), which had sent the day to the coming Saturday."""
    for text in ("The fire broke out at 3.15am on Saturday.", "The fire broke out at 3.15 am on Saturday."):
        t = one(text, text[22:-1])
        assert t.tense is Tense.PAST and t.value.startswith("2026-01-31"), (text, t.value)
    from timeline.time.tense import verb_groups

    text = "I am at the station and I will be at 9 am."
    assert [g.head for g in verb_groups(text, 0, len(text))][0] == "am"  # (the verb "am" stays one)


def test_a_holiday_a_past_happening_took_place_on_is_the_one_gone_by():
    """"He proposed on Valentine's Day", written on 3 February: the Valentine's Day gone by, not
    the one eleven days ahead that is nearer; the future keeps the coming one."""
    assert one("He proposed on Valentine's Day.", "Valentine's Day").value == "2025-02-14"
    assert one("Markets were shut on Easter Monday.", "Easter Monday").value == "2025-04-21"
    assert one("He will propose on Valentine's Day.", "Valentine's Day").value == "2026-02-14"
    assert one("The shops will open on Christmas Day.", "Christmas Day").value == "2026-12-25"


def test_a_clock_on_a_weekday_in_no_past_is_the_coming_one():
    """"The game starts at 8 p.m. ET Saturday" (a bare present the tense finder reads no group
    in): a schedule, the coming Saturday; told in the past, the one gone by."""
    assert one("The game starts at 8 p.m. ET Saturday.", "8 p.m. ET Saturday").value.startswith("2026-02-07T20:00")
    assert one("The game ended at 8 p.m. ET Saturday.", "8 p.m. ET Saturday").value.startswith("2026-01-31T20:00")


def test_a_weekday_a_present_happening_is_on_is_the_coming_one():
    """"The talks are on Monday", written on a Tuesday: the coming Monday, not yesterday (the
    nearer); told in the past, yesterday; "compared with ... Monday" (no "on") stays the nearer."""
    assert one("The talks are on Monday.", "Monday").value == "2026-02-09"
    assert one("The talks were on Monday.", "Monday").value == "2026-02-02"
    assert one("The euro is at $1.18, compared with $1.17 Monday.", "Monday").value == "2026-02-02"
    assert one("Talks resume on Monday.", "Monday").value == "2026-02-09"  # a bare present verb
    # the day a happening noun is on, in a present sentence, stays the nearer (the one gone by)
    assert one("She is in hospital after a crash on Sunday.", "Sunday").value == "2026-02-01"
    assert one("The man is in custody following his arrest on Saturday.", "Saturday").value == "2026-01-31"
    assert one("She is in hospital after a fatal crash on Sunday.", "Sunday").value == "2026-02-01"


def test_the_week_ended_a_day_is_the_week_of_its_seven_days():
    """"Jobless claims fell in the week ended Jan. 30" (weekly figures): the ISO week holding most
    of the seven days to that day, not the week of publication; two expressions, as TimeBank
    writes "the six months ended Oct. 1"."""
    assert one("Jobless claims fell in the week ended Jan. 30.", "the week").value == "2026-W05"
    assert one("Claims rose in the week ending Jan. 1.", "the week").value == "2026-W01"  # (Dec 26-Jan 1: four days in W01)
    assert one("He met her the week after.", "the week after").value != "2026-W05"


def test_unclear_tense_takes_the_nearer_reading_and_records_the_other():
    t = one("The Thursday meeting.", "Thursday")
    assert t.value == "2026-02-05" and t.alternative == "2026-01-29"
    assert t.tense is Tense.UNKNOWN


def test_overnight_in_a_past_report_is_the_night_into_the_publication_day():
    t = one("Russia struck Kyiv overnight.", "overnight")
    assert t.value == "2026-02-02TNI"
    assert (fmt_time(t.envelope.start), fmt_time(t.envelope.end)) == ("2026-02-02T18:00", "2026-02-03T08:00")


def test_range_is_one_half_open_span():
    t = one("Talks are scheduled for February 4-5 in Abu Dhabi.", "February 4-5")
    assert t.type.value == "DURATION" and t.value == "P2D"
    assert (t.envelope.start, t.envelope.end) == (datetime(2026, 2, 4), datetime(2026, 2, 6))


def test_month_without_year_follows_the_tense():
    assert one("The offensive started in March.", "March").value == "2025-03"
    assert one("The offensive will start in March.", "March").value == "2026-03"
    assert one("Prices fell in January.", "January").value == "2026-01"
    # a short regular past ("died": four letters) is a past verb too: not the coming March
    assert one("The singer died at his home in March.", "March").value == "2025-03"
    assert one("The singer died at his home on 25 June.", "25 June").value == "2025-06-25"


def test_a_participle_before_its_object_is_the_verb():
    # "killed a security guard" is a past verb ("killed" may be an adjective: "killed soldiers"),
    # so the month lies behind, not in the nearer months ahead
    text = ("In March, a week after the anniversary of the ruling, a clinic bombing in Birmingham, "
            "Ala., killed a security guard and wounded a nurse.")
    assert one(text, "March").value == "2025-03"


def test_words_around_a_time_decide_its_direction():
    # "since" looks back, "until" ahead, and a day named by what happened on it lies behind
    assert one("The carrier has been on patrol since March.", "March").value == "2025-03"
    assert one("The loans run until Friday.", "Friday").value == "2026-02-06"
    assert one("Lawyers will look for ways around Sunday's ruling.", "Sunday").value == "2026-02-01"


def test_until_after_a_past_perfect_looks_back():
    assert one("Until Monday, police had not called him a suspect.", "Monday").value == "2026-02-02"
    assert one("Officials postponed until Monday any action.", "Monday").value == "2026-02-09"


def test_until_after_a_simple_past_span_looks_back():
    # a span a simple past tells as run to its end ended on a day gone by; a verb that moves
    # something to a later day still looks ahead
    assert one("The talks lasted until Friday.", "Friday").value == "2026-01-30"
    assert one("Voting continued until dusk on Sunday.", "dusk on Sunday").value == "2026-02-01TEV"
    assert one("The suspect was detained until Monday.", "Monday").value == "2026-02-09"
    assert one("The strike was continued until Friday.", "Friday").value == "2026-02-06"
    assert one("The judge adjourned the case until Friday.", "Friday").value == "2026-02-06"
    assert one("Talks were suspended until Monday.", "Monday").value == "2026-02-09"
    assert one("The talks will last until Friday.", "Friday").value == "2026-02-06"


def test_a_coordinated_participle_shares_its_auxiliary():
    # "will be arraigned Wednesday and sentenced Friday": "sentenced" is "will be sentenced"
    assert one("He will be arraigned Wednesday and sentenced Friday.", "Friday").value == "2026-02-06"
    assert one("He was arrested Monday and charged Tuesday.", "Monday").value == "2026-02-02"
    # an active past with its object is no participle of the group before it
    assert one("Officials are worried and called a meeting on Friday.", "Friday").value == "2026-01-30"


def test_a_quotation_keeps_its_own_tense():
    t = one("\"The father will leave at 4 a.m. Thursday,\" Castro said.", "4 a.m. Thursday")
    assert t.value == "2026-02-05T04:00"


def test_a_plan_made_in_the_past_takes_the_nearer_day():
    # "had been due to expire Friday": planned before, so no tense binds it; published on a
    # Monday, the Friday just past (3 days back) is nearer than the next one (4 days ahead)
    monday = datetime(2026, 2, 9)
    assert one("The offer had been due to expire Friday evening.", "Friday evening", monday).value == "2026-02-06TEV"
    assert one("Bidders extended their offers to acquire the company Friday.", "Friday", monday).value == "2026-02-06"
    assert one("The offensive began as previously planned Saturday night.", "Saturday night", monday).value \
        == "2026-02-07TNI"
    assert one("A NATO summit is set for April.", "April").value == "2026-04"


def test_a_reported_month_lies_near_the_publication_date():
    # a verb of saying does not bind the month it reports; a month within weeks wins
    t = one("Saudi Arabia told oil companies of a cutback in its supply in March.", "March")
    assert t.value == "2026-03"
    # but a past event verb does
    assert one("The offensive started in March.", "March").value == "2025-03"


def test_winter_holding_the_publication_date():
    t = one("in the coldest days of winter", "winter")
    assert t.value == "2025-WI"
    assert t.envelope.start <= DCT < t.envelope.end


def test_anchored_durations():
    nxt = one("The next 48 hours will decide it.", "The next 48 hours")
    assert nxt.value == "PT48H" and nxt.envelope.start == DCT and nxt.envelope.end == DCT + timedelta(days=3)
    past = one("Prices rose in the past two weeks.", "the past two weeks")
    assert past.value == "P2W" and past.envelope.start == DCT - timedelta(weeks=2)
    assert one("It happened two days ago.", "two days ago").value == "2026-02-01"
    in3 = one("The army will withdraw in three weeks.", "three weeks")
    assert in3.value == "P3W" and in3.envelope.start == DCT and in3.envelope.end == DCT + timedelta(days=22)


def test_vague_references_have_bounded_envelopes():
    recent = one("a recent deal", "recent")
    assert recent.value == "PAST_REF" and recent.envelope.start is not None and recent.envelope.end is not None
    upcoming = one("the upcoming talks", "upcoming")
    assert upcoming.value == "FUTURE_REF" and upcoming.envelope.end is not None
    assert one("the current cycle", "current").value == "PRESENT_REF"


def test_narrative_anchor_for_anaphoric_expressions():
    t = one("The truce began on January 10. Two days later, it collapsed.", "Two days later")
    assert t.value == "2026-01-12" and t.anchor.startswith("timex:")


def test_undated_article_keeps_symbolic_values_and_relative_intervals():
    t = one("Russia struck Kyiv overnight.", "overnight", dct=None)
    assert t.value == "XXXX-XX-XXTNI"
    assert t.envelope is None and t.interval is None
    assert t.relative.start == timedelta(hours=-6) and t.relative.end == timedelta(hours=8)
    tue = one("Rutte arrived on Tuesday.", "Tuesday", dct=None)
    assert tue.value == "XXXX-WXX-2" and tue.envelope is None and tue.relative is None


def test_absolute_dates_resolve_without_a_publication_date():
    t = one("On Tuesday, February 3, 2026, he arrived.", "Tuesday, February 3, 2026", dct=None)
    assert t.value == "2026-02-03" and t.envelope.start == datetime(2026, 2, 3)


def test_impossible_dates_are_not_times():
    assert not [t for t in extract(Document("d", "on February 30, 2026", dct=DCT)) if "30" in t.text]


def test_the_morning_after_overnight_is_the_morning_that_night_ends_in():
    text = "Drones struck overnight. Rescuers searched the rubble through the morning."
    assert one(text, "the morning").value == "2026-02-03TMO"


def test_a_range_without_a_year_stays_near_the_publication_date_whatever_the_tense():
    t = one("Rolling blackouts were announced for February 4-5.", "February 4-5")
    assert (fmt_time(t.envelope.start), fmt_time(t.envelope.end)) == ("2026-02-04T00:00", "2026-02-06T00:00")


def test_ranges_of_weekdays_follow_the_tense_and_keep_their_length_undated():
    past = one("Markets were shut between Monday and Wednesday.", "Monday and Wednesday")
    assert (past.value, fmt_time(past.interval.start), fmt_time(past.interval.end)) == \
        ("P3D", "2026-01-26T00:00", "2026-01-29T00:00")  # the days that ended with the last Wednesday
    future = one("Talks will run from Wednesday to Friday.", "Wednesday to Friday")
    assert fmt_time(future.interval.start) == "2026-02-04T00:00"
    undated = one("Markets were shut between Friday and Monday.", "Friday and Monday", dct=None)
    assert (undated.value, undated.interval) == ("P4D", None)


def test_a_part_of_the_day_told_after_a_month_is_on_a_day_not_the_months_first():
    # "this month ... during the night": the night of the day last told (else of the
    # publication day), never the night of the 1st, which the month alone would give
    night = one("Shelling continued this month. During the night, the rebels advanced.", "the night")
    assert night.value == "2026-02-03TNI"
    night = one("The talks opened on Monday. Shelling continued this month. During the night, the rebels advanced.",
                "the night")
    assert night.value == "2026-02-02TNI"


def test_an_anaphor_finer_than_the_time_told_is_somewhere_in_it():
    """'In June 2009 he moved. That night he died': no day was told, so the night is some
    night of June 2009 (its bounds), not the night of 1 June; after a day it is that day's."""
    t = one("In June 2009 he moved to Los Angeles. That night he died.", "That night")
    assert t.value == "2009-06"
    assert (fmt_time(t.envelope.start), fmt_time(t.envelope.end)) == ("2009-06-01T00:00", "2009-07-01T00:00")
    assert one("In 2005 the war went on. The same month, Blair won.", "The same month").value == "2005"
    assert one("On March 3, 2005 he spoke. That night he left.", "That night").value == "2005-03-03TNI"


def test_hours_after_a_day_told_are_hours_after_some_time_of_it():
    # "Two hours later" after "on Monday" is two hours after some time of that Monday (not
    # Monday 02:00); "24 hours later" the next day; after a clock time, that clock time on
    t = one("The rebels attacked on Monday. Two hours later the power failed.", "Two hours later")
    assert (t.interval.start, t.interval.end) == (datetime(2026, 2, 2, 2), datetime(2026, 2, 3, 2))
    assert one("The bomb went off on Monday. 24 hours later, police made an arrest.", "24 hours later").value == "2026-02-03"
    assert one("The blast came at 3pm on Monday. Half an hour later, police came.", "Half an hour later").value == "2026-02-02T15:30"
    # an unstated number of them: somewhere in that day; of days: the days after it
    assert one("The rebels attacked on Monday. Hours later the power failed.", "Hours later").value == "2026-02-02"
    t = one("The rebels attacked on Monday. Days later the power failed.", "Days later")
    assert (t.envelope.start, t.envelope.end) == (datetime(2026, 2, 3), datetime(2026, 2, 13))


def test_review_round_30_false_positives_and_kept_dates():
    # a capitalised word after a time names a happening only where no preposition introduces
    # the time, and never drops a year or a day counted from now
    assert one("In March Coup leaders seized power.", "March").value == "2025-03"
    assert one("The 1973 War began.", "1973").value == "1973"
    assert [t.text for t in extract(Document("d", "The October Revolution won.", dct=DCT))] == []
    # no bare "years ago" after a number word; no duration read as a clock
    assert [t.text for t in extract(Document("d", "Two hundred years ago the city burned.", dct=DCT))] == []
    assert [t.text for t in extract(Document("d", "The flight takes 2.30 hrs.", dct=DCT))] == []
    assert [t.text for t in extract(Document("d", "It was their last evening together.", dct=DCT))] == []
    # an undated article keeps a clock's p.m.
    assert one("The blast came at 3pm on January 5.", "3pm on January 5", dct=None).value == "XXXX-01-05T15:00"


def test_a_fraction_of_days_after_a_day_told_is_no_clock_time():
    # "Two and a half days later" after "on Monday": that long after some time of Monday, not a
    # time to the minute counted from its midnight
    t = one("The rebels attacked on Monday. Two and a half days later the power failed.", "Two and a half days later")
    assert (t.value, t.interval.start, t.interval.end) == ("2026-02-04", datetime(2026, 2, 4, 12), datetime(2026, 2, 5, 12))
