"""Dev-set NER errors by kind, to find general mistakes worth a rule (not names to list).

usage: python training/ner_errors.py [--lang en] [--kind wrong_label] [--show 40] [--no-rules]

Runs the default pipeline (nlp.pipeline.load) on the ner-dev file of the language (English as
scored with --skip-tables) and sorts every PER/ORG/LOC error into one kind:
  wrong_label   same span, other label (e.g. gold ORG, predicted LOC)
  boundary      overlapping spans of the same label, different extent
  boundary+label  overlapping spans, different extent and label
  missed        gold span nothing predicted overlaps
  spurious      predicted span no gold span overlaps (a MISC gold span counts as overlap)
Prints counts by kind and label pair, then up to --show examples of each kind with context.
A training/eval script: it reads ../shared; tests never do.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from briefing.analysis import entities_of  # noqa: E402
from briefing.nlp import pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT.parent / "shared" / "eval" / "ner-dev"
DEV_FILES = {"it": "it_kind_wn_dev.jsonl", "en": "en_conllpp_dev.jsonl"}
SCORED = {"PER", "ORG", "LOC"}


def load_docs(lang: str) -> list[dict]:
    with (DEV_DIR / DEV_FILES[lang]).open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    if lang == "en":
        docs = [d for d in docs if not d.get("meta", {}).get("table_like")]
    return docs


def classify(gold: set, pred: set, misc: set) -> list[tuple[str, tuple | None, tuple | None]]:
    """(kind, gold span, predicted span) for every error in one document."""
    errors = []
    overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
    used = set()
    for g in sorted(gold - pred):
        hits = [p for p in pred - gold if overlaps(g, p)]
        if not hits:
            errors.append(("missed", g, None))
            continue
        for p in hits:
            used.add(p)
            if (p[0], p[1]) == (g[0], g[1]):
                errors.append(("wrong_label", g, p))
            elif p[2] == g[2]:
                errors.append(("boundary", g, p))
            else:
                errors.append(("boundary+label", g, p))
    for p in sorted(pred - gold - used):
        if any(overlaps(p, m) for m in misc):
            errors.append(("was_misc", None, p))
        else:
            errors.append(("spurious", None, p))
    return errors


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " | ")
    right = text[end : end + width].replace("\n", " | ")
    return f"{left}[[{text[start:end]}]]{right}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--kind", default=None, help="show examples of this kind only")
    parser.add_argument(
        "--pair", default=None, help="only errors with gold/pred labels, e.g. ORG/LOC"
    )
    parser.add_argument("--show", type=int, default=25)
    parser.add_argument("--no-rules", action="store_true", help="the model alone")
    args = parser.parse_args()
    nlp = pipeline.load(args.lang, rules=not args.no_rules).nlp
    docs = load_docs(args.lang)
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = {}
    for doc, out in zip(docs, nlp.pipe([d["text"] for d in docs], batch_size=64), strict=True):
        gold = {(s, e, lab) for s, e, lab in doc["entities"] if lab in SCORED}
        misc = {(s, e, lab) for s, e, lab in doc["entities"] if lab == "MISC"}
        pred = {(e.start, e.end, e.label) for e in entities_of(out) if e.label in SCORED}
        for kind, g, p in classify(gold, pred, misc):
            pair = f"{g[2] if g else '-'}/{p[2] if p else '-'}"
            counts[(kind, pair)] += 1
            if args.kind and kind != args.kind or args.pair and pair != args.pair:
                continue
            shown = examples.setdefault(kind, [])
            if len(shown) < args.show:
                s = min(x[0] for x in (g, p) if x)
                e = max(x[1] for x in (g, p) if x)
                gold_text = doc["text"][g[0] : g[1]] if g else "-"
                shown.append(f"  {pair:8s} gold={gold_text!r}  {context(doc['text'], s, e)}")
    print("errors by kind and gold/predicted label:")
    for (kind, pair), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:15s} {pair:8s} {n:5d}")
    for kind, lines in examples.items():
        print(f"\n{kind}:")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
