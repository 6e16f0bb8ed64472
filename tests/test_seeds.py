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
    schema = json.loads((resources.files("timeline") / "schema" / "timeline.schema.json").read_text())
    jsonschema.validate(data, schema)


def test_documents_and_their_dates(built):
    _, data = built
    docs = {d["id"]: d for d in data["documents"]}
    assert docs[SEED_DATED]["dct"] == "2026-02-03"
    assert docs[SEED_DATED]["dct_source"] == "dateline"
    assert docs[SEED_DATED]["source"] == "NextFin News"
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


def test_time_expressions_of_the_undated_seed(built):
    _, data = built
    got = {(t["text"], t["value"], t["relative_earliest"], t["relative_latest"])
           for t in data["timexes"] if t["doc"] == SEED_UNDATED}
    assert ("overnight", "XXXX-XX-XXTNI", "D-1T18:00", "D+0T08:00") in got
    assert all(t["earliest"] is None for t in data["timexes"] if t["doc"] == SEED_UNDATED)


def _event(data, doc, word):
    """The first salient mention of `word` in the article."""
    found = [e for e in data["events"] if e["doc"] == doc and e["text"].lower() == word and e["salient"]]
    assert found, word
    return min(found, key=lambda e: e["start"])


def test_key_events_are_placed_in_time(built):
    _, data = built
    arrived = _event(data, SEED_DATED, "arrived")
    assert (arrived["relation"], arrived["earliest"], arrived["latest"]) == ("on", "2026-02-03T00:00", "2026-02-04T00:00")
    assert "Rutte arrived in Kyiv" in arrived["label"]
    talks = _event(data, SEED_DATED, "negotiations")
    assert (talks["earliest"], talks["latest"]) == ("2026-02-04T00:00", "2026-02-06T00:00")
    assault = _event(data, SEED_DATED, "assault")
    assert (assault["earliest"], assault["latest"]) == ("2026-02-02T18:00", "2026-02-03T08:00")
    violation = _event(data, SEED_DATED, "violation")
    assert (violation["relation"], violation["earliest"], violation["latest"]) == ("before", None, "2026-02-04T00:00")
    bombardment = _event(data, SEED_UNDATED, "bombardment")
    assert (bombardment["relative_earliest"], bombardment["relative_latest"]) == ("D-1T18:00", "D+0T08:00")


def test_events_are_in_chronological_order_with_ties(built):
    _, data = built
    dated = [e for e in data["events"] if e["earliest"] or e["latest"]]
    ranks = [e["rank"] for e in dated]
    assert ranks == sorted(ranks)
    assault = _event(data, SEED_DATED, "assault")["rank"]
    arrived = _event(data, SEED_DATED, "arrived")["rank"]
    talks = _event(data, SEED_DATED, "negotiations")["rank"]
    assert assault < arrived < talks
    assert _event(data, SEED_DATED, "bombardment")["rank"] == arrived  # same day, nothing orders them


def test_labels_are_short_and_from_the_text(built):
    _, data = built
    for e in data["events"]:
        assert 0 < len(e["label"]) <= 80
        assert e["label"].rstrip("…").lower()[:12] in e["sentence"].lower()


def test_log_lines(built):
    out, _ = built
    log = (out / "timeline.txt").read_text(encoding="utf-8")
    assert "Mon 2 Feb 2026, night" in log and "Overnight Russian assault" in log
    assert "4–5 Feb 2026" in log and "Trilateral peace negotiations" in log
    assert "D-1, night" in log
    assert "NextFin News" in log and "@770-777" in log


def test_chart_is_large_enough(built):
    out, _ = built
    png = (out / "timeline.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 1600 and height >= 900
