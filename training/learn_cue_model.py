"""Train the English cue judge (briefing/facts/cue_model.py) on PolNeAR train.

usage: python training/learn_cue_model.py [--data FILE] [--half A|B] [--threshold 0.85]
                                          [--min-feature-count 3] [--out FILE]

Every verb with an active subject is a row: its parse features (`cue_model.features`) and
whether the annotation marks it as a cue. Verbs a list names teach the judge too (what a cue's
subject and clause look like); only the others are judged at run time. A logistic regression
(AdaGrad, L2) is fitted to the rows; features seen in fewer than `min-feature-count` rows are
dropped (they name one article's words). A two-fold split of the same articles prints, for each
threshold, how many unlisted verbs the judge calls cues and how many of those land on an
annotated cue, source or content as the attribution scorer counts overlap, to choose the
threshold by; the default, 0.85, is the one measured in training/README.md. `--half A` trains
on half A of `benchmarks/attribution_halves.py` only, so half B can measure the judge unseen.

Writes the weights (features and numbers, no text) and the threshold as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.attribution_halves import half_of  # noqa: E402
from briefing.facts import cue_model  # noqa: E402
from briefing.facts.syntax import Parse  # noqa: E402
from briefing.facts.verbs import reporting_verbs  # noqa: E402
from training.learn_cues import overlap  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "training" / "attribution" / "polnear_train.jsonl"
THRESHOLDS = [round(0.5 + 0.025 * k, 3) for k in range(20)]


def _rows(docs: list[dict]) -> list[tuple[int, list[str], bool, bool, bool]]:
    """(article, features, annotated as a cue, its subject-to-verb span lands on a relation,
    no list names it). Listed verbs teach the judge too (what a cue's subject and clause look
    like); only the others are judged at run time."""
    from briefing.nlp import pipeline

    nlp = pipeline.load("en").nlp
    listed = reporting_verbs("en")
    rows = []
    texts = (pipeline.make_doc(nlp, d["text"], d.get("published")) for d in docs)
    for n, (record, doc) in enumerate(zip(docs, nlp.pipe(texts, batch_size=16), strict=True)):
        parse = Parse.from_doc(doc)
        if parse is None:
            continue
        relations = record["attributions"]
        cues = [tuple(r["cue"][:2]) for r in relations if r.get("cue")]
        spans = [
            tuple(r[k][:2]) for r in relations for k in ("cue", "source", "content") if r.get(k)
        ]
        for token in parse.tokens:
            if not cue_model.candidate(parse, token):
                continue
            subject = parse.active_subject(token.i)
            item = (min(parse.tokens[k].start for k in parse.subtree(subject.i)), token.end)
            is_cue = any(start <= token.start < end for start, end in cues)
            lands = any(overlap(item, span) for span in spans)
            found = cue_model.features(parse, token)
            rows.append((n, found, is_cue, lands, token.lower not in listed))
    return rows


def _fit(rows: list, epochs: int = 8, rate: float = 0.2, l2: float = 1e-5) -> dict[str, float]:
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(float)
    data = [(row[1], 1.0 if row[2] else 0.0) for row in rows]
    shuffle = random.Random(0)
    for _ in range(epochs):
        shuffle.shuffle(data)
        for found, label in data:
            error = cue_model.probability(weights, found) - label
            for f in found:
                gradient = error + l2 * weights[f]
                squares[f] += gradient * gradient
                weights[f] -= rate * gradient / math.sqrt(squares[f] + 1e-8)
    return dict(weights)


def _report_thresholds(rows: list) -> None:
    """Per threshold, out of fold: unlisted verbs called cues and the share that land."""
    judged = []
    for fold in (0, 1):
        weights = _fit([r for r in rows if r[0] % 2 != fold])
        judged += [
            (cue_model.probability(weights, r[1]), r[3]) for r in rows if r[0] % 2 == fold and r[4]
        ]
    for threshold in THRESHOLDS:
        called = [lands for p, lands in judged if p >= threshold]
        landed = sum(called) / len(called) if called else 1.0
        print(f"  threshold {threshold:.3f}: {len(called):5d} verbs called cues, {landed:.3f} land")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--half", choices=["A", "B"])
    parser.add_argument("--threshold", type=float, default=0.85)
    parser.add_argument("--min-feature-count", type=int, default=3)
    parser.add_argument("--out", type=Path, default=cue_model.model_path("en"))
    args = parser.parse_args(argv)

    docs = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    if args.half:
        docs = [d for d in docs if half_of(d["id"]) == args.half]
    rows = _rows(docs)
    # A feature seen in fewer rows names one article's words; dropping it keeps the file small.
    seen = Counter(f for row in rows for f in set(row[1]))
    rows = [(r[0], [f for f in r[1] if seen[f] >= args.min_feature_count], *r[2:]) for r in rows]
    unlisted = [r for r in rows if r[4]]
    print(
        f"{len(rows)} verbs from {len(docs)} articles, {sum(r[2] for r in rows)} of them cues;"
        f" {len(unlisted)} no list names, {sum(r[2] for r in unlisted)} of them cues"
    )
    _report_thresholds(rows)
    threshold = args.threshold
    weights = _fit(rows)
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= 0.001}
    with args.out.open("w", encoding="utf-8") as handle:
        json.dump({"threshold": threshold, "weights": kept}, handle, separators=(",", ":"))
        handle.write("\n")
    cue_model.clear_cache()
    print(f"threshold {threshold}, {len(kept)} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
