"""The store's people across articles: whom a surname alone means, kept by every write.

Derived from the summaries (each holds its article's identity ids), built on first need and
then updated by each write of a summary, surname by surname (entities.joins.PeopleJoins), so
filters, export and `list --json` give one person one id without reading every summary again.
"""

from __future__ import annotations

from typing import Any

from briefing.entities.joins import PeopleJoins
from briefing.entities.names import fullness
from briefing.store.base import locked


def _people(doc: dict | None) -> list[tuple[str, str]]:
    """(id, name as written) of the people in a summary document."""
    return [(i[1], i[2]) for i in (doc or {}).get("identities") or () if i[0] == "people"]


class PeopleMixin:
    """People-join methods of api.Store."""

    _people: PeopleJoins | None = None
    _people_names: dict[str, str]

    def _load(self) -> None:
        super()._load()
        self._people = None  # a reopen or a restore: built again on first need

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
        names = self._people_names
        for pid, name in people:
            known = names.get(pid)
            if known is None or (fullness(name), -len(name)) > (fullness(known), -len(known)):
                names[pid] = name

    @locked
    def people_joins(self) -> PeopleJoins:
        """Every person key in the store and whom each joins (built once, then kept)."""
        if self._people is None:
            self._lazy()
            people = [
                person
                for doc in self._storage.data.get("summaries", {}).values()
                for person in _people(doc)
            ]
            self._people_names = {}
            self._remember_names(people)
            self._people = PeopleJoins(pid for pid, _ in people)
        return self._people

    @locked
    def person_name(self, person_id: str) -> str | None:
        """The fullest name articles give the person key `person_id` (None: no article)."""
        self.people_joins()
        return self._people_names.get(person_id)
