"""The entity index's numbers: articles per identity across languages and spellings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.entities.display import DEFAULT_MODE, display_name
from briefing.entities.edits import Edits
from briefing.entities.joins import join_people
from briefing.entities.names import fullness

KINDS = ("people", "organizations", "places")


@dataclass
class IdentityCount:
    """One identity in the index: its name, every spelling articles gave it, and how many
    articles name it (each article once)."""

    id: str
    name: str
    spellings: list[str] = field(default_factory=list)
    articles: int = 0


def count_identities(
    summaries: Iterable, mode: str = DEFAULT_MODE, edits: Edits | None = None
) -> dict[str, list[IdentityCount]]:
    """Per kind, identities by the number of articles naming them, most named first.

    The user's edits apply at once, before the analyses are linked again.
    """
    summaries = list(summaries)
    if edits:
        for summary in summaries:
            summary.identities = [
                [kind, edits.resolve(identity_id, name), name]
                for kind, identity_id, name in summary.identities
            ]
    joined = join_people(
        identity_id for s in summaries for _kind, identity_id, _name in s.identities
    )
    seen: dict[tuple[str, str], Counter] = {}
    articles: Counter = Counter()
    for summary in summaries:
        named = set()
        for kind, identity_id, name in summary.identities:
            key = (kind, joined.get(identity_id, identity_id))
            seen.setdefault(key, Counter())[name] += 1
            named.add(key)
        articles.update(named)
    found: dict[str, list[IdentityCount]] = {kind: [] for kind in KINDS}
    for (kind, identity_id), spellings in seen.items():
        # unlisted people and names: the fullest spelling the articles use most
        written = max(spellings, key=lambda s: (fullness(s), spellings[s], -len(s), s))
        found.setdefault(kind, []).append(
            IdentityCount(
                identity_id,
                display_name(identity_id, written, mode),
                sorted(spellings, key=lambda s: (-spellings[s], s)),
                articles[(kind, identity_id)],
            )
        )
    for rows in found.values():
        rows.sort(key=lambda row: (-row.articles, row.name.casefold()))
    return found
