"""The show's own words: every fixed text the audience sees, and the cue names, in the script's language.

A script says ``language: nb`` (the default) or ``language: en``, which picks the
built-in words below, and may replace any of them under ``labels:``. A label is a
pattern: ``{class}``, ``{year}`` and the like are filled in where it is used, and
``ceremony check`` refuses a placeholder the label does not know. The award's own
name is the script's (``event.short_title``, ``event.title``), never this module's.
No Qt here.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Language = Literal["nb", "en"]
LANGUAGES: tuple[Language, ...] = ("nb", "en")


@dataclass(frozen=True, slots=True)
class Label:
    """One fixed text: where it is used, the placeholders it may contain, and its default per language."""

    key: str
    description: str
    nb: str
    en: str
    placeholders: tuple[str, ...] = ()

    def default(self, language: Language) -> str:
        return self.nb if language == "nb" else self.en


LABELS: tuple[Label, ...] = (
    Label(
        "kicker",
        "The award line above a class intro and a winner",
        "{short_title} {year}",
        "{short_title} {year}",
        ("short_title", "title", "year"),
    ),
    Label(
        "nominee_kicker", "Above a nominee's name on its profile", "Nominert · {class}", "Nominee · {class}", ("class",)
    ),
    Label("lineup_kicker", "Above a line-up's class title", "De nominerte", "The nominees", ("class",)),
    Label(
        "winner_kicker",
        "Above the revealed winner's card",
        "Vinneren · {kicker}",
        "The winner · {kicker}",
        ("kicker", "class"),
    ),
    Label(
        "class_title", "A class's heading when it has no `title`", "Klassen {class}", "Category: {class}", ("class",)
    ),
    Label(
        "winner_line",
        "Under the winner's name on its slide",
        "Vinner {class} · {county}",
        "Winner, {class} · {county}",
        ("class", "county"),
    ),
    Label(
        "countdown_caption", "Above the walk-in clock when the slide has no `caption`", "Vi starter om", "Starting in"
    ),
    Label("closing", "The title of a `closing: true` title slide that has no `title`", "Takk for oss", "Thank you"),
    Label("quote", "A quote or a jury citation in its quotation marks", "«{text}»", "“{text}”", ("text",)),
    Label(
        "date",
        "A date (months in the script's language)",
        "{day}. {month} {year}",
        "{day} {month} {year}",
        ("day", "month", "year"),
    ),
    Label("rehearsal", "The mark in a corner of the stage during a rehearsal", "PRØVE", "REHEARSAL"),
    Label("cue_countdown", "Cue name of a walk-in without a title", "Nedtelling", "Countdown"),
    Label("cue_quote", "Cue name of a quote without a title", "Sitat", "Quote"),
    Label("cue_text", "Cue name of a text slide without a title", "Tekst", "Text"),
    Label("cue_image", "Cue name of an image without a title", "Bilde", "Image"),
    Label("cue_black", "Cue name of a black slide without a title", "Svart", "Black"),
    Label("cue_video", "Cue name of a film without a title", "Film: {file}", "Film: {file}", ("file",)),
    Label(
        "cue_lineup",
        "Cue name of a line-up without a title",
        "De nominerte {class}",
        "The nominees, {class}",
        ("class",),
    ),
    Label("cue_reveal", "Cue name of a reveal without a title", "Vinneren {class}", "The winner, {class}", ("class",)),
    Label("step_lineup", "A reveal's first step, after its cue name", "line-up", "line-up"),
    Label("step_suspense", "A reveal's suspense step", "spenning", "suspense"),
    Label("step_reveal", "A reveal's reveal step", "avsløring", "reveal"),
    Label("step_winner", "A reveal's winner step", "vinner", "winner"),
    Label("winner", "Stands in for a cue name that would tell who wins, before the reveal", "Vinneren", "The winner"),
    Label(
        "hidden",
        "Stands in for host text that would tell who wins, before the reveal",
        "(skjult til avsløringen)",
        "(hidden until the reveal)",
    ),
    Label("continued", "After a cue's name on a cue card's continuation page", "(forts.)", "(cont.)"),
)
"""Every label, in the order the docs list them."""

BY_KEY: dict[str, Label] = {label.key: label for label in LABELS}

MONTHS: dict[Language, tuple[str, ...]] = {
    "nb": (
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


DEFAULT_MESSAGES: dict[Language, tuple[str, ...]] = {
    "nb": (
        "Strekk 30 s", "Kutt", "Vinneren kommer", "Snakk saktere", "Vent på applausen", "Se på operatøren",
        "30 s", "60 s",
    ),
    "en": (
        "Stretch 30 s", "Cut", "The winner is coming", "Speak slower", "Wait for the applause", "Look at the operator",
        "30 s", "60 s",
    ),
}  # fmt: skip
"""The host's preset messages when the script has none: stage-manager words a host understands at a glance; '30 s'
and '60 s' count down."""


def placeholders(pattern: str) -> list[str]:
    """The names a pattern fills in, in order; ValueError for braces that do not pair or a ``{x!r}``/``{x:>4}``."""
    names: list[str] = []
    for _, name, spec, conversion in string.Formatter().parse(pattern):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"'{{{written}}}' is not a placeholder; write only a name in braces, e.g. '{{class}}'")
        names.append(name)
    return names


def pattern_problem(key: str, pattern: str) -> str | None:
    """Why a script's label cannot be used, or None."""
    label = BY_KEY[key]
    try:
        names = placeholders(pattern)
    except ValueError as exc:
        return f"label '{key}': {exc} (a literal brace is written '{{{{' or '}}}}')"
    unknown = [name for name in names if name not in label.placeholders]
    if not unknown:
        return None
    known = ", ".join(f"{{{name}}}" for name in label.placeholders) or "none"
    return f"label '{key}' has no placeholder {{{unknown[0]}}} (it knows: {known})"


class Wording:
    """The labels of one script: its language's defaults with its own ``labels:`` on top."""

    def __init__(self, language: Language = "nb", overrides: Mapping[str, str | None] | None = None) -> None:
        self.language = language
        self.patterns = {label.key: label.default(language) for label in LABELS}
        self.patterns.update({key: value for key, value in (overrides or {}).items() if value is not None})

    def text(self, key: str, values: Mapping[str, object] | None = None) -> str:
        """The label filled in; a placeholder the caller has no value for is left as written."""
        return self.patterns[key].format_map(_Values(values or {}))

    def date(self, date: dt.date) -> str:
        """A date as the language writes it: '13. februar 2024', '13 February 2024'."""
        month = MONTHS[self.language][date.month - 1]
        return self.text("date", {"day": date.day, "month": month, "year": date.year})


class _Values(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
