"""The compiled-pattern cache: the same patterns from it as from re.compile, and a damaged,
missing or unwritable cache never changes a result or raises."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.rules import regex_cache
from timeline.time.grammar import load_grammar

from conftest import SEED_DATED, SEEDS

TEXT = (SEEDS / f"{SEED_DATED}.txt").read_text(encoding="utf-8")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    regex_cache._reset()
    yield tmp_path / "cache"
    regex_cache._reset()


def _compile_all(patterns):
    out = [regex_cache.compile(p, f) for p, f in patterns]
    regex_cache.flush()
    return out


def test_patterns_from_the_cache_match_as_compiled_ones(cache_dir: Path):
    patterns = [(r.regex.pattern, r.regex.flags) for r in load_grammar().rules]
    first = _compile_all(patterns)  # compiled, then stored
    assert regex_cache.cache_path().is_file()
    regex_cache._reset()
    second = _compile_all(patterns)  # read back from the file
    assert regex_cache._missed is False and len(regex_cache._used) == len(set(patterns))
    for (src, flags), a, b in zip(patterns, first, second):
        ref = re.compile(src, flags)
        assert (b.pattern, b.flags, b.groups, b.groupindex) == (ref.pattern, ref.flags, ref.groups, ref.groupindex)
        assert [m.span() for m in b.finditer(TEXT)] == [m.span() for m in ref.finditer(TEXT)]
        assert [m.groupdict() for m in a.finditer(TEXT)] == [m.groupdict() for m in b.finditer(TEXT)]


@pytest.mark.parametrize("damage", [b"", b"not a cache", b"\0" * 32 + b"\xff\xfe", None])
def test_a_damaged_cache_is_ignored_and_replaced(cache_dir: Path, damage):
    _compile_all([(r"(?P<d>\d+) days?", re.I)])
    (path,) = cache_dir.iterdir()
    good = path.read_bytes()
    if damage is None:  # a flipped byte in the payload: the checksum no longer holds
        damage = good[:-1] + bytes([good[-1] ^ 1])
    path.write_bytes(damage)
    regex_cache._reset()
    (p,) = _compile_all([(r"(?P<d>\d+) days?", re.I)])
    assert p.match("3 Days").group("d") == "3"
    assert path.read_bytes() == good  # compiled again and stored again


def test_a_wrong_entry_falls_back_to_compiling(cache_dir: Path):
    regex_cache._store = {(r"a+b", 0): (0, [1, 2, 3], 0, {}, (None,))}  # code the engine rejects
    assert regex_cache.compile(r"a+b").fullmatch("aab")


def test_an_unwritable_or_disabled_cache_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for where in (str(blocker / "sub"), ""):  # a path under a file; caching turned off
        monkeypatch.setenv("TIMELINE_CACHE_DIR", where)
        regex_cache._reset()
        (p,) = _compile_all([(r"b+c", 0)])
        assert p.fullmatch("bbc")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["file"]
    regex_cache._reset()


def test_a_bad_pattern_still_raises_re_error(cache_dir: Path):
    with pytest.raises(re.error):
        regex_cache.compile(r"(unclosed")


def test_the_command_gives_the_same_output_with_a_cold_and_a_warm_cache(tmp_path):
    env = dict(os.environ, TIMELINE_CACHE_DIR=str(tmp_path / "cache"))
    cmd = [sys.executable, "-m", "timeline", "extract", "--format", "tsv", str(SEEDS / f"{SEED_DATED}.txt")]
    cold = subprocess.run(cmd, capture_output=True, env=env, check=True).stdout
    assert list((tmp_path / "cache").iterdir())  # the first run stored the patterns
    warm = subprocess.run(cmd, capture_output=True, env=env, check=True).stdout
    env["TIMELINE_CACHE_DIR"] = ""
    none = subprocess.run(cmd, capture_output=True, env=env, check=True).stdout
    assert cold == warm == none
    assert b"2026-02-03" in cold


@pytest.mark.parametrize("forged", [42, [], None, [frozenset({1})], "words"])
def test_derived_data_of_the_wrong_shape_is_computed_again(cache_dir: Path, forged):
    from timeline.time.tagger import _index, _index_material, _rule_words, _valid_rule_words

    grammar = load_grammar()
    right = _rule_words(grammar)
    assert _valid_rule_words(right, len(grammar.rules))
    material = _index_material(grammar)
    regex_cache._store = {("derived", "rule-words", ""): (hashlib.sha256(material.encode()).hexdigest(), forged)}
    got = regex_cache.derived("rule-words", material, lambda: _rule_words(grammar),
                              lambda v: _valid_rule_words(v, len(grammar.rules)))
    assert got == right
    _index.cache_clear()
    try:
        assert [m.text for m in tag_text()] == [m.text for m in tag_text(full_scan=True)]
    finally:
        _index.cache_clear()


def tag_text(full_scan: bool = False):
    from timeline.time.tagger import tag

    old = os.environ.get("TIMELINE_PREFILTER")
    os.environ["TIMELINE_PREFILTER"] = "0" if full_scan else "1"
    try:
        return tag(TEXT)
    finally:
        if old is None:
            del os.environ["TIMELINE_PREFILTER"]
        else:
            os.environ["TIMELINE_PREFILTER"] = old


def test_a_fifo_in_place_of_the_cache_does_not_hang(cache_dir: Path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    cache_dir.mkdir(parents=True)
    os.mkfifo(regex_cache.cache_path())
    regex_cache._reset()
    assert regex_cache.compile(r"c+d").fullmatch("ccd")  # returns at once (else the test hangs)


def test_a_relative_or_missing_cache_home_keeps_nothing_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("TIMELINE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert regex_cache.cache_path() == tmp_path / "home" / ".cache" / "timeline" / regex_cache.cache_path().name
    monkeypatch.setenv("HOME", "")
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    path = regex_cache.cache_path()
    assert path is None or path.is_absolute()
