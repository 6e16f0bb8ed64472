"""The shipped tagger + parser (timeline.syntax): loads from the package, parses news sentences
as a reader would, keeps offsets, bounds its time, and stays off the extract path."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

import timeline
from timeline import syntax
from timeline.syntax import Parse, parse_spans, parse_text

from conftest import SEED_DATED, SEEDS


def only(parses: list[Parse | None]) -> Parse:
    assert len(parses) == 1 and parses[0] is not None
    return parses[0]


def word(p: Parse, text: str) -> int:
    hits = [i for i, t in enumerate(p.tokens) if t.text == text]
    assert len(hits) == 1, (text, [t.text for t in p.tokens])
    return hits[0]


def test_model_ships_in_the_package_with_its_licence():
    pkg = Path(timeline.__file__).resolve().parent
    assert syntax.MODEL_DIR == pkg / "models" / "syntax"
    assert (syntax.MODEL_DIR / "config.cfg").is_file()
    info = syntax.model_info()
    assert info["name"] == "timeline_syntax"
    assert info["license"] == "CC BY-SA 4.0"
    notice = (pkg / "models" / "LICENSE-models").read_text(encoding="utf-8")
    for name in ("UD English EWT", "GUM", "CC BY-SA 4.0", "CC BY 2.5", "CC BY-SA 3.0"):
        assert name in notice
    nlp = syntax.load()
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer"]
    assert syntax.load() is nlp  # once per process


def test_the_bare_tokenizer_reads_as_spacys_own():
    """`load` builds the tokenizer bare before the model's file sets its rules: it is then the
    tokenizer spaCy's own factory and the same file give, to the byte and token for token."""
    import spacy

    own = spacy.load(syntax.MODEL_DIR)
    nlp = syntax.load()
    assert nlp.config["nlp"]["tokenizer"] != own.config["nlp"]["tokenizer"]  # (not spaCy's factory)
    # (its rules, patterns and heuristics; not the vocabulary, which every parse in this process adds to)
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == own.tokenizer.to_bytes(exclude=["vocab"])
    text = ("Dr. O'Neill didn't say the U.S.-led coalition's e-mail (www.example.com, 9:30 a.m.) "
            "cost $1,200.50 -- \"really?\" :) co-operation isn't 'over'.")
    assert [(t.text, t.idx) for t in nlp.make_doc(text)] == [(t.text, t.idx) for t in own.make_doc(text)]


def test_subject_of_an_arrival():
    p = only(parse_text("Rutte arrived in Kyiv on Tuesday."))
    arrived = word(p, "arrived")
    assert p.roots() == (arrived,)
    t = p.tokens[arrived]
    assert (t.upos, t.tag, t.lemma) == ("VERB", "VBD", "arrive")
    assert "Tense=Past" in t.morph
    assert p.find("nsubj", arrived) == word(p, "Rutte")
    assert p.tokens[word(p, "Kyiv")].dep == "obl"


def test_object_of_a_launch():
    p = only(parse_text("Russia launched 32 missiles at Ukrainian cities overnight."))
    launched, missiles = word(p, "launched"), word(p, "missiles")
    assert p.tokens[missiles].head == launched and p.tokens[missiles].dep == "obj"
    assert p.tokens[word(p, "Russia")].head == launched and p.tokens[word(p, "Russia")].dep == "nsubj"
    assert p.tokens[word(p, "32")].head == missiles
    assert p.tokens[missiles].lemma == "missile"


def test_passive_subject():
    p = only(parse_text("The bridge was destroyed by a drone on Monday, officials said."))
    destroyed = word(p, "destroyed")
    assert p.tokens[word(p, "bridge")].head == destroyed
    assert p.tokens[word(p, "bridge")].dep == "nsubj:pass"
    assert p.find("nsubj", destroyed) == word(p, "bridge")


def test_offsets_point_into_the_callers_text():
    text = ("  Headline\n\nThe minister didn't say whether Russia's  strikes on Kharkiv’s grid "
            "— “the worst yet” — had ended.\nU.S. officials, however, said so on 3 Feb. 2026.")
    a, b = text.index("The"), text.index("U.S.")
    spans = [(2, 10), (a - 1, b - 1), (b, len(text))]  # the second with whitespace at both ends
    parses = parse_spans(text, spans)
    assert [(p.start, p.end) for p in parses if p] == spans
    for (s, e), p in zip(spans, parses):
        assert p is not None and p.tokens
        for t in p.tokens:
            assert s <= t.start < t.end <= e
            assert text[t.start:t.end] == t.text and not t.text.isspace()
            assert 0 <= t.head < len(p.tokens)
        assert [t.start for t in p.tokens] == sorted(t.start for t in p.tokens)
    texts = [t.text for t in parses[1].tokens]
    assert texts[2:4] == ["did", "n't"] and "'s" in texts  # the treebanks' tokenization


def test_a_long_sentence_is_skipped_not_parsed():
    text = "The " + " ".join(["delegates"] * 398) + "."  # 400 tokens
    start = time.perf_counter()
    assert parse_spans(text, [(0, len(text))]) == [None]
    assert parse_spans(text, [(0, len(text))], max_tokens=400)[0] is not None
    huge = "word " * 200_000  # never tokenized: skipped on its length alone
    assert parse_spans(huge, [(0, len(huge)), (0, 4)])[0] is None
    assert time.perf_counter() - start < 5.0  # parsing `huge` would take tens of seconds


def test_non_latin_text_returns_without_parsing_or_error():
    text = "Путин заявил, что Россия не отступит. Zelensky met Путин in Kyiv on Friday."
    first, second = parse_text(text)
    assert first is None  # Cyrillic: skipped
    assert second is not None and second.tokens[word(second, "met")].dep == "root"
    forced = only(parse_spans(text, [(0, 37)], min_latin=0))  # and the parser copes if asked
    assert [t.text for t in forced.tokens][:2] == ["Путин", "заявил"]
    assert all(text[t.start:t.end] == t.text for t in forced.tokens)
    assert parse_spans("東京で地震があった。", [(0, 10)]) == [None]


def test_empty_and_odd_spans():
    text = "...  \n  42 !!"
    parses = parse_spans(text, [(0, 0), (0, len(text)), (5, 6)])
    assert parses[0] is not None and parses[0].tokens == ()
    assert parses[2] is not None and parses[2].tokens == ()  # whitespace only
    assert parses[1] is not None and {t.text for t in parses[1].tokens} >= {"42"}
    with pytest.raises(ValueError):
        parse_spans(text, [(3, 99)])


def test_same_input_same_parse():
    text = (SEEDS / f"{SEED_DATED}.txt").read_text(encoding="utf-8")[:3000]
    assert parse_text(text) == parse_text(text)


def test_extract_never_imports_spacy():
    code = (
        "import sys\n"
        "from timeline.cli import main\n"
        f"try:\n    main.main(['extract', {str(SEEDS / (SEED_DATED + '.txt'))!r}], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "assert 'timeline.pipeline' in sys.modules, 'extract did not run'\n"
        "print('SPACY' if any(m == 'spacy' or m.startswith('spacy.') for m in sys.modules) else 'CLEAN')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "CLEAN"
    assert "\t" in r.stdout  # extract wrote its TSV


def test_spacy_loaded_here_keeps_its_command_line_for_a_caller():
    """The parser imports spaCy without its command-line modules (a third of the import); a
    program that then uses `spacy.cli` (or `spacy.info`) still finds it, and no stand-in is left."""
    code = (
        "import sys\n"
        "from timeline.syntax import load\n"
        "load()\n"
        "import spacy\n"
        "assert 'spacy.cli' not in sys.modules or sys.modules['spacy.cli'].__file__\n"
        "print(spacy.cli.download.__name__, callable(spacy.info))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["download", "True"]
