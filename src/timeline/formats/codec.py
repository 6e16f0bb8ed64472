"""Timeline <-> JSON (schema "timeline/1"), and checks that a JSON file really is one.

Times are ISO 8601 at minute precision ("2026-02-03T00:00"); intervals are half-open, so
`latest` is exclusive. For undated articles, times relative to the publication day D are
written "D-1T18:00" (18:00 the day before) and "D+0T08:00".
"""
from __future__ import annotations

import json
import os
import re
from datetime import datetime, timedelta
from typing import IO, Any, Callable, Iterator, Sequence

from ..model import (AnchorKind, DctSource, DiffStatus, Document, Event, EventRef, Grain, Happening, Interval, Match,
                     Precision, fmt_dct, RelInterval, Relation, SideAccount, Tense, Timeline, TimelineDiff, Timex,
                     TimexType, split_offset)
from .records import EventJSON, HappeningJSON, TimexJSON

SCHEMA = "timeline/1"
_REL_RE = re.compile(r"^D([+-]\d+)T(\d{2}):(\d{2})$")


class TimelineFormatError(ValueError):
    """A JSON document is not a valid timeline; the message is one line."""


# ----------------------------------------------------------------------------- encoding

def fmt_time(dt: datetime | None) -> str | None:
    return None if dt is None else dt.isoformat(timespec="minutes")  # (four-digit years, unlike strftime)


def fmt_rel(td: timedelta | None) -> str | None:
    if td is None:
        return None
    days, rest = divmod(int(td.total_seconds()), 86400)
    hours, rest = divmod(rest, 3600)
    return f"D{days:+d}T{hours:02d}:{rest // 60:02d}"


def _env(iv: Interval | None, rel: RelInterval | None) -> dict[str, Any]:
    return {
        "earliest": fmt_time(iv.start) if iv else None,
        "latest": fmt_time(iv.end) if iv else None,
        "relative_earliest": fmt_rel(rel.start) if rel else None,
        "relative_latest": fmt_rel(rel.end) if rel else None,
    }


def document_to_dict(d: Document) -> dict[str, Any]:
    return {"id": d.id, "path": d.path, "source": d.source, "title": d.title, "dct": fmt_dct(d),
            "dct_source": d.dct_source.value, "dct_evidence": d.dct_evidence, "dct_confidence": d.dct_confidence,
            **({"docid": d.docid} if d.docid is not None else {}),
            **({"sentences": [list(s) for s in d.sentences]} if d.sentences else {}),
            **({"furniture": [list(s) for s in d.furniture]} if d.furniture else {}),
            **({"duplicate_of": d.duplicate_of} if d.duplicate_of is not None else {})}


def _sentences(d: dict[str, Any], where: str) -> tuple[tuple[str, int, int], ...]:
    rows = _need(d, "sentences", list, where, True) or []
    out = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str)
                and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in row[1:])):
            raise TimelineFormatError(f"{where}: field 'sentences' must hold [id, start, end] rows")
        out.append((row[0], row[1], row[2]))
    return tuple(out)


def _spans(d: dict[str, Any], where: str) -> tuple[tuple[int, int], ...]:
    rows = _need(d, "furniture", list, where, True) or []
    if not all(isinstance(r, list) and len(r) == 2 and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0
                                                            for x in r) for r in rows):
        raise TimelineFormatError(f"{where}: field 'furniture' must hold [start, end] rows")
    return tuple((r[0], r[1]) for r in rows)


def timex_to_dict(t: Timex) -> dict[str, Any]:
    return {
        "id": t.id, "doc": t.doc, "start": t.start, "end": t.end, "text": t.text,
        "type": t.type.value, "value": t.value, "grain": t.grain.value if t.grain else None,
        **_env(t.envelope, t.relative),
        "interval": [fmt_time(t.interval.start), fmt_time(t.interval.end)] if t.interval else None,
        "anchor": t.anchor, "tense": t.tense.value, "mod": t.mod, "alternative": t.alternative,
        "rule": t.rule,
    }


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "doc": e.doc, "start": e.start, "end": e.end, "text": e.text,
        "sentence": e.sentence, "label": e.label, "timex": e.timex, "relation": e.relation.value,
        "anchor": e.anchor.value, "tense": e.tense.value, "salient": e.salient,
        **_env(e.envelope, e.relative), "rank": e.rank, "class": e.cls, "aspect": e.aspect,
        "modality": e.modality, "same_as": e.same_as,
        **({"participants": list(e.participants)} if e.participants else {}),
    }


def timeline_to_dict(tl: Timeline) -> dict[str, Any]:
    return {"schema": SCHEMA, **{key: [to_dict(x) for x in items] for key, items, to_dict in _sections(tl)}}


def _sections(tl: Timeline) -> tuple[tuple[str, Sequence[Any], Callable[[Any], dict[str, Any]]], ...]:
    """The lists of a timeline JSON after "schema", in order: name, items, item -> dict."""
    docs = {d.id: d for d in tl.documents}
    return (("documents", tl.documents, document_to_dict), ("happenings", tl.happenings,
                                                            lambda h: happening_to_dict(h, docs)),
            ("timexes", tl.timexes, timex_to_dict), ("events", tl.events, event_to_dict),
            ("matches", tl.matches, match_to_dict))


def _ref(r: EventRef) -> dict[str, str]:
    return {"doc": r.doc, "event": r.event}


def happening_to_dict(h: Happening, docs: dict[str, Document]) -> dict[str, Any]:
    first = docs.get(h.first_report.doc)
    return {
        "id": h.id, "rank": h.rank, "label": h.label,
        **_env(h.envelope, h.relative), "precision": h.precision.value,
        "articles": h.articles, "outlets": list(h.outlets),
        "first_report": {**_ref(h.first_report), "dct": fmt_dct(first) if first is not None else None},
        "mentions": [_ref(r) for r in h.mentions],
        "disagreements": [_ref(r) for r in h.disagreements],
        "score": h.score, "signals": dict(h.signals),
    }


def match_to_dict(m: Match) -> dict[str, Any]:
    return {"a": {"doc": m.a_doc, "event": m.a}, "b": {"doc": m.b_doc, "event": m.b},
            "score": m.score, "evidence": list(m.evidence)}


def dumps(tl: Timeline) -> str:
    """The timeline as JSON text (one record a line): the bytes `dump` and `write_timeline`
    write, in one string."""
    return "".join(iter_json(tl))


def dump(tl: Timeline, fh: IO[str]) -> None:
    """Write the timeline's JSON to a text file, piece by piece (what `dumps` returns)."""
    for piece in _batched(iter_json(tl)):
        fh.write(piece)


def write_timeline(path: str | os.PathLike[str], tl: Timeline) -> None:
    """Write the timeline's JSON (UTF-8) to `path` atomically, streamed into the temporary
    file (see `atomic.write_atomic`) without holding it in memory at once."""
    from ..atomic import write_atomic

    write_atomic(path, json_pieces(tl))


def json_pieces(tl: Timeline) -> Iterator[str]:
    """The timeline's JSON in pieces of some size, for a writer that streams them."""
    return _batched(iter_json(tl))


def iter_json(tl: Timeline) -> Iterator[str]:
    """The JSON text of `timeline_to_dict(tl)`, one top-level item (a document, happening, time,
    event or match) to a line, each as `json.dumps(item, ensure_ascii=False)` writes it;
    produced item by item, so that neither the whole dict tree nor the whole text is ever built
    at once. One record a line: a diff of two timelines shows the records that changed, and
    grep finds one. (Events, happenings and times, most of a large timeline, are written by `records` without a
    dict; the other items by the json module's C encoder, made once.)"""
    yield '{"schema": ' + _encode(SCHEMA)
    for key, items, to_dict in _sections(tl):
        if not items:
            yield ",\n " + _encode(key) + ": []"
            continue
        write = _writer(key, to_dict, tl)
        sep = ",\n " + _encode(key) + ": [\n  "
        step = _EVENTS if to_dict is event_to_dict else 1  # (events, most of the items, are small)
        for c in range(0, len(items), step):
            yield sep + ",\n  ".join(map(write, items[c:c + step]))
            sep = ",\n  "
        yield "\n ]"
    yield "\n}\n"


_EVENTS = 8  # events written as one piece (fewer pieces; the stream still holds little: tests/test_streaming.py)

_ENCODER = json.JSONEncoder(ensure_ascii=False)  # (what json.dumps uses: its C encoder for a whole item)
_encode_str = json.encoder.encode_basestring  # how it writes a str (ensure_ascii=False)
if json.encoder.c_make_encoder is not None:  # the C encoder, made once rather than once per item
    _items = json.encoder.c_make_encoder(None, _ENCODER.default, _encode_str, None, ": ", ", ", False, False, True)

    def _encode(o: Any) -> str:
        return "".join(_items(o, 0))
else:  # pragma: no cover (a Python without the _json module)
    _encode = _ENCODER.encode


def _scalar(x: Any) -> str:
    """A value as the encoder writes it (in the envelopes `records` caches)."""
    return "null" if x is None else _encode_str(x) if x.__class__ is str else _encode(x)


def _envelope_text(iv: Interval | None, rel: RelInterval | None) -> str:
    """The four envelope fields of a record as the encoder writes `_env`'s dict (without braces)."""
    return (f'"earliest": {_scalar(fmt_time(iv.start)) if iv else "null"}, '
            f'"latest": {_scalar(fmt_time(iv.end)) if iv else "null"}, '
            f'"relative_earliest": {_scalar(fmt_rel(rel.start)) if rel else "null"}, '
            f'"relative_latest": {_scalar(fmt_rel(rel.end)) if rel else "null"}')


def _writer(key: str, to_dict: Callable[[Any], dict[str, Any]], tl: Timeline) -> Callable[[Any], str]:
    """How the items of a section are written: events, happenings and times by `records` (their
    dicts, by the encoder, when a field is of a type it does not expect), the rest by the
    encoder."""
    fast: Callable[[Any], str] | None = None
    if to_dict is event_to_dict:
        fast = EventJSON(_envelope_text, _encode)
    elif key == "happenings":
        fast = HappeningJSON({d.id: d for d in tl.documents}, _envelope_text)
    elif to_dict is timex_to_dict:
        fast = TimexJSON(_envelope_text, lambda t: fmt_time(t))  # (fmt_time as it is then: tests replace it)
    if fast is None:
        return lambda item: _encode(to_dict(item))

    def write(item: Any) -> str:
        try:
            return fast(item)  # type: ignore[misc]
        except TypeError:
            return _encode(to_dict(item))
    return write


def _batched(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into strings of about `size` characters (fewer, larger writes)."""
    buf: list[str] = []
    n = 0
    for piece in pieces:
        buf.append(piece)
        n += len(piece)
        if n >= size:
            yield "".join(buf)
            buf, n = [], 0
    if buf:
        yield "".join(buf)


# ----------------------------------------------------------------------------- decoding

def _need(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, optional: bool = False) -> Any:
    if key not in obj:
        if optional:
            return None
        raise TimelineFormatError(f"{where}: missing field {key!r}")
    val = obj[key]
    if val is None and optional:
        return None
    if not isinstance(val, kind) or (kind is int and isinstance(val, bool)):
        raise TimelineFormatError(f"{where}: field {key!r} has the wrong type ({type(val).__name__})")
    return val


def parse_time(s: str | None, where: str) -> datetime | None:
    if s is None:
        return None
    try:
        return datetime.fromisoformat(s)
    except (TypeError, ValueError):
        raise TimelineFormatError(f"{where}: not an ISO time: {s!r}") from None


def parse_rel(s: str | None, where: str) -> timedelta | None:
    if s is None:
        return None
    m = _REL_RE.match(s) if isinstance(s, str) else None
    if not m:
        raise TimelineFormatError(f"{where}: not a relative time like 'D-1T18:00': {s!r}")
    return timedelta(days=int(m.group(1)), hours=int(m.group(2)), minutes=int(m.group(3)))


def _interval(obj: dict[str, Any], where: str) -> tuple[Interval | None, RelInterval | None]:
    lo, hi = parse_time(obj.get("earliest"), where), parse_time(obj.get("latest"), where)
    rlo, rhi = parse_rel(obj.get("relative_earliest"), where), parse_rel(obj.get("relative_latest"), where)
    try:
        iv = Interval(lo, hi) if (lo or hi) else None
    except ValueError as exc:
        raise TimelineFormatError(f"{where}: {exc}") from None
    rel = RelInterval(rlo, rhi) if (rlo is not None or rhi is not None) else None
    return iv, rel


def _enum(cls: Any, value: Any, where: str, key: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        raise TimelineFormatError(f"{where}: {key} {value!r} is not one of "
                                  f"{', '.join(m.value for m in cls)}") from None


def _objects(data: dict[str, Any], key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The items of a top-level list, each with its place for error messages."""
    for i, obj in enumerate(_need(data, key, list, "timeline")):
        where = f"{key}[{i}]"
        if not isinstance(obj, dict):
            raise TimelineFormatError(f"{where}: not an object")
        yield where, obj


def timeline_from_dict(data: Any) -> Timeline:
    if not isinstance(data, dict):
        raise TimelineFormatError("not a timeline JSON: the top level is not an object")
    if data.get("schema") != SCHEMA:
        found = data.get("schema")
        raise TimelineFormatError(f"not a timeline JSON: schema is {found!r}, expected {SCHEMA!r}"
                                  if found is not None else "not a timeline JSON: no \"schema\": \"timeline/1\" field")
    docs = []
    for where, d in _objects(data, "documents"):
        dct_s = _need(d, "dct", str, where, optional=True)
        dct, grain, offset = None, None, None
        if dct_s is not None:
            parsed = parse_time(dct_s, where)
            assert parsed is not None
            dct, offset = split_offset(parsed)
            grain = Grain.MINUTE if "T" in dct_s else Grain.DAY
        docs.append(Document(
            id=_need(d, "id", str, where), text="", path=_need(d, "path", str, where, True),
            source=_need(d, "source", str, where, True), title=_need(d, "title", str, where, True),
            dct=dct, dct_grain=grain, dct_offset=offset,
            dct_source=_enum(DctSource, _need(d, "dct_source", str, where), where, "dct_source"),
            dct_evidence=_need(d, "dct_evidence", str, where, True),
            dct_confidence=_need(d, "dct_confidence", (int, float), where, True),
            docid=_need(d, "docid", str, where, True), sentences=_sentences(d, where),
            furniture=_spans(d, where), duplicate_of=_need(d, "duplicate_of", str, where, True),
        ))
    doc_ids = {d.id for d in docs}
    timexes = []
    for where, t in _objects(data, "timexes"):
        env, rel = _interval(t, where)
        iv_raw = _need(t, "interval", list, where, optional=True)
        interval = None
        if iv_raw:
            if len(iv_raw) != 2:
                raise TimelineFormatError(f"{where}: interval must have two ends")
            interval = Interval(parse_time(iv_raw[0], where), parse_time(iv_raw[1], where))
        grain_s = _need(t, "grain", str, where, optional=True)
        timexes.append(Timex(
            id=_need(t, "id", str, where), doc=_need(t, "doc", str, where),
            start=_need(t, "start", int, where), end=_need(t, "end", int, where),
            text=_need(t, "text", str, where),
            type=_enum(TimexType, _need(t, "type", str, where), where, "type"),
            value=_need(t, "value", str, where),
            grain=_enum(Grain, grain_s, where, "grain") if grain_s else None,
            rule=_need(t, "rule", str, where), interval=interval, envelope=env, relative=rel,
            anchor=_need(t, "anchor", str, where, True) or "none",
            tense=_enum(Tense, _need(t, "tense", str, where, True) or "unknown", where, "tense"),
            mod=_need(t, "mod", str, where, True), alternative=_need(t, "alternative", str, where, True),
        ))
    events = []
    for where, e in _objects(data, "events"):
        env, rel = _interval(e, where)
        doc = _need(e, "doc", str, where)
        if doc not in doc_ids:
            raise TimelineFormatError(f"{where}: refers to unknown document {doc!r}")
        events.append(Event(
            id=_need(e, "id", str, where), doc=doc,
            start=_need(e, "start", int, where), end=_need(e, "end", int, where),
            text=_need(e, "text", str, where), sentence=_need(e, "sentence", str, where),
            label=_need(e, "label", str, where),
            relation=_enum(Relation, _need(e, "relation", str, where), where, "relation"),
            anchor=_enum(AnchorKind, _need(e, "anchor", str, where), where, "anchor"),
            timex=_need(e, "timex", str, where, True), envelope=env, relative=rel,
            tense=_enum(Tense, _need(e, "tense", str, where, True) or "unknown", where, "tense"),
            salient=bool(_need(e, "salient", bool, where, True) if "salient" in e else True),
            rank=_need(e, "rank", int, where),
            cls=_need(e, "class", str, where, True) or "OCCURRENCE",
            aspect=_need(e, "aspect", str, where, True) or "NONE",
            modality=_need(e, "modality", str, where, True) or "",
            same_as=_need(e, "same_as", str, where, True),
            participants=tuple(_strings(_need(e, "participants", list, where, True) or [], where, "participants")),
        ))
    happenings = []
    for where, h in _objects(data, "happenings") if "happenings" in data else []:
        env, rel = _interval(h, where)
        first = _need(h, "first_report", dict, where)
        happenings.append(Happening(
            id=_need(h, "id", str, where), label=_need(h, "label", str, where),
            mentions=tuple(_refs(_need(h, "mentions", list, where), where, doc_ids)),
            articles=_need(h, "articles", int, where),
            outlets=tuple(_strings(_need(h, "outlets", list, where), where, "outlets")),
            first_report=EventRef(_need(first, "doc", str, where), _need(first, "event", str, where)),
            envelope=env, relative=rel,
            precision=_enum(Precision, _need(h, "precision", str, where), where, "precision"),
            disagreements=tuple(_refs(_need(h, "disagreements", list, where, True) or [], where, doc_ids)),
            rank=_need(h, "rank", int, where), score=float(_need(h, "score", (int, float), where, True) or 0.0),
            signals=tuple((str(k), float(v)) for k, v in (_need(h, "signals", dict, where, True) or {}).items()
                          if isinstance(v, (int, float)) and not isinstance(v, bool)),
        ))
    matches = []
    for where, m in _objects(data, "matches") if "matches" in data else []:
        a, b = _need(m, "a", dict, where), _need(m, "b", dict, where)
        matches.append(Match(_need(a, "doc", str, where), _need(a, "event", str, where),
                             _need(b, "doc", str, where), _need(b, "event", str, where),
                             float(_need(m, "score", (int, float), where)),
                             tuple(str(x) for x in _need(m, "evidence", list, where, True) or [])))
    return Timeline(tuple(docs), tuple(timexes), tuple(events), tuple(matches), happenings=tuple(happenings))


def _refs(rows: list[Any], where: str, doc_ids: set[str]) -> list[EventRef]:
    out = []
    for r in rows:
        if not isinstance(r, dict):
            raise TimelineFormatError(f"{where}: a mention must be {{\"doc\": ..., \"event\": ...}}")
        doc = _need(r, "doc", str, where)
        if doc not in doc_ids:
            raise TimelineFormatError(f"{where}: refers to unknown document {doc!r}")
        out.append(EventRef(doc, _need(r, "event", str, where)))
    return out


def _strings(rows: list[Any], where: str, key: str) -> list[str]:
    if not all(isinstance(x, str) for x in rows):
        raise TimelineFormatError(f"{where}: field {key!r} must hold strings")
    return rows


def loads(text: str) -> Timeline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TimelineFormatError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return timeline_from_dict(data)


DIFF_SCHEMA = "timeline-diff/2"


def fmt_gap(td: timedelta | None) -> str | None:
    """A signed ISO 8601 duration ("PT6H", "-P1DT2H")."""
    if td is None:
        return None
    sign = "-" if td < timedelta(0) else ""
    secs = abs(int(td.total_seconds()))
    days, rest = divmod(secs, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return f"{sign}P{days}D" * bool(days) + ("" if days else f"{sign}P") + (f"T{clock}" if clock else ("" if days else "T0M"))


def _account_to_dict(acc: SideAccount | None) -> dict[str, Any] | None:
    if acc is None:
        return None
    return {"label": acc.label, **_env(acc.envelope, acc.relative), "precision": acc.precision.value,
            "articles": acc.articles, "outlets": list(acc.outlets),
            "mentions": [{"doc": e.doc, "event": e.id, "start": e.start, "end": e.end, "label": e.label}
                         for e in acc.mentions]}


def diff_to_dict(d: TimelineDiff) -> dict[str, Any]:
    """The diff as JSON ("timeline-diff/2"): the two sides and every happening of the story of
    both, by rank, with each side's account of it."""
    n = {s.value: d.count(s) for s in DiffStatus}
    return {
        "schema": DIFF_SCHEMA,
        "a": {"name": d.a.name, "documents": [document_to_dict(x) for x in d.a.documents]},
        "b": {"name": d.b.name, "documents": [document_to_dict(x) for x in d.b.documents]},
        "counts": {"happenings": len(d.entries), "both": len(d.matched), **n},
        "happenings": [{
            "id": x.happening.id, "rank": x.rank, "label": x.label, "status": x.status.value,
            "gap": fmt_gap(x.gap), **({"joined": x.joined.id, "similarity": x.similarity} if x.joined else {}),
            "shared": list(x.shared), "a": _account_to_dict(x.a), "b": _account_to_dict(x.b),
        } for x in d.entries],
    }


def dumps_diff(d: TimelineDiff) -> str:
    return json.dumps(diff_to_dict(d), ensure_ascii=False, indent=1) + "\n"
