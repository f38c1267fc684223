"""When a failing feed may be tried again: waits that double with each failure in a row."""

from __future__ import annotations

from datetime import datetime, timedelta

from briefing.models import Feed

FIRST_WAIT = timedelta(minutes=10)
LONGEST_WAIT = timedelta(hours=24)  # a feed that is down for days is still tried daily


def retry_after(errors: int, now: datetime) -> datetime:
    """The earliest next attempt after `errors` failures in a row (errors >= 1)."""
    doublings = min(max(errors, 1) - 1, 16)  # 2**16 * 10 min is far past the cap already
    return now + min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


def is_due(feed: Feed, now: datetime) -> bool:
    """Whether a refresh of every feed should try this one now."""
    if not feed.retry_after:
        return True
    try:
        return datetime.fromisoformat(feed.retry_after) <= now
    except ValueError:  # a hand-edited or damaged value must not silence the feed forever
        return True
