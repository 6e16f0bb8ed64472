"""The rule data of every stage (``rules/<lang>/*.toml``) and the one reader of it.

Part of the ground: the sources, time, events and story stages read their data here, so none
of them needs another stage to load a file. Imports nothing of the package.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any


class GrammarError(ValueError):
    """A rule file is invalid."""


def rules_dir(lang: str) -> Any:
    """The folder of a language's data files: a plain folder when the package is installed
    as files (as always in practice: `importlib.resources`, with what it imports, took 8 ms
    of every start), else what importlib.resources finds (a zip archive)."""
    here = os.path.dirname(os.path.abspath(__file__))
    if os.path.isdir(os.path.join(here, lang)):
        return Path(here) / lang
    from importlib import resources

    return resources.files("timeline") / "rules" / lang


def load_toml(name: str, lang: str = "en") -> dict[str, Any]:
    """Read one data file of ``rules/<lang>/`` (parsed once, then kept between runs: cache.py)."""
    from . import cache

    def parse(text: str) -> dict[str, Any]:
        import tomllib  # (only when the cache has not the file's data)

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise GrammarError(f"{lang}/{name}: {exc}") from exc

    return cache.parsed(f"{lang}/{name}", (rules_dir(lang) / name).read_text(encoding="utf-8"), parse)
