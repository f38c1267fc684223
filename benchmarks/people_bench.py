"""People across articles at 10,000 articles: what the join costs filters and writes.

Usage: python benchmarks/people_bench.py [N] [--keys K]

- A synthetic store of N articles (benchmarks/synth.py, analyses linked), its search index
  opened as the reader opens it: the people joins built from the index's identity keys (once
  per open), one analysis stored before and while they are kept, and person: queries timed
  with the name lookup alone (what filters did before) and with the cross-article join added,
  side by side (median of 21 cold runs each, lookup caches dropped).
- PeopleJoins alone on K generated person keys (default 50,000: surnames shared by several
  people, middle initials, initials for first names, surnames alone): build, and one article's
  update, as the reader pays them after each analysed article.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from briefing.entities.joins import PeopleJoins  # noqa: E402
from briefing.query import parse  # noqa: E402
from briefing.query.nodes import Field  # noqa: E402
from briefing.store import Store  # noqa: E402

QUERIES = ['person:"Steve Witkoff"', "person:witkoff", 'person:"Vladimir Putin"', "person:anna"]
RUNS = 21


def _timed(function, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def store_figures(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        start = time.perf_counter()
        synth.build(folder, n)
        print(f"store of {n:,} synthetic articles built in {time.perf_counter() - start:.0f} s")
        with Store.open(folder, backups_dir=Path(tmp) / "backups", auto_backup=False) as store:
            index = store.search_index()
            assert index is not None
            articles = store.articles()

            def put(article) -> float:
                analysis = synth.synthetic_analysis(article)
                start = time.perf_counter()
                store.put_analysis(analysis)
                return (time.perf_counter() - start) * 1000

            put(articles[0])  # the first write opens the packs: not a figure
            plain = statistics.median(put(a) for a in articles[1:12])
            start = time.perf_counter()
            joins = index.people_joins()
            built = (time.perf_counter() - start) * 1000
            kept = statistics.median(put(a) for a in articles[12:23])
            print(
                f"  people joins from the index's identity keys ({len(joins._counts)} person keys):"
                f" {built:.1f} ms, once per open (warm() does it after first paint)"
            )
            print(
                f"  one analysis stored (fsynced), median of 11: {plain:.1f} ms before the joins"
                f" are built, {kept:.1f} ms while they are kept ({kept / plain:.2f}x)"
            )
            print(f"  {'query':28} {'names only':>11} {'with join':>11}  ratio  found")
            for text in QUERIES:
                node = parse(text).root
                assert isinstance(node, Field)

                def names_only(node=node):
                    index._cache = {}  # cold: as after a write
                    return index.field_slots(node.name, node.value)

                def with_join(node=node):
                    index._cache = {}
                    return node.evaluate(index)

                old, new = _timed(names_only), _timed(with_join)
                found = len(index.search(parse(text)))
                print(f"  {text:28} {old:9.2f}ms {new:9.2f}ms  {new / old:5.2f}  {found}")


def _name(rng: random.Random, surnames: list[str], firsts: list[str]) -> str:
    surname = rng.choice(surnames)
    shape = rng.random()
    if shape < 0.3:
        return surname
    first = rng.choice(firsts)
    if shape < 0.4:
        return f"{first[0]}. {surname}"
    if shape < 0.55:
        return f"{first} {rng.choice('ABCDEHJKLMRW')}. {surname}"
    return f"{first} {surname}"


def keys_figures(k: int) -> None:
    from briefing.entities.names import person_key, person_words

    rng = random.Random(7)
    syllables = "ba be bi bo ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro".split()

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    surnames = [word() for _ in range(k // 4)]
    firsts = [word() for _ in range(400)]
    keys = [person_key(person_words(_name(rng, surnames, firsts))) for _ in range(k)]
    start = time.perf_counter()
    joins = PeopleJoins(keys)
    built = (time.perf_counter() - start) * 1000
    article = keys[:12]
    update = _timed(lambda: (joins.update(added=article), joins.update(removed=article)))
    joined = sum(1 for key in set(keys) if joins.resolve(key) != key)
    print(
        f"PeopleJoins on {k:,} keys ({len(set(keys)):,} distinct, {joined:,} joined): "
        f"build {built:.0f} ms; one article of 12 people added and removed {update:.2f} ms"
    )


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv and argv[0].isdigit() else 10_000
    k = int(argv[argv.index("--keys") + 1]) if "--keys" in argv else 50_000
    keys_figures(k)
    store_figures(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
