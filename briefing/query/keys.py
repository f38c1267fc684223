"""The keys an article is found by in each field, shared by every index of the filter language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from briefing.query.normalize import fold, joined

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Not a filter of the language: the identity ids of an analysis ("per:donald trump",
# "geo:524901"), matched exactly, so person: finds everyone its person is across articles.
IDENTITY_FIELD = "identity"


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """ " steve witkoff": a leading space, so " witk" only matches at a word's start.

    Cached: the same few thousand names recur across articles, and folding is most of indexing.
    """
    return joined(name).rstrip()


def name_keys(values: Iterable[str | None]) -> tuple[str, ...]:
    keys = {name_key(v) for v in values if v}
    keys.discard("")  # a blank name
    return tuple(keys)


@lru_cache(maxsize=1 << 12)
def exact_key(value: str) -> str:
    return fold(value).strip()


def site(url: str | None) -> str | None:
    """The web site of a URL ("www.ansa.it" -> "ansa.it"), so source:ansa.it finds it too."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # a malformed URL (bad port, bracket) names no site
        return None
    return host.removeprefix("www.") or None


def iso_day(published: str | None) -> str:
    """ "YYYY-MM-DD" of a published value, or "" when it does not start with a day."""
    day = (published or "")[:10]
    return day if _ISO_DAY.fullmatch(day) else ""


def article_keys(
    tags: Iterable[str],
    lang: str | None,
    source: str | None,
    url: str | None,
    feed: str | None = None,
    feed_names: Iterable[str] = (),
) -> dict[str, tuple[str, ...]]:
    """The keys of an article's own fields: tag: and lang: exact, source: a name or site,
    feed: the subscription's id and the names it is known by (title, site).

    A new field adds its keys here, for both indexes (and bumps search.FORMAT)."""
    keys = {
        "tag": tuple({exact_key(t) for t in tags if t.strip()}),
        "lang": (exact_key(lang),) if lang else (),
        "source": name_keys([source, site(url)]),
    }
    if feed:
        keys["feed"] = name_keys([feed, *feed_names])
    return keys


def entity_keys(
    people: Iterable[str],
    organizations: Iterable[str],
    places: Iterable[str],
    entities: Iterable[str],
    speakers: Iterable[str],
    identities: Iterable[str] = (),
) -> dict[str, tuple[str, ...]]:
    """The keys of the entity fields, from what an analysis found.

    The one place entity names become filter keys: identities (language-independent ids, other
    spellings) plug in by passing them among the names of their kind. The persistent index
    stores these keys: a change here needs store/search.py's FORMAT bumped, so every store's
    index is rebuilt with the new keys.
    """
    people, organizations, places = list(people), list(organizations), list(places)
    return {
        "person": name_keys(people),
        "org": name_keys(organizations),
        "place": name_keys(places),
        "entity": name_keys([*entities, *people, *organizations, *places]),
        "quote": name_keys(speakers),
        IDENTITY_FIELD: tuple({i for i in identities if i}),
    }
