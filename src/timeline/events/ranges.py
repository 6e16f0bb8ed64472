"""Two times that bound one stretch, "from 1 November 2004 to 12 March 2005", "between 1 and
5 March": an event either dates is dated by both, during the stretch they bound (pure). TimeBank
tags the two ends as two times, so each alone would date the event to one end: "from 1
November 2004 to 12 March 2005 there were 3,306 attacks" is no attack count of 12 March."""
from __future__ import annotations

import re
from typing import Sequence

from ..model import Interval, RelInterval, Timex

_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_JOINS = {"from": re.compile(r"\s+(?:to|until|till|through|thru)\s+$", re.IGNORECASE),
          "between": re.compile(r"\s+and\s+$", re.IGNORECASE)}


def stretch(text: str, timexes: Sequence[Timex], t: Timex) -> tuple[Timex, Timex] | None:
    """The two ends of the stretch time `t` is one end of, in text order, or None."""
    for k, u in enumerate(timexes):
        if u is not t:
            continue
        pairs = ([(timexes[k - 1], t)] if k else []) + ([(t, timexes[k + 1])] if k + 1 < len(timexes) else [])
        for first, last in pairs:
            if first.end > last.start or first.envelope is None or last.envelope is None:
                continue
            opened = _OPENS.search(text, max(0, first.start - 12), first.start)
            if opened is None or not _JOINS[opened.group(0).split()[0].lower()].fullmatch(
                    " " + text[first.end:last.start] + " "):
                continue
            if first.envelope.start is not None and last.envelope.end is not None \
                    and first.envelope.start < last.envelope.end:
                return first, last
    return None


def stretch_envelope(first: Timex, last: Timex) -> tuple[Interval | None, RelInterval | None]:
    """The envelope from the start of the first end to the end of the last."""
    env = Interval(first.envelope.start, last.envelope.end) if first.envelope and last.envelope else None
    rel = RelInterval(first.relative.start, last.relative.end) \
        if first.relative is not None and last.relative is not None else None
    return env, rel
