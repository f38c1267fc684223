"""Analysis throughput on real news, not synthetic text: tokens per CPU second on one core.

Usage: python benchmarks/analysis_real.py

analysis_bench.py times warm passes over 300 synthetic articles, whose words repeat far more
than real news does. This one analyses real articles once, as an archive is analysed (new
words meet an empty tokenizer cache: "first"), then again ("second"): the Italian KIND
Wikinews train and dev articles and the English CoNLL++ dev documents in ../shared, which it
only reads. Not for CI: it needs ../shared.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

from briefing.analysis import TextItem, analyse_texts  # noqa: E402
from briefing.nlp import pipeline  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SOURCES = [
    ("training/ner/it/kind_wn_train.jsonl", "it"),
    ("eval/ner-dev/it_kind_wn_dev.jsonl", "it"),
    ("eval/ner-dev/en_conllpp_dev.jsonl", "en"),
]


def main() -> int:
    if not all((SHARED / path).exists() for path, _ in SOURCES):
        print(f"needs the news texts in {SHARED}", file=sys.stderr)
        return 2
    items = [
        TextItem(json.loads(line)["text"], lang)
        for path, lang in SOURCES
        for line in (SHARED / path).read_text(encoding="utf-8").splitlines()
    ]
    tokens = sum(len(pipeline.load(i.lang).nlp.make_doc(i.text)) for i in items)
    pipeline.clear_cache()  # fresh pipelines: the counting above filled their caches
    for lang in ("it", "en"):
        pipeline.load(lang)
    print(f"{len(items)} real articles, {tokens} tokens, one core, analysis with facts")
    for name in ("first", "second"):
        start = time.process_time()
        for _ in analyse_texts(items):
            pass
        seconds = time.process_time() - start
        print(f"  {name:7} {tokens / seconds:8,.0f} tokens per CPU second ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
