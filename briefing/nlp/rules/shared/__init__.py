"""Rule components for every language."""
