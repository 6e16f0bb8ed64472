"""The event model: scoring many tokens at once gives the floats of scoring their features, and
the quick bound that spares most tokens their scores never spares one that could be an event."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from timeline.events.eventmodel import Sentence, event_model, may_be_events, token_features, token_scores
from timeline.events.mentions import RECALL_SLACK, _in_group
from timeline.pipeline import read_documents
from timeline.model import Document
from timeline.time.analysis import analyse
from timeline.sources.segment import tokens

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_token_scores_are_the_scores_of_token_features():
    docs = list(read_documents([str(p) for p in sorted(SEEDS.glob("*.txt"))]))
    docs.append(Document("t", "THE U.S.-led talks, which had been planned for 3 p.m. Tuesday, will resume; "
                              "1,000 troops withdrew. Was it over? \"Yes,\" NATO said.", dct=datetime(2026, 2, 6)))
    model = event_model()
    checked = 0
    for doc in docs:
        analysis = analyse(doc)
        sentences = []
        for si, (s, e) in enumerate(analysis.sentences):
            toks = tokens(doc.text, s, e)
            timexes = [(t.start, t.end) for t in analysis.timexes_in(s, e)]
            sentences.append(Sentence(toks, analysis.groups(si, toks), timexes, range(len(toks))))
        lines = token_scores(sentences).tolist()
        for sentence in sentences:
            groups = tuple(sentence.groups)
            for i, tok in enumerate(sentence.tokens):
                in_timex = any(a <= tok.start < b for a, b in sentence.timexes)
                assert lines.pop(0) == model.scores(token_features(sentence.tokens, i, _in_group(tok, groups), in_timex))
                checked += 1
    assert checked > 1000


def test_the_quick_bound_never_rules_out_a_token_the_scores_keep():
    docs = list(read_documents([str(p) for p in sorted(SEEDS.glob("*.txt"))]))
    docs.append(Document("t", "THE U.S.-led talks, which had been planned for 3 p.m. Tuesday, will resume; "
                              "1,000 troops withdrew. Was it over? \"Yes,\" NATO said.", dct=datetime(2026, 2, 6)))
    ruled_out = kept = 0
    for doc in docs:
        analysis = analyse(doc)
        sentences = []
        for si, (s, e) in enumerate(analysis.sentences):
            toks = tokens(doc.text, s, e)
            timexes = [(t.start, t.end) for t in analysis.timexes_in(s, e)]
            sentences.append(Sentence(toks, analysis.groups(si, toks), timexes, range(len(toks))))
        possible = may_be_events(sentences, RECALL_SLACK)
        for may, scores in zip(possible.tolist(), token_scores(sentences).tolist()):
            if not may:
                assert max(scores[1:]) < scores[0] - RECALL_SLACK
                ruled_out += 1
            kept += max(scores[1:]) >= scores[0] - RECALL_SLACK
    assert ruled_out > 2 * kept  # (and it is worth its while)
