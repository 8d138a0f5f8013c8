"""Where text would not fit its box, for ``ceremony check`` to warn about before the night."""

from __future__ import annotations

from ceremony.render.qtapp import ensure_gui_app
from ceremony.script.loader import LoadedScript
from ceremony.show.cues import build_cues

FitProblem = tuple[int, str, str]


def fit_report(loaded: LoadedScript) -> list[FitProblem]:
    """(slide index, field, message) for every text that would still overflow at its smallest size."""
    from ceremony.render.renderer import Renderer

    ensure_gui_app()
    renderer = Renderer(loaded, prefetch_size=None)
    script = loaded.script
    seen: set[tuple[int, str]] = set()
    out: list[FitProblem] = []
    try:
        for cue in renderer.cues:
            winners: list[str | None] = [None]
            if cue.names_winner and cue.class_id:
                award_class = script.award_class(cue.class_id)
                winners = list(award_class.nominee_ids) if award_class else [None]
            for winner in winners:
                for item in renderer.layout_for(cue, winner).texts:
                    key = (cue.slide_index, item.field)
                    if item.fits or item.dimmed or key in seen:
                        continue
                    seen.add(key)
                    short = item.text if len(item.text) <= 60 else item.text[:57] + "…"
                    out.append(
                        (
                            cue.slide_index,
                            item.field,
                            f"'{short}' does not fit its place even at {item.px} px; shorten it",
                        )
                    )
    finally:
        renderer.close()
    return out


__all__ = ["FitProblem", "build_cues", "fit_report"]
