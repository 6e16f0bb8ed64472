"""The command line: parse arguments, call the API, write files, map errors to exit codes.

Exit codes: 0 success, 2 a usage or input error (one line on stderr, never a traceback).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

import click

from ..rules import codecache

codecache.install()  # (before any module of dataclasses is imported: their methods' code from the cache)

from .console import Progress, UserError, report_dates, set_aside, warn
from .files import writable_folder, write_file, write_set

def _date_option(value: str | None):  # type: ignore[no-untyped-def]
    if value is None:
        return None
    from ..sources.read import InputError, parse_date_option

    try:
        return parse_date_option(value)
    except InputError as exc:
        raise UserError(str(exc)) from None


def _inputs(inputs: Sequence[str], list_file: str | None) -> list[str]:
    """The inputs named on the command line, then those of the --list file (one per line;
    blank lines and lines starting with # are skipped; relative paths are relative to the list)."""
    names = list(inputs)
    if list_file is not None:
        from ..sources.read import InputError, read_source

        try:
            raw = read_source(list_file).raw
        except InputError as exc:
            raise UserError(f"--list {exc}") from None
        base = Path(list_file).parent if list_file != "-" else Path(".")
        for line in raw.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names.append(line if Path(line).is_absolute() else str(base / line))
    if not names:
        raise UserError("no inputs: name files or folders, or give --list FILE")
    return names


def _read(inputs: Sequence[str], date: str | None, skip_bad: bool, warn_undated: bool = True,
          progress: "Progress | None" = None):  # type: ignore[no-untyped-def]
    """Documents for the inputs; unreadable ones are reported, then skipped or fatal."""
    from ..pipeline import read_documents
    from ..sources.read import InputError

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
    if progress is not None:
        progress.skipped = errors[:]
    if errors and not (skip_bad and docs):
        raise UserError(errors[0] if len(errors) == 1 else f"{errors[0]} (and {len(errors) - 1} more unreadable inputs)")
    for err in errors:
        warn(f"skipped {err}")
    if warn_undated:
        report_dates(docs)
    return docs


def _load_timeline(path: str):  # type: ignore[no-untyped-def]
    from ..formats.codec import TimelineFormatError, loads
    from ..sources.read import InputError, read_source

    try:
        source = read_source(path)
        return loads(source.raw)
    except InputError as exc:
        raise UserError(str(exc)) from None
    except TimelineFormatError as exc:
        raise UserError(f"{path}: {exc}") from None


_DATE_HELP = ("Publication date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with an optional zone: -05:00, Z) for every "
              "input; overrides dates found in the files.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline", prog_name="timeline")
def main() -> None:
    """Turn news articles into timelines.

    Time expressions are resolved against each article's own publication date, events are
    anchored and ordered, and the result is drawn as a chart and written as a log.
    """


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--list", "list_file", metavar="FILE", help="Also read the articles this file lists, one path per line.")
@click.option("--date", "date", metavar="YYYY-MM-DD", help=_DATE_HELP)
@click.option("--format", "fmt", type=click.Choice(["tsv", "json", "timeml", "text"]), default="tsv", show_default=True,
              help="text: the article text the offsets refer to (for HTML: the extracted article).")
@click.option("--out", "out", type=click.Path(file_okay=False), help="Write one file per input into this folder.")
def extract(inputs: tuple[str, ...], list_file: str | None, date: str | None, fmt: str, out: str | None) -> None:
    """The time expressions of each article (files, folders searched recursively, or - for stdin)."""
    from ..atomic import AtomicWriter, WriteError
    from ..formats.codec import dumps
    from ..formats.export import timeml, timexes_tsv
    from ..model import Timeline
    from ..pipeline import extract as extract_timexes

    docs = _read(_inputs(inputs, list_file), date, skip_bad=True)
    chunks = []
    try:
        with AtomicWriter() as writer:  # (a thread writes the files while the next articles are read)
            for doc in docs:
                if fmt == "text":
                    body, suffix = doc.text, ".extracted.txt"
                else:
                    timexes = extract_timexes(doc)
                    if fmt == "tsv":
                        body, suffix = timexes_tsv(timexes), ".tsv"
                    elif fmt == "json":
                        body, suffix = dumps(Timeline((doc,), tuple(timexes), ())), ".json"
                    else:
                        body, suffix = timeml(doc, timexes), ".tml"
                if out:
                    writer.write(Path(out) / f"{doc.id}{suffix}", body)
                else:
                    chunks.append((doc, body))
    except WriteError as exc:
        cause = exc.cause
        if not isinstance(cause, OSError):
            raise cause from None
        raise UserError(f"cannot write {exc.path}: {cause.strerror or cause}") from None
    for doc, body in chunks:
        if len(chunks) > 1 and fmt in ("tsv", "text"):
            click.echo(f"# {doc.path}")
        click.echo(body, nl=False)


BUILD_FORMATS = ("json", "txt", "png", "svg", "pdf", "csv", "md", "ics", "timelinejs", "timeml")



def _formats(values: Sequence[str], allowed: Sequence[str], default: Sequence[str]) -> list[str]:
    """--format given several times or comma-separated ("csv,ics"), checked, in a stable order."""
    asked = [v.strip().lower() for value in values for v in value.split(",") if v.strip()] or list(default)
    for v in asked:
        if v not in allowed:
            raise UserError(f"--format {v!r} is not one of {', '.join(allowed)}")
    return [f for f in allowed if f in asked]


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--list", "list_file", metavar="FILE", help="Also read the articles this file lists, one path per line.")
@click.option("--date", "date", metavar="YYYY-MM-DD", help=_DATE_HELP)
@click.option("--out", "out", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder for the outputs (timeline.json, timeline.txt, timeline.png, ...).")
@click.option("--format", "formats", multiple=True, metavar="FMT[,FMT...]",
              help="Outputs to write, several at once: " + ", ".join(BUILD_FORMATS)
                   + " (default: json,txt,png; json is always written).")
@click.option("--all-events", is_flag=True, help="Chart and list every event mention, not only the salient ones.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="Happenings on the chart and in the log's key events: those that matter most to the story.")
@click.option("--policy", type=click.Choice(["news", "narrative"]), default="news", show_default=True,
              help="Anchor relative times on the publication date (news) or the last mentioned time.")
@click.option("--no-infer", is_flag=True, help="Do not infer the date of an undated article from dated ones.")
@click.option("--source", "outlet", metavar="OUTLET",
              help="The outlet of every input that names none (a folder of one outlet's saved pages).")
@click.option("--keep-furniture", is_flag=True,
              help="Keep sentences that recur across the articles (terms of service, sign-offs); dropped by default.")
@click.option("--about", "subject", metavar="SUBJECT",
              help='Keep only the events the subject takes part in ("Airbus", "Steve Jobs").')
@click.option("--title", help="Chart and TimelineJS title (default: the first article's title).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for the per-article work; 0: one per CPU core (up to 8) for 16 articles or more. "
                   "The output is the same whatever the number.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: run the per-article work on a dask.distributed cluster (pip install 'timeline[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="The dask scheduler (default: a LocalCluster of --jobs workers).")
def build(inputs: tuple[str, ...], list_file: str | None, date: str | None, out: str, formats: tuple[str, ...],
          all_events: bool, top: int, policy: str, no_infer: bool, outlet: str | None, keep_furniture: bool,
          subject: str | None,
          title: str | None, quiet: bool, jobs: int, engine: str, scheduler: str | None) -> None:
    """Build the timeline of the articles (files, folders searched recursively, or - for stdin).

    Writes timeline.json and, by default, timeline.txt (the log) and timeline.png (the chart)."""
    from ..time.anchor import Policy
    from ..formats.outputs import FORMAT_FILES
    from ..pipeline import build_timeline

    fmts = _formats(formats, BUILD_FORMATS, ("json", "txt", "png"))
    writable_folder(Path(out))  # (before the build, not after it)
    names = _inputs(inputs, list_file)
    from ..sources.read import InputError, expand_inputs

    try:
        total = len(expand_inputs(names))
    except InputError as exc:
        raise UserError(str(exc)) from None
    progress = Progress(total, quiet)
    docs = _read(names, date, skip_bad=True, warn_undated=False, progress=progress)
    if outlet is not None:
        if not outlet.strip():
            raise UserError("--source needs the outlet's name, e.g. --source Reuters")
        from dataclasses import replace

        docs = [d if d.source else replace(d, source=outlet.strip()) for d in docs]
    if scheduler and engine != "dask":
        raise UserError("--scheduler needs --engine dask")
    if jobs == 0:
        from ..scale import auto_jobs

        jobs = auto_jobs(len(docs), sum(len(d.text) for d in docs))
    drawer = None
    if jobs > 1 and any(f in ("png", "svg", "pdf") for f in fmts):
        from ..formats.outputs import load_plotting
        from ..scale import WarmProcess

        drawer = WarmProcess.start(load_plotting)  # (a process that loads it meanwhile, on a core left idle)
    import gc

    try:
        try:
            tl = build_timeline(docs, Policy(policy), infer=not no_infer, progress=progress.step,
                                jobs=jobs, engine=engine, scheduler=scheduler, furniture=not keep_furniture)
        except RuntimeError as exc:  # the engine is missing or unreachable (not a fault of the code's own)
            if isinstance(exc, (RecursionError, NotImplementedError)):
                raise
            raise UserError(str(exc)) from None
        report_dates(tl.documents)
        frozen = gc.get_freeze_count() == 0
        if frozen:  # (no collection walks the finished timeline while the outputs are made)
            gc.freeze()
        try:
            if subject is not None:
                tl = _about(tl, subject)
            # everything else is rendered before anything is written; the JSON, the largest
            # output, is then streamed into its temporary file (never held in memory whole) and
            # renamed first
            outputs = _outputs(tl, [f for f in fmts if f != "json"], all_events, title, top, drawer)
            write_set(Path(out), tl, outputs)
        finally:
            if frozen:  # (a caller in the same process gets its collector back as it was)
                gc.unfreeze()
    except BaseException:
        if drawer is not None:  # (an error or Ctrl-C: it is stopped now, not waited for)
            drawer.close(abort=True)
        raise
    if drawer is not None:
        drawer.close()
    progress.close(len(docs), len(tl.happenings), set_aside(tl))
    if not quiet:
        written = [FORMAT_FILES["json"], *outputs]
        click.echo(f"timeline: wrote {', '.join(str(Path(out) / n) for n in written)}", err=True)


def _outputs(tl, fmts: Sequence[str], all_events: bool, title: str | None, top: int,  # type: ignore[no-untyped-def]
             drawer=None) -> dict:  # type: ignore[type-arg]
    from ..formats.export import ExportError
    from ..formats.outputs import render_outputs

    try:
        return render_outputs(tl, fmts, all_events, title, top, drawer)
    except ExportError as exc:
        raise UserError(str(exc)) from None


def _about(tl, subject: str):  # type: ignore[no-untyped-def]
    from ..events.about import about

    from ..story.compose import with_happenings

    if not subject.strip():
        raise UserError("--about needs a subject, e.g. --about 'Steve Jobs'")
    return with_happenings(about(tl, subject))


EXPORT_FORMATS = ("txt", "csv", "md", "ics", "timelinejs", "png", "svg", "pdf", "semeval2015", "timeml")


@main.command("export")
@click.argument("timeline_json", metavar="TIMELINE.json")
@click.option("--format", "formats", multiple=True, required=True, metavar="FMT[,FMT...]",
              help="One or several of: " + ", ".join(EXPORT_FORMATS)
                   + ". semeval2015 is a SemEval-2015 Task 4 entity timeline (needs --about).")
@click.option("--about", "subject", metavar="SUBJECT", help="Keep only the events the subject takes part in.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False),
              help="Write the (one) format here instead of stdout.")
@click.option("--out", "out", type=click.Path(file_okay=False), help="Write every format into this folder.")
@click.option("--all-events", is_flag=True, help="Every event mention, not only the salient ones.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="Happenings on the chart and in the log's key events: those that matter most to the story.")
@click.option("--title", help="Chart and TimelineJS title (default: the first article's title).")
def export_cmd(timeline_json: str, formats: tuple[str, ...], subject: str | None, output: str | None,
               out: str | None, all_events: bool, top: int, title: str | None) -> None:
    """Write a timeline JSON in other formats (to stdout, -o FILE, or --out DIR)."""
    from ..formats.export import ExportError, semeval2015

    fmts = _formats(formats, EXPORT_FORMATS, ())
    if "timeml" in fmts:
        raise UserError("a timeline JSON does not hold the articles' text that timeml needs: "
                        "use `timeline build ARTICLES --format timeml`")
    if "semeval2015" in fmts and subject is None:
        raise UserError("--format semeval2015 needs --about SUBJECT")
    if len(fmts) > 1 and out is None:
        raise UserError("several formats need --out DIR")
    if out is None and output is None and any(f in ("png", "svg", "pdf") for f in fmts):
        raise UserError("a chart needs -o FILE or --out DIR")
    tl = _load_timeline(timeline_json)
    if subject is not None:
        tl = _about(tl, subject)
    files = _outputs(tl, [f for f in fmts if f != "semeval2015"], all_events, title, top)
    if "semeval2015" in fmts:
        try:
            files[f"{'_'.join((subject or '').lower().split())}.txt"] = semeval2015(tl, subject or "")
        except ExportError as exc:
            raise UserError(str(exc)) from None
    if out is not None:
        for name, data in files.items():
            write_file(Path(out) / name, data)
    elif output is not None:
        write_file(Path(output), next(iter(files.values())))
    else:
        body = next(iter(files.values()))
        if isinstance(body, bytes):
            click.get_binary_stream("stdout").write(body)
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


def _input_name(name: str) -> str:
    """A side's fallback name: the folder or file it was read from."""
    path = Path(name)
    return path.stem if path.is_file() else (path.name or str(path))


@main.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--png", "png", type=click.Path(dir_okay=False),
              help="Also draw the top differences on one date axis.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Happenings listed per section of the text and Markdown report.")
@click.option("--all", "show_all", is_flag=True, help="List every happening in the text and Markdown report.")
@click.option("--date", "date", metavar="YYYY-MM-DD", help=_DATE_HELP)
@click.option("--no-infer", is_flag=True, help="Do not infer the date of an undated article from the other side.")
def diff(a: str, b: str, fmt: str, png: str | None, top: int, show_all: bool, date: str | None,
         no_infer: bool) -> None:
    """How B's account of a story differs from A's, happening by happening (articles, folders
    or timeline JSONs): what only one side reports, what they date differently, what they agree on.

    Exit status: 0 when they agree, 1 when they differ, 2 on error (as diff(1))."""
    from ..formats.codec import dumps_diff
    from ..pipeline import build_timeline, diff_articles
    from ..render.diffreport import render_markdown, render_text
    from ..story.diff import diff as diff_timelines
    from ..story.sides import side_name

    if _is_timeline_json(a) or _is_timeline_json(b):
        def side(name: str):  # type: ignore[no-untyped-def]
            if _is_timeline_json(name):
                return _load_timeline(name)
            docs = _read([name], date, skip_bad=False, warn_undated=False)
            tl = build_timeline(docs, infer=not no_infer)
            report_dates(tl.documents)
            return tl

        tl_a, tl_b = side(a), side(b)
        names = (side_name(tl_a.documents, _input_name(a)), side_name(tl_b.documents, _input_name(b)))
        result = diff_timelines(tl_a, tl_b, names)
    else:
        docs_a = _read([a], date, skip_bad=False, warn_undated=False)
        docs_b = _read([b], date, skip_bad=False, warn_undated=False)
        names = (side_name(docs_a, _input_name(a)), side_name(docs_b, _input_name(b)))
        from ..scale import auto_jobs

        both = [*docs_a, *docs_b]
        result = diff_articles(docs_a, docs_b, names, infer=not no_infer,
                               jobs=auto_jobs(len(both), sum(len(d.text) for d in both)))
        report_dates(list({d.id: d for d in result.a.documents + result.b.documents}.values()))
    limit = None if show_all else top
    if fmt == "json":
        body = dumps_diff(result)
    else:
        body = (render_text if fmt == "text" else render_markdown)(result, limit)
    if png:
        from ..render.diffchart import figure_bytes, render_diff

        write_file(Path(png), figure_bytes(render_diff(result), "png"))
    click.echo(body, nl=False)
    sys.exit(0 if result.same else 1)


@main.command()
@click.argument("timeline_json", metavar="TIMELINE.json")
@click.option("--all-events", is_flag=True, help="List every event mention, not only the salient ones.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="Happenings on the chart and in the log's key events: those that matter most to the story.")
def log(timeline_json: str, all_events: bool, top: int) -> None:
    """Print the story's log of a timeline JSON: a summary, the key events, the chronology."""
    from ..render.log import render_log

    click.echo(render_log(_load_timeline(timeline_json), all_events, top), nl=False)


@main.command()
@click.argument("timeline_json", metavar="TIMELINE.json")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Chart file: .png, .svg or .pdf.")
@click.option("--all-events", is_flag=True, help="Draw every event mention, not only the salient ones.")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="Happenings on the chart and in the log's key events: those that matter most to the story.")
@click.option("--title", help="Chart title (default: the first article's title).")
def render(timeline_json: str, output: str, all_events: bool, top: int, title: str | None) -> None:
    """Draw a timeline JSON as a Gantt-style chart."""
    from ..render.gantt import figure_bytes, render_gantt

    fmt = Path(output).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise UserError(f"{output}: the chart must be .png, .svg or .pdf")
    tl = _load_timeline(timeline_json)
    write_file(Path(output), figure_bytes(render_gantt(tl, all_events, title, top), fmt))


def run() -> None:  # pragma: no cover - console entry when tracebacks must never show
    from .ending import interrupted, on_sigterm

    on_sigterm()
    try:
        code = main.main(standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort) as exc:  # Ctrl-C, SIGTERM: outputs are written only at the end
        interrupted(exc)
        raise KeyboardInterrupt from None
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # `timeline log x.json | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:  # an internal error: one line, unless debugging
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        click.echo(f"timeline: internal error: {type(exc).__name__}: {exc} "
                   f"(set TIMELINE_DEBUG=1 for details)", err=True)
        _exit_now(3)


def _exit_now(code: int) -> None:  # pragma: no cover - runs as the process ends
    """End at once: an error may come while a pool's workers are being stopped, and Python's
    own end would wait for the pool's thread, for ever if a worker was stopped while sending a
    result (see `ending.interrupted`); the workers die with this process."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
    sys.exit(code if isinstance(code, int) else 0)
