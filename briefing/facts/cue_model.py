"""A learned judge for the English verbs no list names: whether a verb with a subject is an
attribution cue where it stands ("Trump blasted the deal", "Republicans are betting that").

Words alone do not tell: "backed" is a stance in "Sanders backed the plan" and not in "the car
backed into a wall". A logistic regression over the verb's parse (its word, its subject, its
dependents and their words) trained on PolNeAR train (`training/learn_cue_model.py`) weighs
them. Its weights live in `data/cue_model_en.json` with the threshold chosen when it was trained.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from briefing.facts.syntax import Parse, Token
from briefing.facts.text import DATA

# Dependents whose own word says something about the verb's sense: a particle ("laid out"),
# an auxiliary ("is betting"), an adverb ("publicly"), a clause ("that ...", "to ...").
_WORDED = {"compound:prt", "aux", "advmod", "obj", "xcomp", "ccomp", "mark", "expl"}


def model_path(lang: str) -> Path:
    return DATA / f"cue_model_{lang}.json"


def candidate(parse: Parse, token: Token) -> bool:
    """A verb with an active subject: the only place the judge is asked."""
    if token.pos != "VERB" or token.dep.startswith(("aux", "cop")):
        return False
    if parse.deps(token.i, "aux:pass"):
        return False
    return parse.active_subject(token.i) is not None


def _subject_kind(subject: Token) -> str:
    if subject.pos == "PRON":
        return "pron:" + subject.lower
    if subject.ent:
        return "ent:" + subject.ent
    return "pos:" + subject.pos


def features(parse: Parse, token: Token) -> list[str]:
    """The verb's features, as strings; the same at training and at run time."""
    word = token.lower
    subject = parse.active_subject(token.i)
    assert subject is not None, "features of a candidate only"
    kind = _subject_kind(subject)
    found = [
        "bias",
        "w=" + word,
        "sk=" + kind,
        f"w|sk={word}|{kind.split(':')[0]}",
        "dep=" + token.dep,
        f"w|dep={word}|{token.dep}",
        f"form={token.feature('VerbForm')}|{token.feature('Tense')}",
    ]
    if subject.pos == "NOUN":
        found.append("sn=" + subject.lower)
    if token.head != token.i:
        head = parse.tokens[token.head]
        found.append("hp=" + head.pos)
        if token.dep in {"ccomp", "xcomp", "conj", "advcl"}:
            found.append("hw=" + head.lower)
    for dep in sorted({parse.tokens[c].dep for c in parse.children[token.i]}):
        found += ["kid=" + dep, f"w|kid={word}|{dep}"]
    for c in parse.children[token.i]:
        child = parse.tokens[c]
        if child.dep in _WORDED:
            said = f"{child.dep}={child.lower}"
        elif child.dep.startswith("obl"):
            cases = parse.deps(c, "case")
            if not cases:
                continue
            said = "obl=" + cases[0].lower  # "talked about", "responded to"
        else:
            continue
        found += ["kl=" + said, f"w|kl={word}|{said}"]
    return found


def probability(weights: dict[str, float], found: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in found)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def _model(lang: str) -> tuple[dict[str, float], float] | None:
    path = model_path(lang)
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        stored = json.load(handle)
    return stored["weights"], stored["threshold"]


def is_cue(parse: Parse, token: Token, lang: str) -> bool:
    """Whether the learned judge calls this verb a cue (False where no model was trained)."""
    model = _model(lang)
    if model is None or not candidate(parse, token):
        return False
    weights, threshold = model
    if weights.get("w=" + token.lower, 0.0) <= 0.0:
        return False  # a word training never saw as a cue: its parse alone would be a guess
    return probability(weights, features(parse, token)) >= threshold


def clear_cache() -> None:
    """Forget the loaded model (training writes a new one)."""
    _model.cache_clear()
