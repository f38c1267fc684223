"""Keep spaCy's tokenizer cache working on news text.

spaCy's tokenizer caches how each whitespace-separated chunk splits, but once a text meets a
special case (an exception such as "\\n", "—" or "po'"), it caches nothing more for the rest of
that text (its `has_special` flag is never reset within a text). A newline or an em dash near
the top of an article is enough, and every later chunk is then split again with the prefix,
suffix and infix regexes: about 4.5 µs a token of the analysis here (benchmarks/analysis_bench.py).

Most exceptions only say "this chunk is one token", which the affix rules give anyway. Dropping
those leaves every split as it was and lets the cache work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer


def drop_redundant_special_cases(tokenizer: Tokenizer) -> list[str]:
    """Remove the exceptions the tokenizer's affix rules reproduce exactly; return their keys.

    An exception is redundant when it is one token with no attribute but its text, and the
    tokenizer without it still reads its text as that one token.
    """
    from spacy.attrs import ORTH

    rules = getattr(tokenizer, "rules", None)
    if not rules:  # a custom tokenizer, or one without exceptions
        return []
    single = [
        key for key, tokens in rules.items() if len(tokens) == 1 and list(tokens[0]) == [ORTH]
    ]
    tokenizer.rules = {key: tokens for key, tokens in rules.items() if key not in single}
    redundant = {key for key in single if [t.text for t in tokenizer(key)] == [key]}
    tokenizer.rules = {key: tokens for key, tokens in rules.items() if key not in redundant}
    return sorted(redundant)
