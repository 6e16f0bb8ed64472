"""Timelines about one subject across articles, and their SemEval-2015 Task 4 export."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.events.about import about, name_variants
from timeline.cli import main
from timeline.formats.export import semeval2015
from timeline.pipeline import read_documents
from timeline.pipeline import build_timeline

SEMEVAL = Path(__file__).parent / "fixtures" / "semeval"


@pytest.mark.parametrize("subject, variants", [
    ("Steve Jobs", {"Steve Jobs", "Jobs"}),  # the surname, never the first name alone
    ("Beatles Apple Corps", {"Beatles Apple Corps", "Apple Corps", "Beatles", "Corps"}),
    ("iTunes store", {"iTunes store", "iTunes"}),  # "store" alone would name any store
    ("iPhone 4", {"iPhone 4"}),  # neither "4" nor "iPhone" (another phone)
])
def test_name_variants(subject, variants):
    assert set(name_variants(subject)) == variants


def test_the_sentence_ids_of_the_source_are_kept():
    doc = next(read_documents([str(SEMEVAL / "9001-Acme_unveils_phone.tml")]))
    assert doc.docid == "9001" and doc.title == "Acme unveils Widget 4"
    ids = [sid for sid, _, _ in doc.sentences]
    assert ids == ["1", "2", "3", "4"]
    sid, s, e = doc.sentences[1]
    assert doc.text[s:e].startswith("Yesterday , company CEO") and doc.text[e] == "\n"


def _timeline():
    return build_timeline(list(read_documents([str(SEMEVAL)])))


def test_only_the_events_the_subject_takes_part_in_are_kept():
    tl = about(_timeline(), "Jane Roe")
    words = {e.text for e in tl.events}
    assert {"unveiled", "said", "announced"} <= words  # her own acts, in both articles
    assert "expect" not in words and "was" not in words  # sentences that do not name her


def test_semeval_export_orders_by_date_with_the_source_sentence_ids():
    lines = semeval2015(about(_timeline(), "Jane Roe"), "Jane Roe").splitlines()
    assert lines[0] == "Jane Roe"
    rows = [line.split("\t") for line in lines[1:]]
    by_mention = {r[2]: (int(r[0]), r[1]) for r in rows}
    assert by_mention["9001-2-unveiled"] == (1, "2010-06-07")  # "yesterday" of 8 June
    assert by_mention["9002-2-announced"][1] == "2010-07-16"  # "on Friday" before 17 July
    assert by_mention["9001-2-unveiled"][0] < by_mention["9002-2-announced"][0]
    orders = [int(r[0]) for r in rows]
    assert orders == sorted(orders)


def test_build_about_and_export_from_the_command_line(tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(SEMEVAL), "--about", "Jane Roe", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "timeline.json").read_text())
    assert {d["docid"] for d in data["documents"]} == {"9001", "9002"}
    assert all("Roe" in e["sentence"] for e in data["events"])
    res = runner.invoke(main, ["export", str(tmp_path / "timeline.json"), "--format", "semeval2015",
                               "--about", "Jane Roe"])
    assert res.exit_code == 0 and res.output.splitlines()[0] == "Jane Roe"
    assert "9001-2-unveiled" in res.output


def test_export_needs_a_subject_and_source_sentences(tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(Path(__file__).parent.parent / "seeds"), "--out", str(tmp_path)])
    assert res.exit_code == 0
    res = runner.invoke(main, ["export", str(tmp_path / "timeline.json"), "--format", "semeval2015"])
    assert res.exit_code == 2 and "--about" in res.output
    res = runner.invoke(main, ["export", str(tmp_path / "timeline.json"), "--format", "semeval2015",
                               "--about", "Rutte"])
    assert res.exit_code == 2 and "sentence ids" in res.output
