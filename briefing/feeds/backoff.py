"""When a failing feed may be tried again: waits that double with each failure in a row."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from briefing.models import Feed

FIRST_WAIT = timedelta(minutes=10)
LONGEST_WAIT = timedelta(hours=24)  # a feed that is down for days is still tried daily


def retry_after(errors: int, now: datetime, asked: str | None = None) -> datetime:
    """The earliest next attempt after `errors` failures in a row (errors >= 1); a server's
    Retry-After (`asked`: seconds or an HTTP date) makes it later, never sooner, up to a day."""
    doublings = min(max(errors, 1) - 1, 16)  # 2**16 * 10 min is far past the cap already
    wait = min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)
    return max(now + wait, min(_asked(asked, now), now + LONGEST_WAIT))


def _asked(value: str | None, now: datetime) -> datetime:
    """The moment a Retry-After header names; `now` when there is none or it cannot be read."""
    value = (value or "").strip()
    if value.isdigit():
        return now + timedelta(seconds=min(int(value), LONGEST_WAIT.total_seconds()))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return now
    return when if when.tzinfo else now


def is_due(feed: Feed, now: datetime) -> bool:
    """Whether a refresh of every feed should try this one now."""
    if not feed.retry_after:
        return True
    try:
        return datetime.fromisoformat(feed.retry_after) <= now
    except ValueError:  # a hand-edited or damaged value must not silence the feed forever
        return True
