"""The reader's widgets: article list, article text, facts panel, status bar."""
