"""Domain code never loads Textual when run, and `briefing --help` never loads spaCy
(tests/test_import_contracts.py reads the same rules from the source)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
PRESENTATION = {"tui", "commands", "cli", "__main__", "__init__"}
# Every domain package or module, found rather than listed, so a new one is checked too.
DOMAIN = sorted(
    path.stem if path.suffix == ".py" else path.name
    for path in PACKAGE.iterdir()
    if (path.suffix == ".py" or (path / "__init__.py").is_file())
    and (path.stem if path.suffix == ".py" else path.name) not in PRESENTATION
)


def _modules_of(top: str) -> list[str]:
    """`briefing.<top>` and every module inside it."""
    root = PACKAGE / top
    if not root.is_dir():
        return [f"briefing.{top}"]
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_the_domain_list_holds_the_layers():
    assert {"store", "nlp", "dates", "analysis", "facts", "text", "entities"} <= set(DOMAIN)


@pytest.mark.parametrize("top", DOMAIN)
def test_domain_modules_do_not_load_textual(top):
    # One process per package: a module that loads Textual cannot hide behind another.
    loaded = _loaded_after("\n".join(f"import {m}" for m in _modules_of(top)))
    assert "textual" not in loaded


def test_cli_help_does_not_import_spacy_or_textual():
    loaded = _loaded_after("from briefing import cli\ncli.build_parser()")
    assert "spacy" not in loaded
    assert "textual" not in loaded
