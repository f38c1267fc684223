"""Export benchmark: N synthetic articles with highlights and analyses, exported to Markdown.

Usage: python benchmarks/export_bench.py [N]   (default 1000; a temporary folder, removed after)

Prints the time to write one note per article (first export, then a re-export that merges
every note's kept section), one briefing file holding all N, and render time per article.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from briefing.export import ArticleBundle, ExportOptions, export, render_article
from briefing.models import (
    Analysis,
    Article,
    Attribution,
    DateFact,
    Facts,
    Highlight,
    NamedThing,
    Quote,
)

WORDS = (
    "governo ministro parlamento legge riforma economia mercato banca europea italiana "
    "the government minister said on tuesday that talks would continue next week"
).split()
PEOPLE = ["Giorgia Meloni", "Sergio Mattarella", "Ursula von der Leyen", "Mario Draghi"]


class MemoryStore:
    """The four reads export makes, from dicts (the store has its own benchmark)."""

    def __init__(self, bundles: list[ArticleBundle]):
        self.bundles = {b.article.id: b for b in bundles}

    def get(self, article_id: str) -> Article | None:
        return self.bundles[article_id].article

    def body(self, article_id: str) -> str:
        return self.bundles[article_id].article.body or ""

    def highlights(self, article_id: str | None = None) -> list[Highlight]:
        return self.bundles[article_id].highlights

    def get_analysis(self, article_id: str) -> Analysis | None:
        return self.bundles[article_id].analysis


def make_bundle(i: int, rng: random.Random) -> ArticleBundle:
    body = " ".join(rng.choice(WORDS) for _ in range(600))
    article_id = f"{i:012x}"
    article = Article(
        id=article_id,
        title=" ".join(rng.choice(WORDS) for _ in range(8)).capitalize(),
        body=body,
        published=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        source=rng.choice(["ANSA", "Il Post", "Reuters"]),
        author="Redazione",
        url=f"https://example.org/{i}",
        lang="it",
        tags=rng.sample(["politica", "economia", "esteri", "energia"], 2),
    )
    people = rng.sample(PEOPLE, 2)
    facts = Facts(
        people=[NamedThing(p, roles=["ministro"]) for p in people],
        quotes=[Quote(people[0], body[:80], 0, 80)],
        attributions=[Attribution("fonti vicine al dossier", None, True, 90, 113)],
        dates=[DateFact("martedì", "2025-12-16", 120, 127, relative=True)],
    )
    marks = [
        Highlight(
            f"h{i}-{k}", article_id, k * 100, k * 100 + 60, body[k * 100 : k * 100 + 60], "nota"
        )
        for k in range(3)
    ]
    return ArticleBundle(article, marks, Analysis(article_id, "it", "bench", "1", facts=facts))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(7)
    bundles = [make_bundle(i, rng) for i in range(n)]
    store = MemoryStore(bundles)
    ids = list(store.bundles)
    options = ExportOptions()

    start = time.perf_counter()
    for bundle in bundles[:200]:
        render_article(bundle, options)
    per_render = (time.perf_counter() - start) / min(n, 200)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "notes"
        start = time.perf_counter()
        export(store, ids, out, one_file=False, options=options)
        first = time.perf_counter() - start
        for path in out.iterdir():  # every note gets a user's section to keep
            path.write_text(
                path.read_text().replace(
                    "<!-- briefing:keep -->\n", "<!-- briefing:keep -->\nmine\n"
                )
            )
        start = time.perf_counter()
        export(store, ids, out, one_file=False, options=options)
        again = time.perf_counter() - start
        start = time.perf_counter()
        (briefing,) = export(store, ids, Path(tmp), one_file=True, query="bench", options=options)
        one_file = time.perf_counter() - start
        size = briefing.stat().st_size

    print(f"articles: {n}")
    print(f"render one article: {per_render * 1000:.2f} ms")
    print(f"per-article export, first: {first:.2f} s ({first / n * 1000:.2f} ms/article)")
    print(
        f"per-article re-export keeping sections: {again:.2f} s ({again / n * 1000:.2f} ms/article)"
    )
    print(f"one briefing file of {n}: {one_file:.2f} s, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
