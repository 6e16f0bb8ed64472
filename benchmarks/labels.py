#!/usr/bin/env python3
"""Happening labels as headlines: lint pass rate and ROUGE-1 on Timeline17 (../shared/data/tls).

For each topic, builds the timeline of all its articles (`timeline build ARTICLES --format json`,
as a user would; cached under --cache, keyed by a hash of the package's code and rules, so a
build is reused until the code changes), takes the 30 best-ranked happenings
(`happenings[].rank`) and reports (and, for the chronology's readers, the lint's pass rate of the
labels ranked 31-300 and below 300, which no parse relabels):
  lint   the share of their labels with no problem the label lint finds
         (timeline.syntax.lint: subjectless clause, dateline, clock stamp, repeated words,
         dangling end, pronoun subject, a verb left without its object, a gerund's or a noun's
         phrase that tells no happening, ... see its docstring), and the count of each class;
  ROUGE  ROUGE-1 F1 of the labels against the journalists' summaries, as
         ../shared/tools/tls_score.py computes it for the tool's own ranking (ours-ranked):
         concat and agreement, the mean over the topic's gold timelines.

The label construction was developed on H1N1, MJ and IraqWar; haiti is held out (never looked
at while tuning) and is reported apart. Target (issue 14): at least 95% of the top-30 labels
pass the lint on every development topic.

    python benchmarks/labels.py [--topics H1N1,haiti] [--cache DIR] [--from DIR] [--show] [--json]

--from DIR scores existing builds DIR/TOPIC/timeline.json instead of building (e.g. the
"before" of a change); --show prints each topic's 30 labels with their problems.
Needs ../shared; says so and exits 2 when it is absent.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeline17 import HELD_OUT, ROOT, absent, build as build_topic, score, topics as all_topics  # noqa: E402

TOP = 30
TARGET = 0.95

sys.path.insert(0, str(ROOT / "src"))
from timeline.syntax.lint import lint  # noqa: E402


def code_key() -> str:
    """A hash of the package's code and rules (not the model's weights, which do not change)."""
    h = hashlib.sha256()
    pkg = ROOT / "src" / "timeline"
    for path in sorted(p for p in pkg.rglob("*") if p.suffix in {".py", ".toml"} and "models" not in p.parts):
        h.update(str(path.relative_to(pkg)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def build(topic: str, out: Path) -> None:
    if not (out / "timeline.json").is_file():
        build_topic(topic, out)


def measure(topic: str, timeline: Path) -> dict:
    data = json.loads(timeline.read_text(encoding="utf-8"))
    top = sorted(data.get("happenings", []), key=lambda h: h["rank"])[:TOP]
    rows = [(h["rank"], h["label"], lint(h["label"])) for h in top]
    ranked = sorted(data.get("happenings", []), key=lambda h: h["rank"])
    deeper = {name: (sum(1 for h in part if not lint(h["label"])), len(part))
              for name, part in (("31-300", ranked[TOP:300]), ("301-", ranked[300:]))}
    classes = Counter(p.split(":", 1)[0] for _, _, problems in rows for p in problems)
    result = score(topic, timeline)
    r1 = [row.get("ours-ranked", row["ours"]).get("rouge", {}) for row in result["timelines"].values()]
    n = max(len(r1), 1)
    return {
        "labels": len(rows),
        "clean": sum(1 for _, _, p in rows if not p),
        "classes": dict(sorted(classes.items())),
        "rouge1_concat": sum(r.get("concat_r1", {}).get("f", 0.0) for r in r1) / n,
        "rouge1_agree": sum(r.get("agree_r1", {}).get("f", 0.0) for r in r1) / n,
        "top": [{"rank": r, "label": label, "problems": list(p)} for r, label, p in rows],
        "deeper": deeper,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--topics", help="comma-separated (default: every topic in ../shared/data/tls)")
    ap.add_argument("--cache", default="/tmp/timeline-labels-bench", help="where builds are kept (default %(default)s)")
    ap.add_argument("--from", dest="from_", help="score the builds in DIR/TOPIC/ instead of building")
    ap.add_argument("--show", action="store_true", help="print each topic's top-30 labels and their problems")
    ap.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = ap.parse_args()
    if absent("labels.py"):
        return 2
    topics = all_topics(args.topics)
    base = Path(args.from_) if args.from_ else Path(args.cache) / code_key()
    results = {}
    for topic in topics:
        out = base / topic
        if args.from_:
            if not (out / "timeline.json").is_file():
                print(f"benchmarks/labels.py: no build of {topic} in {base}", file=sys.stderr)
                return 2
        else:
            build(topic, out)
        results[topic] = measure(topic, out / "timeline.json")
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    if args.show:
        for topic, res in results.items():
            print(f"== {topic}{' (held out)' if topic in HELD_OUT else ''}")
            for row in res["top"]:
                flag = "  " if not row["problems"] else "✗ "
                why = f"   [{'; '.join(row['problems'])}]" if row["problems"] else ""
                print(f"{flag}{row['rank']:>3} {row['label']}{why}")
        print()
    print(f"builds: {base}")
    print(f"{'topic':<10} {'lint pass':>10} {'R1 concat':>10} {'R1 agree':>9} {'ranks 31-300':>12} {'301-':>6}  "
          f"problems (top {TOP})")
    met = True
    for group, names in (("development", [t for t in results if t not in HELD_OUT]),
                         ("held out", [t for t in results if t in HELD_OUT])):
        for topic in names:
            res = results[topic]
            share = res["clean"] / max(res["labels"], 1)
            if group == "development":
                met &= share >= TARGET
            probs = ", ".join(f"{c} {k}" for c, k in res["classes"].items()) or "none"
            deep = [f"{c / max(n, 1):.0%}" for c, n in res["deeper"].values()]
            print(f"{topic:<10} {res['clean']:>3}/{res['labels']:<3} {share:>4.0%} {res['rouge1_concat']:>10.3f} "
                  f"{res['rouge1_agree']:>9.3f} {deep[0]:>12} {deep[1]:>6}  {probs}"
                  f"{'  (held out)' if group == 'held out' else ''}")
    print(f"target (>= {TARGET:.0%} of the top-{TOP} labels pass the lint on every development topic): "
          f"{'met' if met else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
