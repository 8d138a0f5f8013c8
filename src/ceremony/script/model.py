"""The slide-script model: what ``slides.yaml`` may say, declared once.

Every field carries a description; the same declaration validates scripts,
generates ``slides.schema.json`` and feeds ``docs/slides.md``. No Qt here.

The models are frozen standard-library dataclasses, and pydantic validates them
(``ceremony.script.validate``): their rules live in each field's metadata and in
``Annotated`` markers that pydantic reads when it builds a validator. So importing
the model, or unpickling a cached script, needs no pydantic: a restart with a
cached script shows the stage about 0.1 s sooner.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, dataclass_transform

from ceremony.script.wording import DEFAULT_MESSAGES, LABELS, Language, Wording

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
HEX_COLOR = r"^#[0-9a-fA-F]{6}$"
ID_DESCRIPTION = "A short identifier: lower-case letters, digits, '-' and '_'."

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


class Before:
    """An ``Annotated`` marker: pydantic runs ``function`` on the raw value before validating it.

    ``json_schema`` replaces the field's published schema; ``shorthand`` lists the schemas of the short
    forms ``function`` expands, published beside the full one (``audio: bed.mp3`` as well as a mapping).
    """

    def __init__(
        self,
        function: Callable[[Any], Any],
        json_schema: dict[str, Any] | None = None,
        shorthand: list[dict[str, Any]] | None = None,
    ) -> None:
        self.function = function
        self.json_schema = json_schema
        self.shorthand = shorthand or []

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.function, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        if self.json_schema is not None:
            return dict(self.json_schema)
        full = handler(schema)
        return {"anyOf": [*self.shorthand, full]} if self.shorthand else full


class Tagged:
    """An ``Annotated`` marker for a union told apart by one key (pydantic's discriminated union)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(discriminator=self.key)])


DURATION_JSON_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\s*(\d+\s*h)?\s*(\d+\s*m)?\s*(\d+(\.\d+)?\s*s)?\s*$"},
    ],
    "description": "Seconds, as a number or as text like '90s', '4m' or '1m30s'.",
}
Duration = Annotated[float, Before(parse_duration, DURATION_JSON_SCHEMA)]


def spec(
    description: str,
    *,
    default: Any = dataclasses.MISSING,
    factory: Any = dataclasses.MISSING,
    key: str | None = None,
    **rules: Any,
) -> Any:
    """A field: its description, its default, the key a script writes if not its name, and pydantic's rules."""
    metadata = {"description": description, **rules}
    if key is not None:
        metadata["alias"] = key
    if factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


# Type checkers see a default only when it is passed by keyword (PEP 681), hence the bare '*'.


def color(description: str, *, default: str) -> Any:
    return spec(description, default=default, pattern=HEX_COLOR)


def ident(description: str = ID_DESCRIPTION, *, default: Any = dataclasses.MISSING) -> Any:
    return spec(description, default=default, pattern=ID_PATTERN, min_length=1, max_length=64)


def path_field(description: str, *, default: Any = dataclasses.MISSING) -> Any:
    """A file path, relative to the script's folder (or absolute)."""
    return spec(description, default=default, min_length=1)


_T = TypeVar("_T")


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(spec, color, ident, path_field))
def model(cls: type[_T]) -> type[_T]:
    """Make a script model: a frozen dataclass whose fields are passed by name."""
    made: type[_T] = dataclasses.dataclass(frozen=True, slots=True, kw_only=True)(cls)
    return made


def fields_of(model: type[Any]) -> tuple[dataclasses.Field[Any], ...]:
    """A model's fields, in declaration order."""
    return dataclasses.fields(model)


def key_of(field: dataclasses.Field[Any]) -> str:
    """The key a script writes for a field: 'class' for class_, '$schema' for schema_."""
    return str(field.metadata.get("alias", field.name))


# Every model: unknown keys are errors, and aliased keys ('class', '$schema') are also accepted by name.
STRICT: dict[str, Any] = {"extra": "forbid", "validate_by_name": True, "validate_by_alias": True}


class Strict:
    """Base for every script model: immutable (each is a frozen dataclass), and unknown keys are errors."""

    __pydantic_config__ = STRICT


# ---------------------------------------------------------------- event, theme


@model
class Event(Strict):
    """What the evening is: shown on the title slide and used in headings."""

    title: str = spec("The award's name, e.g. 'Årets vertskapskommune for næringslivet'.", min_length=1)
    short_title: str | None = spec(
        "The award's name in headings and kickers (the `kicker` label), e.g. 'Årets vertskapskommune'; "
        "by default the title.",
        default=None,
        min_length=1,
    )
    year: int = spec("The award year, shown with the title.", ge=1900, le=2999)
    subtitle: str | None = spec("A line under the title, e.g. who gives the award.", default=None)
    occasion: str | None = spec("Where the award is given, e.g. the conference's name.", default=None)
    date: dt.date | None = spec("The date of the ceremony (YYYY-MM-DD).", default=None)
    organisers: list[str] = spec("Who gives the award, shown on the title slide.", factory=list)
    logo: str | None = path_field("The event's logo (SVG, PNG or JPEG).", default=None)
    background: str | None = path_field("The stage background image, drawn behind every slide.", default=None)


@model
class Theme(Strict):
    """Colours and type of the stage. Every text/background pair must reach 7:1 contrast."""

    background: str = color("The stage's base colour, behind the background image.", default="#0b1630")
    text: str = color("Body and heading text.", default="#ffffff")
    muted: str = color("Secondary text: counties, attributions, captions.", default="#c9d3e6")
    accent: str = color("Highlights: the winner, rules, the confetti's main colour.", default="#f2c14e")
    accent2: str = color("A second accent for the confetti and highlights.", default="#7fd1c7")
    font: str | None = spec(
        "A font family to use instead of the bundled one (it must be installed on the show machine).", default=None
    )


# ---------------------------------------------------------------- the show's own words


def _labels_model() -> type[Any]:
    """The ``labels:`` mapping's model, one optional field per label of ``wording.LABELS`` (declared there once)."""

    def field(label: Any) -> Any:
        shown = "" if label.nb == label.en else f"; English: '{label.en}'"
        return spec(f"{label.description}. Default: '{label.nb}'{shown}.", default=None)

    namespace: dict[str, Any] = {
        "__doc__": "Replacements for the fixed words on stage and in the cue list; see docs/slides.md for every "
        "label's Norwegian and English default and its placeholders.",
        "__module__": __name__,
        "__qualname__": "Labels",
        "__annotations__": {label.key: "str | None" for label in LABELS},
        **{label.key: field(label) for label in LABELS},
    }
    return model(type("Labels", (Strict,), namespace))


if TYPE_CHECKING:

    class Labels(Strict):
        """(The real class is made from wording.LABELS by _labels_model.)"""

        def __getattr__(self, key: str) -> str | None: ...

else:
    Labels = _labels_model()


# ---------------------------------------------------------------- settings


@model
class Remote(Strict):
    """The network remote control (off unless enabled)."""

    enabled: bool = spec("Serve the HTTP/WebSocket/OSC remote control.", default=False)
    host: str = spec("Address to listen on; anything but loopback needs the token.", default="127.0.0.1")
    port: int = spec("HTTP and WebSocket port.", default=8765, ge=1, le=65535)
    osc_port: int | None = spec("UDP port for OSC, or none for no OSC.", default=None, ge=1, le=65535)


@model
class Settings(Strict):
    """How the show runs on the night: keys, guards, screens, remote."""

    double_fire_ms: int = spec(
        "A second 'next' within this many milliseconds of a cue change is ignored.", default=300, ge=0, le=5000
    )
    keys: dict[str, list[str]] = spec(
        "Key bindings replacing a command's defaults: command id to a list of key names "
        "as Qt writes them (e.g. 'PgDown', 'Ctrl+Q').",
        factory=dict,
    )
    stage_screen: str | None = spec(
        "The screen for the stage, by number (0, 1, …) or name; by default the largest "
        "screen that is not the presenter's.",
        default=None,
    )
    stage_resolution: str | None = spec(
        "The stage screen's expected resolution, e.g. '1920x1080', checked before the show.",
        default=None,
        pattern=r"^\d{3,5}x\d{3,5}$",
    )
    stage_lost: Literal["window", "hide"] = spec(
        "What the stage does when its screen disappears: become a small window, or hide.", default="window"
    )
    show_winners_in_preview: bool = spec(
        "Let the presenter's Next preview show reveals with their winner.", default=False
    )
    remote: Remote = spec("The network remote control.", factory=Remote)
    confidence_screen: str | None = spec(
        "The screen for the host's confidence monitor, by number (0, 1, …) or name; none: no confidence "
        "window on this machine.",
        default=None,
    )
    confidence_mirror: bool = spec("Flip the confidence monitor horizontally, for a teleprompter glass.", default=False)
    audio_device: str | None = spec(
        "The sound output, by name as the checklist lists it (e.g. 'USB Audio CODEC'); by default the "
        "system's default output. The command line's --audio-device wins.",
        default=None,
    )
    messages: list[Annotated[str, Before(str.strip)]] | None = spec(
        "Preset messages the operator sends the host with one click; a message that is only a duration "
        "(e.g. '30 s') counts down on the confidence monitor. By default eight a stage manager uses, in the "
        "script's language ('Strekk 30 s', 'Kutt', 'Vinneren kommer', … or 'Stretch 30 s', 'Cut', …).",
        default=None,
        max_length=20,
    )


# ---------------------------------------------------------------- classes and nominees


@model
class Nominee(Strict):
    """One nominated municipality, with the profile shown on its slide."""

    id: str = ident()
    name: str = spec("The municipality's name as shown on stage.", min_length=1)
    county: str = spec("The county (fylke) it belongs to.", min_length=1)
    crest: str = path_field("The crest image (SVG, PNG or JPEG).")
    tagline: str = spec("One line that sums up why it was nominated.", min_length=1)
    highlights: list[str] = spec("Three to five short highlights, shown as a list.", factory=list, max_length=5)
    notes: str | None = spec("The full nomination text, as the host's notes.", default=None)


@model
class AwardClass(Strict):
    """A class of the award (e.g. municipalities under 15 000 inhabitants) and its nominees."""

    id: str = ident()
    name: str = spec("The class as shown on stage, e.g. 'under 15 000 innbyggere'.", min_length=1)
    title: str | None = spec("A heading for the class intro; by default built from the name.", default=None)
    nominees: list[Nominee] = spec("The nominees of this class, in stage order.", min_length=1)
    winner: str = spec("The winning nominee's id, or 'live' when the envelope is opened on the night.")
    confirm: bool = spec(
        "With a preset winner: the operator keys in the name the host reads, and a mismatch stops the reveal.",
        default=False,
    )
    citation: str | None = spec(
        "The jury's citation for the winner, if the jury wrote one (shown on the winner slide).", default=None
    )
    suspense: Duration = spec("How long the suspense step runs before the reveal can be fired.", default=4.0)

    @property
    def nominee_ids(self) -> list[str]:
        return [n.id for n in self.nominees]

    def nominee(self, nominee_id: str) -> Nominee | None:
        return next((n for n in self.nominees if n.id == nominee_id), None)


# ---------------------------------------------------------------- slides


def _transition_shorthand(value: object) -> object:
    """``transition: cut`` means ``transition: {type: cut}``; a cut always takes no time."""
    if isinstance(value, str):
        value = {"type": value}
    if isinstance(value, dict) and value.get("type") == "cut":
        return {**value, "duration": 0}
    return value


@model
class Transition(Strict):
    """How the stage moves into a slide."""

    type: Literal["cut", "fade", "slide", "zoom"] = spec("cut, fade, slide or zoom.", default="fade")
    duration: Duration = spec("Length of the transition (a cut takes none).", default=0.6)


# ---------------------------------------------------------------- media


def _file_shorthand(value: object) -> object:
    """``video: film.mp4`` / ``audio: bed.mp3`` / ``audio: [a.mp3, b.mp3]`` mean ``{file: …}``; ``stop`` stays."""
    if value == AUDIO_STOP or value is None or isinstance(value, dict):
        return value
    if isinstance(value, str | list):
        return {"file": value}
    raise ValueError("write a file name, a list of file names, or a mapping with 'file:'")


AUDIO_STOP = "stop"
_FILE_SCHEMA: dict[str, Any] = {"type": "string", "minLength": 1, "description": "A file: the short form."}
_FILES_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {"type": "string", "minLength": 1},
    "minItems": 1,
    "description": "Files played in order: the short form.",
}


def level_field(description: str) -> Any:
    return spec(description, default=1.0, ge=0.0, le=2.0)


@model
class VideoRef(Strict):
    """A film playing behind a title or countdown slide (the slide's text is drawn over it)."""

    file: str = path_field("The film (MP4, MOV, MKV or WebM), relative to the script.")
    volume: float = level_field("Its sound: 0 silent, 1 as recorded, up to 2.")
    loop: bool = spec("Start the film again when it ends.", default=True)
    start: Duration = spec("Where in the film to begin.", default=0.0)
    end: Duration | None = spec("Where in the film to stop; by default its end.", default=None)


@model
class AudioCue(Strict):
    """Sound under a slide, from its start until the show leaves it (or, with 'continue', a later slide)."""

    file: str | list[str] = spec(
        "The sound file (WAV, MP3, FLAC, Ogg, M4A), or a list played one after the other.", min_length=1
    )
    volume: float = level_field("0 silent, 1 as recorded, up to 2.")
    loop: bool = spec("Start again at the end (a list loops as a whole).", default=False)
    fade_in: Duration = spec("How long it takes to come up when it starts.", default=0.0)
    fade_out: Duration = spec(
        "How long it takes to go when the show leaves the slide, or another sound replaces it.", default=1.0
    )
    continue_: bool = spec(
        "Keep playing under the following slides until one sets other sound or 'audio: stop'.",
        default=False,
        key="continue",
    )

    @property
    def files(self) -> list[str]:
        return [self.file] if isinstance(self.file, str) else list(self.file)


AudioField = Annotated[
    AudioCue | Literal["stop"] | None, Before(_file_shorthand, shorthand=[_FILE_SCHEMA, _FILES_SCHEMA])
]
VideoField = Annotated[VideoRef | None, Before(_file_shorthand, shorthand=[_FILE_SCHEMA])]


@model
class RevealSounds(Strict):
    """Files that replace the reveal's own sounds, step by step."""

    suspense: str | None = path_field("Under the suspense (instead of the drumroll).", default=None)
    reveal: str | None = path_field("When the winner is revealed (instead of the fanfare).", default=None)
    winner: str | None = path_field("When the winner's slide comes up (no sound by default).", default=None)


@model
class SlideBase(Strict):
    """Fields every slide has."""

    id: str | None = ident(
        "A stable id for the slide (cue ids and the saved show position derive from it); "
        "by default made from the kind and what the slide shows.",
        default=None,
    )
    title: str | None = spec("A title, shown on stage where the layout has one, and in the cue list.", default=None)
    notes: str | None = spec("The operator's notes for this slide (the presenter's notes panel).", default=None)
    host: str | list[str] | None = spec(
        "What the host reads on the confidence monitor during this slide; a list gives one page per click "
        "of the slide (a building line-up, the reveal's steps). By default the first lines of notes.",
        default=None,
    )
    say: str | None = spec(
        "A line the host says, or how to pronounce a name, shown large on the confidence monitor while this "
        "slide is next or on stage, e.g. 'Si: «Og vinneren er …»'.",
        default=None,
    )
    duration: Duration | None = spec("The planned time on this slide.", default=None)
    transition: Annotated[Transition | None, Before(_transition_shorthand)] = spec(
        "How the stage moves into this slide; by default a short fade.", default=None
    )
    audio: AudioField = spec(
        "Sound that starts with this slide: a file, a list of files, or a mapping with volume, loop, fades and "
        "continue; 'stop' fades out sound that runs on from earlier slides.",
        default=None,
    )


@model
class CountdownSlide(SlideBase):
    """Walk-in: a live clock counting down to a time of day."""

    kind: Literal["countdown"]
    until: dt.time = spec("The time of day (HH:MM, local) the countdown runs to.")
    caption: str | None = spec(
        "A line above the clock; by default the `countdown_caption` label ('Vi starter om'), '' for none.",
        default=None,
    )
    video: VideoField = spec("A film behind the clock (loops by default).", default=None)


@model
class TitleSlide(SlideBase):
    """The event's title slide: logo, title, year, subtitle and organisers."""

    kind: Literal["title"]
    closing: bool = spec(
        "The show's closing slide: without a title of its own it says the `closing` label ('Takk for oss').",
        default=False,
    )
    video: VideoField = spec("A film behind the title (loops by default).", default=None)


@model
class QuoteSlide(SlideBase):
    """A large quote with its attribution."""

    kind: Literal["quote"]
    text: str = spec("The quote, without quotation marks.", min_length=1)
    by: str = spec("Who said it.", min_length=1)
    role: str | None = spec("Their role, e.g. 'administrerende direktør i NHO'.", default=None)


@model
class TextSlide(SlideBase):
    """A heading with a paragraph and/or bullet points."""

    kind: Literal["text"]
    body: str | None = spec("A paragraph under the title.", default=None)
    bullets: list[str] = spec("Bullet points under the title.", factory=list)


@model
class ClassIntroSlide(SlideBase):
    """Opens a class: its name and its nominees' crests."""

    kind: Literal["class_intro"]
    class_: str = spec("The id of the class this slide opens.", key="class")


@model
class NomineeSlide(SlideBase):
    """A nominee's profile: crest, name, county, tagline and highlights."""

    kind: Literal["nominee"]
    nominee: str = spec("The id of the nominee.")


@model
class LineupSlide(SlideBase):
    """A class's nominees side by side; with build, they come in one click at a time."""

    kind: Literal["lineup"]
    class_: str = spec("The id of the class.", key="class")
    build: bool = spec("Bring the nominees in one by one, one cue each.", default=False)


@model
class RevealSlide(SlideBase):
    """The winner reveal of a class: line-up, suspense, reveal and winner slide, one cue each."""

    kind: Literal["reveal"]
    class_: str = spec("The id of the class whose winner is revealed.", key="class")
    sound: bool = spec("Play the drumroll under suspense and the fanfare on reveal.", default=True)
    sounds: RevealSounds | None = spec(
        "Files replacing the reveal's own sounds (the same for every nominee).", default=None
    )


@model
class ImageSlide(SlideBase):
    """A full-stage image, fitted inside the canvas."""

    kind: Literal["image"]
    image: str = path_field("The image file.")
    caption: str | None = spec("A caption under the image.", default=None)


@model
class VideoSlide(SlideBase):
    """A film on the whole stage, letterboxed in the 16:9 canvas; its sound plays with it."""

    kind: Literal["video"]
    video: str = path_field("The film (MP4, MOV, MKV or WebM), relative to the script.")
    poster: str | None = path_field(
        "A picture shown before the film starts and if it cannot play; by default its first frame.", default=None
    )
    then: Literal["hold", "next", "black"] = spec(
        "When the film ends: hold its last frame, go to the next cue by itself, or fade to black.", default="hold"
    )
    volume: float = level_field("Its sound: 0 silent, 1 as recorded, up to 2.")
    start: Duration = spec("Where in the film to begin.", default=0.0)
    end: Duration | None = spec("Where in the film to stop; by default its end.", default=None)
    loop: bool = spec("Start the film again when it ends (then 'then' never comes).", default=False)


@model
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
    | VideoSlide
    | BlackSlide,
    Tagged("kind"),
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
    "video": VideoSlide,
    "black": BlackSlide,
}


@model
class Script(Strict):
    """A ceremony's slide script: the event, the classes and their nominees, and the run of show."""

    schema_: str | None = spec("The JSON schema this file follows (for editors).", default=None, key="$schema")
    version: Literal[1] = spec("The script format's version.", default=1)
    language: Language = spec(
        "The language of the words ceremony itself puts on stage and in the cue list ('Nominert', 'De nominerte', "
        "'Vinneren', dates …): nb (Norwegian bokmål) or en (English).",
        default="nb",
    )
    labels: Labels = spec("Your own words for any of those (see docs/slides.md).", factory=Labels)
    event: Event = spec("The event.")
    theme: Theme = spec("Stage colours and type.", factory=Theme)
    settings: Settings = spec("How the show runs.", factory=Settings)
    classes: list[AwardClass] = spec("The award's classes and nominees.", factory=list)
    slides: list[Slide] = spec("The run of show, in order.", min_length=1)

    def award_class(self, class_id: str) -> AwardClass | None:
        return next((c for c in self.classes if c.id == class_id), None)

    def host_messages(self) -> list[str]:
        """The preset messages: the script's own, or the defaults in its language."""
        if self.settings.messages is not None:
            return list(self.settings.messages)
        return list(DEFAULT_MESSAGES[self.language])

    def wording(self) -> Wording:
        """The show's fixed words: the language's defaults with the script's own labels on top."""
        return Wording(self.language, {f.name: getattr(self.labels, f.name) for f in fields_of(type(self.labels))})

    def find_nominee(self, nominee_id: str) -> tuple[AwardClass, Nominee] | None:
        for award_class in self.classes:
            found = award_class.nominee(nominee_id)
            if found is not None:
                return award_class, found
        return None


def as_data(value: Any) -> Any:
    """A model as the plain data a script file holds: keys as written ('class'), no None, dates as text.

    Validating the result gives back an equal model; preflight walks it for every text on stage.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {}
        for f in fields_of(type(value)):
            item = getattr(value, f.name)
            if item is not None:
                data[key_of(f)] = as_data(item)
        return data
    if isinstance(value, list):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value
