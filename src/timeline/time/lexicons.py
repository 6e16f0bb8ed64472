"""A lexicon's words as one regex: a trie ("jan(?:uary|\\.)?"), fast to compile and to match."""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..rules import regex_cache


def trie_regex(words: list[str]) -> str:
    """One regex for a word list, as a trie ("jan(?:uary|\\.)?"): fast to compile and to match.
    Longer words are tried first, so a longest match is never lost to a prefix."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [(re.escape(ch) if ch != " " else r"\s+") + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return emit(trie)


def lexicon_regex(values: Mapping[str, Any], exact: list[str]) -> str:
    exact_lower = {e.lower() for e in exact}
    plain = [k.lower() for k in values if k.lower() not in exact_lower]
    alts = [trie_regex(plain)] if plain else []
    for word in sorted(exact, key=lambda k: (-len(k), k)):
        alts.append(f"(?-i:{re.escape(word)})")
    return "(?:" + "|".join(alts) + ")"


def lexicon_regexes(lexicons: Mapping[str, tuple[dict[str, Any], list[str]]]) -> dict[str, str]:
    """Each lexicon's regex (a trie of its words), kept between runs under the words and the
    code that builds it (building them was a fifth of loading the grammar)."""
    words = {name: (sorted(table), exact) for name, (table, exact) in lexicons.items()}
    try:
        material: str | None = repr((Path(__file__).read_text(encoding="utf-8"), sorted(words.items())))
    except (OSError, ValueError):
        material = None
    return regex_cache.derived("lexicon-regexes", material,
                               lambda: {name: lexicon_regex(dict.fromkeys(keys), exact) for name, (keys, exact) in words.items()},
                               lambda v: isinstance(v, dict) and set(v) == set(words) and all(isinstance(x, str) for x in v.values()))
