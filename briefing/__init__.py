"""briefing: a terminal reader for following a story across many news articles."""

__version__ = "0.1.0"
