"""The slide-script model: what ``slides.yaml`` may say, declared once.

Every field carries a description; the same declaration validates scripts,
generates ``slides.schema.json`` and feeds ``docs/slides.md``. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
HEX_COLOR = r"^#[0-9a-fA-F]{6}$"

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        min_length=1,
        max_length=64,
        description="A short identifier: lower-case letters, digits, '-' and '_'.",
    ),
]
Color = Annotated[str, Field(pattern=HEX_COLOR, description="A colour as #rrggbb.")]
AssetPath = Annotated[
    str,
    Field(
        min_length=1,
        description="A file path, relative to the script's folder (or absolute).",
    ),
]

_DURATION_RE = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+(?:\.\d+)?)\s*s)?\s*$")


def parse_duration(value: object) -> float:
    """Seconds from ``90``, ``1.5``, ``"90s"``, ``"4m"``, ``"1m30s"`` or ``"1h"``."""
    if isinstance(value, bool):
        raise ValueError("a duration is a number of seconds or text like '4m' or '1m30s'")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        match = _DURATION_RE.match(value)
        if not value.strip() or not match or not any(match.groups()):
            raise ValueError(f"'{value}' is not a duration; write e.g. 90, '90s', '4m' or '1m30s'")
        h, m, s = match.groups()
        seconds = int(h or 0) * 3600 + int(m or 0) * 60 + float(s or 0)
    else:
        raise ValueError("a duration is a number of seconds or text like '4m' or '1m30s'")
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    return seconds


Duration = Annotated[
    float,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {
                    "type": "string",
                    "pattern": r"^\s*(\d+\s*h)?\s*(\d+\s*m)?\s*(\d+(\.\d+)?\s*s)?\s*$",
                },
            ],
            "description": "Seconds, as a number or as text like '90s', '4m' or '1m30s'.",
        }
    ),
]


class Strict(BaseModel):
    """Base for every script model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


# ---------------------------------------------------------------- event, theme


class Event(Strict):
    """What the evening is: shown on the title slide and used in headings."""

    title: str = Field(
        min_length=1,
        description="The award's name, e.g. 'Årets vertskapskommune for næringslivet'.",
    )
    year: int = Field(ge=1900, le=2999, description="The award year, shown with the title.")
    subtitle: str | None = Field(default=None, description="A line under the title, e.g. who gives the award.")
    occasion: str | None = Field(default=None, description="Where the award is given, e.g. the conference's name.")
    date: dt.date | None = Field(default=None, description="The date of the ceremony (YYYY-MM-DD).")
    organisers: list[str] = Field(default_factory=list, description="Who gives the award, shown on the title slide.")
    logo: AssetPath | None = Field(default=None, description="The event's logo (SVG, PNG or JPEG).")
    background: AssetPath | None = Field(
        default=None, description="The stage background image, drawn behind every slide."
    )


class Theme(Strict):
    """Colours and type of the stage. Every text/background pair must reach 7:1 contrast."""

    background: Color = Field(default="#0b1630", description="The stage's base colour, behind the background image.")
    text: Color = Field(default="#ffffff", description="Body and heading text.")
    muted: Color = Field(default="#c9d3e6", description="Secondary text: counties, attributions, captions.")
    accent: Color = Field(default="#f2c14e", description="Highlights: the winner, rules, the confetti's main colour.")
    accent2: Color = Field(default="#7fd1c7", description="A second accent for the confetti and highlights.")
    font: str | None = Field(
        default=None,
        description="A font family to use instead of the bundled one (it must be installed on the show machine).",
    )


# ---------------------------------------------------------------- settings


class Remote(Strict):
    """The network remote control (off unless enabled)."""

    enabled: bool = Field(default=False, description="Serve the HTTP/WebSocket/OSC remote control.")
    host: str = Field(
        default="127.0.0.1",
        description="Address to listen on; anything but loopback needs the token.",
    )
    port: int = Field(default=8765, ge=1, le=65535, description="HTTP and WebSocket port.")
    osc_port: int | None = Field(default=None, ge=1, le=65535, description="UDP port for OSC, or none for no OSC.")


class Settings(Strict):
    """How the show runs on the night: keys, guards, screens, remote."""

    double_fire_ms: int = Field(
        default=300,
        ge=0,
        le=5000,
        description="A second 'next' within this many milliseconds of a cue change is ignored.",
    )
    keys: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Key bindings replacing a command's defaults: command id to a list of key names "
        "as Qt writes them (e.g. 'PgDown', 'Ctrl+Q').",
    )
    stage_screen: str | None = Field(
        default=None,
        description="The screen for the stage, by number (0, 1, …) or name; by default the largest "
        "screen that is not the presenter's.",
    )
    stage_resolution: str | None = Field(
        default=None,
        pattern=r"^\d{3,5}x\d{3,5}$",
        description="The stage screen's expected resolution, e.g. '1920x1080', checked before the show.",
    )
    stage_lost: Literal["window", "hide"] = Field(
        default="window",
        description="What the stage does when its screen disappears: become a small window, or hide.",
    )
    show_winners_in_preview: bool = Field(
        default=False,
        description="Let the presenter's Next preview show reveals with their winner.",
    )
    remote: Remote = Field(default_factory=Remote, description="The network remote control.")


# ---------------------------------------------------------------- classes and nominees


class Nominee(Strict):
    """One nominated municipality, with the profile shown on its slide."""

    id: Id
    name: str = Field(min_length=1, description="The municipality's name as shown on stage.")
    county: str = Field(min_length=1, description="The county (fylke) it belongs to.")
    crest: AssetPath = Field(description="The crest image (SVG, PNG or JPEG).")
    tagline: str = Field(min_length=1, description="One line that sums up why it was nominated.")
    highlights: list[str] = Field(
        default_factory=list,
        max_length=5,
        description="Three to five short highlights, shown as a list.",
    )
    notes: str | None = Field(default=None, description="The full nomination text, as the host's notes.")


class AwardClass(Strict):
    """A class of the award (e.g. municipalities under 15 000 inhabitants) and its nominees."""

    id: Id
    name: str = Field(min_length=1, description="The class as shown on stage, e.g. 'under 15 000 innbyggere'.")
    title: str | None = Field(
        default=None, description="A heading for the class intro; by default built from the name."
    )
    nominees: list[Nominee] = Field(min_length=1, description="The nominees of this class, in stage order.")
    winner: str = Field(
        description="The winning nominee's id, or 'live' when the envelope is opened on the night.",
    )
    confirm: bool = Field(
        default=False,
        description="With a preset winner: the operator keys in the name the host reads, "
        "and a mismatch stops the reveal.",
    )
    citation: str | None = Field(
        default=None,
        description="The jury's citation for the winner, if the jury wrote one (shown on the winner slide).",
    )
    suspense: Duration = Field(
        default=4.0, description="How long the suspense step runs before the reveal can be fired."
    )

    @property
    def nominee_ids(self) -> list[str]:
        return [n.id for n in self.nominees]

    def nominee(self, nominee_id: str) -> Nominee | None:
        return next((n for n in self.nominees if n.id == nominee_id), None)


# ---------------------------------------------------------------- slides


class Transition(Strict):
    """How the stage moves into a slide."""

    type: Literal["cut", "fade", "slide", "zoom"] = Field(default="fade", description="cut, fade, slide or zoom.")
    duration: Duration = Field(default=0.6, description="Length of the transition (a cut takes none).")

    @model_validator(mode="before")
    @classmethod
    def _cut_is_instant(cls, value: object) -> object:
        if isinstance(value, dict) and value.get("type") == "cut":
            return {**value, "duration": 0}
        return value


class SlideBase(Strict):
    """Fields every slide has."""

    id: Id | None = Field(
        default=None,
        description="A stable id for the slide (cue ids and the saved show position derive from it); "
        "by default made from the kind and what the slide shows.",
    )
    title: str | None = Field(
        default=None,
        description="A title, shown on stage where the layout has one, and in the cue list.",
    )
    notes: str | None = Field(default=None, description="The host's notes for this slide.")
    duration: Duration | None = Field(default=None, description="The planned time on this slide.")
    transition: Transition | None = Field(
        default=None, description="How the stage moves into this slide; by default a short fade."
    )

    @field_validator("transition", mode="before")
    @classmethod
    def _transition_shorthand(cls, value: object) -> object:
        return {"type": value} if isinstance(value, str) else value


class CountdownSlide(SlideBase):
    """Walk-in: a live clock counting down to a time of day."""

    kind: Literal["countdown"]
    until: dt.time = Field(description="The time of day (HH:MM, local) the countdown runs to.")
    caption: str | None = Field(default=None, description="A line above the clock, e.g. 'Vi starter om'.")


class TitleSlide(SlideBase):
    """The event's title slide: logo, title, year, subtitle and organisers."""

    kind: Literal["title"]


class QuoteSlide(SlideBase):
    """A large quote with its attribution."""

    kind: Literal["quote"]
    text: str = Field(min_length=1, description="The quote, without quotation marks.")
    by: str = Field(min_length=1, description="Who said it.")
    role: str | None = Field(default=None, description="Their role, e.g. 'administrerende direktør i NHO'.")


class TextSlide(SlideBase):
    """A heading with a paragraph and/or bullet points."""

    kind: Literal["text"]
    body: str | None = Field(default=None, description="A paragraph under the title.")
    bullets: list[str] = Field(default_factory=list, description="Bullet points under the title.")


class ClassIntroSlide(SlideBase):
    """Opens a class: its name and its nominees' crests."""

    kind: Literal["class_intro"]
    class_: str = Field(alias="class", description="The id of the class this slide opens.")


class NomineeSlide(SlideBase):
    """A nominee's profile: crest, name, county, tagline and highlights."""

    kind: Literal["nominee"]
    nominee: str = Field(description="The id of the nominee.")


class LineupSlide(SlideBase):
    """A class's nominees side by side; with build, they come in one click at a time."""

    kind: Literal["lineup"]
    class_: str = Field(alias="class", description="The id of the class.")
    build: bool = Field(default=False, description="Bring the nominees in one by one, one cue each.")


class RevealSlide(SlideBase):
    """The winner reveal of a class: line-up, suspense, reveal and winner slide, one cue each."""

    kind: Literal["reveal"]
    class_: str = Field(alias="class", description="The id of the class whose winner is revealed.")
    sound: bool = Field(default=True, description="Play the drumroll under suspense and the fanfare on reveal.")


class ImageSlide(SlideBase):
    """A full-stage image, fitted inside the canvas."""

    kind: Literal["image"]
    image: AssetPath = Field(description="The image file.")
    caption: str | None = Field(default=None, description="A caption under the image.")


class BlackSlide(SlideBase):
    """A planned black screen."""

    kind: Literal["black"]


Slide = Annotated[
    CountdownSlide
    | TitleSlide
    | QuoteSlide
    | TextSlide
    | ClassIntroSlide
    | NomineeSlide
    | LineupSlide
    | RevealSlide
    | ImageSlide
    | BlackSlide,
    Field(discriminator="kind"),
]

SLIDE_KINDS: dict[str, type[SlideBase]] = {
    "countdown": CountdownSlide,
    "title": TitleSlide,
    "quote": QuoteSlide,
    "text": TextSlide,
    "class_intro": ClassIntroSlide,
    "nominee": NomineeSlide,
    "lineup": LineupSlide,
    "reveal": RevealSlide,
    "image": ImageSlide,
    "black": BlackSlide,
}


class Script(Strict):
    """A ceremony's slide script: the event, the classes and their nominees, and the run of show."""

    schema_: str | None = Field(
        default=None,
        alias="$schema",
        description="The JSON schema this file follows (for editors).",
    )
    version: Literal[1] = Field(default=1, description="The script format's version.")
    event: Event = Field(description="The event.")
    theme: Theme = Field(default_factory=Theme, description="Stage colours and type.")
    settings: Settings = Field(default_factory=Settings, description="How the show runs.")
    classes: list[AwardClass] = Field(default_factory=list, description="The award's classes and nominees.")
    slides: list[Slide] = Field(min_length=1, description="The run of show, in order.")

    def award_class(self, class_id: str) -> AwardClass | None:
        return next((c for c in self.classes if c.id == class_id), None)

    def find_nominee(self, nominee_id: str) -> tuple[AwardClass, Nominee] | None:
        for award_class in self.classes:
            found = award_class.nominee(nominee_id)
            if found is not None:
                return award_class, found
        return None
