from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_DATED = "001_4fbe5cb1b068faab"
SEED_UNDATED = "000_2295e33898f18742"


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    """A copy of the seed articles (with their sidecars) that a test may modify."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest
