"""The package installs what it needs: every code folder is listed, seeds ship inside."""

from __future__ import annotations

import tomllib
from pathlib import Path

from briefing import paths

ROOT = Path(__file__).resolve().parent.parent


def test_every_code_folder_is_a_listed_package():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "briefing").rglob("*.py")
        if "models" not in p.relative_to(ROOT / "briefing").parts
    }
    assert found <= listed, f"add to pyproject packages: {sorted(found - listed)}"


def test_seed_articles_are_found():
    seeds = sorted(paths.seeds_dir().glob("*.txt"))
    assert seeds and seeds[0].name.startswith("000_")


def test_home_override_moves_every_folder(tmp_path):
    paths.set_home(tmp_path)
    try:
        for folder in (paths.data_dir(), paths.config_dir(), paths.cache_dir()):
            assert tmp_path in folder.parents
    finally:
        paths.set_home(None)


def test_env_home_is_used(temp_home):
    assert temp_home in paths.data_dir().parents
