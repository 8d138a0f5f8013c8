"""Show clocks: elapsed, time on the current slide against its plan, and the planned end.

Pure functions of the state and a clock reading, so the presenter's once-a-second
refresh and the tests read the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ceremony.show.state import ShowState

Status = Literal["ok", "amber", "red"]

#: Share of the planned time after which the cue timer turns amber.
AMBER_AT = 0.9


@dataclass(frozen=True, slots=True)
class Timers:
    """The presenter's clocks; times are seconds, ``planned_end`` and ``projected_end`` on the engine's clock."""

    started: bool
    elapsed: float
    on_cue: float
    on_slide: float
    planned: float | None
    """Planned seconds for the current slide (its first cue carries the plan)."""
    status: Status
    planned_total: float
    planned_end: float | None
    """start + the sum of all planned durations; None before the start."""
    projected_end: float | None
    """now + what is left of this slide's plan + the plans of the slides after it."""

    @property
    def behind(self) -> float | None:
        """Seconds the show runs late (negative: early)."""
        if self.planned_end is None or self.projected_end is None:
            return None
        return self.projected_end - self.planned_end


def status_of(spent: float, planned: float | None) -> Status:
    """ok, amber from 90 % of the plan, red once over it."""
    if not planned:
        return "ok"
    if spent > planned:
        return "red"
    return "amber" if spent >= AMBER_AT * planned else "ok"


def timers(state: ShowState, now: float) -> Timers:
    cues = state.show.cues
    cue = state.cue
    planned = next((c.duration for c in cues if c.slide_index == cue.slide_index and c.duration is not None), None)
    on_slide = max(0.0, now - state.slide_entered_at)
    planned_total = sum(c.duration or 0.0 for c in cues)
    after = sum(c.duration or 0.0 for c in cues if c.slide_index > cue.slide_index)
    start = state.started_at
    return Timers(
        started=start is not None,
        elapsed=max(0.0, now - start) if start is not None else 0.0,
        on_cue=max(0.0, now - state.cue_entered_at),
        on_slide=on_slide,
        planned=planned,
        status=status_of(on_slide, planned),
        planned_total=planned_total,
        planned_end=start + planned_total if start is not None else None,
        projected_end=now + max(0.0, (planned or 0.0) - on_slide) + after if start is not None else None,
    )


def cue_times(state: ShowState, now: float) -> dict[str, float]:
    """Seconds spent on each cue so far, the current visit included (after the start only)."""
    times = dict(state.times)
    if state.started_at is not None:
        spent = max(0.0, now - max(state.cue_entered_at, state.started_at))
        times[state.cue.id] = times.get(state.cue.id, 0.0) + spent
    return times
