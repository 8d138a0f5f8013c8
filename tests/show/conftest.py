"""Show-layer fixtures: the real slides.yaml, tiny synthetic scripts and a clock the test moves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ceremony.script.loader import LoadedScript, load_script
from ceremony.script.model import Script
from ceremony.script.validate import validate_script
from ceremony.show.engine import Engine

SLIDES = Path(__file__).resolve().parents[2] / "slides.yaml"


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def tiny_script(*, winner: str = "b", confirm: bool = False, suspense: float = 2.0, **settings: Any) -> Script:
    """Intro, one class of three with a reveal, and an outro; every transition a cut so time is easy."""
    nominees = [
        {"id": n, "name": n.upper(), "county": "X", "crest": f"{n}.svg", "tagline": "t"} for n in ("a", "b", "c")
    ]
    return validate_script(
        {
            "event": {"title": "T", "year": 2024},
            "settings": settings,
            "classes": [
                {
                    "id": "k",
                    "name": "K",
                    "winner": winner,
                    "confirm": confirm,
                    "suspense": suspense,
                    "nominees": nominees,
                }
            ],
            "slides": [
                {"id": "intro", "kind": "title", "transition": {"type": "cut", "duration": 0}, "duration": 10},
                {"kind": "lineup", "class": "k", "build": True, "transition": {"type": "cut", "duration": 0}},
                {"kind": "reveal", "class": "k", "transition": {"type": "cut", "duration": 0}, "duration": 30},
                {"id": "outro", "kind": "text", "title": "Takk", "transition": {"type": "cut", "duration": 0}},
            ],
        }
    )


@pytest.fixture(scope="session")
def slides() -> LoadedScript:
    return load_script(SLIDES)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_engine(clock: FakeClock) -> Callable[..., Engine]:
    def make(script: Script | None = None, **kwargs: Any) -> Engine:
        return Engine(None, script or tiny_script(), clock=clock, **kwargs)

    return make
