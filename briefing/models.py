"""Plain data classes shared by every layer: articles, entities, facts, notes, corrections."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

# One display scheme for every language and pipeline (see nlp.labels for the mapping).
LABELS = (
    "PER",
    "ORG",
    "LOC",
    "MISC",
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "HANDLE",
    "URL",
)


def _from_dict(cls, data: dict[str, Any]):
    """Build a dataclass from a dict, ignoring keys it does not know (old or newer stores)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Article:
    """One news article. `body` is loaded only when the article is opened."""

    id: str
    title: str
    body: str | None = None
    published: str | None = None  # ISO 8601: "2025-12-18" or "2025-12-18T10:00:00+01:00"
    source: str | None = None  # site or publication name
    author: str | None = None
    url: str | None = None
    lang: str | None = None  # ISO 639-1 code; unknown languages keep their code
    credit: str | None = None  # photo credit line, kept apart from the body
    tags: list[str] = field(default_factory=list)
    read: bool = False
    starred: bool = False
    added: str | None = None  # ISO datetime of import
    origin: str | None = None  # file path or URL it was imported from
    content_hash: str | None = None  # sha256 of the normalised body, for duplicates
    note: str | None = None  # an article-level note
    feed: str | None = None  # id of the subscription (models.Feed) it came from

    def to_dict(self, with_body: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if not with_body:
            data.pop("body")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _from_dict(cls, data)


@dataclass
class Entity:
    """A named entity: character offsets into the article body (end exclusive)."""

    start: int
    end: int
    label: str
    text: str
    source: str = "model"  # "model", "rule" or "user" (a correction)
    value: str | None = None  # ISO value for DATE/TIME, normalised amount for numbers
    # PER/ORG/LOC: the identity (briefing.entities) and its name in every language and spelling
    id: str | None = None  # "geo:524901" for Mosca and Moscow, "per:donald trump"
    canonical: str | None = None  # "Moscow"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("value", "id", "canonical"):
            if data[key] is None:
                data.pop(key)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return _from_dict(cls, data)


@dataclass
class NamedThing:
    """A person, organisation or place, merged over its mentions."""

    name: str
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    spans: list[list[int]] = field(default_factory=list)  # [[start, end], ...]
    id: str | None = None  # the identity (briefing.entities); facts with one id are merged
    canonical: str | None = None
    aliases: list[str] = field(default_factory=list)  # spellings here + the listed names


@dataclass
class DateFact:
    text: str
    iso: str | None
    start: int
    end: int
    relative: bool = False


# How a speaker or source was found when the cue is weak: shown dimmed with "?".
WEAK_HOW = frozenset({"nearest name"})


@dataclass
class Quote:
    speaker: str | None
    text: str
    start: int
    end: int
    reported: bool = False  # indirect speech kept as a claim
    # How the speaker was found: "frame" (named where the words are reported), "coreference"
    # (a pronoun, role or dropped subject resolved), "previous quote", or "nearest name" (a
    # guess from proximity, shown as unsure), "hearsay" (a claim its article credits to someone
    # unnamed: "he reportedly met"); None when no parse was available.
    how: str | None = None

    @property
    def unsure(self) -> bool:
        return self.speaker is not None and self.how in WEAK_HOW


@dataclass
class Attribution:
    text: str
    source: str | None
    anonymous: bool
    start: int
    end: int
    how: str | None = None  # as Quote.how
    kind: str | None = None  # speech, report, thought, plan, according (from the parse)
    content: list[int] | None = None  # [start, end] of what is attributed, when known
    # An unnamed source's kind: official, familiar, close, document, witness, expert, rumour
    # or unspecified (facts/sourcing.py); None for a named source.
    source_type: str | None = None

    @property
    def unsure(self) -> bool:
        return self.source is not None and self.how in WEAK_HOW


@dataclass
class NumberFact:
    text: str
    what: str | None
    start: int
    end: int


@dataclass
class Facts:
    """Everything extracted from one article, each fact pointing back to its span."""

    people: list[NamedThing] = field(default_factory=list)
    organizations: list[NamedThing] = field(default_factory=list)
    places: list[NamedThing] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    numbers: list[NumberFact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Facts:
        kinds = {
            "people": NamedThing,
            "organizations": NamedThing,
            "places": NamedThing,
            "dates": DateFact,
            "quotes": Quote,
            "attributions": Attribution,
            "numbers": NumberFact,
        }
        return cls(**{k: [_from_dict(c, x) for x in data.get(k, [])] for k, c in kinds.items()})


@dataclass
class Analysis:
    """The cached result of analysing one article body."""

    article_id: str
    lang: str
    pipeline: str  # e.g. "briefing_it_ner" or "it_core_news_sm"
    pipeline_version: str
    entities: list[Entity] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)
    body_hash: str | None = None  # analysis is stale when the body changes
    corrections_version: int = 0  # ...or when the user's corrections change
    analysed_at: str | None = None
    links_version: int = 0  # entities.VERSION it was linked with; older ones are linked again

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "lang": self.lang,
            "pipeline": self.pipeline,
            "pipeline_version": self.pipeline_version,
            "entities": [e.to_dict() for e in self.entities],
            "facts": self.facts.to_dict(),
            "body_hash": self.body_hash,
            "corrections_version": self.corrections_version,
            "analysed_at": self.analysed_at,
            "links_version": self.links_version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article_id=data["article_id"],
            lang=data.get("lang", ""),
            pipeline=data.get("pipeline", ""),
            pipeline_version=data.get("pipeline_version", ""),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            facts=Facts.from_dict(data.get("facts", {})),
            body_hash=data.get("body_hash"),
            corrections_version=data.get("corrections_version", 0),
            analysed_at=data.get("analysed_at"),
            links_version=data.get("links_version", 0),
        )


@dataclass
class Highlight:
    """A highlighted passage of an article, with the user's note on it."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    note: str | None = None
    created: str | None = None
    updated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Highlight:
        return _from_dict(cls, data)


@dataclass
class Correction:
    """A user's correction of the entity recogniser, applied to every article.

    label=None means "this text is not an entity". A changed extent is stored as
    the new text with its label plus `replaces`, the old text it supersedes.
    """

    id: str
    text: str
    label: str | None
    lang: str | None = None  # None: every language
    replaces: str | None = None
    created: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        return _from_dict(cls, data)


@dataclass
class ArticleSummary:
    """What the filter language needs from an analysis, small enough to keep in memory for all."""

    article_id: str
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # every entity text, any label
    speakers: list[str] = field(default_factory=list)
    anonymous: bool = False  # cites at least one anonymous source
    # [kind, id, name] per person ("people"), organisation and place: the entity index counts
    # identities, not spellings
    identities: list[list[str]] = field(default_factory=list)
    links_version: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleSummary:
        return _from_dict(cls, data)

    @classmethod
    def from_analysis(cls, analysis: Analysis) -> ArticleSummary:
        facts = analysis.facts
        texts = sorted({e.text for e in analysis.entities})

        def names(things: list[NamedThing]) -> list[str]:
            # every spelling and listed name, so that "place:Moscow" finds "Mosca"
            return list(dict.fromkeys(n for t in things for n in [t.name, *t.aliases]))

        identities = [
            [kind, thing.id, thing.name]
            for kind in ("people", "organizations", "places")
            for thing in getattr(facts, kind)
            if thing.id
        ]
        return cls(
            article_id=analysis.article_id,
            people=names(facts.people),
            organizations=names(facts.organizations),
            places=names(facts.places),
            entities=texts,
            identities=identities,
            links_version=analysis.links_version,
            speakers=sorted({q.speaker for q in facts.quotes if q.speaker}),
            anonymous=any(a.anonymous for a in facts.attributions),
        )


@dataclass
class Feed:
    """A feed subscription: where it lives, what the last fetch said, and when to try again."""

    id: str  # short and stable: the URL may change (a 301), the id does not
    url: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)  # given to every article it brings
    summaries_only: bool = False  # keep the entries' summaries; never fetch the linked page
    added: str | None = None
    etag: str | None = None  # validators for the next conditional GET
    last_modified: str | None = None
    checked: str | None = None  # ISO datetime of the last attempt
    updated: str | None = None  # ...and of the last one that brought new entries
    errors: int = 0  # failures in a row; 0 after a success
    last_error: str | None = None
    retry_after: str | None = None  # ISO datetime: refresh-all skips it until then
    seen: list[str] = field(default_factory=list)  # keys of the entries the last fetch held

    @property
    def name(self) -> str:
        return self.title or self.url

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feed:
        return _from_dict(cls, data)
