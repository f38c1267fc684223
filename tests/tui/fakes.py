"""Small stand-ins for the reader tests: an in-memory store and a rule-based analyser."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.entities import edits, link_analysis, links_version
from briefing.models import (
    Analysis,
    Article,
    ArticleSummary,
    Attribution,
    Correction,
    DateFact,
    Entity,
    Facts,
    Highlight,
    NamedThing,
    NumberFact,
    Quote,
)
from briefing.store import AddResult, StoreReadOnly


class MemoryStore:
    """The store contract, kept in dicts (enough for the reader; the real one is tested apart)."""

    def __init__(self, readonly: bool = False) -> None:
        self.readonly = readonly
        self.directory = Path("/nonexistent")
        self._articles: dict[str, Article] = {}
        self._bodies: dict[str, str] = {}
        self._highlights: dict[str, Highlight] = {}
        self._analyses: dict[str, Analysis] = {}
        self._corrections: dict[str, Correction] = {}
        self._corrections_version = 0
        self._settings: dict[str, object] = {}
        self._story_groups: dict[str, list[str]] = {}
        self._story_features: dict[str, dict] = {}
        self.writes: list[str] = []

    def _check(self, what: str) -> None:
        if self.readonly:
            raise StoreReadOnly(f"the store is open read-only: cannot {what}")
        self.writes.append(what)

    def close(self) -> None:
        pass

    def add_article(self, article: Article) -> AddResult:
        self._check("add")
        self._bodies[article.id] = article.body or ""
        stored = Article.from_dict(article.to_dict())
        stored.body = None
        self._articles[article.id] = stored
        return AddResult(article.id, True)

    def add_articles(self, articles) -> list[AddResult]:
        return [self.add_article(a) for a in articles]

    def count(self) -> int:
        return len(self._articles)

    def articles(self) -> list[Article]:
        rows = [Article.from_dict(a.to_dict()) for a in self._articles.values()]
        return sorted(rows, key=lambda a: (a.published or "", a.id), reverse=True)

    def article_ids(self) -> list[str]:
        return [a.id for a in self.articles()]

    def get(self, article_id: str) -> Article | None:
        found = self._articles.get(article_id)
        return Article.from_dict(found.to_dict()) if found else None

    def body(self, article_id: str) -> str:
        return self._bodies[article_id]

    def iter_bodies(self):
        yield from list(self._bodies.items())

    def update_tags(self, article_id: str, add=(), remove=()) -> list[str]:
        self._check("tag")
        article = self._articles[article_id]
        tags = [t for t in article.tags if t not in set(remove)]
        tags += [t for t in add if t not in tags]
        article.tags = tags
        return list(tags)

    def set_read(self, article_id: str, read: bool) -> None:
        self._check("read")
        self._articles[article_id].read = read

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._check("star")
        self._articles[article_id].starred = starred

    def tag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for article in self._articles.values():
            for tag in article.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return counts

    def add_highlight(self, highlight: Highlight) -> Highlight:
        self._check("highlight")
        self._highlights[highlight.id] = highlight
        return highlight

    def update_highlight(self, highlight_id: str, *, note: str | None) -> Highlight:
        self._check("note")
        self._highlights[highlight_id].note = note
        return self._highlights[highlight_id]

    def delete_highlight(self, highlight_id: str) -> None:
        self._check("unhighlight")
        self._highlights.pop(highlight_id, None)

    def highlights(self, article_id: str | None = None) -> list[Highlight]:
        return [h for h in self._highlights.values() if article_id in (None, h.article_id)]

    def get_analysis(self, article_id: str) -> Analysis | None:
        return self._analyses.get(article_id)

    def put_analysis(self, analysis: Analysis) -> None:
        self._analyses[analysis.article_id] = analysis

    def analysed_links(self) -> dict[str, int]:
        return {k: a.links_version for k, a in list(self._analyses.items())}

    def summaries(self, ids=None) -> dict[str, ArticleSummary]:
        # a copy first: the backlog worker puts analyses from its thread meanwhile
        found = list(self._analyses.items())
        wanted = None if ids is None else set(ids)
        return {
            k: ArticleSummary.from_analysis(a) for k, a in found if wanted is None or k in wanted
        }

    def add_correction(self, correction: Correction) -> Correction:
        self._check("correct")
        self._corrections[correction.id] = correction
        self._corrections_version += 1
        return correction

    def remove_correction(self, correction_id: str) -> None:
        self._check("uncorrect")
        self._corrections.pop(correction_id, None)
        self._corrections_version += 1

    def corrections(self) -> list[Correction]:
        return list(self._corrections.values())

    def corrections_version(self) -> int:
        return self._corrections_version

    def story_groups(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self._story_groups.items()}

    def put_story_groups(self, changes, *, replace: bool = False) -> None:
        self._check("stories")
        if replace:
            self._story_groups = {}
        for key, ids in changes.items():
            if ids:
                self._story_groups[key] = list(ids)
            else:
                self._story_groups.pop(key, None)

    def story_features(self) -> dict[str, dict]:
        return {k: dict(v) for k, v in self._story_features.items()}

    def put_story_features(self, rows) -> None:
        self._check("stories")
        for row in rows:
            self._story_features[row["id"]] = dict(row)

    def get_setting(self, key: str, default=None):
        return self._settings.get(key, default)

    def set_setting(self, key: str, value) -> None:
        self._check("setting")
        if value is None:
            self._settings.pop(key, None)
        else:
            self._settings[key] = value


# A tiny gazetteer stands in for the model, so analyses (and snapshots) never depend on it.
GAZETTEER = {
    "Steve Witkoff": "PER",
    "Jared Kushner": "PER",
    "Kirill Dmitriev": "PER",
    "Vladimir Putin": "PER",
    "Trump": "PER",
    "Casa Bianca": "ORG",
    "Cremlino": "ORG",
    "Nato": "ORG",
    "Miami": "LOC",
    "Mosca": "LOC",
    "Washington": "LOC",
    "Kiev": "LOC",
    "Ucraina": "LOC",
    "Donbass": "LOC",
    "Berlino": "LOC",
    "Rome": "LOC",
    "Acme Corp": "ORG",
    "Ada Rossi": "PER",
}
ROLES = {"Kirill Dmitriev": ["capo del fondo sovrano"], "Steve Witkoff": ["inviato speciale"]}


def analyse(store: MemoryStore, article_id: str, force: bool = False) -> Analysis:
    """Entities from the gazetteer plus the user's corrections; simple facts from them."""
    cached = store.get_analysis(article_id)
    if (
        cached is not None
        and not force
        and cached.corrections_version == store.corrections_version()
    ):
        user_edits = edits.load(store)
        if cached.links_version != links_version(user_edits):  # as the real one: relink only
            link_analysis(cached, edits=user_edits)
            store.put_analysis(cached)
        return cached
    body = store.body(article_id)
    lexicon = dict(GAZETTEER)
    for c in store.corrections():
        if c.replaces:
            lexicon.pop(c.replaces, None)
        if c.label is None:
            lexicon.pop(c.text, None)
        else:
            lexicon[c.text] = c.label
    entities: list[Entity] = []
    taken: set[int] = set()
    for name in sorted(lexicon, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body):
            if taken.isdisjoint(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                entities.append(Entity(m.start(), m.end(), lexicon[name], name, source="rule"))
    entities.sort(key=lambda e: e.start)
    facts = Facts()
    groups = {"PER": facts.people, "ORG": facts.organizations, "LOC": facts.places}
    merged: dict[tuple[str, str], NamedThing] = {}
    for e in entities:
        if e.label in groups:
            thing = merged.get((e.label, e.text))
            if thing is None:
                thing = merged[(e.label, e.text)] = NamedThing(e.text, list(ROLES.get(e.text, [])))
                groups[e.label].append(thing)
            thing.mentions += 1
            thing.spans.append([e.start, e.end])
    for m in re.finditer(r"“([^”]+)”", body):
        facts.quotes.append(
            Quote(
                speaker="Vladimir Putin" if "liberare" in m.group(1) else None,
                text=m.group(1),
                start=m.start(),
                end=m.end(),
            )
        )
    for m in re.finditer(
        r"secondo (fonti informate|due persone a conoscenza della questione)", body
    ):
        facts.attributions.append(Attribution(m.group(0), None, True, m.start(), m.end()))
    for m in re.finditer(r"\b(\d+) anni\b", body):
        facts.numbers.append(NumberFact(m.group(0), "years", m.start(), m.end()))
    for m in re.finditer(r"\b(Mercoledì|18 Dicembre 2025)\b", body):
        facts.dates.append(
            DateFact(m.group(0), None, m.start(), m.end(), relative=m.group(0) == "Mercoledì")
        )
    analysis = Analysis(
        article_id=article_id,
        lang="it",
        pipeline="test-gazetteer",
        pipeline_version="1",
        entities=entities,
        facts=facts,
        corrections_version=store.corrections_version(),
        analysed_at="2025-12-18T10:00:00",
    )
    link_analysis(analysis, edits=edits.load(store))  # the same separate step as the real one
    store.put_analysis(analysis)
    return analysis


def analyse_many(store: MemoryStore, ids: list[str], force: bool, progress) -> None:
    for done, article_id in enumerate(ids, 1):
        analyse(store, article_id, force=force)
        progress(done, len(ids))
