"""The one loop that writes imported articles to a store: batches, duplicates, failures, and
what was written before a store error."""

from __future__ import annotations

import pytest

from briefing.ingest.adding import add_imported
from briefing.ingest.base import ImportFailure
from briefing.models import Article


class _Store:
    """Records each batch; the same body twice is a duplicate; `fail_at` raises on that batch."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.batches: list[list[str]] = []
        self.bodies: set[str] = set()
        self.fail_at = fail_at

    def add_articles(self, articles):
        if self.fail_at is not None and len(self.batches) == self.fail_at:
            raise OSError("disk full")
        self.batches.append([a.title for a in articles])
        outcomes = []
        for a in articles:
            outcomes.append(
                type("R", (), {"article_id": a.title, "added": a.body not in self.bodies})
            )
            self.bodies.add(a.body)
        return outcomes


def _article(n: int, body: str | None = None) -> Article:
    return Article(id="", title=f"t{n}", body=body or f"body {n}", lang="it")


def test_articles_go_in_batches_with_duplicates_and_failures_counted():
    store = _Store()
    results = [
        _article(1),
        ImportFailure("x.pdf", "not a text"),
        _article(2),
        _article(3, "body 1"),
    ]
    seen = []
    tally = add_imported(store, results, batch=2, on_progress=lambda t: seen.append(t.seen))
    assert store.batches == [["t1", "t2"], ["t3"]]
    assert (tally.added, tally.duplicates, [f.source for f in tally.failures]) == (
        ["t1", "t2"],
        1,
        ["x.pdf"],
    )
    assert tally.summary() == "added 2, duplicates 1, failed 1"
    assert seen[:4] == [1, 2, 3, 4]


def test_a_store_error_leaves_the_tally_of_what_was_written():
    from briefing.ingest.adding import Tally

    tally = Tally()
    with pytest.raises(OSError):
        add_imported(_Store(fail_at=1), [_article(n) for n in range(5)], batch=2, tally=tally)
    assert tally.added == ["t0", "t1"]
