"""Mentions that name a happening without reporting it, read from their sentence (pure).

A mention whose phrase is a name someone gave ("America's so-called trial of the century",
"2005 will be remembered as Tony Blair's Iraq election") or the other side of a comparison
("much more subdued than the Simpson trial", "The proceedings, like the Simpson trial, are
televised") tells no news of the happening: it stands beside another. A happening does not
wear such a mention's label while another mention gives one (`story.happenings.best_label`).
The words are data (rules/en/labels.toml [epithet]), with examples and negatives tests run.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..rules import load_toml

_NUMBERS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty a "
                     "hundred hundreds thousand thousands million millions dozens half".split())
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], int]:
    d = load_toml("labels.toml")["epithet"]
    low = lambda key: frozenset(w.lower() for w in d[key])  # noqa: E731
    return low("naming"), low("naming_verbs"), low("comparisons"), low("not_after"), int(d["reach"])


def epithet(sentence: str, trigger: str) -> bool:
    """Whether the trigger word of a mention is in a phrase that names a happening by an epithet
    or compares with it (see the module): within `reach` words before it, with no punctuation
    or verb of its own between, "so-called", a verb of naming and "as" ("remembered as"), or a
    word of comparison ("than", "like") that opens its phrase; or the trigger is that verb of
    naming, "as" after it."""
    if not sentence or not trigger:
        return False
    found = [m.start() for m in _trigger_pattern(trigger).finditer(sentence)]
    if len(found) != 1:
        return False
    naming, naming_verbs, comparisons, not_after, reach = _rules()
    after = _WORD.findall(sentence[found[0] + len(trigger):])[:1]
    if trigger.lower() in naming_verbs and [w.lower() for w in after] == ["as"]:
        return True  # (the naming is the mention: "2005 will be remembered | as the Iraq election")
    before = [w.lower() for w in _WORD.findall(sentence[:found[0]])]
    for k in range(len(before) - 1, max(len(before) - reach - 1, -1), -1):
        w = before[k]
        if w in naming:
            return True
        if w == "as" and k > 0 and before[k - 1] in naming_verbs:
            return True
        if w in comparisons:  # (not a verb's "like": "would like the trial to"; nor a quantity: "than ten people")
            after = before[k + 1] if k + 1 < len(before) else ""
            return not (k > 0 and before[k - 1] in not_after) and not (after[:1].isdigit() or after in _NUMBERS)
        if not re.match(r"[\w'’-]", w) or _verb(w):
            return False  # (a comma, a dash or a verb between: another phrase, a clause)
    return False


@lru_cache(maxsize=4096)
def _trigger_pattern(trigger: str) -> re.Pattern[str]:
    """The trigger as a word of its own (compiled once a word: re's own cache is overrun)."""
    return re.compile(rf"(?<![\w-]){re.escape(trigger)}(?![\w-])")


def _verb(word: str) -> bool:
    """A word that is a verb's form and none of a noun's phrase (an auxiliary, a past in "-ed", a
    verb the label lint knows)."""
    from .lint import lint_words

    w = lint_words()
    return word in w.finite_auxiliaries or word in w.verb_openers or (word.endswith("ed") and len(word) > 4) \
        or word in w.event_verbs
