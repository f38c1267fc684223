"""The test suite's wall time against an older checkout, run back to back (issue 18 point 8).

Usage: python benchmarks/suite_bench.py BASE_DIR [--rounds N] [--workers N] [--durations N]

BASE_DIR is another checkout with its own virtualenv in BASE_DIR/.venv (for example
`git worktree add /tmp/base857 857f7a6` and `pip install -e ".[test]"` there). Each round runs
`pytest -n WORKERS -p no:randomly` in BASE_DIR, then in this repository, and prints for each:
wall seconds, CPU seconds of pytest and its workers, the 1-minute load before the run, the
tests that passed, and the ratio of the two wall times. The machine is shared: only runs made
back to back, under the same load, compare. --durations N prints each run's N slowest tests.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    label: str
    wall: float
    cpu: float
    load: float
    passed: int
    summary: str
    slowest: list[str]
    failed: list[str]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_suite(label: str, repo: Path, workers: int, durations: int) -> Run:
    python = repo / ".venv" / "bin" / "python"
    load = os.getloadavg()[0]
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        [str(python), "-m", "pytest", "-n", str(workers), "-p", "no:randomly"]
        + ([f"--durations={durations}"] if durations else []),
        cwd=repo,
        capture_output=True,
        text=True,
    )
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:]
    passed = re.search(r"(\d+) passed", summary)
    slowest = [
        line for line in done.stdout.splitlines() if re.match(r"\d+\.\d+s (call|setup)", line)
    ]
    count = int(passed.group(1)) if passed else 0
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    return Run(label, wall, cpu, load, count, summary, slowest[:durations], failed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("base", type=Path, help="the older checkout, with .venv inside")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--durations", type=int, default=0)
    args = parser.parse_args(argv)
    for number in range(1, args.rounds + 1):
        base = run_suite("base", args.base.resolve(), args.workers, args.durations)
        here = run_suite("this", HERE, args.workers, args.durations)
        for run in (base, here):
            print(
                f"round {number} {run.label}: {run.wall:6.1f} s wall, {run.cpu:6.1f} s CPU, "
                f"load {run.load:.2f} before, {run.passed} passed ({run.summary})"
            )
            for line in run.slowest + run.failed:
                print(f"    {line}")
        print(
            f"round {number}: this/base wall {here.wall / base.wall:.2f} "
            f"({1 - here.wall / base.wall:+.0%} faster), CPU {here.cpu / base.cpu:.2f}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
