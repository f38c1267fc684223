"""briefing's spaCy rule components, by the language they serve (pipeline.RULES)."""
