"""The committed gold list: big enough, well formed, and scored at the issue's targets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "data" / "identity_gold.jsonl"


def _bench():
    spec = importlib.util.spec_from_file_location(
        "linking_bench", ROOT / "benchmarks" / "linking_bench.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_list_has_enough_pairs_of_both_kinds():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert sum(r["link"] for r in rows) >= 150
    assert sum(not r["link"] for r in rows) >= 50
    for row in rows:
        assert row["a"][1] in ("PER", "ORG", "LOC") and row["b"][1] in ("PER", "ORG", "LOC")
        assert row["from"]


def test_linking_meets_the_precision_and_recall_targets_on_the_gold_list():
    bench = _bench()
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    guesses = [(row["link"], bench.predicted_link(row)) for row in rows]
    tp = sum(1 for gold, guess in guesses if gold and guess)
    fp = sum(1 for gold, guess in guesses if not gold and guess)
    fn = sum(1 for gold, guess in guesses if gold and not guess)
    assert tp / (tp + fp) >= 0.98
    assert tp / (tp + fn) >= 0.90


HELDOUT = ROOT / "benchmarks" / "data" / "identity_heldout.jsonl"


def test_held_out_list_is_big_enough_and_well_formed():
    # Scored by the benchmark only (reported, never asserted): a list tuned against is no
    # longer held out.
    rows = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    assert sum(r["link"] for r in rows) >= 60
    assert sum(not r["link"] for r in rows) >= 25
    for row in rows:
        assert row["a"][1] in ("PER", "ORG", "LOC") and row["b"][1] in ("PER", "ORG", "LOC")
        assert row["from"] and isinstance(row["same_article"], bool)
