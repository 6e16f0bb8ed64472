"""Load and validate the rule files in ``rules/<lang>/``.

Rules are data (TOML). Loading fails, with the file and rule named, on a pattern that does
not compile, an unknown macro, a field that names a group the pattern does not have, an
unknown kind, or a rule with no example. A rule produces a :class:`~timeline.model.Symbolic`
time from a regex match; nothing here knows about anchors or dates.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ..model import Kind, Symbolic, TimexType, Unit
from ..rules import GrammarError, load_toml, rules_dir
from ..rules import regex_cache
from .lexicons import lexicon_regexes, trie_regex

EXAMPLE_KEYS = {"value", "type", "earliest", "latest", "grain", "alternative"}
MACRO_RE = re.compile(r"@([a-z_][a-z0-9_]*)(?::([a-z_][a-z0-9_]*))?")
# "amount_plus"/"unit_plus": a second amount of the next finer unit, added to the first ("two
# years and three months" is 2.25 years, written P2Y3M); no field of Symbolic
_COMPOUND = {"amount_plus", "unit_plus"}
_FIELD_NAMES = {f for f in Symbolic.__dataclass_fields__ if f not in {"kind", "end_point"}} | _COMPOUND
_FINER_BY = {("year", "month"): 12, ("month", "day"): 30, ("week", "day"): 7, ("day", "hour"): 24,
             ("hour", "minute"): 60, ("minute", "second"): 60}
_INT_FIELDS = {"century", "decade", "year", "half", "quarter", "month", "week", "day", "weekday",
               "hour", "minute", "second", "offset", "direction", "nth"}


# a match ends where a word ends: not before a letter, a digit or a combining mark ("Tue\u0301sday")
_WORD_END = r"(?![\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])"


@dataclass(frozen=True, slots=True)
class Macro:
    name: str
    regex: str  # what rules match with (a lexicon as a trie)
    convert: Callable[[str], Any]
    words: tuple[str, ...] = ()  # a lexicon's words (none for a pattern macro)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    match: str  # the part of `text` the rule must cover
    dct: str | None
    expect: Mapping[str, Any]


def read_examples(spec: Mapping[str, Any], where: str, default_dct: str | None, what: str) -> list[Example]:
    """The examples of a rule or a combinator (at least one), each checked: its text, the part
    it must match, and only known expectations."""
    examples = []
    for ex in spec.get("examples", []):
        text = ex.get("text")
        if not text:
            raise GrammarError(f"{where}: example without text")
        match = ex.get("match", text)
        if match not in text:
            raise GrammarError(f"{where}: example match {match!r} not in {text!r}")
        expect = {k: v for k, v in ex.items() if k not in {"text", "match", "dct"}}
        unknown = set(expect) - EXAMPLE_KEYS
        if unknown:
            raise GrammarError(f"{where}: example {text!r} has unknown keys {sorted(unknown)}")
        examples.append(Example(text, match, ex.get("dct", default_dct), expect))
    if not examples:
        raise GrammarError(f"{where}: {what} needs at least one example")
    return examples


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    file: str
    pattern: str
    regex: re.Pattern[str]
    kind: Kind
    fields: Mapping[str, Any]
    end_fields: Mapping[str, Any]
    group_macro: Mapping[str, str]  # group name -> macro name
    skeleton: str  # the pattern with each macro as a one-character group, for the prefilter
    type: TimexType | None
    priority: int
    examples: tuple[Example, ...]
    negatives: tuple[str, ...]
    fragment: bool = False  # a part only: kept when a combinator (combine.py) joins it to another
    veto: re.Pattern[str] | None = None  # a match where this ends as the match ends is no time ("Theresa May")
    # a match is a time only where this ends as the match ends ("at 0800 and close at 1800": the
    # clock before makes the second one a clock); compiled to end at the match's end (\Z)
    requires: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity
class Grammar:
    lang: str
    rules: tuple[Rule, ...]
    macros: Mapping[str, Macro]
    negatives: tuple[str, ...]  # texts in which no time expression may be found


# ----------------------------------------------------------------------------- converters

def _number_converter(words: Mapping[str, Any]) -> Callable[[str], Any]:
    def convert(text: str) -> float | int | None:
        t = text.lower().strip()
        try:
            v = float(t)
            return int(v) if v.is_integer() else v
        except ValueError:
            pass
        if t in words:
            return words[t]
        total: float = 0
        for part in re.split(r"[-\s]+", t):
            if part not in words:
                raise ValueError(f"not a number: {text!r}")
            total += words[part]
        return int(total) if float(total).is_integer() else total

    return convert


def _ordinal_converter(words: Mapping[str, Any]) -> Callable[[str], int]:
    def convert(text: str) -> int:
        t = text.lower().strip()
        m = re.match(r"(\d+)(?:st|nd|rd|th)?$", t)
        if m:
            return int(m.group(1))
        return int(words[t])

    return convert


def _year_words_converter(words: Mapping[str, Any]) -> Callable[[str], int]:
    """ "nineteen ninety-six" -> 1996, "two thousand and three" -> 2003, "nineteen hundred" -> 1900."""
    extra = {"eighteen": 18, "nineteen": 19, "thirteen": 13, "fourteen": 14, "fifteen": 15,
             "sixteen": 16, "seventeen": 17, "eleven": 11, "twelve": 12, "ten": 10}

    def value(word: str) -> int:
        return int(extra.get(word, words.get(word, 0)))

    def convert(text: str) -> int:
        parts = [p for p in re.split(r"[-\s]+", text.lower()) if p and p != "and"]
        if parts[:2] == ["two", "thousand"]:
            return 2000 + sum(value(p) for p in parts[2:])
        century = value(parts[0]) * 100
        rest = parts[1:]
        if rest and rest[0] == "hundred":
            return century + sum(value(p) for p in rest[1:])
        if rest and rest[0] == "oh":
            rest = rest[1:]
        return century + sum(value(p) for p in rest)

    return convert


def _year2(text: str) -> int:
    y = int(text.strip("'’ "))
    return 2000 + y if y < 50 else 1900 + y


def _zone_offset(text: str) -> str:
    from .zones import normalize_offset  # "UTC+5:30" -> "+05:30"

    return normalize_offset(text)


def _int(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _lookup(values: Mapping[str, Any]) -> Callable[[str], Any]:
    table = {k.lower(): v for k, v in values.items()}

    def convert(text: str) -> Any:
        return table[re.sub(r"\s+", " ", text.lower())]

    return convert


# ----------------------------------------------------------------------------- loading

def _lexicon_files(lang: str) -> list[str]:
    names = sorted(p.name for p in rules_dir(lang).iterdir() if p.name.startswith("lexicon") and p.name.endswith(".toml"))
    return ["lexicon.toml"] + [n for n in names if n != "lexicon.toml"]


def load_macros(lang: str = "en") -> dict[str, Macro]:
    """The macros of lexicon.toml and every lexicon_*.toml beside it (a name may be defined once)."""
    data: dict[str, dict[str, Any]] = {"lexicon": {}, "pattern": {}}
    for name in _lexicon_files(lang):
        part = load_toml(name, lang)
        for section in ("lexicon", "pattern"):
            for key, spec in part.get(section, {}).items():
                if key in data["lexicon"] or key in data["pattern"]:
                    raise GrammarError(f"{lang}/{name}: {key!r} is already defined")
                data[section][key] = spec
    macros: dict[str, Macro] = {}
    number_words = data.get("lexicon", {}).get("number", {}).get("values", {})
    ordinal_words = data.get("lexicon", {}).get("ordinal", {}).get("values", {})
    ordinal = _ordinal_converter({k.replace("-", " "): v for k, v in ordinal_words.items()} | dict(ordinal_words))
    converters: dict[str, Callable[[str], Any]] = {
        "int": _int,
        "year2": _year2,
        "number": _number_converter(number_words),
        "ordinal": ordinal,
        "text": lambda t: re.sub(r"\s+", " ", t.lower()),
        "decade": lambda t: int(t[:3]),  # "1990s" -> 199
        "decade2": lambda t: 190 + int(t[-3]),  # "'90s", "the 90s" -> 199
        "century": lambda t: ordinal(re.sub(r"[-\s]+", "-", t.lower())) - 1,  # "20th" -> 19 (the 1900s)
        "century_decade": lambda t: 10 * (ordinal(re.sub(r"[-\s]+", "-", t.lower())) - 1),  # "20th" -> 190
        "century_bc": lambda t: -ordinal(re.sub(r"[-\s]+", "-", t.lower())),  # "3rd" BC -> -3 (BC02: 300-201 BC)
        "year_words": _year_words_converter(number_words),
        "zone_offset": _zone_offset,
    }
    lexicons: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for name, spec in data.get("lexicon", {}).items():
        values = spec.get("values")
        if not values:
            raise GrammarError(f"{lang}/lexicon.toml: lexicon {name!r} has no values")
        exact = list(spec.get("exact", []))
        table = dict(values)
        for word in exact:  # exact-case words map to the value of their lowercase form
            if word.lower() not in {k.lower() for k in table}:
                raise GrammarError(f"{lang}/lexicon.toml: exact word {word!r} not in lexicon {name!r}")
        lexicons[name] = (table, exact)
    regexes = lexicon_regexes(lexicons)
    for name, (table, exact) in lexicons.items():
        macros[name] = Macro(name, regexes[name], _lookup(table), tuple(table) + tuple(exact))
    for name, spec in data.get("pattern", {}).items():
        conv = spec.get("convert", "text")
        if conv not in converters:
            raise GrammarError(f"{lang}/lexicon.toml: pattern {name!r}: unknown converter {conv!r}")
        try:
            regex_cache.compile(spec["regex"])
        except re.error as exc:
            raise GrammarError(f"{lang}/lexicon.toml: pattern {name!r}: {exc}") from exc
        if name in macros:
            raise GrammarError(f"{lang}/lexicon.toml: {name!r} defined twice")
        macros[name] = Macro(name, spec["regex"], converters[conv])
    return macros


def expand(pattern: str, macros: Mapping[str, Macro], where: str) -> tuple[str, dict[str, str]]:
    """Replace @macro / @macro:alias by named groups; return the regex and group -> macro."""
    groups: dict[str, str] = {}

    def sub(m: re.Match[str]) -> str:
        name, alias = m.group(1), m.group(2) or m.group(1)
        if name not in macros:
            raise GrammarError(f"{where}: unknown macro @{name}")
        if alias in groups:
            raise GrammarError(f"{where}: group {alias!r} used twice; write @{name}:other_name")
        groups[alias] = name
        return f"(?P<{alias}>{macros[name].regex})"

    return MACRO_RE.sub(sub, pattern), groups


def _spec_groups(spec: Any) -> list[str]:
    """The groups a field spec reads: "$g", "-$g", a list of such, or a table {group: value}."""
    if isinstance(spec, str) and spec.lstrip("-").startswith("$"):
        return [spec.lstrip("-")[1:]]
    if isinstance(spec, list):
        return [g for item in spec for g in _spec_groups(item)]
    if isinstance(spec, dict):
        return list(spec)
    return []


def _check_fields(spec: Mapping[str, Any], groups: Mapping[str, int], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, val in spec.items():
        if key not in _FIELD_NAMES:
            raise GrammarError(f"{where}: unknown field {key!r}")
        for group in _spec_groups(val):
            if group not in groups:
                raise GrammarError(f"{where}: field {key!r} refers to missing group {group!r}")
        if key in ("unit", "nth_unit", "unit_plus") and not _spec_groups(val) and val not in {u.value for u in Unit}:
            raise GrammarError(f"{where}: unknown unit {val!r}")
        out[key] = val
    return out


def _load_rule_file(name: str, lang: str, macros: Mapping[str, Macro]) -> tuple[list[Rule], list[str]]:
    return compile_rules(load_toml(name, lang), f"{lang}/{name}", macros)


def compile_rules(data: Mapping[str, Any], name: str, macros: Mapping[str, Macro]) -> tuple[list[Rule], list[str]]:
    """Validate and compile the rules of one parsed rule file; GrammarError names what is wrong."""
    default_dct = data.get("dct")
    rules: list[Rule] = []
    for i, spec in enumerate(data.get("rule", [])):
        rid = spec.get("id") or f"#{i}"
        where = f"{name}: rule {rid}"
        if "pattern" not in spec:
            raise GrammarError(f"{where}: no pattern")
        regex_src, groups = expand(spec["pattern"], macros, where)
        try:
            regex = regex_cache.compile(r"(?<![\w'’])(?:" + regex_src + r")" + _WORD_END, re.IGNORECASE)
        except re.error as exc:
            raise GrammarError(f"{where}: pattern does not compile: {exc}") from exc
        try:
            kind = Kind(spec.get("kind", "point"))
        except ValueError:
            raise GrammarError(f"{where}: unknown kind {spec.get('kind')!r}") from None
        fields = _check_fields(spec.get("fields", {}), regex.groupindex, where)
        end_fields = _check_fields(spec.get("end", {}), regex.groupindex, where)
        ttype = spec.get("type")
        if ttype is not None and ttype not in TimexType.__members__:
            raise GrammarError(f"{where}: unknown type {ttype!r}")
        try:  # `veto` ends where the match ends: "Theresa May", not the month
            veto = regex_cache.compile(spec["veto"], re.IGNORECASE) if spec.get("veto") else None
        except re.error as exc:
            raise GrammarError(f"{where}: veto does not compile: {exc}") from exc
        try:  # `requires` ends where the match ends: "close at 1800" after "open at 0800"
            requires = regex_cache.compile(r"(?:" + spec["requires"] + r")\Z", re.IGNORECASE) \
                if spec.get("requires") else None
        except re.error as exc:
            raise GrammarError(f"{where}: requires does not compile: {exc}") from exc
        examples = read_examples(spec, where, default_dct, "a rule")
        skeleton = MACRO_RE.sub(lambda m: f"(?P<{m.group(2) or m.group(1)}>\ue000)", spec["pattern"])
        rules.append(Rule(
            id=rid, file=name, pattern=spec["pattern"], regex=regex, kind=kind, fields=fields,
            end_fields=end_fields, group_macro=groups, skeleton=r"(?<![\w'’])(?:" + skeleton + r")" + _WORD_END,
            type=TimexType(ttype) if ttype else None, priority=int(spec.get("priority", 0)),
            examples=tuple(examples), negatives=tuple(spec.get("negatives", [])),
            fragment=bool(spec.get("fragment", False)), veto=veto, requires=requires,
        ))
    return rules, list(data.get("negatives", []))


NOT_RULE_FILES = {"negatives.toml", "text.toml", "tense.toml", "events.toml", "coref.toml", "zones.toml", "feasts.toml",
                  "combinators.toml"}


def rule_files(lang: str = "en") -> list[str]:
    """Every rules/<lang>/*.toml that holds [[rule]]s: all but the lexicons and the data files."""
    return sorted(p.name for p in rules_dir(lang).iterdir()
                  if p.name.endswith(".toml") and not p.name.startswith("lexicon") and p.name not in NOT_RULE_FILES)


@cache
def load_grammar(lang: str = "en") -> Grammar:
    macros = load_macros(lang)
    rules: list[Rule] = []
    negatives: list[str] = []
    for name in rule_files(lang):
        file_rules, file_negatives = _load_rule_file(name, lang, macros)
        rules.extend(file_rules)
        negatives.extend(file_negatives)
    negatives.extend(load_toml("negatives.toml", lang).get("negatives", []))
    ids = [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise GrammarError(f"{lang}: duplicate rule ids: {', '.join(dupes)}")
    regex_cache.flush()
    return Grammar(lang, tuple(rules), macros, tuple(negatives))


# ----------------------------------------------------------------------------- matching

def _field_value(spec: Any, match: re.Match[str], rule: Rule, macros: Mapping[str, Macro]) -> Any:
    if isinstance(spec, list):  # the first alternative whose group took part in the match
        for item in spec:
            value = _field_value(item, match, rule, macros)
            if value is not None:
                return value
        return None
    if isinstance(spec, dict):  # {group: value}: the value of the first group that matched
        for group, value in spec.items():
            if match.group(group) is not None:
                return value
        return None
    if not (isinstance(spec, str) and spec.lstrip("-").startswith("$")):
        return spec
    negate = spec.startswith("-")
    group = spec.lstrip("-")[1:]
    text = match.group(group)
    if text is None:
        return None
    macro = rule.group_macro.get(group)
    value = macros[macro].convert(text) if macro else re.sub(r"\s+", " ", text.lower())
    if negate and isinstance(value, (int, float)):
        value = -value
    return value


def _coerce(key: str, value: Any) -> Any:
    if value is None or value == "X":  # "X": an unspecified amount ("several days")
        return None
    if key in ("unit", "nth_unit", "unit_plus"):
        return Unit(value)
    if key in ("amount", "amount_plus"):
        return float(value)
    if key in _INT_FIELDS:
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{key} must be whole: {value}")
        return int(value)
    return value


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _possible(values: Mapping[str, Any]) -> bool:
    """Can these calendar fields name a real time in some year ("February 30" cannot)?"""
    month, day = values.get("month"), values.get("day")
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and not 1 <= day <= (_MONTH_DAYS[month - 1] if month else 31):
        return False
    hour, minute = values.get("hour"), values.get("minute")
    return (hour is None or 0 <= hour <= 24) and (minute is None or -59 <= minute <= 59)  # -15: "a quarter to"


_MULTIPLE = re.compile(r"(\d+)\*([a-z]+)$")  # a unit that is a multiple of another: "2*week" (a fortnight)


def _multiples(raw: dict[str, Any], kind: Kind) -> dict[str, Any]:
    """A unit of the lexicons written "2*week" (a fortnight) is that many of the other unit:
    the amount and the offset count it ("two fortnights": four weeks, "a fortnight ago": two
    weeks back); with no amount stated, a duration or a recurrence is one of it."""
    unit = raw.get("unit")
    m = _MULTIPLE.match(unit) if isinstance(unit, str) else None
    if m is None:
        return raw
    k = int(m.group(1))
    out = dict(raw, unit=m.group(2))
    for key in ("amount", "offset"):
        if isinstance(out.get(key), (int, float)):
            out[key] = out[key] * k
    if out.get("amount") is None and out.get("offset") is None and kind in (Kind.DURATION, Kind.SPAN, Kind.SET):
        out["amount"] = k  # "every fortnight" ("several fortnights" states "X": unspecified)
    return out


def _compound(values: dict[str, Any]) -> dict[str, Any]:
    """Fold a second amount of the next finer unit into the first ("11 hours and 30 minutes":
    11.5 hours); a second unit that is not the next finer one is no compound (ValueError)."""
    plus, plus_unit = values.pop("amount_plus", None), values.pop("unit_plus", None)
    if plus is None:
        return values
    unit, amount = values.get("unit"), values.get("amount")
    factor = _FINER_BY.get((getattr(unit, "value", None), getattr(plus_unit, "value", None)))
    if factor is None or amount is None or not 0 < plus < factor:
        raise ValueError("no compound duration")
    return dict(values, amount=amount + plus / factor)


def symbolic_from_match(rule: Rule, match: re.Match[str], macros: Mapping[str, Macro]) -> Symbolic | None:
    """Build the symbolic time a rule states for one match; None if the match is not a time."""
    try:
        raw = {k: _field_value(v, match, rule, macros) for k, v in rule.fields.items()}
        values = _compound({k: _coerce(k, v) for k, v in _multiples(raw, rule.kind).items()})
        end = None
        end_values: dict[str, Any] = {}
        if rule.kind is Kind.RANGE or rule.end_fields:  # a SPAN's far end: "the next 12 to 18 months"
            end_values = {k: _coerce(k, _field_value(v, match, rule, macros)) for k, v in rule.end_fields.items()}
            if rule.kind is Kind.RANGE or any(v is not None for v in end_values.values()):
                end = Symbolic(Kind.POINT, **{k: v for k, v in end_values.items() if v is not None})
    except (KeyError, ValueError):
        return None
    if not _possible(values) or (end is not None and not _possible(end_values)):
        return None
    if end is not None and end.year is not None and values.get("year") is not None:
        if end.year < 100 <= values["year"]:  # "1914-18", "1999-00": the second year in the first's century, after it
            year = values["year"] // 100 * 100 + end.year
            end = replace(end, year=year if year > values["year"] else year + 100)
        if end.year <= values["year"]:  # type: ignore[operator]
            return None  # a range goes forward: "2012-2010" is no range of years
    return Symbolic(rule.kind, end_point=end, **{k: v for k, v in values.items() if v is not None})
