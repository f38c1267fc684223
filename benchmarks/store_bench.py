"""Store benchmark: build N synthetic articles, then time open, list, durable tag writes, memory.

Usage: python benchmarks/store_bench.py [N]   (default 10000; a temporary folder, removed after)

The store is synth.build's: varied bodies from the seeds, analyses, tags, notes, highlights.

Import is timed in this process (store side only: Article objects are built beforehand).
Open, list, tag writes and peak memory are measured in a fresh child process, as a user
launching briefing on that store would see them.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import build  # noqa: E402  (a sibling script: the shared synthetic store builder)

RUNS = 3


CHILD = """
import json, resource, statistics, sys, time
def peak_mb():
    # VmHWM is this process's own peak; ru_maxrss survives exec and would report the parent's
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
from briefing.store import Store
t1 = time.perf_counter()
store = Store.open(sys.argv[1], backups_dir=sys.argv[2], auto_backup=False)
t2 = time.perf_counter()
articles = store.articles()
t3 = time.perf_counter()
summaries = store.summaries()
t4 = time.perf_counter()
body = store.body(articles[0].id)
t5 = time.perf_counter()
writes = []
for i in range(100):
    target = articles[(i * 97) % len(articles)].id
    s = time.perf_counter()
    store.update_tags(target, add=[f"bench{i}"])
    writes.append(time.perf_counter() - s)
writes.sort()
s = time.perf_counter()
store.close()
closed = time.perf_counter() - s
peak = peak_mb()  # before the backup below opens the store a second time
store = Store.open(sys.argv[1], backups_dir=sys.argv[2], auto_backup=False)
s = time.perf_counter()
store.backup("bench")
backed_up = time.perf_counter() - s
store.close()
print(json.dumps({
    "import_module_s": t1 - t0, "open_s": t2 - t1, "list_s": t3 - t2, "summaries_s": t4 - t3,
    "one_body_s": t5 - t4, "tag_median_ms": statistics.median(writes) * 1000,
    "tag_p95_ms": writes[94] * 1000, "tag_max_ms": writes[-1] * 1000, "close_s": closed, "backup_s": backed_up,
    "peak_mb": peak, "count": len(articles),
}))
"""


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        folder = Path(tmp) / "store"
        built = build(folder, n)
        sizes = {p.name: p.stat().st_size for p in folder.iterdir() if p.is_file()}
        runs = [
            json.loads(
                subprocess.run(
                    [sys.executable, "-c", CHILD, str(folder), str(Path(tmp) / "backups")],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(RUNS)
        ]
        # the machine is shared: the median of a few fresh launches, not one lucky or unlucky one
        run = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    build_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"store benchmark, {n} articles (synth.py: ~3 KB bodies, analyses, tags, notes, highlights)"
    )
    print(f"  load average {os.getloadavg()[0]:.1f}; reader figures are medians of {RUNS} launches")
    print(
        f"  import (store side)     {built['import_per_s']:8.0f} articles/s  ({built['import_s']:.2f} s)"
    )
    print(f"  import briefing.store   {run['import_module_s'] * 1000:8.1f} ms")
    print(f"  open                    {run['open_s'] * 1000:8.1f} ms")
    print(f"  list all (metadata)     {run['list_s'] * 1000:8.1f} ms")
    print(f"  summaries (filters)     {run['summaries_s'] * 1000:8.1f} ms")
    print(f"  one body                {run['one_body_s'] * 1000:8.2f} ms")
    print(
        f"  durable tag write       median {run['tag_median_ms']:.2f} ms, "
        f"p95 {run['tag_p95_ms']:.2f} ms, max {run['tag_max_ms']:.2f} ms (100 writes)"
    )
    print(f"  close (compaction)      {run['close_s'] * 1000:8.1f} ms")
    print(f"  backup (daily on close) {run['backup_s'] * 1000:8.1f} ms")
    print(f"  peak memory (reader)    {run['peak_mb']:8.1f} MB")
    print(f"  peak memory (builder)   {build_peak:8.1f} MB")
    print("  files: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(sizes.items())))
    print(f"  tag write p95 target <= 20 ms: {'ok' if run['tag_p95_ms'] <= 20 else 'MISSED'}")
    print(f"  import target >= 500/s: {'ok' if built['import_per_s'] >= 500 else 'MISSED'}")


if __name__ == "__main__":
    main()
