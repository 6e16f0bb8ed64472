"""Names the parsed sentences around a pronoun miss or cut: the name a personal pronoun stands
for when the sentences parsed around it give none; a title in quotation marks (pure).

Coreference (`syntax.coref`) reads the sentences parsed around an event: its own and the few
before it. A "he" or "she" whose name is further back ("Wyclef Jean ... [three sentences] ... In
the immediate aftermath of the earthquake, he tweeted") finds nothing there; it stands for the
nearest name before it in the article, within FAR_CHARS characters (unless a name after it in
its sentence is a subject: "During his assessment, Rutte issued ..."), that is a person's of its
gender: a name after a title ("Mr", "Dr", "President": rules/en/coref.toml [titles], which the
name goes without), or one whose first word is a first name of the lexicon ("Michael Jackson").
Not for "it" or "they" (a thing or a group of no name is as likely), nor when what the parsed
sentences found is a person named by a common noun ("the doctor ... he"): that one stays
unnamed.

A title between quotation marks is one name, whatever runs of proper nouns its small words cut
it into (`quoted_names`: 'the "Hope for Haiti Now" telethon ... said it raised': "Hope for Haiti
Now" raised, not "Hope").
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


def cataphoric(p: Any, j: int) -> bool:
    """Whether the pronoun at token j of a parsed sentence may stand for a name after it, the
    subject of the sentence ("During his assessment of the damage, Secretary General Rutte
    issued ..."): then no name further back is looked for."""
    return any(t.upos == "PROPN" and t.dep in {"nsubj", "nsubj:pass"} for t in p.tokens[j + 1:])


TITLE_GLUE = frozenset({"for", "of", "the", "and", "in", "on", "a", "an", "to", "at", "&"})
QUOTE_PAIRS = {'"': '"', "“": "”", "‘": "’"}


def quoted_names(p: Any, runs: list[list[int]], longest: int = 6) -> list[list[int]]:
    """The runs of proper nouns of a parsed sentence with the words between quotation marks that
    make a title made one run: a title in capitals whose small words the parse cut it at ('the
    "Hope for Haiti Now" telethon': one name, not "Hope", "Haiti"). A quotation of more than
    `longest` words, or one with a word in lower case other than those small words, is no title."""
    toks = p.tokens
    out = [list(r) for r in runs]
    k = 0
    while k < len(toks):
        close = QUOTE_PAIRS.get(toks[k].text)
        end = next((j for j in range(k + 1, min(k + longest + 2, len(toks))) if toks[j].text == close), None)
        inside = list(range(k + 1, end)) if end is not None else []
        if len(inside) >= 2 and toks[inside[0]].text[:1].isupper() and toks[inside[-1]].text[:1].isupper() \
                and all(toks[j].text[:1].isupper() or toks[j].text.lower() in TITLE_GLUE for j in inside) \
                and any(j in r for r in out for j in inside):
            out = [r for r in out if not set(r) & set(inside)] + [inside]
            k = end
        k += 1
    return sorted(out)
