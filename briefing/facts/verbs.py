"""Verbs that report speech, thought, plans or findings, with their inflected forms.

`data/reporting_verbs.jsonl` lists lemmas with a kind; regular forms are generated here (Italian
by conjugation class, English by spelling rules) and irregular ones are listed in the entry, so
"dichiarò", "dichiarerebbe" and "avevano dichiarato" are found without a lemmatizer.
"""

from __future__ import annotations

import json
from functools import cache

from briefing.facts.text import DATA

# Kinds: speech ("said"), report ("the survey shows"), thought ("believes"), plan ("wants").
# Only speech frames a quote; every kind gives an attribution when it has a content clause.
SPEECH = "speech"
# A form that training data marks as a cue ("blasted", "cited"): a frame when it has a source.
LEARNED = "learned"


def _italian(lemma: str, isc: bool) -> list[str]:
    if lemma.endswith("rsi"):  # reflexive lemmas list their forms
        return []
    stem, ending = lemma[:-3], lemma[-3:]
    # "spiegare" -> "spiegherà"; "annunciare" -> "annuncerà": the sound kept before e.
    future = stem + "h" if stem.endswith(("c", "g")) else stem
    if stem.endswith(("ci", "gi")):
        future = stem[:-1]
    if ending == "are":
        return [
            lemma, stem + "a", stem + "ano", stem + "ato", stem + "ata", stem + "ati", stem + "ate",
            stem + "ò", stem + "arono", stem + "ando", stem + "ava", stem + "avano",
            future + "erà", future + "eranno", future + "erebbe", future + "erebbero",
        ]  # fmt: skip
    if ending == "ere":
        return [
            lemma, stem + "e", stem + "ono", stem + "uto", stem + "uta", stem + "uti", stem + "ute",
            stem + "é", stem + "ette", stem + "erono", stem + "ettero", stem + "endo",
            stem + "eva", stem + "evano", stem + "erà", stem + "eranno", stem + "erebbe",
            stem + "erebbero",
        ]  # fmt: skip
    present = [stem + "isce", stem + "iscono"] if isc else [stem + "e", stem + "ono"]
    return present + [
        lemma, stem + "ito", stem + "ita", stem + "iti", stem + "ite", stem + "ì", stem + "irono",
        stem + "endo", stem + "iva", stem + "ivano", stem + "irà", stem + "iranno",
        stem + "irebbe", stem + "irebbero",
    ]  # fmt: skip


def _english(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return [lemma, third, past, ing]


# Not "si": "chiedendosi", "riferendosi" are other verbs (to wonder, to refer to).
_IT_CLITICS = (
    "lo la li le ne gli mi ti ci vi glielo gliela glieli gliele gliene melo mela telo tela "
    "celo cela".split()
)


@cache
def reporting_verbs(lang: str) -> dict[str, str]:
    """Every inflected form of a reporting verb in `lang`, lower case -> its kind."""
    forms: dict[str, str] = {}
    with (DATA / "reporting_verbs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            entry = json.loads(line)
            if entry["lang"] != lang:
                continue
            listed = entry.get("forms")
            if listed:
                words = listed
            elif lang == "it":
                words = _italian(entry["lemma"], entry.get("isc", False))
            else:
                words = _english(entry["lemma"])
            for word in words:
                forms.setdefault(word.lower(), entry["kind"])
                if lang == "it" and word.endswith("ndo"):
                    # "definendolo", "dicendogli": Italian joins the pronouns to a gerund
                    for clitic in _IT_CLITICS:
                        forms.setdefault(word.lower() + clitic, entry["kind"])
    learned = DATA / f"learned_cues_{lang}.jsonl"
    if learned.is_file():  # forms annotated as cues in training data (training/learn_cues.py)
        with learned.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    forms.setdefault(json.loads(line)["word"], LEARNED)
    return forms
