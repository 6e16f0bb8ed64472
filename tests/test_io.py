"""Reading articles and their publication dates; writing outputs atomically."""
from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from timeline.atomic import AtomicWriter, WriteError, write_atomic, write_set_atomic
from timeline.pipeline import parse_document, read_documents
from timeline.sources.read import InputError, expand_inputs, parse_date_option, read_source
from timeline.model import DctSource

from conftest import FIXTURES, SEED_DATED, SEED_UNDATED, SEEDS


def doc_of(path: Path, date=None):
    return parse_document(read_source(str(path)), date)


def test_dateline_in_the_lead_gives_the_publication_date():
    d = doc_of(SEEDS / f"{SEED_DATED}.txt")
    assert d.dct == datetime(2026, 2, 3)
    assert d.dct_source is DctSource.DATELINE
    assert d.dct_evidence == "Tuesday, February 3, 2026"
    assert d.source == "NextFin News"  # from the sidecar


def test_undated_article_has_no_publication_date():
    d = doc_of(SEEDS / f"{SEED_UNDATED}.txt")
    assert d.dct is None and d.dct_source is DctSource.NONE
    assert d.title == "NATO Chief Questions Putin's Peace Intent After Kyiv Energy Plant Attack"
    assert d.source is None  # the sidecar says the outlet is unknown
    assert d.text == (SEEDS / f"{SEED_UNDATED}.txt").read_text(encoding="utf-8")


def test_a_wire_dateline_names_the_outlet_when_the_metadata_does_not(tmp_path):
    """'KYIV, Feb 3 (Reuters) - ...' is Reuters' copy: the chart's legend and the log name the
    outlet, not the file; a header's Source: wins; a dash after a place or an acronym in
    parentheses mid-sentence names no outlet (rules/en/text.toml [dateline_outlet])."""
    from timeline.rules import load_toml
    from timeline.sources.read import dateline_outlet

    data = load_toml("text.toml")["dateline_outlet"]
    for text, outlet in data["examples"]:
        assert dateline_outlet(text) == outlet, text
    for text in data["negatives"]:
        assert dateline_outlet(text) is None, text
    p = tmp_path / "a.txt"
    p.write_text("KYIV, Feb 3 (Reuters) - Russia launched a barrage of missiles at Kyiv on Tuesday.\n", encoding="utf-8")
    assert doc_of(p).source == "Reuters"
    p.write_text("Source: Kyiv Independent\n\nKYIV, Feb 3 (Reuters) - Russia launched missiles.\n", encoding="utf-8")
    assert doc_of(p).source == "Kyiv Independent"


def test_date_option_wins_over_everything(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Date: 2026-01-05\n\nOn Tuesday, February 3, 2026, Rutte arrived.", encoding="utf-8")
    d = doc_of(p, parse_date_option("2025-12-31"))
    assert d.dct == datetime(2025, 12, 31) and d.dct_source is DctSource.OPTION


def test_header_lines_are_metadata_not_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title: Strikes on Kyiv\nSource: Example Wire\nPublished: Tue, 3 Feb 2026 09:14\n\n"
                 "Russia struck Kyiv overnight.\n", encoding="utf-8")
    d = doc_of(p)
    assert d.title == "Strikes on Kyiv" and d.source == "Example Wire"
    assert d.dct == datetime(2026, 2, 3, 9, 14) and d.dct_source is DctSource.HEADER
    assert d.text == "Russia struck Kyiv overnight.\n"


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "a.md"
    p.write_text('---\ntitle: "Talks in Abu Dhabi"\noutlet: Gulf Daily\ndate: 2026-02-04\n---\n'
                 "Talks opened today.\n", encoding="utf-8")
    d = doc_of(p)
    assert (d.title, d.source, d.dct, d.dct_source) == ("Talks in Abu Dhabi", "Gulf Daily",
                                                        datetime(2026, 2, 4), DctSource.METADATA)
    assert d.text == "Talks opened today.\n"


def test_timeml_text_is_the_text_element_without_tags_exactly():
    d = doc_of(FIXTURES / "sample.tml")
    assert d.text == "\nThe ministers met on Thursday & agreed\nto meet again next week.\n"
    assert d.dct == datetime(1998, 8, 7) and d.dct_source is DctSource.METADATA
    assert d.id == "sample" and d.title == "Talks resume"


def test_wire_dateline_without_year_is_not_completed(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("KYIV, Feb 3 (Reuters) - Russia struck Kyiv overnight.", encoding="utf-8")
    assert doc_of(p).dct is None


def test_wire_dateline_with_year(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("KYIV, Feb. 3, 2026 (Reuters) - Russia struck Kyiv overnight.", encoding="utf-8")
    d = doc_of(p)
    assert d.dct == datetime(2026, 2, 3) and d.dct_source is DctSource.DATELINE


@pytest.mark.parametrize("content,message", [
    (b"", "empty file"),
    (b"   \n\n  ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"caf\xe9 au lait on Tuesday", "not valid UTF-8"),
])
def test_unreadable_inputs_give_one_line_errors(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_source(str(p))
    assert "\n" not in str(info.value)


def test_missing_file():
    with pytest.raises(InputError, match="no such file"):
        read_source("/nonexistent/article.txt")


def test_utf16_with_bom_is_read(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Rutte arrived on Tuesday.".encode("utf-16"))
    assert read_source(str(p)).raw == "Rutte arrived on Tuesday."


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-02-30", "03/02/2026", "2026-02"])
def test_malformed_date_option(value):
    with pytest.raises(InputError, match="invalid --date"):
        parse_date_option(value)


def test_directories_expand_to_their_articles_sorted(seeds_dir):
    (seeds_dir / "notes.pdf").write_bytes(b"%PDF")
    found = expand_inputs([str(seeds_dir)])
    assert [Path(f).name for f in found] == [f"{SEED_UNDATED}.txt", f"{SEED_DATED}.txt"]


def test_unreadable_input_among_good_ones_is_reported_not_fatal(seeds_dir):
    (seeds_dir / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    items = list(read_documents([str(seeds_dir)], on_error="yield"))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "broken.txt" in str(errors[0])
    assert len(items) == 3


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "timeline.json"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text() == "second"
    assert os.listdir(target.parent) == ["timeline.json"]


def test_failed_write_leaves_previous_file_and_no_temp(tmp_path):
    target = tmp_path / "timeline.json"
    target.write_text("previous")

    class Boom:
        def __len__(self):  # not bytes: encoding fails inside the write
            raise RuntimeError("boom")

    with pytest.raises(Exception):
        write_atomic(target, Boom())  # type: ignore[arg-type]
    assert target.read_text() == "previous"
    assert os.listdir(tmp_path) == ["timeline.json"]


def test_background_writer_writes_in_order_and_stops_at_the_first_failure(tmp_path):
    out = tmp_path / "out"
    (out / "b.tsv").mkdir(parents=True)  # a folder where a file is to go: that write fails
    with pytest.raises(WriteError) as err:
        with AtomicWriter() as writer:
            for name in ("a.tsv", "b.tsv", "c.tsv"):
                writer.write(out / name, f"{name}\n")
    assert err.value.path == out / "b.tsv" and isinstance(err.value.cause, IsADirectoryError)
    assert (out / "a.tsv").read_text() == "a.tsv\n"
    assert sorted(os.listdir(out)) == ["a.tsv", "b.tsv"]  # nothing after the failure, no temporary


def test_background_writer_left_by_an_error_writes_what_came_before_it(tmp_path):
    with pytest.raises(ValueError):
        with AtomicWriter() as writer:
            for i in range(20):
                writer.write(tmp_path / f"{i}.txt", str(i))
            raise ValueError("the next article")
    assert sorted(p.read_text() for p in tmp_path.iterdir()) == sorted(map(str, range(20)))


def test_background_writer_left_by_ctrl_c_drops_what_was_not_begun(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with AtomicWriter() as writer:
            writer.write(tmp_path / "a.txt", "a")
            raise KeyboardInterrupt
    assert [p.name for p in tmp_path.iterdir()] in ([], ["a.txt"])  # whole or not at all
    assert all(p.read_text() == "a" for p in tmp_path.iterdir())


def test_ctrl_c_while_the_writer_is_waited_for_leaves_no_temporary_file(tmp_path, monkeypatch):
    """Ctrl-C while `extract --out` waits for its last files (the writer thread slowed on each
    rename here): the file under way ends whole or leaves nothing, no `.tmp` stays behind (an
    interrupted Thread.join on Python 3.11 had let the process end while the thread wrote)."""
    import signal
    import threading
    import timeline.atomic as atomic

    real = os.replace

    def slow_replace(a, b):  # (the file system waits on each rename)
        time.sleep(0.15)
        real(a, b)

    monkeypatch.setattr(atomic.os, "replace", slow_replace)
    writer = AtomicWriter()
    for i in range(8):
        writer.write(tmp_path / f"{i}.txt", str(i) * 1000)
    main = threading.main_thread().ident  # (a real SIGINT, to the main thread: it interrupts a wait)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)  # (a run started in the background ignores it)
    try:
        threading.Timer(0.2, signal.pthread_kill, (main, signal.SIGINT)).start()
        with pytest.raises(KeyboardInterrupt):
            writer.close()
    finally:
        signal.signal(signal.SIGINT, before)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names and all(n.endswith(".txt") and not n.startswith(".") for n in names), names
    assert all((tmp_path / n).read_text() == n[0] * 1000 for n in names)  # each whole


def test_a_set_of_outputs_is_written_as_one(tmp_path):
    # a failure while writing the second file (a full disk: the log after the JSON) renames
    # nothing: the previous timeline.json stays beside the previous timeline.txt, no temporary file
    (tmp_path / "timeline.json").write_text("old json")
    (tmp_path / "timeline.txt").write_text("old log")

    def failing():
        yield "new log, part one"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_set_atomic([(tmp_path / "timeline.json", "new json"), (tmp_path / "timeline.txt", failing())])
    assert (tmp_path / "timeline.json").read_text() == "old json"
    assert (tmp_path / "timeline.txt").read_text() == "old log"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.json", "timeline.txt"]
    write_set_atomic([(tmp_path / "timeline.json", "new json"), (tmp_path / "timeline.txt", iter(["new ", "log"]))])
    assert (tmp_path / "timeline.json").read_text() == "new json" and (tmp_path / "timeline.txt").read_text() == "new log"
