"""Reader benchmark: launch to first paint of the three panes, and a filter keystroke, on N articles.

Usage: python benchmarks/tui_bench.py [N ...]   (default 10000; temporary stores, removed after)
       python benchmarks/tui_bench.py --store DIR [--before TREE] [--runs R]

Each figure comes from a fresh child process started the way a user starts briefing: the
clock starts before Python imports anything of briefing or Textual and stops when the app
has painted its first full frame (Textual calls the auto-pilot right after that paint).

`--store DIR` launches on a store built before (`synth.py store DIR N`), in place: a launch
writes nothing but its list head. `--before TREE` (a checkout of an older briefing, run with
this virtualenv) launches it and this tree alternately on that store, with a hello-world
between, and prints the two side by side: the machine's load moves too much between runs to
compare figures taken apart. Both trees' modules are compiled first (an installed briefing
has its .pyc files; PYTHONDONTWRITEBYTECODE would make every launch compile them again), and
each side launches once unmeasured (the page cache; this tree writes its list head then).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import build  # noqa: E402  (a sibling script, not a package)

RUNS = 5

CHILD = """
import asyncio, json, sys, time
t0 = time.perf_counter()
from briefing.config import Config
from briefing.store import Store
from briefing.tui.app import make_app
t1 = time.perf_counter()
import gc
gc.disable()  # as commands/tui.py:run_tui opens the store
try:  # from its list head when it has one, as run_tui does
    store = Store.open(sys.argv[1], backups_dir=sys.argv[2], auto_backup=False, deferred=True)
except TypeError:  # an older briefing (--before): the whole store before the first paint
    store = Store.open(sys.argv[1], backups_dir=sys.argv[2], auto_backup=False)
gc.enable()
t2 = time.perf_counter()
app = make_app(store, Config())
from textual import events
frames, listed = [], [0.0]
frame_cpu, listed_cpu = {}, {}  # wall time -> this thread's CPU time at that moment
display = app._display
def timed_display(screen, renderable):
    if renderable is not None:
        frames.append(time.perf_counter())
        frame_cpu[frames[-1]] = time.thread_time()
    display(screen, renderable)
app._display = timed_display
out = {"imports_s": t1 - t0, "store_open_s": t2 - t1}

async def pilot(pilot):
    out["first_paint_s"] = time.perf_counter() - t0
    out["app_s"] = time.perf_counter() - t2  # make_app, list, compose, first frame
    out["rows"] = len(app.article_list.articles)
    out["open"] = app.open_id is not None
    out["head_only"] = not getattr(app, "list_loaded", True)
    app.action_filter()
    # A key typed at first paint. (pilot.press would wait for the whole process to go idle,
    # workers included, so poll the app instead.)
    s = time.perf_counter()
    app.simulate_key("x")
    while app.filter_text != "x":
        await asyncio.sleep(0.001)
    out["key_while_indexing_ms"] = (time.perf_counter() - s) * 1000
    # its first rows: from the index at once, or (no index agreeing with the head) once loaded
    while " of " not in app._count_line:
        await asyncio.sleep(0.001)
    out["filter_first_rows_ms"] = (time.perf_counter() - s) * 1000
    # Usable from first paint: the key above filtered the list, no "indexing…" wait. While a
    # large store loads, the list shows the newest matching rows and the exact count
    # ("· loading the rest…"); when all its rows arrive is reported below.
    out["filter_at_first_paint"] = "indexing" not in app._count_line
    out["indexing_when_typed"] = any(w.name == "build_index" for w in app.workers)
    # ...and when its rows were on the list: at once, or once the store was loaded whole
    while not getattr(app, "list_loaded", True) or "loading" in app._count_line:
        await asyncio.sleep(0.001)
    out["filter_applied_ms"] = (time.perf_counter() - s) * 1000
    out["list_whole_s"] = time.perf_counter() - t0 - out["first_paint_s"]
    await pilot.press("backspace")
    s = time.perf_counter()
    await app.workers.wait_for_complete()
    out["index_s"] = time.perf_counter() - s
    times = []
    for key in "roma":
        s = time.perf_counter()
        await pilot.press(key)
        times.append(time.perf_counter() - s)
    out["filter_key_ms"] = max(times) * 1000
    # The same keys timed inside the app: from the key event entering the app's queue to
    # the first frame the screen composes after the list took the new rows. (pilot.press
    # also waits for the process to look idle, sleeping 20 ms at least twice.)
    await pilot.press(*["backspace"] * 4)
    handled, framed = [], []
    rows = app.article_list
    set_articles = rows.set_articles

    def timed_set_articles(articles, keep=None):
        set_articles(articles, keep=keep)
        listed.append(time.perf_counter())
        listed_cpu[listed[-1]] = time.thread_time()

    rows.set_articles = timed_set_articles
    # CPU time of the app's thread over the same spans: on a loaded machine the wall clock
    # is mostly waiting for a core (this thread's polling below adds a little to it).
    handled_cpu, framed_cpu = [], []
    for key in "roma":
        calls = len(listed)
        frames.clear()
        s, s_cpu = time.perf_counter(), time.thread_time()
        app.post_message(events.Key(key, key))
        while len(listed) == calls or not any(t > listed[-1] for t in frames):
            await asyncio.sleep(0.0005)
        frame = min(t for t in frames if t > listed[-1])
        handled.append(listed[-1] - s)
        framed.append(frame - s)
        handled_cpu.append(listed_cpu[listed[-1]] - s_cpu)
        framed_cpu.append(frame_cpu[frame] - s_cpu)
    out["filter_handled_ms"] = max(handled) * 1000
    out["filter_frame_ms"] = max(framed) * 1000
    out["filter_handled_cpu_ms"] = max(handled_cpu) * 1000
    out["filter_frame_cpu_ms"] = max(framed_cpu) * 1000
    # The same round trip for a key that changes nothing (cursor left/right in the box):
    # pilot's own wait-for-idle and a frame; the filter's cost is the difference.
    idle = []
    for key in ["left", "right"] * 3:
        s = time.perf_counter()
        await pilot.press(key)
        idle.append(time.perf_counter() - s)
    out["idle_key_ms"] = sorted(idle)[len(idle) // 2] * 1000
    out["filtered_rows"] = len(app.article_list.articles)
    app.exit()

def peak_mb():
    # VmHWM: this reader process's own peak resident memory
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

app.run(headless=True, size=(120, 36), auto_pilot=pilot)
store.close()
out["peak_mb"] = peak_mb()
print(json.dumps(out))
"""


HELLO = """
import time
t0 = time.perf_counter()
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hello, world")

async def pilot(pilot):
    print(time.perf_counter() - t0)
    pilot.app.exit()

Hello().run(headless=True, size=(120, 36), auto_pilot=pilot)
"""


HERE = Path(__file__).resolve().parent
TREE = HERE.parent  # this checkout


def _env(tree: Path) -> dict[str, str]:
    """Children import briefing from `tree` (run outside it, so the working folder does not)."""
    compileall.compile_dir(tree / "briefing", quiet=1)
    return dict(os.environ, PYTHONPATH=str(tree))


def hello_paint() -> float:
    done = subprocess.run([sys.executable, "-c", HELLO], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def hello_world(runs: int = RUNS) -> float:
    """Median launch to first paint of a Textual hello-world, timed as CHILD times the reader."""
    return statistics.median(hello_paint() for _ in range(runs))


def launch(folder: Path, tree: Path = TREE) -> dict[str, Any]:
    """One launch of the reader from `tree` on the store in `folder`: CHILD's figures."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(folder.parent / "backups")],
        capture_output=True,
        text=True,
        env=_env(tree),
        cwd=tempfile.gettempdir(),
    )
    if done.returncode:
        raise RuntimeError(f"the reader's launch failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(folder: Path) -> dict[str, float]:
    return summarise([launch(folder) for _ in range(RUNS)])


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    paints = sorted(r["first_paint_s"] for r in runs)
    keys = sorted(r["filter_key_ms"] for r in runs)
    return {
        "imports_median_s": statistics.median(r["imports_s"] for r in runs),
        "store_open_median_s": statistics.median(r["store_open_s"] for r in runs),
        "app_median_s": statistics.median(r["app_s"] for r in runs),
        "first_paint_median_s": statistics.median(paints),
        "first_paint_max_s": paints[-1],
        "filter_key_median_ms": statistics.median(keys),
        "idle_key_ms": statistics.median(r["idle_key_ms"] for r in runs),
        "filter_handled_median_ms": statistics.median(r["filter_handled_ms"] for r in runs),
        "filter_frame_median_ms": statistics.median(r["filter_frame_ms"] for r in runs),
        "filter_handled_cpu_ms": statistics.median(r["filter_handled_cpu_ms"] for r in runs),
        "filter_frame_cpu_ms": statistics.median(r["filter_frame_cpu_ms"] for r in runs),
        "key_while_indexing_ms": statistics.median(r["key_while_indexing_ms"] for r in runs),
        "filter_applied_ms": statistics.median(r["filter_applied_ms"] for r in runs),
        "filter_first_rows_ms": statistics.median(r["filter_first_rows_ms"] for r in runs),
        "list_whole_s": statistics.median(r["list_whole_s"] for r in runs),
        "head_only": all(r["head_only"] for r in runs),
        "index_s": statistics.median(r["index_s"] for r in runs),
        "peak_mb": statistics.median(r["peak_mb"] for r in runs),
        "rows": runs[0]["rows"],
        "filter_at_first_paint": all(r["filter_at_first_paint"] for r in runs),
        "filtered_rows": runs[0]["filtered_rows"],
    }


SIDE_BY_SIDE = [  # (figure, key in summarise(), unit)
    ("launch to first paint", "first_paint_median_s", "s"),
    ("  of which imports", "imports_median_s", "s"),
    ("  of which store open", "store_open_median_s", "s"),
    ("  of which app (list, compose, paint)", "app_median_s", "s"),
    ("rows at first paint", "rows", ""),
    ("a key at first paint: its first rows after", "filter_first_rows_ms", "ms"),
    ("a key at first paint: all its rows after", "filter_applied_ms", "ms"),
    ("every article listed, after first paint", "list_whole_s", "s"),
    ("keystroke, list updated (wall)", "filter_handled_median_ms", "ms"),
    ("keystroke, list updated (app thread's CPU)", "filter_handled_cpu_ms", "ms"),
    ("keystroke, next frame (wall)", "filter_frame_median_ms", "ms"),
    ("keystroke, next frame (app thread's CPU)", "filter_frame_cpu_ms", "ms"),
    ("peak memory of the reader", "peak_mb", "MB"),
]


def side_by_side(folder: Path, before: Path, runs: int) -> None:
    """This tree and `before` on the same store, launches alternating, hello-worlds between."""
    sides = {"before": before, "after": TREE}
    found: dict[str, list] = {name: [] for name in sides}
    hellos: dict[str, list] = {name: [] for name in sides}
    for tree in sides.values():
        launch(folder, tree)  # unmeasured: the page cache, and this tree's list head
    for _ in range(runs):
        for name, tree in sides.items():
            found[name].append(launch(folder, tree))
            hellos[name].append(hello_paint())
    figures = {name: summarise(found[name]) for name in sides}
    hello = {name: statistics.median(hellos[name]) for name in sides}
    print(f"{folder}: medians of {runs} launches a side, alternating; load {os.getloadavg()}")
    print(f"  {'figure':46} {'before':>10} {'after':>10}")
    for label, key, unit in SIDE_BY_SIDE:
        b, a = figures["before"][key], figures["after"][key]
        print(f"  {label:46} {b:>10.3f} {a:>10.3f} {unit}")
    print(
        f"  {'Textual hello-world (launches between)':46} {hello['before']:>10.3f} "
        f"{hello['after']:>10.3f} s"
    )
    for name in sides:
        ratio = figures[name]["first_paint_median_s"] / hello[name]
        print(f"  first paint / hello-world, {name}: {ratio:.2f} (target <= 1.3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("sizes", nargs="*", type=int, help="store sizes to build (default 10000)")
    parser.add_argument("--store", type=Path, help="launch on this store instead of building")
    parser.add_argument("--before", type=Path, help="an older checkout to launch alternately")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    if args.store is not None and args.before is not None:
        side_by_side(args.store.resolve(), args.before.resolve(), args.runs)
        return
    if args.store is not None:
        report(
            f"{args.store}",
            summarise([launch(args.store) for _ in range(args.runs)]),
            hello_world(args.runs),
        )
        return
    for n in args.sizes or [10_000]:
        with tempfile.TemporaryDirectory(prefix="briefing-tui-bench-") as tmp:
            folder = Path(tmp) / "store"
            start = time.perf_counter()
            build(folder, n)
            built = time.perf_counter() - start
            figures = measure(folder)
            hello = hello_world()
        report(f"{n} articles (store built in {built:.1f} s)", figures, hello)


def report(what: str, figures: dict[str, Any], hello: float) -> None:
    """The figures of one tree, as lines to read."""
    print(f"{what}, {RUNS} launches:")
    print(
        f"  launch to first paint: median {figures['first_paint_median_s']:.3f} s, "
        f"worst {figures['first_paint_max_s']:.3f} s ({figures['rows']} rows listed); "
        f"a Textual hello-world {hello:.3f} s, ratio "
        f"{figures['first_paint_median_s'] / hello:.2f} (target <= 1.3)"
    )
    print(
        f"    of which imports {figures['imports_median_s']:.3f} s, store open "
        f"{figures['store_open_median_s']:.3f} s, app (list + compose + paint) "
        f"{figures['app_median_s']:.3f} s"
    )
    print(
        f"  keystroke while the index builds: median {figures['key_while_indexing_ms']:.1f} ms; "
        f"index ready {figures['index_s']:.2f} s after first paint "
        f"(filter applied from first paint: {figures['filter_at_first_paint']})"
    )
    print(
        f"  filter keystroke to updated list (worst key of 'roma'): "
        f"median {figures['filter_key_median_ms']:.1f} ms ({figures['filtered_rows']} rows)"
    )
    print(f"  a key that changes nothing, same round trip: {figures['idle_key_ms']:.1f} ms")
    print(
        "  filter keystroke inside the app (worst key of 'roma'): list updated "
        f"{figures['filter_handled_median_ms']:.1f} ms, next frame composed "
        f"{figures['filter_frame_median_ms']:.1f} ms; CPU of the app's thread over them "
        f"{figures['filter_handled_cpu_ms']:.1f} ms and {figures['filter_frame_cpu_ms']:.1f} ms"
    )
    print(
        f"  a key at first paint: its first rows {figures['filter_first_rows_ms']:.0f} ms "
        f"after, all its rows {figures['filter_applied_ms']:.0f} ms after; every article "
        f"listed {figures['list_whole_s']:.2f} s after first paint"
    )
    print(f"  peak memory of the reader (index built, filtered): {figures['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
