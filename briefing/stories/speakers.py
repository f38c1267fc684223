"""Who said what in a story: quotes grouped by speaker identity across articles and languages,
who's who (every role seen), and named against anonymous sourcing per outlet."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from briefing.models import Analysis, Article, NamedThing
from briefing.query.normalize import fold, words


@dataclass
class Said:
    article_id: str
    source: str | None
    text: str
    reported: bool
    unsure: bool


@dataclass
class Speaker:
    key: str  # the identity id, or "name:" + the folded name when none is known
    name: str
    roles: list[str] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)


@dataclass
class Person:
    key: str
    name: str
    names: list[str] = field(default_factory=list)  # every spelling seen
    roles: list[str] = field(default_factory=list)
    articles: int = 0


@dataclass
class Sourcing:
    outlet: str
    articles: int = 0
    named: int = 0
    anonymous: int = 0
    quotes: int = 0
    # anonymous sources by kind (official, familiar, close...), the most cited first
    kinds: dict[str, int] = field(default_factory=dict)

    @property
    def anonymous_kinds(self) -> str:
        """ "official 2, close 1": what the anonymous sourcing is made of."""
        ranked = sorted(self.kinds.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(f"{kind} {count}" for kind, count in ranked if kind != "unspecified")


def _speaker_of(name: str, people: list[NamedThing]) -> NamedThing | None:
    """The article's person a speaker's name stands for: same name, or the one it shortens."""
    key = fold(name).strip()
    for person in people:
        if key in {fold(n).strip() for n in [person.name, *person.aliases]}:
            return person
    wanted = set(words(name))
    fits = [p for p in people if wanted and wanted <= set(words(p.name))]
    return fits[0] if len(fits) == 1 else None


def _unique(values: list[str]) -> list[str]:
    seen, kept = set(), []
    for value in values:
        if fold(value) not in seen:
            seen.add(fold(value))
            kept.append(value)
    return kept


def who_said_what(items: list[tuple[Article, Analysis | None]]) -> list[Speaker]:
    """Speakers, the most quoted first, each with their quotes from every article."""
    speakers: dict[str, Speaker] = {}
    for article, analysis in items:
        if analysis is None:
            continue
        for quote in analysis.facts.quotes:
            if not quote.speaker:
                continue
            person = _speaker_of(quote.speaker, analysis.facts.people)
            key = person.id if person and person.id else "name:" + fold(quote.speaker).strip()
            name = (person.canonical or person.name) if person else quote.speaker
            speaker = speakers.setdefault(key, Speaker(key, name))
            if person:
                speaker.roles = _unique([*speaker.roles, *person.roles])
            speaker.said.append(
                Said(article.id, article.source, quote.text, quote.reported, quote.unsure)
            )
    return sorted(speakers.values(), key=lambda s: (-len(s.said), fold(s.name)))


def whos_who(items: list[tuple[Article, Analysis | None]]) -> list[Person]:
    """People of the story by identity: canonical name, spellings, every role seen."""
    found: dict[str, Person] = {}
    for _, analysis in items:
        if analysis is None:
            continue
        for thing in analysis.facts.people:
            key = thing.id or "name:" + fold(thing.name)
            person = found.setdefault(key, Person(key, thing.canonical or thing.name))
            person.names = _unique([*person.names, thing.name, *thing.aliases])
            person.roles = _unique([*person.roles, *thing.roles])
            person.articles += 1
    return sorted(found.values(), key=lambda p: (-p.articles, -len(p.roles), fold(p.name)))


def sourcing(items: list[tuple[Article, Analysis | None]]) -> list[Sourcing]:
    """Per outlet: attributions to named and to anonymous sources, and quotes."""
    outlets: dict[str, Sourcing] = defaultdict(lambda: Sourcing(""))
    for article, analysis in items:
        outlet = article.source or "(no source)"
        row = outlets[outlet]
        row.outlet = outlet
        row.articles += 1
        if analysis is None:
            continue
        for attribution in analysis.facts.attributions:
            if attribution.anonymous:
                row.anonymous += 1
                kind = attribution.source_type or "unspecified"
                row.kinds[kind] = row.kinds.get(kind, 0) + 1
            else:
                row.named += 1
        row.quotes += len(analysis.facts.quotes)
    return sorted(outlets.values(), key=lambda r: fold(r.outlet))
