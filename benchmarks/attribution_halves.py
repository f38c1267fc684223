"""Attribution figures on text the rules were never tuned on: PolNeAR train, cut in two halves.

usage: python benchmarks/attribution_halves.py [--briefing BIN]

The rules were tuned on PolNeAR dev, whose figures may flatter them; the held-out test set is
not here. Train (840 articles) stands in for it: each article goes to half A or B by a hash of
its id, so the halves stay the same from run to run, and each half, then dev, is scored by
`../shared/tools/attr_score.py` over `briefing analyze --jsonl -`. Errors were read on half A
only; half B is the check. (The English cue forms in `facts/data/learned_cues_en.jsonl` were
counted on all of train, so both halves flatter that list a little: learned from half A alone,
half B's found fell from 0.684 to 0.671. The cue judge, `facts/data/cue_model_en.json`, is
trained on all of train too; `training/learn_cue_model.py --half A --out FILE`, copied over it
for a run, gives a judge that has not seen half B.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "training" / "attribution" / "polnear_train.jsonl"
DEV = SHARED / "eval" / "attribution-dev" / "polnear_dev.jsonl"
SCORER = SHARED / "tools" / "attr_score.py"


def half_of(article_id: str) -> str:
    return "AB"[int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2]


def score(gold: Path, briefing: str) -> str:
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "--", briefing, "analyze", "--jsonl", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--briefing", default=shutil.which("briefing") or "briefing")
    args = parser.parse_args(argv)
    if not TRAIN.exists() or not DEV.exists():
        print(f"PolNeAR not found under {SHARED}: skipped")
        return 0
    rows = TRAIN.read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as folder:
        for half in "AB":
            gold = Path(folder) / f"train_{half}.jsonl"
            mine = [r for r in rows if r and half_of(json.loads(r)["id"]) == half]
            gold.write_text("\n".join(mine) + "\n", encoding="utf-8")
            print(f"train half {half} ({len(mine)} articles): {score(gold, args.briefing)}")
    print(f"dev ({sum(1 for _ in DEV.open())} articles): {score(DEV, args.briefing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
