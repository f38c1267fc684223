"""Function words by language: articles and prepositions, so every rule and extractor that
asks "is this an article?" asks the same list (`lexicon.it`, `lexicon.en`)."""

from briefing.lexicon import en, it

# Forms of address and titles written before a name, in either language ("Mr", "sig", "Sen",
# "il ministro"), without their full stop: what names are read past and stripped of.
BEFORE_NAMES = frozenset(en.HONORIFICS) | frozenset(it.HONORIFICS) | en.TITLES | it.TITLES

# Prepositions of either language: names and roles cross languages in news text.
PREPOSITIONS = it.PREPOSITIONS | en.PREPOSITIONS
