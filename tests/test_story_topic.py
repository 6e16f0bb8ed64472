"""Asides of another story (a sidebar, a news-in-brief column) rank below the story's own news."""
from __future__ import annotations

from timeline.pipeline import build_timeline, read_documents
from timeline.rules import load_toml


def test_an_aside_whose_words_are_not_the_story_s_ranks_below_the_story_s_news(tmp_path):
    """Of two happenings one article reports on one day, in its lead, and that name no one (so
    that the story's names cannot tell them apart), the one told in the story's words (flu,
    virus, cases, schools) outranks the one told in another story's (investors, bonds)."""
    flu = "Doctors confirmed more cases of the swine flu virus and schools closed as the outbreak spread"
    for day in (13, 14, 15, 16):
        (tmp_path / f"{day}.txt").write_text(f"Source: BBC\nDate: 2009-05-{day}\n\n{flu} on day {day}.\n",
                                             encoding="utf-8")
    (tmp_path / "17.txt").write_text(
        "Source: BBC\nDate: 2009-05-19\n\nOn Monday, nervous investors sold government bonds as yields climbed. "
        "On Monday, doctors confirmed new cases of the swine flu virus at two schools.\n", encoding="utf-8")
    tl = build_timeline(read_documents(sorted(str(p) for p in tmp_path.iterdir())))
    cases = next(h for h in tl.happenings if h.articles == 1 and "virus" in h.label)
    bonds = next(h for h in tl.happenings if "bonds" in h.label)
    assert cases.precision == bonds.precision and cases.envelope == bonds.envelope
    assert dict(bonds.signals)["off_topic"] > 0.5 and dict(cases.signals)["off_topic"] == 0
    assert cases.rank < bonds.rank
    assert load_toml("story.toml")["rank"]["off_topic"] < 0  # (a penalty)


def test_a_story_of_one_or_two_articles_has_no_asides(tmp_path):
    (tmp_path / "a.txt").write_text("Source: BBC\nDate: 2009-05-19\n\nOn Monday, nervous investors sold government "
                                    "bonds as yields climbed.\n", encoding="utf-8")
    tl = build_timeline(read_documents([str(tmp_path / "a.txt")]))
    assert tl.happenings and all(dict(h.signals)["off_topic"] == 0 for h in tl.happenings)


ASIDES = (
    ("2026-03-12", "The Guardian", "Streaming services are reshaping the music industry, and record labels "
     "signed new licensing deals with online radio stations on Tuesday. Vinyl sales rose for a fifth year "
     "as collectors paid more for albums."),
    ("2026-03-19", "Reuters", "Corn futures fell sharply in Chicago on Wednesday as grain traders waited for "
     "the weekly crop report. Soybean prices rose after dry weather slowed planting across the plains."),
)


def _story_with_asides(tmp_path, n: int):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from storygen import write_story

    write_story(tmp_path, n)
    for k, (day, outlet, text) in enumerate(ASIDES):
        (tmp_path / f"zz_aside_{k}.txt").write_text(f"Source: {outlet}\nDate: {day}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "zz_brief.txt").write_text("Source: AP\nDate: 2026-03-20\n\nSchools reopened in the undamaged "
                                           "districts of Porto Verde on Friday.\n", encoding="utf-8")
    return build_timeline(read_documents(sorted(str(p) for p in tmp_path.iterdir())))


def test_what_only_articles_about_something_else_report_is_set_apart_in_the_log(tmp_path):
    """A folder of a story's coverage holds pages of other subjects (a blog on the music
    industry, a grain market report): their happenings are flagged (`off_story`), rank below
    the story's, and the log lists them after all of the story's own, saying how many articles
    they come from; a one-line dispatch of the story is the story's."""
    from timeline.render.log import render_log

    tl = _story_with_asides(tmp_path, 40)
    aside_docs = {"zz_aside_0", "zz_aside_1"}
    off = {h.id for h in tl.happenings if dict(h.signals)["off_story"] >= 1}
    assert off and all({m.doc for m in h.mentions} <= aside_docs for h in tl.happenings if h.id in off)
    assert all(dict(h.signals)["off_story"] == 0 for h in tl.happenings if {m.doc for m in h.mentions} - aside_docs)
    log = render_log(tl)
    assert "\n2 articles say little of the story" in log
    chronology, _, asides = log.partition("== Off the story")
    assert "Corn futures fell" in asides and "Corn futures fell" not in chronology
    assert "music industry" not in chronology.lower()
    assert "Schools reopened" in chronology


def test_a_story_of_few_articles_sets_no_article_apart(tmp_path):
    tl = _story_with_asides(tmp_path, 8)  # (11 articles: too few to tell the story's words)
    assert all(dict(h.signals)["off_story"] == 0 for h in tl.happenings)
