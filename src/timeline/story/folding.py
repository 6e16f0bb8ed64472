"""The last steps of merging (pure): groups that the pairwise joins of `story.merging` leave
apart, though they tell one happening, folded into the happening of their kind on their day.

The joins pair one mention per article, and only mentions worded alike; coverage names its
turning point many times over, in one article too ("Haiti was hit by a massive earthquake
... Estimates of how many people died following the 7.0 magnitude earthquake have varied"),
each time in other words. What the joins leave of it are groups of the same kind on the same
day, each with some of the same articles: they fold into the happening of that kind on that
day that most articles report, when
- their mentions are bare ("Tuesday's quake": `attach_bare`), or
- they tell of the same participants (the names their mentions give are the target's) and
  their words agree a little, or they only look back to that day, published days later
  ("since the July 7 bombings"), and their words agree at all (`fold_same_day`);
and no count of theirs contradicts most of the target's ("17 injured" is not "180 injured").
Another happening of that kind on that day stays apart: an earthquake elsewhere ("Tonga"),
another court hearing (another defendant).

A report dated only by its publication day and its tense ("The earthquake has devastated
Porto Verde", published three days on: on or before that day) restates the latest happening
of its kind and participants dated before it, within `restate_days`, and folds into it when
their words agree (`fold_restatements`); not a later aftershock (another kind, another
magnitude), not a second hearing (the later one is the latest, or, past `restate_days`, none)."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Mapping

from ..model import AnchorKind
from .features import MatchRules, contradict, cosine, overlap
from .groups import Group, Merger

BACKSTORY_DAYS = 2  # a day its reports were all published this many days after or more is past for them


def attach_bare(m: Merger) -> None:
    """Groups of bare mentions dated to a day join the happening of their kind on that day
    that most articles report (when that one is dated to the day too, and no numbers of two
    articles contradict)."""
    feats = m.feats
    best: dict[tuple[str, int], int] = {}
    for gi, g in enumerate(m.groups):
        if not g.members or not g.precise or all(feats[k].bare for k in g.members):
            continue
        for kind in feats[g.members[0]].kinds[:1]:
            key = (kind, math.floor(g.lo))  # type: ignore[arg-type]
            if key not in best or (len(m.groups[best[key]].docs), -best[key]) < (len(g.docs), -gi):
                best[key] = gi
    for gi, g in enumerate(m.groups):
        if not g.members or not g.precise or not all(feats[k].bare for k in g.members):
            continue
        first = g.members[0]
        target = next((best[key] for kind in feats[first].kinds
                       if (key := (kind, math.floor(g.lo))) in best), None)  # type: ignore[arg-type]
        if target is None:
            continue
        span = overlap(m.groups[target].lo, m.groups[target].hi, g.lo, g.hi)
        if span is None:
            continue
        if any(contradict(feats[i].numbers, feats[j].numbers) for i in g.members
               for j in m.groups[target].members if m.items[i].doc != m.items[j].doc):
            continue  # "injured 180" is not "injured 17 others", bare as it is
        head = m.groups[target].members[0]
        m.join(target, gi, span, m.evidence(0.0, head, first, "compatible times"))


def fold_same_day(m: Merger, published: Mapping[str, float], rules: MatchRules) -> None:
    """Each group dated to one day, smallest first, joins the group of its kind on that day
    that most articles (two or more, and more than its own) report, when their words agree
    (the cosine of their centroids) at least `same_day_fold_similarity` and they tell of the
    same participants (`same_participants`), or, where every report of the group looks back
    to the day (its articles all published BACKSTORY_DAYS or more after it: "the September 11
    attacks", "Jackson died at his rented home" a week on; `published`: in days), at least
    `backstory_similarity`; and when none of its mentions counts otherwise than most of that
    group's mentions do: a count of one named thing (`_counts_differ`: "17 injured" is not
    "180 injured"), or, but for a group that looks back (later reports count a toll anew),
    a count by the same event word (`_told_otherwise`: "injured 17 others" is not "injured
    180").
    A kind is the event word's (or the word itself) of a third or more of a group's mentions,
    and the most common one, but for words of many senses (`loose_kind_words`: "hit the wrong
    note" is no attack): a happening that most articles report gathers mentions of several
    kinds ("hit", "killed", "the earthquake") and is still the day's earthquake."""
    feats, loose = m.feats, rules.loose_kind_words

    def day_of(g: Group) -> int | None:
        if not g.members or not g.precise or g.lo is None or g.hi is None or feats[g.members[0]].frame != "" \
                or g.hi - g.lo > 1 + 1e-9:
            return None
        return math.floor(g.lo + 1e-9)

    known: dict[int, list[str]] = {}  # group -> its kinds (until it grows)

    def kinds(gi: int) -> list[str]:
        if gi not in known:
            g = m.groups[gi]
            count = Counter(feats[k].kinds[0] for k in g.members
                            if feats[k].kinds and m.items[k].text.lower() not in loose)
            top = max(count.values(), default=0)
            known[gi] = sorted(k for k, v in count.items() if 3 * v >= len(g.members) or (v == top and v > 1))
        return known[gi]

    best: dict[tuple[str, int], int] = {}  # (kind, day) -> a member of the group most articles report
    for gi, g in enumerate(m.groups):
        if (day := day_of(g)) is None or len(g.docs) < 2:
            continue
        for kind in kinds(gi):
            key = (kind, day)
            other = m.groups[m.owner[best[key]]] if key in best else None
            if other is None or (len(other.docs), -m.owner[best[key]]) < (len(g.docs), -gi):
                best[key] = g.members[0]
    order = sorted((gi for gi, g in enumerate(m.groups) if day_of(g) is not None),
                   key=lambda gi: (len(m.groups[gi].docs), gi))
    for gi in order:
        g = m.groups[gi]
        if (day := day_of(g)) is None:
            continue
        back = all(d in published and published[d] >= day + BACKSTORY_DAYS for d in g.docs)
        for kind in kinds(gi):
            if (kind, day) not in best:
                continue
            ti = m.owner[best[(kind, day)]]
            t = m.groups[ti]
            if ti == gi or (len(t.docs), -ti) <= (len(g.docs), -gi):
                continue
            similarity = cosine(g.centroid, t.centroid)
            if not (back and similarity >= rules.backstory_similarity) and not (
                    similarity >= rules.same_day_fold_similarity and same_participants(m, gi, ti, rules)):
                continue
            if any(2 * sum(_counts_differ(feats[i].numbers, feats[j].numbers) or not back and _told_otherwise(m, i, j)
                           for j in t.members) > len(t.members) for i in g.members):
                continue  # (a count most of the day's reports contradict: "17 injured" is not "180 injured")
            span = overlap(t.lo, t.hi, g.lo, g.hi)
            if span is None:
                continue
            m.join(ti, gi, span, m.evidence(0.0, t.members[0], g.members[0],
                                            "the same past day" if back else "the same day and participants"))
            known.pop(ti, None)
            known.pop(gi, None)
            break


def fold_restatements(m: Merger, published: Mapping[str, float], rules: MatchRules) -> None:
    """Each group of mentions dated only by their articles' publication days and tense (on or
    before: "has devastated", "were killed"; `AnchorKind.DCT_TENSE`, open before) joins the
    happening it restates: of those of its kinds (the kinds of its event words, but for words
    of many senses) dated to one day that two or more articles report (more than its own), on
    or before its first article's publication day and at most `restate_days` earlier, the
    latest whose words agree as a group's must (`min_group_similarity`) and that tells
    of the same participants (`same_participants`), when none of its counts contradicts most
    of that happening's ("a 6.1-magnitude aftershock" is not "the 7.0-magnitude earthquake").
    The latest: a second hearing restates nothing of the first."""
    feats, loose = m.feats, rules.loose_kind_words

    def restating(g: Group) -> bool:
        return bool(g.members) and g.lo is None and g.hi is not None and all(
            m.items[k].anchor is AnchorKind.DCT_TENSE and feats[k].lo is None for k in g.members)

    targets: dict[str, list[tuple[int, int]]] = {}  # kind -> (day, a member) of the groups dated to one day
    for gi, g in enumerate(m.groups):
        if len(g.docs) < 2 or not g.precise or g.lo is None or g.hi is None or g.hi - g.lo > 1 + 1e-9 \
                or feats[g.members[0]].frame != "":
            continue
        day = math.floor(g.lo + 1e-9)
        for kind in {x for k in g.members for x in feats[k].kinds[:1] if m.items[k].text.lower() not in loose}:
            targets.setdefault(kind, []).append((day, g.members[0]))
    if not targets:
        return
    for found in targets.values():
        found.sort()
    days = {kind: [t[0] for t in found] for kind, found in targets.items()}
    for gi in sorted((gi for gi, g in enumerate(m.groups) if restating(g)), key=lambda gi: (len(m.groups[gi].docs), gi)):
        g = m.groups[gi]
        if not restating(g):
            continue
        first = min((published[d] for d in g.docs if d in published), default=None)
        if first is None or g.hi is None:
            continue
        kinds = {x for k in g.members for x in feats[k].kinds[:1] if m.items[k].text.lower() not in loose}
        pool: set[tuple[int, int]] = set()
        for kind in kinds & targets.keys():  # (the days from restate_days before its first article to its own)
            lo = bisect_left(days[kind], math.ceil(first - rules.restate_days - 1 - 1e-9))
            hi = bisect_right(days[kind], math.floor(g.hi - 1 + 1e-9))
            pool.update(targets[kind][lo:hi])
        for day, member in sorted(pool, key=lambda t: (-t[0], t[1])):  # (the latest first)
            ti = m.owner[member]
            t = m.groups[ti]
            if not t.members or len(t.docs) <= len(g.docs) or cosine(g.centroid, t.centroid) < rules.min_group_similarity \
                    or not same_participants(m, gi, ti, rules):
                continue
            if any(2 * sum(_counts_differ(feats[i].numbers, feats[j].numbers) or _told_otherwise(m, i, j)
                           for j in t.members) > len(t.members) for i in g.members):
                break  # (the latest happening it could restate counts otherwise: another one)
            span = overlap(t.lo, t.hi, g.lo, g.hi)
            if span is not None:
                m.join(ti, gi, span, m.evidence(0.0, t.members[0], g.members[0], "restated after its day"))
            break


def fold_clauses(m: Merger, rules: MatchRules) -> None:
    """A group of two articles or more every mention of which is the noun of a support verb
    that a mention of one other group is ("Police have carried out an extensive interview",
    "held talks", "launched an attack": the verb says only that the noun's happening took
    place; `support_verbs`, its object at most SUPPORT_GAP words on, no clause between) joins
    that group, of as many articles or more: one clause, one happening, one row, dated as that
    group is (its mentions dated otherwise, as the events stage may date a noun apart from its
    verb, are kept as disagreements). "Police investigated the crash" stays two: the crash is
    a happening of its own."""
    at: dict[tuple[str, str], list[int]] = {}  # (article, sentence) -> the support verbs in it
    for k, e in enumerate(m.items):
        if e.text.lower() in rules.support_verbs:
            at.setdefault((e.doc, e.sentence), []).append(k)
    if not at:
        return

    def object_of(j: int, k: int) -> bool:
        verb, noun = m.items[j], m.items[k]
        v, n = noun.sentence.find(verb.text), noun.sentence.find(noun.text)
        if v < 0 or n <= v:
            return False
        gap = noun.sentence[v + len(verb.text):n]
        return len(gap.split()) <= SUPPORT_GAP and not _CLAUSE_RE.search(gap)

    for gi in sorted((gi for gi, g in enumerate(m.groups) if len(g.docs) >= 2), key=lambda gi: (len(m.groups[gi].docs), gi)):
        g = m.groups[gi]
        if len(g.docs) < 2:
            continue
        common: set[int] | None = None
        for k in g.members:
            e = m.items[k]
            verbs = {m.owner[j] for j in at.get((e.doc, e.sentence), ()) if m.owner[j] != gi and object_of(j, k)}
            common = verbs if common is None else common & verbs
            if not common:
                break
        if not common:
            continue
        ti = min(common, key=lambda t: (-len(m.groups[t].docs), t))
        t = m.groups[ti]
        if len(t.docs) < len(g.docs):
            continue
        apart = [k for k in g.members if overlap(t.lo, t.hi, *m.feats[k].span) is None]
        if apart:
            m.forget(gi)
        g.members = [k for k in g.members if k not in apart]
        g.disagree += apart
        m.join(ti, gi, (t.lo, t.hi), m.evidence(0.0, t.members[0], (g.members or apart)[0], "one clause"))


SUPPORT_GAP = 4  # words between a support verb and its noun ("carried out an extensive interview")
_CLAUSE_RE = re.compile(r"[,;:()]|\b(?:and|or|but|after|before|when|where|while|which|who|that|because|since|as)\b", re.I)


def hot_news(m: Merger, gi: int, published: Mapping[str, float], rules: MatchRules) -> float | None:
    """When every mention of a group is a present perfect dated only by its article's
    publication day and tense ("Conrad Smith has appeared in court", "the earthquake has left
    thousands homeless": news of the last days, where the simple past, "Jackson died", tells of
    any time before), the first of its articles' publication days (in days); else None."""
    g = m.groups[gi]
    if g.lo is not None or g.hi is None or not g.members:
        return None
    for k in g.members:
        e = m.items[k]
        if e.anchor is not AnchorKind.DCT_TENSE or e.aspect != "PERFECTIVE" or m.feats[k].lo is not None:
            return None
        at = e.sentence.find(e.text)
        if at < 0 or not rules.present_perfect.search(e.sentence[:at]):
            return None
    return min((published[d] for d in g.docs if d in published), default=None)


def too_late(m: Merger, gi: int, gj: int, published: Mapping[str, float], rules: MatchRules) -> bool:
    """Is one of two groups news of the last days (`hot_news`) and the other dated to a day
    more than `restate_days` before it? Then it is not that happening told again: a second
    hearing weeks after the first ("has appeared in court") is a happening of its own."""
    for a, b in ((gi, gj), (gj, gi)):
        t = m.groups[b]
        if t.hi is not None and t.lo is not None and (first := hot_news(m, a, published, rules)) is not None \
                and first - t.hi > rules.restate_days:
            return True
    return False


def same_participants(m: Merger, gi: int, gj: int, rules: MatchRules) -> bool:
    """Do two groups' mentions tell of the same participants? Either group's key names, those
    that half or more of its mentions give in the words around them (all of a lone mention's:
    `Features.context`), are, for at least `participant_share` of them and one at least,
    names the other group's sentences give too (anywhere: "George Galloway, MP for Bethnal
    Green, was appearing before the senate"): the happening's place or people ("Porto
    Verde") named in the other's reports; not an earthquake in "Tonga" next to one in "Porto
    Verde", not "Maria Lopez's hearing" next to "Conrad Smith's". A group whose mentions agree
    on no name is not told apart by names; a capitalised function word ("What", "About": a
    sentence's first word) or a month's name ("March") is none (`not_participants`: the
    stopwords and story.toml's list)."""
    counts = [m.names(gi), m.names(gj)]
    sizes = [len(m.groups[gi].members), len(m.groups[gj].members)]
    keys = [[x for x, c in count.items() if 2 * c >= size and x not in rules.not_participants]
            for count, size in zip(counts, sizes)]
    if not keys[0] or not keys[1]:
        return True
    return any(key and sum(x in other for x in key) >= max(1.0, rules.participant_share * len(key))
               for key, other in ((keys[0], m.named(gj)), (keys[1], m.named(gi))))


def _told_otherwise(m: Merger, i: int, j: int) -> bool:
    """Do two mentions of one event word ("injured") give numbers that contradict
    (`features.contradict`: "injured 17 others" / "injured 180")? Numbers by other words count
    other things ("a 7.0-magnitude earthquake" / "put the death toll at 50,000")."""
    return m.items[i].text.lower() == m.items[j].text.lower() and contradict(m.feats[i].numbers, m.feats[j].numbers)


def _counts_differ(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Do two mentions count one named thing differently ("32 missiles" / "40 missiles")? A
    number counting nothing named ("aged 50", "June 25, 2009") says nothing here."""
    for unit in {u for _, u in a} & {u for _, u in b} - {""}:
        if not {v for v, u in a if u == unit} & {v for v, u in b if u == unit}:
            return True
    return False
