"""The names that "his" and "her" inside a label stand for (pure; split from `clauses`).

A label is read alone, beside a date: "Police have interviewed his personal physician" leaves
the reader asking whose. A possessive "his" or "her" past the label's first word (the subject's
own is `clauses._owner`'s) takes the name the article's coreference finds for it ("Jackson's
personal physician"), unless the label names that one already ("Solomou cites his objections":
his own), or no name is found (the word stays). `clauses` asks only where the label's subject is
no name (one may be whose it is: "Ms Jackson attended the trial of her late brother's doctor").
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from . import Parse
from .tree import Resolver

POSSESSIVES = frozenset({"his", "her"})


def owners(parse: Parse, idxs: Sequence[int], resolve: Resolver | None) -> dict[int, str]:
    """token -> the possessive that stands for it ("Jackson's"), for each "his" or "her" among
    the label's tokens `idxs` (not its first) that a name is found for."""
    if resolve is None:
        return {}
    toks = parse.tokens
    out = {}
    for j in list(idxs)[1:]:
        t = toks[j]
        if t.upos == "PRON" and t.dep == "nmod:poss" and t.text.lower() in POSSESSIVES:
            name = resolve(parse, j)
            if name:
                out[j] = f"{name}'s"
    return out


def named(label: str, owned: Mapping[int, str]) -> dict[int, str]:
    """Of `owned`, those whose name the label does not give already (by its last word: "Murray"
    for "Dr Conrad Murray's")."""
    out = {}
    for j, name in owned.items():
        last = name[:-2].split()[-1] if name[:-2].split() else ""
        if last and not re.search(rf"(?<!\w){re.escape(last)}(?!\w)", label):
            out[j] = name
    return out


def spelled(parse: Parse, idxs: Sequence[int], text: str, owned: Mapping[int, str]) -> str:
    """The tokens' text as the article writes it, a gap one space (as `tree.words`), each
    token of `owned` replaced by its possessive."""
    pieces: list[str] = []
    run: list[int] = []
    toks = parse.tokens

    def flush() -> None:
        if not run:
            return
        a, b = toks[run[0]].start, toks[run[-1]].end
        s = text[a:b]
        for j in sorted((j for j in run if j in owned), reverse=True):
            s = s[:toks[j].start - a] + owned[j] + s[toks[j].end - a:]
        pieces.append(s)

    for i in sorted(idxs):
        if run and i != run[-1] + 1:
            flush()
            run = []
        run.append(i)
    flush()
    return re.sub(r"\s+", " ", " ".join(pieces)).strip()
