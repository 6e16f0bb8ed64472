"""The two seed articles end to end, with the values a reader would check by hand."""
from __future__ import annotations

import json
import struct
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from timeline.cli import main

from conftest import SEED_DATED, SEED_UNDATED, SEEDS


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    r = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return out, json.loads((out / "timeline.json").read_text(encoding="utf-8"))


def test_json_validates_against_the_shipped_schema(built):
    _, data = built
    schema = json.loads((resources.files("timeline.formats") / "schema" / "timeline.schema.json").read_text())
    jsonschema.validate(data, schema)


def test_documents_and_their_dates(built):
    _, data = built
    docs = {d["id"]: d for d in data["documents"]}
    assert docs[SEED_DATED]["dct"] == "2026-02-03"
    assert docs[SEED_DATED]["dct_source"] == "dateline"
    assert docs[SEED_DATED]["source"] == "NextFin News"


def test_the_undated_seed_is_dated_from_the_events_it_shares(built):
    _, data = built
    undated = next(d for d in data["documents"] if d["id"] == SEED_UNDATED)
    assert (undated["dct"], undated["dct_source"]) == ("2026-02-03", "inferred")
    assert undated["dct_confidence"] >= 0.6
    assert "overnight bombardment" in undated["dct_evidence"] and "Overnight Russian assault" in undated["dct_evidence"]


@pytest.fixture(scope="module")
def built_no_infer(tmp_path_factory):
    out = tmp_path_factory.mktemp("noinfer")
    r = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--no-infer"], catch_exceptions=False)
    assert r.exit_code == 0 and "no publication date found" in r.stderr
    return json.loads((out / "timeline.json").read_text(encoding="utf-8"))


def test_no_infer_keeps_the_undated_seed_relative(built_no_infer):
    docs = {d["id"]: d for d in built_no_infer["documents"]}
    assert docs[SEED_UNDATED]["dct"] is None and docs[SEED_UNDATED]["dct_source"] == "none"


def test_time_expressions_of_the_dated_seed(built):
    _, data = built
    got = {(t["text"], t["value"], t["earliest"], t["latest"]) for t in data["timexes"] if t["doc"] == SEED_DATED}
    assert got == {
        ("Tuesday, February 3, 2026", "2026-02-03", "2026-02-03T00:00", "2026-02-04T00:00"),
        ("the year", "2026", "2026-01-01T00:00", "2027-01-01T00:00"),
        ("February 4-5", "P2D", "2026-02-04T00:00", "2026-02-06T00:00"),
        ("week-long", "P1W", None, None),
        ("overnight", "2026-02-02TNI", "2026-02-02T18:00", "2026-02-03T08:00"),
        ("winter", "2025-WI", "2025-12-01T00:00", "2026-03-01T00:00"),
        ("upcoming", "FUTURE_REF", "2026-02-03T00:00", "2026-02-18T00:00"),
        ("recent", "PAST_REF", "2025-11-03T00:00", "2026-02-04T00:00"),
        ("2026", "2026", "2026-01-01T00:00", "2027-01-01T00:00"),
        ("The next 48 hours", "PT48H", "2026-02-03T00:00", "2026-02-06T00:00"),
        ("current", "PRESENT_REF", "2026-02-03T00:00", "2026-02-04T00:00"),
    }


def test_no_false_positives_on_numbers_in_the_dated_seed(built):
    _, data = built
    texts = {t["text"] for t in data["timexes"]}
    for number in ("32", "450", "1,100", "60%", "90%", "$15 billion", "-20°C", "second"):
        assert not any(number in t for t in texts), number


def test_time_expressions_of_the_undated_seed(built, built_no_infer):
    got = {(t["text"], t["value"], t["relative_earliest"], t["relative_latest"])
           for t in built_no_infer["timexes"] if t["doc"] == SEED_UNDATED}
    assert ("overnight", "XXXX-XX-XXTNI", "D-1T18:00", "D+0T08:00") in got
    assert all(t["earliest"] is None for t in built_no_infer["timexes"] if t["doc"] == SEED_UNDATED)
    _, data = built  # dated by inference, the same expression lands on the calendar
    overnight = next(t for t in data["timexes"] if t["doc"] == SEED_UNDATED and t["text"] == "overnight")
    assert (overnight["value"], overnight["earliest"], overnight["latest"]) == (
        "2026-02-02TNI", "2026-02-02T18:00", "2026-02-03T08:00")


def _entry(data, doc, phrase):
    """The salient timeline entry whose label contains `phrase`."""
    found = [e for e in data["events"] if e["doc"] == doc and e["salient"] and phrase in e["label"]]
    assert found, phrase
    return min(found, key=lambda e: e["start"])


def test_key_events_are_placed_in_time(built):
    _, data = built
    arrived = _entry(data, SEED_DATED, "Rutte arrived in Kyiv")
    assert (arrived["relation"], arrived["earliest"], arrived["latest"]) == ("on", "2026-02-03T00:00", "2026-02-04T00:00")
    talks = _entry(data, SEED_DATED, "peace negotiations in Abu Dhabi")
    assert (talks["earliest"], talks["latest"]) == ("2026-02-04T00:00", "2026-02-06T00:00")
    assault = _entry(data, SEED_DATED, "Overnight Russian assault")
    assert (assault["earliest"], assault["latest"]) == ("2026-02-02T18:00", "2026-02-03T08:00")
    violation = _entry(data, SEED_DATED, "violation of a week-long")
    assert (violation["relation"], violation["earliest"], violation["latest"]) == ("before", None, "2026-02-04T00:00")
    bombardment = _entry(data, SEED_UNDATED, "overnight bombardment")
    assert (bombardment["earliest"], bombardment["latest"]) == ("2026-02-02T18:00", "2026-02-03T08:00")


def test_the_strike_both_outlets_report_is_one_happening_and_the_story_leads_with_it(built):
    _, data = built
    bombardment = _entry(data, SEED_UNDATED, "overnight bombardment")
    assault = _entry(data, SEED_DATED, "Overnight Russian assault")
    strike = next(h for h in data["happenings"]
                  if {"doc": SEED_UNDATED, "event": bombardment["id"]} in h["mentions"])
    assert {"doc": SEED_DATED, "event": assault["id"]} in strike["mentions"]
    assert strike["articles"] == 2 and "NextFin News" in strike["outlets"]
    assert strike["earliest"] == "2026-02-02T18:00" and strike["precision"] == "time"
    visit = next(h for h in data["happenings"] if "Rutte" in h["label"] and h["articles"] == 2)
    assert {strike["rank"], visit["rank"]} == {1, 2}  # what both outlets report leads the story


def test_mentions_of_the_strike_are_one_entry(built):
    _, data = built
    assault = _entry(data, SEED_DATED, "Overnight Russian assault")
    merged = [e for e in data["events"] if e["same_as"] == assault["id"] and e["doc"] == SEED_DATED]
    assert any(e["text"].lower() == "bombardment" for e in merged)


def test_events_are_in_chronological_order_with_ties(built):
    _, data = built
    assault = _entry(data, SEED_DATED, "Overnight Russian assault")["rank"]
    arrived = _entry(data, SEED_DATED, "Rutte arrived in Kyiv")["rank"]
    talks = _entry(data, SEED_DATED, "peace negotiations in Abu Dhabi")["rank"]
    assert assault < arrived < talks
    ranks = [e["rank"] for e in data["events"] if e["doc"] == SEED_DATED]
    assert len(set(ranks)) < len(ranks)  # some events share a rank: nothing orders them


def test_labels_are_short_headlines_in_the_article_s_own_words(built):
    from timeline.syntax.clauses import lint

    _, data = built
    texts = {d: (SEEDS / f"{d}.txt").read_text(encoding="utf-8").lower() for d in (SEED_DATED, SEED_UNDATED)}
    for e in data["events"]:
        assert 0 < len(e["label"]) <= 80
        words = [w.strip(".,;:'\"“”’") for w in e["label"].lower().split()]
        assert all(w in texts[e["doc"]] for w in words if w), e["label"]  # every word from its article
    shown = [h["label"] for h in data["happenings"]]
    clean = [label for label in shown if not lint(label)]
    assert len(clean) >= 0.9 * len(shown), [(label, lint(label)) for label in shown if lint(label)]
    assert any(label.startswith("NATO Secretary-General Mark Rutte arrived in Kyiv") for label in shown)


def test_log_lines(built):
    out, _ = built
    log = (out / "timeline.txt").read_text(encoding="utf-8")
    days = [line for line in log.splitlines() if line and not line.startswith((" ", "=", "(", "Timeline"))]
    assert days.index("Mon 2 Feb 2026") < days.index("Tue 3 Feb 2026") < days.index("Wed 4 Feb 2026")
    night = next(line for line in log.splitlines() if "overnight bombardment" in line)
    assert night.split()[0] == "night" and "@" in night
    talks = next(line for line in log.splitlines() if "Trilateral peace negotiations" in line)
    assert "4–5 Feb 2026" in talks
    both = next(line for line in log.splitlines() if "overnight bombardment" in line)
    # the outlet of each, or the title of the article that names none: never "unknown outlet"
    assert "NextFin News" in both and "NATO Chief Questions Putin" in both and "unknown" not in log


def test_chart_is_large_enough(built):
    out, _ = built
    png = (out / "timeline.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 1600 and height >= 900


def test_chart_labels_never_overlap_or_leave_the_figure(built):
    """Every event mention drawn (about 200 for the seeds): row labels stay apart and inside."""
    from timeline.formats.codec import loads
    from timeline.render.gantt import render_gantt

    out, _ = built
    tl = loads((out / "timeline.json").read_text(encoding="utf-8"))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = render_gantt(tl, all_events=True)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    for ax in fig.axes:
        boxes = sorted((lab.get_window_extent(renderer) for lab in ax.get_yticklabels() if lab.get_text()),
                       key=lambda b: b.y0)
        assert len(boxes) > 10
        for lower, upper in zip(boxes, boxes[1:]):
            assert lower.y1 <= upper.y0 + 0.5, "two labels overlap"
        for b in boxes:
            assert b.x0 >= 0 and b.x1 <= width and b.y0 >= 0 and b.y1 <= height
