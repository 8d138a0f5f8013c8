"""The rehearsal report: planned against actual time per cue, as CSV for the spreadsheet and a short Markdown note.

The production tightens the run of show from these numbers, so the biggest
overruns come first in the summary.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ceremony.show.cues import Cue
from ceremony.show.state import HostMessage, ShowState
from ceremony.show.timers import cue_times


@dataclass(frozen=True, slots=True)
class CueTime:
    """One cue's planned and actual seconds (planned only on a slide's first cue)."""

    cue_id: str
    title: str
    slide_id: str
    planned: float | None
    actual: float
    media: str = ""
    """The cue's film or sound, with how long the film ran ('film.mp4 0:42, played 0:42')."""

    @property
    def delta(self) -> float | None:
        return None if self.planned is None else self.actual - self.planned


def rows(cues: Sequence[Cue], times: Mapping[str, float], media: Mapping[str, str] | None = None) -> list[CueTime]:
    notes = media or {}
    return [CueTime(c.id, c.label, c.slide_id, c.duration, times.get(c.id, 0.0), notes.get(c.id, "")) for c in cues]


def rows_for(state: ShowState, now: float) -> list[CueTime]:
    """The current run's rows, the cue on stage counted up to ``now``."""
    return rows(state.show.cues, cue_times(state, now))


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def to_csv(table: Sequence[CueTime]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["cue id", "title", "planned s", "actual s", "delta s", "media"])
    for row in table:
        writer.writerow([row.cue_id, row.title, _num(row.planned), _num(row.actual), _num(row.delta), row.media])
    return out.getvalue()


def _clock(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(round(abs(seconds)), 60)
    return f"{sign}{minutes}:{secs:02d}"


def slide_overruns(table: Sequence[CueTime]) -> list[tuple[str, str, float, float]]:
    """(slide id, title, planned, actual) per planned slide, the biggest overrun first."""
    slides: dict[str, list[CueTime]] = {}
    for row in table:
        slides.setdefault(row.slide_id, []).append(row)
    found = []
    for slide_id, group in slides.items():
        planned = sum(r.planned or 0.0 for r in group)
        if planned:
            found.append((slide_id, group[0].title.split(" · ")[0], planned, sum(r.actual for r in group)))
    return sorted(found, key=lambda s: s[2] - s[3])


def messages_markdown(messages: Sequence[HostMessage], start: float | None) -> list[str]:
    """The messages sent to the host: when (from the start of the run), what, and how long it stayed up."""
    if not messages:
        return []
    lines = ["", "## Messages to the host", "", "| at | message | on screen |", "|---:|---|---:|"]
    for m in messages:
        at = _clock(m.sent_at - start) if start is not None else "before the start"
        shown = _clock(m.cleared_at - m.sent_at) if m.cleared_at is not None else "to the end"
        lines.append(f"| {at} | {m.text.replace('|', '/')} | {shown} |")
    return lines


def to_markdown(table: Sequence[CueTime], title: str = "Rehearsal", top: int = 5) -> str:
    planned = sum(r.planned or 0.0 for r in table)
    actual = sum(r.actual for r in table)
    lines = [
        f"# {title}",
        "",
        f"- Planned: {_clock(planned)}",
        f"- Actual: {_clock(actual)}",
        f"- Difference: {_clock(actual - planned)} ({'over' if actual > planned else 'under'} plan)",
        "",
    ]
    over = [s for s in slide_overruns(table) if s[3] > s[2]][:top]
    if over:
        lines += ["## Biggest overruns", "", "| slide | planned | actual | over |", "|---|---:|---:|---:|"]
        lines += [f"| {t} | {_clock(p)} | {_clock(a)} | +{_clock(a - p)} |" for _, t, p, a in over]
    else:
        lines.append("No slide ran over its plan.")
    media = [r for r in table if r.media]
    if media:
        lines += ["", "## Films and sounds", "", "| cue | media | on the cue |", "|---|---|---:|"]
        lines += [f"| {r.title} | {r.media.replace('|', '/')} | {_clock(r.actual)} |" for r in media]
    return "\n".join(lines) + "\n"


def write_report(
    folder: str | Path,
    table: Sequence[CueTime],
    stem: str = "rehearsal",
    messages: Sequence[HostMessage] = (),
    start: float | None = None,
) -> tuple[Path, Path]:
    """Write ``<stem>.csv`` and ``<stem>.md`` (with the messages sent to the host) into folder."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    csv_path, md_path = target / f"{stem}.csv", target / f"{stem}.md"
    csv_path.write_text(to_csv(table), encoding="utf-8")
    md_path.write_text(to_markdown(table) + "\n".join(messages_markdown(messages, start)), encoding="utf-8")
    return csv_path, md_path
