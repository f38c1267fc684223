"""Every test runs with a temporary BRIEFING_HOME, never the real one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import paths


@pytest.fixture(autouse=True)
def temp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.setattr(paths, "_home_override", None)
    return home


SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seed_text() -> str:
    """The shipped Italian sample article, as it arrived."""
    return next(SEED_DIR.glob("000_*.txt")).read_text(encoding="utf-8")
