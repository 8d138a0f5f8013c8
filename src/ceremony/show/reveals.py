"""Firing a reveal and deciding who it shows: preset, live pick, envelope check, rehearsal stand-in.

The reveal is the one moment that cannot be taken back, so it only fires from
the suspense step, on a deliberate action, with a known winner, on a stage that
is not frozen. In rehearsal it shows a stand-in and records it apart from the
real results.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace

from ceremony.i18n import QT_TRANSLATE_NOOP, said
from ceremony.show.moves import enter, safe_target
from ceremony.show.state import ClassRule, Outcome, Pending, ShowState, error, held, ignored, needs_confirmation, ok

NOT_AT_SUSPENSE = QT_TRANSLATE_NOOP("Outcome", "a winner is keyed in at its reveal's suspense step, not before")


def _without(mapping: Mapping[str, str], key: str) -> dict[str, str]:
    return {k: v for k, v in mapping.items() if k != key}


def choose_stand_ins(
    classes: Mapping[str, ClassRule], choice: str | Mapping[str, str] | None = None, seed: int = 0
) -> tuple[dict[str, str], list[str]]:
    """The nominee each class reveals in rehearsal, and any problems with the requested choice.

    ``choice`` is None or "random" (a seeded random nominee per class), a nominee
    id (that nominee for its class, random for the others) or a class -> nominee
    map. The draw never looks at the script's winner: a stand-in that skipped the
    winner would tell the crew who did *not* win, and two rehearsals would tell
    them who did. So a stand-in is the real winner as often as anyone else, and
    nothing about it says so.
    """
    fixed: dict[str, str] = {}
    problems: list[str] = []
    if isinstance(choice, str) and choice != "random":
        owner = next((c.id for c in classes.values() if choice in c.nominees), None)
        if owner is None:
            problems.append(f"stand-in '{choice}' is not a nominee")
        else:
            fixed[owner] = choice
    elif isinstance(choice, Mapping):
        for class_id, nominee in choice.items():
            rule = classes.get(class_id)
            if rule is None or nominee not in rule.nominees:
                problems.append(f"stand-in '{nominee}' is not a nominee of class '{class_id}'")
            else:
                fixed[class_id] = nominee
    result: dict[str, str] = {}
    for rule in classes.values():
        if rule.id in fixed:
            result[rule.id] = fixed[rule.id]
        elif rule.nominees:
            result[rule.id] = random.Random(f"{seed}:{rule.id}").choice(sorted(rule.nominees))
    return result, problems


def expected_winner(state: ShowState, rule: ClassRule) -> str | None:
    """Who the script says wins in the current mode: the stand-in in rehearsal, None for a live class."""
    if state.rehearsal:
        return state.stand_ins.get(rule.id)
    return None if rule.is_live else rule.winner


def winner_to_reveal(state: ShowState, rule: ClassRule) -> tuple[str | None, str]:
    """The nominee a reveal of this class would show now, or None and why it cannot fire."""
    pending = state.pending
    if pending is not None and pending.kind == "mismatch" and pending.class_id == rule.id:
        return None, QT_TRANSLATE_NOOP(
            "Outcome", "the name read differs from the script: choose which winner to reveal"
        )
    if rule.needs_pick:
        if rule.id in state.confirmed_picks:
            return state.confirmed_picks[rule.id], ""
        if rule.id in state.live_picks:
            return None, QT_TRANSLATE_NOOP("Outcome", "confirm the picked winner first")
        return None, QT_TRANSLATE_NOOP("Outcome", "pick the winner first")
    winner = expected_winner(state, rule)
    return (winner, "") if winner else (None, QT_TRANSLATE_NOOP("Outcome", "no winner to reveal"))


def fire(state: ShowState, now: float) -> tuple[ShowState, Outcome]:
    """Fire the reveal armed at the current suspense step (callers check it is armed)."""
    cue = state.cue
    rule = state.show.classes.get(cue.class_id or "")
    if rule is None:
        return state, held(QT_TRANSLATE_NOOP("Outcome", "unknown class '{name}'"), name=cue.class_id)
    if state.frozen:
        return state, held(QT_TRANSLATE_NOOP("Outcome", "the stage is frozen: unfreeze before the reveal"))
    winner, reason = winner_to_reveal(state, rule)
    if winner is None:
        return state, held(reason)
    target = cue.index + 1
    cues = state.show.cues
    if target >= len(cues) or cues[target].step != "reveal" or cues[target].class_id != rule.id:
        return state, held(QT_TRANSLATE_NOOP("Outcome", "this reveal slide has no reveal step"))
    new = enter(state, target, now)
    if new.started_at is None:
        new = replace(new, started_at=now)
    if state.rehearsal:
        new = replace(new, rehearsal_revealed={**state.rehearsal_revealed, rule.id: winner})
    else:
        new = replace(new, revealed={**state.revealed, rule.id: winner})
    if state.rehearsal:
        return new, ok(QT_TRANSLATE_NOOP("Outcome", "revealed: {winner} (rehearsal stand-in)"), winner=winner)
    return new, ok(QT_TRANSLATE_NOOP("Outcome", "revealed: {winner}"), winner=winner)


def armed(state: ShowState) -> bool:
    """True at the suspense step of a class not yet revealed."""
    cue = state.cue
    return cue.kind == "reveal" and cue.step == "suspense" and not state.is_revealed(cue.class_id)


def next_from_suspense(state: ShowState, now: float) -> tuple[ShowState, Outcome]:
    """ "next" at an armed suspense: held until the suspense has run, then the reveal fires."""
    rule = state.show.classes.get(state.cue.class_id or "")
    minimum = rule.suspense if rule else state.cue.animation
    left = state.cue_entered_at + minimum - now
    if left > 0:
        return state, held(
            QT_TRANSLATE_NOOP("Outcome", "suspense still running ({seconds} s left)"), seconds=f"{left:.1f}"
        )
    return fire(state, now)


def reveal(state: ShowState, now: float) -> tuple[ShowState, Outcome]:
    """The reveal command: fire now, without waiting for the suspense's minimum time."""
    cue = state.cue
    if armed(state):
        return fire(state, now)
    if cue.kind == "reveal" and state.is_revealed(cue.class_id):
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "already revealed; reset the reveal to reveal again"))
    if cue.kind == "reveal" and cue.step == "lineup":
        return state, held(QT_TRANSLATE_NOOP("Outcome", "go to the suspense step first"))
    return state, ignored(QT_TRANSLATE_NOOP("Outcome", "no reveal is armed"))


def pick_class(state: ShowState) -> str | None:
    """The class a pick is for: the current cue's, and only at its armed suspense step.

    The name the host reads is keyed in while the drumroll runs, never earlier: a
    pick confirmed at the walk-in would answer "is this the script's winner?" hours
    before the reveal, to whoever can press a key or call the remote.
    """
    return state.cue.class_id if armed(state) else None


def pick(state: ShowState, arg: str | None) -> tuple[ShowState, Outcome]:
    """Key in the name the host reads: a 1-based nominee number (or a nominee id)."""
    class_id = pick_class(state)
    rule = state.show.classes.get(class_id or "")
    if rule is None:
        return state, ignored(NOT_AT_SUSPENSE)
    if not rule.needs_pick:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "this class's winner is set in the script"))
    if state.is_revealed(rule.id):
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "already revealed; reset the reveal first"))
    text = (arg or "").strip()
    if text.isdigit() and 1 <= int(text) <= len(rule.nominees):
        nominee = rule.nominees[int(text) - 1]
    elif text in rule.nominees:
        nominee = text
    else:
        return state, error(QT_TRANSLATE_NOOP("Outcome", "pick a number from 1 to {count}"), count=len(rule.nominees))
    pending = state.pending if state.pending is None or state.pending.class_id != rule.id else None
    new = replace(
        state,
        live_picks={**state.live_picks, rule.id: nominee},
        confirmed_picks=_without(state.confirmed_picks, rule.id),
        pending=pending,
    )
    return new, ok(
        QT_TRANSLATE_NOOP("Outcome", "picked {number}: {nominee}; confirm to lock it in"),
        number=rule.nominees.index(nominee) + 1,
        nominee=nominee,
    )


def _lock(state: ShowState, now: float, class_id: str, winner: str, fire_now: bool) -> tuple[ShowState, Outcome]:
    new = replace(
        state,
        confirmed_picks={**state.confirmed_picks, class_id: winner},
        live_picks=_without(state.live_picks, class_id),
        pending=None,
    )
    if fire_now and armed(new) and new.cue.class_id == class_id:
        fired, outcome = fire(new, now)
        if outcome.ok:
            return fired, outcome
        return new, held(
            QT_TRANSLATE_NOOP("Outcome", "confirmed {winner}; reveal held: {reason}"),
            winner=winner,
            reason=outcome.text or outcome.message,
        )
    return new, ok(QT_TRANSLATE_NOOP("Outcome", "confirmed {winner}"), winner=winner)


def confirm_pick(state: ShowState, now: float) -> tuple[ShowState, Outcome]:
    """Lock in the picked name; with an envelope check, a match fires the reveal and a mismatch asks."""
    class_id = pick_class(state)
    rule = state.show.classes.get(class_id or "")
    if rule is None:
        return state, ignored(NOT_AT_SUSPENSE)
    if rule.id not in state.live_picks:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "nothing picked to confirm"))
    if state.frozen:
        # Refused before the names are compared: a frozen stage would hold a matching reveal, and the
        # difference between "held" and "mismatch" would tell a caller whether the guess was right.
        return state, held(QT_TRANSLATE_NOOP("Outcome", "the stage is frozen: unfreeze before confirming the winner"))
    picked = state.live_picks[rule.id]
    expected = expected_winner(state, rule)
    if expected is None:
        return _lock(state, now, rule.id, picked, fire_now=False)
    if picked == expected:
        return _lock(state, now, rule.id, picked, fire_now=True)
    asked = said(
        QT_TRANSLATE_NOOP(
            "Outcome", "The host read '{read}' but the script says '{expected}': choose which to reveal."
        ),
        read=picked,
        expected=expected,
    )
    pending = Pending("mismatch", asked, now, class_id=rule.id, script_winner=expected, read_winner=picked)
    return replace(state, pending=pending), needs_confirmation(asked)


def choose(state: ShowState, now: float, read: bool) -> tuple[ShowState, Outcome]:
    """Settle an envelope mismatch with the script's winner or the name read."""
    pending = state.pending
    if pending is None or pending.kind != "mismatch" or pending.class_id is None:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "no envelope mismatch to settle"))
    winner = pending.read_winner if read else pending.script_winner
    if winner is None:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "no envelope mismatch to settle"))
    return _lock(state, now, pending.class_id, winner, fire_now=True)


def reset(state: ShowState, now: float, arg: str | None, confirmed: bool) -> tuple[ShowState, Outcome]:
    """Forget a class's revealed winner (the current cue's class by default), after confirmation."""
    class_id = (arg or "").strip() or state.cue.class_id
    if not class_id or class_id not in state.results:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "that class has not been revealed"))
    if not confirmed:
        asked = said(
            QT_TRANSLATE_NOOP(
                "Outcome", "Forget the revealed winner of '{name}' so it can be revealed again? Confirm, or Esc."
            ),
            name=class_id,
        )
        pending = Pending("confirm", asked, now, command="reset_reveal", arg=arg, class_id=class_id)
        return replace(state, pending=pending), needs_confirmation(asked)
    results = _without(state.results, class_id)
    new = replace(
        state,
        live_picks=_without(state.live_picks, class_id),
        confirmed_picks=_without(state.confirmed_picks, class_id),
        pending=None,
    )
    new = replace(new, rehearsal_revealed=results) if state.rehearsal else replace(new, revealed=results)
    if new.frozen and new.frozen_cue_index is not None:
        new = replace(new, frozen_cue_index=safe_target(new, new.frozen_cue_index))
    target = safe_target(new, new.cue_index)
    if target != new.cue_index:
        new = enter(new, target, now)
    return new, ok(QT_TRANSLATE_NOOP("Outcome", "reveal of '{name}' reset"), name=class_id)
