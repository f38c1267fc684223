"""The parsed form of a query: small immutable nodes that evaluate to sets of article slots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Lookup(Protocol):
    """What nodes need from an index (ArticleIndex implements it); slots are small ints."""

    def everything(self) -> set[int]: ...
    def text_slots(self, words: tuple[str, ...], exact: bool) -> set[int]: ...
    def field_slots(self, field: str, value: str) -> set[int]: ...
    def flag_slots(self, flag: str) -> set[int]: ...
    def date_slots(self, low: str | None, high: str | None) -> set[int]: ...
    def story_slots(self, value: str) -> set[int]: ...


class Node:
    def evaluate(self, index: Lookup) -> set[int]:
        raise NotImplementedError


@dataclass(frozen=True)
class MatchAll(Node):
    def evaluate(self, index: Lookup) -> set[int]:
        return index.everything()


@dataclass(frozen=True)
class Text(Node):
    """Free text: folded words; unquoted, the last word may be the start of a longer one."""

    words: tuple[str, ...]
    exact: bool = False

    def evaluate(self, index: Lookup) -> set[int]:
        return index.text_slots(self.words, self.exact)


@dataclass(frozen=True)
class Field(Node):
    name: str  # "tag", "lang", "person", "org", "place", "entity", "quote", "source"
    value: str  # folded; words joined by single spaces for the name fields

    def evaluate(self, index: Lookup) -> set[int]:
        found = index.field_slots(self.name, self.value)
        # "place:Moskva": also the listed names of the identities it names ("Moscow", "Mosca"),
        # which every analysed article's places carry beside its own spellings.
        from briefing.entities.lookup import identity_names
        from briefing.query.keys import name_key

        for name in identity_names(self.name, self.value):
            found = found | index.field_slots(self.name, name_key(name).strip())
        if self.name == "person":
            from briefing.entities.names import untitled

            bare = " ".join(untitled(self.value.split()))  # "Mr Witkoff": Witkoff
            if bare and bare != self.value:
                found = found | index.field_slots(self.name, bare)
        if self.name == "person" and hasattr(index, "people_joins"):
            found = found | self._same_person(index)
        if self.name == "org" and hasattr(index, "people_joins"):
            found = found | self._same_org(index)
        return found

    def _same_org(self, index: Lookup) -> set[int]:
        """ "org:National Transportation Safety Board": also the articles naming only its
        acronym, when the store joins "NTSB" to it (entities.joins), and the other way round."""
        from briefing.entities.names import alias_key
        from briefing.query.keys import IDENTITY_FIELD

        key = "org:" + alias_key(self.value)
        members = index.people_joins().members(key)
        if members == {key}:
            return set()  # joined to nothing: the words found it already
        found: set[int] = set()
        for member in members:
            found = found | index.field_slots(IDENTITY_FIELD, member)
        return found

    def _same_person(self, index: Lookup) -> set[int]:
        """ "person:Donald Trump": also the articles naming a form the store joins to him
        ("Trump" when he is the only Trump), and no other Trump's."""
        from briefing.entities.names import person_key, person_words
        from briefing.query.keys import IDENTITY_FIELD

        words = person_words(self.value)
        if not words:
            return set()
        found: set[int] = set()
        for member in index.people_joins().members(person_key(words)):
            found = found | index.field_slots(IDENTITY_FIELD, member)
        return found


@dataclass(frozen=True)
class Story(Node):
    value: str  # folded: a story id or its start, or words of its title

    def evaluate(self, index: Lookup) -> set[int]:
        return index.story_slots(self.value)


@dataclass(frozen=True)
class Flag(Node):
    name: str  # "unread", "read", "starred", "annotated", "anonymous"

    def evaluate(self, index: Lookup) -> set[int]:
        return index.flag_slots(self.name)


@dataclass(frozen=True)
class DateRange(Node):
    low: str | None  # inclusive ISO days; None is open
    high: str | None

    def evaluate(self, index: Lookup) -> set[int]:
        return index.date_slots(self.low, self.high)


@dataclass(frozen=True)
class Not(Node):
    child: Node

    def evaluate(self, index: Lookup) -> set[int]:
        return index.everything() - self.child.evaluate(index)


@dataclass(frozen=True)
class And(Node):
    children: tuple[Node, ...]

    def evaluate(self, index: Lookup) -> set[int]:
        # "a -b" is computed as a difference, not as a complement of everything then a meet.
        wanted = [c for c in self.children if not isinstance(c, Not)]
        unwanted = [c.child for c in self.children if isinstance(c, Not)]
        if not wanted:
            result = set(index.everything())  # a copy: the index's own set is not ours
        else:
            sets = sorted((c.evaluate(index) for c in wanted), key=len)
            result = sets[0].intersection(*sets[1:])
        for child in unwanted:
            if not result:
                break
            result -= child.evaluate(index)
        return result


@dataclass(frozen=True)
class Or(Node):
    children: tuple[Node, ...]

    def evaluate(self, index: Lookup) -> set[int]:
        result: set[int] = set()
        for child in self.children:
            result |= child.evaluate(index)
        return result


def _bounds(node: Node, index: Lookup) -> tuple[set[int], set[int]]:
    """(surely matching, possibly matching) slots while bodies are not indexed yet."""
    if isinstance(node, Text):
        # Title and metadata matches are sure; any article might match through its body.
        return index.text_slots(node.words, node.exact), index.everything()
    if isinstance(node, Not):
        low, high = _bounds(node.child, index)
        return index.everything() - high, index.everything() - low
    if isinstance(node, And | Or):
        lows, highs = zip(*(_bounds(child, index) for child in node.children), strict=True)
        if isinstance(node, And):
            return set.intersection(*lows), set.intersection(*highs)
        return set.union(*lows), set.union(*highs)
    exact = node.evaluate(index)
    return exact, exact


def undecided(root: Node, index: Lookup) -> set[int]:
    """Slots whose match depends on their body: the only bodies a one-off search must read."""
    low, high = _bounds(root, index)
    return high - low


@dataclass(frozen=True)
class Query:
    """A parsed query: parse once with query.parse(), then ArticleIndex.search() many times."""

    text: str
    root: Node

    @property
    def matches_all(self) -> bool:
        return isinstance(self.root, MatchAll)

    @property
    def has_free_text(self) -> bool:
        """Whether any free text is in it (negated or not): only then do bodies matter."""

        def walk(node: Node) -> bool:
            if isinstance(node, Text):
                return True
            if isinstance(node, Not):
                return walk(node.child)
            return isinstance(node, And | Or) and any(walk(c) for c in node.children)

        return walk(self.root)

    def search_terms(self) -> list[tuple[str, ...]]:
        """The free-text word runs not under a NOT, for highlighting matches in a reader."""
        found: list[tuple[str, ...]] = []

        def walk(node: Node) -> None:
            if isinstance(node, Text):
                found.append(node.words)
            elif isinstance(node, And | Or):
                for child in node.children:
                    walk(child)

        walk(self.root)
        return found
