"""Files as a user expects of any tool: outputs take the umask's permissions, a text with
stray control characters (PDF form feeds, terminal colours, a bell) is read as text, and a
binary file is refused with one line."""
from __future__ import annotations

import os
import random
import stat
from datetime import datetime

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.sources.read import InputError, read_source
from timeline.atomic import _umask, write_atomic
from timeline.pipeline import parse_document
from timeline.model import Grain
from timeline.pipeline import extract

ARTICLE = ("Russia struck Kyiv overnight, officials said on Tuesday, February 3, 2026.\n\n"
           "The talks in Geneva will resume on Friday. The ceasefire held for two weeks in January.\n")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def mode(path) -> int:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask():  # type: ignore[no-untyped-def]
    """Sets the process's umask for one test and restores it after."""
    old = os.umask(0o022)
    os.umask(old)
    yield lambda m: os.umask(m)
    os.umask(old)


# ----------------------------------------------------------------------------- permissions

@pytest.mark.parametrize("mask,expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_build_outputs_have_the_permissions_the_umask_gives(tmp_path, umask, mask, expected):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    umask(mask)
    r = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"))
    assert r.exit_code == 0, r.output
    for name in ("timeline.json", "timeline.txt", "timeline.png"):
        assert mode(tmp_path / "out" / name) == expected, name


def test_replacing_a_file_keeps_its_permissions_as_open_would(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "timeline.txt"
    target.write_text("old\n")
    os.chmod(target, 0o640)  # a colleague's group may read it, nobody else
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n" and mode(target) == 0o640
    with open(target, "w") as fh:  # what a plain open() does to the same file
        fh.write("plain\n")
    assert mode(target) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_the_umask_is_read_without_changing_it(umask, monkeypatch):
    umask(0o027)
    assert _umask() == 0o027
    real_open = open

    def no_proc(path, *a, **k):  # type: ignore[no-untyped-def]
        if str(path).startswith("/proc/"):
            raise FileNotFoundError(path)
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", no_proc)  # a system without /proc
    assert _umask() == 0o027
    assert os.umask(0o027) == 0o027  # and it is left as it was


# ----------------------------------------------------------------------------- control characters

def timexes_of(path):  # type: ignore[no-untyped-def]
    doc = parse_document(read_source(str(path)), (datetime(2026, 2, 3), Grain.DAY))
    return doc, [(t.start, t.end, t.text, t.value) for t in extract(doc)]


def test_a_pdf_text_with_form_feeds_is_read_and_the_feeds_break_lines(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    pdf = tmp_path / "pdf.txt"
    pdf.write_text(ARTICLE.replace("\n\n", "\f").replace(". The", ".\fThe") + "\f", encoding="utf-8")
    doc, found = timexes_of(pdf)
    assert "\f" not in doc.text and len(doc.text) == len(pdf.read_text(encoding="utf-8"))
    base = timexes_of(plain)[1]
    assert [f[2:] for f in found] == [b[2:] for b in base] and len(found) >= 3
    for start, end, text, _ in found:  # the offsets still point at the words
        assert doc.text[start:end] == text


def test_ansi_colours_and_a_bell_are_blanked_in_place(tmp_path):
    coloured = ("\x1b[1;31mBREAKING\x1b[0m\x07 Russia struck Kyiv overnight, officials said on "
                "\x1b[4mTuesday, February 3, 2026\x1b[24m.\n\nThe talks will resume on Friday.\x1b]0;tab title\x07\n")
    p = tmp_path / "term.txt"
    p.write_text(coloured, encoding="utf-8")
    doc, found = timexes_of(p)
    assert len(doc.text) == len(coloured)  # one for one: offsets are the file's characters
    assert "\x1b" not in doc.text and "[0m" not in doc.text and "tab title" not in doc.text
    assert "\x07" not in doc.text
    by_text = {f[2]: f for f in found}
    assert by_text["Tuesday, February 3, 2026"][3] == "2026-02-03"
    assert by_text["Friday"][3] == "2026-02-06"
    for start, end, text, _ in found:
        assert doc.text[start:end] == text and coloured[start:end] == text


def test_a_text_three_percent_controls_builds(tmp_path):
    body = "".join(ch + ("\x07" if i % 30 == 0 else "") for i, ch in enumerate(ARTICLE * 5))
    p = tmp_path / "noisy.txt"
    p.write_text(body, encoding="utf-8")
    r = run("build", str(p), "--date", "2026-02-03", "--out", str(tmp_path / "o"))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "o" / "timeline.json").exists()


@pytest.mark.parametrize("data", [
    b"Russia struck Kyiv\x00 overnight on Tuesday.",  # a NUL: binary, even past the first block
    ("On Tuesday, February 3, 2026, talks began. " * 300).encode() + b"\x00",
    random.Random(7).randbytes(5000),  # random bytes
    bytes(random.Random(8).choices(range(1, 32), k=3000)),  # decodable, all controls
])
def test_binary_files_are_still_refused_with_one_line(tmp_path, data):
    p = tmp_path / "b.txt"
    p.write_bytes(data)
    with pytest.raises(InputError, match="binary file"):
        read_source(str(p))
    r = CliRunner().invoke(main, ["build", str(p), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "binary file" in lines[0] and "Traceback" not in r.output
    assert not (tmp_path / "o").exists()


def test_the_json_refers_to_the_text_as_read(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("\x1b[32mOn Tuesday, February 3, 2026\x1b[0m, talks began in Geneva.\f", encoding="utf-8")
    doc = parse_document(read_source(str(p)))
    assert doc.dct == datetime(2026, 2, 3)
    assert doc.text.startswith("     On Tuesday")
