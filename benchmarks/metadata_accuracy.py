"""Title and date accuracy of the importers on the real-article corpus in ../shared/corpus.

Run from the repository root: `python benchmarks/metadata_accuracy.py`. For feeds the
manifest gives the channel's title and the newest item's date, so the benchmark compares
those with the imported entries' `source` and newest `published`.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from pathlib import Path

from briefing.ingest import ImportFailure, import_file
from briefing.models import Article

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _norm(text: str | None) -> str:
    """Compare titles the way a reader would: case, quote style and spacing do not matter."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[‘’′`´]", "'", text)
    text = re.sub(r"[“”«»„]", '"', text)
    return " ".join(text.split())


def _check(entry: dict, results: list) -> tuple[str | None, str | None, str]:
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, ImportFailure)]
    if not articles:
        return None, None, "; ".join(f.reason for f in failures) or "nothing imported"
    if entry["kind"] in ("rss", "atom", "feed"):
        dates = sorted(a.published for a in articles if a.published)
        return articles[0].source, (dates[-1] if dates else None), f"{len(articles)} entries"
    return articles[0].title, articles[0].published, ""


def main() -> int:
    manifest = CORPUS / "manifest.jsonl"
    if not manifest.exists():
        print(f"skipped: no corpus at {CORPUS}")
        return 0
    entries = [
        json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line
    ]
    title_ok = date_ok = dated = 0
    started = time.perf_counter()
    print(f"{'file':58} {'title':5} {'date':5} got")
    for entry in entries:
        results = import_file(CORPUS / entry["file"])
        title, published, note = _check(entry, results)
        good_title = _norm(title) == _norm(entry["title"])
        expected_date = entry.get("published")
        got_date = published[:10] if published else None
        if expected_date:
            dated += 1
            good_date = got_date == expected_date
        else:
            good_date = got_date is None
        title_ok += good_title
        date_ok += bool(expected_date) and good_date
        print(
            f"{Path(entry['file']).name[:58]:58} {'ok' if good_title else 'MISS':5} "
            f"{'ok' if good_date else 'MISS':5} {got_date} | {title!r} {note}"
        )
        if not good_title:
            print(f"{'':70}expected title {entry['title']!r}")
        if not good_date:
            print(f"{'':70}expected date  {expected_date}")
    elapsed = time.perf_counter() - started
    print(
        f"\ntitles right: {title_ok}/{len(entries)}   dates right: {date_ok}/{dated} dated "
        f"(goal >= 15 each)   time: {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
