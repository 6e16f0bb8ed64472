"""Whether a mention says a happening did not happen (pure): "there have been no deaths
outside Mexico", "it has not caused any deaths". Such a mention names the happening only to
deny it; it is no happening of the story (not salient). Rules: rules/en/events.toml [absence]."""
from __future__ import annotations

import re
from functools import cache

from ..rules import load_toml

REACH = 60  # characters before a noun that the patterns read


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_toml("events.toml")["absence"]["patterns"])


def absent(text: str, start: int) -> bool:
    """Do the words right before the happening noun at `start` deny it ("no deaths")?"""
    before = text[max(0, start - REACH):start]
    return any(p.search(before) for p in _patterns())
