"""People across articles: a shorter name joins the one fuller name that fits, or stays its own.

An article naming only "Trump" gets "per:trump"; the store decides whom it means. A shorter
form joins a fuller one when exactly one person in the store fits it:

- a surname alone ("Trump") fits every name with that surname ("Donald Trump", "M. Trump");
- an initial for a first name ("A. Hollioake") fits the first names it starts ("Adam");
- a name without middle initials ("Donald Trump") fits the same name with them ("Donald J.").

Fits never cross a suffix (Jr., II) and never a different middle initial: "George W. Bush" and
"George H. W. Bush" stay two people, and "George Bush" and "Bush" fit both so stay their own.
Only keys sharing a surname can join, so the keys are kept by surname and a change rejoins
one surname's keys alone: `PeopleJoins.update` is the incremental form for a growing store.

Organisations join the same way: an unlisted acronym of 3-6 letters ("org:ntsb") joins the
one unlisted organisation of the store whose initials it is ("org:national transportation
safety board"); two such organisations and it stays its own, and a listed identity never
joins (`acronyms`). Keys keep no case, so a short name that is no acronym ("Kia") may still
join a name it is the initials of (Kansai International Airport): the store has no article
saying which.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.entities.acronyms import initials
from briefing.entities.names import surname_start
from briefing.entities.registry import institution_ids

Group = tuple[str, str]  # (the surname's last word, the suffix); ("initials", "#org")
_ORG = "#org"  # the suffix that marks an organisation's group
# Across the store an acronym has no article to vouch for it, so only the longer ones join
# names of as many words: on the dev sets' gold entities, two-letter ones joined other
# bodies ("OB", the baseball team, to OFK Beograd; "Hp" to Havana D'Primera).
_ACRONYM_LETTERS = range(3, 7)


@dataclass(frozen=True)
class _Name:
    first: str  # "" for a surname alone; one letter for an initial
    middles: tuple[str, ...]  # initials
    surname: tuple[str, ...]
    suffix: str
    level: int = 0  # how specific: a surname 0, an initial 1, a first name 2, with middles 3

    def __post_init__(self) -> None:
        level = 0 if not self.first else 1 if len(self.first) == 1 else 3 if self.middles else 2
        object.__setattr__(self, "level", level)

    def fits(self, fuller: _Name) -> bool:
        """Whether this less specific name may be `fuller`."""
        if (self.surname[-1], self.suffix) != (fuller.surname[-1], fuller.suffix):
            return False
        if self.level == 0:
            return fuller.level > 0
        if self.surname != fuller.surname:
            return False
        if self.level == 1:
            return (
                fuller.level >= 2
                and fuller.first.startswith(self.first)
                and self.middles in ((), fuller.middles)
            )
        return self.level == 2 and fuller.level == 3 and self.first == fuller.first


def _parse_org(key: str) -> _Name | None:
    """An unlisted organisation as a name: an acronym is a surname alone, a name of two words
    or more a full name, both under the initials."""
    words = key[4:].split()
    if not words or key in institution_ids():
        return None
    if len(words) == 1:
        return _Name("", (), (words[0],), _ORG) if len(words[0]) in _ACRONYM_LETTERS else None
    letters = initials(words)
    if len(letters) not in _ACRONYM_LETTERS or len(words) < 2:
        return None
    return _Name(" ".join(words), (), (letters,), _ORG)


@lru_cache(maxsize=1 << 16)
def _parse(key: str) -> _Name | None:
    if key.startswith("org:"):
        return _parse_org(key)
    if not key.startswith("per:"):
        return None
    words = key[4:].split()
    if not words:
        return None
    suffix = words.pop() if words[-1].startswith("+") and len(words) > 1 else ""
    if len(words) == 1:
        return _Name("", (), (words[0],), suffix)
    start = max(surname_start(words), 1)
    return _Name(words[0], tuple(words[1:start]), tuple(words[start:]), suffix)


@lru_cache(maxsize=1 << 16)
def group_of(key: str) -> Group | None:
    """The keys a key may join share its group: its surname's last word and its suffix."""
    name = _parse(key)
    return (name.surname[-1], name.suffix) if name else None


def _join_group(keys: Iterable[str]) -> dict[str, str]:
    names = {key: name for key in keys if (name := _parse(key)) is not None}
    joined: dict[str, str] = {}
    if len({name.level for name in names.values()}) < 2:
        return joined  # all as specific as each other: nobody joins anybody
    by_level = sorted(names, key=lambda key: -names[key].level)  # the fullest are settled first
    for key in by_level:
        name = names[key]
        people = set()
        for other in by_level:
            fuller = names[other]
            if fuller.level <= name.level:
                break  # sorted: the rest are no fuller
            if name.fits(fuller):
                people.add(joined.get(other, other))
                if len(people) > 1:
                    break  # two people fit: it stays its own
        if len(people) == 1:
            joined[key] = people.pop()
    return joined


def join_people(keys: Iterable[str]) -> dict[str, str]:
    """Person key -> the fuller key it joins, for the keys that join one (see the module)."""
    groups: dict[Group, set[str]] = {}
    for key in keys:
        group = group_of(key)
        if group is not None:
            groups.setdefault(group, set()).add(key)
    joined: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            joined |= _join_group(members)
    return joined


class PeopleJoins:
    """The people keys of a store (counted: one per article naming them) and their joins,
    kept up to date key by key as articles are analysed, changed or deleted."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._counts: Counter = Counter()
        self._groups: dict[Group, set[str]] = {}
        self._joined: dict[Group, dict[str, str]] = {}  # per group: key -> the key it joins
        self._members: dict[str, set[str]] = {}  # a joined-to key -> the keys joining it
        self.update(added=keys)

    def update(self, added: Iterable[str] = (), removed: Iterable[str] = ()) -> None:
        """Count the keys of an analysis stored (`added`) or replaced or deleted (`removed`);
        either may be a Counter of keys (a whole store's at once)."""
        touched: set[Group] = set()
        steps = Counter(added)
        steps.subtract(Counter(removed))
        for key, step in steps.items():
            group = group_of(key)
            if group is None or step == 0:
                continue
            self._counts[key] += step
            if self._counts[key] <= 0:
                del self._counts[key]
                self._groups.get(group, set()).discard(key)
            else:
                self._groups.setdefault(group, set()).add(key)
            touched.add(group)
        for group in touched:
            self._rejoin(group)

    def _rejoin(self, group: Group) -> None:
        for target in set(self._joined.pop(group, {}).values()):
            self._members.pop(target, None)
        keys = self._groups.get(group, set())
        if not keys:
            self._groups.pop(group, None)
            return
        joined = _join_group(keys) if len(keys) > 1 else {}
        if joined:
            self._joined[group] = joined
        for key, target in joined.items():
            self._members.setdefault(target, {target}).add(key)

    def resolve(self, key: str) -> str:
        """The key of the person `key` is in the store (itself when it joins nobody)."""
        return self._joined.get(group_of(key) or ("", ""), {}).get(key, key)

    def members(self, key: str) -> set[str]:
        """Every key of the person `key` is: the one it resolves to and those joining it."""
        target = self.resolve(key)
        return set(self._members.get(target, {target}))

    def __contains__(self, key: str) -> bool:
        return key in self._counts


def join_analysis(
    analysis, joins: PeopleJoins, name_of: Callable[[str], str | None] = lambda _key: None
) -> None:
    """Give an analysis's people and organisations the id the store joins them to, in place:
    an article naming only "Trump" exports and lists Donald Trump's id and name when he is the
    only Trump, one naming only "NTSB" the National Transportation Safety Board's.
    `name_of` names a joined-to key (the store's fullest spelling of it)."""
    if analysis is None:
        return
    facts = analysis.facts
    joined = [*facts.people, *facts.organizations]
    joined += [e for e in analysis.entities if e.label in ("PER", "ORG")]
    for thing in joined:
        if not thing.id:
            continue
        target = joins.resolve(thing.id)
        if target != thing.id:
            thing.id, thing.canonical = target, name_of(target) or thing.canonical
