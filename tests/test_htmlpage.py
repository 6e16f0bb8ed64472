"""Reading saved HTML news pages: article text only, metadata, original publication date."""
from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from timeline.sources.html import Page, looks_like_html, read_html

HTML = Path(__file__).resolve().parent / "fixtures" / "html"


def _raw(name: str) -> str:
    return (HTML / name).read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a page must never touch the network."""

    def refuse(*args, **kwargs):
        raise AssertionError("read_html tried to open a network connection")

    class RefusingSocket(socket.socket):  # a class, so that `ssl` can still be imported under the patch
        def __init__(self, *args, **kwargs) -> None:
            refuse()

    monkeypatch.setattr(socket, "socket", RefusingSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def kyiv() -> Page:
    return read_html(_raw("kyiv_strikes.html"), "kyiv_strikes.html")


def test_article_paragraphs_are_kept_in_order(kyiv: Page) -> None:
    paras = kyiv.text.split("\n\n")
    assert len(paras) == 6
    assert paras[0].startswith("NATO's secretary general arrived in Kyiv on Tuesday morning")
    assert "struck the capital overnight" in paras[0]
    assert "rolling blackouts were announced for February 4-5" in paras[3]
    assert "the next 48 hours could bring further attacks" in paras[4]
    assert paras[5].endswith("since the full-scale invasion began in 2022.")


@pytest.mark.parametrize("boilerplate", [
    "Newsletters", "Podcasts", "Subscribe for unlimited access", "Sign in",  # menus
    "We use cookies", "Accept all",  # cookie banner
    "Related stories", "Grain corridor talks", "keeping the lights on",  # related stories aside
    "riverside_reader", "Another night without sleep", "last autumn", "Darnytskyi bridge",  # comments
    "Join the discussion", "Post comment",
    "All rights reserved", "Privacy policy", "Work for us",  # footer
    "Share on Facebook", "dataLayer", "@context",  # share tools, scripts
])
def test_boilerplate_is_dropped(kyiv: Page, boilerplate: str) -> None:
    assert boilerplate not in kyiv.text


def test_title_and_outlet_come_from_metadata(kyiv: Page) -> None:
    assert kyiv.title == "NATO chief visits Kyiv hours after overnight Russian strike"
    assert kyiv.source == "The Harbour Courier"
    assert not kyiv.text.startswith(kyiv.title)  # the headline is not repeated as text


def test_date_is_the_original_publication_not_the_update(kyiv: Page) -> None:
    assert kyiv.date == "2026-02-03"  # article:modified_time / dateModified say 2026-02-05
    assert kyiv.date_evidence == "htmldate (original date)"


def test_page_without_date_gives_none() -> None:
    page = read_html(_raw("no_date.html"), "no_date.html")
    assert page.date is None and page.date_evidence is None
    assert page.title == "Ferry service to the outer islands restored"
    assert page.source == "Coastline Gazette"
    assert page.text.startswith("The ferry link between the harbour")  # headline not repeated
    assert "Privacy" not in page.text and "Weather" not in page.text


def test_date_is_not_bounded_by_today() -> None:
    """A date later than the current day is still the page's date (no 'today' cut-off)."""
    raw = _raw("kyiv_strikes.html").replace("2026-02-03T09:15", "2091-04-07T09:15")
    raw = raw.replace("2026-02-05T18:00", "2091-04-09T18:00")
    assert read_html(raw, "future.html").date == "2091-04-07"


def test_copyright_year_is_not_taken_as_a_date() -> None:
    raw = _raw("no_date.html").replace("Coastline Gazette. All rights", "&copy; 2025 Coastline Gazette. All rights")
    assert read_html(raw, "x.html").date is None


def test_empty_shell_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"^empty_shell\.html: no article text found in the HTML page$"):
        read_html(_raw("empty_shell.html"), "empty_shell.html")


@pytest.mark.parametrize("raw", ["", "   ", "https://example.com/2020/01/01/story"])
def test_not_a_page_is_the_same_error(raw: str) -> None:
    with pytest.raises(ValueError, match="no article text found"):
        read_html(raw, "bad.html")


def test_read_html_is_deterministic() -> None:
    raw = _raw("kyiv_strikes.html")
    assert read_html(raw, "a.html") == read_html(raw, "a.html")


def test_libraries_stay_quiet(capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    read_html(_raw("no_date.html"), "no_date.html")
    with pytest.raises(ValueError):
        read_html("", "empty.html")
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""
    assert [r for r in caplog.records if r.name.split(".")[0] in {"trafilatura", "htmldate"}] == []


@pytest.mark.parametrize("name", ["kyiv_strikes.html", "no_date.html", "empty_shell.html"])
def test_looks_like_html_for_pages(name: str) -> None:
    assert looks_like_html(_raw(name))


@pytest.mark.parametrize("raw", [
    "\ufeff<!DOCTYPE html>\n<html><body><p>x</p></body></html>",
    "  <!-- saved from url=(0042)https://example.com/ -->\n<html lang=en>",
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">',
    "<HTML><HEAD><TITLE>x</TITLE>",
    "<div>saved fragment</div>\n<body class='article'><p>x</p></body>",
])
def test_looks_like_html_variants(raw: str) -> None:
    assert looks_like_html(raw)


@pytest.mark.parametrize("raw", [
    "Title: x\n\nKyiv, Feb 3 - NATO's chief arrived on Tuesday.",
    "---\ntitle: x\n---\n# Heading\n\nText with <b>bold</b> markup.",
    "",
    "A" * 3000 + "<html>",  # a tag past the first 2 kB does not count
])
def test_looks_like_html_false_for_text(raw: str) -> None:
    assert not looks_like_html(raw)


def test_an_html_article_is_read_through_the_pipeline_with_its_metadata_date():
    from click.testing import CliRunner

    from timeline.cli import main
    from timeline.pipeline import read_documents
    from timeline.model import DctSource

    page = Path(__file__).parent / "fixtures" / "html" / "kyiv_strikes.html"
    doc = next(read_documents([str(page)]))
    assert doc.dct_source is DctSource.METADATA and doc.dct.strftime("%Y-%m-%d") == "2026-02-03"
    assert doc.title and doc.source
    res = CliRunner().invoke(main, ["extract", str(page)])
    rows = [line.split("\t") for line in res.output.splitlines()[1:]]
    assert res.exit_code == 0 and rows
    for start, end, text, *_ in rows:  # offsets refer to the extracted text
        assert doc.text[int(start):int(end)] == text
    assert ["overnight", "2026-02-02TNI"] in [[r[2], r[4]] for r in rows]
    shell = CliRunner().invoke(main, ["extract", str(page.parent / "empty_shell.html")])
    assert shell.exit_code == 2 and "no article text" in shell.output
