"""Dev-set NER errors by kind, to find general mistakes worth a rule (not names to list).

usage: python training/ner_errors.py [--lang en] [--kind wrong_label] [--show 40] [--no-rules]
       python training/ner_errors.py --lang it --train "comune di"

Runs the default pipeline (nlp.pipeline.load) on the ner-dev file of the language (English as
scored with --skip-tables) and sorts every PER/ORG/LOC error into one kind:
  wrong_label   same span, other label (e.g. gold ORG, predicted LOC)
  boundary      overlapping spans of the same label, different extent
  boundary+label  overlapping spans, different extent and label
  missed        gold span nothing predicted overlaps
  spurious      predicted span no gold span overlaps (a MISC gold span counts as overlap)
Prints counts by kind and label pair, then up to --show examples of each kind with context.
--train WORDS instead shows how the language's training data labels WORDS (a regular
expression, e.g. "[Nn]at[oa] a"): the entity it sits in, or the entity right after it, so a
rule follows the corpus's own convention.
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
TRAIN_DIR = ROOT.parent / "shared" / "training" / "ner"
TRAIN_FILES = {"it": ["it/kind_wn_train.jsonl"], "en": ["en/wikigold.train.jsonl"]}
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


def train_usage(lang: str, words: str, show: int) -> None:
    """How the training data labels WORDS: inside which entity, or which entity follows."""
    import re

    needle = re.compile(rf"(?<!\w)(?:{words})(?!\w)")
    inside: Counter[str] = Counter()
    after: Counter[str] = Counter()
    examples = []
    for name in TRAIN_FILES[lang]:
        with (TRAIN_DIR / name).open(encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                text, spans = rec["text"], rec["entities"]
                for m in needle.finditer(text):
                    hit = [x for x in spans if x[0] <= m.start() < x[1]]
                    if hit:
                        inside[hit[0][2]] += 1
                        continue
                    nxt = [x for x in spans if m.end() <= x[0] <= m.end() + 2]
                    after[nxt[0][2] if nxt else "none"] += 1
                    if len(examples) < show:
                        examples.append(context(text, m.start(), m.end(), 40))
    print(f"{words!r} inside an entity: {dict(inside)}; outside, entity right after: {dict(after)}")
    print("\n".join(examples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--kind", default=None, help="show examples of this kind only")
    parser.add_argument(
        "--pair", default=None, help="only errors with gold/pred labels, e.g. ORG/LOC"
    )
    parser.add_argument("--show", type=int, default=25)
    parser.add_argument("--no-rules", action="store_true", help="the model alone")
    parser.add_argument("--train", metavar="WORDS", help="how the training data labels WORDS")
    args = parser.parse_args()
    if args.train:
        train_usage(args.lang, args.train, args.show)
        return
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
