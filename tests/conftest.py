from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_DATED = "001_4fbe5cb1b068faab"
SEED_UNDATED = "000_2295e33898f18742"

# the tests (and the commands they start) keep compiled patterns in a cache of their own, not
# in the user's: a cache left by other code must not decide what a test sees
os.environ["TIMELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="timeline-test-cache-")
atexit.register(shutil.rmtree, os.environ["TIMELINE_CACHE_DIR"], True)


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A copy of the seed articles (with their sidecars) that a test may modify."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


def example_doc(text: str, dct: str | None):
    """An article of a rule's or a combinator's example, published at its `dct` (if any)."""
    from datetime import datetime

    from timeline.model import DctSource, Document, Grain

    when = datetime.fromisoformat(dct) if dct else None
    grain = None if when is None else (Grain.MINUTE if "T" in dct else Grain.DAY)  # type: ignore[operator]
    return Document("example", text, dct=when, dct_grain=grain, dct_source=DctSource.OPTION if when else DctSource.NONE)


def example_timex(ex):
    """The one time expression found over an example's `match`, spanning exactly it."""
    from timeline.pipeline import extract

    timexes = extract(example_doc(ex.text, ex.dct))
    start = ex.text.index(ex.match)
    end = start + len(ex.match)
    covering = [t for t in timexes if t.start < end and start < t.end]
    assert len(covering) == 1, f"expected one time expression over {ex.match!r}, got {[t.text for t in covering]}"
    t = covering[0]
    assert (t.start, t.end) == (start, end), f"span {t.text!r} instead of {ex.match!r}"
    return t


def assert_example_resolved(ex, t) -> None:
    """The time expression `t` resolves as the example states (value, type, grain, bounds)."""
    from timeline.formats.codec import fmt_time

    got = {
        "value": t.value, "type": t.type.value, "grain": t.grain.value if t.grain else None,
        "earliest": fmt_time(t.envelope.start) if t.envelope else None,
        "latest": fmt_time(t.envelope.end) if t.envelope else None, "alternative": t.alternative,
    }
    for key, want in ex.expect.items():
        assert got[key] == want, f"{key}: got {got[key]!r}, want {want!r}"


def clause_label(text: str, trigger: str, times: tuple[str, ...] = (), in_piece: bool = False) -> str | None:
    """The label `syntax.clauses.clause` makes for the event word `trigger` of `text`: the text
    parsed whole, or with `in_piece` only the piece the trigger is in (`events.labels.pieces`,
    as the labeller parses it); the time expressions `times` are left out of the label."""
    from timeline.events.labels import pieces
    from timeline.syntax import parse_spans
    from timeline.syntax.clauses import clause, token_at

    at = text.index(trigger)
    start, end = next(p for p in pieces(text, 0, len(text)) if p[0] <= at < p[1]) if in_piece else (0, len(text))
    parse = parse_spans(text, [(start, end)])[0]
    i = token_at(parse, at, at + len(trigger))
    exclude = [(text.index(t), text.index(t) + len(t)) for t in times]
    found = clause(parse, i, text, exclude)
    return found.label if found else None


def events_of(text: str, dct):  # type: ignore[no-untyped-def]
    """The events one article of `text`, published at `dct`, gives."""
    from timeline.model import Document
    from timeline.pipeline import build_timeline

    return build_timeline([Document("d", text, dct=dct, source="X")]).events


def one_event(text: str, trigger: str, dct):  # type: ignore[no-untyped-def]
    """The one event of `text` whose word is `trigger` (the test fails when there is not one)."""
    events = events_of(text, dct)
    found = [e for e in events if e.text == trigger]
    assert len(found) == 1, [(e.text, e.label) for e in events]
    return found[0]
