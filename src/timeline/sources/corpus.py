"""Annotated TimeML (TempEval-3, MATRES) for training and evaluation: gold EVENT and TIMEX3
spans as character offsets into the same text `io` reads (``<TEXT>`` with every tag removed).

Not used when timelines are built; the training script and the benchmarks read gold data
through it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TAG_RE = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
_INSTANCE_RE = re.compile(r"<MAKEINSTANCE\b([^>]*)/?>")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    eid: str
    start: int
    end: int
    text: str
    cls: str  # TimeML class: OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION
    eiids: tuple[str, ...] = ()
    tense: str = "NONE"
    aspect: str = "NONE"
    pos: str = "OTHER"


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    events: tuple[GoldEvent, ...]
    timexes: tuple[tuple[int, int, str, str], ...]  # start, end, type, value


def read_gold(path: Path) -> GoldDoc:
    raw = path.read_text(encoding="utf-8")
    m = _TEXT_RE.search(raw)
    if not m:
        raise ValueError(f"{path}: no <TEXT>")
    body = m.group(1)
    out: list[str] = []
    pos = 0
    length = 0
    open_tags: list[tuple[str, dict[str, str], int]] = []
    events: list[tuple[dict[str, str], int, int]] = []
    timexes: list[tuple[int, int, str, str]] = []
    for t in _TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs = t.group(1), t.group(2), t.group(3)
        if not closing:
            open_tags.append((name, dict(_ATTR_RE.findall(attrs)), length))
            continue
        while open_tags:
            oname, oattrs, ostart = open_tags.pop()
            if oname == name:
                if name == "EVENT":
                    events.append((oattrs, ostart, length))
                elif name == "TIMEX3":
                    timexes.append((ostart, length, oattrs.get("type", ""), oattrs.get("value", "")))
                break
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    instances: dict[str, list[dict[str, str]]] = {}
    for inst in _INSTANCE_RE.finditer(raw):
        a = dict(_ATTR_RE.findall(inst.group(1)))
        instances.setdefault(a.get("eventID", ""), []).append(a)
    gold = []
    for attrs, s, e in events:
        eid = attrs.get("eid", "")
        inst = instances.get(eid, [])
        first = inst[0] if inst else {}
        gold.append(GoldEvent(eid, s, e, text[s:e], attrs.get("class", "OCCURRENCE"),
                              tuple(i.get("eiid", "") for i in inst), first.get("tense", "NONE"),
                              first.get("aspect", "NONE"), first.get("pos", "OTHER")))
    doc_id = path.name.split(".tml")[0]
    return GoldDoc(doc_id, text, tuple(gold), tuple(timexes))


def read_matres(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """MATRES relations per document: (eiid1, eiid2, relation) with eiids as "ei<N>"."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 6:
            continue
        doc, _v1, _v2, e1, e2, rel = parts
        out.setdefault(doc, []).append((f"ei{e1}", f"ei{e2}", rel))
    return out
