"""Prior rarity of grouping keys: in how many articles of a background news collection, per
language, each identity and each word stem appears (built by `training/stories_background.py`, counts only).

A store of a few hundred articles counts "Governo" or "governo" in a handful of them and
weighs them like a rare name; the background's articles are added to the store's counts, so
such keys weigh what they weigh in the news. The background fades as the store grows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "background.json"
KINDS = {"identities": "i:", "words": "w:"}  # the table's parts read, as grouping's keys


@dataclass(frozen=True)
class Background:
    """One language's background: its article count and each common key's count."""

    articles: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # "i:" + identity, "w:" + stem
    kinds: tuple[str, ...] = ()  # the kinds of keys counted: the others, the store's alone

    def prior(self, key: str) -> tuple[int, int]:
        """(articles with the key, articles) to add to the store's counts of a key."""
        if key[:2] not in self.kinds:
            return 0, 0
        return self.counts.get(key, 0), self.articles


NONE = Background()


@lru_cache(maxsize=1)
def _tables() -> dict[str, Background]:
    if not DATA_FILE.exists():
        return {}
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    tables = {}
    for lang, table in raw.items():
        if not isinstance(table, dict):
            continue  # "source"
        counts = {}
        for kind, prefix in KINDS.items():
            counts.update((prefix + k, n) for k, n in table.get(kind, {}).items())
        tables[lang] = Background(table["articles"], counts, tuple(KINDS.values()))
    return tables


def background(lang: str | None) -> Background:
    """The language's background, or an empty one (the store's counts alone)."""
    return _tables().get(lang or "", NONE)
