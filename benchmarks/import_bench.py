"""Import throughput without analysis: N generated files through the real importers.

Usage: python benchmarks/import_bench.py [N] [--markdown] [--against REF] [--rounds R]
       (default 10,000 files; temporary folders)

Two ways in, each into a new empty store:
  cli         `briefing --home TMP add --no-analyze FOLDER` in a child process, wall clock and
              CPU from launch to exit (Python start-up, importers, language detection, store
              writes, the close with its daily backup)
  in-process  import_sources + add_imported (what `briefing add` and the reader run), kind by
              kind, in a child process: the importers' time told from the store's, after one
              file of each kind has loaded what loads once (trafilatura, py3langid's model,
              markdown-it), whose cost is printed apart
Files come from synth.write_files, one folder per kind: shaped like the seed (a third each plain
text with a worded date line, HTML pages and Markdown with front matter), or with --markdown
the older mix (two in three Markdown with front matter). No analysis runs; the search index is
written as part of the store's writes.

--against REF measures the `briefing` package of a git revision too (`git archive`, into a
temporary folder put first on PYTHONPATH), alternating with this checkout's in each round, so
before and after share the machine's load; `uptime` is printed before and after.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET = 500  # articles per CPU second at 10,000, on one core (issue 17)
KINDS = {".txt": "text", ".html": "html", ".md": "markdown"}


def _env(tree: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if tree is not None:  # that tree's package first, before the installed (editable) one
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), env.get("PYTHONPATH")]))
    return env


def cli(files: Path, home: Path, tree: Path | None = None) -> tuple[float, str, float]:
    """Seconds for `briefing add FOLDER` from launch to exit, its summary line, and the CPU
    seconds the child used (on a shared machine the wall clock is mostly waiting for a core)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "--home", str(home), "add", "--no-analyze", str(files)],
        capture_output=True,
        text=True,
        check=False,
        env=_env(tree),
        cwd=files.parent,  # `-m` puts the working folder first: a checkout there would win
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"briefing add failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, done.stdout.strip().splitlines()[0], cpu


def package_of(tree: Path | None, cwd: Path) -> Path:
    """The `briefing` package a child started as cli() starts it imports."""
    done = subprocess.run(
        [sys.executable, "-c", "import briefing; print(briefing.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=_env(tree),
        cwd=cwd,
    )
    return Path(done.stdout.strip()).parent


def child_json(script: str, args: list[str], tree: Path | None, what: str):
    """Run `script` with `args` in a child process importing `tree`'s briefing; the JSON its
    last line prints."""
    done = subprocess.run(
        [sys.executable, script, *args],
        capture_output=True,
        text=True,
        check=False,
        env=_env(tree),
    )
    if done.returncode != 0:
        raise SystemExit(f"{what} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def in_process(files: Path, folder: Path, tree: Path | None = None) -> dict:
    """The importers and the store in a child process (see measure): totals and each kind's."""
    return child_json(__file__, ["--measure", str(files), str(folder)], tree, "in-process measure")


def measure(files: Path, folder: Path) -> dict:
    """In this process: each kind's folder imported into one store, timed between yields."""
    from briefing.ingest import import_file, import_sources
    from briefing.ingest.adding import add_imported
    from briefing.store import Store

    folders = sorted(p for p in files.iterdir() if p.is_dir())
    start_cpu = time.process_time()
    for kind_folder in folders:  # what loads once: imports, models
        import_file(next(kind_folder.iterdir()))
    warm_cpu = time.process_time() - start_cpu

    clocks = {"wall": time.perf_counter, "cpu": time.process_time}
    kinds: dict[str, dict[str, float]] = {}
    start = {name: clock() for name, clock in clocks.items()}
    with Store.open(folder, backups_dir=folder.parent / "backups", auto_backup=False) as store:
        for kind_folder in folders:
            spent = {"parse_wall": 0.0, "parse_cpu": 0.0}

            def timed(results, spent=spent):  # time inside the importers, between yields
                iterator = iter(results)
                while True:
                    began = {name: clock() for name, clock in clocks.items()}
                    try:
                        result = next(iterator)
                    except StopIteration:
                        result = None
                    for name, clock in clocks.items():
                        spent[f"parse_{name}"] += clock() - began[name]
                    if result is None:
                        return
                    yield result

            began = {name: clock() for name, clock in clocks.items()}
            tally = add_imported(store, timed(import_sources([str(kind_folder)])))
            total = {name: clock() - began[name] for name, clock in clocks.items()}
            kinds[kind_folder.name] = {
                "files": tally.seen,
                "added": len(tally.added),
                "failed": len(tally.failures),
                "total_wall": total["wall"],
                "total_cpu": total["cpu"],
                **spent,
            }
    total = {name: clock() - start[name] for name, clock in clocks.items()}
    added = sum(k["added"] for k in kinds.values())
    return {
        "added": added,
        "failed": sum(k["failed"] for k in kinds.values()),
        "total_s": total["wall"],
        "cpu_s": total["cpu"],
        "parse_s": sum(k["parse_wall"] for k in kinds.values()),
        "warm_cpu": warm_cpu,
        "kinds": kinds,
    }


def write_kinds(files: Path, n: int, shape: str) -> None:
    """synth.write_files, then one folder a kind (the CLI imports the folder recursively)."""
    sys.path.insert(0, str(HERE))
    from synth import write_files  # a sibling script, not a package

    for path in write_files(files, n, shape=shape):
        kind = files / KINDS[path.suffix]
        kind.mkdir(exist_ok=True)
        path.rename(kind / path.name)


def checkout(ref: str, into: Path) -> tuple[Path, str]:
    """The `briefing` package as it is at `ref`, unpacked under `into`, and a short name."""
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "briefing"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into, f"{ref} ({_git('rev-parse', '--short', ref)})"


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return done.stdout.strip()


def _compile(tree: Path) -> None:
    """Bytecode first, so no tree pays for compiling in its timed run."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "briefing")], check=True)


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _rate(count: float, seconds: float) -> str:
    return f"{count / seconds:6.0f}/s" if seconds > 0 else "     -"


def _split(kind: dict) -> str:
    importer = kind["parse_cpu"] * 1000 / kind["files"]
    store = (kind["total_cpu"] - kind["parse_cpu"]) * 1000 / kind["files"]
    return f"{importer:.2f} + {store:.2f}"


def report(n: int, runs: dict[str, list[dict]]) -> list[str]:
    """One column per tree, a row per figure; rates per wall second and per CPU second."""
    names = list(runs)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell) -> None:
        rows.append((label, [" | ".join(cell(run) for run in runs[name]) for name in names]))

    row("briefing add, wall", lambda r: f"{_rate(n, r['cli_s'])} ({r['cli_s']:.1f} s)")
    row(
        "briefing add, per CPU second", lambda r: f"{_rate(n, r['cli_cpu'])} ({r['cli_cpu']:.1f} s)"
    )
    inproc = "import_sources + store"
    row(f"{inproc}, wall", lambda r: f"{_rate(r['added'], r['total_s'])} ({r['total_s']:.1f} s)")
    row(
        f"{inproc}, per CPU second",
        lambda r: f"{_rate(r['added'], r['cpu_s'])} ({r['cpu_s']:.1f} s)",
    )
    row("  loaded once (first file of each kind)", lambda r: f"{r['warm_cpu']:.2f} s CPU")
    kinds = sorted({k for runs_ in runs.values() for r in runs_ for k in r["kinds"]})
    for kind in kinds:
        files = runs[names[0]][0]["kinds"][kind]["files"]
        row(
            f"  {kind} ({files}), wall",
            lambda r, k=kind: _rate(r["kinds"][k]["added"], r["kinds"][k]["total_wall"]),
        )
        row(
            f"  {kind}, per CPU second",
            lambda r, k=kind: _rate(r["kinds"][k]["added"], r["kinds"][k]["total_cpu"]),
        )
        row(f"  {kind}, CPU ms a file: importer + store", lambda r, k=kind: _split(r["kinds"][k]))
    width = 2 + max(len(c) for _, cells in rows for c in cells + names)
    lines = [f"{'':42}" + "".join(f"{name:>{width}}" for name in names)]
    lines += [f"{label:42}" + "".join(f"{c:>{width}}" for c in cells) for label, cells in rows]
    return lines


def main(argv: list[str]) -> int:
    if argv[:1] == ["--measure"]:
        print(json.dumps(measure(Path(argv[1]), Path(argv[2]))))
        return 0
    shape = "markdown" if "--markdown" in argv else "seed"
    against = argv[argv.index("--against") + 1] if "--against" in argv else None
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 1
    for flag in ("--against", "--rounds"):
        if flag in argv:
            del argv[argv.index(flag) : argv.index(flag) + 2]
    argv = [a for a in argv if a != "--markdown"]
    n = int(argv[0]) if argv else 10_000
    with tempfile.TemporaryDirectory(prefix="briefing-import-bench-") as tmp:
        files = Path(tmp) / "files"
        start = time.perf_counter()
        write_kinds(files, n, shape)
        made = time.perf_counter() - start
        size = sum(p.stat().st_size for p in files.rglob("*") if p.is_file()) / 1e6
        dirty = " + changes" if _git("status", "--porcelain", "briefing") else ""
        trees: dict[str, Path | None] = {}
        if against:
            tree, name = checkout(against, Path(tmp) / "against")
            trees[name] = tree
        trees[f"this checkout ({_git('rev-parse', '--short', 'HEAD')}{dirty})"] = ROOT
        for name, tree in trees.items():
            _compile(tree)
            package = package_of(tree, files.parent)
            if not package.is_relative_to(tree):
                raise SystemExit(f"{name}: the child imports {package}, not {tree}")
        print(
            f"import benchmark, {n} files shaped {shape!r} ({size:.1f} MB, written in "
            f"{made:.1f} s), no analysis, {rounds} round(s)\n  before: {_uptime()}",
            flush=True,
        )
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for round_ in range(rounds):
            for name, tree in trees.items():
                where = Path(tmp) / f"run{round_}-{len(runs[name])}-{abs(hash(name))}"
                cli_s, summary, cli_cpu = cli(files, where / "home", tree)
                run = in_process(files, where / "store", tree)
                run.update(cli_s=cli_s, cli_cpu=cli_cpu, summary=summary)
                runs[name].append(run)
                print(f"  {name}: {summary}; in process {run['added']} added", flush=True)
        print(f"  after:  {_uptime()}")
    for line in report(n, runs):
        print(line)
    # CPU seconds on a loaded machine vary by 10-20% from run to run (the other hyperthread,
    # caches): each tree's median and best (the least disturbed run) are printed.
    for name, rs in runs.items():
        cli_rates = sorted(n / r["cli_cpu"] for r in rs)
        inproc_rates = sorted(r["added"] / r["cpu_s"] for r in rs)
        print(
            f"{name}: per CPU second, briefing add median {median(cli_rates):.0f} best "
            f"{cli_rates[-1]:.0f}; import_sources + store median {median(inproc_rates):.0f} "
            f"best {inproc_rates[-1]:.0f}"
        )
    this = median(n / r["cli_cpu"] for r in runs[list(runs)[-1]])
    verdict = "ok" if this >= TARGET else "MISSED"
    print(
        f"import target >= {TARGET} articles per CPU second (`briefing add`, one core, "
        f"median): {this:.0f}, {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
