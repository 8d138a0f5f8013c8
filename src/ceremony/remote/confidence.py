"""The host's confidence view and message as JSON, for ``/api/confidence``, the state pushes and the tablet page.

The view is ``show.confidence.ConfidenceView`` as it is: built from the state alone
and winner-blind by construction (it names a winner only once its class is
revealed), so serialising it adds nothing a caller could learn from. The wall
clock comes with it, as the show machine's time and UTC offset, so a tablet
whose own clock is wrong still shows the show's time. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from ceremony.show.confidence import ConfidenceView
from ceremony.show.state import ShowState

#: View fields that are seconds (sent rounded to the millisecond).
_SECONDS = ("on_cue", "planned", "show_left", "behind", "message_age", "countdown")


def _seconds(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def clock_json(wall: dt.datetime) -> dict[str, Any]:
    """The show machine's wall clock: as shown (``HH:MM:SS``), as a Unix time, and its UTC offset in seconds."""
    aware = wall if wall.tzinfo is not None else wall.astimezone()
    offset = aware.utcoffset()
    return {
        "time": aware.strftime("%H:%M:%S"),
        "epoch": round(aware.timestamp(), 3),
        "utc_offset": int(offset.total_seconds()) if offset is not None else 0,
    }


def confidence_json(view: ConfidenceView, wall: dt.datetime) -> dict[str, Any]:
    """Every field of the view (times in seconds), and the wall clock as ``clock``."""
    data: dict[str, Any] = {f.name: getattr(view, f.name) for f in fields(view)}
    data["next_names"] = list(view.next_names)
    data["page"] = list(view.page) if view.page is not None else None
    for name in _SECONDS:
        data[name] = _seconds(data[name])
    data["clock"] = clock_json(wall)
    return data


def message_json(state: ShowState, now: float) -> dict[str, Any] | None:
    """The message on the host's monitor now: its text, the seconds left of a countdown, its age; or None."""
    message = state.message
    if message is None:
        return None
    return {
        "text": message.text,
        "countdown": _seconds(message.remaining(now)),
        "sent_at_age": round(max(0.0, now - message.sent_at), 3),
    }
