"""Run a trained NER folder over `{"id","lang","text"}` JSONL on stdin, print entity JSONL.

This is the COMMAND half of ../shared/tools/ner_score.py:

  python ../shared/tools/ner_score.py ../shared/eval/ner-dev/it_kind_wn_dev.jsonl \
      -- python training/evaluate.py --lang it
  python training/evaluate.py --model training/output/it_base/model-best < docs.jsonl

--lang picks the bundled folder briefing/nlp/models/<lang>_briefing_ner; --model any folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402

MODELS_DIR = Path(__file__).resolve().parent.parent / "briefing" / "nlp" / "models"


def predict(nlp: spacy.Language, records: list[dict]) -> list[dict]:
    """Entities for each record, with character offsets into its exact text."""
    out = []
    docs = nlp.pipe((r["text"] for r in records), batch_size=32)
    for rec, doc in zip(records, docs, strict=True):
        ents = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
        out.append({"id": rec["id"], "entities": ents})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--lang", choices=["it", "en"])
    group.add_argument("--model", type=Path)
    args = parser.parse_args(argv)
    folder = args.model or MODELS_DIR / f"{args.lang}_briefing_ner"
    nlp = spacy.load(folder)
    records = [json.loads(line) for line in sys.stdin if line.strip()]
    for row in predict(nlp, records):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
