"""What the command line says on the terminal: errors, warnings, progress and the summary line."""
from __future__ import annotations

import sys
from typing import Any, Sequence

import click

EXIT_INPUT = 2


class UserError(click.ClickException):
    """A usage or input error: one line on stderr, exit status 2."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        click.echo(f"timeline: error: {self.message}", err=True)


def warn(msg: str) -> None:
    click.echo(f"timeline: warning: {msg}", err=True)


class Progress:
    """A progress bar on stderr for runs over many files: only when stderr is a terminal and
    not --quiet; the summary line at the end unless --quiet."""

    def __init__(self, total: int, quiet: bool, label: str = "articles"):
        import time

        self.quiet = quiet
        self.started = time.perf_counter()
        self.skipped: list[str] = []
        self.bar = None
        if not quiet and total > 1 and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()

    def step(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self, articles: int, happenings: int, set_aside: Sequence[str] = ()) -> None:
        import time

        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
        if self.quiet:
            return
        took = time.perf_counter() - self.started
        skipped = f", {len(self.skipped)} skipped ({'; '.join(self.skipped)})" if self.skipped else ""
        aside = "".join(f", {x}" for x in set_aside)
        click.echo(f"timeline: {articles} article{'s' * (articles != 1)} read{skipped}{aside}, "
                   f"{happenings} happening{'s' * (happenings != 1)}, {took:.1f} s", err=True)


def set_aside(tl) -> list[str]:  # type: ignore[no-untyped-def]
    """What the summary line says was not read as news: duplicates and page furniture."""
    out = []
    duplicates = sum(d.duplicate_of is not None for d in tl.documents)
    furniture = sum(len(d.furniture) for d in tl.documents)
    if duplicates:
        out.append(f"{duplicates} duplicate{'s' * (duplicates != 1)} counted once")
    if furniture:
        out.append(f"{furniture} sentence{'s' * (furniture != 1)} of page furniture dropped")
    return out


def report_dates(docs) -> None:  # type: ignore[no-untyped-def]
    """One line per document without a read date: inferred (with how sure), or none at all."""
    from ..model import DctSource

    for d in docs:
        if d.dct_source is DctSource.INFERRED:
            n = (d.dct_evidence or "").count(" | ") + 1
            click.echo(f"timeline: {d.path}: no publication date in the article; inferred "
                       f"{d.dct:%Y-%m-%d} (confidence {d.dct_confidence:.2f}) from {n} event"
                       f"{'s' * (n != 1)} that dated articles also report (--no-infer turns this off)", err=True)
        elif d.dct is None:
            warn(f"{d.path}: no publication date found; relative times stay unresolved "
                  f"(pass --date YYYY-MM-DD to set it)")
