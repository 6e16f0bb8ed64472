from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_DATED = "001_4fbe5cb1b068faab"
SEED_UNDATED = "000_2295e33898f18742"

# the tests (and the commands they start) keep compiled patterns in a cache of their own, not
# in the user's: a cache left by other code must not decide what a test sees
os.environ["TIMELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="timeline-test-cache-")
atexit.register(shutil.rmtree, os.environ["TIMELINE_CACHE_DIR"], True)


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A copy of the seed articles (with their sidecars) that a test may modify."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest
