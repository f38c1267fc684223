"""Rule components for English only."""
