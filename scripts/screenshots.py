"""Write SVG screenshots of the real reader into screenshots/ (the README shows them).

Usage: python scripts/screenshots.py [OUT_DIR]

Builds a temporary store from the shipped seeds plus two short demo articles, analyses them
with the real pipeline, then drives the real app headless and saves what it paints.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from briefing import paths
from briefing.config import Config
from briefing.models import Article

ROOT = Path(__file__).resolve().parent.parent

# Invented, clearly demo-only texts, so the list shows more than one language and source.
DEMO = [
    Article(
        id="",
        title="Demo: Acme Corp opens an office in Rome",
        body=(
            "Acme Corp opened an office in Rome on Monday. Ada Rossi, the new director, said "
            "the team would grow to 40 people by June. “We came for the talent,” she told "
            "reporters. According to a person familiar with the plans, a second office in "
            "Milan is being considered."
        ),
        published="2025-12-17",
        source="Demo Wire",
        lang="en",
        tags=["demo", "business"],
    ),
    Article(
        id="",
        title="Demo: il Cremlino ribadisce la sua posizione",
        body=(
            "Il portavoce del Cremlino Dmitry Peskov ha ribadito giovedì la posizione di Mosca. "
            "Secondo fonti diplomatiche, un nuovo incontro a Ginevra potrebbe tenersi entro "
            "la fine di gennaio."
        ),
        published="2025-12-16",
        source="Demo Notizie",
        lang="it",
        tags=["demo", "russia"],
        starred=True,
    ),
]


def build_store(home: Path):
    from briefing.analysis import analyse_many
    from briefing.commands.tui import load_seeds
    from briefing.ingest.identity import article_id, content_hash
    from briefing.store import Store

    paths.set_home(home)
    store = Store.open()
    load_seeds(store)
    for demo in DEMO:
        demo.content_hash = content_hash(demo.body or "")
        demo.id = article_id(demo.content_hash)
    store.add_articles(DEMO)
    ids = [a.id for a in store.articles()]
    analyse_many(store, ids)
    return store


Shot = Callable[[object], Awaitable[None]]


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _press(*keys: str) -> Shot:
    async def run(pilot) -> None:
        await _settle(pilot)
        await pilot.press(*keys)
        await _settle(pilot)

    return run


SHOTS: list[tuple[str, tuple[int, int], Shot]] = [
    ("main", (120, 36), _press("enter", "1")),
    ("main-80x24", (80, 24), _press("enter", "1")),
    ("fact-chosen", (120, 36), _press("3", "G", "enter")),
    ("filter", (120, 36), _press("slash", *"tag:demo -lang:it", "enter")),
    ("filter-error", (120, 36), _press("slash", *"(tag:demo")),
    ("entity-index", (120, 36), _press("v")),
    ("help", (120, 36), _press("question_mark")),
]


def take(store, out: Path) -> list[Path]:
    from briefing.tui.app import make_app

    written = []
    for name, size, shot in SHOTS:
        app = make_app(store, Config())

        async def pilot(pilot, shot=shot, name=name) -> None:
            await shot(pilot)
            saved = pilot.app.save_screenshot(filename=f"{name}.svg", path=str(out))
            written.append(Path(saved))
            pilot.app.exit()

        app.run(headless=True, size=size, auto_pilot=pilot)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-shots-") as tmp:
        store = build_store(Path(tmp))
        try:
            for path in take(store, out):
                print(path)
        finally:
            store.close()
            paths.set_home(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
