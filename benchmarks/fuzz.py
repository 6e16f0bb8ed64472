#!/usr/bin/env python3
"""Fuzz the readers, the tagger and the pipeline with hypothesis, at a large budget.

Targets:
  readers   `io.parse_document` on raw input named .txt/.md/.tml/.html: random text, header
            lines, YAML front matter, TimeML fragments with CREATION_TIME values, HTML shells;
            the only acceptable exception is `InputError` (a one-line user error)
  tagger    `tagger.tag` on any text (no exception; spans inside the text)
  pipeline  `pipeline.build_timeline` on any text and DCT (no exception)

    python benchmarks/fuzz.py [--examples 20000] [--target readers,tagger,pipeline] [--seed N]

Prints, per target, the inputs tried, the crashes (with the first three minimal reproductions)
and the time taken; exits 1 if anything crashed. Needs nothing from ../shared.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["Tuesday", "February 3", "Feb. 4-5", "2026", "2026-02-03", "overnight", "the next 48 hours",
         "week-long", "recent", "winter", "last week", "a year earlier", "yesterday", "3 p.m. EST",
         "every Monday", "the 1990s", "Q3", "mid-March", "since 1998", "said", "struck", "will meet",
         "Kyiv", "32", "1,100", "$15 billion", "-20°C", "60%", "Mr.", "U.S.", "\n", ".", ",", "—", '"',
         "🙂", "e\u0301", "ש", "\u200b", "\t", "<", ">", "&amp;", "&#0;", "&#x110000;", "\x00", "\r\n"]
text = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
value = st.one_of(st.sampled_from(["2026-02-03", "1998-13-45", "2026-02-03T25:99", "XXXX", "", "PRESENT_REF",
                                   "9999-12-31", "0001-01-01", "2026-W07", "garbage"]), st.text(max_size=20))
header = st.builds(lambda k, v, body: f"{k}: {v}\n\n{body}",
                   st.sampled_from(["Date", "Published", "Title", "Source", "date", "X"]), value, text)
front = st.builds(lambda v, body: f"---\ndate: {v}\ntitle: t\n---\n{body}", value, text)
S_OPEN, S_CLOSE = '<s id="1">', "</s>"
timeml = st.builds(lambda v, body, s: (f'<?xml version="1.0"?><TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" '
                                       f'type="DATE" value="{v}" functionInDocument="CREATION_TIME">{v}</TIMEX3>'
                                       f"</DCT><TEXT>{S_OPEN if s else ''}{body}{S_CLOSE if s else ''}"
                                       f"</TEXT></TimeML>"), value, text, st.booleans())
html = st.builds(lambda t, body, d: (f"<!doctype html><html><head><title>{t}</title><meta property="
                                     f'"article:published_time" content="{d}"></head><body><nav>Home News</nav>'
                                     f"<article><p>{body}</p></article></body></html>"), text, text, value)
raw = st.one_of(text, header, front, timeml, html)
names = st.sampled_from(["x.txt", "x.md", "x.tml", "x.html", "x.TE3input"])


def run(target: str, examples: int, seed: int) -> tuple[int, list[str], float]:
    from timeline.io import InputError, Source, parse_document
    from timeline.model import Document
    from timeline.pipeline import build_timeline
    from timeline.tagger import tag

    tried = 0
    crashes: list[str] = []
    cfg = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                   suppress_health_check=list(HealthCheck))

    def record(kind: str, args: tuple) -> None:
        if len(crashes) < 50:
            crashes.append(f"{kind}: {args!r:.300}\n    {traceback.format_exc().strip().splitlines()[-1]}")

    if target == "readers":
        @cfg
        @given(raw, names)
        def prop(r: str, name: str) -> None:
            nonlocal tried
            tried += 1
            try:
                parse_document(Source(name, Path(name), r))
            except InputError:
                pass
            except Exception:  # noqa: BLE001 - what the fuzz run is for
                record("readers", (name, r))
    elif target == "tagger":
        @cfg
        @given(text)
        def prop(t: str) -> None:
            nonlocal tried
            tried += 1
            try:
                for m in tag(t):
                    assert 0 <= m.start < m.end <= len(t)
            except Exception:  # noqa: BLE001
                record("tagger", (t,))
    else:
        @cfg
        @given(text, st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30))))
        def prop(t: str, dct: datetime | None) -> None:
            nonlocal tried
            tried += 1
            try:
                build_timeline([Document("d", t, dct=dct)])
            except Exception:  # noqa: BLE001
                record("pipeline", (t, dct))
    import random

    random.seed(seed)
    t0 = time.perf_counter()
    prop()
    return tried, crashes, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=20000)
    ap.add_argument("--target", default="readers,tagger,pipeline")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    failed = False
    for target in args.target.split(","):
        tried, crashes, took = run(target, args.examples, args.seed)
        failed |= bool(crashes)
        print(f"{target:9} inputs tried {tried:7d}  crashes {len(crashes):3d}  {took:6.1f} s")
        for c in crashes[:3]:
            print("    " + c)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
