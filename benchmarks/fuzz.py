#!/usr/bin/env python3
"""Fuzz the readers, the tagger and the pipeline with hypothesis, at a large budget (not part of
pytest; tests/test_properties.py is the bounded CI version).

Targets:
  readers   `io.parse_document(io.Source(name, path, raw))`, name x.txt / x.md / x.tml, path None
            (content sniffing only) or a path with that suffix; raw: random text, YAML front
            matter fragments, header lines ("Date: ..."), TimeML-ish documents with CREATION_TIME
            TIMEX3s of random values. The only acceptable exception is `io.InputError`.
  tagger    `tagger.tag(text)`: no exception; every span inside the text and equal to it.
  pipeline  `pipeline.build_timeline([Document(text, dct)])`, dct None or any datetime: no
            exception, spans inside the text, and the JSON round-trips (dumps -> loads -> dumps).

    python benchmarks/fuzz.py [--examples 20000] [--target readers,tagger,pipeline] [--seed 0]

Prints, per target, the inputs tried, the crashes (how many, how many distinct: exception type
and the innermost line of timeline's code) with the first three minimal reproductions (each
crash shrunk by delta debugging to a shortest input that still fails the same way), and the
time taken. Exits 1 if anything crashed. Needs nothing from ../shared.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# ----------------------------------------------------------------------------- strategies

WORDS = ["Tuesday", "on Tuesday", "Feb 3", "Feb. 3", "February 3, 2026", "Feb. 4-5", "3 February 2026", "2026",
         "2026-02-03", "02/03/2026", "overnight", "the next 48 hours", "week-long", "recent", "winter",
         "last week", "a year earlier", "the next day", "yesterday", "tomorrow", "3 p.m. EST", "14:05", "noon",
         "every Monday", "the 1990s", "the '90s", "the 9th century", "the 21st century", "Q3", "mid-March",
         "since 1998", "until Friday", "two days ago", "now", "said", "struck", "will meet", "had agreed",
         "talks", "attack", "visit", "Kyiv", "Rutte", "32", "1,100", "$15 billion", "-20°C", "60%", "Mr.",
         "U.S.", "\n", "\n\n", "\r\n", ".", ",", ";", "—", '"', "(", ")", "🙂", "👨‍👩‍👧", "e\u0301", "ﬁ", "İ",
         "ש", "مرحبا", "\u202e", "\u200b", "\ufeff", "\t", "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "\x00"]
DATE_FORMATS = ["%b %d", "%B %d, %Y", "%d %B %Y", "%Y-%m-%d", "%A", "%m/%d/%Y", "%Y-%m-%dT%H:%M",
                "%a, %d %b %Y %H:%M:%S GMT", "%Y%m%d"]

any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)
news = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
text = st.one_of(any_text, news, st.tuples(news, any_text).map("".join))
date_value = st.one_of(
    st.builds(lambda d, f: d.strftime(f), st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31)),
              st.sampled_from(DATE_FORMATS)),
    st.sampled_from(["2026-02-03", "2026-02-30", "2026-13-01", "2026-02-03T24:00", "2026-02-03T14:05:09.123Z",
                     "2026-02-03 14:05+01:00", "9999-12-31", "0001-01-01", "0000-01-01", "+02026-02-03",
                     "2026-W06", "XXXX-XX-XX", "PRESENT_REF", "", " ", '""', "'", "null", "Feb 30, 2026"]),
    st.text(max_size=30),
)
header_key = st.sampled_from(["Date", "Published", "Publication date", "Title", "Headline", "Source", "Outlet",
                              "Author", "URL", "date", "DATE", "X-Other", "Date "])
headers = st.builds(
    lambda lines, sep, body: "".join(f"{k}:{' ' * s}{v}\n" for k, v, s in lines) + sep + body,
    st.lists(st.tuples(header_key, date_value, st.integers(0, 2)), min_size=1, max_size=4),
    st.sampled_from(["\n", "", "\r\n", "  \n"]), text)
front_matter = st.builds(
    lambda open_, lines, close, body: open_ + "".join(f"{k}: {v}\n" for k, v in lines) + close + body,
    st.sampled_from(["---\n", "---\r\n", "--- \n", "---", "----\n", ""]),
    st.lists(st.tuples(st.sampled_from(["date", "title", "source", "outlet", "publisher", "pubdate", "tags",
                                        "Date", "x"]), date_value), max_size=4),
    st.sampled_from(["---\n", "---", "---\r\n", "...\n", "", "--- \n\n"]), text)
sentence_tags = st.lists(st.tuples(st.sampled_from(['<s id="1">', '<s id="">', "<s>", "", "</s>"]), text),
                         max_size=4).map(lambda xs: "".join(a + b for a, b in xs))
timeml = st.builds(
    lambda prolog, docid, title, v, fn, body, close: (
        f"{prolog}<TimeML>{docid}{title}<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{v}\" "
        f"functionInDocument=\"{fn}\">{v}</TIMEX3></DCT><TEXT>{body}{close}</TimeML>"),
    st.sampled_from(["", '<?xml version="1.0"?>\n', " \n"]),
    st.sampled_from(["", "<DOCID>APW19980213.1310</DOCID>", "<DOCID></DOCID>", "<DOCID>"]),
    st.sampled_from(["", "<TITLE>Talks &amp; strikes</TITLE>", "<EXTRAINFO>x</EXTRAINFO>", "<TITLE>"]),
    date_value, st.sampled_from(["CREATION_TIME", "NONE", ""]),
    st.one_of(text, sentence_tags), st.sampled_from(["</TEXT>", "", "</TEXT></TEXT>", "</text>"]))
raw = st.one_of(text, headers, front_matter, timeml)
names = st.sampled_from(["x.txt", "x.md", "x.tml"])
# publication dates: none, modern ones, and the whole range the tool accepts (model.DCT_MIN..DCT_MAX;
# outside it the pipeline refuses the document with a clear DateRangeError, by design)
dcts = st.one_of(st.none(), st.datetimes(datetime(1900, 1, 1), datetime(2100, 12, 31)),
                 st.datetimes(datetime(1000, 1, 1), datetime(9998, 12, 31))).map(lambda d: d and d.replace(fold=0))

# ----------------------------------------------------------------------------- checks


def check_spans(text_: str, items: Any) -> None:
    for x in items:
        if not (0 <= x.start <= x.end <= len(text_) and text_[x.start:x.end] == x.text):
            raise AssertionError(f"span {x.start}-{x.end} {x.text!r} is not the text it cuts")


def run_reader(name: str, folder: Path | None, raw_: str) -> None:
    from timeline.pipeline import parse_document
    from timeline.sources.read import InputError, Source

    try:
        doc = parse_document(Source(name, folder / name if folder else None, raw_))
    except InputError as exc:
        if "\n" in str(exc):
            raise AssertionError(f"InputError message is not one line: {str(exc)[:80]!r}") from None
        return
    if not doc.text.strip():
        raise AssertionError("a document without text was accepted")
    if doc.sentences:
        check_spans(doc.text, [type("S", (), {"start": s, "end": e, "text": doc.text[s:e]}) for _, s, e in doc.sentences])


def run_tagger(text_: str) -> None:
    from timeline.time.tagger import tag

    check_spans(text_, tag(text_))


def run_pipeline(text_: str, dct: datetime | None) -> None:
    from timeline.formats.codec import dumps, loads
    from timeline.model import Document, Grain
    from timeline.pipeline import build_timeline

    grain = None if dct is None else (Grain.DAY if dct.time() == datetime.min.time() else Grain.MINUTE)
    tl = build_timeline([Document("d", text_, dct=dct, dct_grain=grain)])
    check_spans(text_, tl.timexes)
    check_spans(text_, tl.events)
    js = dumps(tl)
    if dumps(loads(js)) != js:
        raise AssertionError("the JSON does not round-trip")


# ----------------------------------------------------------------------------- crashes

def signature(exc: BaseException) -> str:
    """The kind of crash: exception type and the innermost line of timeline's own code."""
    where = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        if "/timeline/" in frame.filename.replace("\\", "/") and "benchmarks" not in frame.filename:
            where = f"{Path(frame.filename).parent.name}/{Path(frame.filename).name}:{frame.lineno}"
    return f"{type(exc).__name__} at {where}"


def failure(fn: Callable[..., None], args: tuple) -> BaseException | None:
    try:
        fn(*args)
    except Exception as exc:  # noqa: BLE001 - what the fuzz run is for
        return exc
    return None


def shrink_text(s: str, fails: Callable[[str], bool], budget: float) -> str:
    """Delta debugging (ddmin) on characters: a shorter `s` that still `fails`, within `budget` s."""
    deadline = time.perf_counter() + budget
    n = 2
    while len(s) >= 2 and time.perf_counter() < deadline:
        chunk = max(len(s) // n, 1)
        for i in range(0, len(s), chunk):
            candidate = s[:i] + s[i + chunk:]
            if fails(candidate):
                s, n = candidate, max(n - 1, 2)
                break
        else:
            if chunk == 1:
                break
            n = min(n * 2, len(s))
    for i in range(len(s)):  # simplify what is left: any character that can be a space
        if time.perf_counter() > deadline:
            break
        if s[i] not in " a" and fails(s[:i] + " " + s[i + 1:]):
            s = s[:i] + " " + s[i + 1:]
    return s


def minimize(target: str, args: tuple, sig: str, fn: Callable[..., None], budget: float = 20.0) -> tuple:
    def same(*a: Any) -> bool:
        exc = failure(fn, a)
        return exc is not None and signature(exc) == sig

    if target == "readers":
        name, folder, r = args
        if folder is not None and same(name, None, r):
            folder = None
        return name, folder, shrink_text(r, lambda x: same(name, folder, x), budget)
    if target == "tagger":
        return (shrink_text(args[0], lambda x: same(x), budget),)
    t, dct = args
    for simpler in (None, dct.replace(hour=0, minute=0, second=0, microsecond=0) if dct else None):
        if simpler != dct and same(t, simpler):
            dct = simpler
            break
    return shrink_text(t, lambda x: same(x, dct), budget), dct


# ----------------------------------------------------------------------------- runs

def run(target: str, examples: int, seed_: int) -> dict[str, Any]:
    fn: Callable[..., None] = {"readers": run_reader, "tagger": run_tagger, "pipeline": run_pipeline}[target]
    tried = 0
    crashes: list[tuple[str, tuple, BaseException]] = []
    cfg = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                   suppress_health_check=list(HealthCheck))

    def attempt(*args: Any) -> None:
        nonlocal tried
        tried += 1
        exc = failure(fn, args)
        if exc is not None:
            crashes.append((signature(exc), args, exc))

    with tempfile.TemporaryDirectory() as tmp:  # a folder without sidecars, for the suffixed paths
        folder = Path(tmp)
        if target == "readers":
            prop = given(names, st.booleans(), raw)(lambda n, p, r: attempt(n, folder if p else None, r))
        elif target == "tagger":
            prop = given(text)(lambda t: attempt(t))
        else:
            prop = given(text, dcts)(lambda t, d: attempt(t, d))
        t0 = time.perf_counter()
        seed(seed_)(cfg(prop))()
        took = time.perf_counter() - t0
        distinct: dict[str, tuple[tuple, BaseException]] = {}
        for sig, args, exc in crashes:
            distinct.setdefault(sig, (args, exc))
        repros = []
        for sig, (args, exc) in list(distinct.items())[:3]:
            small = minimize(target, args, sig, fn)
            if target == "readers":
                small = (small[0], "path" if small[1] else None, small[2])
            msg = str(failure(fn, small if target != "readers" else (small[0], folder if small[1] else None, small[2]))
                      or exc)
            repros.append((sig, small, msg.splitlines()[0][:160] if msg else ""))
    return {"tried": tried, "crashes": len(crashes), "distinct": len(distinct), "seconds": took, "repros": repros}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=20_000, help="inputs per target (default 20000)")
    ap.add_argument("--target", default="readers,tagger,pipeline")
    ap.add_argument("--seed", type=int, default=0, help="hypothesis seed (the same seed, the same inputs)")
    args = ap.parse_args()
    failed = False
    print(f"{'target':9} {'inputs':>8} {'crashes':>8} {'distinct':>8} {'seconds':>8}")
    results = {}
    for target in args.target.split(","):
        r = results[target] = run(target, args.examples, args.seed)
        failed |= r["crashes"] > 0
        print(f"{target:9} {r['tried']:8d} {r['crashes']:8d} {r['distinct']:8d} {r['seconds']:8.1f}", flush=True)
    for target, r in results.items():
        for sig, small, msg in r["repros"]:
            print(f"\n{target}: {sig}\n    minimal input: {small!r:.400}\n    {msg}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
