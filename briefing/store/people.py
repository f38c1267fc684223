"""The store's people across articles: whom a surname alone means (and which organisation an
acronym alone is), kept by every write.

The search index keeps its own (built from the identity keys it stores, kept by each apply),
so a person: filter never reads the summaries. Without an index (read-only, being rebuilt) the
store builds them once from the summaries and keeps them by each write of a summary, surname by
surname (entities.joins.PeopleJoins). Export and `list --json` also ask for the names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefing.store.core import locked
from briefing.store.tables import JournalledTables

if TYPE_CHECKING:  # imported where used: not on the reader's way to its first paint
    from briefing.entities.joins import PeopleJoins
    from briefing.store.search import SearchIndex

_JOINED_KINDS = ("people", "organizations")  # a surname or an acronym alone joins a fuller name


def _people(doc: dict | None) -> list[tuple[str, str]]:
    """(id, name as written) of the people and organisations in a summary document."""
    return [(i[1], i[2]) for i in (doc or {}).get("identities") or () if i[0] in _JOINED_KINDS]


class PeopleMixin:
    """People-join methods of public.Store."""

    # Relied on, defined by StoreCore, SearchMixin (declared only: no value here).
    _storage: JournalledTables
    _lazy: Callable[..., None]
    _doc: Callable[[str, Any], dict | None]
    search_index: Callable[[], SearchIndex | None]  # SearchMixin

    _people: PeopleJoins | None = None  # built on first need, then kept by each write

    def _load(self) -> None:
        super()._load()
        self._people = None  # a reopen or a restore: built again on first need
        self._people_names: dict[str, str] = {}

    def _commit(self, *groups: list[tuple[str, Any, dict | None]]) -> None:
        people = self._people
        changed = [
            (key, doc) for group in groups for table, key, doc in group if table == "summaries"
        ]
        if people is None or not changed:
            super()._commit(*groups)
            return
        removed = [pid for key, _ in changed for pid, _ in _people(self._doc("summaries", key))]
        super()._commit(*groups)
        added = [person for _, doc in changed for person in _people(doc)]
        people.update(added=[pid for pid, _ in added], removed=removed)
        self._remember_names(added)

    def _remember_names(self, people: list[tuple[str, str]]) -> None:
        from briefing.entities.names import fullness

        names = self._people_names
        for pid, name in people:
            known = names.get(pid)
            if known is None or (
                known != name and (fullness(name), -len(name)) > (fullness(known), -len(known))
            ):
                names[pid] = name

    @locked
    def people_joins(self) -> PeopleJoins:
        """Every person key in the store and whom each joins: the search index's (built from
        its keys, no summary read), else built once from the summaries and kept."""
        index = self.search_index()
        if index is not None:
            return index.people_joins()
        if self._people is None:
            self._people_from_summaries()
        return self._people

    def _people_from_summaries(self) -> None:
        from briefing.entities.joins import PeopleJoins

        self._lazy(("summaries",))
        people = [
            person
            for doc in self._storage.data.get("summaries", {}).values()
            for person in _people(doc)
        ]
        self._people_names = {}
        self._remember_names(people)
        self._people = PeopleJoins(pid for pid, _ in people)

    @locked
    def person_name(self, person_id: str) -> str | None:
        """The fullest name articles give the person key `person_id` (None: no article)."""
        if self._people is None:
            self._people_from_summaries()
        return self._people_names.get(person_id)
