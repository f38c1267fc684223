"""Small synthetic articles with hand-made analyses: stories without running any pipeline."""

from __future__ import annotations

import hashlib

from briefing.models import Analysis, Article, Facts, NamedThing, Quote


def people(*pairs: tuple[str, str]) -> list[NamedThing]:
    return [NamedThing(name=n, id=i, canonical=n, mentions=1) for i, n in pairs]


def article(title: str, body: str, day: str, lang: str = "en", source: str = "Wire") -> Article:
    article_id = hashlib.sha256(f"{title}{body}{source}".encode()).hexdigest()[:12]
    return Article(id=article_id, title=title, body=body, published=day, lang=lang, source=source)


def analysis(item: Article, who=(), orgs=(), places=(), quotes=()) -> Analysis:
    return Analysis(
        article_id=item.id,
        lang=item.lang or "en",
        pipeline="synthetic",
        pipeline_version="0",
        facts=Facts(
            people=people(*who),
            organizations=people(*orgs),
            places=people(*places),
            quotes=[Quote(speaker=s, text=t, start=0, end=1) for s, t in quotes],
        ),
    )


WITKOFF = ("per:steve witkoff", "Steve Witkoff")
PUTIN = ("per:vladimir putin", "Vladimir Putin")
KREMLIN = ("org:kremlin", "Kremlin")
MOSCOW = ("geo:524901", "Moscow")
MIAMI = ("geo:4164138", "Miami")
UKRAINE = ("country:UA", "Ukraine")
ROME = ("geo:3169070", "Rome")
ACME = ("org:acme", "Acme Corp")
ROSSI = ("per:ada rossi", "Ada Rossi")


def talks_and_office() -> list[tuple[Article, Analysis]]:
    """Three articles on the Moscow talks (two English, one Italian) and two on an office."""
    items = [
        (
            article(
                "Witkoff meets Putin in Moscow",
                "Steve Witkoff met Vladimir Putin at the Kremlin on the Ukraine peace plan.",
                "2025-12-02",
            ),
            dict(who=[WITKOFF, PUTIN], orgs=[KREMLIN], places=[MOSCOW, UKRAINE]),
        ),
        (
            article(
                "Kremlin: no breakthrough after Witkoff talks",
                "The Kremlin said the talks between Putin and Witkoff brought no breakthrough.",
                "2025-12-03",
                source="Other Wire",
            ),
            dict(who=[WITKOFF, PUTIN], orgs=[KREMLIN], places=[MOSCOW, UKRAINE]),
        ),
        (
            article(
                "Mosca, Witkoff incontra Putin al Cremlino",
                "L'inviato Witkoff ha incontrato Putin a Mosca sul piano di pace per l'Ucraina.",
                "2025-12-03",
                lang="it",
                source="Esempio News",
            ),
            dict(who=[WITKOFF, PUTIN], orgs=[KREMLIN], places=[MOSCOW, UKRAINE]),
        ),
        (
            article(
                "Acme Corp opens an office in Rome",
                "Acme Corp opens an office in Rome; director Ada Rossi hires forty people.",
                "2025-12-02",
            ),
            dict(who=[ROSSI], orgs=[ACME], places=[ROME]),
        ),
        (
            article(
                "Acme's Rome office hires",
                "Ada Rossi, director of the Acme Corp office in Rome, is hiring engineers.",
                "2025-12-04",
            ),
            dict(who=[ROSSI], orgs=[ACME], places=[ROME]),
        ),
    ]
    return [(a, analysis(a, **kw)) for a, kw in items]


def fill(store, pairs) -> list[Article]:
    for item, found in pairs:
        store.add_article(item)
        store.put_analysis(found)
    return [a for a, _ in pairs]
