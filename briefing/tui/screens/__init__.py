"""Screens shown over the reader: help, entity index, corrections, and small dialogs."""
