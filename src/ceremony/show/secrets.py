"""The words that would name a winner early, and the test for text that contains one.

Before a class is revealed, any of its nominees could be the winner, so on the cues
of its reveal (line-up, suspense) a text that names *any* nominee of an unrevealed
class is held back: the remote's state and the host's confidence monitor both ask
here. The answer depends on who is nominated, never on who wins. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ceremony.script.model import Script
from ceremony.show.cues import Cue
from ceremony.show.state import ShowState


def secret_words(script: Script, state: ShowState) -> list[str]:
    """Ids and names of every nominee of every class not yet revealed (in the current mode), longest first."""
    names = {n.id: n.name for c in script.classes for n in c.nominees}
    words: set[str] = set()
    for rule in state.show.classes.values():
        if state.is_revealed(rule.id):
            continue
        for nominee in rule.nominees:
            words.add(nominee)
            if nominee in names:
                words.add(names[nominee])
    return sorted(words, key=len, reverse=True)


def mentions(text: str, words: Iterable[str]) -> bool:
    """True when ``text`` contains one of ``words`` as a whole word (case-insensitive)."""
    return any(word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) for word in words)


def guarded(cue: Cue, state: ShowState) -> bool:
    """A cue of a reveal whose class is not revealed yet: its texts must not name any nominee."""
    return cue.kind == "reveal" and not state.is_revealed(cue.class_id)
