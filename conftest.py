"""Loaded by pytest before any test module: the suite keeps its bytecode cache.

Where PYTHONDONTWRITEBYTECODE is set (as on the shared development machine), every pytest
process compiled the whole package and rewrote every test module's asserts again: about 3.7 s
of CPU per process, paid by each xdist worker and each `briefing` subprocess a test starts.
Python and pytest read an existing cache either way; this only lets them write it.
"""

import sys

sys.dont_write_bytecode = False
