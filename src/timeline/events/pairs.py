"""What the text says about the order of two nearby events: the features of a pair (tense and
aspect, event classes, modality, connectives and quotes between them, text order) as the
pairwise model learned from MATRES reads them, and its margins for the neighbours of a passage,
each pair scored once (`margins`)."""
from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import chain
from operator import attrgetter
from typing import Callable, Mapping, NamedTuple, Sequence

import numpy as np

from ..model import Event
from .envelopes import envelope_order
from .eventmodel import pair_model


CONNECTIVES = frozenset("after before because when while then and but that to since until as so if "
                        "although once following ahead later earlier".split())


class Kind(NamedTuple):
    """What the pairwise model reads of an event, besides its word and its place in the text."""

    tense: str
    aspect: str
    cls: str
    modality: str
    anchor: str
    relation: str

    @property
    def tense_aspect(self) -> str:
        return f"{self.tense}{self.aspect}"



def kind(e: Event) -> Kind:
    return Kind(e.tense._value_, e.aspect, e.cls, e.modality, e.anchor._value_, e.relation._value_)  # (= .value)


_KIND_VALUES = attrgetter("tense._value_", "aspect", "cls", "modality", "anchor._value_", "relation._value_")  # (`kind`'s)
_TEXT = attrgetter("text")



def event_features(k: Kind) -> list[str]:
    return [f"t={k.tense}", f"a={k.aspect}", f"c={k.cls}", f"m={k.modality}", f"anc={k.anchor}",
            f"rel={k.relation}", f"t,a={k.tense},{k.aspect}", f"c,t={k.cls},{k.tense}"]



def pair_features(a: Event, b: Event, text: str) -> list[str]:
    """Features of the ordered pair (a, b), a first in the text: the model says whether a
    starts before b."""
    between = _between(a, b, text)
    same = a.sentence == b.sentence
    ka, kb = kind(a), kind(b)
    return (_context_features(same, _distance(between)) + _role_features(ka, 1) + _role_features(kb, 2)
            + _kind_features(ka, kb, envelope_order(a, b))
            + [f for c in _connectives(between) for f in _connective_features(c, ka.tense_aspect, kb.tense_aspect)]
            + _report_features(ka, kb, same) + _quote_features(_quoted(between))
            + _word_features(a.text, 1) + _word_features(b.text, 2))



def _between(a: Event, b: Event, text: str) -> str:
    return text[a.end:b.start].lower() if a.end <= b.start else ""



def _distance(between: str) -> int:
    return min(len(between.split()) // 3, 6)



def _context_features(same: bool, distance: int) -> list[str]:
    return ["bias", "same" if same else "next", f"dist={distance}"]



def _role_features(k: Kind, role: int) -> list[str]:
    """The event's own features as the first (1) or second (2) event of a pair."""
    return [f"{role}:{x}" for x in event_features(k)]



def _kind_features(a: Kind, b: Kind, env: int) -> list[str]:
    return [f"tt={a.tense_aspect},{b.tense_aspect}", f"cc={a.cls},{b.cls}", f"mm={a.modality},{b.modality}",
            f"anc={a.anchor},{b.anchor}", f"env={env}"]



def _connectives(between: str) -> list[str]:
    """The connectives among the words between two events, in alphabetical order."""
    return sorted({w.strip(_STRIPPED) for w in between.split()} & CONNECTIVES)



def _connective_features(connective: str, ta: str, tb: str) -> list[str]:
    return [f"cw={connective}", f"cw,tt={connective},{ta},{tb}"]



def _report_features(a: Kind, b: Kind, same: bool) -> list[str]:
    f = []
    if same and a.cls == "REPORTING":
        f.append(f"rep1,t2={b.tense_aspect}")
    if same and b.cls == "REPORTING":
        f.append(f"rep2,t1={a.tense_aspect}")
    return f



def _quoted(between: str) -> bool:
    return '"' in between or "“" in between or "”" in between



def _quote_features(quoted: bool) -> list[str]:
    return ["quote-between"] if quoted else []



def _word_features(word: str, role: int) -> list[str]:
    return [f"w{role}={word.lower()}"]



WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # what str.split() splits at


_SPACE_CODES = np.array([ord(c) for c in WHITESPACE], dtype=np.uint32)


_QUOTE_CODES = np.array([ord(c) for c in '"“”'], dtype=np.uint32)
_CODE_KINDS = np.zeros(0x110000, dtype=np.uint8)  # by code point: 1 white space, 2 a double quote (a lookup, not a search)
_CODE_KINDS[_SPACE_CODES] |= 1
_CODE_KINDS[_QUOTE_CODES] |= 2


_STRIPPED = '.,;:"“”()'


# a word that may be a connective (more: `_connective_of` decides)
# (group 1, after the space before it; in lowercased text, which is faster to search when it
# is as long as the text, else in the text itself, case ignored)
_CONNECTIVE_WORD = r'\s([.,;:"“”()]*(' + "|".join(sorted(CONNECTIVES)) + r')[.,;:"“”()]*)(?!\S)'  # (group 2: the connective)
_CONNECTIVE_LOWER = re.compile(_CONNECTIVE_WORD)
_CONNECTIVE_ANY_CASE = re.compile(_CONNECTIVE_WORD, re.IGNORECASE)


_CONNECTIVE_ORDER = sorted(CONNECTIVES)  # the order of `_connectives`


_CONNECTIVE_INDEX = {c: n for n, c in enumerate(_CONNECTIVE_ORDER)}


def _connective_of(word: str) -> int | None:
    """The index in _CONNECTIVE_ORDER of the connective that a word of the text is, if any."""
    return _CONNECTIVE_INDEX.get(word.lower().strip(_STRIPPED))



class _Gaps:
    """`_distance`, `_connectives` and `_quoted` of the text between the two events of many
    pairs at once (given by the end of the first event and the start of the second), from
    character positions: the passage's text is read once, not once per pair.

    The words of text[a:b] are the whitespace-separated words of the text inside it, plus the
    pieces of the words that a or b cut (the comma after the first event, the quote before the
    second): an event's first and last characters are never spaces."""

    def __init__(self, text: str, a: np.ndarray, b: np.ndarray) -> None:
        b = np.maximum(a, b)
        lo, hi = int(a.min()), int(b.max())
        codes = np.frombuffer(text[lo:hi].encode("utf-32-le"), dtype=np.uint32)
        kinds = _CODE_KINDS[codes]
        space = (kinds & 1).astype(bool)
        word_starts = np.zeros(len(codes) + 1, dtype=np.intp)  # [r]: words that start before lo + r
        np.cumsum(~space[1:] & space[:-1], out=word_starts[2:])
        quotes = np.zeros(len(codes) + 1, dtype=np.intp)
        np.cumsum((kinds & 2).astype(bool), out=quotes[1:])
        ra, rb = a - lo, b - lo
        gap = ra < rb
        cut_a = np.zeros(len(a), dtype=bool)  # a cuts a word: its piece after a is a word between
        cut_a[gap] = ~space[ra[gap]]
        cut_b = np.zeros(len(a), dtype=bool)
        cut_b[gap] = ~space[rb[gap] - 1]
        self.distance = np.minimum((word_starts[rb] - word_starts[ra] + cut_a) // 3, 6)
        self.quoted = quotes[rb] > quotes[ra]
        # the whole words that are connectives (one that ends at hi is cut by the event there)
        lowered = text[lo:hi].lower()
        if len(lowered) == hi - lo:  # (group 2 is the connective that `_connective_of` reads)
            index = _CONNECTIVE_INDEX
            found = [(m.start(1) + lo, end + lo, index[m.group(2)]) for m in _CONNECTIVE_LOWER.finditer(lowered)
                     if (end := m.end(1)) < hi - lo]
        else:  # ('İ' lowercased is two characters)
            found = [(start, end, c) for m in _CONNECTIVE_ANY_CASE.finditer(text, lo, hi)
                     if (end := m.end(1)) < hi and (c := _connective_of(text[(start := m.start(1)):end])) is not None]
        counts = np.zeros((len(found) + 1, len(_CONNECTIVE_ORDER)), dtype=np.intp)
        counts[np.arange(1, len(found) + 1), [c for _, _, c in found]] = 1
        np.cumsum(counts, axis=0, out=counts)
        first = np.searchsorted(np.array([s for s, _, _ in found], dtype=np.intp), a)
        last = np.maximum(np.searchsorted(np.array([e for _, e, _ in found], dtype=np.intp), b, side="right"), first)
        self.connectives = counts[last] > counts[first]  # pair x connective
        # the pieces of the words cut at a and at b: with a space between, the piece after a
        # depends on a alone and the piece before b on b alone, read once for each position
        spaces = np.zeros(len(codes) + 1, dtype=np.intp)
        np.cumsum(space, out=spaces[1:])
        apart = spaces[rb] > spaces[ra]
        for cut, at, piece in ((cut_a, a, _piece_after), (cut_b, b, _piece_before)):
            pairs = np.flatnonzero(cut & apart)
            where, of_pair = np.unique(at[pairs], return_inverse=True)
            found_at = np.array([_connective_of(piece(text, x)) for x in where.tolist()] + [None])
            c = found_at[of_pair.reshape(-1)]
            hit = np.not_equal(c, None)
            self.connectives[pairs[hit], c[hit].astype(np.intp)] = True
        for n in np.flatnonzero((cut_a | cut_b) & ~apart).tolist():  # one piece: text[a:b]
            for piece_ in _cut_pieces(text, int(a[n]), int(b[n]), bool(cut_a[n]), bool(cut_b[n])):
                c_ = _connective_of(piece_)
                if c_ is not None:
                    self.connectives[n, c_] = True



_WORD_REST = re.compile(r"\S*")


def _piece_after(text: str, a: int) -> str:
    """The rest of the word that position a cuts, up to the next space."""
    return text[a:_WORD_REST.match(text, a).end()]  # type: ignore[union-attr]


def _piece_before(text: str, b: int) -> str:
    """The start of the word that position b cuts, from the space before it."""
    start = b
    while not text[start - 1].isspace():
        start -= 1
    return text[start:b]


def _cut_pieces(text: str, a: int, b: int, cut_a: bool, cut_b: bool) -> list[str]:
    """The pieces of the words cut at a and at b that lie in text[a:b] (one if no space is between)."""
    pieces = []
    if cut_a:
        stop = a
        while stop < b and not text[stop].isspace():
            stop += 1
        pieces.append(text[a:stop])
        if stop == b:
            return pieces
    if cut_b:
        start = b
        while not text[start - 1].isspace():
            start -= 1
        pieces.append(text[start:b])
    return pieces



class Margins:
    """The pairwise model's margins for the pairs of events (in text order) that the text is
    asked about: at most WINDOW sentences apart, in the same passage (events k // `passage`;
    0: all in one), with envelopes that do not order them (`of`: the events' envelope classes,
    `weights`: what two classes say, as `Envelopes` gives them). `earlier`, `later` and `margin`
    hold the pairs, by later event then earlier, and their margins (> 0: the first in the text
    starts before the other; < 0, after; the size is the confidence).

    All are scored at once, when the events are read. Each pair's features fill a fixed row of
    slots, in the order of `pair_features` (a feature the pair lacks, or that the model does
    not know, is the zero row, which adds nothing): what each event is, what kinds of event the
    two are, what is between them (`_Gaps`). `_sum_rows` adds the rows up for all pairs
    together, one slot after the other (as `Perceptron.sum_rows` does), giving the floats of
    ``pair_model().scores(pair_features(a, b, text))``. The evidence of the parse (`links`) is
    added by the caller, passage by passage."""

    def __init__(self, events: Sequence[Event], text: str, sent: Sequence[int], of: Sequence[int],
                 weights: Mapping[tuple[int, int], int], passage: int = 0) -> None:
        n = len(events)
        numbers = np.array(sent, dtype=np.intp)
        near = np.searchsorted(numbers, numbers - WINDOW)  # the first event within WINDOW sentences
        if passage:
            first = np.arange(n)
            near = np.maximum(near, first - first % passage)  # ... of the event's passage
        counts = np.arange(n) - near
        later = np.repeat(np.arange(n), counts)
        earlier = np.arange(len(later)) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(near, counts)
        classes = np.array(of, dtype=np.intp) + 1
        base = int(classes.max()) + 1 if n else 1
        silent = _lookup(classes[earlier] * base + classes[later],
                         lambda code: not weights[code // base - 1, code % base - 1])
        self.earlier: np.ndarray = earlier[silent]
        self.later: np.ndarray = later[silent]
        self.margin: np.ndarray = (_margins(events, text, self.earlier, self.later) if len(self.later)
                                   else np.zeros(0))



def _margins(events: Sequence[Event], text: str, earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
    """The margins of the pairs (events[earlier[n]], events[later[n]])."""
    gaps = _Gaps(text, np.array([e.end for e in events])[earlier], np.array([e.start for e in events])[later])
    sentences: dict[str, int] = {}
    sentence = np.array([sentences.setdefault(e.sentence, len(sentences)) for e in events])
    same = (sentence[earlier] == sentence[later]).astype(np.intp)
    kinds: dict[tuple[str, ...], int] = {}  # (by the values of `kind`, read in one call: no Kind per event)
    of_kind = np.array([kinds.setdefault(k, len(kinds)) for k in map(_KIND_VALUES, events)], dtype=np.intp)
    kind_list = [Kind(*k) for k in kinds]
    own = np.array([_own_slots(k) for k in kind_list], dtype=np.intp)[of_kind]  # as first, as second
    words = np.fromiter(chain.from_iterable(map(_word_slots, map(str.lower, map(_TEXT, events)))), dtype=np.intp,
                        count=2 * len(events)).reshape(len(events), 2)
    known = np.array([_kind_number(k) for k in kind_list], dtype=np.int64)[of_kind]  # (the numbers of all documents)
    distinct, inverse = np.unique((known[earlier] << _KIND_BITS | known[later]) << 1 | same, return_inverse=True)
    inverse = inverse.reshape(-1)
    by_kinds = _KIND_PAIRS.slots(distinct)[inverse]
    context, quote = _fixed_slots()
    # the first slots (the context, each event, the kinds of the two) are those of a few
    # distinct pairs: summed once for each, then the rest added pair by pair, in order
    _, first, lead = np.unique(inverse * 7 + gaps.distance, return_index=True, return_inverse=True)
    scores = _sum_rows(np.hstack([context[same[first], gaps.distance[first]], own[earlier[first], :8],
                                  own[later[first], 8:], by_kinds[first, :5]]))[lead.reshape(-1)]
    tenses: dict[str, int] = {}
    of_tense = np.array([tenses.setdefault(k.tense_aspect, len(tenses)) for k in kind_list], dtype=np.intp)[of_kind]
    tense_list = list(tenses)
    distinct, inverse = np.unique(of_tense[earlier] * len(tenses) + of_tense[later], return_inverse=True)
    table = np.array([_connective_slots(tense_list[code // len(tenses)], tense_list[code % len(tenses)])
                      for code in distinct.tolist()], dtype=np.intp)
    scores = _sum_rows(np.hstack([_packed(gaps.connectives, table, inverse.reshape(-1)), by_kinds[:, 5:],
                                  quote[gaps.quoted.astype(np.intp)], words[earlier, :1], words[later, 1:]]), scores)
    return scores[:, 0] - scores[:, 1]



def _sum_rows(index: np.ndarray, totals: np.ndarray | None = None) -> np.ndarray:
    """`pair_model().sum_rows(index)`, added to `totals` (the sums of the slots before these):
    the rows added one by one from the left (a running sum along each line, which is what
    `ufunc.accumulate` would compute), so that summing the slots in two goes gives the same floats
    as in one; zero rows add nothing (x + 0.0 is x)."""
    model = pair_model()
    out = np.zeros((index.shape[0], len(model.labels))) if totals is None else totals.copy()
    # slot after slot, in place (no array of every row of every pair); a slot that is the zero
    # row for every pair is skipped (a running sum from 0.0 is never -0.0, so adding 0.0 to it
    # changes no bit)
    matrix, rows = model.matrix, np.empty_like(out)
    for column in np.ascontiguousarray(index[:, index.any(axis=0)].T):
        out += matrix.take(column, axis=0, out=rows, mode="clip")  # (into one buffer, unbuffered: no array per slot)
    return out



def _packed(found: np.ndarray, table: np.ndarray, code: np.ndarray) -> np.ndarray:
    """The two slots of each connective found between the events of each pair (`found`: pair x
    connective), in the order of _CONNECTIVE_ORDER, side by side from the left (`table`: the
    slots of every connective by the pair's `code`): a pair has a few of them, and leaving out
    the zero rows of the others changes no sum (x + 0.0 is x) but spares adding them up."""
    pairs, found_at = np.nonzero(found)  # by pair, then in connective order
    per_pair = np.bincount(pairs, minlength=len(found))
    out = np.zeros((len(found), 2 * int(per_pair.max(initial=0))), dtype=np.intp)
    nth = np.arange(len(pairs)) - (np.cumsum(per_pair) - per_pair)[pairs]
    out[pairs, 2 * nth] = table[code[pairs], 2 * found_at]
    out[pairs, 2 * nth + 1] = table[code[pairs], 2 * found_at + 1]
    return out



def _slots(features: list[str], width: int) -> list[int]:
    """The pair model's rows of the features it knows, in order, then zero rows up to `width`."""
    rows = pair_model().rows(features)
    return rows + [0] * (width - len(rows))



@cache
def _fixed_slots() -> tuple[np.ndarray, np.ndarray]:
    """The slots of the context (by same sentence, then distance) and of a quote between: the
    same for every document."""
    return (np.array([[_slots(_context_features(s, d), 3) for d in range(7)] for s in (False, True)], dtype=np.intp),
            np.array([_slots(_quote_features(q), 1) for q in (False, True)], dtype=np.intp))


@cache
def _own_slots(k: Kind) -> list[int]:
    return _slots(_role_features(k, 1), 8) + _slots(_role_features(k, 2), 8)



@lru_cache(maxsize=1 << 16)
def _word_slots(word: str) -> list[int]:
    return _slots(_word_features(word, 1), 1) + _slots(_word_features(word, 2), 1)



@cache
def _connective_slots(ta: str, tb: str) -> list[int]:
    """Two slots for each connective, in order, for events of tense and aspect ta and tb."""
    return [row for c in _CONNECTIVE_ORDER for row in _slots(_connective_features(c, ta, tb), 2)]



_KIND_NUMBER: dict[Kind, int] = {}  # the kinds met so far, numbered (a few hundred at most)
_KINDS: list[Kind] = []


def _kind_number(k: Kind) -> int:
    found = _KIND_NUMBER.get(k)
    if found is None:
        found = _KIND_NUMBER[k] = len(_KINDS)
        _KINDS.append(k)
    return found


_KIND_BITS = 24  # a pair of kinds is coded (a << _KIND_BITS | b) << 1 | same (numbers from `_kind_number`)


class _KindPairs:
    """`_kind_slots` of the pairs of kinds met so far, by their codes (see _KIND_BITS), kept in
    arrays: a document's pairs read the slots of the codes they have by one search, and only the
    codes met for the first time are worked out, once."""

    def __init__(self) -> None:
        self.cache_clear()

    def cache_clear(self) -> None:
        self.codes = np.zeros(0, dtype=np.int64)  # sorted
        self.rows = np.zeros(0, dtype=np.intp)  # by code (in the order of `codes`): its row of `table`
        self.table = np.zeros((0, 7), dtype=np.intp)

    def slots(self, codes: np.ndarray) -> np.ndarray:
        """The slots of each of the distinct codes (sorted), one line per code."""
        at = np.searchsorted(self.codes, codes)
        new = codes[self.codes[np.minimum(at, len(self.codes) - 1)] != codes] if len(self.codes) else codes
        if len(new):
            mask = (1 << _KIND_BITS) - 1
            added = [_kind_slots(_KINDS[code >> 1 + _KIND_BITS], _KINDS[code >> 1 & mask], bool(code & 1))
                     for code in new.tolist()]
            rows = np.arange(len(self.table), len(self.table) + len(new), dtype=np.intp)
            self.table = np.concatenate([self.table, np.array(added, dtype=np.intp).reshape(len(new), 7)])
            where = np.searchsorted(self.codes, new)  # (both sorted: merged in order, no sort)
            self.codes, self.rows = np.insert(self.codes, where, new), np.insert(self.rows, where, rows)
            at = np.searchsorted(self.codes, codes)
        return self.table[self.rows[at]]


_KIND_PAIRS = _KindPairs()


def _kind_slots(a: Kind, b: Kind, same: bool) -> list[int]:
    """What the kinds of two events that no envelope orders say: five slots, then two of
    reported speech."""
    return _slots(_kind_features(a, b, 0), 5) + _slots(_report_features(a, b, same), 2)



def _lookup(codes: np.ndarray, value: Callable[[int], bool]) -> np.ndarray:
    """value(code) for each code, worked out once for each distinct code."""
    distinct, inverse = np.unique(codes, return_inverse=True)
    return np.array([value(code) for code in distinct.tolist()], dtype=bool)[inverse.reshape(-1)]



def sentence_numbers(events: Sequence[Event]) -> list[int]:
    """For each event (in text order), the number of its sentence among the events' sentences."""
    numbers: list[int] = []
    last_sentence, n = None, -1
    for e in events:
        if e.sentence != last_sentence:
            n += 1
            last_sentence = e.sentence
        numbers.append(n)
    return numbers


WINDOW = 1  # sentences apart at most, for the text to be asked about two events
