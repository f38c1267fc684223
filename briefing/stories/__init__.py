"""Stories: articles grouped by shared identities, dates and words; near-duplicates; briefings.

Pure domain code (no Textual, no TinyDB): `features` (what an article is compared by),
`grouping` (incremental assign and full regroup), `edits` (the user's moves, merges, splits
and titles, undoable), `stories` (the stories in force: automatic groups + edits, described),
`keeping` (reading and writing them through the store), `near_dups` (MinHash over shingles),
`timeline` and `speakers` (a story's dated facts and who said what), `briefing` (the export).
"""
