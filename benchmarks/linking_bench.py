"""Identity linking, measured: precision and recall on a hand-made gold list, how many surface
forms become how many identities on real texts, and what linking adds to analysis time.

Usage: python benchmarks/linking_bench.py [--no-timing] [--gold PATH]

- benchmarks/data/identity_gold.jsonl: pairs of mentions that must link (it/en names, spellings,
  transliterations, a surname and its full name) or must not (namesakes, relatives, people
  named like places), each with the article context it is linked in. Forms come from KIND
  Wikinews dev, CoNLL++ dev, the corpus and the seed, and (issue 16's third round: acronyms,
  other-language institutions, titles, transliterations) the NER training texts; `from` says
  which. A pair in one article is linked in one call (with `text`, the sentence that defines
  a short form in brackets); a pair across two articles is linked apart, then the store's
  joins (a surname, an acronym alone) are applied to the two (a store of those two articles).
- benchmarks/data/identity_heldout.jsonl: a second list in the same form, written before the
  fixes of issue 16's second round and never tuned against (`--gold` it to score it alone).
- Surface forms -> identities: the gold PER/ORG/LOC annotations of KIND dev and CoNLL++ dev
  (../shared, read only; skipped when absent), each document linked as an article.
- Time: the corpus and seed articles (../shared/corpus, skipped when absent) analysed with
  facts, then linked again alone: linking's share of the analysis time (target <= 10%).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from briefing.entities.acronyms import defined_in
from briefing.entities.joins import join_people
from briefing.entities.linking import link_analysis, link_mentions
from briefing.entities.names import alias_key
from briefing.entities.registry import registry
from briefing.models import Entity

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "data" / "identity_gold.jsonl"
SHARED_CANDIDATES = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
DEV_SETS = ["eval/ner-dev/it_kind_wn_dev.jsonl", "eval/ner-dev/en_conllpp_dev.jsonl"]


def _shared() -> Path | None:
    return next((p for p in SHARED_CANDIDATES if (p / "eval").is_dir()), None)


def _mention(pair: list[str]) -> tuple[str, str]:
    return pair[0], pair[1]


def _defined(row: dict) -> dict[str, int]:
    """The short forms the row's text defines in brackets after the pair's first mention
    (`text`: the sentence both are written in)."""
    text = row.get("text")
    if not text:
        return {}
    entities = []
    for written, label in (row["a"], row["b"]):
        start = text.find(written, entities[-1].end if entities else 0)
        if start < 0:
            return {}
        entities.append(Entity(start, start + len(written), label, written))
    return defined_in(entities, text)


def predicted_link(row: dict) -> bool:
    a, b = _mention(row["a"]), _mention(row["b"])
    context_a = [_mention(c) for c in row.get("context_a", [])]
    context_b = [_mention(c) for c in row.get("context_b", [])]
    if row["same_article"]:
        links = link_mentions([a, b, *context_a], defined=_defined(row))
        return links[0] is not None and links[0].id == links[1].id
    first = link_mentions([a, *context_a])
    second = link_mentions([b, *context_b])
    if first[0] is None or second[0] is None:
        return False
    keys = [link.id for link in [*first, *second] if link]
    joined = join_people(keys)
    return joined.get(first[0].id, first[0].id) == joined.get(second[0].id, second[0].id)


def gold_figures(gold: Path = GOLD) -> None:
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    tp = fp = fn = tn = 0
    misses = []
    for row in rows:
        guess = predicted_link(row)
        if row["link"] and guess:
            tp += 1
        elif row["link"]:
            fn += 1
            misses.append(("not linked", row))
        elif guess:
            fp += 1
            misses.append(("linked", row))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"gold: {tp + fn} must-link pairs, {fp + tn} must-not pairs ({gold.name})")
    print(f"  precision {precision:.3f} (target >= 0.98)   recall {recall:.3f} (target >= 0.90)")
    print(f"  linked right {tp}, missed {fn}; kept apart right {tn}, wrongly linked {fp}")
    for what, row in misses:
        print(
            f"    {what:10} {row['a'][0]!r}/{row['a'][1]} ~ {row['b'][0]!r}/{row['b'][1]}"
            f"  [{row['from']}]"
        )


def forms_figures(shared: Path) -> None:
    print("surface forms -> identities (gold PER/ORG/LOC annotations, one document = one article)")
    for path in DEV_SETS:
        docs = [
            json.loads(line) for line in (shared / path).read_text(encoding="utf-8").splitlines()
        ]
        forms, keys = set(), []
        for doc in docs:
            mentions = [
                (doc["text"][start:end], label)
                for start, end, label in doc["entities"]
                if label in ("PER", "ORG", "LOC")
            ]
            links = link_mentions(mentions)
            forms |= {(alias_key(text), label) for text, label in mentions}
            keys += [link.id for link in links if link]
        joined = join_people(keys)
        identities = {joined.get(k, k) for k in keys}
        listed = sum(1 for k in identities if registry().get(k))
        print(
            f"  {Path(path).stem:22} {len(docs):4} docs: {len(forms):5} distinct forms (folded)"
            f" -> {len(identities):5} identities ({listed} listed)"
            f"  ratio {len(identities) / max(len(forms), 1):.2f}"
        )


def timing_figures(shared: Path) -> None:
    from briefing.analysis import TextItem, analyse_texts
    from briefing.ingest import ImportFailure, import_sources
    from briefing.nlp import pipeline

    sources = [str(shared / "corpus" / "raw"), str(ROOT / "seeds")]
    items = [
        TextItem(a.body or "", a.lang, a.published)
        for a in import_sources(sources)
        if not isinstance(a, ImportFailure)
    ]
    for lang in ("it", "en"):
        pipeline.load(lang)
    registry()  # loaded once per process, as in the reader: not part of each analysis
    list(analyse_texts(items[:2]))  # warm
    start = time.process_time()
    analyses = list(analyse_texts(items))
    with_linking = time.process_time() - start
    rounds = 5
    start = time.process_time()
    for _ in range(rounds):
        for analysis in analyses:
            link_analysis(analysis)
    linking = (time.process_time() - start) / rounds
    print(
        f"time: {len(items)} corpus and seed articles, analysis with facts and linking"
        f" {with_linking:.2f} CPU s; linking alone {linking * 1000:.0f} ms"
        f" = {100 * linking / (with_linking - linking):.1f}% of analysis without it"
        " (target <= 10%)"
    )


def main(argv: list[str]) -> int:
    if "--gold" in argv:  # one list alone: its figures, nothing else
        gold_figures(Path(argv[argv.index("--gold") + 1]))
        return 0
    gold_figures()
    shared = _shared()
    if shared is None:
        print("(../shared not found: surface forms and timing skipped)")
        return 0
    forms_figures(shared)
    if "--no-timing" not in argv:
        timing_figures(shared)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
