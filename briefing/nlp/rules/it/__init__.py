"""Rule components for Italian only."""
