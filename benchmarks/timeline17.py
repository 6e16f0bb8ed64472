"""The Timeline17 data the story benchmarks share (`tls.py`, `labels.py`): where it is, its
topics, building a topic with the command, and the shared scorer (../shared/tools/tls_score.py)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TLS = SHARED / "data" / "tls"
SCORER = SHARED / "tools" / "tls_score.py"
HELD_OUT = ("haiti",)  # never looked at while tuning; reported apart


def absent(script: str) -> bool:
    """Say so on stderr when the data or the scorer is missing."""
    if TLS.is_dir() and SCORER.is_file():
        return False
    print(f"benchmarks/{script}: the Timeline17 data is absent ({TLS} or {SCORER} not found); "
          "this benchmark needs ../shared next to the project", file=sys.stderr)
    return True


def topics(asked: str | None) -> list[str]:
    """The topics named (comma-separated), else every topic with a gold folder."""
    return asked.split(",") if asked else sorted(p.name for p in TLS.iterdir() if (p / "gold").is_dir())


def build(topic: str, out: Path) -> float:
    """`timeline build` of the topic's articles into `out` (JSON only), with this checkout's
    code; the seconds it took."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "timeline", "build", str(TLS / topic / "articles"), "--out", str(out),
                    "--format", "json", "-q"], check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def score(topic: str, timeline: Path) -> dict:
    """tls_score's result for a timeline JSON against the topic's gold timelines."""
    sys.path.insert(0, str(SCORER.parent))
    import tls_score  # noqa: E402  (../shared/tools, standard library only)

    return tls_score.main(str(timeline), str(TLS / topic / "gold"))


def ceilings(topic: str, timeline: Path) -> dict[str, float]:
    """Per gold timeline, the best Date-F1 any ranking of our days could reach: the days that
    carry a ranked happening inside its span, with every gold day among them picked first."""
    import json

    sys.path.insert(0, str(SCORER.parent))
    import tls_score  # noqa: E402

    with open(timeline, encoding="utf-8") as fh:
        ours, _ = tls_score.ranked_days(json.load(fh))
    out = {}
    for name, gold in tls_score.read_gold(TLS / topic / "gold").items():
        lo, hi, k = min(gold), max(gold), len(gold)
        cand = {d for d in ours if lo <= d <= hi}
        picked = min(k, len(cand))
        hits = min(len(cand & set(gold)), picked)
        p, r = (hits / picked if picked else 0.0), hits / k
        out[name] = 2 * p * r / (p + r) if p + r else 0.0
    return out
