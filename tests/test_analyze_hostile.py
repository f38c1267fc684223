"""`briefing analyze --jsonl` and the value rules on hostile input: one bad line never stops a run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import analysis
from briefing.nlp.rules.shared.amounts import money_value, percent_value, quantity_value

REPO = Path(__file__).resolve().parent.parent


def run_analyze_jsonl(stdin: bytes, home: Path) -> subprocess.CompletedProcess:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefing import paths\n"
        f"paths.bundled_models_dir = lambda: Path({str(home)!r}) / 'no-models'\n"
        "from briefing import cli\n"
        "sys.exit(cli.main(['analyze', '--jsonl', '-']))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], input=stdin, capture_output=True, cwd=REPO, timeout=300
    )


def _line(**fields) -> bytes:
    return json.dumps(fields).encode()


NINES = "9" * 400


@pytest.mark.fault(
    "analysis",
    '`analyze --jsonl` lines with "lang": 123, a numeric `published`, 100,000 `[`, a lone surrogate, invalid UTF-8, a JSON list, no text',
    "one 'line N: ...' error on stderr per bad line, exit 1; every good line analysed, in order, none partial",
)
def test_analyze_jsonl_reports_each_bad_line_and_analyses_the_rest(temp_home: Path):
    good = {
        "g1": "Il 19,3% dei delegati era a Kyiv ieri.",
        "g2": "The fund of $1.2bn went to Germany on Tuesday.",
        "g3": "Berlino, 18 dicembre 2025. I colloqui riprendono domani.",
    }
    bad = [
        _line(id="b1", lang=123, text="x"),
        _line(id="b2", published=20251218, text="x"),
        b"[" * 100_000,
        b'{"id": "b4", "text": "a \\ud800 b"}',
        b'{"id": "b5", "text": "a \xff\xfe b"}',
        b'["not", "an", "object"]',
        _line(id="b7"),
    ]
    lines = [_line(id="g1", text=good["g1"]), *bad[:4], _line(id="g2", text=good["g2"])]
    lines += [*bad[4:], _line(id="g3", lang="it", text=good["g3"])]
    proc = run_analyze_jsonl(b"\n".join(lines) + b"\n", temp_home)
    assert proc.returncode == 1, proc.stderr.decode(errors="replace")[-2000:]
    errors = proc.stderr.decode().splitlines()
    bad_numbers = [n for n, line in enumerate(lines, start=1) if line in bad]
    assert [e.split(":")[1].strip() for e in errors] == [f"line {n}" for n in bad_numbers]
    assert "Traceback" not in proc.stderr.decode()
    rows = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == ["g1", "g2", "g3"]
    for row in rows:
        assert not row["pipeline_version"].endswith(analysis.PARTIAL)
        for entity in row["entities"]:
            assert good[row["id"]][entity["start"] : entity["end"]] == entity["text"]
    assert ("19,3%", "19.3%") in {(e["text"], e.get("value")) for e in rows[0]["entities"]}


@pytest.mark.fault(
    "analysis",
    "400 nines as money, a percentage and a quantity; a published date at the calendar's edge (9999-12-31, 0001-01-01) or a number",
    "analysed in full, never partial: the huge amounts are entities without a value; relative dates past the calendar are dates with iso null; the other facts kept",
)
@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", 20251218, None])
def test_overflowing_amounts_and_dates_keep_the_analysis_whole(rules_only, published):
    text = (
        f"The agency paid ${NINES} and {NINES}% of the {NINES} km road yesterday, "
        "tomorrow, next week and 3 days ago, on 18 December 2025, the minister said."
    )
    result = analysis.analyse_text(text, "en", published)
    assert not result.pipeline_version.endswith(analysis.PARTIAL)
    by_text = {e.text: e for e in result.entities}
    huge = [e for e in result.entities if NINES[:50] in e.text]
    assert huge and all(e.value is None for e in huge)
    assert by_text["18 December 2025"].value == "2025-12-18"
    dates = {d.text: d.iso for d in result.facts.dates}
    assert dates["18 December 2025"] == "2025-12-18"
    if published == "9999-12-31":
        assert dates["tomorrow"] is None and dates["3 days ago"] == "9999-12-28"
    elif published == "0001-01-01":
        assert dates["yesterday"] is None and dates["tomorrow"] == "0001-01-02"
    else:  # no usable anchor: relative dates cannot be placed
        assert dates["yesterday"] is None


@settings(max_examples=200, deadline=None)
@given(
    digits=st.integers(min_value=1, max_value=600),
    separator=st.sampled_from(["", ",", ".", "'"]),
    tail=st.sampled_from(["", " bn", " miliardi", " km", "%", " per cento", " trillion"]),
    lang=st.sampled_from(["it", "en"]),
)
@pytest.mark.fault(
    "analysis",
    "numbers of up to 600 digits with any separators and scales into the amount rules (hypothesis)",
    "a finite value or none; never an exception",
)
def test_amount_values_never_overflow(digits: int, separator: str, tail: str, lang: str):
    number = separator.join(["9" * 3] * (digits // 3 + 1))[: max(digits, 1)]
    for parse in (money_value, percent_value, quantity_value):
        value = parse(f"€{number}{tail}", lang)
        assert value is None or ("inf" not in value and "nan" not in value)
