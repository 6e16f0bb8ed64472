"""Read articles (text, metadata, publication date and where it came from); write outputs atomically.

Inputs: plain text (optional ``Title:``/``Source:``/``Date:`` header lines), Markdown (optional
YAML front matter), TempEval-3 TimeML (``.tml``/``.TE3input``: the text is the content of
``<TEXT>`` with every tag removed, the DCT is the CREATION_TIME TIMEX3). A sidecar
``NAME.meta.toml`` next to an article may give its ``source``, ``title`` and ``date``; with no
outlet in the metadata, a wire dateline may name it ("KYIV, Feb 3 (Reuters) - ").

The publication date (DCT) is taken, in this order, from ``--date``, the metadata (sidecar,
front matter, TimeML) or a header line, a dateline in the lead, else none.
"""
from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, replace
from functools import cache
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..model import DateRangeError, DctSource, Document, Grain, check_dct, split_offset

ARTICLE_SUFFIXES = (".txt", ".md", ".tml", ".te3input", ".html", ".htm")
_HEADER_RE = re.compile(r"^(title|headline|source|outlet|publisher|date|published|publication date|"
                        r"author|byline|url|link)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                     r"(?:(?P<utc>Z)|(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2}))?)?$")
_TAG_RE = re.compile(r"<[^<>]*>")  # ([^<>]: a stray "<" never makes a scan run on to the end)
_DCT_RE = re.compile(r"<TIMEX3\b[^<>]*functionInDocument=\"CREATION_TIME\"[^<>]*>", re.DOTALL)
_VALUE_RE = re.compile(r"\bvalue=\"([^\"]*)\"")
# Control characters a text may carry (PDF form feeds, terminal colours, a bell): each is
# replaced one for one, so the offsets of the text read are those of the file's characters.
# An ANSI escape sequence (CSI "ESC [ ... m", OSC "ESC ] ... BEL") is blanked whole; a page
# or line feed that `str.splitlines` would break on (\v, \f, \x1c-\x1e, NEL) becomes "\n",
# any other C0/C1 control a space. `file` counts BEL, BS, ESC, \v and \f as text; the rest
# (\x01, \x02, ...) make a file "data" when there are many of them.
_ESCAPE_RE = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]{0,512}(?:\x07|\x1b\\\\)|\x9b[0-?]*[ -/]*[@-~]"
                        "|[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # (where any of _ESCAPE_RE's begins: one scan)
_DATA_RE = re.compile("[\x01-\x06\x0e-\x1a\x1c-\x1f\x7f\ufffe\uffff]")
# the characters of the two classes, each looked for with `in` (a memchr in C: six times as
# fast as the engine's scan of a class, and most texts hold none of them)
_CONTROLS = "".join(map(chr, [*range(0x01, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), *range(0x7f, 0xa0)]))
_DATA = "".join(map(chr, [*range(0x01, 0x07), *range(0x0e, 0x1b), *range(0x1c, 0x20), 0x7f, 0xfffe, 0xffff]))
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85"


@dataclass(frozen=True, slots=True)
class DateReader:
    """How a date written in words is read: the time stage's functions, which the pipeline hands
    in (this stage imports no later one). Without a reader only ISO dates are read."""

    full_date: Callable[[str], tuple[datetime, Grain] | None]  # a complete date, alone in a text
    lead_date: Callable[[str], tuple[datetime, str] | None]  # a complete date opening an article


class InputError(Exception):
    """An input cannot be read; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input before parsing: where it came from and its decoded text."""

    name: str  # path as given, or "-" for stdin
    path: Path | None
    raw: str


# ----------------------------------------------------------------------------- dates

def parse_iso(value: str) -> tuple[datetime, Grain]:
    """A strict ISO 8601 date or date-time ("2026-02-03", "2026-02-03T14:05"); a time with a
    zone ("2026-02-03T14:05Z", "...T14:05-05:00") comes back aware, in that zone."""
    m = _ISO_RE.match(value.strip())
    if not m:
        raise ValueError(f"not an ISO date: {value!r}")
    y, mo, d, h, mi, s = m.groups()[:6]
    dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    check_dct(dt)
    if m.group("utc") or m.group("sign"):
        minutes = 0 if m.group("utc") else int(m.group("oh")) * 60 + int(m.group("om"))
        if minutes > 14 * 60 or int(m.group("om") or 0) > 59:
            raise ValueError(f"no such zone offset in {value!r}")
        dt = dt.replace(tzinfo=timezone(timedelta(minutes=-minutes if m.group("sign") == "-" else minutes)))
    return dt, (Grain.MINUTE if h is not None else Grain.DAY)


def parse_date_option(value: str) -> tuple[datetime, Grain]:
    """The value of ``--date``: YYYY-MM-DD, YYYY-MM-DDTHH:MM or that with its zone
    (YYYY-MM-DDTHH:MM-05:00, ...Z), a real calendar date."""
    try:
        return parse_iso(value)
    except ValueError as exc:
        raise InputError(f"invalid --date {value!r}: expected YYYY-MM-DD (e.g. 2026-02-03)"
                         + ("" if "not an ISO" in str(exc) else f" ({exc})")) from None


def parse_date_text(value: str, dates: DateReader | None = None) -> tuple[datetime, Grain] | None:
    """A publication date written by a person ("Tue, 3 Feb 2026 09:14 GMT", "February 3, 2026").

    ISO first, then `dates.full_date` (the time stage's rules, then dateparser as the fallback
    for absolute dates). A date missing its day, month or year is refused rather than completed.
    """
    value = value.strip().strip('"\'')
    if not value:
        return None
    try:
        return parse_iso(value)
    except DateRangeError:
        raise
    except ValueError:
        pass
    found = dates.full_date(value) if dates is not None else None
    if found is None:
        return None
    check_dct(found[0])
    return found


# ----------------------------------------------------------------------------- reading

def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 text despite its byte-order mark") from None
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: binary file, not a text article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if _looks_binary(data[:8192].decode("utf-8", "replace")):
                raise InputError(f"{name}: binary file, not a text article") from None
            raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                             f"{exc.start}); save the article as UTF-8") from None
    if "\x00" in text:
        raise InputError(f"{name}: binary file, not a text article")
    head = text[:8192]
    if _looks_binary(head):
        raise InputError(f"{name}: binary file, not a text article")
    text = without_controls(text)
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return text


def _looks_binary(head: str) -> bool:
    """Data rather than a text with a few strays: more than one character in ten a control
    `file` does not read as text, or a byte no decoding could read."""
    odd = (len(_DATA_RE.findall(head)) if any(c in head for c in _DATA) else 0) + head.count("\ufffd")
    return odd > max(8, len(head) // 10)


def without_controls(text: str) -> str:
    """`text` with its control characters blanked one for one (the same length, so offsets
    into it are offsets into the file's text): ANSI escape sequences and stray controls become
    spaces, a vertical tab, form feed or other line-breaking control a line break. Tabs, line
    feeds and carriage returns stay."""
    if not any(c in text for c in _CONTROLS):  # (the characters _CONTROL_RE finds, where _ESCAPE_RE's begin)
        return text

    def blank(m: re.Match[str]) -> str:
        found = m.group(0)
        if len(found) == 1:
            return "\n" if found in _LINE_BREAKS else " "
        return " " * len(found)

    return _ESCAPE_RE.sub(blank, text)


def read_source(name: str) -> Source:
    """Read one input file (or "-" for standard input) as text."""
    if name == "-":
        data = sys.stdin.buffer.read()
        return Source("-", None, _decode(data, "<stdin>"))
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file or directory")
    if path.is_dir():
        raise InputError(f"{name}: is a directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return Source(name, path, _decode(data, name))


def expand_inputs(names: Iterable[str]) -> list[str]:
    """Files as given; directories replaced by the articles inside them, sorted."""
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(f"{name}: no articles (.txt, .md, .tml) in this directory")
            out.extend(found)
        else:
            out.append(name)
    return out


def _doc_id(source: Source) -> str:
    if source.path is None:
        return "stdin"
    name = source.path.name
    for suffix in (".TE3input", ".te3input", ".tml", ".txt", ".md", ".html", ".htm"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _sidecar(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    stem = _doc_id(Source("", path, ""))
    side = path.with_name(stem + ".meta.toml")
    if not side.is_file():
        return {}
    import tomllib  # (only for an article with a sidecar)

    try:
        data = tomllib.loads(side.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{side}: invalid sidecar metadata ({str(exc).splitlines()[0]})") from None
    return {k: str(v) for k, v in data.items() if isinstance(v, (str, int, float))}


def _front_matter(raw: str) -> tuple[dict[str, str], str]:
    m = re.match(r"---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", raw, re.DOTALL)
    if not m:
        return {}, raw
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        kv = re.match(r"\s*([A-Za-z_][\w -]*?)\s*:\s*(.*?)\s*$", line)
        if kv:
            meta[kv.group(1).lower()] = kv.group(2).strip('"\'')
    return meta, raw[m.end():]


def _headers(raw: str) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    pos = 0
    for line in raw.splitlines(keepends=True):
        m = _HEADER_RE.match(line.rstrip("\r\n"))
        if not m:
            if meta and not line.strip():
                pos += len(line)  # the blank line after the header block
            break
        meta[m.group(1).lower()] = m.group(2)
        pos += len(line)
    if not meta:
        return {}, raw
    return meta, raw[pos:]


def _timeml(raw: str, name: str) -> tuple[dict[str, str], str, tuple[tuple[str, int, int], ...]]:
    body = _element(raw, "TEXT")
    if body is None:
        raise InputError(f"{name}: TimeML without a <TEXT> element")
    text, sents = _strip_tags(body)
    meta: dict[str, str] = {}
    dct = _DCT_RE.search(raw)
    if dct:
        value = _VALUE_RE.search(dct.group(0))
        if value:
            meta["date"] = value.group(1)
    title = _element(raw, "TITLE") or _element(raw, "EXTRAINFO")
    if title:
        meta["title"] = html.unescape(_TAG_RE.sub("", title)).strip()
    docid = _element(raw, "DOCID")
    if docid and docid.strip():
        meta["docid"] = docid.strip()
    return meta, text, sents


def _element(raw: str, tag: str) -> str | None:
    """The content of the first <tag>...</tag> (found with str.find: linear on any input)."""
    start = raw.find(f"<{tag}>")
    end = raw.find(f"</{tag}>", start) if start >= 0 else -1
    return raw[start + len(tag) + 2:end] if end >= 0 else None


_SENT_OPEN_RE = re.compile(r"<s\s+id=\"([^\"]*)\"[^>]*>")


def _strip_tags(content: str) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """The text of a TimeML <TEXT>: every tag removed, character references decoded. Sentence
    tags (<s id="3">, as SemEval-2015 Task 4 files have) are kept as (id, start, end), and two
    sentences that touch are parted by a line break so the words do not run together."""
    unescape = html.unescape
    if "<s" not in content and "</s" not in content:  # no sentence tags (TimeBank): the text between the tags
        return "".join([unescape(chunk) if "&" in chunk else chunk for chunk in _TAG_RE.split(content)]), ()
    out: list[str] = []
    size = 0
    last = " "  # the last character written so far
    sents: list[tuple[str, int, int]] = []
    open_id: tuple[str, int] | None = None
    pos = 0
    for tag in _TAG_RE.finditer(content):
        start, end = tag.span()
        if start > pos:
            chunk = content[pos:start]
            if "&" in chunk:
                chunk = unescape(chunk)
            if chunk:
                out.append(chunk)
                size += len(chunk)
                last = chunk[-1]
        pos = end
        markup = tag.group(0)
        if not markup.startswith(("<s", "</s>")):
            continue  # (most tags: <EVENT>, <TIMEX3>; only sentence tags are read)
        opened = _SENT_OPEN_RE.fullmatch(markup)
        if opened:
            if sents and sents[-1][2] == size and not last.isspace():
                out.append("\n")
                size += 1
                last = "\n"
            open_id = (opened.group(1), size)
        elif markup == "</s>" and open_id is not None:
            sents.append((open_id[0], open_id[1], size))
            open_id = None
    out.append(html.unescape(content[pos:]))
    return "".join(out), tuple(sents)


def _looks_like_html(raw: str) -> bool:
    from .html import looks_like_html  # (not imported for TimeML: it is named by its suffix)

    return looks_like_html(raw)


def _first(meta: dict[str, str], *keys: str) -> str | None:
    for k in keys:
        v = meta.get(k)
        if v:
            return v
    return None


def _dct_in_range(dct: datetime) -> bool:
    try:
        check_dct(dct)
    except DateRangeError:
        return False
    return True


def parse_document(source: Source, date: tuple[datetime, Grain] | None = None,
                   dates: DateReader | None = None) -> Document:
    """Turn one input into a Document, with its DCT and where the DCT came from (`dates` reads
    the dates written in words: metadata and a dateline)."""
    raw = source.raw
    name = source.name
    suffix = "".join(source.path.suffixes[-2:]).lower() if source.path else ""
    side = _sidecar(source.path)
    sents: tuple[tuple[str, int, int], ...] = ()
    if suffix.endswith((".html", ".htm")) or (not suffix.endswith((".tml", ".te3input")) and _looks_like_html(raw)):
        from .html import read_html

        try:
            page = read_html(raw, name)
        except ValueError as exc:
            raise InputError(str(exc)) from None
        text = page.text
        meta = {k: v for k, v in (("title", page.title), ("source", page.source), ("date", page.date)) if v}
        meta_kind = DctSource.METADATA
    elif suffix.endswith((".tml", ".te3input")) or raw.lstrip().startswith(("<?xml", "<TimeML")):
        meta, text, sents = _timeml(raw, name)
        meta_kind = DctSource.METADATA
    elif suffix.endswith(".md"):
        meta, text = _front_matter(raw)
        meta_kind = DctSource.METADATA
        if not meta:
            meta, text = _headers(raw)
            meta_kind = DctSource.HEADER
    else:
        meta, text = _headers(raw)
        meta_kind = DctSource.HEADER
    if not text.strip():
        raise InputError(f"{name}: no article text after the header")
    meta = {**meta, **{k.lower(): v for k, v in side.items()}}
    title = _first(meta, "title", "headline")
    if title is None:
        first_line = text.strip().split("\n", 1)[0].strip()
        if 0 < len(first_line) <= 150 and not first_line.endswith((".", "!", "?", ":")) and "\n" in text.strip():
            title = first_line
    source_name = _first(meta, "source", "outlet", "publisher") or dateline_outlet(text)
    doc = Document(id=_doc_id(source), text=text, path=name, source=source_name, title=title,
                   docid=meta.get("docid"), sentences=sents)

    if date is not None:
        dct, offset = split_offset(date[0])
        return replace(doc, dct=dct, dct_grain=date[1], dct_offset=offset, dct_source=DctSource.OPTION,
                       dct_evidence="--date")
    raw_date = _first(meta, "date", "published", "publication date", "publication_date", "pubdate")
    if raw_date:
        try:
            parsed = parse_date_text(raw_date, dates)
        except DateRangeError as exc:
            raise InputError(f"{name}: {exc}; pass --date YYYY-MM-DD") from None
        if parsed is None:
            raise InputError(f"{name}: cannot read the publication date {raw_date!r}; "
                             f"fix it or pass --date YYYY-MM-DD")
        kind = DctSource.METADATA if (side.get("date") or meta_kind is DctSource.METADATA) else DctSource.HEADER
        dct, offset = split_offset(parsed[0])
        return replace(doc, dct=dct, dct_grain=parsed[1], dct_offset=offset, dct_source=kind, dct_evidence=raw_date)
    found = dates.lead_date(text) if dates is not None else None
    if found is not None and _dct_in_range(found[0]):
        return replace(doc, dct=found[0], dct_grain=Grain.DAY, dct_source=DctSource.DATELINE,
                       dct_evidence=found[1])
    return doc


@cache
def _dateline_rule() -> tuple[re.Pattern[str], int]:
    from ..rules import load_toml

    data = load_toml("text.toml")["dateline_outlet"]
    return re.compile(data["pattern"]), int(data["reach"])


def dateline_outlet(text: str) -> str | None:
    """The outlet a wire dateline names at the head of the text ("KYIV, Feb 3 (Reuters) - "
    gives "Reuters"), else None (rules/en/text.toml [dateline_outlet])."""
    pattern, reach = _dateline_rule()
    found = pattern.match(text[:reach])
    return found.group("outlet").strip() if found else None


def read_documents(names: Iterable[str], date: tuple[datetime, Grain] | None = None,
                   on_error: str = "raise", dates: DateReader | None = None) -> Iterator[Document | InputError]:
    """Documents for every input; with on_error="yield", unreadable ones come back as errors."""
    seen: dict[str, int] = {}
    for name in expand_inputs(names):
        try:
            doc = parse_document(read_source(name), date, dates)
        except InputError as exc:
            if on_error == "raise":
                raise
            yield exc
            continue
        n = seen.get(doc.id, 0)
        seen[doc.id] = n + 1
        if n:
            doc = replace(doc, id=f"{doc.id}~{n + 1}")
        yield doc
