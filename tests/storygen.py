"""A synthetic news story: many articles from several outlets over some weeks (deterministic).

Twelve happenings take place on known days; every article, published on one day, reports what
happened that day and the day before ("on Tuesday"), recalls two earlier key happenings by
their full date ("On March 4, ..."), adds background and quotes, and ends with its outlet's
page furniture (the same sign-off on every page). One article in forty recalls a founding
date ("founded in 1886"), a stray date far from the story. Used by the tests (a few hundred
articles) and by benchmarks/story_cost.py (2,000).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

OUTLETS = ("Reuters", "BBC", "The Guardian", "AP", "Al Jazeera", "CNN", "Le Monde", "NHK", "Der Spiegel",
           "El País", "ABC News", "The Hindu")
START = datetime(2026, 3, 2)
# (day of the story, how outlets tell it: three wordings, the second with "on WEEKDAY")
HAPPENINGS = (
    (0, ("A 6.8-magnitude earthquake struck the coastal city of Porto Verde",
         "the earthquake struck Porto Verde on {weekday}", "Porto Verde was hit by a strong earthquake")),
    (1, ("Rescue teams pulled 40 survivors from collapsed buildings",
         "rescuers pulled 40 survivors from the rubble on {weekday}", "Forty survivors were rescued from collapsed buildings")),
    (2, ("The government declared a state of emergency in the province",
         "the government declared a state of emergency on {weekday}", "A state of emergency was declared by the government")),
    (4, ("The United Nations launched an appeal for 300 million dollars",
         "the United Nations launched an aid appeal on {weekday}", "A UN appeal for 300 million dollars was launched")),
    (6, ("A powerful aftershock damaged the main bridge of Porto Verde",
         "an aftershock damaged the bridge on {weekday}", "The main bridge was damaged by a strong aftershock")),
    (9, ("Interior minister Ana Duarte resigned over the slow response",
         "minister Ana Duarte resigned on {weekday}", "Ana Duarte quit as interior minister")),
    (11, ("The first field hospital opened near the port",
          "a field hospital opened near the port on {weekday}", "Doctors opened the first field hospital")),
    (14, ("Protesters marched on parliament demanding faster aid",
          "thousands of protesters marched on parliament on {weekday}", "A march on parliament demanded faster aid")),
    (17, ("Parliament approved a reconstruction fund of 2 billion",
          "parliament approved the reconstruction fund on {weekday}", "A reconstruction fund was approved by parliament")),
    (21, ("The airport of Porto Verde reopened to commercial flights",
          "the airport reopened on {weekday}", "Commercial flights resumed at the reopened airport")),
    (24, ("Schools reopened in the undamaged districts",
          "schools reopened in the districts on {weekday}", "Children returned as schools reopened")),
    (27, ("Investigators blamed weak building codes for the collapses",
          "investigators blamed the building codes on {weekday}", "A report blamed weak building codes")),
)
FILLER = ("Residents described long queues for water and fuel.", "Aid agencies warned that supplies remained short.",
          "Officials said the toll could still rise.", "Engineers inspected damaged homes in the old town.",
          "Volunteers handed out blankets at the stadium.", "Traffic remained heavy on the coastal road.",
          "Markets reopened slowly in the northern districts.", "Local radio broadcast lists of missing people.")
DAYS = 30


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    outlet: str
    published: datetime
    text: str


def _weekday(d: datetime) -> str:
    return f"{d:%A}"


LEADS = ("", "Officials said ", "Witnesses said ", "According to local media, ", "Police said ")
RECAPS = ("On {date}, {what}.", "{What} on {date}, officials recalled.", "It was on {date} that {what}.",
          "{What} on {date}, according to earlier reports.")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def story(n: int, seed: int = 7) -> list[Article]:
    """`n` articles over DAYS days from up to twelve outlets, more of them early in the story."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = min(int(rnd.expovariate(1 / 8)), DAYS - 1)
        published = START + timedelta(days=day)
        outlet = OUTLETS[min(int(rnd.expovariate(1 / 3)), len(OUTLETS) - 1)]
        lines = []
        for when, words in (h for h in HAPPENINGS if h[0] in (day, day - 1)):
            told = words[1].format(weekday=_weekday(START + timedelta(days=when)))
            lines.append(_cap(f"{rnd.choice(LEADS)}{told}."))
        earlier = [h for h in HAPPENINGS if h[0] < day - 1]
        for when, words in rnd.sample(earlier, min(2, len(earlier))):
            d = START + timedelta(days=when)
            told = words[rnd.choice((0, 2))]
            what = told[0].lower() + told[1:]
            lines.append(_cap(rnd.choice(RECAPS).format(date=f"{d:%B} {d.day}", what=what, What=_cap(what))))
        lines += rnd.sample(FILLER, 3)
        if i % 40 == 7:
            lines.append("The city's oldest newspaper was founded in 1886.")
        lines.append(f'"We are still counting the damage," a spokesman told {outlet} on {_weekday(published)}.')
        body = " ".join(lines)
        foot = f"Follow {outlet} for live updates on this story. Copyright {outlet}, all rights reserved."
        text = f"Source: {outlet}\nDate: {published:%Y-%m-%d}\n\n{body}\n\n{foot}\n"
        out.append(Article(f"{published:%Y-%m-%d}_{i:04d}", outlet, published, text))
    return out


def write_story(folder: Path, n: int, seed: int = 7) -> list[Article]:
    """The story's articles as text files with headers in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    arts = story(n, seed)
    for a in arts:
        (folder / f"{a.name}.txt").write_text(a.text, encoding="utf-8")
    return arts


if __name__ == "__main__":  # python tests/storygen.py FOLDER [N]: write a story of N articles
    import sys

    write_story(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300)
