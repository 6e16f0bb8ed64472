"""Read a saved HTML news page: main article text, title, outlet and original publication date.

The body text comes from trafilatura in precision mode (no comments, tables, menus or other
boilerplate); title and outlet come from its metadata reader (og:*, JSON-LD, <title>). The date
comes only from htmldate, asked for the *original* date (never the last-modified one), with fixed
date bounds instead of "today" and without its free-text guessing, so a page with no real date
gives None and the result never depends on the clock or the network. Both libraries load lazily.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Fixed bounds for htmldate: its default upper bound is the end of *today*, which would make the
# result depend on when it runs. Dates outside these bounds are rejected as implausible.
MIN_DATE = "1990-01-01"
MAX_DATE = "2099-12-31"
DATE_EVIDENCE = "htmldate (original date)"

# htmldate: original (publication) date; no "extensive" free-text search, which guesses from any
# year in the page (a "(c) 2026" footer becomes 2026-01-01); a date in the canonical URL only
# counts after the page's own metadata.
_HTMLDATE_OPTIONS = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
    "min_date": MIN_DATE,
    "max_date": MAX_DATE,
    "deferred_url_extractor": True,
    "verbose": False,
}
# trafilatura's metadata reader calls htmldate too (with max_date = today by default): give it the
# same fixed options. Its date is never used; ``Page.date`` comes from our own call.
_METADATA_DATE_CONFIG = {k: v for k, v in _HTMLDATE_OPTIONS.items() if k != "verbose"}

_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")

_PREAMBLE_RE = re.compile(r"(?:\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.DOTALL)
_START_RE = re.compile(r"<(?:!doctype\s+html|html|head)\b", re.IGNORECASE)
_TAG_RE = re.compile(r"<(?:html|body)\b[^<>]*>", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Page:
    """What a saved HTML article page gives: its text and the metadata found in it."""

    text: str  # main article text, paragraphs separated by a blank line
    title: str | None  # headline from the page metadata (og:title, JSON-LD, <title>)
    source: str | None  # the outlet (og:site_name, JSON-LD publisher, ...), else None
    date: str | None  # original publication date YYYY-MM-DD, None if the page has none
    date_evidence: str | None  # where the date came from, None when there is no date


def looks_like_html(raw: str) -> bool:
    """Cheap sniff: the text starts like an HTML document, or has <html>/<body> tags early on."""
    head = raw[:2048].lstrip("\ufeff")
    if _START_RE.match(head, _PREAMBLE_RE.match(head).end()):
        return True
    return _TAG_RE.search(head) is not None


def _quiet_libraries() -> None:
    """Keep the libraries' log messages off the user's terminal (levels are only ever raised).

    Even their ERROR records ("not valid HTML", "Document is empty") only restate what
    ``read_html`` reports itself as a ValueError, so only CRITICAL ones get through.
    """
    import logging  # (only when a page is read: most inputs are not HTML)

    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.CRITICAL:
            logger.setLevel(logging.CRITICAL)


def _norm(value: str) -> str:
    return _SPACE_RE.sub(" ", value).strip().casefold()


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACE_RE.sub(" ", value).strip()
    return value or None


def read_html(raw: str, name: str) -> Page:
    """Read one HTML page; ``name`` is only used in the error message.

    Raises ValueError when the page has no article text (e.g. a site's front page shell).
    """
    import htmldate
    import trafilatura

    _quiet_libraries()

    # Parse once here (trafilatura's loader never downloads; htmldate's own loader would fetch a
    # string that looks like a URL) and hand htmldate the tree, which it copies before pruning.
    tree = trafilatura.load_html(raw)
    if tree is None:
        raise ValueError(f"{name}: no article text found in the HTML page")

    extracted = trafilatura.extract(
        raw,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,  # a shared cache across calls would make output depend on history
        with_metadata=False,
        date_extraction_params=_METADATA_DATE_CONFIG,
    )
    paragraphs = [p for p in (_SPACE_RE.sub(" ", line).strip() for line in (extracted or "").splitlines()) if p]

    meta = trafilatura.extract_metadata(raw, date_config=_METADATA_DATE_CONFIG)
    title = _clean(meta.title)
    source = _clean(meta.sitename)

    # the headline is in ``title``; don't repeat it as the first paragraph of the text
    if paragraphs and title and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ValueError(f"{name}: no article text found in the HTML page")

    date = htmldate.find_date(tree, **_HTMLDATE_OPTIONS)
    return Page(
        text="\n\n".join(paragraphs),
        title=title,
        source=source,
        date=date or None,
        date_evidence=DATE_EVIDENCE if date else None,
    )
