"""Diffing two accounts of one story, happening by happening: what a user of `timeline diff`
sees (the seeds, weak matches refused, a shift of dates, sides named by their outlets, a
large diff that stays readable), the properties (diff(a, a) is empty, diff(b, a) mirrors
diff(a, b)), the formats and the chart."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from click.testing import CliRunner

from timeline.cli import main
from timeline.model import DiffStatus, Document
from timeline.pipeline import build_timeline
from timeline.story.diff import compare, diff

from conftest import SEED_DATED, SEED_UNDATED, SEEDS

STORY = ("Russia struck Kyiv overnight with 30 missiles. NATO's chief arrived in Kyiv on Tuesday and "
         "visited a damaged power plant. Peace talks will resume next week in Abu Dhabi.")


def timeline(text: str, dct: datetime, doc: str = "a", source: str | None = None):
    return build_timeline([Document(doc, text, dct=dct, source=source or doc)])


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _seed(name: str) -> str:
    return str(SEEDS / f"{name}.txt")


def _section(text: str, title: str) -> str:
    """The lines of one section of the text report."""
    start = text.index(f"== {title}")
    end = text.find("\n== ", start + 1)
    return text[start:end if end != -1 else len(text)]


# ----------------------------------------------------------------------------- what a user sees

def test_the_seed_diff_names_the_sides_and_tells_what_both_and_each_report(tmp_path):
    png = tmp_path / "diff.png"
    r = _run("diff", _seed(SEED_UNDATED), _seed(SEED_DATED), "--png", str(png))
    assert r.exit_code == 1  # they differ
    assert "inferred 2026-02-03" in r.stderr  # the undated article is dated from the other
    out = r.stdout
    lines = out.splitlines()
    # the sides: the one without an outlet by its title, the other by its outlet, with their dates
    assert lines[0].startswith("A: “NATO Chief Questions Putin's Peace Intent After Kyiv Energy Plant Attack” "
                               "(outlet unknown), Tue 3 Feb 2026 (inferred")
    assert lines[1].startswith("B: NextFin News, Tue 3 Feb 2026 (dateline)")
    assert "Both report 2 (2 agree on the date, 0 moved, 0 in conflict)" in lines[2]
    # the differences come first, agreement last
    assert out.index("== What only") < out.index("== Both report")
    both = _section(out, "Both report")
    assert "overnight bombardment" in both and "Overnight Russian assault" in both  # each side's words
    assert "Mon 2 Feb 2026, night" in both and "both say: Kyiv, overnight, Russian" in both
    assert "Mark Rutte arrived in Kyiv" in both and "both say: NATO, Rutte" in both
    only_b = _section(out, "What only NextFin News reports")
    assert "Trilateral peace negotiations in Abu Dhabi" in only_b
    assert "4–5 Feb 2026" in only_b and "Strikes cut power to 60% of consumers" in only_b
    only_a = _section(out, "What only “NATO Chief Questions Putin's…” reports")
    assert "raises humanitarian concerns" in only_a
    # "peace negotiations" in general are not the Abu Dhabi talks because both use the word "talks"
    assert "Entering the Abu Dhabi talks" not in both
    assert "== Dated differently: none (the 2 happenings both report agree on the date)" in out
    assert "(Each section lists" not in out  # a short diff is listed whole
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_injured_17_others_is_not_injured_180():
    """The issue's weak match: one verb, numbers that contradict."""
    text = "A suicide bomber killed 12 people at a checkpoint in Baghdad on Monday and injured {}, police said."
    a = timeline(text.format("17 others"), datetime(2026, 2, 3), "r", "Reuters")
    b = timeline(text.format("180"), datetime(2026, 2, 3), "p", "AP")
    d = diff(a, b)
    assert [x.a.label for x in d.matched] == ["Suicide bomber killed 12 people at a checkpoint in Baghdad"]
    assert [x.a.label for x in d.only_a] == ["Suicide bomber injured 17 others"]
    assert [x.b.label for x in d.only_b] == ["Suicide bomber injured 180"]
    # and the story of both keeps them apart ("injured 180" is bare, and a bare mention of a
    # day used to join the happening of its kind that day whatever its numbers)
    both = build_timeline(list(a.documents + b.documents))
    assert {h.label for h in both.happenings if h.articles == 1} == {"Suicide bomber injured 17 others",
                                                                    "Suicide bomber injured 180"}


def test_a_shared_verb_alone_is_no_match():
    a = timeline("Officials said on Monday that it came as a surprise.", datetime(2026, 2, 3), "a")
    b = timeline("Hayden Henshaw came down with a new strain of flu on Monday.", datetime(2026, 2, 3), "b")
    d = diff(a, b)
    assert not d.matched


def test_a_constant_shift_of_one_side_shows_every_happening_as_moved_by_it():
    a = timeline(STORY, datetime(2026, 2, 3), "a")
    b = timeline(STORY, datetime(2026, 2, 10), "b")  # the same text, published a week later
    d = diff(a, b)
    assert len(d.entries) >= 3 and not d.only_a and not d.only_b
    assert all(x.status is DiffStatus.MOVED and x.gap == timedelta(days=7) for x in d.entries)
    r = _run("diff", *_json_pair(a, b))
    assert r.exit_code == 1
    moved = _section(r.stdout, "Dated differently")
    assert "Mon 2 Feb 2026, night" in moved and "Mon 9 Feb 2026, night" in moved
    assert "1 week later in b" in moved


def _json_pair(a, b, tmp=None):
    import tempfile
    from pathlib import Path

    from timeline.formats.codec import dumps

    folder = Path(tmp or tempfile.mkdtemp())
    (folder / "a.json").write_text(dumps(a))
    (folder / "b.json").write_text(dumps(b))
    return str(folder / "a.json"), str(folder / "b.json")


def test_dates_assumed_from_two_publication_days_do_not_differ():
    text = "Health officials in Geneva say the new flu virus is not changing and remains mild in Mexico."
    a = timeline(text, datetime(2009, 6, 15), "a")
    b = timeline(text + " Officials in Mexico agree.", datetime(2009, 6, 16), "b")
    tl = build_timeline(list(a.documents + b.documents))
    assert len([h for h in tl.happenings if h.articles == 2]) == 0  # the story keeps them apart (by date)
    d = diff(a, b)
    assert not d.dated_differently  # neither states a date: no difference of dates


def test_times_that_meet_agree_and_times_apart_moved_or_conflict():
    day = 739650.0  # (days since year 1)
    assert compare((day, day + 1), (day, day + 1)) == (DiffStatus.AGREE, None)
    assert compare((None, day + 1), (day, day + 1))[0] is DiffStatus.AGREE  # one is more precise
    assert compare((day - 0.25, day + 0.33), (day, day + 1))[0] is DiffStatus.AGREE  # overnight / Tuesday
    assert compare((None, None), (None, None))[0] is DiffStatus.AGREE  # neither dates it
    assert compare((day, day + 1), (day + 2, day + 3)) == (DiffStatus.MOVED, 2.0)
    assert compare((None, day), (None, day + 3))[0] is DiffStatus.AGREE  # on or before Mon / on or before Thu
    assert compare((day + 9, None), (day, day + 1)) == (DiffStatus.CONFLICT, None)  # open the other way


def test_a_timeline_does_not_differ_from_itself():
    a = timeline(STORY, datetime(2026, 2, 3))
    d = diff(a, a)
    assert d.same and not d.only_a and not d.only_b and not d.dated_differently
    assert d.entries and all(x.status is DiffStatus.AGREE for x in d.entries)


def test_a_timeline_of_mentions_without_words_does_not_differ_from_itself():
    """"It came." has no word but its verb: on both sides it is the same mention of one article."""
    a = timeline("It came. They went. Russia struck Kyiv overnight.", datetime(2026, 2, 3))
    assert any(not (set(e.label.lower().split()) - {"it", "came", "they", "went"}) for e in a.events)
    d = diff(a, a)
    assert d.same and not d.only_a and not d.only_b


def test_a_timeline_of_several_articles_does_not_differ_from_itself():
    """Event ids repeat from one article to the next ("e1" in each); an undated article too."""
    docs = [Document(f"d{i}", STORY.replace("30", str(30 + i)), dct=datetime(2026, 2, 3 + i), source=f"s{i}")
            for i in range(4)]
    docs.append(Document("undated", "Officials said the plant was destroyed. Repairs began.", source="u"))
    tl = build_timeline(docs, infer=False)
    assert len({e.id for e in tl.events}) < len(tl.events)  # the case in point: ids repeat
    d = diff(tl, tl)
    assert d.same and not d.only_a and not d.only_b
    assert all(x.a == x.b for x in d.entries)  # each side's account is the same


def test_diff_b_a_mirrors_diff_a_b():
    a = timeline(STORY, datetime(2026, 2, 3), "a")
    b = timeline(STORY.replace("30 missiles", "dozens of drones").replace("next week", "on Friday"),
                 datetime(2026, 2, 4), "b")
    ab, ba = diff(a, b), diff(b, a)
    mirror = {DiffStatus.ONLY_A: DiffStatus.ONLY_B, DiffStatus.ONLY_B: DiffStatus.ONLY_A}
    assert ab.dated_differently  # (something to mirror)
    assert [(x.rank, x.label, mirror.get(x.status, x.status), -x.gap if x.gap else None, x.b, x.a)
            for x in ab.entries] == [(x.rank, x.label, x.status, x.gap, x.a, x.b) for x in ba.entries]
    assert (ab.a.name, ab.b.name) == (ba.b.name, ba.a.name)


def test_timelines_whose_document_ids_collide_are_told_apart():
    a = timeline(STORY, datetime(2026, 2, 3), "article")
    b = timeline(STORY, datetime(2026, 2, 10), "article")  # another article with the same id
    d = diff(a, b)
    assert d.a.documents[0].id != d.b.documents[0].id
    assert d.entries and all(x.status is DiffStatus.MOVED for x in d.entries)


def _outlet_folders(tmp_path, n: int = 3):
    """Two folders of articles, one per outlet: both report the quake; each its own aftershock."""
    for outlet, extra in (("BBC", "A school collapsed in Antakya on Tuesday, burying {} pupils."),
                          ("Reuters", "Rescuers pulled {} girls from the rubble in Hatay on Wednesday.")):
        folder = tmp_path / outlet.lower()
        folder.mkdir()
        for i in range(n):
            (folder / f"2023-02-0{7 + i}_{outlet.lower()}_{i}.txt").write_text(
                f"Source: {outlet}\nDate: 2023-02-0{7 + i}\n\nA powerful earthquake struck southern Turkey on Monday, "
                f"February 6, 2023, killing {1000 * (i + 2)} people. {extra.format(i + 5)}\n")
    return tmp_path / "bbc", tmp_path / "reuters"


def test_sides_are_named_by_their_outlets(tmp_path):
    bbc, reuters = _outlet_folders(tmp_path)
    r = _run("diff", str(bbc), str(reuters))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0] == "A: BBC: 3 articles, published Tue 7 Feb 2023 – Thu 9 Feb 2023"
    assert lines[1] == "B: Reuters: 3 articles, published Tue 7 Feb 2023 – Thu 9 Feb 2023"
    assert "== What only BBC reports" in r.stdout and "== What only Reuters reports" in r.stdout
    assert "school collapsed" in _section(r.stdout, "What only BBC reports").lower()
    assert "earthquake" in _section(r.stdout, "Both report").lower()


def test_an_article_both_sides_hold_counts_for_both(tmp_path):
    r = _run("diff", str(SEEDS), str(SEEDS))
    assert r.exit_code == 0, r.stdout
    assert "No differences" in r.stdout


def test_a_large_diff_leads_with_the_differences_and_stays_bounded(tmp_path):
    """Two outlets of 30 articles each, each article with its own happenings: the report is a
    first screen and a bounded number of lines; --all lists everything."""
    places = ["Adana", "Hatay", "Gaziantep", "Malatya", "Osmaniye", "Kilis", "Adiyaman", "Diyarbakir", "Elazig",
              "Sanliurfa", "Kahramanmaras", "Iskenderun", "Antakya", "Nurdagi", "Islahiye"]
    for outlet, shift in (("BBC", 0), ("Reuters", 7)):
        folder = tmp_path / outlet.lower()
        folder.mkdir()
        for i in range(30):
            place = places[(i + shift) % len(places)]
            (folder / f"{outlet.lower()}_{i:02d}.txt").write_text(
                f"Source: {outlet}\nDate: 2023-02-{10 + i % 15:02d}\n\nA powerful earthquake struck southern Turkey "
                f"on Monday, February 6, 2023. Rescuers from {outlet} team {i} pulled {i + 2 + shift * 10} survivors "
                f"from a building in {place} on Thursday. The {outlet} bureau {i} opened a shelter for "
                f"{i + 40 + shift * 10} families in {place} on Friday.\n")
    r = _run("diff", str(tmp_path / "bbc"), str(tmp_path / "reuters"))
    assert r.exit_code == 1
    out = r.stdout
    lines = out.splitlines()
    assert len(lines) <= 100
    assert lines[3] == "" and lines[4].startswith("== What only BBC reports (top 10 of ")
    assert out.index("== What only BBC") < out.index("== What only Reuters")
    assert "--all every happening" in lines[-1]
    everything = _run("diff", str(tmp_path / "bbc"), str(tmp_path / "reuters"), "--all").stdout
    n_only = int(lines[4].split(" of ")[1].split(",")[0])
    assert len(everything.splitlines()) > len(lines) and n_only > 10
    assert len(_section(everything, "What only BBC reports").splitlines()) == n_only + 1
    top3 = _run("diff", str(tmp_path / "bbc"), str(tmp_path / "reuters"), "--top", "3").stdout
    assert len(_section(top3, "What only BBC reports").splitlines()) == 4


# ----------------------------------------------------------------------------- formats

def test_diff_json_lists_every_happening_with_each_side(tmp_path):
    r = _run("diff", _seed(SEED_UNDATED), _seed(SEED_DATED), "--format", "json")
    data = json.loads(r.stdout)
    assert data["schema"] == "timeline-diff/2"
    assert data["a"]["documents"][0]["dct_source"] == "inferred"
    assert data["b"]["name"] == "NextFin News"
    assert data["counts"]["both"] == 2 and data["counts"]["only_b"] >= 10
    happenings = data["happenings"]
    assert [h["rank"] for h in happenings] == sorted(h["rank"] for h in happenings)
    assert {h["status"] for h in happenings} <= {"agree", "moved", "conflict", "only_a", "only_b"}
    first = happenings[0]
    assert first["status"] == "agree" and first["a"]["earliest"] == "2026-02-02T18:00"
    assert first["b"]["outlets"] == ["NextFin News"] and first["b"]["mentions"][0]["doc"] == SEED_DATED
    only_b = next(h for h in happenings if h["status"] == "only_b")
    assert only_b["a"] is None and only_b["b"]["label"]


def test_diff_of_a_timeline_json_with_itself_exits_0(tmp_path):
    _run("build", _seed(SEED_DATED), "--out", str(tmp_path))
    j = str(tmp_path / "timeline.json")
    r = _run("diff", j, j, "--format", "md")
    assert r.exit_code == 0 and r.stdout.startswith("# Timeline diff")
    assert "## Both report, agreeing on the date" in r.stdout


def test_diff_with_a_corrupt_json_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    r = _run("diff", str(bad), _seed(SEED_DATED))
    assert r.exit_code == 2 and "timeline: error:" in r.stderr


# ----------------------------------------------------------------------------- the chart

def _labels(fig):
    return [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]


def test_the_diff_chart_draws_the_top_differences_first_and_stays_within_its_height(monkeypatch):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from timeline.render import diffchart

    a = build_timeline([Document(f"a{i}", f"{STORY} Rescuers in Kharkiv found {i + 3} survivors on Monday.",
                                 dct=datetime(2026, 2, 3), source="Kyiv Post") for i in range(5)])
    b = build_timeline([Document("b", STORY.replace("next week", "on Friday"), dct=datetime(2026, 2, 10),
                                 source="Reuters")])
    d = diff(a, b)
    assert d.dated_differently and d.only_a
    fig = diffchart.render_diff(d)
    FigureCanvasAgg(fig).draw()
    labels = _labels(fig)
    assert labels[0].startswith("Dated differently")  # the differences lead
    assert fig.get_size_inches()[1] * fig.dpi <= 2600
    assert fig._suptitle.get_text() == "How Reuters (B) differs from Kyiv Post (A)"
    monkeypatch.setattr(diffchart, "MAX_ROWS", 2)
    fig = diffchart.render_diff(d)
    FigureCanvasAgg(fig).draw()
    rows = [t for t in _labels(fig) if t.startswith("#")]
    assert len(rows) == 2
    headings = [t for t in _labels(fig) if not t.startswith("#")]
    assert headings[0].startswith("Dated differently") and headings[1].startswith("Only Kyiv Post")
    assert "happenings drawn: the top differences" in fig.legends[0].get_title().get_text()


def test_the_diff_chart_of_many_differences_is_at_most_2600_px_tall_and_its_labels_do_not_overlap():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from timeline.render import diffchart

    docs = [Document(f"a{i}", f"Rescuers in Town{i} found {i + 3} survivors of the storm on Monday.",
                     dct=datetime(2026, 2, 3), source="A") for i in range(60)]
    docs += [Document(f"b{i}", f"Engineers in City{i} restored power to {i + 100} homes on Friday.",
                      dct=datetime(2026, 2, 10), source="B") for i in range(60)]
    tl = build_timeline(docs)
    from timeline.story.diff import diff_within

    d = diff_within(tl, [f"a{i}" for i in range(60)], [f"b{i}" for i in range(60)])
    assert len(d.only_a) >= 40 and len(d.only_b) >= 40
    fig = diffchart.render_diff(d)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    assert fig.get_size_inches()[1] * fig.dpi <= 2600
    renderer = canvas.get_renderer()
    for axis in fig.axes[:2]:  # the labels on the left and the times on the right
        boxes = [t.get_window_extent(renderer) for t in axis.get_yticklabels() if t.get_text()]
        assert all(b1.y0 >= b2.y1 - 0.5 or b2.y0 >= b1.y1 - 0.5 for b1, b2 in zip(boxes, boxes[1:]))
        width, _ = fig.get_size_inches() * fig.dpi
        assert all(b.x0 >= 0 and b.x1 <= width for b in boxes)  # none cut off at the edges


def test_a_side_dated_only_by_tense_needs_more_than_one_word_in_common():
    """A story may join "held an emergency meeting in Brussels on Thursday" to a later
    article's "the new virus dominated their meeting" (on or before its day: that meets any
    earlier day). One shared word does not make it one happening of both accounts; several do."""
    from dataclasses import replace

    from timeline.model import EventRef
    from timeline.story.diff import diff_story

    a = Document("a", "European health ministers held an emergency meeting in Brussels on Thursday.",
                 dct=datetime(2026, 2, 6), source="A")
    found = {}
    for text in ("The new virus dominated their meeting.", "Health ministers from Europe held their emergency meeting."):
        tl = build_timeline([a, Document("b", text, dct=datetime(2026, 2, 20), source="B")])
        ea = next(e for e in tl.events if e.doc == "a" and e.salient)
        eb = next(e for e in tl.events if e.doc == "b" and e.salient)
        h = next(h for h in tl.happenings if EventRef("a", ea.id) in h.mentions)
        joined = replace(h, mentions=(EventRef("a", ea.id), EventRef("b", eb.id)), articles=2)
        rest = tuple(x for x in tl.happenings if x.id != h.id and EventRef("b", eb.id) not in x.mentions)
        found[text] = diff_story(replace(tl, happenings=(joined, *rest)), {"a": frozenset("a"), "b": frozenset("b")})
    weak, strong = found.values()
    assert not weak.matched and len(weak.only_a) == 1 and len(weak.only_b) == 1
    assert len(strong.matched) == 1 and strong.matched[0].status is DiffStatus.AGREE


def test_each_side_wears_the_label_of_the_happening_when_it_reports_it():
    """A side's account is shown by the label that names the happening when one of its mentions
    gives it, not by whichever of its mentions came first ("Diagnosed with the H1N1 virus" for
    "Five pupils were diagnosed")."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from storygen import story

    from timeline.pipeline import diff_articles

    arts = story(120)

    def side(outlet: str) -> list[Document]:
        return [Document(f"{outlet}{i}", a.text, dct=a.published, source=outlet)
                for i, a in enumerate(arts) if a.outlet == outlet]

    d = diff_articles(side("Reuters"), side("BBC"))
    accounts = [(x, acc) for x in d.entries for acc in (x.a, x.b) if acc is not None]
    carrying = [(x, acc) for x, acc in accounts if any(m.label == x.happening.label for m in acc.mentions)]
    assert len(carrying) >= 10
    assert all(acc.label == x.happening.label for x, acc in carrying)


def test_both_say_gives_the_numbers_both_sides_give_as_a_reader_says_them():
    """"both say" had listed the matcher's features ("#5 @level") where both sides give the
    same level; it says "level 5", and a count as its number and word."""
    a = timeline("The World Health Organization raised its pandemic alert to phase five on Wednesday, "
                 "after 40 survivors were counted.", datetime(2009, 4, 30), "r", "Reuters")
    b = timeline("The World Health Organization raised its pandemic alert level to 5 on Wednesday, "
                 "after 40 survivors were counted.", datetime(2009, 4, 30), "p", "BBC")
    said = [w for x in diff(a, b).matched for w in x.shared]
    assert "level 5" in said and "40 survivors" in said and not any(w.startswith("#") or "@" in w for w in said)



def _near_pair(one: str, others: list[str], both: str):
    """A diff of BBC's articles (`one`, told by both sides; `others`, told by BBC alone) and
    Reuters' one (`both`), all published on Wednesday 29 April 2009."""
    from timeline.pipeline import diff_articles

    day = datetime(2009, 4, 29)
    return diff_articles([Document("a1", one, dct=day, source="BBC")]
                         + [Document(f"a{i + 2}", t, dct=day, source="BBC") for i, t in enumerate(others)],
                         [Document("b1", both, dct=day, source="Reuters")])


def test_one_sides_other_date_for_a_happening_both_report_is_dated_differently_not_only_its_own():
    """Two BBC articles date the WHO's raise of its alert "late on Tuesday"; BBC's third and
    Reuters' date it Monday. The Tuesday reports are BBC's other date for the raise both
    report: dated differently, with both dates, not "only BBC reports". The counts line and
    the sections agree."""
    from timeline.render.diffreport import counts

    d = _near_pair("The World Health Organization raised its pandemic alert level to phase four on Monday, "
                   "two steps short of declaring a pandemic.",
                   ["The World Health Organization raised its pandemic alert level to phase four late on Tuesday, "
                    "officials in Geneva said.",
                    "The World Health Organization raised its pandemic alert level to phase four late on Tuesday, "
                    "two steps short of a pandemic."],
                   "The World Health Organization raised its pandemic alert level to phase four on Monday "
                   "after an emergency meeting in Geneva.")
    assert not d.only_a and not d.only_b
    moved = [x for x in d.entries if x.status is DiffStatus.MOVED]
    assert len(moved) == 1 and moved[0].joined is not None
    assert moved[0].a.envelope.start == datetime(2009, 4, 28, 16) and moved[0].b.envelope.start == datetime(2009, 4, 27)
    assert [x.status for x in d.entries if x is not moved[0]] == [DiffStatus.AGREE]
    assert counts(d).startswith("BBC tells 2 happenings, Reuters 2. Both report 2 (1 agree on the date, 1 moved")


def test_another_death_or_another_raid_a_day_later_stays_one_sides_own():
    """A like happening a day apart is as often another one: another victim, another raid with
    other arrests (numbers that contradict, in any mention)."""
    for one, others, both in (
            ("A 23-month-old boy died of swine flu in Texas on Monday.", ["A man died of swine flu in Texas on Tuesday."],
             "A 23-month-old boy died of swine flu in Texas on Monday, officials said."),
            ("Police raided a house in Leeds on Monday and arrested two men.",
             ["Police raided a house in Leeds on Tuesday and arrested three men.",
              "Police raided a house in Leeds on Tuesday and arrested three men, a spokesman said."],
             "Police raided a house in Leeds on Monday and arrested two men, officials said.")):
        d = _near_pair(one, others, both)
        assert not d.dated_differently, others[0]
        assert len(d.only_a) == 1 and "Tuesday" in d.only_a[0].a.mentions[0].sentence, others[0]
    a = timeline("A 23-month-old boy died of swine flu in Texas on Monday.", datetime(2009, 4, 29), "a", "BBC")
    b = timeline("A man died of swine flu in Texas on Tuesday.", datetime(2009, 4, 29), "b", "Reuters")
    assert not diff(a, b).dated_differently
