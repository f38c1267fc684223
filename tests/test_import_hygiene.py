"""Domain code never loads Textual, and `briefing --help` never loads spaCy."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "briefing.models",
    "briefing.paths",
    "briefing.config",
    "briefing.store",
    "briefing.ingest",
    "briefing.feeds",
    "briefing.facts",
    "briefing.query",
    "briefing.export",
    "briefing.stories.keeping",
    "briefing.stories.lookup",
    "briefing.stories.near_dups",
    "briefing.stories.briefing",
]


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_domain_modules_do_not_import_textual():
    importable = []
    for module in DOMAIN:
        try:
            __import__(module)
        except ModuleNotFoundError:
            continue
        importable.append(module)
    loaded = _loaded_after("\n".join(f"import {m}" for m in importable))
    assert "textual" not in loaded


def test_cli_help_does_not_import_spacy_or_textual():
    loaded = _loaded_after("from briefing import cli\ncli.build_parser()")
    assert "spacy" not in loaded
    assert "textual" not in loaded
