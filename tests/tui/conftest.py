"""A deterministic sample store (the seed article plus synthetic ones) and fake services."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from briefing import backlog
from briefing.config import Config
from briefing.models import Article
from briefing.tui.app import make_app
from briefing.tui.services import Services
from tests.tui.fakes import MemoryStore, analyse, analyse_many

SEED = next((Path(__file__).resolve().parents[2] / "seeds").glob("000_*.txt"))

ENGLISH = (
    "Acme Corp opens an office in Rome.\n"
    "Ada Rossi, the new director, said the team would grow to 40 people. "
    "“We came for the talent,” she told reporters.\n"
    "The Nato summit was not mentioned."
)
SHORT_IT = "Il Cremlino ha ribadito la sua posizione. A Mosca nessun commento ufficiale."


def sample_articles() -> list[Article]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    seed_body = "\n".join(line for line in lines[2:] if line.strip())
    return [
        Article(
            id="178aed9a09ce",
            title="Miami, nuovo round di colloqui tra Stati Uniti e Russia",
            body=seed_body,
            published="2025-12-18",
            source="Esempio News",
            author="Redazione",
            lang="it",
            tags=["ucraina"],
        ),
        Article(
            id="a1b2c3d4e5f6",
            title="Acme Corp opens an office in Rome",
            body=ENGLISH,
            published="2025-12-17",
            source="Example Wire",
            lang="en",
            read=True,
            starred=True,
        ),
        Article(
            id="0f0e0d0c0b0a",
            title="Il Cremlino ribadisce la sua posizione",
            body=SHORT_IT,
            published="2025-12-16",
            source="Esempio News",
            lang="it",
            tags=["russia", "ucraina"],
        ),
    ]


def make_store(articles: list[Article] | None = None, *, analysed: bool = True) -> MemoryStore:
    store = MemoryStore()
    for article in articles or sample_articles():
        store.add_article(article)
    if analysed:
        for article_id in list(store._articles):
            analyse(store, article_id)
    store.writes.clear()
    return store


def _analyse_missing(store, progress, on_batch) -> list[str]:
    def fake_many(store, ids, progress):
        analyse_many(store, ids, False, progress)

    return backlog.analyse_missing(store, progress, on_batch=on_batch, analyse=fake_many)


def fake_services(**overrides) -> Services:
    fakes = {"analyse": analyse, "analyse_many": analyse_many, "analyse_missing": _analyse_missing}
    return Services(**{**fakes, **overrides})


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests in a fresh event loop (no async plugin needed for pilot tests)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def store() -> MemoryStore:
    return make_store()


@pytest.fixture
def app(store):
    return make_app(store, Config(), services=fake_services())
