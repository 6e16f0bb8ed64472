"""The name a personal pronoun stands for when the sentences parsed around it give none (pure).

Coreference (`syntax.coref`) reads the sentences parsed around an event: its own and the few
before it. A "he" or "she" whose name is further back ("Wyclef Jean ... [three sentences] ... In
the immediate aftermath of the earthquake, he tweeted") finds nothing there; it stands for the
nearest name before it in the article, within FAR_CHARS characters, that is a person's of its
gender: a name after a title ("Mr", "Dr", "President": rules/en/coref.toml [titles], which the
name goes without), or one whose first word is a first name of the lexicon ("Michael Jackson").
Not for "it" or "they" (a thing or a group of no name is as likely), nor when what the parsed
sentences found is a person named by a common noun ("the doctor ... he"): that one stays
unnamed.
"""
from __future__ import annotations

import re
from typing import Any

FAR_CHARS = 2000
_NAME = re.compile(r"\b([A-Z][a-z]+\.?)((?:\s+[A-Z][\w'’-]*[a-z][\w'’]*){1,3})")
_POSSESSIVE = re.compile(r"['’]s?$")


def far_name(text: str, end: int, gender: str, lex: dict[str, Any]) -> str | None:
    """The nearest person's name before offset `end` of `text` that fits `gender` ("m", "f"), or None."""
    from .lint import lint_words

    stops = lint_words().run_on_openers | {"I", "You"}  # (a sentence that opens after a name: "Jackson The ...")
    best = None
    for m in _NAME.finditer(text, max(0, end - FAR_CHARS), end):
        first, rest = m.group(1), m.group(2).split()
        kept: list[str] = []
        for word in rest:
            if word in stops:
                break
            kept.append(word)
            if _POSSESSIVE.search(word):  # ("Michael Jackson's doctor": the name ends there)
                break
        low = first.lower()
        while kept and kept[0].lower() in lex["titles"]:  # ("Prime Minister Gordon Brown")
            kept = kept[1:]
        if not kept:
            continue
        if low in lex["titles"]:
            g, words = lex["titles"][low], kept
        elif low in lex["male_names"] or low in lex["female_names"]:
            g, words = ("m" if low in lex["male_names"] else "f"), [first] + kept
        else:
            continue
        if not g or g == gender:
            best = _POSSESSIVE.sub("", " ".join(words))
    return best
