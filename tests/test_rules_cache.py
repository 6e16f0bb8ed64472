"""The parsed-rule-file cache: the same data from it as from parsing, an edited file read
again, and a damaged, missing or unwritable cache never changing a result or raising."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from timeline.rules import GrammarError, cache, load_toml, rules_dir


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    cache._reset()
    yield tmp_path / "cache"
    cache._reset()


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> dict:
        self.calls += 1
        return tomllib.loads(text)


TEXT = 'dct = "2013-02-12"\n[[rule]]\nid = "x"\nexamples = [{ text = "May", value = "2013-05" }]\n'


def test_a_second_start_reads_the_cache_not_the_toml(cache_dir: Path):
    parse = Counting()
    first = cache.parsed("en/x.toml", TEXT, parse)
    assert parse.calls == 1 and cache.cache_path().is_file()
    cache._reset()  # as a new process would
    second = cache.parsed("en/x.toml", TEXT, parse)
    assert parse.calls == 1 and second == first == tomllib.loads(TEXT)
    second["rule"].clear()  # each call has data of its own, as parsing gives
    assert cache.parsed("en/x.toml", TEXT, parse)["rule"][0]["id"] == "x"


def test_an_edited_rule_file_is_parsed_again(cache_dir: Path):
    parse = Counting()
    cache.parsed("en/x.toml", TEXT, parse)
    cache._reset()
    edited = TEXT.replace('"x"', '"y"')
    assert cache.parsed("en/x.toml", edited, parse)["rule"][0]["id"] == "y"
    assert parse.calls == 2


@pytest.mark.parametrize("damage", [b"", b"not a cache", b"\0" * 32 + b"\xff\xfe", None])
def test_a_damaged_cache_is_ignored_and_replaced(cache_dir: Path, damage):
    cache.parsed("en/x.toml", TEXT, Counting())
    path = cache.cache_path()
    good = path.read_bytes()
    path.write_bytes(good[:-1] + bytes([good[-1] ^ 1]) if damage is None else damage)
    cache._reset()
    parse = Counting()
    assert cache.parsed("en/x.toml", TEXT, parse) == tomllib.loads(TEXT) and parse.calls == 1
    cache._reset()
    assert cache.parsed("en/x.toml", TEXT, parse) == tomllib.loads(TEXT) and parse.calls == 1  # stored again


def test_a_cache_that_cannot_be_written_or_is_off_only_parses(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    for where in (str(blocker / "cache"), ""):  # a directory that cannot be made; caching off
        monkeypatch.setenv("TIMELINE_CACHE_DIR", where)
        cache._reset()
        parse = Counting()
        assert cache.parsed("en/x.toml", TEXT, parse) == tomllib.loads(TEXT)
        cache._reset()
        assert cache.parsed("en/x.toml", TEXT, parse) == tomllib.loads(TEXT) and parse.calls == 2
    assert list(tmp_path.iterdir()) == [blocker]
    cache._reset()


def test_every_rule_file_reads_the_same_cold_and_warm(cache_dir: Path):
    names = sorted(p.name for p in rules_dir("en").iterdir() if p.name.endswith(".toml"))
    cold = [load_toml(n) for n in names]
    cache._reset()
    warm = [load_toml(n) for n in names]
    assert cold == warm == [tomllib.loads((rules_dir("en") / n).read_text(encoding="utf-8")) for n in names]


def test_a_broken_rule_file_still_fails_with_its_name(cache_dir: Path):
    def parse(text: str) -> dict:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise GrammarError(f"en/broken.toml: {exc}") from exc

    with pytest.raises(GrammarError, match="broken.toml"):
        cache.parsed("en/broken.toml", "a = ", parse)
