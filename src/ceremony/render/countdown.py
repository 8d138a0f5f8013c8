"""The walk-in countdown's text: plain arithmetic on the time of day, without Qt, so that a start can
compare a kept picture's digits with the clock's before it imports the renderer (ui/firstframe.py)."""

from __future__ import annotations

import datetime as dt
import math


def countdown_text(until: dt.time, now: dt.datetime) -> str:
    """'MM:SS' (or 'H:MM:SS' from an hour out) left until the time of day; '00:00' once it has passed."""
    target = dt.datetime.combine(now.date(), until, tzinfo=now.tzinfo)
    left = max(0, math.ceil((target - now).total_seconds()))
    hours, rest = divmod(left, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
