"""Importing briefing.ingest stays cheap: the heavy parsers load only when an input needs them."""

from __future__ import annotations

import subprocess
import sys


def test_heavy_libraries_load_lazily():
    code = "import sys, briefing.ingest, briefing.commands.add\nprint(' '.join(sys.modules))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for heavy in (
        "trafilatura",
        "feedparser",
        "dateparser",
        "py3langid",
        "charset_normalizer",
        "rich.progress",
        "textual",
    ):
        assert heavy not in loaded
