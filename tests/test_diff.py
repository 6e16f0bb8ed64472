"""Diffing two accounts of one story: properties, formats, the command line."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from click.testing import CliRunner

from timeline.cli import main
from timeline.story.diff import diff
from timeline.model import DiffStatus, Document
from timeline.pipeline import build_timeline

from conftest import SEED_DATED, SEED_UNDATED, SEEDS

STORY = ("Russia struck Kyiv overnight with 30 missiles. NATO's chief arrived in Kyiv on Tuesday and "
         "visited a damaged power plant. Peace talks will resume next week in Abu Dhabi.")


def timeline(text: str, dct: datetime, doc: str = "a"):
    return build_timeline([Document(doc, text, dct=dct, source=doc)])


def _key(d):
    return ({(p.a.id, p.b.id, p.status, p.gap) for p in d.matched},
            {e.id for e in d.only_a}, {e.id for e in d.only_b})


def test_a_timeline_does_not_differ_from_itself():
    a = timeline(STORY, datetime(2026, 2, 3))
    d = diff(a, a)
    assert d.same and not d.only_a and not d.only_b
    assert d.matched and all(p.status is DiffStatus.AGREE for p in d.matched)


def test_a_timeline_of_several_articles_does_not_differ_from_itself():
    """Event ids repeat from one article to the next ("e1" in each): a match must not use up
    the id of another article's entry, or most of a second article goes unmatched."""
    docs = [Document(f"d{i}", STORY.replace("30", str(30 + i)), dct=datetime(2026, 2, 3 + i), source=f"s{i}")
            for i in range(4)]
    docs.append(Document("undated", "Officials said the plant was destroyed. Repairs began.", source="u"))
    tl = build_timeline(docs, infer=False)
    assert len({e.id for e in tl.events}) < len(tl.events)  # the case in point: ids repeat
    d = diff(tl, tl)
    assert d.same and not d.only_a and not d.only_b
    assert all(p.a == p.b for p in d.matched)  # each entry matched with itself


def test_an_entry_that_neither_side_dates_agrees_and_one_that_only_one_dates_conflicts():
    from dataclasses import replace

    from timeline.story.diff import compare_times

    e = next(e for e in timeline(STORY, datetime(2026, 2, 3)).events if e.envelope is not None)
    undated = replace(e, envelope=None, relative=None)
    assert compare_times(undated, undated) == (DiffStatus.AGREE, None)
    assert compare_times(e, undated)[0] is DiffStatus.CONFLICT


def test_diff_compares_only_pairs_that_share_a_name_or_kind_and_stays_linear():
    from timeline.story.match import side_pairs

    def side(n: int, doc: str):
        docs = [Document(f"{doc}{i}", f"NATO's chief visited Kyiv on Tuesday, February {1 + i % 27}, 2026.",
                         dct=datetime(2026, 3, 1)) for i in range(n)]
        return [e for e in build_timeline(docs, infer=False).events if e.salient and e.same_as is None]

    small, large = (side(40, "a"), side(40, "b")), (side(400, "a"), side(400, "b"))
    n_small, n_large = len(side_pairs(*small)), len(side_pairs(*large))
    assert n_small == len(small[0]) * len(small[1])  # a small block: every pair
    assert n_large < 20 * n_small  # 10x the entries on each side, not 100x the pairs
    assert side_pairs(*large) == side_pairs(*large)  # the same order every time


def test_diff_b_a_mirrors_diff_a_b():
    a = timeline(STORY, datetime(2026, 2, 3), "a")
    b = timeline(STORY.replace("30 missiles", "dozens of drones").replace("next week", "on Friday"),
                 datetime(2026, 2, 4), "b")
    ab, ba = diff(a, b), diff(b, a)
    assert {(p.a.id, p.b.id, p.status, p.gap) for p in ab.matched} == \
        {(p.b.id, p.a.id, p.status, -p.gap if p.gap is not None else None) for p in ba.matched}
    assert {e.id for e in ab.only_a} == {e.id for e in ba.only_b}
    assert {e.id for e in ab.only_b} == {e.id for e in ba.only_a}


def test_a_constant_shift_shows_every_match_as_moved_by_it():
    a = timeline(STORY, datetime(2026, 2, 3), "a")
    b = timeline(STORY, datetime(2026, 2, 10), "b")  # the same text, published a week later
    d = diff(a, b)
    assert len(d.matched) >= 3 and not d.only_a and not d.only_b
    assert all(p.status is DiffStatus.MOVED and p.gap == timedelta(days=7) for p in d.matched)


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_seed_diff_pairs_the_strike_and_dates_the_undated_article(tmp_path):
    png = tmp_path / "diff.png"
    r = _run("diff", str(SEEDS / f"{SEED_UNDATED}.txt"), str(SEEDS / f"{SEED_DATED}.txt"), "--png", str(png))
    assert r.exit_code == 1  # they differ
    assert "inferred 2026-02-03" in r.stderr
    assert "overnight bombardment" in r.stdout and "Overnight Russian assault" in r.stdout
    assert "Only in B" in r.stdout
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_diff_json_format(tmp_path):
    r = _run("diff", str(SEEDS / f"{SEED_UNDATED}.txt"), str(SEEDS / f"{SEED_DATED}.txt"), "--format", "json")
    data = json.loads(r.stdout)
    assert data["schema"] == "timeline-diff/1"
    assert data["a"]["documents"][0]["dct_source"] == "inferred"
    assert data["matched"] and {m["status"] for m in data["matched"]} <= {"agree", "moved", "conflict"}
    assert all("label" in e and "earliest" in e for e in data["only_b"])


def test_diff_of_a_timeline_json_with_itself_exits_0(tmp_path):
    _run("build", str(SEEDS / f"{SEED_DATED}.txt"), "--out", str(tmp_path))
    j = str(tmp_path / "timeline.json")
    r = _run("diff", j, j, "--format", "md")
    assert r.exit_code == 0 and r.stdout.startswith("# Timeline diff")


def test_diff_with_a_corrupt_json_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    r = _run("diff", str(bad), str(SEEDS / f"{SEED_DATED}.txt"))
    assert r.exit_code == 2 and "timeline: error:" in r.stderr


def test_the_diff_chart_of_many_articles_draws_the_differences_first(monkeypatch):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from timeline.render import diffchart

    monkeypatch.setattr(diffchart, "MAX_ROWS", 4)
    a_docs = [Document(f"a{i}", f"{STORY} Report {i} of 5.", dct=datetime(2026, 2, 3), source=f"A{i}")
              for i in range(5)]  # (five articles: the same text five times would be one, counted once)
    a = build_timeline(a_docs)
    b = build_timeline([Document("b", STORY.replace("next week", "on Friday"), dct=datetime(2026, 2, 10),
                                 source="B")])
    d = diff(a, b)
    assert any(p.status is not DiffStatus.AGREE for p in d.matched)
    fig = diffchart.render_diff(d)
    FigureCanvasAgg(fig).draw()
    drawn = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert len(drawn) <= 4
    assert fig._suptitle.get_text() == "How B (B) differs from 5 articles (A)"
    assert "rows drawn, the differences first" in fig.legends[0].get_title().get_text()
    differing = {p.a.label for p in d.matched if p.status is not DiffStatus.AGREE}
    assert differing
    # the moved and conflicting happenings are drawn before any agreeing one
    assert differing <= set(drawn) if len(differing) <= 4 else set(drawn) <= differing
