"""Tokens per second of the bundled NER pipelines (and en_core_web_sm if installed), one core.

usage: python benchmarks/nlp_speed.py [--repeat N] [--model LANG=FOLDER ...]

Texts are the dev sets in ../shared/eval/ner-dev/ when that folder exists, else the seed
articles shipped in seeds/. Prints one line per pipeline: name, version, docs, tokens, seconds,
tokens/s (the best of --repeat runs, after one warm-up pass), and the folder size in MB.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

# Measure one core, as the goal is stated per core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402

from briefing.nlp import pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = ROOT.parent / "shared" / "eval" / "ner-dev"
MODELS_DIR = ROOT / "briefing" / "nlp" / "models"
DEV_FILES = {"it": "it_kind_wn_dev.jsonl", "en": "en_conllpp_dev.jsonl"}


def dev_texts(lang: str) -> list[str]:
    """The dev texts of a language, or the seed articles when the shared data is absent."""
    path = DEV_DIR / DEV_FILES[lang]
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle if line.strip()]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def measure(nlp: spacy.Language, texts: list[str], repeat: int) -> tuple[int, float]:
    """Tokens processed and the best wall time over `repeat` full passes."""
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))  # warm-up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        best = min(best, time.perf_counter() - t0)
    return tokens, best


def report(label: str, nlp: spacy.Language, texts: list[str], repeat: int, size: float) -> None:
    tokens, seconds = measure(nlp, texts, repeat)
    meta = nlp.meta
    print(
        f"{label:28} {meta.get('name', '?')}-{meta.get('version', '?'):8} docs={len(texts):4} "
        f"tokens={tokens:7} seconds={seconds:6.2f} tokens/s={tokens / seconds:8.0f} "
        f"size_mb={size:5.1f}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", action="append", default=[], help="LANG=FOLDER to measure")
    args = parser.parse_args(argv)
    spacy.require_cpu()
    targets = [(lang, MODELS_DIR / f"{lang}_briefing_ner") for lang in ("it", "en")]
    targets += [(spec.split("=", 1)[0], Path(spec.split("=", 1)[1])) for spec in args.model]
    for lang, folder in targets:
        if not (folder / "meta.json").exists():
            print(f"{str(folder):28} missing")
            continue
        texts = dev_texts(lang)
        size = folder_mb(folder)
        report(f"{lang}:{folder.name}", pipeline.load_spacy(folder), texts, args.repeat, size)
        # thinc's default matrix products (blis), which briefing's loader replaces
        report(f"{lang}:{folder.name} (blis)", spacy.load(folder), texts, args.repeat, size)
    if spacy.util.is_package("en_core_web_sm"):
        nlp = spacy.load("en_core_web_sm")
        report("en:en_core_web_sm", nlp, dev_texts("en"), args.repeat, 0.0)
        ner_only = spacy.load("en_core_web_sm", exclude=["parser", "lemmatizer", "tagger"])
        report("en:en_core_web_sm (ner only)", ner_only, dev_texts("en"), args.repeat, 0.0)
    else:
        print("en_core_web_sm: not installed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
