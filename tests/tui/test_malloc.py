"""The reader asks glibc for one malloc arena before its load worker starts (tui/malloc.py)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from briefing.tui.malloc import one_malloc_arena


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="mallopt's arena limit is glibc's",
)
def test_glibc_takes_the_one_arena_limit():
    # in a child: the limit stays for the whole process, and the test runner's must not change
    code = "from briefing.tui.malloc import one_malloc_arena; print(one_malloc_arena())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


def test_elsewhere_it_says_it_did_nothing(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert one_malloc_arena() is False
