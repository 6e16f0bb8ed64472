"""Work in a forked copy of the process (timeline.syntax.forked): the parser made ready while a
build reads its articles (syntax.background): the same parses and timeline as here, its errors
raised here, Ctrl-C left to the caller, and no process left behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from timeline import syntax
from timeline.sources.segment import sentences
from timeline.syntax.background import Background

from conftest import SEED_DATED, SEEDS


def _items() -> list[tuple[str, tuple[int, int]]]:
    text = (SEEDS / f"{SEED_DATED}.txt").read_text(encoding="utf-8")[:4000]
    return [(text, span) for span in sentences(text)]


def _python(code: str, timeout: int) -> list[str]:
    """The words a fresh Python prints running `code` (which must succeed)."""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def test_the_background_parses_as_this_process_does_and_ignores_ctrl_c():
    items = _items()
    with Background() as parser:
        os.kill(parser._proc.pid, signal.SIGINT)  # (Ctrl-C reaches the whole process group: left to the caller)
        got = parser.parse_many(items)
        assert parser.parse_many(items[:2]) == got[:2]  # (it keeps serving)
    assert got == syntax.parse_many(items) and any(p is not None for p in got)
    assert parser._proc.exitcode is not None  # (closed: no process left)


def test_a_missing_model_is_raised_where_the_parse_was_asked():
    code = (
        "from pathlib import Path\n"
        "import timeline.syntax as syntax\n"
        "syntax.MODEL_DIR = Path('/nonexistent/model')\n"
        "from timeline.syntax.background import Background\n"
        "with Background() as parser:\n"
        "    try:\n"
        "        parser.parse_many([('A quake struck.', (0, 15))])\n"
        "    except FileNotFoundError as exc:\n"
        "        print('RAISED', 'syntax model is missing' in str(exc))\n"
    )
    assert _python(code, 120) == ["RAISED", "True"]


def test_a_build_parses_in_the_background_with_the_same_timeline():
    """A build whose process has no parser loads it in another process (spaCy is never imported
    here); a build whose process has it parses here: the same labels either way."""
    code = (
        "import sys\n"
        "from timeline import pipeline\n"
        "from timeline.syntax import load\n"
        f"docs = list(pipeline.read_documents(sorted(str(p) for p in __import__('pathlib').Path({str(SEEDS)!r}).glob('*.txt'))[:6]))\n"
        "a = pipeline.build_timeline(docs, jobs=1, syntax='shown')\n"
        "print('SPACY' if 'spacy' in sys.modules else 'CLEAN')\n"
        "load()\n"
        "b = pipeline.build_timeline(docs, jobs=1, syntax='shown')\n"
        "print(a == b, len(a.happenings) > 0)\n"
        "import multiprocessing\n"
        "print(len(multiprocessing.active_children()))\n"
    )
    assert _python(code, 300) == ["CLEAN", "True", "True", "0"]


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc: each one's stat, its fourth field)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_ctrl_c_while_the_parser_loads_leaves_no_process(tmp_path):
    """Ctrl-C to the build's process group while its articles are read (the parser loading
    in the other process): one line, no traceback, and every process of the group ends."""
    from storygen import write_story

    write_story(tmp_path / "story", 500)  # (words enough to parse only the shown happenings)
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(tmp_path / "story"),
                             "--out", str(tmp_path / "out"), "-q", "-j", "1"],
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _children(proc.pid), "the build started no process to load the parser"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "Traceback" not in err, err
    assert err.strip() == "timeline: interrupted"
    assert not (tmp_path / "out" / "timeline.json").exists()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("a process of the build is still running")

