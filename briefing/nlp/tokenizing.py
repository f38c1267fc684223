"""Keep spaCy's tokenizer cache working on news text.

spaCy's tokenizer caches how each whitespace-separated chunk splits; a chunk it has to split
again with the prefix, suffix and infix regexes costs about 4.5 µs a token of the analysis here
(benchmarks/analysis_bench.py). Two things stopped the cache working:

- once a text meets a special case (an exception such as "\\n", "—" or "po'"), nothing more of
  that text is cached (spaCy's `has_special` flag is never reset within a text), and a newline
  or an em dash near the top of an article is enough. Most exceptions only say "this chunk is
  one token", which the affix rules give anyway: dropping those leaves every split as it was.
- the cache holds 10,000 chunks and stops growing when full; the rule components tokenize
  tens of thousands of gazetteer phrases while they load, so it was full before the first
  article. It is emptied after loading and given room for an archive's vocabulary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer


# Chunks (a word with its punctuation) the cache may hold: a few MB at most.
CACHE_CHUNKS = 200_000


def tune(tokenizer: Tokenizer) -> None:
    """Drop the redundant exceptions, empty the cache and give it room. Call it once the
    pipeline's components have tokenized their patterns."""
    drop_redundant_special_cases(tokenizer)  # assigning the rules also empties the cache
    if hasattr(tokenizer, "max_cache_size"):
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, CACHE_CHUNKS)


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
