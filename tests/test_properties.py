"""Properties that hold for any input (hypothesis): never raise, offsets inside the text and on
character boundaries, earliest <= latest, the same output for the same input, and a JSON that
round-trips through log, render and diff unchanged."""
from __future__ import annotations

from datetime import datetime

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.codec import dumps, loads
from timeline.diff import diff
from timeline.model import Document, DiffStatus
from timeline.pipeline import build_timeline, extract
from timeline.render.log import render_log

settings.register_profile("ci", max_examples=120, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("ci")

WORDS = ["Tuesday", "February 3", "Feb. 4-5", "2026", "2026-02-03", "overnight", "the next 48 hours",
         "week-long", "recent", "winter", "last week", "a year earlier", "yesterday", "tomorrow",
         "3 p.m. EST", "every Monday", "the 1990s", "Q3", "mid-March", "since 1998", "until Friday",
         "said", "struck", "will meet", "had agreed", "talks", "Kyiv", "Rutte", "32", "1,100", "$15 billion",
         "-20°C", "60%", "the second round", "Mr.", "U.S.", "\n", "\n\n", ".", ",", ";", "—", '"', "(", ")",
         "🙂", "é", "e\u0301", "ﬁ", "ש", "\u200b", "\t", "   "]
news = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
texts = st.one_of(news, any_text, st.tuples(news, any_text).map("".join))
dcts = st.one_of(st.none(), st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)))


def _check_interval(iv) -> None:  # type: ignore[no-untyped-def]
    if iv is not None and iv.start is not None and iv.end is not None:
        assert iv.start <= iv.end


@given(texts, dcts)
def test_extraction_never_raises_and_offsets_are_inside_the_text(text, dct):
    doc = Document("d", text, dct=dct)
    timexes = extract(doc)
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        _check_interval(t.interval)
        _check_interval(t.envelope)
    assert extract(doc) == timexes


@given(texts, dcts)
@settings(max_examples=60)
def test_the_pipeline_never_raises_is_deterministic_and_round_trips(text, dct):
    doc = Document("d", text, dct=dct, source="S")
    tl = build_timeline([doc])
    for e in tl.events:
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
        _check_interval(e.envelope)
        if e.relative is not None and e.relative.start is not None and e.relative.end is not None:
            assert e.relative.start <= e.relative.end
    js = dumps(tl)
    assert dumps(build_timeline([doc])) == js
    again = loads(js)
    assert dumps(again) == js
    assert render_log(again) == render_log(tl)
    d = diff(again, again)
    assert not d.only_a and not d.only_b and all(p.status is DiffStatus.AGREE for p in d.matched)


@given(st.lists(st.tuples(texts, dcts), min_size=2, max_size=4))
@settings(max_examples=25)
def test_several_articles_never_raise_and_ranks_are_positive(pairs):
    docs = [Document(f"d{i}", t, dct=d, source=f"S{i}") for i, (t, d) in enumerate(pairs)]
    tl = build_timeline(docs)
    assert all(e.rank >= 1 for e in tl.events)
    ids = {(e.doc, e.id) for e in tl.events}
    assert all((m.a_doc, m.a) in ids and (m.b_doc, m.b) in ids for m in tl.matches)


@given(texts.filter(lambda t: t.strip() != ""), st.sampled_from([None, "2026-02-03", "1999-12-31"]))
@settings(max_examples=15)
def test_the_command_line_exits_cleanly_on_any_text(tmp_path_factory, text, date):
    folder = tmp_path_factory.mktemp("cli")
    article = folder / "a.txt"
    article.write_text(text, encoding="utf-8")
    runner = CliRunner()
    extra = ["--date", date] if date else []
    for args in (["extract", str(article), *extra], ["build", str(article), "--out", str(folder / "o"), "-q", *extra]):
        res = runner.invoke(main_cli(), args)
        assert res.exit_code in (0, 2), (args, res.output, res.exception)
        assert "Traceback" not in res.output
        if res.exit_code == 2:
            assert res.output.strip().splitlines()[-1].startswith("timeline: error:")
    if (folder / "o" / "timeline.json").exists():
        js = str(folder / "o" / "timeline.json")
        assert runner.invoke(main_cli(), ["log", js]).exit_code == 0
        assert runner.invoke(main_cli(), ["render", js, "-o", str(folder / "x.png")]).exit_code == 0
        assert runner.invoke(main_cli(), ["diff", js, js]).exit_code == 0  # agrees with itself


def main_cli():  # type: ignore[no-untyped-def]
    from timeline.cli import main

    return main


def test_offsets_never_cut_a_character_in_combining_text():
    text = "Rutte arrived on Tue\u0301sday, Febr\u00fcary 3, 2026 — 🙂 overnight strikes."
    for t in extract(Document("d", text, dct=datetime(2026, 2, 3))):
        assert text[t.start:t.end] == t.text


