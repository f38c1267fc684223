"""Every test runs with a temporary BRIEFING_HOME, never the real one; pipelines are shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing import paths
from tests.support.pipelines import PipelineCache, using


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


@pytest.fixture(scope="session")
def rules_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[PipelineCache, Path]:
    """The rules-only pipelines of this test process, built on first use and kept."""
    return PipelineCache(), tmp_path_factory.mktemp("models") / "none"


@pytest.fixture
def rules_only(rules_cache: tuple[PipelineCache, Path]) -> Iterator[None]:
    """Blank pipelines plus rules, whatever models exist: the tests check our own code."""
    cache, no_models = rules_cache
    with using(cache, models=no_models):
        yield


@pytest.fixture
def own_pipeline_cache() -> Iterator[PipelineCache]:
    """An empty pipeline cache for this test alone (tests of loading itself)."""
    cache = PipelineCache()
    with using(cache):
        yield cache


# Textual's pilot decides a key was handled when the process used under 5% of a core over one
# sleep of SLEEP_GRANULARITY (20 ms), at least twice per key and once per pause(): most of a
# pilot test's wall time. A 5 ms sleep with the same 5% rule waits for the same idleness (work
# ready on the event loop runs inside the sleep, and the CPU it takes ends the quiet), 4 times
# sooner. Measured: 150 ms a key at 20 ms, 75 ms at 5 ms, no shorter at 2 ms.
PILOT_SLEEP = 0.005


@pytest.fixture(autouse=True, scope="session")
def quick_pilot_idle_checks() -> Iterator[None]:
    # These are Textual's private names: a release that renames them leaves the suite slower,
    # never broken.
    try:
        import textual._wait as wait
    except ImportError:
        wait = None
    if wait is None or not hasattr(wait, "SLEEP_GRANULARITY") or not hasattr(wait, "SLEEP_IDLE"):
        yield
        return
    saved = wait.SLEEP_GRANULARITY, wait.SLEEP_IDLE
    wait.SLEEP_GRANULARITY, wait.SLEEP_IDLE = PILOT_SLEEP, PILOT_SLEEP / 20
    yield
    wait.SLEEP_GRANULARITY, wait.SLEEP_IDLE = saved
