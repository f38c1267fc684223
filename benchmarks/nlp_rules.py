"""What briefing's rule components cost and bring: tokens/s and PER/ORG/LOC F1, with and without.

usage: python benchmarks/nlp_rules.py [--lang it,en] [--repeat 3]

For each language's default pipeline (nlp.pipeline.load), on the dev sets in
../shared/eval/ner-dev/ (the seed articles when that folder is absent, F1 then not shown):
  model alone, model + each rule component alone, model + all rules.
F1 is exact-span micro F1 over PER/ORG/LOC with labels mapped as ner_score.py maps them.
Runs on one core (thread variables set before spaCy loads). Speed is measured in CPU time of
this process (time.process_time), so other work on a shared machine does not skew it; the
best of --repeat passes after a warm-up pass.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from briefing.analysis import entities_of  # noqa: E402
from briefing.nlp import pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT.parent / "shared" / "eval" / "ner-dev"
DEV_FILES = {"it": "it_kind_wn_dev.jsonl", "en": "en_conllpp_dev.jsonl"}
SCORED = {"PER", "ORG", "LOC"}


def dev_docs(lang: str) -> list[dict]:
    """Gold documents ({"text", "entities"}), or the seeds without gold when shared/ is absent."""
    path = DEV_DIR / DEV_FILES[lang]
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            docs = [json.loads(line) for line in handle if line.strip()]
        if lang == "en":  # as scored with --skip-tables
            docs = [d for d in docs if not d.get("meta", {}).get("table_like")]
        return docs
    return [
        {"text": p.read_text(encoding="utf-8"), "entities": None}
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]


def f1(docs: list[dict], predictions: list[set]) -> float | None:
    if docs[0]["entities"] is None:
        return None
    tp = fp = fn = 0
    for doc, pred in zip(docs, predictions, strict=True):
        gold = {(s, e, label) for s, e, label in doc["entities"] if label in SCORED}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def run(nlp, docs: list[dict], disable: list[str], repeat: int) -> tuple[float, float | None, int]:
    """(tokens per second, F1, tokens) for the pipeline with `disable`d components."""
    texts = [d["text"] for d in docs]
    best = float("inf")
    predictions: list[set] = []
    tokens = 0
    for attempt in range(repeat + 1):  # the first pass warms up
        t0 = time.process_time()
        out = list(nlp.pipe(texts, batch_size=64, disable=disable))
        seconds = time.process_time() - t0
        if attempt:
            best = min(best, seconds)
        else:
            tokens = sum(len(doc) for doc in out)
            predictions = [
                {(e.start, e.end, e.label) for e in entities_of(doc) if e.label in SCORED}
                for doc in out
            ]
    return tokens / best, f1(docs, predictions), tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--lang", default="it,en")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for lang in args.lang.split(","):
        nlp, name, version = pipeline.load(lang)
        docs = dev_docs(lang)
        rules = [n for n in pipeline.RULE_ORDER if n in nlp.pipe_names]
        print(f"{lang}: {name} {version}, {len(docs)} docs")
        configs = [("model alone", rules)]
        configs += [(f"+ {r}", [x for x in rules if x != r]) for r in rules]
        configs += [("+ all rules", [])]
        for label, disable in configs:
            speed, score, tokens = run(nlp, docs, disable, args.repeat)
            shown = "n/a" if score is None else f"{score:.3f}"
            print(f"  {label:26s} {speed:9,.0f} tokens/s  F1={shown}  ({tokens:,} tokens)")


if __name__ == "__main__":
    main()
