"""One name, one label per article: the consistency component.

A news article names the same person or place many times; a statistical model labels each
mention alone and sometimes disagrees with itself ("Kyiv" a place, then a person) or misses
a repeat. This component makes each name's mentions agree on the label most of them got,
and labels the repeats the model left out. News names a person in full once and by surname
after ("Francesca Schiavone" ... "la Schiavone"): a surname of a full name the model called a
person is a person wherever it stands alone. It has no patterns: the article is its own list.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.nlp.labels import NAMES, NUMERIC, PEOPLE
from briefing.nlp.spans import (
    FILL,
    Candidate,
    doc_text,
    ensure_extensions,
    entities,
    inside_longer_name,
    merge,
    relabel_names,
)


class Consistency:
    """Majority label per name within a Doc; unlabelled repeats of a name get it too."""

    def __init__(
        self, nlp: Language, name: str, relabel: bool, fill: bool, surnames: bool = True
    ) -> None:
        ensure_extensions()
        self.name = name
        self.relabel = relabel
        self.fill = fill
        self.surnames = surnames

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> tuple[dict[str, str], dict[str, str]]:
        """The winning label of each name mentioned more than once, or labelled once and
        repeated; and (with `surnames`) the surname of each full name the model called a person."""
        votes: dict[str, Counter[str]] = {}
        people: dict[str, str] = {}
        for ent in entities(doc):
            if ent.label_ in NAMES and ent._.ent_source is None:  # the model's names only
                votes.setdefault(ent.text, Counter())[ent.label_] += 1
                surname = _surname(ent) if self.surnames and ent.label_ in PEOPLE else None
                if surname:
                    people[surname] = ent.label_
        winners = {}
        for text, counter in votes.items():
            (label, top), *rest = counter.most_common()
            if not rest or top > rest[0][1]:
                winners[text] = label
        return winners, people

    def set_annotations(self, doc: Doc, found: tuple[dict[str, str], dict[str, str]]) -> None:
        winners, people = found
        # "Testa" alone after "Irma Testa" is the person, whatever the model read it as alone
        relabel = {**winners, **people} if self.relabel else people
        if relabel:
            relabel_names(doc, relabel)
        winners = {**winners, **people}
        if not winners:
            return
        if self.fill:
            merge(doc, list(self._repeats(doc, winners)), FILL)

    def _repeats(self, doc: Doc, winners: dict[str, str]) -> Iterable[Candidate]:
        # Only names that cannot be ordinary words: several letters and capitalised.
        names = [t for t in winners if len(t) > 3 and t[0].isupper() and winners[t] not in NUMERIC]
        if not names:
            return
        pattern = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(t) for t in sorted(names, key=len, reverse=True))
            + r")(?!\w)"
        )
        for m in pattern.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label=winners[m.group()])
            if span is not None and not inside_longer_name(doc, span.start, span.end, known=True):
                yield Candidate(span, "rule")

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)  # nothing to keep: settings are config

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Consistency:
        return self


def _surname(ent: Span) -> str | None:
    """The last word of a full name of capitalised words ("Irma Testa" -> "Testa"); None for
    one word, a name with lowercase words ("Scandalo a Bologna") or a short last word."""
    words = [t for t in ent if not t.is_punct]
    if len(words) < 2 or not all(t.is_alpha and t.text[0].isupper() for t in words):
        return None
    last = words[-1].text
    return last if len(last) > 3 and not last.isupper() else None


# relabel is off by default: on the Italian dev set it cost more than it gained, since the
# same name can rightly be a place in one sentence and a team or government in the next.
# surnames (relabel a one-word name to a person when it is the surname of a full name the
# model called a person, and label its other mentions): Italian dev F1 +0.008.
@Language.factory(
    "briefing_consistency", default_config={"relabel": False, "fill": True, "surnames": True}
)
def make_consistency(
    nlp: Language, name: str, relabel: bool, fill: bool, surnames: bool
) -> Consistency:
    """Each name keeps one label through an article; repeats the model missed are added."""
    return Consistency(nlp, name, relabel, fill, surnames)
