"""Who or what takes part in an event, from the parse of its clause (pure).

Its subject (a pronoun resolved to the name it stands for, when known), its object, and the
names (runs of proper nouns) in its arguments, as the text writes them; a pronoun or definite
description among its arguments as the name it stands for (`coref`), when known.
"""
from __future__ import annotations

from typing import Callable, Sequence

from . import Parse
from .tree import OBJECTS, OBLIQUES, SUBJECTS, Resolver, attribution, subtree, words


def participants(parse: Parse, kids: list[list[int]], i: int, text: str, subject: str | None,
                  keep: Callable[[int], bool], subj: int | None, timed: Callable[[int], bool],
                  resolve: Resolver | None = None) -> tuple[str, ...]:
    """Its subject and object phrases' heads as names, and the proper nouns of its arguments; an
    argument that is a pronoun or a definite description ("it", "the company"), or the possessive
    pronoun of one ("its shares"), as the name it stands for (`resolve`, from `coref`)."""
    toks = parse.tokens
    found: list[str] = [subject] if subject else []
    args = ([subj] if subj is not None and not subject and toks[subj].upos != "PRON" else [])
    args += [k for k in kids[i] if toks[k].dep in SUBJECTS | OBJECTS | OBLIQUES | {"nmod", "nmod:poss"} and k != subj
             and not attribution(parse, kids, k)]  # (the source who says so takes no part)
    for k in args:
        if resolve is not None:
            standing = [resolve(parse, j) if toks[j].upos in {"PRON", "NOUN"} else None
                        for j in [k] + [c for c in kids[k] if toks[c].dep == "nmod:poss"]]
            if standing[0]:  # the argument itself: "it", "the company"
                found.append(standing[0])
                continue
            found += [n for n in standing[1:] if n]
        span = [j for j in subtree(kids, parse, k, keep) if not timed(j)]
        if not span:
            continue
        named = names(parse, span, text)
        if named:
            found += named
        elif toks[k].dep in SUBJECTS | {"obj", "iobj"} and toks[k].upos in {"NOUN", "PROPN"}:
            found.append(words(parse, [j for j in span if toks[j].dep in {"compound", "flat", "amod"} or j == k], text))
    return tuple(dict.fromkeys(n for n in found if n))


def names(parse: Parse, span: Sequence[int], text: str) -> list[str]:
    """The runs of proper nouns in a phrase ("Mark Rutte", "Kyiv"), with the numbers that are part
    of them ("iPhone 4", "Windows 7": a number the name holds as its own)."""
    toks = parse.tokens
    out: list[str] = []
    run: list[int] = []
    for j in list(span) + [-1]:
        name = j >= 0 and (toks[j].upos == "PROPN" or name_number(parse, j, run) or (  # (a hyphen inside a name: "Secretary-General")
            run and toks[j].text == "-" and toks[j].start == toks[j - 1].end and j + 1 < len(toks)
            and toks[j + 1].upos == "PROPN" and toks[j + 1].start == toks[j].end))
        if name and (not run or j == run[-1] + 1):
            run.append(j)
            continue
        if run:
            out.append(words(parse, run, text))
        run = [j] if name else []
    return out


def name_number(parse: Parse, j: int, run: Sequence[int]) -> bool:
    """Whether token j is a number that is part of a name: one the name `run` just before it holds
    ("4" of "iPhone 4"), or one glued to the proper noun after it ("3" of "3G")."""
    toks = parse.tokens
    t = toks[j]
    if t.upos != "NUM" or (run and run[-1] != j - 1):
        return False
    if j + 1 < len(toks) and toks[j + 1].start == t.end and toks[j + 1].upos == "PROPN":
        return True  # written as one word with the proper noun after it: "3G", "3GS"
    return bool(run) and t.head in run and t.dep in {"flat", "compound", "nummod", "appos"}
