"""What a copy editor rejects in an event's label, read from the string alone (pure).

`lint(label)` returns one line per problem, each opening with its class ("subjectless:
opens with the verb 'Traveled'"), empty for a label that reads as a headline. The classes:

  furniture   a web address, an e-mail address, "Click here": the page, not the news
  long        more than 80 characters
  short       fewer than 3 words
  cut         ends with an ellipsis
  ending      ends on a preposition, an article, a conjunction, an auxiliary, "to", a
              participle or reporting verb that leaves its phrase hanging ("the doctor accused",
              "... a senior official said"), or on a day's name ("... Thursday")
  stamp       opens with a clock stamp, a dateline or a date ("20:07 UTC", "CAIRO, Egypt (CNN)
              --", "8 November 2011", "Last updated at")
  capitals    a word or run of words in capitals that is a dateline, not an acronym ("GENEVA",
              "NEW YORK")
  repeated    a word or phrase said twice in a row, or a name said twice ("NEW YORK NEW YORK")
  subjectless opens with a finite verb, a contracted negative ("Hadn't") or a past participle: the
              clause lost its subject
              ("Traveled to Hong Kong", "Defy the shutdown call", "Was taken to hospital")
  pronoun     opens with a pronoun that stands for a name it does not give ("He", "They", "His"),
              or with a word of quantity standing alone before its verb ("All would find ...")
  opener      opens with a conjunction: the tail of a sentence ("And", "But", "While")
  lowercase   opens in lower case
  unbalanced  a bracket or quotation mark left open
  garbled     words a broken parse put together: "be" with no modal or "to" before it ("Latest
              school be shut"), an article or preposition before an auxiliary ("Delivery of is"),
              saying right before the reported verb ("Bush concedes turned out to be wrong")
  object      an object pronoun that stands for a name the label does not give ("hired him",
              "urged them to ensure", "declared it a full pandemic")
  unfinished  ends on a verb that takes an object, where it is a verb (after a modal, "to", "did
              not", "has"; after a plural noun; its "-s" form; an irregular past): the object was
              cut ("... would offer", "... he did not draw", "Mexican swine flu deaths spark",
              "Jackson's doctor gave", "The committee is co-ordinating"); or on an adverb that narrows what it cut ("learned only"),
              or on a noun that relates two things, both cut ("there is a link")
  fragment    opens with a word in "-ing" before a word that does not make it a noun's phrase,
              and has no finite verb: a gerund's phrase ("Building new alliances"); or a noun's
              phrase with "being" and a participle and no finite verb ("Threat being prosecuted")
  nominal     a noun phrase (no verb in it) whose noun names no happening ("Cause of the Iraq
              war", "Naomi Klein book": the noun is the last word before the first preposition),
              or that names one by an epithet ("America's so-called trial of the century"),
              or of three words or fewer that names no one, no place, no number ("Swine flu deaths"), or a
              name a past participle qualifies ("Kidnapped aid worker Anna Kowalski": what happened to
              whom is "Aid worker Anna Kowalski kidnapped")
  clipped     a word or phrase cut in two: a piece of a word a hyphen joined at either end ("-operation
              minister had suggested", "Disasters Emergency Committee is co"), a phrase that lost its
              first word ("Least 122 people", "Number have died": "At least", "A number")
  empty       says nothing a reader can use: how someone looked or seemed, a verb of appearance
              with a word or two after it and no phrase ("Dr Jones looked sombre", "The minister
              seemed tired"); or that news came out, not what it was: a noun of disclosure and a verb
              of coming out with nothing after them ("Fresh evidence emerged", "New details surfaced")
  run-on      a word that opens sentences, capitalized after a word in lower case and not
              beginning a name: a headline or byline run into the first sentence ("... an
              obscene nightmare Five days after", "... a heroic act The following correction");
              or a clause a subordinator opens with its subject inside the label ("... protests
              while his students ..."): a sentence the parse did not part, no headline

The word lists are data (rules/en/labels.toml), with examples and negatives for each class.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..rules import load_toml

CLASSES = ("furniture", "long", "short", "cut", "ending", "stamp", "capitals", "repeated", "subjectless", "pronoun", "opener",
           "lowercase", "unbalanced", "garbled", "clipped", "run-on", "empty", "object", "unfinished", "fragment", "nominal")
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# a clock stamp ("20:07 UTC"), a dateline ("CAIRO, Egypt (CNN) --", "KYIV, Feb 3 (Reuters) -"), a
# full date ("8 November 2011", "June 25, 2009"), a page's "Last updated"
STAMP_RE = re.compile(
    r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|BST|EST|EDT|CET|CEST|[A-Z]{2,4}T)?\b"
    r"|[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*,?(?:\s+[A-Z][\w.]+(?:\s+\d{1,2})?,?)?\s*(?:\([^)]{1,40}\))?"
    r"\s*(?:--|-|—|–)(?=\s)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}\b|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b)\s*")
_UPDATED = re.compile(r"^\s*(?:(?:Last\s+)?[Uu]pdated\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d)")
_FURNITURE = re.compile(r"\S@\S|\bwww\.|https?://|\.(?:com|co\.uk|org)\b|^\s*Click here\b|\b(?:last )?updated at\b",
                        re.IGNORECASE)
# a date or clock time at the end ("... Tuesday 19 July", "... 31 March 2005 01.37"): a page's stamp
_END_DATE = re.compile(rf"(?:\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d{{1,2}}(?:\s+{_MONTH})?|\b(?:of|on)\s+\d{{1,2}}|\b\d{{1,2}}\s+{_MONTH}"
                       rf"\s+\d{{4}}(?:\s+\d{{1,2}}[.:]\d{{2}})?|\b\d{{1,2}}[.:]\d{{2}})\W*$")
# what a parse left broken: "be" with no modal or "to" before it, a preposition before a verb
_GARBLED = re.compile(r"(?<!\bto)(?<!\bnot)(?<!\bwill)(?<!\bwould)(?<!\bcould)(?<!\bshould)(?<!\bmay)(?<!\bmight)"
                      r"(?<!\bmust)(?<!\bcan)(?<!\bcannot)(?<!\bshall)(?<!n't)\s\bbe\b"
                      r"|\b(?:of|in|on|at|by|for|with|from|the|a|an)\s+(?:is|was|were|are|has|have|had)\b",
                      re.IGNORECASE)
# saying, then the reported verb, its subject cut ("Bush concedes turned out"; not "What Blair said was": _FUSED)
_SAID_VERB = re.compile(r"\b(?:says|said|concedes|conceded|insists|insisted|claims|claimed|argues|argued|admits"
                        r"|believes|believed|thinks|maintains|maintained)\s+(?:is|was|were|are|has|have|had"
                        r"|turned|died|killed|happened|began|came|went|took|made)\b", re.IGNORECASE)
_FUSED = re.compile(r"\b(?:what|whatever|all|everything|anything|nothing|something|thing|things)\b", re.IGNORECASE)
_CAPS = re.compile(r"^[A-Z][A-Z'.-]*[A-Z]$")
_WORD = re.compile(r"[\w'’-]+")
_ED = re.compile(r"^[a-z]{3,}(?:ed)$")


@dataclass(frozen=True, slots=True)
class LintWords:
    max_chars: int
    min_words: int
    end_words: frozenset[str]
    dangling: frozenset[str]
    time_words: frozenset[str]
    verb_openers: frozenset[str]
    name_modals: frozenset[str]
    after_verb: frozenset[str]
    pronouns: frozenset[str]
    not_verbs: frozenset[str]
    verb_objects: frozenset[str]
    conjunctions: frozenset[str]
    acronyms: frozenset[str]
    run_on_openers: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    finite_auxiliaries: frozenset[str] = frozenset()
    verbs: "VerbForms | None" = None
    gerund_links: frozenset[str] = frozenset()
    ing_nouns: frozenset[str] = frozenset()
    happening_nouns: frozenset[str] = frozenset()
    nominal_links: frozenset[str] = frozenset()
    nominal_words: int = 4
    event_verbs: frozenset[str] = frozenset()  # verb forms that are no nouns (for `_verbal`)
    relational: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()  # the first halves of hyphened words ("co", "re", "non")
    quantity_nouns: frozenset[str] = frozenset()  # what "a" goes with ("a number")
    superlatives: frozenset[str] = frozenset()  # what "at" goes with ("at least")
    after_past: frozenset[str] = frozenset()  # what follows a verb's past, not a noun ("Accused of")
    appearance_verbs: frozenset[str] = frozenset()  # "looked", "seemed": how someone looked
    disclosure_nouns: frozenset[str] = frozenset()  # "evidence", "details": news that came out
    disclosure_verbs: frozenset[str] = frozenset()  # "emerged", "surfaced"
    naming: frozenset[str] = frozenset()  # "so-called": a name given, no news ([epithet] naming)


@dataclass(frozen=True, slots=True)
class VerbForms:
    """The forms of the verbs that take an object (labels.toml transitive_verbs)."""
    base: frozenset[str]  # "offer", "draw"
    third: frozenset[str]  # "offers", "draws"
    past: frozenset[str]  # "offered", "drew", "drawn"
    past_only: frozenset[str]  # irregular simple pasts that are no participle: "drew", "gave"
    nouns: frozenset[str]  # base forms that are nouns too ("offer")
    focus: frozenset[str]  # "only", "just"


def _regular(base: str) -> tuple[str, str]:
    """The "-s" and "-ed" forms of a regular verb ("carry": "carries", "carried")."""
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies", base[:-1] + "ied"
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return third, base + ("d" if base.endswith("e") else "ed")


def verb_forms(d: dict) -> VerbForms:
    bases = frozenset(w.lower() for w in d["transitive_verbs"])
    irregular = {row[0].lower(): [f.lower() for f in row[1:]] for row in d.get("irregular_verbs", ())}
    third, past, past_only = set(), set(), set()
    for b in bases:
        s_form, ed = _regular(b)
        third.add(s_form)
        forms = irregular.get(b, [ed])
        past.update(forms)
        if len(forms) == 2:
            past_only.add(forms[0])
    return VerbForms(bases, frozenset(third), frozenset(past), frozenset(past_only),
                     frozenset(w.lower() for w in d.get("also_nouns", ())), frozenset(w.lower() for w in d.get("focus_adverbs", ())))


@cache
def lint_words() -> LintWords:
    d, clause = load_toml("labels.toml")["lint"], load_toml("labels.toml")["clause"]
    low = lambda key: frozenset(w.lower() for w in d[key])  # noqa: E731
    events = load_toml("events.toml")
    nouns = low("happening_nouns") | frozenset(w.lower() for w in events["nouns"])
    verbs = verb_forms(d)
    bases = (verbs.base | frozenset(w.lower() for w in events["verbs"])) - verbs.nouns - nouns
    event_verbs = verbs.past | frozenset(f for b in bases for f in _regular(b)) | (verbs.base - verbs.nouns) \
        | frozenset(f for b in low("verb_openers") for f in _regular(b))  # ("appears", "remains": verbs)
    return LintWords(int(d["max_chars"]), int(d["min_words"]), low("end_words"), low("dangling_words"), low("time_words"),
                     low("verb_openers"), low("name_modals"), low("after_verb"), low("pronouns"), low("not_verbs"),
                     low("verb_objects"), low("conjunctions"), frozenset(d["acronyms"]), frozenset(d.get("run_on_openers", ())),
                     frozenset(d.get("titles", ())), frozenset(d.get("object_pronouns", ())),
                     low("quantifiers"), low("finite_auxiliaries"), verbs, low("gerund_noun_links"),
                     low("ing_nouns") | low("ing_adjectives"), nouns, low("nominal_links"), int(d["nominal_words"]),
                     event_verbs, low("relational_nouns"), low("hyphen_prefixes"),
                     frozenset(clause["quantity_nouns"]), frozenset(clause["superlatives"]), low("after_past"),
                     low("appearance_verbs"), low("disclosure_nouns"), low("disclosure_verbs"),
                     frozenset(x.lower() for x in load_toml("labels.toml")["epithet"]["naming"]))


def lint_examples() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(class -> labels that must get it, class -> labels that must not), from labels.toml."""
    d = load_toml("labels.toml")["lint"]
    return dict(d["examples"]), dict(d["negatives"])


def _bare(word: str) -> str:
    return word.lower().strip(".,;:!?\"'“”‘’()[]")


@lru_cache(maxsize=1 << 16)
def lint(label: str) -> tuple[str, ...]:
    """What keeps a label from reading as a headline, one line per problem (class first).
    (Remembered by label: the story asks about each mention's label several times, and the
    mentions of one happening often share theirs.)"""
    w = lint_words()
    problems: list[str] = []
    words = label.split()
    bare = [_bare(x) for x in words]
    if _FURNITURE.search(label):
        problems.append("furniture: a web or e-mail address, or a link's call")
    if len(label) > w.max_chars:
        problems.append(f"long: {len(label)} characters (at most {w.max_chars})")
    if len(words) < w.min_words:
        problems.append(f"short: {len(words)} word{'s' * (len(words) != 1)}")
    if label.rstrip().endswith(("…", "...")):
        problems.append("cut: ends with an ellipsis")
    if bare and (bare[-1] in w.end_words or bare[-1] in w.dangling or bare[-1] in w.time_words):
        problems.append(f"ending: ends on '{words[-1]}'")
    elif _END_DATE.search(label):
        problems.append("ending: ends on a date or a clock time")
    garbled = _GARBLED.search(label) or ((said := _SAID_VERB.search(label)) and not _FUSED.search(label, 0, said.start())
                                         and said)
    if garbled and len(words) > 1:
        problems.append(f"garbled: '{garbled.group().strip()}'")
    if STAMP_RE.match(label) or _UPDATED.match(label):
        problems.append("stamp: opens with a clock stamp, a dateline or a date")
    caps = _capitals(words, w.acronyms)
    if caps:
        problems.append(f"capitals: '{caps}' is a dateline, not a headline")
    rep = _repeated(words)
    if rep:
        problems.append(f"repeated: '{rep}' twice")
    if bare:
        first, second = bare[0], bare[1] if len(bare) > 1 else ""
        second_lower = len(words) > 1 and words[1][:1].islower()
        if first in w.pronouns and not (words[0].isupper() and len(first) > 1) or (  # ("US", "WHO": acronyms)
                first in w.quantifiers and second in w.finite_auxiliaries):  # ("All would find ...")
            problems.append(f"pronoun: opens with '{words[0]}', a name it does not give")
        elif first in w.conjunctions:
            problems.append(f"opener: opens with '{words[0]}'")
        elif _subjectless(words[0], first, second, second_lower, w) or _owner_object(words, first, w):
            problems.append(f"subjectless: opens with the verb '{words[0]}'")
    if label[:1].islower() and not any(c.isupper() for c in words[0][1:]):  # ("iPhone", "eBay": names)
        problems.append("lowercase: opens in lower case")
    clip = _clipped(words, bare, w)
    if clip:
        problems.append(f"clipped: {clip}")
    run_on = _run_on(words, w.run_on_openers)
    if run_on:
        problems.append(f"run-on: '{run_on}' opens another sentence")
    obj = next((x for x in words[1:] if x.strip(".,;:!?\"'“”‘’()") in w.objects), None)
    if obj is not None:
        problems.append(f"object: '{obj.strip('.,;:!?')}' stands for a name the label does not give")
    if _gerund_phrase(bare, words, w):
        problems.append(f"fragment: '{words[0]} {words[1]}' ... has no finite verb")
    elif _being(bare, w):
        problems.append("fragment: 'being' and a participle, no finite verb")
    nominal = _nominal(bare, words, w)
    if nominal:
        problems.append(f"nominal: {nominal}")
    empty = _empty(bare, w)
    if empty:
        problems.append(f"empty: {empty}")
    cut_off = _unfinished(bare, words, w)
    if cut_off:
        problems.append(f"unfinished: ends on '{cut_off}', its object cut")
    if (label.count("(") != label.count(")") or label.count("[") != label.count("]") or label.count('"') % 2
            or label.count("“") != label.count("”")):
        problems.append("unbalanced: a bracket or quotation mark left open")
    return tuple(problems)


def _clipped(words: list[str], bare: list[str], w: LintWords) -> str | None:
    """What was cut in two at the label's start or end (see the class), else None."""
    if words[0][:1] in "-‐‑–" or words[-1][-1:] in "-‐‑":
        return "a hyphened word cut at its hyphen"
    if len(bare) > 1 and bare[-1] in w.prefixes and words[-1][-1:].isalpha():
        return f"ends on '{words[-1]}', the first half of a hyphened word"
    if len(bare) > 1 and ((bare[0] in w.superlatives and bare[1][:1].isdigit())
                          or (bare[0] in w.quantity_nouns and bare[1] in w.finite_auxiliaries)):
        return f"'{words[0]}' lost the word before it"
    return None


def _run_on(words: list[str], openers: frozenset[str]) -> str | None:
    at = run_on_at(words, openers)
    if at is not None:
        return f"{words[at - 1]} {words[at]}"
    clause_openers = _clause_openers()
    for k in range(1, len(words) - 1):  # a clause a subordinator opens, its subject after it: no headline's
        if _bare(words[k]) in clause_openers and _bare(words[k + 1]) in _CLAUSE_SUBJECTS:
            return f"{words[k]} {words[k + 1]}"
    return None


@cache
def _clause_openers() -> frozenset[str]:
    return frozenset(w.lower() for w in load_toml("labels.toml")["lint"]["clause_openers"])


_CLAUSE_SUBJECTS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
                              "those", "he", "she", "it", "they", "we", "i", "you", "there"})


def run_on_at(words: list[str], openers: frozenset[str] | None = None) -> int | None:
    """Where the first word of `openers` (the run-on openers of labels.toml), capitalized after
    a word in lower case (no stop or colon between), that does not begin a name (the next word
    is not capitalized) is in `words`, else None."""
    openers = lint_words().run_on_openers if openers is None else openers
    for i in range(1, len(words)):
        prev, word = words[i - 1], words[i].strip("\"'“”‘’")
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in openers and prev[:1].islower() and prev[-1:] not in ".:;!?\"'”’" and not nxt[:1].isupper():
            return i
    return None


def _owner_object(words: list[str], first: str, w: LintWords) -> bool:
    """A past form that opens a label before a name's possessive: a verb and the phrase of its
    object ("Questioned Tony Blair's echo of ..."), its subject lost; not a participle before
    the noun it qualifies ("Questioned Guardian journalist was freed")."""
    v = w.verbs
    return v is not None and first in v.past and len(words) > 2 and words[1][:1].isupper() \
        and any(x.endswith(("'s", "’s")) for x in words[1:4])


def _subjectless(word: str, first: str, second: str, second_lower: bool, w: LintWords) -> bool:
    """A label that opens with a verb: an auxiliary, a modal or an irregular past; a past form
    followed by what follows a verb ("Traveled to", "Collapsed last"); any word followed by an
    article or an object ("Defy the shutdown call", "Better than ...")."""
    if first.endswith(("n't", "n’t")) and (first[:-3] in w.finite_auxiliaries or first[:-3] in _CONTRACTED):
        return second_lower or not second  # ("Hadn't changed"; not a title: "Can't Stop Won't Stop album")
    if first in w.name_modals:
        return second_lower
    v = w.verbs
    if first in ("not", "never") and second_lower and v is not None:  # a negation whose subject and auxiliary
        return second in _BARE_VERBS or second in v.past or second in v.base or bool(_ED.match(second))  # went
    if first in w.verb_openers:
        return not (word.isupper() and len(word) > 1)  # ("IS" ...: an acronym)
    if v is not None and second_lower and ((first in v.past and (second in w.after_verb or second in w.verb_objects
                                                                 or second in w.after_past))
                                           or (first in v.base and first not in v.nouns)):
        return not word.isupper()  # "Follow suit a day later", "Carried out an extensive interview"
    if v is not None and second_lower and first in v.past and not first.endswith("ed") and first not in v.base:
        return not word.isupper()  # an irregular past or participle and a word after it: "Taken part in ..."
    if _ED.match(first) and (second_lower and second in w.after_verb or second[:1].isdigit()):
        return True
    return bool(second) and second in w.verb_objects and second_lower and first not in w.not_verbs \
        and not word.isupper() and first.isalpha()


_CONTRACTED = frozenset({"ca", "wo", "sha", "ai", "need", "dare"})  # ("can't", "won't", "shan't", "ain't")
_BARE_VERBS = frozenset({"be", "been", "being", "have", "to"})  # ("Not be used as evidence", "Never to return")
_MODALS = frozenset({"will", "would", "could", "should", "may", "might", "must", "can", "shall", "to", "not", "n't",
                     "never", "did", "do", "does", "cannot"})
_PERFECT = frozenset({"has", "have", "had", "having"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these",
                          "those", "no", "any", "some", "each", "every"})


def _unfinished(bare: list[str], words: list[str], w: LintWords) -> str | None:
    """The last word, when it is a verb that takes an object and stands as one (see the
    class), or an adverb that narrows what follows it; else None."""
    v = w.verbs
    if v is None or len(bare) < 2 or not words[-1][-1:].isalpha():
        return None
    last, prev = bare[-1], bare[-2]
    if last in v.focus or (last in w.relational and prev in {"a", "an"}):  # (not "denied any link")
        return words[-1]
    if words[-1][:1].isupper():  # (a name: "... Tony Blair's Iraq Offer"? no: "Drew")
        return None
    before = [b for b in bare[:-1] if b not in {"not", "also", "never", "n't"}]
    prev_v = before[-1] if before else ""
    if last in v.base and (prev in _MODALS or (prev.endswith("s") and not prev.endswith(("ss", "'s", "us", "is"))
                                               and words[-2][:1].islower() and prev not in _DETERMINERS)):
        return words[-1]  # "... would offer", "... did not draw", "... deaths spark"
    if last in v.third and last[:-1] not in v.nouns and last[:-2] not in v.nouns and prev not in _DETERMINERS:
        return words[-1]  # "The agency sends"
    if last in v.past and prev_v in _PERFECT:
        return words[-1]  # "The WHO has declared"
    if last in v.past_only and prev not in {"was", "were", "is", "are", "be", "been", "being"}:
        return words[-1]  # "Jackson's doctor gave"
    if last.endswith("ing") and prev in {"is", "are", "was", "were", "be", "been"} and (
            last[:-3] in v.base or last[:-3] + "e" in v.base or (len(last) > 6 and last[:-4] in v.base and last[-4] == last[-5])):
        return words[-1]  # "The committee is co-ordinating", "Haiti is facing"
    return None


_NUMBERS = frozenset("two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
                     "dozens hundreds thousands millions".split())


def _verbal(bare: list[str], w: LintWords) -> bool:
    """Whether a label has a word that is a verb (an auxiliary, a form in "-ed" after the first
    word, which is an adjective: "Failed terror attacks"; a verb's "-s" form or irregular past,
    one of the verbs that take an object; "to" before a word)."""
    forms = w.finite_auxiliaries | w.verb_openers | w.event_verbs
    return any(b in forms or (b.endswith("ed") and len(b) > 4 and k) for k, b in enumerate(bare)) or "to" in bare[:-1]


def _nominal(bare: list[str], words: list[str], w: LintWords) -> str | None:
    """What is wrong with a label that is a noun phrase naming no happening, or naming one with
    nothing that tells which ("Swine flu deaths"), else None."""
    if len(bare) > 3 and _ED.match(bare[0]) and words[-1][:1].isupper() and not _verbal(bare[1:], w) \
            and w.nominal_links.isdisjoint(bare) and bare[1] not in _DETERMINERS | w.objects | w.verb_objects \
            and not (w.verbs is not None and bare[1] in w.verbs.base):  # (not a verb's object: "Received the VC")
        return f"no verb, and '{words[0]}' qualifies the name '{words[-1]}'"  # ("Kidnapped aid worker Anna Kowalski")
    if not w.naming.isdisjoint(bare) and not _verbal([b for b in bare if b not in w.naming], w):
        # ("America's so-called trial of the century")
        return f"no verb, and '{next(x for x in words if _bare(x) in w.naming)}' gives it a name, no news"
    if not w.happening_nouns or len(bare) < 2 or _verbal(bare, w):
        return None
    link = next((k for k, b in enumerate(bare) if b in w.nominal_links), len(bare))
    if link == 0 or link > w.nominal_words:
        return None
    head = bare[link - 1]
    head = head[:-2] if head.endswith("'s") else head
    if head in w.happening_nouns and len(bare) <= 3 and not any(
            x[:1].isupper() or x[:1].isdigit() or x.endswith(("'s", "’s")) for x in words[1:]) \
            and not (words[0][1:].isupper() or words[0][:1].isdigit() or words[0].endswith(("'s", "’s"))
                     or bare[0] in _NUMBERS):  # ("Swine flu deaths"; not "US deaths", "Five deaths", "Thursday's")
        return f"no verb, and '{' '.join(words)}' names no one, no place, no number"
    return None if head in w.happening_nouns or not head.isalpha() else f"no verb, and '{head}' names no happening"


def _empty(bare: list[str], w: LintWords) -> str | None:
    """What makes a label say nothing a reader can use (see the class), else None."""
    verb = next((k for k, b in enumerate(bare) if k and b in w.appearance_verbs), None)
    if verb is not None and 1 <= len(bare) - verb - 1 <= 2 and bare[-1].isalpha() \
            and not set(bare[verb + 1:]) & (w.after_verb | {"like", "as", "than", "that"}):  # (not "appeared in court")
        return f"'{bare[verb]} {' '.join(bare[verb + 1:])}' tells how someone looked, not what happened"
    if len(bare) >= 2 and bare[-1] in w.disclosure_verbs and bare[-2] in w.disclosure_nouns:
        return f"'{bare[-2]} {bare[-1]}' tells that news came out, not what it was"
    return None


def _being(bare: list[str], w: LintWords) -> bool:
    """Whether a noun's phrase goes on with "being" and a participle and has no finite verb: a
    gerund a parse cut from its preposition ("Threat | being prosecuted for war crimes": "the
    threat of being ...")."""
    if "being" not in bare[1:-1]:
        return False
    k = bare.index("being", 1)
    nxt = bare[k + 1]
    if bare[k - 1] in w.nominal_links or bare[k - 1] in {"of", "for", "from", "about", "without", "after", "before", "by"}:
        return False  # ("the threat of | being prosecuted": the gerund with its preposition)
    v = w.verbs
    finite = w.finite_auxiliaries | {"says", "said"} | (set() if v is None else v.third | v.past_only)
    return (nxt.endswith(("ed", "en")) or (v is not None and nxt in v.past)) and not any(b in finite for b in bare[:k])


def _gerund_phrase(bare: list[str], words: list[str], w: LintWords) -> bool:
    """Whether the label is a gerund's phrase with no finite verb ("Building new alliances")."""
    if len(bare) < 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return False
    first, second = bare[0], bare[1]
    if not (first.endswith("ing") and len(first) > 5) or first in w.ing_nouns or second in w.gerund_links \
            or (second.endswith("s") and not second.endswith(("ss", "us"))):
        return False
    v = w.verbs
    finite = w.finite_auxiliaries | ({"says", "said"} if v is None else v.third | v.past_only | {"says", "said"})
    return not any(b in finite or (b.endswith("ed") and len(b) > 4) for b in bare[1:])


def _capitals(words: list[str], acronyms: frozenset[str]) -> str | None:
    """A word in capitals of five letters or more that is no known acronym, or a run of two or
    more words in capitals with seven letters or more: a dateline ("GENEVA", "NEW YORK")."""
    run: list[str] = []
    for raw in words + [""]:
        token = raw.strip(",;:()\"'“”")
        if token and _CAPS.match(token) and token not in acronyms and sum(c.isalpha() for c in token) >= 2:
            run.append(token)
            continue
        if run:
            letters = sum(c.isalpha() for t in run for c in t)
            if (len(run) >= 2 and letters >= 7) or any(sum(c.isalpha() for c in t) >= 5 for t in run):
                return " ".join(run)
        run = []
    return None


def _repeated(words: list[str]) -> str | None:
    """The same one to three words twice in a row, or a name of two capitalized words twice."""
    low = [_bare(x) for x in words]
    for n in (3, 2, 1):
        for i in range(len(low) - 2 * n + 1):
            if low[i:i + n] == low[i + n:i + 2 * n] and all(low[i:i + n]) and not low[i].isdigit():
                return " ".join(words[i:i + n])
    seen: dict[tuple[str, str], int] = {}
    for i in range(len(words) - 1):
        a, b = words[i].strip(",;:'’\"“”"), words[i + 1].strip(",;:'’\"“”")
        if a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha():
            key = (a.lower(), b.lower())
            if key in seen and seen[key] < i - 1:
                return f"{a} {b}"
            seen.setdefault(key, i)
    return None
