"""The command line through click's CliRunner: outputs, and one-line errors for bad input."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

from conftest import FIXTURES, SEED_DATED, SEED_UNDATED, SEEDS

DATED = str(SEEDS / f"{SEED_DATED}.txt")
UNDATED = str(SEEDS / f"{SEED_UNDATED}.txt")


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("timeline: error:") or lines[0].startswith("Error:") or "Usage" in result.stderr
    for f in fragments:
        assert f in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_extract_tsv_has_exactly_the_columns():
    r = run("extract", DATED)
    assert r.exit_code == 0
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert rows[0] == ["start", "end", "text", "type", "value", "earliest", "latest"]
    by_text = {row[2]: row for row in rows[1:]}
    assert by_text["February 4-5"][3:] == ["DURATION", "P2D", "2026-02-04T00:00", "2026-02-06T00:00"]
    assert by_text["week-long"][3:] == ["DURATION", "P1W", "", ""]
    text = Path(DATED).read_text(encoding="utf-8")
    for row in rows[1:]:
        assert text[int(row[0]):int(row[1])] == row[2]


def test_extract_undated_warns_and_keeps_symbolic_values():
    r = run("extract", UNDATED)
    assert r.exit_code == 0
    assert "no publication date" in r.stderr and "--date" in r.stderr and SEED_UNDATED in r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()[1:]]
    overnight = next(row for row in rows if row[2] == "overnight")
    assert overnight[4] == "XXXX-XX-XXTNI" and overnight[5:] == ["", ""]


def test_extract_with_date_option_resolves_the_undated_article():
    r = run("extract", UNDATED, "--date", "2026-02-03")
    overnight = next(line.split("\t") for line in r.stdout.splitlines() if "\tovernight\t" in line)
    assert overnight[4:] == ["2026-02-02TNI", "2026-02-02T18:00", "2026-02-03T08:00"]


def test_extract_from_stdin():
    r = run("extract", "-", "--date", "2026-02-03", input="Rutte arrived on Tuesday.".encode())
    assert r.exit_code == 0
    assert "Tuesday\tDATE\t2026-02-03" in r.stdout


def test_extract_timeml_round_trips_the_text(tmp_path):
    r = run("extract", "--format", "timeml", "--out", str(tmp_path), str(FIXTURES / "sample.tml"))
    assert r.exit_code == 0
    out = (tmp_path / "sample.tml").read_text(encoding="utf-8")
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-08-06">Thursday</TIMEX3>' in out
    assert "&amp; agreed" in out and 'functionInDocument="CREATION_TIME">1998-08-07<' in out


def test_extract_json_is_a_timeline():
    r = run("extract", "--format", "json", DATED)
    data = json.loads(r.stdout)
    assert data["schema"] == "timeline/1" and data["documents"][0]["dct_source"] == "dateline"


def test_build_writes_json_log_and_chart(tmp_path):
    r = run("build", str(SEEDS), "--out", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert sorted(os.listdir(tmp_path)) == ["timeline.json", "timeline.png", "timeline.txt"]
    assert (tmp_path / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    log = run("log", str(tmp_path / "timeline.json"))
    assert log.exit_code == 0
    assert log.stdout == (tmp_path / "timeline.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_render_formats(tmp_path, suffix, magic):
    run("build", DATED, "--out", str(tmp_path))
    out = tmp_path / f"chart{suffix}"
    r = run("render", str(tmp_path / "timeline.json"), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(magic)


def test_outputs_are_byte_identical_across_runs(tmp_path):
    run("build", str(SEEDS), "--out", str(tmp_path / "a"))
    run("build", str(SEEDS), "--out", str(tmp_path / "b"))
    for name in ("timeline.json", "timeline.txt", "timeline.png"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    run("render", str(tmp_path / "a" / "timeline.json"), "-o", str(tmp_path / "a.svg"))
    run("render", str(tmp_path / "a" / "timeline.json"), "-o", str(tmp_path / "b.svg"))
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_missing_file():
    assert_one_line_error(run("extract", "nope/missing.txt"), "no such file")


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_text("")
    assert_one_line_error(run("extract", str(tmp_path / "e.txt")), "empty file")


def test_binary_file(tmp_path):
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    assert_one_line_error(run("build", str(tmp_path / "b.txt"), "--out", str(tmp_path / "o")), "binary")
    assert not (tmp_path / "o").exists()


def test_bad_encoding(tmp_path):
    (tmp_path / "l1.txt").write_bytes("Kyiv was hit on Tuesday, café".encode("latin-1"))
    assert_one_line_error(run("extract", str(tmp_path / "l1.txt")), "UTF-8")


@pytest.mark.parametrize("value", ["tomorrow", "2026-02-31", "3 Feb 2026"])
def test_malformed_date(value):
    assert_one_line_error(run("extract", DATED, "--date", value), "invalid --date")


def test_corrupt_timeline_json(tmp_path):
    p = tmp_path / "t.json"
    p.write_text('{"schema": "timeline/1", "documents": [')
    assert_one_line_error(run("log", str(p)), "not valid JSON")
    assert_one_line_error(run("render", str(p), "-o", str(tmp_path / "x.png")), "not valid JSON")
    assert not (tmp_path / "x.png").exists()


def test_foreign_json(tmp_path):
    p = tmp_path / "t.json"
    p.write_text('{"type": "FeatureCollection", "features": []}')
    assert_one_line_error(run("log", str(p)), "not a timeline JSON")


def test_timeline_json_with_a_broken_event(tmp_path):
    good = tmp_path / "good"
    run("build", DATED, "--out", str(good))
    data = json.loads((good / "timeline.json").read_text())
    data["events"][0]["earliest"] = "last Tuesday"
    p = tmp_path / "t.json"
    p.write_text(json.dumps(data))
    assert_one_line_error(run("log", str(p)), "events[0]", "not an ISO time")


def test_build_skips_an_unreadable_input_and_says_so(tmp_path, seeds_dir):
    (seeds_dir / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    r = run("build", str(seeds_dir), "--out", str(tmp_path / "o"))
    assert r.exit_code == 0
    assert "skipped" in r.stderr and "broken.txt" in r.stderr
    data = json.loads((tmp_path / "o" / "timeline.json").read_text())
    assert len(data["documents"]) == 2


def test_failed_build_leaves_previous_outputs_intact(tmp_path):
    out = tmp_path / "o"
    run("build", DATED, "--out", str(out))
    before = {n: (out / n).read_bytes() for n in os.listdir(out)}
    (tmp_path / "empty.txt").write_text(" ")
    r = run("build", str(tmp_path / "empty.txt"), "--out", str(out))
    assert r.exit_code == 2
    assert {n: (out / n).read_bytes() for n in os.listdir(out)} == before


def test_render_rejects_unknown_chart_format(tmp_path):
    run("build", DATED, "--out", str(tmp_path))
    assert_one_line_error(run("render", str(tmp_path / "timeline.json"), "-o", str(tmp_path / "c.gif")), ".png")


def test_help_lists_the_commands():
    r = run("--help")
    for cmd in ("extract", "build", "log", "render"):
        assert cmd in r.stdout


def test_an_output_folder_under_a_file_is_refused_before_the_build(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    r = run("build", str(SEEDS), "--out", str(tmp_path / "notes.txt" / "run1"))
    assert_one_line_error(r, f"cannot write {tmp_path / 'notes.txt' / 'run1'}: {tmp_path / 'notes.txt'} is a file, not a folder")
