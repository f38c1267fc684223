"""Facts accuracy against the hand-written gold in ../shared/corpus/gold: recall and precision per kind.

Run from the repository root: `python benchmarks/facts_accuracy.py [--verbose]`.
Each gold file names a raw article; the article is imported with briefing's importers and
analysed with briefing's default pipeline, exactly as the reader would, then compared:

- people: names, lenient on accents and case, a surname matching its full name;
- roles: a gold role found when a predicted role of that person overlaps it (one contains the
  other, or they share half their words);
- quotes: the quoted text found (overlap) with the right speaker (a name word in common);
- dates: the expression found where the gold text is, on the right ISO day (a gold date
  without an ISO value only needs to be found);
- attributions, numbers: found where the gold text is;
- organisations, places: names, alternatives split on " / ".

Precision of quotes counts direct quotes only: the gold lists no reported speech.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOALS = {
    "people": 0.9,
    "roles": 0.7,
    "quotes+speaker": 0.8,
    "dates (ISO day)": 0.9,
    "attributions": 0.8,
}

sys.path.insert(0, str(ROOT))

from briefing.facts.text import fold  # noqa: E402


@dataclass
class Score:
    found: int = 0  # gold items recalled
    gold: int = 0
    right: int = 0  # predictions that are correct
    predicted: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    def precision(self) -> float | None:
        return self.right / self.predicted if self.predicted else None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2}


def _name_match(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    ta, tb = fa.split(), fb.split()
    # "Trump" ~ "Donald Trump": every word of the shorter name in the longer one.
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return bool(short) and all(t in long_ for t in short)


def _role_match(pred: str, gold: str) -> bool:
    fp, fg = fold(pred), fold(gold)
    if fp in fg or fg in fp:
        return True
    wp, wg = _words(pred), _words(gold)
    return bool(wp and wg) and len(wp & wg) / min(len(wp), len(wg)) >= 0.5


def _alternatives(gold_name: str) -> list[str]:
    plain = re.sub(r"\([^)]*\)", "", gold_name)
    return [p.strip() for p in plain.split("/") if p.strip()]


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if not spans and "(" in needle:  # "secondo il network (Cbs News)": a note in brackets
        return _occurrences(text, re.sub(r"\s*\([^)]*\)", "", needle).strip())
    if not spans:  # the gold may differ in spacing or apostrophes: fall back to folded search
        folded, target = fold(text), fold(needle)
        if len(folded) == len(text):
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(target), folded)]
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def _same_iso(pred: str | None, gold: str | None) -> bool:
    if gold is None:
        return True
    if pred is None:
        return False
    if "T" in gold and re.fullmatch(r"\d\d:\d\d", pred):  # a time of day: compare the clock
        return gold.split("T")[1][:5] == pred
    return pred[: len(gold)] == gold or pred == gold


def _speaker_match(pred: str | None, gold: str) -> bool:
    if not pred:
        return False
    return bool(_words(pred) & _words(gold))


def _import(raw: Path):
    try:
        from briefing.ingest.registry import import_file
    except ImportError:
        return _read_plainly(raw)
    results = import_file(raw)
    articles = [r for r in results if hasattr(r, "body")]
    return articles[0] if articles else None


def _read_plainly(raw: Path):
    """Without briefing's importers: main text by trafilatura, front matter dropped."""
    from briefing.models import Article

    data = raw.read_text(encoding="utf-8", errors="replace")
    if raw.suffix in {".html", ".htm"}:
        import trafilatura

        body = trafilatura.extract(data) or ""
    else:
        body = re.sub(r"\A---\n.*?\n---\n", "", data, flags=re.S)
    return Article(id=raw.name, title="", body=body, published=None)


def _text_of(article) -> str:
    # The gold covers the headline and the body: analyse them as the reader shows them.
    return f"{article.title}\n\n{article.body}" if article.title else article.body


def _oracle_facts(text: str, lang: str, published: str | None, gold: dict, analysis):
    """Diagnostic only: the gold's names placed as entities, to measure the facts logic apart
    from the recogniser. Never the headline figure."""
    import spacy

    from briefing.facts import facts_from_text
    from briefing.facts.text import Ent

    names: dict[str, str] = {}
    for person in gold.get("people", []):
        names[person["name"]] = "PER"
        names.setdefault(person["name"].split()[-1], "PER")
    for kind, label in (("organizations", "ORG"), ("places", "LOC")):
        for g in gold.get(kind, []):
            for alt in _alternatives(g):
                names.setdefault(alt, label)
    ents: list[Ent] = []
    for surface in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(m.start() < e.end and e.start < m.end() for e in ents):
                ents.append(Ent(m.start(), m.end(), names[surface], m.group()))
    for e in analysis.entities:
        if e.label not in {"PER", "ORG", "LOC", "MISC"} and not any(
            e.start < o.end and o.start < e.end for o in ents
        ):
            ents.append(Ent(e.start, e.end, e.label, e.text, e.value))
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    return facts_from_text(text, lang, published, sorted(ents, key=lambda e: e.start), sents)


def evaluate(verbose: bool, oracle: bool = False) -> int:
    gold_dir, raw_dir = CORPUS / "gold", CORPUS / "raw"
    if not gold_dir.is_dir():
        print(f"no gold corpus at {gold_dir}: nothing to measure")
        return 0
    try:
        from briefing.analysis import analyse_text
    except ImportError:
        print("briefing.analysis is missing: a figure from a stand-in pipeline would not be honest")
        return 1
    scores = _new_scores()
    by_lang: dict[str, dict[str, Score]] = {}
    pipelines = set()
    started = time.perf_counter()
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        raw = raw_dir / gold_file.name.removesuffix(".json")
        article = _import(raw)
        if article is None:
            print(f"{raw.name}: could not import, skipped")
            continue
        text = _text_of(article)
        lang = gold.get("meta", {}).get("lang") or article.lang
        analysis = analyse_text(text, lang, article.published, author=article.author)
        pipelines.add(f"{analysis.pipeline} {analysis.pipeline_version}")
        facts = (
            _oracle_facts(text, lang, article.published, gold, analysis)
            if oracle
            else analysis.facts
        )
        _compare(scores, gold, facts, text, raw.name)
        _compare(by_lang.setdefault(lang, _new_scores()), gold, facts, text, raw.name)
    elapsed = time.perf_counter() - started

    print(f"pipelines: {', '.join(sorted(pipelines))}   ({elapsed:.1f} s)")
    if oracle:
        print("DIAGNOSTIC: gold names placed as entities (--oracle-names); not a measured figure")
    if any(p.split()[0].endswith("_rules") for p in pipelines):
        print("NOTE: a rules-only pipeline was used (no trained model for a language): people,")
        print("      organisations and places then depend on gazetteers alone.")
    _table(scores)
    for lang, lang_scores in sorted(by_lang.items()):
        print(f"-- {lang} only --")
        _table(lang_scores)
    if verbose:
        for kind, s in scores.items():
            for miss in s.misses:
                print(f"  missed {kind}: {miss}")
            for wrong in s.wrong:
                print(f"  wrong  {kind}: {wrong}")
    return 0


def _new_scores() -> dict[str, Score]:
    kinds = (
        "people",
        "roles",
        "organizations",
        "places",
        "quotes+speaker",
        "quotes (text only)",
        "dates (ISO day)",
        "attributions",
        "numbers",
    )
    return {k: Score() for k in kinds}


def _table(scores: dict[str, Score]) -> None:
    print(f"{'kind':22} {'recall':>14} {'precision':>16}  goal")
    for kind, s in scores.items():
        r, p = s.recall(), s.precision()
        rs = f"{r:.2f} ({s.found}/{s.gold})" if r is not None else "-"
        ps = f"{p:.2f} ({s.right}/{s.predicted})" if p is not None else "-"
        goal = GOALS.get(kind)
        mark = (
            ""
            if goal is None
            else (f"recall >= {goal}  " + ("ok" if r is not None and r >= goal else "BELOW"))
        )
        print(f"{kind:22} {rs:>14} {ps:>16}  {mark}")


def _compare(scores: dict[str, Score], gold: dict, facts, text: str, name: str) -> None:
    # People and their roles.
    s, r = scores["people"], scores["roles"]
    for person in gold.get("people", []):
        s.gold += 1
        r.gold += len(person.get("roles", []))
        match = next((p for p in facts.people if _name_match(p.name, person["name"])), None)
        if match is None:
            absent = fold(person["name"].split()[-1]) not in fold(text)
            # Bylines live in the metadata, not in the analysed text: say so beside the miss.
            s.misses.append(f"{name}: {person['name']}" + (" (not in the text)" if absent else ""))
            r.misses.extend(f"{name}: {person['name']}: {role}" for role in person.get("roles", []))
            continue
        s.found += 1
        for role in person.get("roles", []):
            if any(_role_match(pr, role) for pr in match.roles):
                r.found += 1
            else:
                r.misses.append(f"{name}: {person['name']}: {role} (have {match.roles})")
    for person in facts.people:
        s.predicted += 1
        gold_person = next(
            (g for g in gold.get("people", []) if _name_match(person.name, g["name"])), None
        )
        if gold_person:
            s.right += 1
        else:
            s.wrong.append(f"{name}: {person.name}")
        for role in person.roles:
            r.predicted += 1
            if gold_person and any(_role_match(role, g) for g in gold_person.get("roles", [])):
                r.right += 1
            else:
                r.wrong.append(f"{name}: {person.name}: {role}")

    # Organisations and places.
    for kind in ("organizations", "places"):
        s = scores[kind]
        predicted = getattr(facts, kind)
        for g in gold.get(kind, []):
            s.gold += 1
            if any(_name_match(p.name, alt) for p in predicted for alt in _alternatives(g)):
                s.found += 1
            else:
                s.misses.append(f"{name}: {g}")
        for p in predicted:
            s.predicted += 1
            if any(
                _name_match(p.name, alt) for g in gold.get(kind, []) for alt in _alternatives(g)
            ):
                s.right += 1
            else:
                s.wrong.append(f"{name}: {p.name}")

    # Quotes: text overlap, then the speaker.
    qs, qt = scores["quotes+speaker"], scores["quotes (text only)"]
    direct = [q for q in facts.quotes if not q.reported]
    gold_quotes = [(q, _occurrences(text, q["text"].strip(" ,."))) for q in gold.get("quotes", [])]
    for g, spans in gold_quotes:
        qs.gold += 1
        qt.gold += 1
        overlapping = [q for q in facts.quotes if _overlaps(spans, q.start, q.end)]
        if overlapping:
            qt.found += 1
        if any(_speaker_match(q.speaker, g["speaker"]) for q in overlapping):
            qs.found += 1
        else:
            qs.misses.append(
                f"{name}: {g['text'][:50]!r} by {g['speaker']} (have {[q.speaker for q in overlapping]})"
            )
    for q in direct:
        qs.predicted += 1
        qt.predicted += 1
        hits = [g for g, spans in gold_quotes if _overlaps(spans, q.start, q.end)]
        if hits:
            qt.right += 1
        if any(_speaker_match(q.speaker, g["speaker"]) for g in hits):
            qs.right += 1
        else:
            qs.wrong.append(f"{name}: {q.text[:50]!r} by {q.speaker}")

    # Dates on the right ISO day.
    s = scores["dates (ISO day)"]
    gold_dates = [(g, _occurrences(text, g["text"])) for g in gold.get("dates", [])]
    for g, spans in gold_dates:
        s.gold += 1
        hits = [d for d in facts.dates if _overlaps(spans, d.start, d.end)]
        if any(_same_iso(d.iso, g.get("iso")) for d in hits):
            s.found += 1
        else:
            s.misses.append(
                f"{name}: {g['text']!r} {g.get('iso')} (have {[(d.text, d.iso) for d in hits]})"
            )
    for d in facts.dates:
        s.predicted += 1
        hits = [g for g, spans in gold_dates if _overlaps(spans, d.start, d.end)]
        if any(_same_iso(d.iso, g.get("iso")) for g in hits):
            s.right += 1
        else:
            s.wrong.append(f"{name}: {d.text!r} {d.iso}")

    # Attributions and numbers: found where the gold text is.
    for kind, predicted in (("attributions", facts.attributions), ("numbers", facts.numbers)):
        s = scores[kind]
        items = gold.get(kind, [])
        located = []
        for g in items:
            g_text = g if isinstance(g, str) else g["text"]
            # "Amanda Dory ... ha dichiarato": each piece must be found, in order.
            pieces = [p.strip() for p in g_text.split("...") if p.strip()]
            spans = [sp for p in pieces for sp in _occurrences(text, p)]
            located.append((g_text, spans))
        for g_text, spans in located:
            s.gold += 1
            if any(_overlaps(spans, p.start, p.end) for p in predicted):
                s.found += 1
            else:
                s.misses.append(f"{name}: {g_text!r}")
        for p in predicted:
            s.predicted += 1
            if any(_overlaps(spans, p.start, p.end) for _, spans in located):
                s.right += 1
            else:
                s.wrong.append(f"{name}: {p.text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list every miss and wrong guess"
    )
    parser.add_argument(
        "--pipeline",
        action="append",
        default=[],
        metavar="LANG=NAME_OR_PATH",
        help="use this spaCy pipeline for a language (as the config's [pipelines] would)",
    )
    parser.add_argument(
        "--oracle-names",
        action="store_true",
        help="diagnostic: place the gold's names as entities, to measure the facts logic alone",
    )
    args = parser.parse_args()
    if args.pipeline:
        _use_pipelines(dict(item.split("=", 1) for item in args.pipeline))
    return evaluate(args.verbose, args.oracle_names)


def _use_pipelines(pipelines: dict[str, str]) -> None:
    """Point briefing at a throwaway home whose config names the pipelines."""
    import os
    import tempfile

    from briefing import paths

    home = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    os.environ[paths.HOME_ENV] = str(home)
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    lines = ["[pipelines]"] + [
        f'{lang} = "{Path(target).resolve() if Path(target).exists() else target}"'
        for lang, target in pipelines.items()
    ]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
