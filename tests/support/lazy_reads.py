"""Which of a store's lazy snapshots get parsed: the spy the store's laziness tests share."""

from __future__ import annotations

from briefing.store import tables


def parsed(monkeypatch) -> list[str]:
    """The lazy snapshots parsed from now on, in order."""
    seen: list[str] = []
    read = tables.JournalledTables._read_lazy

    def spy(self, name):
        seen.append(name)
        return read(self, name)

    monkeypatch.setattr(tables.JournalledTables, "_read_lazy", spy)
    return seen
