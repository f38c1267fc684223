"""Every issue-7 and issue-17 benchmark on synthetic stores: figure, target, measured, in README.md.

Usage: python benchmarks/run_all.py [--quick] [--n N] [--big N] [--no-write] [--stores DIR]

At --n (default 10,000) articles: first paint, filter keystroke and the reader's peak memory
(tui_bench), durable tag write (store_bench's reader), import without analysis (import_bench:
`briefing add` and in-process), analysis tokens/s on one core (analysis_bench). Unless --quick,
first paint, filter keystroke and memory again at --big (default 100,000). First paint is
judged against a Textual hello-world launched in the same run. The table, the machine it ran
on and how to rerun each figure go to stdout and to benchmarks/README.md between the markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import import_bench  # noqa: E402  (sibling scripts, not a package)
import store_bench  # noqa: E402
import tui_bench  # noqa: E402
from synth import build  # noqa: E402

README = HERE / "README.md"
START, END = "<!-- run_all: start -->", "<!-- run_all: end -->"


@dataclass
class Row:
    figure: str
    target: str
    measured: str
    ok: bool | None  # None: reported, no target
    rerun: str


def machine() -> str:
    """nproc, memory, Python, CPU and the load average: the figures mean little without them."""
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"nproc {os.cpu_count()}, memory {memory}, {cpu}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average {load}"
    )


def store_reader(folder: Path) -> dict[str, float]:
    """store_bench's reader launches on `folder`: medians of tag write p95 and peak memory."""
    runs = []
    for _ in range(store_bench.RUNS):
        done = subprocess.run(
            [sys.executable, "-c", store_bench.CHILD, str(folder), str(folder.parent / "backups")],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def analysis(docs: int) -> dict:
    done = subprocess.run(
        [sys.executable, str(HERE / "analysis_bench.py"), str(docs), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def paint_row(tui: dict, hello: float, n: int) -> Row:
    """First paint beside a Textual hello-world timed in the same run (issue 17: <= 1.3x)."""
    ratio = tui["first_paint_median_s"] / hello
    return Row(
        f"launch to first paint, {n:,}",
        "<= 1.3x hello-world",
        f"{tui['first_paint_median_s']:.3f} s (worst {tui['first_paint_max_s']:.3f}); "
        f"Textual hello-world {hello:.3f} s: {ratio:.2f}x",
        ratio <= 1.3,
        f"python benchmarks/tui_bench.py {n}",
    )


def first_paint_filter_row(tui: dict, n: int) -> Row:
    """Issue 17 point 2: a filter typed at first paint applies at once, no index build."""
    return Row(
        f"filter usable from first paint, {n:,}",
        "no wait",
        f"applied at first paint: {'yes' if tui['filter_at_first_paint'] else 'no'} "
        f"(first key {tui['key_while_indexing_ms']:.0f} ms; index work after paint "
        f"{tui['index_s']:.2f} s)",
        bool(tui["filter_at_first_paint"]),
        f"python benchmarks/tui_bench.py {n}",
    )


def _store(folder: Path, n: int, stores: Path | None, log) -> dict:
    """A synthetic store of n articles in `folder`: built, or copied from `stores` (kept there
    by an earlier run: building 100,000 takes many minutes on a shared machine)."""
    kept = stores / f"store-{n}" if stores else None
    if kept is not None and kept.is_dir():
        log(f"copying the store of {n} articles kept in {kept}")
        shutil.copytree(kept, folder)
        return {"build_s": 0.0, "import_per_s": None}
    log(f"building a store of {n} articles")
    built = build(folder, n)
    if kept is not None:
        shutil.copytree(folder, kept)  # before any launch writes to it
    return built


def at_size(n: int, log, hello: float, stores: Path | None = None) -> list[Row]:
    """The rows measured on a store (and a folder of files) of n articles."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-run-all-") as tmp:
        folder = Path(tmp) / "store"
        built = _store(folder, n, stores, log)
        log(f"  built in {built['build_s']:.0f} s; tui_bench ({tui_bench.RUNS} launches)")
        tui = tui_bench.measure(folder)
        log("  store_bench reader")
        reader = store_reader(folder)
        log("  import_bench")
        files = Path(tmp) / "files"
        import_bench.write_kinds(files, n, "seed")  # one folder a kind
        cli_s, summary, cli_cpu = import_bench.cli(files, Path(tmp) / "home")
        inproc = import_bench.in_process(files, Path(tmp) / "imported")
    k = f"{n:,}"
    rows += [
        paint_row(tui, hello, n),
        first_paint_filter_row(tui, n),
        Row(
            f"filter keystroke to updated list, {k}",
            "<= 50 ms",
            f"{tui['filter_frame_median_ms']:.1f} ms to the next frame (list updated "
            f"{tui['filter_handled_median_ms']:.1f} ms; CPU of the app's thread "
            f"{tui['filter_frame_cpu_ms']:.1f} ms; through pilot.press "
            f"{tui['filter_key_median_ms']:.1f} ms, a no-op key {tui['idle_key_ms']:.1f} ms)",
            tui["filter_frame_median_ms"] <= 50,
            f"python benchmarks/tui_bench.py {n}",
        ),
        Row(
            f"peak memory of the reader (TUI, filtered), {k}",
            "<= 300 MB",
            f"{tui['peak_mb']:.0f} MB",
            tui["peak_mb"] <= 300,
            f"python benchmarks/tui_bench.py {n}",
        ),
        Row(
            f"durable tag write, p95 of 100, {k}",
            "<= 20 ms",
            f"{reader['tag_p95_ms']:.2f} ms (median {reader['tag_median_ms']:.2f})",
            reader["tag_p95_ms"] <= 20,
            f"python benchmarks/store_bench.py {n}",
        ),
        Row(
            f"peak memory, store only (open, list, writes), {k}",
            "<= 300 MB",
            f"{reader['peak_mb']:.0f} MB",
            reader["peak_mb"] <= 300,
            f"python benchmarks/store_bench.py {n}",
        ),
        Row(
            f"import, `briefing add FOLDER` of {k} files",
            ">= 500/s",
            f"{n / cli_s:.0f} articles/s ({cli_s:.1f} s; {n / cli_cpu:.0f} per CPU second)",
            n / cli_s >= 500,
            f"python benchmarks/import_bench.py {n}",
        ),
        Row(
            f"import, import_sources + store, {k} files",
            ">= 500/s",
            f"{inproc['added'] / inproc['total_s']:.0f} articles/s "
            f"(importers {inproc['parse_s']:.1f} s of {inproc['total_s']:.1f} s; "
            f"{inproc['added'] / inproc['cpu_s']:.0f} per CPU second)",
            inproc["added"] / inproc["total_s"] >= 500,
            f"python benchmarks/import_bench.py {n}",
        ),
        Row(
            f"import, store side only (Store.add_articles), {k}",
            "",
            f"{built['import_per_s']:.0f} articles/s"
            if built["import_per_s"]
            else "(store kept from an earlier run)",
            None,
            f"python benchmarks/store_bench.py {n}",
        ),
    ]
    log(f"  done: {summary}")
    return rows


def big_rows(n: int, log, hello: float, stores: Path | None = None) -> list[Row]:
    """First paint, filter and memory at n articles (issue 17: <= 100 ms, <= 400 MB)."""
    tui_bench.RUNS = 3  # a 100,000-article launch is slow to repeat
    with tempfile.TemporaryDirectory(prefix="briefing-run-all-big-") as tmp:
        folder = Path(tmp) / "store"
        built = _store(folder, n, stores, log)
        log(f"  built in {built['build_s']:.0f} s; tui_bench ({tui_bench.RUNS} launches)")
        tui = tui_bench.measure(folder)
    k = f"{n:,}"
    return [
        paint_row(tui, hello, n),
        first_paint_filter_row(tui, n),
        Row(
            f"filter keystroke to updated list, {k}",
            "<= 100 ms",
            f"{tui['filter_frame_median_ms']:.1f} ms to the next frame (list updated "
            f"{tui['filter_handled_median_ms']:.1f} ms; CPU of the app's thread "
            f"{tui['filter_frame_cpu_ms']:.1f} ms; pilot.press "
            f"{tui['filter_key_median_ms']:.1f} ms)",
            tui["filter_frame_median_ms"] <= 100,
            f"python benchmarks/tui_bench.py {n}",
        ),
        Row(
            f"peak memory of the reader (TUI, filtered), {k}",
            "<= 400 MB",
            f"{tui['peak_mb']:.0f} MB",
            tui["peak_mb"] <= 400,
            f"python benchmarks/tui_bench.py {n}",
        ),
    ]


def table(rows: list[Row], header: list[str]) -> str:
    lines = [
        *header,
        "",
        "| figure | target | measured | result | rerun |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        result = "—" if r.ok is None else "pass" if r.ok else "**MISS**"
        lines.append(f"| {r.figure} | {r.target} | {r.measured} | {result} | `{r.rerun}` |")
    return "\n".join(lines) + "\n"


def write_readme(text: str) -> None:
    """Replace what stands between the markers (or append them) and keep the rest of README.md."""
    current = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    block = f"{START}\n{text}{END}"
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        README.write_text(before + block + after, encoding="utf-8")
    else:
        README.write_text(current.rstrip("\n") + "\n\n" + block + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--quick", action="store_true", help=f"skip the {100_000:,} run")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument(
        "--big", type=int, default=100_000, help="the large store's size (building it is slow)"
    )
    parser.add_argument("--docs", type=int, default=300, help="articles for analysis_bench")
    parser.add_argument("--no-write", action="store_true", help="print only, leave README.md")
    parser.add_argument(
        "--stores",
        type=Path,
        help="keep the synthetic stores here (store-N) and reuse them in later runs",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    before = machine()
    commit = subprocess.run(  # at the start: others may commit while this runs
        ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    log("Textual hello-world, first paint")
    hello = tui_bench.hello_world()
    rows = at_size(args.n, log, hello, args.stores)
    log(f"analysis_bench ({args.docs} articles, one core)")
    found = analysis(args.docs)
    rows += [
        Row(
            "analysis, default pipeline with facts, one core",
            ">= 20,000 tokens/s",
            f"{found['full_tokens_per_s']:.0f} tokens/s "
            f"({found['full_tokens_per_cpu_s']:.0f} per CPU second)",
            found["full_tokens_per_s"] >= 20_000,
            f"python benchmarks/analysis_bench.py {args.docs}",
        ),
        Row(
            "analysis, pipeline with rules, no facts, one core",
            "",
            f"{found['no_facts_tokens_per_s']:.0f} tokens/s "
            f"({found['no_facts_tokens_per_cpu_s']:.0f} per CPU second)",
            None,
            f"python benchmarks/analysis_bench.py {args.docs}",
        ),
        Row(
            "analysis, model only (no rules, no facts), one core",
            "",
            f"{found['model_tokens_per_s']:.0f} tokens/s "
            f"({found['model_tokens_per_cpu_s']:.0f} per CPU second)",
            None,
            f"python benchmarks/analysis_bench.py {args.docs}",
        ),
    ]
    if not args.quick:
        rows += big_rows(args.big, log, hello, args.stores)
    pipelines = ", ".join(f"{k}: {v}" for k, v in found["pipelines"].items())
    header = [
        f"Run of {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC at commit {commit or '?'}"
        f" (`python benchmarks/run_all.py{' '.join(['', *argv])}`,"
        f" {time.perf_counter() - started:.0f} s).",
        "",
        f"- machine at the start: {before}",
        f"- machine at the end: {machine()}",
        f"- analysis: {found['docs']} articles, {found['tokens']} tokens; {pipelines}",
    ]
    text = table(rows, header)
    print(text)
    if not args.no_write:
        write_readme(text)
        print(f"written to {README}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
