"""Function words by language: articles and prepositions, so every rule and extractor that
asks "is this an article?" asks the same list (`lexicon.it`, `lexicon.en`)."""
