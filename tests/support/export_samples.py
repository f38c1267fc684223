"""Sample articles, highlights and analyses for the export tests, and Markdown helpers."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing.export import ArticleBundle
from briefing.models import (
    Analysis,
    Article,
    Attribution,
    DateFact,
    Entity,
    Facts,
    Highlight,
    NamedThing,
    Quote,
)

NOW = datetime(2026, 1, 2, 9, 30, tzinfo=UTC)
BODY = (
    "Il governo ha approvato ieri la manovra. «Non aumenteremo le tasse», ha detto "
    "Giorgia Meloni. Secondo fonti di governo il voto arriverà entro Natale."
)


def article(article_id: str = "a1b2c3d4e5f6", **fields) -> Article:
    data = {
        "title": "Il governo approva la manovra",
        "body": BODY,
        "published": "2025-12-18",
        "source": "ANSA",
        "author": "Redazione",
        "url": "https://www.ansa.it/manovra.html",
        "lang": "it",
        "tags": ["politica", "economia"],
    }
    data.update(fields)
    return Article(id=article_id, **data)


def analysis(article_id: str = "a1b2c3d4e5f6") -> Analysis:
    return Analysis(
        article_id=article_id,
        lang="it",
        pipeline="test",
        pipeline_version="1",
        entities=[
            Entity(77, 91, "PER", "Giorgia Meloni"),
            Entity(138, 144, "MISC", "Natale"),
        ],
        facts=Facts(
            people=[NamedThing("Giorgia Meloni", roles=["presidente del Consiglio"])],
            organizations=[NamedThing("Governo italiano")],
            places=[NamedThing("Roma")],
            dates=[DateFact("ieri", "2025-12-17", 23, 27, relative=True)],
            quotes=[Quote("Giorgia Meloni", "Non aumenteremo le tasse", 41, 65)],
            attributions=[Attribution("fonti di governo", None, True, 101, 117)],
        ),
    )


def highlights(article_id: str = "a1b2c3d4e5f6") -> list[Highlight]:
    return [
        Highlight("h2", article_id, 41, 65, "Non aumenteremo le tasse", note="Da verificare"),
        Highlight("h1", article_id, 0, 39, "Il governo ha approvato ieri la manovra.", note=None),
    ]


def bundle(article_id: str = "a1b2c3d4e5f6", **fields) -> ArticleBundle:
    return ArticleBundle(
        article(article_id, **fields), highlights(article_id), analysis(article_id)
    )


class FakeStore:
    """The four reads export makes, over plain dicts (the real Store is tested below too)."""

    def __init__(self, articles: list[Article]):
        self.articles = {a.id: a for a in articles}
        self.marks: dict[str, list[Highlight]] = {a.id: highlights(a.id) for a in articles}
        self.analyses: dict[str, Analysis] = {a.id: analysis(a.id) for a in articles}

    def get(self, article_id: str) -> Article | None:
        found = self.articles.get(article_id)
        return dataclasses.replace(found, body=None) if found else None

    def body(self, article_id: str) -> str:
        return self.articles[article_id].body or ""

    def highlights(self, article_id: str | None = None) -> list[Highlight]:
        return list(self.marks.get(article_id, []))

    def get_analysis(self, article_id: str) -> Analysis | None:
        return self.analyses.get(article_id)


def split_front_matter(text: str) -> tuple[dict, str]:
    """The front matter (parsed with PyYAML) and the Markdown body of an exported note."""
    assert text.startswith("---\n")
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4 : end + 1]), text[end + 5 :]


def parse(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)


def walk(tokens: list[Token]):
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def inline_text(token: Token) -> str:
    """The plain text of an inline token; fails on any markup inside it."""
    parts = []
    for child in token.children or []:
        assert child.type in ("text", "text_special", "softbreak"), child.type
        parts.append("\n" if child.type == "softbreak" else child.content)
    return "".join(parts)


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    """(tag, text) of every heading, in order."""
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((token.tag, inline_text(tokens[i + 1])))
    return found
