"""Train briefing's syntax components (tok2vec, morphologizer, parser) from UD treebanks.

usage:
  python training/train_syntax.py --lang it [--install] [-- spacy train overrides...]
  python training/train_syntax.py --lang en --score   # LAS/UAS/POS of the installed model
  python training/train_syntax.py --lang en --listen-to-ner   # listeners on the NER tok2vec

CoNLL-U from ../shared/training/ud/ (override with --data) becomes DocBins under
training/corpus/syntax_<lang>/ (multi-word tokens merged, as briefing's tokenizer keeps
"della" whole), `spacy train` writes training/output/syntax_<lang>/, and --install copies the
best model to briefing/nlp/models/<lang>_briefing_syntax/ with its licence. The held-out files
are never trained on nor used to pick checkpoints: --score reads only them. --listen-to-ner
trains configs/syntax_shared.cfg instead (no tok2vec of their own: the morphologizer and parser
listen to the bundled NER model's tok2vec, kept frozen) into training/output/syntax_<lang>_shared/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training.converters import conllu_to_docs  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = ROOT.parent / "shared" / "training" / "ud"
MODELS_DIR = ROOT / "briefing" / "nlp" / "models"


@dataclass(frozen=True)
class Split:
    train: tuple[str, ...]
    dev: tuple[str, ...]  # spaCy's checkpoint selection
    held_out: tuple[str, ...]  # scored only
    licence: str
    licence_note: str


SPLITS = {
    # Italian has no ISDT/VIT train file here: their dev (and VIT's test) files are trained on,
    # and a test file of every genre is held out.
    "it": Split(
        train=(
            "it/it_parlamint-ud-train.conllu",
            "it/it_partut-ud-train.conllu",
            "it/it_isdt-ud-dev.conllu",
            "it/it_vit-ud-dev.conllu",
            "it/it_vit-ud-test.conllu",
        ),
        dev=("it/it_partut-ud-dev.conllu",),
        held_out=(
            "it/it_isdt-ud-test.conllu",
            "it/it_parlamint-ud-test.conllu",
            "it/it_partut-ud-test.conllu",
        ),
        licence="CC BY-NC-SA 4.0",
        licence_note=(
            "Trained on Universal Dependencies Italian ParTUT (CC BY-NC-SA 4.0), ISDT and VIT "
            "(CC BY-NC-SA 3.0) and ParlaMint (CC BY-SA 4.0): the most restrictive terms apply, "
            "so this model is for non-commercial use and shares alike."
        ),
    ),
    "en": Split(
        train=("en/en_ewt-ud-train.conllu",),
        dev=("en/en_ewt-ud-dev.conllu",),
        held_out=("en/en_ewt-ud-test.conllu",),
        licence="CC BY-SA 4.0",
        licence_note="Trained on Universal Dependencies English EWT (CC BY-SA 4.0).",
    ),
}


def read_docs(data: Path, files: tuple[str, ...], lang: str) -> list:
    vocab = spacy.blank(lang).vocab
    docs = []
    for name in files:
        text = (data / name).read_text(encoding="utf-8")
        docs.extend(conllu_to_docs(text, n_sents=10, merge_subtokens=True, no_print=True))
    # conllu_to_docs makes its own vocab; a DocBin only needs the annotations
    return [doc for doc in docs if len(doc)] or [spacy.tokens.Doc(vocab, words=["."])]


def build_corpus(lang: str, data: Path, corpus: Path) -> dict[str, int]:
    corpus.mkdir(parents=True, exist_ok=True)
    split = SPLITS[lang]
    counts = {}
    for part in ("train", "dev", "held_out"):
        docs = read_docs(data, getattr(split, part), lang)
        DocBin(docs=docs, store_user_data=False).to_disk(corpus / f"{part}.spacy")
        counts[part] = sum(len(list(doc.sents)) for doc in docs)
    return counts


def train(lang: str, corpus: Path, out: Path, extra: list[str], listen_to_ner: bool) -> float:
    start = time.perf_counter()
    config = "syntax_shared.cfg" if listen_to_ner else "syntax.cfg"
    if listen_to_ner:
        extra = ["--paths.ner", str(MODELS_DIR / f"{lang}_briefing_ner"), *extra]
    command = [
        sys.executable, "-m", "spacy", "train", str(HERE / "configs" / config),
        "--output", str(out), "--nlp.lang", lang,
        "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"),
        *extra,
    ]  # fmt: skip
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def score(model: Path, corpus: Path) -> dict[str, float]:
    """LAS, UAS, POS and morphology accuracy on the held-out part, through spaCy's scorer."""
    from spacy.training import Corpus

    nlp = spacy.load(model)
    examples = list(Corpus(corpus / "held_out.spacy")(nlp))
    scores = nlp.evaluate(examples)
    return {key: round(scores[key], 4) for key in ("dep_las", "dep_uas", "pos_acc", "morph_acc")}


def install(lang: str, best: Path, seconds: float | None, scores: dict[str, float]) -> Path:
    split = SPLITS[lang]
    target = MODELS_DIR / f"{lang}_briefing_syntax"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best, target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=f"briefing_{lang}_syntax",
        version="1.0.0",
        license=split.licence,
        description="briefing syntax: POS, morphology and dependencies from UD "
        f"({', '.join(split.train)}); held-out LAS {scores.get('dep_las')}",
        author="briefing",
    )
    if seconds is not None:
        meta["training_seconds"] = round(seconds)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (target / "LICENSE.md").write_text(
        f"# {meta['name']}\n\nLicence: **{split.licence}**.\n\n{split.licence_note}\n",
        encoding="utf-8",
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--lang", choices=sorted(SPLITS), required=True)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--install", action="store_true", help="copy the best model in")
    parser.add_argument("--score", action="store_true", help="score the installed model")
    parser.add_argument("--skip-train", action="store_true", help="install the last run's best")
    parser.add_argument(
        "--listen-to-ner", action="store_true", help="train on the NER model's frozen tok2vec"
    )
    args, extra = parser.parse_known_args(argv)
    corpus = HERE / "corpus" / f"syntax_{args.lang}"
    out = HERE / "output" / f"syntax_{args.lang}{'_shared' if args.listen_to_ner else ''}"
    print("sentences:", build_corpus(args.lang, args.data, corpus), flush=True)
    if args.score:
        print(json.dumps(score(MODELS_DIR / f"{args.lang}_briefing_syntax", corpus)))
        return 0
    seconds = None if args.skip_train else train(args.lang, corpus, out, extra, args.listen_to_ner)
    scores = score(out / "model-best", corpus)
    print("held out:", json.dumps(scores), f"train {seconds or 0:.0f} s", flush=True)
    if args.install:
        print("installed", install(args.lang, out / "model-best", seconds, scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
