"""Large timelines: the JSON is streamed (the same bytes as json.dumps, never held whole in
memory), written atomically, and the collector is left as it was after a build."""
from __future__ import annotations

import gc
import io
import json
import tracemalloc
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner
from hypothesis import settings

from timeline.formats import codec
from timeline.cli import main
from timeline.formats.codec import dump, dumps, iter_json, loads, timeline_to_dict, write_timeline
from timeline.pipeline import read_documents
from timeline.model import DateRangeError, Document, RelInterval, Timeline
from timeline.pipeline import build_timeline

from conftest import SEEDS

PROPS = settings(deadline=None, derandomize=True, database=None, max_examples=300)


def reference(tl: Timeline) -> str:
    """The whole dict tree, written at once: a record a line, each as json.dumps writes it."""
    d = timeline_to_dict(tl)
    parts = ['{"schema": ' + json.dumps(d.pop("schema"))]
    for key, items in d.items():
        body = ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in items)
        parts.append(f'"{key}": [\n  {body}\n ]' if items else f'"{key}": []')
    return ",\n ".join(parts) + "\n}\n"


def redated(copies: int) -> list[Document]:
    """The seed articles again and again, each copy a week later (the undated one stays undated)
    and with a line of its own (the same text twice would be one article, counted once)."""
    base = list(read_documents([str(SEEDS)]))
    return [replace(d, id=f"{d.id}~{k}", dct=d.dct + timedelta(weeks=k) if d.dct else None,
                    text=f"{d.text}\nEdition {k}.\n") for k in range(copies) for d in base]


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return build_timeline(redated(6), furniture=False)


def test_the_streamed_json_is_the_json_of_the_whole_dict_byte_for_byte(timeline, tmp_path):
    expected = reference(timeline)
    assert timeline.matches and any(d.dct_source.value == "inferred" for d in timeline.documents)
    assert "".join(iter_json(timeline)) == expected
    assert dumps(timeline) == expected
    buf = io.StringIO()
    dump(timeline, buf)
    assert buf.getvalue() == expected
    write_timeline(tmp_path / "new" / "timeline.json", timeline)  # (a folder not there yet)
    assert (tmp_path / "new" / "timeline.json").read_bytes() == expected.encode("utf-8")
    assert dumps(loads(expected)) == reference(loads(expected))


@pytest.mark.parametrize("tl", [
    Timeline(()),
    Timeline((Document("a", "text"),)),
    Timeline((Document("a", "", dct=datetime(2026, 2, 3), sentences=(("s1", 0, 4),), docid="A"),)),
])
def test_empty_lists_and_optional_fields_come_out_as_json_dumps_writes_them(tl):
    assert dumps(tl) == reference(tl)


def test_events_are_written_as_json_dumps_writes_their_dict_whatever_their_fields_hold(timeline):
    e = next(e for e in timeline.events if e.envelope is not None)
    undated = replace(e, envelope=None, relative=RelInterval(timedelta(hours=-6), timedelta(days=1, hours=8)))
    variants = [e, undated, replace(e, envelope=None), replace(e, participants=("Kyiv", "the \"army\"")),
                replace(e, label=None), replace(e, rank=True), replace(e, salient=1), replace(e, start=3.5),
                replace(e, sentence="Ünïcødé \u2028 line\tbreak \\ \"quoted\" \x01"),
                replace(e, timex="t1", same_as="e2"),
                replace(e, text=7), replace(e, modality=None)]
    for v in variants:
        assert "".join(iter_json(replace(timeline, events=(v, v)))) == reference(replace(timeline, events=(v, v)))


def test_happenings_are_written_as_json_dumps_writes_their_dict_whatever_their_fields_hold(timeline):
    h = next(h for h in timeline.happenings if h.envelope is not None and len(h.mentions) > 1)
    first = replace(h.first_report, doc="not an article")
    variants = [h, replace(h, envelope=None, relative=RelInterval(timedelta(hours=-6), None)),
                replace(h, envelope=None), replace(h, mentions=(), disagreements=h.mentions[:1], outlets=()),
                replace(h, signals=()), replace(h, signals=h.signals + (h.signals[0],)),  # a name twice: the last value
                replace(h, signals=(("articles", 1),)), replace(h, signals=(("lead", float("nan")),)),
                replace(h, score=float("inf")), replace(h, score=2), replace(h, rank=True), replace(h, articles=2.0),
                replace(h, label=None), replace(h, label="Ünïcødé \u2028 \"quoted\" \x01"), replace(h, first_report=first),
                replace(h, outlets=("BBC", 7)), replace(h, signals=((1, 0.5),))]
    for v in variants:
        tl = replace(timeline, happenings=(v, v))
        assert "".join(iter_json(tl)) == reference(tl)


def test_times_are_written_as_json_dumps_writes_their_dict_whatever_their_fields_hold(timeline):
    t = next(t for t in timeline.timexes if t.envelope is not None and t.interval is not None and t.grain is not None)
    variants = [t, replace(t, envelope=None, relative=RelInterval(timedelta(hours=-6), None)), replace(t, interval=None),
                replace(t, interval=replace(t.interval, end=None)), replace(t, grain=None), replace(t, mod="APPROX"),
                replace(t, alternative="2026-W06", anchor=None), replace(t, text="Ünïcødé \u2028 \"quoted\" \x01"),
                replace(t, value=None), replace(t, rule=3), replace(t, start=True), replace(t, end=2.0)]
    for v in variants:
        tl = replace(timeline, timexes=(v, v))
        assert "".join(iter_json(tl)) == reference(tl)


def test_the_command_line_writes_the_streamed_json(tmp_path):
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), "--format", "json,csv"])
    assert res.exit_code == 0, res.output
    expected = reference(build_timeline(list(read_documents([str(SEEDS)]))))
    assert (tmp_path / "timeline.json").read_bytes() == expected.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.csv", "timeline.json"]
    assert f"wrote {tmp_path / 'timeline.json'}, {tmp_path / 'timeline.csv'}" in res.output


def test_a_failed_write_leaves_the_previous_file_and_no_temporary_file(timeline, tmp_path, monkeypatch):
    target = tmp_path / "timeline.json"
    target.write_text("previous", encoding="utf-8")
    calls = []

    def failing(t):  # type: ignore[no-untyped-def]
        calls.append(t)
        if len(calls) > 100:  # well into the file: some of it has been written already
            raise KeyboardInterrupt
        return fmt_time(t)

    fmt_time = codec.fmt_time  # (every time written goes through it)
    monkeypatch.setattr(codec, "fmt_time", failing)
    with pytest.raises(KeyboardInterrupt):
        write_timeline(target, timeline)
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.json"]
    assert target.read_text(encoding="utf-8") == "previous"


def test_writing_does_not_hold_the_json_in_memory(tmp_path):
    tl = build_timeline(redated(20), furniture=False)
    size = len(dumps(tl))
    assert size > 3_000_000
    tracemalloc.start()
    try:
        write_timeline(tmp_path / "timeline.json", tl)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # json.dumps held the whole dict tree and the text, several times the file's size; the
    # stream holds one item and one buffer of 64k characters at a time
    assert peak < size / 5
    assert (tmp_path / "timeline.json").stat().st_size == len(dumps(tl).encode("utf-8"))


def test_the_json_is_a_record_a_line_and_reads_back_as_the_dict_it_writes(timeline):
    text = dumps(timeline)
    assert json.loads(text) == json.loads(json.dumps(timeline_to_dict(timeline)))
    lines = text.splitlines()
    records = len(timeline.documents) + len(timeline.happenings) + len(timeline.timexes) + len(timeline.events) \
        + len(timeline.matches)
    assert len(lines) == 2 + 2 * 5 + records  # the head and the tail, each section's opening and closing line, the records
    assert all(json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("  {"))


def test_a_build_leaves_the_garbage_collector_as_it_found_it():
    docs = redated(2)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    build_timeline(docs)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(DateRangeError):
        build_timeline(docs + [Document("far", "Tuesday.", dct=datetime(9999, 6, 1))])
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        build_timeline(docs)
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()
    gc.freeze()  # someone else's frozen objects stay frozen, and no more are added
    try:
        frozen = gc.get_freeze_count()
        build_timeline(docs)
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_build_command_leaves_the_collector_as_it_found_it(tmp_path):
    """`timeline build` freezes the finished timeline for the collector while it writes the
    outputs; a program that runs the command in its own process gets its collector back."""
    assert gc.get_freeze_count() == 0
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), "-q"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "timeline.png").exists() and gc.isenabled() and gc.get_freeze_count() == 0


def test_the_results_are_the_same_whatever_the_collector_does():
    docs = redated(3)
    gc.disable()
    try:
        without = dumps(build_timeline(docs))
    finally:
        gc.enable()
    assert dumps(build_timeline(docs)) == without
    assert dumps(build_timeline(docs, jobs=2)) == without
