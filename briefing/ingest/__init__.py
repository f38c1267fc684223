"""Importers: text, Markdown, HTML, feeds, URLs, directories and stdin become Articles or ImportFailures.

Every importer is plain Python (no Textual). Heavy libraries (trafilatura, feedparser,
dateparser, py3langid) are imported on first use so that `briefing --help` stays fast.
"""

from __future__ import annotations

from briefing.ingest.base import MAX_BYTES, ImportFailure, Result
from briefing.ingest.registry import (
    import_bytes,
    import_directory,
    import_file,
    import_sources,
    import_text,
    import_url,
    sniff_kind,
)

__all__ = [
    "MAX_BYTES",
    "ImportFailure",
    "Result",
    "import_bytes",
    "import_directory",
    "import_file",
    "import_sources",
    "import_text",
    "import_url",
    "sniff_kind",
]
