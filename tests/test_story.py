"""The story of many articles: happenings merged across articles, ranked, drawn and logged."""
from __future__ import annotations

import json
import struct
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.model import Document, Precision
from timeline.pipeline import build_timeline
from timeline.render.rows import story_rows
from timeline.sources.furniture import mark_duplicates, mark_furniture

from storygen import HAPPENINGS, START, write_story

N = 160


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> tuple[Path, dict]:
    """A synthetic story of 160 articles from up to twelve outlets, built by the CLI."""
    root = tmp_path_factory.mktemp("story")
    write_story(root / "articles", N)
    out = root / "out"
    result = CliRunner().invoke(main, ["build", str(root / "articles"), "--out", str(out), "--top", "10"])
    assert result.exit_code == 0, result.output
    return out, json.loads((out / "timeline.json").read_text(encoding="utf-8"))


def _happening(data: dict, *words: str) -> dict:
    return max((h for h in data["happenings"] if all(w in h["label"].lower() for w in words)),
               key=lambda h: h["articles"])


def test_one_happening_gathers_its_reports_from_many_articles_and_outlets(story):
    _, data = story
    quake = _happening(data, "earthquake")
    assert quake["articles"] >= N // 3 and len(quake["outlets"]) >= 5
    assert (quake["earliest"], quake["latest"], quake["precision"]) == ("2026-03-02T00:00", "2026-03-03T00:00", "day")
    assert quake["first_report"]["dct"] == "2026-03-02"
    docs = {m["doc"] for m in quake["mentions"]}
    assert len(docs) == quake["articles"]


def test_the_top_of_the_ranking_is_the_story_s_turning_points_on_different_days(story):
    _, data = story
    top = sorted(data["happenings"], key=lambda h: h["rank"])[:5]
    assert top[0]["rank"] == 1 and "earthquake" in top[0]["label"].lower()
    days = [h["earliest"][:10] for h in top]
    assert len(set(days)) == len(days)  # the ranking covers the story's days, not one day's reports
    key_days = {f"{(START.toordinal() + d)}" for d, _ in HAPPENINGS}
    assert all(str(datetime.fromisoformat(h["earliest"]).toordinal()) in key_days for h in top)
    for h in top:
        assert set(h["signals"]) >= {"articles", "outlets", "lead", "date_refs", "later_refs", "published"}


def test_page_furniture_and_duplicates_are_set_aside_and_counted(story):
    out, data = story
    signoff = "for live updates on this story"
    assert not any(signoff in e["sentence"] for e in data["events"])
    assert sum(len(d.get("furniture", [])) for d in data["documents"]) >= N
    dupes = [d for d in data["documents"] if d.get("duplicate_of")]
    assert all(not any(e["doc"] == d["id"] for e in data["events"]) for d in dupes)


def test_furniture_is_what_recurs_over_days_not_what_wire_copy_repeats_or_a_recalled_date():
    day = [datetime(2026, 3, d) for d in (2, 3, 4, 5)]
    wire = "Rescuers pulled 40 survivors from the rubble of the hotel."
    docs = [Document(f"d{i}", f"{wire if i < 3 else 'Ships reached the port.'} The minister visited the "
                     f"port in the town of Vila {i}. On March 2, an earthquake struck the city. "
                     f"Views expressed in the comments do not represent those of the publisher.",
                     dct=day[0] if i < 3 else day[i - 2], source="X") for i in range(5)]
    marked = {d.id: d for d in mark_furniture(docs)}
    found = {d.text[s:e] for d in marked.values() for s, e in d.furniture}
    assert found == {"Views expressed in the comments do not represent those of the publisher."}


def test_the_same_text_twice_is_one_article():
    a = Document("a", "Russia struck Kyiv on Tuesday.", dct=datetime(2026, 2, 4), source="X")
    b = Document("b", "Russia  struck Kyiv on Tuesday.\n", dct=datetime(2026, 2, 4), source="Y")
    marked = mark_duplicates([a, b])
    assert marked[1].duplicate_of == "a" and marked[0].duplicate_of is None
    tl = build_timeline([a, b])
    assert all(h.articles == 1 for h in tl.happenings)


def test_counts_that_contradict_each_other_are_two_happenings():
    docs = [Document("a", "A bomb injured 17 others in the market on Tuesday.", dct=datetime(2026, 2, 4), source="A"),
            Document("b", "A bomb injured 180 in the market on Tuesday.", dct=datetime(2026, 2, 4), source="B"),
            Document("c", "A bomb injured 17 people in the market on Tuesday.", dct=datetime(2026, 2, 4), source="C")]
    tl = build_timeline(docs)
    injured = [h for h in tl.happenings if "injured" in h.label]
    by_docs = sorted(sorted(m.doc for m in h.mentions) for h in injured)
    assert by_docs == [["a", "c"], ["b"]]


def test_a_source_whose_time_contradicts_the_others_is_kept_as_a_disagreement():
    text = "The central bank raised its interest rate to 4.5 percent on {}, surprising investors. {}"
    docs = [Document(f"d{i}", text.format("Tuesday", f"Reported by outlet {i}."), dct=datetime(2026, 2, 4),
                     source=f"Outlet {i}") for i in range(2)]
    docs.append(Document("d2", text.format("Thursday", "Markets fell."), dct=datetime(2026, 2, 6), source="Late"))
    tl = build_timeline(docs)
    rate = next(h for h in tl.happenings if "interest rate" in h.label)
    assert rate.articles == 3 and rate.envelope.start == datetime(2026, 2, 3)
    assert [r.doc for r in rate.disagreements] == ["d2"]


def test_the_log_opens_with_a_summary_and_the_key_events_not_a_list_of_articles(story):
    out, data = story
    log = (out / "timeline.txt").read_text(encoding="utf-8").splitlines()
    assert log[0].startswith(f"Timeline of {N - len([d for d in data['documents'] if d.get('duplicate_of')])} articles from")
    assert len(log[0]) < 300 and "page furniture dropped" in log[1]
    assert ("duplicate" in log[1]) == any(d.get("duplicate_of") for d in data["documents"])
    assert log[3].startswith("Key events: the 10 happenings that matter most")
    key = log[4:14]
    assert any("earthquake" in line.lower() and "first reported by" in line for line in key)
    first_day = next(i for i, line in enumerate(log) if line.startswith("Mon 2 Mar 2026"))
    assert first_day < 20  # the chronology's first day is on the first screen after the key events


def test_the_story_chart_is_bounded_readable_and_not_stretched_by_a_stray_date(story):
    out, data = story
    width, height = struct.unpack(">II", (out / "timeline.png").read_bytes()[16:24])
    assert width == 1600 and height <= 2600
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from timeline.formats.codec import loads
    from timeline.render.gantt import render_gantt

    tl = loads((out / "timeline.json").read_text(encoding="utf-8"))
    fig = render_gantt(tl, top=60)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    assert fig.bbox.height <= 2600
    renderer = canvas.get_renderer()
    strip, panel = fig.axes[0], fig.axes[1]
    assert strip.get_title(loc="left").startswith("Coverage: articles published per day, by outlet")
    labels = [lab for lab in panel.get_yticklabels() if lab.get_text()]
    timed = [h for h in data["happenings"] if h["earliest"] or h["latest"]]
    # every dated happening is drawn: at least the story's own (the spokesman's "We are still
    # counting the damage" is no happening)
    assert len(labels) == min(60, len(timed)) >= len(HAPPENINGS)
    boxes = sorted((lab.get_window_extent(renderer) for lab in labels), key=lambda b: b.y0)
    for lower, upper in zip(boxes, boxes[1:]):
        assert lower.y1 <= upper.y0 + 0.5, "two labels overlap"
    assert all(b.x0 >= 0 and b.y0 >= 0 and b.y1 <= fig.bbox.height for b in boxes)
    ticks = [t.get_text() for t in panel.get_xticklabels()]
    assert "1886" not in " ".join(ticks) and any("Mar" in t for t in ticks)  # the axis covers March 2026
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert sum(1 for t in legend if "(" in t and "article" in t and "other" not in t) <= 10


def test_outlets_are_the_sources_and_an_article_without_one_is_named_by_its_title():
    docs = [Document("x1", "Russia struck Kyiv on Tuesday night.", dct=datetime(2026, 2, 4), source="Reuters"),
            Document("x2", "Russia struck Kyiv on Tuesday night, officials said.", dct=datetime(2026, 2, 4),
                     title="Kyiv hit by missiles overnight as talks near")]
    tl = build_timeline(docs)
    strike = next(h for h in tl.happenings if h.articles == 2)
    assert set(strike.outlets) == {"Reuters", "Kyiv hit by missiles overnight as talks near"}
    rows = story_rows(tl)
    assert all("unknown" not in o for r in rows for o in r.outlets)


def test_articles_of_different_stories_in_one_folder_still_make_a_chart(tmp_path):
    write_story(tmp_path / "a", 30)
    (tmp_path / "a" / "other.txt").write_text(
        "Source: Sports Daily\nDate: 2025-11-02\n\nThe home team won the cup final on Saturday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "a"), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert any("cup final" in h["label"] or "won" in h["label"] for h in data["happenings"])
    assert (tmp_path / "out" / "timeline.png").stat().st_size > 10_000


def test_a_single_article_is_a_story_of_one(tmp_path):
    from conftest import SEEDS

    result = CliRunner().invoke(main, ["build", str(SEEDS / "001_4fbe5cb1b068faab.txt"), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert data["happenings"] and all(h["articles"] == 1 and h["outlets"] == ["NextFin News"]
                                      for h in data["happenings"])
    assert sorted(h["rank"] for h in data["happenings"]) == list(range(1, len(data["happenings"]) + 1))
    assert all(h["precision"] in {p.value for p in Precision} for h in data["happenings"])


def test_the_story_axis_cuts_out_an_empty_stretch_and_leaves_a_stray_date_at_the_edge():
    from timeline.render.axis import story_axis

    june = [datetime(2009, 6, 25).toordinal() + k / 3 for k in range(12)]
    trial = [datetime(2011, 10, 1).toordinal() + 5 * k for k in range(8)]
    stray = [datetime(1958, 8, 29).toordinal()]
    axis, outliers = story_axis(june + trial + stray)
    assert len(axis.segments) == 2 and outliers == {len(june) + len(trial)}
    (a0, a1), (b0, b1) = axis.segments
    assert a1 - a0 < 10 and b1 - b0 < 45  # days, not the 2 years between nor the 50 before
    assert axis.place(stray[0]) == 0.0 and 0 < axis.place(june[0]) < axis.place(trial[0]) < 1
    assert axis.breaks() and axis.place(datetime(2010, 6, 1).toordinal()) == axis.breaks()[0]


def test_a_lone_row_between_two_stretches_of_the_story_gets_a_stretch_of_its_own():
    """A death in 2009, a trial in 2011 and, alone between them, "Murray pleaded not guilty"
    (8 February 2010, eleven articles): it stretches nothing, so it is drawn on a short stretch
    of its own where its day reads as a day, not lost in a break; a stray date before the
    story stays at the edge."""
    from timeline.render.axis import story_axis

    june = [datetime(2009, 6, 25).toordinal() + k / 3 for k in range(12)]
    trial = [datetime(2011, 10, 1).toordinal() + 5 * k for k in range(8)]
    plea = [datetime(2010, 2, 8).toordinal()]
    stray = [datetime(1958, 8, 29).toordinal()]
    axis, outliers = story_axis(june + plea + trial + stray)
    assert len(axis.segments) == 3 and outliers == {len(june) + 1 + len(trial)}
    assert axis.inside(plea[0]) and axis.place(june[-1]) < axis.place(plea[0]) < axis.place(trial[0])
    a, b = axis.segments[1]
    assert 15 <= b - a < 20  # a fortnight around it: the day's bar is a fifteenth of its stretch


def test_the_story_axis_keeps_a_stretch_the_articles_were_published_all_along():
    """A year of coverage whose top rows grow sparse at its end (a row in October, one in
    November): the articles kept coming all along, so those months are the story's, drawn on
    the axis, not cut off as outliers; with the articles all in June and October, the stretch
    between stays cut out. The story's span before coverage began ('11 September 2001') is
    still left at the edge."""
    from timeline.render.axis import story_axis

    day = lambda y, m, d: float(datetime(y, m, d).toordinal())  # noqa: E731
    rows = [day(2005, 1, 10) + 9 * k for k in range(26)] + [day(2005, 10, 19), day(2005, 11, 22), day(2001, 9, 11)]
    every_day = [day(2005, 1, 4) + k for k in range(0, 358, 1)]
    axis, outliers = story_axis(rows, published=every_day)
    assert outliers == {len(rows) - 1}  # only 2001
    assert axis.inside(day(2005, 10, 19)) and axis.inside(day(2005, 11, 22))
    _, apart = story_axis(rows)  # (no coverage told: the sparse end is cut off, as before)
    assert {len(rows) - 3, len(rows) - 2} <= apart
    bursts = [day(2005, 6, 1) + k % 20 for k in range(40)] + [day(2005, 10, 1) + k % 20 for k in range(40)]
    june_oct = [day(2005, 6, 1) + k for k in range(12)] + [day(2005, 10, 1) + k for k in range(12)]
    axis, _ = story_axis(june_oct, published=bursts)
    assert len(axis.segments) == 2  # (nothing published in July-September: cut out)


def test_long_headline_labels_are_shortened_by_their_drawn_width_and_stay_on_the_page(story):
    """Labels of 80 characters, bold where several outlets report them (bold is wider): each is
    cut at a word, with "…", only as far as it must be to fit left of the plot."""
    from dataclasses import replace

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from timeline.formats.codec import loads
    from timeline.render.gantt import render_gantt

    out, _ = story
    tl = loads((out / "timeline.json").read_text(encoding="utf-8"))
    long = "World Health Organisation was implicated in possibly dozens of human deaths"  # 77, in bold
    tl = replace(tl, happenings=tuple(replace(h, label=long if len(h.outlets) > 1 else "Aftershock hit")
                                      for h in tl.happenings))
    fig = render_gantt(tl, top=30)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    labels = [lab for lab in fig.axes[1].get_yticklabels() if lab.get_text()]
    assert any(lab.get_text() == "Aftershock hit" for lab in labels)
    cut = [lab for lab in labels if lab.get_text().endswith("…")]
    assert cut and all(long.startswith(lab.get_text()[:-1]) for lab in cut)
    assert all(lab.get_window_extent(renderer).x0 >= 0 for lab in labels), "a label runs off the page"


def test_every_key_event_label_starts_in_one_column_even_after_a_long_time(story):
    """A time wider than the log's column ("Mon 2 Mar 2026 15:00 – Tue 3 Mar 2026 11:00") has a
    line of its own; it does not push its label out of line with the others."""
    from dataclasses import replace
    from datetime import datetime

    from timeline.formats.codec import loads
    from timeline.model import Interval
    from timeline.render.log import render_log

    out, _ = story
    tl = loads((out / "timeline.json").read_text(encoding="utf-8"))
    first = min((h for h in tl.happenings if h.rank), key=lambda h: h.rank)
    night = Interval(datetime(2026, 3, 2, 15), datetime(2026, 3, 3, 11))
    tl = replace(tl, happenings=tuple(replace(h, envelope=night) if h is first else h for h in tl.happenings))
    lines = render_log(tl, top=10).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Key events"))
    section = lines[start + 1:lines.index("", start)]
    assert any(line.strip().startswith("Mon 2 Mar 2026 15:00 –") for line in section)
    labelled = [line for line in section if "[" in line]
    assert len(labelled) == 10
    assert all(line[30] == " " and line[31] != " " for line in labelled)  # every label at column 31
    assert any(line[31:].startswith(first.label) for line in labelled)


def _one_page(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    """The timeline of one article file with this text, and its document as built."""
    from timeline.pipeline import read_documents

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (doc,) = read_documents([str(tmp_path / "a.txt")])
    tl = build_timeline([doc])
    (marked,) = tl.documents
    return tl, marked


def test_a_page_stamp_and_an_address_are_furniture_even_on_one_page(tmp_path):
    """"Page last updated at ..." names a day, and differs from page to page, so it never
    recurs; an e-mail footer is on one page only: neither is a happening of the story."""
    tl, marked = _one_page(tmp_path, "Source: BBC\nDate: 2009-06-26\n\nThe singer died in Los Angeles on Thursday.\n\n"
                           "Page last updated at 08:49 GMT, Friday, 26 June 2009 09:49 UK.\n\n"
                           "Write to userhelp@guardian.co.uk if the page was updated wrongly on Friday.\n")
    dropped = [marked.text[s:e] for s, e in marked.furniture]
    assert len(dropped) == 2 and "Page last updated" in dropped[0] and "userhelp@" in dropped[1]
    assert [e.text for e in tl.events] == ["died"]


def test_a_page_stamp_between_heading_and_body_dates_neither(tmp_path):
    """A web page that runs its headline, standfirst and publication stamp into the body with
    no stop ("... on slaughter Tuesday 4 January 2005 08.43 GMT There has never ..."): the
    stamp is the page's, not the time of the headline's happening nor of the body's first
    sentence; it is dropped as furniture, and the heading is a sentence of its own."""
    from timeline.model import AnchorKind

    tl, marked = _one_page(tmp_path, "Source: The Guardian\nDate: 2005-01-04\n\nThe victims of the tsunami pay the "
                           "price of war on Iraq Aid is dwarfed by the billions both spend on slaughter Tuesday 4 "
                           "January 2005 08.43 GMT There has never been a moment like it. The show was broadcast on "
                           "New Year's Day.\n")
    assert [marked.text[s:e] for s, e in marked.furniture] == ["Tuesday 4 January 2005 08.43 GMT"]
    assert [t.text for t in tl.timexes] == ["New Year's Day"]
    pay = next(e for e in tl.events if e.text == "pay")
    assert pay.anchor is not AnchorKind.TIMEX and "08.43" not in pay.sentence


def test_a_happening_that_names_the_story_s_places_outranks_an_aside_of_one_article(tmp_path):
    """The story's centroid of names: of two happenings one article reports on one day, in its
    lead, the one that names what the story's articles name (Haiti) outranks a sidebar that
    names what none of the others does (a banker's yacht in Monaco)."""
    from timeline.pipeline import build_timeline, read_documents

    quake = "Rescue teams searched the rubble after the earthquake in Haiti, and survivors waited for aid"
    for day in (13, 14, 15, 16):
        (tmp_path / f"{day}.txt").write_text(f"Source: BBC\nDate: 2010-01-{day}\n\n{quake} on day {day}.\n",
                                             encoding="utf-8")
    (tmp_path / "17.txt").write_text(
        "Source: BBC\nDate: 2010-01-19\n\nOn Monday, a retired banker sold his yacht in Monaco. "
        "On Monday, rescue teams pulled a girl from the rubble of the earthquake in Haiti.\n", encoding="utf-8")
    docs = read_documents(sorted(str(p) for p in tmp_path.iterdir()))
    tl = build_timeline(docs)
    girl = next(h for h in tl.happenings if h.articles == 1 and "earthquake" in h.label.lower())
    yacht = next(h for h in tl.happenings if "yacht" in h.label)
    assert girl.precision == yacht.precision and girl.envelope == yacht.envelope
    assert dict(girl.signals)["central"] > dict(yacht.signals)["central"] > 0
    assert girl.rank < yacht.rank


def test_a_day_the_later_coverage_names_in_full_outranks_one_named_only_by_its_weekday(tmp_path):
    """Date-wise TLS: retrospectives name the days that mattered in full ("5 March 2025");
    "on Monday" points at the day before the publication day. A happening two later articles
    date in full outranks one three articles of the next day date by the weekday; a page's
    stamp of its own publication day does not count as naming it, nor does naming a day long
    before the story (its background)."""
    articles = {
        "a": ("Reuters", "2025-03-04", "Talks on the river treaty collapsed in Geneva on Monday."),
        "b": ("BBC", "2025-03-04", "Talks on the river treaty collapsed in Geneva on Monday, officials said."),
        "c": ("AP", "2025-03-04", "Talks on the river treaty collapsed in Geneva on Monday after a week."),
        "d": ("Reuters", "2025-03-20", "The Koral dam collapsed on 5 March 2025, flooding the valley."),
        "e": ("BBC", "2025-03-25", "Engineers say the Koral dam collapsed on 5 March 2025."),
        "f": ("AP", "2025-03-12", "Wednesday 12 March 2025\n\nFarmers blocked the roads into Geneva today."),
        "g": ("AP", "2025-03-21", "Engineers opened the Koral dam on 4 June 1961."),
    }
    for name, (outlet, day, text) in articles.items():
        (tmp_path / f"{name}.txt").write_text(f"Source: {outlet}\nDate: {day}\n\n{text}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(out), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    talks, dam = _happening(data, "talks"), _happening(data, "dam")
    assert (talks["articles"], dam["articles"]) == (3, 2)
    assert (talks["earliest"][:10], dam["earliest"][:10]) == ("2025-03-03", "2025-03-05")
    assert dam["rank"] < talks["rank"]
    farmers = _happening(data, "farmers")
    assert farmers["earliest"][:10] == "2025-03-12"
    assert (dam["signals"]["full_refs"], talks["signals"]["full_refs"], farmers["signals"]["full_refs"]) == (1, 0, 0)
    opened = _happening(data, "opened")  # named in full, but long before the story: background
    assert opened["earliest"][:10] == "1961-06-04" and opened["signals"]["full_refs"] == 0


def test_a_day_only_assumed_from_the_publication_day_is_no_stated_precision(tmp_path):
    """"The ministry is reviewing the treaty" is dated to the publication day by its tense
    alone: it names no day of its own, so it does not count as dated to a day when ranked
    (its precision signal is 0), while "talks collapsed on Monday" does."""
    for name, outlet in (("a", "Reuters"), ("b", "BBC")):
        (tmp_path / f"{name}.txt").write_text(
            f"Source: {outlet}\nDate: 2025-03-04\n\nTalks on the river treaty collapsed in Geneva on Monday. "
            "The ministry is reviewing the river treaty.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(out), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    talks, review = _happening(data, "talks"), _happening(data, "reviewing")
    assert (talks["earliest"][:10], review["earliest"][:10]) == ("2025-03-03", "2025-03-04")
    assert review["precision"] == "day" and review["signals"]["stated"] == 0
    assert (talks["signals"]["precision"], review["signals"]["precision"]) == (1, 0)
    assert talks["rank"] < review["rank"]


def test_the_furniture_forms_match_their_examples_and_not_their_negatives():
    from timeline.rules import load_toml
    from timeline.sources.furniture import _anywhere, furniture_rules

    data = load_toml("story.toml")["furniture"]
    forms = furniture_rules().forms
    assert data["form_examples"] and data["form_negatives"]
    anywhere = _anywhere(furniture_rules())  # (what a page is scanned with before it is split)
    for sentence in data["form_examples"]:
        assert any(p.search(sentence) for p in forms), sentence
        assert anywhere.search(f"Officials met on Monday. {sentence}"), sentence
    for sentence in data["form_negatives"]:
        assert not any(p.search(sentence) for p in forms), sentence


def test_a_links_call_is_furniture_even_on_one_page(tmp_path):
    """"Read the first part of the advice": the page tells its reader what to do; nothing
    happened. The same words inside a sentence are news."""
    from timeline.pipeline import build_timeline, read_documents

    (tmp_path / "a.txt").write_text(
        "Source: The Guardian\nDate: 2005-04-28\n\nThe attorney general gave his advice on March 7 2003. "
        "Read the first part of the advice Thursday 28 April 2005 18.46 BST. "
        "The minister read the first part of the advice on Friday.\n", encoding="utf-8")
    (doc,) = read_documents([str(tmp_path / "a.txt")])
    (marked,) = build_timeline([doc]).documents
    dropped = [marked.text[s:e] for s, e in marked.furniture]
    assert len(dropped) == 1 and dropped[0].startswith("Read the first part"), dropped


def _passes_its_examples(pattern, name: str) -> None:
    """A furniture pattern of story.toml finds each of its `NAME_examples` and none of its
    `NAME_negatives`."""
    from timeline.rules import load_toml

    data = load_toml("story.toml")["furniture"]
    assert pattern is not None and data[f"{name}_examples"] and data[f"{name}_negatives"]
    assert all(pattern.search(s) for s in data[f"{name}_examples"])
    assert not any(pattern.search(s) for s in data[f"{name}_negatives"])


def test_a_blogs_reader_comments_are_not_the_outlets_news():
    """From the first of several "At ... on ..., USER wrote:" headers to the foot of the page,
    the sentences are readers' comments: no event or time is taken from them (their headers'
    dates would count as days the coverage names); one header alone is not a thread."""
    from timeline.sources.furniture import comments_thread, furniture_rules
    from timeline.sources.segment import sentences

    _passes_its_examples(furniture_rules().comment_header, "comment")
    text = ("Schools in London closed on Monday after two pupils fell ill. Officials said the risk was low. "
            "At 5:49 pm on 05 May 2009, GiniaHickley wrote: I think they overreacted. "
            "At 5:56 pm on 05 May 2009, stanilic wrote: Hong Kong acted better than other countries.")
    spans = sentences(text)
    thread = comments_thread(text, spans)
    first = next(k for k, (s, e) in enumerate(spans) if "GiniaHickley" in text[s:e])
    assert text[spans[first][0]:].startswith("At 5:49")
    assert thread == list(spans[first:])
    assert comments_thread(text[:text.index("At 5:56")], sentences(text[:text.index("At 5:56")])) == []
    docs = [Document("a", text, dct=datetime(2009, 5, 5), source="BBC")]
    tl = build_timeline(docs)
    assert not any("Hong Kong" in h.label or "overreacted" in h.label for h in tl.happenings)
    assert any("closed" in h.label for h in tl.happenings)


def test_comments_signed_at_their_foot_are_not_the_outlets_news():
    """A blog that signs each reader comment at its foot ("Posted by DJ Welch on April 5, 2005
    05:40 PM."): from the first comment, after the post's own last line, to the foot of the
    page, nothing is news (the signatures' times would date the next comment); a blog's own
    posts signed with a time only ("Posted by Keith Stuart at 10:48 AM | Comments (2)") stay."""
    from timeline.sources.furniture import comments_thread, furniture_rules
    from timeline.sources.segment import sentences

    _passes_its_examples(furniture_rules().comment_signature, "signature")
    post = ("The prime minister met the generals in Basra on Monday. The talks ended without a deal. "
            "You can email the author at jo.smith@example.co.uk. ")
    comments = ("I think the talks were a sham. Posted by DJ Welch on April 5, 2005 05:40 PM. "
                "Troops should come home now. Posted by Mark on April 5, 2005 06:02 PM.")
    text = post + comments
    spans = sentences(text)
    dropped = [text[s:e] for s, e in comments_thread(text, spans)]
    assert dropped and dropped[0].startswith("I think the talks") and "Troops should come home" in " ".join(dropped)
    assert not any("generals" in d for d in dropped)
    one = post + "I think the talks were a sham. Posted by DJ Welch on April 5, 2005 05:40 PM."
    assert comments_thread(one, sentences(one)) == []  # (one signature is not a thread)
    own = ("The studio revealed its new game. Posted by Keith Stuart at 10:48 AM | Comments (2) | Permalink "
           "The console maker announced a price cut. Posted by Keith Stuart at 10:42 AM | Comments (5) | Permalink")
    assert comments_thread(own, sentences(own)) == []
    tl = build_timeline([Document("a", text, dct=datetime(2005, 4, 5), source="The Guardian")])
    assert not any("sham" in h.label or "come home" in h.label for h in tl.happenings)
    assert any("met" in h.label.lower() for h in tl.happenings)


def test_the_views_a_page_publishes_after_asking_for_them_are_not_news():
    from timeline.rules import load_toml
    from timeline.sources.furniture import comments_thread, furniture_rules
    from timeline.sources.segment import sentences

    data = load_toml("story.toml")["furniture"]
    call = furniture_rules().comment_call
    assert call is not None and all(call.search(s) for s in data["call_examples"])
    assert not any(call.search(s) for s in data["call_negatives"])
    text = ("Two schools in London closed on Monday. Have you been tested? Send us your comments using the form below: "
            "Hong Kong acted better than other countries. My school shut too.")
    spans = sentences(text)
    dropped = [text[s:e] for s, e in comments_thread(text, spans)]
    assert dropped and dropped[0].startswith("Send us") and dropped[-1] == "My school shut too."
    assert not any("London closed" in d for d in dropped)
    tl = build_timeline([Document("a", text, dct=datetime(2009, 5, 5), source="BBC")])
    assert not any("Hong Kong" in h.label for h in tl.happenings)


def test_later_reports_looking_back_to_a_day_join_the_happening_of_that_day():
    """Coverage refers back to a turning point in other words ("since the July 7 bombings"):
    such a report, published weeks on, joins the happening of its kind most articles reported on
    that day rather than making a row of its own. What only shares the day stays apart: a rail
    strike (a word of the attack kind, no word in common), a word of many senses ("hit the
    wrong note"), other news of that day."""
    d = datetime
    docs = [Document(f"n{i}", "Suicide bombers attacked three Underground trains and a bus in central London on "
                              f"7 July 2005, killing 52 people, police said. Report {i}.", dct=d(2005, 7, 8),
                     source=f"Outlet {i}") for i in range(4)]
    docs += [Document(f"o{i}", f"Ministers argued about {t} on 7 July 2005 in Parliament.", dct=d(2005, 7, 9 + i),
                      source=f"Other {i}")
             for i, t in enumerate(["the budget vote", "the school reform", "the rail strike", "the heat wave",
                                    "the tennis final", "the harvest", "the court ruling", "the museum opening"])]
    docs += [Document("c", "Mr Blair's critics say that since the July 7 bombings in London the government has "
                           "rushed its terror laws.", dct=d(2005, 9, 20), source="Late 1"),
             Document("e", "On 7 July 2005 Galloway hit the wrong note with his comments at a rally in Glasgow.",
                      dct=d(2005, 9, 22), source="Late 2")]
    tl = build_timeline(docs)
    reports = {h.label: sorted({m.doc for m in h.mentions}) for h in tl.happenings
               if h.envelope is not None and h.envelope.start == d(2005, 7, 7)}
    attack = next(docs for label, docs in reports.items() if "bombers attacked" in label.lower())
    assert attack == ["c", "n0", "n1", "n2", "n3"]
    assert any(docs == ["e"] and "hit" in label for label, docs in reports.items())
    assert "o2" not in attack  # (the rail strike, a word of the attack kind sharing nothing but the day)


def test_a_report_naming_the_happening_by_the_noun_another_report_joined_to_its_verb_is_that_happening():
    """"The United Nations launched an aid appeal": the launch and the appeal are one entry of
    that article; a later "UN appeal on Friday asked for aid" names the same happening by the
    noun, and joins it. Other news of that day stays apart."""
    d = datetime
    lead = ["The United Nations launched an aid appeal for Porto Verde on Friday.",
            "On Friday the United Nations launched an aid appeal for the quake zone.",
            "United Nations agencies launched an aid appeal for the survivors on Friday."]
    docs = [Document(f"a{i}", text, dct=d(2026, 3, 6), source=f"A{i}") for i, text in enumerate(lead)]
    docs += [Document("b", "A UN appeal on Friday asked for aid worth 300 million dollars.", dct=d(2026, 3, 8),
                      source="B"),
             Document("c0", "Rescuers pulled survivors from the rubble on Friday.", dct=d(2026, 3, 6), source="C0"),
             Document("c1", "On Friday rescuers pulled more survivors from the rubble of the school.",
                      dct=d(2026, 3, 6), source="C1")]
    tl = build_timeline(docs)
    by_docs = {h.label: sorted({m.doc for m in h.mentions}) for h in tl.happenings}
    appeal = next(docs for label, docs in by_docs.items() if "launched an aid appeal" in label)
    assert appeal == ["a0", "a1", "a2", "b"]
    assert ["c0", "c1"] in by_docs.values()


def test_a_march_and_those_who_marched_are_one_protest_and_a_reopening_one_however_told():
    """"Thousands of protesters marched on parliament" and a later "A march on parliament
    demanded faster aid" tell one protest (the march, the marchers: story.toml [kinds]);
    "The airport reopened to commercial flights" and "Commercial flights resumed at the
    reopened airport" one reopening."""
    d = datetime
    docs = [Document(f"a{i}", text, dct=d(2026, 3, 16), source=f"A{i}") for i, text in enumerate([
        "Thousands of protesters marched on parliament in Porto Verde on Monday.",
        "On Monday thousands of protesters marched on parliament to demand faster aid.",
        "A march on parliament on Monday demanded faster aid for Porto Verde.",
        "The airport of Porto Verde reopened to commercial flights on Monday.",
        "Commercial flights resumed at the reopened airport of Porto Verde on Monday."])]
    tl = build_timeline(docs)
    by_docs = sorted(sorted({m.doc for m in h.mentions}) for h in tl.happenings if h.articles > 1)
    assert ["a0", "a1", "a2"] in by_docs and ["a3", "a4"] in by_docs


def test_an_aside_of_a_day_the_coverage_keeps_naming_takes_only_a_share_of_that_day_s_salience():
    """Four articles report the earthquake of Monday 2 March, and later ones keep naming that
    day; one of them also tells that a minister visited a school that day. The day's salience
    is the earthquake's: the visit, one article next to four, takes a share of it."""
    d = datetime
    docs = [Document(f"a{i}", f"A strong earthquake struck Porto Verde on Monday, the {'first second third fourth'.split()[i]} report said. "
                     + ("A minister visited a school in the capital on Monday." if i == 0 else ""),
                     dct=d(2026, 3, 3), source=f"A{i}") for i in range(4)]
    docs += [Document(f"b{i}", f"Since the earthquake of March 2, 2026, aid has reached {i + 2} towns.",
                      dct=d(2026, 3, 10 + i), source=f"B{i}") for i in range(3)]
    tl = build_timeline(docs)
    quake = max(tl.happenings, key=lambda h: h.articles)
    visit = next(h for h in tl.happenings if "visited" in h.label)
    assert quake.articles >= 4 and visit.articles == 1
    assert dict(visit.signals)["later_refs"] < dict(quake.signals)["later_refs"]
    assert dict(visit.signals)["date_refs"] < dict(quake.signals)["date_refs"]


def test_a_single_article_s_unreadable_row_gives_its_key_event_place_to_the_next_readable_one():
    """Among the rows shown first (the chart's and the log's key events), one that a single
    article reports and whose label the lint fails ("Stood") yields its place to the next
    readable one; a row several articles report keeps its place whatever its label, and the
    one passed over comes right after the shown rows."""
    from timeline.model import EventRef, Happening
    from timeline.story.compose import _readable_first

    ref = EventRef("d", "e1")

    def h(i: int, articles: int = 1) -> Happening:
        return Happening(f"h{i}", f"Row {i}", (ref,), articles, ("X",), ref, rank=i)

    rows = [h(1), h(2, articles=3), h(3), h(4), h(5), h(6)]
    out = {x.id: x.rank for x in _readable_first(rows, 3, {"h1", "h2", "h4"})}
    assert out == {"h2": 1, "h3": 2, "h5": 3, "h1": 4, "h4": 5, "h6": 6}
    assert _readable_first(rows, 3, set()) == rows


def test_a_hedge_both_reports_use_does_not_make_them_one_happening():
    """"so-called superbugs" and "so-called swine flu" share a hedge, not a happening: two
    outlets' reports of the same day with no other word in common stay apart."""
    docs = [Document("a", "Deadly pneumonia caused by so-called superbugs is spreading outside hospitals, researchers "
                          "warned on Tuesday.", dct=datetime(2009, 5, 19), source="Reuters"),
            Document("b", "The spread of so-called swine flu, which has caused over 120 deaths, alarmed officials on "
                          "Tuesday.", dct=datetime(2009, 5, 19), source="BBC")]
    tl = build_timeline(docs)
    assert all(len({m.doc for m in h.mentions}) == 1 for h in tl.happenings)


def test_a_row_that_a_row_above_already_tells_gives_its_key_event_place_to_the_next():
    """Two events of one sentence, "learned" and the "facing" of its complement, made two key
    events that showed the same sentence twice ("Calderon's government learned what kind of
    virus Mexico was facing after tests" and "What kind was facing after tests"): the one the
    row above already tells (its trigger is a word of that row's label, in the same sentence)
    yields its place. A verb of the same sentence that the row above does not tell ("raided",
    under "Manslaughter investigation into the singer's death") keeps its place, and so does
    a happening that another article also reports in a sentence of its own."""
    from timeline.model import AnchorKind, Event, EventRef, Happening, Relation
    from timeline.story.compose import _readable_first

    s1 = "Calderon's government learned what kind of virus Mexico was facing after tests in Canada."
    s2 = "Police raided the doctor's home in a manslaughter investigation into the singer's death."
    s3 = "Mexico is facing a shortage of vaccines, officials said."

    def ev(i: str, doc: str, text: str, sentence: str) -> Event:
        at = sentence.index(text)
        return Event(i, doc, at, at + len(text), text, sentence, text, Relation.ON, AnchorKind.TIMEX)

    from dataclasses import replace as _with
    from timeline.model import Interval

    # (the complement dated otherwise than its verb, as a build dates them: told above all the same)
    facing = _with(ev("e2", "a", "facing", s1), envelope=Interval(datetime(2009, 4, 23), datetime(2009, 4, 24)))
    events = [ev("e1", "a", "learned", s1), facing, ev("e3", "b", "investigation", s2),
              ev("e4", "b", "raided", s2), ev("e5", "c", "facing", s3)]

    def h(i: int, label: str, *refs: tuple[str, str]) -> Happening:
        mentions = tuple(EventRef(d, e) for d, e in refs)
        return Happening(f"h{i}", label, mentions, len({d for d, _ in refs}), ("X",), mentions[0], rank=i)

    rows = [h(1, "Calderon's government learned what kind of virus Mexico was facing", ("a", "e1")),
            h(2, "What kind was facing after tests", ("a", "e2")),
            h(3, "Manslaughter investigation into the singer's death", ("b", "e3")),
            h(4, "Police raided the doctor's home", ("b", "e4")),
            h(5, "Row 5", ("a", "e1")), h(6, "Row 6", ("a", "e1"))]
    out = {x.id: x.rank for x in _readable_first(rows, 3, set(), events)}
    assert out == {"h1": 1, "h3": 2, "h4": 3, "h2": 4, "h5": 5, "h6": 6}
    rows[1] = h(2, "What kind was facing after tests", ("a", "e2"), ("c", "e5"))
    assert _readable_first(rows, 3, set(), events) == rows



def test_an_unreadable_row_that_several_articles_repeat_word_for_word_is_one_report():
    """A picture's caption two articles carry ("... during a visit to the operations centre")
    made a key event labelled "Visit": one report, repeated, whose label the lint fails, yields
    its place as a single article's would; reported in two wordings, it keeps it."""
    from timeline.model import AnchorKind, Event, EventRef, Happening, Relation
    from timeline.story.compose import _readable_first

    caption = "Ban Ki-moon listens to Margaret Chan during a visit to the operations centre in Geneva."
    other = "Ban Ki-moon paid a visit to the operations centre in Geneva on Tuesday."
    at = caption.index("visit")
    events = [Event("e1", "a", at, at + 5, "visit", caption, "Visit", Relation.ON, AnchorKind.TIMEX),
              Event("e1", "b", at, at + 5, "visit", caption, "Visit", Relation.ON, AnchorKind.TIMEX),
              Event("e1", "c", 20, 25, "visit", other, "Visit", Relation.ON, AnchorKind.TIMEX)]
    ref = EventRef("z", "e9")

    def h(i: int, *docs: str) -> Happening:
        mentions = tuple(EventRef(d, "e1") for d in docs) or (ref,)
        return Happening(f"h{i}", "Visit" if docs else f"Row {i}", mentions, max(len(docs), 1), ("X",), mentions[0],
                         rank=i)

    rows = [h(1, "a", "b"), h(2), h(3), h(4)]
    out = {x.id: x.rank for x in _readable_first(rows, 2, {"h1"}, events)}
    assert out == {"h2": 1, "h3": 2, "h1": 3, "h4": 4}
    rows[0] = h(1, "a", "c")
    assert _readable_first(rows, 2, {"h1"}, events) == rows


def test_the_same_verb_of_one_sentence_at_another_time_is_not_told_above():
    """"Rebels attacked the town on Monday, and rebels attacked the port on Friday": the second
    attack's trigger is a word of the first row's label, in the same sentence, but it is dated
    otherwise: its own row (review32)."""
    from timeline.model import AnchorKind, Event, EventRef, Happening, Interval, Relation
    from timeline.story.compose import _readable_first

    s = "Rebels attacked the town on Monday, and rebels attacked the port on Friday."
    monday = Interval(datetime(2026, 3, 2), datetime(2026, 3, 3))
    friday = Interval(datetime(2026, 3, 6), datetime(2026, 3, 7))
    events = [Event("e1", "a", 7, 15, "attacked", s, "Rebels attacked the town", Relation.ON, AnchorKind.TIMEX,
                    envelope=monday),
              Event("e2", "a", 48, 56, "attacked", s, "Rebels attacked the port", Relation.ON, AnchorKind.TIMEX,
                    envelope=friday)]
    rows = [Happening("h1", "Rebels attacked the town", (EventRef("a", "e1"),), 1, ("X",), EventRef("a", "e1"), rank=1),
            Happening("h2", "Rebels attacked the port", (EventRef("a", "e2"),), 1, ("X",), EventRef("a", "e2"), rank=2),
            Happening("h3", "Row 3", (EventRef("z", "e9"),), 1, ("X",), EventRef("z", "e9"), rank=3)]
    assert _readable_first(rows, 2, set(), events) == rows
    same = [events[0], Event("e2", "a", 48, 56, "attacked", s, "Rebels attacked the port", Relation.ON,
                             AnchorKind.TIMEX, envelope=monday)]  # (one time: the second tells the first again)
    assert [x.rank for x in _readable_first(rows, 2, set(), same)] == [1, 3, 2]


def test_a_label_opens_with_a_name_where_its_sentence_writes_that_word_at_a_word_s_start():
    """`happenings._opens_a_word` finds what the pattern (?<![\\w-])WORD found, without one
    compiled per word: after a letter, a digit, "_" or "-" the word is inside another."""
    import random
    import re

    from timeline.story.happenings import _opens_a_word

    rng = random.Random(7)
    cases = [("Obama", "Obama said"), ("Obama", "pre-Obama era"), ("Obama", "x_Obama and Obama"),
             ("Obama", "ÉObama"), ("Obama", "5Obama"), ("Obama", "(Obama)"), ("Obama", "Obamas"), ("Obama", "")]
    alphabet = "ab -_éÉ1(.’"
    for _ in range(3000):
        word = "".join(rng.choice("ab-É1") for _ in range(rng.randint(1, 3)))
        cases.append((word, "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))))
    for word, text in cases:
        assert _opens_a_word(word, text) == bool(re.search(rf"(?<![\w-]){re.escape(word)}", text)), (word, text)


def test_a_report_with_no_level_does_not_join_two_levels_into_one_happening():
    """H1N1's "Margaret Chan raised the official alert level to phase 5" gathered reports of
    phase 6 through reports that name no level ("raised its pandemic alert last month"): a
    happening names one level."""
    docs = [Document("a", "The WHO raised its pandemic alert to phase 5 on Wednesday.", dct=datetime(2009, 4, 30),
                     source="A"),
            Document("e", "The WHO raised its pandemic alert to phase 5 on Wednesday, its chief said.",
                     dct=datetime(2009, 4, 30), source="E"),
            Document("b", "The WHO raised its pandemic alert last month.", dct=datetime(2009, 5, 20), source="B"),
            Document("c", "The WHO raised its pandemic alert to phase 6.", dct=datetime(2009, 6, 12), source="C")]
    tl = build_timeline(docs)
    raised = {tuple(sorted(m.doc for m in h.mentions)) for h in tl.happenings if "raised" in h.label}
    assert raised == {("a", "b", "e"), ("c",)}, raised


def test_deaths_at_large_are_not_the_mentions_of_the_day_s_death():
    """H1N1's "First death from the virus outside Mexico" gathered, from the articles of its day,
    "1 million deaths", "Deaths in Mexico" and a reader's "see deaths in this country": a plural
    nominalisation no article or possessive picks out is deaths at large, not that death; "the
    deaths" still is the day's."""
    text = ("A toddler died of swine flu in Texas on Wednesday, the first death outside Mexico. "
            "Experts warned that a pandemic could cause 1 million deaths worldwide. "
            "Deaths in Mexico have been blamed on the virus.")
    docs = [Document(x, text, dct=datetime(2009, 4, 29), source=x.upper()) for x in "ab"]
    tl = build_timeline(docs)
    death = max(tl.happenings, key=lambda h: len(h.mentions))
    words = {text[e.start:e.end] for e in tl.events for r in death.mentions if (e.doc, e.id) == (r.doc, r.event)}
    assert "deaths" not in words and "Deaths" not in words, (death.label, words)


def test_a_day_carried_from_a_recap_does_not_date_the_news_an_article_leads_with():
    """MJ's key events showed "Jury found Conrad Murray guilty" on 25 June 2009: a later article's
    "Michael Jackson died on 25 June 2009 and Dr Murray was with him. A jury found him guilty ..."
    carried the recap's day to the verdict, which the article of the verdict's day tells as its
    news. The lead wins; a day a time expression states would stay."""
    news = Document("a", "A jury in Los Angeles found Conrad Murray guilty of manslaughter. The doctor faces "
                         "four years in jail.", dct=datetime(2011, 11, 8), source="BBC")
    recap = Document("b", "Conrad Murray was jailed for four years. Fans cheered outside the court. Michael Jackson "
                          "died on 25 June 2009 and Dr Murray was with him on the night. A jury in Los Angeles "
                          "found him guilty of manslaughter after a six-week trial.",
                     dct=datetime(2011, 11, 29), source="BBC")
    tl = build_timeline([news, recap])
    verdict = next(h for h in tl.happenings if "guilty" in h.label)
    assert {m.doc for m in verdict.mentions} == {"a", "b"}
    assert verdict.envelope.start is None and verdict.envelope.end == datetime(2011, 11, 9), verdict.envelope
    # review40: a day carried in the day's own report stands, whatever anniversaries lead with
    day = Document("c", "Michael Jackson collapsed at his rented mansion in Los Angeles on Thursday. The singer died "
                        "at the UCLA medical centre after paramedics failed to revive him.", dct=datetime(2009, 6, 26),
                   source="BBC")
    later = [Document(x, "The singer died at the UCLA medical centre after a cardiac arrest. Fans marked the day.",
                      dct=datetime(2010, 6, 26), source=x.upper()) for x in "de"]
    died = next(h for h in build_timeline([day, *later]).happenings if "died" in h.label)
    assert died.envelope.start == datetime(2009, 6, 25), died.envelope
    # review41: an undated recap neither blocks the leads nor keeps its carried day
    undated = Document("u", recap.text, source="BBC")
    tl = build_timeline([news, Document("n2", news.text, dct=datetime(2011, 11, 8, 18), source="Reuters"), undated],
                        infer=False)
    verdict = next(h for h in tl.happenings if "guilty" in h.label and len(h.mentions) > 1)
    assert verdict.envelope.start is None or verdict.envelope.start > datetime(2011, 1, 1), verdict.envelope


def test_the_date_beside_a_bar_does_not_cover_the_cross_of_a_source_that_dates_it_otherwise():
    """H1N1's chart drew "S×t 25 Apr 2009": a cross (a source's other day) right after the bar was
    written over by the bar's date. The date starts after such a cross."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from timeline.render.gantt import render_gantt

    text = "The central bank raised its interest rate to 4.5 percent on {}, surprising investors. {}"
    docs = [Document(f"d{i}", text.format("Tuesday", f"Reported by outlet {i}."), dct=datetime(2026, 2, 4),
                     source=f"Outlet {i}") for i in range(2)]
    docs.append(Document("d3", text.format("Wednesday afternoon", "Markets fell."), dct=datetime(2026, 2, 5),
                         source="Late"))
    places = ("Aden", "Basra", "Cork", "Dover", "Essen", "Faro", "Genoa", "Hull", "Izmir", "Jaffa", "Kiel", "Lagos")
    docs += [Document(f"e{i}", f"Rebels attacked the port of {place} on Monday. Ships left.",
                      dct=datetime(2026, 2, 10) + timedelta(days=5 * i), source="Other")
             for i, place in enumerate(places)]  # (an axis of two months: a day is a narrow step on it)
    tl = build_timeline(docs)
    fig = render_gantt(tl)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    panel = fig.axes[-1]
    crosses = [line for line in panel.lines if line.get_marker() == "x"]
    assert crosses
    for line in crosses:
        (x,), (y,) = line.get_data()
        cx, cy = panel.transData.transform((x, y))
        r = line.get_markersize() * fig.dpi / 72 / 2  # (the cross's half width, in pixels)
        for t in panel.texts:
            box = t.get_window_extent(renderer)
            assert cx + r < box.x0 or cx - r > box.x1 or cy + r < box.y0 or cy - r > box.y1, t.get_text()


def test_a_news_brief_three_outlets_carry_on_one_day_is_news_not_furniture():
    """A lead that three outlets carry word for word on one day, in briefs of two sentences, had
    been taken for page furniture (every sentence of so short a page sat at its 'foot')."""
    text = "The central bank raised its interest rate to 4.5 percent on Tuesday, surprising investors. {}"
    docs = [Document(f"d{i}", text.format(f"Reported by outlet {i}."), dct=datetime(2026, 2, 4), source=f"Outlet {i}")
            for i in range(3)]
    marked = mark_furniture(mark_duplicates(docs))
    assert all(not d.furniture for d in marked)
    tl = build_timeline(docs)
    assert any("interest rate" in h.label and h.articles == 3 for h in tl.happenings)


def test_a_footer_after_a_one_line_caption_is_furniture_and_a_brief_carried_whole_is_news():
    """Review41: a footer that follows a caption of one line sits in that page's lead, which must
    not count against its being at the foot of the other pages; a brief of three sentences that
    three outlets carry whole on one day is wire copy, its last sentence too."""
    footer = ("Follow our live coverage of the crisis on our website and on our app. Sign up for our daily "
              "newsletter today. Copyright 2009 by the publisher.")
    bodies = ["Rebels took the town of Aden on Monday. Residents fled to the hills. Food ran short. Aid arrived.",
              "Talks in Geneva stalled on Tuesday. Envoys blamed each other. No date was set. Both sides left.",
              "Floods hit the north on Wednesday. Roads were cut. Schools closed. Rain is forecast.",
              "Video: the port after the storm.", "Video: crowds at the rally."]
    docs = [Document(f"f{i}", f"{b} {footer}", dct=datetime(2009, 4, 29), source=f"S{i}") for i, b in enumerate(bodies)]
    marked = mark_furniture(docs)
    assert all(any(d.text[s:e].startswith("Follow our live") for s, e in d.furniture) for d in marked)
    brief = ("The central bank raised its interest rate to 4.5 percent on Tuesday. Investors were surprised. "
             "Markets fell sharply after the announcement on Tuesday afternoon.")
    briefs = [Document(f"b{i}", brief + f" Reported by outlet {i}.", dct=datetime(2026, 2, 4), source=f"Outlet {i}")
              for i in range(3)]
    assert all(not d.furniture for d in mark_furniture(briefs))


def test_a_wire_lede_under_different_headlines_is_news_and_a_footer_under_one_title_is_furniture():
    """Review42: three same-day pages with their own headlines and one wire lede lost the lede as
    furniture (no occurrence below the leads made the foot's share zero); three pages of a live
    page, one title first and different bodies, kept their footer."""
    lede = "Mexico closed all schools and museums on Wednesday as the death toll rose to 159."
    heads = ["Swine flu: Mexico shuts schools.", "Mexico shuts schools as flu toll rises.", "Flu deaths rise to 159."]
    docs = [Document(f"w{i}", f"{h} {lede} Officials urged calm in city {i}. Shops stayed open in town {i}.",
                     dct=datetime(2009, 4, 29), source=f"S{i}") for i, h in enumerate(heads)]
    assert all(not any(d.text[s:e] == lede for s, e in d.furniture) for d in mark_furniture(docs))
    title, footer = "Swine flu outbreak: live updates from around the world.", "Copyright 2009 The Example Times, all rights reserved."
    bodies = ["Mexico closed schools on Wednesday. Museums shut too.", "Egypt began a pig cull on Wednesday. Farmers protested.",
              "Spain confirmed a case on Wednesday. The patient is well."]
    pages = [Document(f"l{i}", f"{title} {b} {footer}", dct=datetime(2009, 4, 29), source=f"L{i}") for i, b in enumerate(bodies)]
    assert all(any(d.text[s:e] == footer for s, e in d.furniture) for d in mark_furniture(pages))


def test_a_toll_an_article_or_an_exact_count_picks_out_is_the_day_s():
    """Review43: "The first U.S. swine flu deaths were confirmed" (the article four words back) and
    "Health officials reported seven deaths in Mexico City" (an exact count) are happenings;
    "could cause 1 million deaths" is deaths at large."""
    from timeline.story.features import features, match_rules

    for text, generic in (("The first U.S. swine flu deaths were confirmed in Texas, health officials said.", False),
                          ("Health officials reported seven deaths in Mexico City.", False),
                          ("Experts warned that a pandemic could cause 1 million deaths worldwide.", True)):
        tl = build_timeline([Document("d", text, dct=datetime(2009, 4, 30), source="X")], syntax="none")
        deaths = next(e for e in tl.events if e.text == "deaths")
        assert features(deaths, match_rules(), text).generic is generic, text


def test_a_newsletter_line_after_a_one_sentence_brief_is_furniture():
    """Review43: two-sentence briefs, each a lede and "Sign up for our daily newsletter ...", lost
    the footer's mark when a page's first two sentences counted as its lead."""
    ledes = ["Rebels took the town of Aden on Monday.", "Talks in Geneva stalled on Tuesday.",
             "Floods hit the north on Wednesday."]
    footer = "Sign up for our daily newsletter to get the latest news."
    docs = [Document(f"n{i}", f"{lede} {footer}", dct=datetime(2009, 4, 29), source=f"S{i}") for i, lede in enumerate(ledes)]
    assert all(any(d.text[s:e] == footer for s, e in d.furniture) for d in mark_furniture(docs))


def test_review44_tolls_wire_copy_without_a_headline_and_a_footer_before_a_byline():
    """Review44: a toll's noun phrase is read in its own sentence ("... by the CDC. Deaths in
    Mexico have risen" is deaths at large); wire copy that one page carries with no headline is
    still one text carried whole; a footer followed by a byline of the page's own is furniture."""
    from timeline.story.features import features, match_rules

    text = "The virus was first identified by the CDC. Deaths in Mexico have risen sharply."
    tl = build_timeline([Document("d", text, dct=datetime(2009, 4, 30), source="X")], syntax="none")
    assert features(next(e for e in tl.events if e.text == "Deaths"), match_rules(), text).generic
    body = "Mexico closed all schools on Wednesday as the toll rose. Museums and cinemas were shut. Officials urged calm."
    wire = [Document("a", "Flu: Mexico shuts schools. " + body, dct=datetime(2009, 4, 29), source="A"),
            Document("b", "Mexico acts on flu. " + body, dct=datetime(2009, 4, 29), source="B"),
            Document("c", body, dct=datetime(2009, 4, 29), source="C")]
    assert all(not d.furniture for d in mark_furniture(wire))
    footer = "Sign up for our daily newsletter to get the latest news."
    pages = [Document(f"x{i}", f"Story {w} began on Monday with {w} events. More on {w}. {footer} Reporting by {w}; "
                               f"editing by Ann.", dct=datetime(2009, 4, 29), source=f"S{i}")
             for i, w in enumerate(("alpha", "beta", "gamma"))]
    assert all(any(d.text[s:e] == footer for s, e in d.furniture) for d in mark_furniture(pages))


def test_review45_a_banner_shields_no_footer_and_a_last_sentence_of_news_is_no_byline():
    """Review45: pages that open with one site banner above stories of their own are not one text
    carried whole (the sentence must sit as far from the shared opening on each page); and only a
    signature ("Reporting by ...") lets the foot reach past a page's last sentence."""
    banner = "Welcome to the Daily Planet online edition. Read our coverage of the swine flu outbreak here."
    footer = "Sign up for our daily newsletter to get the latest news."
    bodies = ["Mexico closed schools on Wednesday. Museums shut too. Cinemas went dark.",
              "Egypt began a pig cull on Wednesday.", "Spain confirmed a case on Wednesday. The patient is well."]
    pages = [Document(f"p{i}", f"{banner} {b} {footer}", dct=datetime(2009, 4, 29), source=f"S{i}")
             for i, b in enumerate(bodies)]
    assert all(any(d.text[s:e] == footer for s, e in d.furniture) for d in mark_furniture(pages))
    news = "The World Health Organization raised its pandemic alert to phase four."
    own = [("Rebels took Aden on Monday.", "Aid is on its way to Aden."), ("Talks stalled on Tuesday.", "Envoys left Geneva."),
           ("Floods hit the north on Wednesday.", "Rain is forecast for the north.")]
    docs = [Document(f"q{i}", f"{a} More on story {i}. {news} {b}", dct=datetime(2009, 4, 29), source=f"T{i}")
            for i, (a, b) in enumerate(own)]
    assert all(not any(d.text[s:e] == news for s, e in d.furniture) for d in mark_furniture(docs))


def test_wire_copy_after_each_outlet_s_own_lede_keeps_its_last_sentences():
    """Wire copy that three outlets run after a lede of their own, to the end of the page, lost
    its last three sentences as the pages' foot: a sentence that goes on from one on the very
    same pages is that text, not a footer below it. A footer after the pages' own last
    sentences is still furniture."""
    wire = ("Rescue teams reached the village of Porto Verde on Tuesday after the landslide. "
            "The regional governor said 40 people were still missing. "
            "Heavy rain is forecast for the rest of the week in the valley. "
            "The army has sent two helicopters and a field hospital to the area.")
    ledes = ["Relief flights were delayed, the BBC has learned. Officials in the capital met late into the night.",
             "Reporters saw families digging with their hands. Aid groups warned of disease in the camps.",
             "Our correspondent describes scenes of devastation. Local radio said roads were cut."]
    docs = [Document(f"w{i}", f"{lede} {wire}", dct=datetime(2026, 3, 4), source=o)
            for i, (lede, o) in enumerate(zip(ledes, ("BBC", "Reuters", "The Guardian")))]
    assert all(not d.furniture for d in mark_furniture(docs))
    footer = "Sign up for our daily newsletter to get the latest news."
    own = [f"{lede} {wire} The page's own last word {i}." for i, lede in enumerate(ledes)]
    pages = [Document(f"f{i}", f"{text} {footer}", dct=datetime(2026, 3, 4), source="Site") for i, text in enumerate(own)]
    assert all([d.text[s:e] for s, e in d.furniture] == [footer] for d in mark_furniture(pages))


def test_undated_wire_copy_under_different_headlines_is_news_and_an_undated_footer_furniture():
    """Three undated pages (saved without their dates) carrying one wire text under headlines
    of their own lost the whole text as furniture: each undated page counted as a day of its
    own, three days. Undated pages that carry a sentence in one text, opening alike, are one
    day; a footer under different texts on undated pages is still furniture."""
    wire = ("Rescuers pulled two survivors from the rubble of the collapsed hotel late on Tuesday. "
            "The mayor said 40 people were still missing after the earthquake. "
            "Aid flights began landing at the city's airport on Wednesday morning. "
            "The government declared three days of national mourning.")
    docs = [Document(f"w{i}", f"{head}\n\n{wire}", source=o) for i, (head, o) in enumerate(
        (("Quake rescuers find two alive", "BBC"), ("Survivors pulled from hotel ruins", "Reuters"),
         ("Earthquake: the search goes on", "The Guardian")))]
    assert all(not d.furniture for d in mark_furniture(docs))
    footer = "Follow us on Twitter for the latest news and updates."
    pages = [Document(f"p{i}", f"Story {i} begins here. Team {i} won the match by {i} goals. "
                               f"Fans celebrated in town {i}. {footer}", source="Blog") for i in range(1, 6)]
    assert all([d.text[s:e] for s, e in d.furniture] == [footer] for d in mark_furniture(pages))


def test_undated_copies_of_a_wire_text_dated_pages_carry_count_under_their_days():
    """One wire text under four headlines: two dated pages (two days) and two undated copies.
    The undated copies are that text of those days, not a third day: kept as news (review55)."""
    wire = ("Rescuers pulled two survivors from the rubble of the collapsed hotel late on Tuesday. "
            "The mayor said 40 people were still missing after the earthquake. "
            "Aid flights began landing at the city's airport on Wednesday morning. "
            "The government declared three days of national mourning.")
    heads = [("Quake rescuers find two alive", "BBC", datetime(2010, 1, 12)),
             ("Survivors pulled from hotel ruins", "Reuters", datetime(2010, 1, 13)),
             ("Earthquake: the search goes on", "The Guardian", None), ("Hotel survivors found", "AP", None)]
    docs = [Document(f"w{i}", f"{h}\n\n{wire}", dct=dct, source=o) for i, (h, o, dct) in enumerate(heads)]
    assert all(not d.furniture for d in mark_furniture(docs))
