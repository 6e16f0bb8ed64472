"""The command line: parse arguments, call the API, write files, map errors to exit codes.

Exit codes: 0 success, 2 a usage or input error (one line on stderr, never a traceback).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Sequence

import click

EXIT_INPUT = 2


class UserError(click.ClickException):
    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        click.echo(f"timeline: error: {self.message}", err=True)


def _warn(msg: str) -> None:
    click.echo(f"timeline: warning: {msg}", err=True)


def _date_option(value: str | None):  # type: ignore[no-untyped-def]
    if value is None:
        return None
    from .io import InputError, parse_date_option

    try:
        return parse_date_option(value)
    except InputError as exc:
        raise UserError(str(exc)) from None


def _read(inputs: Sequence[str], date: str | None, skip_bad: bool, warn_undated: bool = True):  # type: ignore[no-untyped-def]
    """Documents for the inputs; unreadable ones are reported, then skipped or fatal."""
    from .io import InputError, read_documents

    parsed = _date_option(date)
    docs, errors = [], []
    try:
        for item in read_documents(inputs, parsed, on_error="yield"):
            if isinstance(item, InputError):
                errors.append(str(item))
            else:
                docs.append(item)
    except InputError as exc:
        raise UserError(str(exc)) from None
    if errors and not (skip_bad and docs):
        raise UserError(errors[0] if len(errors) == 1 else f"{errors[0]} (and {len(errors) - 1} more unreadable inputs)")
    for err in errors:
        _warn(f"skipped {err}")
    if warn_undated:
        _report_dates(docs)
    return docs


def _report_dates(docs) -> None:  # type: ignore[no-untyped-def]
    """One line per document without a read date: inferred (with how sure), or none at all."""
    from .model import DctSource

    for d in docs:
        if d.dct_source is DctSource.INFERRED:
            n = (d.dct_evidence or "").count(" | ") + 1
            click.echo(f"timeline: {d.path}: no publication date in the article; inferred "
                       f"{d.dct:%Y-%m-%d} (confidence {d.dct_confidence:.2f}) from {n} event"
                       f"{'s' * (n != 1)} that dated articles also report (--no-infer turns this off)", err=True)
        elif d.dct is None:
            _warn(f"{d.path}: no publication date found; relative times stay unresolved "
                  f"(pass --date YYYY-MM-DD to set it)")


def _load_timeline(path: str):  # type: ignore[no-untyped-def]
    from .codec import TimelineFormatError, loads
    from .io import InputError, read_source

    try:
        source = read_source(path)
        return loads(source.raw)
    except InputError as exc:
        raise UserError(str(exc)) from None
    except TimelineFormatError as exc:
        raise UserError(f"{path}: {exc}") from None


def _write(path: Path, data: bytes | str) -> None:
    from .io import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


_DATE_HELP = "Publication date (YYYY-MM-DD) for every input; overrides dates found in the files."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline", prog_name="timeline")
def main() -> None:
    """Turn news articles into timelines.

    Time expressions are resolved against each article's own publication date, events are
    anchored and ordered, and the result is drawn as a chart and written as a log.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", "date", metavar="YYYY-MM-DD", help=_DATE_HELP)
@click.option("--format", "fmt", type=click.Choice(["tsv", "json", "timeml"]), default="tsv", show_default=True)
@click.option("--out", "out", type=click.Path(file_okay=False), help="Write one file per input into this folder.")
def extract(inputs: tuple[str, ...], date: str | None, fmt: str, out: str | None) -> None:
    """The time expressions of each article (files, folders, or - for stdin)."""
    from .codec import dumps
    from .export import timeml, timexes_tsv
    from .model import Timeline
    from .pipeline import extract as extract_timexes

    docs = _read(inputs, date, skip_bad=True)
    chunks = []
    for doc in docs:
        timexes = extract_timexes(doc)
        if fmt == "tsv":
            body, suffix = timexes_tsv(timexes), ".tsv"
        elif fmt == "json":
            body, suffix = dumps(Timeline((doc,), tuple(timexes), ())), ".json"
        else:
            body, suffix = timeml(doc, timexes), ".tml"
        if out:
            _write(Path(out) / f"{doc.id}{suffix}", body)
        else:
            chunks.append((doc, body))
    for doc, body in chunks:
        if len(chunks) > 1 and fmt == "tsv":
            click.echo(f"# {doc.path}")
        click.echo(body, nl=False)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", "date", metavar="YYYY-MM-DD", help=_DATE_HELP)
@click.option("--out", "out", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder for timeline.json, timeline.txt and timeline.png.")
@click.option("--all-events", is_flag=True, help="Chart and log every event mention, not only the salient ones.")
@click.option("--policy", type=click.Choice(["news", "narrative"]), default="news", show_default=True,
              help="Anchor relative times on the publication date (news) or the last mentioned time.")
@click.option("--no-infer", is_flag=True, help="Do not infer the date of an undated article from dated ones.")
@click.option("--about", "subject", metavar="SUBJECT",
              help='Keep only the events whose sentence names this subject ("Airbus", "Steve Jobs").')
def build(inputs: tuple[str, ...], date: str | None, out: str, all_events: bool, policy: str,
          no_infer: bool, subject: str | None) -> None:
    """Build the timeline of the articles: timeline.json, timeline.txt and timeline.png."""
    from .anchor import Policy
    from .codec import dumps
    from .pipeline import build_timeline
    from .render.gantt import figure_bytes, render_gantt
    from .render.log import render_log

    docs = _read(inputs, date, skip_bad=True, warn_undated=False)
    tl = build_timeline(docs, Policy(policy), infer=not no_infer)
    _report_dates(tl.documents)
    if subject is not None:
        tl = _about(tl, subject)
    outputs = {
        "timeline.json": dumps(tl),
        "timeline.txt": render_log(tl, all_events),
        "timeline.png": figure_bytes(render_gantt(tl, all_events), "png"),
    }
    for name, data in outputs.items():  # everything is rendered before anything is written
        _write(Path(out) / name, data)
    shown = sum(1 for e in tl.events if all_events or e.salient)
    click.echo(f"{len(docs)} article{'s' * (len(docs) != 1)}, {len(tl.timexes)} time expressions, "
               f"{shown} events -> {', '.join(str(Path(out) / n) for n in outputs)}", err=True)


def _about(tl, subject: str):  # type: ignore[no-untyped-def]
    from .about import about

    if not subject.strip():
        raise UserError("--about needs a subject, e.g. --about 'Steve Jobs'")
    return about(tl, subject)


@main.command("export")
@click.argument("timeline_json", metavar="TIMELINE.json")
@click.option("--format", "fmt", type=click.Choice(["semeval2015"]), required=True,
              help="semeval2015: an entity timeline as in SemEval-2015 Task 4 (needs --about).")
@click.option("--about", "subject", metavar="SUBJECT", help="The subject whose events to keep.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def export_cmd(timeline_json: str, fmt: str, subject: str | None, output: str | None) -> None:
    """Write a timeline JSON in another format."""
    from .export import ExportError, semeval2015

    if subject is None:
        raise UserError(f"--format {fmt} needs --about SUBJECT")
    tl = _about(_load_timeline(timeline_json), subject)
    try:
        body = semeval2015(tl, subject)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    if output:
        _write(Path(output), body)
    else:
        click.echo(body, nl=False)


def _is_timeline_json(name: str) -> bool:
    path = Path(name)
    if name == "-" or path.is_dir() or not path.is_file():
        return False
    if path.suffix.lower() == ".json":
        return True
    with path.open("rb") as fh:
        return fh.read(64).lstrip().startswith(b"{")


@main.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--png", "png", type=click.Path(dir_okay=False), help="Also draw the two accounts on one date axis.")
@click.option("--date", "date", metavar="YYYY-MM-DD", help=_DATE_HELP)
@click.option("--no-infer", is_flag=True, help="Do not infer the date of an undated article from the other.")
def diff(a: str, b: str, fmt: str, png: str | None, date: str | None, no_infer: bool) -> None:
    """How the timeline of B differs from that of A (articles, folders or timeline JSONs).

    Exit status: 0 when they agree, 1 when they differ, 2 on error (as diff(1))."""
    from .codec import dumps_diff
    from .diff import diff as diff_timelines
    from .diff import diff_within
    from .pipeline import build_timeline
    from .render.diffreport import render_markdown, render_text

    if _is_timeline_json(a) or _is_timeline_json(b):
        def side(name: str):  # type: ignore[no-untyped-def]
            if _is_timeline_json(name):
                return _load_timeline(name)
            docs = _read([name], date, skip_bad=False, warn_undated=False)
            tl = build_timeline(docs, infer=not no_infer)
            _report_dates(tl.documents)
            return tl

        result = diff_timelines(side(a), side(b))
    else:
        docs_a = _read([a], date, skip_bad=False, warn_undated=False)
        docs_b = _read([b], date, skip_bad=False, warn_undated=False)
        ids_a = [d.id for d in docs_a]
        ids_b = [d.id for d in docs_b]
        if set(ids_a) & set(ids_b):
            raise UserError(f"{a} and {b} hold the same article ({sorted(set(ids_a) & set(ids_b))[0]})")
        tl = build_timeline(docs_a + docs_b, infer=not no_infer)
        _report_dates(tl.documents)
        result = diff_within(tl, ids_a, ids_b)
    body = {"text": render_text, "md": render_markdown, "json": dumps_diff}[fmt](result)
    if png:
        from .render.diffchart import figure_bytes, render_diff

        _write(Path(png), figure_bytes(render_diff(result), "png"))
    click.echo(body, nl=False)
    sys.exit(0 if result.same else 1)


@main.command()
@click.argument("timeline_json", metavar="TIMELINE.json")
@click.option("--all-events", is_flag=True, help="List every event mention, not only the salient ones.")
def log(timeline_json: str, all_events: bool) -> None:
    """Print the chronological log of a timeline JSON."""
    from .render.log import render_log

    click.echo(render_log(_load_timeline(timeline_json), all_events), nl=False)


@main.command()
@click.argument("timeline_json", metavar="TIMELINE.json")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Chart file: .png, .svg or .pdf.")
@click.option("--all-events", is_flag=True, help="Draw every event mention, not only the salient ones.")
@click.option("--title", help="Chart title (default: the first article's title).")
def render(timeline_json: str, output: str, all_events: bool, title: str | None) -> None:
    """Draw a timeline JSON as a Gantt-style chart."""
    from .render.gantt import figure_bytes, render_gantt

    fmt = Path(output).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise UserError(f"{output}: the chart must be .png, .svg or .pdf")
    tl = _load_timeline(timeline_json)
    _write(Path(output), figure_bytes(render_gantt(tl, all_events, title), fmt))


def run() -> None:  # pragma: no cover - console entry when tracebacks must never show
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("timeline: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # an internal error: one line, unless debugging
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        click.echo(f"timeline: internal error: {type(exc).__name__}: {exc} "
                   f"(set TIMELINE_DEBUG=1 for details)", err=True)
        sys.exit(3)
