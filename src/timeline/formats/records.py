"""The JSON text of the records a timeline holds thousands of (events, happenings, times), written
straight into one string each, without a dict: the same text as the json module's encoder
writes for their dicts (`codec.event_to_dict`, `codec.happening_to_dict`, `codec.timex_to_dict`; ensure_ascii off,
", " and ": " between items), in a fraction of its time. A field of an unexpected type (a
label that is None, a rank that is a bool, a score that is not finite) raises TypeError: the
caller then encodes the dict, which writes it as the encoder does (or fails as it does)."""
from __future__ import annotations

import json
import math
from typing import Any, Callable, Mapping

from ..model import Document, Event, Happening, Interval, RelInterval, Timex, fmt_dct

Envelope = Callable[[Interval | None, RelInterval | None], str]  # the four envelope fields as text
Encode = Callable[[Any], str]  # the json module's encoder, for what is written here as it writes it

_encode_str = json.encoder.encode_basestring  # how the encoder writes a str (a TypeError for anything else)
_CACHED = 1 << 15  # characters of sentences' JSON kept for the events that share them


class EventJSON:
    """`encode(event_to_dict(e))` without the dict: the fields straight into one string, with
    the texts that many events share (their sentence, their envelope) encoded once for as long
    as the writer lives (one timeline; the last few, up to _CACHED characters)."""

    def __init__(self, envelope: Envelope, encode: Encode) -> None:
        self.envelope, self.encode = envelope, encode
        self.sentences: dict[str, str] = {}
        self.chars = 0  # in the sentences' JSON
        self.envelopes: dict[tuple[int, int], tuple[Interval | None, RelInterval | None, str]] = {}

    def __call__(self, e: Event) -> str:
        enc = _encode_str  # (a TypeError for anything but a str)
        if not (e.start.__class__ is e.end.__class__ is e.rank.__class__ is int and e.salient.__class__ is bool):
            raise TypeError("not an int or a bool")
        sentence = self.sentences.get(e.sentence)
        if sentence is None:
            sentence = enc(e.sentence)
            self.chars += len(sentence)
            if self.chars > _CACHED:
                self.sentences.clear()
                self.chars = len(sentence)
            self.sentences[e.sentence] = sentence
        iv, rel = e.envelope, e.relative
        key = (id(iv), id(rel))
        known = self.envelopes.get(key)
        if known is None or known[0] is not iv or known[1] is not rel:  # (ids are only reused once freed)
            if len(self.envelopes) >= 256:
                self.envelopes.clear()
            known = self.envelopes[key] = (iv, rel, self.envelope(iv, rel))
        return (f'{{"id": {enc(e.id)}, "doc": {enc(e.doc)}, "start": {e.start}, "end": {e.end}, '
                f'"text": {enc(e.text)}, "sentence": {sentence}, "label": {enc(e.label)}, '
                f'"timex": {"null" if e.timex is None else enc(e.timex)}, '
                f'"relation": {enc(e.relation._value_)}, "anchor": {enc(e.anchor._value_)}, '  # (= .value)
                f'"tense": {enc(e.tense._value_)}, "salient": {"true" if e.salient else "false"}, {known[2]}, '
                f'"rank": {e.rank}, "class": {enc(e.cls)}, "aspect": {enc(e.aspect)}, "modality": {enc(e.modality)}, '
                f'"same_as": {"null" if e.same_as is None else enc(e.same_as)}'
                + (f', "participants": {self.encode(list(e.participants))}}}' if e.participants else "}"))


class HappeningJSON:
    """`encode(happening_to_dict(h, docs))` without the dicts of its mentions: the fields
    straight into one string, each article's id and publication day encoded once."""

    def __init__(self, docs: Mapping[str, Document], envelope: Envelope) -> None:
        self.docs, self.envelope = docs, envelope
        self.ids: dict[str, str] = {}  # an article's id as JSON
        self.dcts: dict[str, str] = {}  # an article's publication day as JSON ("null": none, or unknown)
        self.keys: dict[tuple[str, ...], list[str]] = {}  # the signals' names, each as JSON with its ": "

    def _doc(self, doc: str) -> str:
        found = self.ids.get(doc)
        if found is None:
            found = self.ids[doc] = _encode_str(doc)
        return found

    def _refs(self, refs: tuple) -> str:  # type: ignore[type-arg]
        doc, enc = self._doc, _encode_str
        return "[" + ", ".join([f'{{"doc": {doc(r.doc)}, "event": {enc(r.event)}}}' for r in refs]) + "]"

    def __call__(self, h: Happening) -> str:
        enc = _encode_str
        if not (h.rank.__class__ is h.articles.__class__ is int and h.score.__class__ is float
                and math.isfinite(h.score)):
            raise TypeError("not an int or a finite float")
        names = tuple([k for k, _ in h.signals])
        values = [v for _, v in h.signals]
        keys = self.keys.get(names)
        if keys is None:  # (every happening has the same signals: their names written once)
            if len(set(names)) != len(names):
                raise TypeError("signals the dict would not write one by one")
            keys = self.keys[names] = [enc(k) + ": " for k in names]
        if not (all([v.__class__ is float for v in values]) and math.isfinite(sum(values))):
            raise TypeError("a signal not a finite float")  # (a sum not finite: one of them, or so large)
        first = h.first_report
        dct = self.dcts.get(first.doc)
        if dct is None:
            d = self.docs.get(first.doc)
            made = fmt_dct(d) if d is not None else None
            dct = self.dcts[first.doc] = "null" if made is None else enc(made)
        signals = ", ".join([k + v for k, v in zip(keys, map(float.__repr__, values))])
        return (f'{{"id": {enc(h.id)}, "rank": {h.rank}, "label": {enc(h.label)}, '
                f'{self.envelope(h.envelope, h.relative)}, "precision": {enc(h.precision._value_)}, '
                f'"articles": {h.articles}, "outlets": [{", ".join([enc(o) for o in h.outlets])}], '
                f'"first_report": {{"doc": {self._doc(first.doc)}, "event": {enc(first.event)}, "dct": {dct}}}, '
                f'"mentions": {self._refs(h.mentions)}, "disagreements": {self._refs(h.disagreements)}, '
                f'"score": {float.__repr__(h.score)}, "signals": {{{signals}}}}}')


class TimexJSON:
    """`encode(timex_to_dict(t))` without the dict: the fields straight into one string."""

    def __init__(self, envelope: Envelope, time: Callable[[Any], str | None]) -> None:
        self.envelope, self.time = envelope, time

    def __call__(self, t: Timex) -> str:
        enc = _encode_str
        if not t.start.__class__ is t.end.__class__ is int:
            raise TypeError("not an int")
        iv = t.interval
        interval = f"[{_text(self.time(iv.start))}, {_text(self.time(iv.end))}]" if iv else "null"  # (as the dict)
        return (f'{{"id": {enc(t.id)}, "doc": {enc(t.doc)}, "start": {t.start}, "end": {t.end}, '
                f'"text": {enc(t.text)}, "type": {enc(t.type._value_)}, "value": {enc(t.value)}, '
                f'"grain": {enc(t.grain._value_) if t.grain else "null"}, '
                f'{self.envelope(t.envelope, t.relative)}, "interval": {interval}, "anchor": {_text(t.anchor)}, '
                f'"tense": {enc(t.tense._value_)}, "mod": {_text(t.mod)}, "alternative": {_text(t.alternative)}, '
                f'"rule": {_text(t.rule)}}}')


def _text(x: str | None) -> str:
    """An optional str as the encoder writes it (a TypeError for anything else)."""
    return "null" if x is None else _encode_str(x)
