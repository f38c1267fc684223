"""Link mentions to identities within one article, and attach them to an Analysis.

Places and organisations go to the listed identity their name has (several share a name:
the one whose country the article's other places are in, else the likeliest); people to
"per:" + first name and surname, a surname alone joining the one full name it fits.
Unlisted names get a key of their own kind ("org:acme", "loc:borgo san dalmazzo").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.entities.edits import Edits
from briefing.entities.names import alias_key, is_surname_only, person_key, person_words
from briefing.entities.registry import Identity, Registry, registry

# Bumped when linking or the bundled lists change: cached analyses are linked again (cheap:
# no pipeline runs), so their ids follow the lists.
VERSION = 1
LINKED = ("PER", "ORG", "LOC")
_TOWNS = {"geo", "us-state"}  # the places that say which country an article is in
# A town or region tagged ORG is a club or a council (AS Roma, SS Lazio), not the place;
# a country tagged ORG is its government or team, and stays the country.
_NOT_ORGS = {"geo", "us-state", "region"}
_FACT_LABELS = {"people": "PER", "organizations": "ORG", "places": "LOC"}


@dataclass(frozen=True)
class Link:
    id: str
    canonical: str


def _pick(candidates: list[Identity], countries: Counter) -> Identity:
    """The namesake in the country (or US state) the article's other places are in; else the
    likeliest (the list's order)."""
    if len(candidates) == 1:
        return candidates[0]
    order = {identity.id: n for n, identity in enumerate(candidates)}

    def support(identity: Identity) -> tuple:
        state = countries[f"US-{identity.adm}"] if identity.adm else 0
        return (countries[identity.cc] if identity.cc else 0, state, -order[identity.id])

    return max(candidates, key=support)


def _link_listed(mentions: Sequence[tuple[str, str]], known: Registry) -> dict[int, Identity]:
    found = {}
    for n, (text, label) in enumerate(mentions):
        if label not in ("ORG", "LOC"):
            continue
        candidates = known.candidates(text)
        if label == "ORG":
            candidates = [i for i in candidates if i.kind not in _NOT_ORGS]
        if candidates:
            found[n] = candidates
    chosen: dict[int, Identity] = {}
    for n, candidates in found.items():
        # Count each other mention's likeliest place; a namesake never counts for itself.
        # Countries count only among towns: "US warns Georgia" is about the country.
        towns_only = all(i.kind in _TOWNS for i in candidates)
        countries: Counter = Counter()
        for m, others in found.items():
            place = others[0]
            if m == n or place in candidates:
                continue
            if place.kind in _TOWNS or (towns_only and place.kind == "country"):
                countries[place.cc] += 1
            if place.kind == "us-state":
                countries["US-" + place.id.split(":")[1]] += 1
        chosen[n] = _pick(candidates, countries)
    return chosen


def _person_keys(mentions: Sequence[tuple[str, str]]) -> dict[int, str]:
    words = {n: person_words(text) for n, (text, label) in enumerate(mentions) if label == "PER"}
    words = {n: w for n, w in words.items() if w}
    full = {person_key(w) for w in words.values() if not is_surname_only(w)}
    keys = {}
    for n, w in words.items():
        if not is_surname_only(w):
            keys[n] = person_key(w)
            continue
        fits = {key for key in full if key.split()[-1] == w[-1]}
        # A surname alone joins a full name only when exactly one fits ("Trump" and
        # "Donald Trump"; two Kennedys leave "Kennedy" alone).
        keys[n] = fits.pop() if len(fits) == 1 else person_key(w)
    return keys


def links_version(edits: Edits | None = None) -> int:
    """What an analysis records as linked by: the lists' VERSION and the user's edits."""
    return VERSION * 1_000_000 + (edits.version if edits else 0)


def link_mentions(
    mentions: Sequence[tuple[str, str]],
    lang: str = "en",
    known: Registry | None = None,
    edits: Edits | None = None,
) -> list[Link | None]:
    """One Link per (text, label) mention of an article; None for other labels."""
    known = known or registry()
    listed = _link_listed(mentions, known)
    people = _person_keys(mentions)
    keys: list[str | None] = []
    for n, (text, label) in enumerate(mentions):
        if n in listed:
            keys.append(listed[n].id)
        elif n in people:
            keys.append(people[n])
        elif label in ("ORG", "LOC") and alias_key(text):
            keys.append(label.lower() + ":" + alias_key(text))
        else:
            keys.append(None)
    if edits:  # the user's merges and splits win
        keys = [
            edits.resolve(k, text) if k else None
            for k, (text, _) in zip(keys, mentions, strict=True)
        ]
    # Unlisted identities are named by their fullest, then most frequent, written form.
    written: dict[str, Counter] = {}
    for key, (text, _label) in zip(keys, mentions, strict=True):
        if key is not None:
            written.setdefault(key, Counter())[text.strip()] += 1
    canonical = {}
    for key, forms in written.items():
        identity = known.get(key)
        if identity is not None:
            canonical[key] = identity.name("en")
        else:
            # person_words: "Donald J. Trump" is no fuller than "Donald Trump"
            canonical[key] = max(forms, key=lambda f: (len(person_words(f)), forms[f], -len(f), f))
    return [Link(key, canonical[key]) if key else None for key in keys]


def _merge(things: list, links: list[Link | None], known: Registry) -> list:
    """Facts of one kind with the same identity become one ("Kiev ×4" + "Kyiv ×2"), named
    as the article names it most; `aliases` keeps every spelling and the listed names."""
    firsts: dict[str, object] = {}
    counts: dict[str, Counter] = {}
    kept = []
    for thing, link in zip(things, links, strict=True):
        if link is None:
            kept.append(thing)
            continue
        counts.setdefault(link.id, Counter())[thing.name] += max(thing.mentions, 1)
        first = firsts.get(link.id)
        if first is None:
            thing.id, thing.canonical = link.id, link.canonical
            firsts[link.id] = thing
            kept.append(thing)
            continue
        first.mentions += thing.mentions
        first.spans = sorted([*first.spans, *thing.spans])
        first.roles += [role for role in thing.roles if role not in first.roles]
    for key, thing in firsts.items():
        thing.name = counts[key].most_common(1)[0][0]
        identity = known.get(key)
        listed = list(identity.names.values()) if identity else [thing.canonical]
        thing.aliases = list(dict.fromkeys([*counts[key], *listed]))
    return kept


def link_analysis(analysis, known: Registry | None = None, edits: Edits | None = None) -> None:
    """Give the analysis's PER/ORG/LOC entities and facts their identities, in place."""
    known = known or registry()
    facts = analysis.facts
    mentions = [(e.text, e.label) for e in analysis.entities]
    offset = len(mentions)
    for kind, label in _FACT_LABELS.items():
        mentions += [(thing.name, label) for thing in getattr(facts, kind)]
    links = link_mentions(mentions, analysis.lang, known, edits)
    for entity, link in zip(analysis.entities, links, strict=False):
        entity.id = link.id if link else None
        entity.canonical = link.canonical if link else None
    for kind in _FACT_LABELS:
        things = getattr(facts, kind)
        setattr(facts, kind, _merge(things, links[offset : offset + len(things)], known))
        offset += len(things)
    analysis.links_version = links_version(edits)


def join_surnames(keys: Iterable[str]) -> dict[str, str]:
    """Across articles: a surname-only person key -> the one full-name key with that surname.

    "per:trump" in one article and "per:donald trump" in another are one person when no other
    full name in the store ends in Trump; with two Kennedys, "per:kennedi" stays apart.
    """
    full: dict[str, set[str]] = {}
    alone = set()
    for key in keys:
        if not key.startswith("per:"):
            continue
        words = key[4:].split()
        if len(words) == 1:
            alone.add(key)
        else:
            full.setdefault(words[-1], set()).add(key)
    return {key: next(iter(full[key[4:]])) for key in alone if len(full.get(key[4:], ())) == 1}
