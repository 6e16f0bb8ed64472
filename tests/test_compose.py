"""Zones, the publication time of day and composed expressions, as a reader of the output sees
them: values with their zone, intervals on one clock per article, times counted from the
minute of publication (issue 15). The per-rule examples live in rules/en/*.toml."""
from __future__ import annotations

import json
from datetime import datetime

from click.testing import CliRunner

from timeline.cli import main
from timeline.formats.codec import fmt_time
from timeline.model import DctSource, Document, Grain
from timeline.pipeline import extract
from timeline.time.zones import format_offset, normalize_offset, offset_minutes

PUBLISHED = datetime(2013, 2, 12, 4, 30)  # a Tuesday, 04:30


def _doc(text: str, dct: datetime = PUBLISHED, grain: Grain = Grain.MINUTE) -> Document:
    return Document("d", text, dct=dct, dct_grain=grain, dct_source=DctSource.OPTION)


def _by_text(text: str, **kw) -> dict:
    return {t.text: t for t in extract(_doc(text, **kw))}


def test_times_in_two_zones_are_put_on_one_clock():
    found = _by_text("The quake struck at 11:42 UTC. Markets opened at 9:30 ET.")
    quake, markets = found["11:42 UTC"], found["9:30 ET"]
    assert quake.value == "2013-02-12T11:42Z" and markets.value == "2013-02-12T09:30-05:00"
    # 9:30 in New York in February is 14:30 UTC, the article's clock: after the quake
    assert fmt_time(markets.interval.start) == "2013-02-12T14:30"
    assert markets.interval.start > quake.interval.start


def test_us_zones_follow_daylight_saving_time():
    assert offset_minutes("et", datetime(2013, 2, 12, 9)) == -300
    assert offset_minutes("et", datetime(2013, 7, 4, 9)) == -240
    assert offset_minutes("uk", datetime(2013, 7, 4, 9)) == 60
    assert normalize_offset("UTC+5:30") == "+05:30" and normalize_offset("-0400") == "-04:00"
    assert format_offset(0) == "Z"


def test_the_publication_minute_is_what_now_and_hours_ago_count_from():
    found = _by_text("Two hours ago the plane landed. Earlier today the minister spoke. Now it is calm.")
    assert found["Two hours ago"].value == "2013-02-12T02:30"  # the minute, two hours before 04:30
    assert fmt_time(found["today"].envelope.end) == "2013-02-12T04:30"
    assert fmt_time(found["Now"].envelope.start) == "2013-02-12T04:30"


def test_without_a_publication_time_the_day_is_the_reference():
    found = _by_text("Two hours ago the plane landed.", dct=datetime(2013, 2, 12), grain=Grain.DAY)
    assert found["Two hours ago"].value == "2013-02-11T22:00"


def test_in_seven_days_is_the_day_a_week_on():
    t = _by_text("The vote is due in 7 days.")["7 days"]
    assert t.value == "P7D"
    assert (fmt_time(t.interval.start), fmt_time(t.interval.end)) == ("2013-02-19T00:00", "2013-02-20T00:00")


def test_date_option_with_a_time_reaches_the_resolver(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The ship docked three hours ago, at 0130 GMT.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--date", "2013-02-12T04:30", "--format", "json", str(article)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    values = {t["text"]: t["value"] for t in json.loads(res.output)["timexes"]}
    assert values == {"three hours ago": "2013-02-12T01:30", "0130 GMT": "2013-02-12T01:30Z"}  # 04:30 less three hours


def test_feasts_outside_their_table_are_not_guessed():
    """A feast in a year its table lacks (or a holiday with no fixed day that year, "Super Bowl
    Sunday 2002") has no day made up: the year it names, and nothing more."""
    for text, year in (("Diwali 1850 was celebrated.", "1850"), ("Stores were packed on Super Bowl Sunday 2002.", "2002")):
        assert [t.value for t in extract(_doc(text))] == [year], text


def test_an_undated_article_keeps_the_zone_in_its_symbolic_value():
    found = {t.text: t for t in extract(Document("d", "The quake struck at 11:42 UTC."))}
    assert found["11:42 UTC"].value == "XXXX-XX-XXT11:42Z"


def test_a_publication_time_with_its_zone_sets_the_articles_clock(tmp_path):
    """--date 2013-02-12T04:30-05:00: the article is on New York's clock, so "14:30 GMT" is
    09:30 on it (its value keeps GMT), and the zone survives the timeline JSON."""
    article = tmp_path / "a.txt"
    article.write_text("Talks resume at 14:30 GMT Sunday, officials said.\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["build", "--date", "2013-02-12T04:30-05:00", "--out", str(tmp_path / "out"),
                               "-q", str(article)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert data["documents"][0]["dct"] == "2013-02-12T04:30-05:00"
    (talks,) = [t for t in data["timexes"] if t["text"] == "14:30 GMT Sunday"]
    assert talks["value"] == "2013-02-10T14:30Z"
    assert talks["interval"][0] == "2013-02-10T09:30"
    log = runner.invoke(main, ["log", str(tmp_path / "out" / "timeline.json")], catch_exceptions=False)
    assert "2013-02-12T04:30-05:00" in log.output
    # without a zone the article's clock is that of its first zoned time, GMT
    res = runner.invoke(main, ["extract", "--date", "2013-02-12T04:30", "--format", "json", str(article)],
                        catch_exceptions=False)
    (talks,) = json.loads(res.output)["timexes"]
    assert talks["interval"][0] == "2013-02-10T14:30"


def test_a_zone_no_clock_has_is_refused_in_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks resume on Sunday.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--date", "2013-02-12T04:30+25:00", str(article)])
    assert res.exit_code == 2 and "invalid --date" in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_an_undated_nth_week_of_a_month_is_a_week_with_its_edge():
    """'the first week of January' with no publication date: XXXX-W01 (1-7 January always
    holds most of the first ISO week); a week whose ISO number changes with the year keeps
    its month and says at which edge it is."""
    from timeline.time.compose import undated_week

    assert undated_week(1, 1) == ("XXXX-W01", None)
    assert undated_week(12, -1) == ("XXXX-12", "END")
    assert undated_week(5, 1, weekend=True) == ("XXXX-05", "START")
    assert undated_week(3, 2) == ("XXXX-03", None)
