"""Time expressions as TSV or TimeML (the formats of `timeline extract`)."""
from __future__ import annotations

from html import escape
from typing import Sequence

from .codec import fmt_dct, fmt_time
from .model import Document, Timex

TSV_COLUMNS = ("start", "end", "text", "type", "value", "earliest", "latest")


def _cell(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def timexes_tsv(timexes: Sequence[Timex]) -> str:
    """A header and one row per time expression; `latest` is exclusive, both empty when unresolved."""
    lines = ["\t".join(TSV_COLUMNS)]
    for t in timexes:
        env = t.envelope
        lines.append("\t".join([
            str(t.start), str(t.end), _cell(t.text), t.type.value, t.value,
            (fmt_time(env.start) or "") if env else "", (fmt_time(env.end) or "") if env else "",
        ]))
    return "\n".join(lines) + "\n"


def timeml(doc: Document, timexes: Sequence[Timex]) -> str:
    """A TempEval-3 style TimeML document: the DCT, and TIMEX3 tags (tid, type, value) in <TEXT>."""
    text = doc.text
    parts: list[str] = []
    pos = 0
    for t in sorted(timexes, key=lambda t: t.start):
        if t.start < pos:
            continue
        parts.append(escape(text[pos:t.start], quote=False))
        attrs = f'tid="{t.id}" type="{t.type.value}" value="{escape(t.value)}"'
        if t.mod:
            attrs += f' mod="{escape(t.mod)}"'
        parts.append(f"<TIMEX3 {attrs}>{escape(text[t.start:t.end], quote=False)}</TIMEX3>")
        pos = t.end
    parts.append(escape(text[pos:], quote=False))
    dct = fmt_dct(doc)
    dct_xml = (f'<DCT><TIMEX3 tid="t0" type="{"TIME" if dct and "T" in dct else "DATE"}" value="{dct}" '
               f'temporalFunction="false" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
               if dct else "")
    title = f"<TITLE>{escape(doc.title, quote=False)}</TITLE>\n" if doc.title else ""
    return ('<?xml version="1.0" ?>\n<TimeML>\n'
            f"<DOCID>{escape(doc.id, quote=False)}</DOCID>\n{dct_xml}{title}"
            f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n")
