"""The rule data of every stage (``rules/<lang>/*.toml``) and the one reader of it.

Part of the ground: the sources, time, events and story stages read their data here, so none
of them needs another stage to load a file. Imports nothing of the package.
"""
from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


class GrammarError(ValueError):
    """A rule file is invalid."""


def rules_dir(lang: str) -> Any:
    return resources.files("timeline") / "rules" / lang


def load_toml(name: str, lang: str = "en") -> dict[str, Any]:
    """Read one data file of ``rules/<lang>/``."""
    path = rules_dir(lang) / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GrammarError(f"{lang}/{name}: {exc}") from exc
