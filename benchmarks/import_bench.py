"""Import throughput without analysis: N generated files through the real importers.

Usage: python benchmarks/import_bench.py [N] [--markdown]   (default 10000; temporary folders)

Two ways in, each into a new empty store:
  cli         `briefing --home TMP add FOLDER` in a child process, wall clock from launch to
              exit (Python start-up, importers, language detection, store writes, close)
  in-process  import_sources([FOLDER]) + add_to_store, as `briefing add` and the TUI do it,
              with the importers' share (parsing, cleaning, language) told from the store's
Files come from synth.write_files: shaped like the seed (a third each plain text with a worded
date line, HTML pages, Markdown), or with --markdown the older mix (two in three Markdown with
front matter). No analysis runs; the search index is written as part of the store's writes.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import write_files  # noqa: E402  (a sibling script, not a package)

from briefing.commands.add import Tally, add_to_store  # noqa: E402
from briefing.ingest import import_sources  # noqa: E402
from briefing.store import Store  # noqa: E402

TARGET = 500  # articles/s at 10,000 (issue 7)


def cli(files: Path, home: Path) -> tuple[float, str, float]:
    """Seconds for `briefing add FOLDER` from launch to exit, its summary line, and the CPU
    seconds the child used (on a shared machine the wall clock is mostly waiting for a core)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "--home", str(home), "add", "--no-analyze", str(files)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"briefing add failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, done.stdout.strip().splitlines()[0], cpu


def in_process(files: Path, folder: Path) -> dict[str, float]:
    """The importers and the store in this process: total, and the importers' part of it."""
    parsing = 0.0

    def timed(results):  # the time spent inside the importers, between yields
        nonlocal parsing
        iterator = iter(results)
        while True:
            start = time.perf_counter()
            try:
                result = next(iterator)
            except StopIteration:
                parsing += time.perf_counter() - start
                return
            parsing += time.perf_counter() - start
            yield result

    start, start_cpu = time.perf_counter(), time.process_time()
    tally = Tally()
    with Store.open(folder, backups_dir=folder.parent / "backups", auto_backup=False) as store:
        add_to_store(store, timed(import_sources([str(files)])), tally)
    total = time.perf_counter() - start
    return {
        "total_s": total,
        "cpu_s": time.process_time() - start_cpu,
        "parse_s": parsing,
        "added": tally.added,
        "failed": len(tally.failures),
    }


def main(argv: list[str]) -> int:
    shape = "markdown" if "--markdown" in argv else "seed"
    argv = [a for a in argv if a != "--markdown"]
    n = int(argv[0]) if argv else 10_000
    with tempfile.TemporaryDirectory(prefix="briefing-import-bench-") as tmp:
        files = Path(tmp) / "files"
        start = time.perf_counter()
        write_files(files, n, shape=shape)
        made = time.perf_counter() - start
        size = sum(p.stat().st_size for p in files.iterdir()) / 1e6
        cli_s, summary, cli_cpu = cli(files, Path(tmp) / "home")
        run = in_process(files, Path(tmp) / "store")
    cli_rate = n / cli_s
    rate = run["added"] / run["total_s"]
    print(
        f"import benchmark, {n} files shaped {shape!r} ({size:.1f} MB, written in {made:.1f} s), "
        "no analysis"
    )
    print(
        f"  briefing add FOLDER      {cli_rate:8.0f} articles/s  ({cli_s:.2f} s; {summary}); "
        f"{n / cli_cpu:.0f} per CPU second"
    )
    print(
        f"  import_sources + store   {rate:8.0f} articles/s  ({run['total_s']:.2f} s; "
        f"importers {run['parse_s']:.2f} s, store {run['total_s'] - run['parse_s']:.2f} s; "
        f"{run['added']} added, {run['failed']} failed); "
        f"{run['added'] / run['cpu_s']:.0f} per CPU second"
    )
    print(f"  import target >= {TARGET}/s: {'ok' if min(cli_rate, rate) >= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
