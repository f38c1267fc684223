"""Does an import change what gets imported? Two revisions' importers on the same files, compared.

Usage: python benchmarks/import_same.py [--against REF] [--synth N] [PATH ...]
       (default: ../shared/corpus/raw and 300 seed-shaped generated files, against main)

Each revision's `briefing` package (this checkout, and REF unpacked by `git archive`) imports
every file in a child process; every field of every Article (title, date, body, source,
author, language, credit, url, tags, id, hash; not the time it was added) and every failure
line are compared, file by file. Prints the files that differ and the fields that do; exit
status 1 when any does. Reads ../shared but copies nothing from it.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from import_bench import _git, checkout, child_json, write_kinds  # noqa: E402  (a sibling script)


def corpus() -> Path:
    """../shared/corpus/raw beside the main checkout (this may be a worktree elsewhere)."""
    main_checkout = Path(_git("rev-parse", "--path-format=absolute", "--git-common-dir")).parent
    return main_checkout.parent / "shared" / "corpus" / "raw"


def dump(paths: list[str]) -> None:
    """In this process: one JSON line per imported file, {origin: [articles or failures]}."""
    from dataclasses import asdict

    from briefing.ingest import ImportFailure, import_sources

    found: dict[str, list] = {}
    for result in import_sources(paths):
        if isinstance(result, ImportFailure):
            found.setdefault(result.source, []).append({"failure": result.reason})
            continue
        article = asdict(result)
        article.pop("added")  # the time of the import, the one field that must differ
        found.setdefault(result.origin or "-", []).append(article)
    print(json.dumps(found, ensure_ascii=False))


def imported(paths: list[str], tree: Path) -> dict[str, list]:
    return child_json(__file__, ["--dump", *paths], tree, "import")


def differences(before: list, after: list) -> list[str]:
    """The fields that differ between two imports of one file."""
    if len(before) != len(after):
        return [f"{len(before)} results before, {len(after)} after"]
    fields = []
    for old, new in zip(before, after, strict=True):
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                fields.append(f"{key}: {str(old.get(key))[:80]!r} -> {str(new.get(key))[:80]!r}")
    return fields


def main(argv: list[str]) -> int:
    if argv[:1] == ["--dump"]:
        dump(argv[1:])
        return 0
    against = "main"
    synth = 300
    if "--against" in argv:
        against = argv[argv.index("--against") + 1]
        del argv[argv.index("--against") : argv.index("--against") + 2]
    if "--synth" in argv:
        synth = int(argv[argv.index("--synth") + 1])
        del argv[argv.index("--synth") : argv.index("--synth") + 2]
    paths = argv or [str(corpus())]
    with tempfile.TemporaryDirectory(prefix="briefing-import-same-") as tmp:
        if synth:
            write_kinds(Path(tmp) / "synth", synth, "seed")
            paths.append(str(Path(tmp) / "synth"))
        tree, name = checkout(against, Path(tmp) / "against")
        before = imported(paths, tree)
        after = imported(paths, HERE.parent)
    changed = 0
    for origin in sorted(set(before) | set(after)):
        fields = differences(before.get(origin, []), after.get(origin, []))
        if fields:
            changed += 1
            print(f"{origin}:\n    " + "\n    ".join(fields))
    print(
        f"{len(before)} files imported by {name} and by this checkout: "
        f"{changed} differ, {len(before) - changed} identical"
    )
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
