#!/usr/bin/env python3
"""A battery of English news expressions, by class, in the manner of the peers' public test
corpora (Duckling, SUTime, HeidelTime, dateparser, ctparse, Recognizers-Text), written from
knowledge of them (no network): reference time Tue 12 Feb 2013 04:30, as Duckling's corpus.

Each case is (class, text, match, values[, type]): it passes when exactly one time expression
overlaps `match`, spans exactly it, and has one of `values` (and the type, if given). A case
whose values are None or () is a false-positive check: it passes when nothing overlaps `match`.
Round 34's and 36's cases carry their reference time as a sixth item; round 36's carry a seventh,
the expected interval [earliest, latest) (one pair or a tuple of accepted pairs, None for none):
its pass is counted apart from the value's (the one expression spanning `match`, its bounds).

    python benchmarks/battery.py            # pass counts per class, this checkout
    python benchmarks/battery.py --fails    # and the failing cases with what was found
    python benchmarks/battery.py --set fresh --fails   # only round 23's fresh cases (battery_fresh.py)
    python benchmarks/battery.py --set round34 --fails # round 34's, each at its own reference time
    python benchmarks/battery.py --set round36 --fails # round 36's: own reference times, intervals checked too
    python benchmarks/battery.py --set round38 --fails # round 38's (battery_round38.py), likewise
    python benchmarks/battery.py --set round39 --fails # round 39's (battery_round39.py), likewise
    python benchmarks/battery.py --set round40 --fails # round 40's (battery_round40.py), likewise
    python benchmarks/battery.py --set round41 --fails # round 41's (battery_round41.py), likewise
    python benchmarks/battery.py --set round42 --fails # round 42's (battery_round42.py), likewise
    python benchmarks/battery.py --set round43 --fails # round 43's (battery_round43.py), likewise
    PYTHONPATH=/path/to/other/src python benchmarks/battery.py   # another checkout, to compare

Needs nothing from ../shared. The cases are not the rules' examples: they are a check from
outside; fix classes of expressions, never a single case.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from battery_cases import CASES, DCT, NEW_CASES, OLD_CASES  # noqa: E402
from battery_fresh import DCT as FRESH_DCT, FRESH_CASES  # noqa: E402
from battery_round34 import ROUND34_CASES  # noqa: E402
from battery_round36 import ROUND36_CASES, pad  # noqa: E402
from battery_round38 import ROUND38_CASES  # noqa: E402
from battery_round39 import ROUND39_CASES  # noqa: E402
from battery_round40 import ROUND40_CASES  # noqa: E402
from battery_round41 import ROUND41_CASES  # noqa: E402
from battery_round42 import ROUND42_CASES  # noqa: E402
from battery_round43 import ROUND43_CASES  # noqa: E402

assert FRESH_DCT == DCT


def run(cases, show_fails: bool) -> tuple[Counter, Counter]:
    """Value passes and totals by class."""
    passed, total, _, _ = run_with_intervals(cases, show_fails)
    return passed, total


def _bounds(t) -> tuple[str, str] | None:
    env = t.envelope
    if env is None or env.start is None or env.end is None:
        return None
    return (env.start.strftime("%Y-%m-%dT%H:%M"), env.end.strftime("%Y-%m-%dT%H:%M"))


def run_with_intervals(cases, show_fails: bool) -> tuple[Counter, Counter, Counter, Counter]:
    """Value passes and totals by class, and interval passes and totals by class (cases with an
    expected interval only)."""
    from timeline.model import DctSource, Document, Grain
    from timeline.pipeline import extract

    passed, total, ipassed, itotal = Counter(), Counter(), Counter(), Counter()
    for case in cases:
        cls, text, match, values = case[:4]
        want_type = case[4] if len(case) > 4 else None
        dct = datetime.fromisoformat(case[5] if len(case) > 5 else DCT)  # round 34's carry their own
        # round 38's eighth item "none": the Document is built with its datetime alone, as an API caller may
        grain = None if len(case) > 7 and case[7] == "none" else Grain.MINUTE
        found = extract(Document("battery", text, dct=dct, dct_grain=grain, dct_source=DctSource.OPTION))
        start = text.index(match)
        end = start + len(match)
        over = [t for t in found if t.start < end and start < t.end]
        if not values:  # None or (): a false-positive check
            ok = not over
        else:
            vals = [values] if isinstance(values, str) else list(values)
            ok = (len(over) == 1 and (over[0].start, over[0].end) == (start, end)
                  and over[0].value in vals and (want_type is None or over[0].type.value == want_type))
        total[cls] += 1
        passed[cls] += ok
        at = f" @{case[5]}" if len(case) > 5 else ""
        if not ok and show_fails:
            got = [(t.text, t.value, t.type.value, t.rule) for t in over]
            print(f"FAIL [{cls}]{at} {text!r} :: {match!r} want {values} {want_type or ''} got {got}")
        want_iv = case[6] if len(case) > 6 else None
        if want_iv is not None:
            accepted = {(pad(a), pad(b)) for a, b in ((want_iv,) if isinstance(want_iv[0], str) else want_iv)}
            got_iv = _bounds(over[0]) if len(over) == 1 and (over[0].start, over[0].end) == (start, end) else None
            iok = got_iv in accepted
            itotal[cls] += 1
            ipassed[cls] += iok
            if not iok and show_fails:
                got = [(t.text, _bounds(t)) for t in over]
                print(f"IFAIL [{cls}]{at} {text!r} :: {match!r} want {sorted(accepted)} got {got}")
    return passed, total, ipassed, itotal


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fails", action="store_true", help="list the failing cases")
    ap.add_argument("--only", help="only this class")
    ap.add_argument("--set", choices=("all", "old", "new", "fresh", "round34", "round36", "round38", "round39", "round40", "round41",
                                        "round42", "round43"), default="all",
                    help="old: the cases of the first three rounds; new: those of the fourth and fifth; "
                         "fresh: round 23's (battery_fresh.py); all: old + new + fresh; "
                         "round34: round 34's, each at its own reference time (battery_round34.py); "
                         "round36: round 36's, each at its own reference time, intervals checked too "
                         "(battery_round36.py); round38: round 38's, likewise (battery_round38.py); round39: round 39's, likewise "
                         "(battery_round39.py); round40: round 40's, likewise (battery_round40.py); round41: round 41's, likewise (battery_round41.py); "
                         "round42: round 42's, likewise (battery_round42.py); round43: round 43's, likewise (battery_round43.py)")
    args = ap.parse_args()
    chosen = {"all": CASES + FRESH_CASES, "old": OLD_CASES, "new": NEW_CASES, "fresh": FRESH_CASES,
              "round34": ROUND34_CASES, "round36": ROUND36_CASES,
              "round38": ROUND38_CASES, "round39": ROUND39_CASES, "round40": ROUND40_CASES, "round41": ROUND41_CASES,
              "round42": ROUND42_CASES, "round43": ROUND43_CASES}[args.set]
    cases = [c for c in chosen if args.only is None or c[0] == args.only]
    passed, total, ipassed, itotal = run_with_intervals(cases, args.fails)
    for cls in sorted(total):
        iv = f"   interval {ipassed[cls]:>4} / {itotal[cls]:<4}" if itotal[cls] else ""
        print(f"{cls:<14} {passed[cls]:>4} / {total[cls]:<4}{iv}")
    if args.set == "all" and args.only is None:
        p_old, _ = run(OLD_CASES, False)  # all is OLD_CASES, then NEW_CASES, then FRESH_CASES
        p_fresh, _ = run(FRESH_CASES, False)
        n_old, n_fresh = sum(p_old.values()), sum(p_fresh.values())
        print(f"{'old cases':<14} {n_old:>4} / {len(OLD_CASES):<4}")
        print(f"{'new cases':<14} {sum(passed.values()) - n_old - n_fresh:>4} / {len(NEW_CASES):<4}")
        print(f"{'fresh cases':<14} {n_fresh:>4} / {len(FRESH_CASES):<4}")
    print(f"{'ALL':<14} {sum(passed.values()):>4} / {sum(total.values()):<4}")
    if itotal:
        print(f"{'ALL intervals':<14} {sum(ipassed.values()):>4} / {sum(itotal.values()):<4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
