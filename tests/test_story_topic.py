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
