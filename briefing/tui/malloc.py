"""One malloc arena for the reader: the store loaded by a worker thread stays as small as when
the event loop loads it.

glibc gives a thread that allocates beside another its own malloc arena. The reader loads a
large store in a worker after its first paint (Store.open(deferred=True)); at 100,000
articles the reader then ended ~3-25 MB bigger than when the same tables were loaded on the
event loop (400-424 MB against 397 over six launches), and with MALLOC_ARENA_MAX=1 it did not
(397 MB twice). The threads allocate under Python's GIL anyway, so one arena costs them
little.
"""

from __future__ import annotations

import sys

_M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)


def one_malloc_arena() -> bool:
    """Ask glibc for one malloc arena from now on; False where there is no such thing."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here: after the first paint, not on its way

    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the process already runs on
    except (OSError, AttributeError):  # musl and others: no mallopt, nothing to do
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt(_M_ARENA_MAX, 1) == 1
