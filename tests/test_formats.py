"""Every output format, read back by the library or reader that consumes it."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.sources.corpus import read_gold
from timeline.formats.tables import CSV_COLUMNS, rows, to_csv, to_dataframe, to_ics, to_markdown, to_timelinejs
from timeline.pipeline import read_documents
from timeline.pipeline import build_timeline
from timeline.render.log import render_log

from conftest import SEED_DATED, SEED_UNDATED, SEEDS


@pytest.fixture(scope="module")
def tl():
    return build_timeline(list(read_documents([str(SEEDS)])))


def test_csv_opens_as_a_table_with_one_row_per_happening(tl):
    text = to_csv(tl)
    assert text.startswith("\ufeff")  # spreadsheets then read UTF-8 ("°C", "–") right
    table = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert tuple(table[0]) == CSV_COLUMNS
    assert len(table) == len(rows(tl))
    strike = next(r for r in table if "bombardment" in r["label"])
    assert (strike["start"], strike["end"]) == ("2026-02-02T18:00", "2026-02-03T08:00")
    assert strike["sources"].count("|") == 1  # both outlets report it
    assert {o.split("@")[0] for o in strike["offsets"].split()} == {SEED_DATED, SEED_UNDATED}
    talks = next(r for r in table if r["label"].startswith("Trilateral peace negotiations"))
    assert (talks["start"], talks["end"], talks["precision"]) == ("2026-02-04T00:00", "2026-02-06T00:00", "approximate")
    # the same events in the same order as the log
    log = render_log(tl)
    positions = [log.index(r["label"]) for r in table]
    assert positions == sorted(positions)


def test_csv_cells_are_not_run_as_formulas():
    from timeline.model import Document

    t = build_timeline([Document("d", "=HYPERLINK(1) Russia attacked Kyiv on Tuesday.", dct=datetime(2026, 2, 6))])
    table = list(csv.DictReader(io.StringIO(to_csv(t, all_events=True).lstrip("\ufeff"))))
    assert all(not row["quote"].startswith("=") for row in table)


def test_markdown_is_one_table_row_per_happening(tl):
    md = to_markdown(tl).splitlines()
    head = md.index("| When | Event | Sources | Quote (offsets) |")
    body = md[head + 2:]
    assert len(body) == len(rows(tl))
    assert all(line.startswith("| ") and line.endswith(" |") for line in body)
    # a pipe inside a cell would break the table: every row has exactly 4 unescaped cells
    assert all(line.replace("\\|", "").count("|") == 5 for line in body)


def test_ics_parses_back_with_icalendar(tl):
    from icalendar import Calendar

    cal = Calendar.from_ical(to_ics(tl))
    events = list(cal.walk("VEVENT"))
    assert events, "the dated events are in the calendar"
    by_summary = {str(e["summary"]): e for e in events}
    rutte = next(e for s, e in by_summary.items() if "arrived in Kyiv" in s)
    assert rutte["dtstart"].dt == date(2026, 2, 3) and rutte["dtend"].dt == date(2026, 2, 4)  # all-day
    night = next(e for s, e in by_summary.items() if "bombardment" in s)
    assert night["dtstart"].dt == datetime(2026, 2, 2, 18) and night["dtend"].dt == datetime(2026, 2, 3, 8)
    assert len({str(e["uid"]) for e in events}) == len(events)
    # open ("on or before ...") and season-long times do not block out a calendar
    assert not any("Temperatures" in s for s in by_summary)
    assert to_ics(tl) == to_ics(tl)  # no clock in DTSTAMP


def test_timelinejs_has_the_fields_timelinejs3_reads(tl):
    data = json.loads(to_timelinejs(tl))
    assert data["title"]["text"]["headline"]
    slides = data["events"]
    assert slides
    for s in slides:
        sd = s["start_date"]
        assert isinstance(sd["year"], int) and set(sd) <= {"year", "month", "day", "hour", "minute"}
        assert s["text"]["headline"] and "group" in s
    from timeline.model import Document

    of_a_year = build_timeline([Document("d", "The airline opened a new route to Lima in 2025.", dct=datetime(2026, 2, 3))])
    year = next(s for s in json.loads(to_timelinejs(of_a_year))["events"] if s["text"]["headline"].startswith("Airline opened"))
    assert year["start_date"] == {"year": 2025}  # a year is a year, not 1 January
    talks = next(s for s in slides if s["text"]["headline"].startswith("Trilateral"))
    assert talks["start_date"] == {"year": 2026, "month": 2, "day": 4}
    assert talks["end_date"] == {"year": 2026, "month": 2, "day": 5}  # inclusive, as TimelineJS reads it
    vague = next(s for s in slides if s.get("display_date", "").startswith("on or before"))
    assert vague["start_date"] == {"year": 2026, "month": 2, "day": 3}
    assert {s["group"] for s in slides} >= {"NextFin News", "several sources"}


def test_dataframe_has_a_row_per_happening(tl):
    pd = pytest.importorskip("pandas")
    df = to_dataframe(tl)
    assert list(df.columns) == list(CSV_COLUMNS) and len(df) == len(rows(tl))
    assert pd.api.types.is_datetime64_any_dtype(df["start"])


def test_build_writes_several_formats_and_timeml_reads_back(tmp_path):
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), "--format", "csv,ics",
                                    "--format", "timeml", "--format", "svg", "-q"])
    assert res.exit_code == 0, res.output
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert names == ["timeline.csv", "timeline.ics", "timeline.json", "timeline.svg",
                     "timeml/000_2295e33898f18742.tml", "timeml/001_4fbe5cb1b068faab.tml"]
    ET.fromstring((tmp_path / "timeline.svg").read_text())  # well-formed SVG
    tml = tmp_path / "timeml" / "001_4fbe5cb1b068faab.tml"
    ET.fromstring(tml.read_text())
    gold = read_gold(tml)
    doc = next(read_documents([str(SEEDS / "001_4fbe5cb1b068faab.txt")]))
    assert gold.text == doc.text  # tags around the exact article text
    assert ("Tuesday, February 3, 2026" in [gold.text[s:e] for s, e, _, _ in gold.timexes])
    assert "arrived" in [e.text for e in gold.events]
    assert 'relType="IS_INCLUDED"' in tml.read_text()


def test_export_formats_from_a_timeline_json(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), "-q"]).exit_code == 0
    js = str(tmp_path / "timeline.json")
    res = runner.invoke(main, ["export", js, "--format", "md"])
    assert res.exit_code == 0 and "| When | Event |" in res.output
    res = runner.invoke(main, ["export", js, "--format", "csv,timelinejs", "--out", str(tmp_path / "x")])
    assert res.exit_code == 0
    assert (tmp_path / "x" / "timeline.csv").is_file() and (tmp_path / "x" / "timeline.timelinejs.json").is_file()
    for args, msg in ((["--format", "timeml"], "text"), (["--format", "csv,md"], "--out"),
                      (["--format", "png"], "-o FILE"), (["--format", "xlsx"], "not one of")):
        res = runner.invoke(main, ["export", js, *args])
        assert res.exit_code == 2 and msg in res.output, (args, res.output)


def test_list_file_and_summary_line(tmp_path):
    lst = tmp_path / "articles.txt"
    lst.write_text(f"# the seeds\n{SEEDS / '001_4fbe5cb1b068faab.txt'}\n\nmissing.txt\n")
    res = CliRunner().invoke(main, ["build", "--list", str(lst), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0
    summary = [line for line in res.output.splitlines() if "article" in line and "read" in line]
    assert summary and summary[-1].startswith("timeline: 1 article read, 1 skipped (")
    assert "missing.txt" in summary[-1]
    quiet = CliRunner().invoke(main, ["build", "--list", str(lst), "--out", str(tmp_path / "o"), "--quiet"])
    assert "read," not in quiet.output


def test_extract_text_prints_the_text_the_offsets_refer_to():
    res = CliRunner().invoke(main, ["extract", str(SEEDS / "001_4fbe5cb1b068faab.txt"), "--format", "text"])
    doc = next(read_documents([str(SEEDS / "001_4fbe5cb1b068faab.txt")]))
    assert res.exit_code == 0 and res.output == doc.text


def test_the_python_api_of_the_readme():
    import timeline
    from timeline import (build_timeline, diff_articles, diff_timelines, read_documents, subject_timeline,
                          to_dataframe)

    docs = list(read_documents([str(SEEDS)]))
    tl = build_timeline(docs)
    d = diff_articles([docs[0]], [docs[1]])  # (built together: the undated one is dated from the other)
    assert d.matched and d.only_b and d.b.name == "NextFin News"
    assert diff_timelines(tl, tl).same
    # his events: those that name him, and those where "he" stands for him ("he noted that ...")
    assert all("Rutte" in e.sentence or any("Rutte" in p for p in e.participants)
               for e in subject_timeline(tl, "Rutte").events)
    assert len(to_dataframe(tl)) == len(rows(tl))
    assert build_timeline(docs, jobs=2) == tl
    assert set(timeline.__all__) >= {"extract", "build_timeline", "render_gantt", "diff_timelines", "diff_articles",
                                     "to_dataframe"}


def test_a_chart_of_many_articles_draws_the_top_happenings_and_names_the_outlets():
    """Forty articles from twelve outlets: `top` 5 draws the five happenings of rank 1 to 5,
    says so under the chart, and names ten outlets, the rest as "other", inside the figure."""
    from datetime import datetime, timedelta

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from timeline.model import Document
    from timeline.pipeline import build_timeline
    from timeline.render import gantt
    from timeline.render.rows import story_rows

    people = ["Kowalski", "Duarte", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Novak"]
    docs = [Document(f"d{i:02d}", f"Russia struck Kyiv overnight with 40 missiles. {people[i % 8]} opened "
                     f"the bridge of Town{i} on Monday.", dct=datetime(2026, 2, 3) + timedelta(days=i % 5),
                     source=f"Outlet {i % 12}") for i in range(40)]
    tl = build_timeline(docs)
    every = story_rows(tl)
    rows = gantt.chosen(every, 5)
    assert len(every) > 5 and sorted(r.rank for r in rows) == [1, 2, 3, 4, 5]
    fig = gantt.render_gantt(tl, top=5)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    panels = [ax for ax in fig.axes if ax.get_title(loc="left").startswith("Dated happenings")]
    drawn = [lab.get_text() for ax in panels for lab in ax.get_yticklabels() if lab.get_text()]
    assert sorted(drawn) == sorted(r.label for r in rows)
    note = next(t.get_text() for t in fig.texts if "matter most" in t.get_text())
    assert f"The 5 happenings that matter most to the story, of {len(every)}" in note.replace("\n", " ")
    legend = fig.legends[0]
    texts = [t.get_text() for t in legend.get_texts()]
    assert sum(1 for t in texts if t.startswith("Outlet")) == gantt.MAX_LEGEND
    assert "2 other outlets (6 articles)" in texts
    box, page = legend.get_window_extent(canvas.get_renderer()), fig.bbox
    assert box.x0 >= 0 and box.x1 <= page.width and box.y0 >= 0
