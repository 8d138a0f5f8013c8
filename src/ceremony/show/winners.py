"""The only doors through which the renderer learns a winner.

Line-up and suspense frames are drawn without the winner so nothing on them
(a cached image, a layout, a timing) can give the result away; only the cues
that name the winner get it, and only once that class is revealed.
"""

from __future__ import annotations

from collections.abc import Mapping

from ceremony.show.cues import Cue
from ceremony.show.state import ShowState


def winners_for_render(state: ShowState, cue: Cue) -> Mapping[str, str]:
    """class id -> nominee id for a reveal or winner step of a revealed class; empty for every other cue."""
    if not cue.names_winner or cue.class_id is None:
        return {}
    winner = state.results.get(cue.class_id)
    return {cue.class_id: winner} if winner is not None else {}


def winners_for_preview(state: ShowState, cue: Cue) -> Mapping[str, str]:
    """For the presenter's Next preview: empty unless winners in preview are switched on.

    When on, a cue that names a winner shows the revealed one, else the one the
    reveal would show (the script's, the stand-in in rehearsal, or a confirmed pick).
    """
    if not state.show_winners_in_preview or not cue.names_winner or cue.class_id is None:
        return {}
    shown = winners_for_render(state, cue)
    if shown:
        return shown
    rule = state.show.classes.get(cue.class_id)
    if rule is None:
        return {}
    winner: str | None
    if rule.needs_pick:
        winner = state.confirmed_picks.get(rule.id)
    elif state.rehearsal:
        winner = state.stand_ins.get(rule.id)
    else:
        winner = rule.winner
    return {rule.id: winner} if winner else {}
