"""Build stories/data/background.json: in how many news articles of a language each identity
and each word stem appears, the prior rarity grouping starts from (`background.py`).

usage: python training/stories_background.py [--texts PATH] [--leave-out PATH] [--min-count N]

A build-time tool: it analyses every text with the installed pipelines (a few minutes) and
writes counts only, never text. Italian: KIND's Wikinews train split (news of the kind a
reader imports); the texts the stories benchmark labels are left out, so it never measures on
texts the table counted. English has no news articles among the training texts (sentences,
tweets, Wikipedia), so it has no table and its keys are weighed by the store's counts alone.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from briefing.stories.background import DATA_FILE

ROOT = Path(__file__).resolve().parents[1]
KIND_TRAIN = Path("training") / "ner" / "it" / "kind_wn_train.jsonl"  # under ../shared
LABELLED = ROOT / "benchmarks" / "data" / "stories_gold.jsonl"
# Keys seen in fewer articles than this are rare anyway: the table keeps the common ones.
MIN_COUNT = 3


def _labelled_ids(path: Path) -> set[str]:
    if not path.exists():
        return set()
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {row["id"] for row in rows if row.get("id")}


def count_keys(texts: list[tuple[str, str]], lang: str) -> tuple[Counter, Counter]:
    """(identity counts, word stem counts) over (id, text) articles, one count per article."""
    from briefing.analysis import TextItem, analyse_texts
    from briefing.models import Article, ArticleSummary
    from briefing.stories.features import features_of

    by_id = dict(texts)
    identities: Counter = Counter()
    words: Counter = Counter()
    items = [TextItem(text.partition("\n")[2], lang, None, key) for key, text in texts]
    for result in analyse_texts(items):
        title, _, body = by_id[result.article_id].partition("\n")
        article = Article(id=result.article_id, title=title, body=body, lang=lang)
        found = features_of(article, ArticleSummary.from_analysis(result), body)
        identities.update(found.identities)
        words.update(found.words)
    return identities, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument(
        "--texts",
        type=Path,
        default=KIND_TRAIN,
        help="Italian news, JSONL (relative: under ../shared)",
    )
    parser.add_argument("--leave-out", type=Path, default=LABELLED, help="labelled rows' ids")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    args = parser.parse_args(argv)
    if not args.texts.is_absolute():
        args.texts = ROOT.parent / "shared" / args.texts
    left_out = _labelled_ids(args.leave_out)
    with open(args.texts, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    texts = [(row["id"], row["text"]) for row in rows if row["id"] not in left_out]
    identities, words = count_keys(texts, "it")

    def kept(counts: Counter) -> dict[str, int]:
        return {k: n for k, n in sorted(counts.items()) if n >= args.min_count}

    table = {
        "source": (
            f"{args.texts.name}: {len(texts)} articles ({len(rows) - len(texts)} left out); "
            "texts from it.wikinews.org (CC BY 2.5, later articles CC BY 4.0), counts only"
        ),
        "it": {"articles": len(texts), "identities": kept(identities), "words": kept(words)},
    }
    DATA_FILE.parent.mkdir(exist_ok=True)
    DATA_FILE.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"{DATA_FILE.name}: it {len(texts)} articles, {len(table['it']['identities'])} identities, "
        f"{len(table['it']['words'])} word stems (seen in {args.min_count} or more)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
