"""The Textual reader: make_app() in app.py builds it; widgets/ and screens/ hold its parts."""
