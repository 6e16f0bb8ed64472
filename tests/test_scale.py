"""Many articles: process pools and a Dask cluster give the same timeline; matching is blocked;
Ctrl-C leaves the previous outputs as they were."""
from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from timeline.formats.codec import dumps
from timeline.pipeline import read_documents
from timeline.story.match import candidate_pairs, match_all, match_events
from timeline.model import Document
from timeline.pipeline import build_timeline

from conftest import SEEDS

STORIES = [
    "Russian missiles struck {city} overnight, officials said on Tuesday. The mayor of {city} visited "
    "the damaged power plant. Talks with {partner} will resume on Friday.",
    "{partner} announced new sanctions against {city} on Monday. Protesters marched in {city} after "
    "the announcement. The parliament will vote next week.",
]
CITIES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia", "Mykolaiv", "Sumy", "Poltava",
          "Chernihiv", "Vinnytsia", "Rivne"]
PARTNERS = ["Poland", "Germany", "France", "Italy", "Spain", "Norway", "Sweden", "Finland", "Estonia",
            "Latvia", "Lithuania", "Romania"]


def corpus(n: int, per_day: float = 6) -> list[Document]:
    docs = []
    for i in range(n):
        text = STORIES[i % 2].format(city=CITIES[i % len(CITIES)], partner=PARTNERS[(i // 2) % len(PARTNERS)])
        docs.append(Document(f"a{i:04d}", text, dct=datetime(2026, 2, 3) + timedelta(days=int(i / per_day)),
                             source=f"Outlet {i % 5}"))
    return docs


def test_a_process_pool_gives_the_same_timeline_byte_for_byte():
    docs = corpus(24) + list(read_documents([str(SEEDS)]))
    assert dumps(build_timeline(docs, jobs=2)) == dumps(build_timeline(docs, jobs=1))


def test_the_labels_parsed_in_a_process_pool_are_those_parsed_here(monkeypatch):
    """A large input has only the shown happenings' sentences parsed for their labels: with
    --jobs, in batches of sentences in a pool of processes; the timeline is the same byte for
    byte."""
    import timeline.scale as scale
    import timeline.story.compose as compose

    docs = corpus(24) + list(read_documents([str(SEEDS)]))
    here = dumps(build_timeline(docs, jobs=1, syntax="shown"))
    calls = []
    apply = scale.WarmPool.apply
    monkeypatch.setattr(scale.WarmPool, "apply", lambda pool, fn, tasks: calls.append(len(tasks)) or apply(pool, fn, tasks))
    monkeypatch.setattr(compose, "PARSE_CHUNK", 4)  # (several tasks of a corpus this small)
    assert dumps(build_timeline(docs, jobs=2, syntax="shown")) == here
    assert calls and calls[0] >= 8  # (the pool, forked before the story was made, did the parsing)


def test_a_dask_local_cluster_gives_the_same_timeline():
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    docs = corpus(12) + list(read_documents([str(SEEDS)]))
    local = dumps(build_timeline(docs))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        on_cluster = dumps(build_timeline(docs, engine="dask", scheduler=cluster.scheduler_address))
    assert on_cluster == local
    assert dumps(build_timeline(docs, engine="dask", jobs=1)) == local  # a LocalCluster of its own


def test_the_command_line_runs_on_a_dask_scheduler(tmp_path):
    pytest.importorskip("dask.distributed")
    from click.testing import CliRunner
    from dask.distributed import LocalCluster

    from timeline.cli import main

    runner = CliRunner()
    assert runner.invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "one"), "-q"]).exit_code == 0
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                      silence_logs=40) as cluster:
        res = runner.invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "dask"), "-q",
                                   "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert res.exit_code == 0, res.output
    for name in ("timeline.json", "timeline.txt", "timeline.png"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()
    res = runner.invoke(main, ["build", str(SEEDS), "--scheduler", "tcp://127.0.0.1:1"])
    assert res.exit_code == 2 and "--engine dask" in res.output


def test_blocking_keeps_every_match_of_the_all_pairs_comparison():
    docs = corpus(18) + list(read_documents([str(SEEDS)]))
    events = {d.id: build_timeline([d]).events for d in docs}
    ids = sorted(events)
    everything = {(m.a_doc, m.a, m.b_doc, m.b) for i, a in enumerate(ids) for b in ids[i + 1:]
                  for m in match_events(events[a], events[b], need_time=True)}
    blocked = {(m.a_doc, m.a, m.b_doc, m.b) for m in match_all(events, need_time=True)}
    assert everything and blocked == everything


def test_candidate_pairs_grow_linearly_with_the_number_of_articles():
    # a news feed: the same number of articles a day, over a longer and longer time
    def pairs(n: int) -> int:
        docs = corpus(n, per_day=0.5)
        return len(candidate_pairs({d.id: build_timeline([d]).events for d in docs}))

    small, large = pairs(60), pairs(240)
    assert small > 0 and large <= 4 * small * 1.25  # 4x the articles: about 4x the pairs, not 16x


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_ctrl_c_leaves_the_previous_outputs_and_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "timeline", "build", str(SEEDS), "--out", str(out), "-q"],
                   check=True, capture_output=True)
    before = _digest(out)
    articles = tmp_path / "many"
    articles.mkdir()
    seed = (SEEDS / "001_4fbe5cb1b068faab.txt").read_text(encoding="utf-8")
    for i in range(1000):  # (each its own article: the same text twice is counted once)
        (articles / f"a{i:04d}.txt").write_text(f"{seed}\nCopy {i}.\n", encoding="utf-8")
    # (a CI runner may start the suite with SIGINT ignored, as a background job is: the build
    # must see Ctrl-C as a terminal user's would)
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(articles), "--out", str(out),
                             "-q", "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        time.sleep(3)
        assert proc.poll() is None, "the build finished before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:  # (a build that did not stop fails the test, and is not left running)
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    # ended by SIGINT, as an interrupted program should (the shell shows 130, and a script looping
    # over builds stops), after its workers have stopped
    assert proc.returncode == -signal.SIGINT
    assert err.strip().splitlines()[-1] == "timeline: interrupted"
    assert "Traceback" not in err
    assert _digest(out) == before  # the same files, unchanged, and nothing else (no temp file)


def _book(copies: int) -> tuple[str, int]:
    """The seed articles, `copies` times over as one text, and the length of one copy."""
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) + "\n\n"
    return unit * copies, len(unit)


def test_a_book_length_article_is_read_in_parts_that_a_pool_shares(monkeypatch):
    """An article longer than 1.5 x PART_CHARS is read in parts cut at blank lines, which the
    process pool spreads like articles: the timeline is the same byte for byte as in one
    process, every time and event points at its own words in the whole text, and the ids and
    what refers to them stay whole."""
    import timeline.scale as scale

    text, unit = _book(4)
    monkeypatch.setattr(scale, "PART_CHARS", unit - 10)  # (each part ends at a copy's end)
    doc = Document("book", text, dct=datetime(2026, 2, 3))
    parts = scale.split_article(doc)
    assert [offset for offset, _ in parts] == [0, unit - 2, 2 * unit - 2, 3 * unit - 2]  # (at the blank lines)
    assert "".join(part.text for _, part in parts) == text
    tl = build_timeline([doc], jobs=1)
    assert dumps(build_timeline([doc], jobs=2)) == dumps(tl)
    assert all(text[t.start:t.end] == t.text for t in tl.timexes)
    assert all(text[e.start:e.end] == e.text for e in tl.events)
    timex_ids, event_ids = [t.id for t in tl.timexes], [e.id for e in tl.events]
    assert len(set(timex_ids)) == len(timex_ids) and len(set(event_ids)) == len(event_ids)
    assert {e.timex for e in tl.events if e.timex} <= set(timex_ids)
    assert {e.same_as for e in tl.events if e.same_as} <= set(event_ids)
    assert {t.anchor[6:] for t in tl.timexes if t.anchor.startswith("timex:")} <= set(timex_ids)


def test_the_parts_of_an_article_find_what_the_whole_finds(monkeypatch):
    """Cut at the blank lines between whole articles, the parts find the same time expressions
    with the same values, and the same events with the same labels, as the text read whole."""
    import timeline.scale as scale

    text, unit = _book(3)
    doc = Document("book", text, dct=datetime(2026, 2, 3))
    whole = build_timeline([doc], jobs=1)
    monkeypatch.setattr(scale, "PART_CHARS", unit - 10)
    assert len(scale.split_article(doc)) == 3
    parts = build_timeline([doc], jobs=1)
    assert [(t.start, t.end, t.value) for t in parts.timexes] == [(t.start, t.end, t.value) for t in whole.timexes]
    assert sorted((e.start, e.text, e.label) for e in parts.events) == sorted((e.start, e.text, e.label) for e in whole.events)
    assert len(whole.timexes) > 20 and len(whole.events) > 100
    one_paragraph = Document("line", text.replace("\n\n", " "), dct=datetime(2026, 2, 3))
    assert [o for o, _ in scale.split_article(one_paragraph)] == [0]  # (no blank line to cut at: whole)


def test_a_build_on_two_cores_writes_the_files_of_a_build_in_one(tmp_path):
    """With --jobs 2 the chart is drawn by a process that loaded the plotting library while the
    timeline was built (and, on a larger input, the labels are parsed by processes that loaded
    the parser while the story was made: test_the_labels_parsed_in_a_process_pool_...): the
    files are the same byte for byte as those of one process."""
    from storygen import write_story

    write_story(tmp_path / "story", 40)
    for jobs in ("1", "2"):
        subprocess.run([sys.executable, "-m", "timeline", "build", str(tmp_path / "story"), "--out",
                        str(tmp_path / jobs), "-q", "-j", jobs], check=True, capture_output=True)
    assert _digest(tmp_path / "1") == _digest(tmp_path / "2")
    assert sorted(p.name for p in (tmp_path / "2").iterdir()) == ["timeline.json", "timeline.png", "timeline.txt"]


def test_a_chart_whose_drawer_died_is_drawn_here():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from timeline.formats.outputs import render_outputs

    class Dead:
        def submit(self, fn, *args):
            future = Future()
            future.set_exception(BrokenProcessPool("killed"))
            return future

    tl = build_timeline(list(read_documents([str(SEEDS)])))
    here = render_outputs(tl, ["txt", "png"], False)
    there = render_outputs(tl, ["txt", "png"], False, drawer=Dead())
    assert b"".join(there["timeline.png"]) == here["timeline.png"] and there["timeline.txt"] == here["timeline.txt"]
