"""Pathological input stays bounded: time linear in the size, memory bounded, no regex
backtracking blow-up (each case runs in seconds here, so the suite keeps them all)."""
from __future__ import annotations

import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import pytest

from timeline.grammar import load_grammar
from timeline.io import InputError, Source, parse_document
from timeline.model import Document
from timeline.pipeline import build_timeline, extract
from timeline.segment import sentences, tokens

from conftest import SEEDS

DCT = datetime(2026, 2, 3)
SEED = (SEEDS / "001_4fbe5cb1b068faab.txt").read_text(encoding="utf-8") + "\n\n"


def _seconds(fn, *args) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def _linear(make, n: int, run) -> None:  # type: ignore[no-untyped-def]
    """4x the input takes at most ~4x the time (8x allowed for noise), never 16x."""
    small, large = make(n), make(4 * n)
    run(small)  # warm caches (rules, models) before timing
    t_small = min(_seconds(run, small) for _ in range(2))
    t_large = _seconds(run, large)
    assert t_large < 8 * t_small + 0.5, (len(large), t_small, t_large)


def _extract(text: str) -> None:
    extract(Document("d", text, dct=DCT))


@pytest.mark.parametrize("unit", ["a", "1", "-", "2026-", ",", ".", "\n", "1 ", "a-", "Jan. ", "Tuesday ",
                                  "1,", "the next ", " "])
def test_extraction_is_linear_on_degenerate_text(unit):
    _linear(lambda n: unit * n, 60_000 // len(unit), _extract)


def test_a_line_of_a_million_characters_without_spaces():
    for text in ("a" * 1_000_000, "1" * 1_000_000, "2026-" * 200_000):
        assert _seconds(_extract, text) < 20


def test_ten_thousand_dates_in_one_text():
    text = "On February 3, 2026, talks resumed. " * 10_000
    t0 = time.perf_counter()
    found = extract(Document("d", text, dct=DCT))
    assert len(found) == 10_000 and time.perf_counter() - t0 < 30


def test_a_long_article_builds_in_linear_time():
    _linear(lambda n: SEED * n, 10, lambda text: build_timeline([Document("d", text, dct=DCT)]))


def test_memory_stays_bounded_on_two_megabytes():
    text = SEED * (2_000_000 // len(SEED))
    tracemalloc.start()
    try:
        found = extract(Document("d", text, dct=DCT))
        sentences(text)
        tokens(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found and peak < 500 * 2**20


def test_deeply_nested_html_is_refused_cleanly_or_read():
    for depth in (1_000, 100_000):
        raw = ("<!doctype html><html><head><title>x</title></head><body>" + "<div>" * depth
               + "<p>Russia struck Kyiv overnight, officials said on Tuesday, February 3, 2026.</p>"
               + "</div>" * depth + "</body></html>")
        t0 = time.perf_counter()
        try:
            parse_document(Source("x.html", Path("x.html"), raw))
        except InputError as exc:
            assert "x.html" in str(exc)
        assert time.perf_counter() - t0 < 20


ADVERSARIAL = ["1 " * 10_000, "a-" * 10_000, "Jan. " * 4_000, " " * 20_000 + "x", "1," * 10_000,
               "-" * 20_000, "1.1." * 5_000, "Tuesday " * 2_500, "the " * 5_000 + "x", "'" * 20_000,
               "10:" * 6_000, "mid-" * 5_000, "a " * 10_000 + "year", "nineteen " * 2_000]


def test_no_rule_pattern_backtracks_catastrophically():
    slow = []
    for rule in load_grammar().rules:
        for text in ADVERSARIAL:
            t0 = time.perf_counter()
            for _ in rule.regex.finditer(text):
                pass
            took = time.perf_counter() - t0
            if took > 1.0:
                slow.append((rule.id, text[:12], round(took, 2)))
    assert not slow
