"""The first analysis stored on a large store: time and peak memory of one put_analyses on a store
just opened, and of the close after it, for one or two briefings side by side.

Usage: python benchmarks/first_analysis_bench.py STORE [--before PYTHON] [--verify]

STORE is an existing store folder (e.g. a 100,000-article one); it is only read: each run works
on a fresh copy in /tmp, removed after. This interpreter's briefing is "after"; `--before`
names another interpreter (e.g. main's venv), run with its working folder outside this checkout
so it imports its own briefing. `--verify` reopens each copy and checks every summary is there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, sys, time
def peak_mb():
    # VmHWM is this process's own peak (ru_maxrss would be the parent's after exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
t0 = time.perf_counter()
from briefing.store import Store
store = Store.open(sys.argv[1], backups_dir=sys.argv[2], auto_backup=False)
t1 = time.perf_counter()
ids = sorted(store.analysed_links())
first, second = store.get_analysis(ids[0]), store.get_analysis(ids[1])
t2 = time.perf_counter()
before_put = peak_mb()
store.put_analyses([first])
t3 = time.perf_counter()
after_put = peak_mb()
store.put_analyses([second])
t4 = time.perf_counter()
store.close()
t5 = time.perf_counter()
print(json.dumps({
    "open_s": t1 - t0, "index_s": t2 - t1, "put_s": t3 - t2, "second_put_s": t4 - t3,
    "close_s": t5 - t4, "peak_before_put_mb": before_put, "peak_after_put_mb": after_put,
    "peak_after_close_mb": peak_mb(), "stored": ids[:2],
}))
"""

VERIFY = """
import json, sys
from briefing.store import Store
with Store.open(sys.argv[1], readonly=True) as store:
    found = store.summaries()
    print(json.dumps({"summaries": len(found), "analysed": len(store.analysed_links()),
                      "stored_present": all(i in found for i in sys.argv[2:])}))
"""


def run(python: str, cwd: Path, source: Path, verify: bool) -> dict:
    work = Path(tempfile.mkdtemp(prefix="first-analysis-", dir="/tmp"))
    try:
        store = work / "store"
        shutil.copytree(source, store, ignore=shutil.ignore_patterns("lock"))
        os.sync()  # else the put's fsync of the pack would write the copy's dirty pages
        args = [python, "-c", CHILD, str(store), str(work / "backups")]
        out = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        if verify:
            args = [python, "-c", VERIFY, str(store), *figures["stored"]]
            out = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True)
            figures.update(json.loads(out.stdout.strip().splitlines()[-1]))
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cell(value: float | int) -> str:
    return f"{value:>10.2f}" if isinstance(value, float) else f"{value:>10}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("store", type=Path)
    parser.add_argument("--before", help="the interpreter of the briefing to compare with")
    parser.add_argument("--verify", action="store_true")
    options = parser.parse_args()
    runs = {}
    if options.before:
        runs["before"] = run(options.before, Path("/tmp"), options.store, options.verify)
    here = Path(__file__).resolve().parent.parent
    runs["after"] = run(sys.executable, here, options.store, options.verify)
    with open("/proc/loadavg") as load:
        print(f"store {options.store}; load {load.read().split()[0]}")
    rows = [
        ("open", "open_s", "s"),
        ("analyses index + 2 analyses read", "index_s", "s"),
        ("first put_analyses (1 analysis)", "put_s", "s"),
        ("second put_analyses", "second_put_s", "s"),
        ("close (compaction)", "close_s", "s"),
        ("VmHWM before the put", "peak_before_put_mb", "MB"),
        ("VmHWM after the put", "peak_after_put_mb", "MB"),
        ("VmHWM after close", "peak_after_close_mb", "MB"),
    ]
    if options.verify:
        rows += [("summaries after reopen", "summaries", ""), ("analysed", "analysed", "")]
    print(f"{'':36}" + "".join(f"{name:>12}" for name in runs))
    for label, key, unit in rows:
        cells = "".join(f"{cell(runs[name][key])} {unit:1}" for name in runs)
        print(f"{label:36}{cells}")
    if "before" in runs:
        for key in ("put_s", "close_s", "peak_after_put_mb"):
            ratio = runs["before"][key] / max(runs["after"][key], 1e-9)
            print(f"before/after {key}: {ratio:.1f}x")
    if options.verify:
        for name, figures in runs.items():
            print(
                f"{name}: both stored summaries present after reopen: {figures['stored_present']}"
            )


if __name__ == "__main__":
    main()
