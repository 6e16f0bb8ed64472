"""What the story compares of one mention (pure): its kind of happening, the content words and
names around it in its article (`mention_context`), its numbers with their units ("injured
17"), its time in days; and the idf-weighted word vectors and cosine the merging reads."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache, lru_cache
from typing import Iterable, Mapping, Sequence

from ..model import AnchorKind, Event
from ..rules import load_toml, regex_cache
from ..values import maker
from .match import _kinds, _stem, names


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,]*(?:\.\d+)?")


_COUNT_RE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+([^\W\d_][\w'’-]*))?")


PRIOR_ARTICLES = 20


@dataclass(frozen=True, slots=True, eq=False)  # (one object, compared and hashed by identity: it keys the
class MatchRules:  # caches of every mention's words, and a hash of all its fields cost more than the look-up)
    min_similarity: float
    same_day_similarity: float
    min_group_similarity: float
    disagreement_similarity: float
    backstory_similarity: float
    same_day_fold_similarity: float
    participant_share: float
    restate_days: float
    support_verbs: frozenset[str]  # verbs whose object noun is the happening ("carried out an interview")
    commemorated: re.Pattern[str]  # the words before what a commemoration recalls ("anniversary of the")
    present_perfect: re.Pattern[str]  # the words before a verb in the present perfect ("has", "have now been")
    not_participants: frozenset[str]  # capitalised words that name no one (stopwords, months)
    loose_kind_words: frozenset[str]
    common_share: float
    common_floor: int
    stopwords: frozenset[str]



@cache
def match_rules() -> MatchRules:
    data = load_toml("story.toml")
    m = data["match"]
    found = MatchRules(float(m["min_similarity"]), float(m["same_day_similarity"]), float(m["min_group_similarity"]),
                       float(m["disagreement_similarity"]), float(m.get("backstory_similarity", 1.0)),
                       float(m.get("same_day_fold_similarity", 1.0)), float(m.get("participant_share", 1.0)),
                       float(m.get("restate_days", 0.0)), frozenset(m.get("support_verbs", ())),
                       regex_cache.compile(m.get("commemorated", "(?!)"), re.I),  # (search shortcuts: number_rules)
                       regex_cache.compile(m.get("present_perfect", "(?!)"), re.I),
                       frozenset(data["stopwords"]["words"]) | frozenset(m.get("not_participants", ())),
                       frozenset(m.get("loose_kind_words", ())), float(m["common_share"]), int(m["common_floor"]),
                       frozenset(data["stopwords"]["words"]))
    regex_cache.flush()
    return found



@cache
def story_kinds() -> dict[str, str]:
    """Word -> the kind of happening it names, for matching across articles."""
    extra = {word: kind for kind, words in load_toml("story.toml")["kinds"].items() for word in words}
    return {**extra, **_kinds()}



@dataclass(frozen=True, slots=True)
class Features:
    """What one entry brings to the comparison."""

    kinds: tuple[str, ...]  # the kind its event word names, then those its label's nouns name
    terms: tuple[str, ...]  # content words of its label (stemmed), its numbers ("#40 survivor"), names ("n:...")
    numbers: frozenset[tuple[str, str]]  # (value, the word it counts, or "")
    frame: str  # "" calendar, a document id (its relative days), "undated"
    lo: float | None  # its time in days since year 1 (None: open or unknown)
    hi: float | None
    bare: bool  # its label names the kind of happening and nothing more ("Tuesday's earthquake")
    # the words around it that matching reads (`mention_context`; its label without the text):
    # their names are its participants, not those of the sentence's other clauses ("Experts said
    # the Zawahiri tape came two weeks after the failed attacks": no name of the attacks)
    context: str = ""
    # a toll's plural no article or possessive picks out ("1 million deaths", "Deaths in Mexico",
    # "see deaths from this infection"): deaths in general, no happening (story.happenings)
    generic: bool = False
    day_precise: bool = field(init=False)  # dated to a day or finer
    # its time widened to whole days: what matching compares (a clock time that a page stamps
    # on one report must not keep the other reports of that day apart)
    span: tuple[float | None, float | None] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "day_precise", day_or_finer(self.lo, self.hi))
        object.__setattr__(self, "span", _whole_days(self.lo, self.hi))


def _whole_days(lo: float | None, hi: float | None) -> tuple[float | None, float | None]:
    return None if lo is None else math.floor(lo + 1e-9), None if hi is None else math.ceil(hi - 1e-9)


_new_features = maker(Features, "kinds terms numbers frame lo hi bare context generic day_precise span")  # (as Features(...)
# makes it, with what __post_init__ adds given: one per mention, thousands)



def days(t: datetime) -> float:
    return t.toordinal() + (t.hour * 3600 + t.minute * 60 + t.second) / 86400



def _rel_days(td: timedelta) -> float:
    return td.total_seconds() / 86400



def day_or_finer(lo: float | None, hi: float | None) -> bool:
    """Dated to a day or finer."""
    return lo is not None and hi is not None and hi - lo <= 1 + 1e-9



def as_written(terms: Sequence[str], texts: Iterable[str]) -> tuple[str, ...]:
    """The stemmed terms (and lower-cased names) as the texts write them, the form written most
    often within sentences ("texa" -> "Texas", "who" -> "WHO", "swine" as the middle of a
    sentence writes it, not its capital at the start); a term none of them writes stays."""
    seen: dict[str, Counter[str]] = {t: Counter() for t in terms}
    for text in texts:
        for m in _WORD_RE.finditer(text):
            w = m.group()
            w = w[:-2] if w.endswith(("'s", "’s")) else w
            low = w.lower()
            for key in (_stem(low), low):
                if key in seen:
                    seen[key][w] += 1 if m.start() else 0.01
    return tuple(min(c, key=lambda w: (-c[w], w)) if (c := seen[t]) else t for t in terms)


@lru_cache(maxsize=1 << 15)
def _label_terms(label: str, trigger: str, rules: MatchRules) -> tuple[frozenset[str], tuple[str, ...], frozenset[tuple[str, str]]]:
    """The content words (stemmed), the kinds of happening named and the numbers of a label."""
    kinds_of = story_kinds()
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in _WORD_RE.findall(label.lower())]
    term = _word_terms(rules)
    terms = set()
    for w in words:
        t = term.get(w)
        if t is None:
            t = term[w] = _term(w, rules)
        if t:
            terms.add(t)
    terms.discard(_stem(trigger))
    kinds = [kinds_of.get(trigger) or _stem(trigger)]
    kinds += sorted({k for w in words if (k := kinds_of.get(w)) is not None} - set(kinds))
    return frozenset(terms), tuple(kinds), frozenset(_numbers(label, rules.stopwords))



@cache
def _word_terms(rules: MatchRules) -> dict[str, str]:
    """Word -> its `_term`, filled as words come (the story's words recur in many mentions)."""
    return {}


def _term(word: str, rules: MatchRules) -> str:
    """A label word's content term (stemmed), or "" for a stopword, a number or a letter."""
    cardinal = number_rules()[1]  # (a number in words is compared as a number: `_numbers`)
    if word in rules.stopwords or word[0].isdigit() or len(word) <= 1 or cardinal.fullmatch(word):
        return ""
    return _stem(word)


_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?:\s|$)")


CONTEXT = (80, 100)  # characters before and after a trigger that its wording is read from


def mention_context(e: Event, text: str) -> str:
    """The words around a mention in its article (within its sentence, a few each side): what
    matching reads, whatever label a reader is shown."""
    before = text[max(0, e.start - CONTEXT[0]):e.start]
    after = text[e.end:e.end + CONTEXT[1]]
    ends = list(_SENTENCE_END_RE.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    end = _SENTENCE_END_RE.search(after)
    if end:
        after = after[:end.start()]
    return " ".join(before.split()[-7:] + [e.text] + after.split()[:8])



@lru_cache(maxsize=1 << 14)
def _name_terms(sentence: str) -> frozenset[str]:
    """The terms of the names a sentence mentions ("n:rutte"), made once per sentence (the
    sentence of several mentions)."""
    return frozenset("n:" + n for n in names(sentence))


def features(e: Event, rules: MatchRules, text: str = "") -> Features:
    """What one mention brings to matching: read from its context in the article's `text`,
    else (a timeline read from JSON, without its articles' text) from its label."""
    context = mention_context(e, text) if text else e.label
    content, kinds, numbers = _label_terms(context, e.text.lower(), rules)
    bare = not content - set(kinds)
    terms = set(content)
    terms |= _name_terms(e.sentence)
    terms |= {f"#{v} {u}".rstrip() for v, u in numbers}  # "40 survivors" says much; two reports sharing it agree
    lo: float | None = None
    hi: float | None = None
    if e.envelope is not None:
        frame = ""
        lo = None if e.envelope.start is None else days(e.envelope.start)
        hi = None if e.envelope.end is None else days(e.envelope.end)
    elif e.relative is not None:
        frame = e.doc
        lo = None if e.relative.start is None else _rel_days(e.relative.start)
        hi = None if e.relative.end is None else _rel_days(e.relative.end)
    else:
        frame = "undated"
    return _new_features(kinds, tuple(sorted(terms)), numbers, frame, lo, hi, bare, context,
                         bool(text) and _generic(e, text), day_or_finer(lo, hi), _whole_days(lo, hi))


_DEFINITE = frozenset("the this that these those its his her their our my your whose".split())
# words a noun phrase does not reach back past: a verb, a preposition, a conjunction
_PHRASE_ENDS = frozenset("has have had is are was were be been said says reported confirmed caused cause causing "
                         "could would will may might of in on at for with from to by and or but see expect expects "
                         "expected fear fears feared predict predicts predicted prevent prevents warned warn that "
                         "than".split())
_DEFINITE_PLURAL = _DEFINITE - {"this", "that"}  # (before a plural, "that" opens a clause: "warned that deaths would rise")
_SMALL_COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve dozen".split())


@lru_cache(maxsize=1)
def _tallies() -> frozenset[str]:
    """The plurals a toll is counted in (story.toml [generic] tallies: "deaths", "infections")."""
    from ..rules import load_toml

    return frozenset(load_toml("story.toml")["generic"]["tallies"])


def _generic(e: Event, text: str) -> bool:
    """Is the mention a plural a toll is counted in (story.toml [generic]) that no article,
    demonstrative or possessive in the three words before it picks out ("1 million deaths",
    "Deaths in Mexico"; not "the deaths", "Tuesday's deaths", "their deaths")?"""
    word = e.text.lower()
    if word not in _tallies() or e.anchor is AnchorKind.TIMEX:
        return False  # (nor one a time of its own dates: "killings in Baghdad on Monday")
    if re.match(r"\s+of\b", text[e.end:e.end + 4]):
        return False  # ("deaths of two soldiers")
    window = text[max(0, e.start - 400):e.start]  # (its own sentence's words before it, of its clause)
    k = window.rfind(" ".join(e.sentence.split()[:4]))
    prefix = window[k:] if k >= 0 else e.sentence[:max(e.sentence.find(e.text), 0)]
    before = re.split(r"[:;,]\s", " ".join(prefix.split()))[-1].split()[-6:]
    for w in reversed(before):  # back to the start of its noun phrase ("the first swine flu deaths")
        bare = w.lower().strip("\"'“‘(")
        if bare in _DEFINITE_PLURAL or w.endswith(("'s", "’s", "s'")):
            return False
        if bare in _PHRASE_ENDS or bare in ("million", "billion", "thousand", "thousands", "millions", "hundreds"):
            break  # (a toll in the millions is deaths at large: "could cause 1 million deaths")
        if bare.isdigit() and int(bare) < 1000 or bare in _SMALL_COUNTS:
            return False  # (an exact count is a report of its day: "officials reported seven deaths")
    return True



LEVEL = "@level"  # what a level's number counts ("phase 5", "alert level four")


@cache
def number_rules() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    """story.toml [numbers]: the cardinals written as words, a pattern of one with the word
    after it, and the pattern of a level's number (in digits, words, or an ordinal before it)."""
    data = load_toml("story.toml").get("numbers", {})
    cardinals = {k: int(v) for k, v in data.get("words", {}).items()}
    ordinals = {k: int(v) for k, v in data.get("ordinals", {}).items()}

    def alternatives(words: Mapping[str, int]) -> str:
        return "|".join(sorted(words, key=len, reverse=True)) or "(?!)"

    num = rf"(?:\d[\d,]*(?:\.\d+)?|{alternatives(cardinals)})"
    # (with the regex engine's search shortcut, `rules.regex_cache`: the same matches, read in
    # the context of every mention at half the cost)
    words = regex_cache.compile(rf"\b({alternatives(cardinals)})\b(?:\s+([^\W\d_][\w'’-]*))?", re.IGNORECASE)
    level = "|".join(f"(?:{p})" for p in (data.get("level", "(?!)").replace("NUM", num),
                                           data.get("level_ordinal", "(?!)").replace("ORD", alternatives(ordinals))))
    found = {**cardinals, **ordinals}, words, regex_cache.compile(level, re.IGNORECASE)
    regex_cache.flush()
    return found


@cache
def _may_count() -> re.Pattern[str]:
    """What every count `_numbers` finds holds (a level aside): a digit, or a cardinal word
    standing alone (as `number_rules`' pattern reads it: case-blind, between word boundaries)."""
    words = sorted(load_toml("story.toml").get("numbers", {}).get("words", {}), key=len, reverse=True)
    found = regex_cache.compile(rf"\d|\b(?:{'|'.join(words) or '(?!)'})\b", re.IGNORECASE)  # (see number_rules)
    regex_cache.flush()
    return found


def _unit(word: str | None, stopwords: frozenset[str]) -> str:
    unit = (word or "").lower()
    return "" if unit in stopwords or _stem(unit) in stopwords else _stem(unit)


def _numbers(label: str, stopwords: frozenset[str]) -> list[tuple[str, str]]:
    """The numbers of a label, each with the word it counts ("1,100 high-rise buildings" ->
    ("1100", "high-rise")); "" when no content word follows ("injured 180"). A level's number
    counts the level ("phase five", "the fifth phase" -> ("5", LEVEL)); numbers written as
    words as digits do, but "one" only with a word it counts ("one of them" counts nothing).
    (Ordinals count nowhere else: "the first report said".)"""
    values, words, level = number_rules()
    out, taken = [], []
    for m in level.finditer(label):
        v = (m.group(1) or m.group(2)).lower()
        out.append((str(values[v]) if v in values else v.replace(",", ""), LEVEL))
        taken.append((m.start(), m.end()))
    if not _may_count().search(label):  # (no count to find: the scans below would find none)
        return out

    def free(at: int) -> bool:
        return not any(s <= at < e for s, e in taken)

    for m in _COUNT_RE.finditer(label):
        if free(m.start()):
            out.append((m.group(1).replace(",", ""), _unit(m.group(2), stopwords)))
    for m in words.finditer(label):
        unit, v = _unit(m.group(2), stopwords), values[m.group(1).lower()]
        if (unit or v > 1) and free(m.start()):  # ("one of them": no count)
            out.append((str(v), unit))
    return out



def contradict(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Do two mentions' numbers say different things: the same counted word with no value in
    common ("32 missiles" / "40 missiles"), or no value in common where one side counts
    nothing named ("injured 17 others" / "injured 180")? Numbers of different things ("32
    missiles" / "1,100 buildings") do not contradict."""
    if not a or not b:
        return False
    for unit in {u for _, u in a} & {u for _, u in b} - {""}:
        if not {v for v, u in a if u == unit} & {v for v, u in b if u == unit}:
            return True
    # (counts only: a level, "phase 5", says no count)
    a = frozenset(n for n in a if not n[1].startswith("@"))
    b = frozenset(n for n in b if not n[1].startswith("@"))
    if a and b and (any(u == "" for _, u in a) or any(u == "" for _, u in b)):
        return not {v for v, _ in a} & {v for v, _ in b}
    return False



def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(v * get(k, 0.0) for k, v in a.items())



def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))



def word_vectors(items: Sequence[Event], feats: Sequence[Features]) -> list[dict[str, float]]:
    """Each entry's terms weighted by their rarity in the input (idf over articles; names count
    a little less than words), scaled to length 1."""
    docs_with: dict[str, set[str]] = defaultdict(set)
    for e, f in zip(items, feats):
        for t in f.terms:
            docs_with[t].add(e.doc)
    n_docs = len({e.doc for e in items})
    # (smoothed as if PRIOR_ARTICLES more articles lacked every word: between two articles the
    # words they share are what makes them match, not what idf should silence)
    idf = {t: math.log((n_docs + PRIOR_ARTICLES) / (len(d) + 0.5)) for t, d in docs_with.items()}
    weight = {t: max(w, 0.0) * (0.6 if t.startswith("n:") else 1.0) for t, w in idf.items()}  # (once a term)
    vectors: list[dict[str, float]] = []
    for f in feats:
        v = {t: weight[t] for t in f.terms}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items() if x > 0})
    return vectors



def overlap(lo1: float | None, hi1: float | None, lo2: float | None, hi2: float | None) -> tuple[float | None, float | None] | None:
    """The intersection of two half-open spans (None: open), or None when they do not meet."""
    lo = lo2 if lo1 is None else lo1 if lo2 is None else max(lo1, lo2)
    hi = hi2 if hi1 is None else hi1 if hi2 is None else min(hi1, hi2)
    if lo is not None and hi is not None and hi <= lo:
        return None
    return lo, hi
