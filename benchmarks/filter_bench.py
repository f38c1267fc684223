"""Filter speed: median and p95 ms of typical queries over N synthetic articles (default 10k, 100k).

    python benchmarks/filter_bench.py            # 10,000 then 100,000 articles
    python benchmarks/filter_bench.py 20000      # one size

Builds briefing.query.ArticleIndex straight from synthetic articles (no store, no TUI):
bodies of ~3 KB drawn from a Zipf-distributed vocabulary, summaries with people,
organisations and places, tags, languages and two years of dates. Each timing is one
cold keystroke: parse the query text, then search, with the index's lookup caches dropped.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from collections.abc import Iterator

from briefing.models import Article, ArticleSummary
from briefing.query import ArticleIndex, parse

QUERIES = {
    "free word (rare)": "mosca",
    "free word (common)": "{common}",
    "free word prefix": "mosc",
    "2-letter prefix": "{short}",
    "person:": "person:witkoff",
    "tag: AND date range": "tag:ucraina date:2025-12-01..2025-12-31",
    "OR / NOT": "(lang:it OR lang:en) -is:read NOT tag:sport",
    "body phrase": '"casa bianca"',
    "mixed": 'person:"steve witkoff" "casa bianca" -is:read date:2025',
}
SYLLABLES = "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu và è ò ì".split()
TAGS = "ucraina russia usa economia sport politica cultura esteri europa medio-oriente cina tech".split()
REAL = "Mosca Casa Bianca Cremlino Kiev Roma Washington pace guerra accordo".split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))


def synthetic(
    n: int, seed: int = 7
) -> tuple[list[Article], dict[str, ArticleSummary], list[tuple[str, str]]]:
    """N articles in list order (newest first), their summaries and (id, body) pairs."""
    rng = random.Random(seed)
    vocabulary = list(dict.fromkeys(_word(rng) for _ in range(60_000))) + REAL
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    pool = rng.choices(vocabulary, weights, k=500_000)  # sampled once; bodies are slices
    firsts = [w.title() for w in vocabulary[:400]]
    people = [f"{rng.choice(firsts)} {rng.choice(vocabulary).title()}" for _ in range(3000)] + [
        "Steve Witkoff"
    ]
    orgs = [f"{rng.choice(vocabulary).title()} Group" for _ in range(800)] + ["Casa Bianca"]
    places = [w.title() for w in rng.sample(vocabulary, 1000)] + ["Mosca"]
    articles, summaries, spans = [], {}, []
    for i in range(n):
        start = rng.randrange(len(pool) - 600)
        end = start + rng.randint(380, 520)
        spans.append((start, end, rng.randrange(end - start) if rng.random() < 0.05 else None))
        aid = f"{i:012x}"
        day = 730 - i * 730 // n  # newest first, two years back from 2026-06-01
        published = time.strftime("%Y-%m-%d", time.gmtime(1780272000 - day * 86400))
        articles.append(
            Article(
                id=aid,
                title=" ".join(rng.choices(pool[:50_000], k=rng.randint(5, 12))).capitalize(),
                published=published,
                source=rng.choice(
                    ["ANSA", "Reuters", "Il Post", "Corriere della Sera", "BBC", "Le Monde"]
                ),
                author=rng.choice([None, f"{rng.choice(firsts)} {rng.choice(firsts)}"]),
                lang=rng.choices(["it", "en", "fr", "de"], [5, 4, 1, 1])[0],
                tags=rng.sample(TAGS, rng.randint(0, 3)),
                read=rng.random() < 0.6,
                starred=rng.random() < 0.05,
            )
        )
        named = rng.sample(people, rng.randint(2, 8))
        if rng.random() < 0.02:
            named.append("Steve Witkoff")
        summaries[aid] = ArticleSummary(
            aid,
            people=named,
            organizations=rng.sample(orgs, rng.randint(1, 4)),
            places=rng.sample(places, rng.randint(1, 4)),
            entities=named + rng.sample(vocabulary[:5000], 5),
            speakers=named[:2],
            anonymous=rng.random() < 0.2,
        )
    # A word in about half of the bodies, and a prefix of a great many words: harder cases.
    QUERIES["free word (common)"] = vocabulary[60]
    QUERIES["2-letter prefix"] = vocabulary[0][:2]

    def bodies() -> Iterator[tuple[str, str]]:
        for article, (start, end, phrase_at) in zip(articles, spans, strict=True):
            words = pool[start:end]
            if phrase_at is not None:
                words.insert(phrase_at, "Casa Bianca")
            yield article.id, " ".join(words) + "."

    return articles, summaries, bodies()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    """Resident memory now (Linux), to tell the index's share from the generator's."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def bench(n: int, repeats: int) -> None:
    started = time.perf_counter()
    articles, summaries, bodies = synthetic(n)
    made = time.perf_counter() - started
    before = _rss_mb()
    started = time.perf_counter()
    index = ArticleIndex.from_articles(articles, summaries)
    built = time.perf_counter() - started
    started = time.perf_counter()
    sizes: list[int] = []

    def measured(pairs: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
        for pair in pairs:
            sizes.append(len(pair[1]))
            yield pair

    index.add_bodies(measured(bodies))
    bodied = time.perf_counter() - started
    body_kb = sum(sizes) / len(sizes) / 1024
    print(f"\n{n:,} articles (bodies {body_kb:.1f} KB on average; metadata made in {made:.1f} s)")
    print(
        f"  index metadata + summaries: {built * 1000:.0f} ms; add bodies: {bodied:.1f} s; "
        f"the index holds about {_rss_mb() - before:.0f} MB; peak RSS so far {_peak_mb():.0f} MB"
    )
    print(f"  {'query':22} {'median ms':>10} {'p95 ms':>8} {'min ms':>8} {'hits':>8}  text")
    for name, text in QUERIES.items():
        times = []
        for _ in range(repeats):
            index.drop_caches()
            t0 = time.perf_counter()
            hits = index.search(parse(text))
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        median = statistics.median(times)
        print(f"  {name:22} {median:10.1f} {p95:8.1f} {times[0]:8.1f} {len(hits):8}  {text}")
    t0 = time.perf_counter()
    index.search(parse(QUERIES["free word (common)"]))
    print(f"  (the same free-word query again, cached: {(time.perf_counter() - t0) * 1000:.1f} ms)")


def main(argv: list[str]) -> int:
    sizes = [int(a.replace(",", "").replace("_", "")) for a in argv] or [10_000, 100_000]
    for n in sizes:
        bench(n, repeats=30 if n <= 20_000 else 11)
    print(f"\npeak RSS {_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
