"""Syntax: parts of speech, lemmas and dependency trees of sentences, from a learned model.

The model (``timeline/models/syntax/``, a spaCy pipeline: CNN tok2vec, Penn tagger, UPOS +
features morphologizer, UD dependency parser, edit-tree lemmatizer) is trained by
``scripts/train_syntax.py`` on UD English EWT and GUM; see ``models/LICENSE-models``.

Nothing here imports spaCy until a sentence is parsed: ``import timeline`` and
``timeline extract`` stay free of it. The model is loaded once per process, on first use.

    from timeline.segment import sentences
    from timeline.syntax import parse_spans
    for p in parse_spans(text, sentences(text)):
        if p is not None:
            for t in p.tokens:
                print(t.text, t.upos, t.tag, t.dep, p.tokens[t.head].text)

Tokens are spaCy's English tokenization of each span (the treebanks' tokenization, which the
parser was trained on: "don't" -> "do" "n't", "Russia's" -> "Russia" "'s"), with character
offsets into the caller's text. Whitespace inside a span makes no token.

A span is not parsed (its entry is None) when it has more than ``max_tokens`` tokens (the
parse would be slow and poor; callers fall back to what they do without syntax), or when
fewer than ``min_latin`` of its letters are Latin (Cyrillic, Arabic, CJK... text the model
knows nothing about). Latin-script text in another language is parsed, badly.
The output is a function of the text and the spans: the same input gives the same parse.
"""
from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..values import frozen_by_values
from .regraft import regraft

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "syntax"
MAX_TOKENS = 150
MIN_LATIN = 0.5
# a span longer than this many characters per allowed token is skipped before tokenizing
_CHARS_PER_TOKEN = 40

__all__ = ["Token", "Parse", "parse_spans", "parse_many", "parse_text", "load", "model_info", "MODEL_DIR", "MAX_TOKENS"]


@frozen_by_values  # (a pool's workers send the parses back: pickled by their values)
class Token:
    """One token of a parsed sentence.

    start, end: character offsets into the text given to `parse_spans`
    lemma: learned lemma ("launched" -> "launch"); upos: Universal POS ("VERB");
    tag: Penn Treebank tag ("VBD"); morph: UD features ("Tense=Past|VerbForm=Fin");
    head: index in `Parse.tokens` of the token this one depends on (a root: its own index);
    dep: UD relation to the head ("nsubj", "obj", "obl", "nsubj:pass"...; "root" for a root).
    """
    start: int
    end: int
    text: str
    lemma: str
    upos: str
    tag: str
    morph: str
    head: int
    dep: str


@frozen_by_values
class Parse:
    """The parse of one span [start, end) of a text. The parser may find more than one
    sentence in a span: then it has more than one root."""
    start: int
    end: int
    tokens: tuple[Token, ...]

    def roots(self) -> tuple[int, ...]:
        return tuple(i for i, t in enumerate(self.tokens) if t.head == i)

    def children(self, i: int) -> tuple[int, ...]:
        return tuple(j for j, t in enumerate(self.tokens) if t.head == i and j != i)

    def find(self, dep: str, head: int) -> int | None:
        """The first dependent of token `head` with relation `dep` (subtypes included: "nsubj"
        finds "nsubj:pass"), or None."""
        for j in self.children(head):
            d = self.tokens[j].dep
            if d == dep or d.startswith(dep + ":"):
                return j
        return None


@cache
def load() -> "Language":
    """The shipped spaCy pipeline, loaded once per process. Its tokenizer is made bare, then
    read from the model's files, which set all of its rules (`_bare_tokenizer`)."""
    spacy = _import_spacy()
    if not (MODEL_DIR / "config.cfg").is_file():
        raise FileNotFoundError(f"the syntax model is missing: {MODEL_DIR} (run scripts/train_syntax.py)")
    return spacy.load(MODEL_DIR, config={"nlp": {"tokenizer": {"@tokenizers": _bare_tokenizer()}}})


@cache
def _bare_tokenizer() -> str:
    """The name of a tokenizer factory (registered with spaCy once per process) that makes a
    tokenizer with no rules. spaCy's own makes English's: some 1,300 special cases and three
    long patterns, a third of the load, which reading the model's tokenizer file (its special
    cases, prefixes, suffixes, infixes, URL pattern, heuristics: all of them) resets and
    replaces: the tokenizer is the same either way (tests/test_syntax.py)."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    name = "timeline.bare_tokenizer.v1"

    @registry.tokenizers(name)
    def _factory() -> Any:
        return lambda nlp: Tokenizer(nlp.vocab)

    return name


def _import_spacy() -> Any:
    """spaCy, imported without its command line when nothing has imported it yet.

    The package's ``__init__`` imports ``spacy.cli`` for one name (``spacy.info``), and with it
    the project, download and training commands and their libraries (weasel, typer): a third
    of the import (about 0.15 s a process), which loading and running the model never use.
    While spaCy is imported, ``spacy.cli.info`` is a stand-in; then the stand-in is taken out
    of ``sys.modules``, so that an ``import spacy.cli`` anywhere later imports the real one,
    and ``spacy.info`` calls the real one when called. Should the import fail with the
    stand-in (a spaCy whose ``__init__`` asks more of its ``cli``), it is imported whole."""
    import sys

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    import types

    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # (a package: its submodule is found in sys.modules)
    info.info = _spacy_info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    except ImportError:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, stand_in in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    if "cli" not in vars(spacy) and "__getattr__" not in vars(spacy):  # `spacy.cli` for a caller who asks for it
        spacy.__getattr__ = _spacy_cli  # type: ignore[attr-defined]
    return spacy


def _spacy_cli(name: str) -> Any:
    """`spacy.cli`, imported when first asked for (PEP 562: a module's own __getattr__)."""
    if name == "cli":
        import importlib

        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, the real one imported when called (see `_import_spacy`)."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def model_info() -> dict[str, Any]:
    """The model's metadata (name, version, sources, licence, spaCy version)."""
    import json

    return dict(json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8")))


def latin_share(text: str) -> float:
    """The share of the letters of `text` that are Latin (1.0 when it has no letters)."""
    letters = latin = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff" or unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
    return latin / letters if letters else 1.0


def parse_spans(text: str, spans: Iterable[tuple[int, int]], *, max_tokens: int | None = MAX_TOKENS,
                min_latin: float = MIN_LATIN, batch_size: int = 128) -> list[Parse | None]:
    """Parse each span ``(start, end)`` of `text` (usually its sentences), batched.

    Returns one entry per span, in order: a `Parse`, or None for a span that is skipped (more
    than `max_tokens` tokens, or fewer than `min_latin` of its letters Latin). `max_tokens`
    None parses every span whatever its length; `min_latin` 0 parses every script.
    """
    return parse_many([(text, span) for span in spans], max_tokens=max_tokens, min_latin=min_latin,
                      batch_size=batch_size)


def parse_many(items: Sequence[tuple[str, tuple[int, int]]], *, max_tokens: int | None = MAX_TOKENS,
               min_latin: float = MIN_LATIN, batch_size: int = 128) -> list[Parse | None]:
    """`parse_spans` over spans of several texts, ``(text, (start, end))`` each, in one batch:
    the parser reads a few sentences of many articles several times faster together than
    article by article."""
    for text, (s, e) in items:
        if not 0 <= s <= e <= len(text):
            raise ValueError(f"span ({s}, {e}) is outside the text (length {len(text)})")
    nlp = load()
    out: list[Parse | None] = [None] * len(items)
    todo: list[tuple[int, Any]] = []
    for k, (text, (s, e)) in enumerate(items):
        if max_tokens is not None and e - s > max_tokens * _CHARS_PER_TOKEN:
            continue
        piece = text[s:e]
        if min_latin > 0 and latin_share(piece) < min_latin:
            continue
        doc, written = _names_whole(_prefixed_whole(nlp.make_doc(piece)))
        if max_tokens is not None and sum(not t.is_space for t in doc) > max_tokens:
            continue
        todo.append((k, doc, written))
    docs = nlp.pipe((d for _, d, _ in todo), batch_size=batch_size)
    for (k, _, written), doc in zip(todo, docs):
        out[k] = _to_parse(doc, *items[k][1], written)
    return out


@cache
def _prefixes() -> frozenset[str]:
    from ..rules import load_toml

    return frozenset(load_toml("labels.toml")["lint"]["hyphen_prefixes"])


def _prefixed_whole(doc: Any) -> Any:
    """The tokens with each word made of a prefix, a hyphen and a word ("co-ordinating",
    "re-elected", "non-governmental": rules/en/labels.toml [lint] hyphen_prefixes) one token
    again: the tokenizer cuts it at its hyphen, and the parser, which knows no "co" or "re" alone,
    hangs the pieces apart ("is co | - | ordinating an appeal": "co" the verb, its object lost)."""
    def joined(k: int) -> bool:  # (token k a prefix, a hyphen and a word after it, no space between)
        return k + 2 < len(doc) and doc[k].lower_ in _prefixes() and doc[k + 1].text == "-" and doc[k + 2].is_alpha \
            and doc[k].idx + len(doc[k].text) == doc[k + 1].idx and doc[k + 1].idx + 1 == doc[k + 2].idx

    spans = []
    for t in doc:
        if joined(t.i) and (not spans or t.i >= spans[-1][1]):
            end = t.i + 3
            while joined(end - 1):  # ("non-co-operation")
                end += 2
            spans.append((t.i, end))
    if spans:
        with doc.retokenize() as retokenizer:
            end = -1
            for a, b in spans:
                if a >= end:  # (not into one merged already: "non-co-operation")
                    retokenizer.merge(doc[a:b])
                    end = b
    return doc


def _names_whole(doc: Any) -> tuple[Any, list[tuple[int, str]] | None]:
    """The doc with each name the tokenizer cut into pieces ("al-Qaida") and each title in
    title case ("This Is It") one token again (`names.whole_names`), and what each of its tokens
    is in the text (offset, text), where a name is read through a stand-in: a hyphened name
    through its last piece ("Qaida", a name as the parser knows names), a title as it is
    written; None when it has no such name (the doc is the text's tokens)."""
    from spacy.tokens import Doc

    from .names import whole_names

    spans = dict(whole_names([(t.text, t.idx) for t in doc]))
    if not spans:
        return doc, None
    words: list[str] = []
    spaces: list[bool] = []
    written: list[tuple[int, str]] = []
    k = 0
    while k < len(doc):
        b = spans.get(k, k + 1)
        text = doc[k:b].text
        words.append(text.rsplit("-", 1)[-1] if b > k + 1 and " " not in text else text)
        spaces.append(bool(doc[b - 1].whitespace_))
        written.append((doc[k].idx, text))
        k = b
    return Doc(doc.vocab, words=words, spaces=spaces), written


def parse_text(text: str, **kwargs: Any) -> list[Parse | None]:
    """Parse every sentence of `text` as `timeline.segment.sentences` divides it."""
    from ..sources.segment import sentences

    return parse_spans(text, sentences(text), **kwargs)


def _to_parse(doc: Any, start: int, end: int, written: list[tuple[int, str]] | None = None) -> Parse:
    """spaCy Doc of text[start:end] -> Parse, whitespace tokens left out (a token that hangs on
    one hangs on the whitespace's own head instead); `written`: each token's offset and text in
    text[start:end] where the doc reads a stand-in (`_names_whole`)."""
    keep = [t.i for t in doc if not t.is_space]
    index = {i: n for n, i in enumerate(keep)}
    tokens: list[Token] = []
    for i in keep:
        t = doc[i]
        h = t.head
        seen = 0
        while h.is_space and h.head.i != h.i and seen < len(doc):
            h, seen = h.head, seen + 1
        if h.is_space:  # a whitespace root: this token becomes a root
            h = t
        head = index[h.i]
        dep = "root" if head == index[i] else t.dep_
        at, said = (t.idx, t.text) if written is None else written[i]
        lemma = t.lemma_ if said == t.text else said
        tokens.append(Token(start + at, start + at + len(said), said, lemma, t.pos_, t.tag_, str(t.morph), head, dep))
    return Parse(start, end, regraft(tokens))

