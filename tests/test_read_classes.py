"""The character lists `read` looks for with `in` are exactly the classes they stand for."""
from __future__ import annotations

from timeline.sources import read


def _members(pattern) -> str:  # type: ignore[no-untyped-def]
    return "".join(ch for ch in map(chr, range(0x110000)) if pattern.fullmatch(ch))


def test_the_control_and_data_characters_are_the_classes():
    assert read._CONTROLS == _members(read._CONTROL_RE)
    assert read._DATA == _members(read._DATA_RE)


def test_a_control_character_anywhere_is_blanked_and_a_clean_text_is_kept_as_it_is():
    clean = "Prices rose 3% on Monday.\n\tThey fell\r\non Tuesday — «vraiment»."
    assert read.without_controls(clean) is clean
    for ch in read._CONTROLS:
        text = f"On Monday{ch} prices rose."
        out = read.without_controls(text)
        assert len(out) == len(text) and ch not in out
