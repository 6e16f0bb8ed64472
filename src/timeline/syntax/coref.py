"""Simple coreference within an article (pure): what a pronoun or a definite description stands for.

An article's names (runs of proper nouns, titles left out: "President Barack Obama" is "Barack
Obama") are grouped into entities: a later name that is part of an earlier one ("Jobs" of "Steve
Jobs", "Apple" of "Apple Inc.") or holds it with an organization's ending ("Apple Inc." after
"Apple") is the same entity. Each entity gathers cues of what it is (``rules/en/coref.toml``):
a person (a title, a common first name, a person noun beside it: "chief executive Steve Jobs"),
an organization (its last word "Inc.", "Airlines"...; "the company Apple"), a place; its gender
(the title or first name) and number (a plural proper noun: "the Beatles"). A name set off by a
comma after a place's, or joined to it ("from Fort Hood, Texas", "in Paris, London and Rome"), is
a place.

A pronoun ("he", "its", "they") stands for the first fitting mention found going back from it:
its own sentence before it, then the sentence before, and so on, REACH sentences back ("it" and
"they": one); in one sentence its subjects first, then left to right. "he"/"she" fit a person of
that gender, or a name of no known kind that the article never writes after "in", "from" or
"near"; "it"/"its" anything but a person; "they" an organization or a plural. When the mention
found is a common noun ("the phone ... it"), or nothing fits, the pronoun stands for no name.
"It" with the parse's `expl` relation ("it is likely that") stands for nothing. A definite
description ("the company", "the airline", "the president") stands for the last entity of its
kind within DESCRIPTION_REACH sentences: an organization for an organization noun (or a name of
no known kind that "said" something); for a person
or a place noun, only an entity that was called so before ("President Obama" ... "the
president"). A resolved anaphor is a mention of its entity in turn.

    coref = Coreference(text, {k: parse for k, parse in ...})   # sentence index -> Parse or None
    coref.name(k, i)        # "Steve Jobs" for the "he" at token i of sentence k, else None
    coref.antecedent(k, i)  # (sentence, token) of the name mention chosen, else None
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Mapping

from . import Parse
from .farback import cataphoric, far_name, quoted_names
from .textsearch import occurs as _occurs, place_starts as _place_starts
from .participants import name_number

REACH = 3  # sentences back that a pronoun looks for what it stands for
DESCRIPTION_REACH = 10  # sentences back for a definite description ("the company")
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
SAYING = frozenset({"say", "tell", "add", "explain", "claim", "insist", "deny", "recall", "write", "argue"})
# a proper-noun tag on a word the sentence uses as an adverb or a function word ("Meanwhile ,")
NOT_NAME_DEPS = frozenset({"advmod", "discourse", "mark", "cc", "case", "det", "aux", "cop", "expl"})
PLACE_CASES = frozenset({"in", "from", "near"})
SET_OFF = frozenset({"appos", "nmod:unmarked", "nmod", "conj"})  # a name after a comma, of the name before it
_DETERMINERS = frozenset({"the", "this", "that"})
_ARTICLES = frozenset({"a", "an", "the"})
_RESTRICTIVE = frozenset({"acl", "acl:relcl", "nmod", "appos"})  # "the president of France": no anaphor


@cache
def lexicon() -> dict[str, Any]:
    """coref.toml, with its lists made sets."""
    from ..rules import load_toml

    data = load_toml("coref.toml")
    out: dict[str, Any] = {k: set(v) for k, v in data["words"].items()}
    out["female"], out["male"] = set(data["descriptions"]["female"]), set(data["descriptions"]["male"])
    out["pronouns"] = {w: tuple(v.split()) for w, v in data["pronouns"].items()}
    out["descriptions"] = {kind: set(words) for kind, words in data["descriptions"].items()}
    out["description_kind"] = {w: kind for kind in ("org", "person", "place") for w in data["descriptions"][kind]}
    out["titles"] = dict(data["titles"])
    out["examples"] = data.get("example", [])
    return out


@cache
def anaphor_pattern() -> re.Pattern[str]:
    """A word that may refer back (a pronoun of the lexicon, a description noun): a sentence
    without one needs nothing before it resolved (a cheap test before parsing)."""
    lex = lexicon()
    words = sorted(set(lex["pronouns"]) | set(lex["description_kind"]), key=lambda w: (-len(w), w))
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


@dataclass
class Entity:
    """One thing an article names: its fullest name, what it is, and the nouns it was called."""
    name: str
    words: list[tuple[str, ...]] = field(default_factory=list)  # its names, lower case, word by word
    votes: dict[str, int] = field(default_factory=dict)  # kind -> cues ("person", "org", "place")
    gender: str = ""
    plural: bool = False
    animate: bool = False  # the subject of a verb of saying
    nouns: set[str] = field(default_factory=set)  # "president", "company"

    @property
    def kind(self) -> str:
        if not self.votes:
            return ""
        best = max(self.votes.values())
        kinds = sorted(k for k, v in self.votes.items() if v == best)
        return kinds[0] if len(kinds) == 1 else ""

    def vote(self, kind: str, weight: int = 1) -> None:
        self.votes[kind] = self.votes.get(kind, 0) + weight


@dataclass(frozen=True, slots=True)
class _Mention:
    sentence: int
    token: int
    entity: int  # index into `entities`; -1: a common noun that names none of them
    subject: bool
    name: bool  # a proper name (not a pronoun or description)
    kind: str = ""  # of a common noun: "person" or "thing"
    gender: str = ""
    plural: bool = False


class Coreference:
    """The entities of one article and what each of its anaphors stands for."""

    def __init__(self, text: str, parses: Mapping[int, Parse | None]) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self._mentions: list[_Mention] = []
        self._of: dict[tuple[int, int], int] = {}  # (sentence, token) -> entity
        self._last_name: dict[int, tuple[int, int]] = {}  # entity -> its last name mention
        self._antecedent: dict[tuple[int, int], tuple[int, int]] = {}
        self._lex = lexicon()
        self._placey: dict[str, bool] = {}
        self._word: dict[tuple[int, int], str] = {}  # (sentence, token) -> a pronoun, lower case
        self._far: dict[tuple[int, int], str] = {}  # a "he" or "she" none of the parsed sentences names: `farback`
        for k in sorted(parses):
            p = parses[k]
            if p is not None:
                self._sentence(k, p)

    # -- queries ---------------------------------------------------------------------------
    def entity(self, sentence: int, token: int) -> Entity | None:
        """The entity the token names or stands for (a name, a resolved pronoun or description)."""
        e = self._of.get((sentence, token))
        return self.entities[e] if e is not None else None

    def name(self, sentence: int, token: int) -> str | None:
        """The fullest name of what the token stands for, if known."""
        e = self.entity(sentence, token)
        return e.name if e is not None else self._far.get((sentence, token))

    def antecedent(self, sentence: int, token: int) -> tuple[int, int] | None:
        """For a resolved anaphor: the (sentence, token) of the name mention it was linked to."""
        return self._antecedent.get((sentence, token))

    def recent(self, sentence: int, token: int, parse: Parse | None = None) -> str | None:
        """The name the personal pronoun ("he", "his", "she", "her") at `token` stands for by recency
        alone: the last mention before it in its own sentence that fits it (a name, or an anaphor resolved to one), whatever its
        role ("Dr Murray traveled with Jackson after he collapsed": Jackson), but a person of the
        pronoun's gender before a name of no known kind ("Inge heard that an Apache had been
        downed, and she wept": Inge); None when that
        mention names nothing ("the ambulance driver"), when none fits, or when a noun for a
        person stands between, whatever the parse made of it ("Dr Murray - who was with the
        singer when he collapsed": not Murray)."""
        spec = self._lex["pronouns"].get(self._word.get((sentence, token), ""))
        if not spec:
            return None
        want, gender = spec[0], (spec[1] if len(spec) > 1 else "")
        if want != "person":  # ("Alleyn's, a school in London, closed after it found ...": not London)
            return None
        before = [m for m in self._mentions if m.sentence == sentence and m.token < token]
        fitting = [m for m in sorted(before, key=lambda m: -m.token) if self._fits(m, want, gender)]
        found = fitting[0] if fitting else None
        if found is not None and gender and found.entity >= 0 and not self.entities[found.entity].kind \
                and not self.entities[found.entity].gender and parse is not None and any(
                    t.head == found.token and t.dep == "det" and t.text.lower() in _ARTICLES for t in parse.tokens):
            # (a name of no known kind after an article: "an Apache"; not "Jackson's")
            found = next((m for m in fitting if m.entity >= 0 and self.entities[m.entity].kind == "person"
                          and self.entities[m.entity].gender == gender), found)  # (a person of its gender first)
        if found is None or found.entity < 0:
            return None
        if parse is not None and want == "person":
            toks = parse.tokens
            for j in range(found.token + 1, token):
                t = toks[j]
                # (a noun for a person, whatever the tagger made of it: "a college dean | remark", dean ADJ)
                if t.upos in {"NOUN", "ADJ"} and self._lex["description_kind"].get(t.lemma.lower()) == "person" and not (
                        t.dep == "appos" and self._of.get((sentence, t.head)) == found.entity):  # (", the singer,")
                    return None
        return self.entities[found.entity].name

    def resolver(self, sentence: int):  # type: ignore[no-untyped-def]
        """A `tree.Resolver` for the parse of one sentence: a token -> the name it stands for."""
        def resolve(parse: Parse, i: int) -> str | None:
            return self.name(sentence, i)
        return resolve

    # -- building --------------------------------------------------------------------------
    def _sentence(self, k: int, p: Parse) -> None:
        toks = p.tokens
        lex = self._lex
        kids: list[list[int]] = [[] for _ in toks]
        for j, t in enumerate(toks):
            if t.head != j:
                kids[t.head].append(j)
        runs = quoted_names(p, _name_runs(p, lex))  # ('the "Hope for Haiti Now" telethon': one name)
        in_run = {j: r for r in runs for j in r}
        done: set[int] = set()
        for j, t in enumerate(toks):
            if j in done:
                continue
            if j in in_run:
                run = in_run[j]
                done.update(run)
                if not self._common(p, run):
                    self._name(k, p, kids, run)
                continue
            low = t.text.lower()
            if t.upos == "PRON" and low in lex["pronouns"]:
                self._pronoun(k, p, j, low)
            elif t.upos == "NOUN" and t.dep in SUBJECTS | {"obj", "iobj", "obl", "nmod", "nmod:poss", "conj",
                                                           "appos", "root", "obl:agent"}:
                self._noun(k, p, kids, j)

    def _common(self, p: Parse, run: list[int]) -> bool:
        """A word the tagger took for a name because it opens the sentence: one the article writes
        in lower case elsewhere, or never inside a sentence and followed by "for" or "of" (a
        noun and its complement: "Demand for Jackson's music has surged")."""
        toks = p.tokens
        first = next((j for j, t in enumerate(toks) if t.upos != "PUNCT"), 0)
        if run != [first] or not toks[first].text.isalpha():
            return False
        word, written = toks[first].text.lower(), toks[first].text
        if word == written:
            return False
        if _occurs(re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])"), self.text, word, lambda i: (i,)):
            return True
        # ("Demand for Jackson's music": a noun with its complement, never capitalized inside a sentence)
        named_inside = _occurs(re.compile(rf"[\w,;] {re.escape(written)}(?![\w-])"), self.text, written,
                               lambda i: (i - 2,) if i >= 2 else ())
        return not named_inside and first + 1 < len(toks) and toks[first + 1].text.lower() in {"for", "of"}

    def _name(self, k: int, p: Parse, kids: list[list[int]], run: list[int]) -> None:
        toks = p.tokens
        lex = self._lex
        low = [toks[j].text.lower() for j in run]
        gender = ""
        person = False
        titled = [n for n, w in enumerate(low[:-1]) if w in lex["titles"]]
        if titled:  # "President Barack Obama", "Mr. Smith", "U.S. President Donald Trump"
            n = titled[-1]
            gender = next((lex["titles"][w] for w in low[:n + 1] if lex["titles"].get(w)), "")
            person = True
            run = run[n + 1:]
        written = " ".join(self.text[toks[run[0]].start:toks[run[-1]].end].split())  # "iPhone 3G"
        low = written.lower().split()
        head = next((j for j in run if toks[j].head not in run or toks[j].head == j), run[-1])
        # a title or a noun outside the run: "CEO Tim Cook", "chief executive Steve Jobs", "the company Apple"
        near = [c for c in kids[head] if c not in run and toks[c].dep in {"compound", "appos", "flat"}]
        if toks[head].dep in {"appos", "flat", "compound"} and toks[head].head not in run:
            near.append(toks[head].head)
        prev = run[0] - 1
        if prev >= 0 and toks[prev].text.lower() in lex["titles"]:
            gender = gender or lex["titles"][toks[prev].text.lower()]
            person = True
        nouns = {toks[c].lemma.lower() for c in near if toks[c].upos == "NOUN"}
        after = run[-1] + 1
        if after < len(toks) and toks[after].text in {"'s", "’s"} and toks[after].head in run \
                and toks[head].dep != "nmod:poss":  # a name that is a possessive alone: "Alleyn's", "McDonald's"
            written += toks[after].text
        e = self._link(tuple(low), written)
        ent = self.entities[e]
        if person:
            ent.vote("person", 2)
        if len(low) > 1 and low[0] in lex["male_names"] | lex["female_names"] and low[-1] not in lex["org_words"]:
            ent.vote("person", 2)
            gender = gender or ("m" if low[0] in lex["male_names"] else "f")
        if low[-1] in lex["org_words"] or (not person and any(  # or an acronym before its last word
                w.isalpha() and w.isupper() and 2 <= len(w) <= 5 for w in written.split()[:-1])):
            ent.vote("org", 2)
        elif low[-1] in lex["place_words"]:
            ent.vote("place", 2)
        for n in nouns:
            kind = lex["description_kind"].get(n)
            if kind:
                ent.vote(kind)
                ent.nouns.add(n)
                gender = gender or ("f" if n in lex["female"] else "m" if n in lex["male"] else "")
        if gender and not ent.gender:
            ent.gender = gender
        if not ent.votes and any(toks[c].dep == "case" and toks[c].text.lower() in PLACE_CASES for c in kids[head]):
            ent.vote("place")  # "in Paris", "from Slovenia": a place, unless something else says otherwise
        elif not ent.votes and run[0] > 0 and (toks[run[0] - 1].text == "," or toks[head].dep == "conj") \
                and toks[head].dep in SET_OFF and (host := self._of.get((k, toks[head].head))) is not None \
                and self.entities[host].kind == "place":
            ent.vote("place")  # "from Fort Hood, Texas", "in Paris, London and Rome": places too
        if toks[head].tag == "NNPS" or (len(low) == 1 and run[0] == 0 and opening_plural(toks[head].text)):
            ent.plural = True
        subject = toks[head].dep in SUBJECTS
        verb = toks[toks[head].head]
        if subject and verb.lemma.lower() in SAYING:
            ent.animate = True
        self._add(_Mention(k, head, e, subject, True))
        for j in run:
            self._of[(k, j)] = e
        self._last_name[e] = (k, head)

    def _link(self, low: tuple[str, ...], name: str) -> int:
        """The entity a name belongs to (a new one when none fits)."""
        lex = self._lex
        best = None
        for m in reversed(self._mentions):  # the most recently mentioned first
            if m.entity < 0 or not m.name:
                continue
            for w in self.entities[m.entity].words:
                if w == low:
                    best = m.entity
                    break
                if _part_of(low, w) or (_part_of(w, low) and all(x in lex["org_words"] for x in low if x not in w)):
                    best = best if best is not None else m.entity
            if best is not None and low in self.entities[best].words:
                break
        if best is None:
            self.entities.append(Entity(name, [low]))
            return len(self.entities) - 1
        ent = self.entities[best]
        if low not in ent.words:
            ent.words.append(low)
        if len(low) > len(ent.name.split()):
            ent.name = name
        return best

    def _add(self, m: _Mention) -> None:
        self._mentions.append(m)

    def _pronoun(self, k: int, p: Parse, j: int, low: str) -> None:
        t = p.tokens[j]
        if t.dep == "expl":
            return
        self._word[(k, j)] = low
        spec = self._lex["pronouns"][low]
        want, gender = spec[0], (spec[1] if len(spec) > 1 else "")
        bound = t.dep in {"obj", "iobj", "obl"} and not low.endswith("self") and not low.endswith("selves")
        reach = REACH if want == "person" else 1  # "it", "they": often a thing or an event unnamed
        found = self._search(k, j, reach, lambda m: self._fits(m, want, gender),
                             skip=lambda m: bound and m.sentence == k and p.tokens[m.token].head == t.head)
        subject = t.dep in SUBJECTS
        if found is None and want == "person" and gender and not cataphoric(p, j) \
                and (far := far_name(self.text, t.start, gender, self._lex)):
            self._far[(k, j)] = far
        if found is None or found.entity < 0:
            self._add(_Mention(k, j, -1, subject, False, "person" if want == "person" else "thing", gender,
                               want == "group"))
            return
        ent = self.entities[found.entity]
        if want == "person" and not ent.kind:
            ent.vote("person")
        if gender and not ent.gender:
            ent.gender = gender
        self._resolved(k, j, found.entity, subject)

    def _noun(self, k: int, p: Parse, kids: list[list[int]], j: int) -> None:
        toks = p.tokens
        t = toks[j]
        lemma = t.lemma.lower()
        lex = self._lex
        plural = t.tag == "NNS"
        kind = lex["description_kind"].get(lemma)
        dets = [c for c in kids[j] if toks[c].dep == "det"]
        definite = bool(dets) and all(toks[c].text.lower() in _DETERMINERS for c in dets)
        restricted = any(toks[c].dep in _RESTRICTIVE or toks[c].upos == "PROPN" for c in kids[j])
        subject = t.dep in SUBJECTS
        if kind and definite and not restricted and not plural:
            found = self._search(k, j, DESCRIPTION_REACH, lambda m: self._describes(m, kind, lemma))
            if found is not None:
                ent = self.entities[found.entity]
                ent.nouns.add(lemma)
                ent.vote(kind)
                self._resolved(k, j, found.entity, subject)
                return
        person = kind == "person"
        gender = "f" if lemma in lex["female"] else "m" if lemma in lex["male"] else ""
        self._add(_Mention(k, j, -1, subject, False, "person" if person else "thing", gender, plural))

    def _resolved(self, k: int, j: int, e: int, subject: bool) -> None:
        self._of[(k, j)] = e
        if e in self._last_name:
            self._antecedent[(k, j)] = self._last_name[e]
        self._add(_Mention(k, j, e, subject, False))

    def _search(self, k: int, j: int, reach: int, fits, skip=None) -> _Mention | None:  # type: ignore[no-untyped-def]
        """The first mention that fits, from the sentence of (k, j) back `reach` sentences: in
        each sentence, mentions before token j (in its own), its subjects first, then left to right."""
        by_sentence: dict[int, list[_Mention]] = {}
        for m in reversed(self._mentions):
            if m.sentence < k - reach:
                break
            if m.sentence == k and m.token >= j:
                continue
            by_sentence.setdefault(m.sentence, []).append(m)
        for s in sorted(by_sentence, reverse=True):
            ms = sorted(by_sentence[s], key=lambda m: (not m.subject, m.token))
            for m in ms:
                if skip is not None and skip(m):
                    continue
                if fits(m):
                    return m
        return None

    def _fits(self, m: _Mention, want: str, gender: str) -> bool:
        """Whether a pronoun of kind `want` ("person", "nonperson", "group") and `gender` can stand
        for mention m."""
        if m.entity < 0:
            if want == "person":
                return m.kind == "person" and not m.plural and (not gender or m.gender in ("", gender))
            if want == "nonperson":
                return m.kind == "thing" and not m.plural
            return m.plural
        e = self.entities[m.entity]
        kind = e.kind
        if want == "person":
            if not kind and self._place_in_text(e):
                return False
            return (kind == "person" or not kind) and not e.plural and (
                not gender or e.gender in ("", gender))
        if want == "nonperson":
            return kind != "person" and not e.plural
        return e.plural or kind == "org"

    def _place_in_text(self, e: Entity) -> bool:
        """Whether the article writes "in NAME", "from NAME" or "near NAME" anywhere (parsed or
        not): a place, not a person "he" or "she" could stand for."""
        if e.name not in self._placey:
            pattern = re.compile(r"\b(?:in|from|near)\s+(?:the\s+)?" + re.escape(e.name) + r"\b")
            self._placey[e.name] = (_occurs(pattern, self.text, e.name, lambda i: _place_starts(self.text, i))
                                    if e.name else pattern.search(self.text) is not None)
        return self._placey[e.name]

    def _describes(self, m: _Mention, kind: str, noun: str) -> bool:
        """Whether a definite description ("the company") of `kind` can stand for mention m."""
        if m.entity < 0:
            return False
        e = self.entities[m.entity]
        if noun in e.nouns:
            return True
        if kind == "org":
            return e.kind == "org" or (not e.kind and e.animate and not e.plural)
        return False


def opening_plural(word: str) -> bool:
    """A plural of a noun for someone ("Doctors", "Nurses") that a tagger, at a sentence's start, takes for a name."""
    low = word.lower()
    return low.endswith("s") and bool(lexicon()["description_kind"].get(low[:-1]))


def _part_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `short` is a proper contiguous part of `long` ("jobs" of "steve jobs")."""
    n = len(short)
    if n >= len(long) or any(c.isdigit() for c in "".join(short)):
        return False
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _name_runs(p: Parse, lex: dict[str, Any]) -> list[list[int]]:
    """The runs of proper nouns of a sentence (months, days and the like left out; a capitalized
    adjective between two of them is in the run: "NHS Greater Glasgow", "Saudi Arabian Airlines")."""
    toks = p.tokens
    out: list[list[int]] = []
    run: list[int] = []
    for j in range(len(toks) + 1):
        proper = j < len(toks) and ((toks[j].upos == "PROPN" and toks[j].text.lower() not in lex["not_names"]
                                     and toks[j].dep not in NOT_NAME_DEPS)
                                    or " " in toks[j].text  # (a title the parse read as one: `names`)
                                    or name_number(p, j, run)
                                    or (bool(run) and toks[j].upos == "ADJ" and toks[j].text[:1].isupper()
                                        and j + 1 < len(toks) and toks[j + 1].upos == "PROPN")  # "NHS Greater Glasgow"
                                    or (  # "Jean-Max", "Secretary-General"
                                        bool(run) and toks[j].text == "-" and toks[j].start == toks[j - 1].end
                                        and j + 1 < len(toks) and toks[j + 1].upos == "PROPN"
                                        and toks[j + 1].start == toks[j].end))
        if proper and (not run or j == run[-1] + 1):
            run.append(j)
            continue
        if run:
            out.append(run)
        run = [j] if proper else []
    return out
