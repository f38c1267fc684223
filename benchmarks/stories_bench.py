"""Stories, measured: grouping precision/recall on a labelled set, near-duplicates on reposted
copies, and grouping time at 10,000 articles.

Usage: python benchmarks/stories_bench.py [--no-timing] [--fresh] [--store] [--errors]
       [--unit documents|sections|both] [--before REF]

- benchmarks/data/stories_gold.jsonl labels texts read at run time from ../shared (KIND
  Wikinews dev and train and CoNLL++ dev by id, corpus files by path) and the project's seed:
  each one a story label, or null for a distractor (a story of its own); each text dated as
  the product dates it at import (`import_text`: a date line or a dateline); rows marked
  "set": "reports" (separate reports of one event and their distractors) are measured apart;
  rows naming a "document" are sections of one Wikinews article, joined into one article
  (--unit documents) or read one by one as the dev set cut them (sections). Texts are analysed with the
  installed pipelines (cached in the temp folder between runs; --fresh analyses again), then
  grouped from scratch (regroup) and one at a time in publication order (Grouper.assign, as a
  store grows). Pairwise precision/recall: over every pair of articles, the pairs put in one
  story that the labels put in one story.
- Near-duplicates: every labelled text gets a reposted copy (a masthead line added, the title
  changed, its last sentence cut, another line appended), plus the 4 corpus reposts and their
  sources; precision/recall over copy pairs, against every other pair.
- Time at 10,000: the labelled articles' features cloned into 10,000 (names and words renamed
  per clone family but one key in ten, so keys keep realistic rarity; dates spread over a
  year, 6 days a family): a full regroup,
  then 9,900 placed and 100 assigned one by one (median and worst ms per article). --store
  also builds a synthetic 10,000 store (synth.build) and times grouping through it: the first
  grouping, new articles joined right after analysis (fresh process, then warm), a listing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import types
from collections import Counter
from itertools import combinations
from pathlib import Path

from briefing.models import Analysis, Article, ArticleSummary
from briefing.stories import grouping as grouping_module
from briefing.stories import near_dups
from briefing.stories.features import ArticleFeatures, features_of
from briefing.stories.grouping import Grouper, in_order, regroup

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "data" / "stories_gold.jsonl"
SHARED_CANDIDATES = [ROOT.parent / "shared", ROOT.parent.parent / "shared", Path("/work/shared")]
CACHE = Path(tempfile.gettempdir()) / "briefing-stories-bench.json"
REPORTS: set[str] = set()


def _shared() -> Path:
    found = next((p for p in SHARED_CANDIDATES if (p / "eval").is_dir()), None)
    if found is None:
        sys.exit("stories_bench: ../shared not found (the labelled texts live there)")
    return found


def _dev_row(shared: Path, file: str, wanted: str, cache: dict) -> dict:
    if file not in cache:
        with open(shared / file, encoding="utf-8") as fh:
            cache[file] = {r["id"]: r for r in map(json.loads, fh)}
    return cache[file][wanted]


def _import(path: Path) -> Article:
    from briefing.ingest.registry import import_file

    result = import_file(path)[0]
    if not isinstance(result, Article):
        raise SystemExit(f"stories_bench: cannot import {path}: {result}")
    return result


def _imported_date(text: str) -> str | None:
    """The publication date the product gives this text when it is imported as a file: the
    importer's own reading (date line, dateline), never a date written into the labels."""
    from briefing.ingest.registry import import_text

    result = import_text(text, kind="text")[0]
    return result.published if isinstance(result, Article) else None


def load_articles(unit: str = "documents") -> list[tuple[Article, str]]:
    """(article, story label) for every labelled text; a distractor's label is its own id.
    `REPORTS` gets the ids of the rows marked `"set": "reports"` (separate reports of one
    event, with their distractors), measured apart from the rest. Rows naming a `document`
    are consecutive sections of one Wikinews article, cut apart by the dev set's segmentation:
    as `"documents"` (the unit a reader meets) they are read as one article, their texts
    joined in id order; as `"sections"` each is an article of its own (the old unit)."""
    shared = _shared()
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    dev_cache: dict = {}
    sections: dict[str, list[dict]] = {}
    for row in rows:
        if unit == "documents" and row.get("document"):
            sections.setdefault(row["document"], []).append(row)
    found = []
    for row in rows:
        file = row["file"]
        if row.get("document") in sections:
            if row["id"] != row["document"]:
                continue  # read with its document's first section
            parts = sorted(sections[row["document"]], key=lambda r: r["id"])
            text = "\n".join(_dev_row(shared, file, r["id"], dev_cache)["text"] for r in parts)
            article = _dev_article(text, "it")
        elif file.startswith("project:"):
            article = _import(ROOT / file.split(":", 1)[1])
        elif file.startswith(("eval/", "training/")):
            dev = _dev_row(shared, file, row["id"], dev_cache)
            article = _dev_article(dev["text"], dev["lang"])
        else:
            article = _import(shared / file)
        article.id = hashlib.sha256((article.title + (article.body or "")).encode()).hexdigest()[
            :12
        ]
        label = row["story"] or "alone:" + article.id
        found.append((article, label))
        if row.get("set") == "reports":
            REPORTS.add(article.id)
    return found


def _dev_article(text: str, lang: str) -> Article:
    title, _, body = text.partition("\n")
    source = "Reuters" if lang == "en" else "Wikinotizie"
    return Article(
        id="", title=title, body=body, lang=lang, source=source, published=_imported_date(text)
    )


def analyse(articles: list[Article], fresh: bool) -> dict[str, Analysis]:
    from briefing.analysis import TextItem, analyse_texts

    cache = {} if fresh or not CACHE.exists() else json.loads(CACHE.read_text(encoding="utf-8"))
    wanted = [a for a in articles if _cache_key(a) not in cache]
    if wanted:
        started = time.perf_counter()
        items = [TextItem(a.body or "", a.lang, a.published, a.id) for a in wanted]
        keys = {a.id: _cache_key(a) for a in wanted}
        for result in analyse_texts(items):
            cache[keys[result.article_id]] = result.to_dict()
        print(f"analysed {len(wanted)} texts in {time.perf_counter() - started:.0f} s")
        CACHE.write_text(json.dumps(cache), encoding="utf-8")
    return {a.id: Analysis.from_dict(cache[_cache_key(a)]) for a in articles}


def _cache_key(article: Article) -> str:
    # the analysis resolves dates against the publication day: a new day, a new analysis
    return f"{article.id}@{article.published}"


def pairwise(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int]:
    """Precision and recall over article pairs put together; (p, r, predicted, gold pairs)."""
    ids = sorted(gold)
    true_pairs = {(a, b) for a, b in combinations(ids, 2) if gold[a] == gold[b]}
    predicted = {(a, b) for a, b in combinations(ids, 2) if found[a] == found[b]}
    hit = len(true_pairs & predicted)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    return precision, recall, len(predicted), len(true_pairs)


def grouping(
    pairs: list[tuple[Article, str]], analyses: dict[str, Analysis]
) -> list[ArticleFeatures]:
    gold = {a.id: label for a, label in pairs}
    features = [
        features_of(a, ArticleSummary.from_analysis(analyses[a.id]), a.body) for a, _ in pairs
    ]
    sizes = Counter(gold.values())
    grouped = sum(n for n in sizes.values() if n > 1)
    langs = sorted({a.lang for a, _ in pairs if a.lang})
    print(
        f"labelled set: {len(gold)} articles ({', '.join(langs)}), {grouped} in "
        f"{sum(1 for n in sizes.values() if n > 1)} stories of two or more, "
        f"{len(gold) - grouped} alone (distractors, stories told by one article)"
    )
    for lang in langs:
        of_lang = [f for f in features if f.lang == lang]
        dated = sum(1 for f in of_lang if f.day is not None)
        print(f"  {lang}: {dated} of {len(of_lang)} dated as the product dates them at import")
    full = regroup(features).story_of
    p, r, n, t = pairwise(full, gold)
    print(
        f"full regroup:        precision {p:.3f}  recall {r:.3f}  ({n} pairs found, {t} labelled)"
    )
    by_day = {f.id: f.day for f in features}
    wrong = [
        (a, b) for a, b in combinations(sorted(gold), 2)
        if full[a] == full[b] and gold[a] != gold[b]
    ]  # fmt: skip
    undated = sum(1 for a, b in wrong if by_day[a] is None and by_day[b] is None)
    print(f"  wrongly joined pairs: {len(wrong)}, of them {undated} between two undated articles")
    one_by_one = Grouper()
    for f in in_order(features):
        one_by_one.assign(f)
    p, r, n, t = pairwise(one_by_one.story_of, gold)
    print(
        f"incremental assign:  precision {p:.3f}  recall {r:.3f}  ({n} pairs found, {t} labelled)"
    )
    for lang in sorted({a.lang for a, _ in pairs if a.lang}):
        mine = {a.id: label for a, label in pairs if a.lang == lang}
        p, r, n, t = pairwise({i: full[i] for i in mine}, mine)
        print(f"  {lang} articles only: precision {p:.3f}  recall {r:.3f}  ({t} labelled pairs)")
    mine = {a.id: label for a, label in pairs if a.id in REPORTS}
    if mine:
        p, r, n, t = pairwise({i: full[i] for i in mine}, mine)
        print(
            f"  separate reports of one event (it, {len(mine)} articles): precision {p:.3f}  "
            f"recall {r:.3f}  ({t} labelled pairs)"
        )
    cross = [
        (a.id, b.id) for (a, la), (b, lb) in combinations(pairs, 2)
        if la == lb and a.lang != b.lang
    ]  # fmt: skip
    joined = sum(1 for a, b in cross if full[a] == full[b])
    print(f"cross-language pairs joined: {joined} of {len(cross)}")
    by_id = {f.id: f for f in features}
    for half in ("dev", "held-out"):
        mine = [(a, label) for a, label in pairs if half_of(label) == half]
        found = regroup([by_id[a.id] for a, _ in mine]).story_of
        gold_half = {a.id: label for a, label in mine}
        p, r, _, t = pairwise(found, gold_half)
        line = (
            f"{half} half alone ({len(mine)} articles, {t} pairs): precision {p:.3f} recall {r:.3f}"
        )
        for lang in langs:
            of_lang = {a.id: label for a, label in mine if a.lang == lang}
            p, r, _, _ = pairwise({i: found[i] for i in of_lang}, of_lang)
            line += f"; {lang} {p:.3f}/{r:.3f}"
        of_set = {a.id: label for a, label in mine if a.id in REPORTS}
        p, r, _, _ = pairwise({i: found[i] for i in of_set}, of_set)
        print(line + f"; separate reports {p:.3f}/{r:.3f}")
    return features


def side_by_side(
    pairs: list[tuple[Article, str]], features: list[ArticleFeatures], ref: str
) -> None:
    """Pairwise precision / recall of the grouping committed at `ref` and of this checkout's,
    on the same features in one run: whole set, each half grouped alone, each language."""
    before = _grouping_at(ref)
    by_id = {f.id: f for f in features}
    gold = {a.id: label for a, label in pairs}
    parts = [("whole set", [a.id for a, _ in pairs])]
    parts += [
        (f"{half} half alone", [a.id for a, label in pairs if half_of(label) == half])
        for half in ("dev", "held-out")
    ]
    langs = sorted({a.lang for a, _ in pairs if a.lang})
    print(f"side by side: {ref} | this checkout (pairwise precision / recall)")
    for name, ids in parts:
        found = [m.regroup([by_id[i] for i in ids]).story_of for m in (before, grouping_module)]
        for lang, mine in [("", ids)] + [
            (lang, [i for i in ids if by_id[i].lang == lang]) for lang in langs
        ]:
            half_gold = {i: gold[i] for i in mine}
            cells = []
            for story_of in found:
                p, r, _, t = pairwise({i: story_of[i] for i in mine}, half_gold)
                cells.append(f"{p:.3f} / {r:.3f}")
            label = f"{name}, {lang} articles only" if lang else name
            print(f"  {label:<40} {cells[0]}  |  {cells[1]}  ({t} labelled pairs)")


def _grouping_at(ref: str) -> types.ModuleType:
    """briefing/stories/grouping.py as committed at `ref`, loaded beside this checkout's."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{ref}:briefing/stories/grouping.py"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    module = types.ModuleType(f"grouping_at_{ref}")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, f"{ref}:briefing/stories/grouping.py", "exec"), module.__dict__)
    return module


def dev_errors(pairs: list[tuple[Article, str]], features: list[ArticleFeatures]) -> None:
    """The dev half's wrongly joined and wrongly parted pairs, with their likeness: what
    grouping is changed by (the held-out half is never looked at this way)."""
    mine = [(a, label) for a, label in pairs if half_of(label) == "dev"]
    by_id = {f.id: f for f in features}
    grouper = regroup([by_id[a.id] for a, _ in mine])
    title = {a.id: f"{a.lang} {a.title[:60]}" for a, _ in mine}
    gold = {a.id: label for a, label in mine}
    for (a, _), (b, _) in combinations(mine, 2):
        joined = grouper.story_of[a.id] == grouper.story_of[b.id]
        if joined == (gold[a.id] == gold[b.id]):
            continue
        first, second = sorted((a.id, b.id), key=lambda i: (by_id[i].day or 0, i))
        shared = sorted(by_id[first].identities & by_id[second].identities)
        print(
            f"{'joined' if joined else 'parted'}  {title[first]}  |  {title[second]}\n"
            f"        shared names {shared[:6]}, words {len(by_id[first].words & by_id[second].words)}"
        )


def half_of(label: str) -> str:
    """The labelled set split by story (a distractor by its id), so parameters are chosen on
    the dev half and judged on the held-out half, whose stories they never saw."""
    return ("dev", "held-out")[int(hashlib.sha256(label.encode()).hexdigest()[:8], 16) % 2]


def _repost(article: Article, rng: random.Random) -> tuple[str, str]:
    body = article.body or ""
    sentences = re.split(r"(?<=[.!?])\s+", body.strip())
    if len(sentences) > 3:
        sentences = sentences[:-1]  # the copy cuts the last sentence
    masthead = rng.choice(["BREAKING:", "Ultim'ora -", "(AGI) -", "Reuters -", "ANSA -"])
    text = (
        f"{masthead} " + " ".join(sentences) + "\nFollow us for more news. Riproduzione riservata."
    )
    return "Copy: " + article.title, text


def near_duplicate_check(pairs: list[tuple[Article, str]]) -> None:
    rng = random.Random(20251218)
    texts, copies = {}, set()
    for article, _ in pairs:
        if len((article.body or "").split()) < 40:
            continue  # a table row or a stub: too short to call anything a copy of it
        texts[article.id] = article.body or ""
        _, copy = _repost(article, rng)
        texts["copy:" + article.id] = copy
        copies.add(tuple(sorted((article.id, "copy:" + article.id))))
    started = time.perf_counter()
    groups = near_dups.near_duplicates(texts)
    elapsed = time.perf_counter() - started
    found = {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}
    hit = len(found & copies)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(copies) if copies else 1.0
    print(
        f"near-duplicates: {len(texts)} texts ({len(copies)} reposted copies): precision "
        f"{precision:.3f}  recall {recall:.3f}  in {elapsed * 1000:.0f} ms"
    )


def _clone(f: ArticleFeatures, family: int, rng: random.Random) -> ArticleFeatures:
    def rename(keys: frozenset[str]) -> frozenset[str]:
        # 90% of keys belong to the clone's family; the rest stay shared by every clone, as
        # "Russia" or "governo" are shared by unrelated stories; sorted, so every process
        # makes the same clones (a set's order follows the string hash seed)
        return frozenset(k if rng.random() < 0.1 else f"{k}~{family}" for k in sorted(keys))

    day = None if f.day is None else f.day + family * 6 + rng.randint(0, 2)
    clone_id = hashlib.sha256(f"{f.id}-{family}".encode()).hexdigest()[:12]
    # the ages' people are the family's own, as its names are; the title's countries stay
    ages = frozenset((f"{person}~{family}", age) for person, age in f.ages)
    return ArticleFeatures(
        clone_id,
        day,
        rename(f.identities),
        rename(f.words),
        f.lang,
        f.source,
        f.years,
        f.title_countries,
        ages,
    )


def timing(features: list[ArticleFeatures], total: int = 10_000) -> None:
    rng = random.Random(7)
    scaled = []
    family = 0
    while len(scaled) < total:
        scaled += [_clone(f, family, rng) for f in features]
        family += 1
    scaled = scaled[:total]
    started = time.perf_counter()
    full = regroup(scaled)
    regroup_s = time.perf_counter() - started
    print(
        f"full regroup of {total:,}: {regroup_s:.2f} s (target <= 60 s), "
        f"{len(full.members):,} stories"
    )
    ordered = in_order(scaled)
    kept, new = ordered[:-100], ordered[-100:]
    started = time.perf_counter()
    keeper = Grouper()
    for f in kept:
        keeper.place(f, full.story_of[f.id])
    place_s = time.perf_counter() - started
    times = []
    for f in new:
        started = time.perf_counter()
        keeper.assign(f)
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"at {len(kept):,} grouped: loading them {place_s:.2f} s; assigning one new article "
        f"median {statistics.median(times):.2f} ms, worst {max(times):.2f} ms (100 articles)"
    )


def store_timing(total: int = 10_000) -> None:
    """Through a real store (synth.build: bodies in the pack, analyses cached): the first
    grouping of every article, then new articles grouped right after their analysis
    (`keeping.join_stories`, as the backlog does) in a fresh process: the first one loads the
    groups and features, the next ones reuse them."""
    import shutil

    from briefing.store import Store
    from briefing.stories import keeping

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    folder = Path(tempfile.mkdtemp(prefix="stories-bench-"))

    def opened() -> Store:
        return Store.open(folder / "store", backups_dir=folder / "backups", auto_backup=False)

    def analysed_extra(store: Store, seed: int) -> str:
        extra = next(synth.articles(1, seed=seed))
        extra.id = store.add_articles([extra])[0].article_id
        store.put_analyses([synth.synthetic_analysis(extra)])
        return extra.id

    try:
        synth.build(folder / "store", total)
        with opened() as store:
            started = time.perf_counter()
            keeping.update(store)
            first_s = time.perf_counter() - started
            stories = len(store.story_groups())
        with opened() as store:  # a fresh process: nothing in memory
            new_id = analysed_extra(store, 99)
            started = time.perf_counter()
            keeper = keeping.join_stories(store, [new_id])
            fresh_s = time.perf_counter() - started
            times = []
            for seed in range(100, 120):
                new_id = analysed_extra(store, seed)
                started = time.perf_counter()
                keeper = keeping.join_stories(store, [new_id], keeper)
                times.append((time.perf_counter() - started) * 1000)
            joined = sum(1 for ids in store.story_groups().values() for _ in ids)
        with opened() as store:  # the listing path: `briefing stories` after an import
            analysed_extra(store, 200)
            started = time.perf_counter()
            placed = keeping.update(store)
            listing_s = time.perf_counter() - started
        print(
            f"store of {total:,}: first grouping (bodies read, features kept, regroup, written) "
            f"{first_s:.1f} s, {stories:,} stories; one new article in a fresh process "
            f"{fresh_s:.2f} s (groups and kept features loaded, then the assign); the next ones "
            f"median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms (20, written "
            f"each); `keeping.update` after one more {listing_s:.2f} s (placed {len(placed)}; "
            f"{joined:,} articles grouped)"
        )
        with opened() as store:
            last_id = analysed_extra(store, 201)
        timed = {}
        for kept in (True, False):
            with Store.open(folder / "store", readonly=True) as store:  # nothing written
                if not kept:  # as before features were kept: every grouped body read again
                    store.story_features = dict  # type: ignore[method-assign]
                started = time.perf_counter()
                store.story_groups()  # the lazy snapshot, read by any command that needs it
                timed[kept, "snapshot"] = time.perf_counter() - started
                started = time.perf_counter()
                keeping.Keeper(store).assign(keeping.all_features(store, [last_id]))
                timed[kept] = time.perf_counter() - started
        print(
            f"  one new article in a fresh process, side by side (after the lazy snapshot: "
            f"{timed[True, 'snapshot']:.2f} s / {timed[False, 'snapshot']:.2f} s): features kept "
            f"{timed[True]:.2f} s, made from the bodies (as before) {timed[False]:.2f} s "
            f"({timed[False] / timed[True]:.1f}x)"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--no-timing", action="store_true", help="skip the 10,000 timing")
    parser.add_argument("--fresh", action="store_true", help="analyse the texts again")
    parser.add_argument(
        "--errors", action="store_true", help="print the dev half's wrongly joined/parted pairs"
    )
    parser.add_argument(
        "--store", action="store_true", help="also time grouping through a real 10,000 store"
    )
    parser.add_argument(
        "--before", metavar="REF", help="also group with grouping.py as committed at REF"
    )
    parser.add_argument(
        "--unit",
        choices=("documents", "sections", "both"),
        default="both",
        help="sections of one Wikinews article read as one article (documents), as the dev "
        "set cut them (sections), or both, one after the other (default)",
    )
    args = parser.parse_args(argv)
    units = ("documents", "sections") if args.unit == "both" else (args.unit,)
    for unit in reversed(units):  # the first unit's articles are the ones timed below
        REPORTS.clear()
        pairs = load_articles(unit)
        fresh = args.fresh and unit == units[-1]  # the texts both units share: analysed once
        analyses = analyse([a for a, _ in pairs], fresh)
        print(f"--- as {unit} ---")
        features = grouping(pairs, analyses)
        if args.before:
            side_by_side(pairs, features, args.before)
        if args.errors:
            dev_errors(pairs, features)
    if args.errors:
        return 0
    near_duplicate_check(pairs)
    if not args.no_timing:
        timing(features)
    if args.store:
        store_timing()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
