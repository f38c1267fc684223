"""Peak memory of analysing one long article, in pieces (the default) and in one piece.

    python benchmarks/analysis_memory.py [SIZE ...] [--one-piece SIZE ...]

Each figure comes from a fresh child process (peak RSS after loading the Italian pipeline,
and after analysing a text made of the seed article repeated to SIZE characters). The one-piece
figure sets analysis.CHUNK_CHARS above SIZE: that is how every text was analysed before; keep
its sizes small, it costs ~3.5 KB per character.
"""

from __future__ import annotations

import json
import subprocess
import sys

CHILD = """
import json, resource, sys, time
from pathlib import Path
size, one_piece = int(sys.argv[1]), sys.argv[2] == "1"
seed = next(Path("seeds").glob("000_*.txt")).read_text(encoding="utf-8")
text = (seed * (size // len(seed) + 1))[:size]
from briefing import analysis
from briefing.nlp import pipeline
if one_piece:
    analysis.CHUNK_CHARS = size + 1
pipeline.load("it", rules=True)
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
result = analysis.analyse_text(text, "it", "2025-12-18")
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"loaded": loaded, "peak": peak, "seconds": seconds,
                  "entities": len(result.entities), "partial": result.pipeline_version.endswith("+partial")}))
"""


def measure(size: int, one_piece: bool) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(size), "1" if one_piece else "0"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(out.splitlines()[-1])


def main(argv: list[str]) -> int:
    one = argv[argv.index("--one-piece") + 1 :] if "--one-piece" in argv else ["100000"]
    sizes = argv[: argv.index("--one-piece")] if "--one-piece" in argv else argv
    sizes = sizes or ["100000", "400000", "1500000", "10000000"]
    print(
        f"{'size':>10} {'mode':>9} {'loaded MB':>10} {'peak MB':>8} {'+MB':>6} {'B/char':>7} {'s':>6}"
    )
    rows = [(int(s), False) for s in sizes] + [(int(s), True) for s in one]
    for size, one_piece in rows:
        r = measure(size, one_piece)
        extra = r["peak"] - r["loaded"]
        mode = "one piece" if one_piece else "pieces"
        print(
            f"{size:>10} {mode:>9} {r['loaded']:>10.0f} {r['peak']:>8.0f} {extra:>6.0f} "
            f"{extra * 1024 * 1024 / size:>7.0f} {r['seconds']:>6.1f}"
            + ("  PARTIAL" if r["partial"] else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
