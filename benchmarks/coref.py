#!/usr/bin/env python3
"""Pronoun and definite-description resolution (timeline.syntax.coref) against GUM's coreference.

GUM (../shared/data/treebanks/gum, CoNLL-U; `Entity=` in the last column marks each mention and
its entity) is read with its own tokens, tags and dependency trees (gold syntax: this measures
the resolution, not the parser, which was trained on GUM), one document at a time. Scored
anaphors: the pronouns he/she/it/they (and their other forms) that are a mention of their own,
and the definite descriptions coref.toml knows ("the company"). An anaphor is *resolvable* when
a proper-name mention of its entity comes before it in the document (coref resolves to names
only). A resolution is right when the name mention it was linked to belongs to the anaphor's
entity (the innermost mention around that name's head).

    precision = right / resolved      recall = right / resolvable

The documents are split in two by their sorted order: even ones (dev: looked at while writing
the rules) and odd ones (held out: reported, never tuned on).

    python benchmarks/coref.py [--genre news] [--old]

`--old` scores, on the same anaphors, the resolver labels.py had before (the last proper-noun
subject of the three sentences before, for he/she/it/they).

Needs ../shared; says so and exits 2 when it is absent.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUM = ROOT.parent / "shared" / "data" / "treebanks" / "gum"
_ITEM = re.compile(r"\((\d+)-[^()]*(\))?|(\d+)\)")


def read_conllu(path: Path):  # type: ignore[no-untyped-def]
    """(text, sentences) of one GUM document: each sentence a list of (start, end, form, lemma,
    upos, xpos, feats, head, deprel) with offsets into the text, and the mentions
    [(sentence, first token, last token, entity id)]."""
    text_parts: list[str] = []
    pos = 0
    sentences: list[list[tuple]] = []
    mentions: list[tuple[int, int, int, str]] = []
    cur: list[tuple] = []
    open_: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if cur:
                sentences.append(cur)
                cur = []
                text_parts.append("\n")
                pos += 1
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form, misc = cols[1], cols[9]
        start = pos
        text_parts.append(form)
        pos += len(form)
        if "SpaceAfter=No" not in misc:
            text_parts.append(" ")
            pos += 1
        k, t = len(sentences), len(cur)
        cur.append((start, start + len(form), form, cols[2], cols[3], cols[4], cols[5], int(cols[6]) - 1, cols[7]))
        for field in misc.split("|"):
            if not field.startswith("Entity="):
                continue
            for m in _ITEM.finditer(field[len("Entity="):]):
                if m.group(1):
                    if m.group(2):
                        mentions.append((k, t, t, m.group(1)))
                    else:
                        open_[m.group(1)].append((k, t))
                else:
                    eid = m.group(3)
                    if open_[eid]:
                        ks, ts = open_[eid].pop()
                        if ks == k:
                            mentions.append((k, ts, t, eid))
    return "".join(text_parts), sentences, mentions


def to_parses(sentences):  # type: ignore[no-untyped-def]
    from timeline.syntax import Parse, Token

    out = {}
    for k, s in enumerate(sentences):
        toks = tuple(Token(a, b, f, lem, up, xp, ft, (h if h >= 0 else i), ("root" if h < 0 else d))
                     for i, (a, b, f, lem, up, xp, ft, h, d) in enumerate(s))
        out[k] = Parse(s[0][0], s[-1][1], toks)
    return out


class OldResolver:
    """What labels.py did before coref.py (main at 14c89f3): "he", "she", "it", "they" stand for
    the last proper-noun subject of the three sentences before; nothing else is resolved."""

    def __init__(self, text: str, parses) -> None:  # type: ignore[no-untyped-def]
        self.parses = parses
        self.subjects = [(k, j) for k in sorted(parses) for j, t in enumerate(parses[k].tokens)
                         if t.dep in {"nsubj", "nsubj:pass", "csubj", "csubj:pass"} and t.upos == "PROPN"]

    def antecedent(self, k: int, t: int) -> tuple[int, int] | None:
        if self.parses[k].tokens[t].text.lower() not in {"he", "she", "it", "they"}:
            return None
        before = [(s, j) for s, j in self.subjects if k - 3 <= s < k]
        return before[-1] if before else None


def score_document(path: Path, counts: dict[str, list[int]], old: bool = False) -> None:
    from timeline.syntax.coref import Coreference, lexicon

    lex = lexicon()
    text, sentences, mentions = read_conllu(path)
    coref = (OldResolver if old else Coreference)(text, to_parses(sentences))
    around: dict[tuple[int, int], list[tuple[int, int, str]]] = defaultdict(list)
    for k, a, b, eid in mentions:
        for t in range(a, b + 1):
            around[(k, t)].append((a, b, eid))
    first_name: dict[str, tuple[int, int]] = {}
    for k, a, b, eid in sorted(mentions):
        if any(sentences[k][t][4] == "PROPN" for t in range(a, b + 1)) and eid not in first_name:
            first_name[eid] = (k, a)

    def innermost(k: int, t: int) -> str | None:
        ms = around.get((k, t))
        return min(ms, key=lambda m: m[1] - m[0])[2] if ms else None

    for k, s in enumerate(sentences):
        for t, tok in enumerate(s):
            low, upos = tok[2].lower(), tok[4]
            cls = None
            eid = None
            if upos == "PRON" and low in lex["pronouns"]:
                single = [m for m in around.get((k, t), []) if m[0] == m[1] == t]
                cls = {"he": "he/she", "she": "he/she", "it": "it", "they": "they"}[_base(low)]
                eid = single[0][2] if single else None
            elif upos == "NOUN" and tok[3].lower() in lex["description_kind"] and t > 0 and s[t - 1][2].lower() == "the":
                cls = "the " + lex["description_kind"][tok[3].lower()]
                ms = [m for m in around.get((k, t), []) if m[0] == t - 1]
                eid = ms[0][2] if ms else None
            if cls is None:
                continue
            c = counts[cls]
            resolvable = eid is not None and eid in first_name and first_name[eid] < (k, t)
            got = coref.antecedent(k, t)
            c[0] += 1
            c[1] += resolvable
            if got is not None:
                c[2] += 1
                c[3] += eid is not None and innermost(*got) == eid


def _base(low: str) -> str:
    for base, forms in (("he", "he him his himself"), ("she", "she her hers herself"),
                        ("it", "it its itself"), ("they", "they them their themselves")):
        if low in forms.split():
            return base
    return low


def report(name: str, counts: dict[str, list[int]]) -> None:
    print(f"{name}")
    print(f"  {'anaphors':14} {'n':>6} {'resolvable':>10} {'resolved':>8} {'right':>6} {'P':>6} {'R':>6}")
    total = [0, 0, 0, 0]
    for cls in sorted(counts):
        c = counts[cls]
        total = [x + y for x, y in zip(total, c)]
        _line(cls, c)
    _line("all", total)


def _line(cls: str, c: list[int]) -> None:
    p = 100 * c[3] / c[2] if c[2] else 0.0
    r = 100 * c[3] / c[1] if c[1] else 0.0
    print(f"  {cls:14} {c[0]:6d} {c[1]:10d} {c[2]:8d} {c[3]:6d} {p:6.1f} {r:6.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--genre", help="only GUM documents of this genre (news, interview, bio, ...)")
    ap.add_argument("--old", action="store_true", help="score the resolver labels.py had before coref.py")
    args = ap.parse_args()
    if not GUM.is_dir():
        print(f"coref: {GUM} is absent; nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    files = list(enumerate(sorted(GUM.glob("GUM_*.conllu"))))  # the split is by the index among all
    if args.genre:
        files = [(n, f) for n, f in files if f.name.startswith(f"GUM_{args.genre}_")]
    halves: dict[str, dict[str, list[int]]] = {"dev": defaultdict(lambda: [0, 0, 0, 0]),
                                                "held-out": defaultdict(lambda: [0, 0, 0, 0])}
    sizes = {"dev": 0, "held-out": 0}
    for n, f in files:
        half = "dev" if n % 2 == 0 else "held-out"
        sizes[half] += 1
        score_document(f, halves[half], args.old)
    print(f"GUM{' ' + args.genre if args.genre else ''}: {len(files)} documents, gold syntax"
          + (", the old resolver" if args.old else ""))
    for name, counts in halves.items():
        report(f"{name} ({sizes[name]} documents)", counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
