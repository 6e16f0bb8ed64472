"""The dataclass method code kept between runs (rules/codecache.py): classes made from the
cache behave as compiled ones, a second run compiles nothing, a damaged cache changes nothing."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import dataclasses, sys
from timeline.rules import codecache
codecache.install()

@dataclasses.dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int = 2

p = Point(1)
try:
    p.x = 5
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(repr(p), p == Point(1, 2), hash(p) == hash(Point(1, 2)), frozen, Point.__init__.__code__.co_filename)
from timeline.model import Timex  # the package's own classes, made through the cache
print(sorted(f.name for f in dataclasses.fields(Timex))[:3], "missed" if codecache._missed else "cached")
"""


def _run(cache: Path) -> list[str]:
    env = dict(os.environ, TIMELINE_CACHE_DIR=str(cache))
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


def test_classes_from_the_cache_are_the_classes_compiled(tmp_path: Path):
    cache = tmp_path / "cache"
    first = _run(cache)
    assert first[0] == "Point(x=1, y=2) True True True <string>" and first[1].endswith("missed")
    assert list(cache.glob("dataclass-code-*.bin"))
    second = _run(cache)
    assert second[0] == first[0] and second[1] == first[1].replace("missed", "cached")


def test_a_damaged_cache_is_compiled_again(tmp_path: Path):
    cache = tmp_path / "cache"
    first = _run(cache)
    for f in cache.glob("dataclass-code-*.bin"):
        f.write_bytes(f.read_bytes()[:-40] + b"\0" * 40)
    assert _run(cache) == first
