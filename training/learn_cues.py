"""Learn English attribution cue verbs from PolNeAR train: which word forms, when they occur
as a verb, are annotated as an attribution cue often enough to be one, and which of them make
frames that land on annotated attributions.

usage: python training/learn_cues.py [--data FILE] [--min-count 2] [--min-rate 0.2]
                                     [--min-precision 0.85]

Two passes over the same parses: forms annotated as a cue in at least `min-rate` of their uses
as a verb are candidates; the frames each candidate makes (briefing.facts.reporting, as at run
time) are then checked against the annotation, and a form is kept when at least
`min-precision` of its frames overlap an annotated cue, source or content.

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

from briefing.facts.quotes import quote_spans_of  # noqa: E402
from briefing.facts.reporting import find_frames  # noqa: E402
from briefing.facts.syntax import Parse  # noqa: E402
from briefing.facts.verbs import LEARNED, reporting_verbs  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "training" / "attribution" / "polnear_train.jsonl"
OUT = ROOT / "briefing" / "facts" / "data" / "learned_cues_en.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--min-rate", type=float, default=0.2)
    parser.add_argument("--min-precision", type=float, default=0.85)
    args = parser.parse_args(argv)

    from briefing.nlp import pipeline

    nlp = pipeline.load("en", rules=False).nlp
    docs = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    as_cue: Counter[str] = Counter()
    as_verb: Counter[str] = Counter()
    parses = []
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
        parses.append(Parse.from_doc(doc))
    candidates = [
        {"word": form, "lang": "en", "cue": as_cue[form], "verb": as_verb[form]}
        for form in sorted(as_cue)
        if as_cue[form] >= args.min_count and as_cue[form] / as_verb[form] >= args.min_rate
    ]
    _write(candidates)
    landed, made = _frame_precision(docs, parses)
    kept = [
        {**entry, "frames": made[entry["word"]], "landed": landed[entry["word"]]}
        for entry in candidates
        if made[entry["word"]] == 0
        or landed[entry["word"]] / made[entry["word"]] >= args.min_precision
    ]
    _write(kept)
    print(
        f"{len(kept)} of {len(candidates)} candidate cue forms from {len(docs)} articles "
        f"-> {OUT.relative_to(ROOT)}"
    )
    return 0


def _write(entries: list[dict]) -> None:
    with OUT.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry) + "\n")
    reporting_verbs.cache_clear()  # the next frames read the list just written


def _frame_precision(docs: list[dict], parses: list) -> tuple[Counter[str], Counter[str]]:
    """Per learned form: how many of its frames overlap an annotated span, of how many."""
    landed: Counter[str] = Counter()
    made: Counter[str] = Counter()
    for record, parse in zip(docs, parses, strict=True):
        if parse is None:
            continue
        text = record["text"]
        spans = [
            tuple(relation[key][:2])
            for relation in record["attributions"]
            for key in ("cue", "source", "content")
            if relation.get(key)
        ]
        for frame in find_frames(parse, "en", quote_spans_of(text)):
            if frame.kind != LEARNED:
                continue
            form = text[frame.cue[0] : frame.cue[1]].lower()
            made[form] += 1
            mine = [(frame.start, frame.end)] + ([frame.content] if frame.content else [])
            if any(overlap(a, b) for a in mine for b in spans):
                landed[form] += 1
    return landed, made


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """As the attribution scorer counts it: at least half of the shorter span shared."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


if __name__ == "__main__":
    sys.exit(main())
