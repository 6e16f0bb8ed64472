"""The environment of a user's `timeline` run, for the benchmarks that time whole processes.

Python may cache bytecode, as after `pip install .`: a machine that sets PYTHONDONTWRITEBYTECODE
(this one does) would compile every module of the package at every run, which no installed copy
does (0.2-0.3 s more for `build`, 0.05 s for `extract`). The compiled rule patterns are kept in a
directory of the benchmark's own (`cache`), warmed by a first run: a user's cache directory that
another checkout's rules share is rewritten by each, and every run would compile them again.
"""
from __future__ import annotations

import os
from pathlib import Path


def user_env(cache: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is not None:
        env["TIMELINE_CACHE_DIR"] = str(cache)
    return env
