"""The design system: colours derived from the theme, the type scale, the layout grid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ceremony.render.geometry import MIN_BODY_PX, MIN_HEADING_PX
from ceremony.render.text import TextStyle
from ceremony.script.assets import resolve
from ceremony.script.model import Script
from ceremony.script.wording import Wording

TITLE_SAFE = (96.0, 54.0, 1728.0, 972.0)
"""The title-safe area: the canvas less 5 % on every side. Nothing is drawn outside it (overscan, a
projector's keystone correction and the stage's frame crop the edges)."""
MARGIN_X = 110.0
SAFE_TOP = 80.0
SAFE_BOTTOM = 1000.0
"""The band the layouts centre their content in (inside the title-safe area, with room to spare)."""
REHEARSAL_RED = "#8e1b1f"


def mix(a: str, b: str, p: float) -> str:
    """The colour p of the way from a to b."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * p):02x}" for x, y in zip(ca, cb, strict=True))


@dataclass(frozen=True, slots=True)
class Palette:
    background: str
    backdrop: str
    """The lightest colour of the stage background: what text over the stage is held against."""
    text: str
    muted: str
    accent: str
    accent2: str
    card: str


@dataclass(frozen=True, slots=True)
class Ctx:
    """What every layout function needs: the script, its folder, colours, the font family and the show's words."""

    script: Script
    base_dir: Path
    palette: Palette
    family: str
    wording: Wording

    def say(self, key: str, **values: object) -> str:
        """The label ``key`` in the script's words, its placeholders filled in (``class_`` fills ``{class}``)."""
        return self.wording.text(key, {name.rstrip("_"): value for name, value in values.items()})

    def asset(self, path: str | None) -> Path | None:
        return resolve(self.base_dir, path) if path else None

    # ---- the type scale
    def kicker(self, color: str | None = None) -> TextStyle:
        return TextStyle(40, MIN_BODY_PX, 600, color or self.palette.accent, spacing=4.0, max_lines=1, upper=True)

    def display(self, px: int = 104, color: str | None = None, max_lines: int = 2) -> TextStyle:
        return TextStyle(
            px, MIN_HEADING_PX, 800, color or self.palette.text, role="heading", max_lines=max_lines, line_height=1.1
        )

    def heading(self, px: int = 88, color: str | None = None, max_lines: int = 2) -> TextStyle:
        return TextStyle(
            px, MIN_HEADING_PX, 700, color or self.palette.text, role="heading", max_lines=max_lines, line_height=1.12
        )

    def name(self, px: int = 120, color: str | None = None, max_lines: int = 1) -> TextStyle:
        return TextStyle(
            px, MIN_HEADING_PX, 800, color or self.palette.text, role="name", max_lines=max_lines, line_height=1.1
        )

    def lead(self, px: int = 52, color: str | None = None, max_lines: int = 3) -> TextStyle:
        return TextStyle(px, 40, 600, color or self.palette.text, max_lines=max_lines, line_height=1.22)

    def body(self, px: int = 46, color: str | None = None, weight: int = 400, italic: bool = False) -> TextStyle:
        return TextStyle(px, MIN_BODY_PX, weight, color or self.palette.text, italic=italic, line_height=1.3)

    def caption(self, px: int = 42, color: str | None = None) -> TextStyle:
        return TextStyle(px, MIN_BODY_PX, 400, color or self.palette.muted, max_lines=2, line_height=1.25)


def palette_for(script: Script, backdrop: str | None = None) -> Palette:
    theme = script.theme
    return Palette(
        background=theme.background,
        backdrop=backdrop or theme.background,
        text=theme.text,
        muted=theme.muted,
        accent=theme.accent,
        accent2=theme.accent2,
        card=mix(backdrop or theme.background, "#ffffff", 0.045),
    )
