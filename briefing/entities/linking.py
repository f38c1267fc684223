"""Link mentions to identities within one article, and attach them to an Analysis.

Places and organisations go to the listed identity their name has (several share a name:
the one whose country the article's other places are in, else the likeliest); people to
"per:" + first name and surname, a surname alone joining the one full name it fits.
Unlisted names get a key of their own kind ("org:acme", "loc:borgo san dalmazzo").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.entities.acronyms import defined_in, fits, looks_like_acronym
from briefing.entities.edits import Edits
from briefing.entities.joins import join_people
from briefing.entities.names import alias_key, fullness, person_key, person_words
from briefing.entities.registry import Identity, Registry, registry

# Bumped when linking or the bundled lists change: cached analyses are linked again (cheap:
# no pipeline runs), so their ids follow the lists.
VERSION = 3  # 2: middle initials, qualified places; 3: titles, transliterations, acronyms, lists
LINKED = ("PER", "ORG", "LOC")
_TOWNS = {"geo", "us-state"}  # the places that say which country an article is in
# A town or region tagged ORG is a club or a council (AS Roma, SS Lazio), not the place;
# a country tagged ORG is its government or team, and stays the country.
_NOT_ORGS = {"geo", "us-state", "region"}
_FACT_LABELS = {"people": "PER", "organizations": "ORG", "places": "LOC"}
# A place and the state, country or region it is in: "Paris, Texas", "Paris (Francia)".
_QUALIFIED = re.compile(r"^(?P<head>[^,()]+?)\s*(?:,|\()\s*(?P<qualifier>[^,()]+?)\s*\)?$")
_QUALIFIER_GAP = re.compile(r"\s*[,(]\s*")  # between a place and the entity qualifying it
# Between two places on a list: "Kyiv, Russia and the US", "Berlin, Paris", "Roma e la Francia";
# a place between two such gaps qualifies nothing ("Paris, Texas, and in Atlanta" still does).
_LIST_GAP = re.compile(
    r"\s*,?\s*(?:(?:and|or|nor|e|ed|o|y|und|et)\s+)?(?:(?:the|il|lo|la|i|gli|le|l')\s*)?",
    re.IGNORECASE,
)
_QUALIFIER_KINDS = {"country", "us-state", "region"}


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


def _inside(place: Identity, qualifier: Identity) -> bool:
    """Whether `place` lies in the country, US state or region `qualifier` names."""
    if place.id == qualifier.id:
        return False
    if qualifier.kind == "us-state":
        return place.cc == "US" and place.adm == qualifier.id.split(":", 1)[1]
    return not qualifier.cc or place.cc == qualifier.cc  # a CLDR region has no country


def _split_qualified(text: str) -> tuple[str, str] | None:
    """ "Paris, Texas" / "Paris (Texas)" -> ("Paris", "Texas")."""
    match = _QUALIFIED.match(text)
    return (match["head"], match["qualifier"]) if match else None


def _qualify(
    head: str, qualifier: str, known: Registry
) -> tuple[Identity | None, Identity | None] | None:
    """The namesake of `head` the qualifier holds, and the qualifier's own identity; (None,
    the qualifier or None) when it contradicts every namesake ("Paris, Texas"); None when
    `head` is no listed place (nothing to tell apart)."""
    heads = [i for i in known.candidates(head) if i.kind == "geo"]  # towns are qualified
    qualifiers = [i for i in known.candidates(qualifier) if i.kind in _QUALIFIER_KINDS]
    if not heads or not qualifiers:
        return None
    for place in heads:  # the likeliest namesake first, then the likeliest qualifier
        for holder in qualifiers:
            if _inside(place, holder):
                return place, holder
    return None, qualifiers[0]


def _link_listed(
    mentions: Sequence[tuple[str, str]], known: Registry, qualifiers: dict[int, int]
) -> tuple[dict[int, Identity], dict[int, str]]:
    """Listed identities by mention, and the own keys of places their qualifier sets apart."""
    chosen: dict[int, Identity] = {}
    apart: dict[int, str] = {}
    heads: dict[str, Identity | str] = {}  # a head qualified once: its plain mentions follow
    for n, (text, label) in enumerate(mentions):
        if label != "LOC":
            continue
        if n in qualifiers:
            head, qualifier = text, mentions[qualifiers[n]][0]
        elif not known.candidates(text) and (parts := _split_qualified(text)):
            head, qualifier = parts
        else:
            continue
        found = _qualify(head, qualifier, known)
        if found is None:
            continue
        place, holder = found
        if holder is not None and n in qualifiers:
            chosen[qualifiers[n]] = holder  # "Atlanta, Georgia": the state, not the country
        if place is not None:
            chosen[n] = heads.setdefault(alias_key(head), place)
        else:
            apart[n] = heads.setdefault(alias_key(head), "loc:" + alias_key(f"{head} {qualifier}"))
    found = {}
    for n, (text, label) in enumerate(mentions):
        if label not in ("ORG", "LOC") or n in chosen or n in apart:
            continue
        same = heads.get(alias_key(text)) if label == "LOC" else None
        if isinstance(same, Identity):
            chosen[n] = same
            continue
        if same is not None:
            apart[n] = same
            continue
        candidates = known.candidates(text)
        if label == "ORG":
            candidates = [i for i in candidates if i.kind not in _NOT_ORGS]
        if candidates:
            found[n] = candidates
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
    return chosen, apart


def _person_keys(mentions: Sequence[tuple[str, str]]) -> dict[int, str]:
    keys = {}
    for n, (text, label) in enumerate(mentions):
        words = person_words(text) if label == "PER" else []
        if words:
            keys[n] = person_key(words)
    # Within the article as across the store: a shorter name joins the one fuller name that
    # fits ("Trump" and "Donald Trump"; two Kennedys leave "Kennedy" alone).
    joined = join_people(set(keys.values()))
    return {n: joined.get(key, key) for n, key in keys.items()}


def _link_acronyms(
    mentions: Sequence[tuple[str, str]], keys: list[str | None], defined: dict[str, int], known
) -> None:
    """An acronym and the name it stands for in the article share one key: the name it is
    defined after in brackets, else the one name of two words or more it is the initials of.
    An unlisted acronym takes the name's key; a listed one ("NHS", "FAA") gives the name
    written out its listed identity when that name is unlisted ("servizio sanitario nazionale
    (NHS)")."""
    names: dict[str, list[str]] = {}
    for n, (text, label) in enumerate(mentions):
        if label in ("ORG", "LOC") and keys[n] and len(text.split()) >= 2:
            names.setdefault(keys[n], []).append(text)
    for n, (text, label) in enumerate(mentions):
        key, text = keys[n], text.strip()
        if label not in ("ORG", "LOC") or key is None or not looks_like_acronym(text):
            continue
        if alias_key(text) in defined:
            name = keys[defined[alias_key(text)]]
        else:
            fitting = {k for k, written in names.items() if any(fits(text, w) for w in written)}
            name = fitting.pop() if len(fitting - {key}) == 1 else None
        if name is None or name == key:
            continue
        if known.get(key) is None:
            keys[n] = name
        elif known.get(name) is None:
            keys[:] = [key if k == name else k for k in keys]
            names[key] = names.pop(name, [])


def links_version(edits: Edits | None = None) -> int:
    """What an analysis records as linked by: the lists' VERSION and the user's edits."""
    return VERSION * 1_000_000 + (edits.version if edits else 0)


def link_mentions(
    mentions: Sequence[tuple[str, str]],
    lang: str = "en",
    known: Registry | None = None,
    edits: Edits | None = None,
    qualifiers: dict[int, int] | None = None,
    defined: dict[str, int] | None = None,
) -> list[Link | None]:
    """One Link per (text, label) mention of an article; None for other labels.

    `qualifiers`: mention -> the mention right after it that qualifies it ("Paris" -> "Texas");
    `defined`: a short form's alias key -> the mention it is defined after in brackets
    ("usgs" -> "Servizio geologico degli Stati Uniti", `acronyms.defined_in`).
    """
    known = known or registry()
    listed, apart = _link_listed(mentions, known, qualifiers or {})
    people = _person_keys(mentions)
    keys: list[str | None] = []
    for n, (text, label) in enumerate(mentions):
        if n in listed:
            keys.append(listed[n].id)
        elif n in apart:
            keys.append(apart[n])
        elif n in people:
            keys.append(people[n])
        elif label in ("ORG", "LOC") and alias_key(text):
            keys.append(label.lower() + ":" + alias_key(text))
        else:
            keys.append(None)
    _link_acronyms(mentions, keys, defined or {}, known)
    if edits:  # the user's merges and splits win
        keys = [
            edits.resolve(k, text) if k else None
            for k, (text, _) in zip(keys, mentions, strict=True)
        ]
    # Unlisted identities are named by their fullest, then most frequent, written form.
    written: dict[str, Counter] = {}
    for n, (key, (text, _label)) in enumerate(zip(keys, mentions, strict=True)):
        if key is not None:
            if n in (qualifiers or {}):  # "Paris, Texas", not "Paris"
                text = f"{text.strip()}, {mentions[qualifiers[n]][0].strip()}"
            written.setdefault(key, Counter())[text.strip()] += 1
    canonical = {}
    for key, forms in written.items():
        identity = known.get(key)
        if identity is not None:
            canonical[key] = identity.name("en")
        else:
            canonical[key] = max(forms, key=lambda f: (fullness(f), forms[f], -len(f), f))
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


def _qualifiers(entities: Sequence, text: str | None) -> dict[int, int]:
    """Place entity -> the place entity right after it, past a comma or bracket: its state,
    country or region ("Paris, Texas", "Athens (Georgia)")."""
    if not text:
        return {}

    def listed(first, second) -> bool:  # two places one after the other on a list
        return first.label == second.label == "LOC" and bool(
            _LIST_GAP.fullmatch(text[first.end : second.start])
        )

    found = {}
    for n, (entity, after) in enumerate(zip(entities, entities[1:], strict=False)):
        if entity.label != "LOC" or after.label != "LOC" or entity.end >= after.start:
            continue
        if not _QUALIFIER_GAP.fullmatch(text[entity.end : after.start]):
            continue
        if n > 0 and listed(entities[n - 1], entity):
            continue
        if n + 2 < len(entities) and listed(after, entities[n + 2]):
            continue
        found[n] = n + 1
    return found


def link_analysis(
    analysis,
    known: Registry | None = None,
    edits: Edits | None = None,
    text: str | None = None,
) -> None:
    """Give the analysis's PER/ORG/LOC entities and facts their identities, in place.

    `text`, the article's, shows which places qualify the one before ("Paris, Texas").
    """
    known = known or registry()
    facts = analysis.facts
    mentions = [(e.text, e.label) for e in analysis.entities]
    qualifiers = _qualifiers(analysis.entities, text)
    offset = len(mentions)
    for kind, label in _FACT_LABELS.items():
        mentions += [(thing.name, label) for thing in getattr(facts, kind)]
    defined = defined_in(analysis.entities, text)
    links = link_mentions(mentions, analysis.lang, known, edits, qualifiers, defined)
    for entity, link in zip(analysis.entities, links, strict=False):
        entity.id = link.id if link else None
        entity.canonical = link.canonical if link else None
    for kind in _FACT_LABELS:
        things = getattr(facts, kind)
        setattr(facts, kind, _merge(things, links[offset : offset + len(things)], known))
        offset += len(things)
    analysis.links_version = links_version(edits)
