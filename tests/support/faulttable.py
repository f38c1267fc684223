"""The fault table: every `@pytest.mark.fault(area, fault, outcome)` test, rendered as docs/FAULTS.md.

Markers are read from the test sources (no test is imported or run), so the table can be
regenerated in a second and checked by tests/test_faulttable.py on every run:

    python -m tests.support.faulttable > docs/FAULTS.md
    BRIEFING_UPDATE_FAULTS=1 pytest tests/test_faulttable.py

A marker must be a decorator on a test function with three string literals; anything else
(a computed string, a module-level `pytestmark`) is refused, so no row can silently go missing.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
DOC = ROOT / "docs" / "FAULTS.md"

# Areas in the order a reader meets them; an area not listed here sorts after these.
AREAS = [
    "store", "backups", "import", "feeds", "urls", "analysis", "query", "reader", "cli", "export",
]  # fmt: skip

HEADER = """\
# Faults and hostile input

Every fault and hostile input briefing is tested against, and what happens. This file is
generated from the `@pytest.mark.fault(area, fault, outcome)` markers on the tests that try
them (`python -m tests.support.faulttable > docs/FAULTS.md`); `tests/test_faulttable.py` fails when it
is out of date. A row is only here while its test exists and passes with the suite.

"""


class MarkerError(ValueError):
    """A fault marker the table cannot read (not three string literals, or not on a test)."""


@dataclass(frozen=True, order=True)
class FaultRow:
    """One marker: what was tried, what happens, and the test that shows it."""

    area: str
    fault: str
    outcome: str
    test: str  # "tests/path.py::test_name"


def _is_fault_marker(node: ast.AST) -> bool:
    """`pytest.mark.fault(...)` or `mark.fault(...)`."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "fault"
        and (
            (isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "mark")
            or (isinstance(node.func.value, ast.Name) and node.func.value.id == "mark")
        )
    )


def _row(call: ast.Call, where: str) -> FaultRow:
    args = call.args
    if call.keywords or len(args) != 3:
        raise MarkerError(f"{where}: fault marker needs exactly (area, fault, outcome)")
    if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
        raise MarkerError(f"{where}: fault marker arguments must be string literals")
    area, fault, outcome = (a.value.strip() for a in args)
    if not (area and fault and outcome):
        raise MarkerError(f"{where}: fault marker with an empty argument")
    return FaultRow(area, fault, outcome, where)


def rows_in_file(path: Path, root: Path = ROOT) -> list[FaultRow]:
    """The fault markers of one test file, in source order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    relative = path.relative_to(root).as_posix()
    found: list[FaultRow] = []
    on_tests: set[int] = set()
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    for node in sorted(functions, key=lambda n: n.lineno):  # source order, classes included
        for decorator in node.decorator_list:
            if _is_fault_marker(decorator):
                if not node.name.startswith("test"):
                    raise MarkerError(f"{relative}:{node.lineno}: {node.name} is not a test")
                found.append(_row(decorator, f"{relative}::{node.name}"))
                on_tests.add(id(decorator))
    for node in ast.walk(tree):
        if _is_fault_marker(node) and id(node) not in on_tests:
            raise MarkerError(f"{relative}:{node.lineno}: fault marker not on a test function")
    return found


def collect(tests: Path = TESTS, root: Path = ROOT) -> list[FaultRow]:
    """Every fault marker under `tests`, grouped by area (AREAS order)."""
    rows = [
        row
        for path in sorted(tests.rglob("test_*.py"))
        if "fault" in path.read_text(encoding="utf-8")  # most files have none: skip the parse
        for row in rows_in_file(path, root)
    ]

    def rank(row: FaultRow) -> int:
        return AREAS.index(row.area) if row.area in AREAS else len(AREAS)

    return sorted(rows, key=rank)  # stable: within an area, file order then source order


def _cell(text: str) -> str:
    # A pipe would end the cell and a newline the row.
    return " ".join(text.split()).replace("|", "\\|")


def render(rows: list[FaultRow]) -> str:
    """The Markdown document: a short header, then one table row per marker."""
    lines = [
        HEADER.rstrip("\n"),
        "",
        "| area | fault or hostile input | what happens | test |",
        "| --- | --- | --- | --- |",
    ]
    for row in rows:
        path, name = row.test.split("::")
        cells = (row.area, row.fault, row.outcome, f"[`{name}`](../{path})")
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    areas = sorted({r.area for r in rows}, key=lambda a: AREAS.index(a) if a in AREAS else 99)
    counts = ", ".join(f"{a} {sum(r.area == a for r in rows)}" for a in areas)
    lines += ["", f"{len(rows)} rows ({counts})."]
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.stdout.write(render(collect()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
