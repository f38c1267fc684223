"""Learn English attribution cue verbs from PolNeAR train: which word forms, when they occur
as a verb, are annotated as an attribution cue often enough to be one.

usage: python training/learn_cues.py [--data FILE] [--min-count 4] [--min-rate 0.4]

Writes briefing/facts/data/learned_cues_en.jsonl: one form a line with its counts (no text
from the articles). The parse of each article comes from the bundled English pipeline, so a
form counts only where the parser calls it a verb, as at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "training" / "attribution" / "polnear_train.jsonl"
OUT = ROOT / "briefing" / "facts" / "data" / "learned_cues_en.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-count", type=int, default=4)
    parser.add_argument("--min-rate", type=float, default=0.4)
    args = parser.parse_args(argv)

    from briefing.nlp import pipeline

    nlp = pipeline.load("en", rules=False).nlp
    docs = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    as_cue: Counter[str] = Counter()
    as_verb: Counter[str] = Counter()
    texts = (pipeline.make_doc(nlp, d["text"]) for d in docs)
    for record, doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        cue_chars = set()
        for relation in record["attributions"]:
            if relation.get("cue"):
                cue_chars.update(range(relation["cue"][0], relation["cue"][1]))
        for token in doc:
            if token.pos_ != "VERB":
                continue
            form = token.text.lower()
            as_verb[form] += 1
            if token.idx in cue_chars:
                as_cue[form] += 1
    kept = [
        {"word": form, "lang": "en", "cue": as_cue[form], "verb": as_verb[form]}
        for form in sorted(as_cue)
        if as_cue[form] >= args.min_count and as_cue[form] / as_verb[form] >= args.min_rate
    ]
    with OUT.open("w", encoding="utf-8") as handle:
        for entry in kept:
            handle.write(json.dumps(entry) + "\n")
    print(f"{len(kept)} cue forms from {len(docs)} articles -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
