"""Properties that hold for any input (hypothesis, bounded and derandomized for CI).

For any text and any publication date: `extract` and `build_timeline` never raise; every
timex and event span lies inside the text and is exactly the text it cuts; every interval has
start <= end; the same input gives byte-identical JSON; the JSON round-trips (dumps, log and a
self-diff unchanged); and the command line never shows a traceback or an internal-error exit.

Profiles: "ci" (the default: derandomized, bounded so this file runs in well under a minute)
and "dev" (random, 10x the examples): TIMELINE_HYPOTHESIS_PROFILE=dev pytest tests/test_properties.py
"""
from __future__ import annotations

import os
import re
import tempfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from timeline.formats.codec import dumps, loads
from timeline.story.diff import diff
from timeline.model import DiffStatus, Document, Grain
from timeline.pipeline import build_timeline, extract
from timeline.render.log import render_log

settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", parent=settings.get_profile("ci"), derandomize=False, max_examples=1000)
PROFILE = settings.get_profile(os.environ.get("TIMELINE_HYPOTHESIS_PROFILE", "ci"))
SCALE = 10 if os.environ.get("TIMELINE_HYPOTHESIS_PROFILE") == "dev" else 1


def bounded(n: int) -> settings:
    """The file's profile with `n` examples (x10 under the "dev" profile)."""
    return settings(PROFILE, max_examples=n * SCALE)


# ----------------------------------------------------------------------------- strategies

WORDS = ["Tuesday", "on Tuesday", "Feb 3", "Feb. 3", "February 3", "Feb. 4-5", "3 February 2026", "2026",
         "2026-02-03", "02/03/2026", "overnight", "the next 48 hours", "week-long", "recent", "winter",
         "last week", "a year earlier", "the next day", "yesterday", "tomorrow", "tonight", "3 p.m. EST",
         "14:05", "noon", "every Monday", "the 1990s", "the '90s", "the 21st century", "Q3", "the third quarter",
         "mid-March", "early 2025", "since 1998", "until Friday", "two days ago", "in 10 years", "now",
         "said", "struck", "will meet", "had agreed", "talks", "attack", "visit", "arrived", "announced",
         "Kyiv", "Rutte", "NATO", "32", "1,100", "$15 billion", "-20°C", "60%", "Mr.", "U.S.", "Jan.", "No. 1"]
UNICODE_BITS = ["🙂", "👍🏽", "👨‍👩‍👧", "é", "e\u0301", "a\u0308\u0301", "ﬁ", "İ", "ß", "ΣΑΣ", "ǅ", "ש", "שלום",
                "مرحبا", "٣", "\u202e", "\u202c", "\u200f", "\u200b", "\u200d", "\ufeff", "\u00a0", "\u3000",
                "２０２６", "Ｔｕｅｓｄａｙ", "\x00", "\x7f", "\ufffd", "\U0010ffff", "\u2028", "\u0085"]
PUNCT = [".", ",", ";", ":", "!", "?", "—", "–", "-", "'", "’", '"', "“", "”", "(", ")", "[", "]", "/", "&",
         "...", "\n", "\n\n", "\r\n", "\t", "   "]
DATE_FORMATS = ["%b %d", "%b. %d", "%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%A", "%A, %B %d", "%m/%d/%Y",
                "%B %Y", "%Y", "%b %d-%d", "%A night"]

dates_text = st.builds(lambda d, f: d.strftime(f), st.dates(date(1900, 1, 1), date(2100, 12, 31)),
                       st.sampled_from(DATE_FORMATS))
integers = st.one_of(st.integers(-10**6, 10**12).map(str), st.integers(0, 10**9).map("{:,}".format))
numbers = st.one_of(integers, integers, integers, st.integers(1, 40).map(lambda n: f"the {n}th century"))
fragment = st.one_of(st.sampled_from(WORDS), dates_text, numbers, st.sampled_from(UNICODE_BITS),
                     st.sampled_from(PUNCT))
news = st.lists(st.tuples(fragment, st.sampled_from([" ", " ", "", ", ", ". ", "\n"])), max_size=50).map(
    lambda parts: "".join(a + b for a, b in parts))
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
texts = st.one_of(news, any_text, st.tuples(news, any_text, news).map("".join))


@st.composite
def dcts(draw):  # type: ignore[no-untyped-def]
    """None, a day (as a dateline gives it) or a day and a time of day (as a header may)."""
    kind = draw(st.sampled_from(["none", "day", "minute"]))
    if kind == "none":
        return None, None
    day = draw(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
    if kind == "day":
        return datetime.combine(day, time()), Grain.DAY
    return datetime.combine(day, draw(st.times()).replace(second=0, microsecond=0)), Grain.MINUTE


def document(text: str, dct: tuple[datetime | None, Grain | None], i: int = 0) -> Document:
    return Document(f"d{i}", text, path=f"d{i}.txt", source=f"S{i}", dct=dct[0], dct_grain=dct[1])


# ----------------------------------------------------------------------------- checks

def check_interval(iv) -> None:  # type: ignore[no-untyped-def]
    if iv is not None and iv.start is not None and iv.end is not None:
        assert iv.start <= iv.end, iv


def check_span(text: str, item) -> None:  # type: ignore[no-untyped-def]
    assert 0 <= item.start <= item.end <= len(text), (item.start, item.end, len(text))
    assert text[item.start:item.end] == item.text, (item.start, item.end, item.text)


def check_timeline(tl, texts_by_doc: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    for t in tl.timexes:
        check_span(texts_by_doc[t.doc], t)
        check_interval(t.interval)
        check_interval(t.envelope)
        check_interval(t.relative)
    for e in tl.events:
        check_span(texts_by_doc[e.doc], e)
        check_interval(e.envelope)
        check_interval(e.relative)


# ----------------------------------------------------------------------------- properties

@bounded(400)
@given(texts, dcts())
def test_extract_never_raises_and_spans_are_the_text_they_cut(text, dct):
    doc = document(text, dct)
    timexes = extract(doc)
    for t in timexes:
        check_span(text, t)
        check_interval(t.interval)
        check_interval(t.envelope)
        check_interval(t.relative)
    assert extract(doc) == timexes


@bounded(200)
@given(texts, dcts())
def test_build_never_raises_and_is_deterministic(text, dct):
    doc = document(text, dct)
    tl = build_timeline([doc])
    check_timeline(tl, {doc.id: text})
    assert dumps(build_timeline([doc])).encode() == dumps(tl).encode()


@bounded(200)
@given(texts, dcts())
def test_the_json_round_trips_through_loads_log_and_diff(text, dct):
    tl = build_timeline([document(text, dct)])
    js = dumps(tl)
    loaded = loads(js)
    assert dumps(loaded).encode() == js.encode()
    assert render_log(loaded) == render_log(tl)
    assert render_log(loaded, all_events=True) == render_log(tl, all_events=True)
    d = diff(loaded, loaded)
    assert not d.only_a and not d.only_b, (d.only_a, d.only_b)
    assert all(p.status is DiffStatus.AGREE for p in d.matched), [p.status for p in d.matched]
    assert d.same


@bounded(60)
@given(st.lists(st.tuples(texts, dcts()), min_size=2, max_size=4))
def test_several_articles_never_raise_and_round_trip(pairs):
    docs = [document(t, d, i) for i, (t, d) in enumerate(pairs)]
    tl = build_timeline(docs)
    check_timeline(tl, {d.id: d.text for d in docs})
    ids = {(e.doc, e.id) for e in tl.events}
    assert all((m.a_doc, m.a) in ids and (m.b_doc, m.b) in ids for m in tl.matches)
    js = dumps(tl)
    assert dumps(build_timeline(docs)) == js
    assert dumps(loads(js)) == js


# ----------------------------------------------------------------------------- command line

blank = st.text(alphabet=" \t\r\n\u00a0\u3000", max_size=30).map(str.encode)
headed = st.builds(lambda k, v, body: f"{k}: {v}\n\n{body}", st.sampled_from(["Date", "Published", "Title"]),
                   st.one_of(dates_text, st.text(max_size=15)), texts)
file_bytes = st.one_of(
    texts.map(lambda t: t.encode("utf-8")),  # surrogate-free, so always encodable
    headed.map(lambda t: t.encode("utf-8")),
    texts.map(lambda t: t.encode("utf-16")),  # with its byte-order mark
    blank,  # rejected: empty
    st.binary(min_size=1, max_size=300),  # rejected unless it happens to be text
)


def _run(runner: CliRunner, args: list[str]):  # type: ignore[no-untyped-def]
    from timeline.cli import main

    res = runner.invoke(main, args)
    where = (args, res.exit_code, res.output[-800:])
    assert res.exit_code in (0, 2), where  # 1: an exception escaped (CliRunner); 3: internal error
    assert res.exception is None or isinstance(res.exception, SystemExit), where
    assert "Traceback" not in res.output and "internal error" not in res.output, where
    if res.exit_code == 2:
        errors = [ln for ln in res.stderr.splitlines() if ln.startswith("timeline: error:")]
        assert len(errors) == 1 and res.stderr.strip().splitlines()[-1] == errors[0], where
    return res


@bounded(15)
@given(file_bytes, st.sampled_from(["a.txt", "a.md"]))
def test_the_command_line_exits_0_or_2_and_never_shows_a_traceback(data, name):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        article = folder / name
        article.write_bytes(data)
        out = folder / "out"
        extracted = _run(runner, ["extract", str(article)])
        built = _run(runner, ["build", str(article), "--out", str(out)])
        assert extracted.exit_code == built.exit_code  # the same inputs are refused
        event(f"exit {built.exit_code}")
        if built.exit_code == 2:
            assert not (out / "timeline.json").exists()  # a refusal writes nothing
            return
        js = str(out / "timeline.json")
        # the tool must read back every JSON it wrote: 2 here would be a bug too
        assert _run(runner, ["log", js]).exit_code == 0
        assert _run(runner, ["render", js, "-o", str(out / "x.png")]).exit_code == 0
        assert (out / "x.png").read_bytes().startswith(b"\x89PNG")


def test_the_command_line_refuses_empty_and_binary_files(tmp_path):
    runner = CliRunner()
    for i, data in enumerate([b"", b"  \n\t\n", b"\x00\x01\x02\x03" * 50, b"\xff\xfe\x00\xd8"]):
        article = tmp_path / f"{i}.txt"
        article.write_bytes(data)
        for args in (["extract", str(article)], ["build", str(article), "--out", str(tmp_path / "o")]):
            assert _run(runner, args).exit_code == 2


# ----------------------------------------------------------------------------- bugs found
# Each was a bug in src/ found by the properties above, pinned to a minimal example.

def test_a_timeline_before_the_year_1000_round_trips():
    doc = Document("d", "The city was founded in the 9th century.", dct=datetime(2026, 2, 3), dct_grain=Grain.DAY)
    js = dumps(build_timeline([doc]))
    assert '"0800-01-01T00:00"' in js and dumps(loads(js)) == js
    with pytest.raises(ValueError, match="outside the years"):  # a publication date in 218: refused clearly
        build_timeline([Document("d", "Talks.", dct=datetime(218, 12, 5), dct_grain=Grain.DAY)])


def test_the_chart_of_a_first_century_event_renders():
    from timeline.render.gantt import figure_bytes, render_gantt

    tl = build_timeline([Document("d", "He said the talks began the 1st century and ended in 2026.")])
    assert figure_bytes(render_gantt(tl), "png").startswith(b"\x89PNG")


def test_a_publication_date_at_the_end_of_the_calendar_does_not_crash(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Troops struck tomorrow.\n", encoding="utf-8")
    runner = CliRunner()
    for d in ("9999-12-31", "0001-01-01"):
        _run(runner, ["extract", str(article), "--date", d])


def test_spans_do_not_split_a_combining_sequence():
    import unicodedata

    for text in ("the 1990\u0301s", "Rutte arrived on Tuesday\u0301.", "Rutte arrived on Tue\u0301sday."):
        for t in extract(Document("d", text, dct=datetime(2026, 2, 3))):
            assert t.end == len(text) or not unicodedata.category(text[t.end]).startswith("M"), (text, t.text)


def test_the_command_line_writes_only_its_own_lines_to_stderr(tmp_path):
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Kyiv \U0001F642 \u6771\u4eac\n\nRussia struck Kyiv overnight, officials said.\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "timeline", "build", str(article), "--out", str(tmp_path / "o")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert all(line.startswith("timeline: ") for line in res.stderr.splitlines()), res.stderr


def test_timeml_export_is_well_formed_xml():
    import xml.etree.ElementTree as ET

    from timeline.formats.export import timeml

    for text in ("Talks resumed on Tuesday \x0c in Abu Dhabi.", "Talks on Tuesday \x01 resumed."):
        doc = Document("d", text, dct=datetime(2026, 2, 3), dct_grain=Grain.DAY)
        ET.fromstring(timeml(doc, extract(doc)).encode("utf-8"))


def test_a_publication_date_with_a_time_zone_is_refused_clearly_through_the_api():
    """Review39: Document(dct=an aware datetime) raised a TypeError deep in the time stage (a naive
    and an aware datetime compared); it is a clear error that says where the zone goes."""
    from datetime import timezone

    with pytest.raises(ValueError, match="time zone"):
        build_timeline([Document("d", "Talks began.", dct=datetime(2015, 5, 7, 6, 15, tzinfo=timezone.utc))])
